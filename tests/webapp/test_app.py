"""The example web app (examples/webapp) over HTTP against the sandbox: the sign-in round
trip's failure paths, cookies, CSRF, escaping, TMDB errors as message pages, and the one
command that runs it."""

from __future__ import annotations

import asyncio
import builtins
import logging
import re
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import aiohttp
import attrs
import pytest

from examples.webapp import app as webapp_module
from examples.webapp.app import (
    COOKIE_NAME,
    LOGIN_COOKIE,
    MAX_PENDING,
    LoginLimiter,
    SessionStore,
    client_from_env,
    create_app,
    sandbox_client,
)
from tests.webapp.helpers import RunningApp, login_csrf, running_app
from tmdb_async import TMDBClient
from tmdb_async.testing import Fault, ManualClock, Sandbox

TRAVIS = 548  # the sandbox's first seeded user


@pytest.fixture
def clock() -> ManualClock:
    """The sandbox's clock: expiry without waiting."""
    return ManualClock()


@pytest.fixture
async def sandbox(clock: ManualClock) -> AsyncIterator[Sandbox]:
    """A fresh fake TMDB on a free loopback port."""
    async with Sandbox(clock=clock) as sb:
        yield sb


@pytest.fixture
async def webapp(sandbox: Sandbox) -> AsyncIterator[RunningApp]:
    """The app on a free loopback port; its client does not retry (no real sleeps)."""
    async with running_app(sandbox, retry=None) as running:
        yield running


@pytest.fixture
async def browser() -> AsyncIterator[aiohttp.ClientSession]:
    """One simulated browser: its own cookie jar (which accepts 127.0.0.1 cookies)."""
    async with aiohttp.ClientSession(
        cookie_jar=aiohttp.CookieJar(unsafe=True), timeout=aiohttp.ClientTimeout(total=10)
    ) as http:
        yield http


async def start_sign_in(http: aiohttp.ClientSession, app: RunningApp) -> tuple[str, str]:
    """POST /login; returns the request token and the callback TMDB was told about."""
    form = {"csrf": await login_csrf(http, app.url)}
    async with http.post(f"{app.url}/login", data=form, allow_redirects=False) as resp:
        assert resp.status == 303
        approval = urlsplit(resp.headers["Location"])
    (redirect_to,) = parse_qs(approval.query)["redirect_to"]
    assert redirect_to == f"{app.url}/callback"
    return approval.path.rsplit("/", 1)[1], redirect_to


async def sign_in(http: aiohttp.ClientSession, app: RunningApp, sandbox: Sandbox) -> str:
    """The whole round trip, approving at the sandbox; returns the start page HTML."""
    token, callback = await start_sign_in(http, app)
    sandbox.approve(token)
    async with http.get(f"{callback}?request_token={token}&approved=true") as resp:
        assert resp.status == 200
        assert str(resp.url) == f"{app.url}/"
        return await resp.text()


def cookie(http: aiohttp.ClientSession) -> str | None:
    """The app's cookie in the browser's jar."""
    values = [c.value for c in http.cookie_jar if c.key == COOKIE_NAME]
    return values[0] if values else None


def csrf_of(app: RunningApp) -> str:
    """The CSRF token of the one signed-in browser session."""
    (who,) = app.store.sessions()
    return who.csrf


