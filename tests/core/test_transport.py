"""The transport against real loopback servers: refused, reset, timeout, cancel, bad bodies."""

from __future__ import annotations

import asyncio
import json
import socket
import struct
import zlib
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from tests.conftest import READ_TOKEN, FakeSleep
from tmdb_async import (
    Movie,
    RateLimit,
    ResponseValidationError,
    RetryPolicy,
    Session,
    TMDBClient,
    TMDBConnectionError,
    TMDBTimeoutError,
)
from tmdb_async._deadlines import Deadlines

BOUND = 5.0  # seconds: an upper bound on any wait in this module, so a bug cannot hang CI
BODY = {"id": 11, "title": "Star Wars"}

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class Loopback:
    """A real aiohttp server on 127.0.0.1 that counts the requests each path received."""

    def __init__(self) -> None:
        self.app = web.Application()
        self.hits: Counter[str] = Counter()
        self.server: TestServer | None = None

    def route(self, method: str, path: str, handler: Handler) -> None:
        async def counted(request: web.Request) -> web.StreamResponse:
            self.hits[request.path] += 1
            return await handler(request)

        self.app.router.add_route(method, path, counted)

    @property
    def base_url(self) -> str:
        assert self.server is not None
        return str(self.server.make_url("")).rstrip("/")

    async def start(self) -> None:
        self.server = TestServer(self.app, host="127.0.0.1")
        await self.server.start_server()

    async def close(self) -> None:
        if self.server is not None:
            await self.server.close()


@pytest.fixture
async def loopback() -> AsyncIterator[Loopback]:
    lb = Loopback()
    yield lb
    await lb.close()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def _client(base_url: str, sleep: Any, **kwargs: Any) -> TMDBClient:
    kwargs.setdefault("retry", RetryPolicy(jitter=False))
    return TMDBClient(access_token=READ_TOKEN, base_url=base_url, sleep=sleep, **kwargs)


# ---------------------------------------------------------------------------- connection refused


async def test_connection_refused_is_a_typed_error_and_retried(fake_sleep: FakeSleep) -> None:
    base = f"http://127.0.0.1:{_free_port()}"
    async with _client(base, fake_sleep) as tmdb:
        with pytest.raises(TMDBConnectionError) as info:
            await asyncio.wait_for(tmdb.movies.details(11), BOUND)
    err = info.value
    assert err.request_sent is False
    assert (err.method, err.url) == ("GET", f"{base}/3/movie/11")
    assert "connection to TMDB failed" in str(err)
    assert fake_sleep.waits == [0.5, 1.0]  # three attempts in all


async def test_refused_post_is_retried_since_nothing_was_sent(fake_sleep: FakeSleep) -> None:
    base = f"http://127.0.0.1:{_free_port()}"
    async with _client(base, fake_sleep) as tmdb:
        with pytest.raises(TMDBConnectionError) as info:
            await asyncio.wait_for(tmdb.auth.create_session("t" * 40), BOUND)
    assert info.value.request_sent is False
    assert fake_sleep.waits == [0.5, 1.0]


