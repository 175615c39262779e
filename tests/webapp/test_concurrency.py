"""50 users sign in and favourite at once through the example web app (examples/webapp).

Each simulated user is an aiohttp client with its own cookie jar; approvals use the
sandbox's programmatic ``approve``. Checked: the app used one TMDBClient and one aiohttp
``ClientSession`` (whose 20-connection cap the sandbox enforces), no request of one user
ever carried another user's session id (from the sandbox's request log), and each user's
favourites are exactly what that user favourited.
"""

from __future__ import annotations

import asyncio
import functools
import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import aiohttp
import attrs
import pytest

import tmdb_async
from examples.webapp.app import LoginLimiter
from tests.webapp.helpers import login_csrf, running_app
from tmdb_async.testing import Sandbox, SandboxRateLimit, SandboxUser

USERS = 50
MOVIES_EACH = 3
DEADLINE_S = 60.0
POOL_CAP = 20  # TMDBClient's default max_connections

SEEDED = tuple(
    SandboxUser(
        username=f"user{i:02d}", password="sandbox", id=70_000 + i, name=f"Simulated User {i:02d}"
    )
    for i in range(USERS)
)

_CSRF = re.compile(r"name='csrf' value='([^']+)'")
_NAME = re.compile(r"<strong id='account-name'>([^<]*)</strong>")
_MOVIE = re.compile(r"data-movie-id='(\d+)'")


def movies_of(user: int) -> set[int]:
    """The movies simulated user ``user`` favourites: disjoint from everyone else's."""
    return {100 + user * MOVIES_EACH + k for k in range(MOVIES_EACH)}


def favourites_on_page(page: str) -> set[int]:
    """Movie ids in the page's favourites section."""
    section = page.split("<section id='favourites'>", 1)[1]
    return {int(m) for m in _MOVIE.findall(section)}


@attrs.define
class Outcome:
    """What one simulated user saw."""

    index: int
    name: str = ""
    favourites: set[int] = attrs.Factory(set)
    cookie: str = ""


async def simulate_user(
    index: int, http: aiohttp.ClientSession, app_url: str, sandbox: Sandbox, go: asyncio.Event
) -> Outcome:
    """Sign in through the app (approving at the sandbox), favourite, read the page back."""
    await go.wait()
    form = {"csrf": await login_csrf(http, app_url)}
    async with http.post(f"{app_url}/login", data=form, allow_redirects=False) as resp:
        assert resp.status == 303, resp.status
        approval = urlsplit(resp.headers["Location"])
    token = approval.path.rsplit("/", 1)[1]
    (redirect_to,) = parse_qs(approval.query)["redirect_to"]
    assert redirect_to == f"{app_url}/callback"
    sandbox.approve(token, f"user{index:02d}")  # what the user's click on Approve does

    callback = f"{redirect_to}?request_token={token}&approved=true"
    async with http.get(callback, allow_redirects=False) as resp:
        assert resp.status == 303, await resp.text()
        assert resp.headers["Location"] == "/"
    async with http.get(f"{app_url}/") as resp:
        page = await resp.text()
    (csrf,) = set(_CSRF.findall(page))

    async def favourite(movie_id: int) -> None:
        form = {"csrf": csrf, "movie_id": str(movie_id), "action": "add", "q": ""}
        async with http.post(f"{app_url}/favourite", data=form, allow_redirects=False) as r:
            assert r.status == 303, await r.text()

    await asyncio.gather(*(favourite(m) for m in sorted(movies_of(index))))
    async with http.get(f"{app_url}/") as resp:
        assert resp.status == 200
        page = await resp.text()
    (name,) = _NAME.findall(page)
    (cookie,) = [c.value for c in http.cookie_jar if c.key == "webapp_session"]
    return Outcome(index=index, name=name, favourites=favourites_on_page(page), cookie=cookie)


def _spy(monkeypatch: pytest.MonkeyPatch, cls: type[Any]) -> list[Any]:
    """Record every instance of ``cls`` created from now on."""
    created: list[Any] = []
    original = cls.__init__

    @functools.wraps(original)  # keeps the signature (Sandbox.client() inspects it)
    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        created.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(cls, "__init__", init)
    return created


async def test_fifty_users_at_once_share_one_pool_and_never_mix_sessions(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The sandbox refuses (429) a client with more than 20 requests in flight: one pool of
    # at most 20 connections never trips it; 50 users on separate pools would.
    limit = SandboxRateLimit(requests_per_second=100_000, max_connections=POOL_CAP)
    async with Sandbox(users=SEEDED, rate_limit=limit) as sandbox:
        jars = [aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) for _ in SEEDED]
        try:
            # From here on, every TMDBClient and aiohttp.ClientSession made is the app's.
            clients = _spy(monkeypatch, tmdb_async.TMDBClient)
            sessions = _spy(monkeypatch, aiohttp.ClientSession)
            # All 50 come from 127.0.0.1: let one address start that many sign-ins.
            limiter = LoginLimiter(burst=USERS)
            async with running_app(sandbox, login_limiter=limiter) as webapp:
                go = asyncio.Event()
                users = asyncio.gather(
                    *(simulate_user(i, jar, webapp.url, sandbox, go) for i, jar in enumerate(jars))
                )
                go.set()
                outcomes = await asyncio.wait_for(users, timeout=DEADLINE_S)
                assert clients == [webapp.tmdb]
                assert len(sessions) == 1
                assert sessions[0].connector is not None
                assert sessions[0].connector.limit == POOL_CAP
                assert webapp.store.sessions() != []
        finally:
            await asyncio.gather(*(jar.close() for jar in jars))

        # Every user saw their own account and exactly their own favourites.
        for outcome in outcomes:
            assert outcome.name == f"Simulated User {outcome.index:02d}"
            assert outcome.favourites == movies_of(outcome.index)
            account = sandbox.state.accounts[70_000 + outcome.index]
            assert account.favorite["movie"].keys() == movies_of(outcome.index)
        assert len({o.cookie for o in outcomes}) == USERS

        # At the sandbox: one TMDB session per user, and no request mixed them up.
        owner_of_session = dict(sandbox.state.sessions)
        assert sorted(owner_of_session.values()) == [u.id for u in SEEDED]
        assert not set(owner_of_session) & {o.cookie for o in outcomes}
        owner_of_movie = {m: u.id for i, u in enumerate(SEEDED) for m in movies_of(i)}
        checked = {"favorite": 0, "list": 0}
        for request in sandbox.requests:
            assert request.status not in (0, 429), request
            carried = [v for k, v in request.query.items() if k == "session_id"]
            if isinstance(request.json, dict) and "session_id" in request.json:
                carried.append(request.json["session_id"])
            if not carried:
                continue
            (session_id,) = carried
            account_id = owner_of_session[session_id]
            path = request.path.split("/")
            if path[2] == "account" and len(path) > 3:
                assert int(path[3]) == account_id, request
                checked["list"] += request.method == "GET"
            if request.method == "POST" and request.path.endswith("/favorite"):
                assert owner_of_movie[request.json["media_id"]] == account_id, request
                checked["favorite"] += 1
        assert checked["favorite"] == USERS * MOVIES_EACH
        assert checked["list"] >= USERS  # each user's page read their own lists
