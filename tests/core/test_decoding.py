"""Every failure to decode an answer is the SDK's typed error, whatever the decoder.

Issue 13, defect 5: a deeply nested JSON answer escaped as ``RecursionError`` from
``request_json``, typed methods and export lines alike.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from tests.conftest import READ_TOKEN
from tmdb_async import NotFoundError, ResponseValidationError, TMDBClient
from tmdb_async.exports import read_export_file, stream_export

DEEP = b"[" * 200_000 + b"]" * 200_000  # far past any recursion limit
DEEP_LINE = b'{"id": 1, "x": ' + b"[" * 200_000 + b"]" * 200_000 + b"}"


def loads_that_recurse(body: bytes) -> Any:
    raise RecursionError("maximum recursion depth exceeded")


class OddDecoderError(Exception):
    """What some other JSON library might raise."""


def loads_that_fail_oddly(body: bytes) -> Any:
    raise OddDecoderError("cannot decode")


@pytest.fixture
async def deep_server() -> AsyncIterator[str]:
    """A loopback TMDB whose answers nest too deeply (aioresponses cannot send big bodies)."""

    async def deep(_: web.Request) -> web.Response:
        return web.Response(body=DEEP, content_type="application/json")

    async def deep_404(_: web.Request) -> web.Response:
        return web.Response(status=404, body=DEEP, content_type="application/json")

    app = web.Application()
    app.router.add_get("/3/movie/11", deep)
    app.router.add_get("/3/tv/1399/aggregate_credits", deep)
    app.router.add_get("/3/movie/12", deep_404)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    yield str(server.make_url("")).rstrip("/")
    await server.close()


@pytest.mark.parametrize(
    "json_loads", [None, json.loads, loads_that_recurse, loads_that_fail_oddly]
)
async def test_a_deeply_nested_answer_is_a_validation_error(
    deep_server: str, json_loads: Any
) -> None:
    kwargs = {} if json_loads is None else {"json_loads": json_loads}
    async with TMDBClient(
        access_token=READ_TOKEN, base_url=deep_server, retry=None, **kwargs
    ) as tmdb:
        with pytest.raises(ResponseValidationError) as typed:
            await tmdb.movies.details(11)
        with pytest.raises(ResponseValidationError) as raw:
            await tmdb.request_json("GET", "/3/tv/1399/aggregate_credits")
    assert typed.value.model == raw.value.model == "JSON"
    assert typed.value.url == f"{deep_server}/3/movie/11"
    assert raw.value.errors[0].startswith(f"HTTP 200 body is not JSON ({len(DEEP)} bytes")


async def test_a_deeply_nested_error_body_still_gives_the_status_error(deep_server: str) -> None:
    async with TMDBClient(access_token=READ_TOKEN, base_url=deep_server, retry=None) as tmdb:
        with pytest.raises(NotFoundError) as info:
            await tmdb.movies.details(12)
    assert (info.value.http_status, info.value.tmdb_code) == (404, None)


async def test_a_deeply_nested_export_line_is_a_validation_error() -> None:
    day = dt.date(2024, 5, 15)
    data = gzip.compress(b'{"id": 1}\n' + DEEP_LINE + b"\n")

    async def export(_: web.Request) -> web.Response:
        return web.Response(body=data, content_type="application/octet-stream")

    app = web.Application()
    app.router.add_get("/p/exports/{name}", export)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    base = str(server.make_url("/p/exports"))
    try:
        async with TMDBClient(access_token=READ_TOKEN, rate_limit=None) as tmdb:
            stream = stream_export(tmdb, "movie", day, base_url=base)
            assert (await stream.__anext__()).id == 1
            with pytest.raises(ResponseValidationError, match="line 2 is not JSON"):
                await stream.__anext__()
    finally:
        await server.close()


def test_a_deeply_nested_line_of_a_downloaded_export(tmp_path: Path) -> None:
    path = tmp_path / "movie_ids_05_15_2024.json.gz"
    path.write_bytes(gzip.compress(b'{"id": 1}\n' + DEEP_LINE + b"\n"))
    entries = read_export_file(path)
    assert next(entries).id == 1
    with pytest.raises(ResponseValidationError, match="line 2 is not an export line"):
        next(entries)
