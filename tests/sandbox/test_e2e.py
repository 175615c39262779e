"""The client's auth and account flows end to end against the sandbox (real HTTP on loopback).

The loopback-TMDB tests pin each request's wire shape; these run the same flows against a
stateful TMDB: tokens expire on the sandbox's :class:`ManualClock`, approvals go through
the real approval page, a 429 is retried after the client's (fake) sleep moves that clock,
and injected faults come back as the documented typed errors.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import io
import re
import struct
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from yarl import URL

from tmdb_async import (
    Account,
    InvalidAPIKeyError,
    InvalidRequestTokenError,
    RateLimitError,
    ResponseValidationError,
    RetryPolicy,
    ServerError,
    SessionDeniedError,
    TMDBClient,
    TMDBConnectionError,
    TMDBTimeoutError,
)
from tmdb_async.cli import build_parser
from tmdb_async.cli import sandbox as sandbox_cli
from tmdb_async.errors import AuthenticationFailedError, InvalidLoginError, ServiceOfflineError
from tmdb_async.resources.user.lists import LIST_DELETED
from tmdb_async.testing import (
    DEFAULT_ACCESS_TOKEN,
    DEFAULT_API_KEY,
    Failure,
    Fault,
    ManualClock,
    Sandbox,
    SandboxRateLimit,
    SandboxUser,
)

START = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.timezone.utc)


class ClockSleep:
    """The client's sleep: records each wait and moves the sandbox clock instead."""

    def __init__(self, clock: ManualClock) -> None:
        self.clock = clock
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.clock.advance(seconds=seconds)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
async def sb(clock: ManualClock) -> AsyncIterator[Sandbox]:
    async with Sandbox(clock=clock, movie_count=600) as sandbox:
        yield sandbox


@pytest.fixture
async def tmdb(sb: Sandbox, clock: ManualClock) -> AsyncIterator[TMDBClient]:
    async with sb.client(sleep=ClockSleep(clock), retry=RetryPolicy(jitter=False)) as client:
        yield client


def _bearer(sb: Sandbox) -> dict[str, str]:
    return {"Authorization": f"Bearer {sb.access_token}"}


# --------------------------------------------------------------------------- v3 login


async def test_v3_flow_through_the_approval_page(sb: Sandbox, tmdb: TMDBClient) -> None:
    token = await tmdb.auth.create_request_token()
    assert re.fullmatch("[0-9a-f]{40}", token.request_token)
    assert token.expires_at == START + dt.timedelta(minutes=60)
    url = tmdb.auth.approval_url(token, redirect_to="https://app.example/cb?state=s1")
    assert url.startswith(f"{sb.website_url}/authenticate/{token.request_token}?redirect_to=")

    async with aiohttp.ClientSession() as browser:
        async with browser.get(url) as page:
            html = await page.text()
            assert page.status == 200
        assert "value='approve'" in html
        assert "value='deny'" in html
        assert "value='https://app.example/cb?state=s1'" in html  # redirect_to kept in the form
        form = {
            "decision": "approve",
            "username": "johnny_appleseed",
            "redirect_to": "https://app.example/cb?state=s1",
        }
        async with browser.post(
            f"{sb.website_url}/authenticate/{token.request_token}",
            data=form,
            allow_redirects=False,
        ) as answer:
            assert answer.status == 302
            location = URL(answer.headers["Location"])
    assert location.with_query(None) == URL("https://app.example/cb")
    assert dict(location.query) == {
        "state": "s1",
        "request_token": token.request_token,
        "approved": "true",
    }

    session = await tmdb.auth.create_session(token)
    assert re.fullmatch("[0-9a-f]{40}", session.session_id)
    account = await tmdb.for_user(session).account.details()
    assert account == Account(
        id=6089455,
        username="johnny_appleseed",
        name="Johnny Appleseed",
        include_adult=False,
        iso_639_1="en",
        iso_3166_1="BE",
        avatar=account.avatar,
    )
    assert account.avatar.tmdb.avatar_path is None

    (new_session,) = sb.requests_to("/3/authentication/session/new")
    assert new_session.method == "POST"
    assert new_session.json == {"request_token": token.request_token}
    assert new_session.headers["Authorization"] == f"Bearer {DEFAULT_ACCESS_TOKEN}"
    assert "api_key" not in new_session.query
    (details,) = sb.requests_to("/3/account")
    assert details.query == {"session_id": session.session_id}
    # The token is single use.
    with pytest.raises(InvalidRequestTokenError) as exc:
        await tmdb.auth.create_session(token)
    assert (exc.value.http_status, exc.value.tmdb_code) == (401, 33)


