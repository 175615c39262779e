"""``tmdb.collections``: collections (film series such as "Star Wars Collection")."""

from __future__ import annotations

from .._core import Params
from ..models.catalogue import Collection
from ._base import Resource, check_id, language_param

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
