"""Network operations (``tmdb.networks``)."""

from __future__ import annotations

from tmdb_async import TMDBClient

from . import Call


async def _details(tmdb: TMDBClient) -> object:
    return await tmdb.networks.details(49)


async def _alternative_names(tmdb: TMDBClient) -> object:
    return await tmdb.networks.alternative_names(49)


async def _images(tmdb: TMDBClient) -> object:
    return await tmdb.networks.images(49)


CALLS: dict[str, Call] = {
    "GET /3/network/{network_id}": _details,
    "GET /3/network/{network_id}/alternative_names": _alternative_names,
    "GET /3/network/{network_id}/images": _images,
}
