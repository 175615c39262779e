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
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, TypeVar
from urllib.parse import urlencode

import aiohttp
import cattrs
from yarl import URL

from ._credentials import REDACTED, SECRET_KEYS, Credentials, collect_secrets, redact
from ._deadlines import SUPPORTED as _SHARED_DEADLINES
from ._deadlines import Deadlines
from ._ratelimit import DEFAULT_RATE_LIMIT, Clock, RateLimit, RequestGate
from ._retry import IDEMPOTENT_METHODS, RetryPolicy, parse_retry_after
from ._version import __version__
from .errors import (
    ClientClosedError,
    RateLimitError,
    ResponseValidationError,
    TMDBConnectionError,
    TMDBError,
    TMDBTimeoutError,
    TMDBTransportError,
    error_from_response,
)

T = TypeVar("T")

logger = logging.getLogger("tmdb_async")

#: Query values as TMDB takes them.
ParamValue = str | int | float | bool | None
Params = Mapping[str, ParamValue]
JSONLoads = Callable[[bytes], Any]
Sleep = Callable[[float], Awaitable[Any]]


class RAW_JSON:
    """Marker for :meth:`Core.request`: return the decoded JSON, do not structure it."""


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
#: URL string was 6 % of a request's CPU). Paths with a segment starting with "." take
#: the parsing route, which resolves "." and "..".
_ENCODED_PATH_RE = re.compile(r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*")


_PLAIN_PATH_PUNCTUATION = str.maketrans("", "", "/-_")


def _is_encoded_path(path: str) -> bool:
    """Whether ``path`` is a valid encoded path; ``/3/movie/11`` takes the quick test."""
    if path.isascii() and path.translate(_PLAIN_PATH_PUNCTUATION).isalnum():
        return True
    return _ENCODED_PATH_RE.fullmatch(path) is not None


def _query_value(value: str | int | float | bool) -> str | int | float:
    # aiohttp refuses bools in params; TMDB wants "true"/"false".
    if value is True:
        return "true"
    if value is False:
        return "false"
    return value


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
    ) -> None:
        self._session = session
        self._owns_session = session is None
        self._closed = False
        self.max_connections = max_connections
        self.sleep = sleep
        #: Every attempt passes this gate before it is sent (rate limit, 429 cooldown).
        self.gate = RequestGate(rate_limit, clock=clock, sleep=sleep)
        #: Headers the owned session sends by default (set by the client's root Core).
        self.default_headers: dict[str, str] | None = None
        self._deadline_seconds: float | None = None
        self._plain: aiohttp.ClientSession | None = None
        self._deadlines: Deadlines | None = None
        if timeout is None:
            self.timeout = aiohttp.ClientTimeout(total=None)
        elif isinstance(timeout, aiohttp.ClientTimeout):
            self.timeout = timeout
        elif _SHARED_DEADLINES:
            self.timeout = aiohttp.ClientTimeout(total=None)
            self._deadline_seconds = float(timeout)
        else:
            self.timeout = aiohttp.ClientTimeout(total=float(timeout))

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
        self._session = session
        return session

    def plain_session(self) -> aiohttp.ClientSession:
        """A session for requests that are not API calls (the daily export files).

        The owned session sends the client's credential by default, which must not go to
        any other host: this one shares its connector (the same connection pool and cap)
        but has no default headers. A caller's session is returned as it is.
        """
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
        return plain

    async def close(self) -> None:
        """Close the session if we own it. Idempotent; a caller's session is left open."""
        self._closed = True
        plain, self._plain = self._plain, None
        if plain is not None:
            await plain.close()
        session, self._session = self._session, None
        if session is not None and self._owns_session:
            await session.close()


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
        converter: cattrs.Converter,
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
        self.converter = converter
        self.json_loads = json_loads
        self.user_agent = user_agent
        headers = {
            "Accept": "application/json",
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
            "converter": self.converter,
            "language": self.language,
            "region": self.region,
            "user_agent": self.user_agent,
        }
        fields.update(changes)
        return Core(**fields)

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
                    query[key] = _query_value(value)
        if "/." not in path and _is_encoded_path(path):
            url = self._base.with_path(self._base_path + path, encoded=True)
        else:
            url = URL(self.base_url + path)
        pool = self.pool
        gate = pool.gate
        policy = self.retry
        debug = logger.isEnabledFor(logging.DEBUG)
        attempt = 0
        while True:
            attempt += 1
            started = time.perf_counter() if debug else 0.0
            session = pool._session or pool.session()
            if gate.busy:  # skipped entirely without a rate limit or a cooldown
                await gate.acquire()
            deadlines = pool._deadlines or pool.deadlines()
            timed = None if deadlines is None else deadlines.start()
            failed: _AttemptFailed | None = None
            try:
                # Not `async with`: read() releases the connection at the end of the body
                # and closes it on any exception (cancellation too); `finally` does the rest.
                resp = await session.request(
                    method,
                    url,
                    params=query or None,
                    json=json,
                    headers=self._request_headers,
                    timeout=pool.timeout,
                    allow_redirects=False,
                )
                try:
                    body = await resp.read()
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
            finally:
                if timed is not None:
                    deadlines.stop(timed)  # type: ignore[union-attr]
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
            except ValueError:
                decoded = False
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
                    [f"HTTP {status} body is not JSON ({len(body)} bytes)"],
                    method=method,
                    url=shown,
                )
            api_error = error_from_response(
                status,
                data if decoded else None,
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
        except cattrs.BaseValidationError as exc:
            messages = cattrs.transform_error(exc)
        except (TypeError, ValueError, KeyError, AttributeError) as exc:
            redacted = self._redact_error_text(str(exc), collect_secrets(params, json, secrets))
            messages = [f"{type(exc).__name__}: {redacted}"]
        raise ResponseValidationError(
            getattr(into, "__name__", str(into)),
            messages,
            body=data,
            method=method,
            url=self.display_url(path, params, collect_secrets(params, json, secrets)),
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


__all__ = ["RAW_JSON", "Core", "Pool", "decode_json"]
