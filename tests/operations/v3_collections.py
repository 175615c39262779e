"""Collection operations (``tmdb.collections``)."""

from __future__ import annotations

from tmdb_async import TMDBClient

from . import Call


async def _details(tmdb: TMDBClient) -> object:
    return await tmdb.collections.details(10)


async def _images(tmdb: TMDBClient) -> object:
    return await tmdb.collections.images(10, include_image_language=["en", "null"])


async def _translations(tmdb: TMDBClient) -> object:
    return await tmdb.collections.translations(10)


CALLS: dict[str, Call] = {
    "GET /3/collection/{collection_id}": _details,
    "GET /3/collection/{collection_id}/images": _images,
    "GET /3/collection/{collection_id}/translations": _translations,
}
