"""``tmdb.genres``: the official movie and TV genre lists."""

from __future__ import annotations

from .._core import Params
from ..models.genres import GenreList
from ._base import Resource, language_param

__all__ = ["Genres"]


class Genres(Resource):
    """Genre endpoints (``tmdb.genres``)."""

    __slots__ = ()

    async def movie(self, *, language: str | None = None) -> GenreList:
        """The movie genres (``GET /3/genre/movie/list``).

        Args:
            language: ``en-US`` style language of the names; default: the client's.

        Returns:
            A :class:`~tmdb_async.GenreList`.

        Raises:
            TMDBUsageError: a bad language (before any I/O).

        See https://developer.themoviedb.org/reference/genre-movie-list
        """
        params: Params = {"language": language_param(self._core, language)}
        return await self._core.request("GET", "/3/genre/movie/list", params=params, into=GenreList)

    async def tv(self, *, language: str | None = None) -> GenreList:
        """The TV genres (``GET /3/genre/tv/list``).

        Args:
            language: ``en-US`` style language of the names; default: the client's.

        Returns:
            A :class:`~tmdb_async.GenreList`.

        Raises:
            TMDBUsageError: a bad language (before any I/O).

        See https://developer.themoviedb.org/reference/genre-tv-list
        """
        params: Params = {"language": language_param(self._core, language)}
        return await self._core.request("GET", "/3/genre/tv/list", params=params, into=GenreList)
