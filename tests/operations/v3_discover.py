"""Discover operations (``tmdb.discover``)."""

from __future__ import annotations

from tmdb_async import AnyOf, TMDBClient

from . import Call


async def _movie(tmdb: TMDBClient) -> object:
    return await tmdb.discover.movie(sort_by="vote_average.desc", with_genres=AnyOf(28, 12))


async def _tv(tmdb: TMDBClient) -> object:
    return await tmdb.discover.tv(with_networks=49)


CALLS: dict[str, Call] = {
    "GET /3/discover/movie": _movie,
    "GET /3/discover/tv": _tv,
}
