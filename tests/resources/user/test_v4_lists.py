"""v4 lists through a v4 user token view (``user.lists``): every call's exact request
(method, URL, query, JSON body, the user's Bearer token) and exact model, the models against
every v4 reference body, and the local checks."""

from __future__ import annotations

import json
import logging
import random
from typing import Any

import attrs
import cattrs
import pytest

from tests.conftest import READ_TOKEN, SHARED, FakeSleep
from tests.core.test_structuring import DETAILED, REPLACEMENTS, _mutate, _paths, typed
from tests.loopback_tmdb import TMDBServer
from tests.user_helpers import USER_TOKEN, V4_ACCOUNT, assert_no_secrets, only, scan_exception
from tmdb_async import (
    ListEntry,
    StatusResponse,
    TMDBAPIError,
    TMDBClient,
    TMDBUsageError,
    V4AccessToken,
    V4List,
    V4ListCleared,
    V4ListCreated,
    V4ListCreator,
    V4ListItem,
    V4ListItemResult,
    V4ListItemsResult,
    V4ListItemStatus,
    V4ListSummary,
    V4UserView,
    make_converter,
)
from tmdb_async._convert import CONVERTER
from tmdb_async.errors import WritePermissionError
from tmdb_async.models.common import Page

V4 = SHARED / "v4"
STRICT = make_converter(forbid_extra_keys=True)
LIST = 8678999


def body(name: str) -> Any:
    return json.loads((V4 / name).read_text(encoding="utf-8"))


@pytest.fixture
def user(tmdb_local: TMDBClient) -> V4UserView:
    return tmdb_local.for_user(V4AccessToken(access_token=USER_TOKEN, account_id=V4_ACCOUNT))


# --------------------------------------------------------------------------- models


@pytest.mark.parametrize(
    "name",
    [
        "adamayoung-TMDb/v4-list.json",
        "adamayoung-TMDb/v4-list-with-images.json",
        "adamayoung-TMDb/v4-list-with-comments.json",
        "moviebase-tmdb-kotlin/list_3321.json",
        "moviebase-tmdb-kotlin/list_82963.json",
        "moviebase-tmdb-kotlin/list_932.json",
    ],
)
def test_every_list_body_fits_the_model(name: str) -> None:
    data = body(name)
    for converter in (CONVERTER, STRICT):
        details = converter.structure(data, V4List)
        assert details.id == data["id"]
        assert details.public is True
        assert isinstance(details.sort_by, str)
        assert len(details.results) == len(data["results"])
        assert set(details.comments) == set(data["comments"])
        assert details.total_results == data["total_results"]


@pytest.mark.parametrize(
    "name",
    [
        "adamayoung-TMDb/v4-account-lists.json",
        "moviebase-tmdb-kotlin/account_lists.json",
        "moviebase-tmdb-kotlin/account_lists.2021.json",
    ],
)
def test_every_account_lists_body_fits_the_model(name: str) -> None:
    data = body(name)
    for converter in (CONVERTER, STRICT):
        page = converter.structure(data, Page[V4ListSummary])
        assert [s.id for s in page.results] == [r["id"] for r in data["results"]]
        for summary, raw in zip(page.results, data["results"], strict=True):
            # TMDB's drift: 0/1 flags, numeric strings, with or without " UTC".
            assert summary.public is bool(raw["public"])
            assert summary.runtime == int(raw["runtime"])
            assert summary.revenue == int(raw["revenue"])
            assert summary.created_at is not None
            assert summary.created_at.tzinfo is not None


def test_the_list_model_exactly() -> None:
    details = CONVERTER.structure(body("adamayoung-TMDb/v4-list.json"), V4List)
    assert details.created_by == V4ListCreator(
        id="1a2b3c4d5e6f7a8b9c0d1e2f",
        username="testuser",
        name="Test User",
        gravatar_hash="0123456789abcdef0123456789abcdef",
        avatar_path="/1AbCdEfGhIjKlMnOpQrStUvWxYz.jpg",
    )
    movie, show = details.results
    assert (movie.media_type, movie.id, movie.title, movie.name) == (
        "movie",
        550,
        "Fight Club",
        None,
    )
    assert (show.media_type, show.id, show.name, show.origin_country) == (
        "tv",
        1399,
        "Game of Thrones",
        ["US"],
    )
    assert details.comments == {"movie:550": "updated comment", "tv:1399": None}
    assert (details.item_count, details.sort_by, details.object_ids) == (
        2,
        "original_order.asc",
        {},
    )


# --------------------------------------------------------------------------- reads


