"""Secret scanning: no credential, token, session id or password in logs, errors or reprs.

Every secret below is distinctive, so finding it (raw, percent-encoded, or a 16-character
chunk of it) anywhere we scan is a leak. The scan covers every log record at DEBUG (message,
arguments, formatted exception), every exception raised (str, repr, the full formatted
traceback, its url attribute) and the repr/str of every model, client and credential.
"""

from __future__ import annotations

import logging
import re
import traceback
from collections.abc import Awaitable, Callable, Iterable
from typing import Any
from urllib.parse import quote, quote_plus

import aiohttp
import pytest
from aioresponses import aioresponses
from yarl import URL

from tests.conftest import API, FakeSleep
from tests.loopback_tmdb import TMDBServer
from tmdb_async import (
    GuestSession,
    RequestToken,
    RetryPolicy,
    Session,
    StatusResponse,
    TMDBClient,
    TMDBError,
)

READ_TOKEN = (
    "eyJhbGciOiJIUzI1NiJ9.eyJzZWNyZXQiOiJSRUFEVE9LRU5MRUFLQ0hFQ0sifQ.UkVBRFRPS0VOU0lHTkFUVVJF"
)
API_KEY = "5ec2e7a95ec2e7a95ec2e7a95ec2e7a9"
SESSION_ID = "5e5510aa5e5510aa5e5510aa5e5510aa5e5510bb"
ODD_SESSION_ID = "odd+SESSION/secret=v@l&ue"  # characters that URLs percent-encode
REQUEST_TOKEN = "7011e0aa7011e0aa7011e0aa7011e0aa7011e0bb"
GUEST_ID = "9e57c0de9e57c0de9e57c0de9e57c0df"
PASSWORD = "hunter2-Pa55w0rd-SECRET"
SECRETS = [READ_TOKEN, API_KEY, SESSION_ID, ODD_SESSION_ID, REQUEST_TOKEN, GUEST_ID, PASSWORD]


def _yarl_query_form(secret: str) -> str:
    """How yarl, and so aiohttp's own messages, writes ``secret`` in a query string."""
    return URL("https://h/").with_query(k=secret).raw_query_string.partition("=")[2]


def _forms(secret: str) -> set[str]:
    forms = {secret, quote(secret, safe=""), quote_plus(secret), quote(secret)}
    forms.add(_yarl_query_form(secret))
    if len(secret) >= 24:
        middle = len(secret) // 2
        forms.add(secret[middle - 8 : middle + 8])
    return forms


def assert_clean(texts: Iterable[str], where: str) -> None:
    for text in texts:
        for secret in SECRETS:
            for form in _forms(secret):
                assert form not in text, f"secret leaked in {where}: {text!r}"


def _url(path: str) -> re.Pattern[str]:
    return re.compile(rf"^https://api\.themoviedb\.org{re.escape(path)}(\?.*)?$")


Attempt = Callable[[Awaitable[Any]], Awaitable[None]]