async def test_deny_then_session_is_denied(sb: Sandbox, tmdb: TMDBClient) -> None:
    token = await tmdb.auth.create_request_token()
    with pytest.raises(SessionDeniedError) as exc:
        await tmdb.auth.create_session(token)  # not approved yet
    assert (exc.value.http_status, exc.value.tmdb_code) == (401, 17)
    async with (
        aiohttp.ClientSession() as browser,
        browser.post(
            f"{sb.website_url}/authenticate/{token.request_token}",
            data={"decision": "deny", "redirect_to": "myapp://auth"},
            allow_redirects=False,
        ) as answer,
    ):
        assert answer.status == 302
        assert answer.headers["Location"] == (
            f"myapp://auth?request_token={token.request_token}&denied=true"
        )
    with pytest.raises(SessionDeniedError):
        await tmdb.auth.create_session(token)
    assert [r.status for r in sb.requests_to("/3/authentication/session/new")] == [401, 401]
    assert len(sb.requests_to("/3/authentication/session/new")) == 2  # POST never retried


async def test_programmatic_deny_and_unknown_user(sb: Sandbox, tmdb: TMDBClient) -> None:
    token = await tmdb.auth.create_request_token()
    sb.deny(token)
    with pytest.raises(SessionDeniedError):
        await tmdb.auth.create_session(token)
    with pytest.raises(LookupError, match="no sandbox user named 'nobody'"):
        sb.approve(token, "nobody")


async def test_expired_token_via_the_clock(
    sb: Sandbox, tmdb: TMDBClient, clock: ManualClock
) -> None:
    token = await tmdb.auth.create_request_token()
    sb.approve(token)
    clock.advance(minutes=60)
    assert token.is_expired(clock())
    with pytest.raises(InvalidRequestTokenError) as exc:
        await tmdb.auth.create_session(token)
    assert exc.value.tmdb_code == 33
    with pytest.raises(Failure) as failure:
        sb.approve(token)
    assert failure.value.code == 33
    # The approval page says so too.
    async with (
        aiohttp.ClientSession() as browser,
        browser.get(tmdb.auth.approval_url(token)) as page,
    ):
        assert page.status == 404
        assert "expired" in await page.text()


async def test_token_59_minutes_old_still_works(
    sb: Sandbox, tmdb: TMDBClient, clock: ManualClock
) -> None:
    token = await tmdb.auth.create_request_token()
    clock.advance(minutes=59, seconds=59)
    sb.approve(token)
    session = await tmdb.auth.create_session(token)
    assert (await tmdb.for_user(session).account.details()).username == "travisbell"


async def test_bad_credentials_are_invalid_api_key(sb: Sandbox) -> None:
    wrong_key = "f" * 32
    async with sb.client(api_key=wrong_key, retry=None) as tmdb:
        assert await tmdb.auth.validate_key() is False
        with pytest.raises(InvalidAPIKeyError) as exc:
            await tmdb.movies.details(11)
    assert (exc.value.http_status, exc.value.tmdb_code) == (401, 7)
    assert wrong_key not in str(exc.value)
    assert sb.requests[-1].query["api_key"] == wrong_key
    async with sb.client(api_key=DEFAULT_API_KEY) as tmdb:
        assert await tmdb.auth.validate_key() is True
        assert (await tmdb.movies.details(11)).title == "Star Wars"
    async with sb.client(access_token=DEFAULT_ACCESS_TOKEN[:-4] + "AAAA", retry=None) as tmdb:
        with pytest.raises(InvalidAPIKeyError):
            await tmdb.movies.details(11)


