"""Genre operations (``tmdb.genres``)."""

from __future__ import annotations

from . import Call, Context


async def _movie(c: Context) -> object:
    return await c.tmdb.genres.movie(language="en-US")


async def _tv(c: Context) -> object:
    return await c.tmdb.genres.tv()


CALLS: dict[str, Call] = {
    "GET /3/genre/movie/list": _movie,
    "GET /3/genre/tv/list": _tv,
}
