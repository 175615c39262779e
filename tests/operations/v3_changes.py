"""Changes lists (``tmdb.changes``): ids changed recently."""

from __future__ import annotations

import datetime as dt

from tmdb_async import TMDBClient

from . import Call


async def _movie(tmdb: TMDBClient) -> object:
    return await tmdb.changes.movie(start_date=dt.date(2024, 1, 1), end_date=dt.date(2024, 1, 14))


async def _tv(tmdb: TMDBClient) -> object:
    return await tmdb.changes.tv(page=2)


async def _person(tmdb: TMDBClient) -> object:
    return await tmdb.changes.person()


CALLS: dict[str, Call] = {
    "GET /3/movie/changes": _movie,
    "GET /3/tv/changes": _tv,
    "GET /3/person/changes": _person,
}
