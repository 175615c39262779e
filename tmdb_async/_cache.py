"""Single flight and response caching for GETs of public data, outside the request loop.

``Core.request`` hands a call here when its pool has a :class:`Sharing` (single flight, a
cache, or both) and :meth:`Sharing.takes` it; everything else goes straight to the one
attempt loop, ``Core._attempts``. The rules:

* **Only public data.** A call is shared or cached only when it is a GET that carries
  nothing of a user: not from a user's view (``tmdb.for_user(...)``: ``Core.cacheable`` is
  False there, session, guest session and v4 user token alike), no secret parameter
  (``session_id``, ``guest_session_id``, tokens ...: ``SECRET_KEYS``), no secret in its path,
  and not an authentication or account path (``GET /3/authentication/token/new`` makes a
  new token per call). Keys are built from the base URL (without any user info), the path
  and the sorted query *without* ``api_key``: never a secret, and the same public answer
  whichever credential asked.
* **Single flight.** Identical calls in flight at once (same key and same ``into``) run the
  attempt loop once, in a task of their own: every caller gets the same value (a copy of
  the JSON for :data:`~tmdb_async._core.RAW_JSON`, which is mutable) or the same typed
  error. A caller that is cancelled leaves the others waiting; the task is cancelled only
  when nobody waits for it any more (its connection is closed, as for any cancelled call).
* **The cache** keeps the bytes of 2xx answers (never an error: an answer is stored only
  after it became a value). TMDB's ``Cache-Control`` decides: ``no-store`` and ``private``
  are never stored, ``no-cache`` (and ``max-age=0``) are stored for revalidation only,
  ``s-maxage``/``max-age`` minus ``Age`` bound freshness; the view's ``cache_ttl`` bounds it
  too and stands in when TMDB sends no ``max-age``. A stale answer with an ``ETag`` is
  revalidated with ``If-None-Match``; a 304 refreshes it.
"""

from __future__ import annotations

import asyncio
import copy
import functools
import logging
from collections.abc import Awaitable, Coroutine, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import urlencode

from yarl import URL

from ._checks import check_number
from ._core import RAW_JSON
from ._credentials import SECRET_KEYS
from ._sansio import outcome, query_value
from .errors import ResponseValidationError

if TYPE_CHECKING:
    from ._core import Core
    from ._sansio import Call
    from .cache import ResponseCache

__all__ = [
    "DEFAULT_CACHE_TTL",
    "CachedAnswer",
    "Freshness",
    "Sharing",
    "Ticket",
    "answer_key",
    "check_cache_ttl",
    "freshness",
]

logger = logging.getLogger("tmdb_async")

#: Paths whose GETs are never shared or cached, whatever they carry: authentication
#: (each call makes a new token or guest session) and anything of an account or session.
PRIVATE_PATHS = (
    "/3/authentication",
    "/3/account",
    "/3/guest_session",
    "/4/auth",
    "/4/account",
)

#: Seconds a stale answer with an ``ETag`` is kept (beyond its lifetime) for revalidation:
#: at least this, or its lifetime again when that is longer.
REVALIDATION_GRACE = 60.0

_MISSING: Any = object()

#: Seconds a cached answer stays fresh when TMDB sends no ``max-age`` (and at most).
DEFAULT_CACHE_TTL = 300.0


def check_cache_ttl(value: object) -> float:
    """``cache_ttl`` as seconds.

    Raises:
        TMDBUsageError: not a number >= 0.
    """
    if value == 0 and not isinstance(value, bool):
        return 0.0
    return float(check_number(value, "cache_ttl"))


class Freshness(NamedTuple):
    """What an answer's ``Cache-Control`` allows.

    Attributes:
        store: whether a shared cache may keep it (not ``no-store``, not ``private``).
        max_age: seconds it stays fresh (``s-maxage``, else ``max-age``; ``no-cache``: 0),
            or ``None`` when TMDB did not say (the view's ``cache_ttl`` decides).
    """

    store: bool
    max_age: float | None


def freshness(cache_control: str | None) -> Freshness:
    """Parse a ``Cache-Control`` header (RFC 9111, the directives a shared cache obeys)."""
    if not cache_control:
        return Freshness(True, None)
    directives: dict[str, str] = {}
    for part in cache_control.split(","):
        name, _, value = part.strip().partition("=")
        directives[name.strip().lower()] = value.strip().strip('"')
    if "no-store" in directives or "private" in directives:
        return Freshness(False, None)
    if "no-cache" in directives:
        return Freshness(True, 0.0)
    for name in ("s-maxage", "max-age"):
        seconds = _seconds(directives.get(name))
        if seconds is not None:
            return Freshness(True, seconds)
    return Freshness(True, None)


def _seconds(value: str | None) -> float | None:
    if value is None or not value.isdigit():
        return None
    return float(value)


