"""Credit operations (``tmdb.credits``)."""

from __future__ import annotations

from tmdb_async import TMDBClient

from . import Call


async def _details(tmdb: TMDBClient) -> object:
    return await tmdb.credits.details("6024c5a8e4b5750043b0c2c1")


CALLS: dict[str, Call] = {
    "GET /3/credit/{credit_id}": _details,
}
