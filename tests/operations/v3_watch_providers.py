"""Watch provider list operations (``tmdb.watch_providers``)."""

from __future__ import annotations

from tmdb_async import TMDBClient

from . import Call


async def _regions(tmdb: TMDBClient) -> object:
    return await tmdb.watch_providers.regions()


async def _movie(tmdb: TMDBClient) -> object:
    return await tmdb.watch_providers.movie(watch_region="US")


async def _tv(tmdb: TMDBClient) -> object:
    return await tmdb.watch_providers.tv()


CALLS: dict[str, Call] = {
    "GET /3/watch/providers/regions": _regions,
    "GET /3/watch/providers/movie": _movie,
    "GET /3/watch/providers/tv": _tv,
}
