"""SharedRateLimit: one request budget and one 429 cooldown for many processes, in Redis.

Every test runs against a real ``redis-server`` (the ``redis_url`` / ``own_redis``
fixtures) and the sandbox, whose :class:`SandboxRateLimit` counts the requests of all
clients together (they all come from 127.0.0.1, like processes behind one address). Each
client below has a pool of its own: to Redis and to the sandbox it is another process;
one test starts real subprocesses.

Nothing here asserts how long something took. Where spacing matters, the assertions use
the times the sandbox recorded for each request and the waits the gate asked its (real,
recording) ``sleep`` for.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib.util
import inspect
import json
import logging
import os
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
import redis.asyncio as aioredis

from tests.redis_server import RedisServer, free_port
from tmdb_async import (
    RateLimit,
    RateLimitError,
    RetryPolicy,
    SharedRateLimit,
    TMDBClient,
    TMDBUsageError,
)
from tmdb_async._shared_gate import SharedGate
from tmdb_async.testing import Sandbox, SandboxRateLimit

NO_RETRY = RetryPolicy.disabled()


class RecordingSleep:
    """The client's sleep: really sleeps, and records every wait asked for."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
        await asyncio.sleep(seconds)


@pytest.fixture
def key() -> str:
    """A Redis key prefix of this test's own."""
    return f"tmdb-test:{uuid.uuid4().hex}"


@pytest.fixture
async def sandbox() -> AsyncIterator[Sandbox]:
    """The sandbox limiting every client on 127.0.0.1 together to 20 requests per second."""
    limit = SandboxRateLimit(requests_per_second=20, max_connections=100, retry_after=1)
    async with Sandbox(rate_limit=limit) as sb:
        yield sb


def gate_of(tmdb: TMDBClient) -> SharedGate:
    gate = tmdb._core.pool.gate
    assert isinstance(gate, SharedGate)
    return gate


def arrivals(sandbox: Sandbox) -> list[float]:
    return sorted(r.at.timestamp() for r in sandbox.requests_to("/3/*"))


def most_in_one_second(times: list[float]) -> int:
    best = 0
    for i, start in enumerate(times):
        best = max(best, sum(1 for t in times[i:] if t < start + 1.0))
    return best


async def client_names(url: str) -> list[str]:
    """The names of the connections Redis has open (the gate names its own)."""
    probe = aioredis.Redis.from_url(url)
    try:
        clients: list[dict[str, Any]] = await probe.client_list()
    finally:
        await probe.aclose()
    return [str(c.get("name", "")) for c in clients]


async def tokens_from(url: str) -> int:
    """How many times this Redis ran the gate's script since it started (its stats)."""
    probe = aioredis.Redis.from_url(url)
    try:
        stats: dict[str, Any] = await probe.info("commandstats")
    finally:
        await probe.aclose()
    return int(stats.get("cmdstat_evalsha", {}).get("calls", 0))


