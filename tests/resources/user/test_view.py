"""``tmdb.for_user(...)``: cheap views sharing one pool, account id caching, guest and v4."""

from __future__ import annotations

import asyncio
import subprocess
import sys

import pytest

from tests.conftest import API_KEY, READ_TOKEN, load
from tests.loopback_tmdb import TMDBServer
from tests.user_helpers import (
    ACCOUNT_ID,
    GUEST_ID,
    SESSION_ID,
    USER_TOKEN,
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
    CredentialError,
    GuestSession,
    MissingSessionError,
    Session,
    TMDBClient,
    TMDBUsageError,
    UserView,
    V4AccessToken,
    V4UserView,
)
from tmdb_async.errors import AuthenticationFailedError

ACCOUNT = load("docs/official-v3-spec-examples/account-details.200.json")
GUEST = GuestSession(guest_session_id=GUEST_ID)
SESSION = Session(session_id=SESSION_ID)
V4 = V4AccessToken(access_token=USER_TOKEN, account_id=V4_ACCOUNT)
CONVERTED = "2629f70fb498edc263a0adb99118ac41f0053e8c"


async def test_thousands_of_views_share_one_pool_and_open_nothing(tmdb: TMDBClient) -> None:
    core = tmdb._core
    views: list[UserView | V4UserView]
    views = [tmdb.for_user(Session(session_id=f"{i:040x}")) for i in range(3000)]
    views += [tmdb.for_user(GuestSession(guest_session_id=f"{i:032x}")) for i in range(1000)]
    views += [tmdb.for_user(USER_TOKEN) for _ in range(1000)]
    assert core.pool._session is None  # no aiohttp session was created by making views
    assert all(v._core.pool is core.pool for v in views)
    # v3 and guest views reuse one Core: the client's, marked private (never cached)
    assert all(v._core is core.private() for v in views[:4000])
    assert not core.private().cacheable
    assert all(not hasattr(v, "__dict__") for v in views[:1])  # slotted: small
    session = core.pool.session()
    assert all(v._core.pool.session() is session for v in views[::250])


