"""Single flight and the response cache (tmdb_async/_cache.py, tmdb_async/cache.py).

Against the sandbox (which records every request and sends TMDB's ``Cache-Control`` and
``ETag``) and the loopback TMDB (canned headers, answers held back with an event), and a
real Redis for :class:`RedisCache`. Clocks are injected; nothing sleeps.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from typing import Any

import pytest

from tests.conftest import API_KEY, READ_TOKEN
from tests.loopback_tmdb import TMDBServer
from tests.redis_server import RedisServer, free_port
from tmdb_async import (
    GenreList,
    MemoryCache,
    NotFoundError,
    RedisCache,
    RetryPolicy,
    TMDBClient,
    TMDBUsageError,
)
from tmdb_async._cache import CachedAnswer, freshness
from tmdb_async.testing import Sandbox

GENRES = {"genres": [{"id": 28, "name": "Action"}]}
GENRES_PATH = "/3/genre/movie/list"


class Clock:
    """A wall clock that moves only when told."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def sandbox() -> AsyncIterator[Sandbox]:
    async with Sandbox(movie_count=50, tv_count=10, person_count=10) as sb:
        yield sb


def local(server: TMDBServer, **kwargs: Any) -> TMDBClient:
    return TMDBClient(
        access_token=READ_TOKEN,
        base_url=server.base_url,
        retry=RetryPolicy(jitter=False, max_attempts=1),
        **kwargs,
    )


async def until(predicate: Any) -> None:
    """Let the loop run until ``predicate()`` holds (bounded: 2,000 turns)."""
    for _ in range(2000):
        if predicate():
            return
        await asyncio.sleep(0)
    raise AssertionError("condition never held")


# --------------------------------------------------------------------------- single flight


async def test_a_thousand_identical_calls_make_one_request(sandbox: Sandbox) -> None:
    async with sandbox.client(single_flight=True) as tmdb:
        movies = await asyncio.gather(*(tmdb.movies.details(550) for _ in range(1000)))
    assert len(sandbox.requests_to("/3/movie/550")) == 1
    assert movies[0].title == "Fight Club"
    assert all(movie is movies[0] for movie in movies)  # frozen: the same model object
    assert tmdb._core.pool.sharing is not None
    assert tmdb._core.pool.sharing.in_flight == 0


async def test_calls_that_differ_in_query_or_type_are_separate_requests(sandbox: Sandbox) -> None:
    async with sandbox.client(single_flight=True) as tmdb:
        results = await asyncio.gather(
            tmdb.movies.details(550),
            tmdb.movies.details(550),
            tmdb.movies.details(550, language="de-DE"),
            tmdb.movies.details(550, append_to_response=["credits"]),
            tmdb.request_json("GET", "/3/movie/550"),
            tmdb.search.movie(query="fight"),
            tmdb.search.movie(query="club"),
            tmdb.search.movie(query="fight"),
        )
    queries = sorted(
        (r.path, tuple(sorted((k, v) for k, v in r.query.items() if k != "api_key")))
        for r in sandbox.requests
    )
    assert queries == [
        ("/3/movie/550", ()),
        ("/3/movie/550", ()),  # request_json: another type (decoded JSON)
        ("/3/movie/550", (("append_to_response", "credits"),)),
        ("/3/movie/550", (("language", "de-DE"),)),
        ("/3/search/movie", (("page", "1"), ("query", "club"))),
        ("/3/search/movie", (("page", "1"), ("query", "fight"))),
    ]
    assert results[0] is results[1]
    assert isinstance(results[4], dict)
    assert results[5] is results[7]


async def test_views_of_one_client_share_its_flights_and_cache(sandbox: Sandbox) -> None:
    cache = MemoryCache()
    async with sandbox.client(cache=cache) as tmdb:
        quick = tmdb.with_options(timeout=5, retry=None)
        a, b, c = await asyncio.gather(
            tmdb.movies.details(550), quick.movies.details(550), quick.movies.details(550)
        )
        assert a is b is c
        assert await tmdb.with_options(cache_ttl=60).movies.details(550) is a
    assert len(sandbox.requests_to("/3/movie/550")) == 1


