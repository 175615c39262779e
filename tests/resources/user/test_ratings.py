"""Ratings (user and guest), account states, and the guest session's rated lists."""

from __future__ import annotations

import math
from typing import Any

import pytest

from tests.conftest import READ_TOKEN, FakeSleep, load
from tests.loopback_tmdb import TMDBServer
from tests.user_helpers import (
    ACCOUNT_ID,
    GUEST_ID,
    SESSION_ID,
    debug_logs,
    log_text,
    method_of,
    only,
    scan_exception,
    spec_example,
)
from tmdb_async import (
    GuestSession,
    Page,
    Session,
    StatusResponse,
    TMDBClient,
    TMDBUsageError,
    make_converter,
)
from tmdb_async.errors import AuthenticationFailedError, ResourceNotFoundError
from tmdb_async.models.states import AccountStates, EpisodeAccountState, SeasonAccountStates
from tmdb_async.models.user import UserEpisode, UserMovie, UserTV
from tmdb_async.resources.user import UserView, check_rating

SPEC = "docs/official-v3-spec-examples"
ADA = "clients/adamayoung-TMDb"
STRICT = make_converter(forbid_extra_keys=True)

TARGETS = [
    ("movie", (550,), "/3/movie/550"),
    ("tv", (1396,), "/3/tv/1396"),
    ("episode", (1396, 1, 1), "/3/tv/1396/season/1/episode/1"),
]


@pytest.fixture(params=["session", "guest"])
def who(
    request: pytest.FixtureRequest, tmdb_local: TMDBClient
) -> tuple[UserView, dict[str, str], str]:
    """A user view (on the loopback TMDB) and the query its user-bound calls carry."""
    if request.param == "session":
        view = tmdb_local.for_user(Session(session_id=SESSION_ID), account_id=ACCOUNT_ID)
        return view, {"session_id": SESSION_ID}, SESSION_ID
    view = tmdb_local.for_user(GuestSession(guest_session_id=GUEST_ID))
    return view, {"guest_session_id": GUEST_ID}, GUEST_ID


def _url(path: str, query: dict[str, str]) -> str:
    return f"{path}?" + "&".join(f"{k}={v}" for k, v in query.items())


# --------------------------------------------------------------------------- rate / unrate


@pytest.mark.parametrize(("target", "args", "path"), TARGETS)
async def test_rate(
    who: tuple[UserView, dict[str, str], str],
    tmdb_server: TMDBServer,
    caplog: pytest.LogCaptureFixture,
    target: str,
    args: tuple[int, ...],
    path: str,
) -> None:
    debug_logs(caplog)
    view, query, secret = who
    tmdb_server.post(
        _url(f"{path}/rating", query),
        status=201,
        payload=load(f"{SPEC}/movie-add-rating.200.json"),
    )
    result = await getattr(view.ratings, f"rate_{target}")(*args, 8.5)
    assert result == StatusResponse(success=True, status_code=1, status_message="Success.")
    only(
        tmdb_server,
        "POST",
        f"{path}/rating",
        query,
        body=load(f"{SPEC}/movie-add-rating.request.json"),
    )
    assert secret not in log_text(caplog)


@pytest.mark.parametrize(("target", "args", "path"), TARGETS)
async def test_delete_rating(
    who: tuple[UserView, dict[str, str], str],
    tmdb_server: TMDBServer,
    target: str,
    args: tuple[int, ...],
    path: str,
) -> None:
    view, query, _ = who
    tmdb_server.delete(
        _url(f"{path}/rating", query), payload=load(f"{SPEC}/movie-delete-rating.200.json")
    )
    method = f"ratings.delete_{target}"
    result = await method_of(view, method)(*args)
    assert result.status_code == 13
    only(tmdb_server, "DELETE", f"{path}/rating", query, body=None)


