"""Changes lists (``tmdb.changes``): ids changed recently."""

from __future__ import annotations

import datetime as dt

from . import Call, Context


async def _movie(c: Context) -> object:
    return await c.tmdb.changes.movie(start_date=dt.date(2024, 1, 1), end_date=dt.date(2024, 1, 14))


async def _tv(c: Context) -> object:
    return await c.tmdb.changes.tv(page=2)


async def _person(c: Context) -> object:
    return await c.tmdb.changes.person()


CALLS: dict[str, Call] = {
    "GET /3/movie/changes": _movie,
    "GET /3/tv/changes": _tv,
    "GET /3/person/changes": _person,
}
