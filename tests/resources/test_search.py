"""``tmdb.search``: request shape of every method, multi search as a tagged union, models from
spec examples and recordings, and local argument checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from tests.catalogue_helpers import both, check_get, spec_examples, wire_query
from tests.conftest import load
from tests.loopback_tmdb import TMDBServer
from tmdb_async import (
    CollectionSummary,
    CompanySummary,
    Keyword,
    MovieSummary,
    MultiResult,
    Page,
    PersonSummary,
    TMDBClient,
    TMDBUsageError,
    TVSummary,
    UnknownMedia,
)


def page_of(*results: dict[str, Any]) -> dict[str, Any]:
    return {"page": 1, "results": list(results), "total_pages": 1, "total_results": len(results)}


async def test_movie_all_options(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    body = load("recorded/tmdblib/search-movie-007-page1.200.json")
    tmdb_server.get(
        "/3/search/movie",
        query=wire_query(
            {
                "query": "007",
                "page": 1,
                "language": "en-US",
                "region": "GB",
                "include_adult": "false",
                "year": 1966,
                "primary_release_year": 1966,
            }
        ),
        payload=body,
    )
    page = await tmdb_local.search.movie(
        "007",
        page=1,
        language="en-US",
        region="GB",
        include_adult=False,
        year=1966,
        primary_release_year=1966,
    )
    check_get(
        tmdb_server,
        "/3/search/movie",
        {
            "query": "007",
            "page": 1,
            "language": "en-US",
            "region": "GB",
            "include_adult": "false",
            "year": 1966,
            "primary_release_year": 1966,
        },
    )
    assert (page.page, page.total_pages, page.total_results) == (1, 7, 129)
    first = page.results[0]
    assert first == MovieSummary(
        id=649110,
        title="Conductor 007",
        original_title=body["results"][0]["original_title"],
        original_language="el",
        overview=body["results"][0]["overview"],
        genre_ids=[35],
        poster_path="/oFBT2dUSyUM1M1wd66lMUOasqyt.jpg",
        backdrop_path=None,
        release_date=dt.date(1966, 1, 1),
        softcore=False,
    )


async def test_movie_minimal_query_only(
    tmdb_local_key: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.get(
        "/3/search/movie",
        query=wire_query({"query": "alien & predator?", "page": 1}, api_key=True),
        payload=page_of({"id": 1, "release_date": ""}),
    )
    page = await tmdb_local_key.search.movie("alien & predator?")
    check_get(
        tmdb_server, "/3/search/movie", {"query": "alien & predator?", "page": 1}, bearer=False
    )
    assert page.results == [MovieSummary(id=1, release_date=None)]


async def test_tv(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    tmdb_server.get(
        "/3/search/tv",
        query=wire_query(
            {
                "query": "Breaking Bad",
                "page": 1,
                "first_air_date_year": 2008,
                "year": 2008,
                "include_adult": "true",
            }
        ),
        payload=load("recorded/tmdblib/search-tv-breaking-bad.200.json"),
    )
    page = await tmdb_local.search.tv(
        "Breaking Bad", first_air_date_year=2008, year=2008, include_adult=True
    )
    check_get(
        tmdb_server,
        "/3/search/tv",
        {
            "query": "Breaking Bad",
            "page": 1,
            "first_air_date_year": 2008,
            "year": 2008,
            "include_adult": "true",
        },
    )
    assert page.results[0].id == 1396
    assert page.results[0].first_air_date == dt.date(2008, 1, 20)
    assert all(isinstance(r, TVSummary) for r in page.results)


async def test_person(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    tmdb_server.get(
        "/3/search/person",
        query=wire_query({"query": "Bryan Cranston", "page": 1, "language": "en-US"}),
        payload=load("recorded/tmdblib/search-person-bryan-cranston.200.json"),
    )
    page = await tmdb_local.search.person("Bryan Cranston", language="en-US")
    check_get(
        tmdb_server, "/3/search/person", {"query": "Bryan Cranston", "page": 1, "language": "en-US"}
    )
    person = page.results[0]
    assert isinstance(person, PersonSummary)
    assert person.name == "Bryan Cranston"
    assert isinstance(person.known_for[0], TVSummary)
    assert person.known_for[0].id == 1396
    assert isinstance(person.known_for[1], MovieSummary)
    assert person.known_for[1].id == 399174


async def test_multi_is_a_tagged_union(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    body = page_of(
        {"id": 11, "title": "Star Wars", "media_type": "movie", "release_date": "1977-05-25"},
        {"id": 11, "name": "Some Show", "media_type": "tv"},
        {"id": 31, "name": "Tom Hanks", "media_type": "person", "known_for": []},
        {"id": 10, "name": "Star Wars Collection", "media_type": "collection"},
        {"name": "tagless"},
    )
    tmdb_server.get(
        "/3/search/multi",
        query=wire_query({"query": "star", "page": 1, "include_adult": "false"}),
        payload=body,
    )
    page = await tmdb_local.search.multi("star", include_adult=False)
    check_get(
        tmdb_server, "/3/search/multi", {"query": "star", "page": 1, "include_adult": "false"}
    )
    expected: list[MultiResult] = [
        MovieSummary(
            id=11, title="Star Wars", media_type="movie", release_date=dt.date(1977, 5, 25)
        ),
        TVSummary(id=11, name="Some Show", media_type="tv"),
        PersonSummary(id=31, name="Tom Hanks", media_type="person"),
        UnknownMedia(
            media_type="collection",
            id=10,
            data={"id": 10, "name": "Star Wars Collection", "media_type": "collection"},
        ),
        UnknownMedia(media_type=None, id=None, data={"name": "tagless"}),
    ]
    assert page.results == expected


def test_multi_recorded_structures_by_tag() -> None:
    body = load("recorded/tmdblib/search-multi-jobs.200.json")
    page = both(body, Page[MultiResult])
    kinds = {"movie": MovieSummary, "tv": TVSummary, "person": PersonSummary}
    assert len(page.results) == len(body["results"]) == 20
    for item, raw in zip(page.results, body["results"], strict=True):
        assert type(item) is kinds[raw["media_type"]]
        assert item.id == raw["id"]


def test_multi_item_not_an_object_is_a_validation_error() -> None:
    import cattrs

    from tmdb_async._convert import CONVERTER

    with pytest.raises(cattrs.BaseValidationError):
        CONVERTER.structure(page_of("oops"), Page[MultiResult])  # type: ignore[arg-type]


async def test_collection(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    body = page_of({"id": 10, "name": "Star Wars Collection", "poster_path": None, "adult": False})
    tmdb_server.get(
        "/3/search/collection",
        query=wire_query({"query": "star wars", "page": 1, "region": "US", "language": "en"}),
        payload=body,
    )
    page = await tmdb_local.search.collection("star wars", region="US", language="en")
    check_get(
        tmdb_server,
        "/3/search/collection",
        {"query": "star wars", "page": 1, "region": "US", "language": "en"},
    )
    assert page.results == [CollectionSummary(id=10, name="Star Wars Collection")]


async def test_company(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    body = page_of(
        {"id": 1, "name": "Lucasfilm Ltd.", "logo_path": "/o86.png", "origin_country": "US"}
    )
    tmdb_server.get(
        "/3/search/company", query=wire_query({"query": "lucasfilm", "page": 2}), payload=body
    )
    page = await tmdb_local.search.company("lucasfilm", page=2)
    check_get(tmdb_server, "/3/search/company", {"query": "lucasfilm", "page": 2})
    assert page.results == [
        CompanySummary(id=1, name="Lucasfilm Ltd.", logo_path="/o86.png", origin_country="US")
    ]


async def test_keyword(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    tmdb_server.get(
        "/3/search/keyword",
        query=wire_query({"query": "space", "page": 1}),
        payload=page_of({"id": 9882, "name": "space"}),
    )
    page = await tmdb_local.search.keyword("space")
    check_get(tmdb_server, "/3/search/keyword", {"query": "space", "page": 1})
    assert page.results == [Keyword(id=9882, name="space")]


BAD_CALLS: list[tuple[str, Callable[[TMDBClient], Awaitable[object]]]] = [
    ("empty query", lambda t: t.search.movie("")),
    ("blank query", lambda t: t.search.tv("   ")),
    ("query not str", lambda t: t.search.person(42)),  # type: ignore[arg-type]
    ("page 0", lambda t: t.search.multi("x", page=0)),
    ("page 501", lambda t: t.search.keyword("x", page=501)),
    ("year 99", lambda t: t.search.movie("x", year=99)),
    ("year str", lambda t: t.search.tv("x", first_air_date_year="2008")),  # type: ignore[arg-type]
    ("adult str", lambda t: t.search.multi("x", include_adult="no")),  # type: ignore[arg-type]
    ("bad region", lambda t: t.search.collection("x", region="usa")),
    ("bad language", lambda t: t.search.movie("x", language="en_US")),
    ("company page", lambda t: t.search.company("x", page=-1)),
]


@pytest.mark.parametrize(("label", "call"), BAD_CALLS, ids=[b[0] for b in BAD_CALLS])
async def test_bad_input_refused_before_io(
    tmdb_local: TMDBClient,
    tmdb_server: TMDBServer,
    label: str,
    call: Callable[[TMDBClient], Awaitable[object]],
) -> None:
    with pytest.raises(TMDBUsageError):
        await call(tmdb_local)
    assert tmdb_server.calls() == []


SPEC: list[tuple[str, Any]] = [
    ("search-movie", Page[MovieSummary]),
    ("search-tv", Page[TVSummary]),
    ("search-person", Page[PersonSummary]),
    ("search-multi", Page[MultiResult]),
    ("search-collection", Page[CollectionSummary]),
    ("search-company", Page[CompanySummary]),
    ("search-keyword", Page[Keyword]),
]


@pytest.mark.parametrize(("operation", "into"), SPEC, ids=[s[0] for s in SPEC])
def test_spec_examples_structure(operation: str, into: Any) -> None:
    for body in spec_examples(operation):
        page = both(body, into)
        assert len(page.results) == len(body["results"])
        assert [r.id for r in page.results] == [r["id"] for r in body["results"]]


def test_spec_multi_example_has_no_unknowns() -> None:
    page = both(spec_examples("search-multi")[0], Page[MultiResult])
    assert not any(isinstance(r, UnknownMedia) for r in page.results)


RECORDED: list[tuple[str, Any]] = [
    ("recorded/tmdblib/search-movie-007-page1.200.json", Page[MovieSummary]),
    ("recorded/tmdblib/search-tv-breaking-bad.200.json", Page[TVSummary]),
    ("recorded/tmdblib/search-person-bryan-cranston.200.json", Page[PersonSummary]),
    ("recorded/tmdblib/search-multi-jobs.200.json", Page[MultiResult]),
]


@pytest.mark.parametrize(("fixture", "into"), RECORDED, ids=[r[0] for r in RECORDED])
def test_recorded_structure(fixture: str, into: Any) -> None:
    body = load(fixture)
    page = both(body, into)
    assert (page.page, page.total_pages, page.total_results) == (
        body["page"],
        body["total_pages"],
        body["total_results"],
    )
    assert [r.id for r in page.results] == [r["id"] for r in body["results"]]
