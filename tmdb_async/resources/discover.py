"""``tmdb.discover``: find movies and TV series by filters (genres, dates, votes, people ...).

TMDB's filter names contain dots (``primary_release_date.gte``); here they are keyword
arguments with ``_`` (``primary_release_date_gte``), typed: dates are
:class:`datetime.date`, id lists are iterables of ints (AND) or :class:`AnyOf` (OR),
``sort_by`` is a ``Literal``. Everything is checked locally, before any I/O.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Literal

from .._core import Params
from ..errors import TMDBUsageError
from ..models.common import Page
from ..models.movie import MovieSummary
from ..models.tv import TVSummary
from ._base import Resource, language_param, region_param
from ._params import (
    AnyOf,
    check_bool,
    check_choice,
    check_count,
    check_page,
    check_range,
    check_score,
    check_timezone,
    check_year,
    choices,
    code_param,
    date_param,
    id_list,
)

__all__ = [
    "Discover",
    "IdFilter",
    "MonetizationType",
    "MovieSortBy",
    "ReleaseType",
    "TVSortBy",
]

#: ``sort_by`` of movie discovery.
MovieSortBy = Literal[
    "original_title.asc",
    "original_title.desc",
    "popularity.asc",
    "popularity.desc",
    "revenue.asc",
    "revenue.desc",
    "primary_release_date.asc",
    "primary_release_date.desc",
    "title.asc",
    "title.desc",
    "vote_average.asc",
    "vote_average.desc",
    "vote_count.asc",
    "vote_count.desc",
]
#: ``sort_by`` of TV discovery.
TVSortBy = Literal[
    "first_air_date.asc",
    "first_air_date.desc",
    "name.asc",
    "name.desc",
    "original_name.asc",
    "original_name.desc",
    "popularity.asc",
    "popularity.desc",
    "vote_average.asc",
    "vote_average.desc",
    "vote_count.asc",
    "vote_count.desc",
]
#: Release types: 1 premiere, 2 limited theatrical, 3 theatrical, 4 digital, 5 physical, 6 TV.
ReleaseType = Literal[1, 2, 3, 4, 5, 6]
#: How a watch provider offers a title.
MonetizationType = Literal["flatrate", "free", "ads", "rent", "buy"]
#: A list filter: ids all required (an iterable, sent ``a,b``) or any of them (``AnyOf``).
IdFilter = Iterable[int] | AnyOf

_MOVIE_SORTS = choices(MovieSortBy)
_TV_SORTS = choices(TVSortBy)
_RELEASE_TYPES = choices(ReleaseType)
_MONETIZATION = choices(MonetizationType)
_TV_STATUS = (0, 1, 2, 3, 4, 5)
_TV_TYPES = (0, 1, 2, 3, 4, 5, 6)
_COUNTRY = r"[A-Z]{2}"
_LANG = r"[a-z]{2,3}"
_MOVIES = Page[MovieSummary]
_TV = Page[TVSummary]


def _text(value: object, name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise TMDBUsageError(f"{name} must be a non-empty str, got {value!r}")
    return value


def _dates(low: dt.date | None, high: dt.date | None, name: str) -> tuple[str | None, str | None]:
    out = date_param(low, f"{name}_gte"), date_param(high, f"{name}_lte")
    check_range(low, high, f"{name}_gte", f"{name}_lte")
    return out


def _scores(low: float | None, high: float | None, name: str) -> tuple[float | None, ...]:
    out = check_score(low, f"{name}_gte"), check_score(high, f"{name}_lte")
    check_range(low, high, f"{name}_gte", f"{name}_lte")
    return out


def _counts(low: int | None, high: int | None, name: str) -> tuple[int | None, ...]:
    out = check_count(low, f"{name}_gte"), check_count(high, f"{name}_lte")
    check_range(low, high, f"{name}_gte", f"{name}_lte")
    return out


class Discover(Resource):
    """Discover endpoints (``tmdb.discover``)."""

    __slots__ = ()

    async def movie(
        self,
        *,
        page: int = 1,
        language: str | None = None,
        region: str | None = None,
        sort_by: MovieSortBy | None = None,
        certification: str | None = None,
        certification_gte: str | None = None,
        certification_lte: str | None = None,
        certification_country: str | None = None,
        include_adult: bool | None = None,
        include_video: bool | None = None,
        year: int | None = None,
        primary_release_year: int | None = None,
        primary_release_date_gte: dt.date | None = None,
        primary_release_date_lte: dt.date | None = None,
        release_date_gte: dt.date | None = None,
        release_date_lte: dt.date | None = None,
        vote_average_gte: float | None = None,
        vote_average_lte: float | None = None,
        vote_count_gte: int | None = None,
        vote_count_lte: int | None = None,
        with_runtime_gte: int | None = None,
        with_runtime_lte: int | None = None,
        with_cast: IdFilter | None = None,
        with_crew: IdFilter | None = None,
        with_people: IdFilter | None = None,
        with_companies: IdFilter | None = None,
        with_genres: IdFilter | None = None,
        with_keywords: IdFilter | None = None,
        with_release_type: Iterable[ReleaseType] | AnyOf | None = None,
        with_origin_country: str | None = None,
        with_original_language: str | None = None,
        watch_region: str | None = None,
        with_watch_providers: IdFilter | None = None,
        with_watch_monetization_types: Iterable[MonetizationType] | AnyOf | None = None,
        without_companies: Iterable[int] | None = None,
        without_genres: Iterable[int] | None = None,
        without_keywords: Iterable[int] | None = None,
        without_watch_providers: Iterable[int] | None = None,
    ) -> Page[MovieSummary]:
        """Movies matching filters (``GET /3/discover/movie``).

        Every filter is optional; ``None`` leaves it out. ``*_gte`` / ``*_lte`` are TMDB's
        ``.gte`` / ``.lte`` bounds (inclusive).

        Args:
            page: 1 to 500.
            language: ``en-US`` style language; default: the client's.
            region: ``US`` style region (release dates, certifications); default: the
                client's.
            sort_by: the order, e.g. ``"popularity.desc"`` (TMDB's default).
            certification, certification_gte, certification_lte: an age rating (``"PG-13"``)
                of ``certification_country`` (``"US"``).
            include_adult, include_video: also return adult titles / video releases.
            year, primary_release_year: released that year (any release / first release).
            primary_release_date_gte, primary_release_date_lte: first release date bounds.
            release_date_gte, release_date_lte: bounds on any release date (with ``region``).
            vote_average_gte, vote_average_lte: rating bounds, 0 to 10.
            vote_count_gte, vote_count_lte: vote count bounds.
            with_runtime_gte, with_runtime_lte: runtime bounds in minutes.
            with_cast, with_crew, with_people, with_companies, with_genres, with_keywords:
                ids; an iterable requires all, :class:`AnyOf` any of them.
            with_release_type: release types 1 to 6 (see :data:`ReleaseType`).
            with_origin_country: ``US`` style country of origin.
            with_original_language: ``en`` style original language.
            watch_region: ``US`` style region of the watch-provider filters.
            with_watch_providers: watch provider ids.
            with_watch_monetization_types: ``flatrate``, ``free``, ``ads``, ``rent``, ``buy``.
            without_companies, without_genres, without_keywords, without_watch_providers:
                ids to exclude.

        Returns:
            A :class:`~tmdb_async.Page` of :class:`~tmdb_async.MovieSummary`.

        Raises:
            TMDBUsageError: any bad filter (wrong type, unknown ``sort_by``, a lower bound
                above its upper bound, a rating outside 0..10 ...), before any I/O.

        See https://developer.themoviedb.org/reference/discover-movie
        """
        prd = _dates(primary_release_date_gte, primary_release_date_lte, "primary_release_date")
        rd = _dates(release_date_gte, release_date_lte, "release_date")
        va = _scores(vote_average_gte, vote_average_lte, "vote_average")
        vc = _counts(vote_count_gte, vote_count_lte, "vote_count")
        rt = _counts(with_runtime_gte, with_runtime_lte, "with_runtime")
        params: Params = {
            "page": check_page(page),
            "language": language_param(self._core, language),
            "region": region_param(self._core, region),
            "sort_by": None if sort_by is None else check_choice(sort_by, "sort_by", _MOVIE_SORTS),
            "certification": _text(certification, "certification"),
            "certification.gte": _text(certification_gte, "certification_gte"),
            "certification.lte": _text(certification_lte, "certification_lte"),
            "certification_country": code_param(
                certification_country, "certification_country", _COUNTRY
            ),
            "include_adult": check_bool(include_adult, "include_adult"),
            "include_video": check_bool(include_video, "include_video"),
            "year": check_year(year, "year"),
            "primary_release_year": check_year(primary_release_year, "primary_release_year"),
            "primary_release_date.gte": prd[0],
            "primary_release_date.lte": prd[1],
            "release_date.gte": rd[0],
            "release_date.lte": rd[1],
            "vote_average.gte": va[0],
            "vote_average.lte": va[1],
            "vote_count.gte": vc[0],
            "vote_count.lte": vc[1],
            "with_runtime.gte": rt[0],
            "with_runtime.lte": rt[1],
            "with_cast": id_list(with_cast, "with_cast"),
            "with_crew": id_list(with_crew, "with_crew"),
            "with_people": id_list(with_people, "with_people"),
            "with_companies": id_list(with_companies, "with_companies"),
            "with_genres": id_list(with_genres, "with_genres"),
            "with_keywords": id_list(with_keywords, "with_keywords"),
            "with_release_type": id_list(
                with_release_type, "with_release_type", allowed=_RELEASE_TYPES
            ),
            "with_origin_country": code_param(with_origin_country, "with_origin_country", _COUNTRY),
            "with_original_language": code_param(
                with_original_language, "with_original_language", _LANG
            ),
            "watch_region": code_param(watch_region, "watch_region", _COUNTRY),
            "with_watch_providers": id_list(with_watch_providers, "with_watch_providers"),
            "with_watch_monetization_types": id_list(
                with_watch_monetization_types,
                "with_watch_monetization_types",
                allowed=_MONETIZATION,
            ),
            "without_companies": id_list(without_companies, "without_companies"),
            "without_genres": id_list(without_genres, "without_genres"),
            "without_keywords": id_list(without_keywords, "without_keywords"),
            "without_watch_providers": id_list(without_watch_providers, "without_watch_providers"),
        }
        return await self._core.request("GET", "/3/discover/movie", params=params, into=_MOVIES)

    async def tv(
        self,
        *,
        page: int = 1,
        language: str | None = None,
        sort_by: TVSortBy | None = None,
        timezone: str | None = None,
        include_adult: bool | None = None,
        include_null_first_air_dates: bool | None = None,
        screened_theatrically: bool | None = None,
        first_air_date_year: int | None = None,
        first_air_date_gte: dt.date | None = None,
        first_air_date_lte: dt.date | None = None,
        air_date_gte: dt.date | None = None,
        air_date_lte: dt.date | None = None,
        vote_average_gte: float | None = None,
        vote_average_lte: float | None = None,
        vote_count_gte: int | None = None,
        vote_count_lte: int | None = None,
        with_runtime_gte: int | None = None,
        with_runtime_lte: int | None = None,
        with_companies: IdFilter | None = None,
        with_genres: IdFilter | None = None,
        with_keywords: IdFilter | None = None,
        with_networks: int | None = None,
        with_origin_country: str | None = None,
        with_original_language: str | None = None,
        with_status: Iterable[int] | AnyOf | None = None,
        with_type: Iterable[int] | AnyOf | None = None,
        watch_region: str | None = None,
        with_watch_providers: IdFilter | None = None,
        with_watch_monetization_types: Iterable[MonetizationType] | AnyOf | None = None,
        without_companies: Iterable[int] | None = None,
        without_genres: Iterable[int] | None = None,
        without_keywords: Iterable[int] | None = None,
        without_watch_providers: Iterable[int] | None = None,
    ) -> Page[TVSummary]:
        """TV series matching filters (``GET /3/discover/tv``).

        Every filter is optional; ``None`` leaves it out. ``*_gte`` / ``*_lte`` are TMDB's
        ``.gte`` / ``.lte`` bounds (inclusive).

        Args:
            page: 1 to 500.
            language: ``en-US`` style language; default: the client's.
            sort_by: the order, e.g. ``"popularity.desc"`` (TMDB's default).
            timezone: IANA time zone of the air-date filters.
            include_adult: also return adult titles.
            include_null_first_air_dates: also return series without a first air date.
            screened_theatrically: only series with episodes shown in theatres.
            first_air_date_year: first aired that year.
            first_air_date_gte, first_air_date_lte: first air date bounds.
            air_date_gte, air_date_lte: bounds on any episode's air date.
            vote_average_gte, vote_average_lte: rating bounds, 0 to 10.
            vote_count_gte, vote_count_lte: vote count bounds.
            with_runtime_gte, with_runtime_lte: episode runtime bounds in minutes.
            with_companies, with_genres, with_keywords: ids; an iterable requires all,
                :class:`AnyOf` any of them.
            with_networks: a network id.
            with_origin_country: ``US`` style country of origin.
            with_original_language: ``en`` style original language.
            with_status: statuses 0 to 5 (returning, planned, in production, ended,
                cancelled, pilot).
            with_type: types 0 to 6 (documentary, news, miniseries, reality, scripted,
                talk show, video).
            watch_region: ``US`` style region of the watch-provider filters.
            with_watch_providers: watch provider ids.
            with_watch_monetization_types: ``flatrate``, ``free``, ``ads``, ``rent``, ``buy``.
            without_companies, without_genres, without_keywords, without_watch_providers:
                ids to exclude.

        Returns:
            A :class:`~tmdb_async.Page` of :class:`~tmdb_async.TVSummary`.

        Raises:
            TMDBUsageError: any bad filter, before any I/O.

        See https://developer.themoviedb.org/reference/discover-tv
        """
        fad = _dates(first_air_date_gte, first_air_date_lte, "first_air_date")
        ad = _dates(air_date_gte, air_date_lte, "air_date")
        va = _scores(vote_average_gte, vote_average_lte, "vote_average")
        vc = _counts(vote_count_gte, vote_count_lte, "vote_count")
        rt = _counts(with_runtime_gte, with_runtime_lte, "with_runtime")
        network = None if with_networks is None else id_list([with_networks], "with_networks")
        params: Params = {
            "page": check_page(page),
            "language": language_param(self._core, language),
            "sort_by": None if sort_by is None else check_choice(sort_by, "sort_by", _TV_SORTS),
            "timezone": check_timezone(timezone),
            "include_adult": check_bool(include_adult, "include_adult"),
            "include_null_first_air_dates": check_bool(
                include_null_first_air_dates, "include_null_first_air_dates"
            ),
            "screened_theatrically": check_bool(screened_theatrically, "screened_theatrically"),
            "first_air_date_year": check_year(first_air_date_year, "first_air_date_year"),
            "first_air_date.gte": fad[0],
            "first_air_date.lte": fad[1],
            "air_date.gte": ad[0],
            "air_date.lte": ad[1],
            "vote_average.gte": va[0],
            "vote_average.lte": va[1],
            "vote_count.gte": vc[0],
            "vote_count.lte": vc[1],
            "with_runtime.gte": rt[0],
            "with_runtime.lte": rt[1],
            "with_companies": id_list(with_companies, "with_companies"),
            "with_genres": id_list(with_genres, "with_genres"),
            "with_keywords": id_list(with_keywords, "with_keywords"),
            "with_networks": network,
            "with_origin_country": code_param(with_origin_country, "with_origin_country", _COUNTRY),
            "with_original_language": code_param(
                with_original_language, "with_original_language", _LANG
            ),
            "with_status": id_list(with_status, "with_status", allowed=_TV_STATUS),
            "with_type": id_list(with_type, "with_type", allowed=_TV_TYPES),
            "watch_region": code_param(watch_region, "watch_region", _COUNTRY),
            "with_watch_providers": id_list(with_watch_providers, "with_watch_providers"),
            "with_watch_monetization_types": id_list(
                with_watch_monetization_types,
                "with_watch_monetization_types",
                allowed=_MONETIZATION,
            ),
            "without_companies": id_list(without_companies, "without_companies"),
            "without_genres": id_list(without_genres, "without_genres"),
            "without_keywords": id_list(without_keywords, "without_keywords"),
            "without_watch_providers": id_list(without_watch_providers, "without_watch_providers"),
        }
        return await self._core.request("GET", "/3/discover/tv", params=params, into=_TV)