async def test_a_callers_session_revalidates_with_its_own_headers(sandbox: Sandbox) -> None:
    import aiohttp

    clock = Clock()
    async with (
        aiohttp.ClientSession() as session,
        sandbox.client(
            api_key=sandbox.api_key, session=session, cache=MemoryCache(clock=clock)
        ) as tmdb,
    ):
        first = await tmdb.genres.movie()
        clock.now += 301  # past the client's default cache_ttl
        assert await tmdb.genres.movie() is first
    sent = sandbox.requests_to(GENRES_PATH)
    assert [r.status for r in sent] == [200, 304]
    assert sent[1].query["api_key"] == sandbox.api_key
    assert "If-None-Match" in sent[1].headers


async def test_followers_of_raw_json_get_their_own_copy(sandbox: Sandbox) -> None:
    async with sandbox.client(single_flight=True) as tmdb:
        a, b = await asyncio.gather(
            tmdb.request_json("GET", "/3/movie/550"), tmdb.request_json("GET", "/3/movie/550")
        )
    assert len(sandbox.requests_to("/3/movie/550")) == 1
    assert a == b
    assert a is not b  # mutable: one caller's change must not reach another
    a["title"] = "changed"
    assert b["title"] == "Fight Club"


async def test_single_flight_is_off_by_default_without_a_cache(sandbox: Sandbox) -> None:
    async with sandbox.client() as tmdb:
        assert tmdb._core.pool.sharing is None  # the plain request path, nothing added
        await asyncio.gather(*(tmdb.movies.details(550) for _ in range(10)))
    assert len(sandbox.requests_to("/3/movie/550")) == 10
    async with sandbox.client(cache=MemoryCache(), single_flight=False) as tmdb:
        await asyncio.gather(*(tmdb.movies.details(550) for _ in range(10)))
    assert len(sandbox.requests_to("/3/movie/550")) == 20
    async with sandbox.client(cache=MemoryCache()) as tmdb:  # on with a cache
        await asyncio.gather(*(tmdb.movies.details(550) for _ in range(10)))
    assert len(sandbox.requests_to("/3/movie/550")) == 21


async def test_an_error_goes_to_the_waiting_callers_only(tmdb_server: TMDBServer) -> None:
    release = asyncio.Event()
    tmdb_server.get(
        GENRES_PATH,
        status=404,
        payload={"success": False, "status_code": 34, "status_message": "Not found."},
        wait=release,
    )
    tmdb_server.get(GENRES_PATH, payload=GENRES)
    async with local(tmdb_server, cache=MemoryCache()) as tmdb:
        calls = [asyncio.ensure_future(tmdb.genres.movie()) for _ in range(5)]
        await until(lambda: len(tmdb_server.calls()) == 1)
        release.set()
        results = await asyncio.gather(*calls, return_exceptions=True)
        assert all(isinstance(r, NotFoundError) for r in results)
        assert all(r is results[0] for r in results)  # the same typed error
        # Not cached: the next call asks TMDB again.
        genres = await tmdb.genres.movie()
        assert isinstance(genres, GenreList)
        assert genres.genres[0].name == "Action"
    assert len(tmdb_server.calls()) == 2


async def test_a_cancelled_leader_leaves_the_call_to_its_followers(
    tmdb_server: TMDBServer,
) -> None:
    release = asyncio.Event()
    tmdb_server.get(GENRES_PATH, payload=GENRES, wait=release)
    async with local(tmdb_server, single_flight=True) as tmdb:
        leader = asyncio.ensure_future(tmdb.genres.movie())
        await until(lambda: len(tmdb_server.calls()) == 1)
        followers = [asyncio.ensure_future(tmdb.genres.movie()) for _ in range(3)]
        sharing = tmdb._core.pool.sharing
        assert sharing is not None
        await until(lambda: sum(len(f.futures) for f in sharing._flights.values()) == 4)
        leader.cancel()
        with pytest.raises(asyncio.CancelledError):
            await leader
        followers[0].cancel()  # a follower leaving changes nothing for the others
        with pytest.raises(asyncio.CancelledError):
            await followers[0]
        release.set()
        genres = await asyncio.gather(*followers[1:])
        assert [g.genres[0].name for g in genres] == ["Action", "Action"]
        assert genres[0] is genres[1]
        pool = tmdb._core.pool
        assert pool.free_slots == pool.max_connections  # the connection is back
    assert len(tmdb_server.calls()) == 1


