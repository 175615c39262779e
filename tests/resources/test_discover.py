"""``tmdb.discover``: typed filters become TMDB's dotted query parameters; bad filters are
refused before any I/O; spec examples structure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from tests.catalogue_helpers import both, check_get, spec_examples, wire_query
from tests.loopback_tmdb import TMDBServer
from tmdb_async import AnyOf, MovieSummary, Page, TMDBClient, TMDBUsageError, TVSummary

BODY = {
    "page": 1,
    "results": [{"id": 11, "title": "Star Wars", "release_date": "1977-05-25"}],
    "total_pages": 1,
    "total_results": 1,
}


async def test_movie_every_filter(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    params = {
        "page": 2,
        "language": "en-US",
        "region": "US",
        "sort_by": "vote_average.desc",
        "certification": "PG-13",
        "certification.gte": "G",
        "certification.lte": "R",
        "certification_country": "US",
        "include_adult": "false",
        "include_video": "true",
        "year": 1977,
        "primary_release_year": 1977,
        "primary_release_date.gte": "1977-01-01",
        "primary_release_date.lte": "1977-12-31",
        "release_date.gte": "1977-05-01",
        "release_date.lte": "1977-06-01",
        "vote_average.gte": 7.5,
        "vote_average.lte": 10,
        "vote_count.gte": 100,
        "vote_count.lte": 50000,
        "with_runtime.gte": 90,
        "with_runtime.lte": 180,
        "with_cast": "2,3",
        "with_crew": "1|4",
        "with_people": "5",
        "with_companies": "1",
        "with_genres": "28,12",
        "with_keywords": "9882|818",
        "with_release_type": "2|3",
        "with_origin_country": "US",
        "with_original_language": "en",
        "watch_region": "DE",
        "with_watch_providers": "8|337",
        "with_watch_monetization_types": "flatrate,free",
        "without_companies": "7",
        "without_genres": "27,53",
        "without_keywords": "1",
        "without_watch_providers": "2",
    }
    tmdb_server.get(
        "/3/discover/movie",
        query=wire_query(params),
        payload=BODY,
    )
    page = await tmdb_local.discover.movie(
        page=2,
        language="en-US",
        region="US",
        sort_by="vote_average.desc",
        certification="PG-13",
        certification_gte="G",
        certification_lte="R",
        certification_country="US",
        include_adult=False,
        include_video=True,
        year=1977,
        primary_release_year=1977,
        primary_release_date_gte=dt.date(1977, 1, 1),
        primary_release_date_lte=dt.date(1977, 12, 31),
        release_date_gte=dt.date(1977, 5, 1),
        release_date_lte=dt.date(1977, 6, 1),
        vote_average_gte=7.5,
        vote_average_lte=10,
        vote_count_gte=100,
        vote_count_lte=50000,
        with_runtime_gte=90,
        with_runtime_lte=180,
        with_cast=[2, 3],
        with_crew=AnyOf(1, 4),
        with_people=[5],
        with_companies=AnyOf(1),
        with_genres=[28, 12],
        with_keywords=AnyOf(9882, 818),
        with_release_type=AnyOf(2, 3),
        with_origin_country="US",
        with_original_language="en",
        watch_region="DE",
        with_watch_providers=AnyOf(8, 337),
        with_watch_monetization_types=["flatrate", "free"],
        without_companies=[7],
        without_genres=[27, 53],
        without_keywords=[1],
        without_watch_providers=[2],
    )
    check_get(
        tmdb_server,
        "/3/discover/movie",
        params,
    )
    assert page == Page(
        page=1,
        results=[MovieSummary(id=11, title="Star Wars", release_date=dt.date(1977, 5, 25))],
        total_pages=1,
        total_results=1,
    )


async def test_movie_no_filters_sends_only_page(
    tmdb_local_key: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.get("/3/discover/movie", query=wire_query({"page": 1}, api_key=True), payload=BODY)
    await tmdb_local_key.discover.movie()
    check_get(tmdb_server, "/3/discover/movie", {"page": 1}, bearer=False)


async def test_movie_empty_lists_are_left_out(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.get("/3/discover/movie", query=wire_query({"page": 1}), payload=BODY)
    await tmdb_local.discover.movie(with_genres=[], without_keywords=(), with_cast=AnyOf())
    check_get(tmdb_server, "/3/discover/movie", {"page": 1})


async def test_tv_every_filter(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    body = {"page": 1, "results": [{"id": 1396, "name": "Breaking Bad"}], "total_pages": 1}
    params = {
        "page": 3,
        "language": "de-DE",
        "sort_by": "first_air_date.desc",
        "timezone": "Europe/Berlin",
        "include_adult": "false",
        "include_null_first_air_dates": "true",
        "screened_theatrically": "false",
        "first_air_date_year": 2008,
        "first_air_date.gte": "2008-01-01",
        "first_air_date.lte": "2008-12-31",
        "air_date.gte": "2010-01-01",
        "air_date.lte": "2010-01-02",
        "vote_average.gte": 0,
        "vote_average.lte": 9.5,
        "vote_count.gte": 0,
        "vote_count.lte": 10,
        "with_runtime.gte": 20,
        "with_runtime.lte": 60,
        "with_companies": "11073",
        "with_genres": "18|80",
        "with_keywords": "1",
        "with_networks": "174",
        "with_origin_country": "US",
        "with_original_language": "en",
        "with_status": "0|3",
        "with_type": "4",
        "watch_region": "US",
        "with_watch_providers": "8",
        "with_watch_monetization_types": "rent|buy",
        "without_companies": "1",
        "without_genres": "16",
        "without_keywords": "2",
        "without_watch_providers": "3",
    }
    tmdb_server.get(
        "/3/discover/tv",
        query=wire_query(params),
        payload=body,
    )
    page = await tmdb_local.discover.tv(
        page=3,
        language="de-DE",
        sort_by="first_air_date.desc",
        timezone="Europe/Berlin",
        include_adult=False,
        include_null_first_air_dates=True,
        screened_theatrically=False,
        first_air_date_year=2008,
        first_air_date_gte=dt.date(2008, 1, 1),
        first_air_date_lte=dt.date(2008, 12, 31),
        air_date_gte=dt.date(2010, 1, 1),
        air_date_lte=dt.date(2010, 1, 2),
        vote_average_gte=0,
        vote_average_lte=9.5,
        vote_count_gte=0,
        vote_count_lte=10,
        with_runtime_gte=20,
        with_runtime_lte=60,
        with_companies=[11073],
        with_genres=AnyOf(18, 80),
        with_keywords=[1],
        with_networks=174,
        with_origin_country="US",
        with_original_language="en",
        with_status=AnyOf(0, 3),
        with_type=[4],
        watch_region="US",
        with_watch_providers=[8],
        with_watch_monetization_types=AnyOf("rent", "buy"),
        without_companies=[1],
        without_genres=[16],
        without_keywords=[2],
        without_watch_providers=[3],
    )
    check_get(
        tmdb_server,
        "/3/discover/tv",
        params,
    )
    assert page.results == [TVSummary(id=1396, name="Breaking Bad")]


def test_anyof_value_semantics() -> None:
    assert AnyOf(1, 2) == AnyOf(1, 2)
    assert AnyOf(1, 2) != AnyOf(2, 1)
    assert hash(AnyOf(1)) == hash(AnyOf(1))
    assert repr(AnyOf(28, 12)) == "AnyOf(28, 12)"


BAD_CALLS: list[tuple[str, Callable[[TMDBClient], Awaitable[object]]]] = [
    ("sort_by unknown", lambda t: t.discover.movie(sort_by="rating.desc")),  # type: ignore[arg-type]
    ("tv sort_by of movies", lambda t: t.discover.tv(sort_by="revenue.desc")),  # type: ignore[arg-type]
    ("date as str", lambda t: t.discover.movie(primary_release_date_gte="2020-01-01")),  # type: ignore[arg-type]
    ("datetime not date", lambda t: t.discover.movie(release_date_lte=dt.datetime(2020, 1, 1))),
    (
        "dates reversed",
        lambda t: t.discover.movie(
            primary_release_date_gte=dt.date(2021, 1, 1),
            primary_release_date_lte=dt.date(2020, 1, 1),
        ),
    ),
    ("vote above 10", lambda t: t.discover.movie(vote_average_gte=11)),
    ("vote negative", lambda t: t.discover.tv(vote_average_lte=-1)),
    ("votes reversed", lambda t: t.discover.tv(vote_average_gte=8, vote_average_lte=7)),
    ("vote count negative", lambda t: t.discover.movie(vote_count_gte=-5)),
    ("runtime float", lambda t: t.discover.movie(with_runtime_gte=90.5)),  # type: ignore[arg-type]
    ("genres as str", lambda t: t.discover.movie(with_genres="28,12")),  # type: ignore[arg-type]
    ("genre id zero", lambda t: t.discover.movie(with_genres=[0])),
    ("genre id bool", lambda t: t.discover.tv(with_genres=[True])),
    ("release type 7", lambda t: t.discover.movie(with_release_type=[7])),  # type: ignore[list-item]
    ("monetization", lambda t: t.discover.movie(with_watch_monetization_types=["stream"])),  # type: ignore[list-item]
    ("tv status 9", lambda t: t.discover.tv(with_status=[9])),
    ("tv type 7", lambda t: t.discover.tv(with_type=AnyOf(7))),
    ("bad country", lambda t: t.discover.movie(with_origin_country="usa")),
    ("bad watch region", lambda t: t.discover.tv(watch_region="us")),
    ("bad original language", lambda t: t.discover.movie(with_original_language="EN")),
    ("empty certification", lambda t: t.discover.movie(certification=" ")),
    ("year out of range", lambda t: t.discover.movie(year=10000)),
    ("adult not bool", lambda t: t.discover.movie(include_adult=1)),  # type: ignore[arg-type]
    ("bad timezone", lambda t: t.discover.tv(timezone="Mars Base")),
    ("network zero", lambda t: t.discover.tv(with_networks=0)),
    ("page 501", lambda t: t.discover.movie(page=501)),
    ("bad region", lambda t: t.discover.movie(region="United States")),
]


@pytest.mark.parametrize(("label", "call"), BAD_CALLS, ids=[b[0] for b in BAD_CALLS])
async def test_bad_filter_refused_before_io(
    tmdb_local: TMDBClient,
    tmdb_server: TMDBServer,
    label: str,
    call: Callable[[TMDBClient], Awaitable[object]],
) -> None:
    with pytest.raises(TMDBUsageError):
        await call(tmdb_local)
    assert tmdb_server.calls() == []


SPEC: list[tuple[str, Any]] = [
    ("discover-movie", Page[MovieSummary]),
    ("discover-tv", Page[TVSummary]),
]


@pytest.mark.parametrize(("operation", "into"), SPEC, ids=[s[0] for s in SPEC])
def test_spec_examples_structure(operation: str, into: Any) -> None:
    for body in spec_examples(operation):
        page = both(body, into)
        assert [r.id for r in page.results] == [r["id"] for r in body["results"]]
        assert page.total_results == body["total_results"]
