"""Keyword operations (``tmdb.keywords``)."""

from __future__ import annotations

from . import Call, Context


async def _details(c: Context) -> object:
    return await c.tmdb.keywords.details(1701)


async def _movies(c: Context) -> object:
    return await c.tmdb.keywords.movies(1701, page=2)


CALLS: dict[str, Call] = {
    "GET /3/keyword/{keyword_id}": _details,
    "GET /3/keyword/{keyword_id}/movies": _movies,
}