async def test_refused_then_the_server_comes_up() -> None:
    port = _free_port()
    app = web.Application()

    async def movie(_: web.Request) -> web.Response:
        return web.json_response(BODY)

    app.router.add_get("/3/movie/11", movie)
    runner = web.AppRunner(app)
    await runner.setup()
    waits: list[float] = []

    async def start_server_instead_of_sleeping(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 1:
            await web.TCPSite(runner, "127.0.0.1", port).start()

    try:
        async with _client(f"http://127.0.0.1:{port}", start_server_instead_of_sleeping) as tmdb:
            movie_ = await asyncio.wait_for(tmdb.movies.details(11), BOUND)
        assert movie_ == Movie(id=11, title="Star Wars")
        assert waits == [0.5]
    finally:
        await runner.cleanup()


# ---------------------------------------------------------------------------- reset mid-response


class RawServer:
    """A bare TCP server that answers each connection with ``script(reader, writer)``."""

    def __init__(self, script: Callable[[asyncio.StreamWriter], Awaitable[None]]) -> None:
        self.script = script
        self.connections = 0
        self.server: asyncio.Server | None = None

    async def __aenter__(self) -> RawServer:
        async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            self.connections += 1
            await reader.readuntil(b"\r\n\r\n")
            await self.script(writer)

        self.server = await asyncio.start_server(serve, "127.0.0.1", 0)
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self.server is not None
        self.server.close()
        await self.server.wait_closed()

    @property
    def base_url(self) -> str:
        assert self.server is not None
        port = self.server.sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"


def _reset(writer: asyncio.StreamWriter) -> None:
    sock = writer.get_extra_info("socket")
    # SO_LINGER 0: close() sends a TCP RST instead of a FIN.
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


async def _half_a_response(writer: asyncio.StreamWriter) -> None:
    writer.write(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n"
        b'{"id": 11, "tit'
    )
    await writer.drain()
    _reset(writer)


async def _close_without_answer(writer: asyncio.StreamWriter) -> None:
    writer.close()


# aiohttp would re-send an idempotent request by itself when the server closes the
# connection before any answer; the client switches that off (each request on the wire is
# one of our attempts, see test_no_silent_resend...), so with retry=None a GET, like a POST,
# sees exactly one connection.
@pytest.mark.parametrize(
    ("script", "get_connections"), [(_half_a_response, 1), (_close_without_answer, 1)]
)
async def test_connection_dropped_mid_response(
    script: Any, get_connections: int, fake_sleep: FakeSleep
) -> None:
    async with RawServer(script) as raw:
        base = raw.base_url
        async with _client(base, fake_sleep, retry=None) as tmdb:
            with pytest.raises(TMDBConnectionError) as info:
                await asyncio.wait_for(tmdb.movies.details(11), BOUND)
            assert info.value.request_sent is True
            assert info.value.url == f"{base}/3/movie/11"
            assert raw.connections == get_connections
            with pytest.raises(TMDBConnectionError) as info:
                await asyncio.wait_for(tmdb.auth.create_session("t" * 40), BOUND)
            assert info.value.request_sent is True
            assert info.value.method == "POST"
            assert raw.connections == get_connections + 1


async def test_reset_is_retried_for_get_only(fake_sleep: FakeSleep) -> None:
    async with RawServer(_half_a_response) as raw, _client(raw.base_url, fake_sleep) as tmdb:
        with pytest.raises(TMDBConnectionError):
            await asyncio.wait_for(tmdb.movies.details(11), BOUND)
        assert raw.connections == 3
        assert fake_sleep.waits == [0.5, 1.0]
        # A POST that may have reached TMDB is not repeated.
        with pytest.raises(TMDBConnectionError) as info:
            await asyncio.wait_for(tmdb.auth.create_session("t" * 40), BOUND)
        assert info.value.request_sent is True
        assert raw.connections == 4
        assert fake_sleep.waits == [0.5, 1.0]


async def test_no_silent_resend_every_request_on_the_wire_is_an_attempt(
    fake_sleep: FakeSleep,
) -> None:
    # Issue 13, defect 6: aiohttp resent an idempotent request by itself after the server
    # closed the connection, so max_attempts=3 made 6 requests, 3 of them past the rate
    # budget. Now each request on the wire is one attempt and passes the rate gate (a
    # budget of 1 request per second with a burst of 1: the 2nd and 3rd wait ~1 s each).
    async with (
        RawServer(_close_without_answer) as raw,
        _client(raw.base_url, fake_sleep, rate_limit=RateLimit(1, burst=1)) as tmdb,
    ):
        with pytest.raises(TMDBConnectionError) as info:
            await asyncio.wait_for(tmdb.movies.details(11), BOUND)
    assert info.value.request_sent is True
    assert raw.connections == 3
    backoffs, gate_waits = fake_sleep.waits[0::2], fake_sleep.waits[1::2]
    assert backoffs == [0.5, 1.0]
    assert len(gate_waits) == 2
    assert all(0.4 < wait <= 1.0 for wait in gate_waits)


# ---------------------------------------------------------------------------- timeout


async def test_slow_answer_is_a_timeout(loopback: Loopback, fake_sleep: FakeSleep) -> None:
    # Deterministic: the answer never comes (an event nobody sets until the end), and the
    # attempt's deadline is expired by the server once the request has reached it, so no
    # wall-clock margin decides whether the request got there before the timeout did.
    release = asyncio.Event()
    timed: list[Deadlines] = []

    async def slow(_: web.Request) -> web.Response:
        (deadlines,) = timed
        assert deadlines.pending() == 1  # this request's attempt, being timed
        deadlines.expire_now()
        await asyncio.wait_for(release.wait(), BOUND)
        return web.json_response(BODY)

    loopback.route("GET", "/3/movie/11", slow)
    await loopback.start()
    try:
        # A timeout far longer than the test: only expire_now() ends an attempt.
        async with _client(loopback.base_url, fake_sleep, timeout=BOUND * 4) as tmdb:
            deadlines = tmdb._core.pool.deadlines()
            assert isinstance(deadlines, Deadlines)
            timed.append(deadlines)
            with pytest.raises(TMDBTimeoutError) as info:
                await asyncio.wait_for(tmdb.movies.details(11), BOUND)
            assert info.value.url == f"{loopback.base_url}/3/movie/11"
            assert "within the timeout" in str(info.value)
            # A GET is retried after a timeout: three attempts in all.
            assert loopback.hits["/3/movie/11"] == 3
            assert fake_sleep.waits == [0.5, 1.0]
            # No connection stays checked out, no attempt stays timed after the timeouts.
            connector = tmdb._core.pool.session().connector
            assert isinstance(connector, aiohttp.TCPConnector)
            assert len(connector._acquired) == 0
            assert deadlines.pending() == 0
    finally:
        release.set()


async def test_timeout_of_create_session_is_not_retried(
    loopback: Loopback, fake_sleep: FakeSleep
) -> None:
    release = asyncio.Event()

    async def slow(_: web.Request) -> web.Response:
        await asyncio.wait_for(release.wait(), BOUND)
        return web.json_response({"session_id": "s" * 40})

    loopback.route("POST", "/3/authentication/session/new", slow)
    await loopback.start()
    try:
        # The answer never comes (an event nobody sets); the timeout only has to be long
        # enough for a loopback connect and request to reach the server, even under load.
        async with _client(loopback.base_url, fake_sleep, timeout=0.25) as tmdb:
            with pytest.raises(TMDBTimeoutError):
                await asyncio.wait_for(tmdb.auth.create_session("t" * 40), BOUND)
        assert loopback.hits["/3/authentication/session/new"] == 1
        assert fake_sleep.waits == []
    finally:
        release.set()


# ---------------------------------------------------------------------------- cancellation


async def _cancel_mid_call(tmdb: TMDBClient, entered: asyncio.Event) -> asyncio.Task[Movie]:
    """Cancel ``details(11)`` once the server saw it; then no connection may be in use, and
    ``details(12)`` (one connection only: a leaked one would block it) must answer."""
    task = asyncio.create_task(tmdb.movies.details(11))
    await asyncio.wait_for(entered.wait(), BOUND)
    await asyncio.sleep(0.05)  # what the server sent so far reaches the client
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    connector = tmdb._core.pool.session().connector
    assert isinstance(connector, aiohttp.TCPConnector)
    assert len(connector._acquired) == 0
    movie = await asyncio.wait_for(tmdb.movies.details(12), BOUND)
    assert movie == Movie(id=12, title="Star Wars")
    assert len(connector._acquired) == 0
    return task


async def _quick(_: web.Request) -> web.Response:
    return web.json_response({**BODY, "id": 12})


async def test_cancellation_propagates_and_releases_the_connection(
    loopback: Loopback, fake_sleep: FakeSleep
) -> None:
    entered = asyncio.Event()
    release = asyncio.Event()

    async def stuck(_: web.Request) -> web.Response:
        entered.set()
        await asyncio.wait_for(release.wait(), BOUND)
        return web.json_response(BODY)

    loopback.route("GET", "/3/movie/11", stuck)
    loopback.route("GET", "/3/movie/12", _quick)
    await loopback.start()
    try:
        async with _client(loopback.base_url, fake_sleep, max_connections=1) as tmdb:
            task = await _cancel_mid_call(tmdb, entered)
            assert task.cancelled()
            assert fake_sleep.waits == []  # cancellation is not a failure to retry
            assert loopback.hits["/3/movie/11"] == 1
    finally:
        release.set()


async def test_cancellation_mid_body_releases_the_connection(
    loopback: Loopback, fake_sleep: FakeSleep
) -> None:
    # A compressed answer is read in bounded steps by the client itself; cancelled after
    # its first piece, the response must still give its connection up.
    entered = asyncio.Event()
    release = asyncio.Event()
    squeeze = zlib.compressobj(wbits=16 + zlib.MAX_WBITS)
    packed = squeeze.compress(json.dumps(BODY).encode() * 50) + squeeze.flush()

    async def stalled(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(
            headers={"Content-Type": "application/json", "Content-Encoding": "gzip"}
        )
        response.content_length = len(packed)
        await response.prepare(request)
        await response.write(packed[:10])
        entered.set()
        await asyncio.wait_for(release.wait(), BOUND)
        return response

    loopback.route("GET", "/3/movie/11", stalled)
    loopback.route("GET", "/3/movie/12", _quick)
    await loopback.start()
    try:
        async with _client(loopback.base_url, fake_sleep, max_connections=1) as tmdb:
            await _cancel_mid_call(tmdb, entered)
    finally:
        release.set()


async def test_cancellation_during_a_retry_wait_propagates(loopback: Loopback) -> None:
    waiting = asyncio.Event()

    async def unavailable(_: web.Request) -> web.Response:
        return web.json_response({"status_code": 9}, status=503)

    async def blocking_sleep(_: float) -> None:
        waiting.set()
        await asyncio.Event().wait()  # until cancelled

    loopback.route("GET", "/3/movie/11", unavailable)
    await loopback.start()
    async with _client(loopback.base_url, blocking_sleep) as tmdb:
        task = asyncio.create_task(tmdb.movies.details(11))
        await asyncio.wait_for(waiting.wait(), BOUND)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        connector = tmdb._core.pool.session().connector
        assert isinstance(connector, aiohttp.TCPConnector)
        assert len(connector._acquired) == 0
    assert loopback.hits["/3/movie/11"] == 1


# ---------------------------------------------------------------------------- bad bodies


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("<html><body>Welcome to nginx</body></html>", "text/html"),
        ('{"id": 11, "title": ', "application/json"),
    ],
)
async def test_non_json_200_is_a_validation_error(
    body: str, content_type: str, loopback: Loopback, fake_sleep: FakeSleep
) -> None:
    async def html(_: web.Request) -> web.Response:
        return web.Response(text=body, content_type=content_type)

    loopback.route("GET", "/3/movie/11", html)
    await loopback.start()
    async with _client(loopback.base_url, fake_sleep) as tmdb:
        with pytest.raises(ResponseValidationError) as info:
            await asyncio.wait_for(tmdb.movies.details(11), BOUND)
    err = info.value
    assert err.errors == [f"HTTP 200 body is not JSON ({len(body.encode())} bytes)"]
    assert (err.method, err.url) == ("GET", f"{loopback.base_url}/3/movie/11")
    assert loopback.hits["/3/movie/11"] == 1
    assert fake_sleep.waits == []