async def test_rerating_returns_the_recorded_update(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    """The live recording: POST /3/tv/1396/rating {"value": 5} -> 201, status_code 12."""
    mapping = load("recorded/tmdblib/tv-rating-update.201.mapping.json")
    view = tmdb_local.for_user(Session(session_id=SESSION_ID), account_id=ACCOUNT_ID)
    tmdb_server.post(
        f"/3/tv/1396/rating?session_id={SESSION_ID}",
        status=201,
        payload=load("recorded/tmdblib/tv-rating-update.201.json"),
    )
    result = await view.ratings.rate_tv(1396, 5)
    assert result == StatusResponse(
        success=True, status_code=12, status_message="The item/record was updated successfully."
    )
    sent = tmdb_server.only_call().json
    assert sent == mapping["Request"]["Body"]["Matcher"]["Pattern"] == {"value": 5.0}


async def test_a_rating_is_retried_because_setting_it_is_idempotent(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer, fake_sleep: FakeSleep
) -> None:
    view = tmdb_local.for_user(GuestSession(guest_session_id=GUEST_ID))
    url = f"/3/movie/550/rating?guest_session_id={GUEST_ID}"
    tmdb_server.post(url, status=502, payload={"status_code": 43, "status_message": "backend"})
    tmdb_server.post(url, status=201, payload={"success": True, "status_code": 12})
    assert (await view.ratings.rate_movie(550, 7)).status_code == 12
    assert len(tmdb_server.calls()) == 2
    assert len(fake_sleep.waits) == 1


async def test_rating_errors_are_typed_and_redacted(
    who: tuple[UserView, dict[str, str], str], tmdb_server: TMDBServer
) -> None:
    view, query, secret = who
    tmdb_server.post(
        _url("/3/movie/550/rating", query),
        status=401,
        payload={"success": False, "status_code": 3, "status_message": "Authentication failed"},
    )
    with pytest.raises(AuthenticationFailedError) as info:
        await view.ratings.rate_movie(550, 10)
    scan_exception(info.value, [secret, READ_TOKEN])


@pytest.mark.parametrize("value", [0.5, 1, 5, 7.5, 9.5, 10, 10.0])
def test_check_rating_accepts(value: float) -> None:
    assert check_rating(value) == float(value)


BAD_VALUES: list[Any] = [
    0,
    0.0,
    0.4,
    -1,
    10.5,
    11,
    8.3,
    7.25,
    True,
    False,
    "8",
    None,
    math.nan,
    math.inf,
    [8],
]


@pytest.mark.parametrize("value", BAD_VALUES)
async def test_rating_values_are_checked_before_any_io(
    who: tuple[UserView, dict[str, str], str], tmdb_server: TMDBServer, value: Any
) -> None:
    view, _, _ = who
    with pytest.raises(TMDBUsageError):
        await view.ratings.rate_movie(550, value)
    with pytest.raises(TMDBUsageError):
        await view.ratings.rate_tv(1396, value)
    with pytest.raises(TMDBUsageError):
        await view.ratings.rate_episode(1396, 1, 1, value)
    assert tmdb_server.calls() == []


@pytest.mark.parametrize(
    "args", [(0, 1, 1), (1396, -1, 1), (1396, 1, -1), (1396, True, 1), (1396, 1, "1")]
)
async def test_episode_coordinates_are_checked(
    who: tuple[UserView, dict[str, str], str], tmdb_server: TMDBServer, args: tuple[Any, ...]
) -> None:
    view, _, _ = who
    with pytest.raises(TMDBUsageError):
        await view.ratings.rate_episode(args[0], args[1], args[2], 8)
    with pytest.raises(TMDBUsageError):
        await view.ratings.delete_episode(*args)
    with pytest.raises(TMDBUsageError):
        await view.ratings.episode_states(*args)
    assert tmdb_server.calls() == []


# --------------------------------------------------------------------------- account states


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        (
            f"{SPEC}/movie-account-states.200.json",
            AccountStates(id=550, favorite=True, rated=9.0, watchlist=False),
        ),
        (
            f"{ADA}/account-states.json",
            AccountStates(id=550, favorite=True, rated=8.5, watchlist=False),
        ),
        (
            f"{ADA}/account-states-unrated.json",
            AccountStates(id=550, favorite=False, rated=None, watchlist=True),
        ),
    ],
)
@pytest.mark.parametrize(
    ("method", "args", "path"),
    [
        ("ratings.movie_states", (550,), "/3/movie/550/account_states"),
        ("ratings.tv_states", (1396,), "/3/tv/1396/account_states"),
        ("ratings.episode_states", (1396, 2, 3), "/3/tv/1396/season/2/episode/3/account_states"),
    ],
)
async def test_account_states(
    who: tuple[UserView, dict[str, str], str],
    tmdb_server: TMDBServer,
    fixture: str,
    expected: AccountStates,
    method: str,
    args: tuple[int, ...],
    path: str,
) -> None:
    view, query, _ = who
    tmdb_server.get(_url(path, query), payload=load(fixture))
    states = await method_of(view, method)(*args)
    assert states == expected
    only(tmdb_server, "GET", path, query)


