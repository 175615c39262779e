"""The small catalogue namespaces (collections, companies, configuration lists, credits,
keywords, networks, reviews, watch providers, trending, find, genres, certifications,
changes) checked as tables across namespaces: recorded 404s become typed errors, bad input
is refused before any I/O, the spec examples structure, the namespaces load lazily, and
the api key is never shown.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from tests.catalogue_helpers import both, spec_examples
from tests.conftest import READ_TOKEN, load
from tests.loopback_tmdb import TMDBServer
from tmdb_async import (
    Certification,
    Certifications,
    ChangedEntry,
    Collection,
    Company,
    FindResults,
    GenreList,
    MovieSummary,
    MultiResult,
    Page,
    PersonSummary,
    ResourceNotFoundError,
    TMDBClient,
    TMDBUsageError,
    TVSummary,
)

REC = "recorded/tmdblib"


def paged(*results: dict[str, Any]) -> dict[str, Any]:
    return {"page": 1, "results": list(results), "total_pages": 1, "total_results": len(results)}


NOT_FOUND: list[tuple[str, str, Callable[[TMDBClient], Awaitable[Any]]]] = [
    (
        "collection-not-found",
        "/3/collection/999999999/images",
        lambda t: t.collections.images(999999999),
    ),
    ("company-not-found", "/3/company/999999999/images", lambda t: t.companies.images(999999999)),
    ("network-not-found", "/3/network/999999999", lambda t: t.networks.details(999999999)),
    ("credit-not-found", "/3/credit/999999999", lambda t: t.credits.details("999999999")),
    ("review-not-found", "/3/review/999999999", lambda t: t.reviews.details("999999999")),
]


@pytest.mark.parametrize(("fixture", "path", "call"), NOT_FOUND, ids=[n[0] for n in NOT_FOUND])
async def test_recorded_not_found_answers_become_typed_errors(
    tmdb_local: TMDBClient,
    tmdb_server: TMDBServer,
    fixture: str,
    path: str,
    call: Callable[[TMDBClient], Awaitable[Any]],
) -> None:
    body = load(f"{REC}/{fixture}.404.json")
    tmdb_server.get(path, status=404, payload=body)
    with pytest.raises(ResourceNotFoundError) as info:
        await call(tmdb_local)
    assert (info.value.http_status, info.value.tmdb_code) == (404, 34)
    assert len(tmdb_server.calls()) == 1  # a 404 is not retried
    assert tmdb_server.calls()[0].path == path


BAD: list[tuple[str, Callable[[TMDBClient], Awaitable[Any]]]] = [
    ("collection_id", lambda t: t.collections.images(0)),
    ("collection_id", lambda t: t.collections.translations(-1)),
    ("collection_id", lambda t: t.collections.images(True)),
    ("include_image_language", lambda t: t.collections.images(1, include_image_language=["EN"])),
    ("include_image_language", lambda t: t.collections.images(1, include_image_language="en-US")),
    ("language", lambda t: t.collections.images(1, language="english")),
    ("company_id", lambda t: t.companies.alternative_names(0)),
    ("company_id", lambda t: t.companies.images("25")),  # type: ignore[arg-type]
    ("network_id", lambda t: t.networks.details(0)),
    ("network_id", lambda t: t.networks.alternative_names(1.5)),  # type: ignore[arg-type]
    ("network_id", lambda t: t.networks.images(-3)),
    ("keyword_id", lambda t: t.keywords.details(0)),
    ("keyword_id", lambda t: t.keywords.movies("1701")),  # type: ignore[arg-type]
    ("page", lambda t: t.keywords.movies(1, page=0)),
    ("page", lambda t: t.keywords.movies(1, page=501)),
    ("include_adult", lambda t: t.keywords.movies(1, include_adult="yes")),  # type: ignore[arg-type]
    ("language", lambda t: t.keywords.movies(1, language="en_US")),
    ("credit_id", lambda t: t.credits.details("")),
    ("credit_id", lambda t: t.credits.details("52fe 4250")),
    ("credit_id", lambda t: t.credits.details(5)),  # type: ignore[arg-type]
    ("credit_id", lambda t: t.credits.details("..")),
    ("language", lambda t: t.credits.details("x", language="EN")),
    ("review_id", lambda t: t.reviews.details("")),
    ("review_id", lambda t: t.reviews.details(None)),  # type: ignore[arg-type]
    ("review_id", lambda t: t.reviews.details("\n")),
    ("watch_region", lambda t: t.watch_providers.movie(watch_region="us")),
    ("watch_region", lambda t: t.watch_providers.tv(watch_region="USA")),
    ("language", lambda t: t.watch_providers.regions(language="xx_YY")),
    ("language", lambda t: t.configuration.countries(language="EN")),
]


@pytest.mark.parametrize(("name", "call"), BAD, ids=[f"{i}-{b[0]}" for i, b in enumerate(BAD)])
async def test_bad_input_is_refused_before_any_request(
    tmdb_local: TMDBClient,
    tmdb_server: TMDBServer,
    name: str,
    call: Callable[[TMDBClient], Awaitable[Any]],
) -> None:
    with pytest.raises(TMDBUsageError, match=name):
        await call(tmdb_local)
    assert tmdb_server.calls() == []


def test_new_namespace_modules_load_on_first_use_only() -> None:
    code = (
        "import sys, tmdb_async\n"
        "names = ['credits', 'keywords', 'networks', 'reviews', 'watch_providers']\n"
        "mods = ['tmdb_async.resources.' + n for n in names]\n"
        "assert not [m for m in mods if m in sys.modules], sys.modules.keys() & set(mods)\n"
        f"tmdb = tmdb_async.TMDBClient(access_token={READ_TOKEN!r})\n"
        "for n in names:\n"
        "    getattr(tmdb, n)\n"
        "assert all(m in sys.modules for m in mods)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_new_namespaces_are_created_once_and_lazily() -> None:
    tmdb = TMDBClient(access_token=READ_TOKEN)
    for name in ("credits", "keywords", "networks", "reviews", "watch_providers"):
        assert name not in vars(tmdb)  # nothing built before first use
        first = getattr(tmdb, name)
        assert getattr(tmdb, name) is first
        assert repr(first).startswith("<")
        assert "namespace" in repr(first)


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
    tmdb_local: TMDBClient,
    tmdb_server: TMDBServer,
    label: str,
    call: Callable[[TMDBClient], Awaitable[object]],
) -> None:
    with pytest.raises(TMDBUsageError):
        await call(tmdb_local)
    assert tmdb_server.calls() == []


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


async def test_api_key_never_shown_by_catalogue_calls(
    tmdb_local_key: TMDBClient, tmdb_server: TMDBServer, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    from tests.conftest import API_KEY
    from tmdb_async import ResourceNotFoundError, ResponseValidationError

    caplog.set_level(logging.DEBUG, logger="tmdb_async")
    tmdb_server.get(
        "/3/tv/5",
        query={"api_key": API_KEY},
        status=404,
        payload={"success": False, "status_code": 34, "status_message": "not found"},
    )
    tmdb_server.get(
        "/3/search/multi",
        query={"query": "x", "page": "1", "api_key": API_KEY},
        payload={"page": "not a number", "results": []},
    )
    tmdb_server.get(
        "/3/trending/all/day",
        query={"page": "1", "api_key": API_KEY},
        payload=paged({"id": 1, "media_type": "movie"}),
    )
    with pytest.raises(ResourceNotFoundError) as not_found:
        await tmdb_local_key.tv.details(5)
    with pytest.raises(ResponseValidationError) as invalid:
        await tmdb_local_key.search.multi("x")
    items = [i async for i in tmdb_local_key.paginate(tmdb_local_key.trending.all)]
    assert items == [MovieSummary(id=1, media_type="movie")]
    shown = [
        str(not_found.value),
        repr(not_found.value),
        str(invalid.value),
        repr(invalid.value),
        repr(tmdb_local_key.paginate(tmdb_local_key.trending.all)),
        repr(tmdb_local_key.tv),
        repr(tmdb_local_key.images),
        *(r.getMessage() for r in caplog.records),
    ]
    assert len(caplog.records) >= 3
    for text in shown:
        assert API_KEY not in text
