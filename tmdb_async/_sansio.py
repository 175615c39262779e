"""The request path's decisions, without I/O: each a plain function, table-tested.

:meth:`tmdb_async._core.Core.request` is one coroutine that loops *attempt → outcome →
retry plan → wait*; everything it decides is here:

* :func:`build_query`, :func:`build_url`, :func:`credential_headers`,
  :func:`display_url`: the request (credential placement included) and its printable,
  redacted URL;
* :func:`outcome`: an answer (status, headers, body) → the value, or the typed error;
* :func:`transport_error`: an exception of the transport → the typed error (or ``None``
  when it is not a transport failure and must propagate);
* :func:`retry_plan`: an error → give up, or wait (alone, or as the client's shared 429
  cooldown) and try again. The one rule for 429 lives there.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import urlencode

import aiohttp
from yarl import URL

from ._checks import check_json_text, check_text, has_dot_segment
from ._credentials import REDACTED, SECRET_KEYS, Credentials, collect_secrets, redact
from ._retry import IDEMPOTENT_METHODS, RetryPolicy, parse_retry_after
from .errors import (
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
    from ._cache import Ticket
    from ._core import Core

__all__ = [
    "BodyTooLarge",
    "Call",
    "ErrorBody",
    "NotJSON",
    "Plan",
    "Unfit",
    "build_query",
    "build_url",
    "credential_headers",
    "display_url",
    "outcome",
    "retry_plan",
    "transport_error",
]

#: Query values as TMDB takes them.
ParamValue = str | int | float | bool | None
Params = Mapping[str, ParamValue]
Query = dict[str, str | int | float]


# --------------------------------------------------------------------------- the request

#: Paths that are already valid, percent-encoded URL paths (RFC 3986 ``pchar`` and "/"):
#: these are joined to the base URL without parsing and encoding them again (parsing a
#: URL string was 6 % of a request's CPU).
_ENCODED_PATH_RE = re.compile(r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*")
#: Paths of letters, digits, "/", "-" and "_" only (``/3/movie/11``): already encoded and
#: without dot segments. One match costs a third of ``str.translate`` with a table.
_PLAIN_PATH = re.compile(r"[A-Za-z0-9/_-]*").fullmatch


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


def build_url(base: URL, base_url: str, path: str, base_path: str | None = None) -> URL:
    """The API root (``base``, parsed from ``base_url``) joined with the call's ``path``.

    ``base_path``: ``base``'s path without its trailing "/" (computed when not given).

    Raises:
        TMDBUsageError: a dot segment or text UTF-8 cannot encode in ``path``.
    """
    if base_path is None:
        base_path = base.raw_path.rstrip("/")
    if _PLAIN_PATH(path) is not None:
        return base.with_path(base_path + path, encoded=True)  # /3/movie/11
    if _check_path(path):
        return base.with_path(base_path + path, encoded=True)
    return URL(base_url.rstrip("/") + path)


def query_value(value: str | int | float | bool) -> str | int | float:
    """A query value as sent: aiohttp refuses bools, TMDB wants ``"true"``/``"false"``."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    return value


def build_query(api_key: str | None, params: Params | None) -> Query | None:
    """The query string's values: the ``api_key`` (a v3 key travels there) and ``params``.

    ``None`` values are dropped; booleans become ``"true"``/``"false"``.

    Raises:
        TMDBUsageError: a value with text UTF-8 cannot encode (named by its key).
    """
    query: Query = {}
    if api_key is not None:
        query["api_key"] = api_key
    if params:
        for key, value in params.items():
            if value is None:
                continue
            if type(value) is str and not value.isascii():
                check_text(value, key)
            query[key] = query_value(value)
    return query or None


#: The encodings API calls accept: the ones ``_core._read_capped`` inflates itself, in bounded
#: steps (never br or zstd, even where aiohttp could decode them).
ACCEPT_ENCODING = "gzip, deflate"


def credential_headers(credentials: Credentials, user_agent: str) -> dict[str, str]:
    """The headers every API call sends; a read token travels as ``Authorization: Bearer``."""
    headers = {
        "Accept": "application/json",
        "Accept-Encoding": ACCEPT_ENCODING,
        "User-Agent": user_agent,
    }
    if credentials.is_bearer:
        headers["Authorization"] = f"Bearer {credentials.secret}"
    return headers


