"""The example web app's browser sessions in a real Redis (examples/webapp/redis_store.py).

Two apps sharing one Redis stand for two worker processes here (the processes themselves,
in a real Chromium, are in test_workers.py): a browser signed in through one is recognised
by the other, signed out by either everywhere. And the store's own rules: Redis TTLs for
idle expiry, the two capped pools, key names that carry no secret, and a clear 503 page,
never a silent sign-out, while Redis does not answer.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
import redis.asyncio

from examples.webapp.app import COOKIE_NAME, StoreUnavailable, rate_budget
from examples.webapp.redis_store import RedisSessionStore
from tests.redis_server import RedisServer
from tests.webapp.helpers import RunningApp, login_csrf, running_app
from tmdb_async import RateLimit, SharedRateLimit
from tmdb_async.testing import Sandbox

TRAVIS = 548  # the sandbox's first seeded user
#: How long Redis stops answering (each page gives up after 2 x 0.5 s).
PAUSE_S = 6.0


@pytest.fixture
def prefix() -> str:
    """A key prefix of this test's own."""
    return f"t-{secrets.token_hex(4)}"


@pytest.fixture
async def raw(redis_url: str) -> AsyncIterator[redis.asyncio.Redis]:
    """A plain client of the test's Redis, to look at what the store wrote."""
    client = redis.asyncio.Redis.from_url(redis_url, decode_responses=True)
    try:
        yield client
    finally:
        await client.aclose()


@pytest.fixture
async def sandbox() -> AsyncIterator[Sandbox]:
    """A fresh fake TMDB on a free loopback port."""
    async with Sandbox() as sb:
        yield sb


@pytest.fixture
async def store(redis_url: str, prefix: str) -> AsyncIterator[RedisSessionStore]:
    """A store with the default caps and timeouts."""
    made = RedisSessionStore(redis_url, prefix=prefix)
    try:
        yield made
    finally:
        await made.close()


def _jar() -> aiohttp.ClientSession:
    return aiohttp.ClientSession(
        cookie_jar=aiohttp.CookieJar(unsafe=True), timeout=aiohttp.ClientTimeout(total=15)
    )


def _cookie(http: aiohttp.ClientSession) -> str | None:
    values = [c.value for c in http.cookie_jar if c.key == COOKIE_NAME]
    return values[0] if values else None


async def _sign_in(http: aiohttp.ClientSession, start: RunningApp, sandbox: Sandbox) -> str:
    """Sign in: the form from ``start``, TMDB's approval, the callback; the start page HTML."""
    form = {"csrf": await login_csrf(http, start.url)}
    async with http.post(f"{start.url}/login", data=form, allow_redirects=False) as resp:
        assert resp.status == 303, await resp.text()
        token = resp.headers["Location"].split("?")[0].rsplit("/", 1)[1]
    sandbox.approve(token)
    async with http.get(f"{start.url}/callback?request_token={token}&approved=true") as resp:
        assert resp.status == 200
        return await resp.text()


def _greets(page: str, name: str = "Travis Bell") -> bool:
    return f"<strong id='account-name'>{name}</strong>" in page


async def _home(http: aiohttp.ClientSession, app: RunningApp) -> tuple[int, str]:
    async with http.get(f"{app.url}/") as resp:
        return resp.status, await resp.text()


# --------------------------------------------------------------------------- the store alone


async def test_round_trip_pending_then_signed_in_under_a_new_key(
    store: RedisSessionStore, raw: redis.asyncio.Redis, prefix: str
) -> None:
    who = await store.new()
    who.pending_token = "t" * 40
    await store.save(who)
    again = await store.get(who.key)
    assert again is not None
    assert (again.key, again.csrf, again.pending_token, again.signed_in) == (
        who.key,
        who.csrf,
        "t" * 40,
        False,
    )
    # One use: of two callbacks with the same token, only the first goes on.
    assert await store.take_pending(again) is True
    assert await store.take_pending(who) is False
    assert (await store.get(who.key) or who).pending_token is None

    old_key, old_csrf = who.key, who.csrf
    who.tmdb_session_id, who.account_id, who.account_name = "s" * 40, TRAVIS, "Travis Bell"
    rotated = await store.rotate(who)
    assert rotated.key != old_key
    assert rotated.csrf != old_csrf
    assert await store.get(old_key) is None  # no session fixation
    signed = await store.get(rotated.key)
    assert signed is not None
    assert (signed.tmdb_session_id, signed.account_id, signed.account_name) == (
        "s" * 40,
        TRAVIS,
        "Travis Bell",
    )
    assert await store.pool_sizes() == {"pending": 0, "signed_in": 1}

    await store.drop(signed)
    assert await store.get(rotated.key) is None
    assert await store.pool_sizes() == {"pending": 0, "signed_in": 0}
    assert sorted(await raw.keys(f"{prefix}:*")) == []  # nothing left behind


