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
        Sandbox(clock=ManualClock(), users=USERS, movie_count=300, tv_count=1500) as sb,
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


# --------------------------------------------------------------------------- helpers


async def _session(wire: Wire, username: str = "travisbell") -> dict[str, str]:
    token = await _token(wire)
    wire.sb.approve(token, username)
    body = await wire.ok("POST", "/3/authentication/session/new", json={"request_token": token})
    return {"session_id": body["session_id"]}


async def _v4_user(wire: Wire, username: str = "travisbell") -> tuple[str, str]:
    """A v4 user access token and its account object id."""
    body = await wire.ok("POST", "/4/auth/request_token", json={})
    wire.sb.approve(body["request_token"], username)
    access = await wire.ok(
        "POST", "/4/auth/access_token", json={"request_token": body["request_token"]}
    )
    return access["access_token"], access["account_id"]


# --------------------------------------------------------------------------- ratings and states


async def test_a_rating_shows_in_states_and_rated_lists_of_v3_and_v4_until_deleted(
    wire: Wire,
) -> None:
    user = await _session(wire)
    token, object_id = await _v4_user(wire)
    v4_rated = f"/4/account/{object_id}/movie/rated"
    states = await wire.ok("GET", "/3/movie/11/account_states", params=user)
    assert states == {"id": 11, "favorite": False, "rated": False, "watchlist": False}

    created = await wire.ok("POST", "/3/movie/11/rating", 201, params=user, json={"value": 8.5})
    assert created == {
        "success": True,
        "status_code": 1,
        "status_message": "Success.",
    }
    states = await wire.ok("GET", "/3/movie/11/account_states", params=user)
    assert states["rated"] == {"value": 8.5}
    rated = await wire.ok("GET", "/3/account/548/rated/movies", params=user)
    assert [(i["id"], i["rating"]) for i in rated["results"]] == [(11, 8.5)]
    v4 = await wire.ok("GET", v4_rated, bearer=token)
    (item,) = v4["results"]
    assert (item["id"], item["account_rating"]["value"]) == (11, 8.5)
    assert item["account_rating"]["created_at"] == "2026-01-01T00:00:00.000Z"
    assert "rating" not in item
    assert "media_type" not in item

    updated = await wire.ok("POST", "/3/movie/11/rating", 201, params=user, json={"value": 4})
    assert updated["status_code"] == 12
    assert (await wire.ok("GET", v4_rated, bearer=token))["results"][0]["account_rating"][
        "value"
    ] == 4.0

    deleted = await wire.ok("DELETE", "/3/movie/11/rating", params=user)
    assert deleted["status_code"] == 13
    assert (await wire.ok("GET", "/3/movie/11/account_states", params=user))["rated"] is False
    assert (await wire.ok("GET", "/3/account/548/rated/movies", params=user))["results"] == []
    assert (await wire.ok("GET", v4_rated, bearer=token))["total_results"] == 0


async def test_favourites_and_watchlist_show_in_states_and_in_v4_account_lists(
    wire: Wire,
) -> None:
    user = await _session(wire)
    token, object_id = await _v4_user(wire)
    for which, media, media_id in (("favorite", "tv", 1399), ("watchlist", "movie", 11)):
        body = {"media_type": media, "media_id": media_id, which: True}
        await wire.ok("POST", f"/3/account/548/{which}", 201, params=user, json=body)
    await wire.ok(
        "POST",
        "/3/account/548/watchlist",
        201,
        params=user,
        json={"media_type": "movie", "media_id": 12, "watchlist": True},
    )
    tv = await wire.ok("GET", "/3/tv/1399/account_states", params=user)
    assert (tv["favorite"], tv["watchlist"]) == (True, False)
    favorites = await wire.ok("GET", f"/4/account/{object_id}/tv/favorites", bearer=token)
    assert [i["id"] for i in favorites["results"]] == [1399]
    assert "media_type" not in favorites["results"][0]
    watch = await wire.ok(
        "GET",
        f"/4/account/{object_id}/movie/watchlist",
        bearer=token,
        params={"sort_by": "created_at.desc"},
    )
    assert [(i["id"], i["media_type"]) for i in watch["results"]] == [(12, "movie"), (11, "movie")]
    recommended = await wire.ok(
        "GET", f"/4/account/{object_id}/movie/recommendations", bearer=token
    )
    ids = [i["id"] for i in recommended["results"]]
    assert ids
    assert not {11, 12} & set(ids)
    assert {i["media_type"] for i in recommended["results"]} == {"movie"}