async def test_login_with_seeded_user_and_logout(sb: Sandbox, tmdb: TMDBClient) -> None:
    with pytest.raises(InvalidLoginError) as exc:
        await tmdb.auth.login("travisbell", "wrong-password")
    assert exc.value.tmdb_code == 30
    assert "wrong-password" not in str(exc.value)
    session = await tmdb.auth.login("travisbell", "sandbox-password")
    (login,) = [r for r in sb.requests_to("*/validate_with_login") if r.status == 200]
    assert login.method == "POST"
    assert login.json["username"] == "travisbell"
    assert login.json["password"] == "sandbox-password"
    assert "password" not in login.query
    assert (await tmdb.for_user(session).account.details()).id == 548

    await tmdb.auth.delete_session(session)
    (logout,) = sb.requests_to("/3/authentication/session", "DELETE")
    assert (logout.json, logout.status) == ({"session_id": session.session_id}, 200)
    with pytest.raises(AuthenticationFailedError) as gone:
        await tmdb.for_user(session).account.details()
    assert (gone.value.http_status, gone.value.tmdb_code) == (401, 3)


async def test_legacy_get_login_form(sb: Sandbox, tmdb: TMDBClient) -> None:
    token = await tmdb.auth.create_request_token()
    async with (
        aiohttp.ClientSession() as http,
        http.get(
            f"{sb.base_url}/3/authentication/token/validate_with_login",
            params={"username": "x", "password": "y", "request_token": token.request_token},
            headers=_bearer(sb),
        ) as resp,
    ):
        assert resp.status == 401
        assert await resp.json() == {
            "success": False,
            "status_code": 30,
            "status_message": "Invalid username and/or password: You did not provide a "
            "valid login.",
        }


# --------------------------------------------------------------------------- guests, accounts


async def test_guest_session_rates_and_lists(
    sb: Sandbox, tmdb: TMDBClient, clock: ManualClock
) -> None:
    guest = await tmdb.auth.create_guest_session()
    assert re.fullmatch("[0-9a-f]{32}", guest.guest_session_id)
    assert guest.expires_at == START + dt.timedelta(hours=24)
    view = tmdb.for_user(guest)
    first = await view.ratings.rate_movie(11, 8.5)
    again = await view.ratings.rate_movie(11, 9.0)
    assert (first.status_code, again.status_code) == (1, 12)
    await view.ratings.rate_episode(1399, 1, 2, 7.5)
    rated = await view.ratings.movies()
    assert [(m.id, m.rating) for m in rated.results] == [(11, 9.0)]
    assert [
        (e.show_id, e.episode_number, e.rating) for e in (await view.ratings.episodes()).results
    ] == [(1399, 2, 7.5)]
    states = await view.ratings.movie_states(11)
    assert (states.rated, states.favorite, states.watchlist) == (9.0, False, False)
    posts = sb.requests_to("/3/movie/11/rating", "POST")
    assert [(r.query, r.json, r.status) for r in posts] == [
        ({"guest_session_id": guest.guest_session_id}, {"value": 8.5}, 201),
        ({"guest_session_id": guest.guest_session_id}, {"value": 9.0}, 201),
    ]
    # The guest's ratings are its own: a user sees none.
    user = tmdb.for_user(sb.login())
    assert (await user.ratings.movies()).results == []
    clock.advance(hours=24)
    with pytest.raises(AuthenticationFailedError):
        await view.ratings.rate_movie(12, 5.0)


