"""Run one endpoint over many ids with bounded concurrency, streaming results as they finish.

::

    from tmdb_async import TMDBClient
    from tmdb_async.batch import run_batch

    async with TMDBClient(access_token=TOKEN) as tmdb:
        async with run_batch(tmdb.movies.details, range(1, 5001), concurrency=20) as results:
            async for item in results:
                if item.ok:
                    print(item.key, item.value.title)
                else:
                    print(item.key, "failed:", item.error)

* **Streaming, flat memory.** ``concurrency`` worker tasks pull keys from the input one at a
  time (a ``range``, a generator, an async iterator of a million ids ...) and hand each
  result over as soon as it is done, in completion order. Nothing is built per id up
  front, and at most ``concurrency`` results wait for a slow consumer: the workers pause
  until it catches up.
* **One failure never aborts the job.** Each item is a :class:`BatchResult`: the value, or
  the exception that call raised (a typed :class:`~tmdb_async.TMDBError` for TMDB's
  answers). Retries, the rate limit and the 429 cooldown are the client's, shared by all
  workers. Every key is reported exactly once: a call that raises ``CancelledError`` while
  the batch itself is not being cancelled is that key's failure
  (:class:`ItemCancelledError`).
* **Clean cancellation.** Leaving the ``async with`` block, breaking out of the loop, or
  cancelling the task that consumes the results cancels the calls in flight and waits for
  them to finish, so every connection goes back to the pool. Use ``async with`` (or
  :meth:`Batch.aclose`) to have that happen at once; a :class:`Batch` simply dropped is
  closed by the event loop's async-generator finaliser shortly after.
* **Progress** goes to an ``on_progress`` callback after each result, as a
  :class:`BatchProgress`.

The runner knows nothing about TMDB: ``fn`` is any coroutine function of one key, and
:func:`run_awaitables` takes ready-made awaitables.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import (
    AsyncGenerator,
    AsyncIterable,
    AsyncIterator,
    Awaitable,
    Callable,
    Iterable,
    Iterator,
    Sized,
)
from types import TracebackType
from typing import Generic, Literal, NoReturn, TypeAlias, TypeVar

import attrs

from ._checks import check_int
from .errors import TMDBError, TMDBUsageError

__all__ = [
    "DEFAULT_CONCURRENCY",
    "Batch",
    "BatchFailure",
    "BatchProgress",
    "BatchResult",
    "BatchSuccess",
    "ItemCancelledError",
    "run_awaitables",
    "run_batch",
]

K = TypeVar("K")
V = TypeVar("V")

#: Calls in flight at once by default: TMDB's 20 connections per IP.
DEFAULT_CONCURRENCY = 20


@attrs.frozen(slots=True)
class BatchSuccess(Generic[K, V]):
    """A call of a batch that succeeded.

    ``ok`` is ``Literal[True]``, so ``if item.ok:`` narrows a :data:`BatchResult` to this
    class for type checkers (``item.value`` is then ``V``, not ``V | None``).

    Attributes:
        key: the input the call was made for (an id, or the index of an awaitable).
        value: what the call returned.
    """

    key: K
    value: V

    @property
    def ok(self) -> Literal[True]:
        """True: the call succeeded."""
        return True

    @property
    def error(self) -> None:
        """None: the call raised nothing."""
        return None

    def unwrap(self) -> V:
        """The value."""
        return self.value


@attrs.frozen(slots=True)
class BatchFailure(Generic[K]):
    """A call of a batch that raised.

    Attributes:
        key: the input the call was made for (an id, or the index of an awaitable).
        error: the exception the call raised (a typed :class:`~tmdb_async.TMDBError` for
            TMDB's answers).
    """

    key: K
    error: Exception

    @property
    def ok(self) -> Literal[False]:
        """False: the call failed."""
        return False

    @property
    def value(self) -> None:
        """None: the call returned nothing."""
        return None

    def unwrap(self) -> NoReturn:
        """Raise the call's exception."""
        raise self.error


#: The outcome of one call of a batch: a :class:`BatchSuccess` or a :class:`BatchFailure`.
#: ``if item.ok:`` (or ``isinstance``) tells them apart, for type checkers too.
BatchResult: TypeAlias = BatchSuccess[K, V] | BatchFailure[K]


@attrs.frozen(slots=True)
class BatchProgress:
    """How far a batch has got; passed to ``on_progress`` after every result.

    Attributes:
        done: results delivered so far.
        succeeded: of those, successes.
        failed: of those, failures.
        in_flight: calls running right now.
        total: the number of inputs when known (``len()`` of the input, or ``total=``).
        elapsed: seconds since the batch started.
    """

    done: int
    succeeded: int
    failed: int
    in_flight: int
    total: int | None
    elapsed: float

    @property
    def rate(self) -> float:
        """Results per second so far."""
        return self.done / self.elapsed if self.elapsed > 0 else 0.0


class ItemCancelledError(TMDBError):
    """One call of a batch raised ``asyncio.CancelledError`` though the batch was not cancelled.

    A cancelled inner future, or a timeout library, can end a single call that way; it is
    that key's failure (the ``CancelledError`` is the ``__cause__``), and the batch goes on.
    Only cancelling the batch itself (leaving its ``async with`` block, ``aclose()``, or
    cancelling the consuming task) stops it.
    """


_Thunk = Callable[[], Awaitable[V]]
_Jobs = Iterator[tuple[K, _Thunk[V]]] | AsyncIterator[tuple[K, _Thunk[V]]]


class _Tally:
    """The counters a batch's workers and its stream share (and nothing else).

    Workers hold this, never the :class:`Batch` or its stream, so a batch that the
    consumer drops is freed at once and the loop's async-generator finaliser closes it.
    """

    __slots__ = ("clock", "done", "failed", "in_flight", "started", "succeeded", "total")

    def __init__(self, total: int | None, clock: Callable[[], float]) -> None:
        self.clock = clock
        self.total = total
        self.started: float | None = None
        self.done = 0
        self.succeeded = 0
        self.failed = 0
        self.in_flight = 0

    def snapshot(self) -> BatchProgress:
        elapsed = self.clock() - self.started if self.started is not None else 0.0
        return BatchProgress(
            done=self.done,
            succeeded=self.succeeded,
            failed=self.failed,
            in_flight=self.in_flight,
            total=self.total,
            elapsed=elapsed,
        )


class Batch(Generic[K, V]):
    """A running batch: an async iterator of :class:`BatchResult`, and an async context manager.

    Made by :func:`run_batch` or :func:`run_awaitables`; nothing starts until the first
    result is asked for. Iterate it once.
    """

    __slots__ = ("_stream", "_tally")

    def __init__(
        self,
        jobs: _Jobs[K, V],
        *,
        concurrency: int,
        on_progress: Callable[[BatchProgress], object] | None,
        total: int | None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._tally = _Tally(total, clock)
        self._stream = _stream(jobs, concurrency, on_progress, self._tally)

    @property
    def progress(self) -> BatchProgress:
        """Where the batch is now."""
        return self._tally.snapshot()

    def __aiter__(self) -> Batch[K, V]:
        return self

    async def __anext__(self) -> BatchResult[K, V]:
        return await self._stream.__anext__()

    async def aclose(self) -> None:
        """Stop: cancel the calls in flight and wait until they have let go. Idempotent."""
        await self._stream.aclose()

    async def __aenter__(self) -> Batch[K, V]:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    def __repr__(self) -> str:
        p = self.progress
        of = f"/{p.total}" if p.total is not None else ""
        return f"<Batch {p.done}{of} done, {p.failed} failed, {p.in_flight} in flight>"


class _Run(Generic[K, V]):
    """What one batch's workers share: the jobs, the bounded queue of results, the state.

    Like :class:`_Tally`, it never refers to the :class:`Batch` or its stream.
    """

    def __init__(self, jobs: _Jobs[K, V], concurrency: int, tally: _Tally) -> None:
        self.jobs = jobs
        self.tally = tally
        # Bounded: a slow consumer pauses the workers instead of piling results up.
        self.ready: asyncio.Queue[BatchResult[K, V]] = asyncio.Queue(maxsize=concurrency)
        self.wakeup: asyncio.Future[None] | None = None
        self.live = concurrency
        self.crash: list[Exception] = []
        self.stopping = False  # set before the workers are cancelled: the batch's own
        self.fetch_lock = asyncio.Lock()

    def wake(self) -> None:
        """Wake the stream waiting for a result (or the end)."""
        wakeup = self.wakeup
        if wakeup is not None and not wakeup.done():
            wakeup.set_result(None)

    async def wait(self) -> None:
        """Wait until a worker has news."""
        self.wakeup = asyncio.get_running_loop().create_future()
        await self.wakeup

    async def next_job(self) -> tuple[K, _Thunk[V]] | None:
        """The next job, or ``None`` at the end of the input."""
        jobs = self.jobs
        if isinstance(jobs, Iterator):
            return next(jobs, None)
        # An async iterator may not be advanced by two tasks at once.
        async with self.fetch_lock:
            try:
                return await jobs.__anext__()
            except StopAsyncIteration:
                return None

    async def worker(self) -> None:
        """Run jobs one after another until the input ends, fails, or the batch stops."""
        try:
            while not self.crash:
                try:
                    job = await self.next_job()
                except Exception as exc:  # the input itself failed: the batch stops
                    self.crash.append(exc)
                    return
                if job is None:
                    return
                result = await self.run_one(*job)
                await self.ready.put(result)
                self.wake()
        finally:
            self.live -= 1
            self.wake()

    async def run_one(self, key: K, thunk: _Thunk[V]) -> BatchResult[K, V]:
        """One call's result: its value, or the exception it raised."""
        tally = self.tally
        tally.in_flight += 1
        try:
            value = await thunk()
        except Exception as exc:
            return BatchFailure(key, exc)
        except asyncio.CancelledError as exc:
            if self.stopping or _cancel_requested():
                raise  # the batch (or this worker's task) is being cancelled
            failure = ItemCancelledError(
                "the call raised CancelledError without the batch being cancelled"
            )
            failure.__cause__ = exc
            return BatchFailure(key, failure)
        finally:
            tally.in_flight -= 1
        return BatchSuccess(key, value)

    def count(self, item: BatchResult[K, V]) -> None:
        """Count a result handed to the consumer."""
        tally = self.tally
        tally.done += 1
        if item.error is None:
            tally.succeeded += 1
        else:
            tally.failed += 1

    async def stop(self, workers: list[asyncio.Task[None]]) -> None:
        """Cancel the workers and wait until they let go; close the input."""
        self.stopping = True
        for task in workers:
            task.cancel()
        # Wait for the cancelled calls to unwind, so their connections are back in the
        # pool before the caller goes on. Their outcome (CancelledError) is of no interest.
        await asyncio.gather(*workers, return_exceptions=True)
        closer = getattr(self.jobs, "aclose", None)
        if closer is not None:
            await closer()


async def _stream(
    jobs: _Jobs[K, V],
    concurrency: int,
    on_progress: Callable[[BatchProgress], object] | None,
    tally: _Tally,
) -> AsyncGenerator[BatchResult[K, V], None]:
    """The batch itself: ``concurrency`` workers feeding a bounded queue that we drain."""
    tally.started = tally.clock()
    loop = asyncio.get_running_loop()
    run: _Run[K, V] = _Run(jobs, concurrency, tally)
    workers = [loop.create_task(run.worker()) for _ in range(concurrency)]
    try:
        while True:
            if not run.ready.empty():
                item = run.ready.get_nowait()
                run.count(item)
                if on_progress is not None:
                    on_progress(tally.snapshot())
                yield item
                continue
            if run.crash:
                raise run.crash[0]
            if run.live == 0:
                return
            await run.wait()
    finally:
        await run.stop(workers)


def _cancel_requested() -> bool:
    """Whether someone asked to cancel the current task."""
    task = asyncio.current_task()
    return task is not None and task.cancelling() > 0


def _total_of(items: object, total: int | None) -> int | None:
    if total is not None:
        return check_int(total, "total", low=0)
    return len(items) if isinstance(items, Sized) else None


def run_batch(
    fn: Callable[[K], Awaitable[V]],
    keys: Iterable[K] | AsyncIterable[K],
    *,
    concurrency: int = DEFAULT_CONCURRENCY,
    on_progress: Callable[[BatchProgress], object] | None = None,
    total: int | None = None,
) -> Batch[K, V]:
    """Call ``fn(key)`` for every key, ``concurrency`` at a time; stream the results.

    Args:
        fn: a coroutine function of one key, e.g. ``tmdb.movies.details``. Use
            ``functools.partial`` or a lambda for more arguments.
        keys: the inputs: any iterable or async iterable, consumed lazily (a ``range`` of
            a million ids costs nothing up front).
        concurrency: calls in flight at once (default 20, TMDB's connections per IP). The
            client's own ``max_connections`` and rate limit still apply on top.
        on_progress: called with a :class:`BatchProgress` after each result (from the
            consuming task; an exception in it stops the batch and propagates).
        total: the number of keys, for progress, when ``len(keys)`` does not say.

    Returns:
        A :class:`Batch` yielding one :class:`BatchResult` per key, in completion order.

    Raises:
        TMDBUsageError: a bad ``concurrency`` or ``total`` (at once, before any call).
    """
    size = check_int(concurrency, "concurrency", low=1)
    count = _total_of(keys, total)
    if not callable(fn):
        raise TMDBUsageError("fn must be a coroutine function of one key")

    if isinstance(keys, AsyncIterable):

        async def async_jobs() -> AsyncIterator[tuple[K, _Thunk[V]]]:
            async for key in keys:
                yield key, _bind(fn, key)

        return Batch(async_jobs(), concurrency=size, on_progress=on_progress, total=count)
    jobs = ((key, _bind(fn, key)) for key in keys)
    return Batch(jobs, concurrency=size, on_progress=on_progress, total=count)


def run_awaitables(
    awaitables: Iterable[Awaitable[V]],
    *,
    concurrency: int = DEFAULT_CONCURRENCY,
    on_progress: Callable[[BatchProgress], object] | None = None,
    total: int | None = None,
) -> Batch[int, V]:
    """Await ready-made awaitables, ``concurrency`` at a time; keys are their positions.

    Pass a generator so that each coroutine is only created when a worker is free (a
    list of a million coroutines would defeat the point, and the ones never reached would
    warn that they were never awaited)::

        run_awaitables(tmdb.movies.details(i, language="de") for i in ids)
    """
    size = check_int(concurrency, "concurrency", low=1)
    count = _total_of(awaitables, total)
    jobs = ((index, _ready(aw)) for index, aw in enumerate(awaitables))
    return Batch(jobs, concurrency=size, on_progress=on_progress, total=count)


def _bind(fn: Callable[[K], Awaitable[V]], key: K) -> _Thunk[V]:
    def thunk() -> Awaitable[V]:
        return fn(key)

    return thunk


def _ready(aw: Awaitable[V]) -> _Thunk[V]:
    def thunk() -> Awaitable[V]:
        return aw

    return thunk