async def test_season_and_episode_account_states(wire: Wire) -> None:
    guest = (await wire.ok("GET", "/3/authentication/guest_session/new"))["guest_session_id"]
    who = {"guest_session_id": guest}
    path = "/3/tv/1399/season/1/episode/2"
    await wire.ok("POST", f"{path}/rating", 201, params=who, json={"value": 9.5})
    episode = await wire.ok("GET", f"{path}/account_states", params=who)
    assert episode["rated"] == {"value": 9.5}
    assert (episode["favorite"], episode["watchlist"]) == (False, False)
    season = await wire.ok("GET", "/3/tv/1399/season/1/account_states", params=who)
    assert [(r["episode_number"], r["rated"]) for r in season["results"][:3]] == [
        (1, False),
        (2, {"value": 9.5}),
        (3, False),
    ]
    assert season["results"][1]["id"] == episode["id"]
    await wire.fails("GET", "/3/tv/1399/season/99/account_states", 404, 34, params=who)
    await wire.fails("GET", f"{path}/account_states", 401, 3, params={"guest_session_id": "x"})
    await wire.ok("DELETE", f"{path}/rating", params=who)
    season = await wire.ok("GET", "/3/tv/1399/season/1/account_states", params=who)
    assert all(r["rated"] is False for r in season["results"])


# --------------------------------------------------------------------------- lists


async def test_a_v3_list_is_a_v4_list_and_the_other_way_round(wire: Wire) -> None:
    user = await _session(wire)
    token, object_id = await _v4_user(wire)
    made_v3 = await wire.ok(
        "POST", "/3/list", 201, params=user, json={"name": "Old", "description": "v3"}
    )
    v3_id = made_v3["list_id"]
    await wire.ok("POST", f"/3/list/{v3_id}/add_item", 201, params=user, json={"media_id": 11})
    made_v4 = await wire.ok(
        "POST",
        "/4/list",
        201,
        bearer=token,
        json={"name": "New", "iso_639_1": "en", "description": "v4"},
    )
    assert made_v4 == {
        "success": True,
        "status_code": 1,
        "status_message": "Success.",
        "id": made_v4["id"],
    }
    v4_id = made_v4["id"]
    added = await wire.ok(
        "POST",
        f"/4/list/{v4_id}/items",
        201,
        bearer=token,
        json={
            "items": [
                {"media_type": "movie", "media_id": 12, "comment": "dropped on add"},
                {"media_type": "tv", "media_id": 1399},
                {"media_type": "movie", "media_id": 12},
                {"media_type": "person", "media_id": 31},
            ]
        },
    )
    assert [r["success"] for r in added["results"]] == [True, True, False, False]

    # v4 reads the v3 list ...
    v4_view = await wire.ok("GET", f"/4/list/{v3_id}", bearer=token)
    assert (v4_view["name"], v4_view["item_count"], v4_view["public"]) == ("Old", 1, True)
    assert v4_view["comments"] == {"movie:11": None}
    assert v4_view["created_by"]["id"] == object_id
    # ... and v3 reads the v4 list, TV show included
    v3_view = await wire.ok("GET", f"/3/list/{v4_id}")
    assert v3_view["id"] == str(v4_id)
    assert [(i["media_type"], i["id"]) for i in v3_view["items"]] == [
        ("movie", 12),
        ("tv", 1399),
    ]
    assert v3_view["created_by"] == "travisbell"
    status = await wire.ok("GET", f"/3/list/{v4_id}/item_status", params={"movie_id": "12"})
    assert status == {"id": v4_id, "item_present": True}
    # both show in the account's lists, v3 and v4 shapes
    v3_lists = await wire.ok("GET", "/3/account/548/lists", params=user)
    assert [(x["id"], x["item_count"]) for x in v3_lists["results"]] == [(v3_id, 1), (v4_id, 2)]
    v4_lists = await wire.ok("GET", f"/4/account/{object_id}/lists", bearer=token)
    row = v4_lists["results"][1]
    assert (row["id"], row["number_of_items"], row["public"], row["sort_by"]) == (v4_id, 2, 1, 1)
    assert isinstance(row["runtime"], str)
    assert row["created_at"].endswith(" UTC")

    # comments: stored by PUT only
    await wire.ok(
        "PUT",
        f"/4/list/{v4_id}/items",
        201,
        bearer=token,
        json={"items": [{"media_type": "tv", "media_id": 1399, "comment": "Winter"}]},
    )
    details = await wire.ok("GET", f"/4/list/{v4_id}", bearer=token)
    assert details["comments"] == {"movie:12": None, "tv:1399": "Winter"}
    present = await wire.ok(
        "GET",
        f"/4/list/{v4_id}/item_status",
        bearer=token,
        params={"media_type": "tv", "media_id": "1399"},
    )
    assert present == {
        "success": True,
        "status_code": 1,
        "status_message": "Success.",
        "id": v4_id,
        "media_id": 1399,
        "media_type": "tv",
    }
    # v3 removes what v4 added; v4's item status then says no with a 404
    await wire.ok("POST", f"/3/list/{v4_id}/remove_item", params=user, json={"media_id": 12})
    await wire.fails(
        "GET",
        f"/4/list/{v4_id}/item_status",
        404,
        34,
        bearer=token,
        params={"media_type": "movie", "media_id": "12"},
    )
    removed = await wire.ok(
        "DELETE",
        f"/4/list/{v4_id}/items",
        bearer=token,
        json={
            "items": [{"media_type": "tv", "media_id": 1399}, {"media_type": "tv", "media_id": 1}]
        },
    )
    assert [r["success"] for r in removed["results"]] == [True, False]
    # v4 clears and deletes the v3 list
    cleared = await wire.ok("GET", f"/4/list/{v3_id}/clear", bearer=token)
    assert (cleared["id"], cleared["items_deleted"]) == (v3_id, 1)
    again = await wire.ok("GET", f"/4/list/{v3_id}/clear", bearer=token)
    assert again["items_deleted"] == 0
    await wire.fails("POST", f"/4/list/{v3_id}/clear", 404, 34, bearer=token)
    gone = await wire.ok("DELETE", f"/4/list/{v3_id}", bearer=token)
    assert gone["status_code"] == 13
    await wire.fails("GET", f"/3/list/{v3_id}", 404, 34)
    await wire.fails("GET", f"/4/list/{v3_id}", 404, 34, bearer=token)