async def test_account_actions_are_kept_per_account(sb: Sandbox, tmdb: TMDBClient) -> None:
    travis = tmdb.for_user(sb.login("travisbell"))
    johnny = tmdb.for_user(sb.login("johnny_appleseed"))
    added = await travis.favorites.add("movie", 550)
    again = await travis.favorites.add("movie", 550)
    assert (added.status_code, again.status_code) == (1, 12)
    await travis.favorites.add("movie", 11)
    await travis.watchlist.add("tv", 1399)
    await travis.ratings.rate_tv(1399, 10)
    assert [m.id for m in (await travis.favorites.movies()).results] == [550, 11]
    assert [m.id for m in (await travis.favorites.movies(sort_by="created_at.desc")).results] == [
        11,
        550,
    ]
    assert [t.id for t in (await travis.watchlist.tv()).results] == [1399]
    assert (await travis.ratings.tv_states(1399)).watchlist is True
    assert (await johnny.favorites.movies()).results == []
    removed = await travis.favorites.remove("movie", 550)
    assert removed.status_code == 13
    assert [m.id for m in (await travis.favorites.movies()).results] == [11]
    (write,) = [r for r in sb.requests_to("/3/account/548/favorite") if r.json["media_id"] == 11]
    assert write.json == {"media_type": "movie", "media_id": 11, "favorite": True}
    assert write.query["session_id"]


async def test_lists_round_trip(sb: Sandbox, tmdb: TMDBClient) -> None:
    user = tmdb.for_user(sb.login())
    created = await user.lists.create("Weekend", description="short ones")
    list_id = created.list_id
    assert created.status_code == 1
    await user.lists.add(list_id, 18)
    assert (await user.lists.item_status(list_id, 18)).item_present is True
    lists = await user.lists.mine()
    assert [(x.id, x.name, x.item_count) for x in lists.results] == [(list_id, "Weekend", 1)]
    await user.lists.clear(list_id, confirm=True)
    assert (await user.lists.item_status(list_id, 18)).item_present is False
    # The sandbox answers as TMDB does (500, code 11, list gone): the SDK reports success.
    assert await user.lists.delete(list_id) == LIST_DELETED
    # The 500 is retried; the repeat finds the list gone (404, code 34): deleted.
    assert len(sb.requests_to(f"/3/list/{list_id}", method="DELETE")) == 2
    assert (await user.lists.mine()).results == []


async def test_v4_flow_and_session_convert(sb: Sandbox, tmdb: TMDBClient) -> None:
    token = await tmdb.auth.create_v4_request_token(redirect_to="https://app.example/v4")
    url = tmdb.auth.v4_approval_url(token)
    assert url == f"{sb.website_url}/auth/access?request_token={token.request_token}"
    async with aiohttp.ClientSession() as browser:
        async with browser.get(url) as page:
            assert page.status == 200
            assert "value='approve'" in await page.text()
        async with browser.post(
            url, data={"decision": "approve", "username": "travisbell"}, allow_redirects=False
        ) as answer:
            location = URL(answer.headers["Location"])
    assert location.with_query(None) == URL("https://app.example/v4")
    assert location.query["approved"] == "true"
    access = await tmdb.auth.create_v4_access_token(token)
    assert access.account_id == "4bc8892a017a3c0f92000002"
    view = tmdb.for_user(access)
    assert (await view.account.details()).username == "travisbell"
    # The view's requests carry the user's token, which the sandbox accepts as Bearer.
    assert sb.requests_to("/3/account")[-1].headers["Authorization"] == (
        f"Bearer {access.access_token}"
    )
    await view.logout()
    (revoke,) = sb.requests_to("/4/auth/access_token", "DELETE")
    assert revoke.json == {"access_token": access.access_token}


# --------------------------------------------------------------------------- rate limit


