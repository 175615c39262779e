"""Shared fixtures: a mocked TMDB (aioresponses, with the aiohttp >= 3.14 fix) and clients.

aioresponses 0.7.9 builds ``aiohttp.ClientResponse`` without the ``stream_writer``
argument that aiohttp 3.14 made mandatory, so every mocked request fails with
``TypeError`` (pnuckowski/aioresponses#289; fix pending in #288). We do not pin aiohttp
below what users get: :class:`CompatResponse` is a ``ClientResponse`` that supplies a
finished, zero-size stream writer when aioresponses gives none, and :class:`TMDBMock`
hands it to aioresponses through its public ``response_class`` argument. On aiohttp
releases without ``stream_writer`` nothing changes. Remove it once aioresponses ships
the fix.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import aiohttp
import pytest
from aioresponses import aioresponses
from aioresponses.core import RequestCall

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

_NEEDS_STREAM_WRITER = (
    "stream_writer" in inspect.signature(aiohttp.ClientResponse.__init__).parameters
)


class _FinishedWriter:
    """Stands in for the request's stream writer: the request is already sent."""

    output_size = 0


class CompatResponse(aiohttp.ClientResponse):
    """A ClientResponse that aioresponses 0.7.9 can build on aiohttp >= 3.14."""

    def __init__(self, method: str, url: Any, **kwargs: Any) -> None:
        if _NEEDS_STREAM_WRITER:
            kwargs.setdefault("stream_writer", _FinishedWriter())
        super().__init__(method, url, **kwargs)


class TMDBMock(aioresponses):
    """aioresponses that builds :class:`CompatResponse` unless told otherwise, and keeps
    the order requests were made in (aioresponses' ``requests`` groups them by URL)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._in_order: list[RequestCall] = []

    def add(self, url: Any, method: str = "GET", *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("response_class", CompatResponse)
        super().add(url, method, *args, **kwargs)

    def _build_request_call(self, method: str = "GET", *args: Any, **kwargs: Any) -> RequestCall:
        # aioresponses builds each request's call and files it under (method, URL) in one
        # synchronous step, so the order calls are built in is the order of the requests
        # (``assert_called_with`` builds one too, filed nowhere: calls() leaves it out).
        call: RequestCall = super()._build_request_call(method, *args, **kwargs)
        self._in_order.append(call)
        return call

    def calls(self) -> list[tuple[str, Any, RequestCall]]:
        """Every request made, in the order they were made, as (method, URL, call)."""
        keys = {id(call): key for key, calls in self.requests.items() for call in calls}
        return [(*keys[id(call)], call) for call in self._in_order if id(call) in keys]

    def only_call(self) -> tuple[str, Any, RequestCall]:
        """The one request made; fails if there were more or none."""
        calls = self.calls()
        assert len(calls) == 1, f"expected one request, got {len(calls)}"
        return calls[0]


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
def mock() -> Iterator[TMDBMock]:
    m = TMDBMock()
    with m:
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
    for fails the test."""
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
