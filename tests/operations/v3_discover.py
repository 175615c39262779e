"""Discover operations (``tmdb.discover``)."""

from __future__ import annotations

from tmdb_async import AnyOf

from . import Call, Context


async def _movie(c: Context) -> object:
    return await c.tmdb.discover.movie(sort_by="vote_average.desc", with_genres=AnyOf(28, 12))


async def _tv(c: Context) -> object:
    return await c.tmdb.discover.tv(with_networks=49)


CALLS: dict[str, Call] = {
    "GET /3/discover/movie": _movie,
    "GET /3/discover/tv": _tv,
}
