"""Text that UTF-8 cannot encode (a lone surrogate) is refused before any I/O.

Issue 13, defect 7: such a string was silently altered and sent (a search for
``"al\\ud800ien"`` went out as ``alien``, ``/3/movie/\\ud800`` as ``/3/movie/``, a session id
with the character dropped, ``login`` sent all three requests with such a password), and
on one path a raw ``UnicodeEncodeError`` escaped whose repr held the session id. Now:
``TMDBUsageError`` naming the parameter, never showing the value.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from tests.conftest import READ_TOKEN
from tests.loopback_tmdb import TMDBServer
from tmdb_async import Session, TMDBClient, TMDBUsageError

SID = "0123456789abcdef0123456789abcdef0123\ud800"
PASSWORD = "correct-horse\udfff-battery"

Call = Callable[[TMDBClient], Awaitable[Any]]


async def _view(tmdb_local: TMDBClient, user: Any) -> None:
    tmdb_local.for_user(user, account_id=548)  # a view checks its session id when made
    raise AssertionError("the view was made")


CASES: list[tuple[str, Call, str]] = [
    ("search query", lambda t: t.search.movie("al\ud800ien"), "query"),
    ("raw path", lambda t: t.request_json("GET", "/3/movie/\ud800"), "path"),
    (
        "raw param value",
        lambda t: t.request_json("GET", "/3/search/movie", params={"query": "a\ud800"}),
        "query",
    ),
    (
        "raw param name",
        lambda t: t.request_json("GET", "/3/search/movie", params={"q\ud800": "x"}),
        "a params name",
    ),
    (
        "raw JSON body",
        lambda t: t.request_json("POST", "/3/list", json={"name": "x", "tags": ["a\ud800"]}),
        "an item of json['tags']",
    ),
    (
        "raw JSON key",
        lambda t: t.request_json("POST", "/3/list", json={"n\ud800": 1}),
        "a key of json",
    ),
    ("raw secrets", lambda t: t.request_json("GET", "/3/movie/11", secrets=[SID]), "secrets"),
    (
        "session id param",
        lambda t: t.request_json("GET", "/3/account/548", params={"session_id": SID}),
        "session_id",
    ),
    ("logout by Session", lambda t: t.auth.delete_session(Session(session_id=SID)), "session_id"),
    ("logout by id", lambda t: t.auth.delete_session(SID), "session_id"),
    ("user view", lambda t: _view(t, Session(session_id=SID)), "session_id"),
    ("user view by id", lambda t: _view(t, SID), "session_id"),
    ("login password", lambda t: t.auth.login("travisbell", PASSWORD), "password"),
    ("login username", lambda t: t.auth.login("travis\ud800", "pw"), "username"),
    (
        "validate_with_login",
        lambda t: t.auth.validate_with_login("a" * 40, "travisbell", PASSWORD),
        "password",
    ),
    ("request token", lambda t: t.auth.create_session("a" * 39 + "\ud800"), "request_token"),
    ("find id", lambda t: t.find.by_id("@x\ud800", external_source="twitter_id"), "segment"),
]


@pytest.mark.parametrize(("call", "name"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
async def test_a_lone_surrogate_is_refused_before_any_io(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer, call: Call, name: str
) -> None:
    with pytest.raises(TMDBUsageError) as info:
        await call(tmdb_local)
    err = info.value
    assert name in str(err)
    assert "UTF-8" in str(err)
    assert tmdb_server.calls() == []
    for shown in (str(err), repr(err)):
        assert "\ud800" not in shown
        assert "\udfff" not in shown
        assert SID[:36] not in shown
        assert "correct-horse" not in shown
    assert err.__cause__ is None
    assert err.__context__ is None or not isinstance(err.__context__, UnicodeError)


async def test_a_session_with_a_lone_surrogate_is_refused_by_a_view(tmdb_local: TMDBClient) -> None:
    with pytest.raises(TMDBUsageError, match="session_id") as info:
        tmdb_local.for_user(Session(session_id=SID))
    assert SID[:36] not in str(info.value)


def test_a_user_agent_with_a_lone_surrogate_is_refused() -> None:
    with pytest.raises(TMDBUsageError, match="user_agent"):
        TMDBClient(access_token=READ_TOKEN, user_agent="my-app\ud800/1.0")


async def test_ordinary_non_ascii_text_still_goes_out_encoded(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.get(
        "/3/search/movie",
        query={"query": "Amélie 🎬", "page": "1"},
        payload={"page": 1, "results": [], "total_pages": 0, "total_results": 0},
    )
    page = await tmdb_local.search.movie("Amélie 🎬")
    assert page.results == []
    assert tmdb_server.only_call().query == {"query": "Amélie 🎬", "page": "1"}