async def wait_for(condition: Callable[[], object], limit: float = 5.0) -> None:
    """Poll ``condition`` (every 20 ms) until it holds; fail after ``limit`` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + limit
    while True:
        value = condition()
        if inspect.isawaitable(value):
            value = await value
        if value:
            return
        assert loop.time() < deadline, "condition never held"
        await asyncio.sleep(0.02)


@contextlib.asynccontextmanager
async def unbounded_demand(tmdb: TMDBClient, *, workers: int) -> AsyncIterator[list[int]]:
    """``workers`` tasks asking for movie 11 again and again until the block ends; yields
    the ids answered so far. On the way out the tasks finish their call, and none may
    have seen an error."""
    answered: list[int] = []
    running = True

    async def demand() -> None:
        while running:
            answered.append((await tmdb.movies.details(11)).id)

    tasks = [asyncio.create_task(demand()) for _ in range(workers)]
    try:
        yield answered
    finally:
        running = False
        results = await asyncio.gather(*tasks, return_exceptions=True)
    assert results == [None] * workers  # no worker saw an error


# ---------------------------------------------------------------- the value


def test_defaults_and_the_budget_it_describes(redis_url: str) -> None:
    limit = SharedRateLimit(redis_url)
    assert (limit.key, limit.rate, limit.burst, limit.processes) == ("tmdb_async", 40.0, 10, 4)
    assert limit.budget == RateLimit(40.0, 10)
    assert limit.local_share == RateLimit(10.0, 2)
    assert SharedRateLimit(redis_url, rate=30, burst=2, processes=8).local_share == RateLimit(
        3.75, 1
    )


@pytest.mark.parametrize(
    ("kwargs", "named"),
    [
        ({"url": "http://127.0.0.1:6379"}, "SharedRateLimit.url"),
        ({"url": 6379}, "SharedRateLimit.url"),
        ({"url": "redis://127.0.0.1:notaport/0"}, "SharedRateLimit.url"),
        ({"key": ""}, "SharedRateLimit.key"),
        ({"key": " padded "}, "SharedRateLimit.key"),
        ({"rate": 0}, "SharedRateLimit.rate"),
        ({"rate": float("inf")}, "SharedRateLimit.rate"),
        ({"rate": True}, "SharedRateLimit.rate"),
        ({"burst": 0}, "SharedRateLimit.burst"),
        ({"burst": 2.5}, "SharedRateLimit.burst"),
        ({"processes": 0}, "SharedRateLimit.processes"),
        ({"timeout": 0}, "SharedRateLimit.timeout"),
        ({"timeout": float("nan")}, "SharedRateLimit.timeout"),
        ({"reconnect_interval": -1}, "SharedRateLimit.reconnect_interval"),
    ],
)
def test_bad_settings_are_refused_naming_the_parameter(kwargs: dict[str, Any], named: str) -> None:
    args: dict[str, Any] = {"url": "redis://127.0.0.1:6379/0", **kwargs}
    with pytest.raises(TMDBUsageError, match=rf"^{named} "):
        SharedRateLimit(**args)


def test_the_password_never_shows(redis_url: str) -> None:
    for bad in ("http://user:s3cret-pw@127.0.0.1:6379/0", "redis://:s3cret-pw@host:port/0"):
        with pytest.raises(TMDBUsageError, match=r"^SharedRateLimit\.url ") as caught:
            SharedRateLimit(bad)
        assert "s3cret-pw" not in str(caught.value)
        assert "***" in str(caught.value)
    limit = SharedRateLimit("redis://:s3cret-pw@127.0.0.1:6379/0", key="k")
    assert "s3cret-pw" not in repr(limit)
    assert "s3cret-pw" not in str(limit)
    assert "redis://:***@127.0.0.1:6379/0" in repr(limit)
    assert "redis://user:***@host/1" in repr(SharedRateLimit("redis://user:pw@host/1"))


def test_without_the_redis_package_it_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = importlib.util.find_spec

    def find_spec(name: str, *args: Any) -> Any:
        return None if name == "redis" else real(name, *args)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    with pytest.raises(TMDBUsageError, match=r"pip install tmdb-async\[redis\]"):
        SharedRateLimit("redis://127.0.0.1:6379/0")


def test_importing_it_does_not_import_redis() -> None:
    code = (
        "import sys\n"
        "from tmdb_async import SharedRateLimit, TMDBClient\n"
        "limit = SharedRateLimit('redis://127.0.0.1:6379/0')\n"
        "assert 'redis' not in sys.modules, 'redis imported by the value'\n"
        "TMDBClient(api_key='0123456789abcdef0123456789abcdef', rate_limit=limit)\n"
        "assert 'redis' in sys.modules, 'the gate did not load redis'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


async def test_the_client_takes_it_and_its_gate_has_the_request_gates_interface(
    redis_url: str, key: str
) -> None:
    limit = SharedRateLimit(redis_url, key=key, rate=25, burst=3)
    async with TMDBClient(access_token="t" * 40, rate_limit=limit) as tmdb:
        gate = gate_of(tmdb)
        assert gate.rate_limit == RateLimit(25.0, 3)
        assert gate.busy is True  # the request path always asks it
        assert (gate.waiting, gate.cooldowns, gate.cooling_down()) == (0, 0, 0.0)
        assert gate.shared is True
        assert key in repr(gate)
        # A view shares its parent's gate (one budget per client, as with RateLimit).
        view = tmdb.with_options(timeout=5)
        assert view._core.pool.gate is gate


# ---------------------------------------------------------------- one budget


async def test_clients_sharing_a_key_keep_together_to_the_rate(
    redis_url: str, key: str, sandbox: Sandbox
) -> None:
    """Three clients (three pools: three processes to Redis and the sandbox), 10 requests
    each, as fast as they may: the sandbox (20 in any second) never answers 429.

    Rate 14 and burst 2 book at most 16 sends in any second of Redis' clock; sends booked
    in the second before may arrive late, bunched with the next ones (the sandbox shares
    this loop, on a busy machine): the margin is for them."""
    limit = SharedRateLimit(redis_url, key=key, rate=14, burst=2)
    clients = [sandbox.client(rate_limit=limit, retry=NO_RETRY) for _ in range(3)]
    try:

        async def run(tmdb: TMDBClient) -> list[int]:
            movies = await asyncio.gather(*(tmdb.movies.details(11) for _ in range(10)))
            return [m.id for m in movies]

        results = await asyncio.wait_for(asyncio.gather(*(run(c) for c in clients)), 15)
    finally:
        for tmdb in clients:
            await tmdb.close()
    assert results == [[11] * 10] * 3  # every call answered; no RateLimitError surfaced
    requests = sandbox.requests_to("/3/movie/11")
    assert len(requests) == 30
    assert all(r.status == 200 for r in requests)
    times = arrivals(sandbox)
    assert most_in_one_second(times) <= 20
    # Together, not each: 30 requests at 14/s with a burst of 2 need (30 - 2) / 14 s.
    assert times[-1] - times[0] >= (30 - 2) / 14 - 0.1


async def test_different_keys_are_different_budgets(redis_url: str, key: str) -> None:
    sleep = RecordingSleep()
    one = SharedRateLimit(redis_url, key=key + ":a", rate=1, burst=1)
    other = SharedRateLimit(redis_url, key=key + ":b", rate=1, burst=1)
    gates = [
        limit.gate(clock=asyncio.get_running_loop().time, sleep=sleep) for limit in (one, other)
    ]
    try:
        for gate in gates:
            await gate.acquire()  # each bucket's one token: nobody waits
        assert sleep.waits == []
    finally:
        for gate in gates:
            await gate.close()


async def test_real_processes_share_the_budget(redis_url: str, key: str, sandbox: Sandbox) -> None:
    """Two subprocesses with a client each, 15 requests each: no 429 anywhere."""
    script = (
        "import asyncio, json, os\n"
        "from tmdb_async import RetryPolicy, SharedRateLimit, TMDBClient\n"
        "async def main():\n"
        "    limit = SharedRateLimit(os.environ['REDIS_URL'], key=os.environ['KEY'],\n"
        "                            rate=14, burst=2)\n"
        "    async with TMDBClient(access_token=os.environ['TOKEN'],\n"
        "                          base_url=os.environ['BASE_URL'], rate_limit=limit,\n"
        "                          retry=RetryPolicy.disabled()) as tmdb:\n"
        "        await tmdb.movies.details(11)  # warmed up: both start together below\n"
        "        ok = [m.id for m in await asyncio.gather(\n"
        "            *(tmdb.movies.details(12) for _ in range(15)))]\n"
        "    print(json.dumps(ok))\n"
        "asyncio.run(main())\n"
    )
    env = {
        **os.environ,
        "REDIS_URL": redis_url,
        "KEY": key,
        "TOKEN": sandbox.access_token,
        "BASE_URL": sandbox.base_url,
    }
    procs = [
        await asyncio.create_subprocess_exec(
            sys.executable, "-c", script, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(2)
    ]
    outputs = await asyncio.wait_for(asyncio.gather(*(p.communicate() for p in procs)), 60)
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err.decode()
        assert json.loads(out) == [12] * 15
    requests = sandbox.requests_to("/3/movie/*")
    assert len(requests) == 32
    assert all(r.status == 200 for r in requests)
    assert most_in_one_second(arrivals(sandbox)) <= 20


# ---------------------------------------------------------------- one cooldown


async def test_a_429_seen_by_one_client_pauses_the_others(redis_url: str, key: str) -> None:
    """A gets 429 with Retry-After: 1 and gives up; B's next request waits the cooldown out."""
    tight = SandboxRateLimit(requests_per_second=2, max_connections=100, retry_after=1)
    limit = SharedRateLimit(redis_url, key=key, rate=100, burst=10)
    sleep_b = RecordingSleep()
    async with (
        Sandbox(rate_limit=tight) as sandbox,
        sandbox.client(rate_limit=limit, retry=NO_RETRY) as a,
        sandbox.client(rate_limit=limit, retry=NO_RETRY, sleep=sleep_b) as b,
    ):
        await a.movies.details(11)
        await a.movies.details(11)
        with pytest.raises(RateLimitError) as caught:
            await a.movies.details(11)
        assert caught.value.retry_after == 1.0
        assert gate_of(a).cooldowns == 1
        assert gate_of(a).cooling_down() > 0.5
        # The cooldown goes to Redis (``<key>:cooldown``) from a task of its own.
        probe = aioredis.Redis.from_url(redis_url)
        try:
            await wait_for(lambda: probe.exists(f"{key}:cooldown"))
        finally:
            await probe.aclose()
        movie = await b.movies.details(12)
        assert movie.id == 12
    # B learnt the cooldown from Redis (it saw no 429 itself) and slept it out.
    assert gate_of(b).cooldowns == 0
    assert len(sleep_b.waits) == 1
    assert 0.5 < sleep_b.waits[0] <= 1.0
    refused = [r for r in sandbox.requests if r.status == 429]
    assert len(refused) == 1
    (b_request,) = sandbox.requests_to("/3/movie/12")
    assert b_request.status == 200
    assert (b_request.at - refused[0].at).total_seconds() >= 0.9


