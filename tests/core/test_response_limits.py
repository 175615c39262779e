"""Bounded answers: the decoded size of an API answer and of export lines is capped.

Issue 13, defect 4: a huge body was read whole, an endless chunked body grew without end,
a gzip bomb inflated until MemoryError, and an export that inflates far cost hundreds of
MB while streaming. Each case against a real loopback server, with a low cap so the
test data stays small; memory is measured with tracemalloc.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import gzip
import json
import tracemalloc
import zlib
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from tests.conftest import API_KEY, READ_TOKEN
from tmdb_async import (
    Movie,
    ResponseTooLargeError,
    TMDBClient,
    TMDBConnectionError,
    TMDBUsageError,
)
from tmdb_async.exports import ExportEntry, read_export_file, stream_export

BOUND = 10.0
CAP = 256 * 1024
DAY = dt.date(2024, 5, 15)
EXPORT = f"/p/exports/movie_ids_{DAY:%m_%d_%Y}.json.gz"

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class Server:
    """A loopback server; ``written`` counts the body bytes a streaming handler sent."""

    def __init__(self) -> None:
        self.app = web.Application()
        self.written = 0
        self.requests = 0
        self.server = TestServer(self.app, host="127.0.0.1")

    def get(self, path: str, handler: Handler) -> None:
        async def counted(request: web.Request) -> web.StreamResponse:
            self.requests += 1
            return await handler(request)

        self.app.router.add_get(path, counted)

    @property
    def base_url(self) -> str:
        return str(self.server.make_url("")).rstrip("/")


@pytest.fixture
async def server() -> AsyncIterator[Server]:
    srv = Server()
    yield srv
    await srv.server.close()


def client(base_url: str, **kwargs: object) -> TMDBClient:
    return TMDBClient(
        access_token=READ_TOKEN,
        base_url=base_url,
        retry=None,
        rate_limit=None,
        max_response_bytes=CAP,
        **kwargs,  # type: ignore[arg-type]
    )


def movie_json(size: int) -> bytes:
    """A movie answer of exactly ``size`` bytes."""
    head = b'{"id": 11, "title": "Star Wars", "overview": "'
    tail = b'"}'
    return head + b"x" * (size - len(head) - len(tail)) + tail


def gzip_bomb(decoded: int) -> bytes:
    """A gzipped JSON body that inflates to about ``decoded`` bytes (~1000:1)."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    out = [deflate.compress(b'{"id": 11, "title": "')]
    block = b"0" * (1 << 20)
    for _ in range(decoded // len(block)):
        out.append(deflate.compress(block))
    out.append(deflate.compress(b'"}') + deflate.flush())
    return b"".join(out)


async def test_an_answer_up_to_the_cap_is_read(server: Server) -> None:
    async def exact(_: web.Request) -> web.Response:
        return web.Response(body=movie_json(CAP), content_type="application/json")

    server.get("/3/movie/11", exact)
    await server.server.start_server()
    async with client(server.base_url) as tmdb:
        movie = await asyncio.wait_for(tmdb.movies.details(11), BOUND)
    assert movie.id == 11
    assert len(movie.overview or "") == CAP - len(movie_json(0))


@pytest.mark.parametrize("chunked", [False, True])
async def test_one_byte_over_the_cap_is_a_typed_error(server: Server, chunked: bool) -> None:
    body = movie_json(CAP + 1)

    async def over(request: web.Request) -> web.StreamResponse:
        if not chunked:
            return web.Response(body=body, content_type="application/json")
        response = web.StreamResponse(headers={"Content-Type": "application/json"})
        response.enable_chunked_encoding()
        await response.prepare(request)
        for start in range(0, len(body), 10_000):
            await response.write(body[start : start + 10_000])
        await response.write_eof()
        return response

    server.get("/3/movie/11", over)
    await server.server.start_server()
    async with client(server.base_url) as tmdb:
        with pytest.raises(ResponseTooLargeError) as info:
            await asyncio.wait_for(tmdb.movies.details(11), BOUND)
        # The connection was closed, not left half-read: the next call works.
        assert server.requests == 1
    err = info.value
    assert err.limit == CAP
    assert (err.method, err.url) == ("GET", f"{server.base_url}/3/movie/11")
    assert f"max_response_bytes={CAP}" in str(err)


async def test_a_huge_content_length_is_refused_before_reading() -> None:
    # The header announces 300 MB; only a little is sent, and the client must not wait
    # for (or allocate) the rest.
    sent = asyncio.Event()

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            b"Content-Length: 314572800\r\n\r\n" + b'{"id": 11, "title": "' + b"x" * 1000
        )
        await writer.drain()
        sent.set()
        await reader.read()  # until the client hangs up
        writer.close()

    raw = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = raw.sockets[0].getsockname()[1]
    try:
        async with client(f"http://127.0.0.1:{port}") as tmdb:
            with pytest.raises(ResponseTooLargeError) as info:
                await asyncio.wait_for(tmdb.request_json("GET", "/3/movie/11"), BOUND)
    finally:
        raw.close()
        await raw.wait_closed()
    assert sent.is_set()
    assert info.value.limit == CAP


