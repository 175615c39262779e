"""``tmdb.movies`` endpoints: the request each one sends, the model it returns, local checks.

Every endpoint is served its official example (or a recorded response) through
aioresponses; the test asserts method, path, query and headers of the one request and
that the result equals the body structured into the expected model. Bad arguments raise
``TMDBUsageError`` with no request made.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import pytest

from tests.conftest import API, API_KEY, READ_TOKEN, SHARED, FakeSleep, TMDBMock, load
from tmdb_async import (
    AccountStates,
    Changes,
    Credits,
    DatedMoviePage,
    GuestSession,
    Images,
    MissingSessionError,
    Movie,
    MovieAlternativeTitles,
    MovieExternalIds,
    MovieKeywords,
    MovieLists,
    MovieSummary,
    MovieTranslations,
    Page,
    ReleaseDates,
    ResourceNotFoundError,
    ResponseValidationError,
    Reviews,
    Session,
    TMDBClient,
    TMDBUsageError,
    Videos,
    WatchProviders,
)
from tmdb_async._convert import CONVERTER

SESSION_ID = "a" * 40
GUEST_ID = "b" * 32

_SPEC: dict[str, Any] = json.loads(
    (SHARED / "tmdb-api-v3.openapi.json").read_text(encoding="utf-8")
)


def example(path: str) -> Any:
    """The first official example body of ``GET path``."""
    media = _SPEC["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
    value = next(iter(media["examples"].values()))["value"]
    return json.loads(value) if isinstance(value, str) else value


def url(path: str) -> re.Pattern[str]:
    """Match ``path`` with any query string (the query is asserted from the recorded call)."""
    return re.compile(rf"^{re.escape(API + path)}(\?.*)?$")


def sent(mock: TMDBMock) -> tuple[str, str, dict[str, str], Mapping[str, str]]:
    """(method, path, query, headers) of the one request made."""
    method, sent_url, call = mock.only_call()
    return method, sent_url.path, dict(sent_url.query), call.kwargs["headers"]


def assert_bearer(headers: Mapping[str, str]) -> None:
    assert headers["Authorization"] == f"Bearer {READ_TOKEN}"
    assert headers["Accept"] == "application/json"


Call = Callable[[TMDBClient], Awaitable[Any]]

# (name, call, path, query sent, body served, model expected)
CASES: list[tuple[str, Call, str, dict[str, str], Any, Any]] = [
    (
        "credits",
        lambda t: t.movies.credits(550),
        "/3/movie/550/credits",
        {},
        example("/3/movie/{movie_id}/credits"),
        Credits,
    ),
    (
        "credits-language",
        lambda t: t.movies.credits(550, language="fr-FR"),
        "/3/movie/550/credits",
        {"language": "fr-FR"},
        example("/3/movie/{movie_id}/credits"),
        Credits,
    ),
    (
        "images",
        lambda t: t.movies.images(550, include_image_language=["en", "null"], language="en"),
        "/3/movie/550/images",
        {"include_image_language": "en,null", "language": "en"},
        example("/3/movie/{movie_id}/images"),
        Images,
    ),
    (
        "images-string-languages",
        lambda t: t.movies.images(550, include_image_language="de,null"),
        "/3/movie/550/images",
        {"include_image_language": "de,null"},
        example("/3/movie/{movie_id}/images"),
        Images,
    ),
    (
        "videos",
        lambda t: t.movies.videos(550, language="en-US"),
        "/3/movie/550/videos",
        {"language": "en-US"},
        example("/3/movie/{movie_id}/videos"),
        Videos,
    ),
    (
        "release_dates",
        lambda t: t.movies.release_dates(550),
        "/3/movie/550/release_dates",
        {},
        example("/3/movie/{movie_id}/release_dates"),
        ReleaseDates,
    ),
    (
        "external_ids",
        lambda t: t.movies.external_ids(550),
        "/3/movie/550/external_ids",
        {},
        example("/3/movie/{movie_id}/external_ids"),
        MovieExternalIds,
    ),
    (
        "keywords",
        lambda t: t.movies.keywords(550),
        "/3/movie/550/keywords",
        {},
        example("/3/movie/{movie_id}/keywords"),
        MovieKeywords,
    ),
    (
        "recommendations",
        lambda t: t.movies.recommendations(550, page=2, language="en-US"),
        "/3/movie/550/recommendations",
        {"page": "2", "language": "en-US"},
        example("/3/movie/{movie_id}/similar"),  # the spec's own example is a placeholder
        Page[MovieSummary],
    ),
    (
        "similar",
        lambda t: t.movies.similar(550),
        "/3/movie/550/similar",
        {"page": "1"},
        example("/3/movie/{movie_id}/similar"),
        Page[MovieSummary],
    ),
    (
        "reviews",
        lambda t: t.movies.reviews(550, page=500),
        "/3/movie/550/reviews",
        {"page": "500"},
        example("/3/movie/{movie_id}/reviews"),
        Reviews,
    ),
    (
        "lists",
        lambda t: t.movies.lists(550, page=3, language="es"),
        "/3/movie/550/lists",
        {"page": "3", "language": "es"},
        example("/3/movie/{movie_id}/lists"),
        MovieLists,
    ),
    (
        "watch_providers",
        lambda t: t.movies.watch_providers(550),
        "/3/movie/550/watch/providers",
        {},
        example("/3/movie/{movie_id}/watch/providers"),
        WatchProviders,
    ),
    (
        "alternative_titles",
        lambda t: t.movies.alternative_titles(550),
        "/3/movie/550/alternative_titles",
        {},
        example("/3/movie/{movie_id}/alternative_titles"),
        MovieAlternativeTitles,
    ),
    (
        "alternative_titles-country",
        lambda t: t.movies.alternative_titles(550, country="MX"),
        "/3/movie/550/alternative_titles",
        {"country": "MX"},
        example("/3/movie/{movie_id}/alternative_titles"),
        MovieAlternativeTitles,
    ),
    (
        "translations",
        lambda t: t.movies.translations(550),
        "/3/movie/550/translations",
        {},
        example("/3/movie/{movie_id}/translations"),
        MovieTranslations,
    ),
    (
        "changes",
        lambda t: t.movies.changes(
            550, start_date=dt.date(2023, 4, 1), end_date=dt.date(2023, 4, 15), page=2
        ),
        "/3/movie/550/changes",
        {"start_date": "2023-04-01", "end_date": "2023-04-15", "page": "2"},
        example("/3/movie/{movie_id}/changes"),
        Changes,
    ),
    (
        "changes-default-window",
        lambda t: t.movies.changes(550),
        "/3/movie/550/changes",
        {"page": "1"},
        example("/3/movie/{movie_id}/changes"),
        Changes,
    ),
    (
        "popular",
        lambda t: t.movies.popular(),
        "/3/movie/popular",
        {"page": "1"},
        load("recorded/tmdblib/movie-popular-page1.200.json"),
        Page[MovieSummary],
    ),
    (
        "popular-all-args",
        lambda t: t.movies.popular(page=7, language="pt-BR", region="BR"),
        "/3/movie/popular",
        {"page": "7", "language": "pt-BR", "region": "BR"},
        example("/3/movie/popular"),
        Page[MovieSummary],
    ),
    (
        "top_rated",
        lambda t: t.movies.top_rated(page=2, region="US"),
        "/3/movie/top_rated",
        {"page": "2", "region": "US"},
        example("/3/movie/top_rated"),
        Page[MovieSummary],
    ),
    (
        "now_playing",
        lambda t: t.movies.now_playing(language="en-US", region="GB"),
        "/3/movie/now_playing",
        {"page": "1", "language": "en-US", "region": "GB"},
        example("/3/movie/now_playing"),
        DatedMoviePage,
    ),
    (
        "upcoming",
        lambda t: t.movies.upcoming(page=4),
        "/3/movie/upcoming",
        {"page": "4"},
        example("/3/movie/upcoming"),
        DatedMoviePage,
    ),
    (
        "latest",
        lambda t: t.movies.latest(),
        "/3/movie/latest",
        {},
        example("/3/movie/latest"),
        Movie,
    ),
    (
        "details-every-append",
        lambda t: t.for_user(Session(session_id=SESSION_ID)).movie_details(
            19995,
            append_to_response=["images", "watch/providers", "account_states"],
            language="de-DE",
            include_image_language="de",
        ),
        "/3/movie/19995",
        {
            "append_to_response": "images,watch/providers,account_states",
            "language": "de-DE",
            "include_image_language": "de",
            "session_id": SESSION_ID,
        },
        {
            **load("recorded/tmdblib/movie-details-19995-de-images.200.json"),
            "watch/providers": {"results": {"DE": {"link": "https://x.example/de"}}},
            "account_states": {"favorite": False, "rated": {"value": 7.5}, "watchlist": True},
        },
        Movie,
    ),
]


@pytest.mark.parametrize(
    ("call", "path", "query", "body", "into"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
async def test_endpoint_request_and_model(
    tmdb: TMDBClient,
    mock: TMDBMock,
    call: Call,
    path: str,
    query: dict[str, str],
    body: Any,
    into: Any,
) -> None:
    mock.get(url(path), payload=body, repeat=True)  # any query: asserted below
    result = await call(tmdb)
    method, sent_path, sent_query, headers = sent(mock)
    assert method == "GET"
    assert sent_path == path
    assert sent_query == query
    assert_bearer(headers)
    assert result == CONVERTER.structure(body, into)
    assert type(result) is (into.__origin__ if hasattr(into, "__origin__") else into)


async def test_details_appended_objects_are_typed(tmdb: TMDBClient, mock: TMDBMock) -> None:
    body = {
        "id": 19995,
        "watch/providers": {"results": {"DE": {"link": "https://x.example/de", "flatrate": []}}},
        "account_states": {"favorite": True, "rated": False, "watchlist": False},
        "release_dates": example("/3/movie/{movie_id}/release_dates") | {"id": None},
    }
    mock.get(url("/3/movie/19995"), payload=body, repeat=True)
    movie = await tmdb.for_user(GuestSession(guest_session_id=GUEST_ID)).movie_details(
        19995,
        append_to_response=["watch/providers", "account_states", "release_dates"],
    )
    _, _, query, _ = sent(mock)
    assert query == {
        "append_to_response": "watch/providers,account_states,release_dates",
        "guest_session_id": GUEST_ID,
    }
    assert movie.account_states == AccountStates(favorite=True, rated=None, watchlist=False)
    assert movie.watch_providers is not None
    assert movie.watch_providers.results["DE"].link == "https://x.example/de"
    assert movie.release_dates is not None
    assert movie.release_dates.results[0].release_dates[0].release_date == dt.datetime(
        2012, 8, 28, tzinfo=dt.timezone.utc
    )


async def test_api_key_goes_in_the_query(tmdb_key: TMDBClient, mock: TMDBMock) -> None:
    body = example("/3/movie/{movie_id}/videos")
    mock.get(url("/3/movie/550/videos"), payload=body, repeat=True)
    videos = await tmdb_key.movies.videos(550)
    _, _, query, headers = sent(mock)
    assert query == {"api_key": API_KEY}
    assert "Authorization" not in headers
    assert videos == CONVERTER.structure(body, Videos)


async def test_client_language_and_region_defaults(fake_sleep: FakeSleep, mock: TMDBMock) -> None:
    body = example("/3/movie/upcoming")
    mock.get(url("/3/movie/upcoming"), payload=body, repeat=True)
    mock.get(url("/3/movie/550/reviews"), payload=example("/3/movie/{movie_id}/reviews"))
    async with TMDBClient(
        access_token=READ_TOKEN, language="de-DE", region="DE", sleep=fake_sleep
    ) as tmdb:
        await tmdb.movies.upcoming()
        await tmdb.movies.upcoming(language="fr-FR", region="FR")
        await tmdb.movies.reviews(550)
    queries = [dict(u.query) for _, u, _ in mock.calls()]
    assert queries == [
        {"page": "1", "language": "de-DE", "region": "DE"},
        {"page": "1", "language": "fr-FR", "region": "FR"},
        {"page": "1", "language": "de-DE"},  # reviews take no region
    ]


async def test_recommendations_placeholder_example_is_a_validation_error(
    tmdb: TMDBClient, mock: TMDBMock
) -> None:
    # The spec's only example for this operation is {} (a docs placeholder, no "page").
    mock.get(url("/3/movie/550/recommendations"), payload={}, repeat=True)
    with pytest.raises(ResponseValidationError) as info:
        await tmdb.movies.recommendations(550)
    assert "$.page" in str(info.value)


async def test_unknown_movie_is_typed(tmdb: TMDBClient, mock: TMDBMock) -> None:
    mock.get(
        url("/3/movie/999999999/credits"),
        status=404,
        payload=load("recorded/tmdblib/movie-not-found.404.json"),
        repeat=True,
    )
    with pytest.raises(ResourceNotFoundError) as info:
        await tmdb.movies.credits(999999999)
    assert info.value.tmdb_code == 34


async def test_session_id_never_in_errors_or_logs(
    tmdb: TMDBClient, mock: TMDBMock, caplog: pytest.LogCaptureFixture
) -> None:
    mock.get(
        url("/3/movie/1"),
        status=404,
        payload=load("recorded/tmdblib/movie-not-found.404.json"),
        repeat=True,
    )
    caplog.set_level(logging.DEBUG, logger="tmdb_async")
    with pytest.raises(ResourceNotFoundError) as info:
        await tmdb.for_user(SESSION_ID).movie_details(1, append_to_response=["account_states"])
    _, _, query, _ = sent(mock)
    assert query["session_id"] == SESSION_ID  # it was sent ...
    text = f"{info.value} {info.value!r} {caplog.text}"
    assert SESSION_ID not in text  # ... but never shown
    assert READ_TOKEN not in text
    assert "session_id=***" in str(info.value)


# ---------------------------------------------------------------- local checks, no I/O

BAD_CALLS: list[tuple[str, Call]] = [
    ("id-zero", lambda t: t.movies.credits(0)),
    ("id-negative", lambda t: t.movies.images(-1)),
    ("id-str", lambda t: t.movies.videos("550")),  # type: ignore[arg-type]
    ("id-bool", lambda t: t.movies.keywords(True)),
    ("id-float", lambda t: t.movies.release_dates(1.5)),  # type: ignore[arg-type]
    ("id-none", lambda t: t.movies.external_ids(None)),  # type: ignore[arg-type]
    ("id-watch", lambda t: t.movies.watch_providers(0)),
    ("id-translations", lambda t: t.movies.translations(-5)),
    ("page-zero", lambda t: t.movies.popular(page=0)),
    ("page-501", lambda t: t.movies.top_rated(page=501)),
    ("page-str", lambda t: t.movies.similar(1, page="2")),  # type: ignore[arg-type]
    ("page-bool", lambda t: t.movies.recommendations(1, page=True)),
    ("page-reviews", lambda t: t.movies.reviews(1, page=-1)),
    ("page-lists", lambda t: t.movies.lists(1, page=1000)),
    ("page-changes", lambda t: t.movies.changes(1, page=0)),
    ("page-now", lambda t: t.movies.now_playing(page=501)),
    ("page-upcoming", lambda t: t.movies.upcoming(page=0)),
    ("language", lambda t: t.movies.credits(1, language="english")),
    ("language-list", lambda t: t.movies.popular(language="EN-us")),
    ("region", lambda t: t.movies.now_playing(region="us")),
    ("region-long", lambda t: t.movies.upcoming(region="USA")),
    ("country", lambda t: t.movies.alternative_titles(1, country="usa")),
    ("image-language", lambda t: t.movies.images(1, include_image_language=["EN"])),
    ("image-language-str", lambda t: t.movies.images(1, include_image_language="en, null")),
    (
        "details-image-language",
        lambda t: t.movies.details(1, include_image_language=["english"]),
    ),
    (
        "date-type",
        lambda t: t.movies.changes(1, start_date="2023-01-01"),  # type: ignore[arg-type]
    ),
    (
        "datetime-not-date",
        lambda t: t.movies.changes(1, end_date=dt.datetime(2023, 1, 1, tzinfo=dt.timezone.utc)),
    ),
    (
        "end-before-start",
        lambda t: t.movies.changes(
            1, start_date=dt.date(2023, 1, 10), end_date=dt.date(2023, 1, 9)
        ),
    ),
    (
        "window-over-14-days",
        lambda t: t.movies.changes(
            1, start_date=dt.date(2023, 1, 1), end_date=dt.date(2023, 1, 16)
        ),
    ),
    ("append-unknown", lambda t: t.movies.details(1, append_to_response=["cast"])),  # type: ignore[list-item]
    ("append-too-many", lambda t: t.movies.details(1, append_to_response=["credits"] * 21)),
    (
        "account-states-no-session",
        lambda t: t.movies.details(1, append_to_response=["account_states"]),
    ),
    (
        "session-blank",
        lambda t: t.for_user(" ").movie_details(1, append_to_response=["account_states"]),
    ),
]


@pytest.mark.parametrize("call", [c for _, c in BAD_CALLS], ids=[n for n, _ in BAD_CALLS])
async def test_bad_input_raises_before_io(tmdb: TMDBClient, mock: TMDBMock, call: Call) -> None:
    with pytest.raises(TMDBUsageError):
        await call(tmdb)
    assert mock.calls() == []


async def test_account_states_without_session_is_missing_session(
    tmdb: TMDBClient, mock: TMDBMock
) -> None:
    with pytest.raises(MissingSessionError) as info:
        await tmdb.movies.details(11, append_to_response=["credits", "account_states"])
    assert "session" in str(info.value)
    assert mock.calls() == []


async def test_changes_window_edges_are_accepted(tmdb: TMDBClient, mock: TMDBMock) -> None:
    mock.get(url("/3/movie/1/changes"), payload={"changes": []}, repeat=True)
    day = dt.date(2024, 2, 1)
    same = await tmdb.movies.changes(1, start_date=day, end_date=day)
    fourteen = await tmdb.movies.changes(1, start_date=day, end_date=day + dt.timedelta(days=14))
    assert same == fourteen == Changes(changes=[])
    assert [dict(u.query)["end_date"] for _, u, _ in mock.calls()] == [
        "2024-02-01",
        "2024-02-15",
    ]


async def test_pages_at_both_ends_are_accepted(tmdb: TMDBClient, mock: TMDBMock) -> None:
    body = example("/3/movie/popular")
    mock.get(url("/3/movie/popular"), payload=body, repeat=True)
    await tmdb.movies.popular(page=1)
    await tmdb.movies.popular(page=500)
    assert [dict(u.query)["page"] for _, u, _ in mock.calls()] == ["1", "500"]