def display_url(
    base_url: str, path: str, params: Params | None, secrets: tuple[str, ...], *, api_key: bool
) -> str:
    """The URL of a request with every secret replaced by ``***``: safe to print.

    Args:
        base_url: the API root.
        path: the call's path.
        params: the call's query parameters (those under a secret's name are masked).
        secrets: strings to mask wherever they appear in ``path``.
        api_key: whether the request carries the application's ``api_key``.
    """
    url = base_url + redact(path, secrets)
    query: dict[str, str] = {}
    if api_key:
        query["api_key"] = REDACTED
    if params:
        for key, value in params.items():
            if value is None:
                continue
            query[key] = REDACTED if key in SECRET_KEYS else str(query_value(value))
    if query:
        url += "?" + urlencode(query, safe="*,")
    return url


class Call:
    """One API call as every attempt of it sees it: built (and checked) once, before I/O.

    Attributes:
        core: the :class:`~tmdb_async._core.Core` the call goes through.
        method, path, params, json, secrets: as given to ``Core.request``.
        into: the type to build from the answer (``RAW_JSON``: the decoded JSON).
        idempotent: whether a retry is harmless (default: by method, RFC 9110).
        success_codes: for writes, TMDB ``status_code`` values that mean success; any
            other code in a 2xx body is an error. ``None``: the body's ``success`` decides.
        url: the URL to send (default: ``path`` under the API root); query: its query
            values (``None``: none).
        shown: the URL as printed (default: :func:`display_url` of the call, redacted).
        ticket: what the response cache follows of this call (its request headers, the
            answer it saw), set by ``tmdb_async._cache``; ``None``: not cached.
    """

    __slots__ = (
        "_shown",
        "core",
        "idempotent",
        "into",
        "json",
        "method",
        "params",
        "path",
        "query",
        "secrets",
        "success_codes",
        "ticket",
        "url",
    )

    def __init__(
        self,
        core: Core,
        method: str,
        path: str,
        into: Any,
        params: Params | None = None,
        json: Mapping[str, object] | None = None,
        idempotent: bool | None = None,
        secrets: tuple[str, ...] = (),
        success_codes: frozenset[int] | None = None,
        url: URL | None = None,
        shown: str | None = None,
    ) -> None:
        self.core = core
        self.method = method
        self.path = path
        self.into = into
        self.params = params
        self.json = json
        self.secrets = secrets
        self.success_codes = success_codes
        self.idempotent = method in IDEMPOTENT_METHODS if idempotent is None else idempotent
        self.query = build_query(core.api_key, params)
        if json is not None:
            check_json_text(json)
        if url is None:
            # build_url's common case without its call: a plain path (/3/movie/11) joined
            # to the parsed base.
            base = core.base
            if _PLAIN_PATH(path) is not None:
                url = base.with_path(core.base_path + path, encoded=True)
            else:
                url = build_url(base, core.base_url, path, core.base_path)
        self.url = url
        self._shown = shown
        self.ticket: Ticket | None = None

    def all_secrets(self) -> tuple[str, ...]:
        """Every secret of the call: those given, and those in its params and JSON body."""
        return collect_secrets(self.params, self.json, self.secrets)

    def shown(self) -> str:
        """The call's URL, redacted (for messages and logs); computed on first use."""
        shown = self._shown
        if shown is None:
            core = self.core
            shown = self._shown = display_url(
                core.base_url,
                self.path,
                self.params,
                self.all_secrets(),
                api_key=core.api_key is not None,
            )
        return shown

    def redact_text(self, text: str) -> str:
        """``text`` with every secret of the call and of the application masked."""
        return self.core.redact_text(text, self.all_secrets())


# --------------------------------------------------------------------------- the answer


class NotJSON(Exception):
    """A 2xx body that is not JSON (raised by ``decode_into``)."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class ErrorBody(Exception):
    """A 2xx body that is TMDB's error envelope (``success: false``, or a write's
    ``status_code`` outside the call's ``success_codes``); raised by ``decode_into``."""

    def __init__(self, data: object) -> None:
        super().__init__("error envelope")
        self.data = data


class Unfit(Exception):
    """JSON that does not fit the model (raised by ``decode_into``).

    Attributes:
        model: the model's name.
        messages: one per failing field; ``raw`` when they may echo values (to redact).
        data: the decoded JSON.
    """

    def __init__(self, model: str, messages: list[str], data: object, *, raw: bool) -> None:
        super().__init__(model)
        self.model = model
        self.messages = messages
        self.data = data
        self.raw = raw


class BodyTooLarge(Exception):
    """The decoded body passed ``max_response_bytes``; the connection was closed."""


def is_error_envelope(data: object, success_codes: frozenset[int] | None) -> bool:
    """Whether a 2xx JSON body is TMDB's error envelope rather than a result."""
    if type(data) is not dict:
        return False
    if data.get("success") is False:
        return True  # TMDB's error envelope on a 2xx (codes 21, 40)
    return success_codes is not None and data.get("status_code") not in success_codes


