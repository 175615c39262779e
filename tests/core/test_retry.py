"""Retries: the pure RetryPolicy, and the client's retry loop with an injected sleep."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any, Literal

import pytest

from tests.conftest import READ_TOKEN, FakeSleep
from tests.loopback_tmdb import TMDBServer
from tmdb_async import (
    Movie,
    NotFoundError,
    RateLimitError,
    RetryPolicy,
    ServerError,
    Session,
    TMDBClient,
    TMDBConnectionError,
    TMDBTimeoutError,
    TMDBUsageError,
)
from tmdb_async._deadlines import Deadlines
from tmdb_async._retry import parse_retry_after
from tmdb_async.errors import (
    AuthenticationError,
    InternalServerError,
    InvalidServiceError,
    MalformedIdError,
    ResourceNotFoundError,
    ServiceOfflineError,
    TMDBAPIError,
    TMDBError,
    error_from_response,
)

MOVIE = "/3/movie/11"
BODY = {"id": 11, "title": "Star Wars"}


class FixedRandom:
    """An injected random source that returns the given values in turn."""

    def __init__(self, *values: float) -> None:
        self._values: Iterator[float] = iter(values)

    def __call__(self) -> float:
        return next(self._values)


# ---------------------------------------------------------------------------- RetryPolicy


def test_defaults() -> None:
    policy = RetryPolicy()
    assert policy.max_attempts == 3
    assert policy.backoff_base == 0.5
    assert policy.backoff_max == 8.0
    assert policy.jitter is True
    assert policy.retry_after_min == 1.0
    assert policy.retry_after_max == 60.0
    assert policy.retry_statuses == frozenset({429, 500, 502, 503, 504})


def test_backoff_doubles_and_is_capped_without_jitter() -> None:
    policy = RetryPolicy(jitter=False)
    assert [policy.delay(n) for n in range(1, 9)] == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0, 8.0, 8.0]
    custom = RetryPolicy(jitter=False, backoff_base=0.1, backoff_max=0.35)
    assert [custom.delay(n) for n in range(1, 5)] == pytest.approx([0.1, 0.2, 0.35, 0.35])


def test_jitter_scales_by_half_to_one() -> None:
    policy = RetryPolicy(random=FixedRandom(0.0, 0.5, 0.999999, 0.0))
    assert policy.delay(1) == 0.25  # 0.5 * 0.5
    assert policy.delay(2) == pytest.approx(0.75)  # 1.0 * 0.75
    assert policy.delay(3) == pytest.approx(2.0 * 0.9999995)
    assert policy.delay(10) == 4.0  # capped first, then jittered: 8 * 0.5


def test_jitter_bounds_over_many_draws() -> None:
    import random

    rng = random.Random(1234)
    policy = RetryPolicy(random=rng.random)
    for attempt in range(1, 8):
        full = min(0.5 * 2 ** (attempt - 1), 8.0)
        for _ in range(200):
            assert full * 0.5 <= policy.delay(attempt) <= full


def test_retry_after_wins_and_is_not_jittered() -> None:
    policy = RetryPolicy(random=FixedRandom())  # would raise StopIteration if consulted
    assert policy.delay(1, 5.0) == 5.0
    assert policy.delay(3, 2.5) == 2.5


@pytest.mark.parametrize(
    ("retry_after", "expected"),
    [(0.0, 1.0), (0.2, 1.0), (1.0, 1.0), (59.0, 59.0), (60.0, 60.0), (61.0, 60.0), (1e9, 60.0)],
)
def test_retry_after_minimum_and_cap(retry_after: float, expected: float) -> None:
    assert RetryPolicy().delay(1, retry_after) == expected


def test_retry_after_bounds_are_configurable() -> None:
    policy = RetryPolicy(retry_after_min=0.0, retry_after_max=5.0)
    assert policy.delay(1, 0.0) == 0.0
    assert policy.delay(1, 3600.0) == 5.0


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, None),
        ("", None),
        ("0", 0.0),
        ("3", 3.0),
        (" 7 ", 7.0),
        ("1.5", 1.5),
        ("-1", None),
        ("nan", None),
        ("abc", None),
        ("Wed, 21 Oct 2015 07:28:00 GMT", None),
        ("120", 120.0),
    ],
)
def test_parse_retry_after(header: str | None, expected: float | None) -> None:
    assert parse_retry_after(header) == expected


def test_infinite_retry_after_is_capped() -> None:
    seconds = parse_retry_after("inf")
    assert RetryPolicy().delay(1, seconds) == 60.0


def _api(status: int, code: int | None = None) -> TMDBAPIError:
    return error_from_response(status, None if code is None else {"status_code": code})


@pytest.mark.parametrize(
    ("error", "idempotent", "sent", "expected"),
    [
        (_api(429, 25), False, True, True),
        (_api(429), True, True, True),
        (_api(500, 11), True, True, True),
        (_api(500, 11), False, True, False),
        (_api(502), True, True, True),
        (_api(503, 9), True, True, True),
        (_api(503, 9), False, True, False),
        (_api(504, 24), True, True, True),
        (_api(501, 2), True, True, False),  # invalid service: permanent
        (_api(500, 44), True, True, False),  # malformed id: permanent
        (_api(520), True, True, False),  # not in retry_statuses
        (_api(404, 34), True, True, False),
        (_api(401, 7), True, True, False),
        (_api(400), True, True, False),
        (TMDBTimeoutError("t"), True, True, True),
        (TMDBTimeoutError("t"), False, True, False),
        (TMDBConnectionError("c", request_sent=True), True, True, True),
        (TMDBConnectionError("c", request_sent=True), False, True, False),
        (TMDBConnectionError("c", request_sent=False), False, False, True),
        (TMDBUsageError("u"), True, True, False),
    ],
)
def test_should_retry(error: TMDBError, idempotent: bool, sent: bool, expected: bool) -> None:
    policy = RetryPolicy()
    assert policy.should_retry(error, attempt=1, idempotent=idempotent, sent=sent) is expected
    assert policy.should_retry(error, attempt=2, idempotent=idempotent, sent=sent) is expected
    # The third attempt was the last one.
    assert policy.should_retry(error, attempt=3, idempotent=idempotent, sent=sent) is False


def test_permanent_server_errors_are_typed() -> None:
    assert isinstance(_api(501, 2), InvalidServiceError)
    assert isinstance(_api(500, 44), MalformedIdError)
    assert isinstance(_api(500, 11), InternalServerError)


@pytest.mark.parametrize(
    "error", [_api(429), _api(503), TMDBTimeoutError("t"), TMDBConnectionError("c")]
)
def test_max_attempts_1_disables_retries(error: TMDBError) -> None:
    for policy in (RetryPolicy(max_attempts=1), RetryPolicy.disabled()):
        assert policy.should_retry(error, attempt=1, idempotent=True, sent=False) is False


def test_retry_statuses_are_configurable() -> None:
    policy = RetryPolicy(retry_statuses=frozenset({503}))
    assert policy.should_retry(_api(503), attempt=1, idempotent=True)
    assert not policy.should_retry(_api(502), attempt=1, idempotent=True)
    assert not policy.should_retry(_api(429), attempt=1, idempotent=True)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"max_attempts": 0},
        {"max_attempts": -1},
        {"backoff_base": -0.1},
        {"backoff_max": -1.0},
        {"retry_after_min": -1.0},
        {"retry_after_max": -5.0},
        {"max_attempts": 2.0},
        {"max_attempts": True},
        {"backoff_base": float("nan")},
        {"backoff_max": "8"},
    ],
)
def test_bad_policy_values_are_usage_errors(kwargs: dict[str, Any]) -> None:
    with pytest.raises(TMDBUsageError, match=f"RetryPolicy.{next(iter(kwargs))}"):
        RetryPolicy(**kwargs)


# ---------------------------------------------------------------------------- through the client


@pytest.fixture
async def client(tmdb_server: TMDBServer, fake_sleep: FakeSleep) -> Any:
    """A client on the loopback TMDB with the default policy, deterministic jitter and a
    fake sleep."""
    async with TMDBClient(
        access_token=READ_TOKEN,
        base_url=tmdb_server.base_url,
        sleep=fake_sleep,
        retry=RetryPolicy(random=lambda: 0.5),  # jitter factor 0.75
    ) as tmdb:
        yield tmdb


async def test_429_with_retry_after_then_success(
    client: TMDBClient, tmdb_server: TMDBServer, fake_sleep: FakeSleep
) -> None:
    tmdb_server.get(MOVIE, status=429, headers={"Retry-After": "2"}, payload={"status_code": 25})
    tmdb_server.get(MOVIE, payload=BODY)
    assert await client.movies.details(11) == Movie(id=11, title="Star Wars")
    assert fake_sleep.waits == [2.0]
    assert len(tmdb_server.calls()) == 2


async def test_429_with_retry_after_0_waits_the_minimum(
    client: TMDBClient, tmdb_server: TMDBServer, fake_sleep: FakeSleep
) -> None:
    tmdb_server.get(MOVIE, status=429, headers={"Retry-After": "0"}, payload={"status_code": 25})
    tmdb_server.get(
        MOVIE, status=429, headers={"Retry-After": "86400"}, payload={"status_code": 25}
    )
    tmdb_server.get(MOVIE, payload=BODY)
    assert await client.movies.details(11) == Movie(id=11, title="Star Wars")
    assert fake_sleep.waits == [1.0, 60.0]


async def test_429_without_retry_after_backs_off_with_jitter(
    client: TMDBClient, tmdb_server: TMDBServer, fake_sleep: FakeSleep
) -> None:
    tmdb_server.get(MOVIE, status=429, payload={"status_code": 25})
    tmdb_server.get(MOVIE, status=429, body="")
    tmdb_server.get(MOVIE, payload=BODY)
    assert await client.movies.details(11) == Movie(id=11, title="Star Wars")
    assert fake_sleep.waits == [0.375, 0.75]


async def test_429_three_times_gives_rate_limit_error(
    client: TMDBClient, tmdb_server: TMDBServer, fake_sleep: FakeSleep
) -> None:
    for _ in range(4):
        tmdb_server.get(
            MOVIE, status=429, headers={"Retry-After": "5"}, payload={"status_code": 25}
        )
    with pytest.raises(RateLimitError) as info:
        await client.movies.details(11)
    assert info.value.retry_after == 5.0
    assert len(tmdb_server.calls()) == 3
    assert fake_sleep.waits[:2] == [5.0, 5.0]


async def test_503_is_retried_for_get(
    client: TMDBClient, tmdb_server: TMDBServer, fake_sleep: FakeSleep
) -> None:
    tmdb_server.get(MOVIE, status=503, payload={"status_code": 9, "status_message": "offline"})
    tmdb_server.get(MOVIE, status=503, body="<html>CDN</html>")
    tmdb_server.get(MOVIE, payload=BODY)
    assert await client.movies.details(11) == Movie(id=11, title="Star Wars")
    assert fake_sleep.waits == [0.375, 0.75]
    assert [(c.method, c.path) for c in tmdb_server.calls()] == [("GET", MOVIE)] * 3


async def test_503_is_not_retried_for_post(
    client: TMDBClient, tmdb_server: TMDBServer, fake_sleep: FakeSleep
) -> None:
    url = f"{tmdb_server.base_url}/3/authentication/session/new"
    tmdb_server.post(url, status=503, payload={"status_code": 9})
    tmdb_server.post(url, payload={"session_id": "s" * 40})
    with pytest.raises(ServiceOfflineError):
        await client.auth.create_session("t" * 40)
    assert len(tmdb_server.calls()) == 1
    assert fake_sleep.waits == []


async def test_at_most_3_attempts_then_the_typed_error(
    client: TMDBClient, tmdb_server: TMDBServer, fake_sleep: FakeSleep
) -> None:
    for _ in range(5):
        tmdb_server.get(MOVIE, status=500, payload={"status_code": 11, "status_message": "oops"})
    with pytest.raises(InternalServerError) as info:
        await client.movies.details(11)
    assert (info.value.http_status, info.value.tmdb_code) == (500, 11)
    assert len(tmdb_server.calls()) == 3
    assert fake_sleep.waits == [0.375, 0.75]


@pytest.mark.parametrize(
    ("status", "code", "error"),
    [(404, 34, ResourceNotFoundError), (401, 7, AuthenticationError), (400, 22, TMDBAPIError)],
)
async def test_client_errors_are_never_retried(
    status: int,
    code: int,
    error: type[Exception],
    client: TMDBClient,
    tmdb_server: TMDBServer,
    fake_sleep: FakeSleep,
) -> None:
    tmdb_server.get(MOVIE, status=status, payload={"status_code": code}, repeat=True)
    with pytest.raises(error):
        await client.movies.details(11)
    assert len(tmdb_server.calls()) == 1
    assert fake_sleep.waits == []


async def test_404_never_retried(
    client: TMDBClient, tmdb_server: TMDBServer, fake_sleep: FakeSleep
) -> None:
    tmdb_server.get(MOVIE, status=404, body="Not Found", repeat=True)
    with pytest.raises(NotFoundError):
        await client.movies.details(11)
    assert len(tmdb_server.calls()) == 1
    assert fake_sleep.waits == []


async def _time_out_arrivals(server: TMDBServer, client: TMDBClient, arrivals: set[int]) -> None:
    """Expire the attempt of each of these requests (1-based) once it reached the server:
    a timeout at a chosen moment, not after some wall-clock time."""
    deadlines = client._core.pool.deadlines()
    assert isinstance(deadlines, Deadlines)
    for number in sorted(arrivals):
        await server.received(number)
        deadlines.expire_now()


@pytest.mark.parametrize(
    ("fail", "error"),
    [("hang", TMDBTimeoutError), ("drop", TMDBConnectionError), ("reset", TMDBConnectionError)],
)
async def test_transport_errors_are_retried_for_get(
    fail: Literal["hang", "drop", "reset"],
    error: type[Exception],
    client: TMDBClient,
    tmdb_server: TMDBServer,
    fake_sleep: FakeSleep,
) -> None:
    # The loopback TMDB fails each attempt the way the network would: no answer until the
    # attempt's deadline expires, the connection closed, or reset (TCP RST).
    never = asyncio.Event()

    def failing() -> None:
        if fail == "hang":
            tmdb_server.get(MOVIE, payload=BODY, wait=never)
        else:
            tmdb_server.get(MOVIE, fail=fail)

    timeouts = asyncio.create_task(
        _time_out_arrivals(tmdb_server, client, {1, 3, 4, 5} if fail == "hang" else set())
    )
    try:
        failing()
        tmdb_server.get(MOVIE, payload=BODY)
        assert await client.movies.details(11) == Movie(id=11, title="Star Wars")
        assert fake_sleep.waits == [0.375]
        for _ in range(3):
            failing()
        fake_sleep.waits.clear()
        with pytest.raises(error):
            await client.movies.details(11)
        assert fake_sleep.waits == [0.375, 0.75]
        await asyncio.wait_for(timeouts, 5)
        assert [(c.method, c.path) for c in tmdb_server.calls()] == [("GET", MOVIE)] * 5
    finally:
        never.set()
        timeouts.cancel()


async def test_retry_none_disables_retries(tmdb_server: TMDBServer, fake_sleep: FakeSleep) -> None:
    tmdb_server.get(MOVIE, status=503, payload={"status_code": 9}, repeat=True)
    async with TMDBClient(
        access_token=READ_TOKEN, base_url=tmdb_server.base_url, retry=None, sleep=fake_sleep
    ) as tmdb:
        with pytest.raises(ServerError):
            await tmdb.movies.details(11)
    assert len(tmdb_server.calls()) == 1
    assert fake_sleep.waits == []


async def test_max_attempts_1_disables_429_retries(
    tmdb_server: TMDBServer, fake_sleep: FakeSleep
) -> None:
    tmdb_server.get(MOVIE, status=429, payload={"status_code": 25}, repeat=True)
    async with TMDBClient(
        access_token=READ_TOKEN,
        base_url=tmdb_server.base_url,
        retry=RetryPolicy(max_attempts=1),
        sleep=fake_sleep,
    ) as tmdb:
        with pytest.raises(RateLimitError):
            await tmdb.movies.details(11)
    assert len(tmdb_server.calls()) == 1


async def test_more_attempts_when_configured(
    tmdb_server: TMDBServer, fake_sleep: FakeSleep
) -> None:
    for _ in range(5):
        tmdb_server.get(MOVIE, status=502, body="")
    tmdb_server.get(MOVIE, payload=BODY)
    async with TMDBClient(
        access_token=READ_TOKEN,
        base_url=tmdb_server.base_url,
        retry=RetryPolicy(max_attempts=6, jitter=False, backoff_max=3.0),
        sleep=fake_sleep,
    ) as tmdb:
        assert await tmdb.movies.details(11) == Movie(id=11, title="Star Wars")
    assert fake_sleep.waits == [0.5, 1.0, 2.0, 3.0, 3.0]
    assert len(tmdb_server.calls()) == 6


async def test_retried_request_is_sent_identically(
    client: TMDBClient, tmdb_server: TMDBServer, fake_sleep: FakeSleep
) -> None:
    url = f"{tmdb_server.base_url}/3/account/548?session_id={'s' * 40}"
    tmdb_server.get(url, status=502, body="")
    tmdb_server.get(url, payload={"id": 548})
    await client.for_user(Session(session_id="s" * 40), account_id=548).account.details()
    first, second = tmdb_server.calls()
    assert (first.method, first.raw_path, first.query, first.body) == (
        second.method,
        second.raw_path,
        second.query,
        second.body,
    )
    assert dict(first.headers) == dict(second.headers)
    assert first.query == {"session_id": "s" * 40}
