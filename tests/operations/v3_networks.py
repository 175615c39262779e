"""Network operations (``tmdb.networks``)."""

from __future__ import annotations

from . import Call, Context


async def _details(c: Context) -> object:
    return await c.tmdb.networks.details(49)


async def _alternative_names(c: Context) -> object:
    return await c.tmdb.networks.alternative_names(49)


async def _images(c: Context) -> object:
    return await c.tmdb.networks.images(49)


CALLS: dict[str, Call] = {
    "GET /3/network/{network_id}": _details,
    "GET /3/network/{network_id}/alternative_names": _alternative_names,
    "GET /3/network/{network_id}/images": _images,
}
