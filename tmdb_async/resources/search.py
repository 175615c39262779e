"""``tmdb.search``: search movies, TV series, people, everything at once, collections,
companies and keywords.

Every method checks its arguments locally and raises :class:`~tmdb_async.TMDBUsageError`
before any I/O, then makes exactly one request.
"""

from __future__ import annotations

from .._core import Params
from ..models.common import Page
from ..models.movie import Keyword, MovieSummary
from ..models.person import PersonSummary
from ..models.search import CollectionSummary, CompanySummary, MultiResult
from ..models.tv import TVSummary
from ._base import Resource, language_param, region_param
from ._params import check_bool, check_page, check_query, check_year

__all__ = ["Search"]

_MOVIES = Page[MovieSummary]
_TV = Page[TVSummary]
_PEOPLE = Page[PersonSummary]
_MULTI = Page[MultiResult]
_COLLECTIONS = Page[CollectionSummary]
_COMPANIES = Page[CompanySummary]
_KEYWORDS = Page[Keyword]


class Search(Resource):
    """Search endpoints (``tmdb.search``)."""

    __slots__ = ()

    async def movie(
        self,
        query: str,
        *,
        page: int = 1,
        language: str | None = None,
        region: str | None = None,
        include_adult: bool | None = None,
        year: int | None = None,
        primary_release_year: int | None = None,
    ) -> Page[MovieSummary]:
        """Search movies by title (``GET /3/search/movie``).

        Args:
            query: the text to look for.
            page: 1 to 500.
            language: ``en-US`` style language; default: the client's.
            region: ``US`` style region for release dates; default: the client's.
            include_adult: also return adult titles (TMDB's default: no).
            year: released (in any country) that year.
            primary_release_year: first released that year.

        Returns:
            A :class:`~tmdb_async.Page` of :class:`~tmdb_async.MovieSummary`.

        Raises:
            TMDBUsageError: an empty query, bad page, year, language or region.

        See https://developer.themoviedb.org/reference/search-movie
        """
        params: Params = {
            "query": check_query(query),
            "page": check_page(page),
            "language": language_param(self._core, language),
            "region": region_param(self._core, region),
            "include_adult": check_bool(include_adult, "include_adult"),
            "year": check_year(year, "year"),
            "primary_release_year": check_year(primary_release_year, "primary_release_year"),
        }
        return await self._core.request("GET", "/3/search/movie", params=params, into=_MOVIES)

    async def tv(
        self,
        query: str,
        *,
        page: int = 1,
        language: str | None = None,
        include_adult: bool | None = None,
        year: int | None = None,
        first_air_date_year: int | None = None,
    ) -> Page[TVSummary]:
        """Search TV series by name (``GET /3/search/tv``).

        Args:
            query: the text to look for.
            page: 1 to 500.
            language: ``en-US`` style language; default: the client's.
            include_adult: also return adult titles (TMDB's default: no).
            year: the first air date or any episode's air date falls in that year.
            first_air_date_year: the first air date falls in that year.

        Returns:
            A :class:`~tmdb_async.Page` of :class:`~tmdb_async.TVSummary`.

        Raises:
            TMDBUsageError: an empty query, bad page, year or language.

        See https://developer.themoviedb.org/reference/search-tv
        """
        params: Params = {
            "query": check_query(query),
            "page": check_page(page),
            "language": language_param(self._core, language),
            "include_adult": check_bool(include_adult, "include_adult"),
            "year": check_year(year, "year"),
            "first_air_date_year": check_year(first_air_date_year, "first_air_date_year"),
        }
        return await self._core.request("GET", "/3/search/tv", params=params, into=_TV)

    async def person(
        self,
        query: str,
        *,
        page: int = 1,
        language: str | None = None,
        include_adult: bool | None = None,
    ) -> Page[PersonSummary]:
        """Search people by name (``GET /3/search/person``).

        Args:
            query: the text to look for.
            page: 1 to 500.
            language: ``en-US`` style language; default: the client's.
            include_adult: also return adult performers (TMDB's default: no).

        Returns:
            A :class:`~tmdb_async.Page` of :class:`~tmdb_async.PersonSummary`.

        Raises:
            TMDBUsageError: an empty query, bad page or language.

        See https://developer.themoviedb.org/reference/search-person
        """
        params: Params = {
            "query": check_query(query),
            "page": check_page(page),
            "language": language_param(self._core, language),
            "include_adult": check_bool(include_adult, "include_adult"),
        }
        return await self._core.request("GET", "/3/search/person", params=params, into=_PEOPLE)

    async def multi(
        self,
        query: str,
        *,
        page: int = 1,
        language: str | None = None,
        include_adult: bool | None = None,
    ) -> Page[MultiResult]:
        """Search movies, TV series and people at once (``GET /3/search/multi``).

        Each result is a :class:`~tmdb_async.MovieSummary`, a
        :class:`~tmdb_async.TVSummary` or a :class:`~tmdb_async.PersonSummary`, chosen by
        its ``media_type``; an item of a type this version does not know is kept as
        :class:`~tmdb_async.UnknownMedia` with its raw JSON. Use ``isinstance`` or
        ``match`` to tell them apart.

        Args:
            query: the text to look for.
            page: 1 to 500.
            language: ``en-US`` style language; default: the client's.
            include_adult: also return adult results (TMDB's default: no).

        Returns:
            A :class:`~tmdb_async.Page` of :data:`~tmdb_async.MultiResult`.

        Raises:
            TMDBUsageError: an empty query, bad page or language.

        See https://developer.themoviedb.org/reference/search-multi
        """
        params: Params = {
            "query": check_query(query),
            "page": check_page(page),
            "language": language_param(self._core, language),
            "include_adult": check_bool(include_adult, "include_adult"),
        }
        return await self._core.request("GET", "/3/search/multi", params=params, into=_MULTI)

    async def collection(
        self,
        query: str,
        *,
        page: int = 1,
        language: str | None = None,
        region: str | None = None,
        include_adult: bool | None = None,
    ) -> Page[CollectionSummary]:
        """Search collections (film series) by name (``GET /3/search/collection``).

        Args:
            query: the text to look for.
            page: 1 to 500.
            language: ``en-US`` style language; default: the client's.
            region: ``US`` style region; default: the client's.
            include_adult: also return adult collections (TMDB's default: no).

        Returns:
            A :class:`~tmdb_async.Page` of :class:`~tmdb_async.CollectionSummary`.

        Raises:
            TMDBUsageError: an empty query, bad page, language or region.

        See https://developer.themoviedb.org/reference/search-collection
        """
        params: Params = {
            "query": check_query(query),
            "page": check_page(page),
            "language": language_param(self._core, language),
            "region": region_param(self._core, region),
            "include_adult": check_bool(include_adult, "include_adult"),
        }
        return await self._core.request(
            "GET", "/3/search/collection", params=params, into=_COLLECTIONS
        )

    async def company(self, query: str, *, page: int = 1) -> Page[CompanySummary]:
        """Search companies by name (``GET /3/search/company``).

        Args:
            query: the text to look for.
            page: 1 to 500.

        Returns:
            A :class:`~tmdb_async.Page` of :class:`~tmdb_async.CompanySummary`.

        Raises:
            TMDBUsageError: an empty query or a bad page.

        See https://developer.themoviedb.org/reference/search-company
        """
        params: Params = {"query": check_query(query), "page": check_page(page)}
        return await self._core.request("GET", "/3/search/company", params=params, into=_COMPANIES)

    async def keyword(self, query: str, *, page: int = 1) -> Page[Keyword]:
        """Search keywords (``GET /3/search/keyword``).

        Args:
            query: the text to look for.
            page: 1 to 500.

        Returns:
            A :class:`~tmdb_async.Page` of :class:`~tmdb_async.Keyword`.

        Raises:
            TMDBUsageError: an empty query or a bad page.

        See https://developer.themoviedb.org/reference/search-keyword
        """
        params: Params = {"query": check_query(query), "page": check_page(page)}
        return await self._core.request("GET", "/3/search/keyword", params=params, into=_KEYWORDS)
