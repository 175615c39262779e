"""Every operation of TMDB's official v3 document, and the v4 account/list API, walked against
the sandbox: each answer must be a success that validates against the operation's response
schema.

One test per operation, each on a fresh sandbox, with raw aiohttp requests (nothing of the
SDK), so what is proven is the sandbox's wire behaviour. A request is built from the
document itself: ids are those of the document's own examples (movie 11, TV show 1399,
person 31, collection 10, the example credit and review ...), request bodies are its
"Request Example" values, and the user parts (session, guest session, list, v4 user token)
are made first through the sandbox's own API.

v3 answers are validated against the document's schema for the operation, relaxed only by
the documented errata of ``tests/sandbox/test_conformance.py``. TMDB publishes no v4
document: v4 answers are validated against schemas written here from
../shared/reference/V4.md, built on the v3 document's item schemas, and those schemas are
themselves checked against the real v4 bodies vendored in ``tests/reference/v4``.

All 152 v3 and 21 v4 operations are walked; a test checks the walk misses none.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import aiohttp
import pytest
from jsonschema import Draft202012Validator

from tests.conftest import SHARED
from tests.operations import V3_OPERATIONS, V4_RECOMMENDATIONS
from tests.operations import V4_OPERATIONS as V4_ACCOUNT_AND_LISTS
from tests.sandbox.test_conformance import EXTRA_SCHEMAS, NULLABLE, SPEC, _errata
from tmdb_async.testing import ManualClock, Sandbox

V4_DIR = SHARED / "v4"

# --------------------------------------------------------------------------- operations

#: TMDB's v4 account and list operations (V4.md section 1, rows 1-21).
V4_OPERATIONS = V4_ACCOUNT_AND_LISTS + V4_RECOMMENDATIONS


def _operation(key: str) -> dict[str, Any]:
    method, path = key.split(" ", 1)
    op: dict[str, Any] = SPEC["paths"][path][method.lower()]
    return op


def _example(op: dict[str, Any]) -> Any:
    responses = op["responses"]
    status = next(code for code in responses if code.startswith("2"))
    value = next(iter(responses[status]["content"]["application/json"]["examples"].values()))
    return json.loads(value["value"]) if isinstance(value["value"], str) else value["value"]


# Path ids: those of the document's own examples for the entity's details operation.
_ID_SOURCES = {
    "collection_id": "GET /3/collection/{collection_id}",
    "company_id": "GET /3/company/{company_id}",
    "network_id": "GET /3/network/{network_id}",
    "keyword_id": "GET /3/keyword/{keyword_id}",
    "credit_id": "GET /3/credit/{credit_id}",
    "review_id": "GET /3/review/{review_id}",
    "tv_episode_group_id": "GET /3/tv/episode_group/{tv_episode_group_id}",
    "person_id": "GET /3/person/{person_id}",
    "movie_id": "GET /3/movie/{movie_id}",
    "series_id": "GET /3/tv/{series_id}",
    "season_id": "GET /3/tv/{series_id}/season/{season_number}",
    "episode_id": "GET /3/tv/{series_id}/season/{season_number}/episode/{episode_number}",
}
PATH_VALUES: dict[str, str] = {
    name: str(_example(_operation(key))["id"]) for name, key in _ID_SOURCES.items()
}
PATH_VALUES.update(
    {
        "season_number": "1",
        "episode_number": "1",
        "time_window": "week",
        "external_id": "tt0076759",  # Star Wars' IMDb id (the movie example)
    }
)
#: Required query parameters other than the user ones.
QUERY_VALUES = {
    "external_source": "imdb_id",
    "confirm": "true",
    "media_type": "movie",
}
SEARCHES = {
    "movie": "star wars",
    "tv": "game of thrones",
    "person": "tom hanks",
    "collection": "star wars",
    "company": "lucasfilm",
    "keyword": "space",
    "multi": "star",
}

# --------------------------------------------------------------------------- v4 schemas


def _v3_item(key: str) -> dict[str, Any]:
    """The item schema of a v3 paged operation, errata applied."""
    schema = _operation(key)["responses"]["200"]["content"]["application/json"]["schema"]
    item: dict[str, Any] = _errata(copy.deepcopy(schema["properties"]["results"]["items"]))
    return item


def _paged(item: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["page", "results", "total_pages", "total_results"],
        "properties": {
            "page": {"type": "integer", "minimum": 1},
            "results": {"type": "array", "items": item},
            "total_pages": {"type": "integer"},
            "total_results": {"type": "integer"},
        },
    }


def _with(item: dict[str, Any], drop: str = "", **extra: Any) -> dict[str, Any]:
    out = copy.deepcopy(item)
    out["properties"].pop(drop, None)
    out["properties"].update(extra)
    out["required"] = sorted(extra)
    return out


def _envelope(**extra: Any) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["success", "status_code", "status_message", *extra],
        "properties": {
            "success": {"const": True},
            "status_code": {"enum": [1, 12, 13]},
            "status_message": {"type": "string"},
            **extra,
        },
    }


_INT, _STR, _BOOL, _NUM = (
    {"type": "integer"},
    {"type": "string"},
    {"type": "boolean"},
    {"type": "number"},
)
_NULLABLE_STR = {"type": ["string", "null"]}
_MEDIA = {"enum": ["movie", "tv"]}
_MOVIE = _v3_item("GET /3/account/{account_id}/favorite/movies")
_TV = _v3_item("GET /3/account/{account_id}/favorite/tv")
_RATING = {
    "type": "object",
    "required": ["created_at", "value"],
    "properties": {"created_at": _STR, "value": _NUM},
}
_LIST_ITEM = {
    "type": "object",
    "required": ["id", "media_type"],
    "properties": {"id": _INT, "media_type": _MEDIA},
    "oneOf": [
        {"properties": {"media_type": {"const": "movie"}}, "required": ["title"]},
        {"properties": {"media_type": {"const": "tv"}}, "required": ["name"]},
    ],
}
_ITEM_RESULTS = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["media_id", "media_type", "success"],
        "properties": {"media_id": _INT, "media_type": _STR, "success": _BOOL},
    },
}

#: v4 answers (V4.md sections 3 and 4), on the v3 document's item schemas.
V4_SCHEMAS: dict[str, dict[str, Any]] = {
    "POST /4/auth/request_token": EXTRA_SCHEMAS[("POST", "/4/auth/request_token")],
    "POST /4/auth/access_token": EXTRA_SCHEMAS[("POST", "/4/auth/access_token")],
    "DELETE /4/auth/access_token": EXTRA_SCHEMAS[("DELETE", "/4/auth/access_token")],
    "GET /4/account/{account_object_id}/lists": _paged(
        {
            "type": "object",
            "required": [
                "account_object_id",
                "average_rating",
                "description",
                "id",
                "iso_3166_1",
                "iso_639_1",
                "name",
                "number_of_items",
                "public",
                "revenue",
                "runtime",
                "sort_by",
            ],
            "properties": {
                "account_object_id": _STR,
                "adult": {"type": ["integer", "boolean"]},
                "average_rating": _NUM,
                "backdrop_path": _NULLABLE_STR,
                "created_at": _STR,
                "description": _STR,
                "featured": {"type": ["integer", "boolean"]},
                "id": _INT,
                "iso_3166_1": _STR,
                "iso_639_1": _STR,
                "name": _STR,
                "number_of_items": _INT,
                "poster_path": _NULLABLE_STR,
                "public": {"type": ["integer", "boolean"]},
                "revenue": {"type": ["integer", "string"], "pattern": "^[0-9]+$"},
                "runtime": {"type": ["integer", "string"], "pattern": "^[0-9]+$"},
                "sort_by": {"type": ["integer", "string"]},
                "updated_at": _STR,
            },
        }
    ),
    "GET /4/account/{account_object_id}/movie/favorites": _paged(_MOVIE),
    "GET /4/account/{account_object_id}/tv/favorites": _paged(_TV),
    "GET /4/account/{account_object_id}/movie/watchlist": _paged(
        _with(_MOVIE, media_type={"const": "movie"})
    ),
    "GET /4/account/{account_object_id}/tv/watchlist": _paged(
        _with(_TV, media_type={"const": "tv"})
    ),
    "GET /4/account/{account_object_id}/movie/rated": _paged(
        _with(_MOVIE, drop="rating", account_rating=_RATING)
    ),
    "GET /4/account/{account_object_id}/tv/rated": _paged(
        _with(_TV, drop="rating", account_rating=_RATING)
    ),
    "GET /4/account/{account_object_id}/movie/recommendations": _paged(
        _with(_MOVIE, media_type={"const": "movie"})
    ),
    "GET /4/account/{account_object_id}/tv/recommendations": _paged(
        _with(_TV, media_type={"const": "tv"})
    ),
    "POST /4/list": _envelope(id=_INT),
    "GET /4/list/{list_id}": {
        "type": "object",
        "required": [
            "average_rating",
            "backdrop_path",
            "comments",
            "created_by",
            "description",
            "id",
            "iso_3166_1",
            "iso_639_1",
            "name",
            "object_ids",
            "page",
            "poster_path",
            "public",
            "results",
            "revenue",
            "runtime",
            "sort_by",
            "total_pages",
            "total_results",
        ],
        "properties": {
            "average_rating": _NUM,
            "backdrop_path": _NULLABLE_STR,
            "comments": {"type": "object", "additionalProperties": _NULLABLE_STR},
            "created_by": {
                "type": "object",
                "required": ["gravatar_hash", "id", "name", "username"],
                "properties": {
                    "avatar_path": _NULLABLE_STR,
                    "gravatar_hash": _STR,
                    "id": _STR,
                    "name": _STR,
                    "username": _STR,
                },
            },
            "description": _STR,
            "id": _INT,
            "iso_3166_1": _STR,
            "iso_639_1": _STR,
            "item_count": _INT,
            "name": _STR,
            "object_ids": {"type": "object"},
            "page": _INT,
            "poster_path": _NULLABLE_STR,
            "public": _BOOL,
            "results": {"type": "array", "items": _LIST_ITEM},
            "revenue": _INT,
            "runtime": _INT,
            "sort_by": _STR,
            "total_pages": _INT,
            "total_results": _INT,
        },
    },
    "PUT /4/list/{list_id}": _envelope(),
    "DELETE /4/list/{list_id}": _envelope(),
    "GET /4/list/{list_id}/clear": _envelope(id=_INT, items_deleted=_INT),
    "POST /4/list/{list_id}/items": _envelope(results=_ITEM_RESULTS),
    "PUT /4/list/{list_id}/items": _envelope(results=_ITEM_RESULTS),
    "DELETE /4/list/{list_id}/items": _envelope(results=_ITEM_RESULTS),
    "GET /4/list/{list_id}/item_status": _envelope(id=_INT, media_id=_INT, media_type=_MEDIA),
}

#: The real v4 bodies each v4 schema must accept (tests/reference/v4).
V4_SAMPLES = {
    "GET /4/account/{account_object_id}/lists": [
        "adamayoung-TMDb/v4-account-lists.json",
        "moviebase-tmdb-kotlin/account_lists.json",
        "moviebase-tmdb-kotlin/account_lists.2021.json",
    ],
    "POST /4/list": ["adamayoung-TMDb/v4-create-list-result.json"],
    "GET /4/list/{list_id}": [
        "adamayoung-TMDb/v4-list.json",
        "adamayoung-TMDb/v4-list-with-comments.json",
        "adamayoung-TMDb/v4-list-with-images.json",
    ],
    "GET /4/list/{list_id}/clear": ["adamayoung-TMDb/v4-clear-list-result.json"],
    "POST /4/list/{list_id}/items": [
        "adamayoung-TMDb/v4-list-items-result.json",
        "adamayoung-TMDb/v4-list-items-result-partial-failure.json",
    ],
    "GET /4/list/{list_id}/item_status": ["adamayoung-TMDb/v4-list-item-status.json"],
}


def _schema(key: str) -> dict[str, Any]:
    if key in V4_SCHEMAS:
        return V4_SCHEMAS[key]
    responses = _operation(key)["responses"]
    status = next(code for code in responses if code.startswith("2"))
    schema: dict[str, Any] = _errata(
        copy.deepcopy(responses[status]["content"]["application/json"]["schema"])
    )
    return schema


# --------------------------------------------------------------------------- the walk


class Walk:
    """One fresh sandbox and what an operation needs there, made on demand."""

    def __init__(self, sandbox: Sandbox, http: aiohttp.ClientSession) -> None:
        self.sb = sandbox
        self.http = http
        self._made: dict[str, Any] = {}

    async def send(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str] | None = None,
        body: Any = None,
        bearer: str | None = None,
    ) -> tuple[int, Any]:
        headers = {"Authorization": f"Bearer {bearer or self.sb.access_token}"}
        async with self.http.request(
            method, self.sb.base_url + path, params=params, json=body, headers=headers
        ) as resp:
            assert resp.content_type == "application/json", (method, path, resp.status)
            return resp.status, await resp.json()

    async def must(self, method: str, path: str, **kwargs: Any) -> Any:
        status, body = await self.send(method, path, **kwargs)
        assert 200 <= status < 300, (method, path, status, body)
        return body

    async def session(self) -> str:
        if "session" not in self._made:
            self._made["session"] = self.sb.login().session_id
        session: str = self._made["session"]
        return session

    async def guest(self) -> str:
        if "guest" not in self._made:
            body = await self.must("GET", "/3/authentication/guest_session/new")
            self._made["guest"] = body["guest_session_id"]
        guest: str = self._made["guest"]
        return guest

    async def approved_token(self) -> str:
        token = (await self.must("GET", "/3/authentication/token/new"))["request_token"]
        self.sb.approve(token)
        return str(token)

    async def v4_user(self) -> tuple[str, str]:
        """A v4 user access token and its account object id."""
        if "v4" not in self._made:
            body = await self.must("POST", "/4/auth/request_token", body={})
            self.sb.approve(body["request_token"])
            access = await self.must(
                "POST", "/4/auth/access_token", body={"request_token": body["request_token"]}
            )
            self._made["v4"] = (access["access_token"], access["account_id"])
        made: tuple[str, str] = self._made["v4"]
        return made

    async def list_id(self) -> str:
        """A list of the session's user holding movie 11 and TV show 1399."""
        if "list" not in self._made:
            token, _ = await self.v4_user()
            created = await self.must(
                "POST", "/4/list", bearer=token, body={"name": "Walk", "iso_639_1": "en"}
            )
            items = [
                {"media_type": "movie", "media_id": 11},
                {"media_type": "tv", "media_id": 1399},
            ]
            await self.must(
                "POST", f"/4/list/{created['id']}/items", bearer=token, body={"items": items}
            )
            self._made["list"] = str(created["id"])
        list_id: str = self._made["list"]
        return list_id

    async def user_history(self) -> None:
        """Ratings, favourites and watchlist entries, so user pages are not empty."""
        session = {"session_id": await self.session()}
        for media, media_id, path in (
            ("movie", 11, "/3/movie/11"),
            ("tv", 1399, "/3/tv/1399"),
        ):
            await self.must("POST", f"{path}/rating", params=session, body={"value": 8.5})
            for which in ("favorite", "watchlist"):
                body = {"media_type": media, "media_id": media_id, which: True}
                await self.must("POST", f"/3/account/548/{which}", params=session, body=body)
        await self.must(
            "POST", "/3/tv/1399/season/1/episode/1/rating", params=session, body={"value": 9}
        )
        guest = {"guest_session_id": await self.guest()}
        for path in ("/3/movie/11", "/3/tv/1399", "/3/tv/1399/season/1/episode/1"):
            await self.must("POST", f"{path}/rating", params=guest, body={"value": 7})


