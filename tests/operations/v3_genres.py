"""Genre operations (``tmdb.genres``)."""

from __future__ import annotations

from tmdb_async import TMDBClient

from . import Call


async def _movie(tmdb: TMDBClient) -> object:
    return await tmdb.genres.movie(language="en-US")


async def _tv(tmdb: TMDBClient) -> object:
    return await tmdb.genres.tv()


CALLS: dict[str, Call] = {
    "GET /3/genre/movie/list": _movie,
    "GET /3/genre/tv/list": _tv,
}