async def test_an_endless_chunked_body_stops_at_the_cap(server: Server) -> None:
    async def endless(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "application/json"})
        response.enable_chunked_encoding()
        await response.prepare(request)
        await response.write(b'{"id": 11, "title": "')
        try:
            for _ in range(10_000):  # bounded: 640 MB if the client never stopped
                await response.write(b"x" * 65536)
                server.written += 65536
        except (ConnectionError, RuntimeError):
            pass  # the client hung up
        return response

    server.get("/3/movie/11", endless)
    await server.server.start_server()
    async with client(server.base_url) as tmdb:
        with pytest.raises(ResponseTooLargeError):
            await asyncio.wait_for(tmdb.movies.details(11), BOUND)
    await asyncio.sleep(0.05)
    # The server could push only what the socket buffers took after the client stopped.
    assert server.written < 40 * 1024 * 1024


async def test_a_gzip_bomb_stops_at_the_cap_with_bounded_memory(server: Server) -> None:
    bomb = gzip_bomb(64 << 20)  # 64 MB once inflated, ~64 KB on the wire
    assert len(bomb) < 200_000

    async def bombing(_: web.Request) -> web.Response:
        return web.Response(
            body=bomb,
            headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
        )

    server.get("/3/movie/11", bombing)
    await server.server.start_server()
    async with client(server.base_url) as tmdb:
        tracemalloc.start()
        try:
            with pytest.raises(ResponseTooLargeError):
                await asyncio.wait_for(tmdb.movies.details(11), BOUND)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert peak < 16 << 20, f"peak {peak / 1e6:.1f} MB"


async def test_a_small_compressed_answer_within_the_cap_is_read(server: Server) -> None:
    body = json.dumps({"id": 11, "title": "Star Wars"}).encode()

    async def compressed(_: web.Request) -> web.Response:
        return web.Response(
            body=gzip.compress(body),
            headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
        )

    server.get("/3/movie/11", compressed)
    await server.server.start_server()
    async with client(server.base_url) as tmdb:
        assert await asyncio.wait_for(tmdb.movies.details(11), BOUND) == Movie(
            id=11, title="Star Wars"
        )


async def test_the_client_asks_for_gzip_or_deflate_and_inflates_both(server: Server) -> None:
    body = json.dumps({"id": 11, "title": "Star Wars"}).encode()
    asked: list[str] = []

    async def deflated(request: web.Request) -> web.Response:
        asked.append(request.headers["Accept-Encoding"])
        return web.Response(
            body=zlib.compress(body),
            headers={"Content-Type": "application/json", "Content-Encoding": "deflate"},
        )

    server.get("/3/movie/11", deflated)
    await server.server.start_server()
    async with client(server.base_url) as tmdb:
        assert await tmdb.movies.details(11) == Movie(id=11, title="Star Wars")
    # Only what the client inflates itself (never br or zstd, even with Brotli installed).
    assert asked == ["gzip, deflate"]


@pytest.mark.parametrize(
    ("encoding", "payload", "message"),
    [
        ("br", b"\x8b\x02\x80{}\x03", "unsupported Content-Encoding 'br'"),
        ("gzip", b"not gzip at all", "cannot decompress the answer"),
    ],
)
async def test_an_answer_the_client_cannot_inflate_is_a_typed_transport_error(
    server: Server, encoding: str, payload: bytes, message: str
) -> None:
    async def odd(_: web.Request) -> web.Response:
        return web.Response(
            body=payload,
            headers={"Content-Type": "application/json", "Content-Encoding": encoding},
        )

    server.get("/3/movie/11", odd)
    await server.server.start_server()
    async with client(server.base_url) as tmdb:
        with pytest.raises(TMDBConnectionError, match=message):
            await tmdb.movies.details(11)
    assert server.requests == 1  # retry=None: one attempt