async def test_idle_expiry_is_a_redis_ttl_renewed_by_each_request(
    redis_url: str, raw: redis.asyncio.Redis, prefix: str
) -> None:
    store = RedisSessionStore(redis_url, prefix=prefix, idle_timeout=600, pending_timeout=0.4)
    try:
        pending = await store.new()
        user = await store.rotate(await store.new())
        (name,) = [
            k
            for k in await raw.keys(f"{prefix}:session:*")
            if await raw.hget(k, "pool") == "signed_in"
        ]
        assert 590_000 < await raw.pttl(name) <= 600_000
        await raw.pexpire(name, 5_000)
        assert await store.get(user.key) is not None  # a request: the idle clock restarts
        assert await raw.pttl(name) > 590_000

        await asyncio.sleep(0.6)  # the pending sign-in outlives its 0.4 s TTL
        assert await store.get(pending.key) is None
        assert await store.get(user.key) is not None
    finally:
        await store.close()


async def test_pools_have_their_own_caps_and_evict_the_least_recently_used(
    redis_url: str, prefix: str
) -> None:
    clock = [1000.0]
    store = RedisSessionStore(
        redis_url, prefix=prefix, max_sessions=2, max_pending=3, clock=lambda: clock[0]
    )
    try:
        users = []
        for _ in range(2):
            clock[0] += 1
            users.append(await store.rotate(await store.new()))
        # A flood of sign-in starts evicts only pending ones, never a signed-in user.
        flood = []
        for _ in range(20):
            clock[0] += 1
            flood.append(await store.new())
        assert await store.pool_sizes() == {"pending": 3, "signed_in": 2}
        assert [await store.get(w.key) is not None for w in flood[-4:]] == [
            False,
            True,
            True,
            True,
        ]
        clock[0] += 1
        assert await store.get(users[0].key) is not None  # now the most recently used
        clock[0] += 1
        third = await store.rotate(await store.new())
        assert await store.get(users[1].key) is None  # the least recently used went
        assert await store.get(users[0].key) is not None
        assert await store.get(third.key) is not None
        assert (await store.pool_sizes())["signed_in"] == 2
    finally:
        await store.close()


async def test_every_worker_signs_sign_in_forms_with_one_key_even_after_redis_lost_it(
    redis_url: str, prefix: str, raw: redis.asyncio.Redis
) -> None:
    first = RedisSessionStore(redis_url, prefix=prefix)
    second = RedisSessionStore(redis_url, prefix=prefix)
    try:
        known = await first.login_secret()
        assert len(known) == 32
        assert await second.login_secret() == known
        await raw.flushdb()  # a Redis restart without persistence
        assert await second.login_secret() == known  # put back by the first to ask
        await raw.flushdb()
        fresh = RedisSessionStore(redis_url, prefix=prefix)
        try:
            renewed = await fresh.login_secret()  # knew none: makes a new one
            assert renewed != known
            assert await first.login_secret() == renewed  # the others take it
        finally:
            await fresh.close()
        assert await second.login_secret() == renewed
    finally:
        await first.close()
        await second.close()


