"""Connections are handed out first come, first served, and waiting for one is no attempt.

Issue 13, defect 1: with every connection busy and more tasks waiting, aiohttp gave a freed
connection to whichever task asked next, and the wait counted against the attempt's
timeout, so tasks timed out with no server fault. Real loopback servers, bounded in time.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from tests.conftest import API_KEY, READ_TOKEN
from tmdb_async import (
    ClientClosedError,
    Movie,
    PoolTimeoutError,
    RetryPolicy,
    Session,
    TMDBClient,
    TMDBError,
    TMDBTimeoutError,
    TMDBUsageError,
)

BOUND = 10.0  # seconds: no test here may hang CI


class SlowTMDB:
    """A loopback TMDB answering ``GET /3/movie/{id}`` and a POST after ``delay`` seconds."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self.requests: list[str] = []
        self.in_flight = 0
        self.most_in_flight = 0
        self.release = asyncio.Event()
        self.arrived = asyncio.Event()
        self.hold = False
        app = web.Application()
        app.router.add_get("/3/movie/{id}", self.movie)
        app.router.add_post("/3/authentication/session/new", self.session)
        self.server = TestServer(app, host="127.0.0.1")

    async def _serve(self, request: web.Request) -> None:
        self.requests.append(f"{request.method} {request.path_qs}")
        self.arrived.set()
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            if self.hold:
                await self.release.wait()
            else:
                await asyncio.sleep(self.delay)
        finally:
            self.in_flight -= 1

    async def movie(self, request: web.Request) -> web.Response:
        await self._serve(request)
        return web.json_response({"id": int(request.match_info["id"]), "title": "Star Wars"})

    async def session(self, request: web.Request) -> web.Response:
        await self._serve(request)
        return web.json_response({"success": True, "session_id": "s" * 40})

    @property
    def base_url(self) -> str:
        return str(self.server.make_url("")).rstrip("/")


@pytest.fixture
async def slow() -> AsyncIterator[SlowTMDB]:
    server = SlowTMDB(delay=0.15)
    await server.server.start_server()
    yield server
    server.release.set()
    await server.server.close()


async def test_300_calls_on_20_connections_all_succeed_with_300_requests(slow: SlowTMDB) -> None:
    # 300 calls, 20 connections, 0.15 s per answer: the last calls wait ~2.1 s for a
    # connection, twice the 1 s attempt timeout. Without retries every call must succeed,
    # each with exactly one request on the wire.
    async with TMDBClient(
        access_token=READ_TOKEN,
        base_url=slow.base_url,
        timeout=1.0,
        retry=None,
        rate_limit=None,
    ) as tmdb:
        started = time.monotonic()
        results = await asyncio.wait_for(
            asyncio.gather(
                *(tmdb.movies.details(i) for i in range(1, 301)), return_exceptions=True
            ),
            BOUND,
        )
        elapsed = time.monotonic() - started
    failures = [r for r in results if not isinstance(r, Movie)]
    assert failures == []
    assert [m.id for m in results if isinstance(m, Movie)] == list(range(1, 301))
    assert len(slow.requests) == 300
    assert sorted(slow.requests) == sorted(f"GET /3/movie/{i}" for i in range(1, 301))
    assert slow.most_in_flight == 20
    assert elapsed >= 300 / 20 * 0.15  # the calls really queued for the pool


async def test_connections_are_handed_out_first_come_first_served(slow: SlowTMDB) -> None:
    slow.delay = 0.02
    async with TMDBClient(
        access_token=READ_TOKEN,
        base_url=slow.base_url,
        max_connections=1,
        retry=None,
        rate_limit=None,
    ) as tmdb:
        tasks = []
        for i in range(1, 16):
            tasks.append(asyncio.ensure_future(tmdb.movies.details(i)))
            await asyncio.sleep(0)  # task i asks for the pool before task i + 1
        await asyncio.wait_for(asyncio.gather(*tasks), BOUND)
    assert slow.requests == [f"GET /3/movie/{i}" for i in range(1, 16)]


async def test_a_newcomer_does_not_overtake_the_queue(slow: SlowTMDB) -> None:
    # While calls queue for the only connection, one arriving just as it is freed must go
    # to the back, not take the connection from the next in line.
    slow.delay = 0.05
    async with TMDBClient(
        access_token=READ_TOKEN,
        base_url=slow.base_url,
        max_connections=1,
        retry=None,
        rate_limit=None,
    ) as tmdb:
        first = asyncio.ensure_future(tmdb.movies.details(1))
        await asyncio.sleep(0)
        queued = [asyncio.ensure_future(tmdb.movies.details(i)) for i in (2, 3)]
        await asyncio.sleep(0)
        await first  # the connection is free for an instant: 2 is next in line
        late = asyncio.ensure_future(tmdb.movies.details(4))
        await asyncio.wait_for(asyncio.gather(*queued, late), BOUND)
    assert slow.requests == [f"GET /3/movie/{i}" for i in (1, 2, 3, 4)]


