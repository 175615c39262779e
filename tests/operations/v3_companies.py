"""Company operations (``tmdb.companies``)."""

from __future__ import annotations

from . import Call, Context


async def _details(c: Context) -> object:
    return await c.tmdb.companies.details(1)


async def _alternative_names(c: Context) -> object:
    return await c.tmdb.companies.alternative_names(1)


async def _images(c: Context) -> object:
    return await c.tmdb.companies.images(1)


CALLS: dict[str, Call] = {
    "GET /3/company/{company_id}": _details,
    "GET /3/company/{company_id}/alternative_names": _alternative_names,
    "GET /3/company/{company_id}/images": _images,
}