async def test_v4_list_update_privacy_sorting_and_permissions(wire: Wire) -> None:
    token, _ = await _v4_user(wire)
    other, _ = await _v4_user(wire, "zoë")
    made = await wire.ok(
        "POST", "/4/list", 201, bearer=token, json={"name": "Mine", "iso_639_1": "en", "public": 0}
    )
    lid = made["id"]
    await wire.ok(
        "POST",
        f"/4/list/{lid}/items",
        201,
        bearer=token,
        json={"items": [{"media_type": "movie", "media_id": i} for i in (11, 12, 13)]},
    )
    # private: its owner reads it, nobody else does
    await wire.ok("GET", f"/4/list/{lid}", bearer=token)
    await wire.fails("GET", f"/4/list/{lid}", 401, 39)
    await wire.fails("GET", f"/4/list/{lid}", 401, 39, bearer=other)
    await wire.fails("GET", f"/3/list/{lid}", 401, 39)
    # writes need the owner's user token
    body = {"items": [{"media_type": "movie", "media_id": 14}]}
    denied = await wire.fails("POST", f"/4/list/{lid}/items", 401, 36, json=body)
    assert denied["failure"] is True
    await wire.fails("POST", f"/4/list/{lid}/items", 401, 38, bearer=other, json=body)
    await wire.fails("POST", "/4/list", 401, 36, json={"name": "x", "iso_639_1": "en"})
    await wire.fails("GET", f"/4/list/{lid}/clear", 401, 38, bearer=other)
    await wire.fails("DELETE", f"/4/list/{lid}", 401, 36)
    # update: public by bool, a sort order TMDB accepts; another one is refused
    updated = await wire.ok(
        "PUT",
        f"/4/list/{lid}",
        201,
        bearer=token,
        json={"public": True, "sort_by": "title.desc", "description": "sorted"},
    )
    assert updated["status_code"] == 12
    await wire.fails("PUT", f"/4/list/{lid}", 422, 5, bearer=token, json={"sort_by": "runtime.asc"})
    public = await wire.ok("GET", f"/4/list/{lid}")
    assert (public["public"], public["sort_by"], public["description"]) == (
        True,
        "title.desc",
        "sorted",
    )
    titles = [i["title"] for i in public["results"]]
    assert titles == sorted(titles, key=str.casefold, reverse=True)
    asc = await wire.ok("GET", f"/4/list/{lid}", params={"sort_by": "title.asc"})
    assert [i["title"] for i in asc["results"]] == titles[::-1]
    # a public list also reads with the v3 api_key; account endpoints do not
    await wire.ok("GET", f"/4/list/{lid}", headers={}, params={"api_key": wire.sb.api_key})
    await wire.fails(
        "GET",
        "/4/account/4bc8892a017a3c0f92000002/lists",
        401,
        7,
        headers={},
        params={"api_key": wire.sb.api_key},
    )
    # someone else's account
    await wire.fails("GET", "/4/account/4bc8892a017a3c0f92000002/lists", 401, 3, bearer=other)