async def test_the_call_is_cancelled_when_nobody_waits_any_more(tmdb_server: TMDBServer) -> None:
    release = asyncio.Event()
    tmdb_server.get(GENRES_PATH, payload=GENRES, wait=release)
    tmdb_server.get(GENRES_PATH, payload=GENRES)
    async with local(tmdb_server, single_flight=True) as tmdb:
        sharing = tmdb._core.pool.sharing
        assert sharing is not None
        calls = [asyncio.ensure_future(tmdb.genres.movie()) for _ in range(2)]
        await until(lambda: len(tmdb_server.calls()) == 1)
        for call in calls:
            call.cancel()
        for call in calls:
            with pytest.raises(asyncio.CancelledError):
                await call
        await until(lambda: sharing.in_flight == 0)
        pool = tmdb._core.pool
        assert pool.free_slots == pool.max_connections  # no connection leaked
        release.set()
        genres = await tmdb.genres.movie()  # a new flight, a new request
        assert genres.genres[0].name == "Action"
    assert len(tmdb_server.calls()) == 2


# --------------------------------------------------------------------------- memory cache


async def test_memory_cache_hit_miss_and_expiry_on_the_client_ttl(
    tmdb_server: TMDBServer,
) -> None:
    clock = Clock()
    tmdb_server.get(GENRES_PATH, payload=GENRES, repeat=2)  # no Cache-Control
    tmdb_server.get(GENRES_PATH, query={"language": "fr-FR"}, payload=GENRES)
    cache = MemoryCache(clock=clock)
    async with local(tmdb_server, cache=cache, cache_ttl=10) as tmdb:
        first = await tmdb.genres.movie()
        clock.now += 9.9
        assert await tmdb.genres.movie() is first  # a hit: the same model, no request
        assert len(tmdb_server.calls()) == 1
        clock.now += 0.2  # 10.1 s: stale
        again = await tmdb.genres.movie()
        assert again == first
        assert len(tmdb_server.calls()) == 2
        # Another language is another key.
        await tmdb.genres.movie(language="fr-FR")
        assert len(tmdb_server.calls()) == 3
        # The key holds the public URL and query, never the credential.
        assert cache.keys() == [
            f"{tmdb_server.base_url}{GENRES_PATH}",
            f"{tmdb_server.base_url}{GENRES_PATH}?language=fr-FR",
        ]
    for call in tmdb_server.calls():
        assert "If-None-Match" not in call.headers  # nothing to revalidate: no ETag


async def test_max_age_bounds_freshness_and_no_store_is_never_kept(
    tmdb_server: TMDBServer,
) -> None:
    clock = Clock()
    tmdb_server.get(
        GENRES_PATH, payload=GENRES, headers={"Cache-Control": "public, max-age=5"}, repeat=True
    )
    tmdb_server.get(
        "/3/genre/tv/list", payload=GENRES, headers={"Cache-Control": "no-store"}, repeat=True
    )
    tmdb_server.get(
        "/3/certification/movie/list",
        payload={"certifications": {}},
        headers={"Cache-Control": "private, max-age=600"},
        repeat=True,
    )
    cache = MemoryCache(clock=clock)
    async with local(tmdb_server, cache=cache, cache_ttl=300) as tmdb:
        for _ in range(2):
            await tmdb.genres.movie()
            await tmdb.genres.tv()
            await tmdb.certifications.movie()
        assert [c.path for c in tmdb_server.calls()] == [
            GENRES_PATH,
            "/3/genre/tv/list",
            "/3/certification/movie/list",
            "/3/genre/tv/list",
            "/3/certification/movie/list",
        ]
        assert cache.keys() == [f"{tmdb_server.base_url}{GENRES_PATH}"]
        clock.now += 5  # TMDB's max-age is over (the client's 300 s does not extend it)
        await tmdb.genres.movie()
    assert [c.path for c in tmdb_server.calls()].count(GENRES_PATH) == 2