async def test_keys_name_no_cookie_no_session_id_and_the_url_is_never_shown(
    store: RedisSessionStore, raw: redis.asyncio.Redis, prefix: str, redis_server: RedisServer
) -> None:
    who = await store.new()
    who.pending_token = "request-token-" + secrets.token_hex(8)
    await store.save(who)
    pending_key, token = who.key, who.pending_token
    who.tmdb_session_id = "session-" + secrets.token_hex(16)
    user = await store.rotate(who)
    secrets_ = [pending_key, user.key, user.csrf, user.tmdb_session_id or "?", token]
    keys = [str(k) for k in await raw.keys("*")]
    assert keys, "the store wrote nothing?"
    for key in keys:
        assert not any(secret in key for secret in secrets_), key
    # The session id is a value of the hash only (the store must keep it to act for the user).
    (hash_key,) = [k for k in keys if k.startswith(f"{prefix}:session:")]
    assert await raw.hget(hash_key, "tmdb_session_id") == user.tmdb_session_id

    with_password = f"redis://:hunter2-secret@127.0.0.1:{redis_server.port}/0"
    other = RedisSessionStore(with_password, prefix=prefix)
    try:
        assert "hunter2" not in repr(other)
        assert "hunter2" not in str(other)
    finally:
        await other.close()
    with pytest.raises(ValueError, match="url must be") as bad:
        RedisSessionStore("http://:hunter2-secret@example.invalid/", prefix=prefix)
    assert "hunter2" not in str(bad.value)
    for wrong in ({"max_sessions": 0}, {"max_pending": 0}, {"idle_timeout": 0}, {"prefix": ""}):
        with pytest.raises(ValueError):
            RedisSessionStore(with_password, **wrong)


async def test_a_stopped_redis_raises_store_unavailable_never_none(own_redis: RedisServer) -> None:
    store = RedisSessionStore(own_redis.url, socket_timeout=1.0)
    try:
        who = await store.new()
        own_redis.stop()
        for call in (store.get(who.key), store.new(), store.drop(who), store.login_secret()):
            with pytest.raises(StoreUnavailable) as failed:
                await call
            assert str(failed.value).startswith("Redis: ")
            assert str(own_redis.port) not in str(failed.value)
        assert await store.get("") is None  # no cookie: no question to ask Redis
    finally:
        own_redis.start()
        await store.close()


def test_the_rate_budget_is_shared_through_redis_only_when_redis_is_given(
    redis_url: str,
) -> None:
    assert rate_budget(None) == RateLimit()
    shared = rate_budget(redis_url, processes=3)
    assert isinstance(shared, SharedRateLimit)
    assert (shared.url, shared.key, shared.processes) == (redis_url, "tmdb_async", 3)
    assert shared.local_share == RateLimit(40 / 3, 3)  # each worker's part while Redis is down
    slower = rate_budget(redis_url, processes=2, rate=8)
    assert isinstance(slower, SharedRateLimit)
    assert (slower.rate, slower.burst) == (8, 2)
    assert rate_budget(None, rate=8) == RateLimit(8, 2)


# --------------------------------------------------------------------------- two workers


@pytest.fixture
async def two_workers(
    sandbox: Sandbox, redis_url: str, prefix: str
) -> AsyncIterator[tuple[RunningApp, RunningApp]]:
    """Two apps (as two worker processes would be) sharing one Redis and one sandbox."""
    async with (
        running_app(
            sandbox, store=RedisSessionStore(redis_url, prefix=prefix), retry=None
        ) as first,
        running_app(
            sandbox, store=RedisSessionStore(redis_url, prefix=prefix), retry=None
        ) as second,
    ):
        yield first, second


async def test_signed_in_through_one_worker_recognised_and_signed_out_by_another(
    two_workers: tuple[RunningApp, RunningApp],
    sandbox: Sandbox,
    raw: redis.asyncio.Redis,
    caplog: Any,
) -> None:
    caplog.set_level(logging.DEBUG)
    a, b = two_workers
    async with _jar() as http:
        # The sign-in form comes from A, the POST goes to B: one CSRF key for all workers.
        form = {"csrf": await login_csrf(http, a.url)}
        async with http.post(f"{b.url}/login", data=form, allow_redirects=False) as resp:
            assert resp.status == 303
            token = resp.headers["Location"].split("?")[0].rsplit("/", 1)[1]
        sandbox.approve(token)
        # TMDB's redirect lands on A (the kernel picks any worker): the pending token is there.
        async with http.get(f"{a.url}/callback?request_token={token}&approved=true") as resp:
            assert resp.status == 200
            assert _greets(await resp.text())
        (session_id,) = sandbox.state.sessions
        cookie = _cookie(http)
        assert cookie is not None
        assert session_id not in cookie

        status, page = await _home(http, b)
        assert status == 200
        assert _greets(page)
        assert session_id not in page
        csrf = page.split("name='csrf' value='")[1].split("'")[0]
        async with http.post(
            f"{b.url}/rate", data={"csrf": csrf, "movie_id": "11", "value": "7.5"}
        ) as resp:
            assert resp.status == 200
        assert sandbox.state.accounts[TRAVIS].ratings.movies[11][0] == 7.5

        async with http.post(f"{b.url}/logout", data={"csrf": csrf}) as resp:
            assert resp.status == 200
            assert "You are signed out." in await resp.text()
        assert sandbox.state.sessions == {}
        # A no longer knows the old cookie either.
        async with _jar() as other:
            other.cookie_jar.update_cookies({COOKIE_NAME: cookie})
            status, page = await _home(other, a)
        assert status == 200
        assert not _greets(page)
        assert "id='sign-in'" in page
    assert await raw.keys("*:session:*") == []
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert session_id not in logged
    assert cookie not in logged


