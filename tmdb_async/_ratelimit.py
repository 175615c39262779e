"""One request budget per client: a FIFO token bucket and a shared 429 cooldown.

TMDB answers HTTP 429 past roughly 40-50 requests per second per IP. A client shared by
thousands of tasks therefore needs *one* budget that all of them draw from, and one
reaction to a 429: when any request is told to back off, every task that is about to
send waits too, instead of each one hammering TMDB and collecting its own 429.

:class:`RequestGate` does both. Every attempt passes ``await gate.acquire()`` before it is
sent:

* with a :class:`RateLimit`, a token bucket (``rate`` tokens per second, at most ``burst``
  saved up) hands out one token per attempt;
* during a cooldown (started by :meth:`RequestGate.cool_down` after a 429) nobody passes;
  when it ends the bucket holds a single token, so the queue drains as a steady stream at
  ``rate`` rather than as a burst that would trigger the next 429.

Waiters are served first come, first served: while anyone is queued, a newcomer queues
behind them even if a token happens to be free. A waiter that is cancelled leaves the
queue without taking a token, and the next one in line takes over. Only the head of the
queue ever sleeps, so a thousand waiters cost one timer.

Time: ``clock`` (default :func:`time.monotonic`) and ``sleep`` (default
:func:`asyncio.sleep`) are injectable. The gate never lets its notion of "now" run slower
than the sleeps it has made, so a fake ``sleep`` that returns at once (as the tests use)
still moves the gate's time forward and nothing spins.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

import attrs

from .errors import TMDBUsageError

__all__ = ["DEFAULT_RATE_LIMIT", "Gate", "RateLimit", "RequestGate"]

Clock = Callable[[], float]

# Waits shorter than this count as none: float rounding (100.1 - 100.0 is a hair under
# 0.1) must not leave a waiter sleeping ever-smaller slivers of time.
_EPSILON = 1e-9
Sleep = Callable[[float], Awaitable[Any]]


def _positive_rate(_: object, attribute: attrs.Attribute[float], value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        raise TMDBUsageError(f"RateLimit.{attribute.name} must be a positive number, got {value!r}")
    if value == float("inf"):
        raise TMDBUsageError(f"RateLimit.{attribute.name} must be finite (use rate_limit=None)")


def _positive_int(_: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise TMDBUsageError(f"RateLimit.{attribute.name} must be an int >= 1, got {value!r}")


@attrs.frozen(kw_only=False)
class RateLimit:
    """How many requests per second one client may start.

    The default, 40 requests per second with a burst of 10, stays inside what TMDB
    documents (about 50 requests per second and 20 connections per IP) with some room for
    other programs on the same address. Pass it as ``TMDBClient(rate_limit=...)``; a plain
    number means that many requests per second with the default burst;
    ``rate_limit=None`` switches the limiter off (the 429 cooldown stays on).

    Attributes:
        rate: requests per second, sustained.
        burst: requests that may start at once after an idle spell (the bucket's size).
    """

    rate: float = attrs.field(default=40.0, validator=_positive_rate)
    burst: int = attrs.field(default=10, validator=_positive_int)


#: The client's default budget.
DEFAULT_RATE_LIMIT = RateLimit()


class Gate(Protocol):
    """What the request path needs of a gate: :class:`RequestGate`, or the Redis-backed
    :class:`~tmdb_async._shared_gate.SharedGate` of a :class:`~tmdb_async.SharedRateLimit`.
    """

    #: False only when :meth:`acquire` would certainly pass at once (the path skips it).
    busy: bool
    #: How many cooldowns this gate started.
    cooldowns: int

    @property
    def rate_limit(self) -> RateLimit | None:
        """The budget the gate enforces, or ``None``."""

    @property
    def waiting(self) -> int:
        """How many tasks are queued at the gate."""

    def now(self) -> float:
        """The gate's current time in seconds."""

    def cooling_down(self) -> float:
        """Seconds left of the current cooldown (0.0 when there is none)."""

    def cool_down(self, seconds: float) -> None:
        """Hold every sender for ``seconds`` from now (extends, never shortens)."""

    async def pause(self, seconds: float) -> None:
        """Start a cooldown of ``seconds`` and wait it out."""

    async def acquire(self) -> None:
        """Wait until this attempt may be sent, then take its token."""

    async def close(self) -> None:
        """Release what the gate holds (the pool calls it when it closes)."""


class RequestGate:
    """The shared gate every attempt of one client passes before it is sent.

    Args:
        rate_limit: the budget, or ``None`` for no rate limit (cooldowns still apply).
        clock: a monotonic clock in seconds.
        sleep: the coroutine function used to wait.
    """

    __slots__ = (
        "_burst",
        "_clock",
        "_cooldown_until",
        "_interval",
        "_last",
        "_now_floor",
        "_rate",
        "_sleep",
        "_tokens",
        "_waiters",
        "busy",
        "cooldowns",
    )

    def __init__(
        self,
        rate_limit: RateLimit | None,
        *,
        clock: Clock = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self._clock = clock
        self._sleep = sleep
        self._rate = rate_limit.rate if rate_limit is not None else None
        self._interval = 1.0 / rate_limit.rate if rate_limit is not None else 0.0
        self._burst = float(rate_limit.burst) if rate_limit is not None else 0.0
        self._tokens = self._burst
        self._last: float | None = None
        self._cooldown_until: float | None = None
        # "Now" never runs slower than the sleeps made (see the module docstring).
        self._now_floor = float("-inf")
        self._waiters: deque[asyncio.Future[None]] = deque()
        #: False only when ``acquire`` would certainly pass at once without a rate limit:
        #: the request path checks it to skip the call altogether.
        self.busy = self._rate is not None
        #: How many cooldowns were started (for monitoring and tests).
        self.cooldowns = 0

    @property
    def rate_limit(self) -> RateLimit | None:
        """The budget this gate enforces, or ``None``."""
        if self._rate is None:
            return None
        return RateLimit(self._rate, int(self._burst))

    @property
    def waiting(self) -> int:
        """How many tasks are queued at the gate."""
        return len(self._waiters)

    def now(self) -> float:
        """The gate's current time: the clock, but never earlier than the sleeps made."""
        now = self._clock()
        floor = self._now_floor
        return now if now >= floor else floor

    def cooling_down(self) -> float:
        """Seconds left of the current cooldown (0.0 when there is none)."""
        until = self._cooldown_until
        if until is None:
            return 0.0
        return max(0.0, until - self.now())

    # ------------------------------------------------------------------ 429 cooldown

    def cool_down(self, seconds: float) -> None:
        """Hold every sender for ``seconds`` from now (extends, never shortens, a cooldown).

        Called when TMDB answers 429. When the cooldown ends the bucket holds one token, so
        the tasks queued behind it resume at the sustained rate, not all at once.
        """
        if not seconds > 0:
            return
        until = self.now() + seconds
        if self._cooldown_until is not None and self._cooldown_until >= until:
            return
        self._cooldown_until = until
        self.cooldowns += 1
        self.busy = True
        if self._rate is not None:
            self._tokens = 1.0
            self._last = until

    async def pause(self, seconds: float) -> None:
        """Start a cooldown of ``seconds`` and wait it out (the task that got the 429).

        The caller then passes :meth:`acquire` like any other attempt; a cooldown that was
        extended meanwhile (a longer ``Retry-After`` elsewhere) holds it there.
        """
        self.cool_down(seconds)
        await self._sleep_for(seconds)

    # ------------------------------------------------------------------ the gate

    async def acquire(self) -> None:
        """Wait until this attempt may be sent, then take its token.

        First come, first served; cancellation-safe (a cancelled waiter takes nothing).
        """
        if not self._waiters and self._try_take():
            return
        loop = asyncio.get_running_loop()
        me: asyncio.Future[None] = loop.create_future()
        waiters = self._waiters
        waiters.append(me)
        self.busy = True
        try:
            if waiters[0] is not me:
                await me  # woken when every earlier waiter has left the queue
            slept = False
            while True:
                wait = self._wait_needed(late_ok=slept)
                if wait <= 0.0:
                    self._take()
                    return
                await self._sleep_for(wait)
                slept = True
        finally:
            # Leave the queue whether we passed, failed or were cancelled, and hand the
            # head position on; a cancelled waiter has taken no token.
            if waiters and waiters[0] is me:
                waiters.popleft()
            else:
                waiters.remove(me)  # only this task ever removes `me`
            if waiters:
                head = waiters[0]
                if not head.done():
                    head.set_result(None)
            else:
                self._update_busy()

    async def close(self) -> None:
        """Nothing to release: the gate lives in this process only."""

    # ------------------------------------------------------------------ internals

    async def _sleep_for(self, seconds: float) -> None:
        target = self.now() + seconds
        await self._sleep(seconds)
        if target > self._now_floor:
            self._now_floor = target

    def _update_busy(self) -> None:
        if self._rate is not None:
            self.busy = True
        else:
            self.busy = bool(self._waiters) or self._cooldown_until is not None

    def _wait_needed(self, *, late_ok: bool = False) -> float:
        """Seconds until a token is free (<= 0: free now); also ends a finished cooldown.

        ``late_ok``: the head of the queue slept for its token and may have woken late.
        The time it overslept still counts (up to one token beyond the bucket), so the
        queue keeps to the schedule instead of losing a sliver of budget per wake-up.
        """
        now = self.now()
        until = self._cooldown_until
        if until is not None:
            if until - now > _EPSILON:
                return until - now
            self._cooldown_until = None
        if self._rate is None:
            return 0.0
        self._refill(now, extra=1.0 if late_ok else 0.0)
        missing = 1.0 - self._tokens
        if missing <= _EPSILON:
            return 0.0
        return missing * self._interval

    def _refill(self, now: float, extra: float = 0.0) -> None:
        last = self._last
        if last is None:
            self._last = now
            return
        if now > last:
            rate = self._rate
            assert rate is not None
            tokens = self._tokens + (now - last) * rate
            cap = self._burst + extra
            self._tokens = tokens if tokens < cap else cap
            self._last = now

    def _take(self) -> None:
        if self._rate is not None:
            self._tokens -= 1.0

    def _try_take(self) -> bool:
        """The fast path: pass at once when nothing is queued and a token is free."""
        if self._wait_needed() > 0.0:
            return False
        self._take()
        if self._rate is None:
            self._update_busy()
        return True

    def __repr__(self) -> str:
        limit = f"{self._rate:g}/s burst {int(self._burst)}" if self._rate else "unlimited"
        return f"<RequestGate {limit} waiting={len(self._waiters)}>"