async def test_mine(user: V4UserView, tmdb_server: TMDBServer) -> None:
    data = body("adamayoung-TMDb/v4-account-lists.json")
    tmdb_server.get(f"/4/account/{V4_ACCOUNT}/lists?page=2", payload=data)
    page = await user.lists.mine(page=2)
    only(tmdb_server, "GET", f"/4/account/{V4_ACCOUNT}/lists", {"page": "2"}, bearer=USER_TOKEN)
    assert page == CONVERTER.structure(data, Page[V4ListSummary])
    assert page.results[0].name == "My Watchlist"


async def test_details_puts_each_comment_on_its_item(
    user: V4UserView, tmdb_server: TMDBServer
) -> None:
    data = body("adamayoung-TMDb/v4-list.json")
    tmdb_server.get(f"/4/list/{LIST}?language=de-DE&page=3&sort_by=title.desc", payload=data)
    details = await user.lists.details(LIST, page=3, language="de-DE", sort_by="title.desc")
    only(
        tmdb_server,
        "GET",
        f"/4/list/{LIST}",
        {"language": "de-DE", "page": "3", "sort_by": "title.desc"},
        bearer=USER_TOKEN,
    )
    assert [(i.key, i.comment) for i in details.results] == [
        ("movie:550", "updated comment"),
        ("tv:1399", None),
    ]
    plain = CONVERTER.structure(data, V4List)
    assert details.results[0] == V4ListItem(
        **_fields(plain.results[0]) | {"comment": "updated comment"}
    )
    assert details.results[1] == plain.results[1]  # no comment: as TMDB sent it
    assert details.comments == plain.comments


def _fields(item: V4ListItem) -> dict[str, Any]:
    return {a.name: getattr(item, a.name) for a in attrs.fields(V4ListItem)}


async def test_item_status_present(user: V4UserView, tmdb_server: TMDBServer) -> None:
    tmdb_server.get(
        f"/4/list/{LIST}/item_status?media_id=550&media_type=movie",
        payload=body("adamayoung-TMDb/v4-list-item-status.json"),
    )
    status = await user.lists.item_status(LIST, "movie", 550)
    only(
        tmdb_server,
        "GET",
        f"/4/list/{LIST}/item_status",
        {"media_id": "550", "media_type": "movie"},
        bearer=USER_TOKEN,
    )
    assert status == V4ListItemStatus(item_present=True, media_type="movie", media_id=550, id=LIST)


async def test_item_status_absent_is_tmdbs_404(user: V4UserView, tmdb_server: TMDBServer) -> None:
    tmdb_server.get(
        f"/4/list/{LIST}/item_status?media_id=1399&media_type=tv",
        status=404,
        payload={"success": False, "status_code": 34, "status_message": "not found"},
    )
    status = await user.lists.item_status(LIST, "tv", 1399)
    assert status == V4ListItemStatus(item_present=False, media_type="tv", media_id=1399, id=LIST)
    assert len(tmdb_server.calls()) == 1


# --------------------------------------------------------------------------- writes


async def test_create(user: V4UserView, tmdb_server: TMDBServer) -> None:
    tmdb_server.post(
        "/4/list", status=201, payload=body("adamayoung-TMDb/v4-create-list-result.json")
    )
    created = await user.lists.create(
        "My Watchlist",
        description="Films and shows to catch up on",
        public=False,
        country="US",
        sort_by="original_order.asc",
    )
    only(
        tmdb_server,
        "POST",
        "/4/list",
        body={
            "name": "My Watchlist",
            "iso_639_1": "en",
            "description": "Films and shows to catch up on",
            "public": 0,
            "iso_3166_1": "US",
            "sort_by": "original_order.asc",
        },
        bearer=USER_TOKEN,
    )
    assert created == V4ListCreated(id=LIST, success=True, status_code=1, status_message="Success.")


async def test_create_is_not_repeated_blindly(
    user: V4UserView, tmdb_server: TMDBServer, fake_sleep: FakeSleep
) -> None:
    tmdb_server.post("/4/list", status=503, payload={"status_code": 9, "status_message": "off"})
    with pytest.raises(TMDBAPIError):
        await user.lists.create("Weekend")
    only(
        tmdb_server,
        "POST",
        "/4/list",
        body={"name": "Weekend", "iso_639_1": "en", "description": "", "public": 1},
        bearer=USER_TOKEN,
    )