async def test_v3_list_delete_answers_tmdbs_500_by_default_and_the_documented_200_on_request(
    wire: Wire,
) -> None:
    user = await _session(wire)
    lid = (await wire.ok("POST", "/3/list", 201, params=user, json={"name": "L"}))["list_id"]
    body = await wire.fails("DELETE", f"/3/list/{lid}", 500, 11, params=user)
    assert body["status_message"] == "Internal error: Something went wrong, contact TMDb."
    # the list is gone all the same: a retry and a read answer 404 code 34
    await wire.fails("DELETE", f"/3/list/{lid}", 404, 34, params=user)
    await wire.fails("GET", f"/3/list/{lid}", 404, 34)
    assert (await wire.ok("GET", "/3/account/548/lists", params=user))["results"] == []

    async with Sandbox(documented_list_delete=True) as sb, aiohttp.ClientSession() as http:
        documented = Wire(sb, http)
        user = {"session_id": sb.login().session_id}
        lid = (await documented.ok("POST", "/3/list", 201, params=user, json={"name": "L"}))[
            "list_id"
        ]
        assert await documented.ok("DELETE", f"/3/list/{lid}", params=user) == {
            "success": True,
            "status_code": 13,
            "status_message": "The item/record was deleted successfully.",
        }
        await documented.fails("GET", f"/3/list/{lid}", 404, 34)


async def test_lists_containing_an_item_are_the_public_ones_newest_first(wire: Wire) -> None:
    from tmdb_async.testing._routes.lists import ListRoutes, lists_containing

    token, _ = await _v4_user(wire)
    ids = []
    for name, public in (("Old", 1), ("Hidden", 0), ("New", 1), ("Other", 1)):
        made = await wire.ok(
            "POST", "/4/list", 201, bearer=token, json={"name": name, "public": public}
        )
        ids.append(made["id"])
        if name != "Other":
            item = {"items": [{"media_type": "tv", "media_id": 1399}]}
            await wire.ok("POST", f"/4/list/{made['id']}/items", 201, bearer=token, json=item)
    found = lists_containing(ListRoutes(wire.sb), "tv", 1399)
    assert [(x["id"], x["name"], x["list_type"]) for x in found] == [
        (ids[2], "New", "tv"),
        (ids[0], "Old", "tv"),
    ]
    assert lists_containing(ListRoutes(wire.sb), "movie", 1399) == []


async def test_user_pages_and_lists_honour_language_with_the_original_as_fallback(
    wire: Wire,
) -> None:
    user = await _session(wire)
    token, object_id = await _v4_user(wire)
    de = {**user, "language": "de-DE"}
    for media_id in (19995, 11):  # Avatar has a German title in the data; Star Wars has not
        body = {"media_type": "movie", "media_id": media_id, "favorite": True}
        await wire.ok("POST", "/3/account/548/favorite", 201, params=user, json=body)
        await wire.ok("POST", f"/3/movie/{media_id}/rating", 201, params=user, json={"value": 7})
    titles = ["Avatar - Aufbruch nach Pandora", "Star Wars"]
    page = await wire.ok("GET", "/3/account/548/favorite/movies", params=de)
    assert [m["title"] for m in page["results"]] == titles
    assert [m["original_title"] for m in page["results"]] == ["Avatar", "Star Wars"]
    page = await wire.ok("GET", "/3/account/548/rated/movies", params=de)
    assert [m["title"] for m in page["results"]] == titles
    page = await wire.ok(
        "GET", f"/4/account/{object_id}/movie/rated", bearer=token, params={"language": "de-DE"}
    )
    assert [m["title"] for m in page["results"]] == titles
    english = await wire.ok("GET", "/3/account/548/favorite/movies", params=user)
    assert [m["title"] for m in english["results"]] == ["Avatar", "Star Wars"]
    made = await wire.ok("POST", "/3/list", 201, params=user, json={"name": "L"})
    await wire.ok(
        "POST", f"/3/list/{made['list_id']}/add_item", 201, params=user, json={"media_id": 19995}
    )
    details = await wire.ok("GET", f"/3/list/{made['list_id']}", params={"language": "de-DE"})
    assert details["items"][0]["title"] == "Avatar - Aufbruch nach Pandora"
