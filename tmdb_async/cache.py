"""Response caches for ``TMDBClient(cache=...)``: in memory, or on Redis for many processes.

::

    from tmdb_async import MemoryCache, RedisCache, TMDBClient

    tmdb = TMDBClient(access_token=TOKEN, cache=MemoryCache(max_entries=10_000))
    tmdb = TMDBClient(access_token=TOKEN, cache=RedisCache("redis://127.0.0.1:6379/0"))

Only GETs of public data are ever stored (never a user's view, a session, an account, an
authentication call, an error or a non-GET), under keys that hold no secret; TMDB's
``Cache-Control`` and ``ETag`` decide freshness and revalidation, and the client's
``cache_ttl`` (per view: ``with_options(cache_ttl=...)``) where TMDB says nothing. The rules
live in :mod:`tmdb_async._cache`.

:class:`RedisCache` needs the ``redis`` extra (``pip install tmdb-async[redis]``); redis-py
is imported on its first use, not with this module.
"""

from __future__ import annotations

import json
import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ._cache import CachedAnswer
from ._checks import check_int, check_number
from .errors import TMDBUsageError
from .shared import check_redis_url, shown_url

if TYPE_CHECKING:
    from redis.asyncio import Redis

__all__ = ["MemoryCache", "RedisCache", "ResponseCache"]

logger = logging.getLogger("tmdb_async")

Clock = Callable[[], float]


class ResponseCache:
    """Where a client keeps answers: :class:`MemoryCache` or :class:`RedisCache`.

    Attributes:
        clock: the wall clock freshness is measured on (seconds; tests inject their own).
    """

    def __init__(self, clock: Clock) -> None:
        if not callable(clock):
            raise TMDBUsageError("clock must be a callable returning seconds")
        self.clock = clock

    def peek(self, key: str) -> CachedAnswer | None:
        """The answer under ``key`` if it can be read without I/O (in memory), else None."""
        return None

    async def load(self, key: str) -> CachedAnswer | None:  # pragma: no cover - abstract
        """The answer under ``key``, or ``None``."""
        raise NotImplementedError

    async def save(
        self, key: str, answer: CachedAnswer, keep_for: float
    ) -> None:  # pragma: no cover - abstract
        """Keep ``answer`` under ``key`` for ``keep_for`` seconds at most."""
        raise NotImplementedError

    async def forget(self, key: str) -> None:  # pragma: no cover - abstract
        """Drop the answer under ``key`` (TMDB said not to store it)."""
        raise NotImplementedError

    async def close(self) -> None:
        """Release connections (the client calls it when it closes)."""


class MemoryCache(ResponseCache):
    """A cache in this process's memory, least recently used first out.

    It keeps the answers' bytes and the models built from them (frozen: a hit returns the
    same object, no decoding), bounded by ``max_entries`` answers and ``max_bytes`` bytes
    of answers (the models come on top: roughly as large again).

    Args:
        max_entries: answers kept at most (default 1,024).
        max_bytes: bytes of answers kept at most (default 64 MiB); a larger answer is not
            kept.
        clock: the clock freshness is measured on (default ``time.time``).

    Raises:
        TMDBUsageError: a bound that is not a positive int.
    """

    def __init__(
        self,
        *,
        max_entries: int = 1024,
        max_bytes: int = 64 * 1024 * 1024,
        clock: Clock = time.time,
    ) -> None:
        super().__init__(clock)
        for name, value in (("max_entries", max_entries), ("max_bytes", max_bytes)):
            check_int(value, name, low=1)
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._entries: OrderedDict[str, tuple[CachedAnswer, float]] = OrderedDict()
        self._bytes = 0

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def size(self) -> int:
        """Bytes of answers kept now."""
        return self._bytes

    def keys(self) -> list[str]:
        """The keys kept now, least recently used first."""
        return list(self._entries)

    def peek(self, key: str) -> CachedAnswer | None:
        """The answer under ``key`` (marked as recently used), or ``None``."""
        item = self._entries.get(key)
        if item is None:
            return None
        answer, expires = item
        if self.clock() >= expires:
            self._drop(key)
            return None
        self._entries.move_to_end(key)
        return answer

    async def load(self, key: str) -> CachedAnswer | None:
        """The answer under ``key``, or ``None``."""
        return self.peek(key)

    async def save(self, key: str, answer: CachedAnswer, keep_for: float) -> None:
        """Keep ``answer``, evicting the least recently used beyond the bounds."""
        self._drop(key)
        size = len(answer.body)
        if size > self.max_bytes:
            return
        if answer.decoded is None:
            answer.decoded = {}
        self._entries[key] = (answer, self.clock() + keep_for)
        self._bytes += size
        entries = self._entries
        while len(entries) > self.max_entries or self._bytes > self.max_bytes:
            self._drop(next(iter(entries)))

    async def forget(self, key: str) -> None:
        """Drop the answer under ``key``."""
        self._drop(key)

    def clear(self) -> None:
        """Drop every answer."""
        self._entries.clear()
        self._bytes = 0

    def _drop(self, key: str) -> None:
        item = self._entries.pop(key, None)
        if item is not None:
            self._bytes -= len(item[0].body)

    def __repr__(self) -> str:
        return (
            f"<MemoryCache {len(self._entries)}/{self.max_entries} answers, "
            f"{self._bytes}/{self.max_bytes} bytes>"
        )