async def test_cookie_is_an_opaque_httponly_samesite_key_rotated_at_sign_in(
    webapp: RunningApp, sandbox: Sandbox, browser: aiohttp.ClientSession, caplog: Any
) -> None:
    caplog.set_level(logging.DEBUG)
    form = {"csrf": await login_csrf(browser, webapp.url)}
    async with browser.post(f"{webapp.url}/login", data=form, allow_redirects=False) as resp:
        morsel = resp.cookies[COOKIE_NAME]
        token = urlsplit(resp.headers["Location"]).path.rsplit("/", 1)[1]
    assert morsel["httponly"] is True
    assert morsel["samesite"] == "Lax"
    assert morsel["path"] == "/"
    before = morsel.value
    sandbox.approve(token)
    async with browser.get(
        f"{webapp.url}/callback?request_token={token}&approved=true", allow_redirects=False
    ) as resp:
        assert resp.status == 303
        after = resp.cookies[COOKIE_NAME]
        assert after["httponly"] is True
        assert after["samesite"] == "Lax"
    assert after.value != before  # a new key once signed in: no session fixation
    async with browser.get(f"{webapp.url}/") as resp:
        page = await resp.text()
        assert resp.headers["Cache-Control"] == "no-store"
        assert resp.headers["Referrer-Policy"] == "no-referrer"
        assert "img-src 'self' http://127.0.0.1:" in resp.headers["Content-Security-Policy"]
    assert "<strong id='account-name'>Travis Bell</strong>" in page
    (session_id,) = sandbox.state.sessions
    (who,) = webapp.store.sessions()
    assert (who.key, who.tmdb_session_id, who.account_id) == (after.value, session_id, TRAVIS)
    assert session_id not in page
    assert session_id not in repr(who)
    assert who.key not in repr(who)
    assert all(session_id not in r.getMessage() for r in caplog.records)
    assert all(token not in r.getMessage() for r in caplog.records)


async def test_expired_request_token_shows_a_message(
    webapp: RunningApp,
    sandbox: Sandbox,
    browser: aiohttp.ClientSession,
    clock: ManualClock,
) -> None:
    token, callback = await start_sign_in(browser, webapp)
    sandbox.approve(token)
    clock.advance(minutes=61)  # TMDB request tokens live 60 minutes
    async with browser.get(f"{callback}?request_token={token}&approved=true") as resp:
        assert resp.status == 400
        page = await resp.text()
    assert "<h2 id='message-title'>Sign-in request expired</h2>" in page
    assert "Traceback" not in page
    (create,) = sandbox.requests_to("/3/authentication/session/new")
    assert create.status == 401
    assert sandbox.state.sessions == {}
    async with browser.get(f"{webapp.url}/") as resp:
        assert "id='sign-in'" in await resp.text()


async def test_sign_in_link_only_works_in_the_browser_that_started_it(
    webapp: RunningApp, sandbox: Sandbox, browser: aiohttp.ClientSession
) -> None:
    token, callback = await start_sign_in(browser, webapp)
    sandbox.approve(token)
    link = f"{callback}?request_token={token}&approved=true"
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as other:
        async with other.get(link) as resp:
            assert resp.status == 400
            assert "<h2 id='message-title'>Sign-in link expired</h2>" in await resp.text()
        await start_sign_in(other, webapp)  # the other browser's own, different token
        async with other.get(link) as resp:
            assert resp.status == 400
            assert "<h2 id='message-title'>Sign-in link not recognised</h2>" in await resp.text()
    assert sandbox.requests_to("/3/authentication/session/new") == []
    # The browser that started it still signs in with it.
    async with browser.get(link) as resp:
        assert "<strong id='account-name'>Travis Bell</strong>" in await resp.text()
    # ... once: the link is spent.
    async with browser.get(link) as resp:
        assert resp.status == 400


async def test_unknown_token_and_unapproved_token(
    webapp: RunningApp, sandbox: Sandbox, browser: aiohttp.ClientSession
) -> None:
    async with browser.get(f"{webapp.url}/callback?request_token={'0' * 40}&approved=true") as r:
        assert r.status == 400
        assert "<h2 id='message-title'>Sign-in link expired</h2>" in await r.text()
    # Claims approval the user never gave: TMDB says code 17.
    token, callback = await start_sign_in(browser, webapp)
    async with browser.get(f"{callback}?request_token={token}&approved=true") as resp:
        assert resp.status == 403
        assert "<h2 id='message-title'>Sign-in not approved</h2>" in await resp.text()
    assert sandbox.state.sessions == {}


