"""``with_options(...)`` on the client and on user views: other settings, the same pool,
the same rate budget, and nothing closed by the derived object."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from tests.conftest import READ_TOKEN, FakeSleep
from tests.loopback_tmdb import TMDBServer
from tests.user_helpers import (
    ACCOUNT_ID,
    GUEST_ID,
    SESSION_ID,
    USER_TOKEN,
    V4_ACCOUNT,
    only,
    request,
)
from tmdb_async import (
    GuestSession,
    RateLimitError,
    RetryPolicy,
    ServerError,
    Session,
    TMDBClient,
    TMDBTimeoutError,
    TMDBUsageError,
    V4AccessToken,
)

MOVIE = {"id": 11, "title": "Star Wars"}
OFFLINE = {"success": False, "status_code": 9, "status_message": "Service offline."}


async def test_language_and_region_apply_to_the_derived_client_only(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    german = tmdb_local.with_options(language="de-DE", region="DE")
    tmdb_server.get("/3/movie/now_playing?language=de-DE&page=1&region=DE", payload={"page": 1})
    tmdb_server.get("/3/movie/now_playing?page=1", payload={"page": 1})
    await german.movies.now_playing()
    await tmdb_local.movies.now_playing()
    request(
        tmdb_server,
        0,
        "GET",
        "/3/movie/now_playing",
        {"language": "de-DE", "page": "1", "region": "DE"},
    )
    request(tmdb_server, 1, "GET", "/3/movie/now_playing", {"page": "1"})
    # None clears a default again.
    tmdb_server.get("/3/movie/now_playing?page=1", payload={"page": 1})
    await german.with_options(language=None, region=None).movies.now_playing()
    request(tmdb_server, 2, "GET", "/3/movie/now_playing", {"page": "1"})


async def test_retry_none_sends_once(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer, fake_sleep: FakeSleep
) -> None:
    tmdb_server.get("/3/movie/11", status=503, payload=OFFLINE, repeat=True)
    with pytest.raises(ServerError):
        await tmdb_local.with_options(retry=None).movies.details(11)
    assert len(tmdb_server.calls()) == 1
    with pytest.raises(ServerError):
        await tmdb_local.movies.details(11)  # the client's own policy: 3 attempts
    assert len(tmdb_server.calls()) == 4
    with pytest.raises(ServerError):
        await tmdb_local.with_options(
            retry=RetryPolicy(max_attempts=2, jitter=False)
        ).movies.details(11)
    assert len(tmdb_server.calls()) == 6


async def test_derived_client_shares_the_pool_and_budget_and_closes_nothing() -> None:
    async with TMDBClient(access_token=READ_TOKEN) as tmdb:
        derived = tmdb.with_options(timeout=5, retry=None)
        assert derived._core.pool.session() is tmdb._core.pool.session()
        assert derived._core.pool.gate is tmdb._core.pool.gate
        assert derived.with_options(language="fr")._core.pool.session() is tmdb._core.pool.session()
        await derived.close()
        assert not derived.closed
        assert not tmdb.closed
        assert not tmdb._core.pool.session().closed
    assert derived.closed  # closing the client closed the shared pool


@pytest.mark.parametrize(
    ("options", "named"),
    [
        ({"timeout": 0}, "timeout"),
        ({"timeout": -1.5}, "timeout"),
        ({"timeout": True}, "timeout"),
        ({"timeout": "5"}, "timeout"),
        ({"retry": 3}, "retry"),
        ({"language": "english"}, "language"),
        ({"language": 5}, "language"),
        ({"region": "de"}, "region"),
    ],
)
async def test_bad_options_name_the_setting(
    tmdb: TMDBClient, options: dict[str, Any], named: str
) -> None:
    with pytest.raises(TMDBUsageError, match=named):
        tmdb.with_options(**options)
    with pytest.raises(TMDBUsageError, match=named):
        tmdb.for_user(SESSION_ID).with_options(**options)


async def test_timeout_is_per_derived_client() -> None:
    release = asyncio.Event()

    async def slow(_: web.Request) -> web.Response:
        await asyncio.wait_for(release.wait(), 0.3)
        return web.json_response(MOVIE)

    async def fast(_: web.Request) -> web.Response:
        return web.json_response(MOVIE)

    app = web.Application()
    app.router.add_get("/3/movie/11", slow)
    app.router.add_get("/3/movie/12", fast)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    try:
        base = str(server.make_url("")).rstrip("/")
        async with TMDBClient(access_token=READ_TOKEN, base_url=base, retry=None) as tmdb:
            quick = tmdb.with_options(timeout=0.05)
            with pytest.raises(TMDBTimeoutError):
                await asyncio.wait_for(quick.movies.details(11), 2)
            release.set()
            # The client's own 30 s timeout still applies to it; both share the connections.
            assert (await tmdb.movies.details(11)).title == "Star Wars"
            assert (await quick.movies.details(12)).title == "Star Wars"
    finally:
        release.set()
        await server.close()


async def test_session_view_keeps_the_user_and_its_account_id(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    user = tmdb_local.for_user(Session(session_id=SESSION_ID), account_id=ACCOUNT_ID)
    german = user.with_options(language="de-DE", retry=None)
    assert german.kind == "session"
    path = f"/3/account/{ACCOUNT_ID}/favorite/movies"
    tmdb_server.get(
        f"{path}?language=de-DE&page=1&session_id={SESSION_ID}",
        status=503,
        payload=OFFLINE,
    )
    with pytest.raises(ServerError):
        await german.favorites.movies()
    only(tmdb_server, "GET", path, {"language": "de-DE", "page": "1", "session_id": SESSION_ID})


async def test_guest_view_stays_a_guest(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    guest = tmdb_local.for_user(GuestSession(guest_session_id=GUEST_ID)).with_options(
        language="fr-FR"
    )
    assert guest.is_guest
    path = f"/3/guest_session/{GUEST_ID}/rated/movies"
    tmdb_server.get(f"{path}?language=fr-FR&page=1", payload={"page": 1})
    await guest.ratings.movies()
    only(tmdb_server, "GET", path, {"language": "fr-FR", "page": "1"})


async def test_v4_view_keeps_its_token_object_id_and_converted_session(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    converted = "2629f70fb498edc263a0adb99118ac41f0053e8c"
    user = tmdb_local.for_user(
        V4AccessToken(access_token=USER_TOKEN, account_id="4bc8892a017a3c0f92000002"),
        account_id=ACCOUNT_ID,
    )
    tmdb_server.post(
        "/3/authentication/session/convert/4",
        payload={"success": True, "session_id": converted},
    )
    await user.session_id()
    derived = user.with_options(region="US", timeout=10)
    assert derived.account.object_id == "4bc8892a017a3c0f92000002"
    assert await derived.session_id() == converted  # no second conversion
    assert await derived.account.id() == ACCOUNT_ID  # no lookup
    tmdb_server.get("/4/account/4bc8892a017a3c0f92000002/lists?page=1", payload={"page": 1})
    await derived.lists.mine()
    assert len(tmdb_server.calls()) == 2
    request(
        tmdb_server,
        1,
        "GET",
        "/4/account/4bc8892a017a3c0f92000002/lists",
        {"page": "1"},
        bearer=USER_TOKEN,
    )
    assert V4_ACCOUNT != "4bc8892a017a3c0f92000002"  # not the token's own "sub"


async def test_the_shared_pool_reads_and_writes_the_parents_state(tmdb: TMDBClient) -> None:
    parent = tmdb._core.pool
    shared = tmdb.with_options(timeout=3)._core.pool
    assert shared is not parent
    # Counters the request path updates on its pool stay one for the client and its views.
    shared.max_connections -= 1
    assert parent.max_connections == 19
    assert shared.max_connections == 19
    assert shared.timeout_seconds == 3.0  # its own
    assert parent.timeout_seconds in (30.0, None)


async def test_derived_client_namespaces_use_the_derived_settings(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    assert tmdb_local.movies is tmdb_local.movies  # made once, cached ...
    german = tmdb_local.with_options(language="de-DE")
    assert german.movies is not tmdb_local.movies  # ... but not shared with a derived client
    tmdb_server.get("/3/movie/11?language=de-DE", payload=MOVIE)
    await german.movies.details(11)
    request(tmdb_server, 0, "GET", "/3/movie/11", {"language": "de-DE"})


async def test_a_429_on_a_derived_client_holds_the_original_too(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    # One rate budget: the cooldown a 429 starts is the client's, whichever view got it.
    limited = {"success": False, "status_code": 25, "status_message": "over the limit"}
    tmdb_server.get("/3/movie/11", status=429, payload=limited, headers={"Retry-After": "7"})
    with pytest.raises(RateLimitError):
        await tmdb_local.with_options(retry=None).movies.details(11)
    gate = tmdb_local._core.pool.gate
    assert gate.cooldowns == 1
    assert gate.busy  # the original's next request waits for the cooldown first
    assert tmdb_local.for_user(SESSION_ID).with_options(language="de")._core.pool.gate is gate