#: What a Redis failure looks like; anything else is a bug and propagates.
def _redis_failures() -> tuple[type[BaseException], ...]:
    from redis.exceptions import RedisError

    return (RedisError, OSError, TimeoutError)


class RedisCache(ResponseCache):
    """A cache on Redis, shared by every process (and machine) that uses the same server.

    Each answer is one Redis string (a small JSON header line, then the body) under
    ``prefix`` + the request's public URL, expiring on its own. Keys and values hold no
    secret: only public answers are stored, under keys without ``api_key``.

    A Redis failure never fails a request: the call goes to TMDB, a warning is logged once
    per outage, and Redis is left alone for ``retry_after`` seconds before it is tried again.

    Args:
        url: the server, ``redis://[[user]:password@]host:port/db`` (or ``rediss://``,
            ``unix://``); its password is never shown.
        prefix: the start of every key (default ``"tmdb_async:cache:"``).
        timeout: seconds one Redis command may take (default 0.5).
        retry_after: seconds Redis is skipped after a failure (default 5).
        clock: the wall clock freshness is measured on (default ``time.time``; every
            process must agree on it).

    Raises:
        TMDBUsageError: a bad ``url``, ``prefix``, ``timeout`` or ``retry_after`` (a URL is
            shown only with its password hidden).
    """

    def __init__(
        self,
        url: str = "redis://127.0.0.1:6379/0",
        *,
        prefix: str = "tmdb_async:cache:",
        timeout: float = 0.5,
        retry_after: float = 5.0,
        clock: Clock = time.time,
    ) -> None:
        super().__init__(clock)
        check_redis_url(url, "url")
        if not isinstance(prefix, str) or not prefix:
            raise TMDBUsageError("prefix must be a non-empty str")
        for name, value in (("timeout", timeout), ("retry_after", retry_after)):
            check_number(value, name)
        self._url = url
        self._shown = shown_url(url)  # the password hidden: for repr and log lines
        self.prefix = prefix
        self.timeout = float(timeout)
        self.retry_after = float(retry_after)
        self._redis: Redis | None = None
        self._down_until: float | None = None

    def _client(self) -> Redis:
        client = self._redis
        if client is None:
            from redis.asyncio import Redis

            client = self._redis = Redis.from_url(
                self._url,
                socket_timeout=self.timeout,
                socket_connect_timeout=self.timeout,
            )
        return client

    def _usable(self) -> bool:
        down = self._down_until
        return down is None or time.monotonic() >= down

    def _failed(self, exc: BaseException) -> None:
        if self._down_until is None:
            logger.warning(
                "response cache: Redis at %s failed (%s); answers come from TMDB, and Redis "
                "is tried again every %.0f s",
                self._shown,
                type(exc).__name__,
                self.retry_after,
            )
        self._down_until = time.monotonic() + self.retry_after

    def _worked(self) -> None:
        if self._down_until is not None:
            self._down_until = None
            logger.info("response cache: Redis at %s is back", self._shown)

    async def _run(self, command: Callable[[Redis], Any]) -> Any:
        """Run one command; ``None`` when Redis failed (logged once per outage)."""
        if not self._usable():
            return None
        try:
            result = await command(self._client())
        except _redis_failures() as exc:
            self._failed(exc)
            return None
        self._worked()
        return result

    async def load(self, key: str) -> CachedAnswer | None:
        """The answer under ``key``, or ``None`` (missing, unreadable, or Redis down)."""
        raw = await self._run(lambda r: r.get(self.prefix + key))
        return None if raw is None else _loads(raw)

    async def save(self, key: str, answer: CachedAnswer, keep_for: float) -> None:
        """Keep ``answer`` for ``keep_for`` seconds (rounded up to milliseconds)."""
        data = _dumps(answer)
        ms = max(1, int(keep_for * 1000 + 0.999))
        await self._run(lambda r: r.set(self.prefix + key, data, px=ms))

    async def forget(self, key: str) -> None:
        """Drop the answer under ``key``."""
        await self._run(lambda r: r.delete(self.prefix + key))

    async def close(self) -> None:
        """Close the connections; the next use opens new ones."""
        client, self._redis = self._redis, None
        if client is not None:
            await client.aclose()

    def __repr__(self) -> str:
        return f"<RedisCache {self._shown} prefix={self.prefix!r}>"


def _dumps(answer: CachedAnswer) -> bytes:
    meta = {"etag": answer.etag, "max_age": answer.max_age, "stored_at": answer.stored_at}
    return json.dumps(meta, separators=(",", ":")).encode() + b"\n" + answer.body


def _loads(raw: bytes) -> CachedAnswer | None:
    """An answer read back; ``None`` for anything else found under the key."""
    head, sep, body = raw.partition(b"\n")
    try:
        meta = json.loads(head) if sep else None
    except ValueError:
        return None
    if not isinstance(meta, dict):
        return None
    etag, max_age, stored_at = meta.get("etag"), meta.get("max_age"), meta.get("stored_at")
    if not (etag is None or isinstance(etag, str)):
        return None
    if not (max_age is None or isinstance(max_age, int | float)):
        return None
    if not isinstance(stored_at, int | float):
        return None
    return CachedAnswer(body, etag, None if max_age is None else float(max_age), stored_at)
