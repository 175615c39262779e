"""Fit with the ecosystem: configuration from the environment, one event loop per client,
and response caching through ``session=`` with aiohttp-client-cache (the README's recipe).
"""

from __future__ import annotations

import asyncio
import inspect
import io
import logging
from collections.abc import Iterator

import aiohttp
import pytest
from aiohttp_client_cache.backends.base import CacheBackend
from aiohttp_client_cache.cache_control import DO_NOT_CACHE
from aiohttp_client_cache.session import CachedSession

from tests.conftest import API, API_KEY, READ_TOKEN, load
from tests.loopback_tmdb import TMDBServer, threaded_server
from tmdb_async import (
    DEFAULT_BASE_URL,
    DEFAULT_WEBSITE_URL,
    ClientClosedError,
    CredentialError,
    TMDBClient,
    TMDBUsageError,
)
from tmdb_async.cli.sandbox import describe
from tmdb_async.testing import Sandbox

MOVIE = load("recorded/tmdblib/movie-details-47964.200.json")


# ---------------------------------------------------------------- TMDBClient.from_env


def sandbox_exports(sb: Sandbox) -> dict[str, str]:
    """The ``export NAME=value`` lines ``tmdb-async sandbox`` prints, as a dict."""
    out = io.StringIO()
    describe(sb, out)
    env: dict[str, str] = {}
    for line in out.getvalue().splitlines():
        if line.strip().startswith("export "):
            for word in line.split()[1:]:
                name, _, value = word.partition("=")
                env[name] = value
    return env


async def test_from_env_runs_against_the_variables_the_sandbox_prints() -> None:
    async with Sandbox(movie_count=20) as sb:
        env = sandbox_exports(sb)
        assert set(env) == {"TMDB_BASE_URL", "TMDB_WEBSITE_URL", "TMDB_ACCESS_TOKEN"}
        async with TMDBClient.from_env(environ=env) as tmdb:
            assert tmdb.base_url == sb.base_url
            assert tmdb.website_url == sb.website_url
            movie = await tmdb.movies.details(11)
            token = await tmdb.auth.create_request_token()
            assert tmdb.auth.approval_url(token).startswith(f"{sb.website_url}/authenticate/")
        assert movie.id == 11
        (request,) = sb.requests_to("/3/movie/11")
        assert request.method == "GET"
        assert request.headers["Authorization"] == f"Bearer {sb.access_token}"
        assert "api_key" not in request.query


async def test_from_env_reads_os_environ_by_default(
    monkeypatch: pytest.MonkeyPatch, tmdb_server: TMDBServer
) -> None:
    for name in ("TMDB_BASE_URL", "TMDB_WEBSITE_URL", "TMDB_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TMDB_ACCESS_TOKEN", READ_TOKEN)
    async with TMDBClient.from_env() as tmdb:
        assert tmdb.base_url == DEFAULT_BASE_URL
        assert tmdb.website_url == DEFAULT_WEBSITE_URL
    monkeypatch.setenv("TMDB_BASE_URL", tmdb_server.base_url)
    tmdb_server.get("/3/movie/47964?language=de-DE", payload=MOVIE)
    async with TMDBClient.from_env(language="de-DE", retry=None) as tmdb:
        assert tmdb.base_url == tmdb_server.base_url
        movie = await tmdb.movies.details(47964)
    assert movie.id == 47964
    call = tmdb_server.only_call()
    assert (call.method, call.path, call.query) == ("GET", "/3/movie/47964", {"language": "de-DE"})
    assert call.headers["Authorization"] == f"Bearer {READ_TOKEN}"


async def test_from_env_with_an_api_key_sends_it_as_the_query_parameter(
    tmdb_server: TMDBServer,
) -> None:
    tmdb_server.get(f"/3/movie/47964?api_key={API_KEY}", payload=MOVIE)
    env = {"TMDB_API_KEY": API_KEY, "TMDB_ACCESS_TOKEN": "", "TMDB_BASE_URL": tmdb_server.base_url}
    async with TMDBClient.from_env(environ=env) as tmdb:
        assert "auth=api_key" in repr(tmdb)
        await tmdb.movies.details(47964)
    call = tmdb_server.only_call()
    assert (call.method, call.path, call.query) == ("GET", "/3/movie/47964", {"api_key": API_KEY})
    assert "Authorization" not in call.headers