class CachedAnswer:
    """One stored answer: its body, validator and freshness (what a cache keeps).

    Attributes:
        body: the answer's bytes, as TMDB sent them (decoded from gzip).
        etag: its ``ETag``, to revalidate with ``If-None-Match`` (``None``: none sent).
        max_age: seconds it stays fresh after ``stored_at`` (``None``: the view's
            ``cache_ttl``).
        stored_at: when it left TMDB, on the cache's clock (``Age`` taken off).
        decoded: values already built from it, by type (in-memory caches only).
    """

    __slots__ = ("body", "decoded", "etag", "max_age", "stored_at")

    def __init__(
        self, body: bytes, etag: str | None, max_age: float | None, stored_at: float
    ) -> None:
        self.body = body
        self.etag = etag
        self.max_age = max_age
        self.stored_at = stored_at
        self.decoded: dict[Any, Any] | None = None

    def lifetime(self, ttl: float) -> float:
        """Seconds it is fresh for a view whose ``cache_ttl`` is ``ttl``."""
        max_age = self.max_age
        return ttl if max_age is None else min(max_age, ttl)

    def fresh(self, now: float, ttl: float) -> bool:
        """Whether it may be returned without asking TMDB."""
        return now - self.stored_at < self.lifetime(ttl)

    def keep_for(self, ttl: float) -> float:
        """Seconds a cache should keep it: its lifetime, plus a grace to revalidate it."""
        lifetime = max(0.0, self.lifetime(ttl))
        if self.etag is None:
            return lifetime
        return lifetime + max(lifetime, REVALIDATION_GRACE)

    def value(self, call: Call) -> Any:
        """The value ``call`` returns from this answer (built once per type in memory)."""
        decoded = self.decoded
        into = call.into
        if decoded is None or into is RAW_JSON:
            return outcome(call, 200, {}, self.body)
        value = decoded.get(into, _MISSING)
        if value is _MISSING:
            value = decoded[into] = outcome(call, 200, {}, self.body)
        return value


class Ticket:
    """What the cache follows of one call through the attempt loop (``Call.ticket``).

    Attributes:
        headers: the request headers to send (``If-None-Match`` added to revalidate).
        entry: the stale answer being revalidated, or ``None``.
    """

    __slots__ = ("body", "entry", "headers", "seen_headers", "status")

    def __init__(self, core: Core, entry: CachedAnswer | None) -> None:
        self.entry = entry
        base = core._request_headers
        if entry is None or entry.etag is None:
            self.headers = base
            self.entry = None
        else:
            self.headers = {**(base or {}), "If-None-Match": entry.etag}
        self.status = 0
        self.seen_headers: Mapping[str, str] = {}
        self.body = b""

    def seen(self, status: int, headers: Mapping[str, str], body: bytes) -> tuple[int, bytes]:
        """Note an answer; a 304 to our ``If-None-Match`` becomes the stored body."""
        self.status = status
        self.seen_headers = headers
        if status == 304 and self.entry is not None:
            return 200, self.entry.body
        self.body = body
        return status, body

    def answer(self, now: float) -> CachedAnswer | None:
        """The answer to store after the call succeeded, or ``None`` when TMDB forbids it."""
        headers = self.seen_headers
        rule = freshness(headers.get("Cache-Control"))
        if not rule.store:
            return None
        entry = self.entry
        if self.status == 304 and entry is not None:
            max_age = entry.max_age if "Cache-Control" not in headers else rule.max_age
            etag = headers.get("ETag") or entry.etag
            refreshed = CachedAnswer(entry.body, etag, max_age, now)
            refreshed.decoded = entry.decoded  # the same bytes: the same values
            return refreshed
        age = _seconds(headers.get("Age")) or 0.0
        return CachedAnswer(self.body, headers.get("ETag"), rule.max_age, now - age)


@functools.lru_cache(maxsize=64)
def _public_base(base_url: str) -> str:
    """The base URL without any user info (a password in it never reaches a key)."""
    return str(URL(base_url).with_user(None)).rstrip("/")


def answer_key(core: Core, call: Call) -> str:
    """The cache key of a public GET: base URL, path and sorted query, without api_key."""
    key = _public_base(core.base_url) + call.path
    params = call.params
    if params:
        items = sorted((k, str(query_value(v))) for k, v in params.items() if v is not None)
        if items:
            key += "?" + urlencode(items)
    return key


