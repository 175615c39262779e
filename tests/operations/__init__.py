"""Every TMDB operation and the public SDK call that reaches it.

One module per TMDB area (``v3_movies.py``, ``v4_lists.py`` ...) defines ``CALLS``: a dict
from ``"METHOD /path/template"`` (the official document's path for v3, ../V4.md's for v4)
to a coroutine function taking a :class:`Context` (the client and the user credentials
and ids a call needs) and making that call through the public API. Each call is run twice:

- ``tests/operations/test_every_operation.py`` runs it against a loopback server that answers every
  operation with its documented example and records which operation each request reached
  (the context holds fake credentials: :func:`fake_context`);
- ``tests/sandbox/test_sdk_walk.py`` runs it against the real
  :class:`~tmdb_async.testing.Sandbox`, with a context of real credentials made there
  first (a session, a guest session, a v4 user token, lists ...), so ids in calls are ids
  the sandbox's data has (Fight Club 550, Breaking Bad 1396, Brad Pitt's 287 ...).

A module may also define ``ANSWERS``: a dict from the same keys to ``(status, body)`` for
operations the official v3 document has no example for (the v4 API).
"""

from __future__ import annotations

import importlib
import json
import pkgutil
from collections.abc import Awaitable, Callable

import attrs

from tests.conftest import SHARED
from tmdb_async import GuestSession, RequestToken, Session, TMDBClient, V4AccessToken

__all__ = [
    "V3_OPERATIONS",
    "V4_OPERATIONS",
    "V4_RECOMMENDATIONS",
    "Call",
    "Context",
    "all_answers",
    "all_calls",
    "fake_context",
]

#: TMDB's v3 operations, ``"METHOD /path/template"``, in the official document's order.
V3_OPERATIONS: tuple[str, ...] = tuple(
    f"{method.upper()} {path}"
    for path, ops in json.loads((SHARED / "tmdb-api-v3.openapi.json").read_text(encoding="utf-8"))[
        "paths"
    ].items()
    for method in ops
)
#: TMDB's v4 account and list operations (../shared/reference/V4.md, rows 1-19).
V4_OPERATIONS: tuple[str, ...] = (
    "POST /4/auth/request_token",
    "POST /4/auth/access_token",
    "DELETE /4/auth/access_token",
    "GET /4/account/{account_object_id}/lists",
    "GET /4/account/{account_object_id}/movie/favorites",
    "GET /4/account/{account_object_id}/tv/favorites",
    "GET /4/account/{account_object_id}/movie/watchlist",
    "GET /4/account/{account_object_id}/tv/watchlist",
    "GET /4/account/{account_object_id}/movie/rated",
    "GET /4/account/{account_object_id}/tv/rated",
    "POST /4/list",
    "GET /4/list/{list_id}",
    "PUT /4/list/{list_id}",
    "DELETE /4/list/{list_id}",
    "GET /4/list/{list_id}/clear",
    "POST /4/list/{list_id}/items",
    "PUT /4/list/{list_id}/items",
    "DELETE /4/list/{list_id}/items",
    "GET /4/list/{list_id}/item_status",
)
#: V4.md rows 20-21, the account's recommendations (the sandbox serves them too).
V4_RECOMMENDATIONS: tuple[str, ...] = (
    "GET /4/account/{account_object_id}/movie/recommendations",
    "GET /4/account/{account_object_id}/tv/recommendations",
)


@attrs.frozen(kw_only=True)
class Context:
    """What a call needs: the client and user credentials valid where the client points.

    Attributes:
        tmdb: the client (pointed at the loopback recorder or at a sandbox).
        session: a v3 user session.
        account_id: the session's account id.
        guest: a guest session (with some ratings, on a sandbox).
        v4: a v4 user access token with its account object id.
        request_token: a v3 request token approved by the user, not used yet.
        login_token: a v3 request token not approved (for ``validate_with_login``).
        username: the user's name (for ``validate_with_login``).
        password: the user's password.
        v4_request_token: a v4 request token approved by the user, not used yet.
        v3_list: a list of the user's holding movie 550.
        v4_list: a list of the user's holding movie 550 and TV show 1396.
    """

    tmdb: TMDBClient
    session: Session
    account_id: int
    guest: GuestSession
    v4: V4AccessToken
    request_token: RequestToken
    login_token: RequestToken
    username: str
    password: str
    v4_request_token: str
    v3_list: int
    v4_list: int


#: One SDK call: makes its operation's request through the public API, returns the result.
Call = Callable[[Context], Awaitable[object]]

_FAKE_USER_TOKEN = (
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI1YTFiMmMzZDRlNWY2YTdiOGM5ZDBlMWYiLCJzY29wZXMiOlsi"
    "YXBpX3JlYWQiLCJhcGlfd3JpdGUiXSwidmVyc2lvbiI6MX0.c2lnbmF0dXJl"
)


def fake_context(tmdb: TMDBClient) -> Context:
    """A context of made-up credentials, for a server that answers anything."""
    return Context(
        tmdb=tmdb,
        session=Session(session_id="79191836ddaa0da3df76a5ffef6f07ad6ab0c641"),
        account_id=548,
        guest=GuestSession(guest_session_id="1ce82ec1223641636ad4a60b07de3581"),
        v4=V4AccessToken(access_token=_FAKE_USER_TOKEN, account_id="1a2b3c4d5e6f7a8b9c0d1e2f"),
        request_token=RequestToken(request_token="6bc047b88f669d1fb86574f06381005d93d3517a"),
        login_token=RequestToken(request_token="6bc047b88f669d1fb86574f06381005d93d3517a"),
        username="johnny_appleseed",
        password="test123",
        v4_request_token=(
            "eyJhbGciOiJIUzI1NiJ9.eyJzY29wZXMiOlsicGVuZGluZ19yZXF1ZXN0X3Rva2VuIl0sInZlcnNpb24i"
            "OjF9.c2lnbmF0dXJl"
        ),
        v3_list=1,
        v4_list=8678999,
    )


def _modules() -> list[object]:
    return [
        importlib.import_module(f"{__name__}.{info.name}")
        for info in pkgutil.iter_modules(__path__)
        if not info.name.startswith(("_", "test_"))
    ]


def all_calls() -> dict[str, Call]:
    """Every area module's ``CALLS``, merged; a key claimed twice is an error."""
    merged: dict[str, Call] = {}
    for module in _modules():
        for key, call in getattr(module, "CALLS", {}).items():
            assert key not in merged, f"{key} is claimed by two modules"
            merged[key] = call
    return merged


def all_answers() -> dict[str, tuple[int, object]]:
    """Every area module's ``ANSWERS``, merged."""
    merged: dict[str, tuple[int, object]] = {}
    for module in _modules():
        merged.update(getattr(module, "ANSWERS", {}))
    return merged
