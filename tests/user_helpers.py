"""Helpers for the user-path tests: request assertions, secret scans, spec examples."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

import pytest

from tests.conftest import READ_TOKEN, SHARED
from tests.loopback_tmdb import TMDBServer

SESSION_ID = "79191836ddaa0da3df76a5ffef6f07ad6ab0c641"
GUEST_ID = "1ce82ec1223641636ad4a60b07de3581"
ACCOUNT_ID = 548
# A v4 user access token (JWT shaped; distinct from the app's READ_TOKEN).
USER_TOKEN = (
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxYTJiM2M0ZDVlNmY3YThiOWMwZDFlMmYiLCJzY29wZXMiOlsiYXBp"
    "X3JlYWQgYXBpX3dyaXRlIl0sInZlcnNpb24iOjJ9.dXNlci10b2tlbi1zaWduYXR1cmUtbm90LXJlYWw"
)
V4_ACCOUNT = "1a2b3c4d5e6f7a8b9c0d1e2f"


def request(
    server: TMDBServer,
    index: int,
    method: str,
    path: str,
    query: Mapping[str, str] | None = None,
    *,
    body: object = None,
    bearer: str | None = READ_TOKEN,
) -> None:
    """Assert that request number ``index`` the loopback TMDB received was exactly this one:
    method, path, query, JSON body and the credential header."""
    call = server.calls()[index]
    assert call.method == method
    assert path in (call.path, call.raw_path), (call.path, path)
    assert call.query == dict(query or {})
    assert call.json == body
    if bearer is None:
        assert "Authorization" not in call.headers
    else:
        assert call.headers["Authorization"] == f"Bearer {bearer}"
        assert "api_key" not in call.query


def only(
    server: TMDBServer,
    method: str,
    path: str,
    query: Mapping[str, str] | None = None,
    *,
    body: object = None,
    bearer: str | None = READ_TOKEN,
) -> None:
    """Assert that exactly one request was made, and that it was this one."""
    assert len(server.calls()) == 1, server.calls()
    request(server, 0, method, path, query, body=body, bearer=bearer)


def assert_no_secrets(texts: Iterable[object], secrets: Iterable[str]) -> None:
    """None of ``secrets`` appears in ``str`` or ``repr`` of any of ``texts``."""
    for text in texts:
        for shown in (str(text), repr(text)):
            for secret in secrets:
                assert secret not in shown, f"secret leaked in {shown[:200]!r}"


def scan_exception(exc: BaseException, secrets: Iterable[str]) -> None:
    """No secret in the exception's str, repr, args or attributes."""
    secrets = list(secrets)
    assert_no_secrets([exc, *exc.args], secrets)
    assert_no_secrets([v for k, v in vars(exc).items() if k != "body"], secrets)


def log_text(caplog: pytest.LogCaptureFixture) -> str:
    """Every captured record of the tmdb_async logger, formatted."""
    return "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("tmdb_async"))


def debug_logs(caplog: pytest.LogCaptureFixture) -> None:
    """Capture the tmdb_async logger at DEBUG."""
    caplog.set_level(logging.DEBUG, logger="tmdb_async")


@cache
def _spec() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (SHARED / "tmdb-api-v3.openapi.json").read_text(encoding="utf-8")
    )
    return data


def spec_example(path: str, method: str = "get", status: str = "200") -> Any:
    """The example response of one operation in TMDB's official OpenAPI document."""
    content = _spec()["paths"][path][method]["responses"][status]["content"]
    example = content["application/json"]["examples"]["Result"]["value"]
    return json.loads(example)


def spec_request(path: str, method: str) -> Any:
    """The example request body of one operation in TMDB's official OpenAPI document."""
    body = _spec()["paths"][path][method]["requestBody"]["content"]["application/json"]
    return body["examples"]["Request Example"]["value"]


def method_of(view: object, name: str) -> Any:
    """A user view's method by its dotted name: ``method_of(user, "favorites.movies")``."""
    target: Any = view
    for part in name.split("."):
        target = getattr(target, part)
    return target