class _Flight:
    """One call in flight: its task and a future per caller waiting for it.

    Callers await their own future, never the task: a cancelled caller cancels only its
    future (whose callback drops it), and the task is cancelled once no future is left.
    When the task ends, every waiting future gets its value (a deep copy for all but the
    first caller when the value is mutable JSON) or its exception.
    """

    __slots__ = ("copies", "futures", "name", "sharing", "task")

    def __init__(self, sharing: Sharing, name: tuple[str, Any], copies: bool) -> None:
        self.sharing = sharing
        self.name = name
        self.copies = copies
        self.futures: list[asyncio.Future[Any]] = []
        self.task: asyncio.Task[Any] | None = None

    def join(self, loop: asyncio.AbstractEventLoop) -> asyncio.Future[Any]:
        """A future of the call's value for one more caller."""
        future = loop.create_future()
        future.add_done_callback(self._left)
        self.futures.append(future)
        return future

    def _left(self, future: asyncio.Future[Any]) -> None:
        if not future.cancelled():
            return
        futures = self.futures
        if future in futures:
            futures.remove(future)
        task = self.task
        if not futures and task is not None and not task.done():
            task.cancel()  # nobody waits any more: its connection is closed

    async def run(self, fetch: Coroutine[Any, Any, Any]) -> None:
        """The flight's task: ``fetch``, then every waiting caller gets its outcome.

        Done here, as the fetch ends, rather than in a done callback: one turn of the
        event loop less per request.
        """
        try:
            value = await fetch
        except asyncio.CancelledError:
            self._land()  # nobody waits (or the loop is closing): nothing to hand out
            raise
        except BaseException as exc:  # a typed error, or a bug: every caller raises it
            for future in self._land():
                if not future.done():
                    future.set_exception(exc)
            return
        for index, future in enumerate(self._land()):
            if not future.done():
                future.set_result(copy.deepcopy(value) if index and self.copies else value)

    def _land(self) -> list[asyncio.Future[Any]]:
        """End the flight: out of the pool's table, its futures handed back (no callback)."""
        flights = self.sharing._flights
        if flights.get(self.name) is self:
            del flights[self.name]
        futures, self.futures = self.futures, []
        for future in futures:
            future.remove_done_callback(self._left)
        return futures


class Sharing:
    """A pool's single flight and response cache (see the module's rules).

    Args:
        single_flight: run identical public GETs in flight at once only once.
        cache: where answers are kept (``None``: no cache).
    """

    __slots__ = ("_flights", "cache", "single_flight")

    def __init__(self, *, single_flight: bool, cache: ResponseCache | None) -> None:
        self.single_flight = single_flight
        self.cache = cache
        self._flights: dict[tuple[str, Any], _Flight] = {}

    @staticmethod
    def takes(core: Core, call: Call) -> bool:
        """Whether ``call`` is a GET of public data (the only calls shared or cached)."""
        if call.method != "GET" or not core.cacheable or call.secrets:
            return False
        params = call.params
        if params and not SECRET_KEYS.isdisjoint(params):
            return False
        return not call.path.startswith(PRIVATE_PATHS)

    def request(self, core: Core, call: Call) -> Awaitable[Any]:
        """``call``'s value: from the cache, from a flight in progress, or fetched.

        Not a coroutine (no extra layer on the request path): an in-memory hit is a done
        future, a flight a future of its task, and without single flight the fetch itself.
        """
        core.pool.enter()  # the pool's loop, before the cache or a flight is touched
        loop = asyncio.get_running_loop()
        key = answer_key(core, call)
        cache = self.cache
        if cache is not None:
            hit = cache.peek(key)  # an in-memory cache answers without a task
            if hit is not None and hit.fresh(cache.clock(), core.cache_ttl):
                done = loop.create_future()
                try:
                    done.set_result(hit.value(call))
                except Exception as exc:  # the stored body does not fit this type
                    done.set_exception(exc)
                return done
        if not self.single_flight:
            return core._attempts(call) if cache is None else self._fetch(core, call, key)
        name = (key, call.into)
        flight = self._flights.get(name)
        if flight is not None:
            return flight.join(loop)
        flight = self._flights[name] = _Flight(self, name, call.into is RAW_JSON)
        waiting = flight.join(loop)
        fetch = core._attempts(call) if cache is None else self._fetch(core, call, key)
        flight.task = loop.create_task(flight.run(fetch))
        return waiting

    async def _fetch(self, core: Core, call: Call, key: str) -> Any:
        cache = self.cache
        if cache is None:
            return await core._attempts(call)
        entry = await cache.load(key)
        if entry is not None and entry.fresh(cache.clock(), core.cache_ttl):
            try:
                return entry.value(call)
            except ResponseValidationError:
                # Stored by another process or version, and unreadable as this type: TMDB's
                # own answer decides (and replaces it, or raises the same error).
                logger.debug("response cache: a stored answer does not fit %r", call.into)
                entry = None
        ticket = call.ticket = Ticket(core, entry)
        value = await core._attempts(call)
        answer = ticket.answer(cache.clock())
        if ticket.status == 304 and answer is not None and answer.decoded:
            value = answer.decoded.get(call.into, value)  # the same bytes: the same value
        keep_for = 0.0 if answer is None else answer.keep_for(core.cache_ttl)
        if answer is None or keep_for <= 0:
            await cache.forget(key)
            return value
        if answer.decoded is None and call.into is not RAW_JSON:
            answer.decoded = {call.into: value}  # kept by in-memory caches only
        await cache.save(key, answer, keep_for)
        return value

    @property
    def in_flight(self) -> int:
        """How many distinct calls are in flight now."""
        return len(self._flights)

    async def close(self) -> None:
        """Close the cache's connections (a Redis cache reconnects if used again)."""
        if self.cache is not None:
            await self.cache.close()