async def test_account_id_is_looked_up_once_for_concurrent_callers(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    # Every caller starts before the one answer can come: it is held until all are waiting.
    answer = asyncio.Event()
    tmdb_server.get(
        f"/3/account?session_id={SESSION_ID}", payload=ACCOUNT, repeat=True, wait=answer
    )
    user = tmdb_local.for_user(SESSION)
    lookups = asyncio.gather(*(user.account.id() for _ in range(25)))
    await asyncio.wait_for(tmdb_server.received(1), 5)
    answer.set()
    ids = await lookups
    assert ids == [ACCOUNT_ID] * 25
    only(tmdb_server, "GET", "/3/account", {"session_id": SESSION_ID})
    assert await user.account.id() == ACCOUNT_ID
    assert len(tmdb_server.calls()) == 1
    assert repr(user) == "<UserView kind='session' account_id=548>"


async def test_a_failed_lookup_is_not_cached(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    url = f"/3/account?session_id={SESSION_ID}"
    tmdb_server.get(
        url,
        status=401,
        payload={"success": False, "status_code": 3, "status_message": "Authentication failed"},
    )
    tmdb_server.get(url, payload=ACCOUNT)
    user = tmdb_local.for_user(SESSION_ID)
    with pytest.raises(AuthenticationFailedError) as info:
        await user.account.id()
    scan_exception(info.value, [SESSION_ID, READ_TOKEN])
    assert await user.account.id() == ACCOUNT_ID
    assert len(tmdb_server.calls()) == 2


async def test_given_account_id_skips_the_lookup(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    user = tmdb_local.for_user(SESSION, account_id=7)
    assert await user.account.id() == 7
    assert tmdb_server.calls() == []
    tmdb_server.get(f"/3/account/7?session_id={SESSION_ID}", payload=ACCOUNT)
    account = await user.account.details()
    assert account.username == "travisbell"
    only(tmdb_server, "GET", "/3/account/7", {"session_id": SESSION_ID})


async def test_details_caches_the_account_id(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.get(f"/3/account?session_id={SESSION_ID}", payload=ACCOUNT)
    user = tmdb_local.for_user(SESSION)
    account = await user.account.details()
    assert isinstance(account, Account)
    assert account.id == ACCOUNT_ID
    assert await user.account.id() == ACCOUNT_ID
    assert len(tmdb_server.calls()) == 1


async def test_api_key_session_view(tmdb_local_key: TMDBClient, tmdb_server: TMDBServer) -> None:
    tmdb_server.get(f"/3/account?api_key={API_KEY}&session_id={SESSION_ID}", payload=ACCOUNT)
    assert await tmdb_local_key.for_user(SESSION).account.id() == ACCOUNT_ID
    only(
        tmdb_server,
        "GET",
        "/3/account",
        {"api_key": API_KEY, "session_id": SESSION_ID},
        bearer=None,
    )


# --------------------------------------------------------------------------- guest


async def test_guest_view_refuses_account_operations_locally(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    guest = tmdb_local.for_user(GUEST)
    assert guest.is_guest
    assert guest.kind == "guest"
    operations = [
        guest.account.id(),
        guest.session_id(),
        guest.account.details(),
        guest.favorites.add("movie", 11),
        guest.favorites.remove("tv", 1396),
        guest.watchlist.add("movie", 11),
        guest.watchlist.remove("movie", 11),
        guest.favorites.movies(),
        guest.watchlist.tv(),
        guest.lists.mine(),
        guest.lists.create("x"),
        guest.lists.add(1, 11),
        guest.lists.clear(1, confirm=True),
        guest.lists.delete(1),
        guest.logout(),
    ]
    for operation in operations:
        with pytest.raises(MissingSessionError) as info:
            await operation
        assert GUEST_ID not in str(info.value)
    assert tmdb_server.calls() == []


def test_guest_view_has_no_account_id(tmdb: TMDBClient) -> None:
    with pytest.raises(MissingSessionError):
        tmdb.for_user(GUEST, account_id=1)


# --------------------------------------------------------------------------- v4


@pytest.mark.parametrize("given", [V4, USER_TOKEN])
async def test_v4_view_converts_once_and_sends_the_user_token(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer, caplog: pytest.LogCaptureFixture, given: object
) -> None:
    debug_logs(caplog)

    answer = asyncio.Event()
    tmdb_server.post(
        "/3/authentication/session/convert/4",
        payload={"success": True, "session_id": CONVERTED},
        repeat=True,
        wait=answer,
    )
    tmdb_server.get(f"/3/account?session_id={CONVERTED}", payload=ACCOUNT, repeat=True)
    user = tmdb_local.for_user(given)  # type: ignore[call-overload]
    assert user.kind == "v4"
    # From the V4AccessToken, or from the bare token's "sub" claim.
    assert user.account.object_id == V4_ACCOUNT
    lookups = asyncio.gather(*(user.account.id() for _ in range(10)))
    await asyncio.wait_for(tmdb_server.received(1), 5)  # the conversion, held
    answer.set()
    ids = await lookups
    assert ids == [ACCOUNT_ID] * 10
    assert len(tmdb_server.calls()) == 2
    # The conversion is an application call (read token); account calls carry the user's.
    request(
        tmdb_server,
        0,
        "POST",
        "/3/authentication/session/convert/4",
        body={"access_token": USER_TOKEN},
        bearer=READ_TOKEN,
    )
    request(tmdb_server, 1, "GET", "/3/account", {"session_id": CONVERTED}, bearer=USER_TOKEN)
    assert await user.session_id() == CONVERTED
    assert_no_secrets([user, log_text(caplog)], [USER_TOKEN, CONVERTED, READ_TOKEN])


async def test_v4_view_needs_a_read_token_client(tmdb_key: TMDBClient) -> None:
    with pytest.raises(CredentialError) as info:
        tmdb_key.for_user(V4)
    assert_no_secrets([info.value], [USER_TOKEN, API_KEY])


async def test_v4_view_logout_deletes_session_and_token(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.post(
        "/3/authentication/session/convert/4",
        payload={"success": True, "session_id": CONVERTED},
    )
    tmdb_server.delete("/3/authentication/session", payload={"success": True})
    tmdb_server.delete("/4/auth/access_token", payload={"success": True, "status_code": 13})
    user = tmdb_local.for_user(V4, account_id=ACCOUNT_ID)
    await user.session_id()
    await user.logout()
    calls = tmdb_server.calls()
    assert [(c.method, c.path) for c in calls] == [
        ("POST", "/3/authentication/session/convert/4"),
        ("DELETE", "/3/authentication/session"),
        ("DELETE", "/4/auth/access_token"),
    ]
    request(tmdb_server, 1, "DELETE", "/3/authentication/session", body={"session_id": CONVERTED})
    request(tmdb_server, 2, "DELETE", "/4/auth/access_token", body={"access_token": USER_TOKEN})


async def test_v4_view_logout_without_conversion_deletes_only_the_token(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.delete("/4/auth/access_token", payload={"success": True})
    await tmdb_local.for_user(V4).logout()
    only(tmdb_server, "DELETE", "/4/auth/access_token", body={"access_token": USER_TOKEN})


async def test_session_view_logout(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    tmdb_server.delete("/3/authentication/session", payload={"success": True})
    await tmdb_local.for_user(SESSION).logout()
    only(tmdb_server, "DELETE", "/3/authentication/session", body={"session_id": SESSION_ID})


# --------------------------------------------------------------------------- construction


@pytest.mark.parametrize("given", [None, 123, b"bytes", "", "has space", Account(id=1)])
def test_for_user_rejects_what_it_cannot_use(tmdb: TMDBClient, given: object) -> None:
    with pytest.raises(TMDBUsageError):
        tmdb.for_user(given)  # type: ignore[call-overload]


@pytest.mark.parametrize("account_id", [0, -1, True, "548"])
def test_for_user_checks_the_account_id(tmdb: TMDBClient, account_id: object) -> None:
    with pytest.raises(TMDBUsageError):
        tmdb.for_user(SESSION, account_id=account_id)  # type: ignore[call-overload]


def test_plain_strings_pick_the_kind(tmdb: TMDBClient) -> None:
    assert tmdb.for_user(SESSION_ID).kind == "session"
    assert tmdb.for_user(USER_TOKEN).kind == "v4"
    assert isinstance(tmdb.for_user(SESSION), UserView)


def test_views_never_show_secrets(tmdb: TMDBClient) -> None:
    views = [tmdb.for_user(SESSION), tmdb.for_user(GUEST), tmdb.for_user(V4)]
    assert_no_secrets(views, [SESSION_ID, GUEST_ID, USER_TOKEN, READ_TOKEN])
    assert_no_secrets([V4, SESSION, GUEST], [SESSION_ID, GUEST_ID, USER_TOKEN])


def test_each_view_class_takes_its_kind_of_user(tmdb: TMDBClient) -> None:
    assert type(tmdb.for_user(V4)) is V4UserView
    assert type(tmdb.for_user(USER_TOKEN)) is V4UserView
    assert type(tmdb.for_user(SESSION)) is UserView
    assert type(tmdb.for_user(GuestSession(guest_session_id=GUEST_ID))) is UserView
    with pytest.raises(TMDBUsageError, match="V4UserView"):
        UserView(tmdb._core, V4)
    with pytest.raises(TMDBUsageError, match="v4 user token"):
        V4UserView(tmdb._core, SESSION)


def test_user_namespace_modules_load_on_first_use_only() -> None:
    code = (
        "import sys, tmdb_async\n"
        "names = ['account', 'favorites', 'ratings', 'lists', 'v4_lists', 'recommendations']\n"
        "mods = ['tmdb_async.resources.user.' + n for n in names]\n"
        "assert not sys.modules.keys() & set(mods), sys.modules.keys() & set(mods)\n"
        f"tmdb = tmdb_async.TMDBClient(access_token={READ_TOKEN!r})\n"
        f"user = tmdb.for_user({SESSION_ID!r})\n"
        "assert not sys.modules.keys() & set(mods)\n"
        "user.account, user.favorites, user.watchlist, user.ratings, user.lists\n"
        f"v4 = tmdb.for_user({USER_TOKEN!r})\n"
        "v4.lists, v4.recommendations\n"
        "assert sys.modules.keys() >= set(mods), set(mods) - sys.modules.keys()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