async def test_account_states_rated_false_on_the_wire(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    view = tmdb_local.for_user(Session(session_id=SESSION_ID))
    tmdb_server.get(
        f"/3/movie/11/account_states?session_id={SESSION_ID}",
        payload={"id": 11, "favorite": False, "rated": False, "watchlist": False},
    )
    states = await view.ratings.movie_states(11)
    assert states.rated is None
    only(tmdb_server, "GET", "/3/movie/11/account_states", {"session_id": SESSION_ID})


async def test_account_states_unknown_movie(
    who: tuple[UserView, dict[str, str], str], tmdb_server: TMDBServer
) -> None:
    view, query, secret = who
    tmdb_server.get(
        _url("/3/movie/999999999/account_states", query),
        status=404,
        payload={"success": False, "status_code": 34, "status_message": "not found"},
    )
    with pytest.raises(ResourceNotFoundError) as info:
        await view.ratings.movie_states(999999999)
    scan_exception(info.value, [secret])


# --------------------------------------------------------------------------- guest rated lists

GUEST_LISTS = [
    ("ratings.movies", "rated/movies", "guest-session-rated-movies", UserMovie),
    ("ratings.tv", "rated/tv", "guest-session-rated-tv", UserTV),
    ("ratings.episodes", "rated/tv/episodes", "guest-session-rated-tv-episodes", UserEpisode),
]


@pytest.mark.parametrize(("method", "path", "fixture", "model"), GUEST_LISTS)
async def test_guest_rated_lists_put_the_id_in_the_path(
    tmdb_local: TMDBClient,
    tmdb_server: TMDBServer,
    caplog: pytest.LogCaptureFixture,
    method: str,
    path: str,
    fixture: str,
    model: type[Any],
) -> None:
    debug_logs(caplog)
    body = load(f"{SPEC}/{fixture}.200.json")
    view = tmdb_local.for_user(GuestSession(guest_session_id=GUEST_ID))
    tmdb_server.get(
        f"/3/guest_session/{GUEST_ID}/{path}?page=2&sort_by=created_at.asc", payload=body
    )
    page = await method_of(view, method)(page=2, sort_by="created_at.asc")
    only(
        tmdb_server,
        "GET",
        f"/3/guest_session/{GUEST_ID}/{path}",
        {"page": "2", "sort_by": "created_at.asc"},
    )
    assert page == STRICT.structure(body, Page[model])  # type: ignore[valid-type]
    assert page.results[0].rating == 8.5
    logs = log_text(caplog)
    assert "/3/guest_session/***/" in logs
    assert GUEST_ID not in logs


async def test_guest_rated_list_errors_hide_the_id(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    view = tmdb_local.for_user(GuestSession(guest_session_id=GUEST_ID))
    tmdb_server.get(
        f"/3/guest_session/{GUEST_ID}/rated/movies?page=1",
        status=401,
        payload={"success": False, "status_code": 3, "status_message": "Authentication failed"},
    )
    with pytest.raises(AuthenticationFailedError) as info:
        await view.ratings.movies()
    scan_exception(info.value, [GUEST_ID, READ_TOKEN])
    assert "/3/guest_session/***/rated/movies" in info.value.url


# --------------------------------------------------------------------------- season states


async def test_season_states(
    who: tuple[UserView, dict[str, str], str], tmdb_server: TMDBServer
) -> None:
    view, query, _ = who
    body = spec_example("/3/tv/{series_id}/season/{season_number}/account_states")
    path = "/3/tv/1396/season/0/account_states"  # season 0: the specials
    tmdb_server.get(_url(path, query), payload=body)
    states = await view.ratings.season_states(1396, 0)
    only(tmdb_server, "GET", path, query)
    assert states == SeasonAccountStates(
        id=body["id"],
        results=[
            EpisodeAccountState(
                id=e["id"],
                episode_number=e["episode_number"],
                rated=e["rated"]["value"] if e["rated"] else None,
            )
            for e in body["results"]
        ],
    )
    assert states.results[0].rated == 9.0
    assert states.results[1].rated is None


@pytest.mark.parametrize(("series", "season"), [(0, 1), (1396, -1), (1396, True), ("1396", 1)])
async def test_season_states_checks_before_io(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer, series: Any, season: Any
) -> None:
    with pytest.raises(TMDBUsageError, match=r"series_id|season_number"):
        await tmdb_local.for_user(SESSION_ID).ratings.season_states(series, season)
    assert tmdb_server.calls() == []
