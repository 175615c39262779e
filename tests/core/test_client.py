"""TMDBClient lifecycle: the lazy pool, its size, session ownership, close(), URLs, defaults."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from yarl import URL

from tests.conftest import API_KEY, READ_TOKEN, FakeSleep
from tests.loopback_tmdb import TMDBServer
from tmdb_async import (
    DEFAULT_BASE_URL,
    DEFAULT_WEBSITE_URL,
    ClientClosedError,
    Movie,
    NotFoundError,
    RetryPolicy,
    TMDBClient,
    TMDBUsageError,
)
from tmdb_async.resources._base import region_param

MOVIE_BODY = {"id": 11, "title": "Star Wars"}


def _connector(client: TMDBClient) -> aiohttp.BaseConnector:
    connector = client._core.pool.session().connector
    assert connector is not None
    return connector


# ---------------------------------------------------------------------------- the pool


def test_construction_outside_a_loop_creates_no_session() -> None:
    # aiohttp >= 3.14 refuses ClientSession() outside a running loop: nothing may be built yet.
    client = TMDBClient(access_token=READ_TOKEN)
    assert client._core.pool._session is None
    assert not client.closed


async def test_session_is_created_lazily_on_first_request(tmdb_server: TMDBServer) -> None:
    tmdb_server.get("/3/movie/11", payload=MOVIE_BODY)
    async with TMDBClient(access_token=READ_TOKEN, base_url=tmdb_server.base_url) as tmdb:
        assert tmdb._core.pool._session is None
        await tmdb.movies.details(11)
        session = tmdb._core.pool._session
        assert isinstance(session, aiohttp.ClientSession)
        assert not session.closed
        # One pool for everything: a second call and another namespace reuse it.
        tmdb_server.get("/3/movie/11", payload=MOVIE_BODY)
        await tmdb.movies.details(11)
        assert tmdb._core.pool._session is session
    assert session.closed


async def test_pool_is_capped_at_20_connections_by_default() -> None:
    async with TMDBClient(access_token=READ_TOKEN) as tmdb:
        connector = _connector(tmdb)
        assert isinstance(connector, aiohttp.TCPConnector)
        assert connector.limit == 20
        assert connector.limit_per_host == 0  # no cap per host: the total one covers each


@pytest.mark.parametrize("n", [1, 5, 64])
async def test_max_connections_sets_the_pool_size(n: int) -> None:
    async with TMDBClient(access_token=READ_TOKEN, max_connections=n) as tmdb:
        connector = _connector(tmdb)
        assert connector.limit == n
        assert connector.limit_per_host == 0


@pytest.mark.parametrize("bad", [0, -3, True, 2.5, "10", None])
def test_bad_max_connections_is_a_usage_error(bad: Any) -> None:
    with pytest.raises(TMDBUsageError, match="max_connections"):
        TMDBClient(access_token=READ_TOKEN, max_connections=bad)


@pytest.mark.parametrize("bad", [0, -1, 0.0])
def test_non_positive_timeout_is_a_usage_error(bad: float) -> None:
    with pytest.raises(TMDBUsageError, match="timeout"):
        TMDBClient(access_token=READ_TOKEN, timeout=bad)


def test_session_must_be_an_aiohttp_session() -> None:
    with pytest.raises(TMDBUsageError, match="session"):
        TMDBClient(access_token=READ_TOKEN, session=object())  # type: ignore[arg-type]


# ---------------------------------------------------------------------------- caller's session


@pytest.fixture
async def server() -> AsyncIterator[TestServer]:
    """A loopback TMDB that answers movie 11."""

    async def movie(request: web.Request) -> web.Response:
        return web.json_response({**MOVIE_BODY, "id": int(request.match_info["mid"])})

    app = web.Application()
    app.router.add_get("/3/movie/{mid}", movie)
    srv = TestServer(app, host="127.0.0.1")
    await srv.start_server()
    try:
        yield srv
    finally:
        await srv.close()


async def test_callers_session_is_used_and_never_closed(server: TestServer) -> None:
    seen: list[URL] = []

    async def on_start(_: Any, __: Any, params: aiohttp.TraceRequestStartParams) -> None:
        seen.append(params.url)

    trace = aiohttp.TraceConfig()
    trace.on_request_start.append(on_start)
    base = str(server.make_url("")).rstrip("/")
    async with aiohttp.ClientSession(trace_configs=[trace]) as mine:
        tmdb = TMDBClient(access_token=READ_TOKEN, session=mine, base_url=base)
        async with tmdb:
            movie = await tmdb.movies.details(11)
            assert movie == Movie(id=11, title="Star Wars")
        # The request went through the caller's session ...
        assert seen == [URL(f"{base}/3/movie/11")]
        # ... which is still open after the client closed, also after a second close().
        assert tmdb.closed
        assert not mine.closed
        await tmdb.close()
        assert not mine.closed
        # The client is closed for good, even though the session it used is alive.
        with pytest.raises(ClientClosedError):
            await tmdb.movies.details(11)
        assert len(seen) == 1
        # And the session still works for its owner.
        async with mine.get(f"{base}/3/movie/12") as resp:
            assert (await resp.json())["id"] == 12
    assert mine.closed


async def test_callers_session_is_not_closed_when_the_client_never_sent_anything() -> None:
    async with aiohttp.ClientSession() as mine:
        async with TMDBClient(access_token=READ_TOKEN, session=mine):
            pass
        assert not mine.closed


# ---------------------------------------------------------------------------- close()


async def test_close_is_idempotent_and_closes_the_owned_session(tmdb_server: TMDBServer) -> None:
    tmdb_server.get("/3/movie/11", payload=MOVIE_BODY)
    tmdb = TMDBClient(access_token=READ_TOKEN, base_url=tmdb_server.base_url)
    await tmdb.movies.details(11)
    session = tmdb._core.pool._session
    assert session is not None
    await tmdb.close()
    assert session.closed
    assert tmdb.closed
    await tmdb.close()
    await tmdb.close()
    assert tmdb.closed


async def test_close_without_any_request() -> None:
    tmdb = TMDBClient(access_token=READ_TOKEN)
    await tmdb.close()
    await tmdb.close()
    assert tmdb.closed
    assert tmdb._core.pool._session is None


async def test_use_after_close_raises_client_closed_before_io(tmdb_server: TMDBServer) -> None:
    async with TMDBClient(access_token=READ_TOKEN, base_url=tmdb_server.base_url) as tmdb:
        pass
    with pytest.raises(ClientClosedError, match="closed"):
        await tmdb.movies.details(11)
    with pytest.raises(ClientClosedError):
        await tmdb.auth.create_request_token()
    with pytest.raises(ClientClosedError):
        await tmdb.for_user("s" * 40).account.details()
    assert isinstance(ClientClosedError("x"), TMDBUsageError)
    assert tmdb_server.calls() == []
    # Closing did not quietly re-open a pool.
    assert tmdb._core.pool._session is None


async def test_use_after_close_of_a_used_client(tmdb_server: TMDBServer) -> None:
    tmdb_server.get("/3/movie/11", payload=MOVIE_BODY)
    tmdb = TMDBClient(access_token=READ_TOKEN, base_url=tmdb_server.base_url)
    await tmdb.movies.details(11)
    await tmdb.close()
    with pytest.raises(ClientClosedError):
        await tmdb.movies.details(11)
    assert len(tmdb_server.calls()) == 1


# ---------------------------------------------------------------------------- no leak warning


class _LoopErrors:
    """Collects what aiohttp reports to the loop about unclosed sessions and connectors."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def __call__(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        self.messages.append(str(context.get("message")))


