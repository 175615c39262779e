"""The batch runner: streaming order, the concurrency bound, laziness, failures, progress,
cancellation (leaving the block, breaking out, cancelling the consumer, dropping it)."""

from __future__ import annotations

import asyncio
import gc
import itertools
from collections.abc import AsyncIterator, Coroutine, Iterator
from typing import Any

import pytest

from tmdb_async import Movie, NotFoundError, ResourceNotFoundError, TMDBUsageError
from tmdb_async.batch import (
    Batch,
    BatchFailure,
    BatchProgress,
    BatchResult,
    BatchSuccess,
    ItemCancelledError,
    run_awaitables,
    run_batch,
)
from tmdb_async.testing import Sandbox

TIMEOUT = 5.0


class Calls:
    """A fake endpoint: records calls, how many ran at once, and cancellations."""

    def __init__(self) -> None:
        self.started: list[int] = []
        self.cancelled: list[int] = []
        self.active = 0
        self.peak = 0
        self.gates: dict[int, asyncio.Event] = {}

    def gate(self, key: int) -> asyncio.Event:
        return self.gates.setdefault(key, asyncio.Event())

    async def __call__(self, key: int) -> str:
        self.started.append(key)
        self.active += 1
        self.peak = max(self.peak, self.active)
        try:
            await self.gate(key).wait()
            if key % 10 == 0:
                raise ResourceNotFoundError(http_status=404, tmdb_code=34)
            return f"movie {key}"
        except asyncio.CancelledError:
            self.cancelled.append(key)
            raise
        finally:
            self.active -= 1

    async def quick(self, key: int) -> str:
        self.started.append(key)
        self.active += 1
        self.peak = max(self.peak, self.active)
        try:
            for _ in range(key % 3):
                await asyncio.sleep(0)
            return f"movie {key}"
        finally:
            self.active -= 1


async def drain(batch: Batch[int, str], into: list[BatchResult[int, str]]) -> None:
    async with batch:
        async for item in batch:
            into.append(item)


async def settle() -> None:
    for _ in range(10):
        await asyncio.sleep(0)


async def test_results_stream_in_completion_order() -> None:
    calls = Calls()
    batch = run_batch(calls, [1, 2, 3, 4], concurrency=4)
    async with batch:
        first = asyncio.create_task(batch.__anext__())
        await settle()
        assert calls.started == [1, 2, 3, 4]
        assert not first.done()
        calls.gate(3).set()
        assert await asyncio.wait_for(first, TIMEOUT) == BatchSuccess(3, "movie 3")
        for key in (1, 4, 2):
            calls.gate(key).set()
        rest = [item async for item in batch]
    assert [r.key for r in rest] == [1, 4, 2]
    assert [r.value for r in rest] == ["movie 1", "movie 4", "movie 2"]


async def test_every_key_exactly_once_and_a_failure_does_not_abort() -> None:
    calls = Calls()
    for key in range(1, 101):
        calls.gate(key).set()
    async with run_batch(calls, range(1, 101), concurrency=8) as batch:
        results = [r async for r in batch]
    assert sorted(r.key for r in results) == list(range(1, 101))
    failed = {r.key: r.error for r in results if not r.ok}
    assert sorted(failed) == list(range(10, 101, 10))
    assert all(isinstance(e, ResourceNotFoundError) for e in failed.values())
    assert all(r.value == f"movie {r.key}" for r in results if r.ok)
    with pytest.raises(ResourceNotFoundError):
        next(r for r in results if not r.ok).unwrap()
    assert next(r for r in results if r.ok).unwrap().startswith("movie ")


async def test_a_foreign_cancelled_error_is_that_keys_failure_and_the_batch_goes_on() -> None:
    # Issue 13, defect 2: a CancelledError raised by an item's coroutine that does not come
    # from cancelling the batch (a cancelled inner future, a timeout library) dropped keys.
    loop = asyncio.get_running_loop()

    async def call(key: int) -> str:
        await asyncio.sleep(0)
        if key % 3 == 0:
            inner: asyncio.Future[None] = loop.create_future()
            inner.cancel()
            await inner  # raises CancelledError in this task, which nobody cancelled
        if key % 7 == 0:
            raise asyncio.CancelledError  # raised by hand, as some libraries do
        return f"movie {key}"

    async with run_batch(call, range(1, 101), concurrency=8) as batch:
        results = [r async for r in batch]
        progress = batch.progress
    assert sorted(r.key for r in results) == list(range(1, 101))
    failed = {r.key: r.error for r in results if not r.ok}
    expected = sorted(k for k in range(1, 101) if k % 3 == 0 or k % 7 == 0)
    assert sorted(failed) == expected
    assert all(type(e) is ItemCancelledError for e in failed.values())
    assert all(
        isinstance(getattr(e, "__cause__", None), asyncio.CancelledError) for e in failed.values()
    )
    assert all(r.value == f"movie {r.key}" for r in results if r.ok)
    assert (progress.done, progress.failed, progress.in_flight) == (100, len(expected), 0)
    with pytest.raises(ItemCancelledError):
        next(r for r in results if r.key == 3).unwrap()