async def test_missing_required_field_carries_cattrs_messages(
    loopback: Loopback, fake_sleep: FakeSleep
) -> None:
    async def movie(_: web.Request) -> web.Response:
        return web.json_response({"title": "No id", "genres": [{"name": "Drama"}]})

    async def account(_: web.Request) -> web.Response:
        return web.json_response({"id": "six", "avatar": {"gravatar": 5}})

    loopback.route("GET", "/3/movie/11", movie)
    loopback.route("GET", "/3/account", account)
    await loopback.start()
    async with _client(loopback.base_url, fake_sleep) as tmdb:
        with pytest.raises(ResponseValidationError) as info:
            await asyncio.wait_for(tmdb.movies.details(11), BOUND)
        err = info.value
        assert err.model == "Movie"
        assert sorted(err.errors) == sorted(
            ["required field missing @ $.id", "required field missing @ $.genres[0].id"]
        )
        assert err.body == {"title": "No id", "genres": [{"name": "Drama"}]}
        assert "required field missing @ $.id" in str(err)

        with pytest.raises(ResponseValidationError) as info:
            await asyncio.wait_for(
                tmdb.for_user(Session(session_id="s" * 40)).account.details(), BOUND
            )
        err = info.value
        assert err.model == "Account"
        assert any(e.endswith("@ $.id") and "int" in e for e in err.errors)
        assert any(e.endswith("@ $.avatar.gravatar") for e in err.errors)
        assert "s" * 40 not in str(err)
        assert err.url == f"{loopback.base_url}/3/account?session_id=***"
    assert fake_sleep.waits == []


