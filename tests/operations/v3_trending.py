"""Trending operations (``tmdb.trending``)."""

from __future__ import annotations

from tmdb_async import TMDBClient

from . import Call


async def _all(tmdb: TMDBClient) -> object:
    return await tmdb.trending.all("week")


async def _movie(tmdb: TMDBClient) -> object:
    return await tmdb.trending.movie("day")


async def _tv(tmdb: TMDBClient) -> object:
    return await tmdb.trending.tv("week", page=2)


async def _person(tmdb: TMDBClient) -> object:
    return await tmdb.trending.person()


CALLS: dict[str, Call] = {
    "GET /3/trending/all/{time_window}": _all,
    "GET /3/trending/movie/{time_window}": _movie,
    "GET /3/trending/tv/{time_window}": _tv,
    "GET /3/trending/person/{time_window}": _person,
}