async def test_waiting_for_the_pool_past_pool_timeout_is_a_typed_error(slow: SlowTMDB) -> None:
    slow.hold = True
    async with TMDBClient(
        access_token=READ_TOKEN,
        base_url=slow.base_url,
        max_connections=1,
        pool_timeout=0.1,
        retry=None,
        rate_limit=None,
    ) as tmdb:
        busy = asyncio.ensure_future(tmdb.movies.details(1))
        await asyncio.wait_for(slow.arrived.wait(), BOUND)
        with pytest.raises(PoolTimeoutError) as info:
            await asyncio.wait_for(tmdb.movies.details(2), BOUND)
        slow.release.set()
        assert (await asyncio.wait_for(busy, BOUND)).id == 1
        # The pool is whole again afterwards.
        assert (await asyncio.wait_for(tmdb.movies.details(3), BOUND)).id == 3
    err = info.value
    assert isinstance(err, TMDBTimeoutError)
    assert err.request_sent is False
    assert (err.method, err.url) == ("GET", f"{slow.base_url}/3/movie/2")
    assert "pool" in str(err)
    assert "not sent" in str(err)
    assert slow.requests == ["GET /3/movie/1", "GET /3/movie/3"]


async def test_a_post_that_never_left_the_pool_is_retried(slow: SlowTMDB) -> None:
    # create_session is never repeated once it may have reached TMDB; a pool timeout
    # proves it did not, so the policy retries it like a refused connection.
    slow.hold = True
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)
        slow.release.set()  # the connection frees up during the backoff
        await asyncio.sleep(0.01)

    async with TMDBClient(
        access_token=READ_TOKEN,
        base_url=slow.base_url,
        max_connections=1,
        pool_timeout=0.1,
        retry=RetryPolicy(jitter=False),
        rate_limit=None,
        sleep=sleep,
    ) as tmdb:
        busy = asyncio.ensure_future(tmdb.movies.details(1))
        await asyncio.wait_for(slow.arrived.wait(), BOUND)
        session = await asyncio.wait_for(tmdb.auth.create_session("t" * 40), BOUND)
        await asyncio.wait_for(busy, BOUND)
    assert session == Session(session_id="s" * 40)
    assert waits == [0.5]
    assert slow.requests == ["GET /3/movie/1", "POST /3/authentication/session/new"]


async def test_a_cancelled_waiter_gives_its_turn_away(slow: SlowTMDB) -> None:
    slow.delay = 0.05
    async with TMDBClient(
        access_token=READ_TOKEN,
        base_url=slow.base_url,
        max_connections=1,
        retry=None,
        rate_limit=None,
    ) as tmdb:
        first = asyncio.ensure_future(tmdb.movies.details(1))
        await asyncio.sleep(0)
        doomed = asyncio.ensure_future(tmdb.movies.details(2))
        after = asyncio.ensure_future(tmdb.movies.details(3))
        await asyncio.sleep(0)
        doomed.cancel()
        await asyncio.wait_for(asyncio.gather(first, after), BOUND)
        with pytest.raises(asyncio.CancelledError):
            await doomed
        # Every slot came back: 5 calls at once on the single connection still all pass.
        done = await asyncio.wait_for(
            asyncio.gather(*(tmdb.movies.details(i) for i in range(4, 9))), BOUND
        )
    assert [m.id for m in done] == [4, 5, 6, 7, 8]
    assert slow.requests == [f"GET /3/movie/{i}" for i in (1, 3, 4, 5, 6, 7, 8)]


@pytest.mark.parametrize("bad", [0, -1.0, "5", True, float("nan")])
def test_pool_timeout_must_be_a_positive_number_or_none(bad: object) -> None:
    with pytest.raises(TMDBUsageError, match="pool_timeout"):
        TMDBClient(access_token=READ_TOKEN, pool_timeout=bad)  # type: ignore[arg-type]
    assert TMDBClient(access_token=READ_TOKEN, pool_timeout=None).closed is False


async def test_a_pool_timeout_shows_no_secret(slow: SlowTMDB) -> None:
    slow.hold = True
    session_id = "f" * 40
    async with TMDBClient(
        api_key=API_KEY,
        base_url=slow.base_url,
        max_connections=1,
        pool_timeout=0.05,
        retry=None,
        rate_limit=None,
    ) as tmdb:
        busy = asyncio.ensure_future(tmdb.movies.details(1))
        await asyncio.wait_for(slow.arrived.wait(), BOUND)
        with pytest.raises(PoolTimeoutError) as info:
            await asyncio.wait_for(
                tmdb.request_json("GET", "/3/account/548", params={"session_id": session_id}),
                BOUND,
            )
        slow.release.set()
        await asyncio.wait_for(busy, BOUND)
    err = info.value
    for shown in (str(err), repr(err), err.url):
        assert API_KEY not in shown
        assert session_id not in shown
    assert err.url == f"{slow.base_url}/3/account/548?api_key=***&session_id=***"


async def test_closing_the_client_fails_the_queued_calls_at_once(slow: SlowTMDB) -> None:
    slow.hold = True
    tmdb = TMDBClient(
        access_token=READ_TOKEN,
        base_url=slow.base_url,
        max_connections=1,
        pool_timeout=None,
        retry=None,
        rate_limit=None,
    )
    busy = asyncio.ensure_future(tmdb.movies.details(1))
    await asyncio.wait_for(slow.arrived.wait(), BOUND)
    queued = [asyncio.ensure_future(tmdb.movies.details(i)) for i in (2, 3)]
    await asyncio.sleep(0)
    await asyncio.wait_for(tmdb.close(), BOUND)
    for task in queued:
        with pytest.raises(ClientClosedError):
            await asyncio.wait_for(task, BOUND)
    with pytest.raises(TMDBError):
        await asyncio.wait_for(busy, BOUND)
    assert slow.requests == ["GET /3/movie/1"]