def outcome(call: Call, status: int, headers: Mapping[str, str], body: bytes) -> Any:
    """What an answer means: the value to return, or the typed error (raised).

    A 2xx body becomes the value through ``call.core.decode_into`` (the one place where
    bytes become a model); TMDB's error envelope on a 2xx, and every other status, become
    the :class:`~tmdb_async.errors.TMDBAPIError` for TMDB's code (or the HTTP status),
    with any secret TMDB echoes masked.

    Raises:
        TMDBAPIError: TMDB answered with an error (``retry_after`` from ``Retry-After``).
        ResponseValidationError: a 2xx body that is not JSON or does not fit the model.
    """
    core = call.core
    if 200 <= status < 300:
        try:
            return core.decode_into(body, call.into, call.success_codes)
        except ErrorBody as rejected:
            data = rejected.data
        except NotJSON as failure:
            raise ResponseValidationError(
                "JSON",
                [f"HTTP {status} body is not JSON ({len(body)} bytes{failure.detail})"],
                method=call.method,
                url=call.shown(),
            ) from None
        except Unfit as unfit:
            messages = (
                [call.redact_text(m) for m in unfit.messages] if unfit.raw else unfit.messages
            )
            raise ResponseValidationError(
                unfit.model, messages, body=unfit.data, method=call.method, url=call.shown()
            ) from None
    else:
        data = core.decode_error_body(body)
    raise error_from_response(
        status,
        core.redact_envelope(data, call.all_secrets()),
        method=call.method,
        url=call.shown(),
        retry_after=parse_retry_after(headers.get("Retry-After")),
    )


# --------------------------------------------------------------------------- transport


def transport_error(call: Call, exc: BaseException, *, expired: bool) -> TMDBTransportError | None:
    """The typed error for an exception raised while sending or reading.

    Args:
        call: the call.
        exc: what the attempt raised.
        expired: the attempt's deadline cancelled it (``exc`` is that ``CancelledError``).

    Returns:
        The error, or ``None`` when ``exc`` is no transport failure (a cancellation from
        outside, a bug): it must propagate as it is.
    """
    method = call.method
    if expired or isinstance(exc, TimeoutError):  # also aiohttp's ServerTimeoutError
        return TMDBTimeoutError(
            f"no answer from TMDB within the timeout ({method} {call.shown()})",
            method=method,
            url=call.shown(),
        )
    if isinstance(exc, BodyTooLarge):
        limit = call.core.pool.max_response_bytes
        return ResponseTooLargeError(
            f"TMDB's answer is larger than max_response_bytes={limit} once decoded; "
            f"reading stopped ({method} {call.shown()})",
            limit=limit,
            method=method,
            url=call.shown(),
        )
    if not isinstance(exc, aiohttp.ClientError):
        return None
    detail = call.redact_text(str(exc)) or type(exc).__name__
    return TMDBConnectionError(
        f"connection to TMDB failed: {type(exc).__name__}: {detail} ({method} {call.shown()})",
        method=method,
        url=call.shown(),
        request_sent=not isinstance(exc, aiohttp.ClientConnectorError),
    )


def pool_timeout_error(call: Call, pool_timeout: float | None) -> PoolTimeoutError:
    """No connection of the pool became free within ``pool_timeout``: nothing was sent."""
    return PoolTimeoutError(
        f"no connection of the pool became free within {pool_timeout} s; "
        f"the request was not sent ({call.method} {call.shown()})",
        method=call.method,
        url=call.shown(),
    )


# --------------------------------------------------------------------------- retries


class Plan(NamedTuple):
    """What to do after a failed attempt.

    Attributes:
        retry: try again (after ``delay``), or give up (raise the error).
        delay: seconds to wait.
        shared: the wait is the client's shared cooldown (a 429): every task of the client
            waits it out, and a cooldown starts even when this call gives up.
    """

    retry: bool
    delay: float
    shared: bool


def retry_plan(policy: RetryPolicy, error: TMDBError, *, attempt: int, idempotent: bool) -> Plan:
    """The one retry rule: ``policy`` decides; a rate limit (HTTP 429 or code 25) is the
    client's shared cooldown, of ``Retry-After`` seconds when TMDB said."""
    sent = getattr(error, "request_sent", True)
    retry = policy.should_retry(error, attempt=attempt, idempotent=idempotent, sent=sent)
    if isinstance(error, RateLimitError):
        return Plan(retry, policy.delay(attempt, error.retry_after), shared=True)
    if not retry:
        return Plan(False, 0.0, shared=False)
    return Plan(True, policy.delay(attempt, getattr(error, "retry_after", None)), shared=False)


#: What ``decode_into`` uses to decode JSON bytes.
JSONLoads = Callable[[bytes], Any]
