"""Company operations (``tmdb.companies``)."""

from __future__ import annotations

from tmdb_async import TMDBClient

from . import Call


async def _details(tmdb: TMDBClient) -> object:
    return await tmdb.companies.details(1)


async def _alternative_names(tmdb: TMDBClient) -> object:
    return await tmdb.companies.alternative_names(1)


async def _images(tmdb: TMDBClient) -> object:
    return await tmdb.companies.images(1)


CALLS: dict[str, Call] = {
    "GET /3/company/{company_id}": _details,
    "GET /3/company/{company_id}/alternative_names": _alternative_names,
    "GET /3/company/{company_id}/images": _images,
}
