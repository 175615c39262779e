"""``tmdb.tv``: TV series, seasons, episodes and the TV lists.

Every method checks its arguments locally and raises :class:`~tmdb_async.TMDBUsageError`
before any I/O, then makes exactly one request.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from .._core import Params
from ..models.common import Page
from ..models.movie import Credits
from ..models.tv import TVEpisode, TVExternalIds, TVSeason, TVSeries, TVSummary
from ._base import Resource, check_id, join_appends, language_param
from ._params import (
    check_image_languages,
    check_index,
    check_page,
    check_timezone,
    choices,
)

__all__ = [
    "EPISODE_APPENDS",
    "SEASON_APPENDS",
    "TV_APPENDS",
    "EpisodeAppend",
    "SeasonAppend",
    "TVAppend",
    "TVResource",
]

#: ``append_to_response`` names of series details; each fills the field of that name.
TVAppend = Literal["credits", "external_ids", "images", "keywords", "recommendations", "similar"]
#: ``append_to_response`` names of season details.
SeasonAppend = Literal["credits", "external_ids", "images"]
#: ``append_to_response`` names of episode details.
EpisodeAppend = Literal["credits", "external_ids", "images"]

TV_APPENDS = frozenset(choices(TVAppend))
SEASON_APPENDS = frozenset(choices(SeasonAppend))
EPISODE_APPENDS = frozenset(choices(EpisodeAppend))

_PAGE = Page[TVSummary]


class TVResource(Resource):
    """TV endpoints (``tmdb.tv``)."""

    __slots__ = ()

    async def details(
        self,
        series_id: int,
        *,
        append_to_response: Iterable[TVAppend] = (),
        language: str | None = None,
        include_image_language: Iterable[str] | str | None = None,
    ) -> TVSeries:
        """A series' details (``GET /3/tv/{series_id}``).

        Args:
            series_id: TMDB's series id.
            append_to_response: sub-resources fetched in the same request (at most 20):
                ``credits``, ``external_ids``, ``images``, ``keywords``,
                ``recommendations``, ``similar``; each fills the field of that name.
            language: ``en-US`` style language; default: the client's.
            include_image_language: with ``images``, the image languages to keep (ISO
                639-1 codes, ``"null"`` for images without text).

        Returns:
            The :class:`~tmdb_async.TVSeries`.

        Raises:
            TMDBUsageError: a bad id, language or append name (before any I/O).
            ResourceNotFoundError: no series with that id (code 34).

        See https://developer.themoviedb.org/reference/tv-series-details
        """
        sid = check_id(series_id, "series_id")
        params: Params = {
            "append_to_response": join_appends(append_to_response, TV_APPENDS),
            "language": language_param(self._core, language),
            "include_image_language": check_image_languages(include_image_language),
        }
        return await self._core.request("GET", f"/3/tv/{sid}", params=params, into=TVSeries)

    async def credits(self, series_id: int, *, language: str | None = None) -> Credits:
        """The cast and crew of a series' latest season (``GET /3/tv/{series_id}/credits``).

        Args:
            series_id: TMDB's series id.
            language: ``en-US`` style language; default: the client's.

        Returns:
            :class:`~tmdb_async.Credits` (``id`` is the series id).

        Raises:
            TMDBUsageError: a bad id or language (before any I/O).
            ResourceNotFoundError: no series with that id.

        See https://developer.themoviedb.org/reference/tv-series-credits
        """
        sid = check_id(series_id, "series_id")
        params: Params = {"language": language_param(self._core, language)}
        return await self._core.request("GET", f"/3/tv/{sid}/credits", params=params, into=Credits)

    async def season(
        self,
        series_id: int,
        season_number: int,
        *,
        append_to_response: Iterable[SeasonAppend] = (),
        language: str | None = None,
    ) -> TVSeason:
        """A season with its episodes (``GET /3/tv/{series_id}/season/{season_number}``).

        Args:
            series_id: TMDB's series id.
            season_number: the season (0 holds the specials).
            append_to_response: ``credits``, ``external_ids``, ``images`` (at most 20).
            language: ``en-US`` style language; default: the client's.

        Returns:
            The :class:`~tmdb_async.TVSeason`.

        Raises:
            TMDBUsageError: a bad id, season number, language or append name.
            ResourceNotFoundError: no such series or season.

        See https://developer.themoviedb.org/reference/tv-season-details
        """
        sid = check_id(series_id, "series_id")
        number = check_index(season_number, "season_number")
        params: Params = {
            "append_to_response": join_appends(append_to_response, SEASON_APPENDS),
            "language": language_param(self._core, language),
        }
        return await self._core.request(
            "GET", f"/3/tv/{sid}/season/{number}", params=params, into=TVSeason
        )

    async def episode(
        self,
        series_id: int,
        season_number: int,
        episode_number: int,
        *,
        append_to_response: Iterable[EpisodeAppend] = (),
        language: str | None = None,
    ) -> TVEpisode:
        """An episode (``GET /3/tv/{series_id}/season/{season_number}/episode/{episode_number}``).

        Args:
            series_id: TMDB's series id.
            season_number: the season (0 holds the specials).
            episode_number: the episode within the season.
            append_to_response: ``credits``, ``external_ids``, ``images`` (at most 20).
            language: ``en-US`` style language; default: the client's.

        Returns:
            The :class:`~tmdb_async.TVEpisode`.

        Raises:
            TMDBUsageError: a bad id, number, language or append name.
            ResourceNotFoundError: no such series, season or episode.

        See https://developer.themoviedb.org/reference/tv-episode-details
        """
        sid = check_id(series_id, "series_id")
        season = check_index(season_number, "season_number")
        number = check_index(episode_number, "episode_number")
        params: Params = {
            "append_to_response": join_appends(append_to_response, EPISODE_APPENDS),
            "language": language_param(self._core, language),
        }
        return await self._core.request(
            "GET",
            f"/3/tv/{sid}/season/{season}/episode/{number}",
            params=params,
            into=TVEpisode,
        )

    async def external_ids(self, series_id: int) -> TVExternalIds:
        """A series' ids on IMDb, TheTVDB, Wikidata ... (``GET /3/tv/{series_id}/external_ids``).

        Args:
            series_id: TMDB's series id.

        Returns:
            :class:`~tmdb_async.TVExternalIds` (``None`` where unknown).

        Raises:
            TMDBUsageError: a bad id (before any I/O).
            ResourceNotFoundError: no series with that id.

        See https://developer.themoviedb.org/reference/tv-series-external-ids
        """
        sid = check_id(series_id, "series_id")
        return await self._core.request("GET", f"/3/tv/{sid}/external_ids", into=TVExternalIds)

    async def recommendations(
        self, series_id: int, *, page: int = 1, language: str | None = None
    ) -> Page[TVSummary]:
        """Series recommended from one (``GET /3/tv/{series_id}/recommendations``).

        Args:
            series_id: TMDB's series id.
            page: 1 to 500.
            language: ``en-US`` style language; default: the client's.

        Returns:
            A :class:`~tmdb_async.Page` of :class:`~tmdb_async.TVSummary`.

        Raises:
            TMDBUsageError: a bad id, page or language (before any I/O).

        See https://developer.themoviedb.org/reference/tv-series-recommendations
        """
        sid = check_id(series_id, "series_id")
        params: Params = {
            "page": check_page(page),
            "language": language_param(self._core, language),
        }
        return await self._core.request(
            "GET", f"/3/tv/{sid}/recommendations", params=params, into=_PAGE
        )

    async def _list(
        self, name: str, page: int, language: str | None, timezone: str | None = None
    ) -> Page[TVSummary]:
        params: Params = {
            "page": check_page(page),
            "language": language_param(self._core, language),
            "timezone": check_timezone(timezone),
        }
        return await self._core.request("GET", f"/3/tv/{name}", params=params, into=_PAGE)

    async def popular(self, *, page: int = 1, language: str | None = None) -> Page[TVSummary]:
        """Series ordered by popularity (``GET /3/tv/popular``).

        Args:
            page: 1 to 500.
            language: ``en-US`` style language; default: the client's.

        Returns:
            A :class:`~tmdb_async.Page` of :class:`~tmdb_async.TVSummary`.

        Raises:
            TMDBUsageError: a bad page or language (before any I/O).

        See https://developer.themoviedb.org/reference/tv-series-popular-list
        """
        return await self._list("popular", page, language)

    async def top_rated(self, *, page: int = 1, language: str | None = None) -> Page[TVSummary]:
        """Series ordered by rating (``GET /3/tv/top_rated``).

        Args:
            page: 1 to 500.
            language: ``en-US`` style language; default: the client's.

        Returns:
            A :class:`~tmdb_async.Page` of :class:`~tmdb_async.TVSummary`.

        Raises:
            TMDBUsageError: a bad page or language (before any I/O).

        See https://developer.themoviedb.org/reference/tv-series-top-rated-list
        """
        return await self._list("top_rated", page, language)

    async def on_the_air(
        self, *, page: int = 1, language: str | None = None, timezone: str | None = None
    ) -> Page[TVSummary]:
        """Series with an episode airing in the next 7 days (``GET /3/tv/on_the_air``).

        Args:
            page: 1 to 500.
            language: ``en-US`` style language; default: the client's.
            timezone: the IANA time zone the days are counted in (``"America/New_York"``).

        Returns:
            A :class:`~tmdb_async.Page` of :class:`~tmdb_async.TVSummary`.

        Raises:
            TMDBUsageError: a bad page, language or time zone (before any I/O).

        See https://developer.themoviedb.org/reference/tv-series-on-the-air-list
        """
        return await self._list("on_the_air", page, language, timezone)

    async def airing_today(
        self, *, page: int = 1, language: str | None = None, timezone: str | None = None
    ) -> Page[TVSummary]:
        """Series with an episode airing today (``GET /3/tv/airing_today``).

        Args:
            page: 1 to 500.
            language: ``en-US`` style language; default: the client's.
            timezone: the IANA time zone "today" is taken in (``"America/New_York"``).

        Returns:
            A :class:`~tmdb_async.Page` of :class:`~tmdb_async.TVSummary`.

        Raises:
            TMDBUsageError: a bad page, language or time zone (before any I/O).

        See https://developer.themoviedb.org/reference/tv-series-airing-today-list
        """
        return await self._list("airing_today", page, language, timezone)