async def test_a_good_answer_over_the_loopback(loopback: Loopback, fake_sleep: FakeSleep) -> None:
    seen: list[tuple[str, str, str | None]] = []

    async def movie(request: web.Request) -> web.Response:
        seen.append((request.method, request.path_qs, request.headers.get("Authorization")))
        return web.json_response(BODY)

    loopback.route("GET", "/3/movie/11", movie)
    await loopback.start()
    async with _client(loopback.base_url, fake_sleep) as tmdb:
        movie_ = await tmdb.movies.details(11, append_to_response=["credits"], language="en-US")
    assert movie_ == Movie(id=11, title="Star Wars")
    assert seen == [
        ("GET", "/3/movie/11?append_to_response=credits&language=en-US", f"Bearer {READ_TOKEN}")
    ]


# ---------------------------------------------------------------------------- cookies


async def test_cookies_set_by_an_answer_never_ride_on_later_requests(
    loopback: Loopback, fake_sleep: FakeSleep
) -> None:
    # One pool serves many users: a cookie the CDN sets while answering one user's request
    # must not be sent with anybody's next request.
    seen: list[str | None] = []

    async def movie(request: web.Request) -> web.Response:
        seen.append(request.headers.get("Cookie"))
        response = web.json_response(BODY)
        response.set_cookie("cdn_session", "user-a-affinity")
        return response

    loopback.route("GET", "/3/movie/11", movie)
    await loopback.start()
    # By host name: aiohttp's default cookie jar ignores cookies from IP addresses.
    base = loopback.base_url.replace("127.0.0.1", "localhost")
    async with _client(base, fake_sleep) as tmdb:
        for _ in range(3):
            assert await asyncio.wait_for(tmdb.movies.details(11), BOUND) == Movie(
                id=11, title="Star Wars"
            )
    assert seen == [None, None, None]


