"""Attempt timeouts with one timer per tick instead of one per request.

aiohttp's own ``ClientTimeout(total=...)`` schedules and cancels a timer for every
request: at thousands of requests a second that bookkeeping was about 5 % of the CPU a
request costs (callgrind, see benchmarks/run.py). :class:`Deadlines` puts each attempt in
the bucket of the tick its deadline falls in; one timer per bucket cancels whatever is
still in it when the tick comes. An attempt therefore ends between ``timeout`` and
``timeout + tick`` seconds after it started (the tick is at most 1 s, and a tenth of the
timeout for short ones; aiohttp itself rounds timeouts of 5 s and more up to whole
seconds).

Cancellation follows :func:`asyncio.timeout`: the expired attempt's task is cancelled, and
the ``CancelledError`` becomes a timeout only if nobody else cancelled the task meanwhile
(``Task.uncancel``); a cancellation from outside always propagates.
"""

from __future__ import annotations

import asyncio
import math
from typing import Any, Protocol

__all__ = ["NO_DEADLINES", "Deadlines", "NoDeadlines", "Timer"]


class Timer(Protocol):
    """What the request path uses of a pool's deadlines (:class:`Deadlines` or none)."""

    def start(self) -> Any:
        """Time the current task's attempt; the result goes to ``expired`` and ``stop``."""

    def expired(self, attempt: Any, exc: BaseException) -> bool:
        """Whether ``exc`` is the attempt's deadline's cancellation (and only that)."""

    def stop(self, attempt: Any) -> None:
        """The attempt is over."""


class Deadlines:
    """Timeouts for the attempts of one pool, in one event loop.

    Args:
        loop: the loop the pool's session runs in.
        timeout: seconds an attempt may take.
    """

    def __init__(self, loop: asyncio.AbstractEventLoop, timeout: float) -> None:
        self._loop = loop
        self.timeout = timeout
        self.tick = min(1.0, timeout / 10)
        # bucket -> {task: task.cancelling() when its attempt started}; a task runs one
        # attempt at a time, so the task identifies the attempt.
        self._buckets: dict[int, dict[asyncio.Task[Any], int]] = {}
        self._expired: dict[asyncio.Task[Any], int] = {}

    def start(self) -> tuple[asyncio.Task[Any], int]:
        """Time the current task's attempt; pass the result to :meth:`stop` in ``finally``."""
        task = asyncio.current_task(self._loop)
        if task is None:  # pragma: no cover - aiohttp needs a task as well
            raise RuntimeError("a TMDB request must run inside an asyncio task")
        bucket = math.ceil((self._loop.time() + self.timeout) / self.tick)
        entries = self._buckets.get(bucket)
        if entries is None:
            entries = self._buckets[bucket] = {}
            self._loop.call_at(bucket * self.tick, self._expire, bucket)
        entries[task] = task.cancelling()
        return task, bucket

    def timed_out(self, attempt: tuple[asyncio.Task[Any], int]) -> bool:
        """Call while handling ``CancelledError``: True if the cancellation was ours only.

        Consumes our cancellation (``uncancel``), as :func:`asyncio.timeout` does, so the
        task is not left marked as being cancelled; a cancellation from anyone else (as
        well) makes this False, and the ``CancelledError`` must propagate.
        """
        task = attempt[0]
        cancelling = self._expired.pop(task, None)
        if cancelling is None:
            return False
        remaining: int = task.uncancel()
        return remaining <= cancelling

    def expired(self, attempt: tuple[asyncio.Task[Any], int], exc: BaseException) -> bool:
        """Whether ``exc``, raised in the attempt, is its deadline's cancellation only.

        Call while handling ``exc`` (see :meth:`timed_out`).
        """
        return isinstance(exc, asyncio.CancelledError) and self.timed_out(attempt)

    def stop(self, attempt: tuple[asyncio.Task[Any], int]) -> None:
        """The attempt is over (in any way): forget it."""
        task, bucket = attempt
        entries = self._buckets.get(bucket)
        if entries is not None:
            entries.pop(task, None)
        elif self._expired:
            self._expired.pop(task, None)

    def _expire(self, bucket: int) -> None:
        entries = self._buckets.pop(bucket, None)
        if entries:
            self._expired.update(entries)
            for task in entries:
                task.cancel()

    def expire_now(self) -> None:
        """Expire every attempt being timed, as if its tick had come (for tests: a timeout
        that fires at a chosen moment rather than after some wall-clock time)."""
        for bucket in list(self._buckets):
            self._expire(bucket)

    def pending(self) -> int:
        """How many attempts are being timed or expired unhandled (for tests)."""
        return sum(len(entries) for entries in self._buckets.values()) + len(self._expired)


class NoDeadlines:
    """The deadlines of a pool without a timeout in seconds: nothing is timed."""

    timeout = None

    def start(self) -> None:
        """Nothing to time."""

    def expired(self, attempt: None, exc: BaseException) -> bool:
        """Never: no deadline cancels an attempt."""
        return False

    def stop(self, attempt: None) -> None:
        """Nothing to forget."""


#: The one :class:`NoDeadlines`.
NO_DEADLINES = NoDeadlines()
