"""Export downloads go through the client's request path (issue 14 part 2).

The same rate gate and shared 429 cooldown, retry policy, pool slots, timeouts and typed
errors as every API call; the export host never sees the API credential.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from tests.conftest import READ_TOKEN
from tmdb_async import (
    NotFoundError,
    RateLimitError,
    RetryPolicy,
    ServerError,
    TMDBClient,
)
from tmdb_async.exports import ExportEntry, export_filename, stream_export

DAY = dt.date(2024, 5, 15)
NAME = export_filename("movie", DAY)
BODY = gzip.compress(b"".join(json.dumps({"id": i}).encode() + b"\n" for i in (1, 2, 3)))


class Script:
    """Answers, in order, for the file; records each request's headers."""

    def __init__(self, *answers: web.Response) -> None:
        self.answers = list(answers)
        self.seen: list[dict[str, str]] = []

    async def handle(self, request: web.Request) -> web.Response:
        self.seen.append(dict(request.headers))
        assert request.match_info["name"] == NAME
        return self.answers.pop(0)


@pytest.fixture
async def serve() -> AsyncIterator[list[object]]:
    runners: list[web.AppRunner] = []
    out: list[object] = []

    async def start(script: Script) -> str:
        app = web.Application()
        app.router.add_get("/p/exports/{name}", script.handle)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        runners.append(runner)
        return f"http://127.0.0.1:{runner.addresses[0][1]}/p/exports"

    out.append(start)
    yield out
    for runner in runners:
        await runner.cleanup()


def _file() -> web.Response:
    return web.Response(body=BODY, content_type="application/octet-stream")


async def test_a_429_is_the_shared_cooldown_then_the_download_is_retried(
    serve: list[object],
) -> None:
    script = Script(
        web.json_response({"status_code": 25}, status=429, headers={"Retry-After": "7"}),
        _file(),
    )
    base = await serve[0](script)  # type: ignore[operator]
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    async with TMDBClient(access_token=READ_TOKEN, sleep=sleep, rate_limit=None) as tmdb:
        entries = [e async for e in stream_export(tmdb, "movie", DAY, base_url=base)]
        assert tmdb._core.pool.gate.cooldowns == 1
        assert tmdb._core.pool.free_slots == tmdb._core.pool.max_connections
    assert entries == [ExportEntry(id=1), ExportEntry(id=2), ExportEntry(id=3)]
    assert slept == [7.0]  # the gate's cooldown, Retry-After honoured
    assert len(script.seen) == 2
    assert all("Authorization" not in headers for headers in script.seen)


async def test_a_5xx_is_retried_by_the_policy_and_then_raised(serve: list[object]) -> None:
    script = Script(*(web.Response(status=503, text="busy") for _ in range(3)))
    base = await serve[0](script)  # type: ignore[operator]

    async def sleep(seconds: float) -> None:
        return None

    retry = RetryPolicy(max_attempts=3, jitter=False)
    async with TMDBClient(access_token=READ_TOKEN, sleep=sleep, retry=retry) as tmdb:
        with pytest.raises(ServerError) as info:
            async for _ in tmdb.exports.stream("movie", DAY, base_url=base):
                pass  # pragma: no cover
        assert tmdb._core.pool.free_slots == tmdb._core.pool.max_connections
    assert info.value.http_status == 503
    assert info.value.url == f"{base}/{NAME}"
    assert len(script.seen) == 3


async def test_a_429_given_up_still_holds_the_client(serve: list[object]) -> None:
    script = Script(web.json_response({"status_code": 25}, status=429))
    base = await serve[0](script)  # type: ignore[operator]
    async with TMDBClient(access_token=READ_TOKEN, retry=None) as tmdb:
        with pytest.raises(RateLimitError):
            async for _ in tmdb.exports.ids("movie", DAY, base_url=base):
                pass  # pragma: no cover
        assert tmdb._core.pool.gate.cooldowns == 1
        assert tmdb._core.pool.gate.cooling_down() > 0


async def test_a_missing_file_is_not_retried(serve: list[object]) -> None:
    script = Script(web.Response(status=404, text="<Error>NoSuchKey</Error>"))
    base = await serve[0](script)  # type: ignore[operator]
    async with TMDBClient(access_token=READ_TOKEN) as tmdb:
        with pytest.raises(NotFoundError) as info:
            async for _ in tmdb.exports.stream("movie", DAY, base_url=base):
                pass  # pragma: no cover
    assert (info.value.http_status, info.value.tmdb_code) == (404, None)
    assert len(script.seen) == 1


async def test_ids_through_the_namespace(serve: list[object]) -> None:
    base = await serve[0](Script(_file()))  # type: ignore[operator]
    async with TMDBClient(access_token=READ_TOKEN) as tmdb:
        assert [i async for i in tmdb.exports.ids("movie", DAY, base_url=base)] == [1, 2, 3]


async def test_leaving_a_download_early_gives_its_connection_back_at_once(
    serve: list[object],
) -> None:
    base = await serve[0](Script(_file()))  # type: ignore[operator]
    async with TMDBClient(access_token=READ_TOKEN, max_connections=1) as tmdb:
        entries = stream_export(tmdb, "movie", DAY, base_url=base)
        assert await entries.__anext__() == ExportEntry(id=1)
        assert tmdb._core.pool.free_slots == 0  # the download holds the one connection
        await entries.aclose()
        assert tmdb._core.pool.free_slots == 1
