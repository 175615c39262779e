"""Credit operations (``tmdb.credits``)."""

from __future__ import annotations

from . import Call, Context


async def _details(c: Context) -> object:
    return await c.tmdb.credits.details("6024a814c0ae36003d59cc3c")


CALLS: dict[str, Call] = {
    "GET /3/credit/{credit_id}": _details,
}