async def test_a_retried_429_pauses_the_others_while_it_waits(redis_url: str, key: str) -> None:
    """A's 429 is retried after its Retry-After; meanwhile B, a client of its own, sends
    nothing: its request arrives after the cooldown, and neither sees an error."""
    tight = SandboxRateLimit(requests_per_second=2, max_connections=100, retry_after=1)
    limit = SharedRateLimit(redis_url, key=key, rate=100, burst=10)
    sleep_b = RecordingSleep()
    probe = aioredis.Redis.from_url(redis_url)
    async with (
        Sandbox(rate_limit=tight) as sandbox,
        sandbox.client(rate_limit=limit) as a,
        sandbox.client(rate_limit=limit, retry=NO_RETRY, sleep=sleep_b) as b,
    ):
        await a.movies.details(11)
        await a.movies.details(11)
        third = asyncio.create_task(a.movies.details(13))  # 429, then retried
        try:
            await wait_for(lambda: probe.exists(f"{key}:cooldown"))
        finally:
            await probe.aclose()
        assert gate_of(a).cooldowns == 1
        movie = await b.movies.details(12)
        assert (await third).id == 13
    assert movie.id == 12
    # B waited the cooldown out; then, as the bucket holds one token when a cooldown ends
    # (A's retry may take it), at most the next token's interval (1/100 s).
    assert 0.5 < sleep_b.waits[0] <= 1.0
    assert all(wait <= 0.01 for wait in sleep_b.waits[1:])
    (refused,) = [r for r in sandbox.requests if r.status == 429]
    assert refused.path == "/3/movie/13"
    (b_request,) = sandbox.requests_to("/3/movie/12")
    assert b_request.status == 200
    assert (b_request.at - refused.at).total_seconds() >= 0.9
    retried = sandbox.requests_to("/3/movie/13")
    assert [r.status for r in retried] == [429, 200]


