"""The sandbox's user state on the wire: logins, ratings, favourites, watchlists, account
states, v3 and v4 lists, as TMDB answers them (../shared/reference WIRE.md and V4.md).

Raw aiohttp requests, so what is checked is the sandbox's wire behaviour, not the SDK's.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from tmdb_async.testing import ManualClock, Sandbox, SandboxUser


class Wire:
    """Raw requests to one sandbox with its read token; returns ``(status, body)``."""

    def __init__(self, sandbox: Sandbox, http: aiohttp.ClientSession) -> None:
        self.sb = sandbox
        self.http = http
        self.bearer = sandbox.access_token

    async def __call__(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str] | None = None,
        json: Any = None,
        bearer: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, Any]:
        sent = {"Authorization": f"Bearer {bearer or self.bearer}"} if headers is None else headers
        async with self.http.request(
            method, self.sb.base_url + path, params=params, json=json, headers=sent
        ) as resp:
            assert resp.content_type == "application/json", (method, path, resp.status)
            return resp.status, await resp.json()

    async def ok(self, method: str, path: str, status: int = 200, **kwargs: Any) -> Any:
        """The body of an answer that must have ``status``."""
        got, body = await self(method, path, **kwargs)
        assert got == status, (method, path, got, body)
        return body

    async def fails(self, method: str, path: str, status: int, code: int, **kwargs: Any) -> Any:
        """The error envelope of an answer that must fail with ``status`` and ``code``."""
        got, body = await self(method, path, **kwargs)
        assert (got, body.get("status_code"), body.get("success")) == (status, code, False), (
            method,
            path,
            got,
            body,
        )
        return body


USERS = (
    SandboxUser(username="travisbell", password="sandbox-password", id=548),
    SandboxUser(username="zoë", password="mot de passe é ☃", id=77),
)


@pytest.fixture
async def wire() -> AsyncIterator[Wire]:
    async with (
        Sandbox(clock=ManualClock(), users=USERS, movie_count=300, tv_count=300) as sb,
        aiohttp.ClientSession() as http,
    ):
        yield Wire(sb, http)


async def _token(wire: Wire) -> str:
    body = await wire.ok("GET", "/3/authentication/token/new")
    token: str = body["request_token"]
    return token


# --------------------------------------------------------------------------- logins


@pytest.mark.parametrize("password", ["pässwörd", "日本語", "\ud800x", "mot de passe e ☃"])
async def test_a_wrong_non_ascii_password_is_a_wrong_login_not_a_500(
    wire: Wire, password: str
) -> None:
    # issue 13 defect 11: the sandbox answered 500 (hmac refuses non-ASCII str).
    token = await _token(wire)
    login = {"username": "travisbell", "password": password, "request_token": token}
    await wire.fails("POST", "/3/authentication/token/validate_with_login", 401, 30, json=login)
    await wire.fails("GET", "/3/authentication/token/validate_with_login", 401, 30, params=login)
    # the token is still good: the right password approves it
    approved = await wire.ok(
        "POST",
        "/3/authentication/token/validate_with_login",
        json={**login, "password": "sandbox-password"},
    )
    assert approved["request_token"] == token


async def test_a_non_ascii_username_and_password_log_in(wire: Wire) -> None:
    token = await _token(wire)
    login = {"username": "zoë", "password": "mot de passe é ☃", "request_token": token}
    body = await wire.ok("POST", "/3/authentication/token/validate_with_login", json=login)
    assert body["success"] is True
    session = await wire.ok("POST", "/3/authentication/session/new", json={"request_token": token})
    account = await wire.ok("GET", "/3/account", params={"session_id": session["session_id"]})
    assert (account["id"], account["username"]) == (77, "zoë")
    # the legacy GET form carries it percent-encoded in the query string
    token = await _token(wire)
    await wire.ok(
        "GET",
        "/3/authentication/token/validate_with_login",
        params={**login, "request_token": token},
    )