async def test_age_counts_against_max_age(tmdb_server: TMDBServer) -> None:
    clock = Clock()
    tmdb_server.get(
        GENRES_PATH,
        payload=GENRES,
        headers={"Cache-Control": "public, max-age=60", "Age": "50"},
        repeat=True,
    )
    async with local(tmdb_server, cache=MemoryCache(clock=clock)) as tmdb:
        await tmdb.genres.movie()
        clock.now += 9
        await tmdb.genres.movie()
        assert len(tmdb_server.calls()) == 1
        clock.now += 2  # 50 + 11 > 60
        await tmdb.genres.movie()
    assert len(tmdb_server.calls()) == 2


async def test_a_stale_answer_is_revalidated_and_a_304_refreshes_it(sandbox: Sandbox) -> None:
    clock = Clock()
    cache = MemoryCache(clock=clock)
    async with sandbox.client(cache=cache, cache_ttl=60) as tmdb:
        first = await tmdb.movies.details(550)
        clock.now += 30
        assert await tmdb.movies.details(550) is first
        clock.now += 31  # stale for the client's 60 s
        again = await tmdb.movies.details(550)
        assert again is first  # the same bytes: the model built from them is reused
        clock.now += 59  # the 304 refreshed the entry
        await tmdb.movies.details(550)
        # A view that accepts nothing older than 0 s revalidates every time.
        await tmdb.with_options(cache_ttl=0).movies.details(550)
    sent = sandbox.requests_to("/3/movie/550")
    assert [r.status for r in sent] == [200, 304, 304]
    assert "If-None-Match" not in sent[0].headers
    etag = sent[1].headers["If-None-Match"]
    assert etag.startswith('W/"')
    assert sent[2].headers["If-None-Match"] == etag


async def test_no_cache_answers_are_revalidated_every_time(tmdb_server: TMDBServer) -> None:
    tmdb_server.get(
        GENRES_PATH, payload=GENRES, headers={"Cache-Control": "no-cache", "ETag": '"v1"'}
    )
    tmdb_server.get(GENRES_PATH, status=304, body=b"", headers={"ETag": '"v1"'})
    async with local(tmdb_server, cache=MemoryCache()) as tmdb:
        first = await tmdb.genres.movie()
        assert await tmdb.genres.movie() is first
    calls = tmdb_server.calls()
    assert [c.headers.get("If-None-Match") for c in calls] == [None, '"v1"']


async def test_the_memory_cache_is_bounded_least_recently_used_out(
    tmdb_server: TMDBServer,
) -> None:
    for language in ("de-DE", "fr-FR", "it-IT", "fr-FR"):
        tmdb_server.get(GENRES_PATH, query={"language": language}, payload=GENRES)
    cache = MemoryCache(max_entries=2)
    async with local(tmdb_server, cache=cache) as tmdb:
        await tmdb.genres.movie(language="de-DE")
        await tmdb.genres.movie(language="fr-FR")
        await tmdb.genres.movie(language="de-DE")  # a hit: de-DE is now the most recent
        await tmdb.genres.movie(language="it-IT")  # evicts fr-FR
        await tmdb.genres.movie(language="de-DE")  # still a hit
        await tmdb.genres.movie(language="fr-FR")  # a miss again
    assert [c.query["language"] for c in tmdb_server.calls()] == [
        "de-DE",
        "fr-FR",
        "it-IT",
        "fr-FR",
    ]
    assert len(cache) == 2
    small = MemoryCache(max_bytes=10)
    answer = CachedAnswer(b"x" * 11, None, None, 0.0)
    await small.save("k", answer, 60)
    assert len(small) == 0  # larger than the whole cache: not kept
    assert small.size == 0