async def test_forms_need_the_csrf_token(
    webapp: RunningApp, sandbox: Sandbox, browser: aiohttp.ClientSession
) -> None:
    await sign_in(browser, webapp, sandbox)
    for form in ({"movie_id": "11", "action": "add"}, {"movie_id": "11", "csrf": "forged"}):
        async with browser.post(f"{webapp.url}/favourite", data=form) as resp:
            assert resp.status == 403
            assert "<h2 id='message-title'>Form expired</h2>" in await resp.text()
    async with browser.post(f"{webapp.url}/logout", data={"csrf": ""}) as resp:
        assert resp.status == 403
    assert sandbox.requests_to("/3/account/*/favorite") == []
    assert len(sandbox.state.sessions) == 1


async def test_favourite_unfavourite_and_rate(
    webapp: RunningApp, sandbox: Sandbox, browser: aiohttp.ClientSession
) -> None:
    await sign_in(browser, webapp, sandbox)
    csrf = csrf_of(webapp)
    base = {"csrf": csrf, "movie_id": "11", "q": "star wars"}
    async with browser.post(
        f"{webapp.url}/favourite", data={**base, "action": "add"}, allow_redirects=False
    ) as resp:
        assert resp.status == 303
        assert resp.headers["Location"] == "/?q=star+wars"
    (mark,) = sandbox.requests_to("/3/account/548/favorite", "POST")
    assert mark.json == {"media_type": "movie", "media_id": 11, "favorite": True}
    async with browser.post(f"{webapp.url}/rate", data={**base, "value": "7.5"}) as resp:
        page = await resp.text()
    assert "<h2>Results for “star wars”" in page
    assert "Your rating: 7.5" in page
    assert sandbox.state.accounts[TRAVIS].ratings.movies[11][0] == 7.5
    async with browser.post(f"{webapp.url}/favourite", data={**base, "action": "remove"}) as r:
        page = await r.text()
    assert "id='no-favourites'" in page
    assert sandbox.state.accounts[TRAVIS].favorite["movie"] == {}


async def test_bad_rating_is_refused_before_tmdb(
    webapp: RunningApp, sandbox: Sandbox, browser: aiohttp.ClientSession
) -> None:
    await sign_in(browser, webapp, sandbox)
    for value in ("11", "7.3", "lots"):
        form = {"csrf": csrf_of(webapp), "movie_id": "11", "value": value}
        async with browser.post(f"{webapp.url}/rate", data=form) as resp:
            assert resp.status == 400
            page = await resp.text()
        assert "id='message-title'" in page
        assert "Traceback" not in page
    assert sandbox.requests_to("/3/movie/11/rating") == []


async def test_search_text_is_escaped(
    webapp: RunningApp, sandbox: Sandbox, browser: aiohttp.ClientSession
) -> None:
    await sign_in(browser, webapp, sandbox)
    attack = "<script>alert('x')</script>"
    async with browser.get(f"{webapp.url}/", params={"q": attack}) as resp:
        page = await resp.text()
    assert "<script>" not in page
    assert "No movie matches “&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;”" in page
    (search,) = sandbox.requests_to("/3/search/movie")
    assert search.query["query"] == attack


async def test_tmdb_errors_become_message_pages(
    webapp: RunningApp, sandbox: Sandbox, browser: aiohttp.ClientSession
) -> None:
    await sign_in(browser, webapp, sandbox)
    sandbox.add_fault(Fault(kind="error", path="/3/search/movie", status=503))
    async with browser.get(f"{webapp.url}/", params={"q": "star"}) as resp:
        assert resp.status == 502
        page = await resp.text()
    assert "<h2 id='message-title'>TMDB said no</h2>" in page
    sandbox.clear_faults()
    sandbox.add_fault(Fault(kind="reset", path="/3/search/movie"))
    async with browser.get(f"{webapp.url}/", params={"q": "star"}) as resp:
        assert resp.status == 502
        assert "<h2 id='message-title'>TMDB is unreachable</h2>" in await resp.text()