async def test_cancelling_the_consumer_still_stops_a_batch_of_cancelling_items() -> None:
    # Only the batch's own cancellation stops it, even while items raise CancelledError.
    loop = asyncio.get_running_loop()
    started: list[int] = []
    release = asyncio.Event()

    async def call(key: int) -> int:
        started.append(key)
        if key % 2:
            inner: asyncio.Future[None] = loop.create_future()
            inner.cancel()
            await inner
        await release.wait()
        return key

    seen: list[int] = []

    async def consume() -> None:
        async with run_batch(call, range(1, 10_000), concurrency=4) as batch:
            async for item in batch:
                seen.append(item.key)

    task = asyncio.create_task(consume())
    await settle()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await asyncio.wait_for(task, TIMEOUT)
    assert len(started) < 100  # stopped at once, not run to the end
    assert all(key % 2 for key in seen)


async def test_the_concurrency_bound_is_reached_and_never_exceeded() -> None:
    calls = Calls()
    async with run_batch(calls.quick, range(500), concurrency=7) as batch:
        count = 0
        async for _ in batch:
            count += 1
            assert calls.active <= 7
    assert count == 500
    assert calls.peak == 7


async def test_input_is_consumed_lazily_and_a_slow_consumer_pauses_the_workers() -> None:
    pulled: list[int] = []

    def ids() -> Iterator[int]:
        for i in itertools.count(1):  # endless: only laziness makes this finish
            pulled.append(i)
            yield i

    calls = Calls()
    async with run_batch(calls.quick, ids(), concurrency=5) as batch:
        got = 0
        async for _ in batch:
            got += 1
            await settle()  # a slow consumer
            # Started calls never run ahead of the consumer by more than the queue
            # (5 results) plus the workers (5 calls, one blocked result each).
            assert len(calls.started) <= got + 2 * 5 + 1
            if got == 200:
                break
    assert len(pulled) <= 200 + 2 * 5 + 1


async def test_async_iterable_keys_and_progress() -> None:
    async def ids() -> AsyncIterator[int]:
        for i in range(1, 31):
            await asyncio.sleep(0)
            yield i

    seen: list[BatchProgress] = []
    calls = Calls()
    for key in range(1, 31):
        calls.gate(key).set()
    async with run_batch(calls, ids(), concurrency=4, on_progress=seen.append, total=30) as b:
        results = [r async for r in b]
    assert sorted(r.key for r in results) == list(range(1, 31))
    assert [p.done for p in seen] == list(range(1, 31))
    assert [p.total for p in seen] == [30] * 30
    assert seen[-1].succeeded == 27
    assert seen[-1].failed == 3
    assert all(p.in_flight <= 4 for p in seen)
    assert seen[-1].elapsed >= 0.0


async def test_progress_total_from_len_and_the_batch_progress_property() -> None:
    calls = Calls()
    batch = run_batch(calls.quick, range(12), concurrency=3)
    assert batch.progress == BatchProgress(
        done=0, succeeded=0, failed=0, in_flight=0, total=12, elapsed=0.0
    )
    async with batch:
        async for _ in batch:
            pass
    assert batch.progress.done == 12
    assert batch.progress.succeeded == 12
    assert batch.progress.rate > 0
    assert repr(batch).startswith("<Batch 12/12 done, 0 failed, 0 in flight")


async def test_leaving_the_block_cancels_calls_in_flight() -> None:
    calls = Calls()
    calls.gate(1).set()
    async with run_batch(calls, range(1, 1000), concurrency=6) as batch:
        async for item in batch:
            assert item.key == 1
            await settle()
            assert calls.active == 6
            break
    # On leaving the block the five others were cancelled and have unwound.
    assert calls.active == 0
    assert sorted(calls.cancelled) == [2, 3, 4, 5, 6, 7]
    assert len(calls.started) == 7


async def test_cancelling_the_consumer_cancels_calls_in_flight() -> None:
    calls = Calls()

    async def consume() -> None:
        async with run_batch(calls, range(1, 1000), concurrency=4) as batch:
            async for _ in batch:
                pass

    task = asyncio.create_task(consume())
    await settle()
    assert calls.active == 4
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await asyncio.wait_for(task, TIMEOUT)
    assert calls.active == 0
    assert sorted(calls.cancelled) == [1, 2, 3, 4]


async def test_a_dropped_batch_is_closed_by_the_loop() -> None:
    calls = Calls()
    calls.gate(1).set()

    async def take_one() -> None:
        async for _ in run_batch(calls, range(1, 1000), concurrency=3):
            break  # no `async with`: the batch is dropped here

    await take_one()
    gc.collect()
    for _ in range(50):
        if calls.active == 0:
            break
        await asyncio.sleep(0)
    assert calls.active == 0
    assert sorted(calls.cancelled) == [2, 3, 4]