async def _leak_report(make: Any) -> tuple[list[str], list[str]]:
    """Run ``make()``, drop every reference, collect garbage; return (warnings, loop errors)."""
    import warnings

    loop = asyncio.get_running_loop()
    errors = _LoopErrors()
    previous = loop.get_exception_handler()
    loop.set_exception_handler(errors)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            await make()
            gc.collect()
            await asyncio.sleep(0)
            gc.collect()
    finally:
        loop.set_exception_handler(previous)
    return [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)], (
        errors.messages
    )


async def test_the_leak_detector_sees_a_leaked_session() -> None:
    # Control: the detector below is able to fail.
    async def leak() -> None:
        aiohttp.ClientSession()

    warned, reported = await _leak_report(leak)
    assert any("Unclosed client session" in w for w in warned)
    assert any("Unclosed client session" in m for m in reported)


async def test_no_unclosed_session_warning(tmdb_server: TMDBServer) -> None:
    async def use_and_close() -> None:
        tmdb_server.get("/3/movie/11", payload=MOVIE_BODY)
        async with TMDBClient(access_token=READ_TOKEN, base_url=tmdb_server.base_url) as tmdb:
            await tmdb.movies.details(11)
        # A client closed with close() instead of a with-block.
        tmdb_server.get(f"/3/movie/11?api_key={API_KEY}", payload=MOVIE_BODY)
        other = TMDBClient(api_key=API_KEY, base_url=tmdb_server.base_url)
        await other.movies.details(11)
        await other.close()
        # A client that failed its request is closed just the same.
        tmdb_server.get("/3/movie/12", status=404, payload={"status_code": 34})
        async with TMDBClient(
            access_token=READ_TOKEN, base_url=tmdb_server.base_url, retry=None
        ) as third:
            with pytest.raises(NotFoundError):
                await third.movies.details(12)

    warned, reported = await _leak_report(use_and_close)
    assert warned == []
    assert [m for m in reported if "Unclosed" in m] == []