async def test_session_ended_at_tmdb_signs_the_browser_out(
    webapp: RunningApp, sandbox: Sandbox, browser: aiohttp.ClientSession
) -> None:
    await sign_in(browser, webapp, sandbox)
    (session_id,) = sandbox.state.sessions
    sandbox.state.delete_session(session_id)  # the user revoked the app on TMDB
    async with browser.get(f"{webapp.url}/") as resp:
        assert resp.status == 401
        assert "<h2 id='message-title'>Signed out</h2>" in await resp.text()
    assert cookie(browser) is None
    assert webapp.store.sessions() == []


async def test_sign_out_ends_the_tmdb_session(
    webapp: RunningApp, sandbox: Sandbox, browser: aiohttp.ClientSession
) -> None:
    await sign_in(browser, webapp, sandbox)
    (session_id,) = sandbox.state.sessions
    async with browser.post(
        f"{webapp.url}/logout", data={"csrf": csrf_of(webapp)}, allow_redirects=False
    ) as resp:
        assert resp.status == 303
        assert resp.headers["Location"] == "/?signed_out=1"
    (delete,) = sandbox.requests_to("/3/authentication/session", "DELETE")
    assert delete.json == {"session_id": session_id}
    assert sandbox.state.sessions == {}
    assert cookie(browser) is None
    assert webapp.store.sessions() == []


@pytest.mark.parametrize(
    ("fault", "what"),
    [
        (Fault(kind="reset", path="/3/authentication/session"), "TMDB could not be reached"),
        (
            Fault(kind="error", path="/3/authentication/session", status=503),
            "TMDB answered HTTP 503 (code 9)",
        ),
        (
            Fault(kind="error", path="/3/authentication/session", status=500, code=11),
            "TMDB answered HTTP 500 (code 11)",
        ),
        (  # TMDB refused the app's own key: the user's session was not ended.
            Fault(kind="error", path="/3/authentication/session", status=401, code=7),
            "TMDB answered HTTP 401 (code 7)",
        ),
    ],
)
async def test_sign_out_that_tmdb_did_not_confirm_keeps_the_session_and_says_so(
    webapp: RunningApp,
    sandbox: Sandbox,
    browser: aiohttp.ClientSession,
    fault: Fault,
    what: str,
) -> None:
    await sign_in(browser, webapp, sandbox)
    (session_id,) = sandbox.state.sessions
    sandbox.add_fault(attrs.evolve(fault, method="DELETE"))
    async with browser.post(f"{webapp.url}/logout", data={"csrf": csrf_of(webapp)}) as resp:
        assert resp.status == 502
        page = await resp.text()
    assert "<h2 id='message-title'>Not signed out</h2>" in page
    assert f"TMDB did not end your session: {what}. You are still signed in" in page
    assert "id='sign-out-again'" in page
    assert "id='sign-out-here'" in page
    assert session_id not in page
    # Still signed in here (the TMDB session is alive, and only this app can end it for them).
    assert cookie(browser) is not None
    assert [w.tmdb_session_id for w in webapp.store.signed_in()] == [session_id]
    assert list(sandbox.state.sessions) == [session_id]
    # Once TMDB answers again, "Try again" ends it.
    sandbox.clear_faults()
    async with browser.post(
        f"{webapp.url}/logout", data={"csrf": csrf_of(webapp)}, allow_redirects=False
    ) as resp:
        assert resp.status == 303
    assert sandbox.state.sessions == {}
    assert webapp.store.sessions() == []