async def test_write_with_a_read_only_token_is_typed(
    user: V4UserView, tmdb_server: TMDBServer
) -> None:
    # V4.md §2: code 36 with "failure": true.
    answer = {
        "success": False,
        "failure": True,
        "status_code": 36,
        "status_message": "This token hasn't been granted write permission by the user.",
    }
    tmdb_server.post("/4/list", status=401, payload=answer)
    with pytest.raises(WritePermissionError) as info:
        await user.lists.create("Weekend")
    assert (info.value.http_status, info.value.tmdb_code) == (401, 36)
    scan_exception(info.value, [USER_TOKEN, READ_TOKEN])


UPDATED: dict[str, Any] = {"success": True, "status_code": 12, "status_message": "updated"}
DELETED: dict[str, Any] = {"success": True, "status_code": 13, "status_message": "deleted"}


async def test_update_sends_only_what_changes(user: V4UserView, tmdb_server: TMDBServer) -> None:
    tmdb_server.put(f"/4/list/{LIST}", status=201, payload=UPDATED)
    result = await user.lists.update(LIST, description="", public=True, sort_by="title.asc")
    only(
        tmdb_server,
        "PUT",
        f"/4/list/{LIST}",
        body={"description": "", "public": 1, "sort_by": "title.asc"},
        bearer=USER_TOKEN,
    )
    assert result == StatusResponse(**UPDATED)


async def test_update_refused_by_tmdb_is_an_error(
    user: V4UserView, tmdb_server: TMDBServer
) -> None:
    # An unaccepted change: TMDB says success false (V4.md §4.3).
    refused = {"success": False, "status_code": 5, "status_message": "Invalid parameters"}
    tmdb_server.put(f"/4/list/{LIST}", status=200, payload=refused)
    with pytest.raises(TMDBAPIError) as info:
        await user.lists.update(LIST, name="x")
    assert info.value.tmdb_code == 5


async def test_delete(user: V4UserView, tmdb_server: TMDBServer) -> None:
    tmdb_server.delete(f"/4/list/{LIST}", payload=DELETED)
    assert await user.lists.delete(LIST) == StatusResponse(**DELETED)
    only(tmdb_server, "DELETE", f"/4/list/{LIST}", bearer=USER_TOKEN)


async def test_clear_is_a_get_never_retried(
    user: V4UserView, tmdb_server: TMDBServer, fake_sleep: FakeSleep
) -> None:
    tmdb_server.get(
        f"/4/list/{LIST}/clear", payload=body("adamayoung-TMDb/v4-clear-list-result.json")
    )
    cleared = await user.lists.clear(LIST, confirm=True)
    only(tmdb_server, "GET", f"/4/list/{LIST}/clear", bearer=USER_TOKEN)
    assert cleared == V4ListCleared(
        id=LIST, items_deleted=2, success=True, status_code=1, status_message="Success."
    )
    tmdb_server.get(f"/4/list/{LIST}/clear", status=503, payload={"status_code": 9})
    with pytest.raises(TMDBAPIError):
        await user.lists.clear(LIST, confirm=True)
    assert len(tmdb_server.calls()) == 2  # the failed clear was not repeated


ITEMS = body("adamayoung-TMDb/v4-list-items-result.json")
EXPECTED_ITEMS = V4ListItemsResult(
    results=[
        V4ListItemResult(media_type="movie", media_id=550, success=True),
        V4ListItemResult(media_type="tv", media_id=1399, success=True),
    ],
    success=True,
    status_code=1,
    status_message="Success.",
)


async def test_add_items(user: V4UserView, tmdb_server: TMDBServer) -> None:
    tmdb_server.post(f"/4/list/{LIST}/items", payload=ITEMS)
    result = await user.lists.add(LIST, [ListEntry("movie", 550), ("tv", 1399)])
    only(
        tmdb_server,
        "POST",
        f"/4/list/{LIST}/items",
        body={
            "items": [
                {"media_type": "movie", "media_id": 550},
                {"media_type": "tv", "media_id": 1399},
            ]
        },
        bearer=USER_TOKEN,
    )
    assert result == EXPECTED_ITEMS
    assert result.failed == []


async def test_update_items_sends_the_comments(user: V4UserView, tmdb_server: TMDBServer) -> None:
    tmdb_server.put(f"/4/list/{LIST}/items", payload=ITEMS)
    result = await user.lists.update_items(
        LIST, [ListEntry("movie", 550, comment="Amazing movie!"), ("tv", 1399, "")]
    )
    only(
        tmdb_server,
        "PUT",
        f"/4/list/{LIST}/items",
        body={
            "items": [
                {"media_type": "movie", "media_id": 550, "comment": "Amazing movie!"},
                {"media_type": "tv", "media_id": 1399, "comment": ""},
            ]
        },
        bearer=USER_TOKEN,
    )
    assert result == EXPECTED_ITEMS


