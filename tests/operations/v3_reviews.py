"""Review operations (``tmdb.reviews``)."""

from __future__ import annotations

from tmdb_async import TMDBClient

from . import Call


async def _details(tmdb: TMDBClient) -> object:
    return await tmdb.reviews.details("640b2aeecaaca20079decdcc")


CALLS: dict[str, Call] = {
    "GET /3/review/{review_id}": _details,
}
