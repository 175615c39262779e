"""The shared request budget: token bucket, FIFO fairness, cancellation, 429 cooldown.

The gate runs on :class:`ManualTime`, a clock that only moves when a test advances it, so
every timing below is exact and nothing sleeps for real.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import re

import pytest

from tests.conftest import READ_TOKEN, FakeSleep
from tests.loopback_tmdb import TMDBServer
from tmdb_async import RateLimit, RateLimitError, RetryPolicy, TMDBClient, TMDBUsageError
from tmdb_async._ratelimit import DEFAULT_RATE_LIMIT, RequestGate

MOVIE_URL = re.compile(r"/3/movie/\d+")


class ManualTime:
    """A clock and a sleep under the test's control: time moves only in :meth:`advance`."""

    def __init__(self) -> None:
        self.now = 0.0
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._order = itertools.count()
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        fut: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self.now + seconds, next(self._order), fut))
        await fut

    async def settle(self) -> None:
        for _ in range(20):
            await asyncio.sleep(0)

    async def advance(self, seconds: float) -> None:
        """Move time forward, waking each sleeper at its own moment."""
        target = self.now + seconds
        await self.settle()
        while self._sleepers and self._sleepers[0][0] <= target + 1e-12:
            when, _, fut = heapq.heappop(self._sleepers)
            self.now = max(self.now, when)
            if not fut.done():
                fut.set_result(None)
            await self.settle()
        self.now = target
        await self.settle()


def gate_on(time: ManualTime, limit: RateLimit | None) -> RequestGate:
    return RequestGate(limit, clock=time.clock, sleep=time.sleep)


async def passer(gate: RequestGate, name: str, log: list[tuple[str, float]], t: ManualTime) -> None:
    await gate.acquire()
    log.append((name, t.now))


# --------------------------------------------------------------------------- RateLimit