Prepare = Callable[[Walk, dict[str, Any]], Awaitable[None]]


async def _request(walk: Walk, key: str) -> dict[str, Any]:
    """How to call ``key`` in ``walk``'s sandbox: method, path, params, body, bearer."""
    method, template = key.split(" ", 1)
    values = dict(PATH_VALUES)
    call: dict[str, Any] = {"method": method, "params": {}, "body": None, "bearer": None}
    if template.startswith("/4/"):
        token, object_id = await walk.v4_user()
        values["account_object_id"] = object_id
        call["bearer"] = token
        if "{list_id}" in template:
            values["list_id"] = await walk.list_id()
    else:
        op = _operation(key)
        names = {p["name"]: p for p in op.get("parameters", [])}
        if "{list_id}" in template:
            values["list_id"] = await walk.list_id()
        if "{guest_session_id}" in template:
            values["guest_session_id"] = await walk.guest()
        values["account_id"] = "548"
        if "session_id" in names:
            call["params"]["session_id"] = await walk.session()
        for name, value in QUERY_VALUES.items():
            if names.get(name, {}).get("required") and names[name]["in"] == "query":
                call["params"][name] = value
        if template.startswith("/3/search/"):
            call["params"]["query"] = SEARCHES[template.rsplit("/", 1)[1]]
        if template == "/3/list/{list_id}/item_status":
            call["params"]["movie_id"] = "11"
        examples = op.get("requestBody", {}).get("content", {}).get("application/json", {})
        if "examples" in examples:
            call["body"] = copy.deepcopy(next(iter(examples["examples"].values()))["value"])
    call["path"] = re.sub(r"\{([a-z_]+)\}", lambda m: values[m.group(1)], template)
    await PREPARE.get(key, _nothing)(walk, call)
    return call