async def _exercise(
    tmdb: TMDBClient, server: TMDBServer, attempt: Attempt, built: list[Any], auth: dict[str, str]
) -> None:
    """Run successes, 4xx, retries and bodies that do not fit against the loopback TMDB;
    ``auth`` is the query the client's credential adds (its api_key, or nothing)."""
    plain = auth  # a request with no query of its own
    own = {**auth, "session_id": SESSION_ID}
    odd = {**auth, "session_id": ODD_SESSION_ID}

    # Successes, each with a secret in the answer or the request.
    server.get("/3/authentication", query=plain, payload={"success": True})
    await attempt(tmdb.auth.validate_key())
    server.get(
        "/3/authentication/token/new",
        query=plain,
        payload={
            "success": True,
            "expires_at": "2026-01-01 00:00:00 UTC",
            "request_token": REQUEST_TOKEN,
        },
    )
    await attempt(tmdb.auth.create_request_token())
    built.append(tmdb.auth.approval_url(REQUEST_TOKEN, redirect_to="https://app.example/cb"))
    server.post(
        "/3/authentication/session/new",
        query=plain,
        payload={"success": True, "session_id": SESSION_ID},
    )
    await attempt(tmdb.auth.create_session(RequestToken(request_token=REQUEST_TOKEN)))
    server.get(
        "/3/authentication/guest_session/new",
        query=plain,
        payload={"guest_session_id": GUEST_ID, "expires_at": "2026-01-01 00:00:00 UTC"},
    )
    await attempt(tmdb.auth.create_guest_session())
    server.get("/3/account", query=own, payload={"id": 1, "username": "u"})
    await attempt(tmdb.for_user(Session(session_id=SESSION_ID)).account.details())
    server.get("/3/account/1", query=odd, payload={"id": 1, "username": "u"})
    await attempt(tmdb.for_user(ODD_SESSION_ID, account_id=1).account.details())

    # 4xx answers.
    server.post(
        "/3/authentication/session/new",
        query=plain,
        status=401,
        payload={
            "success": False,
            "failure": True,
            "status_code": 17,
            "status_message": "Session denied.",
        },
    )
    await attempt(tmdb.auth.create_session(REQUEST_TOKEN))
    server.get(
        "/3/account", query=own, status=401, payload={"status_code": 3, "status_message": "no"}
    )
    await attempt(tmdb.for_user(SESSION_ID).account.details())
    server.get(
        "/3/account", query=odd, status=404, payload={"status_code": 37, "status_message": "no"}
    )
    await attempt(tmdb.for_user(ODD_SESSION_ID).account.details())
    # A secret in the path (guest ids are path segments) and a password in a body.
    server.get(
        f"/3/guest_session/{GUEST_ID}/rated/movies",
        query=plain,
        status=404,
        payload={"status_code": 34},
    )
    await attempt(
        tmdb._core.request(
            "GET",
            f"/3/guest_session/{GUEST_ID}/rated/movies",
            into=StatusResponse,
            secrets=(GUEST_ID,),
        )
    )
    server.post(
        "/3/authentication/token/validate_with_login",
        query=plain,
        status=401,
        payload={"status_code": 30, "status_message": "Invalid username and/or password"},
    )
    await attempt(
        tmdb._core.request(
            "POST",
            "/3/authentication/token/validate_with_login",
            json={"username": "someone", "password": PASSWORD, "request_token": REQUEST_TOKEN},
            into=RequestToken,
        )
    )

    # Retries: 503, 429 with Retry-After, then success; and retries exhausted.
    server.get("/3/account", query=own, status=503, body="busy")
    server.get(
        "/3/account",
        query=own,
        status=429,
        headers={"Retry-After": "1"},
        payload={"status_code": 25},
    )
    server.get("/3/account", query=own, payload={"id": 2})
    await attempt(tmdb.for_user(SESSION_ID).account.details())
    for _ in range(3):
        server.get("/3/account/2", query=odd, status=502, body="bad gateway")
    await attempt(tmdb.for_user(ODD_SESSION_ID, account_id=2).account.details())

    # A body that does not fit, echoing a secret in a wrongly typed field.
    server.get("/3/account", query=own, payload={"id": SESSION_ID, "avatar": SESSION_ID})
    await attempt(tmdb.for_user(SESSION_ID).account.details())
    server.get("/3/authentication/token/new", query=plain, payload={"expires_at": REQUEST_TOKEN})
    await attempt(tmdb.auth.create_request_token())


async def _exercise_transport(
    tmdb: TMDBClient, mock: aioresponses, kind: str, attempt: Attempt
) -> None:
    """Transport failures, raised by aioresponses (no answer is built) with messages a
    real failure could carry: no server produces these texts."""
    # Transport failures whose aiohttp message carries the full URL, secrets included.
    # (Each message holds only what that request itself carried: the client's credential
    # and the request's own session id or token, raw and percent-encoded.)
    own = f"api_key={API_KEY}&" if kind == "api_key" else f"[Authorization: Bearer {READ_TOKEN}] "
    leaky_url = f"https://api.themoviedb.org/3/account?{own}session_id="
    as_aiohttp_shows_it = URL("https://api.themoviedb.org/3/account").with_query(
        session_id=ODD_SESSION_ID
    )
    odd = f"{leaky_url}{quote(ODD_SESSION_ID, safe='')} or {ODD_SESSION_ID} {as_aiohttp_shows_it}"
    for _ in range(3):
        mock.get(_url("/3/account"), exception=aiohttp.ClientConnectionError(f"boom {odd}"))
    await attempt(tmdb.for_user(ODD_SESSION_ID).account.details())
    for _ in range(3):
        mock.get(_url("/3/account"), exception=TimeoutError(f"{leaky_url}{SESSION_ID}"))
    await attempt(tmdb.for_user(SESSION_ID).account.details())
    mock.post(
        _url("/3/authentication/session/new"),
        exception=aiohttp.ClientOSError(104, f"reset while sending {REQUEST_TOKEN} ({own})"),
    )
    await attempt(tmdb.auth.create_session(REQUEST_TOKEN))


