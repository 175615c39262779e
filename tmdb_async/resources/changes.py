"""``tmdb.changes``: the ids of movies, TV series and people edited recently."""

from __future__ import annotations

import datetime as dt

from ..models.changes import ChangedEntry
from ..models.common import Page
from ._base import Resource
from ._params import check_changes_window, check_page

__all__ = ["ChangesResource"]

_PAGE = Page[ChangedEntry]


class ChangesResource(Resource):
    """Changes lists (``tmdb.changes``): which ids changed in a window of up to 14 days.

    Without dates TMDB returns the last 24 hours.
    """

    __slots__ = ()

    async def _list(
        self, kind: str, start_date: dt.date | None, end_date: dt.date | None, page: int
    ) -> Page[ChangedEntry]:
        params: dict[str, str | int | None] = {
            **check_changes_window(start_date, end_date),
            "page": check_page(page),
        }
        return await self._core.request("GET", f"/3/{kind}/changes", params=params, into=_PAGE)

    async def movie(
        self,
        *,
        start_date: dt.date | None = None,
        end_date: dt.date | None = None,
        page: int = 1,
    ) -> Page[ChangedEntry]:
        """Movies edited in a window (``GET /3/movie/changes``).

        Args:
            start_date: first day of the window (default: TMDB's, 24 hours ago).
            end_date: last day; at most 14 days after ``start_date``.
            page: 1 to 500.

        Returns:
            A :class:`~tmdb_async.Page` of :class:`~tmdb_async.ChangedEntry`.

        Raises:
            TMDBUsageError: dates that are not ``datetime.date``, out of order, more
                than 14 days apart, or a bad page (before any I/O).

        See https://developer.themoviedb.org/reference/changes-movie-list
        """
        return await self._list("movie", start_date, end_date, page)

    async def tv(
        self,
        *,
        start_date: dt.date | None = None,
        end_date: dt.date | None = None,
        page: int = 1,
    ) -> Page[ChangedEntry]:
        """TV series edited in a window (``GET /3/tv/changes``).

        Args:
            start_date: first day of the window (default: TMDB's, 24 hours ago).
            end_date: last day; at most 14 days after ``start_date``.
            page: 1 to 500.

        Returns:
            A :class:`~tmdb_async.Page` of :class:`~tmdb_async.ChangedEntry`.

        Raises:
            TMDBUsageError: bad dates (see :meth:`movie`) or a bad page.

        See https://developer.themoviedb.org/reference/changes-tv-list
        """
        return await self._list("tv", start_date, end_date, page)

    async def person(
        self,
        *,
        start_date: dt.date | None = None,
        end_date: dt.date | None = None,
        page: int = 1,
    ) -> Page[ChangedEntry]:
        """People edited in a window (``GET /3/person/changes``).

        Args:
            start_date: first day of the window (default: TMDB's, 24 hours ago).
            end_date: last day; at most 14 days after ``start_date``.
            page: 1 to 500.

        Returns:
            A :class:`~tmdb_async.Page` of :class:`~tmdb_async.ChangedEntry`.

        Raises:
            TMDBUsageError: bad dates (see :meth:`movie`) or a bad page.

        See https://developer.themoviedb.org/reference/changes-people-list
        """
        return await self._list("person", start_date, end_date, page)
