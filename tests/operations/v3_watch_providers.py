"""Watch provider list operations (``tmdb.watch_providers``)."""

from __future__ import annotations

from . import Call, Context


async def _regions(c: Context) -> object:
    return await c.tmdb.watch_providers.regions()


async def _movie(c: Context) -> object:
    return await c.tmdb.watch_providers.movie(watch_region="US")


async def _tv(c: Context) -> object:
    return await c.tmdb.watch_providers.tv()


CALLS: dict[str, Call] = {
    "GET /3/watch/providers/regions": _regions,
    "GET /3/watch/providers/movie": _movie,
    "GET /3/watch/providers/tv": _tv,
}
