"""``tmdb.trending``: what is trending today or this week (all media, movies, TV, people)."""

from __future__ import annotations

from typing import Literal

from ..models.common import Page
from ..models.movie import MovieSummary
from ..models.person import PersonSummary
from ..models.search import MultiResult
from ..models.tv import TVSummary
from ._base import Resource, language_param
from ._params import check_choice, check_page, choices

__all__ = ["TimeWindow", "Trending"]

#: The trending window: the last day or the last week.
TimeWindow = Literal["day", "week"]
_WINDOWS = choices(TimeWindow)


class Trending(Resource):
    """Trending endpoints (``tmdb.trending``)."""

    __slots__ = ()

    def _params(
        self, time_window: object, page: int, language: str | None
    ) -> tuple[str, dict[str, str | int | None]]:
        window = check_choice(time_window, "time_window", _WINDOWS)
        return window, {"page": check_page(page), "language": language_param(self._core, language)}

    async def all(
        self, time_window: TimeWindow = "day", *, page: int = 1, language: str | None = None
    ) -> Page[MultiResult]:
        """Trending movies, TV series and people together (``GET /3/trending/all/{time_window}``).

        Args:
            time_window: ``"day"`` or ``"week"``.
            page: 1 to 500.
            language: ``en-US`` style language; default: the client's.

        Returns:
            A :class:`~tmdb_async.Page` of :data:`~tmdb_async.MultiResult` (each item
            structured by its ``media_type``).

        Raises:
            TMDBUsageError: a bad time window, page or language (before any I/O).

        See https://developer.themoviedb.org/reference/trending-all
        """
        window, params = self._params(time_window, page, language)
        return await self._core.request(
            "GET", f"/3/trending/all/{window}", params=params, into=Page[MultiResult]
        )

    async def movie(
        self, time_window: TimeWindow = "day", *, page: int = 1, language: str | None = None
    ) -> Page[MovieSummary]:
        """Trending movies (``GET /3/trending/movie/{time_window}``).

        Args:
            time_window: ``"day"`` or ``"week"``.
            page: 1 to 500.
            language: ``en-US`` style language; default: the client's.

        Returns:
            A :class:`~tmdb_async.Page` of :class:`~tmdb_async.MovieSummary`.

        Raises:
            TMDBUsageError: a bad time window, page or language (before any I/O).

        See https://developer.themoviedb.org/reference/trending-movies
        """
        window, params = self._params(time_window, page, language)
        return await self._core.request(
            "GET", f"/3/trending/movie/{window}", params=params, into=Page[MovieSummary]
        )

    async def tv(
        self, time_window: TimeWindow = "day", *, page: int = 1, language: str | None = None
    ) -> Page[TVSummary]:
        """Trending TV series (``GET /3/trending/tv/{time_window}``).

        Args:
            time_window: ``"day"`` or ``"week"``.
            page: 1 to 500.
            language: ``en-US`` style language; default: the client's.

        Returns:
            A :class:`~tmdb_async.Page` of :class:`~tmdb_async.TVSummary`.

        Raises:
            TMDBUsageError: a bad time window, page or language (before any I/O).

        See https://developer.themoviedb.org/reference/trending-tv
        """
        window, params = self._params(time_window, page, language)
        return await self._core.request(
            "GET", f"/3/trending/tv/{window}", params=params, into=Page[TVSummary]
        )

    async def person(
        self, time_window: TimeWindow = "day", *, page: int = 1, language: str | None = None
    ) -> Page[PersonSummary]:
        """Trending people (``GET /3/trending/person/{time_window}``).

        Args:
            time_window: ``"day"`` or ``"week"``.
            page: 1 to 500.
            language: ``en-US`` style language; default: the client's.

        Returns:
            A :class:`~tmdb_async.Page` of :class:`~tmdb_async.PersonSummary`.

        Raises:
            TMDBUsageError: a bad time window, page or language (before any I/O).

        See https://developer.themoviedb.org/reference/trending-people
        """
        window, params = self._params(time_window, page, language)
        return await self._core.request(
            "GET", f"/3/trending/person/{window}", params=params, into=Page[PersonSummary]
        )