def test_rate_limit_defaults_are_inside_tmdb_limits() -> None:
    assert RateLimit(rate=40.0, burst=10) == DEFAULT_RATE_LIMIT
    assert RateLimit(5) == RateLimit(rate=5, burst=10)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"rate": 0}, "rate must be a positive number"),
        ({"rate": -1.0}, "rate must be a positive number"),
        ({"rate": float("inf")}, "must be finite"),
        ({"rate": True}, "RateLimit.rate must be a number, not bool"),
        ({"rate": 10, "burst": 0}, "RateLimit.burst must be 1 or more, got 0"),
        ({"rate": 10, "burst": 2.5}, "RateLimit.burst must be an int, not float"),
    ],
)
def test_bad_rate_limit_is_a_usage_error(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(TMDBUsageError, match=message):
        RateLimit(**kwargs)  # type: ignore[arg-type]


async def test_client_takes_a_rate_limit_a_number_or_none() -> None:
    async with TMDBClient(access_token=READ_TOKEN) as default:
        assert default._core.pool.gate.rate_limit == RateLimit(40.0, 10)
    async with TMDBClient(access_token=READ_TOKEN, rate_limit=25) as numeric:
        assert numeric._core.pool.gate.rate_limit == RateLimit(25.0, 10)
    async with TMDBClient(access_token=READ_TOKEN, rate_limit=RateLimit(5, burst=2)) as custom:
        assert custom._core.pool.gate.rate_limit == RateLimit(5.0, 2)
    async with TMDBClient(access_token=READ_TOKEN, rate_limit=None) as off:
        assert off._core.pool.gate.rate_limit is None
        assert off._core.pool.gate.busy is False  # the request path skips the gate
    with pytest.raises(TMDBUsageError, match="rate_limit must be"):
        TMDBClient(access_token=READ_TOKEN, rate_limit="fast")  # type: ignore[arg-type]
    with pytest.raises(TMDBUsageError, match="positive"):
        TMDBClient(access_token=READ_TOKEN, rate_limit=0)


# --------------------------------------------------------------------------- token bucket


async def test_burst_then_a_steady_rate() -> None:
    t = ManualTime()
    gate = gate_on(t, RateLimit(10, burst=3))
    log: list[tuple[str, float]] = []
    tasks = [asyncio.create_task(passer(gate, str(i), log, t)) for i in range(7)]
    await t.settle()
    assert log == [("0", 0.0), ("1", 0.0), ("2", 0.0)]  # the burst
    for _ in range(4):
        await t.advance(0.1)
    await asyncio.gather(*tasks)
    assert [name for name, _ in log] == [str(i) for i in range(7)]  # first come, first served
    assert [round(when, 6) for _, when in log[3:]] == [0.1, 0.2, 0.3, 0.4]
    assert gate.waiting == 0


async def test_a_late_wake_up_does_not_lose_budget() -> None:
    t = ManualTime()
    gate = gate_on(t, RateLimit(10, burst=1))
    await gate.acquire()  # t=0
    log: list[tuple[str, float]] = []
    late = asyncio.create_task(passer(gate, "late", log, t))
    nxt = asyncio.create_task(passer(gate, "next", log, t))
    await t.settle()
    t.now = 0.15  # the timer fires 50 ms after the token was due (a busy loop)
    await t.advance(0.0)
    assert log == [("late", 0.15)]
    await t.advance(0.05)  # the next slot keeps to the 0.1 s schedule: 0.2, not 0.25
    assert nxt.done()
    await asyncio.gather(late, nxt)
    assert [(name, round(when, 6)) for name, when in log] == [("late", 0.15), ("next", 0.2)]


async def test_idle_time_refills_up_to_the_burst_only() -> None:
    t = ManualTime()
    gate = gate_on(t, RateLimit(2, burst=2))
    await gate.acquire()
    await gate.acquire()
    await t.advance(60.0)  # a long idle spell saves at most `burst` tokens
    log: list[tuple[str, float]] = []
    tasks = [asyncio.create_task(passer(gate, str(i), log, t)) for i in range(3)]
    await t.settle()
    assert [name for name, _ in log] == ["0", "1"]
    await t.advance(0.5)
    await asyncio.gather(*tasks)
    assert log[2] == ("2", 60.5)


async def test_newcomers_queue_behind_waiters_even_when_a_token_is_free() -> None:
    t = ManualTime()
    gate = gate_on(t, RateLimit(1, burst=1))
    await gate.acquire()
    log: list[tuple[str, float]] = []
    first = asyncio.create_task(passer(gate, "first", log, t))
    await t.settle()
    await t.advance(1.0)  # a token is free now, and "first" has been woken to take it
    late = asyncio.create_task(passer(gate, "late", log, t))
    await t.settle()
    await t.advance(1.0)
    await asyncio.gather(first, late)
    assert log == [("first", 1.0), ("late", 2.0)]


async def test_a_cancelled_waiter_takes_no_token() -> None:
    t = ManualTime()
    gate = gate_on(t, RateLimit(1, burst=1))
    await gate.acquire()  # t=0: the only token
    log: list[tuple[str, float]] = []
    head = asyncio.create_task(passer(gate, "head", log, t))
    middle = asyncio.create_task(passer(gate, "middle", log, t))
    tail = asyncio.create_task(passer(gate, "tail", log, t))
    await t.settle()
    assert gate.waiting == 3
    head.cancel()  # the head, asleep until its token
    middle.cancel()  # queued behind it
    await t.settle()
    assert gate.waiting == 1
    await t.advance(1.0)
    await tail
    assert log == [("tail", 1.0)]  # the token the cancelled ones did not take
    assert head.cancelled()
    assert middle.cancelled()
    assert gate.waiting == 0
    # And the budget after that is exactly the rate: nothing leaked, nothing double-spent.
    nxt = asyncio.create_task(passer(gate, "next", log, t))
    await t.advance(0.5)
    assert not nxt.done()
    await t.advance(0.5)
    await nxt
    assert log[-1] == ("next", 2.0)


async def test_a_waiter_cancelled_just_after_being_woken_hands_on() -> None:
    t = ManualTime()
    gate = gate_on(t, None)
    gate.cool_down(1.0)
    log: list[tuple[str, float]] = []
    a = asyncio.create_task(passer(gate, "a", log, t))
    b = asyncio.create_task(passer(gate, "b", log, t))
    await t.settle()
    await t.advance(1.0)  # "a" passes and wakes "b" ...
    assert log == [("a", 1.0), ("b", 1.0)]
    await asyncio.gather(a, b)
    c = asyncio.create_task(passer(gate, "c", log, t))
    d = asyncio.create_task(passer(gate, "d", log, t))
    gate.cool_down(1.0)
    await t.settle()
    c.cancel()
    await t.advance(1.0)
    await d
    assert log[-1] == ("d", 2.0)
    assert gate.waiting == 0


async def test_a_fake_sleep_moves_the_gates_time_forward() -> None:
    """With a sleep that returns at once and a frozen clock the gate does not spin."""
    sleep = FakeSleep()
    gate = RequestGate(RateLimit(10, burst=1), clock=lambda: 100.0, sleep=sleep)
    for _ in range(5):
        await gate.acquire()
    assert sleep.waits == pytest.approx([0.1, 0.1, 0.1, 0.1])


# --------------------------------------------------------------------------- 429 cooldown


async def test_cooldown_holds_everyone_then_releases_without_rate_limit() -> None:
    t = ManualTime()
    gate = gate_on(t, None)
    assert gate.busy is False
    gate.cool_down(2.0)
    assert gate.busy is True
    assert gate.cooling_down() == 2.0
    log: list[tuple[str, float]] = []
    tasks = [asyncio.create_task(passer(gate, str(i), log, t)) for i in range(3)]
    await t.advance(1.9)
    assert log == []
    await t.advance(0.1)
    await asyncio.gather(*tasks)
    assert log == [("0", 2.0), ("1", 2.0), ("2", 2.0)]
    assert gate.busy is False  # back on the free path
    assert gate.cooldowns == 1
    assert t.sleeps == [2.0]  # only the head slept


async def test_cooldown_then_a_steady_stream_not_a_burst() -> None:
    t = ManualTime()
    gate = gate_on(t, RateLimit(10, burst=5))
    gate.cool_down(3.0)
    log: list[tuple[str, float]] = []
    tasks = [asyncio.create_task(passer(gate, str(i), log, t)) for i in range(4)]
    await t.advance(3.0)
    for _ in range(3):
        await t.advance(0.1)
    await asyncio.gather(*tasks)
    assert [round(when, 6) for _, when in log] == [3.0, 3.1, 3.2, 3.3]


async def test_cooldown_extends_but_never_shortens() -> None:
    t = ManualTime()
    gate = gate_on(t, None)
    gate.cool_down(5.0)
    gate.cool_down(1.0)
    assert gate.cooling_down() == 5.0
    await t.advance(1.0)
    gate.cool_down(6.0)
    assert gate.cooling_down() == 6.0
    assert gate.cooldowns == 2
    gate.cool_down(0.0)  # nothing to do
    assert gate.cooldowns == 2


async def test_pause_waits_out_the_cooldown_it_starts() -> None:
    t = ManualTime()
    gate = gate_on(t, RateLimit(10, burst=5))
    pausing = asyncio.create_task(gate.pause(2.0))
    log: list[tuple[str, float]] = []
    other = asyncio.create_task(passer(gate, "other", log, t))
    await t.advance(1.0)
    assert not pausing.done()
    assert log == []
    await t.advance(1.0)
    await pausing
    await other
    assert log == [("other", 2.0)]


# --------------------------------------------------------------------------- through the client


async def test_a_429_pauses_every_task_of_the_client(tmdb_server: TMDBServer) -> None:
    sleep = FakeSleep()
    rate_limited = {"status_code": 25, "status_message": "Your request count (41) is over."}
    tmdb_server.get(MOVIE_URL, status=429, payload=rate_limited, headers={"Retry-After": "3"})
    async with TMDBClient(
        access_token=READ_TOKEN,
        base_url=tmdb_server.base_url,
        sleep=sleep,
        rate_limit=None,
        retry=RetryPolicy.disabled(),
    ) as tmdb:
        with pytest.raises(RateLimitError) as caught:
            await tmdb.movies.details(11)
        assert caught.value.retry_after == 3.0
        gate = tmdb._core.pool.gate
        assert gate.cooling_down() == pytest.approx(3.0, abs=0.05)
        # Any other task now waits out the cooldown before it sends.
        tmdb_server.get(MOVIE_URL, payload={"id": 12, "title": "Finding Nemo"})
        movie = await tmdb.movies.details(12)
    assert movie.id == 12
    assert sleep.waits == pytest.approx([3.0], abs=0.05)
    calls = tmdb_server.calls()
    assert [(c.method, c.path, c.query) for c in calls] == [
        ("GET", "/3/movie/11", {}),
        ("GET", "/3/movie/12", {}),
    ]
    assert all(c.headers["Authorization"] == f"Bearer {READ_TOKEN}" for c in calls)


async def test_a_retried_429_waits_retry_after_once(tmdb_server: TMDBServer) -> None:
    sleep = FakeSleep()
    tmdb_server.get(
        MOVIE_URL, status=429, payload={"status_code": 25}, headers={"Retry-After": "2"}
    )
    tmdb_server.get(MOVIE_URL, payload={"id": 11, "title": "Star Wars"})
    async with TMDBClient(
        access_token=READ_TOKEN, base_url=tmdb_server.base_url, sleep=sleep
    ) as tmdb:
        movie = await tmdb.movies.details(11)
        assert tmdb._core.pool.gate.cooldowns == 1
    assert movie.title == "Star Wars"
    assert sleep.waits == [2.0]  # the pause; the retry then passes the gate at once
    assert [(c.method, c.path, c.query) for c in tmdb_server.calls()] == [
        ("GET", "/3/movie/11", {}),
        ("GET", "/3/movie/11", {}),
    ]


async def test_without_retry_after_the_cooldown_is_the_policy_backoff(
    tmdb_server: TMDBServer,
) -> None:
    sleep = FakeSleep()
    tmdb_server.get(MOVIE_URL, status=429, body="Too Many Requests")
    tmdb_server.get(MOVIE_URL, payload={"id": 11, "title": "Star Wars"})
    policy = RetryPolicy(jitter=False, backoff_base=0.25)
    async with TMDBClient(
        access_token=READ_TOKEN, base_url=tmdb_server.base_url, sleep=sleep, retry=policy
    ) as tmdb:
        assert (await tmdb.movies.details(11)).id == 11
    assert sleep.waits == [0.25]


async def test_the_client_spaces_requests_at_its_rate(tmdb_server: TMDBServer) -> None:
    sleep = FakeSleep()
    for i in range(5):
        tmdb_server.get(MOVIE_URL, payload={"id": i + 1, "title": f"m{i}"})
    async with TMDBClient(
        access_token=READ_TOKEN, base_url=tmdb_server.base_url, sleep=sleep
    ) as tmdb:
        # The same gate the client builds, on a frozen clock so the waits are exact.
        tmdb._core.pool.gate = RequestGate(RateLimit(4, burst=2), clock=lambda: 0.0, sleep=sleep)
        movies = await asyncio.gather(*(tmdb.movies.details(i + 1) for i in range(5)))
    assert sorted(m.id for m in movies) == [1, 2, 3, 4, 5]
    # Two from the burst, then one every 1/4 s.
    assert sleep.waits == pytest.approx([0.25, 0.25, 0.25])