# ---------------------------------------------------------------------------- URLs


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("", "/3/movie/11"),
        ("/", "/3/movie/11"),
        ("/tmdb", "/tmdb/3/movie/11"),
        ("/tmdb/", "/tmdb/3/movie/11"),
        ("/a/b//", "/a/b/3/movie/11"),
    ],
)
async def test_base_url_is_configurable(
    prefix: str, expected: str, tmdb_server: TMDBServer
) -> None:
    # A base URL with or without a path (a proxy in front of TMDB) and trailing slashes.
    base_url = tmdb_server.base_url + prefix
    tmdb_server.get(expected, payload=MOVIE_BODY)
    async with TMDBClient(access_token=READ_TOKEN, base_url=base_url) as tmdb:
        assert tmdb.base_url == base_url.rstrip("/")
        assert await tmdb.movies.details(11) == Movie(id=11, title="Star Wars")
    call = tmdb_server.only_call()
    assert (call.method, call.raw_path, call.query) == ("GET", expected, {})


def test_default_urls() -> None:
    tmdb = TMDBClient(access_token=READ_TOKEN)
    assert tmdb.base_url == DEFAULT_BASE_URL == "https://api.themoviedb.org"
    assert tmdb.website_url == DEFAULT_WEBSITE_URL == "https://www.themoviedb.org"
    assert tmdb.auth.approval_url("t" * 40) == f"https://www.themoviedb.org/authenticate/{'t' * 40}"


@pytest.mark.parametrize(
    ("website_url", "expected"),
    [
        ("http://127.0.0.1:9000", "http://127.0.0.1:9000/authenticate/tok"),
        ("http://127.0.0.1:9000/", "http://127.0.0.1:9000/authenticate/tok"),
        ("https://sandbox.example/web/", "https://sandbox.example/web/authenticate/tok"),
    ],
)
def test_website_url_is_configurable_and_independent(website_url: str, expected: str) -> None:
    tmdb = TMDBClient(access_token=READ_TOKEN, website_url=website_url)
    assert tmdb.website_url == website_url.rstrip("/")
    assert tmdb.base_url == DEFAULT_BASE_URL
    assert tmdb.auth.approval_url("tok") == expected


@pytest.mark.parametrize(
    "bad",
    [
        "api.themoviedb.org",
        "ftp://api.themoviedb.org",
        "",
        "/3",
        "https://api.themoviedb.org/?api_key=x",
        "https://api.themoviedb.org/#frag",
        "https://api.themoviedb.org?",
        "https://",
        "http:///3",
    ],
)
@pytest.mark.parametrize("name", ["base_url", "website_url"])
def test_bad_urls_are_usage_errors(name: str, bad: str) -> None:
    kwargs: dict[str, Any] = {name: bad}
    with pytest.raises(TMDBUsageError, match=name):
        TMDBClient(access_token=READ_TOKEN, **kwargs)