async def test_from_env_prefers_the_access_token_when_both_are_set() -> None:
    async with TMDBClient.from_env(
        environ={"TMDB_ACCESS_TOKEN": READ_TOKEN, "TMDB_API_KEY": API_KEY}
    ) as tmdb:
        assert "auth=access_token" in repr(tmdb)


def test_from_env_takes_every_other_setting_of_the_client() -> None:
    init = set(inspect.signature(TMDBClient.__init__).parameters) - {"self"}
    from_env = set(inspect.signature(TMDBClient.from_env).parameters)
    # The credential and the URLs come from the environment; everything else is a keyword.
    assert from_env == init - {"access_token", "api_key", "base_url", "website_url"} | {"environ"}
    tmdb = TMDBClient.from_env(
        environ={"TMDB_ACCESS_TOKEN": READ_TOKEN}, pool_timeout=5, max_response_bytes=1024
    )
    assert (tmdb._core.pool.pool_timeout, tmdb._core.pool.max_response_bytes) == (5.0, 1024)


@pytest.mark.parametrize(
    "env", [{}, {"TMDB_ACCESS_TOKEN": "", "TMDB_API_KEY": ""}, {"TMDB_BASE_URL": API}]
)
def test_from_env_without_a_credential_names_both_variables(env: dict[str, str]) -> None:
    with pytest.raises(CredentialError, match=r"set TMDB_ACCESS_TOKEN .* or TMDB_API_KEY"):
        TMDBClient.from_env(environ=env)


@pytest.mark.parametrize(
    ("env", "variable"),
    [
        ({"TMDB_ACCESS_TOKEN": API_KEY}, "TMDB_ACCESS_TOKEN"),
        ({"TMDB_API_KEY": READ_TOKEN}, "TMDB_API_KEY"),
    ],
)
def test_from_env_credential_of_the_wrong_kind_names_the_variable_not_the_value(
    env: dict[str, str], variable: str
) -> None:
    with pytest.raises(CredentialError) as info:
        TMDBClient.from_env(environ=env)
    message = str(info.value)
    assert message.startswith(f"{variable} in the environment:")
    assert API_KEY not in message
    assert READ_TOKEN not in message


@pytest.mark.parametrize("variable", ["TMDB_BASE_URL", "TMDB_WEBSITE_URL"])
@pytest.mark.parametrize("value", ["h.example:8080", f"https://h.example/?api_key={API_KEY}"])
def test_from_env_bad_url_names_the_variable_without_echoing_it(variable: str, value: str) -> None:
    with pytest.raises(TMDBUsageError) as info:
        TMDBClient.from_env(environ={"TMDB_ACCESS_TOKEN": READ_TOKEN, variable: value})
    assert str(info.value).startswith(f"{variable} must")
    assert API_KEY not in str(info.value)
    assert value not in str(info.value)


# ---------------------------------------------------------------- one event loop per client


@pytest.fixture
def loops() -> Iterator[tuple[asyncio.AbstractEventLoop, asyncio.AbstractEventLoop]]:
    first, second = asyncio.new_event_loop(), asyncio.new_event_loop()
    try:
        yield first, second
    finally:
        first.close()
        second.close()


def test_a_second_event_loop_is_refused_before_any_request(
    loops: tuple[asyncio.AbstractEventLoop, asyncio.AbstractEventLoop],
    caplog: pytest.LogCaptureFixture,
) -> None:
    first, second = loops
    caplog.set_level(logging.DEBUG, logger="tmdb_async")
    with threaded_server() as server:
        server.get("/3/movie/47964", payload=MOVIE, repeat=True)
        tmdb = TMDBClient(access_token=READ_TOKEN, base_url=server.base_url, retry=None)
        assert first.run_until_complete(tmdb.movies.details(47964)).id == 47964
        with pytest.raises(TMDBUsageError, match="used from a second event loop"):
            second.run_until_complete(tmdb.movies.details(47964))
        # A user view shares the pool, and so the check.
        with pytest.raises(TMDBUsageError, match="second event loop"):
            second.run_until_complete(tmdb.for_user("abc").account.id())
        with pytest.raises(TMDBUsageError, match="second event loop"):
            second.run_until_complete(tmdb.request_json("GET", "/3/movie/47964"))
        assert len(server.calls()) == 1
        # The first loop still works, and closes the pool it owns.
        assert first.run_until_complete(tmdb.movies.details(47964)).id == 47964
        assert len(server.calls()) == 2
        first.run_until_complete(tmdb.close())
    # One DEBUG line per request sent: the refused calls never reached the wire.
    sent = [r for r in caplog.records if "/3/movie/47964 -> 200" in r.getMessage()]
    assert len(sent) == 2


