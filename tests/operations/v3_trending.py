"""Trending operations (``tmdb.trending``)."""

from __future__ import annotations

from . import Call, Context


async def _all(c: Context) -> object:
    return await c.tmdb.trending.all("week")


async def _movie(c: Context) -> object:
    return await c.tmdb.trending.movie("day")


async def _tv(c: Context) -> object:
    return await c.tmdb.trending.tv("week", page=2)


async def _person(c: Context) -> object:
    return await c.tmdb.trending.person()


CALLS: dict[str, Call] = {
    "GET /3/trending/all/{time_window}": _all,
    "GET /3/trending/movie/{time_window}": _movie,
    "GET /3/trending/tv/{time_window}": _tv,
    "GET /3/trending/person/{time_window}": _person,
}
