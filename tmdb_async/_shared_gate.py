"""The gate of a :class:`~tmdb_async.SharedRateLimit`: a token bucket and a cooldown in Redis.

Loaded only when a client is built with a :class:`~tmdb_async.SharedRateLimit` (it imports
``redis``). It has the interface of :class:`~tmdb_async._ratelimit.RequestGate` (the
:class:`~tmdb_async._ratelimit.Gate` protocol), so the request loop does not know which
one it has.

The algorithm: GCRA, the "generic cell rate algorithm", a token bucket kept as one number,
the bucket's theoretical arrival time (TAT) in microseconds of Redis' clock. One script
run per token (one round trip, ``EVALSHA``) reads the cooldown key and the TAT and either
grants the token (and moves the TAT on by ``1/rate``) or answers how long to wait, and
why. Time is Redis' ``TIME``, so processes on machines whose clocks disagree still share
one schedule. A 429 sets the cooldown key to the end of the cooldown (never earlier than
it was) and the TAT so that the bucket holds one token when the cooldown ends: every
process resumes, together, at the sustained rate. Other processes learn of a cooldown
when they next ask for a token, which is when it matters (no pub/sub connection).

The ``limits`` library was measured for this (``benchmarks/README.md``): its moving
window costs the same round trip, but it has no burst separate from a window of whole
seconds (``40 per second`` lets 40 go at once), a refused hit does not say how long to
wait (a second round trip), and it has no shared cooldown (a third key, another round
trip). The script here is the whole algorithm (about twenty lines of Lua).

In this process the waiters queue first come, first served on an :class:`asyncio.Lock`
(fair and cancellation-safe); only the head of the queue talks to Redis. Its script call
runs as a task of its own, shielded: a waiter cancelled meanwhile leaves the connection in
a clean state, and the next head takes over the call and its answer (a token granted
after all goes to it instead of being lost).

Faults: every Redis call is bounded by ``timeout``. When one fails, Redis counts as down:
one warning is logged, tokens come from a local :class:`RequestGate` with this process's
share of the budget, and a probe tries Redis every ``reconnect_interval`` seconds; when it
answers, one more line is logged and sharing resumes. Nothing is raised to callers.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

import redis.asyncio as aioredis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import RedisError

from ._ratelimit import Clock, RateLimit, RequestGate, Sleep
from .shared import shown_url

if TYPE_CHECKING:
    from redis.commands.core import AsyncScript

    from .shared import SharedRateLimit

__all__ = ["SharedGate"]

logger = logging.getLogger("tmdb_async")

_EPSILON = 1e-9
_GRANTED, _RATE, _COOLING = 0, 1, 2
#: What counts as "Redis is unreachable" (timeouts are OSErrors).
_DOWN = (RedisError, OSError)

# KEYS[1]: the bucket's TAT; KEYS[2]: the end of the cooldown (both µs of Redis time).
# ARGV[1]: µs per token; ARGV[2]: burst; ARGV[3]: a cooldown to start, in µs (0: take a
# token). Answers {kind, µs to wait}: {0, 0} granted; {1, w} no token for w µs; {2, w}
# cooling down for w more µs.
_SCRIPT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local pause = tonumber(ARGV[3])
local cool = tonumber(redis.call('GET', KEYS[2]) or '0')
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if pause > 0 then
  local till = now + pause
  if till > cool then
    redis.call('SET', KEYS[2], string.format('%.0f', till), 'PX', math.ceil(pause / 1000) + 1)
    cool = till
  end
  local next_tat = cool + (burst - 1) * interval
  if next_tat > tat then
    redis.call('SET', KEYS[1], string.format('%.0f', next_tat),
               'PX', math.ceil((next_tat - now) / 1000) + 1)
  end
  return {2, math.floor(cool - now)}
end
if cool > now then return {2, math.floor(cool - now)} end
if tat < now then tat = now end
local new_tat = tat + interval
local wait = new_tat - burst * interval - now
if wait > 0 then return {1, math.floor(wait) + 1} end
redis.call('SET', KEYS[1], string.format('%.0f', new_tat),
           'PX', math.ceil((new_tat - now) / 1000) + 1)
return {0, 0}
"""


