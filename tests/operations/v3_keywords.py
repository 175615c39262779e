"""Keyword operations (``tmdb.keywords``)."""

from __future__ import annotations

from tmdb_async import TMDBClient

from . import Call


async def _details(tmdb: TMDBClient) -> object:
    return await tmdb.keywords.details(1701)


async def _movies(tmdb: TMDBClient) -> object:
    return await tmdb.keywords.movies(1701, page=2)


CALLS: dict[str, Call] = {
    "GET /3/keyword/{keyword_id}": _details,
    "GET /3/keyword/{keyword_id}/movies": _movies,
}