async def _nothing(walk: Walk, call: dict[str, Any]) -> None:
    await walk.user_history()


async def _fresh_token(walk: Walk, call: dict[str, Any]) -> None:
    call["body"]["request_token"] = await walk.approved_token()


async def _unapproved_token(walk: Walk, call: dict[str, Any]) -> None:
    token = await walk.must("GET", "/3/authentication/token/new")
    call["body"]["request_token"] = token["request_token"]


async def _v4_access(walk: Walk, call: dict[str, Any]) -> None:
    call["body"] = {"access_token": (await walk.v4_user())[0]}


async def _own_session(walk: Walk, call: dict[str, Any]) -> None:
    call["body"] = {"session_id": await walk.session()}


async def _v4_request_token(walk: Walk, call: dict[str, Any]) -> None:
    body = await walk.must("POST", "/4/auth/request_token", body={})
    walk.sb.approve(body["request_token"])
    call["body"] = {"request_token": body["request_token"]}


async def _rated_first(walk: Walk, call: dict[str, Any]) -> None:
    path = call["path"]
    await walk.must("POST", path, params=call["params"], body={"value": 6})


async def _movie_18_on_list(walk: Walk, call: dict[str, Any]) -> None:
    await walk.must(
        "POST",
        call["path"].replace("remove_item", "add_item"),
        params=call["params"],
        body=call["body"],
    )


