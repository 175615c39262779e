"""Login with a password, logout, and the v4 user-token flow (``tmdb.auth``)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import API, API_KEY, READ_TOKEN, TMDBMock, load
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
    CredentialError,
    InvalidRequestTokenError,
    MissingSessionError,
    RequestToken,
    RequestTokenNotApprovedError,
    ServerError,
    Session,
    StatusResponse,
    TMDBClient,
    TMDBUsageError,
    V4AccessToken,
    V4RequestToken,
    make_converter,
)
from tmdb_async.errors import InvalidLoginError, InvalidTokenError, SessionNotFoundError
from tmdb_async.models.auth import GuestSession

SPEC = "docs/official-v3-spec-examples"
ADA = "clients/adamayoung-TMDb"
STRICT = make_converter(forbid_extra_keys=True)
PASSWORD = "s3cret pass wörd&x=1"  # spaces and URL metacharacters: all must stay in the body
TOKEN = "1531f1a558c8357ce8990cf887ff196e8f5402ec"
UTC = dt.timezone.utc


# --------------------------------------------------------------------------- validate_with_login


async def test_validate_with_login_posts_a_json_body(
    tmdb: TMDBClient, mock: TMDBMock, caplog: pytest.LogCaptureFixture
) -> None:
    debug_logs(caplog)
    body = load(f"{SPEC}/authentication-create-session-from-login.200.json")
    mock.post(f"{API}/3/authentication/token/validate_with_login", payload=body)
    token = await tmdb.auth.validate_with_login(
        RequestToken(request_token=TOKEN), "johnny_appleseed", PASSWORD
    )
    assert token == RequestToken(
        request_token=TOKEN, expires_at=dt.datetime(2018, 7, 24, 4, 10, 26, tzinfo=UTC)
    )
    only(
        mock,
        "POST",
        "/3/authentication/token/validate_with_login",
        body={"username": "johnny_appleseed", "password": PASSWORD, "request_token": TOKEN},
    )
    logs = log_text(caplog)
    assert "POST" in logs
    assert_no_secrets([logs, token], [PASSWORD, TOKEN])


async def test_validate_with_login_matches_the_spec_request_example(
    tmdb: TMDBClient, mock: TMDBMock
) -> None:
    example = load(f"{SPEC}/authentication-create-session-from-login.request.json")
    mock.post(
        f"{API}/3/authentication/token/validate_with_login",
        payload=load(f"{SPEC}/authentication-create-session-from-login.200.json"),
    )
    await tmdb.auth.validate_with_login(
        example["request_token"], example["username"], example["password"]
    )
    assert mock.only_call()[2].kwargs["json"] == example


async def test_validate_with_login_api_key_keeps_the_password_out_of_the_url(
    tmdb_key: TMDBClient, mock: TMDBMock
) -> None:
    mock.post(
        f"{API}/3/authentication/token/validate_with_login?api_key={API_KEY}",
        payload={"success": True, "expires_at": "2026-01-01 00:00:00 UTC", "request_token": TOKEN},
    )
    await tmdb_key.auth.validate_with_login(TOKEN, "me", PASSWORD)
    only(
        mock,
        "POST",
        "/3/authentication/token/validate_with_login",
        {"api_key": API_KEY},
        body={"username": "me", "password": PASSWORD, "request_token": TOKEN},
        bearer=None,
    )


async def test_bad_login_is_typed_and_never_shows_the_password(
    tmdb: TMDBClient, mock: TMDBMock, caplog: pytest.LogCaptureFixture
) -> None:
    debug_logs(caplog)
    mock.post(
        f"{API}/3/authentication/token/validate_with_login",
        status=401,
        payload=load("recorded/tmdblib/auth-validate-with-login-bad-credentials.401.json"),
    )
    with pytest.raises(InvalidLoginError) as info:
        await tmdb.auth.validate_with_login(TOKEN, "me", PASSWORD)
    assert (info.value.http_status, info.value.tmdb_code) == (401, 30)
    assert len(mock.calls()) == 1  # a 401 is not retried
    scan_exception(info.value, [PASSWORD, TOKEN, READ_TOKEN])
    assert_no_secrets([log_text(caplog)], [PASSWORD, TOKEN, READ_TOKEN])


async def test_expired_token_at_login_is_typed(tmdb: TMDBClient, mock: TMDBMock) -> None:
    mock.post(
        f"{API}/3/authentication/token/validate_with_login",
        status=401,
        payload={"success": False, "status_code": 33, "status_message": "Invalid request token"},
    )
    with pytest.raises(InvalidRequestTokenError):
        await tmdb.auth.validate_with_login(TOKEN, "me", PASSWORD)


async def test_validate_with_login_is_not_retried_on_5xx(tmdb: TMDBClient, mock: TMDBMock) -> None:
    url = f"{API}/3/authentication/token/validate_with_login"
    mock.post(url, status=503, payload={"status_code": 9, "status_message": "offline"})
    mock.post(url, payload={"success": True, "request_token": TOKEN})
    with pytest.raises(ServerError):
        await tmdb.auth.validate_with_login(TOKEN, "me", PASSWORD)
    assert len(mock.calls()) == 1


@pytest.mark.parametrize(
    ("username", "password"),
    [("", PASSWORD), ("me", ""), (None, PASSWORD), ("me", None), ("me", b"bytes")],
)
async def test_validate_with_login_checks_its_input_locally(
    tmdb: TMDBClient, mock: TMDBMock, username: object, password: object
) -> None:
    with pytest.raises(TMDBUsageError) as info:
        await tmdb.auth.validate_with_login(TOKEN, username, password)  # type: ignore[arg-type]
    assert mock.calls() == []
    assert PASSWORD not in str(info.value)
    with pytest.raises(TMDBUsageError):
        await tmdb.auth.login(username, password)  # type: ignore[arg-type]
    assert mock.calls() == []


async def test_login_runs_token_validate_session(
    tmdb: TMDBClient, mock: TMDBMock, caplog: pytest.LogCaptureFixture
) -> None:
    debug_logs(caplog)
    mock.get(
        f"{API}/3/authentication/token/new",
        payload=load(f"{SPEC}/authentication-create-request-token.200.json"),
    )
    new_token = "ff5c7eeb5a8870efe3cd7fc5c282cffd26800ecd"
    mock.post(
        f"{API}/3/authentication/token/validate_with_login",
        payload={
            "success": True,
            "expires_at": "2016-08-26 17:04:39 UTC",
            "request_token": new_token,
        },
    )
    mock.post(
        f"{API}/3/authentication/session/new",
        payload=load(f"{SPEC}/authentication-create-session.200.json"),
    )
    session = await tmdb.auth.login("travis", PASSWORD)
    assert session == Session(session_id=SESSION_ID)
    assert len(mock.calls()) == 3
    request(mock, 0, "GET", "/3/authentication/token/new")
    request(
        mock,
        1,
        "POST",
        "/3/authentication/token/validate_with_login",
        body={"username": "travis", "password": PASSWORD, "request_token": new_token},
    )
    request(mock, 2, "POST", "/3/authentication/session/new", body={"request_token": new_token})
    assert_no_secrets([log_text(caplog), session], [PASSWORD, new_token, SESSION_ID])


async def test_login_stops_at_a_bad_password(tmdb: TMDBClient, mock: TMDBMock) -> None:
    mock.get(
        f"{API}/3/authentication/token/new",
        payload=load(f"{SPEC}/authentication-create-request-token.200.json"),
    )
    mock.post(
        f"{API}/3/authentication/token/validate_with_login",
        status=401,
        payload=load("recorded/tmdblib/auth-validate-with-login-bad-credentials.401.json"),
    )
    with pytest.raises(InvalidLoginError) as info:
        await tmdb.auth.login("travis", PASSWORD)
    assert [c[0] for c in mock.calls()] == ["GET", "POST"]
    scan_exception(info.value, [PASSWORD])


# --------------------------------------------------------------------------- delete_session


@pytest.mark.parametrize("given", [Session(session_id=SESSION_ID), SESSION_ID])
async def test_delete_session_sends_a_json_body(
    tmdb: TMDBClient, mock: TMDBMock, given: Session | str
) -> None:
    example = load(f"{SPEC}/authentication-delete-session.request.json")
    mock.delete(
        f"{API}/3/authentication/session",
        payload=load(f"{SPEC}/authentication-delete-session.200.json"),
    )
    assert await tmdb.auth.delete_session(given) == StatusResponse(success=True)
    only(mock, "DELETE", "/3/authentication/session", body={"session_id": SESSION_ID})
    assert set(example) == {"session_id"}


async def test_delete_session_unknown_is_typed_and_redacted(
    tmdb: TMDBClient, mock: TMDBMock
) -> None:
    mock.delete(
        f"{API}/3/authentication/session",
        status=404,
        payload={"success": False, "status_code": 37, "status_message": "Session not found."},
    )
    with pytest.raises(SessionNotFoundError) as info:
        await tmdb.auth.delete_session(SESSION_ID)
    scan_exception(info.value, [SESSION_ID, READ_TOKEN])


@pytest.mark.parametrize(
    "given", [None, GuestSession(guest_session_id="1ce82ec1223641636ad4a60b07de3581"), ""]
)
async def test_delete_session_needs_a_user_session(
    tmdb: TMDBClient, mock: TMDBMock, given: object
) -> None:
    with pytest.raises(TMDBUsageError):
        await tmdb.auth.delete_session(given)  # type: ignore[arg-type]
    assert mock.calls() == []


async def test_delete_session_refuses_a_guest_with_missing_session(tmdb: TMDBClient) -> None:
    with pytest.raises(MissingSessionError):
        await tmdb.auth.delete_session(GuestSession(guest_session_id="a" * 32))  # type: ignore[arg-type]


# --------------------------------------------------------------------------- v4


V4_REQUEST = load(f"{ADA}/v4-request-token.json")
V4_ACCESS = load(f"{ADA}/v4-access-token.json")


async def test_v4_request_token_without_redirect(
    tmdb: TMDBClient, mock: TMDBMock, monkeypatch: pytest.MonkeyPatch
) -> None:
    issued = dt.datetime(2026, 3, 1, 12, 0, 0, tzinfo=UTC)
    monkeypatch.setattr("tmdb_async.resources.auth._utcnow", lambda: issued)
    mock.post(f"{API}/4/auth/request_token", payload=V4_REQUEST)
    token = await tmdb.auth.create_v4_request_token()
    only(mock, "POST", "/4/auth/request_token", body={})
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


async def test_v4_request_token_with_redirect_in_the_body(tmdb: TMDBClient, mock: TMDBMock) -> None:
    mock.post(f"{API}/4/auth/request_token", payload=V4_REQUEST)
    app = "com.example.myapp:/tmdb/approved?x=1"  # an app scheme (RFC 8252 reverse domain)
    await tmdb.auth.create_v4_request_token(redirect_to=app)
    only(mock, "POST", "/4/auth/request_token", body={"redirect_to": app})


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
    tmdb: TMDBClient, mock: TMDBMock, bad: str
) -> None:
    with pytest.raises(TMDBUsageError, match="redirect_to") as info:
        await tmdb.auth.create_v4_request_token(redirect_to=bad)
    assert bad not in str(info.value).replace("'https://myapp.example/callback'", "")
    assert mock.calls() == []


async def test_v4_request_token_is_retried_on_503(tmdb: TMDBClient, mock: TMDBMock) -> None:
    url = f"{API}/4/auth/request_token"
    mock.post(url, status=503, payload={"status_code": 9, "status_message": "offline"})
    mock.post(url, payload=V4_REQUEST)
    token = await tmdb.auth.create_v4_request_token()
    assert token.request_token == V4_REQUEST["request_token"]
    assert len(mock.calls()) == 2


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
    tmdb: TMDBClient, mock: TMDBMock, caplog: pytest.LogCaptureFixture
) -> None:
    debug_logs(caplog)
    mock.post(f"{API}/4/auth/access_token", payload=V4_ACCESS)
    request_token = V4RequestToken(request_token=V4_REQUEST["request_token"])
    access = await tmdb.auth.create_v4_access_token(request_token)
    only(
        mock,
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
    tmdb: TMDBClient, mock: TMDBMock
) -> None:
    url = f"{API}/4/auth/access_token"
    mock.post(
        url,
        status=422,
        payload={"success": False, "status_code": 41, "status_message": "not approved"},
    )
    with pytest.raises(RequestTokenNotApprovedError) as info:
        await tmdb.auth.create_v4_access_token(V4_REQUEST["request_token"])
    scan_exception(info.value, [V4_REQUEST["request_token"], READ_TOKEN])
    mock.post(url, status=502, payload={"status_code": 43, "status_message": "backend"})
    mock.post(url, payload=V4_ACCESS)
    with pytest.raises(ServerError):
        await tmdb.auth.create_v4_access_token(V4_REQUEST["request_token"])
    assert len(mock.calls()) == 2  # one each; the single-use exchange is not repeated


@pytest.mark.parametrize("given", ["token", "object"])
async def test_delete_v4_access_token(tmdb: TMDBClient, mock: TMDBMock, given: str) -> None:
    mock.delete(
        f"{API}/4/auth/access_token",
        payload={"success": True, "status_code": 13, "status_message": "deleted"},
    )
    token: V4AccessToken | str = V4ACCESS_OBJ if given == "object" else V4_ACCESS["access_token"]
    assert await tmdb.auth.delete_v4_access_token(token) == StatusResponse(
        success=True, status_code=13, status_message="deleted"
    )
    only(mock, "DELETE", "/4/auth/access_token", body={"access_token": V4_ACCESS["access_token"]})


V4ACCESS_OBJ = V4AccessToken(access_token=V4_ACCESS["access_token"], account_id=V4_ACCOUNT)


async def test_convert_v4_session_matches_the_spec(tmdb: TMDBClient, mock: TMDBMock) -> None:
    example = load(f"{SPEC}/authentication-create-session-from-v4-token.request.json")
    mock.post(
        f"{API}/3/authentication/session/convert/4",
        payload=load(f"{SPEC}/authentication-create-session-from-v4-token.200.json"),
    )
    session = await tmdb.auth.convert_v4_session(example["access_token"])
    assert session == Session(session_id="2629f70fb498edc263a0adb99118ac41f0053e8c")
    only(mock, "POST", "/3/authentication/session/convert/4", body=example)


async def test_convert_v4_session_invalid_token(tmdb: TMDBClient, mock: TMDBMock) -> None:
    mock.post(
        f"{API}/3/authentication/session/convert/4",
        status=401,
        payload={"success": False, "status_code": 35, "status_message": "Invalid token."},
    )
    with pytest.raises(InvalidTokenError) as info:
        await tmdb.auth.convert_v4_session(V4ACCESS_OBJ)
    scan_exception(info.value, [V4_ACCESS["access_token"], READ_TOKEN])


async def test_v4_calls_need_the_read_token(tmdb_key: TMDBClient, mock: TMDBMock) -> None:
    calls = [
        tmdb_key.auth.create_v4_request_token(),
        tmdb_key.auth.create_v4_access_token("eyJa.b.c"),
        tmdb_key.auth.delete_v4_access_token("eyJa.b.c"),
        tmdb_key.auth.convert_v4_session("eyJa.b.c"),
    ]
    for call in calls:
        with pytest.raises(CredentialError, match="Read Access Token") as info:
            await call
        assert API_KEY not in str(info.value)
    assert mock.calls() == []