async def test_remove_items_reports_the_ones_not_there(
    user: V4UserView, tmdb_server: TMDBServer
) -> None:
    tmdb_server.delete(
        f"/4/list/{LIST}/items",
        payload=body("adamayoung-TMDb/v4-list-items-result-partial-failure.json"),
    )
    result = await user.lists.remove(LIST, [("movie", 550)])
    only(
        tmdb_server,
        "DELETE",
        f"/4/list/{LIST}/items",
        body={"items": [{"media_type": "movie", "media_id": 550}]},
        bearer=USER_TOKEN,
    )
    assert result.failed == [V4ListItemResult(media_type="movie", media_id=550, success=False)]


# --------------------------------------------------------------------------- local checks

BAD_CALLS = [
    ("list-id", lambda u: u.lists.details(0), "list_id"),
    ("list-id-bool", lambda u: u.lists.delete(True), "list_id"),
    ("page", lambda u: u.lists.details(1, page=501), "page"),
    ("mine-page", lambda u: u.lists.mine(page=0), "page"),
    ("sort", lambda u: u.lists.details(1, sort_by="popularity.desc"), "sort_by"),
    ("name", lambda u: u.lists.create("  "), "name"),
    ("language", lambda u: u.lists.create("x", language="english"), "language"),
    ("country", lambda u: u.lists.create("x", country="usa"), "country"),
    ("public", lambda u: u.lists.create("x", public=0), "public"),
    ("create-sort", lambda u: u.lists.create("x", sort_by="runtime.asc"), "sort_by"),
    ("update-nothing", lambda u: u.lists.update(1), "at least one"),
    ("update-name", lambda u: u.lists.update(1, name=""), "name"),
    ("clear-confirm", lambda u: u.lists.clear(1, confirm="yes"), "confirm"),
    ("items-empty", lambda u: u.lists.add(1, []), "at least one"),
    ("items-one", lambda u: u.lists.add(1, ListEntry("movie", 1)), "items"),
    ("items-str", lambda u: u.lists.add(1, "movie:550"), "items"),
    ("items-type", lambda u: u.lists.add(1, [("person", 1)]), r"items\[0\].media_type"),
    ("items-id", lambda u: u.lists.add(1, [("movie", 1), ("tv", -2)]), r"items\[1\].media_id"),
    ("items-shape", lambda u: u.lists.remove(1, [550]), r"items\[0\]"),
    ("items-repeat", lambda u: u.lists.add(1, [("tv", 5), ("tv", 5)]), "repeats"),
    ("add-comment", lambda u: u.lists.add(1, [("tv", 5, "hi")]), "comment"),
    ("update-no-comment", lambda u: u.lists.update_items(1, [("tv", 5)]), "comment"),
    ("update-comment-type", lambda u: u.lists.update_items(1, [("tv", 5, 3)]), "comment"),
    ("status-type", lambda u: u.lists.item_status(1, "person", 3), "media_type"),
    ("status-id", lambda u: u.lists.item_status(1, "movie", "3"), "media_id"),
]


@pytest.mark.parametrize(
    ("call", "named"), [c[1:] for c in BAD_CALLS], ids=[c[0] for c in BAD_CALLS]
)
async def test_bad_input_names_the_parameter_before_io(
    user: V4UserView, tmdb_server: TMDBServer, call: Any, named: str
) -> None:
    with pytest.raises(TMDBUsageError, match=named):
        await call(user)
    assert tmdb_server.calls() == []


async def test_no_secret_in_logs_or_reprs(
    user: V4UserView, tmdb_server: TMDBServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="tmdb_async")
    tmdb_server.get(
        f"/4/list/{LIST}/clear", payload=body("adamayoung-TMDb/v4-clear-list-result.json")
    )
    await user.lists.clear(LIST, confirm=True)
    assert_no_secrets([user, user.lists, caplog.text], [USER_TOKEN, READ_TOKEN])


# --------------------------------------------------------------------------- fast structuring

FAST_DOCS: list[tuple[str, Any]] = [
    ("adamayoung-TMDb/v4-list.json", V4List),
    ("adamayoung-TMDb/v4-list-with-comments.json", V4List),
    ("moviebase-tmdb-kotlin/list_3321.json", V4List),
    ("adamayoung-TMDb/v4-account-lists.json", Page[V4ListSummary]),
    ("moviebase-tmdb-kotlin/account_lists.json", Page[V4ListSummary]),
    ("moviebase-tmdb-kotlin/account_lists.2021.json", Page[V4ListSummary]),
    ("adamayoung-TMDb/v4-list-items-result-partial-failure.json", V4ListItemsResult),
    ("adamayoung-TMDb/v4-clear-list-result.json", V4ListCleared),
    ("adamayoung-TMDb/v4-create-list-result.json", V4ListCreated),
    ("adamayoung-TMDb/v4-list-item-status.json", V4ListItemStatus),
]


