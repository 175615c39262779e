"""The request path: one aiohttp pool, one attempt, the retry loop, decoding and structuring.

Nothing outside this module touches aiohttp objects. An attempt reads the whole body
before anything else happens; ``read()`` releases the connection at the end of the body
and closes it on any exception, cancellation included, so a connection is never left
checked out.
"""

from __future__ import annotations

import asyncio
import json as _json
import logging
import re
import sys
import time
import zlib
from collections import deque
from collections.abc import Awaitable, Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlencode

import aiohttp
from yarl import URL

from ._checks import check_json_text, check_text, has_dot_segment
from ._credentials import REDACTED, SECRET_KEYS, Credentials, collect_secrets, redact
from ._deadlines import SUPPORTED as _SHARED_DEADLINES
from ._deadlines import Deadlines
from ._ratelimit import DEFAULT_RATE_LIMIT, Clock, RateLimit, RequestGate
from ._retry import IDEMPOTENT_METHODS, RetryPolicy, parse_retry_after
from ._version import __version__
from .errors import (
    ClientClosedError,
    PoolTimeoutError,
    RateLimitError,
    ResponseTooLargeError,
    ResponseValidationError,
    TMDBConnectionError,
    TMDBError,
    TMDBTimeoutError,
    TMDBTransportError,
    TMDBUsageError,
    error_from_response,
)

if TYPE_CHECKING:
    import cattrs

T = TypeVar("T")

logger = logging.getLogger("tmdb_async")

#: Query values as TMDB takes them.
ParamValue = str | int | float | bool | None
Params = Mapping[str, ParamValue]
JSONLoads = Callable[[bytes], Any]
Sleep = Callable[[float], Awaitable[Any]]


class RAW_JSON:
    """Marker for :meth:`Core.request`: return the decoded JSON, do not structure it."""


#: The default cap on the decoded size of one API answer (TMDB's biggest are ~1 MB).
DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024
#: The default bound, in seconds, on waiting for a free connection of the pool.
DEFAULT_POOL_TIMEOUT = 60.0


_DECODER = _json.JSONDecoder()


def decode_json(body: bytes) -> Any:
    """The default JSON decoder: ``json.loads`` for the UTF-8 TMDB sends, a little cheaper.

    It decodes the bytes as UTF-8 and parses the text, which skips ``json.loads``'s
    encoding detection; anything else (a BOM, UTF-16) goes to ``json.loads`` itself, so
    the result, and the ``ValueError`` for a body that is not JSON, are the same.
    """
    try:
        return _DECODER.decode(body.decode("utf-8"))
    except ValueError:
        return _json.loads(body)


