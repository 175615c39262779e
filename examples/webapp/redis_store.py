"""Browser sessions in Redis, so that several worker processes recognise the same browser.

:class:`RedisSessionStore` has the in-memory :class:`~examples.webapp.app.SessionStore`'s
shape and rules, kept in Redis (``redis``'s asyncio client, ``pip install tmdb-async[redis]``):

* The browser's cookie holds only an opaque random key. Redis keys name its SHA-256, never
  the key itself, so a key listing (``SCAN``, ``MONITOR``, a slow log) reveals no cookie. The
  TMDB session id is a hash field, never part of a key, never logged.
* Idle expiry is Redis's own: every session hash has a TTL (``idle_timeout`` once signed in,
  ``pending_timeout`` while a sign-in waits for TMDB), renewed on every request.
* Two pools with their own caps, as in memory: a sorted set per pool ranks sessions by last
  use; making room in a full pool evicts its least recently used. A flood of sign-in starts
  only evicts other pending sign-ins, never a signed-in user. With several workers writing at
  once a pool may briefly hold a few more than its cap, never many.
* A sign-in's request token is taken with one ``HDEL``: of two workers handed the same
  callback, exactly one goes on.
* When Redis cannot be reached, every call raises
  :class:`~examples.webapp.app.StoreUnavailable` (the app answers 503): a session is never
  treated as signed out because Redis was down.
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import secrets
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from examples.webapp.app import (
    IDLE_TIMEOUT,
    MAX_PENDING,
    MAX_SESSIONS,
    PENDING_TIMEOUT,
    BrowserSession,
    StoreUnavailable,
)

if TYPE_CHECKING:
    import redis.asyncio
    from redis.typing import EncodableT, FieldT

__all__ = ["DEFAULT_PREFIX", "RedisSessionStore"]

#: The default prefix of every key the store writes.
DEFAULT_PREFIX = "tmdb-webapp"
_PENDING = "pending"
_SIGNED_IN = "signed_in"
#: A cookie key starts with its pool's mark ("p." or "s."): a request costs one round trip,
#: since the TTL to renew is known before the session is read. (The browser knows whether
#: it is signed in anyway; the rest of the key is 32 random bytes.)
_MARKS = {_PENDING: "p.", _SIGNED_IN: "s."}


def _new_key(pool: str) -> str:
    return _MARKS[pool] + secrets.token_urlsafe(32)


def _pool_of(key: str) -> str | None:
    return next((pool for pool, mark in _MARKS.items() if key.startswith(mark)), None)


def _text(value: object) -> str:
    """A reply as text (the client decodes replies; bytes only if it was told otherwise)."""
    return value.decode() if isinstance(value, bytes) else str(value)


@contextlib.contextmanager
def _unavailable() -> Iterator[None]:
    """Redis errors (down, restarting, timing out) become :class:`StoreUnavailable`."""
    from redis.exceptions import RedisError

    try:
        yield
    except RedisError as exc:
        # The type only: a redis error's text may name the server's address.
        raise StoreUnavailable(f"Redis: {type(exc).__name__}") from exc


class RedisSessionStore:
    """Browser sessions in Redis, shared by every worker process of the app.

    Args:
        url: the Redis URL (``redis://[:password@]host:port/db``, ``rediss://`` for TLS). It
            never appears in a repr, a log record or an error message.
        prefix: the start of every key (several apps can share one Redis).
        idle_timeout: seconds after which an unused signed-in session expires (Redis TTL).
        max_sessions: the cap on signed-in sessions; the least recently used go first.
        pending_timeout: seconds after which a sign-in that was started expires (Redis TTL).
        max_pending: the cap on sign-ins in progress; the least recently used go first.
        socket_timeout: seconds to wait for Redis on each command before answering 503.
        clock: wall-clock seconds, for the last-use ranking (tests inject their own).

    Raises:
        ValueError: a cap below 1, a timeout not above 0, or a URL redis cannot parse.
    """

    def __init__(
        self,
        url: str,
        *,
        prefix: str = DEFAULT_PREFIX,
        idle_timeout: float = IDLE_TIMEOUT,
        max_sessions: int = MAX_SESSIONS,
        pending_timeout: float = PENDING_TIMEOUT,
        max_pending: int = MAX_PENDING,
        socket_timeout: float = 2.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if max_sessions < 1 or max_pending < 1:
            raise ValueError("max_sessions and max_pending must be at least 1")
        if min(idle_timeout, pending_timeout, socket_timeout) <= 0:
            raise ValueError("idle_timeout, pending_timeout and socket_timeout must be above 0")
        if not prefix or any(c.isspace() for c in prefix):
            raise ValueError("prefix must be a non-empty word without spaces")
        import redis.asyncio
        from redis.asyncio.retry import Retry
        from redis.backoff import NoBackoff

        try:
            self._redis: redis.asyncio.Redis = redis.asyncio.Redis.from_url(
                url,
                decode_responses=True,
                socket_timeout=socket_timeout,
                socket_connect_timeout=socket_timeout,
                # One quick retry on a broken pooled connection (Redis restarted), no more:
                # a page waits seconds at most before it says Redis is unavailable.
                retry=Retry(NoBackoff(), 1),
                health_check_interval=30,
            )
        except ValueError:
            # redis's message may quote the URL, password included: say what, not which.
            raise ValueError(
                "url must be a redis://, rediss:// or unix:// URL (the URL is not shown: it "
                "may hold a password)"
            ) from None
        self._prefix = prefix
        self._timeouts = {_PENDING: pending_timeout, _SIGNED_IN: idle_timeout}
        self._caps = {_PENDING: max_pending, _SIGNED_IN: max_sessions}
        self._clock = clock
        self._secret = ""  # the login secret last read, hex

    def __repr__(self) -> str:
        return f"RedisSessionStore(prefix={self._prefix!r})"

    # -- keys: a digest of the cookie's key, never the key itself

    def _digest(self, key: str) -> str:
        return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()

    def _hash_key(self, digest: str) -> str:
        return f"{self._prefix}:session:{digest}"

    def _pool_key(self, pool: str) -> str:
        return f"{self._prefix}:pool:{pool}"

    # -- the BrowserStore interface

    async def login_secret(self) -> bytes:
        """The sign-in form's signing key, the same for every worker.

        Made by whichever worker asks first, and read again on each use (one round trip):
        after a Redis restart that lost it, the first worker to ask puts back the key it
        knew and every other one takes that, so workers never disagree for long.
        """
        key = f"{self._prefix}:login-secret"
        with _unavailable():
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.set(key, self._secret or secrets.token_hex(32), nx=True)
                pipe.get(key)
                _, value = await pipe.execute()
        self._secret = _text(value)
        return bytes.fromhex(self._secret)

    async def new(self) -> BrowserSession:
        """A fresh, signed-out session in the pending pool, with new random keys."""
        session = BrowserSession(
            key=_new_key(_PENDING), csrf=secrets.token_urlsafe(32), last_seen=self._clock()
        )
        with _unavailable():
            await self._make_room(_PENDING)
            await self._write(session, _PENDING)
        return session

    async def get(self, key: str | None) -> BrowserSession | None:
        """The live session for a cookie value (its TTL starts again), or ``None``."""
        pool = _pool_of(key or "")
        if not key or pool is None:
            return None
        digest = self._digest(key)
        name = self._hash_key(digest)
        now = self._clock()
        with _unavailable():
            # One round trip. On a session that is not there (expired, signed out
            # meanwhile) PEXPIRE does nothing, and ZADD XX re-ranks only a member present.
            async with self._redis.pipeline(transaction=False) as pipe:
                pipe.hgetall(name)
                pipe.pexpire(name, self._ttl_ms(pool))
                pipe.zadd(self._pool_key(pool), {digest: now}, xx=True)
                found, _, _ = await pipe.execute()
        fields = {_text(k): _text(v) for k, v in found.items()}
        if fields.get("pool") != pool or not fields.get("csrf"):
            return None
        account = fields.get("account_id")
        return BrowserSession(
            key=key,
            csrf=fields["csrf"],
            last_seen=now,
            pending_token=fields.get("pending_token"),
            tmdb_session_id=fields.get("tmdb_session_id"),
            account_id=int(account) if account else None,
            account_name=fields.get("account_name", ""),
        )

    async def save(self, session: BrowserSession) -> None:
        """Write the session's fields back, in the pool its key names (TTL started again)."""
        pool = _pool_of(session.key)
        if pool is None:
            raise ValueError("not a key this store made")
        with _unavailable():
            await self._write(session, pool)

    async def take_pending(self, session: BrowserSession) -> bool:
        """Clear the pending request token: ``True`` only for the call that removed it."""
        name = self._hash_key(self._digest(session.key))
        with _unavailable():
            removed = await self._redis.hdel(name, "pending_token")
        session.pending_token = None
        return bool(removed)

    async def rotate(self, session: BrowserSession) -> BrowserSession:
        """Move the session to the signed-in pool under a new key and CSRF token."""
        old = self._digest(session.key)
        session.key = _new_key(_SIGNED_IN)
        session.csrf = secrets.token_urlsafe(32)
        session.last_seen = self._clock()
        with _unavailable():
            await self._make_room(_SIGNED_IN)
            await self._write(session, _SIGNED_IN, replacing=old)
        return session

    async def drop(self, session: BrowserSession) -> None:
        """Forget a session (sign-out): every worker stops recognising its cookie at once."""
        digest = self._digest(session.key)
        with _unavailable():
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.delete(self._hash_key(digest))
                for pool in self._timeouts:
                    pipe.zrem(self._pool_key(pool), digest)
                await pipe.execute()

    async def close(self) -> None:
        """Close the connections to Redis."""
        await self._redis.aclose()

    # -- inspection (tests, operators)

    async def pool_sizes(self) -> dict[str, int]:
        """How many sessions each pool ranks: ``{"pending": n, "signed_in": m}``."""
        with _unavailable():
            return {pool: int(await self._redis.zcard(self._pool_key(pool))) for pool in self._caps}

    # -- internals

    def _ttl_ms(self, pool: str) -> int:
        return max(1, math.ceil(self._timeouts[pool] * 1000))

    async def _write(self, session: BrowserSession, pool: str, *, replacing: str = "") -> None:
        digest = self._digest(session.key)
        name = self._hash_key(digest)
        fields: dict[FieldT, EncodableT] = {"pool": pool, "csrf": session.csrf}
        if session.pending_token is not None:
            fields["pending_token"] = session.pending_token
        if session.tmdb_session_id is not None:
            fields["tmdb_session_id"] = session.tmdb_session_id
        if session.account_id is not None:
            fields["account_id"] = str(session.account_id)
        if session.account_name:
            fields["account_name"] = session.account_name
        async with self._redis.pipeline(transaction=True) as pipe:
            if replacing:
                pipe.delete(self._hash_key(replacing))
                for other in self._timeouts:
                    pipe.zrem(self._pool_key(other), replacing)
            pipe.delete(name)
            pipe.hset(name, mapping=fields)
            pipe.pexpire(name, self._ttl_ms(pool))
            for other in self._timeouts:
                if other != pool:
                    pipe.zrem(self._pool_key(other), digest)
            pipe.zadd(self._pool_key(pool), {digest: session.last_seen})
            await pipe.execute()

    async def _make_room(self, pool: str) -> None:
        """Forget the pool's expired entries; evict its least recently used while it is full."""
        ranking = self._pool_key(pool)
        # Their hashes have expired already (same TTL): only the ranking still names them.
        limit = self._clock() - self._timeouts[pool]
        stale = await self._redis.zrangebyscore(ranking, "-inf", limit)
        await self._forget(ranking, [_text(d) for d in stale])
        over = int(await self._redis.zcard(ranking)) - self._caps[pool] + 1
        if over > 0:
            popped = await self._redis.zpopmin(ranking, over)
            await self._forget(ranking, [_text(entry[0]) for entry in popped])

    async def _forget(self, ranking: str, digests: list[str]) -> None:
        if not digests:
            return
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.zrem(ranking, *digests)
            pipe.delete(*(self._hash_key(d) for d in digests))
            await pipe.execute()