def _body(value: Any) -> Prepare:
    async def prepare(walk: Walk, call: dict[str, Any]) -> None:
        call["body"] = value

    return prepare


async def _item_status(walk: Walk, call: dict[str, Any]) -> None:
    call["params"] = {"media_type": "tv", "media_id": "1399"}


PREPARE: dict[str, Prepare] = {
    "POST /3/authentication/session/new": _fresh_token,
    "POST /3/authentication/token/validate_with_login": _unapproved_token,
    "POST /3/authentication/session/convert/4": _v4_access,
    "DELETE /3/authentication/session": _own_session,
    "DELETE /3/movie/{movie_id}/rating": _rated_first,
    "DELETE /3/tv/{series_id}/rating": _rated_first,
    "DELETE /3/tv/{series_id}/season/{season_number}/episode/{episode_number}/rating": (
        _rated_first
    ),
    "POST /3/list/{list_id}/remove_item": _movie_18_on_list,
    "POST /4/auth/request_token": _body({"redirect_to": "https://app.example/approved"}),
    "POST /4/auth/access_token": _v4_request_token,
    "DELETE /4/auth/access_token": _v4_access,
    "POST /4/list": _body({"name": "Weekend", "iso_639_1": "en", "public": 0}),
    "PUT /4/list/{list_id}": _body({"description": "Updated", "sort_by": "title.asc"}),
    "POST /4/list/{list_id}/items": _body({"items": [{"media_type": "movie", "media_id": 12}]}),
    "PUT /4/list/{list_id}/items": _body(
        {"items": [{"media_type": "movie", "media_id": 11, "comment": "Again!"}]}
    ),
    "DELETE /4/list/{list_id}/items": _body({"items": [{"media_type": "tv", "media_id": 1399}]}),
    "GET /4/list/{list_id}/item_status": _item_status,
}