@pytest.mark.parametrize("bad", [0, -1, 1.5, True, "32MB"])
def test_max_response_bytes_must_be_a_positive_int(bad: object) -> None:
    with pytest.raises(TMDBUsageError, match="max_response_bytes"):
        TMDBClient(access_token=READ_TOKEN, max_response_bytes=bad)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- export lines


def long_lines(count: int, length: int) -> bytes:
    name = "n" * length
    rows = (json.dumps({"id": i, "original_title": name}) + "\n" for i in range(1, count + 1))
    deflate = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    return b"".join(deflate.compress(row.encode()) for row in rows) + deflate.flush()


async def test_an_export_that_inflates_far_streams_in_bounded_memory(server: Server) -> None:
    data = long_lines(3000, 10_000)  # 30 MB once inflated, ~100 KB on the wire

    async def export(_: web.Request) -> web.Response:
        return web.Response(body=data, content_type="application/octet-stream")

    server.get(EXPORT, export)
    await server.server.start_server()
    async with client(server.base_url) as tmdb:
        tracemalloc.start()
        try:
            count = 0
            async for entry in stream_export(
                tmdb, "movie", DAY, base_url=f"{server.base_url}/p/exports"
            ):
                count += 1
                assert entry.id == count
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert count == 3000
    assert peak < 8 << 20, f"peak {peak / 1e6:.1f} MB"


async def test_an_export_line_over_the_cap_is_a_typed_error(server: Server) -> None:
    bomb = gzip_bomb(16 << 20)  # one 16 MB line

    async def export(_: web.Request) -> web.Response:
        return web.Response(body=bomb, content_type="application/octet-stream")

    server.get(EXPORT, export)
    await server.server.start_server()
    url = f"{server.base_url}{EXPORT}"
    async with client(server.base_url) as tmdb:
        tracemalloc.start()
        try:
            with pytest.raises(ResponseTooLargeError) as info:
                async for _ in stream_export(
                    tmdb,
                    "movie",
                    DAY,
                    base_url=f"{server.base_url}/p/exports",
                    max_line_bytes=64 * 1024,
                ):
                    pass
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        # The download's connection slot came back: an API call still gets one.
        assert tmdb._core.pool.free_slots == 20
    assert (info.value.limit, info.value.url) == (64 * 1024, url)
    assert "longer than 65536 bytes" in str(info.value)
    assert peak < 8 << 20, f"peak {peak / 1e6:.1f} MB"


def test_read_export_file_refuses_a_line_over_the_cap(tmp_path: Path) -> None:
    path = tmp_path / "movie_ids_05_15_2024.json.gz"
    path.write_bytes(
        gzip.compress(b'{"id": 1}\n{"id": 2, "name": "' + b"x" * 200_000 + b'"}\n{"id": 3}\n')
    )
    entries = read_export_file(path, max_line_bytes=100_000)
    assert next(entries) == ExportEntry(id=1)
    with pytest.raises(ResponseTooLargeError, match="line 2 is longer than 100000 bytes"):
        next(entries)
    assert [e.id for e in read_export_file(path)] == [1, 2, 3]


async def test_a_too_large_answer_shows_no_secret(server: Server) -> None:
    session_id = "f" * 40

    async def big(_: web.Request) -> web.Response:
        return web.Response(body=movie_json(CAP + 1), content_type="application/json")

    server.get("/3/account/548", big)
    await server.server.start_server()
    async with TMDBClient(
        api_key=API_KEY, base_url=server.base_url, retry=None, max_response_bytes=CAP
    ) as tmdb:
        with pytest.raises(ResponseTooLargeError) as info:
            await asyncio.wait_for(
                tmdb.request_json("GET", "/3/account/548", params={"session_id": session_id}),
                BOUND,
            )
    err = info.value
    for shown in (str(err), repr(err), err.url):
        assert API_KEY not in shown
        assert session_id not in shown
    assert err.url == f"{server.base_url}/3/account/548?api_key=***&session_id=***"
