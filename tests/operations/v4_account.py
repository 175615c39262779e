"""v4 account operations: a v4 user token view's favourite, watchlist and rated pages and
its lists (``/4/account/{account_object_id}/...``)."""

from __future__ import annotations

import json
from typing import Any

from tests.conftest import SHARED
from tmdb_async import V4UserView

from . import Call, Context

V4 = SHARED / "v4"


def v4_user(c: Context) -> V4UserView:
    """A v4 user token view with its account object id."""
    return c.tmdb.for_user(c.v4)


def v4_body(name: str) -> Any:
    """A v4 reference body (tests/reference/v4)."""
    return json.loads((V4 / name).read_text(encoding="utf-8"))


def _spec(path: str) -> Any:
    spec = json.loads((SHARED / "tmdb-api-v3.openapi.json").read_text(encoding="utf-8"))
    content = spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
    return json.loads(next(iter(content["examples"].values()))["value"])


def _rated(path: str) -> Any:
    """v4's rated pages: v3's items with ``account_rating`` instead of ``rating``."""
    page = _spec(path)
    for item in page["results"]:
        value = item.pop("rating", 8.0)
        item["account_rating"] = {"created_at": "2023-04-26T06:58:02.000Z", "value": value}
    return page


async def _lists(c: Context) -> object:
    return await v4_user(c).lists.mine()


async def _favorite_movies(c: Context) -> object:
    return await v4_user(c).favorites.movies()


async def _favorite_tv(c: Context) -> object:
    return await v4_user(c).favorites.tv()


async def _watchlist_movies(c: Context) -> object:
    return await v4_user(c).watchlist.movies()


async def _watchlist_tv(c: Context) -> object:
    return await v4_user(c).watchlist.tv()


async def _rated_movies(c: Context) -> object:
    return await v4_user(c).ratings.movies()


async def _rated_tv(c: Context) -> object:
    return await v4_user(c).ratings.tv()


_A = "/4/account/{account_object_id}"

CALLS: dict[str, Call] = {
    f"GET {_A}/lists": _lists,
    f"GET {_A}/movie/favorites": _favorite_movies,
    f"GET {_A}/tv/favorites": _favorite_tv,
    f"GET {_A}/movie/watchlist": _watchlist_movies,
    f"GET {_A}/tv/watchlist": _watchlist_tv,
    f"GET {_A}/movie/rated": _rated_movies,
    f"GET {_A}/tv/rated": _rated_tv,
}

ANSWERS: dict[str, tuple[int, object]] = {
    f"GET {_A}/lists": (200, v4_body("adamayoung-TMDb/v4-account-lists.json")),
    f"GET {_A}/movie/favorites": (200, _spec("/3/account/{account_id}/favorite/movies")),
    f"GET {_A}/tv/favorites": (200, _spec("/3/account/{account_id}/favorite/tv")),
    f"GET {_A}/movie/watchlist": (200, _spec("/3/account/{account_id}/watchlist/movies")),
    f"GET {_A}/tv/watchlist": (200, _spec("/3/account/{account_id}/watchlist/tv")),
    f"GET {_A}/movie/rated": (200, _rated("/3/account/{account_id}/rated/movies")),
    f"GET {_A}/tv/rated": (200, _rated("/3/account/{account_id}/rated/tv")),
}
