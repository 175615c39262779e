"""Find operations (``tmdb.find``)."""

from __future__ import annotations

from . import Call, Context


async def _by_id(c: Context) -> object:
    return await c.tmdb.find.by_id("tt0903747", external_source="imdb_id")


CALLS: dict[str, Call] = {
    "GET /3/find/{external_id}": _by_id,
}
