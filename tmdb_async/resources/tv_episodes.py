"""``tmdb.tv.episodes``: a TV episode's details and sub-resources.

An episode is addressed by its series id, season number (0 holds the specials) and
episode number, except for its edit history, which TMDB keys by the episode's own id
(``TVEpisode.id``). Every method checks its arguments locally and raises
:class:`~tmdb_async.TMDBUsageError` before any I/O, then makes exactly one request.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Literal

from .._core import Params
from ..models.movie import Changes, Videos
from ..models.tv import EpisodeCredits, EpisodeImages, TVEpisode, TVExternalIds, TVTranslations
from ._base import Resource, check_id, join_appends, language_param
from ._params import check_changes_window, check_image_languages, check_index, choices
from ._tv_params import video_languages

__all__ = ["EPISODE_APPENDS", "EpisodeAppend", "TVEpisodes"]

#: ``append_to_response`` names of episode details; each fills the field of that name on
#: :class:`~tmdb_async.TVEpisode`.
EpisodeAppend = Literal["credits", "external_ids", "images", "translations", "videos"]
EPISODE_APPENDS = frozenset(choices(EpisodeAppend))


class TVEpisodes(Resource):
    """TV episode endpoints (``tmdb.tv.episodes``)."""

    __slots__ = ()

    def _path(self, series_id: int, season_number: int, episode_number: int, tail: str) -> str:
        sid = check_id(series_id, "series_id")
        season = check_index(season_number, "season_number")
        number = check_index(episode_number, "episode_number")
        return f"/3/tv/{sid}/season/{season}/episode/{number}{tail}"

    async def details(
        self,
        series_id: int,
        season_number: int,
        episode_number: int,
        *,
        append_to_response: Iterable[EpisodeAppend] = (),
        language: str | None = None,
        include_image_language: Iterable[str] | str | None = None,
    ) -> TVEpisode:
        """An episode (``GET /3/tv/{series_id}/season/{season_number}/episode/{episode_number}``).

        Args:
            series_id: TMDB's series id.
            season_number: the season (0 holds the specials).
            episode_number: the episode within the season.
            append_to_response: sub-resources fetched in the same request (at most 20),
                from :data:`EpisodeAppend`; each fills the field of that name, and
                ``episode.appended`` gives them typed without ``None``.
            language: ``en-US`` style language; default: the client's.
            include_image_language: with ``images``, the image languages to keep (ISO
                639-1 codes, ``"null"`` for images without text).

        Returns:
            The :class:`~tmdb_async.TVEpisode`.

        Raises:
            TMDBUsageError: a bad id, number, language or append name, or more than 20
                names (before any I/O).
            ResourceNotFoundError: no such series, season or episode (code 34).

        See https://developer.themoviedb.org/reference/tv-episode-details
        """
        path = self._path(series_id, season_number, episode_number, "")
        params: Params = {
            "append_to_response": join_appends(append_to_response, EPISODE_APPENDS),
            "language": language_param(self._core, language),
            "include_image_language": check_image_languages(include_image_language),
        }
        return await self._core.request("GET", path, params=params, into=TVEpisode)

    async def credits(
        self,
        series_id: int,
        season_number: int,
        episode_number: int,
        *,
        language: str | None = None,
    ) -> EpisodeCredits:
        """The episode's cast, crew and guest stars (``.../episode/{n}/credits``).

        Args:
            series_id: TMDB's series id.
            season_number: the season (0 holds the specials).
            episode_number: the episode within the season.
            language: ``en-US`` style language; default: the client's.

        Returns:
            :class:`~tmdb_async.EpisodeCredits` (``id`` is the episode's id).

        Raises:
            TMDBUsageError: a bad id, number or language (before any I/O).
            ResourceNotFoundError: no such series, season or episode (code 34).

        See https://developer.themoviedb.org/reference/tv-episode-credits
        """
        path = self._path(series_id, season_number, episode_number, "/credits")
        params: Params = {"language": language_param(self._core, language)}
        return await self._core.request("GET", path, params=params, into=EpisodeCredits)

    async def external_ids(
        self, series_id: int, season_number: int, episode_number: int
    ) -> TVExternalIds:
        """The episode's ids on IMDb, TheTVDB, Wikidata ... (``.../external_ids``).

        Args:
            series_id: TMDB's series id.
            season_number: the season (0 holds the specials).
            episode_number: the episode within the season.

        Returns:
            :class:`~tmdb_async.TVExternalIds` (``id`` is the episode's id; ``None`` where
            unknown).

        Raises:
            TMDBUsageError: a bad id or number (before any I/O).
            ResourceNotFoundError: no such series, season or episode (code 34).

        See https://developer.themoviedb.org/reference/tv-episode-external-ids
        """
        path = self._path(series_id, season_number, episode_number, "/external_ids")
        return await self._core.request("GET", path, into=TVExternalIds)

    async def images(
        self,
        series_id: int,
        season_number: int,
        episode_number: int,
        *,
        include_image_language: Iterable[str] | str | None = None,
        language: str | None = None,
    ) -> EpisodeImages:
        """The episode's stills (``.../season/{season_number}/episode/{episode_number}/images``).

        Args:
            series_id: TMDB's series id.
            season_number: the season (0 holds the specials).
            episode_number: the episode within the season.
            include_image_language: image languages to keep besides ``language``: ISO 639-1
                codes and ``"null"`` (images without text).
            language: ``en-US`` style language; default: the client's.

        Returns:
            :class:`~tmdb_async.EpisodeImages`.

        Raises:
            TMDBUsageError: a bad id, number or language code (before any I/O).
            ResourceNotFoundError: no such series, season or episode (code 34).

        See https://developer.themoviedb.org/reference/tv-episode-images
        """
        path = self._path(series_id, season_number, episode_number, "/images")
        params: Params = {
            "include_image_language": check_image_languages(include_image_language),
            "language": language_param(self._core, language),
        }
        return await self._core.request("GET", path, params=params, into=EpisodeImages)

    async def translations(
        self, series_id: int, season_number: int, episode_number: int
    ) -> TVTranslations:
        """Every translation of the episode's name and overview (``.../translations``).

        Args:
            series_id: TMDB's series id.
            season_number: the season (0 holds the specials).
            episode_number: the episode within the season.

        Returns:
            :class:`~tmdb_async.TVTranslations` (``data`` has ``name`` and ``overview``).

        Raises:
            TMDBUsageError: a bad id or number (before any I/O).
            ResourceNotFoundError: no such series, season or episode (code 34).

        See https://developer.themoviedb.org/reference/tv-episode-translations
        """
        path = self._path(series_id, season_number, episode_number, "/translations")
        return await self._core.request("GET", path, into=TVTranslations)

    async def videos(
        self,
        series_id: int,
        season_number: int,
        episode_number: int,
        *,
        include_video_language: Iterable[str] | str | None = None,
        language: str | None = None,
    ) -> Videos:
        """The episode's videos (``.../season/{season_number}/episode/{episode_number}/videos``).

        Args:
            series_id: TMDB's series id.
            season_number: the season (0 holds the specials).
            episode_number: the episode within the season.
            include_video_language: video languages to keep besides ``language`` (ISO
                639-1 codes and ``"null"``).
            language: ``en-US`` style language; default: the client's.

        Returns:
            :class:`~tmdb_async.Videos`.

        Raises:
            TMDBUsageError: a bad id, number or language code (before any I/O).
            ResourceNotFoundError: no such series, season or episode (code 34).

        See https://developer.themoviedb.org/reference/tv-episode-videos
        """
        path = self._path(series_id, season_number, episode_number, "/videos")
        params: Params = {
            "include_video_language": video_languages(include_video_language),
            "language": language_param(self._core, language),
        }
        return await self._core.request("GET", path, params=params, into=Videos)

    async def changes(
        self,
        episode_id: int,
        *,
        start_date: dt.date | None = None,
        end_date: dt.date | None = None,
    ) -> Changes:
        """An episode's edit history, by the episode's own id (``/3/tv/episode/{id}/changes``).

        By default TMDB returns the last 24 hours; a window is at most 14 days.

        Args:
            episode_id: the episode's id (``TVEpisode.id``, e.g. 62085), not its number.
            start_date: first day of the window (a :class:`datetime.date`).
            end_date: last day of the window (a :class:`datetime.date`).

        Returns:
            :class:`~tmdb_async.Changes`, grouped by changed field.

        Raises:
            TMDBUsageError: a bad id, dates that are not ``datetime.date``, an end before
                the start or a window over 14 days (before any I/O).
            ResourceNotFoundError: no episode with that id (code 34).

        See https://developer.themoviedb.org/reference/tv-episode-changes-by-id
        """
        eid = check_id(episode_id, "episode_id")
        params: Params = check_changes_window(start_date, end_date)
        return await self._core.request(
            "GET", f"/3/tv/episode/{eid}/changes", params=params, into=Changes
        )
