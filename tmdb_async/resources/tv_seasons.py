"""``tmdb.tv.seasons``: a TV season's details and sub-resources.

A season is addressed by its series id and season number (0 holds the specials), except
for its edit history, which TMDB keys by the season's own id (``TVSeason.id``). Every
method checks its arguments locally and raises :class:`~tmdb_async.TMDBUsageError` before
any I/O, then makes exactly one request.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Literal

from .._core import Params
from ..models.movie import Changes, Credits, Videos, WatchProviders
from ..models.tv import AggregateCredits, SeasonImages, TVExternalIds, TVSeason, TVTranslations
from ._base import Resource, check_id, join_appends, language_param
from ._params import check_changes_window, check_image_languages, check_index, check_page, choices
from ._tv_params import video_languages

__all__ = ["SEASON_APPENDS", "SeasonAppend", "TVSeasons"]

#: ``append_to_response`` names of season details; each fills the field of that name on
#: :class:`~tmdb_async.TVSeason` (``watch/providers`` fills ``watch_providers``).
SeasonAppend = Literal[
    "aggregate_credits",
    "credits",
    "external_ids",
    "images",
    "translations",
    "videos",
    "watch/providers",
]
SEASON_APPENDS = frozenset(choices(SeasonAppend))


class TVSeasons(Resource):
    """TV season endpoints (``tmdb.tv.seasons``)."""

    __slots__ = ()

    def _path(self, series_id: int, season_number: int, tail: str = "") -> str:
        sid = check_id(series_id, "series_id")
        number = check_index(season_number, "season_number")
        return f"/3/tv/{sid}/season/{number}{tail}"

    async def details(
        self,
        series_id: int,
        season_number: int,
        *,
        append_to_response: Iterable[SeasonAppend] = (),
        language: str | None = None,
        include_image_language: Iterable[str] | str | None = None,
    ) -> TVSeason:
        """A season with its episodes (``GET /3/tv/{series_id}/season/{season_number}``).

        Args:
            series_id: TMDB's series id.
            season_number: the season (0 holds the specials).
            append_to_response: sub-resources fetched in the same request (at most 20),
                from :data:`SeasonAppend`; each fills the field of that name, and
                ``season.appended`` gives them typed without ``None``.
            language: ``en-US`` style language; default: the client's.
            include_image_language: with ``images``, the image languages to keep (ISO
                639-1 codes, ``"null"`` for images without text).

        Returns:
            The :class:`~tmdb_async.TVSeason`.

        Raises:
            TMDBUsageError: a bad id, season number, language or append name, or more
                than 20 names (before any I/O).
            ResourceNotFoundError: no such series or season (code 34).

        See https://developer.themoviedb.org/reference/tv-season-details
        """
        path = self._path(series_id, season_number)
        params: Params = {
            "append_to_response": join_appends(append_to_response, SEASON_APPENDS),
            "language": language_param(self._core, language),
            "include_image_language": check_image_languages(include_image_language),
        }
        return await self._core.request("GET", path, params=params, into=TVSeason)

    async def aggregate_credits(
        self, series_id: int, season_number: int, *, language: str | None = None
    ) -> AggregateCredits:
        """Everyone who worked on any episode of the season (``.../aggregate_credits``).

        Args:
            series_id: TMDB's series id.
            season_number: the season (0 holds the specials).
            language: ``en-US`` style language; default: the client's.

        Returns:
            :class:`~tmdb_async.AggregateCredits`, each person once with their roles or
            jobs and episode counts.

        Raises:
            TMDBUsageError: a bad id, season number or language (before any I/O).
            ResourceNotFoundError: no such series or season (code 34).

        See https://developer.themoviedb.org/reference/tv-season-aggregate-credits
        """
        path = self._path(series_id, season_number, "/aggregate_credits")
        params: Params = {"language": language_param(self._core, language)}
        return await self._core.request("GET", path, params=params, into=AggregateCredits)

    async def credits(
        self, series_id: int, season_number: int, *, language: str | None = None
    ) -> Credits:
        """The season's regular cast and crew (``GET /3/tv/{id}/season/{n}/credits``).

        Args:
            series_id: TMDB's series id.
            season_number: the season (0 holds the specials).
            language: ``en-US`` style language; default: the client's.

        Returns:
            :class:`~tmdb_async.Credits` (``id`` is the season's id).

        Raises:
            TMDBUsageError: a bad id, season number or language (before any I/O).
            ResourceNotFoundError: no such series or season (code 34).

        See https://developer.themoviedb.org/reference/tv-season-credits
        """
        path = self._path(series_id, season_number, "/credits")
        params: Params = {"language": language_param(self._core, language)}
        return await self._core.request("GET", path, params=params, into=Credits)

    async def external_ids(self, series_id: int, season_number: int) -> TVExternalIds:
        """The season's ids on TheTVDB, Wikidata ... (``.../season/{n}/external_ids``).

        Args:
            series_id: TMDB's series id.
            season_number: the season (0 holds the specials).

        Returns:
            :class:`~tmdb_async.TVExternalIds` (``id`` is the season's id; ``None``
            where unknown).

        Raises:
            TMDBUsageError: a bad id or season number (before any I/O).
            ResourceNotFoundError: no such series or season (code 34).

        See https://developer.themoviedb.org/reference/tv-season-external-ids
        """
        path = self._path(series_id, season_number, "/external_ids")
        return await self._core.request("GET", path, into=TVExternalIds)

    async def images(
        self,
        series_id: int,
        season_number: int,
        *,
        include_image_language: Iterable[str] | str | None = None,
        language: str | None = None,
    ) -> SeasonImages:
        """The season's posters (``GET /3/tv/{series_id}/season/{season_number}/images``).

        Args:
            series_id: TMDB's series id.
            season_number: the season (0 holds the specials).
            include_image_language: image languages to keep besides ``language``: ISO 639-1
                codes and ``"null"`` (images without text).
            language: ``en-US`` style language; default: the client's.

        Returns:
            :class:`~tmdb_async.SeasonImages`.

        Raises:
            TMDBUsageError: a bad id, season number or language code (before any I/O).
            ResourceNotFoundError: no such series or season (code 34).

        See https://developer.themoviedb.org/reference/tv-season-images
        """
        path = self._path(series_id, season_number, "/images")
        params: Params = {
            "include_image_language": check_image_languages(include_image_language),
            "language": language_param(self._core, language),
        }
        return await self._core.request("GET", path, params=params, into=SeasonImages)

    async def translations(self, series_id: int, season_number: int) -> TVTranslations:
        """Every translation of the season's name and overview (``.../translations``).

        Args:
            series_id: TMDB's series id.
            season_number: the season (0 holds the specials).

        Returns:
            :class:`~tmdb_async.TVTranslations` (``data`` has ``name`` and ``overview``).

        Raises:
            TMDBUsageError: a bad id or season number (before any I/O).
            ResourceNotFoundError: no such series or season (code 34).

        See https://developer.themoviedb.org/reference/tv-season-translations
        """
        path = self._path(series_id, season_number, "/translations")
        return await self._core.request("GET", path, into=TVTranslations)

    async def videos(
        self,
        series_id: int,
        season_number: int,
        *,
        include_video_language: Iterable[str] | str | None = None,
        language: str | None = None,
    ) -> Videos:
        """The season's trailers, teasers and clips (``.../season/{n}/videos``).

        Args:
            series_id: TMDB's series id.
            season_number: the season (0 holds the specials).
            include_video_language: video languages to keep besides ``language`` (ISO
                639-1 codes and ``"null"``).
            language: ``en-US`` style language; default: the client's.

        Returns:
            :class:`~tmdb_async.Videos`.

        Raises:
            TMDBUsageError: a bad id, season number or language code (before any I/O).
            ResourceNotFoundError: no such series or season (code 34).

        See https://developer.themoviedb.org/reference/tv-season-videos
        """
        path = self._path(series_id, season_number, "/videos")
        params: Params = {
            "include_video_language": video_languages(include_video_language),
            "language": language_param(self._core, language),
        }
        return await self._core.request("GET", path, params=params, into=Videos)

    async def watch_providers(
        self, series_id: int, season_number: int, *, language: str | None = None
    ) -> WatchProviders:
        """Where to stream, rent or buy the season, per country (``.../watch/providers``).

        The data comes from JustWatch; TMDB asks apps that show it to credit JustWatch.

        Args:
            series_id: TMDB's series id.
            season_number: the season (0 holds the specials).
            language: ``en-US`` style language; default: the client's.

        Returns:
            :class:`~tmdb_async.WatchProviders`, keyed by ISO 3166-1 country code.

        Raises:
            TMDBUsageError: a bad id, season number or language (before any I/O).
            ResourceNotFoundError: no such series or season (code 34).

        See https://developer.themoviedb.org/reference/tv-season-watch-providers
        """
        path = self._path(series_id, season_number, "/watch/providers")
        params: Params = {"language": language_param(self._core, language)}
        return await self._core.request("GET", path, params=params, into=WatchProviders)

    async def changes(
        self,
        season_id: int,
        *,
        start_date: dt.date | None = None,
        end_date: dt.date | None = None,
        page: int = 1,
    ) -> Changes:
        """A season's edit history, by the season's own id (``/3/tv/season/{id}/changes``).

        By default TMDB returns the last 24 hours; a window is at most 14 days.

        Args:
            season_id: the season's id (``TVSeason.id``, e.g. 3572), not its number.
            start_date: first day of the window (a :class:`datetime.date`).
            end_date: last day of the window (a :class:`datetime.date`).
            page: 1 to 500.

        Returns:
            :class:`~tmdb_async.Changes`, grouped by changed field.

        Raises:
            TMDBUsageError: a bad id or page, dates that are not ``datetime.date``, an end
                before the start or a window over 14 days (before any I/O).
            ResourceNotFoundError: no season with that id (code 34).

        See https://developer.themoviedb.org/reference/tv-season-changes-by-id
        """
        sid = check_id(season_id, "season_id")
        params: Params = {**check_changes_window(start_date, end_date), "page": check_page(page)}
        return await self._core.request(
            "GET", f"/3/tv/season/{sid}/changes", params=params, into=Changes
        )
