"""``tmdb.movies``: the request each endpoint sends, the model it returns, appended
sub-objects and local argument checks; and the movie models against every movie fixture and
every official example, strictly.

Requests: every endpoint is served its official example (or a recorded response) by the
recording loopback TMDB; the test asserts method, path, query and headers of the one
request and that the result equals the body structured into the expected model. Bad arguments raise
``TMDBUsageError`` with no request made.

Models: each body is structured twice: by the production converter (unknown keys ignored)
and by ``make_converter(forbid_extra_keys=True)``, which fails on any key a model does not
declare; both must give the same model. A second check walks the official response schema
of each operation and asserts that every property it names is a field of the model.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import types
import typing
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import attrs
import cattrs
import pytest

from tests.conftest import API_KEY, READ_TOKEN, SHARED, FakeSleep, load
from tests.loopback_tmdb import TMDBServer
from tmdb_async import (
    AccountStates,
    Cast,
    Changes,
    Credits,
    Crew,
    DatedMoviePage,
    DateRange,
    Genre,
    GuestSession,
    Image,
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
    make_converter,
)
from tmdb_async._convert import CONVERTER, parse_rated

BODY: dict[str, Any] = {
    "id": 11,
    "title": "Star Wars",
    "original_title": "Star Wars",
    "release_date": "1977-05-25",
    "runtime": 121,
    "genres": [{"id": 12, "name": "Adventure"}],
    "poster_path": None,
    "credits": {
        "cast": [{"id": 2, "name": "Mark Hamill", "character": "Luke Skywalker", "order": 0}],
        "crew": [{"id": 1, "name": "George Lucas", "job": "Director", "department": "Directing"}],
    },
    "images": {
        "backdrops": [],
        "logos": [],
        "posters": [{"file_path": "/p.jpg", "width": 500, "height": 750, "iso_639_1": None}],
    },
}

EXPECTED = Movie(
    id=11,
    title="Star Wars",
    original_title="Star Wars",
    release_date=dt.date(1977, 5, 25),
    runtime=121,
    genres=[Genre(id=12, name="Adventure")],
    poster_path=None,
    credits=Credits(
        cast=[Cast(id=2, name="Mark Hamill", character="Luke Skywalker", order=0)],
        crew=[Crew(id=1, name="George Lucas", job="Director", department="Directing")],
    ),
    images=Images(posters=[Image(file_path="/p.jpg", width=500, height=750, iso_639_1=None)]),
)


async def test_details_with_appends_and_language(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    query = {"append_to_response": "credits,images", "language": "de-DE"}
    tmdb_server.get("/3/movie/11", query=query, payload=BODY)
    movie = await tmdb_local.movies.details(
        11, append_to_response=["credits", "images"], language="de-DE"
    )
    assert movie == EXPECTED
    call = tmdb_server.only_call()
    assert (call.method, call.path) == ("GET", "/3/movie/11")
    assert call.query == query
    assert call.headers["Authorization"] == f"Bearer {READ_TOKEN}"
    assert call.body == b""


async def test_details_plain(tmdb_local_key: TMDBClient, tmdb_server: TMDBServer) -> None:
    body = {k: v for k, v in BODY.items() if k not in ("credits", "images")}
    tmdb_server.get("/3/movie/11", query={"api_key": API_KEY}, payload=body)
    movie = await tmdb_local_key.movies.details(11)
    assert movie == Movie(
        id=11,
        title="Star Wars",
        original_title="Star Wars",
        release_date=dt.date(1977, 5, 25),
        runtime=121,
        genres=[Genre(id=12, name="Adventure")],
    )
    assert movie.credits is None
    assert movie.images is None
    call = tmdb_server.only_call()
    assert (call.method, call.path) == ("GET", "/3/movie/11")
    assert call.query == {"api_key": API_KEY}
    assert "Authorization" not in call.headers


async def test_details_comma_string_appends(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.get("/3/movie/11", query={"append_to_response": "images,credits"}, payload=BODY)
    # A comma-separated string works at run time (the annotation asks for an iterable).
    got = await tmdb_local.movies.details(11, append_to_response="images, credits")  # type: ignore[arg-type]
    assert got == EXPECTED
    assert tmdb_server.only_call().query == {"append_to_response": "images,credits"}


async def test_details_empty_release_date_is_none(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.get("/3/movie/11", payload={"id": 11, "release_date": ""})
    assert (await tmdb_local.movies.details(11)).release_date is None


async def test_details_not_found(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer, fake_sleep: FakeSleep
) -> None:
    tmdb_server.get(
        "/3/movie/999999999",
        status=404,
        payload={
            "success": False,
            "status_code": 34,
            "status_message": "The resource you requested could not be found.",
        },
    )
    with pytest.raises(ResourceNotFoundError) as info:
        await tmdb_local.movies.details(999999999)
    assert (info.value.http_status, info.value.tmdb_code) == (404, 34)
    assert len(tmdb_server.calls()) == 1
    assert fake_sleep.waits == []


@pytest.mark.parametrize("bad", [0, -11, True, False, "11", 11.0, None])
async def test_bad_movie_id_fails_before_io(
    bad: Any, tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    with pytest.raises(TMDBUsageError, match="movie_id"):
        await tmdb_local.movies.details(bad)
    assert tmdb_server.calls() == []


async def test_more_than_20_appends_fails_before_io(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    names: list[Any] = ["credits", "images"] * 10 + ["credits"]
    with pytest.raises(TMDBUsageError, match="at most 20"):
        await tmdb_local.movies.details(11, append_to_response=names)
    assert tmdb_server.calls() == []


@pytest.mark.parametrize(
    "appends",
    [["not_a_thing"], ["credits", "Credits"], "credits,bogus", ["credits", "credits"]],
)
async def test_bad_appends_fail_before_io(
    appends: Any, tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    with pytest.raises(TMDBUsageError, match="append_to_response"):
        await tmdb_local.movies.details(11, append_to_response=appends)
    assert tmdb_server.calls() == []


@pytest.mark.parametrize("bad", ["german", "de_DE", "DE"])
async def test_bad_language_fails_before_io(
    bad: str, tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    with pytest.raises(TMDBUsageError, match="language"):
        await tmdb_local.movies.details(11, language=bad)
    assert tmdb_server.calls() == []


# ---------------------------------------------------------------------------- every endpoint

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


def sent(server: TMDBServer) -> tuple[str, str, dict[str, str], Mapping[str, str]]:
    """(method, path, query, headers) of the one request made."""
    call = server.only_call()
    return call.method, call.path, call.query, call.headers


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
    tmdb_local: TMDBClient,
    tmdb_server: TMDBServer,
    call: Call,
    path: str,
    query: dict[str, str],
    body: Any,
    into: Any,
) -> None:
    tmdb_server.get(path, query=query, payload=body)
    result = await call(tmdb_local)
    method, sent_path, sent_query, headers = sent(tmdb_server)
    assert method == "GET"
    assert sent_path == path
    assert sent_query == query
    assert_bearer(headers)
    assert result == CONVERTER.structure(body, into)
    assert type(result) is (into.__origin__ if hasattr(into, "__origin__") else into)


async def test_details_appended_objects_are_typed(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    body = {
        "id": 19995,
        "watch/providers": {"results": {"DE": {"link": "https://x.example/de", "flatrate": []}}},
        "account_states": {"favorite": True, "rated": False, "watchlist": False},
        "release_dates": example("/3/movie/{movie_id}/release_dates") | {"id": None},
    }
    tmdb_server.get(
        "/3/movie/19995",
        query={
            "append_to_response": "watch/providers,account_states,release_dates",
            "guest_session_id": GUEST_ID,
        },
        payload=body,
    )
    movie = await tmdb_local.for_user(GuestSession(guest_session_id=GUEST_ID)).movie_details(
        19995,
        append_to_response=["watch/providers", "account_states", "release_dates"],
    )
    _, _, query, _ = sent(tmdb_server)
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


async def test_api_key_goes_in_the_query(
    tmdb_local_key: TMDBClient, tmdb_server: TMDBServer
) -> None:
    body = example("/3/movie/{movie_id}/videos")
    tmdb_server.get("/3/movie/550/videos", query={"api_key": API_KEY}, payload=body)
    videos = await tmdb_local_key.movies.videos(550)
    _, _, query, headers = sent(tmdb_server)
    assert query == {"api_key": API_KEY}
    assert "Authorization" not in headers
    assert videos == CONVERTER.structure(body, Videos)


async def test_client_language_and_region_defaults(
    fake_sleep: FakeSleep, tmdb_server: TMDBServer
) -> None:
    body = example("/3/movie/upcoming")
    upcoming = {"page": "1", "language": "de-DE", "region": "DE"}
    tmdb_server.get("/3/movie/upcoming", query=upcoming, payload=body)
    upcoming_fr = {"page": "1", "language": "fr-FR", "region": "FR"}
    tmdb_server.get("/3/movie/upcoming", query=upcoming_fr, payload=body)
    tmdb_server.get(
        "/3/movie/550/reviews",
        query={"page": "1", "language": "de-DE"},  # reviews take no region
        payload=example("/3/movie/{movie_id}/reviews"),
    )
    async with TMDBClient(
        access_token=READ_TOKEN,
        base_url=tmdb_server.base_url,
        language="de-DE",
        region="DE",
        sleep=fake_sleep,
    ) as tmdb:
        await tmdb.movies.upcoming()
        await tmdb.movies.upcoming(language="fr-FR", region="FR")
        await tmdb.movies.reviews(550)
    queries = [c.query for c in tmdb_server.calls()]
    assert queries == [
        {"page": "1", "language": "de-DE", "region": "DE"},
        {"page": "1", "language": "fr-FR", "region": "FR"},
        {"page": "1", "language": "de-DE"},  # reviews take no region
    ]


async def test_recommendations_placeholder_example_is_a_validation_error(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    # The spec's only example for this operation is {} (a docs placeholder, no "page").
    tmdb_server.get("/3/movie/550/recommendations", query={"page": "1"}, payload={})
    with pytest.raises(ResponseValidationError) as info:
        await tmdb_local.movies.recommendations(550)
    assert "$.page" in str(info.value)


async def test_unknown_movie_is_typed(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    tmdb_server.get(
        "/3/movie/999999999/credits",
        status=404,
        payload=load("recorded/tmdblib/movie-not-found.404.json"),
        repeat=True,
    )
    with pytest.raises(ResourceNotFoundError) as info:
        await tmdb_local.movies.credits(999999999)
    assert info.value.tmdb_code == 34


async def test_session_id_never_in_errors_or_logs(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer, caplog: pytest.LogCaptureFixture
) -> None:
    tmdb_server.get(
        "/3/movie/1",
        query={"append_to_response": "account_states", "session_id": SESSION_ID},
        status=404,
        payload=load("recorded/tmdblib/movie-not-found.404.json"),
    )
    caplog.set_level(logging.DEBUG, logger="tmdb_async")
    with pytest.raises(ResourceNotFoundError) as info:
        await tmdb_local.for_user(SESSION_ID).movie_details(
            1, append_to_response=["account_states"]
        )
    _, _, query, _ = sent(tmdb_server)
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
async def test_bad_input_raises_before_io(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer, call: Call
) -> None:
    with pytest.raises(TMDBUsageError):
        await call(tmdb_local)
    assert tmdb_server.calls() == []


async def test_account_states_without_session_is_missing_session(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    with pytest.raises(MissingSessionError) as info:
        await tmdb_local.movies.details(11, append_to_response=["credits", "account_states"])
    assert "session" in str(info.value)
    assert tmdb_server.calls() == []


async def test_changes_window_edges_are_accepted(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    day = dt.date(2024, 2, 1)
    for end in ("2024-02-01", "2024-02-15"):
        window = {"start_date": "2024-02-01", "end_date": end, "page": "1"}
        tmdb_server.get("/3/movie/1/changes", query=window, payload={"changes": []})
    same = await tmdb_local.movies.changes(1, start_date=day, end_date=day)
    fourteen = await tmdb_local.movies.changes(
        1, start_date=day, end_date=day + dt.timedelta(days=14)
    )
    assert same == fourteen == Changes(changes=[])
    assert [c.query["end_date"] for c in tmdb_server.calls()] == [
        "2024-02-01",
        "2024-02-15",
    ]


async def test_pages_at_both_ends_are_accepted(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    body = example("/3/movie/popular")
    tmdb_server.get("/3/movie/popular", query={"page": "1"}, payload=body)
    tmdb_server.get("/3/movie/popular", query={"page": "500"}, payload=body)
    await tmdb_local.movies.popular(page=1)
    await tmdb_local.movies.popular(page=500)
    assert [c.query["page"] for c in tmdb_server.calls()] == ["1", "500"]


# ---------------------------------------------------------------------------- models, strictly

STRICT = make_converter(forbid_extra_keys=True)
UTC = dt.timezone.utc


@functools.cache
def spec() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (SHARED / "tmdb-api-v3.openapi.json").read_text(encoding="utf-8")
    )
    return data


def response_200(path: str) -> dict[str, Any]:
    content: dict[str, Any] = spec()["paths"][path]["get"]["responses"]["200"]["content"]
    return typing.cast("dict[str, Any]", content["application/json"])


def spec_examples(path: str) -> list[Any]:
    """Every example body of the GET operation at ``path`` (``examples`` or ``example``)."""
    media = response_200(path)
    raw = [v["value"] for v in media.get("examples", {}).values()]
    if "example" in media:
        raw.append(media["example"])
    return [json.loads(v) if isinstance(v, str) else v for v in raw]


def both(body: Any, into: Any) -> Any:
    """Structure with the strict and the production converter; they must agree."""
    strict = STRICT.structure(body, into)
    assert CONVERTER.structure(body, into) == strict
    return strict


# The movie operations tmdb.movies implements, with the model each returns.
OPERATIONS: dict[str, Any] = {
    "/3/movie/{movie_id}": Movie,
    "/3/movie/latest": Movie,
    "/3/movie/popular": Page[MovieSummary],
    "/3/movie/top_rated": Page[MovieSummary],
    "/3/movie/now_playing": DatedMoviePage,
    "/3/movie/upcoming": DatedMoviePage,
    "/3/movie/{movie_id}/account_states": AccountStates,
    "/3/movie/{movie_id}/alternative_titles": MovieAlternativeTitles,
    "/3/movie/{movie_id}/changes": Changes,
    "/3/movie/{movie_id}/credits": Credits,
    "/3/movie/{movie_id}/external_ids": MovieExternalIds,
    "/3/movie/{movie_id}/images": Images,
    "/3/movie/{movie_id}/keywords": MovieKeywords,
    "/3/movie/{movie_id}/lists": MovieLists,
    "/3/movie/{movie_id}/recommendations": Page[MovieSummary],
    "/3/movie/{movie_id}/release_dates": ReleaseDates,
    "/3/movie/{movie_id}/reviews": Reviews,
    "/3/movie/{movie_id}/similar": Page[MovieSummary],
    "/3/movie/{movie_id}/translations": MovieTranslations,
    "/3/movie/{movie_id}/videos": Videos,
    "/3/movie/{movie_id}/watch/providers": WatchProviders,
}

# The spec's example for recommendations is an empty object, a placeholder of TMDB's docs
# host (its schema is empty too): there is no page to structure. It is tested below as the
# validation error it is; the live endpoint answers with the same envelope as /similar.
PLACEHOLDER_EXAMPLES = {"/3/movie/{movie_id}/recommendations"}

# append_to_response name -> the standalone operation whose body it appends.
APPEND_SOURCES = {
    "account_states": "/3/movie/{movie_id}/account_states",
    "alternative_titles": "/3/movie/{movie_id}/alternative_titles",
    "changes": "/3/movie/{movie_id}/changes",
    "credits": "/3/movie/{movie_id}/credits",
    "external_ids": "/3/movie/{movie_id}/external_ids",
    "images": "/3/movie/{movie_id}/images",
    "keywords": "/3/movie/{movie_id}/keywords",
    "lists": "/3/movie/{movie_id}/lists",
    "recommendations": "/3/movie/{movie_id}/similar",  # same envelope; see above
    "release_dates": "/3/movie/{movie_id}/release_dates",
    "reviews": "/3/movie/{movie_id}/reviews",
    "similar": "/3/movie/{movie_id}/similar",
    "translations": "/3/movie/{movie_id}/translations",
    "videos": "/3/movie/{movie_id}/videos",
    "watch/providers": "/3/movie/{movie_id}/watch/providers",
}


# ---------------------------------------------------------------- every spec example


@pytest.mark.parametrize(
    ("path", "into"),
    [(p, m) for p, m in OPERATIONS.items() if p not in PLACEHOLDER_EXAMPLES],
    ids=[p for p in OPERATIONS if p not in PLACEHOLDER_EXAMPLES],
)
def test_every_official_example_structures_strictly(path: str, into: Any) -> None:
    examples = spec_examples(path)
    assert examples, f"no example for {path}"
    for body in examples:
        model = both(body, into)
        if "id" in body:
            assert model.id == body["id"]
        for key in ("results", "cast", "crew", "titles", "translations", "keywords", "changes"):
            if isinstance(body.get(key), list | dict):
                assert len(getattr(model, key)) == len(body[key])


def test_recommendations_placeholder_example_is_not_a_page() -> None:
    assert spec_examples("/3/movie/{movie_id}/recommendations") == [{}]
    with pytest.raises(cattrs.ClassValidationError) as info:
        CONVERTER.structure({}, Page[MovieSummary])
    assert "required field missing @ $.page" in cattrs.transform_error(info.value)


def test_example_values_are_typed() -> None:
    movie = both(spec_examples("/3/movie/{movie_id}")[0], Movie)
    assert movie.release_date == dt.date(1977, 5, 25)
    assert movie.belongs_to_collection is not None
    assert movie.belongs_to_collection.name == "Star Wars Collection"
    assert [g.name for g in movie.genres] == ["Adventure", "Action", "Science Fiction"]
    assert movie.origin_country == ["US"]
    assert movie.credits is None
    assert movie.watch_providers is None

    latest = both(spec_examples("/3/movie/latest")[0], Movie)
    assert latest.release_date is None  # "" on the wire
    assert latest.imdb_id is None
    assert latest.poster_path is None

    videos = both(spec_examples("/3/movie/{movie_id}/videos")[0], Videos)
    assert videos.results[0].published_at == dt.datetime(2016, 3, 5, 2, 3, 14, tzinfo=UTC)
    assert videos.results[0].site == "YouTube"

    reviews = both(spec_examples("/3/movie/{movie_id}/reviews")[0], Reviews)
    first = reviews.results[0]
    assert first.created_at == dt.datetime(2018, 6, 9, 17, 51, 53, 359000, tzinfo=UTC)
    assert first.author_details.rating is None
    assert reviews.results[1].author_details.rating == 9.0

    dates = both(spec_examples("/3/movie/{movie_id}/release_dates")[0], ReleaseDates)
    bg = dates.results[0]
    assert bg.iso_3166_1 == "BG"
    assert bg.release_dates[0].release_date == dt.datetime(2012, 8, 28, tzinfo=UTC)
    assert bg.release_dates[0].type == 3

    changes = both(spec_examples("/3/movie/{movie_id}/changes")[0], Changes)
    item = changes.changes[0].items[0]
    assert changes.changes[0].key == "images"
    assert item.time == dt.datetime(2023, 4, 8, 16, 35, 5, tzinfo=UTC)
    assert item.value == {"poster": {"file_path": "/s9ZrHprviFCx3azfWNBtt1LPSnL.jpg"}}

    playing = both(spec_examples("/3/movie/now_playing")[0], DatedMoviePage)
    assert playing.dates == DateRange(minimum=dt.date(2023, 3, 16), maximum=dt.date(2023, 5, 3))
    assert playing.results[0].release_date == dt.date(2023, 4, 5)

    providers = both(spec_examples("/3/movie/{movie_id}/watch/providers")[0], WatchProviders)
    ae = providers.results["AE"]
    assert ae.flatrate[0].provider_name == "Amazon Prime Video"
    assert ae.link is not None
    assert ae.link.endswith("locale=AE")

    ids = both(spec_examples("/3/movie/{movie_id}/external_ids")[0], MovieExternalIds)
    assert ids == MovieExternalIds(id=550, imdb_id="tt0137523", facebook_id="FightClub")


# ---------------------------------------------------------------- every recorded fixture


def test_fixture_spec_movie_details() -> None:
    movie = both(load("docs/official-v3-spec-examples/movie-details.200.json"), Movie)
    assert (movie.id, movie.title, movie.runtime) == (11, "Star Wars", 121)


def test_fixture_recorded_movie_47964() -> None:
    movie = both(load("recorded/tmdblib/movie-details-47964.200.json"), Movie)
    assert movie.id == 47964
    assert movie.softcore is False
    assert movie.release_date == dt.date(2013, 2, 6)
    assert movie.production_companies[0].logo_path is None  # null on the wire
    assert movie.production_companies[0].origin_country == "HU"


def test_fixture_recorded_movie_19995_with_images() -> None:
    movie = both(load("recorded/tmdblib/movie-details-19995-de-images.200.json"), Movie)
    assert movie.title == "Avatar - Aufbruch nach Pandora"
    assert movie.images is not None
    assert movie.images.id is None  # appended: TMDB leaves the id out
    assert len(movie.images.posters) == 18
    assert movie.images.logos[0].iso_3166_1 == "DE"
    assert movie.credits is None


def test_fixture_adamayoung_movie() -> None:
    movie = both(load("clients/adamayoung-TMDb/movie.json"), Movie)
    assert movie.id == 550
    assert movie.belongs_to_collection is None
    assert movie.homepage is None
    assert movie.poster_path is None
    assert movie.spoken_languages[0].english_name is None  # absent in this fixture


def test_fixture_recorded_popular_page() -> None:
    page = both(load("recorded/tmdblib/movie-popular-page1.200.json"), Page[MovieSummary])
    assert (page.page, page.total_pages, len(page.results)) == (1, 58322, 20)
    first = page.results[0]
    assert isinstance(first, MovieSummary)
    assert first.id == 969681
    assert first.release_date == dt.date(2026, 7, 29)
    assert first.softcore is False


@pytest.mark.parametrize(
    ("relative", "expected"),
    [
        (
            "docs/official-v3-spec-examples/movie-account-states.200.json",
            AccountStates(id=550, favorite=True, rated=9.0, watchlist=False),
        ),
        (
            "clients/adamayoung-TMDb/account-states.json",
            AccountStates(id=550, favorite=True, rated=8.5, watchlist=False),
        ),
        (
            "clients/adamayoung-TMDb/account-states-unrated.json",
            AccountStates(id=550, favorite=False, rated=None, watchlist=True),
        ),
    ],
)
def test_fixture_account_states(relative: str, expected: AccountStates) -> None:
    assert both(load(relative), AccountStates) == expected


# ---------------------------------------------------------------- account_states' rated


@pytest.mark.parametrize(
    ("wire", "expected"),
    [(False, None), (None, None), ({"value": 7}, 7.0), ({"value": 9.5}, 9.5), (6.5, 6.5)],
)
def test_rated_wire_shapes(wire: object, expected: float | None) -> None:
    states = both({"id": 1, "favorite": False, "rated": wire, "watchlist": False}, AccountStates)
    assert states.rated == expected
    assert parse_rated(wire) == expected


@pytest.mark.parametrize("wire", [True, "9", {"value": "9"}, {"rating": 9}, [9]])
def test_rated_rejects_other_shapes(wire: object) -> None:
    for conv in (CONVERTER, STRICT):
        with pytest.raises(cattrs.ClassValidationError) as info:
            conv.structure({"id": 1, "rated": wire}, AccountStates)
        assert any("$.rated" in line for line in cattrs.transform_error(info.value))


# ---------------------------------------------------------------- append_to_response


def appended(name: str) -> Any:
    """The spec example of a sub-resource as TMDB appends it: without the movie id."""
    body = dict(spec_examples(APPEND_SOURCES[name])[0])
    body.pop("id", None)
    return body


def test_movie_with_every_append_structures_strictly() -> None:
    body = dict(spec_examples("/3/movie/{movie_id}")[0])
    for name in APPEND_SOURCES:
        body[name] = appended(name)
    movie = both(body, Movie)
    assert movie.account_states == AccountStates(favorite=True, rated=9.0, watchlist=False)
    assert movie.alternative_titles is not None
    assert movie.alternative_titles.titles[0].title == "Borilački klub"
    assert movie.changes is not None
    assert movie.changes.changes[1].key == "plot_keywords"
    assert movie.credits is not None
    assert movie.credits.cast[0].name == "Edward Norton"
    assert movie.credits.id is None
    assert movie.external_ids is not None
    assert movie.external_ids.imdb_id == "tt0137523"
    assert movie.images is not None
    assert movie.images.backdrops
    assert movie.keywords is not None
    assert movie.keywords.keywords[0].name
    assert movie.lists is not None
    assert movie.lists.results[0].name == "My Movies"
    assert movie.recommendations is not None
    assert movie.recommendations.results
    assert movie.release_dates is not None
    assert movie.release_dates.results
    assert movie.reviews is not None
    assert movie.reviews.results[0].author == "Goddard"
    assert movie.similar is not None
    assert movie.similar.results[0].title == "Orlando"
    assert movie.translations is not None
    assert movie.translations.translations
    assert movie.videos is not None
    assert len(movie.videos.results) == 2
    # the wire key "watch/providers" lands in watch_providers
    assert movie.watch_providers is not None
    assert movie.watch_providers == both(appended("watch/providers"), WatchProviders)
    assert "US" in movie.watch_providers.results


def test_every_movie_append_name_has_a_field() -> None:
    from tmdb_async.resources.movies import MOVIE_APPENDS

    wire_names = {f.metadata.get("wire", f.name) for f in attrs.fields(Movie)}
    assert set(APPEND_SOURCES) == MOVIE_APPENDS
    assert wire_names >= MOVIE_APPENDS


def test_watch_providers_python_name_is_not_a_wire_key() -> None:
    body = {"id": 1, "watch_providers": {"results": {}}}
    assert CONVERTER.structure(body, Movie).watch_providers is None
    with pytest.raises(cattrs.ClassValidationError):
        STRICT.structure(body, Movie)


# ---------------------------------------------------------------- tolerance and strictness


def test_movie_summary_tolerates_missing_keys() -> None:
    assert both({"id": 5}, MovieSummary) == MovieSummary(id=5)
    summary = both({"id": 5, "release_date": "", "backdrop_path": None}, MovieSummary)
    assert summary.release_date is None
    assert summary.backdrop_path is None


def test_unknown_keys_are_ignored_in_production_and_caught_by_strict() -> None:
    body = {"page": 1, "results": [{"id": 5, "brand_new_field": 1}]}
    assert CONVERTER.structure(body, Page[MovieSummary]).results == [MovieSummary(id=5)]
    with pytest.raises(cattrs.ClassValidationError) as info:
        STRICT.structure(body, Page[MovieSummary])
    assert "brand_new_field" in str(cattrs.transform_error(info.value))


def test_models_are_frozen() -> None:
    movie = CONVERTER.structure({"id": 1}, Movie)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        movie.title = "x"  # type: ignore[misc]


# ---------------------------------------------------------------- schema coverage


def _attrs_class(tp: Any) -> Any:
    """The attrs class inside ``X``, ``X | None``, ``list[X]``, ``dict[str, X]``, ``Page[X]``."""
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return _attrs_class(inner[0]) if len(inner) == 1 else None
    if origin in (list, dict):
        return _attrs_class(typing.get_args(tp)[-1])
    if attrs.has(origin or tp):
        return tp
    return None


def _fields(cls: Any) -> dict[str, Any]:
    """Wire name -> resolved type of every field (generic parameters substituted)."""
    origin = typing.get_origin(cls) or cls
    hints = typing.get_type_hints(origin)
    subst: dict[Any, Any] = {}
    # Page[X] itself, or a subclass of Page[X] (DatedMoviePage, Reviews ...)
    for alias in (cls, *getattr(origin, "__orig_bases__", ())):
        base = typing.get_origin(alias)
        if base is not None and base is not typing.Generic:
            subst.update(zip(base.__parameters__, typing.get_args(alias), strict=True))
    out = {}
    for f in attrs.fields(origin):
        hint = hints[f.name]
        if typing.get_origin(hint) is list and typing.get_args(hint)[0] in subst:
            hint = list[subst[typing.get_args(hint)[0]]]  # type: ignore[misc]
        out[f.metadata.get("wire", f.name)] = hint
    return out


def _missing(schema: dict[str, Any], cls: Any, where: str) -> list[str]:
    if schema.get("type") == "array":
        schema = schema.get("items", {})
    props = schema.get("properties", {})
    fields = _fields(cls)
    gaps = []
    for name, sub in props.items():
        if name not in fields:
            gaps.append(f"{where}.{name}")
            continue
        inner = _attrs_class(fields[name])
        if inner is not None and (sub.get("properties") or sub.get("items", {}).get("properties")):
            gaps += _missing(sub, inner, f"{where}.{name}")
    return gaps


# watch/providers' schema lists every country code as a property of ``results``: those are
# keys of a dict, not fields. Its per-country shape is checked on one country.
SCHEMA_CHECKED = [p for p in OPERATIONS if p != "/3/movie/{movie_id}/watch/providers"]


@pytest.mark.parametrize("path", SCHEMA_CHECKED)
def test_every_schema_property_is_a_model_field(path: str) -> None:
    schema = response_200(path)["schema"]
    assert _missing(schema, OPERATIONS[path], "$") == []


def test_watch_provider_schema_is_covered() -> None:
    schema = response_200("/3/movie/{movie_id}/watch/providers")["schema"]
    assert set(schema["properties"]) <= set(_fields(WatchProviders))
    from tmdb_async import WatchProviderOptions

    for country in schema["properties"]["results"]["properties"].values():
        assert _missing(country, WatchProviderOptions, "$.results.XX") == []
