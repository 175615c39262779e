"""``tmdb.tv``: TV series, their sub-resources, episode groups and the TV lists.

Seasons and episodes have namespaces of their own: ``tmdb.tv.seasons``
(:class:`~tmdb_async.resources.tv_seasons.TVSeasons`) and ``tmdb.tv.episodes``
(:class:`~tmdb_async.resources.tv_episodes.TVEpisodes`). Every method checks its arguments
locally and raises :class:`~tmdb_async.TMDBUsageError` before any I/O, then makes exactly
one request.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Literal

from .._core import Params
from ..errors import TMDBUsageError
from ..models.common import Page
from ..models.movie import Changes, Credits, Images, Reviews, Videos, WatchProviders
from ..models.tv import (
    AggregateCredits,
    ContentRatings,
    EpisodeGroups,
    ScreenedTheatrically,
    TVAlternativeTitles,
    TVExternalIds,
    TVKeywords,
    TVLists,
    TVSeries,
    TVSummary,
    TVTranslations,
)
from ..models.tv_episode_group import TVEpisodeGroup
from ._base import Resource, check_id, check_token, join_appends, language_param, segment
from ._params import (
    check_changes_window,
    check_image_languages,
    check_page,
    check_timezone,
    choices,
)
from ._tv_params import video_languages
from .tv_episodes import TVEpisodes
from .tv_seasons import TVSeasons

__all__ = ["TV_APPENDS", "TVAppend", "TVResource"]

#: ``append_to_response`` names of series details; each fills the field of that name on
#: :class:`~tmdb_async.TVSeries` (``watch/providers`` fills ``watch_providers``).
TVAppend = Literal[
    "aggregate_credits",
    "alternative_titles",
    "changes",
    "content_ratings",
    "credits",
    "episode_groups",
    "external_ids",
    "images",
    "keywords",
    "lists",
    "recommendations",
    "reviews",
    "screened_theatrically",
    "similar",
    "translations",
    "videos",
    "watch/providers",
]
TV_APPENDS = frozenset(choices(TVAppend))

_PAGE = Page[TVSummary]
_GROUP_ID = re.compile(r"[0-9a-fA-F]{24}")


class TVResource(Resource):
    """TV series endpoints (``tmdb.tv``); seasons and episodes under ``seasons`` / ``episodes``."""

    __slots__ = ()

    @property
    def seasons(self) -> TVSeasons:
        """Season endpoints: ``tmdb.tv.seasons.details(1396, 1)``, ``.credits`` ..."""
        return TVSeasons(self._core)

    @property
    def episodes(self) -> TVEpisodes:
        """Episode endpoints: ``tmdb.tv.episodes.details(1396, 1, 1)``, ``.images`` ..."""
        return TVEpisodes(self._core)

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
            append_to_response: sub-resources fetched in the same request (at most 20),
                from :data:`TVAppend`; each fills the field of that name, and
                ``series.appended`` gives them typed without ``None``.
            language: ``en-US`` style language; default: the client's.
            include_image_language: with ``images``, the image languages to keep (ISO
                639-1 codes, ``"null"`` for images without text).

        Returns:
            The :class:`~tmdb_async.TVSeries`.

        Raises:
            TMDBUsageError: a bad id, language or append name, or more than 20 names
                (before any I/O).
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

    async def latest(self) -> TVSeries:
        """The most recently added series (``GET /3/tv/latest``); changes constantly.

        Returns:
            The :class:`~tmdb_async.TVSeries`.

        See https://developer.themoviedb.org/reference/tv-series-latest-id
        """
        return await self._core.request("GET", "/3/tv/latest", into=TVSeries)

    # ------------------------------------------------------------------ sub-resources

    async def aggregate_credits(
        self, series_id: int, *, language: str | None = None
    ) -> AggregateCredits:
        """Everyone who worked on any episode (``GET /3/tv/{series_id}/aggregate_credits``).

        Args:
            series_id: TMDB's series id.
            language: ``en-US`` style language; default: the client's.

        Returns:
            :class:`~tmdb_async.AggregateCredits`: each person once, with every role or
            job and its episode count.

        Raises:
            TMDBUsageError: a bad id or language (before any I/O).
            ResourceNotFoundError: no series with that id (code 34).

        See https://developer.themoviedb.org/reference/tv-series-aggregate-credits
        """
        sid = check_id(series_id, "series_id")
        params: Params = {"language": language_param(self._core, language)}
        return await self._core.request(
            "GET", f"/3/tv/{sid}/aggregate_credits", params=params, into=AggregateCredits
        )

    async def alternative_titles(self, series_id: int) -> TVAlternativeTitles:
        """Titles the series is known by in other countries (``/3/tv/{id}/alternative_titles``).

        Args:
            series_id: TMDB's series id.

        Returns:
            :class:`~tmdb_async.TVAlternativeTitles`.

        Raises:
            TMDBUsageError: a bad id (before any I/O).
            ResourceNotFoundError: no series with that id (code 34).

        See https://developer.themoviedb.org/reference/tv-series-alternative-titles
        """
        sid = check_id(series_id, "series_id")
        return await self._core.request(
            "GET", f"/3/tv/{sid}/alternative_titles", into=TVAlternativeTitles
        )

    async def changes(
        self,
        series_id: int,
        *,
        start_date: dt.date | None = None,
        end_date: dt.date | None = None,
        page: int = 1,
    ) -> Changes:
        """A series' edit history (``GET /3/tv/{series_id}/changes``).

        By default TMDB returns the last 24 hours; a window is at most 14 days. Season and
        episode edits show as ``season`` / ``episode`` keys whose values carry their ids
        (see ``tmdb.tv.seasons.changes`` and ``tmdb.tv.episodes.changes``).

        Args:
            series_id: TMDB's series id.
            start_date: first day of the window (a :class:`datetime.date`).
            end_date: last day of the window (a :class:`datetime.date`).
            page: 1 to 500.

        Returns:
            :class:`~tmdb_async.Changes`, grouped by changed field.

        Raises:
            TMDBUsageError: a bad id or page, dates that are not ``datetime.date``, an end
                before the start or a window over 14 days (before any I/O).
            ResourceNotFoundError: no series with that id (code 34).

        See https://developer.themoviedb.org/reference/tv-series-changes
        """
        sid = check_id(series_id, "series_id")
        params: Params = {**check_changes_window(start_date, end_date), "page": check_page(page)}
        return await self._core.request("GET", f"/3/tv/{sid}/changes", params=params, into=Changes)

    async def content_ratings(self, series_id: int) -> ContentRatings:
        """The series' age ratings per country (``GET /3/tv/{series_id}/content_ratings``).

        Args:
            series_id: TMDB's series id.

        Returns:
            :class:`~tmdb_async.ContentRatings`.

        Raises:
            TMDBUsageError: a bad id (before any I/O).
            ResourceNotFoundError: no series with that id (code 34).

        See https://developer.themoviedb.org/reference/tv-series-content-ratings
        """
        sid = check_id(series_id, "series_id")
        return await self._core.request("GET", f"/3/tv/{sid}/content_ratings", into=ContentRatings)

    async def credits(self, series_id: int, *, language: str | None = None) -> Credits:
        """The cast and crew of a series' latest season (``GET /3/tv/{series_id}/credits``).

        For everyone across all seasons use :meth:`aggregate_credits`.

        Args:
            series_id: TMDB's series id.
            language: ``en-US`` style language; default: the client's.

        Returns:
            :class:`~tmdb_async.Credits` (``id`` is the series id).

        Raises:
            TMDBUsageError: a bad id or language (before any I/O).
            ResourceNotFoundError: no series with that id (code 34).

        See https://developer.themoviedb.org/reference/tv-series-credits
        """
        sid = check_id(series_id, "series_id")
        params: Params = {"language": language_param(self._core, language)}
        return await self._core.request("GET", f"/3/tv/{sid}/credits", params=params, into=Credits)

    async def episode_groups(self, series_id: int) -> EpisodeGroups:
        """The series' alternative episode orderings (``GET /3/tv/{series_id}/episode_groups``).

        Args:
            series_id: TMDB's series id.

        Returns:
            :class:`~tmdb_async.EpisodeGroups`; pass a group's ``id`` to
            :meth:`episode_group` for its episodes.

        Raises:
            TMDBUsageError: a bad id (before any I/O).
            ResourceNotFoundError: no series with that id (code 34).

        See https://developer.themoviedb.org/reference/tv-series-episode-groups
        """
        sid = check_id(series_id, "series_id")
        return await self._core.request("GET", f"/3/tv/{sid}/episode_groups", into=EpisodeGroups)

    async def episode_group(self, group_id: str) -> TVEpisodeGroup:
        """One episode group with its parts and episodes (``/3/tv/episode_group/{id}``).

        Args:
            group_id: the group's id, a 24-character hex string (from
                :meth:`episode_groups`).

        Returns:
            The :class:`~tmdb_async.TVEpisodeGroup`.

        Raises:
            TMDBUsageError: an id that is not 24 hex characters (before any I/O).
            ResourceNotFoundError: no group with that id (code 34).

        See https://developer.themoviedb.org/reference/tv-episode-group-details
        """
        gid = check_token(group_id, "group_id")
        if not _GROUP_ID.fullmatch(gid):
            raise TMDBUsageError(f"group_id must be 24 hex characters, got {gid!r}")
        return await self._core.request(
            "GET", f"/3/tv/episode_group/{segment(gid)}", into=TVEpisodeGroup
        )

    async def external_ids(self, series_id: int) -> TVExternalIds:
        """A series' ids on IMDb, TheTVDB, Wikidata ... (``GET /3/tv/{series_id}/external_ids``).

        Args:
            series_id: TMDB's series id.

        Returns:
            :class:`~tmdb_async.TVExternalIds` (``None`` where unknown).

        Raises:
            TMDBUsageError: a bad id (before any I/O).
            ResourceNotFoundError: no series with that id (code 34).

        See https://developer.themoviedb.org/reference/tv-series-external-ids
        """
        sid = check_id(series_id, "series_id")
        return await self._core.request("GET", f"/3/tv/{sid}/external_ids", into=TVExternalIds)

    async def images(
        self,
        series_id: int,
        *,
        include_image_language: Iterable[str] | str | None = None,
        language: str | None = None,
    ) -> Images:
        """Backdrops, logos and posters (``GET /3/tv/{series_id}/images``).

        Args:
            series_id: TMDB's series id.
            include_image_language: image languages to keep besides ``language``: ISO 639-1
                codes and ``"null"`` (images without text), e.g. ``["en", "null"]``.
            language: ``en-US`` style language; default: the client's.

        Returns:
            :class:`~tmdb_async.Images`.

        Raises:
            TMDBUsageError: a bad id or language code (before any I/O).
            ResourceNotFoundError: no series with that id (code 34).

        See https://developer.themoviedb.org/reference/tv-series-images
        """
        sid = check_id(series_id, "series_id")
        params: Params = {
            "include_image_language": check_image_languages(include_image_language),
            "language": language_param(self._core, language),
        }
        return await self._core.request("GET", f"/3/tv/{sid}/images", params=params, into=Images)

    async def keywords(self, series_id: int) -> TVKeywords:
        """A series' keywords (``GET /3/tv/{series_id}/keywords``).

        Args:
            series_id: TMDB's series id.

        Returns:
            :class:`~tmdb_async.TVKeywords` (the list is ``results``).

        Raises:
            TMDBUsageError: a bad id (before any I/O).
            ResourceNotFoundError: no series with that id (code 34).

        See https://developer.themoviedb.org/reference/tv-series-keywords
        """
        sid = check_id(series_id, "series_id")
        return await self._core.request("GET", f"/3/tv/{sid}/keywords", into=TVKeywords)

    async def lists(self, series_id: int, *, page: int = 1, language: str | None = None) -> TVLists:
        """The public user lists the series is on (``GET /3/tv/{series_id}/lists``).

        Args:
            series_id: TMDB's series id.
            page: 1 to 500.
            language: ``en-US`` style language; default: the client's.

        Returns:
            :class:`~tmdb_async.TVLists`, a page of list summaries.

        Raises:
            TMDBUsageError: a bad id, page or language (before any I/O).
            ResourceNotFoundError: no series with that id (code 34).

        See https://developer.themoviedb.org/reference/lists-copy
        """
        sid = check_id(series_id, "series_id")
        return await self._core.request(
            "GET", f"/3/tv/{sid}/lists", params=self._paged(page, language), into=TVLists
        )

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
        return await self._core.request(
            "GET", f"/3/tv/{sid}/recommendations", params=self._paged(page, language), into=_PAGE
        )

    async def reviews(
        self, series_id: int, *, page: int = 1, language: str | None = None
    ) -> Reviews:
        """User reviews of the series (``GET /3/tv/{series_id}/reviews``).

        Args:
            series_id: TMDB's series id.
            page: 1 to 500.
            language: ``en-US`` style language; default: the client's.

        Returns:
            :class:`~tmdb_async.Reviews`, a page of :class:`~tmdb_async.Review`.

        Raises:
            TMDBUsageError: a bad id, page or language (before any I/O).
            ResourceNotFoundError: no series with that id (code 34).

        See https://developer.themoviedb.org/reference/tv-series-reviews
        """
        sid = check_id(series_id, "series_id")
        return await self._core.request(
            "GET", f"/3/tv/{sid}/reviews", params=self._paged(page, language), into=Reviews
        )

    async def screened_theatrically(self, series_id: int) -> ScreenedTheatrically:
        """Episodes of the series shown in cinemas (``/3/tv/{id}/screened_theatrically``).

        Args:
            series_id: TMDB's series id.

        Returns:
            :class:`~tmdb_async.ScreenedTheatrically`.

        Raises:
            TMDBUsageError: a bad id (before any I/O).
            ResourceNotFoundError: no series with that id (code 34).

        See https://developer.themoviedb.org/reference/tv-series-screened-theatrically
        """
        sid = check_id(series_id, "series_id")
        return await self._core.request(
            "GET", f"/3/tv/{sid}/screened_theatrically", into=ScreenedTheatrically
        )

    async def similar(
        self, series_id: int, *, page: int = 1, language: str | None = None
    ) -> Page[TVSummary]:
        """Series with similar genres and keywords (``GET /3/tv/{series_id}/similar``).

        Args:
            series_id: TMDB's series id.
            page: 1 to 500.
            language: ``en-US`` style language; default: the client's.

        Returns:
            A :class:`~tmdb_async.Page` of :class:`~tmdb_async.TVSummary`.

        Raises:
            TMDBUsageError: a bad id, page or language (before any I/O).
            ResourceNotFoundError: no series with that id (code 34).

        See https://developer.themoviedb.org/reference/tv-series-similar
        """
        sid = check_id(series_id, "series_id")
        return await self._core.request(
            "GET", f"/3/tv/{sid}/similar", params=self._paged(page, language), into=_PAGE
        )

    async def translations(self, series_id: int) -> TVTranslations:
        """Every translation of the series' name, overview and tagline (``/translations``).

        Args:
            series_id: TMDB's series id.

        Returns:
            :class:`~tmdb_async.TVTranslations`.

        Raises:
            TMDBUsageError: a bad id (before any I/O).
            ResourceNotFoundError: no series with that id (code 34).

        See https://developer.themoviedb.org/reference/tv-series-translations
        """
        sid = check_id(series_id, "series_id")
        return await self._core.request("GET", f"/3/tv/{sid}/translations", into=TVTranslations)

    async def videos(
        self,
        series_id: int,
        *,
        include_video_language: Iterable[str] | str | None = None,
        language: str | None = None,
    ) -> Videos:
        """Trailers, teasers and clips of the series (``GET /3/tv/{series_id}/videos``).

        Args:
            series_id: TMDB's series id.
            include_video_language: video languages to keep besides ``language`` (ISO
                639-1 codes and ``"null"``).
            language: ``en-US`` style language; default: the client's.

        Returns:
            :class:`~tmdb_async.Videos`.

        Raises:
            TMDBUsageError: a bad id or language code (before any I/O).
            ResourceNotFoundError: no series with that id (code 34).

        See https://developer.themoviedb.org/reference/tv-series-videos
        """
        sid = check_id(series_id, "series_id")
        params: Params = {
            "include_video_language": video_languages(include_video_language),
            "language": language_param(self._core, language),
        }
        return await self._core.request("GET", f"/3/tv/{sid}/videos", params=params, into=Videos)

    async def watch_providers(self, series_id: int) -> WatchProviders:
        """Where to stream, rent or buy the series, per country (``/3/tv/{id}/watch/providers``).

        The data comes from JustWatch; TMDB asks apps that show it to credit JustWatch.

        Args:
            series_id: TMDB's series id.

        Returns:
            :class:`~tmdb_async.WatchProviders`, keyed by ISO 3166-1 country code.

        Raises:
            TMDBUsageError: a bad id (before any I/O).
            ResourceNotFoundError: no series with that id (code 34).

        See https://developer.themoviedb.org/reference/tv-series-watch-providers
        """
        sid = check_id(series_id, "series_id")
        return await self._core.request("GET", f"/3/tv/{sid}/watch/providers", into=WatchProviders)

    # ------------------------------------------------------------------ TV lists

    def _paged(self, page: int, language: str | None) -> Params:
        return {"page": check_page(page), "language": language_param(self._core, language)}

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