@pytest.mark.parametrize(
    ("retry_after", "waits", "statuses"),
    [
        (0, [1.0], [429, 200]),  # Retry-After: 0 means "a little": the client waits 1 s
        (2, [2.0], [429, 200]),
        # No header: backoff 0.5 s is still inside the one-second window, then 1 s.
        (None, [0.5, 1.0], [429, 429, 200]),
    ],
)
async def test_429_is_retried_after_the_wait(
    clock: ManualClock, retry_after: int | None, waits: list[float], statuses: list[int]
) -> None:
    limit = SandboxRateLimit(requests_per_second=2, retry_after=retry_after)
    sleep = ClockSleep(clock)
    async with (
        Sandbox(clock=clock, rate_limit=limit) as sb,
        sb.client(sleep=sleep, retry=RetryPolicy(jitter=False)) as tmdb,
    ):
        for movie_id in (1, 2, 3):
            assert (await tmdb.movies.details(movie_id)).id == movie_id
        third = sb.requests_to("/3/movie/3")
        assert [r.status for r in third] == statuses
        assert [r.at for r in third][-1] == START + dt.timedelta(seconds=sum(waits))
    assert sleep.waits == waits


async def test_429_body_and_header_when_retries_are_off(clock: ManualClock) -> None:
    limit = SandboxRateLimit(requests_per_second=1, retry_after=3)
    async with (
        Sandbox(clock=clock, rate_limit=limit) as sb,
        sb.client(retry=None) as tmdb,
    ):
        await tmdb.movies.details(1)
        with pytest.raises(RateLimitError) as exc:
            await tmdb.movies.details(2)
    assert (exc.value.http_status, exc.value.tmdb_code, exc.value.retry_after) == (429, 25, 3.0)
    assert exc.value.tmdb_message == "Your request count (2) is over the allowed limit of (1)."


async def test_concurrent_connections_limit(clock: ManualClock) -> None:
    limit = SandboxRateLimit(requests_per_second=100, max_connections=1, retry_after=None)
    async with (
        Sandbox(clock=clock, rate_limit=limit) as sb,
        sb.client(retry=None) as tmdb,
    ):
        sb.add_fault(Fault(kind="hang", path="/3/movie/1", hang_seconds=30))
        held = asyncio.create_task(tmdb.movies.details(1))
        await sb.wait_until_hung(1)
        with pytest.raises(RateLimitError) as exc:
            await tmdb.movies.details(2)
        assert "simultaneous connections" in (exc.value.tmdb_message or "")
        sb.release_hung()
        assert (await held).id == 1
        assert sb.hung == 0
        assert (await tmdb.movies.details(2)).id == 2


async def test_a_client_that_gives_up_frees_its_slot(clock: ManualClock) -> None:
    limit = SandboxRateLimit(requests_per_second=100, max_connections=1)
    async with (
        Sandbox(clock=clock, rate_limit=limit) as sb,
        sb.client(retry=None, timeout=0.05) as tmdb,
    ):
        sb.add_fault(Fault(kind="hang", path="/3/movie/1", hang_seconds=30))
        with pytest.raises(TMDBTimeoutError):
            await tmdb.movies.details(1)
        await sb.wait_until_hung(0)  # the client hung up: its request stops counting
        assert (await tmdb.movies.details(2)).id == 2
    assert [(r.path, r.status) for r in sb.requests] == [("/3/movie/1", 0), ("/3/movie/2", 200)]


# --------------------------------------------------------------------------- faults


@pytest.mark.parametrize(
    ("fault", "error", "code"),
    [
        (Fault(kind="error", status=503), ServiceOfflineError, 9),
        (Fault(kind="error", status=500), ServerError, 11),
        (Fault(kind="error", status=504, code=24), ServerError, 24),
    ],
)
async def test_error_faults_are_typed(
    sb: Sandbox, fault: Fault, error: type[ServerError], code: int
) -> None:
    sb.add_fault(fault)
    async with sb.client(retry=None) as tmdb:
        with pytest.raises(error) as exc:
            await tmdb.movies.details(11)
    assert (exc.value.http_status, exc.value.tmdb_code) == (fault.status, code)
    assert [(r.status, r.fault) for r in sb.requests] == [(fault.status, "error")]