async def test_sign_out_of_this_app_only_forgets_it_here_and_says_tmdb_keeps_it(
    webapp: RunningApp, sandbox: Sandbox, browser: aiohttp.ClientSession
) -> None:
    await sign_in(browser, webapp, sandbox)
    (session_id,) = sandbox.state.sessions
    sandbox.add_fault(Fault(kind="error", path="/3/authentication/session", status=503))
    async with browser.post(f"{webapp.url}/logout", data={"csrf": csrf_of(webapp)}) as resp:
        assert resp.status == 502
    form = {"csrf": csrf_of(webapp), "scope": "local"}
    async with browser.post(f"{webapp.url}/logout", data=form) as resp:
        assert resp.status == 200
        page = await resp.text()
    assert "<h2 id='message-title'>Signed out of this app</h2>" in page
    assert "your TMDB session stays valid until you revoke this app" in page
    assert len(sandbox.requests_to("/3/authentication/session", "DELETE")) == 1  # not asked
    assert list(sandbox.state.sessions) == [session_id]
    assert cookie(browser) is None
    assert webapp.store.sessions() == []


@pytest.mark.parametrize("how", ["deleted", "code 3"])
async def test_sign_out_of_a_session_tmdb_already_ended_signs_out_here(
    webapp: RunningApp, sandbox: Sandbox, browser: aiohttp.ClientSession, how: str
) -> None:
    await sign_in(browser, webapp, sandbox)
    (session_id,) = sandbox.state.sessions
    if how == "deleted":
        sandbox.state.delete_session(session_id)  # TMDB answers 404 code 37
    else:
        sandbox.add_fault(Fault(kind="error", path="/3/authentication/session", status=401, code=3))
    async with browser.post(f"{webapp.url}/logout", data={"csrf": csrf_of(webapp)}) as resp:
        assert resp.status == 200
        page = await resp.text()
    assert "<h2 id='message-title'>Signed out</h2>" in page
    assert "TMDB had already ended this session" in page
    (delete,) = sandbox.requests_to("/3/authentication/session", "DELETE")
    assert delete.status == (404 if how == "deleted" else 401)
    assert cookie(browser) is None
    assert webapp.store.sessions() == []


async def test_tmdb_refusing_the_apps_key_does_not_sign_the_user_out(
    webapp: RunningApp, sandbox: Sandbox, browser: aiohttp.ClientSession
) -> None:
    await sign_in(browser, webapp, sandbox)
    sandbox.add_fault(Fault(kind="error", path="/3/account/*", status=401, code=7))
    async with browser.get(f"{webapp.url}/") as resp:
        assert resp.status == 502
        assert "<h2 id='message-title'>TMDB refused this app</h2>" in await resp.text()
    assert cookie(browser) is not None
    assert len(webapp.store.signed_in()) == 1


# --------------------------------------------------------------------------- hostile input


async def test_non_ascii_csrf_and_token_values_answer_400_or_403_not_500(
    webapp: RunningApp, sandbox: Sandbox, browser: aiohttp.ClientSession
) -> None:
    await sign_in(browser, webapp, sandbox)
    for value in ("é", "\u2603" * 40, "ü" + csrf_of(webapp)[1:]):
        form = {"csrf": value, "movie_id": "11", "action": "add"}
        async with browser.post(f"{webapp.url}/favourite", data=form) as resp:
            assert resp.status == 403
            assert "<h2 id='message-title'>Form expired</h2>" in await resp.text()
        async with browser.post(f"{webapp.url}/logout", data={"csrf": value}) as resp:
            assert resp.status == 403
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as other:
        await start_sign_in(other, webapp)  # a pending sign-in, so the token is compared
        async with other.get(
            f"{webapp.url}/callback", params={"request_token": "ü" * 40, "approved": "true"}
        ) as resp:
            assert resp.status == 400
            assert "<h2 id='message-title'>Sign-in link not recognised</h2>" in await resp.text()
        async with other.post(f"{webapp.url}/login", data={"csrf": "ß" * 64}) as resp:
            assert resp.status == 403
    assert sandbox.requests_to("/3/account/*/favorite") == []
    assert len(sandbox.state.sessions) == 1


