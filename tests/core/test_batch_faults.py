"""A 5,200-id batch against the sandbox under injected faults.

Transient: HTTP 429 with ``Retry-After`` (the sandbox's rate limit, on a clock that only
the client's sleeps move) and without (injected), 502 / 503 / 504,
connection resets, truncated bodies and requests that hang past the client's timeout.
Permanent: ids 5001-5200 do not exist (404, code 34).

Every id must come back exactly once, as its movie or as its error; nothing may hang
(everything runs under a deadline); no connection may be left in use. Retries and
cooldowns use a fake sleep, so the test takes a couple of seconds.
"""

from __future__ import annotations

import asyncio
import collections

from tmdb_async import (
    Movie,
    RateLimitError,
    ResourceNotFoundError,
    RetryPolicy,
    ServerError,
    TMDBTransportError,
)
from tmdb_async.batch import BatchProgress, BatchResult, run_batch
from tmdb_async.testing import Fault, ManualClock, Sandbox, SandboxRateLimit

MOVIES = 5000
IDS = range(1, MOVIES + 201)
DEADLINE = 60.0  # far above the few seconds it takes; only there so a bug cannot hang CI
TRANSIENT = (RateLimitError, ServerError, TMDBTransportError)


class FastSleep:
    """Waits that cost no real time, but move the sandbox's clock (its rate window) on."""

    def __init__(self, clock: ManualClock) -> None:
        self.clock = clock
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.clock.advance(seconds=seconds)
        await asyncio.sleep(0)


FAULTS = [
    Fault(kind="error", path="/3/movie/*", status=429, code=25, probability=0.02),
    Fault(kind="error", path="/3/movie/*", status=502, probability=0.02),
    Fault(kind="error", path="/3/movie/*", status=503, probability=0.02),
    Fault(kind="error", path="/3/movie/*", status=504, probability=0.02),
    Fault(kind="reset", path="/3/movie/*", probability=0.01),
    Fault(kind="truncate", path="/3/movie/*", probability=0.005),
    Fault(kind="hang", path="/3/movie/*", probability=0.003, hang_seconds=2.0),
]


async def test_every_id_once_under_faults_and_no_connection_leaks() -> None:
    clock = ManualClock()
    sleep = FastSleep(clock)
    progress: list[BatchProgress] = []
    sandbox = Sandbox(
        movie_count=MOVIES,
        seed=1,
        faults=FAULTS,
        clock=clock,
        # 429 + Retry-After past 400 requests in a second of the sandbox's clock, which
        # only moves when the client sleeps: every cooldown opens the next window.
        rate_limit=SandboxRateLimit(requests_per_second=400, max_connections=20, retry_after=2),
    )
    async with (
        sandbox as sb,
        sb.client(
            max_connections=20,
            timeout=0.3,
            sleep=sleep,
            retry=RetryPolicy(max_attempts=8, backoff_base=0.01, backoff_max=0.05),
        ) as tmdb,
    ):

        async def run() -> list[BatchResult[int, Movie]]:
            out: list[BatchResult[int, Movie]] = []
            batch = run_batch(tmdb.movies.details, IDS, concurrency=20, on_progress=progress.append)
            async with batch:
                async for item in batch:
                    out.append(item)
            return out

        results = await asyncio.wait_for(run(), DEADLINE)

        connector = tmdb._core.pool.session().connector
        assert connector is not None
        # aiohttp keeps the connections in use in `_acquired`; nothing may be left there.
        assert len(connector._acquired) == 0
        gate = tmdb._core.pool.gate
        assert gate.waiting == 0

    # Exactly once each.
    keys = [r.key for r in results]
    assert len(keys) == len(IDS)
    assert sorted(keys) == list(IDS)
    assert progress[-1].done == len(IDS)
    assert progress[-1].total == len(IDS)
    assert progress[-1].in_flight == 0

    ok = [r for r in results if r.ok]
    failed = [r for r in results if not r.ok]
    # A success is the movie asked for.
    assert all(r.value is not None and r.value.id == r.key for r in ok)
    # Ids 1..MOVIES exist, and above them only TMDB's real movies (e.g. Avatar 19995 is not
    # in range, but a real id inside 5001..5200 would be).
    exists = sandbox.catalogue.has_movie
    assert all(exists(r.key) for r in ok)
    # Unknown ids fail with TMDB's 404 (code 34) unless their retries ran out first.
    for r in failed:
        if isinstance(r.error, ResourceNotFoundError):
            assert not exists(r.key)
            assert r.error.http_status == 404
            assert r.error.tmdb_code == 34
        else:
            assert isinstance(r.error, TRANSIENT), repr(r.error)
    not_found = {r.key for r in failed if isinstance(r.error, ResourceNotFoundError)}
    exhausted = [r for r in failed if isinstance(r.error, TRANSIENT)]
    assert len(exhausted) <= len(IDS) // 100, exhausted[:5]
    assert len(not_found) >= 190
    assert len(ok) >= sum(map(exists, IDS)) - len(IDS) // 100

    # Every kind of fault did happen, and 429s came with and without Retry-After.
    kinds = collections.Counter(r.fault for r in sb.requests if r.fault)
    assert set(kinds) == {"error", "reset", "truncate", "hang"}
    statuses = collections.Counter(r.status for r in sb.requests)
    for status in (429, 502, 503, 504):
        assert statuses[status] > 0, status
    over_limit = [r for r in sb.requests if r.status == 429 and r.fault is None]
    assert over_limit, "the sandbox's rate limit never answered 429 + Retry-After"
    assert 2.0 in sleep.waits  # Retry-After: 2 honoured
    assert gate.cooldowns > 0
    # Only GETs of movie details were sent, all authenticated.
    assert all(r.method == "GET" and r.path.startswith("/3/movie/") for r in sb.requests)
    assert all(r.headers["Authorization"] == f"Bearer {sb.access_token}" for r in sb.requests)
