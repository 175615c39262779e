"""Trending, find, genres, collections, companies, certifications and the changes lists:
request shape, models, local checks, spec examples."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from tests.catalogue_helpers import both, check_get, spec_examples, url_re
from tests.conftest import TMDBMock
from tmdb_async import (
    Certification,
    Certifications,
    ChangedEntry,
    Collection,
    CollectionPart,
    Company,
    CompanyRef,
    EpisodeSummary,
    FindResults,
    Genre,
    GenreList,
    MovieSummary,
    MultiResult,
    Page,
    PersonSummary,
    TMDBClient,
    TMDBUsageError,
    TVSummary,
)

# ---------------------------------------------------------------------- trending


def paged(*results: dict[str, Any]) -> dict[str, Any]:
    return {"page": 1, "results": list(results), "total_pages": 1, "total_results": len(results)}


async def test_trending_all(tmdb: TMDBClient, mock: TMDBMock) -> None:
    mock.get(
        url_re("/3/trending/all/week"),
        payload=paged(
            {"id": 1, "title": "M", "media_type": "movie"},
            {"id": 2, "name": "T", "media_type": "tv"},
            {"id": 3, "name": "P", "media_type": "person"},
        ),
    )
    page = await tmdb.trending.all("week", page=2, language="en-US")
    check_get(mock, "/3/trending/all/week", {"page": 2, "language": "en-US"})
    assert page.results == [
        MovieSummary(id=1, title="M", media_type="movie"),
        TVSummary(id=2, name="T", media_type="tv"),
        PersonSummary(id=3, name="P", media_type="person"),
    ]


@pytest.mark.parametrize(
    ("name", "item", "expected"),
    [
        (
            "movie",
            {"id": 1, "title": "M", "media_type": "movie"},
            MovieSummary(id=1, title="M", media_type="movie"),
        ),
        (
            "tv",
            {"id": 2, "name": "T", "media_type": "tv"},
            TVSummary(id=2, name="T", media_type="tv"),
        ),
        (
            "person",
            {"id": 3, "name": "P", "media_type": "person"},
            PersonSummary(id=3, name="P", media_type="person"),
        ),
    ],
)
async def test_trending_by_kind_default_day(
    tmdb: TMDBClient, mock: TMDBMock, name: str, item: dict[str, Any], expected: object
) -> None:
    mock.get(url_re(f"/3/trending/{name}/day"), payload=paged(item))
    page = await getattr(tmdb.trending, name)()
    check_get(mock, f"/3/trending/{name}/day", {"page": 1})
    assert page.results == [expected]


# ---------------------------------------------------------------------- find


async def test_find_by_imdb_id(tmdb: TMDBClient, mock: TMDBMock) -> None:
    body = {
        "movie_results": [{"id": 11, "title": "Star Wars", "media_type": "movie"}],
        "person_results": [],
        "tv_results": [],
        "tv_episode_results": [
            {"id": 62085, "name": "Pilot", "show_id": 1396, "media_type": "tv_episode"}
        ],
        "tv_season_results": [],
    }
    mock.get(url_re("/3/find/tt0076759"), payload=body)
    found = await tmdb.find.by_id("tt0076759", external_source="imdb_id", language="en-US")
    check_get(mock, "/3/find/tt0076759", {"external_source": "imdb_id", "language": "en-US"})
    assert found == FindResults(
        movie_results=[MovieSummary(id=11, title="Star Wars", media_type="movie")],
        tv_episode_results=[
            EpisodeSummary(id=62085, name="Pilot", show_id=1396, media_type="tv_episode")
        ],
    )


async def test_find_by_numeric_tvdb_id(tmdb: TMDBClient, mock: TMDBMock) -> None:
    mock.get(url_re("/3/find/81189"), payload={"tv_results": [{"id": 1396}]})
    found = await tmdb.find.by_id(81189, external_source="tvdb_id")
    check_get(mock, "/3/find/81189", {"external_source": "tvdb_id"})
    assert found.tv_results == [TVSummary(id=1396)]


async def test_find_escapes_the_path(tmdb: TMDBClient, mock: TMDBMock) -> None:
    mock.get(re.compile(r"^https://api\.themoviedb\.org/3/find/.*"), payload={})
    await tmdb.find.by_id("@someone/x", external_source="twitter_id")
    _, url, call = mock.only_call()
    # the slash stays inside the one path segment ("@" needs no escaping in a path)
    assert url.raw_path == "/3/find/@someone%2Fx"
    assert call.kwargs["params"] == {"external_source": "twitter_id"}


# ---------------------------------------------------------------------- genres, collections ...


@pytest.mark.parametrize("kind", ["movie", "tv"])
async def test_genres(tmdb: TMDBClient, mock: TMDBMock, kind: str) -> None:
    mock.get(url_re(f"/3/genre/{kind}/list"), payload={"genres": [{"id": 28, "name": "Action"}]})
    genres = await getattr(tmdb.genres, kind)(language="de")
    check_get(mock, f"/3/genre/{kind}/list", {"language": "de"})
    assert genres == GenreList(genres=[Genre(id=28, name="Action")])


async def test_collection_details(tmdb: TMDBClient, mock: TMDBMock) -> None:
    body = {
        "id": 10,
        "name": "Star Wars Collection",
        "parts": [{"id": 11, "title": "Star Wars", "release_date": "1977-05-25"}],
    }
    mock.get(url_re("/3/collection/10"), payload=body)
    collection = await tmdb.collections.details(10, language="en-US")
    check_get(mock, "/3/collection/10", {"language": "en-US"})
    assert collection == Collection(
        id=10,
        name="Star Wars Collection",
        parts=[CollectionPart(id=11, title="Star Wars", release_date=dt.date(1977, 5, 25))],
    )


async def test_company_details(tmdb: TMDBClient, mock: TMDBMock) -> None:
    body = {"id": 2, "name": "Walt Disney Pictures", "parent_company": {"id": 1, "name": "Disney"}}
    mock.get(url_re("/3/company/2"), payload=body)
    company = await tmdb.companies.details(2)
    check_get(mock, "/3/company/2")
    assert company == Company(
        id=2, name="Walt Disney Pictures", parent_company=CompanyRef(id=1, name="Disney")
    )


@pytest.mark.parametrize("kind", ["movie", "tv"])
async def test_certifications(tmdb: TMDBClient, mock: TMDBMock, kind: str) -> None:
    body = {"certifications": {"US": [{"certification": "PG-13", "meaning": "...", "order": 3}]}}
    mock.get(url_re(f"/3/certification/{kind}/list"), payload=body)
    certs = await getattr(tmdb.certifications, kind)()
    check_get(mock, f"/3/certification/{kind}/list")
    assert certs == Certifications(
        certifications={"US": [Certification(certification="PG-13", meaning="...", order=3)]}
    )


# ---------------------------------------------------------------------- changes


@pytest.mark.parametrize("kind", ["movie", "tv", "person"])
async def test_changes_window(tmdb: TMDBClient, mock: TMDBMock, kind: str) -> None:
    body = {"page": 1, "results": [{"id": 5, "adult": False}, {"id": 6}], "total_pages": 1}
    mock.get(url_re(f"/3/{kind}/changes"), payload=body)
    page = await getattr(tmdb.changes, kind)(
        start_date=dt.date(2024, 1, 1), end_date=dt.date(2024, 1, 15), page=1
    )
    check_get(
        mock,
        f"/3/{kind}/changes",
        {"start_date": "2024-01-01", "end_date": "2024-01-15", "page": 1},
    )
    assert page.results == [ChangedEntry(id=5, adult=False), ChangedEntry(id=6)]


async def test_changes_default_window(tmdb: TMDBClient, mock: TMDBMock) -> None:
    mock.get(url_re("/3/movie/changes"), payload={"page": 1, "results": []})
    await tmdb.changes.movie()
    check_get(mock, "/3/movie/changes", {"page": 1})


# ---------------------------------------------------------------------- local checks

BAD_CALLS: list[tuple[str, Callable[[TMDBClient], Awaitable[object]]]] = [
    ("trending window", lambda t: t.trending.all("month")),  # type: ignore[arg-type]
    ("trending window case", lambda t: t.trending.movie("Day")),  # type: ignore[arg-type]
    ("trending page", lambda t: t.trending.tv(page=0)),
    ("trending language", lambda t: t.trending.person(language="xx_YY")),
    ("find source", lambda t: t.find.by_id("tt1", external_source="imdb")),  # type: ignore[arg-type]
    ("find empty id", lambda t: t.find.by_id(" ", external_source="twitter_id")),
    ("find imdb shape", lambda t: t.find.by_id("0076759", external_source="imdb_id")),
    ("find tvdb shape", lambda t: t.find.by_id("abc", external_source="tvdb_id")),
    ("find wikidata shape", lambda t: t.find.by_id("X1", external_source="wikidata_id")),
    ("find id bool", lambda t: t.find.by_id(True, external_source="tvdb_id")),
    ("genres language", lambda t: t.genres.movie(language="German")),
    ("collection id", lambda t: t.collections.details(0)),
    ("company id", lambda t: t.companies.details(-3)),
    (
        "changes 15 days",
        lambda t: t.changes.movie(start_date=dt.date(2024, 1, 1), end_date=dt.date(2024, 1, 16)),
    ),
    (
        "changes reversed",
        lambda t: t.changes.tv(start_date=dt.date(2024, 1, 2), end_date=dt.date(2024, 1, 1)),
    ),
    ("changes str date", lambda t: t.changes.person(start_date="2024-01-01")),  # type: ignore[arg-type]
    ("changes datetime", lambda t: t.changes.person(end_date=dt.datetime(2024, 1, 1))),
    ("changes page", lambda t: t.changes.movie(page=501)),
]


@pytest.mark.parametrize(("label", "call"), BAD_CALLS, ids=[b[0] for b in BAD_CALLS])
async def test_bad_input_refused_before_io(
    tmdb: TMDBClient,
    mock: TMDBMock,
    label: str,
    call: Callable[[TMDBClient], Awaitable[object]],
) -> None:
    with pytest.raises(TMDBUsageError):
        await call(tmdb)
    assert mock.calls() == []


def test_changes_window_message_names_the_limit() -> None:
    from tmdb_async.resources._params import check_changes_window

    with pytest.raises(TMDBUsageError, match="14 days"):
        check_changes_window(dt.date(2024, 1, 1), dt.date(2024, 2, 1))
    assert check_changes_window(dt.date(2024, 1, 1), dt.date(2024, 1, 15)) == {
        "start_date": "2024-01-01",
        "end_date": "2024-01-15",
    }


# ---------------------------------------------------------------------- spec examples

SPEC: list[tuple[str, Any]] = [
    ("trending-all", Page[MultiResult]),
    ("trending-movies", Page[MovieSummary]),
    ("trending-tv", Page[TVSummary]),
    ("trending-people", Page[PersonSummary]),
    ("find-by-id", FindResults),
    ("genre-movie-list", GenreList),
    ("genre-tv-list", GenreList),
    ("collection-details", Collection),
    ("company-details", Company),
    ("certification-movie-list", Certifications),
    ("certifications-tv-list", Certifications),
    ("changes-movie-list", Page[ChangedEntry]),
    ("changes-tv-list", Page[ChangedEntry]),
    ("changes-people-list", Page[ChangedEntry]),
]


@pytest.mark.parametrize(("operation", "into"), SPEC, ids=[s[0] for s in SPEC])
def test_spec_examples_structure(operation: str, into: Any) -> None:
    for body in spec_examples(operation):
        assert both(body, into) is not None


def test_spec_example_values() -> None:
    trending = both(spec_examples("trending-all")[0], Page[MultiResult])
    raw = spec_examples("trending-all")[0]["results"]
    kinds = {"movie": MovieSummary, "tv": TVSummary, "person": PersonSummary}
    assert [type(r) for r in trending.results] == [kinds[r["media_type"]] for r in raw]
    found = both(spec_examples("find-by-id")[0], FindResults)
    assert found.movie_results[0].id == 934433
    collection = both(spec_examples("collection-details")[0], Collection)
    assert collection.parts[0].name == "Star Wars"
    assert collection.parts[0].release_date == dt.date(1977, 5, 25)
    company = both(spec_examples("company-details")[0], Company)
    assert company.parent_company is None
    certs = both(spec_examples("certification-movie-list")[0], Certifications)
    assert "US" in certs.certifications
    assert all(isinstance(c, Certification) for c in certs.certifications["US"])
    changes = both(spec_examples("changes-tv-list")[0], Page[ChangedEntry])
    assert changes.results[0] == ChangedEntry(id=225591, adult=False)


# ---------------------------------------------------------------------- secrets


async def test_api_key_never_shown_by_catalogue_calls(
    tmdb_key: TMDBClient, mock: TMDBMock, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    from tests.conftest import API_KEY
    from tmdb_async import ResourceNotFoundError, ResponseValidationError

    caplog.set_level(logging.DEBUG, logger="tmdb_async")
    mock.get(
        url_re("/3/tv/5"),
        status=404,
        payload={"success": False, "status_code": 34, "status_message": "not found"},
    )
    mock.get(url_re("/3/search/multi"), payload={"page": "not a number", "results": []})
    mock.get(url_re("/3/trending/all/day"), payload=paged({"id": 1, "media_type": "movie"}))
    with pytest.raises(ResourceNotFoundError) as not_found:
        await tmdb_key.tv.details(5)
    with pytest.raises(ResponseValidationError) as invalid:
        await tmdb_key.search.multi("x")
    items = [i async for i in tmdb_key.paginate(tmdb_key.trending.all)]
    assert items == [MovieSummary(id=1, media_type="movie")]
    shown = [
        str(not_found.value),
        repr(not_found.value),
        str(invalid.value),
        repr(invalid.value),
        repr(tmdb_key.paginate(tmdb_key.trending.all)),
        repr(tmdb_key.tv),
        repr(tmdb_key.images),
        *(r.getMessage() for r in caplog.records),
    ]
    assert len(caplog.records) >= 3
    for text in shown:
        assert API_KEY not in text