@pytest.mark.parametrize(
    "movie_id",
    ["\u00b2", "\u0661\u0662", "9" * 5000, "0", "-1", " 11", "11.0", "2147483648", "", "1e3"],
)
async def test_odd_movie_ids_answer_400(
    webapp: RunningApp, sandbox: Sandbox, browser: aiohttp.ClientSession, movie_id: str
) -> None:
    await sign_in(browser, webapp, sandbox)
    for path, extra in (("/favourite", {"action": "add"}), ("/rate", {"value": "7"})):
        form = {"csrf": csrf_of(webapp), "movie_id": movie_id, **extra}
        async with browser.post(f"{webapp.url}{path}", data=form) as resp:
            assert resp.status == 400, path
            assert "<h2 id='message-title'>Unknown movie</h2>" in await resp.text()
    assert sandbox.requests_to("/3/account/*/favorite") == []
    assert sandbox.requests_to("/3/movie/*/rating") == []


# --------------------------------------------------------------------------- POST /login


async def test_cross_site_login_post_is_refused_and_does_not_sign_the_user_out(
    webapp: RunningApp, sandbox: Sandbox, browser: aiohttp.ClientSession
) -> None:
    await sign_in(browser, webapp, sandbox)
    before = cookie(browser)
    tokens_before = len(sandbox.requests_to("/3/authentication/token/new"))
    # A cross-site form POST: SameSite=Lax keeps the cookies home, so none are sent; with
    # an attacker's own valid token (from their own visit) it still fails without the cookie.
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as attacker:
        stolen = await login_csrf(attacker, webapp.url)
    async with aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar()) as cross_site:
        for form in ({}, {"csrf": ""}, {"csrf": stolen}):
            async with cross_site.post(
                f"{webapp.url}/login", data=form, allow_redirects=False
            ) as resp:
                assert resp.status == 403
                assert "<h2 id='message-title'>Form expired</h2>" in await resp.text()
                assert "Set-Cookie" not in resp.headers
    assert len(sandbox.requests_to("/3/authentication/token/new")) == tokens_before
    assert cookie(browser) == before
    async with browser.get(f"{webapp.url}/") as resp:
        assert "<strong id='account-name'>Travis Bell</strong>" in await resp.text()


async def test_login_form_token_is_bound_to_its_cookie(
    webapp: RunningApp, sandbox: Sandbox
) -> None:
    async with (
        aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as one,
        aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as two,
    ):
        csrf_one = await login_csrf(one, webapp.url)
        csrf_two = await login_csrf(two, webapp.url)
        assert csrf_one != csrf_two
        async with two.post(f"{webapp.url}/login", data={"csrf": csrf_one}) as resp:
            assert resp.status == 403
        # The start page keeps a browser's nonce: the token stays the same across visits.
        assert await login_csrf(one, webapp.url) == csrf_one
        async with one.post(
            f"{webapp.url}/login", data={"csrf": csrf_one}, allow_redirects=False
        ) as resp:
            assert resp.status == 303
    assert len(sandbox.requests_to("/3/authentication/token/new")) == 1


# --------------------------------------------------------------------------- bounds


async def test_a_flood_of_pending_sign_ins_never_evicts_a_signed_in_session() -> None:
    store = SessionStore()  # the defaults: 10,000 signed in, 1,000 pending
    user = await store.rotate(await store.new())
    user.tmdb_session_id = "s" * 40
    for _ in range(10_001):
        await store.new()
    assert len(store.pending()) == MAX_PENDING
    assert store.signed_in() == [user]
    assert await store.get(user.key) is user


async def test_signed_in_sessions_have_their_own_cap_and_pending_ones_expire() -> None:
    now = [0.0]
    store = SessionStore(max_sessions=2, max_pending=2, pending_timeout=60, clock=lambda: now[0])
    first, second, third = [await store.rotate(await store.new()) for _ in range(3)]
    assert store.signed_in() == [second, third]  # the least recently used went first
    pending = await store.new()
    now[0] = 61.0
    assert await store.get(pending.key) is None  # a sign-in left unfinished for too long
    assert await store.get(third.key) is third
    assert await store.get(first.key) is None