async def test_a_failing_input_stops_the_batch_and_raises() -> None:
    def ids() -> Iterator[int]:
        yield 1
        yield 2
        raise OSError("ids file vanished")

    calls = Calls()
    calls.gate(1).set()
    calls.gate(2).set()
    got: list[BatchResult[int, str]] = []
    with pytest.raises(OSError, match="ids file vanished"):
        await drain(run_batch(calls, ids(), concurrency=2), got)
    # What finished before the input failed was delivered first.
    assert sorted(r.key for r in got) == [1, 2]
    assert calls.active == 0


async def test_an_exception_in_on_progress_stops_the_batch() -> None:
    calls = Calls()

    def explode(progress: BatchProgress) -> None:
        raise RuntimeError(f"progress broke at {progress.done}")

    calls.gate(1).set()
    with pytest.raises(RuntimeError, match="progress broke at 1"):
        await drain(run_batch(calls, range(1, 100), concurrency=3, on_progress=explode), [])
    assert calls.active == 0
    assert sorted(calls.cancelled) == [2, 3, 4]


async def test_run_awaitables_keys_by_position_and_creates_lazily() -> None:
    created: list[int] = []
    calls = Calls()

    def coros() -> Iterator[Coroutine[Any, Any, str]]:
        for i in range(20):
            created.append(i)
            yield calls.quick(i)

    async with run_awaitables(coros(), concurrency=2) as batch:
        first = await batch.__anext__()
        assert first.ok
        assert len(created) <= 2 + 2 + 1
        rest = [r async for r in batch]
    results = [first, *rest]
    assert sorted(r.key for r in results) == list(range(20))
    assert all(r.value == f"movie {r.key}" for r in results)


@pytest.mark.parametrize("bad", [0, -1, 2.5, True, "3"])
def test_bad_concurrency_is_refused_before_anything_runs(bad: object) -> None:
    def fn(key: int) -> asyncio.Future[int]:  # pragma: no cover - never called
        raise AssertionError("called")

    with pytest.raises(TMDBUsageError, match=r"concurrency must be (an int, not|1 or more)"):
        run_batch(fn, [1], concurrency=bad)  # type: ignore[arg-type]
    with pytest.raises(TMDBUsageError, match="total must be 0 or more, got -1"):
        run_batch(fn, [1], total=-1)
    with pytest.raises(TMDBUsageError, match="fn must be"):
        run_batch("movies", [1])  # type: ignore[arg-type]


async def test_against_the_sandbox_breaking_out_releases_every_connection() -> None:
    async with Sandbox(movie_count=300) as sb, sb.client(max_connections=10) as tmdb:
        async with run_batch(tmdb.movies.details, range(1, 1000), concurrency=10) as batch:
            got: list[BatchResult[int, Movie]] = []
            async for item in batch:
                got.append(item)
                if len(got) == 25:
                    break
        assert all(r.ok for r in got)
        connector = tmdb._core.pool.session().connector
        assert connector is not None
        # aiohttp has no public count of connections in use; _acquired is the set of them.
        assert len(connector._acquired) == 0
        # And the client still works afterwards.
        movie = await tmdb.movies.details(7)
        assert movie.id == 7
        async with run_batch(tmdb.movies.details, [299, 300, 301]) as tail:
            outcome = {r.key: r async for r in tail}
        assert outcome[300].ok
        assert isinstance(outcome[301].error, NotFoundError)
        requests = sb.requests_to("/3/movie/*")
        assert all(r.method == "GET" for r in requests)
        assert all(r.headers["Authorization"] == f"Bearer {sb.access_token}" for r in requests)


def _title_or_failure(item: BatchResult[int, Movie]) -> str:
    # Type-checked by mypy --strict: `ok` narrows, so `item.value` is a Movie here.
    if item.ok:
        return item.value.title or ""
    return type(item.error).__name__


async def test_results_are_successes_or_failures_that_narrow_on_ok() -> None:
    async with Sandbox(movie_count=3) as sb, sb.client(rate_limit=None) as tmdb:
        missing = next(i for i in range(4, 100) if not sb.catalogue.has_movie(i))
        async with run_batch(tmdb.movies.details, [1, missing]) as results:
            got = {r.key: r async for r in results}
    success, failure = got[1], got[missing]
    assert isinstance(success, BatchSuccess)
    assert (success.ok, success.error) == (True, None)
    assert success.unwrap() is success.value
    assert _title_or_failure(success) == success.value.title
    assert isinstance(failure, BatchFailure)
    assert (failure.ok, failure.value) == (False, None)
    assert isinstance(failure.error, ResourceNotFoundError)
    assert _title_or_failure(failure) == "ResourceNotFoundError"
    with pytest.raises(ResourceNotFoundError):
        failure.unwrap()