@pytest.mark.parametrize(("name", "into"), FAST_DOCS, ids=[d[0] for d in FAST_DOCS])
def test_direct_decoding_agrees_with_cattrs(name: str, into: Any) -> None:
    """Where the v4 models are decoded straight from the bytes (msgspec), it is with
    cattrs' results (tests/core/test_structuring.py's check, on the v4 bodies and 200
    mutations each)."""
    conv = make_converter()
    data = body(name)
    got = conv.decode_direct(json.dumps(data).encode(), into)
    if got is not None:  # answers with "success" or date-times go to cattrs
        assert typed(got) == typed(DETAILED.structure(data, into))
    rng = random.Random(name)
    paths = _paths(data)
    for _ in range(200):
        path = rng.choice(paths)
        mutated = _mutate(data, path, rng.choice(REPLACEMENTS), delete=rng.random() < 0.15)
        got = conv.decode_direct(json.dumps(mutated).encode(), into)
        if got is None:
            continue  # the client then structures it with cattrs
        try:
            expected = DETAILED.structure(mutated, into)
        except (cattrs.BaseValidationError, TypeError, ValueError, KeyError) as exc:
            pytest.fail(f"decoded directly what cattrs refuses at {path}: {exc}")
        assert typed(got) == typed(expected), path


async def test_the_user_token_never_reaches_errors_or_logs(
    user: V4UserView,
    tmdb_server: TMDBServer,
    fake_sleep: FakeSleep,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger="tmdb_async")
    # A refusal, a server error retried, and a body that does not fit, each echoing the token.
    echo = {"success": False, "status_code": 3, "status_message": f"bad token {USER_TOKEN}"}
    tmdb_server.post("/4/list", status=401, payload=echo)
    offline = {"success": False, "status_code": 9, "status_message": f"down {USER_TOKEN}"}
    tmdb_server.put(f"/4/list/{LIST}", status=503, payload=offline, repeat=True)
    tmdb_server.get(f"/4/list/{LIST}?page=1", payload={"id": USER_TOKEN})
    raised: list[BaseException] = []
    for call in (
        user.lists.create("x"),
        user.lists.update(LIST, name="y"),
        user.lists.details(LIST),
    ):
        with pytest.raises(TMDBAPIError if len(raised) < 2 else Exception) as info:
            await call
        raised.append(info.value)
    assert [type(e).__name__ for e in raised] == [
        "AuthenticationFailedError",
        "ServiceOfflineError",
        "ResponseValidationError",
    ]
    sent = [c.headers["Authorization"] for c in tmdb_server.calls()]
    assert sent == [f"Bearer {USER_TOKEN}"] * 5  # it was sent (create, 3 updates, details)
    for exc in raised:
        scan_exception(exc, [USER_TOKEN, READ_TOKEN])
    assert_no_secrets([caplog.text], [USER_TOKEN, READ_TOKEN])
    assert any("retrying PUT" in r.getMessage() for r in caplog.records)


async def test_an_unexpected_code_echoing_a_secret_is_redacted(
    tmdb_local: TMDBClient, user: V4UserView, tmdb_server: TMDBServer
) -> None:
    odd = {"success": True, "status_code": 5, "status_message": f"odd {USER_TOKEN}"}
    tmdb_server.delete(f"/4/list/{LIST}", payload=odd)
    with pytest.raises(TMDBAPIError) as info:
        await user.lists.delete(LIST)
    assert info.value.tmdb_code == 5
    assert info.value.tmdb_message == "odd ***"
    scan_exception(info.value, [USER_TOKEN])
    # The same for a v3 session id in a refusal's message.
    sid = "79191836ddaa0da3df76a5ffef6f07ad6ab0c641"
    refused = {"success": False, "status_code": 3, "status_message": f"session {sid} refused"}
    tmdb_server.post(f"/3/movie/11/rating?session_id={sid}", status=401, payload=refused)
    with pytest.raises(TMDBAPIError) as info:
        await tmdb_local.for_user(sid).ratings.rate_movie(11, 5)
    assert info.value.tmdb_message == "session *** refused"
    scan_exception(info.value, [sid])