async def test_anonymous_sign_in_starts_over_http_keep_signed_in_users(
    sandbox: Sandbox, browser: aiohttp.ClientSession
) -> None:
    store = SessionStore(max_pending=3)
    async with running_app(
        sandbox, store=store, login_limiter=LoginLimiter(burst=100), retry=None
    ) as app:
        await sign_in(browser, app, sandbox)
        for _ in range(12):
            async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as anon:
                await start_sign_in(anon, app)
        assert len(store.pending()) == 3
        assert len(store.signed_in()) == 1
        async with browser.get(f"{app.url}/") as resp:
            assert "<strong id='account-name'>Travis Bell</strong>" in await resp.text()


async def test_sign_in_starts_are_rate_limited_per_client(
    sandbox: Sandbox, browser: aiohttp.ClientSession
) -> None:
    now = [0.0]
    limiter = LoginLimiter(burst=3, per_minute=6, clock=lambda: now[0])
    async with running_app(sandbox, login_limiter=limiter, retry=None) as app:
        form = {"csrf": await login_csrf(browser, app.url)}
        for _ in range(3):
            async with browser.post(f"{app.url}/login", data=form, allow_redirects=False) as r:
                assert r.status == 303
        async with browser.post(f"{app.url}/login", data=form, allow_redirects=False) as resp:
            assert resp.status == 429
            assert resp.headers["Retry-After"] == "10"  # one start every 10 s
            assert "<h2 id='message-title'>Too many sign-ins</h2>" in await resp.text()
        assert len(sandbox.requests_to("/3/authentication/token/new")) == 3
        assert len(app.store.pending()) == 1  # one browser, one pending sign-in
        now[0] = 10.0
        async with browser.post(f"{app.url}/login", data=form, allow_redirects=False) as resp:
            assert resp.status == 303
    assert len(sandbox.requests_to("/3/authentication/token/new")) == 4


def test_the_limiter_remembers_a_bounded_number_of_clients() -> None:
    limiter = LoginLimiter(burst=1, per_minute=1, max_clients=2, clock=lambda: 0.0)
    assert limiter.acquire("a") == 0.0
    assert limiter.acquire("a") == 60.0
    assert limiter.acquire("b") == 0.0
    assert limiter.acquire("c") == 0.0  # "a" is forgotten: a fresh bucket
    assert limiter.acquire("a") == 0.0


# --------------------------------------------------------------------------- redirect_to


async def _login_with_host(app: RunningApp, host: str) -> aiohttp.ClientResponse:
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
        csrf = await login_csrf(http, app.url)
        (nonce,) = [c.value for c in http.cookie_jar if c.key == LOGIN_COOKIE]
    async with (
        aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar()) as http,
        http.post(
            f"{app.url}/login",
            data={"csrf": csrf},
            headers={"Host": host, "Cookie": f"{LOGIN_COOKIE}={nonce}"},
            allow_redirects=False,
        ) as resp,
    ):
        await resp.read()
        return resp


def _redirect_to(resp: aiohttp.ClientResponse) -> str:
    (value,) = parse_qs(urlsplit(resp.headers["Location"]).query)["redirect_to"]
    return value


async def test_redirect_to_never_comes_from_a_foreign_host_header(
    webapp: RunningApp, sandbox: Sandbox
) -> None:
    for host in ("evil.example", "evil.example:8080", "127.0.0.1.evil.example", "[::2]"):
        resp = await _login_with_host(webapp, host)
        assert resp.status == 400, host
        assert "Location" not in resp.headers
    assert sandbox.requests_to("/3/authentication/token/new") == []
    assert webapp.store.sessions() == []
    # Local development: loopback names are fine.
    for host in ("localhost:8080", "127.0.0.1:9", "[::1]:8080"):
        resp = await _login_with_host(webapp, host)
        assert resp.status == 303, host
        assert _redirect_to(resp) == f"http://{host}/callback"


