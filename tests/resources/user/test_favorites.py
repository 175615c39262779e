"""Favourites, watchlist and the account's paged lists through ``tmdb.for_user``."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import READ_TOKEN, FakeSleep, load
from tests.loopback_tmdb import TMDBServer
from tests.user_helpers import (
    ACCOUNT_ID,
    SESSION_ID,
    debug_logs,
    log_text,
    method_of,
    only,
    request,
    scan_exception,
)
from tmdb_async import (
    Page,
    Session,
    StatusResponse,
    TMDBAPIError,
    TMDBClient,
    TMDBUsageError,
    make_converter,
)
from tmdb_async.errors import (
    AuthenticationFailedError,
    NothingToUpdateError,
    ServerError,
    WritePermissionError,
)
from tmdb_async.models.user import ListSummary, UserEpisode, UserMovie, UserTV
from tmdb_async.resources.user import UserView

SPEC = "docs/official-v3-spec-examples"
STRICT = make_converter(forbid_extra_keys=True)
Q = {"session_id": SESSION_ID}


@pytest.fixture
def user(tmdb_local: TMDBClient) -> UserView:
    return tmdb_local.for_user(Session(session_id=SESSION_ID), account_id=ACCOUNT_ID)


# --------------------------------------------------------------------------- writes

WRITES = [
    ("favorites.add", "movie", 550, "favorite", True),
    ("favorites.remove", "movie", 550, "favorite", False),
    ("favorites.add", "tv", 1396, "favorite", True),
    ("favorites.remove", "tv", 1396, "favorite", False),
    ("watchlist.add", "movie", 11, "watchlist", True),
    ("watchlist.remove", "movie", 11, "watchlist", False),
    ("watchlist.add", "tv", 1396, "watchlist", True),
    ("watchlist.remove", "tv", 1396, "watchlist", False),
]


@pytest.mark.parametrize(("method", "media_type", "media_id", "what", "value"), WRITES)
@pytest.mark.parametrize(
    ("http", "code"), [(201, 1), (201, 12), (200, 13)], ids=["created", "updated", "deleted"]
)
async def test_account_writes(
    user: UserView,
    tmdb_server: TMDBServer,
    caplog: pytest.LogCaptureFixture,
    method: str,
    media_type: str,
    media_id: int,
    what: str,
    value: bool,
    http: int,
    code: int,
) -> None:
    debug_logs(caplog)
    answer = {"success": True, "status_code": code, "status_message": "ok"}
    tmdb_server.post(
        f"/3/account/{ACCOUNT_ID}/{what}?session_id={SESSION_ID}", status=http, payload=answer
    )
    result = await method_of(user, method)(media_type, media_id)
    assert result == StatusResponse(success=True, status_code=code, status_message="ok")
    only(
        tmdb_server,
        "POST",
        f"/3/account/{ACCOUNT_ID}/{what}",
        Q,
        body={"media_type": media_type, "media_id": media_id, what: value},
    )
    assert SESSION_ID not in log_text(caplog)


async def test_favorite_matches_the_spec_examples(user: UserView, tmdb_server: TMDBServer) -> None:
    body = load(f"{SPEC}/account-add-favorite.request.json")
    tmdb_server.post(
        f"/3/account/{ACCOUNT_ID}/favorite?session_id={SESSION_ID}",
        payload=load(f"{SPEC}/account-add-favorite.200.json"),
    )
    result = await user.favorites.set(body["media_type"], body["media_id"], body["favorite"])
    assert result == StatusResponse(success=True, status_code=1, status_message="Success.")
    only(tmdb_server, "POST", f"/3/account/{ACCOUNT_ID}/favorite", Q, body=body)


async def test_watchlist_matches_the_spec_examples(user: UserView, tmdb_server: TMDBServer) -> None:
    body = load(f"{SPEC}/account-add-to-watchlist.request.json")
    tmdb_server.post(
        f"/3/account/{ACCOUNT_ID}/watchlist?session_id={SESSION_ID}",
        payload=load(f"{SPEC}/account-add-to-watchlist.200.json"),
    )
    result = await user.watchlist.set(body["media_type"], body["media_id"], body["watchlist"])
    assert result.status_code == 1
    only(tmdb_server, "POST", f"/3/account/{ACCOUNT_ID}/watchlist", Q, body=body)


async def test_the_account_id_is_looked_up_first_when_unknown(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.get(
        f"/3/account?session_id={SESSION_ID}",
        payload=load(f"{SPEC}/account-details.200.json"),
    )
    tmdb_server.post(
        f"/3/account/548/favorite?session_id={SESSION_ID}",
        payload={"success": True, "status_code": 1},
    )
    user = tmdb_local.for_user(SESSION_ID)
    await user.favorites.add("movie", 550)
    assert len(tmdb_server.calls()) == 2
    request(tmdb_server, 0, "GET", "/3/account", Q)
    body = {"media_type": "movie", "media_id": 550, "favorite": True}
    request(tmdb_server, 1, "POST", "/3/account/548/favorite", Q, body=body)


@pytest.mark.parametrize(
    ("answer", "error"),
    [
        (
            {"success": True, "status_code": 40, "status_message": "Nothing to update."},
            NothingToUpdateError,
        ),
        ({"status_code": 99, "status_message": "Something new."}, TMDBAPIError),
        ({"success": False}, TMDBAPIError),
        ({}, TMDBAPIError),
    ],
)
async def test_other_status_codes_are_errors(
    user: UserView, tmdb_server: TMDBServer, answer: dict[str, Any], error: type[TMDBAPIError]
) -> None:
    tmdb_server.post(f"/3/account/{ACCOUNT_ID}/favorite?session_id={SESSION_ID}", payload=answer)
    with pytest.raises(error) as info:
        await user.favorites.add("movie", 550)
    scan_exception(info.value, [SESSION_ID, READ_TOKEN])
    assert SESSION_ID not in info.value.url
    assert "session_id=***" in info.value.url


@pytest.mark.parametrize(
    ("status", "code", "error"),
    [(401, 3, AuthenticationFailedError), (401, 36, WritePermissionError)],
)
async def test_refusals_are_typed(
    user: UserView, tmdb_server: TMDBServer, status: int, code: int, error: type[TMDBAPIError]
) -> None:
    tmdb_server.post(
        f"/3/account/{ACCOUNT_ID}/watchlist?session_id={SESSION_ID}",
        status=status,
        payload={"success": False, "status_code": code, "status_message": "no"},
    )
    with pytest.raises(error) as info:
        await user.watchlist.add("tv", 1396)
    assert info.value.tmdb_code == code
    scan_exception(info.value, [SESSION_ID, READ_TOKEN])


async def test_favorite_is_retried_because_it_is_idempotent(
    user: UserView, tmdb_server: TMDBServer, fake_sleep: FakeSleep
) -> None:
    url = f"/3/account/{ACCOUNT_ID}/favorite?session_id={SESSION_ID}"
    tmdb_server.post(url, status=503, payload={"status_code": 9, "status_message": "offline"})
    tmdb_server.post(url, status=201, payload={"success": True, "status_code": 12})
    assert (await user.favorites.add("movie", 550)).status_code == 12
    assert len(tmdb_server.calls()) == 2
    assert len(fake_sleep.waits) == 1


async def test_a_persistent_5xx_surfaces_as_a_server_error(
    user: UserView, tmdb_server: TMDBServer
) -> None:
    url = f"/3/account/{ACCOUNT_ID}/watchlist?session_id={SESSION_ID}"
    for _ in range(3):
        tmdb_server.post(url, status=500, payload={"status_code": 11, "status_message": "Internal"})
    with pytest.raises(ServerError):
        await user.watchlist.add("movie", 11)
    assert len(tmdb_server.calls()) == 3


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        (("person", 1), {}),
        (("Movie", 1), {}),
        (("movie", 0), {}),
        (("movie", True), {}),
        (("movie", "11"), {}),
    ],
)
async def test_writes_check_their_input_locally(
    user: UserView, tmdb_server: TMDBServer, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    for method in ("favorites.add", "favorites.remove", "watchlist.add", "watchlist.remove"):
        with pytest.raises(TMDBUsageError):
            await method_of(user, method)(*args, **kwargs)
    with pytest.raises(TMDBUsageError):
        await user.favorites.set("movie", 11, 1)  # type: ignore[arg-type]
    with pytest.raises(TMDBUsageError):
        await user.watchlist.set("movie", 11, "yes")  # type: ignore[arg-type]
    assert tmdb_server.calls() == []


# --------------------------------------------------------------------------- paged lists

LISTS = [
    ("favorites.movies", "favorite/movies", "account-get-favorites", UserMovie),
    ("favorites.tv", "favorite/tv", "account-favorite-tv", UserTV),
    ("watchlist.movies", "watchlist/movies", "account-watchlist-movies", UserMovie),
    ("watchlist.tv", "watchlist/tv", "account-watchlist-tv", UserTV),
    ("ratings.movies", "rated/movies", "account-rated-movies", UserMovie),
    ("ratings.tv", "rated/tv", "account-rated-tv", UserTV),
    ("ratings.episodes", "rated/tv/episodes", "account-rated-tv-episodes", UserEpisode),
]


@pytest.mark.parametrize(("method", "path", "fixture", "model"), LISTS)
async def test_account_lists_default_query(
    user: UserView, tmdb_server: TMDBServer, method: str, path: str, fixture: str, model: type[Any]
) -> None:
    body = load(f"{SPEC}/{fixture}.200.json")
    tmdb_server.get(f"/3/account/{ACCOUNT_ID}/{path}?page=1&session_id={SESSION_ID}", payload=body)
    page = await method_of(user, method)()
    only(tmdb_server, "GET", f"/3/account/{ACCOUNT_ID}/{path}", {"page": "1", **Q})
    assert page == STRICT.structure(body, Page[model])  # type: ignore[valid-type]  # every field modelled
    assert page.page == 1
    assert page.total_results == body["total_results"]
    assert len(page.results) == len(body["results"])
    assert all(isinstance(item, model) for item in page.results)
    first = body["results"][0]
    assert page.results[0].id == first["id"]
    if path.startswith("rated/"):
        assert page.results[0].rating == first["rating"]
    else:
        assert page.results[0].rating is None


@pytest.mark.parametrize(("method", "path", "fixture", "model"), LISTS)
async def test_account_lists_page_sort_and_language(
    user: UserView, tmdb_server: TMDBServer, method: str, path: str, fixture: str, model: type[Any]
) -> None:
    query = {
        "language": "de-DE",
        "page": "3",
        "session_id": SESSION_ID,
        "sort_by": "created_at.desc",
    }
    tmdb_server.get(
        f"/3/account/{ACCOUNT_ID}/{path}?language=de-DE&page=3&session_id={SESSION_ID}"
        "&sort_by=created_at.desc",
        payload={"page": 3, "results": [], "total_pages": 3, "total_results": 40},
    )
    page = await method_of(user, method)(page=3, sort_by="created_at.desc", language="de-DE")
    assert page == Page(page=3, results=[], total_pages=3, total_results=40)
    only(tmdb_server, "GET", f"/3/account/{ACCOUNT_ID}/{path}", query)


@pytest.mark.parametrize("method", [m[0] for m in LISTS])
@pytest.mark.parametrize(
    "kwargs",
    [
        {"page": 0},
        {"page": 501},
        {"page": True},
        {"sort_by": "popularity.desc"},
        {"language": "german"},
    ],
)
async def test_account_lists_check_their_input_locally(
    user: UserView, tmdb_server: TMDBServer, method: str, kwargs: dict[str, Any]
) -> None:
    with pytest.raises(TMDBUsageError):
        await method_of(user, method)(**kwargs)
    assert tmdb_server.calls() == []


async def test_rated_movies_fixture_values(user: UserView, tmdb_server: TMDBServer) -> None:
    tmdb_server.get(
        f"/3/account/{ACCOUNT_ID}/rated/movies?page=1&session_id={SESSION_ID}",
        payload=load(f"{SPEC}/account-rated-movies.200.json"),
    )
    page = await user.ratings.movies()
    first = page.results[0]
    assert first.title == "The Lord of the Rings: The Fellowship of the Ring"
    assert first.rating == 8.0
    assert str(first.release_date) == "2001-12-18"


@pytest.mark.parametrize(
    "fixture", [f"{SPEC}/account-lists.200.json", "recorded/tmdblib/account-lists.200.json"]
)
async def test_account_lists_of_lists(
    user: UserView, tmdb_server: TMDBServer, fixture: str
) -> None:
    body = load(fixture)
    tmdb_server.get(f"/3/account/{ACCOUNT_ID}/lists?page=1&session_id={SESSION_ID}", payload=body)
    page = await user.lists.mine()
    only(tmdb_server, "GET", f"/3/account/{ACCOUNT_ID}/lists", {"page": "1", **Q})
    assert page == STRICT.structure(body, Page[ListSummary])
    assert page.results[0].id == body["results"][0]["id"]
    assert page.results[0].poster_path is None


async def test_lists_page_is_checked(user: UserView, tmdb_server: TMDBServer) -> None:
    with pytest.raises(TMDBUsageError):
        await user.lists.mine(page=0)
    assert tmdb_server.calls() == []