# ---------------------------------------------------------------------------- language and region


async def test_language_default_and_per_call_override(tmdb_server: TMDBServer) -> None:
    async with TMDBClient(
        access_token=READ_TOKEN, base_url=tmdb_server.base_url, language="de-DE", region="DE"
    ) as tmdb:
        tmdb_server.get("/3/movie/11?language=de-DE", payload=MOVIE_BODY)
        await tmdb.movies.details(11)
        tmdb_server.get("/3/movie/11?language=pt-BR", payload=MOVIE_BODY)
        await tmdb.movies.details(11, language="pt-BR")
        tmdb_server.get("/3/movie/11?language=fr", payload=MOVIE_BODY)
        await tmdb.movies.details(11, language="fr")
        assert region_param(tmdb._core, None) == "DE"
        assert region_param(tmdb._core, "GB") == "GB"
    queries = [call.query for call in tmdb_server.calls()]
    assert queries == [{"language": "de-DE"}, {"language": "pt-BR"}, {"language": "fr"}]


async def test_no_language_by_default_sends_none(tmdb_server: TMDBServer) -> None:
    tmdb_server.get("/3/movie/11", payload=MOVIE_BODY)
    async with TMDBClient(access_token=READ_TOKEN, base_url=tmdb_server.base_url) as tmdb:
        await tmdb.movies.details(11)
    call = tmdb_server.only_call()
    assert (call.method, call.path, call.query) == ("GET", "/3/movie/11", {})


@pytest.mark.parametrize("bad", ["english", "EN", "en_US", "en-us", "", "e", "en-USA"])
def test_bad_default_language_is_rejected_at_construction(bad: str) -> None:
    with pytest.raises(TMDBUsageError, match="language"):
        TMDBClient(access_token=READ_TOKEN, language=bad)


@pytest.mark.parametrize("bad", ["us", "USA", "U", "", "U1"])
def test_bad_default_region_is_rejected_at_construction(bad: str) -> None:
    with pytest.raises(TMDBUsageError, match="region"):
        TMDBClient(access_token=READ_TOKEN, region=bad)


@pytest.mark.parametrize("bad", ["english", "en_US", "", "EN-us"])
async def test_bad_per_call_language_fails_before_io(
    bad: str, tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    with pytest.raises(TMDBUsageError, match="language"):
        await tmdb_local.movies.details(11, language=bad)
    assert tmdb_server.calls() == []
    with pytest.raises(TMDBUsageError, match="region"):
        region_param(tmdb_local._core, bad or "x")


# ---------------------------------------------------------------------------- repr


async def test_repr_shows_no_secret(tmdb_server: TMDBServer, fake_sleep: FakeSleep) -> None:
    tmdb_server.get(f"/3/movie/11?api_key={API_KEY}", payload=MOVIE_BODY)
    for client in (
        TMDBClient(access_token=READ_TOKEN, base_url=tmdb_server.base_url),
        TMDBClient(
            api_key=API_KEY, base_url=tmdb_server.base_url, sleep=fake_sleep, retry=RetryPolicy()
        ),
    ):
        async with client as tmdb:
            if not tmdb._core.credentials.is_bearer:
                await tmdb.movies.details(11)
            texts = [
                repr(tmdb),
                str(tmdb),
                repr(tmdb.auth),
                repr(tmdb.for_user("s" * 40).account),
                repr(tmdb.movies),
                repr(tmdb._core.credentials),
                str(tmdb._core.credentials),
            ]
        texts.append(repr(tmdb))
        for text in texts:
            assert READ_TOKEN not in text
            assert API_KEY not in text
            assert READ_TOKEN[:20] not in text
    assert repr(tmdb) == f"<TMDBClient {tmdb_server.base_url} auth=api_key closed>"