async def test_allowed_hosts_and_public_url(sandbox: Sandbox) -> None:
    async with running_app(sandbox, allowed_hosts=["Movies.LAN"]) as app:
        resp = await _login_with_host(app, "movies.lan:8080")
        assert resp.status == 303
        assert _redirect_to(resp) == "http://movies.lan:8080/callback"
        assert (await _login_with_host(app, "other.lan")).status == 400
    async with running_app(sandbox, public_url="http://movies.example/") as app:
        resp = await _login_with_host(app, "evil.example")
        assert resp.status == 303
        assert _redirect_to(resp) == "http://movies.example/callback"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "movies.example", "ftp://movies.example"])
def test_public_url_must_be_an_http_url(url: str) -> None:
    with pytest.raises(ValueError, match="public_url must be an absolute http"):
        create_app(sandbox_client, public_url=url)


async def test_public_url_sets_the_callback_and_secure_cookies(sandbox: Sandbox) -> None:
    async with (
        running_app(sandbox, public_url="https://movies.example") as running,
        aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http,
    ):
        # A Secure login cookie is not sent back over http: send it by hand.
        async with http.get(f"{running.url}/") as resp:
            nonce = resp.cookies[LOGIN_COOKIE]
            assert nonce["secure"] is True
            (csrf,) = re.findall(r"name='csrf' value='([0-9a-f]+)'", await resp.text())
        async with http.post(
            f"{running.url}/login",
            data={"csrf": csrf},
            headers={"Cookie": f"{LOGIN_COOKIE}={nonce.value}"},
            allow_redirects=False,
        ) as resp:
            assert resp.status == 303
            location = urlsplit(resp.headers["Location"])
            morsel = resp.cookies[COOKIE_NAME]
    assert parse_qs(location.query)["redirect_to"] == ["https://movies.example/callback"]
    assert morsel["secure"] is True
    assert morsel["httponly"] is True


async def test_the_app_closes_its_one_client_at_shutdown(sandbox: Sandbox) -> None:
    async with running_app(sandbox) as running:
        tmdb = running.tmdb
        assert not tmdb.closed
    assert tmdb.closed


def test_client_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("TMDB_ACCESS_TOKEN", "TMDB_API_KEY", "TMDB_BASE_URL", "TMDB_WEBSITE_URL"):
        monkeypatch.delenv(name, raising=False)
    assert client_from_env() is None
    monkeypatch.setenv("TMDB_API_KEY", "0123456789abcdef0123456789abcdef")
    factory = client_from_env()
    assert factory is not None
    client = factory()
    assert isinstance(client, TMDBClient)
    assert repr(client) == "<TMDBClient https://api.themoviedb.org auth=api_key open>"
    assert client.website_url == "https://www.themoviedb.org"


async def test_the_one_command_serves_on_the_embedded_sandbox(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("TMDB_ACCESS_TOKEN", "TMDB_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    printed: list[str] = []
    ready = asyncio.Event()

    def fake_print(*args: object, **kwargs: object) -> None:
        printed.append(" ".join(str(a) for a in args))
        ready.set()

    monkeypatch.setattr(builtins, "print", fake_print)
    server = asyncio.ensure_future(webapp_module.serve("127.0.0.1", 0, None))
    try:
        await asyncio.wait_for(ready.wait(), timeout=10)
        line = printed[0]
        assert line.startswith("Sign in with TMDB: open http://127.0.0.1:")
        assert "(using the embedded sandbox at http://127.0.0.1:" in line
        url = line.split("open ", 1)[1].split()[0]
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
            async with http.get(url) as resp:
                assert resp.status == 200
                assert "id='sign-in'" in await resp.text()
            form = {"csrf": await login_csrf(http, url.rstrip("/"))}
            async with http.post(f"{url}login", data=form, allow_redirects=False) as resp:
                assert resp.status == 303
                sandbox_url = line.split("sandbox at ", 1)[1].rstrip(")")
                assert resp.headers["Location"].startswith(f"{sandbox_url}/authenticate/")
    finally:
        server.cancel()
        with pytest.raises(asyncio.CancelledError):
            await server