async def test_errors_and_writes_are_never_cached(tmdb_server: TMDBServer) -> None:
    tmdb_server.get(
        GENRES_PATH,
        status=200,
        payload={"success": False, "status_code": 34, "status_message": "Not found."},
        headers={"Cache-Control": "public, max-age=600"},
    )
    tmdb_server.get(GENRES_PATH, payload=GENRES, headers={"Cache-Control": "public, max-age=60"})
    tmdb_server.post("/3/movie/550/rating", payload={"success": True}, repeat=True)
    cache = MemoryCache()
    async with local(tmdb_server, cache=cache) as tmdb:
        with pytest.raises(NotFoundError):
            await tmdb.genres.movie()
        assert len(cache) == 0
        await tmdb.genres.movie()
        for _ in range(2):
            await tmdb.request_json("POST", "/3/movie/550/rating", json={"value": 8})
    assert [c.method for c in tmdb_server.calls()] == ["GET", "GET", "POST", "POST"]
    assert len(cache) == 1


# --------------------------------------------------------------------------- user data


async def test_user_views_and_auth_calls_are_never_shared_or_cached(sandbox: Sandbox) -> None:
    cache = MemoryCache()
    async with sandbox.client(cache=cache) as tmdb:
        session = sandbox.login()
        user = tmdb.for_user(session)
        for _ in range(2):
            await asyncio.gather(user.movie_details(550), user.movie_details(550))
            await asyncio.gather(user.account.details(), user.account.details())
            await user.favorites.movies()
            await tmdb.request_json("GET", "/3/account", params={"session_id": session.session_id})
        tokens = await asyncio.gather(*(tmdb.auth.create_request_token() for _ in range(3)))
        assert len({t.request_token for t in tokens}) == 3  # each call made its own token
        guest = await tmdb.auth.create_guest_session()
        await tmdb.for_user(guest).ratings.movies()
        await tmdb.for_user(guest).ratings.movies()
        await tmdb.movies.details(550)  # public: cached
    assert len(sandbox.requests_to("/3/movie/550")) == 5  # 4 as the user, 1 public
    account = sandbox.user().id
    assert [r.path for r in sandbox.requests_to("/3/account*")] == [
        "/3/account",  # the two concurrent details(): one request each
        "/3/account",
        f"/3/account/{account}/favorite/movies",
        "/3/account",  # request_json with a session_id
        f"/3/account/{account}",
        f"/3/account/{account}",
        f"/3/account/{account}/favorite/movies",
        "/3/account",
    ]
    assert len(sandbox.requests_to("/3/authentication/token/new")) == 3
    assert len(sandbox.requests_to("/3/guest_session/*/rated/movies")) == 2
    assert cache.keys() == [f"{sandbox.base_url}/3/movie/550"]


async def test_a_v4_user_view_is_never_cached(sandbox: Sandbox) -> None:
    async with sandbox.client(cache=MemoryCache()) as tmdb:
        request = await tmdb.auth.create_v4_request_token()
        sandbox.approve(request)
        token = await tmdb.auth.create_v4_access_token(request)
        user = tmdb.for_user(token)
        for _ in range(2):
            await asyncio.gather(user.lists.mine(), user.lists.mine())
    assert len(sandbox.requests_to("/4/account/*/lists")) == 4


# --------------------------------------------------------------------------- Redis


async def test_a_redis_cache_is_shared_by_two_clients_and_holds_no_secret(
    sandbox: Sandbox, redis_url: str
) -> None:
    prefix = "test-shared:"
    session = sandbox.login()
    async with (
        sandbox.client(cache=RedisCache(redis_url, prefix=prefix)) as one,
        sandbox.client(api_key=sandbox.api_key, cache=RedisCache(redis_url, prefix=prefix)) as two,
    ):
        first = await one.movies.details(550, append_to_response=["credits"])
        second = await two.movies.details(550, append_to_response=["credits"])
        assert second == first
        user = two.for_user(session)
        await user.movie_details(550)
        await user.account.details()
        await two.search.movie(query="fight")
    assert len(sandbox.requests_to("/3/movie/550")) == 2  # public once, then the user's
    import redis.asyncio

    async with redis.asyncio.Redis.from_url(redis_url) as r:
        keys = sorted([k async for k in r.scan_iter(match=prefix + "*")])
        values = [await r.get(k) for k in keys]
    assert keys == [
        f"{prefix}{sandbox.base_url}/3/movie/550?append_to_response=credits".encode(),
        f"{prefix}{sandbox.base_url}/3/search/movie?page=1&query=fight".encode(),
    ]
    secrets = [sandbox.api_key, sandbox.access_token, session.session_id]
    for blob in [*keys, *values]:
        assert blob is not None
        for secret in secrets:
            assert secret.encode() not in blob