# ---------------------------------------------------------------- faults


def unreachable_warnings(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [
        r
        for r in caplog.records
        if r.name == "tmdb_async" and r.levelno == logging.WARNING and "unreachable" in r.msg
    ]


async def test_redis_unreachable_at_start_then_back(
    own_redis: RedisServer, key: str, sandbox: Sandbox, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="tmdb_async")
    own_redis.stop()
    limit = SharedRateLimit(
        own_redis.url, key=key, rate=20, burst=2, processes=2, reconnect_interval=0.1
    )
    async with sandbox.client(rate_limit=limit, retry=NO_RETRY) as tmdb:
        gate = gate_of(tmdb)
        movies = await asyncio.gather(*(tmdb.movies.details(11) for _ in range(6)))
        assert [m.id for m in movies] == [11] * 6  # no error surfaced
        assert gate.shared is False
        assert gate.outages == 1
        # This process kept to its share, 10/s with a burst of 1: (6 - 1) / 10 s at least.
        times = arrivals(sandbox)
        assert times[-1] - times[0] >= (6 - 1) / 10 - 0.05
        assert len(unreachable_warnings(caplog)) == 1  # one warning for the outage

        await asyncio.to_thread(own_redis.start)
        await wait_for(lambda: gate.shared)
        again = await asyncio.gather(*(tmdb.movies.details(12) for _ in range(3)))
        assert [m.id for m in again] == [12] * 3
        # Easing in: just after Redis is back, the process still keeps to its share as
        # well (others may not have seen Redis back yet): (3 - 1) / 10 s at least.
        back = sorted(r.at.timestamp() for r in sandbox.requests_to("/3/movie/12"))
        assert back[-1] - back[0] >= (3 - 1) / 10 - 0.05
        assert await tokens_from(own_redis.url) > 0  # the budget is in Redis again
    assert len(unreachable_warnings(caplog)) == 1
    assert any("answers again" in r.msg for r in caplog.records)
    assert all(r.status == 200 for r in sandbox.requests)


async def test_redis_stopped_mid_run_and_started_again(
    own_redis: RedisServer, key: str, sandbox: Sandbox, caplog: pytest.LogCaptureFixture
) -> None:
    """Four tasks with unbounded demand; Redis stops under them and comes back: every
    request is answered, none fails, one warning, and sharing resumes."""
    caplog.set_level(logging.WARNING, logger="tmdb_async")
    limit = SharedRateLimit(
        own_redis.url, key=key, rate=16, burst=2, processes=2, reconnect_interval=0.1
    )
    async with sandbox.client(rate_limit=limit, retry=NO_RETRY) as tmdb:
        gate = gate_of(tmdb)
        async with unbounded_demand(tmdb, workers=4) as answered:
            await wait_for(lambda: len(answered) >= 5)
            assert gate.shared is True
            await asyncio.to_thread(own_redis.stop)
            await wait_for(lambda: not gate.shared)
            during = len(answered)
            await wait_for(lambda: len(answered) >= during + 4)  # flowing without Redis
            await asyncio.to_thread(own_redis.start)
            await wait_for(lambda: gate.shared)
            after = len(answered)
            await wait_for(lambda: len(answered) >= after + 4)  # flowing through Redis again
        assert gate.outages == 1
    assert set(answered) == {11}
    requests = sandbox.requests_to("/3/movie/11")
    assert len(requests) == len(answered)  # nothing lost, nothing sent twice
    assert all(r.status == 200 for r in requests)
    assert len(unreachable_warnings(caplog)) == 1


async def test_a_quick_redis_restart_under_load_loses_nothing(
    own_redis: RedisServer, key: str, sandbox: Sandbox, caplog: pytest.LogCaptureFixture
) -> None:
    """Redis restarted (empty) between two calls or under one: the gate reconnects (or
    rides out a short outage) and every request is answered; sharing goes on."""
    caplog.set_level(logging.WARNING, logger="tmdb_async")
    limit = SharedRateLimit(own_redis.url, key=key, rate=16, burst=2, reconnect_interval=0.1)
    async with sandbox.client(rate_limit=limit, retry=NO_RETRY) as tmdb:
        gate = gate_of(tmdb)
        async with unbounded_demand(tmdb, workers=3) as answered:
            await wait_for(lambda: len(answered) >= 5)
            await asyncio.to_thread(own_redis.restart)
            after = len(answered)
            await wait_for(lambda: len(answered) >= after + 6 and gate.shared)
        assert await tokens_from(own_redis.url) > 0  # shared again, in the new Redis
        assert len(unreachable_warnings(caplog)) == gate.outages <= 1
    requests = sandbox.requests_to("/3/movie/11")
    assert len(requests) == len(answered)
    assert all(r.status == 200 for r in requests)


async def test_a_redis_that_never_answers_does_not_hold_requests(
    key: str, sandbox: Sandbox, caplog: pytest.LogCaptureFixture
) -> None:
    """A port that accepts connections but never answers: each call gives up after
    ``timeout`` and requests go on with the local share."""
    caplog.set_level(logging.WARNING, logger="tmdb_async")
    held: list[asyncio.StreamWriter] = []

    def hold(_: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        held.append(writer)  # read nothing, answer nothing

    silent = await asyncio.start_server(hold, "127.0.0.1", 0)
    port = silent.sockets[0].getsockname()[1]
    try:
        limit = SharedRateLimit(f"redis://127.0.0.1:{port}/0", key=key, timeout=0.2)
        async with sandbox.client(rate_limit=limit, retry=NO_RETRY) as tmdb:
            movies = await asyncio.wait_for(
                asyncio.gather(*(tmdb.movies.details(11) for _ in range(3))), 10
            )
            assert [m.id for m in movies] == [11] * 3
            assert gate_of(tmdb).shared is False
    finally:
        for writer in held:
            writer.close()
        silent.close()
        await silent.wait_closed()
    (warning,) = unreachable_warnings(caplog)
    assert "TimeoutError" in warning.getMessage()


async def test_the_redis_password_is_not_logged(
    key: str, sandbox: Sandbox, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="tmdb_async")
    url = f"redis://:s3cret-pw@127.0.0.1:{free_port()}/0"
    async with sandbox.client(rate_limit=SharedRateLimit(url, key=key), retry=NO_RETRY) as tmdb:
        assert (await tmdb.movies.details(11)).id == 11
        assert "s3cret-pw" not in repr(tmdb._core.pool.gate)
    assert len(unreachable_warnings(caplog)) == 1
    assert "redis://:***@127.0.0.1" in caplog.text
    assert "s3cret-pw" not in caplog.text


# ---------------------------------------------------------------- cancellation, closing


async def test_a_cancelled_waiter_takes_no_token(redis_url: str, key: str) -> None:
    sleep = RecordingSleep()
    limit = SharedRateLimit(redis_url, key=key, rate=4, burst=1)
    gate = limit.gate(clock=asyncio.get_running_loop().time, sleep=sleep)
    try:
        await gate.acquire()  # the one token
        waiter = asyncio.create_task(gate.acquire())
        await wait_for(lambda: len(sleep.waits) == 1)  # waiting for the next token
        assert 0 < sleep.waits[0] <= 0.25
        waiter.cancel()
        with pytest.raises(asyncio.CancelledError):
            await waiter
        assert gate.waiting == 0
        before = len(sleep.waits)
        await gate.acquire()
        # The next token is the one the cancelled waiter did not take: at most one
        # interval (0.25 s) after the first, not two.
        assert sum(sleep.waits[before:]) <= 0.25
    finally:
        await gate.close()


async def test_a_booked_token_woken_for_far_too_late_is_given_up(redis_url: str, key: str) -> None:
    """A process that stalls past its booked token (here its clock jumps half a second
    while it sleeps) does not send on it: sent late, it would arrive bunched with the
    other processes' next tokens. It asks Redis again and waits for a new one."""
    loop = asyncio.get_running_loop()
    stall = [0.0]
    sleep = RecordingSleep()

    async def stalling_sleep(seconds: float) -> None:
        await sleep(seconds)
        if len(sleep.waits) == 1:
            stall[0] = 0.5  # the process was "stopped" during its first wait

    limit = SharedRateLimit(redis_url, key=key, rate=4, burst=1)
    gate = limit.gate(clock=lambda: loop.time() + stall[0], sleep=stalling_sleep)
    try:
        await gate.acquire()  # the one token (and the script loaded)
        before = await tokens_from(redis_url)
        await gate.acquire()  # booked 0.25 s ahead; woken 0.5 s late: booked again
    finally:
        await gate.close()
    assert len(sleep.waits) == 2
    assert 0.1 < sleep.waits[0] <= 0.25
    assert 0.1 < sleep.waits[1] <= 0.25
    # For the second token, two script runs: booked (given up), booked again.
    assert await tokens_from(redis_url) - before == 2


@pytest.mark.parametrize("yields", [0, 1, 2, 3, 5])
async def test_cancelling_while_redis_answers_leaks_nothing(
    redis_url: str, key: str, yields: int
) -> None:
    """Cancelled at any point of its Redis call: the waiter raises CancelledError, the
    next one passes, and the gate holds at most its one connection (none once closed)."""
    limit = SharedRateLimit(redis_url, key=key, rate=1000, burst=1000)
    gate = limit.gate(clock=asyncio.get_running_loop().time, sleep=asyncio.sleep)
    try:
        await gate.acquire()  # connected
        waiter = asyncio.create_task(gate.acquire())
        for _ in range(yields):
            await asyncio.sleep(0)
        waiter.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await waiter  # cancelled, or done before the cancel landed
        assert gate.waiting == 0
        await asyncio.wait_for(gate.acquire(), 5)
        assert gate.shared is True
        names = await client_names(redis_url)
        assert names.count(f"tmdb_async:{key}") == 1
    finally:
        await gate.close()
    assert f"tmdb_async:{key}" not in await client_names(redis_url)


async def test_closing_the_client_closes_its_redis_connections(
    redis_url: str, key: str, sandbox: Sandbox
) -> None:
    limit = SharedRateLimit(redis_url, key=key)
    async with sandbox.client(rate_limit=limit) as tmdb:
        await asyncio.gather(*(tmdb.movies.details(11) for _ in range(5)))
        assert f"tmdb_async:{key}" in await client_names(redis_url)
    assert f"tmdb_async:{key}" not in await client_names(redis_url)