#: Paths that are already valid, percent-encoded URL paths (RFC 3986 ``pchar`` and "/"):
#: these are joined to the base URL without parsing and encoding them again (parsing a
#: URL string was 6 % of a request's CPU).
_ENCODED_PATH_RE = re.compile(r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*")


_PLAIN_PATH_PUNCTUATION = str.maketrans("", "", "/-_")


def _check_path(path: str) -> bool:
    """Check a path that failed the quick test; True when it is already encoded.

    Raises:
        TMDBUsageError: a "." or ".." segment (percent-encoded or not), or text that UTF-8
            cannot encode. A server resolves dot segments after decoding, so they would
            reach another endpoint with the caller's credential.
    """
    check_text(path, "path")
    if has_dot_segment(path):
        raise TMDBUsageError("path must not contain '.' or '..' segments, encoded or not")
    return _ENCODED_PATH_RE.fullmatch(path) is not None


_CONTENT_LENGTH = aiohttp.hdrs.CONTENT_LENGTH
_CONTENT_ENCODING = aiohttp.hdrs.CONTENT_ENCODING


class _BodyTooLarge(Exception):
    """Internal: the decoded body passed the cap; the connection was closed."""


#: What the client accepts, and so what ``_read_capped`` must inflate: aiohttp's own
#: decompression is switched off for API answers (``auto_decompress=False``), because before
#: aiohttp 3.14.2 it inflated a whole network chunk at once (a gzip bomb's 1 MB became
#: hundreds of MB before any cap could look at it).
ACCEPT_ENCODING = "gzip, deflate"
_WBITS = {
    "gzip": 16 + zlib.MAX_WBITS,
    "x-gzip": 16 + zlib.MAX_WBITS,
    "deflate": 32 + zlib.MAX_WBITS,
}


async def _read_capped(resp: aiohttp.ClientResponse, limit: int) -> bytes:
    """The decoded body, read and inflated in bounded steps and given up (connection
    closed) as soon as it passes ``limit``: neither a huge nor an endless body, nor a gzip
    bomb, is ever held beyond ``limit`` plus one step, whatever aiohttp's version.
    """
    encoding = resp.headers.get(_CONTENT_ENCODING, "identity").strip().lower()
    length = resp.content_length
    if length is not None and length > limit and encoding == "identity":
        resp.close()
        raise _BodyTooLarge
    if encoding not in _WBITS and encoding != "identity":
        resp.close()
        raise aiohttp.ClientPayloadError(f"unsupported Content-Encoding {encoding!r}")
    inflate = zlib.decompressobj(_WBITS[encoding]) if encoding in _WBITS else None
    content = resp.content
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = await content.readany()
        if not chunk:
            if inflate is not None:
                chunk = inflate.flush()
                size += len(chunk)
                if size > limit:
                    resp.close()
                    raise _BodyTooLarge
                chunks.append(chunk)
            return b"".join(chunks)
        pieces = [chunk] if inflate is None else _inflate(inflate, chunk, limit - size + 1)
        for piece in pieces:
            size += len(piece)
            if size > limit:
                resp.close()
                raise _BodyTooLarge
            chunks.append(piece)


def _inflate(inflate: Any, chunk: bytes, room: int) -> Iterator[bytes]:
    """``chunk`` inflated at most ``room`` bytes at a time (the caller stops past its cap)."""
    try:
        piece = inflate.decompress(chunk, room)
        yield piece
        while inflate.unconsumed_tail:
            yield inflate.decompress(inflate.unconsumed_tail, room)
    except zlib.error as exc:
        raise aiohttp.ClientPayloadError(f"cannot decompress the answer: {exc}") from None


def _query_value(value: str | int | float | bool) -> str | int | float:
    # aiohttp refuses bools in params; TMDB wants "true"/"false".
    if value is True:
        return "true"
    if value is False:
        return "false"
    return value


def _timeouts(
    timeout: float | aiohttp.ClientTimeout | None,
) -> tuple[aiohttp.ClientTimeout, float | None]:
    """aiohttp's timeout for an attempt, and the seconds the shared deadlines enforce."""
    if timeout is None:
        return aiohttp.ClientTimeout(total=None), None
    if isinstance(timeout, aiohttp.ClientTimeout):
        return timeout, None
    if _SHARED_DEADLINES:
        return aiohttp.ClientTimeout(total=None), float(timeout)
    return aiohttp.ClientTimeout(total=float(timeout)), None


class Pool:
    """The connection pool: one ``aiohttp.ClientSession``, shared by a client and all views.

    Created lazily inside the running loop on first use (aiohttp >= 3.14 refuses a
    session made outside one). A caller's session is used as is and never closed.

    The pool also holds the client's one request budget, :attr:`gate` (a
    :class:`~tmdb_async._ratelimit.RequestGate`): the rate limit and the shared 429
    cooldown, so every view of one client (``Core.derive``) draws from the same budget.

    A timeout given in seconds is enforced by :class:`~tmdb_async._deadlines.Deadlines`
    (one timer per tick for all attempts) on Python 3.11+, by aiohttp's per-request
    timer on 3.10; an ``aiohttp.ClientTimeout`` is always handed to aiohttp as is.

    Connections are handed out first come, first served: every attempt (and every export
    download) holds one of ``max_connections`` slots from before the rate gate until its
    body is read, so aiohttp's connector, whose queue is not fair, never has to queue,
    and time spent waiting for a connection is never part of an attempt's timeout. The
    wait is bounded by ``pool_timeout`` (:class:`~tmdb_async.errors.PoolTimeoutError`).
    With a caller's session the slots are not counted (its connector is the caller's).
    """

    def __init__(
        self,
        *,
        session: aiohttp.ClientSession | None,
        max_connections: int,
        timeout: float | aiohttp.ClientTimeout | None,
        sleep: Sleep,
        rate_limit: RateLimit | None = DEFAULT_RATE_LIMIT,
        clock: Clock = time.monotonic,
        pool_timeout: float | None = DEFAULT_POOL_TIMEOUT,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        self._session = session
        self._owns_session = session is None
        self._closed = False
        self.max_connections = max_connections
        self.sleep = sleep
        #: Connection slots free now; while it is 0, waiters queue in ``_slot_waiters``.
        self.free_slots = max_connections if session is None else sys.maxsize
        self._slot_waiters: deque[asyncio.Future[bool]] = deque()
        #: Seconds a request may wait for a free connection (``None``: no bound).
        self.pool_timeout = pool_timeout
        #: The cap on the decoded size of one answer.
        self.max_response_bytes = max_response_bytes
        #: Every attempt passes this gate before it is sent (rate limit, 429 cooldown).
        self.gate = RequestGate(rate_limit, clock=clock, sleep=sleep)
        #: Headers the owned session sends by default (set by the client's root Core).
        self.default_headers: dict[str, str] | None = None
        self._plain: aiohttp.ClientSession | None = None
        self._deadlines: Deadlines | None = None
        #: The event loop of the pool's first use: the only one it serves (bind_loop).
        self._loop: asyncio.AbstractEventLoop | None = None
        self.timeout, self._deadline_seconds = _timeouts(timeout)

    @property
    def owns_session(self) -> bool:
        """True when the pool made its session (and so chose its default headers)."""
        return self._owns_session

    @property
    def timeout_seconds(self) -> float | None:
        """The attempt timeout in seconds, if it is one the pool enforces itself."""
        return self._deadline_seconds

    def deadlines(self) -> Deadlines | None:
        """The shared attempt deadlines, made in the running loop on first use."""
        deadlines = self._deadlines
        if deadlines is None and self._deadline_seconds is not None:
            loop = asyncio.get_running_loop()
            deadlines = self._deadlines = Deadlines(loop, self._deadline_seconds)
        return deadlines

    @property
    def closed(self) -> bool:
        """True once ``close()`` ran."""
        return self._closed

    async def wait_for_slot(self) -> bool:
        """Queue for a connection slot, first come, first served (when none is free).

        Returns:
            True once a slot is this caller's (give it back with :meth:`release_slot`),
            False when ``pool_timeout`` passed first (nothing is held then).

        Raises:
            ClientClosedError: the pool was closed while waiting.
        """
        loop = asyncio.get_running_loop()
        fut: asyncio.Future[bool] = loop.create_future()
        self._slot_waiters.append(fut)
        limit = self.pool_timeout
        timer = None if limit is None else loop.call_later(limit, _slot_expired, fut)
        try:
            return await fut
        except asyncio.CancelledError:
            if fut.done() and not fut.cancelled() and fut.result():
                self.release_slot()  # handed a slot as we were cancelled: pass it on
            raise
        finally:
            if timer is not None:
                timer.cancel()

    def release_slot(self) -> None:
        """Give a slot back: to the longest waiter, or to the free count."""
        waiters = self._slot_waiters
        while waiters:
            fut = waiters.popleft()
            if not fut.done():  # skip the cancelled and the expired
                fut.set_result(True)
                return
        self.free_slots += 1

    def bind_loop(self, loop: asyncio.AbstractEventLoop) -> None:
        """Tie the pool to ``loop`` on its first use; refuse any other loop after that.

        An aiohttp session, its connections and the rate gate belong to one event loop.
        Used from another (a second ``asyncio.run``, a test framework's loop per test),
        they fail with messages about futures and closed loops, or hang; this says what
        is wrong instead, before any I/O.

        Raises:
            TMDBUsageError: ``loop`` is not the loop of the pool's first use, or a caller's
                ``session=`` was made in another loop.
        """
        if self._closed:
            return  # session() says the client is closed, which matters more
        bound = self._loop
        if bound is None:
            owner = getattr(self._session, "_loop", None)  # a caller's session's loop
            if owner is not None and owner is not loop:
                raise TMDBUsageError(
                    "the session= passed to this TMDBClient belongs to another event loop: "
                    "create the aiohttp.ClientSession (and the client) inside the loop that "
                    "uses them"
                )
            self._loop = loop
        elif bound is not loop:
            raise TMDBUsageError(
                "this TMDBClient is used from a second event loop; its connection pool "
                "belongs to the loop it was first used in (one asyncio.run() per client, or "
                "one client per test's loop): create the client inside the loop that uses it"
            )

    def session(self) -> aiohttp.ClientSession:
        """The aiohttp session, created on first use."""
        session = self._session
        if session is not None:
            return session
        if self._closed:
            raise ClientClosedError("this TMDBClient is closed; create a new one")
        connector = aiohttp.TCPConnector(
            limit=self.max_connections, limit_per_host=self.max_connections
        )
        # No cookie jar: TMDB's API needs no cookies, and one pool serves many users, so a
        # cookie set by an answer for one user must never ride along on another's request
        # (it also spares a cookie lookup per request).
        session = aiohttp.ClientSession(
            connector=connector,
            cookie_jar=aiohttp.DummyCookieJar(),
            headers=self.default_headers,
        )
        _no_silent_resend(session)
        self._session = session
        return session

    def plain_session(self) -> aiohttp.ClientSession:
        """A session for requests that are not API calls (the daily export files).

        The owned session sends the client's credential by default, which must not go to
        any other host: this one shares its connector (the same connection pool and cap)
        but has no default headers. A caller's session is returned as it is.
        """
        loop = asyncio.get_running_loop()
        if loop is not self._loop:
            self.bind_loop(loop)
        session = self.session()
        if not self._owns_session:
            return session
        plain = self._plain
        if plain is None or plain.closed:
            agent = (self.default_headers or {}).get("User-Agent")
            plain = self._plain = aiohttp.ClientSession(
                connector=session.connector,
                connector_owner=False,
                cookie_jar=aiohttp.DummyCookieJar(),
                headers={"User-Agent": agent} if agent else None,
            )
            _no_silent_resend(plain)
        return plain

    async def close(self) -> None:
        """Close the session if we own it. Idempotent; a caller's session is left open.

        Requests still queued for a connection fail at once with ``ClientClosedError``.
        """
        self._closed = True
        waiters, self._slot_waiters = self._slot_waiters, deque()
        for fut in waiters:
            if not fut.done():
                fut.set_exception(ClientClosedError("this TMDBClient was closed"))
        plain, self._plain = self._plain, None
        if plain is not None:
            await plain.close()
        session, self._session = self._session, None
        if session is not None and self._owns_session:
            await session.close()


def _slot_expired(fut: asyncio.Future[bool]) -> None:
    if not fut.done():
        fut.set_result(False)


def _no_silent_resend(session: aiohttp.ClientSession) -> None:
    """Stop aiohttp from resending an idempotent request by itself after a reset.

    aiohttp (3.9+) sends a GET/PUT/DELETE a second time when the connection fails before
    the answer, outside our retry loop: that resend is not counted as an attempt and
    skips the rate budget. With it off, the failure comes to :meth:`Core.request`, whose
    retry policy decides (the resend is one of ``max_attempts``, through the rate gate).
    aiohttp has no public switch; its own test client sets the same attribute.
    """
    if "_retry_connection" in getattr(aiohttp.ClientSession, "ATTRS", ()):
        session._retry_connection = False


class SharedPool(Pool):
    """Another pool's connections and rate budget with an attempt timeout of its own.

    What ``with_options(timeout=...)`` gives a derived client or user view: the session,
    the connector, the rate gate and the 429 cooldown are the parent's (looked up on it,
    so a session made later is shared too); only the timeout (and its shared deadlines)
    differ. Closing it does nothing: the parent owns the connections.
    """

    #: The attributes a shared pool keeps for itself; every other one is the parent's,
    #: read (``__getattr__``) and written (``__setattr__``), so counters and queues the
    #: request path updates on its pool stay one for the client and all its views.
    _OWN = frozenset({"_parent", "_deadlines", "timeout", "_deadline_seconds"})

    def __init__(self, parent: Pool, timeout: float | aiohttp.ClientTimeout | None) -> None:
        # Not Pool.__init__: everything but the timeout is the parent's.
        while isinstance(parent, SharedPool):
            parent = parent._parent
        self._parent: Pool = parent
        self._deadlines = None
        self.timeout, self._deadline_seconds = _timeouts(timeout)

    def __getattr__(self, name: str) -> Any:
        # Only reached for attributes the shared pool does not keep: the parent's.
        return getattr(self.__dict__["_parent"], name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in SharedPool._OWN:
            object.__setattr__(self, name, value)
        else:
            setattr(self._parent, name, value)

    @property
    def _session(self) -> aiohttp.ClientSession | None:  # type: ignore[override]
        return self._parent._session

    def session(self) -> aiohttp.ClientSession:
        """The parent's aiohttp session."""
        return self._parent.session()

    def plain_session(self) -> aiohttp.ClientSession:
        """The parent's header-less session."""
        return self._parent.plain_session()

    async def close(self) -> None:
        """Nothing: the parent pool owns the connections."""


class Core:
    """What one request needs: credentials, defaults, policy and the shared :class:`Pool`.

    A client has one Core; :meth:`derive` makes another (for a user-bound view, say) that
    differs in credentials or defaults but shares the same pool.
    """

    def __init__(
        self,
        *,
        pool: Pool,
        credentials: Credentials,
        base_url: str,
        website_url: str,
        retry: RetryPolicy,
        json_loads: JSONLoads,
        converter: cattrs.Converter | None,
        language: str | None,
        region: str | None,
        user_agent: str | None,
    ) -> None:
        self.pool = pool
        self.credentials = credentials
        self.base_url = base_url.rstrip("/")
        self.website_url = website_url.rstrip("/")
        self.language = language
        self.region = region
        self.retry = retry
        self._converter = converter
        self.json_loads = json_loads
        self.user_agent = user_agent
        headers = {
            "Accept": "application/json",
            "Accept-Encoding": ACCEPT_ENCODING,
            "User-Agent": user_agent or f"tmdb-async/{__version__} (+aiohttp)",
        }
        if credentials.is_bearer:
            headers["Authorization"] = f"Bearer {credentials.secret}"
        self._headers = headers
        # The first Core of a pool (the client's) makes its headers the session's
        # defaults, so a request sends none of its own and aiohttp merges nothing. A Core
        # derived for a user overrides them per request; it always carries every default
        # header (only Authorization differs), so none of the client's can leak through.
        if pool.default_headers is None:
            pool.default_headers = headers
        defaults = pool.default_headers
        if not defaults.keys() <= headers.keys():
            raise ValueError("a derived Core must override every default header")
        self._request_headers: dict[str, str] | None = (
            None if pool.owns_session and headers == defaults else headers
        )
        base = URL(self.base_url)
        self._base = base
        self._base_path = base.raw_path.rstrip("/")
        self._app_secrets: tuple[str, ...] = (credentials.secret,)
        self._api_key = None if credentials.is_bearer else credentials.secret

    def derive(self, **changes: Any) -> Core:
        """A Core like this one, with ``changes`` (constructor arguments), sharing the pool."""
        fields: dict[str, Any] = {
            "pool": self.pool,
            "credentials": self.credentials,
            "base_url": self.base_url,
            "website_url": self.website_url,
            "retry": self.retry,
            "json_loads": self.json_loads,
            "converter": self._converter,
            "language": self.language,
            "region": self.region,
            "user_agent": self.user_agent,
        }
        fields.update(changes)
        return Core(**fields)

    @property
    def converter(self) -> cattrs.Converter:
        """The converter that builds models: the one given, else the shared default.

        The default (and cattrs) is imported on first use, not with the client.
        """
        converter = self._converter
        if converter is None:
            from ._convert import CONVERTER

            converter = self._converter = CONVERTER
        return converter

    @property
    def closed(self) -> bool:
        """True once the pool was closed."""
        return self.pool.closed

    async def close(self) -> None:
        """Close the shared pool."""
        await self.pool.close()

    # ------------------------------------------------------------------ helpers

    def display_url(self, path: str, params: Params | None, secrets: tuple[str, ...]) -> str:
        """The URL of a request with every secret replaced by ``***``: safe to print."""
        url = self.base_url + redact(path, secrets)
        query: dict[str, str] = {}
        if not self.credentials.is_bearer:
            query["api_key"] = REDACTED
        if params:
            for key, value in params.items():
                if value is None:
                    continue
                query[key] = REDACTED if key in SECRET_KEYS else str(_query_value(value))
        if query:
            url += "?" + urlencode(query, safe="*,")
        return url

    def _redact_error_text(self, text: str, secrets: tuple[str, ...]) -> str:
        return redact(text, secrets + self._app_secrets)

    def redact_message(self, message: str, secrets: tuple[str, ...]) -> str:
        """TMDB's ``status_message`` with any token, key or id it echoes replaced.

        Only secrets of 16 characters or more (every token, key and session id): replacing
        a short password everywhere would mangle TMDB's own words.
        """
        long = tuple(s for s in secrets + self._app_secrets if len(s) >= 16)
        return redact(message, long) if long else message

    def _redact_envelope(self, data: Any, secrets: tuple[str, ...]) -> Any:
        """An error body whose ``status_message`` echoes a secret, with it replaced."""
        if type(data) is dict:
            message = data.get("status_message")
            if isinstance(message, str):
                shown = self.redact_message(message, secrets)
                if shown != message:
                    return {**data, "status_message": shown}
        return data

    # ------------------------------------------------------------------ the request path

    async def request(
        self,
        method: str,
        path: str,
        *,
        into: type[T],
        params: Params | None = None,
        json: Mapping[str, object] | None = None,
        idempotent: bool | None = None,
        secrets: tuple[str, ...] = (),
    ) -> T:
        """Send one API call (with retries) and structure its JSON answer into ``into``.

        The whole happy path (build the URL, pass the rate gate, send, read, decode,
        structure) is this one coroutine: each extra layer of coroutines cost about 1 % of
        a request's CPU (``benchmarks/instructions.py``).

        Args:
            method: HTTP method.
            path: absolute path with the API version, e.g. ``/3/movie/11``.
            into: the model class (or any type the converter knows) to build;
                :data:`RAW_JSON` returns the decoded JSON as it is.
            params: query parameters; ``None`` values are dropped.
            json: JSON body.
            idempotent: whether a retry is harmless; default: by method (RFC 9110).
            secrets: extra secret strings in the path to redact from logs and errors.
        """
        if idempotent is None:
            idempotent = method in IDEMPOTENT_METHODS
        query: dict[str, str | int | float] = {}
        if self._api_key is not None:
            query["api_key"] = self._api_key
        if params:
            for key, value in params.items():
                if value is not None:
                    if type(value) is str and not value.isascii():
                        check_text(value, key)
                    query[key] = _query_value(value)
        if json is not None:
            check_json_text(json)
        if path.isascii() and path.translate(_PLAIN_PATH_PUNCTUATION).isalnum():
            url = self._base.with_path(self._base_path + path, encoded=True)  # /3/movie/11
        elif _check_path(path):
            url = self._base.with_path(self._base_path + path, encoded=True)
        else:
            url = URL(self.base_url + path)
        pool = self.pool
        loop = asyncio.get_running_loop()
        if loop is not pool._loop:
            pool.bind_loop(loop)  # first use, or a second loop refused (before any I/O)
        gate = pool.gate
        policy = self.retry
        debug = logger.isEnabledFor(logging.DEBUG)
        attempt = 0
        while True:
            attempt += 1
            started = time.perf_counter() if debug else 0.0
            session = pool._session or pool.session()
            # A connection slot first (first come, first served; not part of the attempt),
            # then the rate gate, so the budget is spent when the request goes out.
            if pool.free_slots > 0:
                pool.free_slots -= 1
            elif not await pool.wait_for_slot():
                await self._after_pool_timeout(
                    attempt, idempotent, method, path, params, json, secrets
                )
                continue
            failed: _AttemptFailed | None = None
            try:
                if gate.busy:  # skipped entirely without a rate limit or a cooldown
                    await gate.acquire()
                deadlines = pool._deadlines or pool.deadlines()
                timed = None if deadlines is None else deadlines.start()
                try:
                    # Not `async with`: reading releases the connection at the end of the
                    # body and closes it on any exception (cancellation too); `finally`
                    # does the rest.
                    resp = await session.request(
                        method,
                        url,
                        params=query or None,
                        json=json,
                        headers=self._request_headers,
                        timeout=pool.timeout,
                        allow_redirects=False,
                        auto_decompress=False,  # _read_capped inflates, in bounded steps
                    )
                    try:
                        # A Content-Length within the cap and no Content-Encoding: the
                        # body is that long once decoded, so one read() is safe.
                        headers = resp.headers
                        length = headers.get(_CONTENT_LENGTH)
                        if (
                            length is not None
                            and _CONTENT_ENCODING not in headers
                            and int(length) <= pool.max_response_bytes
                        ):
                            body = await resp.read()
                        else:
                            body = await _read_capped(resp, pool.max_response_bytes)
                    finally:
                        resp.release()
                except asyncio.CancelledError:
                    if timed is None or not deadlines.timed_out(timed):  # type: ignore[union-attr]
                        raise
                    expired = asyncio.TimeoutError(f"no answer within {pool.timeout_seconds} s")
                    failed = _AttemptFailed(expired, timeout=True, sent=True)
                except asyncio.TimeoutError as exc:  # also aiohttp's ServerTimeoutError
                    failed = _AttemptFailed(exc, timeout=True, sent=True)
                except aiohttp.ClientConnectorError as exc:
                    failed = _AttemptFailed(exc, timeout=False, sent=False)
                except aiohttp.ClientError as exc:
                    failed = _AttemptFailed(exc, timeout=False, sent=True)
                except _BodyTooLarge:
                    raise self._too_large(method, path, params, json, secrets) from None
                finally:
                    if timed is not None:
                        deadlines.stop(timed)  # type: ignore[union-attr]
            finally:
                # The body is read (or the attempt is over): the connection is back in
                # aiohttp's pool or closed, so the slot goes to the next in line.
                if pool._slot_waiters:
                    pool.release_slot()
                else:
                    pool.free_slots += 1
            if failed is not None:
                all_secrets = collect_secrets(params, json, secrets)
                shown = self.display_url(path, params, all_secrets)
                error = self._transport_error(failed, method, shown, all_secrets)
                if policy.should_retry(
                    error, attempt=attempt, idempotent=idempotent, sent=failed.sent
                ):
                    await self._wait(policy.delay(attempt), attempt, method, shown, error)
                    continue
                raise error from None
            status = resp.status
            if debug:
                all_secrets = collect_secrets(params, json, secrets)
                logger.debug(
                    "%s %s -> %d in %.1f ms (attempt %d)",
                    method,
                    self.display_url(path, params, all_secrets),
                    status,
                    (time.perf_counter() - started) * 1000,
                    attempt,
                )
            # ---- the body's bytes straight into the model (tmdb_async/_decode.py) ----
            # None: the direct path stood aside (a customised converter or json_loads,
            # an error envelope, anything msgspec refuses ...); the usual path follows.
            if 200 <= status < 300 and into is not RAW_JSON and self.json_loads is decode_json:
                decode_direct = getattr(self.converter, "decode_direct", None)
                model = None if decode_direct is None else decode_direct(body, into)
                if model is not None:
                    return model  # type: ignore[no-any-return]
            # ---- end of the direct path ----
            data: Any = None
            decoded = True
            try:
                data = self.json_loads(body) if body else None
            except Exception as exc:  # any decoder's failure, RecursionError included
                decoded = False
                undecodable = "" if isinstance(exc, ValueError) else f"; {type(exc).__name__}"
            if 200 <= status < 300 and decoded:
                if type(data) is dict and data.get("success") is False:
                    pass  # TMDB's error envelope on a 2xx (codes 21, 40): an error below.
                elif into is RAW_JSON:
                    return data  # type: ignore[no-any-return]
                else:
                    return self._structure(data, into, method, path, params, json, secrets)
            all_secrets = collect_secrets(params, json, secrets)
            shown = self.display_url(path, params, all_secrets)
            if 200 <= status < 300 and not decoded:
                # A 2xx whose body is not JSON: not something we can use. (A 2xx JSON
                # envelope with "success": false goes on to error_from_response below.)
                raise ResponseValidationError(
                    "JSON",
                    [f"HTTP {status} body is not JSON ({len(body)} bytes{undecodable})"],
                    method=method,
                    url=shown,
                )
            api_error = error_from_response(
                status,
                self._redact_envelope(data, all_secrets) if decoded else None,
                method=method,
                url=shown,
                retry_after=parse_retry_after(resp.headers.get("Retry-After")),
            )
            retry = policy.should_retry(api_error, attempt=attempt, idempotent=idempotent)
            if status == 429 or isinstance(api_error, RateLimitError):
                # One 429 holds every task of this client (the shared cooldown), so a
                # burst turns into a steady stream instead of a storm of retries.
                delay = policy.delay(attempt, api_error.retry_after)
                if retry:
                    self._log_retry(delay, attempt, method, shown, api_error)
                    await gate.pause(delay)
                    continue
                gate.cool_down(delay)
                raise api_error
            if retry:
                await self._wait(
                    policy.delay(attempt, api_error.retry_after), attempt, method, shown, api_error
                )
                continue
            raise api_error

    async def request_json(
        self,
        method: str,
        path: str,
        *,
        params: Params | None = None,
        json: Mapping[str, object] | None = None,
        idempotent: bool | None = None,
        secrets: tuple[str, ...] = (),
    ) -> Any:
        """Like :meth:`request`, but return the decoded JSON without structuring it."""
        return await self.request(
            method,
            path,
            into=RAW_JSON,
            params=params,
            json=json,
            idempotent=idempotent,
            secrets=secrets,
        )

    def _structure(
        self,
        data: Any,
        into: type[T],
        method: str,
        path: str,
        params: Params | None,
        json: Mapping[str, object] | None,
        secrets: tuple[str, ...],
    ) -> T:
        try:
            return self.converter.structure(data, into)
        except Exception as exc:
            from cattrs import BaseValidationError, transform_error  # loaded by now

            if isinstance(exc, BaseValidationError):
                messages = transform_error(exc)
            elif isinstance(exc, (TypeError, ValueError, KeyError, AttributeError, RecursionError)):
                text = self._redact_error_text(str(exc), collect_secrets(params, json, secrets))
                messages = [f"{type(exc).__name__}: {text}"]
            else:
                raise
        raise ResponseValidationError(
            getattr(into, "__name__", str(into)),
            messages,
            body=data,
            method=method,
            url=self.display_url(path, params, collect_secrets(params, json, secrets)),
        )

    async def _after_pool_timeout(
        self,
        attempt: int,
        idempotent: bool,
        method: str,
        path: str,
        params: Params | None,
        json: Mapping[str, object] | None,
        secrets: tuple[str, ...],
    ) -> None:
        """No slot within ``pool_timeout``: wait to retry (any method: nothing was sent)."""
        shown = self.display_url(path, params, collect_secrets(params, json, secrets))
        error = PoolTimeoutError(
            f"no connection of the pool became free within {self.pool.pool_timeout} s; "
            f"the request was not sent ({method} {shown})",
            method=method,
            url=shown,
        )
        if not self.retry.should_retry(error, attempt=attempt, idempotent=idempotent):
            raise error
        await self._wait(self.retry.delay(attempt), attempt, method, shown, error)

    def _too_large(
        self,
        method: str,
        path: str,
        params: Params | None,
        json: Mapping[str, object] | None,
        secrets: tuple[str, ...],
    ) -> ResponseTooLargeError:
        limit = self.pool.max_response_bytes
        shown = self.display_url(path, params, collect_secrets(params, json, secrets))
        return ResponseTooLargeError(
            f"TMDB's answer is larger than max_response_bytes={limit} once decoded; "
            f"reading stopped ({method} {shown})",
            limit=limit,
            method=method,
            url=shown,
        )

    async def _wait(
        self, delay: float, attempt: int, method: str, shown: str, error: TMDBError
    ) -> None:
        self._log_retry(delay, attempt, method, shown, error)
        await self.pool.sleep(delay)

    def _log_retry(
        self, delay: float, attempt: int, method: str, shown: str, error: TMDBError
    ) -> None:
        logger.info(
            "retrying %s %s in %.2f s after attempt %d failed: %s",
            method,
            shown,
            delay,
            attempt,
            type(error).__name__,
        )

    def _transport_error(
        self, failed: _AttemptFailed, method: str, shown: str, secrets: tuple[str, ...]
    ) -> TMDBTransportError:
        cause = failed.cause
        detail = self._redact_error_text(str(cause), secrets) or type(cause).__name__
        if failed.timeout:
            return TMDBTimeoutError(
                f"no answer from TMDB within the timeout ({method} {shown})",
                method=method,
                url=shown,
            )
        return TMDBConnectionError(
            f"connection to TMDB failed: {type(cause).__name__}: {detail} ({method} {shown})",
            method=method,
            url=shown,
            request_sent=failed.sent,
        )


class _AttemptFailed(Exception):
    """Internal: one attempt failed in transport; carries the cause for redaction."""

    def __init__(self, cause: BaseException, *, timeout: bool, sent: bool) -> None:
        super().__init__(type(cause).__name__)
        self.cause = cause
        self.timeout = timeout
        self.sent = sent


__all__ = [
    "DEFAULT_MAX_RESPONSE_BYTES",
    "DEFAULT_POOL_TIMEOUT",
    "RAW_JSON",
    "Core",
    "Pool",
    "SharedPool",
    "decode_json",
]
