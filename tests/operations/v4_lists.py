"""v4 list operations (``user.lists`` of a v4 user token view), answered with the v4
reference bodies (tests/reference/v4)."""

from __future__ import annotations

from tmdb_async import ListEntry, TMDBClient

from . import Call
from .v4_account import v4_body, v4_user

LIST = 8678999


async def _create(tmdb: TMDBClient) -> object:
    return await v4_user(tmdb).lists.create("My Watchlist", public=False)


async def _details(tmdb: TMDBClient) -> object:
    return await v4_user(tmdb).lists.details(LIST)


async def _update(tmdb: TMDBClient) -> object:
    return await v4_user(tmdb).lists.update(LIST, name="Renamed")


async def _delete(tmdb: TMDBClient) -> object:
    return await v4_user(tmdb).lists.delete(LIST)


async def _clear(tmdb: TMDBClient) -> object:
    return await v4_user(tmdb).lists.clear(LIST, confirm=True)


async def _add(tmdb: TMDBClient) -> object:
    return await v4_user(tmdb).lists.add(LIST, [("movie", 550), ("tv", 1399)])


async def _update_items(tmdb: TMDBClient) -> object:
    return await v4_user(tmdb).lists.update_items(LIST, [ListEntry("movie", 550, "Great")])


async def _remove(tmdb: TMDBClient) -> object:
    return await v4_user(tmdb).lists.remove(LIST, [ListEntry("movie", 550)])


async def _item_status(tmdb: TMDBClient) -> object:
    return await v4_user(tmdb).lists.item_status(LIST, "movie", 550)


_L = "/4/list/{list_id}"
_ITEMS = v4_body("adamayoung-TMDb/v4-list-items-result.json")

CALLS: dict[str, Call] = {
    "POST /4/list": _create,
    f"GET {_L}": _details,
    f"PUT {_L}": _update,
    f"DELETE {_L}": _delete,
    f"GET {_L}/clear": _clear,
    f"POST {_L}/items": _add,
    f"PUT {_L}/items": _update_items,
    f"DELETE {_L}/items": _remove,
    f"GET {_L}/item_status": _item_status,
}

ANSWERS: dict[str, tuple[int, object]] = {
    "POST /4/list": (201, v4_body("adamayoung-TMDb/v4-create-list-result.json")),
    f"GET {_L}": (200, v4_body("adamayoung-TMDb/v4-list-with-comments.json")),
    # No recording of update or delete exists (V4.md §4.3, §4.4): TMDB's write envelope.
    f"PUT {_L}": (
        201,
        {"success": True, "status_code": 12, "status_message": "The item/record was updated."},
    ),
    f"DELETE {_L}": (
        200,
        {"success": True, "status_code": 13, "status_message": "The item/record was deleted."},
    ),
    f"GET {_L}/clear": (200, v4_body("adamayoung-TMDb/v4-clear-list-result.json")),
    f"POST {_L}/items": (201, _ITEMS),
    f"PUT {_L}/items": (201, _ITEMS),
    f"DELETE {_L}/items": (200, _ITEMS),
    f"GET {_L}/item_status": (200, v4_body("adamayoung-TMDb/v4-list-item-status.json")),
}
