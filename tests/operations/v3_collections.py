"""Collection operations (``tmdb.collections``)."""

from __future__ import annotations

from . import Call, Context


async def _details(c: Context) -> object:
    return await c.tmdb.collections.details(10)


async def _images(c: Context) -> object:
    return await c.tmdb.collections.images(10, include_image_language=["en", "null"])


async def _translations(c: Context) -> object:
    return await c.tmdb.collections.translations(10)


CALLS: dict[str, Call] = {
    "GET /3/collection/{collection_id}": _details,
    "GET /3/collection/{collection_id}/images": _images,
    "GET /3/collection/{collection_id}/translations": _translations,
}
