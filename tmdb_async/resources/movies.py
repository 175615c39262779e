"""``tmdb.movies``: movie details, their sub-resources and the movie lists.

Every method checks its arguments locally (ids, pages, dates, language, region) and raises
:class:`~tmdb_async.TMDBUsageError` before any I/O, then makes exactly one request.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Literal

from ..errors import MissingSessionError
from ..models.common import Page
from ..models.movie import (
    Changes,
    Credits,
    DatedMoviePage,
    Images,
    Movie,
    MovieAlternativeTitles,
    MovieExternalIds,
    MovieKeywords,
    MovieLists,
    MovieSummary,
    MovieTranslations,
    ReleaseDates,
    Reviews,
    Videos,
    WatchProviders,
)
from ._base import Resource, check_id, join_appends, language_param, region_param
from ._params import (
    check_changes_window,
    check_image_languages,
    check_page,
    choices,
    code_param,
)

__all__ = ["MOVIE_APPENDS", "MovieAppend", "Movies"]

#: Names ``append_to_response`` accepts on movie details; each fills the field of the same
#: name on :class:`~tmdb_async.Movie` (``watch/providers`` fills ``watch_providers``;
#: ``account_states`` needs the user: ``tmdb.for_user(session).movie_details(...)``).
MovieAppend = Literal[
    "account_states",
    "alternative_titles",
    "changes",
    "credits",
    "external_ids",
    "images",
    "keywords",
    "lists",
    "recommendations",
    "release_dates",
    "reviews",
    "similar",
    "translations",
    "videos",
    "watch/providers",
]
MOVIE_APPENDS = frozenset(choices(MovieAppend))

_COUNTRY = r"[A-Z]{2}"
_SUMMARY_PAGE = Page[MovieSummary]


class Movies(Resource):
    """Movie endpoints (``tmdb.movies``)."""

    __slots__ = ()

    async def details(
        self,
        movie_id: int,
        *,
        append_to_response: Iterable[MovieAppend] = (),
        language: str | None = None,
        include_image_language: Iterable[str] | str | None = None,
    ) -> Movie:
        """A movie's details (``GET /3/movie/{movie_id}``).

        Args:
            movie_id: TMDB's movie id.
            append_to_response: sub-resources to fetch in the same request (at most 20),
                from :data:`MovieAppend`; each is structured into the field of that name,
                and ``movie.appended`` gives them typed without ``None``.
            language: ``en-US`` style language; default: the client's.
            include_image_language: with ``images`` appended, the image languages to keep
                (ISO 639-1 codes, ``"null"`` for images without text).

        Returns:
            The :class:`~tmdb_async.Movie`, with the appended sub-objects filled in.

        Raises:
            TMDBUsageError: a bad id, language or append name, or more than 20 names
                (before any I/O).
            MissingSessionError: ``account_states`` appended: it needs the user, so ask
                ``tmdb.for_user(session).movie_details(...)`` (before any I/O).
            ResourceNotFoundError: no movie with that id (code 34).

        See https://developer.themoviedb.org/reference/movie-details
        """
        mid = check_id(movie_id, "movie_id")
        appends = join_appends(append_to_response, MOVIE_APPENDS)
        params = {
            "append_to_response": appends,
            "language": language_param(self._core, language),
        }
        if include_image_language is not None:
            params["include_image_language"] = check_image_languages(include_image_language)
        if appends is not None and "account_states" in appends.split(","):
            raise MissingSessionError(
                "append_to_response=account_states needs the user: use "
                "tmdb.for_user(session).movie_details(...)"
            )
        return await self._core.request("GET", f"/3/movie/{mid}", params=params, into=Movie)

    async def latest(self) -> Movie:
        """The most recently added movie (``GET /3/movie/latest``); changes constantly.

        Returns:
            The :class:`~tmdb_async.Movie`.

        See https://developer.themoviedb.org/reference/movie-latest-id
        """
        return await self._core.request("GET", "/3/movie/latest", into=Movie)

    # ------------------------------------------------------------------ sub-resources

    async def credits(self, movie_id: int, *, language: str | None = None) -> Credits:
        """Cast and crew (``GET /3/movie/{movie_id}/credits``).

        Args:
            movie_id: TMDB's movie id.
            language: ``en-US`` style language (for character names); default: the client's.

        Returns:
            :class:`~tmdb_async.Credits` with ``id``, ``cast`` and ``crew``.

        Raises:
            TMDBUsageError: a bad id or language (before any I/O).
            ResourceNotFoundError: no movie with that id (code 34).

        See https://developer.themoviedb.org/reference/movie-credits
        """
        mid = check_id(movie_id, "movie_id")
        params = {"language": language_param(self._core, language)}
        return await self._core.request(
            "GET", f"/3/movie/{mid}/credits", params=params, into=Credits
        )

    async def images(
        self,
        movie_id: int,
        *,
        include_image_language: Iterable[str] | str | None = None,
        language: str | None = None,
    ) -> Images:
        """Backdrops, logos and posters (``GET /3/movie/{movie_id}/images``).

        Args:
            movie_id: TMDB's movie id.
            include_image_language: image languages to keep besides ``language``: ISO 639-1
                codes and ``"null"`` (images without text), e.g. ``["en", "null"]``.
            language: ``en-US`` style language; default: the client's. TMDB then returns
                only images in that language unless ``include_image_language`` adds more.

        Returns:
            :class:`~tmdb_async.Images`.

        Raises:
            TMDBUsageError: a bad id or language code (before any I/O).
            ResourceNotFoundError: no movie with that id (code 34).

        See https://developer.themoviedb.org/reference/movie-images
        """
        mid = check_id(movie_id, "movie_id")
        params = {
            "include_image_language": check_image_languages(include_image_language),
            "language": language_param(self._core, language),
        }
        return await self._core.request("GET", f"/3/movie/{mid}/images", params=params, into=Images)

    async def videos(self, movie_id: int, *, language: str | None = None) -> Videos:
        """Trailers, teasers and clips (``GET /3/movie/{movie_id}/videos``).

        Args:
            movie_id: TMDB's movie id.
            language: ``en-US`` style language; default: the client's.

        Returns:
            :class:`~tmdb_async.Videos`.

        Raises:
            TMDBUsageError: a bad id or language (before any I/O).
            ResourceNotFoundError: no movie with that id (code 34).

        See https://developer.themoviedb.org/reference/movie-videos
        """
        mid = check_id(movie_id, "movie_id")
        params = {"language": language_param(self._core, language)}
        return await self._core.request("GET", f"/3/movie/{mid}/videos", params=params, into=Videos)

    async def release_dates(self, movie_id: int) -> ReleaseDates:
        """Release dates and certifications per country (``GET /3/movie/{id}/release_dates``).

        Args:
            movie_id: TMDB's movie id.

        Returns:
            :class:`~tmdb_async.ReleaseDates`.

        Raises:
            TMDBUsageError: a bad id (before any I/O).
            ResourceNotFoundError: no movie with that id (code 34).

        See https://developer.themoviedb.org/reference/movie-release-dates
        """
        mid = check_id(movie_id, "movie_id")
        return await self._core.request("GET", f"/3/movie/{mid}/release_dates", into=ReleaseDates)

    async def external_ids(self, movie_id: int) -> MovieExternalIds:
        """IMDb, Wikidata, Facebook, Instagram and Twitter ids (``/3/movie/{id}/external_ids``).

        Args:
            movie_id: TMDB's movie id.

        Returns:
            :class:`~tmdb_async.MovieExternalIds`.

        Raises:
            TMDBUsageError: a bad id (before any I/O).
            ResourceNotFoundError: no movie with that id (code 34).

        See https://developer.themoviedb.org/reference/movie-external-ids
        """
        mid = check_id(movie_id, "movie_id")
        return await self._core.request(
            "GET", f"/3/movie/{mid}/external_ids", into=MovieExternalIds
        )

    async def keywords(self, movie_id: int) -> MovieKeywords:
        """A movie's keywords (``GET /3/movie/{movie_id}/keywords``).

        Args:
            movie_id: TMDB's movie id.

        Returns:
            :class:`~tmdb_async.MovieKeywords`.

        Raises:
            TMDBUsageError: a bad id (before any I/O).
            ResourceNotFoundError: no movie with that id (code 34).

        See https://developer.themoviedb.org/reference/movie-keywords
        """
        mid = check_id(movie_id, "movie_id")
        return await self._core.request("GET", f"/3/movie/{mid}/keywords", into=MovieKeywords)

    async def recommendations(
        self, movie_id: int, *, page: int = 1, language: str | None = None
    ) -> Page[MovieSummary]:
        """Movies TMDB recommends to viewers of this one (``/3/movie/{id}/recommendations``).

        Args:
            movie_id: TMDB's movie id.
            page: 1 to 500.
            language: ``en-US`` style language; default: the client's.

        Returns:
            A :class:`~tmdb_async.Page` of :class:`~tmdb_async.MovieSummary`.

        Raises:
            TMDBUsageError: a bad id, page or language (before any I/O).
            ResourceNotFoundError: no movie with that id (code 34).

        See https://developer.themoviedb.org/reference/movie-recommendations
        """
        mid = check_id(movie_id, "movie_id")
        params = {"page": check_page(page), "language": language_param(self._core, language)}
        return await self._core.request(
            "GET", f"/3/movie/{mid}/recommendations", params=params, into=_SUMMARY_PAGE
        )

    async def similar(
        self, movie_id: int, *, page: int = 1, language: str | None = None
    ) -> Page[MovieSummary]:
        """Movies with similar genres and keywords (``GET /3/movie/{movie_id}/similar``).

        Args:
            movie_id: TMDB's movie id.
            page: 1 to 500.
            language: ``en-US`` style language; default: the client's.

        Returns:
            A :class:`~tmdb_async.Page` of :class:`~tmdb_async.MovieSummary`.

        Raises:
            TMDBUsageError: a bad id, page or language (before any I/O).
            ResourceNotFoundError: no movie with that id (code 34).

        See https://developer.themoviedb.org/reference/movie-similar
        """
        mid = check_id(movie_id, "movie_id")
        params = {"page": check_page(page), "language": language_param(self._core, language)}
        return await self._core.request(
            "GET", f"/3/movie/{mid}/similar", params=params, into=_SUMMARY_PAGE
        )

    async def reviews(
        self, movie_id: int, *, page: int = 1, language: str | None = None
    ) -> Reviews:
        """User reviews (``GET /3/movie/{movie_id}/reviews``).

        Args:
            movie_id: TMDB's movie id.
            page: 1 to 500.
            language: ``en-US`` style language; default: the client's.

        Returns:
            :class:`~tmdb_async.Reviews`, a page of :class:`~tmdb_async.Review`.

        Raises:
            TMDBUsageError: a bad id, page or language (before any I/O).
            ResourceNotFoundError: no movie with that id (code 34).

        See https://developer.themoviedb.org/reference/movie-reviews
        """
        mid = check_id(movie_id, "movie_id")
        params = {"page": check_page(page), "language": language_param(self._core, language)}
        return await self._core.request(
            "GET", f"/3/movie/{mid}/reviews", params=params, into=Reviews
        )

    async def lists(
        self, movie_id: int, *, page: int = 1, language: str | None = None
    ) -> MovieLists:
        """The public user lists this movie is on (``GET /3/movie/{movie_id}/lists``).

        Args:
            movie_id: TMDB's movie id.
            page: 1 to 500.
            language: ``en-US`` style language; default: the client's.

        Returns:
            :class:`~tmdb_async.MovieLists`, a page of list summaries.

        Raises:
            TMDBUsageError: a bad id, page or language (before any I/O).
            ResourceNotFoundError: no movie with that id (code 34).

        See https://developer.themoviedb.org/reference/movie-lists
        """
        mid = check_id(movie_id, "movie_id")
        params = {"page": check_page(page), "language": language_param(self._core, language)}
        return await self._core.request(
            "GET", f"/3/movie/{mid}/lists", params=params, into=MovieLists
        )

    async def watch_providers(self, movie_id: int) -> WatchProviders:
        """Where to stream, rent or buy it, per country (``/3/movie/{id}/watch/providers``).

        The data comes from JustWatch; TMDB asks apps that show it to credit JustWatch.

        Args:
            movie_id: TMDB's movie id.

        Returns:
            :class:`~tmdb_async.WatchProviders`, keyed by ISO 3166-1 country code.

        Raises:
            TMDBUsageError: a bad id (before any I/O).
            ResourceNotFoundError: no movie with that id (code 34).

        See https://developer.themoviedb.org/reference/movie-watch-providers
        """
        mid = check_id(movie_id, "movie_id")
        return await self._core.request(
            "GET", f"/3/movie/{mid}/watch/providers", into=WatchProviders
        )

    async def alternative_titles(
        self, movie_id: int, *, country: str | None = None
    ) -> MovieAlternativeTitles:
        """Titles the movie is known by in other countries (``/3/movie/{id}/alternative_titles``).

        Args:
            movie_id: TMDB's movie id.
            country: only this country's titles (ISO 3166-1, e.g. ``"US"``); default: all.

        Returns:
            :class:`~tmdb_async.MovieAlternativeTitles`.

        Raises:
            TMDBUsageError: a bad id or country code (before any I/O).
            ResourceNotFoundError: no movie with that id (code 34).

        See https://developer.themoviedb.org/reference/movie-alternative-titles
        """
        mid = check_id(movie_id, "movie_id")
        params = {"country": code_param(country, "country", _COUNTRY)}
        return await self._core.request(
            "GET", f"/3/movie/{mid}/alternative_titles", params=params, into=MovieAlternativeTitles
        )

    async def translations(self, movie_id: int) -> MovieTranslations:
        """Every translation of the title, overview and tagline (``/3/movie/{id}/translations``).

        Args:
            movie_id: TMDB's movie id.

        Returns:
            :class:`~tmdb_async.MovieTranslations`.

        Raises:
            TMDBUsageError: a bad id (before any I/O).
            ResourceNotFoundError: no movie with that id (code 34).

        See https://developer.themoviedb.org/reference/movie-translations
        """
        mid = check_id(movie_id, "movie_id")
        return await self._core.request(
            "GET", f"/3/movie/{mid}/translations", into=MovieTranslations
        )

    async def changes(
        self,
        movie_id: int,
        *,
        start_date: dt.date | None = None,
        end_date: dt.date | None = None,
        page: int = 1,
    ) -> Changes:
        """A movie's edit history (``GET /3/movie/{movie_id}/changes``).

        By default TMDB returns the last 24 hours; a window is at most 14 days.

        Args:
            movie_id: TMDB's movie id.
            start_date: first day of the window (a :class:`datetime.date`).
            end_date: last day of the window (a :class:`datetime.date`).
            page: 1 to 500.

        Returns:
            :class:`~tmdb_async.Changes`, grouped by changed field.

        Raises:
            TMDBUsageError: a bad id or page, dates that are not ``datetime.date``, an end
                before the start or a window over 14 days (before any I/O).
            ResourceNotFoundError: no movie with that id (code 34).

        See https://developer.themoviedb.org/reference/movie-changes
        """
        mid = check_id(movie_id, "movie_id")
        params: dict[str, str | int | None] = {
            **check_changes_window(start_date, end_date),
            "page": check_page(page),
        }
        return await self._core.request(
            "GET", f"/3/movie/{mid}/changes", params=params, into=Changes
        )

    # ------------------------------------------------------------------ movie lists

    async def popular(
        self, *, page: int = 1, language: str | None = None, region: str | None = None
    ) -> Page[MovieSummary]:
        """Movies ordered by popularity (``GET /3/movie/popular``).

        Args:
            page: 1 to 500.
            language: ``en-US`` style language; default: the client's.
            region: ISO 3166-1 code to filter release dates by; default: the client's.

        Returns:
            A :class:`~tmdb_async.Page` of :class:`~tmdb_async.MovieSummary`.

        Raises:
            TMDBUsageError: a bad page, language or region (before any I/O).

        See https://developer.themoviedb.org/reference/movie-popular-list
        """
        return await self._core.request(
            "GET",
            "/3/movie/popular",
            params=self._list_params(page, language, region),
            into=_SUMMARY_PAGE,
        )

    async def top_rated(
        self, *, page: int = 1, language: str | None = None, region: str | None = None
    ) -> Page[MovieSummary]:
        """Movies ordered by rating (``GET /3/movie/top_rated``).

        Args:
            page: 1 to 500.
            language: ``en-US`` style language; default: the client's.
            region: ISO 3166-1 code to filter release dates by; default: the client's.

        Returns:
            A :class:`~tmdb_async.Page` of :class:`~tmdb_async.MovieSummary`.

        Raises:
            TMDBUsageError: a bad page, language or region (before any I/O).

        See https://developer.themoviedb.org/reference/movie-top-rated-list
        """
        return await self._core.request(
            "GET",
            "/3/movie/top_rated",
            params=self._list_params(page, language, region),
            into=_SUMMARY_PAGE,
        )

    async def now_playing(
        self, *, page: int = 1, language: str | None = None, region: str | None = None
    ) -> DatedMoviePage:
        """Movies in theatres now (``GET /3/movie/now_playing``).

        Args:
            page: 1 to 500.
            language: ``en-US`` style language; default: the client's.
            region: ISO 3166-1 code of the country whose theatres count; default: the
                client's.

        Returns:
            A :class:`~tmdb_async.DatedMoviePage`: the page and its release window.

        Raises:
            TMDBUsageError: a bad page, language or region (before any I/O).

        See https://developer.themoviedb.org/reference/movie-now-playing-list
        """
        return await self._core.request(
            "GET",
            "/3/movie/now_playing",
            params=self._list_params(page, language, region),
            into=DatedMoviePage,
        )

    async def upcoming(
        self, *, page: int = 1, language: str | None = None, region: str | None = None
    ) -> DatedMoviePage:
        """Movies soon in theatres (``GET /3/movie/upcoming``).

        Args:
            page: 1 to 500.
            language: ``en-US`` style language; default: the client's.
            region: ISO 3166-1 code of the country whose theatres count; default: the
                client's.

        Returns:
            A :class:`~tmdb_async.DatedMoviePage`: the page and its release window.

        Raises:
            TMDBUsageError: a bad page, language or region (before any I/O).

        See https://developer.themoviedb.org/reference/movie-upcoming-list
        """
        return await self._core.request(
            "GET",
            "/3/movie/upcoming",
            params=self._list_params(page, language, region),
            into=DatedMoviePage,
        )

    def _list_params(
        self, page: int, language: str | None, region: str | None
    ) -> dict[str, str | int | None]:
        return {
            "page": check_page(page),
            "language": language_param(self._core, language),
            "region": region_param(self._core, region),
        }
