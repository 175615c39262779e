"""``tmdb.collections``: collections (film series such as "Star Wars Collection")."""

from __future__ import annotations

from collections.abc import Iterable

from .._core import Params
from ..models.collections import Collection, CollectionImages, CollectionTranslations
from ._base import Resource, check_id, language_param
from ._params import check_image_languages

__all__ = ["Collections"]


class Collections(Resource):
    """Collection endpoints (``tmdb.collections``)."""

    __slots__ = ()

    async def details(self, collection_id: int, *, language: str | None = None) -> Collection:
        """A collection and its movies (``GET /3/collection/{collection_id}``).

        Args:
            collection_id: TMDB's collection id (``Movie.belongs_to_collection.id``).
            language: ``en-US`` style language; default: the client's.

        Returns:
            The :class:`~tmdb_async.Collection`.

        Raises:
            TMDBUsageError: a bad id or language (before any I/O).
            ResourceNotFoundError: no collection with that id.

        See https://developer.themoviedb.org/reference/collection-details
        """
        cid = check_id(collection_id, "collection_id")
        params: Params = {"language": language_param(self._core, language)}
        return await self._core.request(
            "GET", f"/3/collection/{cid}", params=params, into=Collection
        )

    async def images(
        self,
        collection_id: int,
        *,
        include_image_language: Iterable[str] | str | None = None,
        language: str | None = None,
    ) -> CollectionImages:
        """A collection's backdrops and posters (``GET /3/collection/{collection_id}/images``).

        Args:
            collection_id: TMDB's collection id.
            include_image_language: ISO 639-1 codes of the images to include, ``"null"``
                for images without text (e.g. ``["en", "null"]``).
            language: ``en-US`` style language; default: the client's. TMDB then returns
                only images in that language unless ``include_image_language`` widens it.

        Returns:
            :class:`~tmdb_async.CollectionImages` (``backdrops``, ``posters``).

        Raises:
            TMDBUsageError: a bad id, image language or language (before any I/O).
            ResourceNotFoundError: no collection with that id.

        See https://developer.themoviedb.org/reference/collection-images
        """
        cid = check_id(collection_id, "collection_id")
        params: Params = {
            "include_image_language": check_image_languages(include_image_language),
            "language": language_param(self._core, language),
        }
        return await self._core.request(
            "GET", f"/3/collection/{cid}/images", params=params, into=CollectionImages
        )

    async def translations(self, collection_id: int) -> CollectionTranslations:
        """A collection's title, overview and homepage in every language it has
        (``GET /3/collection/{collection_id}/translations``).

        Args:
            collection_id: TMDB's collection id.

        Returns:
            :class:`~tmdb_async.CollectionTranslations`.

        Raises:
            TMDBUsageError: a bad id (before any I/O).
            ResourceNotFoundError: no collection with that id.

        See https://developer.themoviedb.org/reference/collection-translations
        """
        cid = check_id(collection_id, "collection_id")
        return await self._core.request(
            "GET", f"/3/collection/{cid}/translations", into=CollectionTranslations
        )
