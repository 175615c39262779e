"""Loopback TMDBs on 127.0.0.1: :class:`TMDBServer` (canned answers, recorded requests; the
``tmdb_server`` fixture of tests/conftest.py, or :func:`threaded_server` for synchronous
tests) and :func:`serve` (one body for every GET)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import socket
import struct
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import Any, Literal
from urllib.parse import parse_qsl

import attrs
from aiohttp import web
from multidict import CIMultiDict, CIMultiDictProxy

from tests.conftest import READ_TOKEN
from tests.threaded import started_in_a_thread
from tmdb_async import TMDBClient

__all__ = ["Recorded", "Served", "TMDBServer", "serve", "threaded_server"]


class Served:
    """Answers every GET with ``status`` / ``body``; records each request's path and query."""

    def __init__(self) -> None:
        self.status = 200
        self.body: Any = {}
        self.paths: list[str] = []
        self.queries: list[dict[str, str]] = []

    async def handle(self, request: web.Request) -> web.Response:
        self.paths.append(request.path)
        self.queries.append(dict(request.query))
        assert request.headers["Authorization"] == f"Bearer {READ_TOKEN}"
        assert request.can_read_body is False
        return web.json_response(self.body, status=self.status)


@contextlib.asynccontextmanager
async def serve() -> AsyncIterator[tuple[TMDBClient, Served]]:
    """A :class:`Served` on 127.0.0.1 and a client (bearer token, no retries) pointed at it."""
    server = Served()
    app = web.Application()
    app.router.add_route("GET", "/{tail:.*}", server.handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        async with TMDBClient(
            access_token=READ_TOKEN, base_url=f"http://127.0.0.1:{port}", retry=None
        ) as tmdb:
            yield tmdb, server
    finally:
        await runner.cleanup()


@attrs.frozen
class Recorded:
    """One request as the loopback TMDB received it."""

    method: str
    #: The path as decoded by the server; :attr:`raw_path` is it as sent (percent-encoded).
    path: str
    raw_path: str
    #: The query string as sent (yarl decodes it; repeated keys keep their last value).
    query: dict[str, str]
    headers: CIMultiDictProxy[str]
    body: bytes

    @property
    def json(self) -> Any:
        """The body decoded as JSON, or ``None`` when there was none."""
        return json.loads(self.body) if self.body else None


@attrs.define
class _Canned:
    method: str
    path: str | re.Pattern[str]
    query: dict[str, str]
    status: int
    payload: Any
    body: bytes | None
    headers: dict[str, str]
    repeat: bool | int
    wait: asyncio.Event | None
    fail: Literal["drop", "reset"] | None


def _path_matches(path: str | re.Pattern[str], call: Recorded) -> bool:
    if isinstance(path, re.Pattern):
        return path.fullmatch(call.path) is not None
    return path in (call.path, call.raw_path)


class TMDBServer:
    """A recording TMDB on 127.0.0.1: canned answers added like aioresponses', requests
    recorded in the order they arrived.

    ``add(method, path, ...)`` queues an answer for that method and path (decoded, or as
    sent when it holds percent-escapes) and, if ``query`` is given (or the path carries
    one: ``"/3/list/1?page=1"``), exactly that query, else only a request without a query (as
    aioresponses matched whole URLs); answers for one route are used in
    the order added, each once unless ``repeat`` (``True``: for ever; a number: that many
    times). A request nothing answers gets HTTP 501 and fails the test at teardown
    (:meth:`assert_all_answered`).
    """

    def __init__(self) -> None:
        self._canned: list[_Canned] = []
        self._calls: list[Recorded] = []
        self._arrived = asyncio.Event()
        self.unanswered: list[Recorded] = []
        self._runner: web.AppRunner | None = None
        self.base_url = ""

    def add(
        self,
        method: str,
        path: str | re.Pattern[str],
        *,
        payload: Any = None,
        status: int = 200,
        body: bytes | str | None = None,
        headers: Mapping[str, str] | None = None,
        query: Mapping[str, str] | None = None,
        repeat: bool | int = False,
        wait: asyncio.Event | None = None,
        fail: Literal["drop", "reset"] | None = None,
    ) -> None:
        """Answer ``method path`` with ``payload`` as JSON, or with the raw ``body`` (sent
        as ``application/json`` unless ``headers`` say otherwise, as TMDB labels its error
        pages); with ``wait``, only once that event is set (the request is recorded on
        arrival); with ``fail``, by no answer once the request arrived: ``"drop"`` closes
        the connection (the client sees the server disconnect), ``"reset"`` aborts it
        with a TCP RST (connection reset by peer)."""
        if isinstance(path, re.Pattern):
            pass  # matched in full against the decoded path
        elif self.base_url and path.startswith(self.base_url):
            path = path[len(self.base_url) :]  # a full URL on this server
        if isinstance(path, str) and "?" in path:
            assert query is None, "a query in the path and in query="
            path, _, raw_query = path.partition("?")
            query = dict(parse_qsl(raw_query, keep_blank_values=True))
        elif query is None:
            query = {}
        if isinstance(body, str):
            body = body.encode()
        self._canned.append(
            _Canned(
                method.upper(),
                path,
                dict(query),
                status,
                payload,
                body,
                dict(headers or {}),
                repeat,
                wait,
                fail,
            )
        )

    def get(self, path: str | re.Pattern[str], **kwargs: Any) -> None:
        """``add("GET", path, ...)``."""
        self.add("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> None:
        """``add("POST", path, ...)``."""
        self.add("POST", path, **kwargs)

    def put(self, path: str, **kwargs: Any) -> None:
        """``add("PUT", path, ...)``."""
        self.add("PUT", path, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> None:
        """``add("DELETE", path, ...)``."""
        self.add("DELETE", path, **kwargs)

    def calls(self) -> list[Recorded]:
        """Every request received, in the order it arrived."""
        return list(self._calls)

    async def received(self, count: int) -> None:
        """Wait until ``count`` requests have arrived (bound it with ``asyncio.timeout``)."""
        while len(self._calls) < count:
            self._arrived.clear()
            await self._arrived.wait()

    def only_call(self) -> Recorded:
        """The one request received; fails if there were more or none."""
        assert len(self._calls) == 1, f"expected one request, got {len(self._calls)}"
        return self._calls[0]

    def assert_all_answered(self) -> None:
        """Fail if a request arrived that no canned answer matched."""
        assert not self.unanswered, f"requests nothing answered: {self.unanswered}"

    def _take(self, call: Recorded) -> _Canned | None:
        for canned in self._canned:
            if canned.method != call.method or not _path_matches(canned.path, call):
                continue
            if canned.query != call.query:
                continue
            if canned.repeat is True:
                return canned
            if canned.repeat is False or canned.repeat <= 1:
                self._canned.remove(canned)
            else:
                canned.repeat -= 1
            return canned
        return None

    async def _handle(self, request: web.Request) -> web.Response:
        call = Recorded(
            request.method,
            request.path,
            request.rel_url.raw_path,
            dict(request.query),
            request.headers,
            await request.read(),
        )
        self._calls.append(call)
        self._arrived.set()
        canned = self._take(call)
        if canned is None:
            self.unanswered.append(call)
            return web.json_response({"status_message": "no canned answer"}, status=501)
        if canned.wait is not None:
            await canned.wait.wait()
        if canned.fail is not None:
            transport = request.transport
            assert transport is not None
            if canned.fail == "reset":
                sock = transport.get_extra_info("socket")
                # SO_LINGER 0: closing sends a TCP RST instead of a FIN.
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                transport.abort()
            else:
                transport.close()
            raise web.HTTPGone  # never sent: the connection is closed
        if canned.body is not None:
            headers = CIMultiDict(canned.headers)
            headers.setdefault("Content-Type", "application/json")
            return web.Response(body=canned.body, status=canned.status, headers=headers)
        return web.json_response(canned.payload, status=canned.status, headers=canned.headers)

    async def start(self) -> None:
        """Listen on a free port of 127.0.0.1; sets :attr:`base_url`."""
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._handle)
        # No access log: it would print the secrets the client sent (the SDK's own logs
        # are what tests scan for them).
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.base_url = f"http://127.0.0.1:{self._runner.addresses[0][1]}"

    async def close(self) -> None:
        """Stop listening."""
        if self._runner is not None:
            await self._runner.cleanup()


@contextlib.contextmanager
def threaded_server() -> Iterator[TMDBServer]:
    """A :class:`TMDBServer` on its own event loop in a thread, for synchronous code that
    runs its own loop (the CLI's ``main``); fails if a request went unanswered."""
    server = TMDBServer()
    with started_in_a_thread(server, timeout=10, name="loopback-tmdb"):
        yield server
    server.assert_all_answered()
