"""Shared fixtures: clients, the recording loopback TMDB (tests/loopback_tmdb.py), real
Redis servers, and aioresponses for the transport failures no server produces cleanly.

Request-level tests run against the loopback TMDB. aioresponses stays only where a test
needs an exception raised in place of a response (``exception=``, which builds no
``ClientResponse``): its 0.7.9 release cannot build responses on aiohttp >= 3.14
(pnuckowski/aioresponses#289), so nothing here asks it for one.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from aioresponses import aioresponses

from tmdb_async import RetryPolicy, TMDBClient

if TYPE_CHECKING:
    from tests.loopback_tmdb import TMDBServer
    from tests.redis_server import RedisServer

# Vendored copy of the project's reference material (see tests/reference/README.md).
SHARED = Path(__file__).resolve().parent / "reference"
FIXTURES = SHARED / "fixtures"
API = "https://api.themoviedb.org"

# Credentials in the shapes TMDB issues them: a JWT read token, a 32-hex api key.
READ_TOKEN = (
    "eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiIwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZiIsInN1YiI6"
    "IjRiYzg4OTJhMDE3YTNjMGY5MjAwMDAwMiIsInNjb3BlcyI6WyJhcGlfcmVhZCJdLCJ2ZXJzaW9uIjoxfQ."
    "c2lnbmF0dXJlLW5vdC1yZWFsLXNpZ25hdHVyZS1ub3QtcmVhbA"
)
API_KEY = "0123456789abcdef0123456789abcdef"


def load(relative: str) -> Any:
    """A JSON file under shared/reference/fixtures."""
    return json.loads((FIXTURES / relative).read_text(encoding="utf-8"))


class FakeSleep:
    """Records retry waits instead of sleeping."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


@pytest.fixture
def mock() -> Iterator[aioresponses]:
    """aioresponses, for transport failures only (``exception=``); every answer with a
    status and a body comes from ``tmdb_server``."""
    with aioresponses() as m:
        yield m


@pytest.fixture
def fake_sleep() -> FakeSleep:
    return FakeSleep()


@pytest.fixture
async def tmdb(fake_sleep: FakeSleep) -> AsyncIterator[TMDBClient]:
    """A client with a bearer read token and instant retries."""
    async with TMDBClient(
        access_token=READ_TOKEN, sleep=fake_sleep, retry=RetryPolicy(jitter=False)
    ) as client:
        yield client


@pytest.fixture
async def tmdb_key(fake_sleep: FakeSleep) -> AsyncIterator[TMDBClient]:
    """A client with a v3 api_key and instant retries."""
    async with TMDBClient(
        api_key=API_KEY, sleep=fake_sleep, retry=RetryPolicy(jitter=False)
    ) as client:
        yield client


@pytest.fixture
async def tmdb_server() -> AsyncIterator[TMDBServer]:
    """A recording TMDB on 127.0.0.1 (tests/loopback_tmdb.py); a request it had no answer
    for fails the test. A path added without a query answers only requests without one."""
    # Imported here: tests/loopback_tmdb.py imports this module's constants.
    from tests.loopback_tmdb import TMDBServer

    server = TMDBServer()
    await server.start()
    try:
        yield server
    finally:
        await server.close()
    server.assert_all_answered()


@pytest.fixture
async def tmdb_local(tmdb_server: TMDBServer, fake_sleep: FakeSleep) -> AsyncIterator[TMDBClient]:
    """The ``tmdb`` fixture's client (bearer read token, instant retries) on ``tmdb_server``."""
    async with TMDBClient(
        access_token=READ_TOKEN,
        base_url=tmdb_server.base_url,
        sleep=fake_sleep,
        retry=RetryPolicy(jitter=False),
    ) as client:
        yield client


@pytest.fixture
async def tmdb_local_key(
    tmdb_server: TMDBServer, fake_sleep: FakeSleep
) -> AsyncIterator[TMDBClient]:
    """The ``tmdb_key`` fixture's client (v3 api_key, instant retries) on ``tmdb_server``."""
    async with TMDBClient(
        api_key=API_KEY,
        base_url=tmdb_server.base_url,
        sleep=fake_sleep,
        retry=RetryPolicy(jitter=False),
    ) as client:
        yield client


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    """One real ``redis-server`` on a free loopback port for the whole run (tests/redis_server.py).

    Fails (never skips) when ``redis-server`` is not installed.
    """
    from tests.redis_server import RedisServer

    with RedisServer() as server:
        yield server


@pytest.fixture
def redis_url(redis_server: RedisServer) -> str:
    """The shared server's URL, emptied for this test (and running, if a test stopped it)."""
    redis_server.start()
    redis_server.flush()
    return redis_server.url


@pytest.fixture
def own_redis() -> Iterator[RedisServer]:
    """A ``redis-server`` of this test's own, for tests that stop or restart it."""
    from tests.redis_server import RedisServer

    with RedisServer() as server:
        yield server
