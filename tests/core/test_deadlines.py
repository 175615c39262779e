"""Shared attempt deadlines: one timer per tick, asyncio.timeout's cancellation rules.

The end-to-end behaviour (a slow answer is a ``TMDBTimeoutError``, GETs are retried, no
connection stays checked out) is tested in ``tests/core/test_transport.py``; these tests
pin down the mechanism.
"""

from __future__ import annotations

import asyncio
import time

import aiohttp
import pytest

from tmdb_async._core import Pool
from tmdb_async._deadlines import NO_DEADLINES, Deadlines

BOUND = 5.0


def test_the_pool_times_attempts_itself_when_given_seconds() -> None:
    pool = Pool(session=None, max_connections=20, timeout=30, sleep=asyncio.sleep)
    assert pool.timeout.total is None  # aiohttp sets no timer of its own
    assert pool.timeout_seconds == 30.0
    untimed = Pool(session=None, max_connections=1, timeout=None, sleep=asyncio.sleep)
    assert untimed.deadlines() is NO_DEADLINES
    given = aiohttp.ClientTimeout(total=3, sock_read=1)
    assert (
        Pool(session=None, max_connections=1, timeout=given, sleep=asyncio.sleep).timeout is given
    )


async def _attempt(deadlines: Deadlines, wait: asyncio.Event, outcome: list[str]) -> None:
    attempt = deadlines.start()
    try:
        await wait.wait()
        outcome.append("finished")
    except asyncio.CancelledError:
        if deadlines.timed_out(attempt):
            outcome.append("timeout")
            return
        outcome.append("cancelled")
        raise
    finally:
        deadlines.stop(attempt)


async def test_an_expired_attempt_is_a_timeout_and_the_task_is_not_left_cancelling() -> None:
    deadlines = Deadlines(asyncio.get_running_loop(), 0.05)
    assert deadlines.tick == pytest.approx(0.005)
    outcome: list[str] = []
    started = time.monotonic()
    task = asyncio.create_task(_attempt(deadlines, asyncio.Event(), outcome))
    await asyncio.wait_for(task, BOUND)
    elapsed = time.monotonic() - started
    assert outcome == ["timeout"]
    assert task.cancelling() == 0
    assert 0.05 <= elapsed < 0.05 + 1.0
    assert deadlines.pending() == 0


async def test_a_cancellation_from_outside_propagates() -> None:
    deadlines = Deadlines(asyncio.get_running_loop(), 30)
    outcome: list[str] = []
    task = asyncio.create_task(_attempt(deadlines, asyncio.Event(), outcome))
    await asyncio.sleep(0)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await asyncio.wait_for(task, BOUND)
    assert outcome == ["cancelled"]
    assert deadlines.pending() == 0


async def test_expiry_and_an_outside_cancellation_together_propagate_the_cancellation() -> None:
    deadlines = Deadlines(asyncio.get_running_loop(), 30)
    outcome: list[str] = []
    task = asyncio.create_task(_attempt(deadlines, asyncio.Event(), outcome))
    await asyncio.sleep(0)
    # The deadline's timer and someone else's cancel() in the same loop iteration.
    (bucket,) = list(deadlines._buckets)
    deadlines._expire(bucket)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await asyncio.wait_for(task, BOUND)
    assert outcome == ["cancelled"]
    assert deadlines.pending() == 0


async def test_a_finished_attempt_is_never_cancelled_later() -> None:
    deadlines = Deadlines(asyncio.get_running_loop(), 0.02)
    done = asyncio.Event()
    done.set()
    outcome: list[str] = []
    await _attempt(deadlines, done, outcome)
    await asyncio.sleep(0.1)  # past the deadline and its tick: this must not be cancelled
    assert outcome == ["finished"]
    assert deadlines.pending() == 0


async def test_many_attempts_share_a_few_timers() -> None:
    deadlines = Deadlines(asyncio.get_running_loop(), 30)
    waits = [asyncio.Event() for _ in range(200)]
    outcomes: list[str] = []
    tasks = [asyncio.create_task(_attempt(deadlines, w, outcomes)) for w in waits]
    await asyncio.sleep(0)
    assert deadlines.pending() == 200
    assert len(deadlines._buckets) <= 2  # one timer per tick (1 s), not one per attempt
    for w in waits:
        w.set()
    await asyncio.wait_for(asyncio.gather(*tasks), BOUND)
    assert outcomes == ["finished"] * 200
    assert deadlines.pending() == 0
