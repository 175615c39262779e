"""Find operations (``tmdb.find``)."""

from __future__ import annotations

from tmdb_async import TMDBClient

from . import Call


async def _by_id(tmdb: TMDBClient) -> object:
    return await tmdb.find.by_id("tt0903747", external_source="imdb_id")


CALLS: dict[str, Call] = {
    "GET /3/find/{external_id}": _by_id,
}