def test_a_session_from_another_loop_is_refused_before_any_request(
    loops: tuple[asyncio.AbstractEventLoop, asyncio.AbstractEventLoop],
) -> None:
    first, second = loops

    async def make_session() -> aiohttp.ClientSession:
        return aiohttp.ClientSession()

    session = first.run_until_complete(make_session())
    try:
        with threaded_server() as server:
            server.get("/3/movie/47964", payload=MOVIE)
            tmdb = TMDBClient(access_token=READ_TOKEN, base_url=server.base_url, session=session)
            with pytest.raises(TMDBUsageError, match="session= passed to this TMDBClient"):
                second.run_until_complete(tmdb.movies.details(47964))
            assert server.calls() == []
            # In its own loop the same client and session work.
            assert first.run_until_complete(tmdb.movies.details(47964)).id == 47964
            first.run_until_complete(tmdb.close())
    finally:
        first.run_until_complete(session.close())


def test_a_closed_client_says_it_is_closed_in_another_loop_too(
    loops: tuple[asyncio.AbstractEventLoop, asyncio.AbstractEventLoop],
) -> None:
    first, second = loops
    with threaded_server() as server:
        server.get("/3/movie/47964", payload=MOVIE)
        tmdb = TMDBClient(access_token=READ_TOKEN, base_url=server.base_url)
        first.run_until_complete(tmdb.movies.details(47964))
        first.run_until_complete(tmdb.close())
        with pytest.raises(ClientClosedError):
            second.run_until_complete(tmdb.movies.details(47964))


# ---------------------------------------------------------------- caching through session=


def catalogue_cache() -> CacheBackend:
    """The README's recipe: public catalogue answers cached, nothing user-specific."""
    return CacheBackend(
        expire_after=DO_NOT_CACHE,  # anything the patterns below do not name
        urls_expire_after={
            "*/account_states": DO_NOT_CACHE,  # a user's rating / favourite of a title
            "*/3/configuration": 24 * 3600,
            "*/3/genre/": 24 * 3600,
            "*/3/movie/": 3600,
            "*/3/tv/": 3600,
            "*/3/person/": 3600,
        },
        allowed_methods=("GET",),
    )


async def test_catalogue_answers_come_from_the_cache_and_user_state_never_does() -> None:
    async with Sandbox(movie_count=50) as sb:
        async with (
            CachedSession(cache=catalogue_cache()) as session,
            sb.client(session=session) as tmdb,
        ):
            first = await tmdb.movies.details(11)
            again = await tmdb.movies.details(11)
            assert again == first
            assert len(sb.requests_to("/3/movie/11")) == 1
            # A different query is a different entry.
            german = await tmdb.movies.details(11, language="de-DE")
            assert german.id == 11
            assert len(sb.requests_to("/3/movie/11")) == 2

            # Request tokens (GET /3/authentication/token/new) are never shared.
            token_a = await tmdb.auth.create_request_token()
            token_b = await tmdb.auth.create_request_token()
            assert token_a.request_token != token_b.request_token
            assert len(sb.requests_to("/3/authentication/token/new")) == 2

            # A user's state of a title is always fresh.
            sb.approve(token_a)
            user = tmdb.for_user(await tmdb.auth.create_session(token_a))
            assert (await user.ratings.movie_states(11)).rated is None
            await user.ratings.rate_movie(11, 8.5)
            assert (await user.ratings.movie_states(11)).rated == 8.5
            assert len(sb.requests_to("/3/movie/11/account_states")) == 2
            assert len(sb.requests_to("/3/movie/11/rating", "POST")) == 1

        # The client never closed the caller's session; `async with` above did.
        assert session.closed
