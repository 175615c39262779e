"""The sandbox's HTTP side: an aiohttp.web application that answers like TMDB, and its runner.

Requests pass, outermost first: the request log, the CDN-style rate limit (a request held
by a fault still counts as in flight), fault injection, application authentication
(``api_key`` or Bearer read token), then the route's handler. The handlers live in
:mod:`._routes`, one module per TMDB area; they work on :class:`~._state.State` and
:class:`~._catalogue.Catalogue`, and a :class:`~._state.Failure` becomes TMDB's error
envelope.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import contextvars
import datetime as dt
import fnmatch
import hashlib
import json
import logging
import random
import re
from collections.abc import Awaitable, Callable, Mapping, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal

import attrs
from aiohttp import web

from ..errors import TMDB_CODES
from ._catalogue import Catalogue
from ._routes import AREAS
from ._routes._base import _fail
from ._state import (
    DEFAULT_USERS,
    Failure,
    SandboxUser,
    State,
    system_clock,
)

if TYPE_CHECKING:
    from .._client import TMDBClient
    from ..models.auth import RequestToken, Session
    from ..models.user import V4RequestToken

__all__ = [
    "DEFAULT_ACCESS_TOKEN",
    "DEFAULT_API_KEY",
    "UNKNOWN_ROUTE_HEADER",
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
_STATUS_CODES = {
    status: min(code for code, (http, _) in TMDB_CODES.items() if http == status)
    for status in (500, 501, 502, 503, 504)
}
_MAX_HANG = 60.0
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
# v4 paths that also take the v3 api_key (a list's details, V4.md section 2).
_V4_PUBLIC_READ = re.compile(r"/4/list/\d+")
# Paths whose answers never carry cache headers: authentication, accounts, sessions, and
# lists (their items change with the owner's writes).
_PRIVATE_PATHS = (
    "/3/authentication",
    "/3/account",
    "/3/guest_session",
    "/3/list",
    "/4/auth",
    "/4/account",
    "/4/list",
)


def _weak(tag: str) -> str:
    """An entity tag without its weakness mark (If-None-Match compares weakly)."""
    tag = tag.strip()
    return tag[2:] if tag.startswith("W/") else tag


# The fault injected into the current request (for the request log); one list per request.
_FAULT: contextvars.ContextVar[list[str]] = contextvars.ContextVar("sandbox_fault")


#: Set on an API answer when the sandbox has no route for the request (the status and
#: body stay TMDB's 404/34 or 405/42): ``X-Sandbox-Unknown-Route: GET /3/movie/1/nope``.
UNKNOWN_ROUTE_HEADER = "X-Sandbox-Unknown-Route"
_log = logging.getLogger("tmdb_async.testing")
# Path segments that may be secrets (session ids, request tokens, JWTs) are not echoed.
_SECRET_SEGMENT = re.compile(r"^(?:[0-9a-fA-F]{24,}|eyJ[\w.-]+)$")


def redact_path(path: str) -> str:
    """``path`` with segments that look like tokens or session ids replaced by ``***``."""
    return "/".join("***" if _SECRET_SEGMENT.match(part) else part for part in path.split("/"))


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


def _token_string(token: RequestToken | V4RequestToken | str) -> str:
    value = getattr(token, "request_token", token)
    if not isinstance(value, str):
        raise TypeError("token must be a RequestToken, a V4RequestToken or a token string")
    return value


# --------------------------------------------------------------------------- the sandbox


class Sandbox:
    """A stateful fake TMDB on ``127.0.0.1``: API, approval pages and the images it names.

    Its catalogue is TMDB's real data (Fight Club 550, Game of Thrones 1399, Tom Hanks
    31 ...) plus generated filler up to the configured counts; every image path its answers
    contain, real or generated, is served under :attr:`image_base_url` as a PNG showing the
    title or name.

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
        movie_count, tv_count, person_count: every id from 1 to the count exists (TMDB's
            real entity where the data has one, else a generated filler); real entities
            above the count exist too.
        seed: seeds the generated catalogue and the fault dice.
        rate_limit: a :class:`SandboxRateLimit`, or ``None`` for none (the default).
        faults: :class:`Fault` rules to start with (see :meth:`add_fault`).
        documented_list_delete: a successful ``DELETE /3/list/{list_id}`` answers as the
            official document says (200, code 13) instead of as TMDB really does (500,
            code 11, the list deleted all the same: WIRE.md section 4.3), the default.
        cache_max_age: the ``max-age`` of the ``Cache-Control: public, max-age=N`` and weak
            ``ETag`` sent, as TMDB's CDN does, on 200 answers to GETs of public data (never
            on a user's data, a list, an error), with 304 for a matching ``If-None-Match``;
            default 28800 (TMDB's recorded value); ``None`` sends neither.
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
        documented_list_delete: bool = False,
        cache_max_age: int | None = 28800,
    ) -> None:
        self.api_key = api_key
        self.cache_max_age = cache_max_age
        self.documented_list_delete = documented_list_delete
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

    def approve(
        self, token: RequestToken | V4RequestToken | str, username: str | None = None
    ) -> SandboxUser:
        """Approve a v3 or v4 request token as ``username`` (default: the first user).

        The programmatic twin of the Approve button. Raises ``LookupError`` for an
        unknown user and :class:`~._state.Failure` (code 33) for an unknown, used or
        expired token.
        """
        value = _token_string(token)
        if value in self.state.v4_request_tokens:
            return self.state.approve_v4(value, username)
        return self.state.approve(value, username)

    def deny(self, token: RequestToken | V4RequestToken | str) -> None:
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
            middlewares=[
                self._record,
                self._limit_rate,
                self._inject_faults,
                self._authenticate,
                self._cache_headers,
            ]
        )
        for area in AREAS:
            area(self).register(app.router)
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
                return _fail(Failure(34), headers=self._unknown_route(request))
            raise
        except web.HTTPMethodNotAllowed:
            if self._is_api(request.path):
                return _fail(Failure(42), headers=self._unknown_route(request))
            raise

    @web.middleware
    async def _cache_headers(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """``Cache-Control``, ``ETag`` and 304s on public GETs, as TMDB's CDN sends them.

        TMDB's recorded answers carry ``Cache-Control: public, max-age=28800`` and a weak
        ``ETag`` (WIRE.md section 1). That a matching ``If-None-Match`` gets a 304 is
        inferred, not recorded: CloudFront, TMDB's CDN, answers conditional GETs so.
        """
        response = await handler(request)
        max_age = self.cache_max_age
        if (
            max_age is None
            or response.status != 200
            or not isinstance(response, web.Response)
            or not isinstance(response.body, bytes)
            or not self._public_get(request)
        ):
            return response
        etag = f'W/"{hashlib.blake2b(response.body, digest_size=16).hexdigest()}"'
        headers = {"Cache-Control": f"public, max-age={max_age}", "ETag": etag}
        asked = request.headers.get("If-None-Match", "")
        if any(_weak(tag) == _weak(etag) for tag in asked.split(",") if tag.strip()):
            return web.Response(status=304, headers=headers)
        response.headers.update(headers)
        return response

    def _public_get(self, request: web.Request) -> bool:
        """A GET of public data: no user credential, not an account, session or list."""
        if request.method != "GET" or request.path.startswith(_PRIVATE_PATHS):
            return False
        if "session_id" in request.query or "guest_session_id" in request.query:
            return False
        header = request.headers.get("Authorization")
        return header is None or header.partition(" ")[2].strip() == self.access_token

    @staticmethod
    def _unknown_route(request: web.Request) -> dict[str, str]:
        """TMDB's answer stays as it is; a header and a log line tell the developer that
        the sandbox has no such route (rather than no such id)."""
        shown = f"{request.method} {redact_path(request.path)}"
        _log.warning("sandbox: no route for %s (answered as TMDB would)", shown)
        return {UNKNOWN_ROUTE_HEADER: shown}

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
        if request.path.startswith("/4/") and not (
            request.method == "GET" and _V4_PUBLIC_READ.fullmatch(request.path)
        ):
            raise Failure(7)  # v4 wants a Bearer token, but reads a list with api_key too
        if request.query.get("api_key") == self.api_key:
            return
        raise Failure(7)
