"""Movie operations (``tmdb.movies``)."""

from __future__ import annotations

from tmdb_async import TMDBClient

from . import Call


async def _details(tmdb: TMDBClient) -> object:
    return await tmdb.movies.details(550)


async def _credits(tmdb: TMDBClient) -> object:
    return await tmdb.movies.credits(550)


CALLS: dict[str, Call] = {
    "GET /3/movie/{movie_id}": _details,
    "GET /3/movie/{movie_id}/credits": _credits,
}
