"""The sandbox's HTTP side: an aiohttp.web application that answers like TMDB, and its runner.

Requests pass, outermost first: the request log, the CDN-style rate limit (a request held
by a fault still counts as in flight), fault injection, application authentication
(``api_key`` or Bearer read token), then the route's handler. Handlers work on
:class:`~._state.State` and :class:`~._catalogue.Catalogue`; a :class:`~._state.Failure`
becomes TMDB's error envelope.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import contextvars
import datetime as dt
import fnmatch
import json
import math
import random
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlencode

import attrs
from aiohttp import web
from yarl import URL

from ..exports import export_handler
from ._catalogue import JSON, MAX_PAGE, PAGE_SIZE, Catalogue
from ._pages import approval_page, image_size, message_page, placeholder_png
from ._state import (
    DEFAULT_USERS,
    Failure,
    ListState,
    Ratings,
    SandboxUser,
    State,
    format_expiry,
    system_clock,
)

if TYPE_CHECKING:
    from .._client import TMDBClient
    from ..models.auth import RequestToken, Session

__all__ = [
    "DEFAULT_ACCESS_TOKEN",
    "DEFAULT_API_KEY",
    "Fault",
    "SandboxRateLimit",
    "RecordedRequest",
    "Sandbox",
]

#: The API key a sandbox accepts unless told otherwise (32 hex, like TMDB's).
DEFAULT_API_KEY = "5a4db0c5ba5d4ec0a7e1e5bd2c0ffee5"
#: The API Read Access Token a sandbox accepts unless told otherwise (JWT-shaped, like TMDB's).
DEFAULT_ACCESS_TOKEN = (
    "eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiI1YTRkYjBjNWJhNWQ0ZWMwYTdlMWU1YmQyYzBmZmVlNSIsInN1YiI6"
    "IjRiYzg4OTJhMDE3YTNjMGY5MjAwMDAwMiIsInNjb3BlcyI6WyJhcGlfcmVhZCJdLCJ2ZXJzaW9uIjoxfQ."
    "c2FuZGJveC1zaWduYXR1cmUtbm90LWEtcmVhbC1zZWNyZXQ"
)

FaultKind = Literal["error", "hang", "reset", "truncate", "garbage"]
_FAULT_KINDS = ("error", "hang", "reset", "truncate", "garbage")
_STATUS_CODES = {500: 11, 501: 2, 502: 43, 503: 9, 504: 24}
_MAX_HANG = 60.0
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
# The fault injected into the current request (for the request log); one list per request.
_FAULT: contextvars.ContextVar[list[str]] = contextvars.ContextVar("sandbox_fault")


# --------------------------------------------------------------------------- public config


@attrs.frozen(kw_only=True)
class SandboxRateLimit:
    """TMDB's CDN limits, per client address: requests per second and open requests.

    Over either limit the sandbox answers HTTP 429 with TMDB code 25. Seconds are measured
    on the sandbox's clock, so with a :class:`ManualClock` the window only moves when the
    test moves it.

    Attributes:
        requests_per_second: requests allowed in any one-second window (TMDB: ~40-50).
        max_connections: requests allowed in flight at once (TMDB: 20 per IP).
        retry_after: the ``Retry-After`` header value in seconds, or ``None`` to send none
            (TMDB's current docs do not promise one).
    """

    requests_per_second: int = attrs.field(default=40, validator=attrs.validators.ge(1))
    max_connections: int = attrs.field(default=20, validator=attrs.validators.ge(1))
    retry_after: int | None = 1


@attrs.frozen(kw_only=True)
class Fault:
    """A failure to inject into matching API requests.

    Attributes:
        kind: ``"error"`` (an HTTP ``status`` with TMDB's envelope), ``"hang"`` (answer
            only after ``hang_seconds``: for client timeouts), ``"reset"`` (drop the
            connection without answering), ``"truncate"`` (send half the body, then drop
            the connection) or ``"garbage"`` (HTTP 200 whose body is not JSON).
        path: a glob matched against the request path (``"/3/movie/*"``); ``"*"`` matches
            every API path (``/3/...`` and ``/4/...``).
        method: only this HTTP method, or ``None`` for any.
        probability: the fraction of matching requests that fail (drawn from the
            sandbox's seeded random generator, so a run is reproducible).
        times: fail at most this many requests, or ``None`` for no limit.
        status: the HTTP status of an ``"error"`` fault (500, 502, 503, 504 ...).
        code: TMDB's ``status_code`` in that error (default: by status, e.g. 503 -> 9).
        hang_seconds: how long a ``"hang"`` waits before answering normally (at most 60;
            cut short by :meth:`Sandbox.release_hung` and when the sandbox closes).
    """

    kind: FaultKind = attrs.field(validator=attrs.validators.in_(_FAULT_KINDS))
    path: str = "*"
    method: str | None = None
    probability: float = attrs.field(
        default=1.0, validator=[attrs.validators.ge(0.0), attrs.validators.le(1.0)]
    )
    times: int | None = None
    status: int = attrs.field(default=500, validator=attrs.validators.in_(range(400, 600)))
    code: int | None = None
    hang_seconds: float = attrs.field(
        default=5.0, validator=[attrs.validators.ge(0.0), attrs.validators.le(_MAX_HANG)]
    )

    def matches(self, method: str, path: str) -> bool:
        """Whether a request is subject to this fault (before ``probability``)."""
        if self.method is not None and self.method.upper() != method:
            return False
        return fnmatch.fnmatchcase(path, self.path)


def _hide(_: object) -> str:
    return "'***'"


@attrs.frozen(kw_only=True)
class RecordedRequest:
    """One request the sandbox received, for assertions.

    ``query``, ``headers`` and ``json`` hold secrets (api keys, tokens, session ids,
    passwords) exactly as sent, so tests can check them; ``repr`` hides them.

    Attributes:
        method: the HTTP method.
        path: the URL path.
        query: the query parameters (the last value of each name).
        headers: the request headers.
        json: the decoded JSON body, or ``None`` (no body, or not JSON).
        status: the HTTP status answered (0 when the connection was dropped).
        fault: the kind of fault injected, or ``None``.
        at: the sandbox clock's time when the request arrived.
    """

    method: str
    path: str
    query: Mapping[str, str] = attrs.field(repr=_hide)
    headers: Mapping[str, str] = attrs.field(repr=_hide)
    json: Any = attrs.field(repr=_hide)
    status: int
    fault: str | None = None
    at: dt.datetime


# --------------------------------------------------------------------------- helpers


def _ok(body: JSON, status: int = 200, headers: Mapping[str, str] | None = None) -> web.Response:
    return web.json_response(body, status=status, headers=headers)


def _fail(failure: Failure, headers: Mapping[str, str] | None = None) -> web.Response:
    return web.json_response(failure.body(), status=failure.http_status, headers=headers)


def _status(code: int) -> web.Response:
    status, message = {
        1: (201, "Success."),
        12: (201, "The item/record was updated successfully."),
        13: (200, "The item/record was deleted successfully."),
    }[code]
    return _ok({"success": True, "status_code": code, "status_message": message}, status)


def _int_path(request: web.Request, name: str) -> int:
    raw = request.match_info[name]
    if not raw.isdigit() or int(raw) < 1:
        raise Failure(34)
    return int(raw)


def _page(request: web.Request) -> int:
    raw = request.query.get("page", "1")
    try:
        page = int(raw)
    except ValueError:
        raise Failure(22) from None
    if not 1 <= page <= MAX_PAGE:
        raise Failure(22)
    return page


def _paged(items: Sequence[JSON], page: int) -> JSON:
    start = (page - 1) * PAGE_SIZE
    return {
        "page": page,
        "results": list(items[start : start + PAGE_SIZE]),
        "total_pages": max(1, math.ceil(len(items) / PAGE_SIZE)),
        "total_results": len(items),
    }


def _paged_ids(ids: Sequence[int], page: int, build: Callable[[int], JSON]) -> JSON:
    start = (page - 1) * PAGE_SIZE
    return {
        "page": page,
        "results": [build(i) for i in ids[start : start + PAGE_SIZE]],
        "total_pages": max(1, math.ceil(len(ids) / PAGE_SIZE)),
        "total_results": len(ids),
    }


def _sorted_by_time(
    entries: Mapping[Any, tuple[Any, dt.datetime]] | None, request: web.Request
) -> list[Any]:
    sort_by = request.query.get("sort_by", "created_at.asc")
    if sort_by not in ("created_at.asc", "created_at.desc"):
        raise Failure(5)
    keys = list((entries or {}).keys())  # dicts keep insertion (= creation) order
    return keys[::-1] if sort_by == "created_at.desc" else keys


async def _body(request: web.Request) -> dict[str, Any]:
    """The JSON object body, or ``{}`` when there is none; code 47 when it is not JSON."""
    raw = await request.read()
    if not raw.strip():
        return {}
    try:
        data = json.loads(raw)
    except ValueError:
        raise Failure(47) from None
    if not isinstance(data, dict):
        raise Failure(47)
    return data


def _rating_value(body: Mapping[str, Any]) -> float:
    value = body.get("value")
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise Failure(18, message="Value missing: You must provide a value.")
    if value < 0.5 or value > 10.0:
        raise Failure(
            18,
            message="Value too high: Value must be less than, or equal to 10.0."
            if value > 10.0
            else "Value too low: Value must be greater than 0.0.",
        )
    if (value * 2) != int(value * 2):
        raise Failure(18, message="Value invalid: Values must be a multiple of 0.50.")
    return float(value)


def _token_string(token: RequestToken | str) -> str:
    value = getattr(token, "request_token", token)
    if not isinstance(value, str):
        raise TypeError("token must be a RequestToken or a token string")
    return value


def _redirect(location: str) -> web.Response:
    # Not web.HTTPFound: it normalises the URL ("myapp://cb" -> "myapp://cb/").
    return web.Response(status=302, headers={"Location": location})


def _with_query(target: str, **params: str) -> str:
    """``target`` with ``params`` appended to its query (custom schemes left as they are)."""
    base, hash_mark, fragment = target.partition("#")
    joiner = "&" if "?" in base else "?"
    return f"{base}{joiner}{urlencode(params)}{hash_mark}{fragment}"


# --------------------------------------------------------------------------- the sandbox


class Sandbox:
    """A stateful fake TMDB on ``127.0.0.1``: API, approval pages and placeholder images.

    Use it as an async context manager (it binds a free port unless given one)::

        async with Sandbox() as sb:
            async with sb.client() as tmdb:           # a TMDBClient pointed at the sandbox
                token = await tmdb.auth.create_request_token()
                sb.approve(token)                    # what the user's click does
                session = await tmdb.auth.create_session(token)

    Args:
        api_key: the v3 API key it accepts (``api_key`` query parameter).
        access_token: the API Read Access Token it accepts (``Authorization: Bearer``).
        users: the seeded users (for ``validate_with_login`` and approvals).
        clock: returns the current aware UTC time; inject a :class:`ManualClock` to expire
            tokens without waiting (also drives the rate-limit window).
        host: the address to bind (default loopback).
        port: the port to bind; ``0`` picks a free one.
        movie_count, tv_count, person_count: catalogue sizes (ids ``1..count``).
        seed: seeds the generated catalogue and the fault dice.
        rate_limit: a :class:`SandboxRateLimit`, or ``None`` for none (the default).
        faults: :class:`Fault` rules to start with (see :meth:`add_fault`).
    """

    def __init__(
        self,
        *,
        api_key: str = DEFAULT_API_KEY,
        access_token: str = DEFAULT_ACCESS_TOKEN,
        users: Sequence[SandboxUser] = DEFAULT_USERS,
        clock: Callable[[], dt.datetime] | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        movie_count: int = 5000,
        tv_count: int = 2000,
        person_count: int = 2000,
        seed: int = 0,
        rate_limit: SandboxRateLimit | None = None,
        faults: Sequence[Fault] = (),
    ) -> None:
        self.api_key = api_key
        self.access_token = access_token
        self.clock = clock or system_clock
        self.state = State(users=tuple(users), clock=self.clock, signing_key=api_key)
        self.catalogue = Catalogue(
            movie_count=movie_count, tv_count=tv_count, person_count=person_count, seed=seed
        )
        self.host = host
        self.rate_limit = rate_limit
        self.requests: list[RecordedRequest] = []
        self._faults: list[Fault] = list(faults)
        self._fault_hits: dict[int, int] = collections.defaultdict(int)
        self._random = random.Random(seed)
        self._windows: dict[str, collections.deque[float]] = collections.defaultdict(
            collections.deque
        )
        self._in_flight: dict[str, int] = collections.defaultdict(int)
        self._requested_port = port
        self._runner: web.AppRunner | None = None
        self._app: web.Application | None = None
        self._release = asyncio.Event()
        self._hung = 0
        self._hung_changed = asyncio.Event()
        self._port: int | None = None

    # ------------------------------------------------------------------ lifecycle

    async def start(self) -> Sandbox:
        """Bind and start serving; returns ``self``."""
        if self._runner is not None:
            raise RuntimeError("this Sandbox is already running")
        app = self._build_app()
        # handler_cancellation: a request whose client hung up stops counting as in flight
        # (a timed-out client's hanging request frees its slot, as at TMDB's CDN).
        runner = web.AppRunner(
            app, access_log=None, shutdown_timeout=0.5, handler_cancellation=True
        )
        await runner.setup()
        site = web.TCPSite(runner, self.host, self._requested_port)
        try:
            await site.start()
        except BaseException:
            await runner.cleanup()
            raise
        self._runner = runner
        self._app = app
        self._release = asyncio.Event()
        self._hung_changed = asyncio.Event()
        self._port = int(runner.addresses[0][1])
        return self

    async def close(self) -> None:
        """Stop serving (hanging requests are released first). Idempotent."""
        self._release.set()
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()

    async def __aenter__(self) -> Sandbox:
        return await self.start()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    def __repr__(self) -> str:
        where = self.base_url if self._port is not None else "not started"
        return f"<Sandbox {where}>"

    # ------------------------------------------------------------------ addresses

    @property
    def port(self) -> int:
        """The bound port (after :meth:`start`)."""
        if self._port is None:
            raise RuntimeError("the Sandbox is not started")
        return self._port

    @property
    def base_url(self) -> str:
        """The API host for ``TMDBClient(base_url=...)`` (paths add ``/3/`` or ``/4/``)."""
        return f"http://{self.host}:{self.port}"

    @property
    def website_url(self) -> str:
        """The "website" for ``TMDBClient(website_url=...)``: approval pages live here."""
        return self.base_url

    @property
    def image_base_url(self) -> str:
        """Where ``/3/configuration`` says images are (``{image_base_url}{size}{path}``)."""
        return f"{self.base_url}/t/p/"

    # ------------------------------------------------------------------ conveniences

    def client(self, **kwargs: Any) -> TMDBClient:
        """A :class:`~tmdb_async.TMDBClient` pointed at this sandbox.

        It authenticates with the sandbox's read access token unless ``api_key=`` or
        ``access_token=`` is given, and has no client-side rate limit unless
        ``rate_limit=`` is given; every other keyword goes to ``TMDBClient``.
        """
        from .._client import TMDBClient

        if "api_key" not in kwargs and "access_token" not in kwargs:
            kwargs["access_token"] = self.access_token
        # The sandbox limits only when told to; so does its client by default.
        kwargs.setdefault("rate_limit", None)
        kwargs.setdefault("base_url", self.base_url)
        kwargs.setdefault("website_url", self.website_url)
        return TMDBClient(**kwargs)

    def approve(self, token: RequestToken | str, username: str | None = None) -> SandboxUser:
        """Approve a v3 or v4 request token as ``username`` (default: the first user).

        The programmatic twin of the Approve button. Raises ``LookupError`` for an
        unknown user and :class:`~._state.Failure` (code 33) for an unknown, used or
        expired token.
        """
        value = _token_string(token)
        if value in self.state.v4_request_tokens:
            return self.state.approve_v4(value, username)
        return self.state.approve(value, username)

    def deny(self, token: RequestToken | str) -> None:
        """Deny a v3 or v4 request token (the Deny button)."""
        value = _token_string(token)
        if value in self.state.v4_request_tokens:
            self.state.deny_v4(value)
        else:
            self.state.deny(value)

    def login(self, username: str | None = None) -> Session:
        """A user session created directly, skipping the approval flow (for test setup)."""
        from ..models.auth import Session

        user = self.state.user(username)
        return Session(session_id=self.state._new_session(user.id))

    def user(self, username: str | None = None) -> SandboxUser:
        """A seeded user by name (default: the first)."""
        return self.state.user(username)

    async def serves(self, method: str, path: str) -> bool:
        """Whether the sandbox has a route for ``method`` on the concrete ``path``."""
        from aiohttp.test_utils import make_mocked_request

        app = self._app if self._app is not None else self._build_app()
        match = await app.router.resolve(make_mocked_request(method.upper(), path, app=app))
        return match.http_exception is None

    @property
    def hung(self) -> int:
        """How many requests a ``"hang"`` fault is holding right now."""
        return self._hung

    def _count_hung(self, delta: int) -> None:
        self._hung += delta
        changed, self._hung_changed = self._hung_changed, asyncio.Event()
        changed.set()

    async def wait_until_hung(self, count: int = 1) -> None:
        """Wait until exactly ``count`` requests are held by ``"hang"`` faults (no polling).

        ``wait_until_hung(0)`` waits for held requests to end: released, timed out, or
        cancelled because their client hung up.
        """
        while self._hung != count:
            await self._hung_changed.wait()

    def release_hung(self) -> None:
        """Let every request held by a ``"hang"`` fault go on (it is then answered)."""
        self._release.set()
        self._release = asyncio.Event()

    def add_fault(self, fault: Fault) -> None:
        """Start injecting ``fault`` (rules are tried in the order added)."""
        self._faults.append(fault)

    def clear_faults(self) -> None:
        """Stop injecting faults."""
        self._faults.clear()
        self._fault_hits.clear()

    def requests_to(self, path: str, method: str | None = None) -> list[RecordedRequest]:
        """Logged requests whose path matches the glob ``path`` (and ``method``)."""
        return [
            r
            for r in self.requests
            if fnmatch.fnmatchcase(r.path, path) and (method is None or r.method == method)
        ]

    def clear_requests(self) -> None:
        """Forget the logged requests."""
        self.requests.clear()

    # ------------------------------------------------------------------ middlewares

    def _build_app(self) -> web.Application:
        app = web.Application(
            middlewares=[self._record, self._limit_rate, self._inject_faults, self._authenticate]
        )
        routes = _Routes(self)
        routes.register(app.router)
        return app

    @staticmethod
    def _is_api(path: str) -> bool:
        return path.startswith(("/3/", "/4/")) or path in ("/3", "/4")

    @web.middleware
    async def _record(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        arrived = self.clock()
        raw = await request.read()
        body: Any = None
        if raw:
            try:
                body = json.loads(raw)
            except ValueError:
                body = None
        status = 0
        fault: list[str] = []
        _FAULT.set(fault)
        try:
            response = await handler(request)
            status = response.status
            return response
        except web.HTTPException as exc:
            status = exc.status
            raise
        finally:
            self.requests.append(
                RecordedRequest(
                    method=request.method,
                    path=request.path,
                    query=dict(request.query),
                    headers=dict(request.headers),
                    json=body,
                    status=0 if fault and fault[0] in ("reset", "truncate") else status,
                    fault=fault[0] if fault else None,
                    at=arrived,
                )
            )

    def _pick_fault(self, request: web.Request) -> Fault | None:
        if not self._is_api(request.path):
            return None
        for index, fault in enumerate(self._faults):
            if not fault.matches(request.method, request.path):
                continue
            if fault.times is not None and self._fault_hits[index] >= fault.times:
                continue
            if fault.probability < 1.0 and self._random.random() >= fault.probability:
                continue
            self._fault_hits[index] += 1
            return fault
        return None

    @web.middleware
    async def _inject_faults(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        fault = self._pick_fault(request)
        if fault is None:
            return await handler(request)
        _FAULT.get().append(fault.kind)
        if fault.kind == "error":
            code = fault.code if fault.code is not None else _STATUS_CODES.get(fault.status, 11)
            failure = Failure(code, http_status=fault.status)
            return _fail(failure)
        if fault.kind == "hang":
            release = self._release
            self._count_hung(+1)
            try:
                with contextlib.suppress(asyncio.TimeoutError):
                    await asyncio.wait_for(release.wait(), timeout=fault.hang_seconds)
            finally:  # also when the client hangs up (the handler is cancelled)
                self._count_hung(-1)
            return await handler(request)
        if fault.kind == "garbage":
            return web.Response(
                status=200,
                body=b"<html><body>502 Bad Gateway</body></html>",
                content_type="application/json",
            )
        transport = request.transport
        if fault.kind == "reset":
            if transport is not None:
                transport.abort()
            return web.Response(status=500)  # never reaches the client
        # truncate: the real answer's headers and half its body, then drop the connection.
        real = await handler(request)
        body = real.body if isinstance(real, web.Response) else b""
        data = bytes(body) if isinstance(body, bytes | bytearray) else b"{}"
        partial = web.StreamResponse(
            status=real.status, headers={"Content-Type": real.content_type}
        )
        partial.content_length = len(data) + 1
        await partial.prepare(request)
        await partial.write(data[: len(data) // 2])
        if transport is not None:
            transport.abort()
        return partial

    @web.middleware
    async def _limit_rate(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        limit = self.rate_limit
        if limit is None or not self._is_api(request.path):
            return await handler(request)
        client = request.remote or "?"
        now = self.clock().timestamp()
        window = self._windows[client]
        while window and window[0] <= now - 1.0:
            window.popleft()
        over = None
        if len(window) >= limit.requests_per_second:
            over = (
                f"Your request count ({len(window) + 1}) is over the allowed limit of "
                f"({limit.requests_per_second})."
            )
        elif self._in_flight[client] >= limit.max_connections:
            over = (
                f"Your request count ({self._in_flight[client] + 1}) is over the allowed limit "
                f"of ({limit.max_connections}) simultaneous connections."
            )
        if over is not None:
            headers = {} if limit.retry_after is None else {"Retry-After": str(limit.retry_after)}
            return _fail(Failure(25, message=over), headers=headers)
        window.append(now)
        self._in_flight[client] += 1
        try:
            return await handler(request)
        finally:
            self._in_flight[client] -= 1

    @web.middleware
    async def _authenticate(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        try:
            if self._is_api(request.path):
                self._check_app_auth(request)
            return await handler(request)
        except Failure as failure:
            return _fail(failure)
        except web.HTTPNotFound:
            if self._is_api(request.path):
                return _fail(Failure(34))
            raise
        except web.HTTPMethodNotAllowed:
            if self._is_api(request.path):
                return _fail(Failure(42))
            raise

    def _check_app_auth(self, request: web.Request) -> None:
        header = request.headers.get("Authorization")
        if header is not None:
            scheme, _, value = header.partition(" ")
            token = value.strip()
            if scheme.lower() == "bearer" and (
                token == self.access_token or token in self.state.v4_access_tokens
            ):
                return  # the read token, or a v4 user access token this sandbox issued
            raise Failure(7)
        if request.path.startswith("/4/"):
            raise Failure(7)  # v4 wants the Bearer read token
        if request.query.get("api_key") == self.api_key:
            return
        raise Failure(7)


# --------------------------------------------------------------------------- routes


class _Routes:
    """Every route's handler, bound to one sandbox."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sb = sandbox
        self.state = sandbox.state
        self.cat = sandbox.catalogue

    def register(self, router: web.UrlDispatcher) -> None:
        """Add every route to ``router`` (numeric ids only match digits, like TMDB's)."""
        r = router
        movie, tv = r"/3/movie/{movie_id:\d+}", r"/3/tv/{series_id:\d+}"
        account, lst = r"/3/account/{account_id:\d+}", r"/3/list/{list_id:\d+}"
        episode = tv + r"/season/{season_number:\d+}/episode/{episode_number:\d+}"
        guest = "/3/guest_session/{guest_session_id}/rated"
        # v3 authentication
        r.add_get("/3/authentication", self.validate_key)
        r.add_get("/3/authentication/token/new", self.token_new)
        for method in ("POST", "GET"):  # GET: the legacy query-string forms
            r.add_route(method, "/3/authentication/token/validate_with_login", self.login)
            r.add_route(method, "/3/authentication/session/new", self.session_new)
        r.add_post("/3/authentication/session/convert/4", self.session_convert)
        r.add_delete("/3/authentication/session", self.session_delete)
        r.add_get("/3/authentication/guest_session/new", self.guest_new)
        # v4 authentication
        r.add_post("/4/auth/request_token", self.v4_request_token)
        r.add_post("/4/auth/access_token", self.v4_access_token)
        r.add_delete("/4/auth/access_token", self.v4_logout)
        # account
        r.add_get("/3/account", self.account)
        r.add_get(account, self.account)
        r.add_post(account + "/favorite", self.mark_favorite)
        r.add_post(account + "/watchlist", self.mark_watchlist)
        r.add_get(account + "/{which:favorite|watchlist}/{media:movies|tv}", self.account_items)
        r.add_get(account + "/rated/{media:movies|tv}", self.account_rated)
        r.add_get(account + "/rated/tv/episodes", self.account_rated_episodes)
        r.add_get(account + "/lists", self.account_lists)
        # ratings and account states
        for path, handler in (
            (movie, self.rate_movie),
            (tv, self.rate_tv),
            (episode, self.rate_episode),
        ):
            r.add_post(path + "/rating", handler)
            r.add_delete(path + "/rating", handler)
        r.add_get(movie + "/account_states", self.movie_states)
        r.add_get(tv + "/account_states", self.tv_states)
        r.add_get(guest + "/{media:movies|tv}", self.guest_rated)
        r.add_get(guest + "/tv/episodes", self.guest_rated_episodes)
        # lists
        r.add_post("/3/list", self.list_create)
        r.add_get(lst, self.list_details)
        r.add_delete(lst, self.list_delete)
        r.add_get(lst + "/item_status", self.list_item_status)
        r.add_post(lst + "/{op:add_item|remove_item}", self.list_edit)
        r.add_post(lst + "/clear", self.list_clear)
        # catalogue
        r.add_get("/3/configuration", self.configuration)
        r.add_get("/3/movie/popular", self.popular)
        r.add_get("/3/tv/popular", self.popular)
        r.add_get(movie, self.movie)
        r.add_get(tv, self.tv)
        r.add_get(r"/3/person/{person_id:\d+}", self.person)
        r.add_get("/3/search/{kind:movie|tv|person}", self.search)
        # website: approval pages, images
        r.add_get("/", self.home)
        r.add_get("/authenticate/allow", self.page_allowed)
        r.add_get("/authenticate/deny", self.page_denied)
        r.add_get("/authenticate/{token}", self.approval)
        r.add_post("/authenticate/{token}", self.approval_answer)
        r.add_get("/auth/access", self.v4_approval)
        r.add_post("/auth/access", self.v4_approval_answer)
        r.add_get("/auth/access/approve", self.page_allowed)
        r.add_get("/t/p/{size}/{file}", self.image)
        # daily id exports, as files.tmdb.org serves them (no credentials needed)
        r.add_get("/p/exports/{name}", export_handler(self.export_rows))

    def export_rows(self, kind: str, date: dt.date) -> Iterator[JSON] | None:
        """The rows of the daily id export of ``kind`` (any date): the whole catalogue."""
        cat = self.cat
        keys: tuple[str, ...]
        if kind == "movie":
            keys = ("adult", "id", "original_title", "popularity", "video")
            return ({k: cat.movie(i)[k] for k in keys} for i in cat.ids("movie"))
        if kind == "tv_series":
            keys = ("id", "original_name", "popularity")
            return ({k: cat.tv(i)[k] for k in keys} for i in cat.ids("tv"))
        if kind == "person":
            keys = ("adult", "id", "name", "popularity")
            return ({k: cat.person(i)[k] for k in keys} for i in cat.ids("person"))
        return None

    # ------------------------------------------------------------------ shared

    def _session_user(self, request: web.Request) -> SandboxUser:
        user = self.state.account_of(request.query.get("session_id"))
        if "account_id" in request.match_info and int(request.match_info["account_id"]) != user.id:
            raise Failure(3)  # strict: the account id must be the session's own
        return user

    def _rater(self, request: web.Request) -> tuple[Ratings, SandboxUser | None]:
        """The ratings of the session's account or of the guest session."""
        if request.query.get("session_id"):
            user = self.state.account_of(request.query["session_id"])
            return self.state.accounts[user.id].ratings, user
        if request.query.get("guest_session_id"):
            return self.state.guest(request.query["guest_session_id"]).ratings, None
        raise Failure(3)

    def _movie_or_404(self, request: web.Request, name: str = "movie_id") -> int:
        movie_id = _int_path(request, name)
        if not self.cat.has_movie(movie_id):
            raise Failure(34)
        return movie_id

    def _tv_or_404(self, request: web.Request, name: str = "series_id") -> int:
        tv_id = _int_path(request, name)
        if not self.cat.has_tv(tv_id):
            raise Failure(34)
        return tv_id

    def _item(self, media: str, item_id: int) -> JSON:
        return self.cat.movie_item(item_id) if media == "movie" else self.cat.tv_item(item_id)

    # ------------------------------------------------------------------ v3 authentication

    async def validate_key(self, request: web.Request) -> web.Response:
        return _ok({"success": True, "status_code": 1, "status_message": "Success."})

    async def token_new(self, request: web.Request) -> web.Response:
        token, state = self.state.new_request_token()
        return _ok(
            {
                "success": True,
                "expires_at": format_expiry(state.expires_at),
                "request_token": token,
            },
            headers={"Authentication-Callback": f"{self.sb.website_url}/authenticate/{token}"},
        )

    async def _fields(self, request: web.Request) -> dict[str, Any]:
        """The POST JSON body, or the legacy GET query string."""
        if request.method == "GET":
            return dict(request.query)
        return await _body(request)

    async def login(self, request: web.Request) -> web.Response:
        fields = await self._fields(request)
        username, password = fields.get("username"), fields.get("password")
        token = fields.get("request_token")
        if not isinstance(username, str) or not isinstance(password, str):
            raise Failure(26)
        if not isinstance(token, str):
            raise Failure(33)
        state = self.state.validate_with_login(username, password, token)
        return _ok(
            {"success": True, "expires_at": format_expiry(state.expires_at), "request_token": token}
        )

    async def session_new(self, request: web.Request) -> web.Response:
        fields = await self._fields(request)
        token = fields.get("request_token")
        if not isinstance(token, str):
            raise Failure(33)
        return _ok({"success": True, "session_id": self.state.create_session(token)})

    async def session_convert(self, request: web.Request) -> web.Response:
        access = (await _body(request)).get("access_token")
        if not isinstance(access, str):
            raise Failure(35)
        return _ok({"success": True, "session_id": self.state.convert_v4(access)})

    async def session_delete(self, request: web.Request) -> web.Response:
        session_id = (await _body(request)).get("session_id")
        if not isinstance(session_id, str):
            raise Failure(37)
        self.state.delete_session(session_id)
        return _ok({"success": True})

    async def guest_new(self, request: web.Request) -> web.Response:
        guest_id, state = self.state.new_guest_session()
        return _ok(
            {
                "success": True,
                "guest_session_id": guest_id,
                "expires_at": format_expiry(state.expires_at),
            }
        )

    # ------------------------------------------------------------------ v4 authentication

    async def v4_request_token(self, request: web.Request) -> web.Response:
        redirect_to = (await _body(request)).get("redirect_to")
        if redirect_to is not None and not isinstance(redirect_to, str):
            raise Failure(47)
        token = self.state.new_v4_request_token(redirect_to)
        return _ok(
            {
                "success": True,
                "status_code": 1,
                "status_message": "Success.",
                "request_token": token,
            }
        )

    async def v4_access_token(self, request: web.Request) -> web.Response:
        token = (await _body(request)).get("request_token")
        if not isinstance(token, str):
            raise Failure(33)
        access, user = self.state.create_access_token(token)
        return _ok(
            {
                "success": True,
                "status_code": 1,
                "status_message": "Success.",
                "account_id": user.object_id(),
                "access_token": access,
            }
        )

    async def v4_logout(self, request: web.Request) -> web.Response:
        access = (await _body(request)).get("access_token")
        if not isinstance(access, str):
            raise Failure(35)
        self.state.delete_access_token(access)
        return _ok(
            {
                "success": True,
                "status_code": 13,
                "status_message": "The item/record was deleted successfully.",
            }
        )

    # ------------------------------------------------------------------ account

    async def account(self, request: web.Request) -> web.Response:
        return _ok(self._session_user(request).details())

    async def _mark(self, request: web.Request, which: str) -> web.Response:
        user = self._session_user(request)
        body = await _body(request)
        media, media_id, flag = body.get("media_type"), body.get("media_id"), body.get(which)
        if media not in ("movie", "tv") or not isinstance(flag, bool):
            raise Failure(5)
        if isinstance(media_id, bool) or not isinstance(media_id, int):
            raise Failure(5)
        exists = self.cat.has_movie(media_id) if media == "movie" else self.cat.has_tv(media_id)
        if not exists:
            raise Failure(34)
        table = getattr(self.state.accounts[user.id], which)[media]
        if not flag:
            table.pop(media_id, None)
            return _status(13)
        if media_id in table:
            return _status(12)
        table[media_id] = self.state.now()
        return _status(1)

    async def mark_favorite(self, request: web.Request) -> web.Response:
        return await self._mark(request, "favorite")

    async def mark_watchlist(self, request: web.Request) -> web.Response:
        return await self._mark(request, "watchlist")

    async def account_items(self, request: web.Request) -> web.Response:
        user = self._session_user(request)
        page = _page(request)
        media = "movie" if request.match_info["media"] == "movies" else "tv"
        table = getattr(self.state.accounts[user.id], request.match_info["which"])[media]
        ids = _sorted_by_time({k: (None, v) for k, v in table.items()}, request)
        return _ok(_paged([self._item(media, i) for i in ids], page))

    def _rated_items(self, ratings: Ratings, kind: str, request: web.Request) -> list[JSON]:
        table = ratings.table(kind)
        items = []
        for key in _sorted_by_time(table, request):
            item = self.cat.episode(*key) if kind == "episode" else self._item(kind, key)
            item["rating"] = table[key][0]
            items.append(item)
        return items

    async def account_rated(self, request: web.Request) -> web.Response:
        user = self._session_user(request)
        page = _page(request)
        kind = "movie" if request.match_info["media"] == "movies" else "tv"
        ratings = self.state.accounts[user.id].ratings
        return _ok(_paged(self._rated_items(ratings, kind, request), page))

    async def account_rated_episodes(self, request: web.Request) -> web.Response:
        user = self._session_user(request)
        page = _page(request)
        ratings = self.state.accounts[user.id].ratings
        return _ok(_paged(self._rated_items(ratings, "episode", request), page))

    def _list_summary(self, lst: ListState) -> JSON:
        return {
            "description": lst.description,
            "favorite_count": 0,
            "id": lst.id,
            "item_count": len(lst.items),
            "iso_639_1": lst.iso_639_1,
            "list_type": "movie",
            "name": lst.name,
            "poster_path": self.cat.movie(lst.items[0])["poster_path"] if lst.items else None,
        }

    async def account_lists(self, request: web.Request) -> web.Response:
        user = self._session_user(request)
        page = _page(request)
        own = [self._list_summary(x) for x in self.state.lists.values() if x.owner == user.id]
        return _ok(_paged(own, page))

    # ------------------------------------------------------------------ ratings and states

    async def _rate(self, request: web.Request, kind: str, key: Any) -> web.Response:
        ratings, _ = self._rater(request)
        table = ratings.table(kind)
        if request.method == "DELETE":
            table.pop(key, None)
            return _status(13)
        value = _rating_value(await _body(request))
        code = 12 if key in table else 1
        table[key] = (value, table[key][1] if key in table else self.state.now())
        return _status(code)

    async def rate_movie(self, request: web.Request) -> web.Response:
        return await self._rate(request, "movie", self._movie_or_404(request))

    async def rate_tv(self, request: web.Request) -> web.Response:
        return await self._rate(request, "tv", self._tv_or_404(request))

    async def rate_episode(self, request: web.Request) -> web.Response:
        tv_id = _int_path(request, "series_id")
        season, number = request.match_info["season_number"], request.match_info["episode_number"]
        if not (season.isdigit() and number.isdigit()):
            raise Failure(34)
        key = (tv_id, int(season), int(number))
        if not self.cat.has_episode(*key):
            raise Failure(34)
        return await self._rate(request, "episode", key)

    def _states(self, request: web.Request, media: str, item_id: int) -> web.Response:
        ratings, user = self._rater(request)
        rated = ratings.table(media).get(item_id)
        account = self.state.accounts[user.id] if user is not None else None
        return _ok(
            {
                "id": item_id,
                "favorite": bool(account and item_id in account.favorite[media]),
                "rated": {"value": rated[0]} if rated else False,
                "watchlist": bool(account and item_id in account.watchlist[media]),
            }
        )

    async def movie_states(self, request: web.Request) -> web.Response:
        return self._states(request, "movie", self._movie_or_404(request))

    async def tv_states(self, request: web.Request) -> web.Response:
        return self._states(request, "tv", self._tv_or_404(request))

    async def guest_rated(self, request: web.Request) -> web.Response:
        guest = self.state.guest(request.match_info["guest_session_id"])
        page = _page(request)
        kind = "movie" if request.match_info["media"] == "movies" else "tv"
        return _ok(_paged(self._rated_items(guest.ratings, kind, request), page))

    async def guest_rated_episodes(self, request: web.Request) -> web.Response:
        guest = self.state.guest(request.match_info["guest_session_id"])
        page = _page(request)
        return _ok(_paged(self._rated_items(guest.ratings, "episode", request), page))

    # ------------------------------------------------------------------ lists

    async def list_create(self, request: web.Request) -> web.Response:
        user = self._session_user(request)
        body = await _body(request)
        name, description = body.get("name"), body.get("description", "")
        language = body.get("language", "en")
        if not isinstance(name, str) or not isinstance(description, str):
            raise Failure(5)
        if not isinstance(language, str):
            raise Failure(5)
        lst = self.state.create_list(user.id, name, description, language)
        return _ok(
            {
                "status_message": "The item/record was created successfully.",
                "success": True,
                "status_code": 1,
                "list_id": lst.id,
            },
            status=201,
        )

    async def list_details(self, request: web.Request) -> web.Response:
        lst = self.state.get_list(_int_path(request, "list_id"))
        items = []
        for movie_id in lst.items:
            item = self.cat.movie_item(movie_id)
            item["media_type"] = "movie"
            items.append(item)
        summary = self._list_summary(lst)
        return _ok(
            {
                "created_by": self.state.users_by_id[lst.owner].username,
                "description": lst.description,
                "favorite_count": 0,
                "id": str(lst.id),
                "items": items,
                "item_count": len(items),
                "iso_639_1": lst.iso_639_1,
                "name": lst.name,
                "poster_path": summary["poster_path"],
            }
        )

    async def list_item_status(self, request: web.Request) -> web.Response:
        lst = self.state.get_list(_int_path(request, "list_id"))
        raw = request.query.get("movie_id", "")
        if not raw.isdigit():
            raise Failure(5)
        return _ok({"id": lst.id, "item_present": int(raw) in lst.items})

    async def list_edit(self, request: web.Request) -> web.Response:
        user = self._session_user(request)
        lst = self.state.own_list(_int_path(request, "list_id"), user.id)
        media_id = (await _body(request)).get("media_id")
        if isinstance(media_id, bool) or not isinstance(media_id, int):
            raise Failure(5)
        if request.match_info["op"] == "add_item":
            if not self.cat.has_movie(media_id):
                raise Failure(34)
            if media_id in lst.items:
                raise Failure(8)
            lst.items.append(media_id)
            return _status(12)
        if media_id not in lst.items:
            raise Failure(34)
        lst.items.remove(media_id)
        return _status(13)

    async def list_clear(self, request: web.Request) -> web.Response:
        user = self._session_user(request)
        lst = self.state.own_list(_int_path(request, "list_id"), user.id)
        if request.query.get("confirm") != "true":
            raise Failure(29)
        lst.items.clear()
        return _status(12)

    async def list_delete(self, request: web.Request) -> web.Response:
        user = self._session_user(request)
        lst = self.state.own_list(_int_path(request, "list_id"), user.id)
        del self.state.lists[lst.id]
        return _status(13)

    # ------------------------------------------------------------------ catalogue

    async def configuration(self, request: web.Request) -> web.Response:
        return _ok(self.cat.configuration(self.sb.image_base_url))

    async def movie(self, request: web.Request) -> web.Response:
        movie_id = self._movie_or_404(request)
        appends = [a for a in request.query.get("append_to_response", "").split(",") if a]
        if len(appends) > 20:
            raise Failure(27)
        record = dict(self.cat.movie(movie_id))
        if "credits" in appends:
            record["credits"] = self.cat.credits(movie_id)
        if "images" in appends:
            images = self.cat.images(movie_id)
            images.pop("id")
            record["images"] = images
        return _ok(record)

    async def tv(self, request: web.Request) -> web.Response:
        return _ok(self.cat.tv(self._tv_or_404(request)))

    async def person(self, request: web.Request) -> web.Response:
        person_id = _int_path(request, "person_id")
        if not self.cat.has_person(person_id):
            raise Failure(34)
        return _ok(self.cat.person(person_id))

    async def popular(self, request: web.Request) -> web.Response:
        page = _page(request)
        kind = "movie" if request.path.startswith("/3/movie/") else "tv"
        build = self.cat.movie_item if kind == "movie" else self.cat.tv_item
        return _ok(_paged_ids(self.cat.popular_ids(kind), page, build))

    async def search(self, request: web.Request) -> web.Response:
        page = _page(request)
        kind = request.match_info["kind"]
        ids = self.cat.search(kind, request.query.get("query", ""))
        build = {
            "movie": self.cat.movie_item,
            "tv": self.cat.tv_item,
            "person": self.cat.person_item,
        }[kind]
        return _ok(_paged_ids(ids, page, build))

    # ------------------------------------------------------------------ website

    async def home(self, request: web.Request) -> web.Response:
        text = (
            f"API at {self.sb.base_url}/3/ and /4/; {self.cat.movie_count} movies, "
            f"{self.cat.tv_count} TV shows, {self.cat.person_count} people."
        )
        return web.Response(text=message_page("tmdb_async sandbox", text), content_type="text/html")

    async def page_allowed(self, request: web.Request) -> web.Response:
        return web.Response(
            text=message_page("Approved", "You can close this page and return to the app."),
            content_type="text/html",
        )

    async def page_denied(self, request: web.Request) -> web.Response:
        return web.Response(
            text=message_page("Denied", "The application was not given access."),
            content_type="text/html",
        )

    def _expired_page(self) -> web.Response:
        return web.Response(
            status=404,
            text=message_page("Invalid request token", "This request token is expired or used."),
            content_type="text/html",
        )

    async def approval(self, request: web.Request) -> web.Response:
        token = request.match_info["token"]
        try:
            self.state.live_request_token(token)
        except Failure:
            return self._expired_page()
        return web.Response(
            text=approval_page(
                action=f"/authenticate/{token}",
                usernames=list(self.state.users_by_name),
                redirect_to=request.query.get("redirect_to"),
                what="request token",
            ),
            content_type="text/html",
        )

    async def approval_answer(self, request: web.Request) -> web.StreamResponse:
        token = request.match_info["token"]
        form = await request.post()
        redirect_to = form.get("redirect_to")
        username = form.get("username")
        try:
            if form.get("decision") == "approve":
                self.state.approve(token, username if isinstance(username, str) else None)
                approved = True
            else:
                self.state.deny(token)
                approved = False
        except (Failure, LookupError):
            return self._expired_page()
        flag = {"approved": "true"} if approved else {"denied": "true"}
        if isinstance(redirect_to, str) and redirect_to:
            return _redirect(_with_query(redirect_to, request_token=token, **flag))
        return _redirect("/authenticate/allow" if approved else "/authenticate/deny")

    async def v4_approval(self, request: web.Request) -> web.Response:
        token = request.query.get("request_token", "")
        try:
            self.state.live_v4_request_token(token)
        except Failure:
            return self._expired_page()
        return web.Response(
            text=approval_page(
                action=str(URL("/auth/access").with_query(request_token=token)),
                usernames=list(self.state.users_by_name),
                redirect_to=None,
                what="v4 request token",
            ),
            content_type="text/html",
        )

    async def v4_approval_answer(self, request: web.Request) -> web.StreamResponse:
        token = request.query.get("request_token", "")
        form = await request.post()
        username = form.get("username")
        try:
            state = self.state.live_v4_request_token(token)
            if form.get("decision") == "approve":
                self.state.approve_v4(token, username if isinstance(username, str) else None)
                approved = True
            else:
                self.state.deny_v4(token)
                approved = False
        except (Failure, LookupError):
            return self._expired_page()
        if state.redirect_to:
            flag = {"approved": "true"} if approved else {"denied": "true"}
            return _redirect(_with_query(state.redirect_to, request_token=token, **flag))
        return _redirect("/auth/access/approve" if approved else "/authenticate/deny")

    async def image(self, request: web.Request) -> web.Response:
        size = request.match_info["size"]
        width, height = image_size(size)
        body = placeholder_png(request.match_info["file"], width, height)
        return web.Response(
            body=body,
            content_type="image/png",
            headers={"Cache-Control": "public, max-age=31536000"},
        )