async def test_one_approval_signs_in_once_even_when_two_workers_get_the_callback(
    two_workers: tuple[RunningApp, RunningApp], sandbox: Sandbox
) -> None:
    a, b = two_workers
    async with _jar() as http:
        form = {"csrf": await login_csrf(http, a.url)}
        async with http.post(f"{a.url}/login", data=form, allow_redirects=False) as resp:
            token = resp.headers["Location"].split("?")[0].rsplit("/", 1)[1]
        sandbox.approve(token)
        query = f"/callback?request_token={token}&approved=true"

        async def callback(app: RunningApp) -> tuple[int, str]:
            async with http.get(app.url + query) as resp:
                return resp.status, await resp.text()

        outcomes = sorted(await asyncio.gather(callback(a), callback(b)))
    assert [status for status, _ in outcomes] == [200, 400]
    assert _greets(outcomes[0][1])
    assert "Sign-in link" in outcomes[1][1]  # already used, or (if it came later) expired
    assert len(sandbox.requests_to("/3/authentication/session/new")) == 1
    assert len(sandbox.state.sessions) == 1


async def test_redis_down_is_a_503_page_and_the_browser_keeps_its_session(
    sandbox: Sandbox, own_redis: RedisServer, caplog: Any
) -> None:
    store = RedisSessionStore(own_redis.url, socket_timeout=0.5)
    async with running_app(sandbox, store=store, retry=None) as app, _jar() as http:
        assert _greets(await _sign_in(http, app, sandbox))
        cookie = _cookie(http)
        status, page = await _home(http, app)
        csrf = page.split("name='csrf' value='")[1].split("'")[0]

        # Redis stops answering for a while (CLIENT PAUSE: every client, this one too):
        # a clear page, the cookie kept, nothing changed.
        control = redis.asyncio.Redis.from_url(own_redis.url, socket_timeout=PAUSE_S * 3)
        try:
            await control.client_pause(int(PAUSE_S * 1000), all=True)
            async with http.get(f"{app.url}/") as resp:
                assert resp.status == 503
                assert resp.headers["Retry-After"] == "5"
                assert resp.headers["Cache-Control"] == "no-store"
                text = await resp.text()
                assert "Sessions unavailable" in text
                assert "Traceback" not in text
                assert "Set-Cookie" not in resp.headers  # not signed out
            async with http.post(f"{app.url}/logout", data={"csrf": csrf}) as resp:
                assert resp.status == 503
                assert "Set-Cookie" not in resp.headers
            assert list(sandbox.state.sessions)  # the TMDB session was not ended blindly
            assert await control.ping()  # answered once the pause is over
        finally:
            await control.aclose()
        assert _cookie(http) == cookie
        status, page = await _home(http, app)
        assert status == 200
        assert _greets(page)

        # Redis gone: the same page (connection refused, not a timeout).
        own_redis.stop()
        status, page = await _home(http, app)
        assert status == 503
        assert "Sessions unavailable" in page
        own_redis.start()
    warnings = [r.getMessage() for r in caplog.records if r.name == "tmdb_webapp"]
    assert "session store unavailable: Redis: TimeoutError" in warnings
    assert "session store unavailable: Redis: ConnectionError" in warnings
    assert not any(cookie and cookie in w for w in warnings)
