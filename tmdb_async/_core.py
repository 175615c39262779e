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
import sys
import time
import zlib
from collections import deque
from collections.abc import AsyncGenerator, Awaitable, Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import aiohttp
from yarl import URL

from ._credentials import Credentials, redact
from ._deadlines import NO_DEADLINES, Deadlines, Timer
from ._ratelimit import DEFAULT_RATE_LIMIT, Clock, Gate, RateLimit, RequestGate
from ._retry import RetryPolicy
from ._sansio import (
    BodyTooLarge,
    Call,
    ErrorBody,
    NotJSON,
    Params,
    Unfit,
    credential_headers,
    display_url,
    is_error_envelope,
    outcome,
    pool_timeout_error,
    retry_plan,
    transport_error,
)
from ._version import __version__
from .errors import ClientClosedError, TMDBAPIError, TMDBError, TMDBUsageError
from .shared import SharedRateLimit

if TYPE_CHECKING:
    import cattrs

    from ._cache import Sharing

T = TypeVar("T")

logger = logging.getLogger("tmdb_async")

JSONLoads = Callable[[bytes], Any]
Sleep = Callable[[float], Awaitable[Any]]


class RAW_JSON:
    """Marker for :meth:`Core.request`: return the decoded JSON, do not structure it."""


#: The ``User-Agent`` sent unless the client is given one.
USER_AGENT = f"tmdb-async/{__version__} (+aiohttp)"

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


_CONTENT_LENGTH = aiohttp.hdrs.CONTENT_LENGTH
_CONTENT_ENCODING = aiohttp.hdrs.CONTENT_ENCODING


def _fits(headers: Mapping[str, str], limit: int) -> bool:
    """A Content-Length within ``limit`` and no Content-Encoding: one ``read()`` is safe."""
    length = headers.get(_CONTENT_LENGTH)
    return length is not None and _CONTENT_ENCODING not in headers and int(length) <= limit


#: aiohttp's own decompression is switched off for API answers (``auto_decompress=False``;
#: the client asks for :data:`~tmdb_async._sansio.ACCEPT_ENCODING` only), because before
#: aiohttp 3.14.2 it inflated a whole network chunk at once: a gzip bomb's 1 MB became
#: hundreds of MB before any cap could look at it. ``_read_capped`` inflates instead.
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
        raise BodyTooLarge
    if encoding not in _WBITS and encoding != "identity":
        resp.close()
        raise aiohttp.ClientPayloadError(f"unsupported Content-Encoding {encoding!r}")
    inflate = zlib.decompressobj(_WBITS[encoding]) if encoding in _WBITS else None
    content = resp.content
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = await content.readany()
        last = not chunk
        if inflate is None:
            pieces: Iterable[bytes] = (chunk,)
        elif last:
            pieces = (inflate.flush(),)
        else:
            pieces = _inflate(inflate, chunk, limit - size + 1)
        for piece in pieces:
            size += len(piece)
            if size > limit:
                resp.close()
                raise BodyTooLarge
            chunks.append(piece)
        if last:
            return b"".join(chunks)


def _inflate(inflate: Any, chunk: bytes, room: int) -> Iterator[bytes]:
    """``chunk`` inflated at most ``room`` bytes at a time (the caller stops past its cap)."""
    try:
        yield inflate.decompress(chunk, room)
        while inflate.unconsumed_tail:
            yield inflate.decompress(inflate.unconsumed_tail, room)
    except zlib.error as exc:
        raise aiohttp.ClientPayloadError(f"cannot decompress the answer: {exc}") from None


def _timeouts(
    timeout: float | aiohttp.ClientTimeout | None,
) -> tuple[aiohttp.ClientTimeout, float | None]:
    """aiohttp's timeout for an attempt, and the seconds the shared deadlines enforce."""
    if timeout is None:
        return _UNTIMED, None
    if isinstance(timeout, aiohttp.ClientTimeout):
        return timeout, None
    return _UNTIMED, float(timeout)


#: aiohttp's timeout for attempts it does not time (ours are: Deadlines), one object for
#: every pool and view, so a view's timeout is the session's default (Core._send).
_UNTIMED = aiohttp.ClientTimeout(total=None)