@pytest.mark.parametrize(
    ("kind", "error"),
    [
        ("reset", TMDBConnectionError),
        ("truncate", TMDBConnectionError),
        ("garbage", ResponseValidationError),
    ],
)
async def test_broken_transport_faults_are_typed(
    sb: Sandbox, kind: Any, error: type[Exception]
) -> None:
    sb.add_fault(Fault(kind=kind, path="/3/movie/*"))
    async with sb.client(retry=None) as tmdb:
        with pytest.raises(error):
            await tmdb.movies.details(11)
        assert await tmdb.auth.validate_key() is True  # other paths are untouched
    assert sb.requests[0].fault == kind


async def test_hang_fault_is_a_timeout(sb: Sandbox) -> None:
    sb.add_fault(Fault(kind="hang", hang_seconds=30))
    async with sb.client(retry=None, timeout=0.05) as tmdb:
        with pytest.raises(TMDBTimeoutError):
            await tmdb.movies.details(11)


async def test_transient_fault_is_retried(sb: Sandbox, clock: ManualClock) -> None:
    sb.add_fault(Fault(kind="error", status=502, times=1))
    sleep = ClockSleep(clock)
    async with sb.client(sleep=sleep, retry=RetryPolicy(jitter=False)) as tmdb:
        assert (await tmdb.movies.details(7)).id == 7
    assert [(r.status, r.fault) for r in sb.requests] == [(502, "error"), (200, None)]
    assert sleep.waits == [0.5]


async def test_fault_fraction_is_deterministic_for_a_seed(clock: ManualClock) -> None:
    async def failing(seed: int) -> list[int]:
        fault = Fault(kind="error", status=500, probability=0.3)
        async with Sandbox(clock=clock, seed=seed, faults=[fault]) as sb:
            async with sb.client(retry=None) as tmdb:
                for movie_id in range(1, 41):
                    with contextlib.suppress(ServerError):
                        await tmdb.movies.details(movie_id)
            return [int(r.path.rsplit("/", 1)[1]) for r in sb.requests if r.fault]

    first, second, other = await failing(7), await failing(7), await failing(8)
    assert first == second
    assert first != other
    assert 4 <= len(first) <= 20


# --------------------------------------------------------------------------- catalogue, images


async def test_configuration_points_images_at_the_sandbox(sb: Sandbox, tmdb: TMDBClient) -> None:
    movie = await tmdb.movies.details(42)
    async with aiohttp.ClientSession() as http:
        async with http.get(f"{sb.base_url}/3/configuration", headers=_bearer(sb)) as resp:
            config = await resp.json()
        assert config["images"]["secure_base_url"] == f"{sb.base_url}/t/p/"
        poster = f"{config['images']['secure_base_url']}w92{movie.poster_path}"
        async with http.get(poster) as image:
            data = await image.read()
            assert image.content_type == "image/png"
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (92, 138)


async def test_batch_ids_exist_and_are_deterministic(clock: ManualClock) -> None:
    async with (
        Sandbox(clock=clock) as one,
        Sandbox(clock=clock) as two,
        one.client() as a,
        two.client() as b,
    ):
        first = await asyncio.gather(*(a.movies.details(i) for i in range(4990, 5001)))
        again = await asyncio.gather(*(b.movies.details(i) for i in range(4990, 5001)))
    assert [m.id for m in first] == list(range(4990, 5001))
    assert first == again


# --------------------------------------------------------------------------- secrets


async def test_no_secret_in_reprs(sb: Sandbox, tmdb: TMDBClient) -> None:
    session = await tmdb.auth.login("travisbell", "sandbox-password")
    secrets = [sb.api_key, sb.access_token, session.session_id, "sandbox-password"]
    shown = " ".join(
        [repr(sb), repr(sb.requests), repr(sb.user()), str(sb.user()), repr(SandboxUser)]
    )
    for secret in secrets:
        assert secret not in shown
    assert "'***'" in repr(sb.requests[-1])


