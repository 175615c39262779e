"""``tmdb.watch_providers``: the regions and services TMDB has watch provider data for.

Where one title can be watched is that title's own call
(``tmdb.movies.watch_providers(550)``).
"""

from __future__ import annotations

from .._core import Params
from ..models.watch_providers import WatchProviderList, WatchRegions
from ._base import Resource, language_param
from ._params import code_param

__all__ = ["WatchProvidersResource"]

_REGION = r"[A-Z]{2}"


class WatchProvidersResource(Resource):
    """Watch provider lists (``tmdb.watch_providers``)."""

    __slots__ = ()

    async def regions(self, *, language: str | None = None) -> WatchRegions:
        """The countries with watch provider data (``GET /3/watch/providers/regions``).

        Args:
            language: ``en-US`` style language of ``native_name``; default: the client's.

        Returns:
            :class:`~tmdb_async.WatchRegions` (``results``: :class:`~tmdb_async.Country`).

        Raises:
            TMDBUsageError: a bad language (before any I/O).

        See https://developer.themoviedb.org/reference/watch-providers-available-regions
        """
        params: Params = {"language": language_param(self._core, language)}
        return await self._core.request(
            "GET", "/3/watch/providers/regions", params=params, into=WatchRegions
        )

    async def movie(
        self, *, watch_region: str | None = None, language: str | None = None
    ) -> WatchProviderList:
        """The services offering movies (``GET /3/watch/providers/movie``).

        Args:
            watch_region: only services in this country (``"US"``); default: all, with
                ``display_priorities`` per country.
            language: ``en-US`` style language; default: the client's.

        Returns:
            :class:`~tmdb_async.WatchProviderList`.

        Raises:
            TMDBUsageError: a ``watch_region`` that is not an ISO 3166-1 code, or a bad
                language (before any I/O).

        See https://developer.themoviedb.org/reference/watch-providers-movie-list
        """
        return await self._list("movie", watch_region, language)

    async def tv(
        self, *, watch_region: str | None = None, language: str | None = None
    ) -> WatchProviderList:
        """The services offering TV series (``GET /3/watch/providers/tv``).

        Args:
            watch_region: only services in this country (``"US"``); default: all.
            language: ``en-US`` style language; default: the client's.

        Returns:
            :class:`~tmdb_async.WatchProviderList`.

        Raises:
            TMDBUsageError: a bad ``watch_region`` or language (before any I/O).

        See https://developer.themoviedb.org/reference/watch-provider-tv-list
        """
        return await self._list("tv", watch_region, language)

    async def _list(
        self, kind: str, watch_region: str | None, language: str | None
    ) -> WatchProviderList:
        params: Params = {
            "watch_region": code_param(watch_region, "watch_region", _REGION),
            "language": language_param(self._core, language),
        }
        return await self._core.request(
            "GET", f"/3/watch/providers/{kind}", params=params, into=WatchProviderList
        )
