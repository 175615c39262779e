"""The example web app (examples/webapp) over HTTP against the sandbox: the sign-in round
trip's failure paths, cookies, CSRF, escaping, TMDB errors as message pages, and the one
command that runs it."""

from __future__ import annotations

import asyncio
import builtins
import logging
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import aiohttp
import pytest

from examples.webapp import app as webapp_module
from examples.webapp.app import COOKIE_NAME, client_from_env
from tests.webapp_helpers import RunningApp, running_app
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
    async with http.post(f"{app.url}/login", allow_redirects=False) as resp:
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
    async with browser.post(f"{webapp.url}/login", allow_redirects=False) as resp:
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


async def test_sign_out_when_tmdb_is_unreachable_still_signs_out_here(
    webapp: RunningApp, sandbox: Sandbox, browser: aiohttp.ClientSession
) -> None:
    await sign_in(browser, webapp, sandbox)
    sandbox.add_fault(Fault(kind="reset", path="/3/authentication/session", method="DELETE"))
    async with browser.post(f"{webapp.url}/logout", data={"csrf": csrf_of(webapp)}) as resp:
        assert resp.status == 502
        assert "<h2 id='message-title'>Signed out here</h2>" in await resp.text()
    assert cookie(browser) is None
    assert webapp.store.sessions() == []


async def test_public_url_sets_the_callback_and_secure_cookies(sandbox: Sandbox) -> None:
    async with (
        running_app(sandbox, public_url="https://movies.example") as running,
        aiohttp.ClientSession() as http,
        http.post(f"{running.url}/login", allow_redirects=False) as resp,
    ):
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
            async with http.post(f"{url}login", allow_redirects=False) as resp:
                assert resp.status == 303
                sandbox_url = line.split("sandbox at ", 1)[1].rstrip(")")
                assert resp.headers["Location"].startswith(f"{sandbox_url}/authenticate/")
    finally:
        server.cancel()
        with pytest.raises(asyncio.CancelledError):
            await server