# ---------------------------------------------------------------------------- reading answers


async def test_connections_are_reused_and_none_is_left_in_use(
    loopback: Loopback, fake_sleep: FakeSleep
) -> None:
    # aiohttp hands a connection back at the end of a body; the client then leaves the
    # response alone. With one connection allowed, a connection not handed back would make
    # the second call wait for ever (bounded here), and a closed one would show as a new
    # client port.
    ports: list[int] = []

    async def movie(request: web.Request) -> web.Response:
        assert request.transport is not None
        ports.append(request.transport.get_extra_info("peername")[1])
        return web.json_response(BODY)

    loopback.route("GET", "/3/movie/11", movie)
    await loopback.start()
    async with _client(loopback.base_url, fake_sleep, max_connections=1) as tmdb:
        for _ in range(3):
            assert await asyncio.wait_for(tmdb.movies.details(11), BOUND) == Movie(
                id=11, title="Star Wars"
            )
        connector = tmdb._core.pool.session().connector
        assert connector is not None
        # aiohttp has no public count of connections in use; _acquired is the set of them.
        assert len(connector._acquired) == 0
    assert len(ports) == 3
    assert len(set(ports)) == 1


async def test_an_answer_that_arrives_in_pieces_is_read_whole(
    loopback: Loopback, fake_sleep: FakeSleep
) -> None:
    # The body is not all in when the headers are: the client reads the rest as it comes.
    overview = "x" * 200_000
    payload = json.dumps({"id": 11, "title": "Star Wars", "overview": overview}).encode()

    async def movie(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "application/json"})
        response.content_length = len(payload)
        await response.prepare(request)
        await response.write(payload[:1000])
        await asyncio.sleep(0.05)
        await response.write(payload[1000:])
        await response.write_eof()
        return response

    loopback.route("GET", "/3/movie/11", movie)
    await loopback.start()
    async with _client(loopback.base_url, fake_sleep, max_connections=1) as tmdb:
        got = await asyncio.wait_for(tmdb.movies.details(11), BOUND)
        assert got == Movie(id=11, title="Star Wars", overview=overview)
        connector = tmdb._core.pool.session().connector
        assert connector is not None
        assert len(connector._acquired) == 0


async def test_a_views_own_aiohttp_timeout_times_its_calls(loopback: Loopback) -> None:
    # The client times attempts itself (seconds); a view given an aiohttp.ClientTimeout
    # hands that one to aiohttp with each call, though both share one session.
    release = asyncio.Event()

    async def slow(_: web.Request) -> web.Response:
        await asyncio.wait_for(release.wait(), BOUND)
        return web.json_response(BODY)

    async def fast(_: web.Request) -> web.Response:
        return web.json_response({"id": 12, "title": "Finding Nemo"})

    loopback.route("GET", "/3/movie/11", slow)
    loopback.route("GET", "/3/movie/12", fast)
    await loopback.start()
    try:
        async with TMDBClient(
            access_token=READ_TOKEN, base_url=loopback.base_url, timeout=BOUND * 4, retry=None
        ) as tmdb:
            assert await asyncio.wait_for(tmdb.movies.details(12), BOUND) == Movie(
                id=12, title="Finding Nemo"
            )
            view = tmdb.with_options(timeout=aiohttp.ClientTimeout(total=0.25))
            with pytest.raises(TMDBTimeoutError):
                await asyncio.wait_for(view.movies.details(11), BOUND)
        assert loopback.hits["/3/movie/11"] == 1
    finally:
        release.set()