@pytest.fixture
async def walk() -> AsyncIterator[Walk]:
    async with (
        Sandbox(clock=ManualClock(), documented_list_delete=True) as sb,
        aiohttp.ClientSession() as http,
    ):
        yield Walk(sb, http)


def _concrete(template: str) -> str:
    return re.sub(r"\{([a-z_]+)\}", lambda m: PATH_VALUES.get(m.group(1), "1"), template)


async def test_the_walk_covers_every_operation() -> None:
    assert len(V3_OPERATIONS) == 152
    assert len(set(V4_OPERATIONS)) == 21
    sb = Sandbox()
    unserved = []
    for key in V3_OPERATIONS + V4_OPERATIONS:
        method, template = key.split(" ", 1)
        if not await sb.serves(
            method, _concrete(template.replace("{account_object_id}", "0" * 24))
        ):
            unserved.append(key)
    assert unserved == []


@pytest.mark.parametrize("key", V3_OPERATIONS + V4_OPERATIONS)
async def test_operation_answers_schema_valid(walk: Walk, key: str) -> None:
    call = await _request(walk, key)
    status, body = await walk.send(
        call["method"],
        call["path"],
        params=call["params"] or None,
        body=call["body"],
        bearer=call["bearer"],
    )
    assert 200 <= status < 300, (key, call["path"], status, body)
    errors = sorted(Draft202012Validator(_schema(key)).iter_errors(body), key=str)
    assert not errors, [(list(e.absolute_path), e.message) for e in errors[:5]]


@pytest.mark.parametrize("key", sorted(V4_SAMPLES))
def test_v4_schemas_accept_tmdbs_real_bodies(key: str) -> None:
    for name in V4_SAMPLES[key]:
        body = json.loads((V4_DIR / name).read_text(encoding="utf-8"))
        errors = list(Draft202012Validator(V4_SCHEMAS[key]).iter_errors(body))
        assert not errors, (name, [(list(e.absolute_path), e.message) for e in errors[:5]])


def test_v4_schemas_are_strict_where_v4_md_is() -> None:
    details = V4_SCHEMAS["GET /4/list/{list_id}"]
    good = json.loads((V4_DIR / "adamayoung-TMDb/v4-list.json").read_text(encoding="utf-8"))
    assert Draft202012Validator(details).is_valid(good)
    for broken in (
        {**good, "created_by": "travisbell"},  # v3's string, not v4's object
        {**good, "comments": {"movie:550": 5}},
        {**good, "public": 1},
        {k: v for k, v in good.items() if k != "object_ids"},
        {**good, "results": [{**good["results"][0], "media_type": "person"}]},
    ):
        assert not Draft202012Validator(details).is_valid(broken)
    assert "backdrop_path" in NULLABLE
