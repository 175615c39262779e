"""v3 lists through a user view: create, details, add / remove, item status, clear, delete."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import READ_TOKEN, FakeSleep, load
from tests.loopback_tmdb import TMDBServer
from tests.user_helpers import (
    ACCOUNT_ID,
    SESSION_ID,
    only,
    request,
    scan_exception,
    spec_example,
    spec_request,
)
from tmdb_async import (
    ListCreated,
    ListDetails,
    ListItemStatus,
    MissingSessionError,
    Session,
    StatusResponse,
    TMDBAPIError,
    TMDBClient,
    TMDBUsageError,
    make_converter,
)
from tmdb_async.errors import (
    DuplicateEntryError,
    EditPermissionError,
    InternalServerError,
    ResourceNotFoundError,
    ServerError,
)
from tmdb_async.models.auth import GuestSession
from tmdb_async.resources.user import UserView
from tmdb_async.resources.user.lists import LIST_DELETED

STRICT = make_converter(forbid_extra_keys=True)
Q = {"session_id": SESSION_ID}


@pytest.fixture
def user(tmdb_local: TMDBClient) -> UserView:
    return tmdb_local.for_user(Session(session_id=SESSION_ID), account_id=ACCOUNT_ID)


async def test_create_list_matches_the_spec(user: UserView, tmdb_server: TMDBServer) -> None:
    body = spec_request("/3/list", "post")
    tmdb_server.post(
        f"/3/list?session_id={SESSION_ID}", status=201, payload=spec_example("/3/list", "post")
    )
    created = await user.lists.create(
        body["name"], description=body["description"], language=body["language"]
    )
    assert created == ListCreated(
        list_id=5861,
        success=True,
        status_code=1,
        status_message="The item/record was created successfully.",
    )
    only(tmdb_server, "POST", "/3/list", Q, body=body)


async def test_create_list_minimal_body(user: UserView, tmdb_server: TMDBServer) -> None:
    tmdb_server.post(
        f"/3/list?session_id={SESSION_ID}",
        payload={"success": True, "status_code": 1, "list_id": 7},
    )
    assert (await user.lists.create("Mine")).list_id == 7
    only(tmdb_server, "POST", "/3/list", Q, body={"name": "Mine", "description": ""})


async def test_create_list_is_never_repeated_blindly(
    user: UserView, tmdb_server: TMDBServer
) -> None:
    url = f"/3/list?session_id={SESSION_ID}"
    tmdb_server.post(url, status=504, payload={"status_code": 24, "status_message": "timed out"})
    tmdb_server.post(url, payload={"success": True, "status_code": 1, "list_id": 7})
    with pytest.raises(ServerError) as info:
        await user.lists.create("Mine")
    assert len(tmdb_server.calls()) == 1  # a second POST could make a second list
    scan_exception(info.value, [SESSION_ID, READ_TOKEN])


async def test_create_list_with_an_odd_status_is_an_error(
    user: UserView, tmdb_server: TMDBServer
) -> None:
    tmdb_server.post(
        f"/3/list?session_id={SESSION_ID}",
        payload={"success": True, "status_code": 99, "list_id": 7},
    )
    with pytest.raises(TMDBAPIError) as info:
        await user.lists.create("Mine")
    assert info.value.tmdb_code == 99


@pytest.mark.parametrize(
    "kwargs",
    [
        {"name": ""},
        {"name": "   "},
        {"name": 5},
        {"name": "x", "description": None},
        {"name": "x", "language": "en-US"},
        {"name": "x", "language": "EN"},
    ],
)
async def test_create_list_checks_input(
    user: UserView, tmdb_server: TMDBServer, kwargs: dict[str, Any]
) -> None:
    name = kwargs.pop("name")
    with pytest.raises(TMDBUsageError):
        await user.lists.create(name, **kwargs)
    assert tmdb_server.calls() == []


async def test_list_details_matches_the_spec(user: UserView, tmdb_server: TMDBServer) -> None:
    body = spec_example("/3/list/{list_id}")
    tmdb_server.get("/3/list/1?page=1", payload=body)
    details = await user.lists.details(1)
    only(tmdb_server, "GET", "/3/list/1", {"page": "1"})
    assert details == STRICT.structure(body, ListDetails)
    assert details.id == 1  # "1" on the wire
    assert details.name == "The Marvel Universe"
    assert details.created_by == "travisbell"
    assert len(details.items) == body["item_count"] == 59
    assert details.items[0].media_type == "movie"
    assert details.items[0].title == "Spider-Man: No Way Home"


async def test_list_details_page_and_language(user: UserView, tmdb_server: TMDBServer) -> None:
    tmdb_server.get("/3/list/3?language=fr-FR&page=2", payload={"id": 3, "items": []})
    assert (await user.lists.details(3, page=2, language="fr-FR")).id == 3
    only(tmdb_server, "GET", "/3/list/3", {"language": "fr-FR", "page": "2"})


async def test_list_item_status_matches_the_spec(user: UserView, tmdb_server: TMDBServer) -> None:
    tmdb_server.get(
        "/3/list/1/item_status?movie_id=550",
        payload=spec_example("/3/list/{list_id}/item_status"),
    )
    assert await user.lists.item_status(1, 550) == ListItemStatus(id=1, item_present=True)
    only(tmdb_server, "GET", "/3/list/1/item_status", {"movie_id": "550"})


async def test_add_to_list(user: UserView, tmdb_server: TMDBServer) -> None:
    body = spec_request("/3/list/{list_id}/add_item", "post")
    tmdb_server.post(
        f"/3/list/8/add_item?session_id={SESSION_ID}",
        status=201,
        payload=spec_example("/3/list/{list_id}/add_item", "post"),
    )
    result = await user.lists.add(8, body["media_id"])
    assert result.status_code == 12
    only(tmdb_server, "POST", "/3/list/8/add_item", Q, body={"media_id": 18})


async def test_add_to_list_twice_is_a_duplicate(user: UserView, tmdb_server: TMDBServer) -> None:
    tmdb_server.post(
        f"/3/list/8/add_item?session_id={SESSION_ID}",
        status=403,
        payload={"success": False, "status_code": 8, "status_message": "Duplicate entry"},
    )
    with pytest.raises(DuplicateEntryError) as info:
        await user.lists.add(8, 18)
    scan_exception(info.value, [SESSION_ID])


async def test_remove_from_list(user: UserView, tmdb_server: TMDBServer) -> None:
    tmdb_server.post(
        f"/3/list/8/remove_item?session_id={SESSION_ID}",
        payload=spec_example("/3/list/{list_id}/remove_item", "post"),
    )
    result = await user.lists.remove(8, 18)
    assert result == StatusResponse(
        success=True, status_code=13, status_message="The item/record was deleted successfully."
    )
    only(tmdb_server, "POST", "/3/list/8/remove_item", Q, body={"media_id": 18})


async def test_clear_list_needs_confirm(user: UserView, tmdb_server: TMDBServer) -> None:
    for confirm in (False, None, "true", 1):
        with pytest.raises(TMDBUsageError):
            await user.lists.clear(8, confirm=confirm)  # type: ignore[arg-type]
    assert tmdb_server.calls() == []
    tmdb_server.post(
        f"/3/list/8/clear?confirm=true&session_id={SESSION_ID}",
        payload=spec_example("/3/list/{list_id}/clear", "post"),
    )
    assert (await user.lists.clear(8, confirm=True)).status_code == 12
    only(tmdb_server, "POST", "/3/list/8/clear", {"confirm": "true", **Q})


async def test_clear_list_is_retried(
    user: UserView, tmdb_server: TMDBServer, fake_sleep: FakeSleep
) -> None:
    url = f"/3/list/8/clear?confirm=true&session_id={SESSION_ID}"
    tmdb_server.post(url, status=503, payload={"status_code": 9, "status_message": "offline"})
    tmdb_server.post(url, payload={"success": True, "status_code": 12})
    assert (await user.lists.clear(8, confirm=True)).status_code == 12
    assert len(tmdb_server.calls()) == 2


@pytest.mark.parametrize(
    "answer",
    [
        {"status_code": 12, "status_message": "The item/record was updated successfully."},
        load("clients/php-tmdb-api/lists/list_delete.json"),
    ],
)
async def test_delete_list(user: UserView, tmdb_server: TMDBServer, answer: dict[str, Any]) -> None:
    assert spec_example("/3/list/{list_id}", "delete")["status_code"] == 12
    tmdb_server.delete(f"/3/list/8?session_id={SESSION_ID}", payload=answer)
    assert (await user.lists.delete(8)).status_code == answer["status_code"]
    only(tmdb_server, "DELETE", "/3/list/8", Q)


@pytest.mark.parametrize("list_id", [0, -3, True, "8", None])
async def test_list_ids_are_checked(user: UserView, tmdb_server: TMDBServer, list_id: Any) -> None:
    for call in (
        user.lists.details(list_id),
        user.lists.item_status(list_id, 1),
        user.lists.add(list_id, 1),
        user.lists.remove(list_id, 1),
        user.lists.clear(list_id, confirm=True),
        user.lists.delete(list_id),
    ):
        with pytest.raises(TMDBUsageError):
            await call
    assert tmdb_server.calls() == []


async def test_guest_can_read_lists_but_not_edit(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    guest = tmdb_local.for_user(GuestSession(guest_session_id="a" * 32))
    for call in (
        guest.lists.create("x"),
        guest.lists.add(1, 2),
        guest.lists.remove(1, 2),
        guest.lists.clear(1, confirm=True),
        guest.lists.delete(1),
    ):
        with pytest.raises(MissingSessionError):
            await call
    assert tmdb_server.calls() == []
    tmdb_server.get("/3/list/1/item_status?movie_id=2", payload={"id": 1, "item_present": False})
    assert not (await guest.lists.item_status(1, 2)).item_present


# --------------------------------------------------------------------------- delete: TMDB's 500

QUIRK = {
    "success": False,
    "status_code": 11,
    "status_message": "Internal error: Something went wrong, contact TMDb.",
}
GONE = {
    "success": False,
    "status_code": 34,
    "status_message": "The resource you requested could not be found.",
}
DELETE_URL = f"/3/list/8?session_id={SESSION_ID}"


async def test_delete_answered_500_code_11_then_404_is_a_success(
    user: UserView, tmdb_server: TMDBServer, fake_sleep: FakeSleep
) -> None:
    # WIRE.md §4.3: the live API answers a successful delete with 500 / code 11, and the
    # retry finds the list gone.
    tmdb_server.delete(DELETE_URL, status=500, payload=QUIRK)
    tmdb_server.delete(DELETE_URL, status=404, payload=GONE)
    assert await user.lists.delete(8) == StatusResponse(
        success=True, status_code=13, status_message="The item/record was deleted successfully."
    )
    assert len(tmdb_server.calls()) == 2
    request(tmdb_server, 0, "DELETE", "/3/list/8", Q, bearer=READ_TOKEN)
    request(tmdb_server, 1, "DELETE", "/3/list/8", Q, bearer=READ_TOKEN)
    assert fake_sleep.waits == [0.5]


async def test_delete_answered_500_code_11_then_13_is_a_success(
    user: UserView, tmdb_server: TMDBServer, fake_sleep: FakeSleep
) -> None:
    tmdb_server.delete(DELETE_URL, status=500, payload=QUIRK)
    tmdb_server.delete(
        DELETE_URL, payload={"success": True, "status_code": 13, "status_message": "ok"}
    )
    assert await user.lists.delete(8) == StatusResponse(status_code=13, status_message="ok")
    assert len(tmdb_server.calls()) == 2


async def test_delete_without_retries_checks_that_the_list_is_gone(tmdb_server: TMDBServer) -> None:
    base = tmdb_server.base_url
    async with TMDBClient(access_token=READ_TOKEN, base_url=base, retry=None) as tmdb:
        user = tmdb.for_user(SESSION_ID, account_id=ACCOUNT_ID)
        tmdb_server.delete(DELETE_URL, status=500, payload=QUIRK)
        tmdb_server.get("/3/list/8?page=1", status=404, payload=GONE)
        assert await user.lists.delete(8) == LIST_DELETED
    assert len(tmdb_server.calls()) == 2
    request(tmdb_server, 0, "DELETE", "/3/list/8", Q)
    request(tmdb_server, 1, "GET", "/3/list/8", {"page": "1"})


async def test_delete_500_with_the_list_still_there_is_an_error(tmdb_server: TMDBServer) -> None:
    base = tmdb_server.base_url
    async with TMDBClient(access_token=READ_TOKEN, base_url=base, retry=None) as tmdb:
        user = tmdb.for_user(SESSION_ID, account_id=ACCOUNT_ID)
        tmdb_server.delete(DELETE_URL, status=500, payload=QUIRK)
        tmdb_server.get("/3/list/8?page=1", payload=spec_example("/3/list/{list_id}"))
        with pytest.raises(InternalServerError) as info:
            await user.lists.delete(8)
    assert (info.value.http_status, info.value.tmdb_code) == (500, 11)
    scan_exception(info.value, [SESSION_ID, READ_TOKEN])


async def test_delete_of_an_unknown_list_is_not_found(
    user: UserView, tmdb_server: TMDBServer
) -> None:
    tmdb_server.delete(DELETE_URL, status=404, payload=GONE)
    with pytest.raises(ResourceNotFoundError):
        await user.lists.delete(8)
    assert len(tmdb_server.calls()) == 1


async def test_delete_lost_in_transport_then_404_is_a_success(
    user: UserView, tmdb_server: TMDBServer, fake_sleep: FakeSleep
) -> None:
    tmdb_server.delete(DELETE_URL, fail="drop")  # the connection closes, no answer
    tmdb_server.delete(DELETE_URL, status=404, payload=GONE)
    assert await user.lists.delete(8) == LIST_DELETED
    assert len(tmdb_server.calls()) == 2


async def test_delete_other_server_errors_are_retried_then_raised(
    user: UserView, tmdb_server: TMDBServer, fake_sleep: FakeSleep
) -> None:
    offline = {"success": False, "status_code": 9, "status_message": "Service offline."}
    tmdb_server.delete(DELETE_URL, status=503, payload=offline, repeat=True)
    with pytest.raises(ServerError) as info:
        await user.lists.delete(8)
    assert info.value.tmdb_code == 9
    assert len(tmdb_server.calls()) == 3  # the default policy: 3 attempts, no GET check


async def test_delete_refused_by_tmdb_is_not_retried(
    user: UserView, tmdb_server: TMDBServer
) -> None:
    body = {"success": False, "status_code": 38, "status_message": "no permission"}
    tmdb_server.delete(DELETE_URL, status=401, payload=body)
    with pytest.raises(EditPermissionError):
        await user.lists.delete(8)
    assert len(tmdb_server.calls()) == 1


async def test_delete_with_an_odd_code_is_an_error(user: UserView, tmdb_server: TMDBServer) -> None:
    tmdb_server.delete(
        DELETE_URL, payload={"success": True, "status_code": 5, "status_message": "?"}
    )
    with pytest.raises(TMDBAPIError) as info:
        await user.lists.delete(8)
    assert info.value.tmdb_code == 5
