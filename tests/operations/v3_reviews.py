"""Review operations (``tmdb.reviews``)."""

from __future__ import annotations

from . import Call, Context


async def _details(c: Context) -> object:
    return await c.tmdb.reviews.details("640b2aeecaaca20079decdcc")


CALLS: dict[str, Call] = {
    "GET /3/review/{review_id}": _details,
}