async def test_redis_expiry_follows_the_answer(sandbox: Sandbox, redis_url: str) -> None:
    async with sandbox.client(cache=RedisCache(redis_url, prefix="test-ttl:"), cache_ttl=100) as c:
        await c.genres.movie()
    import redis.asyncio

    async with redis.asyncio.Redis.from_url(redis_url) as r:
        ttl = await r.pttl(f"test-ttl:{sandbox.base_url}{GENRES_PATH}")
    # min(TMDB's 28800, the client's 100) s, plus as long again to revalidate its ETag.
    assert 100_000 < ttl <= 200_000


async def test_redis_down_never_fails_a_request(
    sandbox: Sandbox, caplog: pytest.LogCaptureFixture
) -> None:
    url = f"redis://:hunter2-secret@127.0.0.1:{free_port()}/0"
    cache = RedisCache(url, timeout=0.2)
    assert "hunter2" not in repr(cache)
    with caplog.at_level(logging.WARNING, logger="tmdb_async"):
        async with sandbox.client(cache=cache) as tmdb:
            for _ in range(3):
                movie = await tmdb.movies.details(550)
                assert movie.title == "Fight Club"
    assert len(sandbox.requests_to("/3/movie/550")) == 3
    warnings = [r for r in caplog.records if "Redis" in r.getMessage()]
    assert len(warnings) == 1  # once per outage
    assert "hunter2" not in caplog.text


