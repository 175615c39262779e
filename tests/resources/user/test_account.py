"""``tmdb.for_user(session).account.details``: sessions, the two paths, the Account model."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import API_KEY, FakeSleep, load
from tests.loopback_tmdb import TMDBServer
from tests.user_helpers import only
from tmdb_async import (
    Account,
    Avatar,
    GravatarAvatar,
    GuestSession,
    MissingSessionError,
    Session,
    TMDBAvatar,
    TMDBClient,
    TMDBUsageError,
)
from tmdb_async.errors import AuthenticationFailedError, SessionNotFoundError

SESSION_ID = "5e55105e55105e55105e55105e55105e55105e55"

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
RECORDED = Account(
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
)


@pytest.mark.parametrize("session", [Session(session_id=SESSION_ID), SESSION_ID])
async def test_details_without_account_id(
    session: Session | str, tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.get(
        f"/3/account?session_id={SESSION_ID}",
        payload=load("recorded/tmdblib/account-details.200.json"),
    )
    account = await tmdb_local.for_user(session).account.details()
    assert account == RECORDED
    only(tmdb_server, "GET", "/3/account", {"session_id": SESSION_ID})


@pytest.mark.parametrize("session", [Session(session_id=SESSION_ID), SESSION_ID])
async def test_details_with_account_id(
    session: Session | str, tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.get(
        f"/3/account/548?session_id={SESSION_ID}",
        payload=load("docs/official-v3-spec-examples/account-details.200.json"),
    )
    assert await tmdb_local.for_user(session, account_id=548).account.details() == TRAVIS
    only(tmdb_server, "GET", "/3/account/548", {"session_id": SESSION_ID})


async def test_details_with_api_key(tmdb_local_key: TMDBClient, tmdb_server: TMDBServer) -> None:
    tmdb_server.get(
        f"/3/account/548?api_key={API_KEY}&session_id={SESSION_ID}",
        payload=load("docs/official-v3-spec-examples/account-details.200.json"),
    )
    assert await tmdb_local_key.for_user(SESSION_ID, account_id=548).account.details() == TRAVIS
    query = {"api_key": API_KEY, "session_id": SESSION_ID}
    only(tmdb_server, "GET", "/3/account/548", query, bearer=None)


async def test_details_defaults_for_missing_fields(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    # Forward compatible: unknown keys ignored, missing optional ones defaulted.
    tmdb_server.get(
        f"/3/account?session_id={SESSION_ID}",
        payload={"id": 7, "brand_new_field": {"x": 1}},
    )
    assert await tmdb_local.for_user(SESSION_ID).account.details() == Account(
        id=7,
        username="",
        name="",
        include_adult=False,
        iso_639_1=None,
        iso_3166_1=None,
        avatar=Avatar(gravatar=GravatarAvatar(hash=None), tmdb=TMDBAvatar(avatar_path=None)),
    )


@pytest.mark.parametrize(
    "guest",
    [
        GuestSession(guest_session_id="1ce82ec1223641636ad4a60b07de3581"),
    ],
)
async def test_guest_or_no_session_is_refused_before_io(
    guest: Any, tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    with pytest.raises(MissingSessionError, match="user session") as info:
        await tmdb_local.for_user(guest).account.details()
    assert isinstance(info.value, TMDBUsageError)
    assert "1ce82ec1223641636ad4a60b07de3581" not in str(info.value)
    assert tmdb_server.calls() == []


@pytest.mark.parametrize(
    ("bad", "named"),
    [("", "session_id"), ("has space", "session_id"), (12345, "for_user"), (b"bytes", "for_user")],
)
async def test_bad_session_id_is_refused_before_io(
    bad: Any, named: str, tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    with pytest.raises(TMDBUsageError, match=named):
        await tmdb_local.for_user(bad).account.details()
    assert tmdb_server.calls() == []


@pytest.mark.parametrize("bad", [0, -548, True, "548", 5.0])
async def test_bad_account_id_is_refused_before_io(
    bad: Any, tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    with pytest.raises(TMDBUsageError, match="account_id"):
        await tmdb_local.for_user(SESSION_ID, account_id=bad).account.details()
    assert tmdb_server.calls() == []


@pytest.mark.parametrize(
    ("status", "code", "error"),
    [(401, 3, AuthenticationFailedError), (404, 37, SessionNotFoundError)],
)
async def test_refused_session_is_a_typed_error(
    status: int,
    code: int,
    error: type[Exception],
    tmdb_local: TMDBClient,
    tmdb_server: TMDBServer,
    fake_sleep: FakeSleep,
) -> None:
    tmdb_server.get(
        f"/3/account?session_id={SESSION_ID}",
        status=status,
        payload={"success": False, "status_code": code, "status_message": "nope"},
    )
    with pytest.raises(error) as info:
        await tmdb_local.for_user(SESSION_ID).account.details()
    assert info.value.tmdb_code == code  # type: ignore[attr-defined]
    # The session id is redacted from the URL the error carries.
    assert SESSION_ID not in str(info.value)
    assert info.value.url == f"{tmdb_server.base_url}/3/account?session_id=***"  # type: ignore[attr-defined]
    assert len(tmdb_server.calls()) == 1
    assert fake_sleep.waits == []