class Pool:
    """The connection pool: one ``aiohttp.ClientSession``, shared by a client and all views.

    Created lazily inside the running loop on first use (aiohttp >= 3.14 refuses a
    session made outside one). A caller's session is used as is and never closed.

    The pool also holds the client's one request budget, :attr:`gate` (a
    :class:`~tmdb_async._ratelimit.RequestGate`): the rate limit and the shared 429
    cooldown, so every view of one client (``Core.derive``) draws from the same budget.

    A timeout given in seconds is enforced by :class:`~tmdb_async._deadlines.Deadlines`
    (one timer per tick for all attempts); an ``aiohttp.ClientTimeout`` is handed to
    aiohttp as is.

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
        rate_limit: RateLimit | SharedRateLimit | None = DEFAULT_RATE_LIMIT,
        clock: Clock = time.monotonic,
        pool_timeout: float | None = DEFAULT_POOL_TIMEOUT,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        default_headers: Mapping[str, str] | None = None,
        sharing: Sharing | None = None,
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
        #: Every attempt passes this gate before it is sent (rate limit, 429 cooldown):
        #: a RequestGate, or a SharedGate (budget and cooldown in Redis) for a
        #: SharedRateLimit.
        self.gate: Gate = (
            rate_limit.gate(clock=clock, sleep=sleep)
            if isinstance(rate_limit, SharedRateLimit)
            else RequestGate(rate_limit, clock=clock, sleep=sleep)
        )
        #: Headers the owned session sends by default (the client's: see credential_headers).
        self.default_headers = None if default_headers is None else dict(default_headers)
        self._plain: aiohttp.ClientSession | None = None
        self._deadlines: Deadlines | None = None
        #: The event loop of the pool's first use: the only one it serves (bind_loop).
        self._loop: asyncio.AbstractEventLoop | None = None
        self.timeout, self._deadline_seconds = _timeouts(timeout)
        #: Whether an API call may leave the attempt's timeout and decompression to the
        #: session's defaults (Core._send): the session is the pool's own, made with them.
        self.lean = session is None
        #: Single flight and the response cache (tmdb_async/_cache.py); ``None``: neither.
        self.sharing = sharing

    @property
    def owns_session(self) -> bool:
        """True when the pool made its session (and so chose its default headers)."""
        return self._owns_session

    @property
    def timeout_seconds(self) -> float | None:
        """The attempt timeout in seconds, if it is one the pool enforces itself."""
        return self._deadline_seconds

    def deadlines(self) -> Timer:
        """The shared attempt deadlines, made in the running loop on first use.

        Without a timeout in seconds: :data:`~tmdb_async._deadlines.NO_DEADLINES`, which
        times nothing.
        """
        deadlines = self._deadlines
        if deadlines is None:
            seconds = self._deadline_seconds
            if seconds is None:
                return NO_DEADLINES
            loop = asyncio.get_running_loop()
            deadlines = self._deadlines = Deadlines(loop, seconds)
        return deadlines

    def enter(self) -> aiohttp.ClientSession:
        """The session for a request from the running loop (bound on first use).

        Raises:
            TMDBUsageError: the running loop is not the pool's (see :meth:`bind_loop`).
            ClientClosedError: the pool is closed.
        """
        loop = asyncio.get_running_loop()
        if loop is not self._loop:
            self.bind_loop(loop)  # first use, or a second loop refused (before any I/O)
        return self._session or self.session()

    def take_slot(self) -> bool:
        """Take a free connection slot at once, if there is one (else queue: wait_for_slot)."""
        if self.free_slots > 0:
            self.free_slots -= 1
            return True
        return False

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
        # One cap for every host: a per-host cap of the same number could never bind
        # first, and aiohttp keeps a set per host for it on every request.
        connector = aiohttp.TCPConnector(limit=self.max_connections)
        # No cookie jar: TMDB's API needs no cookies, and one pool serves many users, so a
        # cookie set by an answer for one user must never ride along on another's request
        # (it also spares a cookie lookup per request).
        # The attempt's timeout and no decompression are the session's defaults, so an
        # API call passes neither (Core._send).
        session = aiohttp.ClientSession(
            connector=connector,
            cookie_jar=aiohttp.DummyCookieJar(),
            headers=self.default_headers,
            timeout=self.timeout,
            auto_decompress=False,
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
        await self.gate.close()  # a shared gate's Redis connections
        if self.sharing is not None:
            await self.sharing.close()


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
    _OWN = frozenset({"_parent", "_deadlines", "timeout", "_deadline_seconds", "lean"})

    def __init__(self, parent: Pool, timeout: float | aiohttp.ClientTimeout | None) -> None:
        # Not Pool.__init__: everything but the timeout is the parent's.
        while isinstance(parent, SharedPool):
            parent = parent._parent
        self._parent: Pool = parent
        self._deadlines = None
        self.timeout, self._deadline_seconds = _timeouts(timeout)
        self.lean = parent.lean and self.timeout is parent.timeout

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
        cache_ttl: float = 300.0,
        cacheable: bool = True,
    ) -> None:
        self.pool = pool
        #: Seconds an answer without TMDB's ``max-age`` stays fresh in the cache (at most).
        self.cache_ttl = cache_ttl
        #: False for a user's view: nothing it sends is shared or cached (tmdb_async/_cache.py).
        self.cacheable = cacheable
        self._private: Core | None = None
        self.credentials = credentials
        self.base_url = base_url.rstrip("/")
        self.website_url = website_url.rstrip("/")
        self.language = language
        self.region = region
        self.retry = retry
        self._converter = converter
        #: The converter's ``decode_direct``, looked up on the first answer (decode_into).
        self._decode_direct: Callable[[bytes, Any], Any] | None = None
        self.json_loads = json_loads
        self.user_agent = user_agent
        headers = credential_headers(credentials, user_agent or USER_AGENT)
        self._headers = headers
        # The pool's session sends the client's headers by default (Pool.default_headers,
        # read when the session is made); a Core whose headers differ (a user's view, a
        # caller's session) sends its own with every request, all of them, so none of the
        # client's can leak through.
        defaults = pool.default_headers
        if defaults is not None and not defaults.keys() <= headers.keys():
            raise ValueError("a Core must send every header its pool's session sends")
        self._request_headers: dict[str, str] | None = (
            None if pool.owns_session and headers == defaults else headers
        )
        #: The API root, parsed once, and its path without the trailing "/".
        self.base = URL(self.base_url)
        self.base_path = self.base.raw_path.rstrip("/")
        self._app_secrets: tuple[str, ...] = (credentials.secret,)
        #: The v3 key sent as the ``api_key`` query parameter (``None`` with a read token).
        self.api_key = credentials.secret if credentials.kind == "api_key" else None

    @property
    def headers(self) -> dict[str, str]:
        """The headers every API call of this Core sends (credential included)."""
        return dict(self._headers)

    @classmethod
    def for_files(cls, pool: Pool, retry: RetryPolicy) -> Core:
        """A Core for plain downloads (:meth:`stream`) through ``pool``: no credential."""
        return cls(
            pool=pool,
            credentials=Credentials("none", ""),
            base_url="http://127.0.0.1",
            website_url="http://127.0.0.1",
            retry=retry,
            json_loads=decode_json,
            converter=None,
            language=None,
            region=None,
            user_agent=None,
        )

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
            "cache_ttl": self.cache_ttl,
            "cacheable": self.cacheable,
        }
        fields.update(changes)
        return Core(**fields)

    def private(self) -> Core:
        """This Core for users' views: nothing it sends is shared or cached; made once."""
        private = self._private
        if private is None:
            private = self._private = self.derive(cacheable=False) if self.cacheable else self
        return private

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
        return display_url(self.base_url, path, params, secrets, api_key=self.api_key is not None)

    def redact_text(self, text: str, secrets: tuple[str, ...]) -> str:
        """``text`` with ``secrets`` and the application's credential masked."""
        return redact(text, secrets + self._app_secrets)

    def redact_message(self, message: str, secrets: tuple[str, ...]) -> str:
        """TMDB's ``status_message`` with any token, key or id it echoes replaced.

        Only secrets of 16 characters or more (every token, key and session id): replacing
        a short password everywhere would mangle TMDB's own words.
        """
        long = tuple(s for s in secrets + self._app_secrets if len(s) >= 16)
        return redact(message, long) if long else message

    def redact_envelope(self, data: Any, secrets: tuple[str, ...]) -> Any:
        """An error body whose ``status_message`` echoes a secret, with it replaced."""
        if type(data) is dict:
            message = data.get("status_message")
            if isinstance(message, str):
                shown = self.redact_message(message, secrets)
                if shown != message:
                    return {**data, "status_message": shown}
        return data

    # ------------------------------------------------------------------ decoding

    def decode_into(self, body: bytes, into: Any, success_codes: frozenset[int] | None) -> Any:
        """The one place where the body of a 2xx answer becomes what ``request`` returns.

        ``json_loads`` decodes the bytes; TMDB's error envelope is turned away; the JSON
        is structured into ``into`` by the converter (:data:`RAW_JSON`: returned as is).

        Raises:
            NotJSON: the body is not JSON.
            ErrorBody: the JSON is TMDB's error envelope (see ``is_error_envelope``).
            Unfit: the JSON does not fit ``into``.
        """
        if into is not RAW_JSON and success_codes is None and self.json_loads is decode_json:
            # The bytes straight into the model (tmdb_async/_decode.py, msgspec); None: the
            # direct path stood aside (a customised converter, an error envelope, anything
            # msgspec refuses ...) and the usual path follows.
            decode_direct = self._decode_direct
            if decode_direct is None:
                found: Callable[[bytes, Any], Any] = getattr(
                    self.converter, "decode_direct", _no_direct_decoding
                )
                decode_direct = self._decode_direct = found
            model = decode_direct(body, into)
            if model is not None:
                return model
        try:
            data = self.json_loads(body) if body else None
        except Exception as exc:  # any decoder's failure, RecursionError included
            raise NotJSON(
                "" if isinstance(exc, ValueError) else f"; {type(exc).__name__}"
            ) from None
        if is_error_envelope(data, success_codes):
            raise ErrorBody(data)
        if into is RAW_JSON:
            return data
        try:
            return self.converter.structure(data, into)
        except Exception as exc:
            raise _unfit(exc, data, into) from None

    def decode_error_body(self, body: bytes) -> Any:
        """The JSON of an error answer, or ``None`` when it is not JSON."""
        try:
            return self.json_loads(body) if body else None
        except Exception:  # not JSON (a CDN's HTML page): the HTTP status decides
            return None

    # ------------------------------------------------------------------ the request path

    def request(
        self,
        method: str,
        path: str,
        *,
        into: type[T],
        params: Params | None = None,
        json: Mapping[str, object] | None = None,
        idempotent: bool | None = None,
        secrets: tuple[str, ...] = (),
        success_codes: frozenset[int] | None = None,
    ) -> Awaitable[T]:
        """Send one API call (with retries) and structure its JSON answer into ``into``.

        Not a coroutine itself (await what it returns): it checks the call, then hands it
        to the one loop, :meth:`_attempts`, or, for a GET of public data on a pool with
        single flight or a cache, to :class:`~tmdb_async._cache.Sharing` (which runs that
        loop once for every identical call in flight, and only when the cache cannot
        answer). Each extra coroutine layer cost about 1 % of a request's CPU
        (``benchmarks/instructions.py``), so the plain path adds none.

        Args:
            method: HTTP method.
            path: absolute path with the API version, e.g. ``/3/movie/11``.
            into: the model class (or any type the converter knows) to build;
                :data:`RAW_JSON` returns the decoded JSON as it is.
            params: query parameters; ``None`` values are dropped.
            json: JSON body.
            idempotent: whether a retry is harmless; default: by method (RFC 9110).
            secrets: extra secret strings in the path to redact from logs and errors.
            success_codes: for writes: the TMDB ``status_code`` values that mean success
                (any other is raised as its typed error).
        """
        # Positional: keyword arguments to a Python function cost about as much as the rest
        # of building the Call (benchmarks/instructions.py).
        call = Call(self, method, path, into, params, json, idempotent, secrets, success_codes)
        sharing = self.pool.sharing
        if sharing is not None and sharing.takes(self, call):
            return sharing.request(self, call)
        return self._attempts(call)

    async def _attempts(self, call: Call) -> Any:
        """The one loop of the request path, one coroutine: attempt (slot, rate gate, send,
        read) → :func:`~tmdb_async._sansio.outcome` → :func:`~tmdb_async._sansio.retry_plan`
        → wait. Every decision is a plain function."""
        pool = self.pool
        pool.enter()  # the pool's loop (before any I/O)
        gate = pool.gate
        deadlines = pool.deadlines()
        owned = pool.owns_session
        attempt = 0
        while True:
            attempt += 1
            session = pool.session()  # ClientClosedError once the client is closed
            started = time.perf_counter()
            error: TMDBError | None = None
            if pool.take_slot() or await pool.wait_for_slot():
                try:
                    if gate.busy:  # skipped entirely without a rate limit or a cooldown
                        await gate.acquire()
                    timed = deadlines.start()
                    try:
                        # Not `async with`: reading releases the connection at the end of
                        # the body and closes it on any exception (cancellation too).
                        resp = await self._send(session, call)
                        try:
                            limit = pool.max_response_bytes
                            fits = _fits(resp.headers, limit)
                            # On the pool's own session (no trace hooks to tell), a body
                            # that is all in already is taken without read()'s coroutines.
                            body = (resp.content.read_nowait()
                                    if fits and owned and resp.content.is_eof()
                                    else await (resp.read() if fits
                                                else _read_capped(resp, limit)))  # fmt: skip
                        finally:
                            # At the end of a body aiohttp released the connection itself
                            # (the response is closed): release() would do nothing more.
                            resp.closed or resp.release()
                    except BaseException as exc:
                        error = self._failed(call, exc, deadlines.expired(timed, exc))
                    finally:
                        deadlines.stop(timed)
                finally:
                    pool.release_slot()  # the connection is back or closed: next in line
            else:
                error = pool_timeout_error(call, pool.pool_timeout)
            if error is None:
                status = resp.status
                if call.ticket is not None:  # a cached call: a 304 becomes the stored body
                    status, body = call.ticket.seen(status, resp.headers, body)
                if logger.isEnabledFor(logging.DEBUG):
                    self._log_attempt(call, status, attempt, started)
                try:
                    return outcome(call, status, resp.headers, body)
                except TMDBAPIError as exc:
                    error = exc
            await self._before_retry(call, error, attempt)

    def _send(self, session: aiohttp.ClientSession, call: Call) -> Any:
        """Send the call once (await the result for the response).

        On the pool's own session, whose defaults are the attempt's timeout and no
        decompression (:meth:`Pool.session`), a call without headers of its own or a body
        passes only what differs: each keyword argument aiohttp's ``request`` takes costs
        instructions on every request (``benchmarks/instructions.py``).
        """
        pool = self.pool
        headers = self._request_headers if call.ticket is None else call.ticket.headers
        json = call.json
        if headers is None and json is None and pool.lean:
            return session.request(call.method, call.url, params=call.query, allow_redirects=False)
        return session.request(
            call.method, call.url, params=call.query, json=json, headers=headers,
            timeout=pool.timeout, allow_redirects=False, auto_decompress=False,
        )  # fmt: skip

    def _failed(self, call: Call, exc: BaseException, expired: bool) -> TMDBError:
        """The typed error of a transport failure; anything else is raised again as is."""
        error = transport_error(call, exc, expired=expired)
        if error is None:
            raise exc
        return error

    def _log_attempt(self, call: Call, status: int, attempt: int, started: float) -> None:
        """Log an attempt's answer at DEBUG (the caller checked that DEBUG is enabled)."""
        logger.debug(
            "%s %s -> %d in %.1f ms (attempt %d)",
            call.method,
            call.shown(),
            status,
            (time.perf_counter() - started) * 1000,
            attempt,
        )

    def _before_retry(self, call: Call, error: TMDBError, attempt: int) -> Awaitable[Any]:
        """The wait before the next attempt; raises ``error`` when the plan is to give up.

        A rate limit's wait is the client's shared cooldown (every task of the client
        waits it out; it starts even when this call gives up); any other is this call's.
        """
        plan = retry_plan(self.retry, error, attempt=attempt, idempotent=call.idempotent)
        gate = self.pool.gate
        if not plan.retry:
            if plan.shared:
                gate.cool_down(plan.delay)
            raise error
        logger.info(
            "retrying %s %s in %.2f s after attempt %d failed: %s",
            call.method,
            call.shown(),
            plan.delay,
            attempt,
            type(error).__name__,
        )
        return gate.pause(plan.delay) if plan.shared else self.pool.sleep(plan.delay)

    # ------------------------------------------------------------------ downloads

    async def stream(
        self, url: str, *, chunk_size: int, read_timeout: float
    ) -> AsyncGenerator[bytes, None]:
        """GET a file (not an API call: no credential is sent) and yield its body in chunks.

        The request path's rules apply: one connection slot for the whole download, the
        rate gate, :func:`~tmdb_async._sansio.retry_plan` (with the shared 429 cooldown)
        until the answer starts, the pool's deadline until its headers are in, then
        ``read_timeout`` seconds per read; an error answer is read up to
        ``max_response_bytes`` and becomes its typed error (:func:`outcome`).

        Raises:
            TMDBAPIError: an error answer (``NotFoundError`` for a missing file).
            TMDBTransportError: the download failed (timeouts included).
        """
        call = Call(self, "GET", url, RAW_JSON, url=URL(url), shown=url)
        pool = self.pool
        pool.enter()
        timeout = aiohttp.ClientTimeout(
            total=None, sock_connect=read_timeout, sock_read=read_timeout
        )
        attempt = 0
        while True:
            attempt += 1
            opened = await self._open(call, pool.plain_session(), timeout)
            if isinstance(opened, aiohttp.ClientResponse):
                break
            await self._before_retry(call, opened, attempt)
        try:
            async for chunk in opened.content.iter_chunked(chunk_size):
                yield chunk
        except (TimeoutError, aiohttp.ClientError) as exc:
            raise self._failed(call, exc, False) from None
        finally:
            opened.close()  # at the end of the body, or a download given up: no reuse
            pool.release_slot()

    async def _open(
        self, call: Call, session: aiohttp.ClientSession, limits: aiohttp.ClientTimeout
    ) -> aiohttp.ClientResponse | TMDBError:
        """One attempt at starting a download: the response (holding a slot) or the error."""
        pool = self.pool
        if not (pool.take_slot() or await pool.wait_for_slot()):
            return pool_timeout_error(call, pool.pool_timeout)
        deadlines = pool.deadlines()
        kept = False
        try:
            gate = pool.gate
            if gate.busy:
                await gate.acquire()
            timed = deadlines.start()
            try:
                resp = await session.get(call.url, timeout=limits, allow_redirects=True)
                if 200 <= resp.status < 300:
                    kept = True
                    return resp
                try:
                    body = await _read_capped(resp, pool.max_response_bytes)
                finally:
                    resp.release()
            except BaseException as exc:
                return self._failed(call, exc, deadlines.expired(timed, exc))
            finally:
                deadlines.stop(timed)
        finally:
            if not kept:
                pool.release_slot()
        try:
            return outcome(call, resp.status, resp.headers, body)  # type: ignore[no-any-return]
        except TMDBError as exc:
            return exc

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


def _no_direct_decoding(body: bytes, into: Any) -> None:
    """The ``decode_direct`` of a converter without one: always the usual path."""


def _unfit(exc: Exception, data: Any, into: Any) -> Unfit:
    """Structuring failed: cattrs' own messages, or the error's text (to be redacted)."""
    from cattrs import BaseValidationError, transform_error  # loaded by now

    model = getattr(into, "__name__", str(into))
    if isinstance(exc, BaseValidationError):
        return Unfit(model, transform_error(exc), data, raw=False)
    if isinstance(exc, (TypeError, ValueError, KeyError, AttributeError, RecursionError)):
        return Unfit(model, [f"{type(exc).__name__}: {exc}"], data, raw=True)
    raise exc


__all__ = [
    "DEFAULT_MAX_RESPONSE_BYTES",
    "DEFAULT_POOL_TIMEOUT",
    "RAW_JSON",
    "USER_AGENT",
    "Core",
    "Params",
    "Pool",
    "SharedPool",
    "decode_json",
]
