"""A v4 user token view: the v4 account routes where TMDB has them (favourite, watchlist and
rated pages, recommendations), a v3 session converted once for the rest, and the account
object id (from the V4AccessToken or the token's ``sub`` claim)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.conftest import READ_TOKEN, load
from tests.loopback_tmdb import TMDBServer
from tests.user_helpers import (
    ACCOUNT_ID,
    USER_TOKEN,
    V4_ACCOUNT,
    method_of,
    only,
    request,
    spec_example,
)
from tmdb_async import (
    AccountRating,
    MovieSummary,
    StatusResponse,
    TMDBClient,
    TMDBUsageError,
    TVSummary,
    UserEpisode,
    UserMovie,
    UserTV,
    V4AccessToken,
    V4UserView,
)
from tmdb_async._convert import CONVERTER
from tmdb_async.models.common import Page

CONVERTED = "2629f70fb498edc263a0adb99118ac41f0053e8c"
A = f"/4/account/{V4_ACCOUNT}"


@pytest.fixture
def user(tmdb_local: TMDBClient) -> V4UserView:
    return tmdb_local.for_user(V4AccessToken(access_token=USER_TOKEN, account_id=V4_ACCOUNT))


PAGES = [
    ("favorites.movies", "movie/favorites", "/3/account/{account_id}/favorite/movies", UserMovie),
    ("favorites.tv", "tv/favorites", "/3/account/{account_id}/favorite/tv", UserTV),
    ("watchlist.movies", "movie/watchlist", "/3/account/{account_id}/watchlist/movies", UserMovie),
    ("watchlist.tv", "tv/watchlist", "/3/account/{account_id}/watchlist/tv", UserTV),
]


@pytest.mark.parametrize(("method", "path", "example", "model"), PAGES)
async def test_pages_use_the_v4_routes_with_the_user_token(
    user: V4UserView,
    tmdb_server: TMDBServer,
    method: str,
    path: str,
    example: str,
    model: type[Any],
) -> None:
    body = spec_example(example)
    tmdb_server.get(f"{A}/{path}?language=de-DE&page=2&sort_by=created_at.desc", payload=body)
    page = await method_of(user, method)(page=2, sort_by="created_at.desc", language="de-DE")
    only(
        tmdb_server,
        "GET",
        f"{A}/{path}",
        {"language": "de-DE", "page": "2", "sort_by": "created_at.desc"},
        bearer=USER_TOKEN,
    )
    assert page == CONVERTER.structure(body, Page[model])  # type: ignore[valid-type]


@pytest.mark.parametrize(
    ("method", "path", "example", "model"),
    [
        ("ratings.movies", "movie/rated", "/3/account/{account_id}/rated/movies", UserMovie),
        ("ratings.tv", "tv/rated", "/3/account/{account_id}/rated/tv", UserTV),
    ],
)
async def test_rated_pages_fill_rating_from_account_rating(
    user: V4UserView,
    tmdb_server: TMDBServer,
    method: str,
    path: str,
    example: str,
    model: type[Any],
) -> None:
    body = spec_example(example)
    values = [item.pop("rating") for item in body["results"]]
    for item, value in zip(body["results"], values, strict=True):
        item["account_rating"] = {"created_at": "2023-04-26T06:58:02.000Z", "value": value}
    tmdb_server.get(f"{A}/{path}?page=1", payload=body)
    page = await method_of(user, method)()
    only(tmdb_server, "GET", f"{A}/{path}", {"page": "1"}, bearer=USER_TOKEN)
    assert [item.rating for item in page.results] == values
    assert page.results[0].account_rating == AccountRating(
        value=values[0], created_at=dt.datetime(2023, 4, 26, 6, 58, 2, tzinfo=dt.timezone.utc)
    )
    assert all(type(item) is model for item in page.results)


def _convert(tmdb_server: TMDBServer) -> None:
    tmdb_server.post(
        "/3/authentication/session/convert/4",
        payload={"success": True, "session_id": CONVERTED},
    )


async def test_writes_convert_to_a_v3_session_once(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    user = tmdb_local.for_user(V4AccessToken(access_token=USER_TOKEN, account_id=V4_ACCOUNT))
    _convert(tmdb_server)
    tmdb_server.get(f"/3/account?session_id={CONVERTED}", payload={"id": ACCOUNT_ID})
    ok: dict[str, Any] = {"success": True, "status_code": 1, "status_message": "Success."}
    tmdb_server.post(f"/3/account/{ACCOUNT_ID}/favorite?session_id={CONVERTED}", payload=ok)
    tmdb_server.post(f"/3/account/{ACCOUNT_ID}/watchlist?session_id={CONVERTED}", payload=ok)
    assert await user.favorites.add("movie", 550) == StatusResponse(**ok)
    assert await user.watchlist.add("tv", 1396) == StatusResponse(**ok)
    assert len(tmdb_server.calls()) == 4
    request(
        tmdb_server,
        0,
        "POST",
        "/3/authentication/session/convert/4",
        body={"access_token": USER_TOKEN},
        bearer=READ_TOKEN,
    )
    request(tmdb_server, 1, "GET", "/3/account", {"session_id": CONVERTED}, bearer=USER_TOKEN)
    request(
        tmdb_server,
        2,
        "POST",
        f"/3/account/{ACCOUNT_ID}/favorite",
        {"session_id": CONVERTED},
        body={"media_type": "movie", "media_id": 550, "favorite": True},
        bearer=USER_TOKEN,
    )
    request(
        tmdb_server,
        3,
        "POST",
        f"/3/account/{ACCOUNT_ID}/watchlist",
        {"session_id": CONVERTED},
        body={"media_type": "tv", "media_id": 1396, "watchlist": True},
        bearer=USER_TOKEN,
    )


async def test_rated_episodes_have_no_v4_route(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    user = tmdb_local.for_user(USER_TOKEN, account_id=ACCOUNT_ID)
    _convert(tmdb_server)
    body = load("docs/official-v3-spec-examples/account-rated-tv-episodes.200.json")
    path = f"/3/account/{ACCOUNT_ID}/rated/tv/episodes"
    tmdb_server.get(f"{path}?page=1&session_id={CONVERTED}", payload=body)
    page = await user.ratings.episodes()
    request(tmdb_server, 1, "GET", path, {"page": "1", "session_id": CONVERTED}, bearer=USER_TOKEN)
    assert page == CONVERTER.structure(body, Page[UserEpisode])


@pytest.mark.parametrize(
    ("method", "path", "model"),
    [("movies", "movie", MovieSummary), ("tv", "tv", TVSummary)],
)
async def test_recommendations(
    user: V4UserView, tmdb_server: TMDBServer, method: str, path: str, model: type[Any]
) -> None:
    example = "/3/trending/movie/{time_window}" if path == "movie" else "/3/tv/popular"
    body = spec_example(example)
    tmdb_server.get(f"{A}/{path}/recommendations?language=fr-FR&page=3", payload=body)
    page = await getattr(user.recommendations, method)(page=3, language="fr-FR")
    only(
        tmdb_server,
        "GET",
        f"{A}/{path}/recommendations",
        {"language": "fr-FR", "page": "3"},
        bearer=USER_TOKEN,
    )
    assert page == CONVERTER.structure(body, Page[model])  # type: ignore[valid-type]


def test_the_account_object_id_comes_from_the_token(tmdb: TMDBClient) -> None:
    assert tmdb.for_user(USER_TOKEN).account.object_id == V4_ACCOUNT  # the "sub" claim
    given = V4AccessToken(access_token=USER_TOKEN, account_id="4bc8892a017a3c0f92000002")
    assert tmdb.for_user(given).account.object_id == "4bc8892a017a3c0f92000002"
    assert tmdb.for_user("a" * 40).account.object_id is None  # a v3 session


async def test_a_token_without_an_object_id(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    # A JWT whose payload has no "sub": the v4-only routes say what to do, before any I/O.
    token = "eyJhbGciOiJIUzI1NiJ9.eyJzY29wZXMiOlsiYXBpX3JlYWQiXX0.c2lnbmF0dXJl"
    user = tmdb_local.for_user(token)
    assert isinstance(user, V4UserView)
    assert user.account.object_id is None
    with pytest.raises(TMDBUsageError, match="account object id"):
        await user.lists.mine()
    with pytest.raises(TMDBUsageError, match="account object id"):
        await user.recommendations.movies()
    assert tmdb_server.calls() == []
    # Pages with a v3 twin fall back to it through a converted session.
    _convert(tmdb_server)
    tmdb_server.get(f"/3/account?session_id={CONVERTED}", payload={"id": ACCOUNT_ID})
    body = spec_example("/3/account/{account_id}/favorite/movies")
    path = f"/3/account/{ACCOUNT_ID}/favorite/movies"
    tmdb_server.get(f"{path}?page=1&session_id={CONVERTED}", payload=body)
    await user.favorites.movies()
    request(tmdb_server, 2, "GET", path, {"page": "1", "session_id": CONVERTED}, bearer=token)


@pytest.mark.parametrize(
    ("call", "named"),
    [
        (lambda u: u.favorites.movies(page=0), "page"),
        (lambda u: u.watchlist.tv(sort_by="title.asc"), "sort_by"),
        (lambda u: u.ratings.movies(language="english"), "language"),
        (lambda u: u.recommendations.tv(page=501), "page"),
        (lambda u: u.favorites.add("person", 1), "media_type"),
    ],
)
async def test_bad_input_before_io(
    user: V4UserView, tmdb_server: TMDBServer, call: Any, named: str
) -> None:
    with pytest.raises(TMDBUsageError, match=named):
        await call(user)
    assert tmdb_server.calls() == []