@pytest.mark.parametrize("kind", ["access_token", "api_key"])
async def test_no_secret_anywhere(
    kind: str,
    tmdb_server: TMDBServer,
    fake_sleep: FakeSleep,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    policy = RetryPolicy(jitter=False)
    raised: list[BaseException] = []
    built: list[Any] = []

    async def attempt(coro: Awaitable[Any]) -> None:
        try:
            built.append(await coro)
        except TMDBError as exc:
            raised.append(exc)

    def client(base_url: str) -> TMDBClient:
        if kind == "access_token":
            return TMDBClient(
                access_token=READ_TOKEN, base_url=base_url, sleep=fake_sleep, retry=policy
            )
        return TMDBClient(api_key=API_KEY, base_url=base_url, sleep=fake_sleep, retry=policy)

    client_texts: list[str] = []
    # Answers from the loopback TMDB; then transport failures on TMDB's own URL.
    async with client(tmdb_server.base_url) as tmdb:
        auth = {"api_key": API_KEY} if kind == "api_key" else {}
        await _exercise(tmdb, tmdb_server, attempt, built, auth)
    with aioresponses() as mock:
        async with client(API) as tmdb:
            await _exercise_transport(tmdb, mock, kind, attempt)
            client_texts += [
                repr(tmdb),
                str(tmdb),
                repr(tmdb._core.credentials),
                str(tmdb._core.credentials),
            ]
    client_texts.append(repr(tmdb))

    # The scenario really ran: requests carried the secrets, errors and logs were produced.
    sent = " ".join(
        f"{c.raw_path} {c.query} {dict(c.headers)} {c.body.decode()}" for c in tmdb_server.calls()
    )
    assert sum(map(len, mock.requests.values())) == 7  # 3 + 3 + 1 transport failures
    assert READ_TOKEN in sent if kind == "access_token" else API_KEY in sent
    for secret in (SESSION_ID, REQUEST_TOKEN, GUEST_ID, PASSWORD):
        assert secret in sent
    assert len(raised) == 11
    assert {type(e).__name__ for e in raised} >= {
        "SessionDeniedError",
        "AuthenticationFailedError",
        "SessionNotFoundError",
        "ResourceNotFoundError",
        "InvalidLoginError",
        "ServerError",
        "TMDBConnectionError",
        "TMDBTimeoutError",
        "ResponseValidationError",
    }
    assert sum(isinstance(b, (Session, GuestSession, RequestToken)) for b in built) == 3
    messages = [r.getMessage() for r in caplog.records]
    assert any(m.startswith("GET ") and " -> 200 " in m for m in messages)
    assert any(m.startswith("retrying ") for m in messages)
    assert any("session_id=***" in m for m in messages)
    if kind == "api_key":
        assert any("api_key=***" in m for m in messages)

    # Logs.
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    for record in caplog.records:
        assert_clean(
            [record.getMessage(), str(record.msg), repr(record.args), formatter.format(record)],
            f"log record {record.name}",
        )
    # Exceptions.
    for exc in raised:
        texts = [str(exc), repr(exc), "".join(traceback.format_exception(exc))]
        texts += [str(getattr(exc, name, "")) for name in ("url", "method", "errors")]
        assert_clean(texts, f"{type(exc).__name__}")
    # Models and the approval URL's non-token part.
    for obj in built:
        if isinstance(obj, str):
            assert obj.startswith("https://www.themoviedb.org/authenticate/")
            continue
        assert_clean([repr(obj), str(obj), f"{obj}", f"{obj!r}"], type(obj).__name__)
    assert_clean(client_texts, "client")


def test_models_hide_secrets_even_nested() -> None:
    objs: list[object] = [
        Session(session_id=SESSION_ID),
        Session(session_id=ODD_SESSION_ID),
        RequestToken(request_token=REQUEST_TOKEN),
        GuestSession(guest_session_id=GUEST_ID),
        [Session(session_id=SESSION_ID)],
        {"s": GuestSession(guest_session_id=GUEST_ID)},
    ]
    for obj in objs:
        assert_clean([repr(obj), str(obj)], type(obj).__name__)


def test_the_scanner_catches_a_leak() -> None:
    # Control: each form of a secret the scan looks for is caught.
    assert _yarl_query_form(ODD_SESSION_ID) not in (
        quote(ODD_SESSION_ID, safe=""),
        quote_plus(ODD_SESSION_ID),
        quote(ODD_SESSION_ID),
    )
    for text in (
        f"x {SESSION_ID} y",
        f"x {_yarl_query_form(ODD_SESSION_ID)} y",
        f"x {quote(ODD_SESSION_ID, safe='')} y",
        f"x {quote_plus(ODD_SESSION_ID)} y",
        f"x {READ_TOKEN[30:60]} y",
    ):
        with pytest.raises(AssertionError, match="secret leaked"):
            assert_clean([text], "control")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"GET https://h/3/a?api_key={API_KEY}&page=2",
            "GET https://h/3/a?api_key=***&page=2",
        ),
        (
            f"https://h/3/a?session_id={_yarl_query_form(ODD_SESSION_ID)}#x",
            "https://h/3/a?session_id=***#x",
        ),
        (f"(password={PASSWORD})", "(password=***)"),
        (f"guest {GUEST_ID} path", "guest *** path"),
        ("no_session_id=1 page=3", "no_session_id=1 page=3"),
    ],
)
def test_redact(text: str, expected: str) -> None:
    from tmdb_async._credentials import redact

    assert redact(text, [GUEST_ID]) == expected
