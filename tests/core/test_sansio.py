"""The request path's decisions (tmdb_async/_sansio.py), table by table, without any I/O.

Each row is one situation and what must come of it: the request built, the value or the
typed error an answer means, the typed error of a transport failure, the retry plan.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import aiohttp
import pytest
from yarl import URL

from tests.conftest import API_KEY, READ_TOKEN
from tmdb_async import RetryPolicy, TMDBClient
from tmdb_async._core import RAW_JSON, Core
from tmdb_async._credentials import Credentials
from tmdb_async._sansio import (
    BodyTooLarge,
    Call,
    Plan,
    build_query,
    build_url,
    credential_headers,
    display_url,
    outcome,
    pool_timeout_error,
    retry_plan,
    transport_error,
)
from tmdb_async.errors import (
    AuthenticationError,
    AuthenticationFailedError,
    BadRequestError,
    EntryNotFoundError,
    InternalServerError,
    InvalidAPIKeyError,
    InvalidServiceError,
    NotFoundError,
    NothingToUpdateError,
    PoolTimeoutError,
    RateLimitError,
    ResourceNotFoundError,
    ResponseTooLargeError,
    ResponseValidationError,
    ServerError,
    TMDBConnectionError,
    TMDBError,
    TMDBTimeoutError,
    TMDBUsageError,
)
from tmdb_async.models.common import Genre, StatusResponse

API = "https://api.themoviedb.org"
SESSION = "f" * 40
WRITES = frozenset({1, 12, 13})


def _core(*, bearer: bool = False) -> Core:
    client = TMDBClient(access_token=READ_TOKEN) if bearer else TMDBClient(api_key=API_KEY)
    return client._core


def _call(
    into: Any = Genre,
    *,
    method: str = "GET",
    path: str = "/3/genre/1",
    params: dict[str, Any] | None = None,
    success_codes: frozenset[int] | None = None,
    bearer: bool = False,
) -> Call:
    return Call(
        _core(bearer=bearer),
        method,
        path,
        into,
        params=params,
        success_codes=success_codes,
    )


# --------------------------------------------------------------------------- the request


@pytest.mark.parametrize(
    ("api_key", "params", "query"),
    [
        (None, None, None),
        (None, {}, None),
        ("k" * 32, None, {"api_key": "k" * 32}),
        (None, {"page": 2, "language": None}, {"page": 2}),
        (
            None,
            {"include_adult": True, "video": False},
            {"include_adult": "true", "video": "false"},
        ),
        ("k", {"vote": 7.5, "q": "é"}, {"api_key": "k", "vote": 7.5, "q": "é"}),
    ],
)
def test_build_query(api_key: str | None, params: Any, query: Any) -> None:
    assert build_query(api_key, params) == query


def test_build_query_names_a_value_utf8_cannot_encode() -> None:
    with pytest.raises(TMDBUsageError, match="query"):
        build_query(None, {"query": "a\ud800"})


@pytest.mark.parametrize(
    ("base", "path", "url"),
    [
        (API, "/3/movie/11", f"{API}/3/movie/11"),
        (f"{API}/", "/3/movie/11", f"{API}/3/movie/11"),
        ("http://127.0.0.1:8080/tmdb", "/3/movie/11", "http://127.0.0.1:8080/tmdb/3/movie/11"),
        (API, "/3/find/%40a%2Fb", f"{API}/3/find/%40a%2Fb"),
        (API, "/3/keyword/é", f"{API}/3/keyword/%C3%A9"),
        (API, "/3/find/a b", f"{API}/3/find/a%20b"),
    ],
)
def test_build_url(base: str, path: str, url: str) -> None:
    built = build_url(URL(base.rstrip("/")), base, path)
    assert str(built) == url


@pytest.mark.parametrize("path", ["/3/movie/../tv/1", "/3/%2e%2E/x", "/3/a\ud800"])
def test_build_url_refuses_dot_segments_and_bad_text(path: str) -> None:
    with pytest.raises(TMDBUsageError):
        build_url(URL(API), API, path)


def test_credential_headers_place_a_read_token_in_authorization_and_a_key_nowhere() -> None:
    bearer = Credentials("bearer", READ_TOKEN)
    key = Credentials("api_key", API_KEY)
    assert credential_headers(bearer, "ua/1") == {
        "Accept": "application/json",
        "Accept-Encoding": "gzip, deflate",  # what _read_capped inflates itself
        "User-Agent": "ua/1",
        "Authorization": f"Bearer {READ_TOKEN}",
    }
    assert credential_headers(key, "ua/1") == {
        "Accept": "application/json",
        "Accept-Encoding": "gzip, deflate",
        "User-Agent": "ua/1",
    }


@pytest.mark.parametrize(
    ("path", "params", "secrets", "api_key", "shown"),
    [
        ("/3/movie/11", None, (), False, f"{API}/3/movie/11"),
        ("/3/movie/11", None, (), True, f"{API}/3/movie/11?api_key=***"),
        (
            "/3/account/1",
            {"session_id": SESSION, "page": 2, "adult": True, "x": None},
            (),
            False,
            f"{API}/3/account/1?session_id=***&page=2&adult=true",
        ),
        (
            f"/3/guest_session/{SESSION}/rated",
            None,
            (SESSION,),
            False,
            f"{API}/3/guest_session/***/rated",
        ),
    ],
)
def test_display_url_masks_every_secret(
    path: str, params: Any, secrets: tuple[str, ...], api_key: bool, shown: str
) -> None:
    assert display_url(API, path, params, secrets, api_key=api_key) == shown


def test_a_call_is_built_once_with_its_defaults() -> None:
    call = _call(method="POST", path="/3/movie/11/rating", params={"session_id": SESSION})
    assert call.idempotent is False  # POST: by method
    assert call.query == {"api_key": API_KEY, "session_id": SESSION}
    assert str(call.url) == f"{API}/3/movie/11/rating"
    assert call.shown() == f"{API}/3/movie/11/rating?api_key=***&session_id=***"
    assert _call(method="DELETE").idempotent is True
    assert _call(bearer=True).query is None  # a read token travels in a header


# --------------------------------------------------------------------------- outcome

OK = {"success": True, "status_code": 1, "status_message": "Success."}


def _body(data: object) -> bytes:
    return json.dumps(data).encode()


@pytest.mark.parametrize(
    ("status", "data", "into", "success_codes", "value"),
    [
        (200, {"id": 28, "name": "Action"}, Genre, None, Genre(id=28, name="Action")),
        (200, {"id": 28}, RAW_JSON, None, {"id": 28}),
        (200, [1, 2], RAW_JSON, None, [1, 2]),
        (201, OK, StatusResponse, WRITES, StatusResponse(status_code=1, status_message="Success.")),
        (
            200,
            {"success": True, "status_code": 13, "status_message": "Deleted."},
            StatusResponse,
            WRITES,
            StatusResponse(status_code=13, status_message="Deleted."),
        ),
        # Without success_codes, a body's code alone does not decide (a status read).
        (200, {"status_code": 40}, StatusResponse, None, StatusResponse(status_code=40)),
    ],
)
def test_outcome_values(
    status: int, data: object, into: Any, success_codes: Any, value: object
) -> None:
    call = _call(into, success_codes=success_codes)
    assert outcome(call, status, {}, _body(data)) == value


@pytest.mark.parametrize(
    ("status", "headers", "body", "success_codes", "error", "code"),
    [
        (
            404,
            {},
            _body({"success": False, "status_code": 34, "status_message": "x"}),
            None,
            ResourceNotFoundError,
            34,
        ),
        (401, {}, _body({"status_code": 7, "status_message": "x"}), None, InvalidAPIKeyError, 7),
        (404, {}, b"<html>not found</html>", None, NotFoundError, None),
        (502, {}, b"", None, ServerError, None),
        (501, {}, _body({"status_code": 2}), None, InvalidServiceError, 2),
        (500, {}, _body({"status_code": 11}), None, InternalServerError, 11),
        (429, {"Retry-After": "3"}, _body({"status_code": 25}), None, RateLimitError, 25),
        (429, {}, b"", None, RateLimitError, None),
        (418, {}, b"", None, BadRequestError, None),
        # TMDB's error envelope on a 2xx is an error: the body's code decides.
        (200, {}, _body({"success": False, "status_code": 21}), None, EntryNotFoundError, 21),
        (200, {}, _body({"success": False, "status_code": 40}), WRITES, NothingToUpdateError, 40),
        # A write answered with a code that is no success (even without "success": false).
        (
            201,
            {},
            _body({"status_code": 40, "status_message": "Nothing."}),
            WRITES,
            NothingToUpdateError,
            40,
        ),
        (200, {}, _body({"status_code": 3}), WRITES, AuthenticationFailedError, 3),
    ],
)
def test_outcome_errors(
    status: int,
    headers: dict[str, str],
    body: bytes,
    success_codes: Any,
    error: type[TMDBError],
    code: int | None,
) -> None:
    call = _call(StatusResponse, path="/3/movie/550", success_codes=success_codes)
    with pytest.raises(error) as info:
        outcome(call, status, headers, body)
    raised = info.value
    assert type(raised) is error
    assert (raised.http_status, raised.tmdb_code) == (status, code)  # type: ignore[attr-defined]
    assert raised.url == f"{API}/3/movie/550?api_key=***"  # type: ignore[attr-defined]
    expected_wait = 3.0 if headers else None
    assert raised.retry_after == expected_wait  # type: ignore[attr-defined]


def test_outcome_masks_a_secret_echoed_in_status_message() -> None:
    call = Call(_core(), "GET", "/3/account", StatusResponse, params={"session_id": SESSION})
    body = _body({"status_code": 3, "status_message": f"bad session {SESSION}"})
    with pytest.raises(AuthenticationError) as info:
        outcome(call, 401, {}, body)
    assert SESSION not in str(info.value)
    assert info.value.tmdb_message == "bad session ***"


@pytest.mark.parametrize(
    ("body", "into", "model", "detail"),
    [
        (b"<html>", Genre, "JSON", "HTTP 200 body is not JSON (6 bytes)"),
        (b"[" * 100_000, Genre, "JSON", "; RecursionError"),
        (_body({"name": "no id"}), Genre, "Genre", "required field missing @ $.id"),
        (b"", Genre, "Genre", ""),
    ],
)
def test_outcome_of_a_2xx_that_does_not_fit(
    body: bytes, into: Any, model: str, detail: str
) -> None:
    with pytest.raises(ResponseValidationError) as info:
        outcome(_call(into), 200, {}, body)
    assert info.value.model == model
    assert detail in "; ".join(info.value.errors)
    assert info.value.url == f"{API}/3/genre/1?api_key=***"


# --------------------------------------------------------------------------- transport


@pytest.mark.parametrize(
    ("exc", "expired", "error", "sent"),
    [
        (TimeoutError(), False, TMDBTimeoutError, True),
        (aiohttp.ServerTimeoutError(), False, TMDBTimeoutError, True),
        (asyncio.CancelledError(), True, TMDBTimeoutError, True),
        (aiohttp.ServerDisconnectedError(), False, TMDBConnectionError, True),
        (aiohttp.ClientPayloadError("cut"), False, TMDBConnectionError, True),
        (
            aiohttp.ClientConnectorError(
                aiohttp.client_reqrep.ConnectionKey("h", 1, False, True, None, None, None),
                OSError(111, "refused"),
            ),
            False,
            TMDBConnectionError,
            False,
        ),
        (BodyTooLarge(), False, ResponseTooLargeError, True),
    ],
)
def test_transport_errors(
    exc: BaseException, expired: bool, error: type[TMDBError], sent: bool
) -> None:
    call = _call()
    mapped = transport_error(call, exc, expired=expired)
    assert type(mapped) is error
    assert getattr(mapped, "request_sent", True) is sent
    assert mapped.url == f"{API}/3/genre/1?api_key=***"
    assert API_KEY not in str(mapped)


@pytest.mark.parametrize(
    "exc", [asyncio.CancelledError(), KeyboardInterrupt(), RuntimeError("a bug")]
)
def test_what_is_no_transport_failure_propagates(exc: BaseException) -> None:
    assert transport_error(_call(), exc, expired=False) is None


def test_a_connection_error_text_never_shows_a_secret() -> None:
    call = Call(_core(), "GET", "/3/account", Genre, params={"session_id": SESSION})
    exc = aiohttp.ClientOSError(f"reset while sending session_id={SESSION} {API_KEY}")
    mapped = transport_error(call, exc, expired=False)
    assert SESSION not in str(mapped)
    assert API_KEY not in str(mapped)


# --------------------------------------------------------------------------- retries

POLICY = RetryPolicy(jitter=False)


def _api(status: int, code: int | None = None, retry_after: float | None = None) -> TMDBError:
    from tmdb_async.errors import error_from_response

    return error_from_response(
        status, {"status_code": code} if code else None, retry_after=retry_after
    )


@pytest.mark.parametrize(
    ("error", "attempt", "idempotent", "plan"),
    [
        (_api(500, 11), 1, True, Plan(True, 0.5, shared=False)),
        (_api(500, 11), 2, True, Plan(True, 1.0, shared=False)),
        (_api(500, 11), 3, True, Plan(False, 0.0, shared=False)),
        (_api(500, 11), 1, False, Plan(False, 0.0, shared=False)),
        (_api(503, None, retry_after=5), 1, True, Plan(True, 5.0, shared=False)),
        (_api(501, 2), 1, True, Plan(False, 0.0, shared=False)),
        (_api(404, 34), 1, True, Plan(False, 0.0, shared=False)),
        # A rate limit: the shared cooldown, for any method, also when giving up.
        (_api(429, 25), 1, False, Plan(True, 0.5, shared=True)),
        (_api(429, 25, retry_after=0), 1, True, Plan(True, 1.0, shared=True)),
        (_api(429, 25, retry_after=30), 3, True, Plan(False, 30.0, shared=True)),
        (_api(400, 25), 1, True, Plan(False, 0.5, shared=True)),
        (TMDBTimeoutError("t"), 1, True, Plan(True, 0.5, shared=False)),
        (TMDBTimeoutError("t"), 1, False, Plan(False, 0.0, shared=False)),
        (TMDBConnectionError("c", request_sent=False), 1, False, Plan(True, 0.5, shared=False)),
        (TMDBConnectionError("c"), 1, False, Plan(False, 0.0, shared=False)),
        (PoolTimeoutError("p"), 2, False, Plan(True, 1.0, shared=False)),
        (ResponseTooLargeError("big", limit=1), 1, True, Plan(False, 0.0, shared=False)),
    ],
)
def test_retry_plan(error: TMDBError, attempt: int, idempotent: bool, plan: Plan) -> None:
    assert retry_plan(POLICY, error, attempt=attempt, idempotent=idempotent) == plan


def test_pool_timeout_error_says_nothing_was_sent() -> None:
    error = pool_timeout_error(_call(), 2.5)
    assert error.request_sent is False
    assert str(error) == (
        "no connection of the pool became free within 2.5 s; the request was not sent "
        f"(GET {API}/3/genre/1?api_key=***)"
    )


# --------------------------------------------------------------------------- headers


def test_the_client_gives_the_pool_its_headers_and_no_core_changes_them() -> None:
    client = TMDBClient(access_token=READ_TOKEN, user_agent="app/1")
    core = client._core
    pool = core.pool
    expected = credential_headers(Credentials("bearer", READ_TOKEN), "app/1")
    assert pool.default_headers == expected
    assert core._request_headers is None  # the session sends them by default
    user_token = READ_TOKEN[::-1]
    user = core.derive(credentials=Credentials("bearer", user_token))
    assert pool.default_headers == expected  # untouched
    assert user._request_headers == {**expected, "Authorization": f"Bearer {user_token}"}


def test_a_core_on_a_pool_without_defaults_sends_its_own_headers() -> None:
    from tmdb_async._core import USER_AGENT, Pool

    pool = Pool(session=None, max_connections=1, timeout=None, sleep=asyncio.sleep)
    core = Core(
        pool=pool,
        credentials=Credentials("api_key", API_KEY),
        base_url=API,
        website_url="https://www.themoviedb.org",
        retry=POLICY,
        json_loads=json.loads,
        converter=None,
        language=None,
        region=None,
        user_agent=None,
    )
    assert pool.default_headers is None
    assert core._request_headers == {
        "Accept": "application/json",
        "Accept-Encoding": "gzip, deflate",
        "User-Agent": USER_AGENT,
    }
    assert core.api_key == API_KEY
