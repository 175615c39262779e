"""``tmdb.auth``: key check, request token, approval URL, user session, guest session; login
with a password, logout, and the v4 user-token flow; and every reference response of these
operations against its model or its error.

Reference responses: driven by ``tests/reference/fixtures/INDEX.json`` (recorded live
traffic, the official spec's examples, other clients' fixtures) and by the official OpenAPI
document itself. Each body is checked three ways: the production converter, a strict
converter that rejects keys the model does not declare (so a field we forgot shows up
here), and the real request path through the client against the loopback TMDB serving the
body with its HTTP status. Movie-details bodies are covered by the movie tests, not here.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

import aiohttp
import attrs
import cattrs
import pytest
from aioresponses import aioresponses
from yarl import URL

from tests.conftest import API, API_KEY, FIXTURES, READ_TOKEN, SHARED, FakeSleep, load
from tests.loopback_tmdb import Recorded, TMDBServer
from tests.user_helpers import (
    SESSION_ID,
    V4_ACCOUNT,
    assert_no_secrets,
    debug_logs,
    log_text,
    only,
    request,
    scan_exception,
)
from tmdb_async import (
    Account,
    Avatar,
    CredentialError,
    GravatarAvatar,
    GuestSession,
    InvalidRequestTokenError,
    MissingSessionError,
    RateLimitError,
    RequestToken,
    RequestTokenNotApprovedError,
    ResourceNotFoundError,
    ResponseValidationError,
    ServerError,
    Session,
    SessionDeniedError,
    StatusResponse,
    TMDBAvatar,
    TMDBClient,
    TMDBConnectionError,
    TMDBTimeoutError,
    TMDBUsageError,
    V4AccessToken,
    V4RequestToken,
    make_converter,
)
from tmdb_async._convert import CONVERTER
from tmdb_async.errors import (
    AuthenticationError,
    InvalidAPIKeyError,
    InvalidDateRangeError,
    InvalidLoginError,
    InvalidPageError,
    InvalidTokenError,
    SessionNotFoundError,
    SuspendedAPIKeyError,
    TMDBAPIError,
    error_from_response,
)

UTC = dt.timezone.utc
SPEC = "docs/official-v3-spec-examples"
TOKEN = "ff5c7eeb5a8870efe3cd7fc5c282cffd26800ecd"
NEW_SESSION_ID = "79191836ddaa0da3df76a5ffef6f07ad6ab0c641"


def _assert_bearer(call: Recorded) -> None:
    assert call.headers["Authorization"] == f"Bearer {READ_TOKEN}"
    assert call.headers["Accept"] == "application/json"
    assert call.query == {}


def _assert_api_key(call: Recorded) -> None:
    assert "Authorization" not in call.headers
    assert call.query == {"api_key": API_KEY}


# ---------------------------------------------------------------------------- validate_key


@pytest.mark.parametrize(
    "body",
    [
        load(f"{SPEC}/authentication-validate-key.200.json"),
        load("recorded/tmdblib/auth-validate-key.200.json"),
    ],
)
async def test_validate_key_true(
    body: object, tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.get("/3/authentication", payload=body)
    assert await tmdb_local.auth.validate_key() is True
    call = tmdb_server.only_call()
    assert (call.method, call.path) == ("GET", "/3/authentication")
    _assert_bearer(call)
    assert call.json is None


async def test_validate_key_with_api_key(
    tmdb_local_key: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.get(f"/3/authentication?api_key={API_KEY}", payload={"success": True})
    assert await tmdb_local_key.auth.validate_key() is True
    call = tmdb_server.only_call()
    assert (call.method, call.path) == ("GET", "/3/authentication")
    _assert_api_key(call)


async def test_validate_key_false_on_code_7(
    tmdb_local_key: TMDBClient, tmdb_server: TMDBServer, fake_sleep: FakeSleep
) -> None:
    tmdb_server.get(
        f"/3/authentication?api_key={API_KEY}",
        status=401,
        payload=load(f"{SPEC}/authentication-validate-key.401.json"),
    )
    assert await tmdb_local_key.auth.validate_key() is False
    assert len(tmdb_server.calls()) == 1
    assert fake_sleep.waits == []


@pytest.mark.parametrize(
    ("status", "body", "error"),
    [
        (
            401,
            {"success": False, "status_code": 10, "status_message": "Suspended"},
            SuspendedAPIKeyError,
        ),
        (401, {"success": False, "status_code": 3, "status_message": "x"}, AuthenticationError),
        (404, {"success": False, "status_code": 34, "status_message": "x"}, ResourceNotFoundError),
        (401, None, AuthenticationError),
    ],
)
async def test_validate_key_raises_other_errors(
    status: int,
    body: object,
    error: type[Exception],
    tmdb_local: TMDBClient,
    tmdb_server: TMDBServer,
) -> None:
    if body is None:
        tmdb_server.get("/3/authentication", status=status, body="denied")
    else:
        tmdb_server.get("/3/authentication", status=status, payload=body)
    with pytest.raises(error) as info:
        await tmdb_local.auth.validate_key()
    assert not isinstance(info.value, InvalidAPIKeyError)
    assert info.value.http_status == status  # type: ignore[attr-defined]


async def test_validate_key_raises_after_retries_on_5xx(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer, fake_sleep: FakeSleep
) -> None:
    for _ in range(3):
        tmdb_server.get("/3/authentication", status=503, payload={"status_code": 9})
    with pytest.raises(ServerError):
        await tmdb_local.auth.validate_key()
    assert len(tmdb_server.calls()) == 3
    assert fake_sleep.waits == [0.5, 1.0]


# ---------------------------------------------------------------------------- request token


async def test_create_request_token(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    tmdb_server.get(
        "/3/authentication/token/new",
        payload=load(f"{SPEC}/authentication-create-request-token.200.json"),
    )
    token = await tmdb_local.auth.create_request_token()
    assert token == RequestToken(
        request_token=TOKEN, expires_at=dt.datetime(2016, 8, 26, 17, 4, 39, tzinfo=UTC)
    )
    assert token.expires_at is not None
    assert token.expires_at.utcoffset() == dt.timedelta(0)
    assert token.is_expired(dt.datetime(2016, 8, 26, 17, 4, 39, tzinfo=UTC))
    assert not token.is_expired(dt.datetime(2016, 8, 26, 17, 4, 38, tzinfo=UTC))
    assert token.is_expired()  # 2016 is long gone
    call = tmdb_server.only_call()
    assert (call.method, call.path) == ("GET", "/3/authentication/token/new")
    _assert_bearer(call)
    assert call.json is None


async def test_create_request_token_with_api_key(
    tmdb_local_key: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.get(
        f"/3/authentication/token/new?api_key={API_KEY}",
        payload={
            "success": True,
            "expires_at": "2026-01-01 00:00:00 UTC",
            "request_token": "0" * 40,
        },
    )
    token = await tmdb_local_key.auth.create_request_token()
    assert token == RequestToken(
        request_token="0" * 40, expires_at=dt.datetime(2026, 1, 1, tzinfo=UTC)
    )
    call = tmdb_server.only_call()
    _assert_api_key(call)


# ---------------------------------------------------------------------------- approval_url


async def test_approval_url_is_pure(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    token = RequestToken(request_token=TOKEN)
    assert tmdb_local.auth.approval_url(token) == f"https://www.themoviedb.org/authenticate/{TOKEN}"
    assert tmdb_local.auth.approval_url(TOKEN) == f"https://www.themoviedb.org/authenticate/{TOKEN}"
    assert tmdb_server.calls() == []
    assert tmdb_local._core.pool._session is None  # not even a session was opened
    await tmdb_local.close()
    # Still works on a closed client: nothing is sent.
    assert tmdb_local.auth.approval_url(token).endswith(TOKEN)


@pytest.mark.parametrize(
    ("redirect_to", "expected_query"),
    [
        ("https://myapp.example/cb", "redirect_to=https%3A%2F%2Fmyapp.example%2Fcb"),
        (
            "https://myapp.example/cb?a=1&b=2",
            "redirect_to=https%3A%2F%2Fmyapp.example%2Fcb%3Fa%3D1%26b%3D2",
        ),
        (
            "https://myapp.example/caf\u00e9/\u00fc?q=\u65e5\u672c#top",
            "redirect_to=https%3A%2F%2Fmyapp.example%2Fcaf%C3%A9%2F%C3%BC%3Fq%3D%E6%97%A5%E6%9C%AC%23top",
        ),
        ("HTTPS://MyApp.example/cb", "redirect_to=HTTPS%3A%2F%2FMyApp.example%2Fcb"),
        (
            "http://127.0.0.1:8080/cb?x=a+b%20c",
            "redirect_to=http%3A%2F%2F127.0.0.1%3A8080%2Fcb%3Fx%3Da%2Bb%2520c",
        ),
    ],
)
def test_approval_url_escapes_redirect_to(
    redirect_to: str, expected_query: str, tmdb: TMDBClient
) -> None:
    url = tmdb.auth.approval_url(TOKEN, redirect_to=redirect_to)
    assert url == f"https://www.themoviedb.org/authenticate/{TOKEN}?{expected_query}"
    parts = urlsplit(url)
    # Exactly one parameter survives, and it decodes back to the caller's URL.
    assert parse_qs(parts.query, strict_parsing=True) == {"redirect_to": [redirect_to]}
    assert parts.fragment == ""


def test_approval_url_quotes_a_token_as_one_path_segment(tmdb: TMDBClient) -> None:
    assert tmdb.auth.approval_url("a/b?c") == "https://www.themoviedb.org/authenticate/a%2Fb%3Fc"


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "myapp.example/cb",
        "/cb",
        "https://",
        "http:///path",
        "https://my app.example/",
        42,
        # Issue 13, defect 8: only http(s) targets; the v3 page is opened in a browser.
        "javascript:alert(document.cookie)",
        "JavaScript://example.com/%0Aalert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "myapp://auth/done",
        "com.example.app:/cb",  # app schemes are for the v4 flow only
        "https://app.example/\x00cb",
        "https://app.example/\tcb",
        "https://app.example/\ud800",
    ],
)
def test_approval_url_bad_redirect_to(bad: Any, tmdb: TMDBClient) -> None:
    with pytest.raises(TMDBUsageError, match="redirect_to") as info:
        tmdb.auth.approval_url(TOKEN, redirect_to=bad)
    if isinstance(bad, str) and bad:  # the value is not echoed (the example URL aside)
        assert bad not in str(info.value).replace("'https://myapp.example/callback'", "")


@pytest.mark.parametrize("bad", ["", "has space", None, 123])
def test_approval_url_bad_token(bad: Any, tmdb: TMDBClient) -> None:
    with pytest.raises(TMDBUsageError, match="request_token"):
        tmdb.auth.approval_url(bad)


# ---------------------------------------------------------------------------- create_session


async def test_create_session(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    tmdb_server.post(
        "/3/authentication/session/new",
        payload=load(f"{SPEC}/authentication-create-session.200.json"),
    )
    session = await tmdb_local.auth.create_session(RequestToken(request_token=TOKEN))
    assert session == Session(session_id=NEW_SESSION_ID)
    call = tmdb_server.only_call()
    assert (call.method, call.path) == ("POST", "/3/authentication/session/new")
    assert call.json == {"request_token": TOKEN}
    _assert_bearer(call)


async def test_create_session_from_plain_string_with_api_key(
    tmdb_local_key: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.post(
        f"/3/authentication/session/new?api_key={API_KEY}",
        payload={"success": True, "session_id": NEW_SESSION_ID},
    )
    assert await tmdb_local_key.auth.create_session(TOKEN) == Session(session_id=NEW_SESSION_ID)
    call = tmdb_server.only_call()
    assert (call.method, call.path) == ("POST", "/3/authentication/session/new")
    assert call.json == {"request_token": TOKEN}
    _assert_api_key(call)


async def test_create_session_unapproved_token_is_session_denied(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer, fake_sleep: FakeSleep
) -> None:
    tmdb_server.post(
        "/3/authentication/session/new",
        status=401,
        payload=load("recorded/tmdblib/auth-session-new-denied.401.json"),
    )
    with pytest.raises(SessionDeniedError) as info:
        await tmdb_local.auth.create_session(TOKEN)
    err = info.value
    assert (err.http_status, err.tmdb_code, err.tmdb_message) == (401, 17, "Session denied.")
    assert err.method == "POST"
    assert err.url == f"{tmdb_server.base_url}/3/authentication/session/new"
    assert isinstance(err, AuthenticationError)
    assert len(tmdb_server.calls()) == 1
    assert fake_sleep.waits == []


async def test_create_session_expired_token_is_invalid_request_token(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.post(
        "/3/authentication/session/new",
        status=401,
        payload={
            "success": False,
            "status_code": 33,
            "status_message": (
                "Invalid request token: The request token is either expired or invalid."
            ),
        },
    )
    with pytest.raises(InvalidRequestTokenError) as info:
        await tmdb_local.auth.create_session(TOKEN)
    assert (info.value.http_status, info.value.tmdb_code) == (401, 33)
    assert info.value.tmdb_message is not None
    assert info.value.tmdb_message.startswith("Invalid request token")
    assert len(tmdb_server.calls()) == 1


@pytest.mark.parametrize("status", [500, 502, 503, 504])
async def test_create_session_is_not_retried_on_5xx(
    status: int, tmdb_local: TMDBClient, tmdb_server: TMDBServer, fake_sleep: FakeSleep
) -> None:
    tmdb_server.post("/3/authentication/session/new", status=status, body="upstream trouble")
    tmdb_server.post("/3/authentication/session/new", payload={"session_id": NEW_SESSION_ID})
    with pytest.raises(ServerError) as info:
        await tmdb_local.auth.create_session(TOKEN)
    assert info.value.http_status == status
    assert len(tmdb_server.calls()) == 1
    assert fake_sleep.waits == []


@pytest.mark.parametrize(
    ("exc", "error"),
    [
        (TimeoutError(), TMDBTimeoutError),
        (aiohttp.ServerDisconnectedError(), TMDBConnectionError),
        (aiohttp.ClientPayloadError("cut"), TMDBConnectionError),
    ],
)
async def test_create_session_is_not_retried_after_it_may_have_been_sent(
    exc: Exception,
    error: type[Exception],
    tmdb: TMDBClient,
    mock: aioresponses,
    fake_sleep: FakeSleep,
) -> None:
    # Transport failures after the request went out: aioresponses raises them (a repeat
    # would be recorded too, and refused: nothing more is registered).
    mock.post(f"{API}/3/authentication/session/new", exception=exc)
    with pytest.raises(error):
        await tmdb.auth.create_session(TOKEN)
    assert list(mock.requests) == [("POST", URL(f"{API}/3/authentication/session/new"))]
    assert len(mock.requests[("POST", URL(f"{API}/3/authentication/session/new"))]) == 1
    assert fake_sleep.waits == []


async def test_create_session_is_retried_on_429(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer, fake_sleep: FakeSleep
) -> None:
    # A 429 means TMDB did not process the request, so repeating it is safe.
    tmdb_server.post(
        "/3/authentication/session/new",
        status=429,
        headers={"Retry-After": "3"},
        payload={"status_code": 25},
    )
    tmdb_server.post("/3/authentication/session/new", payload={"session_id": NEW_SESSION_ID})
    assert await tmdb_local.auth.create_session(TOKEN) == Session(session_id=NEW_SESSION_ID)
    assert fake_sleep.waits == [3.0]
    assert [call.json for call in tmdb_server.calls()] == [{"request_token": TOKEN}] * 2


async def test_create_session_429_exhausted(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer, fake_sleep: FakeSleep
) -> None:
    for _ in range(3):
        tmdb_server.post("/3/authentication/session/new", status=429, payload={"status_code": 25})
    with pytest.raises(RateLimitError):
        await tmdb_local.auth.create_session(TOKEN)
    assert len(tmdb_server.calls()) == 3


@pytest.mark.parametrize("bad", ["", "tok en", None, 7])
async def test_create_session_bad_token_fails_before_io(
    bad: Any, tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    with pytest.raises(TMDBUsageError, match="request_token"):
        await tmdb_local.auth.create_session(bad)
    assert tmdb_server.calls() == []


# ---------------------------------------------------------------------------- guest session


async def test_create_guest_session(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    tmdb_server.get(
        "/3/authentication/guest_session/new",
        payload=load(f"{SPEC}/authentication-create-guest-session.200.json"),
    )
    guest = await tmdb_local.auth.create_guest_session()
    assert guest == GuestSession(
        guest_session_id="1ce82ec1223641636ad4a60b07de3581",
        expires_at=dt.datetime(2016, 8, 27, 16, 26, 40, tzinfo=UTC),
    )
    assert guest.is_expired()
    assert not guest.is_expired(dt.datetime(2016, 8, 27, 16, 26, 39, tzinfo=UTC))
    call = tmdb_server.only_call()
    assert (call.method, call.path) == ("GET", "/3/authentication/guest_session/new")
    _assert_bearer(call)
    assert call.json is None


async def test_create_guest_session_with_api_key(
    tmdb_local_key: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.get(
        f"/3/authentication/guest_session/new?api_key={API_KEY}",
        payload={
            "success": True,
            "guest_session_id": "0" * 32,
            "expires_at": "2026-01-01 00:00:00 UTC",
        },
    )
    guest = await tmdb_local_key.auth.create_guest_session()
    assert guest == GuestSession(
        guest_session_id="0" * 32, expires_at=dt.datetime(2026, 1, 1, tzinfo=UTC)
    )
    call = tmdb_server.only_call()
    _assert_api_key(call)


async def test_create_guest_session_is_retried_like_any_get(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer, fake_sleep: FakeSleep
) -> None:
    tmdb_server.get("/3/authentication/guest_session/new", status=502, body="bad gateway")
    tmdb_server.get(
        "/3/authentication/guest_session/new",
        payload={"guest_session_id": "1" * 32, "expires_at": "2026-01-01 00:00:00 UTC"},
    )
    guest = await tmdb_local.auth.create_guest_session()
    assert guest.guest_session_id == "1" * 32
    assert fake_sleep.waits == [0.5]


# ---------------------------------------------------------------------------- secrets


def test_auth_models_hide_their_secrets() -> None:
    token = RequestToken(request_token=TOKEN, expires_at=dt.datetime(2026, 1, 1, tzinfo=UTC))
    session = Session(session_id=NEW_SESSION_ID)
    guest = GuestSession(guest_session_id="1ce82ec1223641636ad4a60b07de3581")
    for model, secret in (
        (token, TOKEN),
        (session, NEW_SESSION_ID),
        (guest, "1ce82ec1223641636ad4a60b07de3581"),
    ):
        assert secret not in repr(model)
        assert secret not in str(model)
        assert "'***'" in repr(model)
    assert repr(session) == "Session(session_id='***')"


ADA = "clients/adamayoung-TMDb"
STRICT = make_converter(forbid_extra_keys=True)
PASSWORD = "s3cret pass wörd&x=1"  # spaces and URL metacharacters: all must stay in the body
LOGIN_TOKEN = "1531f1a558c8357ce8990cf887ff196e8f5402ec"


# --------------------------------------------------------------------------- validate_with_login


async def test_validate_with_login_posts_a_json_body(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer, caplog: pytest.LogCaptureFixture
) -> None:
    debug_logs(caplog)
    body = load(f"{SPEC}/authentication-create-session-from-login.200.json")
    tmdb_server.post("/3/authentication/token/validate_with_login", payload=body)
    token = await tmdb_local.auth.validate_with_login(
        RequestToken(request_token=LOGIN_TOKEN), "johnny_appleseed", PASSWORD
    )
    assert token == RequestToken(
        request_token=LOGIN_TOKEN, expires_at=dt.datetime(2018, 7, 24, 4, 10, 26, tzinfo=UTC)
    )
    only(
        tmdb_server,
        "POST",
        "/3/authentication/token/validate_with_login",
        body={"username": "johnny_appleseed", "password": PASSWORD, "request_token": LOGIN_TOKEN},
    )
    logs = log_text(caplog)
    assert "POST" in logs
    assert_no_secrets([logs, token], [PASSWORD, LOGIN_TOKEN])


async def test_validate_with_login_matches_the_spec_request_example(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    example = load(f"{SPEC}/authentication-create-session-from-login.request.json")
    tmdb_server.post(
        "/3/authentication/token/validate_with_login",
        payload=load(f"{SPEC}/authentication-create-session-from-login.200.json"),
    )
    await tmdb_local.auth.validate_with_login(
        example["request_token"], example["username"], example["password"]
    )
    assert tmdb_server.only_call().json == example


async def test_validate_with_login_api_key_keeps_the_password_out_of_the_url(
    tmdb_local_key: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.post(
        f"/3/authentication/token/validate_with_login?api_key={API_KEY}",
        payload={
            "success": True,
            "expires_at": "2026-01-01 00:00:00 UTC",
            "request_token": LOGIN_TOKEN,
        },
    )
    await tmdb_local_key.auth.validate_with_login(LOGIN_TOKEN, "me", PASSWORD)
    only(
        tmdb_server,
        "POST",
        "/3/authentication/token/validate_with_login",
        {"api_key": API_KEY},
        body={"username": "me", "password": PASSWORD, "request_token": LOGIN_TOKEN},
        bearer=None,
    )


async def test_bad_login_is_typed_and_never_shows_the_password(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer, caplog: pytest.LogCaptureFixture
) -> None:
    debug_logs(caplog)
    tmdb_server.post(
        "/3/authentication/token/validate_with_login",
        status=401,
        payload=load("recorded/tmdblib/auth-validate-with-login-bad-credentials.401.json"),
    )
    with pytest.raises(InvalidLoginError) as info:
        await tmdb_local.auth.validate_with_login(LOGIN_TOKEN, "me", PASSWORD)
    assert (info.value.http_status, info.value.tmdb_code) == (401, 30)
    assert len(tmdb_server.calls()) == 1  # a 401 is not retried
    scan_exception(info.value, [PASSWORD, LOGIN_TOKEN, READ_TOKEN])
    assert_no_secrets([log_text(caplog)], [PASSWORD, LOGIN_TOKEN, READ_TOKEN])


async def test_expired_token_at_login_is_typed(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.post(
        "/3/authentication/token/validate_with_login",
        status=401,
        payload={"success": False, "status_code": 33, "status_message": "Invalid request token"},
    )
    with pytest.raises(InvalidRequestTokenError):
        await tmdb_local.auth.validate_with_login(LOGIN_TOKEN, "me", PASSWORD)


async def test_validate_with_login_is_not_retried_on_5xx(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    url = f"{tmdb_server.base_url}/3/authentication/token/validate_with_login"
    tmdb_server.post(url, status=503, payload={"status_code": 9, "status_message": "offline"})
    tmdb_server.post(url, payload={"success": True, "request_token": LOGIN_TOKEN})
    with pytest.raises(ServerError):
        await tmdb_local.auth.validate_with_login(LOGIN_TOKEN, "me", PASSWORD)
    assert len(tmdb_server.calls()) == 1


@pytest.mark.parametrize(
    ("username", "password"),
    [("", PASSWORD), ("me", ""), (None, PASSWORD), ("me", None), ("me", b"bytes")],
)
async def test_validate_with_login_checks_its_input_locally(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer, username: object, password: object
) -> None:
    with pytest.raises(TMDBUsageError) as info:
        await tmdb_local.auth.validate_with_login(LOGIN_TOKEN, username, password)  # type: ignore[arg-type]
    assert tmdb_server.calls() == []
    assert PASSWORD not in str(info.value)
    with pytest.raises(TMDBUsageError):
        await tmdb_local.auth.login(username, password)  # type: ignore[arg-type]
    assert tmdb_server.calls() == []


async def test_login_runs_token_validate_session(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer, caplog: pytest.LogCaptureFixture
) -> None:
    debug_logs(caplog)
    tmdb_server.get(
        "/3/authentication/token/new",
        payload=load(f"{SPEC}/authentication-create-request-token.200.json"),
    )
    new_token = "ff5c7eeb5a8870efe3cd7fc5c282cffd26800ecd"
    tmdb_server.post(
        "/3/authentication/token/validate_with_login",
        payload={
            "success": True,
            "expires_at": "2016-08-26 17:04:39 UTC",
            "request_token": new_token,
        },
    )
    tmdb_server.post(
        "/3/authentication/session/new",
        payload=load(f"{SPEC}/authentication-create-session.200.json"),
    )
    session = await tmdb_local.auth.login("travis", PASSWORD)
    assert session == Session(session_id=SESSION_ID)
    assert len(tmdb_server.calls()) == 3
    request(tmdb_server, 0, "GET", "/3/authentication/token/new")
    request(
        tmdb_server,
        1,
        "POST",
        "/3/authentication/token/validate_with_login",
        body={"username": "travis", "password": PASSWORD, "request_token": new_token},
    )
    request(
        tmdb_server, 2, "POST", "/3/authentication/session/new", body={"request_token": new_token}
    )
    assert_no_secrets([log_text(caplog), session], [PASSWORD, new_token, SESSION_ID])


async def test_login_stops_at_a_bad_password(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.get(
        "/3/authentication/token/new",
        payload=load(f"{SPEC}/authentication-create-request-token.200.json"),
    )
    tmdb_server.post(
        "/3/authentication/token/validate_with_login",
        status=401,
        payload=load("recorded/tmdblib/auth-validate-with-login-bad-credentials.401.json"),
    )
    with pytest.raises(InvalidLoginError) as info:
        await tmdb_local.auth.login("travis", PASSWORD)
    assert [c.method for c in tmdb_server.calls()] == ["GET", "POST"]
    scan_exception(info.value, [PASSWORD])


# --------------------------------------------------------------------------- delete_session


@pytest.mark.parametrize("given", [Session(session_id=SESSION_ID), SESSION_ID])
async def test_delete_session_sends_a_json_body(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer, given: Session | str
) -> None:
    example = load(f"{SPEC}/authentication-delete-session.request.json")
    tmdb_server.delete(
        "/3/authentication/session",
        payload=load(f"{SPEC}/authentication-delete-session.200.json"),
    )
    assert await tmdb_local.auth.delete_session(given) == StatusResponse(success=True)
    only(tmdb_server, "DELETE", "/3/authentication/session", body={"session_id": SESSION_ID})
    assert set(example) == {"session_id"}


async def test_delete_session_unknown_is_typed_and_redacted(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.delete(
        "/3/authentication/session",
        status=404,
        payload={"success": False, "status_code": 37, "status_message": "Session not found."},
    )
    with pytest.raises(SessionNotFoundError) as info:
        await tmdb_local.auth.delete_session(SESSION_ID)
    scan_exception(info.value, [SESSION_ID, READ_TOKEN])


@pytest.mark.parametrize(
    "given", [None, GuestSession(guest_session_id="1ce82ec1223641636ad4a60b07de3581"), ""]
)
async def test_delete_session_needs_a_user_session(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer, given: object
) -> None:
    with pytest.raises(TMDBUsageError):
        await tmdb_local.auth.delete_session(given)  # type: ignore[arg-type]
    assert tmdb_server.calls() == []


async def test_delete_session_refuses_a_guest_with_missing_session(tmdb: TMDBClient) -> None:
    with pytest.raises(MissingSessionError):
        await tmdb.auth.delete_session(GuestSession(guest_session_id="a" * 32))  # type: ignore[arg-type]


# --------------------------------------------------------------------------- v4


V4_REQUEST = load(f"{ADA}/v4-request-token.json")
V4_ACCESS = load(f"{ADA}/v4-access-token.json")


async def test_v4_request_token_without_redirect(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    issued = dt.datetime(2026, 3, 1, 12, 0, 0, tzinfo=UTC)
    monkeypatch.setattr("tmdb_async.resources.auth._utcnow", lambda: issued)
    tmdb_server.post("/4/auth/request_token", payload=V4_REQUEST)
    token = await tmdb_local.auth.create_v4_request_token()
    only(tmdb_server, "POST", "/4/auth/request_token", body={})
    assert token == V4RequestToken(
        request_token=V4_REQUEST["request_token"],
        expires_at=issued + dt.timedelta(minutes=15),
        status_code=1,
        status_message="Success.",
        success=True,
    )
    assert not token.is_expired(issued + dt.timedelta(minutes=14, seconds=59))
    assert token.is_expired(issued + dt.timedelta(minutes=15))
    assert_no_secrets([token], [V4_REQUEST["request_token"]])
    assert "'***'" in repr(token)


async def test_v4_request_token_with_redirect_in_the_body(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.post("/4/auth/request_token", payload=V4_REQUEST)
    app = "com.example.myapp:/tmdb/approved?x=1"  # an app scheme (RFC 8252 reverse domain)
    await tmdb_local.auth.create_v4_request_token(redirect_to=app)
    only(tmdb_server, "POST", "/4/auth/request_token", body={"redirect_to": app})


@pytest.mark.parametrize(
    "bad",
    [
        "/callback",
        # Issue 13, defect 8: these were sent to TMDB.
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "myapp://tmdb/approved",  # an app scheme must be in reverse domain notation
        "https://app.example/\ud800",
    ],
)
async def test_v4_request_token_refuses_a_bad_redirect_before_any_io(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer, bad: str
) -> None:
    with pytest.raises(TMDBUsageError, match="redirect_to") as info:
        await tmdb_local.auth.create_v4_request_token(redirect_to=bad)
    assert bad not in str(info.value).replace("'https://myapp.example/callback'", "")
    assert tmdb_server.calls() == []


async def test_v4_request_token_is_retried_on_503(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    url = f"{tmdb_server.base_url}/4/auth/request_token"
    tmdb_server.post(url, status=503, payload={"status_code": 9, "status_message": "offline"})
    tmdb_server.post(url, payload=V4_REQUEST)
    token = await tmdb_local.auth.create_v4_request_token()
    assert token.request_token == V4_REQUEST["request_token"]
    assert len(tmdb_server.calls()) == 2


def test_v4_request_token_without_expiry_is_never_expired() -> None:
    assert not V4RequestToken(request_token="eyJ.x.y").is_expired()


async def test_v4_approval_url(tmdb: TMDBClient) -> None:
    token = V4RequestToken(request_token=V4_REQUEST["request_token"])
    assert tmdb.auth.v4_approval_url(token) == (
        "https://www.themoviedb.org/auth/access?request_token=" + V4_REQUEST["request_token"]
    )
    assert tmdb.auth.v4_approval_url("a+b/c") == (
        "https://www.themoviedb.org/auth/access?request_token=a%2Bb%2Fc"
    )
    with pytest.raises(TMDBUsageError):
        tmdb.auth.v4_approval_url("")


async def test_v4_approval_url_uses_the_website_url() -> None:
    async with TMDBClient(access_token=READ_TOKEN, website_url="http://127.0.0.1:8000/") as t:
        assert t.auth.v4_approval_url("tok") == (
            "http://127.0.0.1:8000/auth/access?request_token=tok"
        )


async def test_v4_access_token(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer, caplog: pytest.LogCaptureFixture
) -> None:
    debug_logs(caplog)
    tmdb_server.post("/4/auth/access_token", payload=V4_ACCESS)
    request_token = V4RequestToken(request_token=V4_REQUEST["request_token"])
    access = await tmdb_local.auth.create_v4_access_token(request_token)
    only(
        tmdb_server,
        "POST",
        "/4/auth/access_token",
        body={"request_token": V4_REQUEST["request_token"]},
    )
    assert access == V4AccessToken(
        access_token=V4_ACCESS["access_token"],
        account_id="1a2b3c4d5e6f7a8b9c0d1e2f",
        status_code=1,
        status_message="Success.",
        success=True,
    )
    assert STRICT.structure(V4_ACCESS, V4AccessToken) == access
    assert STRICT.structure(V4_REQUEST, V4RequestToken).request_token == request_token.request_token
    assert_no_secrets(
        [access, log_text(caplog)], [V4_ACCESS["access_token"], V4_REQUEST["request_token"]]
    )


async def test_v4_access_token_not_approved_is_typed_and_not_retried(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    url = f"{tmdb_server.base_url}/4/auth/access_token"
    tmdb_server.post(
        url,
        status=422,
        payload={"success": False, "status_code": 41, "status_message": "not approved"},
    )
    with pytest.raises(RequestTokenNotApprovedError) as info:
        await tmdb_local.auth.create_v4_access_token(V4_REQUEST["request_token"])
    scan_exception(info.value, [V4_REQUEST["request_token"], READ_TOKEN])
    tmdb_server.post(url, status=502, payload={"status_code": 43, "status_message": "backend"})
    tmdb_server.post(url, payload=V4_ACCESS)
    with pytest.raises(ServerError):
        await tmdb_local.auth.create_v4_access_token(V4_REQUEST["request_token"])
    assert len(tmdb_server.calls()) == 2  # one each; the single-use exchange is not repeated


@pytest.mark.parametrize("given", ["token", "object"])
async def test_delete_v4_access_token(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer, given: str
) -> None:
    tmdb_server.delete(
        "/4/auth/access_token",
        payload={"success": True, "status_code": 13, "status_message": "deleted"},
    )
    token: V4AccessToken | str = V4ACCESS_OBJ if given == "object" else V4_ACCESS["access_token"]
    assert await tmdb_local.auth.delete_v4_access_token(token) == StatusResponse(
        success=True, status_code=13, status_message="deleted"
    )
    only(
        tmdb_server,
        "DELETE",
        "/4/auth/access_token",
        body={"access_token": V4_ACCESS["access_token"]},
    )


V4ACCESS_OBJ = V4AccessToken(access_token=V4_ACCESS["access_token"], account_id=V4_ACCOUNT)


async def test_convert_v4_session_matches_the_spec(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    example = load(f"{SPEC}/authentication-create-session-from-v4-token.request.json")
    tmdb_server.post(
        "/3/authentication/session/convert/4",
        payload=load(f"{SPEC}/authentication-create-session-from-v4-token.200.json"),
    )
    session = await tmdb_local.auth.convert_v4_session(example["access_token"])
    assert session == Session(session_id="2629f70fb498edc263a0adb99118ac41f0053e8c")
    only(tmdb_server, "POST", "/3/authentication/session/convert/4", body=example)


async def test_convert_v4_session_invalid_token(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.post(
        "/3/authentication/session/convert/4",
        status=401,
        payload={"success": False, "status_code": 35, "status_message": "Invalid token."},
    )
    with pytest.raises(InvalidTokenError) as info:
        await tmdb_local.auth.convert_v4_session(V4ACCESS_OBJ)
    scan_exception(info.value, [V4_ACCESS["access_token"], READ_TOKEN])


async def test_v4_calls_need_the_read_token(
    tmdb_local_key: TMDBClient, tmdb_server: TMDBServer
) -> None:
    calls = [
        tmdb_local_key.auth.create_v4_request_token(),
        tmdb_local_key.auth.create_v4_access_token("eyJa.b.c"),
        tmdb_local_key.auth.delete_v4_access_token("eyJa.b.c"),
        tmdb_local_key.auth.convert_v4_session("eyJa.b.c"),
    ]
    for call in calls:
        with pytest.raises(CredentialError, match="Read Access Token") as info:
            await call
        assert API_KEY not in str(info.value)
    assert tmdb_server.calls() == []


# Keys of TMDB's status envelope that ride along on success bodies; the models drop them on
# purpose ("success" is always true there), so the strict check ignores them.
ENVELOPE = frozenset({"success"})
FIXTURE_SESSION_ID = "5e5510aa5e5510aa5e5510aa5e5510aa5e5510bb"
REQUEST_TOKEN = "6bc047b88f669d1fb86574f06381005d93d3517a"

Call = Callable[[TMDBClient], Awaitable[Any]]


@attrs.frozen
class Raises:
    """The typed error a body maps to."""

    error: type[TMDBAPIError]
    http_status: int
    tmdb_code: int


@attrs.frozen
class Route:
    """How the client reaches an operation: the request it sends and the method to call."""

    method: str
    url: str
    call: Call
    into: type[Any]


def _core_post_validate_with_login(tmdb: TMDBClient) -> Awaitable[Any]:
    return tmdb._core.request(
        "POST",
        "/3/authentication/token/validate_with_login",
        json={"username": "u", "password": "p", "request_token": REQUEST_TOKEN},
        into=RequestToken,
    )


def _core_get_tv(tmdb: TMDBClient) -> Awaitable[Any]:
    return tmdb._core.request("GET", "/3/tv/999999999", into=StatusResponse)


VALIDATE_KEY = Route("GET", "/3/authentication", lambda t: t.auth.validate_key(), StatusResponse)
REQUEST_TOKEN_NEW = Route(
    "GET",
    "/3/authentication/token/new",
    lambda t: t.auth.create_request_token(),
    RequestToken,
)
GUEST_NEW = Route(
    "GET",
    "/3/authentication/guest_session/new",
    lambda t: t.auth.create_guest_session(),
    GuestSession,
)
SESSION_NEW = Route(
    "POST",
    "/3/authentication/session/new",
    lambda t: t.auth.create_session(REQUEST_TOKEN),
    Session,
)
ACCOUNT = Route(
    "GET",
    f"/3/account?session_id={FIXTURE_SESSION_ID}",
    lambda t: t.for_user(FIXTURE_SESSION_ID).account.details(),
    Account,
)
ACCOUNT_BY_ID = Route(
    "GET",
    f"/3/account/548?session_id={FIXTURE_SESSION_ID}",
    lambda t: t.for_user(FIXTURE_SESSION_ID, account_id=548).account.details(),
    Account,
)
VALIDATE_WITH_LOGIN = Route(
    "POST",
    "/3/authentication/token/validate_with_login",
    _core_post_validate_with_login,
    RequestToken,
)
MOVIE_404 = Route(
    "GET", "/3/movie/999999999", lambda t: t.movies.details(999999999), StatusResponse
)
TV_404 = Route("GET", "/3/tv/999999999", _core_get_tv, StatusResponse)
# Error bodies from client fixtures are not tied to one endpoint: served on movie details.
ANY_ERROR = Route("GET", "/3/movie/11", lambda t: t.movies.details(11), StatusResponse)

#: (method, path) in INDEX.json -> the route the client takes for it. TMDbLib recorded the
#: legacy GET forms of session/new and validate_with_login; the client sends POST.
ROUTES: dict[tuple[str, str], Route] = {
    ("GET", "/3/authentication"): VALIDATE_KEY,
    ("GET", "/3/authentication/token/new"): REQUEST_TOKEN_NEW,
    ("GET", "/3/authentication/guest_session/new"): GUEST_NEW,
    ("POST", "/3/authentication/session/new"): SESSION_NEW,
    ("GET", "/3/authentication/session/new"): SESSION_NEW,
    ("GET|POST", "/3/authentication/session/new"): SESSION_NEW,
    ("GET", "/3/authentication/token/validate_with_login"): VALIDATE_WITH_LOGIN,
    ("GET", "/3/account"): ACCOUNT,
    ("GET", "/3/account/{account_id}"): ACCOUNT_BY_ID,
    ("GET", "/3/movie/999999999"): MOVIE_404,
    ("GET", "/3/tv/999999999"): TV_404,
}

TRAVIS = Account(
    id=548,
    username="travisbell",
    name="Travis Bell",
    include_adult=False,
    iso_639_1="en",
    iso_3166_1="CA",
    avatar=Avatar(
        gravatar=GravatarAvatar(hash="c9e9fc152ee756a900db85757c29815d"),
        tmdb=TMDBAvatar(avatar_path="/xy44UvpbTgzs9kWmp4C3fEaCl5h.png"),
    ),
)

#: Every fixture file for the issue-2 operations, with what it must become.
EXPECTED: dict[str, Any] = {
    # Recorded live (TMDbLib WireMock recordings, 2026).
    "recorded/tmdblib/auth-validate-key.200.json": StatusResponse(success=True),
    "recorded/tmdblib/auth-request-token.200.json": RequestToken(
        request_token="0" * 40, expires_at=dt.datetime(2026, 1, 1, tzinfo=UTC)
    ),
    "recorded/tmdblib/auth-guest-session.200.json": GuestSession(
        guest_session_id="0" * 32, expires_at=dt.datetime(2026, 1, 1, tzinfo=UTC)
    ),
    "recorded/tmdblib/auth-session-new-denied.401.json": Raises(SessionDeniedError, 401, 17),
    "recorded/tmdblib/auth-validate-with-login-bad-credentials.401.json": Raises(
        InvalidLoginError, 401, 30
    ),
    "recorded/tmdblib/account-details.200.json": Account(
        id=6089455,
        username="TMDbTestAccount",
        name="Test Name",
        include_adult=False,
        iso_639_1="en",
        iso_3166_1="BE",
        avatar=Avatar(
            gravatar=GravatarAvatar(hash="9ec1d4adda263fac03b990ec88f16b2e"),
            tmdb=TMDBAvatar(avatar_path=None),
        ),
    ),
    "recorded/tmdblib/movie-not-found.404.json": Raises(ResourceNotFoundError, 404, 34),
    "recorded/tmdblib/tv-not-found.404.json": Raises(ResourceNotFoundError, 404, 34),
    # The official spec's examples (as extracted to files).
    "docs/official-v3-spec-examples/authentication-validate-key.200.json": StatusResponse(
        success=True, status_code=1, status_message="Success."
    ),
    "docs/official-v3-spec-examples/authentication-validate-key.401.json": Raises(
        InvalidAPIKeyError, 401, 7
    ),
    "docs/official-v3-spec-examples/authentication-create-request-token.200.json": RequestToken(
        request_token="ff5c7eeb5a8870efe3cd7fc5c282cffd26800ecd",
        expires_at=dt.datetime(2016, 8, 26, 17, 4, 39, tzinfo=UTC),
    ),
    "docs/official-v3-spec-examples/authentication-create-session.200.json": Session(
        session_id="79191836ddaa0da3df76a5ffef6f07ad6ab0c641"
    ),
    "docs/official-v3-spec-examples/authentication-create-guest-session.200.json": GuestSession(
        guest_session_id="1ce82ec1223641636ad4a60b07de3581",
        expires_at=dt.datetime(2016, 8, 27, 16, 26, 40, tzinfo=UTC),
    ),
    "docs/official-v3-spec-examples/account-details.200.json": TRAVIS,
    # Other clients' fixtures.
    "clients/adamayoung-TMDb/account-details.json": TRAVIS,
    "clients/adamayoung-TMDb/account-avatar.json": Avatar(
        gravatar=GravatarAvatar(hash="c9e9fc152ee756a900db85757c29815d"),
        tmdb=TMDBAvatar(avatar_path="/5pF2ecF4fW9v7cEyxJQh8VkJZyL.jpg"),
    ),
    "clients/adamayoung-TMDb/request-token.json": RequestToken(
        request_token="10530f2246e244555d122016db7c65599c8d6f4d",
        expires_at=dt.datetime(2024, 1, 22, 20, 49, 56, tzinfo=UTC),
    ),
    "clients/adamayoung-TMDb/guest-session.json": GuestSession(
        guest_session_id="hg8r6c2clzw06bdtjt3whqghd44pki46",
        expires_at=dt.datetime(2024, 1, 22, 20, 49, 56, tzinfo=UTC),
    ),
    "clients/adamayoung-TMDb/session.json": Session(
        session_id="5f038ae0ee88737033fb7371dfbf6e3f386e9c78"
    ),
    "clients/adamayoung-TMDb/error-status-400.json": Raises(InvalidPageError, 400, 22),
    "clients/adamayoung-TMDb/error-status-401.json": Raises(InvalidAPIKeyError, 401, 7),
    "clients/adamayoung-TMDb/error-status-422.json": Raises(InvalidDateRangeError, 422, 20),
    "clients/adamayoung-TMDb/error-status-response.json": Raises(ResourceNotFoundError, 404, 34),
    "clients/php-tmdb-api/authentication/request_token.json": RequestToken(
        request_token="641bf16c663db167c6cffcdff41126039d4445bf",
        expires_at=dt.datetime(2012, 2, 9, 19, 50, 25, tzinfo=UTC),
    ),
    "clients/php-tmdb-api/authentication/session_token.json": Session(
        session_id="80b2bf99520cd795ff54e31af97917bc9e3a7c8c"
    ),
    "clients/php-tmdb-api/authentication/guest_session_token.json": GuestSession(
        guest_session_id="0c550fd5da2fc3f321ab3bs9b60ca108",
        expires_at=dt.datetime(2012, 12, 4, 22, 51, 19, tzinfo=UTC),
    ),
    # Hand-edited upstream: "avatar" is a list there, never on the wire (WIRE.md 4.2).
    "clients/php-tmdb-api/account/get.json": ResponseValidationError,
}

_ERROR_ENDPOINT = re.compile(r"^error body: status_code (\d+) \(HTTP (\d+)\)$")
_ENDPOINT = re.compile(r"^(GET|POST|GET\|POST) (/3/\S+)")


@attrs.frozen
class Fixture:
    """One INDEX.json entry for an issue-2 operation."""

    file: str
    http_status: int
    route: Route | None  # None: a sub-object, checked by the converter only


def _select() -> list[Fixture]:
    """The INDEX.json entries that belong to the operations of issue 2."""
    selected: list[Fixture] = []
    for entry in json.loads((FIXTURES / "INDEX.json").read_text(encoding="utf-8")):
        kind = entry["kind"]
        if kind in ("recorded-live", "official-doc-example (response)"):
            route = ROUTES.get((entry["method"], entry["path"]))
            if route is not None:
                selected.append(Fixture(entry["file"], entry["http_status"], route))
        elif kind.startswith("client-test-fixture"):
            endpoint = entry["endpoint"]
            if error := _ERROR_ENDPOINT.match(endpoint):
                selected.append(Fixture(entry["file"], int(error.group(2)), ANY_ERROR))
            elif endpoint == "avatar sub-object of account details":
                selected.append(Fixture(entry["file"], 200, None))
            elif (found := _ENDPOINT.match(endpoint)) and (
                route := ROUTES.get((found.group(1), found.group(2)))
            ):
                selected.append(Fixture(entry["file"], 200, route))
    return selected


SELECTED = _select()
BY_FILE = {f.file: f for f in SELECTED}


def test_every_issue_2_fixture_has_an_expectation() -> None:
    # A fixture added to INDEX.json for these operations must be given an expectation here.
    assert sorted(BY_FILE) == sorted(EXPECTED)
    assert len(SELECTED) == len(BY_FILE) == 27


def _strip_envelope(body: Any, into: type[Any]) -> Any:
    if isinstance(body, dict) and not (attrs.has(into) and "success" in attrs.fields_dict(into)):
        return {k: v for k, v in body.items() if k not in ENVELOPE}
    return body


def _model_of(expected: Any) -> type[Any]:
    return type(expected)


@pytest.mark.parametrize("file", sorted(EXPECTED))
def test_fixture_structures_with_both_converters(file: str) -> None:
    fixture = BY_FILE[file]
    body = load(file)
    expected = EXPECTED[file]
    if isinstance(expected, Raises):
        # An error body: the pure mapping gives the typed error.
        err = error_from_response(fixture.http_status, body)
        assert type(err) is expected.error
        assert (err.http_status, err.tmdb_code) == (expected.http_status, expected.tmdb_code)
        assert err.tmdb_message == body["status_message"]
        return
    if expected is ResponseValidationError:
        for converter in (CONVERTER, STRICT):
            with pytest.raises(cattrs.ClassValidationError) as info:
                converter.structure(body, Account)
            messages = cattrs.transform_error(info.value)
            assert any("$.avatar" in m for m in messages), messages
        return
    into = _model_of(expected)
    assert CONVERTER.structure(body, into) == expected
    assert STRICT.structure(_strip_envelope(body, into), into) == expected
    if into is not StatusResponse and isinstance(body, dict) and "success" in body:
        # The envelope key really is the only thing the strict check was spared.
        with pytest.raises(cattrs.ClassValidationError):
            STRICT.structure(body, into)


@pytest.mark.parametrize("file", sorted(EXPECTED))
async def test_fixture_through_the_client(
    file: str, tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    fixture = BY_FILE[file]
    body = load(file)
    expected = EXPECTED[file]
    route = fixture.route
    if route is None:  # the avatar sub-object: serve it inside an account
        route = ACCOUNT
        body = {"id": 1, "avatar": body}
        expected = Account(id=1, avatar=expected)
    tmdb_server.add(route.method, route.url, status=fixture.http_status, payload=body)
    if route is VALIDATE_KEY and isinstance(expected, Raises):
        # validate_key answers code 7 with False rather than raising.
        assert expected.error is InvalidAPIKeyError
        assert await route.call(tmdb_local) is False
    elif isinstance(expected, Raises):
        with pytest.raises(expected.error) as info:
            await route.call(tmdb_local)
        err = info.value
        assert (err.http_status, err.tmdb_code) == (expected.http_status, expected.tmdb_code)
        assert err.tmdb_message == body["status_message"]
    elif expected is ResponseValidationError:
        with pytest.raises(ResponseValidationError) as rv:
            await route.call(tmdb_local)
        assert rv.value.model == "Account"
        assert any("$.avatar" in m for m in rv.value.errors), rv.value.errors
    elif route is VALIDATE_KEY:
        assert await route.call(tmdb_local) is True
    else:
        assert await route.call(tmdb_local) == expected
    call, url = tmdb_server.only_call(), URL(route.url)
    assert (call.method, call.path, call.query) == (route.method, url.path, dict(url.query))


async def test_create_session_sends_the_spec_request_example(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    example = load("docs/official-v3-spec-examples/authentication-create-session.request.json")
    tmdb_server.post(
        "/3/authentication/session/new",
        payload=load("docs/official-v3-spec-examples/authentication-create-session.200.json"),
    )
    await tmdb_local.auth.create_session(example["request_token"])
    call = tmdb_server.only_call()
    assert call.json == example


# ---------------------------------------------------------------------------- the OpenAPI document

SPEC_DOC = json.loads((SHARED / "tmdb-api-v3.openapi.json").read_text(encoding="utf-8"))

#: operationId -> (path, method, model) for the operations of issue 2 (movie details aside).
OPERATIONS: dict[str, tuple[str, str, type[Any]]] = {
    "authentication-validate-key": ("/3/authentication", "get", StatusResponse),
    "authentication-create-request-token": ("/3/authentication/token/new", "get", RequestToken),
    "authentication-create-session": ("/3/authentication/session/new", "post", Session),
    "authentication-create-guest-session": (
        "/3/authentication/guest_session/new",
        "get",
        GuestSession,
    ),
    "account-details": ("/3/account/{account_id}", "get", Account),
}


def _spec_examples() -> list[tuple[str, int, Any]]:
    out: list[tuple[str, int, Any]] = []
    for op_id, (path, method, _) in OPERATIONS.items():
        operation = SPEC_DOC["paths"][path][method]
        assert operation["operationId"] == op_id
        for status, response in operation["responses"].items():
            for content in response.get("content", {}).values():
                for example in content.get("examples", {}).values():
                    out.append((op_id, int(status), json.loads(example["value"])))
    return out


SPEC_EXAMPLES = _spec_examples()


def test_the_spec_has_the_examples_we_expect() -> None:
    assert sorted((op, status) for op, status, _ in SPEC_EXAMPLES) == [
        ("account-details", 200),
        ("authentication-create-guest-session", 200),
        ("authentication-create-request-token", 200),
        ("authentication-create-session", 200),
        ("authentication-validate-key", 200),
        ("authentication-validate-key", 401),
    ]


@pytest.mark.parametrize(("op_id", "status", "body"), SPEC_EXAMPLES)
def test_spec_examples_structure_or_map_to_errors(op_id: str, status: int, body: Any) -> None:
    into = OPERATIONS[op_id][2]
    if status >= 400:
        err = error_from_response(status, body)
        assert type(err) is InvalidAPIKeyError
        assert (err.http_status, err.tmdb_code) == (401, 7)
        return
    model = CONVERTER.structure(body, into)
    assert STRICT.structure(_strip_envelope(body, into), into) == model
    # The same values as the extracted example files that the tests above pin exactly.
    files = [
        f
        for f in EXPECTED
        if f.startswith("docs/") and load(f) == body and not isinstance(EXPECTED[f], Raises)
    ]
    assert files, f"no extracted example file matches the spec's {op_id} example"
    assert all(EXPECTED[f] == model for f in files)


def _from_schema(schema: dict[str, Any]) -> Any:
    """A body assembled from the schema's per-property ``example`` values."""
    if schema.get("type") == "object":
        return {name: _from_schema(sub) for name, sub in schema.get("properties", {}).items()}
    return schema.get("example")


@pytest.mark.parametrize("op_id", sorted(OPERATIONS))
def test_spec_schemas_declare_no_field_we_miss(op_id: str) -> None:
    path, method, into = OPERATIONS[op_id]
    content = SPEC_DOC["paths"][path][method]["responses"]["200"]["content"]["application/json"]
    body = _from_schema(content["schema"])
    assert body, op_id
    # Strict: every property the official schema lists is a field of the model.
    model = STRICT.structure(_strip_envelope(body, into), into)
    assert CONVERTER.structure(body, into) == model