class SharedGate:
    """The gate every attempt of one client passes, with its budget kept in Redis.

    Args:
        config: the budget, the Redis URL and the fault settings.
        clock: a monotonic clock in seconds (for the local cooldown and the fallback).
        sleep: the coroutine function used to wait.
    """

    def __init__(self, config: SharedRateLimit, *, clock: Clock, sleep: Sleep) -> None:
        self._config = config
        self._clock = clock
        self._sleep = sleep
        self._interval_us = 1e6 / config.rate
        self._keys = (f"{config.key}:bucket", f"{config.key}:cooldown")
        self._shown = shown_url(config.url)
        #: Tokens while Redis is unreachable: this process's share of the budget.
        self._fallback = RequestGate(config.local_share, clock=clock, sleep=sleep)
        self._queue = asyncio.Lock()
        self._waiting = 0
        self._cooldown_until: float | None = None
        self._now_floor = float("-inf")
        #: The head's call to Redis, while it runs (see _ask).
        self._in_flight: asyncio.Future[tuple[int, int] | None] | None = None
        self._client: aioredis.Redis | None = None
        self._script: AsyncScript | None = None
        self._online = True
        self._probe: asyncio.Task[None] | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self._closed = False
        #: Always True: every attempt asks the gate (the request path checks it).
        self.busy = True
        #: How many cooldowns this process started (429s it saw).
        self.cooldowns = 0
        #: How many times Redis became unreachable (one warning each).
        self.outages = 0

    # ------------------------------------------------------------------ the interface

    @property
    def rate_limit(self) -> RateLimit:
        """The whole shared budget (all processes together)."""
        return self._config.budget

    @property
    def shared(self) -> bool:
        """True while the budget is shared through Redis (False during an outage)."""
        return self._online

    @property
    def waiting(self) -> int:
        """How many tasks of this process are queued at the gate."""
        return self._waiting

    def now(self) -> float:
        """The gate's current time: the clock, but never earlier than the sleeps made."""
        now = self._clock()
        return now if now >= self._now_floor else self._now_floor

    def cooling_down(self) -> float:
        """Seconds left of the cooldown this process knows of (0.0 when there is none)."""
        until = self._cooldown_until
        if until is None:
            return 0.0
        left = until - self.now()
        if left > _EPSILON:
            return left
        self._cooldown_until = None
        return 0.0

    def cool_down(self, seconds: float) -> None:
        """Hold every sender of every process for ``seconds`` (extends, never shortens).

        Takes effect here at once; the cooldown is written to Redis by a task of its own
        (this method is called where nothing may wait).
        """
        if not seconds > 0:
            return
        self.cooldowns += 1
        self._learn(seconds)
        if self._online and not self._closed:
            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:  # pragma: no cover - the request path runs in a loop
                return
            task = loop.create_task(self._call(int(seconds * 1e6)))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def pause(self, seconds: float) -> None:
        """Start a cooldown of ``seconds`` for every process and wait it out."""
        self.cool_down(seconds)
        await self._sleep_for(seconds)

    async def acquire(self) -> None:
        """Wait until this attempt may be sent, then take its token.

        First come, first served among this process's tasks; cancellation-safe.
        """
        self._waiting += 1
        try:
            async with self._queue:
                await self._take()
        finally:
            self._waiting -= 1

    async def close(self) -> None:
        """Stop the probe, finish writing cooldowns, close the Redis connections."""
        self._closed = True
        probe, self._probe = self._probe, None
        if probe is not None:
            probe.cancel()
            await asyncio.gather(probe, return_exceptions=True)
        pending = [*self._tasks, *([self._in_flight] if self._in_flight else [])]
        if pending:  # each bounded by the command timeout
            await asyncio.gather(*pending, return_exceptions=True)
        client, self._client = self._client, None
        if client is not None:
            await client.aclose()

    # ------------------------------------------------------------------ internals

    async def _take(self) -> None:
        """The head of the queue: wait for a token from Redis, or from the fallback."""
        while True:
            wait = self.cooling_down()
            if wait > 0.0:
                await self._sleep_for(wait)
                continue
            if self._online:
                answer = await self._ask()
                if answer is not None:
                    kind, micros = answer
                    if kind == _GRANTED:
                        return
                    if kind == _COOLING:
                        self._learn(micros / 1e6)
                    else:
                        await self._sleep_for(micros / 1e6)
                    continue
            await self._fallback.acquire()
            return

    async def _ask(self) -> tuple[int, int] | None:
        """Ask Redis for a token; ``None`` when Redis is down (then use the fallback).

        The call belongs to the head of the queue, not to the task: when that task is
        cancelled meanwhile, the call goes on (shielded) and the next head takes its
        answer, a granted token included; the connection is never cut mid-command.
        """
        call = self._in_flight
        if call is None:
            call = self._in_flight = asyncio.ensure_future(self._call(0))
            call.add_done_callback(self._landed)
        return await asyncio.shield(call)

    def _landed(self, call: asyncio.Future[tuple[int, int] | None]) -> None:
        if self._in_flight is call:
            self._in_flight = None

    async def _call(self, pause_us: int) -> tuple[int, int] | None:
        """One run of the script; ``None`` (and Redis marked down) when it fails."""
        try:
            script = self._script or self._connect()
            reply = await script(
                keys=self._keys, args=(self._interval_us, self._config.burst, pause_us)
            )
        except _DOWN as exc:
            self._went_down(exc)
            return None
        return int(reply[0]), int(reply[1])

    def _connect(self) -> AsyncScript:
        config = self._config
        client = self._client = aioredis.Redis.from_url(
            config.url,
            socket_connect_timeout=config.timeout,
            socket_timeout=config.timeout,
            # One immediate retry on a broken connection: a Redis restart between two
            # calls costs a reconnect, not an outage. Timeouts are not retried.
            retry=Retry(NoBackoff(), 1),
            client_name=f"tmdb_async:{config.key}",
        )
        script: AsyncScript = client.register_script(_SCRIPT)  # Any in redis < 6
        self._script = script
        return script

    def _learn(self, seconds: float) -> None:
        until = self.now() + seconds
        if self._cooldown_until is None or until > self._cooldown_until:
            self._cooldown_until = until

    async def _sleep_for(self, seconds: float) -> None:
        target = self.now() + seconds
        await self._sleep(seconds)
        if target > self._now_floor:
            self._now_floor = target

    def _went_down(self, exc: BaseException) -> None:
        if not self._online:
            return
        self._online = False
        self.outages += 1
        share = self._config.local_share
        logger.warning(
            "shared rate limit: Redis at %s is unreachable (%s); this process keeps to its "
            "share, %g requests/s, until it answers again",
            self._shown,
            type(exc).__name__,
            share.rate,
        )
        if not self._closed and (self._probe is None or self._probe.done()):
            self._probe = asyncio.get_running_loop().create_task(self._reconnect())

    async def _reconnect(self) -> None:
        """Try Redis every ``reconnect_interval`` seconds until it answers (real time)."""
        interval = self._config.reconnect_interval
        while True:
            await asyncio.sleep(interval)
            try:
                if self._client is None:
                    self._connect()
                assert self._client is not None
                await self._client.ping()
            except _DOWN:
                continue
            self._online = True
            logger.warning(
                "shared rate limit: Redis at %s answers again; sharing resumes", self._shown
            )
            return

    def __repr__(self) -> str:
        state = "shared" if self._online else "local share (Redis unreachable)"
        return (
            f"<SharedGate {self._config.rate:g}/s burst {self._config.burst} "
            f"key={self._config.key!r} {state} waiting={self._waiting}>"
        )