# --------------------------------------------------------------------------- CLI


class _Lines(io.StringIO):
    """Captures output and tells when something was printed."""

    def __init__(self) -> None:
        super().__init__()
        self.printed = asyncio.Event()

    def write(self, text: str) -> int:
        self.printed.set()
        return super().write(text)


async def test_cli_sandbox_serves_until_stopped() -> None:
    args = build_parser().parse_args(
        [
            "sandbox",
            "--port",
            "0",
            "--api-key",
            "1" * 32,
            "--rate-limit",
            "5",
            "--retry-after",
            "-1",
        ]
    )
    assert args.func is sandbox_cli.run
    stop, out = asyncio.Event(), _Lines()
    task = asyncio.create_task(sandbox_cli.run(args, stop=stop, out=out))
    await out.printed.wait()
    text = out.getvalue()
    base = re.search(r"on (http://127\.0\.0\.1:\d+)", text)
    assert base is not None
    assert f"api_key:      {'1' * 32}" in text
    assert f"access_token: {DEFAULT_ACCESS_TOKEN}" in text
    assert "travisbell / sandbox-password (account 548)" in text
    assert "rate limit: 5/s, 20 in flight" in text
    async with TMDBClient(api_key="1" * 32, base_url=base.group(1), rate_limit=None) as tmdb:
        assert await tmdb.auth.validate_key() is True
    stop.set()
    assert await task == 0


def test_cli_sandbox_options_reach_the_sandbox() -> None:
    args = build_parser().parse_args(
        ["sandbox", "--movies", "9", "--fault-rate", "0.5", "--fault-kind", "reset"]
    )
    sb = sandbox_cli._sandbox(args)
    assert sb.catalogue.movie_count == 9
    assert sb.rate_limit is None
    assert sb._faults == [Fault(kind="reset", probability=0.5)]
    assert isinstance(args, argparse.Namespace)


# --------------------------------------------------------------------------- configuration


def test_bad_configuration_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        ManualClock(dt.datetime(2026, 1, 1))
    with pytest.raises(ValueError, match="forward"):
        ManualClock(START).advance(seconds=-1)
    with pytest.raises(ValueError, match="movie_count must be a positive int"):
        Sandbox(movie_count=0)
    user = SandboxUser(username="a", password="p", id=1)
    with pytest.raises(ValueError, match="duplicate sandbox user"):
        Sandbox(users=[user, SandboxUser(username="a", password="q", id=2)])
    with pytest.raises(ValueError, match="probability"):
        Fault(kind="error", probability=1.5)
    with pytest.raises(ValueError, match="kind"):
        Fault(kind="explode")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="hang_seconds"):
        Fault(kind="hang", hang_seconds=61)
    with pytest.raises(ValueError, match="requests_per_second"):
        SandboxRateLimit(requests_per_second=0)
    with pytest.raises(RuntimeError, match="not started"):
        _ = Sandbox().base_url


async def test_lifecycle_and_routes(clock: ManualClock) -> None:
    sb = Sandbox(clock=clock, port=0)
    assert repr(sb) == "<Sandbox not started>"
    await sb.start()
    try:
        with pytest.raises(RuntimeError, match="already running"):
            await sb.start()
        assert repr(sb) == f"<Sandbox {sb.base_url}>"
        assert await sb.serves("GET", "/3/movie/11")
        assert await sb.serves("DELETE", "/3/tv/1/season/2/episode/3/rating")
        assert await sb.serves("GET", "/3/movie/11/videos")
        assert not await sb.serves("GET", "/3/movie/11/no_such_thing")
        async with sb.client(rate_limit=5.0) as tmdb:
            assert tmdb.base_url == sb.base_url
            assert tmdb.website_url == sb.website_url
    finally:
        await sb.close()
        await sb.close()  # idempotent