async def test_a_redis_restart_is_ridden_out(
    sandbox: Sandbox, own_redis: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    cache = RedisCache(own_redis.url, prefix="test-restart:", timeout=0.5, retry_after=0.01)
    caplog.set_level(logging.INFO, logger="tmdb_async")
    async with sandbox.client(cache=cache, cache_ttl=60) as tmdb:
        await tmdb.movies.details(550)
        await tmdb.movies.details(550)
        assert len(sandbox.requests_to("/3/movie/550")) == 1
        own_redis.stop()
        assert (await tmdb.movies.details(550)).title == "Fight Club"
        own_redis.start()  # empty after the restart
        await asyncio.sleep(0.02)  # past retry_after (a real monotonic clock)
        await tmdb.movies.details(550)
        await tmdb.movies.details(550)
    assert len(sandbox.requests_to("/3/movie/550")) == 3
    said = [r.getMessage() for r in caplog.records if "Redis" in r.getMessage()]
    assert len(said) == 2
    assert "failed (ConnectionError)" in said[0]
    assert said[1].endswith("is back")


async def test_a_cancelled_redis_lookup_leaks_nothing(
    tmdb_server: TMDBServer, redis_url: str
) -> None:
    tmdb_server.get(GENRES_PATH, payload=GENRES, repeat=True)
    cache = RedisCache(redis_url, prefix="test-cancel:")
    async with local(tmdb_server, cache=cache) as tmdb:
        for _ in range(5):
            task = asyncio.ensure_future(tmdb.genres.movie())
            await asyncio.sleep(0)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
        sharing = tmdb._core.pool.sharing
        assert sharing is not None
        await until(lambda: sharing.in_flight == 0)
        assert (await tmdb.genres.movie()).genres[0].name == "Action"
        assert (await tmdb.genres.movie()).genres[0].name == "Action"
    assert len(tmdb_server.calls()) == 1


async def test_an_unreadable_stored_answer_falls_through_to_tmdb(
    tmdb_server: TMDBServer, redis_url: str
) -> None:
    import redis.asyncio

    prefix = "test-unreadable:"
    tmdb_server.get(GENRES_PATH, payload=GENRES)
    async with redis.asyncio.Redis.from_url(redis_url) as r:
        key = f"{prefix}{tmdb_server.base_url}{GENRES_PATH}"
        await r.set(key, b'{"etag":null,"max_age":600,"stored_at":1e12}\n{"genres": 7}')
    async with local(tmdb_server, cache=RedisCache(redis_url, prefix=prefix)) as tmdb:
        genres = await tmdb.genres.movie()
        assert genres.genres[0].name == "Action"
    assert len(tmdb_server.calls()) == 1


@pytest.mark.parametrize(
    ("method", "path", "params", "secrets", "shared"),
    [
        ("GET", "/3/movie/550", {"language": "de-DE"}, (), True),
        ("GET", "/4/list/1", None, (), True),
        ("POST", "/3/movie/550/rating", None, (), False),
        ("DELETE", "/3/movie/550/rating", None, (), False),
        ("GET", "/3/movie/550", {"session_id": "s" * 40}, (), False),
        ("GET", "/3/movie/550/account_states", {"guest_session_id": "g" * 32}, (), False),
        ("GET", "/3/guest_session/abc/rated/movies", None, ("abc",), False),
        ("GET", "/3/guest_session/abc/rated/movies", None, (), False),
        ("GET", "/3/authentication/token/new", None, (), False),
        ("GET", "/3/authentication/guest_session/new", None, (), False),
        ("GET", "/3/account", None, (), False),
        ("GET", "/4/account/abc/lists", None, (), False),
        ("GET", "/4/auth/request_token", None, (), False),
    ],
)
def test_only_gets_of_public_data_are_shared(
    method: str, path: str, params: dict[str, str] | None, secrets: tuple[str, ...], shared: bool
) -> None:
    from tmdb_async._cache import Sharing
    from tmdb_async._sansio import Call

    core = TMDBClient(access_token=READ_TOKEN, cache=MemoryCache())._core
    call = Call(core, method, path, dict, params=params, secrets=secrets)
    assert Sharing.takes(core, call) is shared
    assert Sharing.takes(core.private(), call) is False  # a user's view: never


# --------------------------------------------------------------------------- settings


def test_bad_settings_are_refused_before_any_io() -> None:
    with pytest.raises(TMDBUsageError, match="cache must be"):
        TMDBClient(api_key=API_KEY, cache="memory")  # type: ignore[arg-type]
    with pytest.raises(TMDBUsageError, match="cache_ttl"):
        TMDBClient(api_key=API_KEY, cache_ttl=-1)
    with pytest.raises(TMDBUsageError, match="single_flight"):
        TMDBClient(api_key=API_KEY, single_flight="yes")  # type: ignore[arg-type]
    with pytest.raises(TMDBUsageError, match="cache_ttl"):
        TMDBClient(api_key=API_KEY).with_options(cache_ttl="1")  # type: ignore[arg-type]
    with pytest.raises(TMDBUsageError, match="max_entries"):
        MemoryCache(max_entries=0)
    with pytest.raises(TMDBUsageError, match="max_bytes"):
        MemoryCache(max_bytes=True)
    with pytest.raises(TMDBUsageError, match="url must be") as caught:
        RedisCache("http://user:hunter2@127.0.0.1:6379")
    assert "hunter2" not in str(caught.value)
    with pytest.raises(TMDBUsageError, match="prefix"):
        RedisCache(prefix="")
    with pytest.raises(TMDBUsageError, match="timeout"):
        RedisCache(timeout=0)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, (True, None)),
        ("public, max-age=28800", (True, 28800.0)),
        ("public, s-maxage=10, max-age=600", (True, 10.0)),
        ("max-age=0", (True, 0.0)),
        ("no-cache", (True, 0.0)),
        ("no-store", (False, None)),
        ("private, max-age=60", (False, None)),
        ("public, max-age=soon", (True, None)),
        ('max-age="120"', (True, 120.0)),
    ],
)
def test_cache_control_is_read_as_a_shared_cache_must(
    header: str | None, expected: tuple[bool, float | None]
) -> None:
    assert tuple(freshness(header)) == expected
