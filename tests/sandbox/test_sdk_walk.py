"""Every operation through the public SDK against the real sandbox: "meet in the middle".

``tests/operations/test_every_operation.py`` proves each SDK call of ``tests/operations``
reaches its operation on a server answering the documented examples;
``tests/sandbox/test_every_operation.py`` proves the sandbox answers each operation with a
body its schema accepts. This walk joins
the two: each of the 152 v3 and 19 v4 calls runs through :class:`~tmdb_async.TMDBClient`
against a fresh :class:`~tmdb_async.testing.Sandbox`, with real credentials made there
first (a session, a guest session, a v4 user token, approved request tokens, a v3 and a v4
list, ratings, favourites and watchlist entries). The call must reach its operation, be
answered with a success (the sandbox's real ``500``/code 11 list delete included, which the
SDK turns into a success), and return models built from the sandbox's data.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from tests.operations import V3_OPERATIONS, V4_OPERATIONS, Context, all_calls
from tests.operations.test_every_operation import _match, _no_raw_json
from tmdb_async import RequestToken, TMDBAPIError, TMDBClient
from tmdb_async.testing import ManualClock, Sandbox

CALLS = all_calls()


async def sandbox_context(sb: Sandbox, tmdb: TMDBClient) -> Context:
    """Real credentials and user data on ``sb``, made through the SDK (or the approval twin)."""
    user = sb.user()
    session = sb.login(user.username)
    view = tmdb.for_user(session, account_id=user.id)
    guest = await tmdb.auth.create_guest_session()
    v4_token = await tmdb.auth.create_v4_request_token()
    sb.approve(v4_token)
    v4 = await tmdb.auth.create_v4_access_token(v4_token)
    request_token = await tmdb.auth.create_request_token()
    sb.approve(request_token)
    login_token = await tmdb.auth.create_request_token()
    v4_request_token = await tmdb.auth.create_v4_request_token()
    sb.approve(v4_request_token)

    v3_list = (await view.lists.create("Walk", description="SDK walk")).list_id
    await view.lists.add(v3_list, 550)
    v4_view = tmdb.for_user(v4)
    v4_list = (await v4_view.lists.create("Walk v4")).id
    await v4_view.lists.add(v4_list, [("movie", 550), ("tv", 1396)])

    # History, so rated/favourite/watchlist pages are not empty and deletes have a target.
    await view.ratings.rate_movie(550, 8.5)
    await view.ratings.rate_tv(1396, 9)
    await view.ratings.rate_episode(1396, 1, 1, 10)
    for media, media_id in (("movie", 550), ("tv", 1396)):
        await view.favorites.add(media, media_id)  # type: ignore[arg-type]
        await view.watchlist.add(media, media_id)  # type: ignore[arg-type]
    guest_view = tmdb.for_user(guest)
    await guest_view.ratings.rate_movie(550, 7)
    await guest_view.ratings.rate_tv(1396, 7)
    await guest_view.ratings.rate_episode(1396, 1, 1, 7)
    return Context(
        tmdb=tmdb,
        session=session,
        account_id=user.id,
        guest=guest,
        v4=v4,
        request_token=request_token,
        login_token=RequestToken(request_token=login_token.request_token),
        username=user.username,
        password=user.password,
        v4_request_token=v4_request_token.request_token,
        v3_list=v3_list,
        v4_list=v4_list,
    )


@pytest.fixture
async def walk() -> AsyncIterator[tuple[Sandbox, Context]]:
    async with Sandbox(clock=ManualClock()) as sb, sb.client(retry=None) as tmdb:
        context = await sandbox_context(sb, tmdb)
        sb.clear_requests()
        yield sb, context


def test_the_walk_covers_every_operation() -> None:
    assert set(CALLS) == set(V3_OPERATIONS + V4_OPERATIONS)


@pytest.mark.parametrize("key", sorted(CALLS))
async def test_sdk_call_on_the_sandbox(key: str, walk: tuple[Sandbox, Context]) -> None:
    sb, context = walk
    result: Any = await CALLS[key](context)
    assert sb.requests, "no request was made"
    reached = [(_match(r.method, r.path), r.status) for r in sb.requests]
    if key == "DELETE /3/list/{list_id}":
        # TMDB's real answer (WIRE.md 4.3): 500 with code 11, the list deleted all the same;
        # the SDK confirms with a read that finds nothing.
        assert reached == [(key, 500), ("GET /3/list/{list_id}", 404)]
    else:
        last, status = reached[-1]
        assert last == key, f"reached {reached}"
        assert 200 <= status < 300, reached
    _no_raw_json(result)
    if key.startswith("GET ") and (key.endswith("/lists") or any(w in key for w in _USER_PAGES)):
        # The history made first shows: the user's pages are not empty.
        assert result.results, f"{key}: empty page"


#: Paths (and any ``.../lists``) of the user pages the context's history fills.
_USER_PAGES = ("/rated", "/favorite", "/watchlist")


async def test_approve_and_deny_take_the_sdks_v4_request_token() -> None:
    """``Sandbox.approve``/``deny`` accept the V4RequestToken the SDK returns (they were
    typed for v3 tokens and strings only, though documented for v4 tokens too)."""
    async with Sandbox() as sb, sb.client() as tmdb:
        approved = await tmdb.auth.create_v4_request_token()
        assert sb.approve(approved) == sb.user()
        access = await tmdb.auth.create_v4_access_token(approved)
        assert access.account_id == sb.user().object_id()
        denied = await tmdb.auth.create_v4_request_token()
        sb.deny(denied)
        with pytest.raises(TMDBAPIError) as info:
            await tmdb.auth.create_v4_access_token(denied)
        assert (info.value.http_status, info.value.tmdb_code) == (422, 41)
