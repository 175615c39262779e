"""v4 list operations (``user.lists`` of a v4 user token view), answered with the v4
reference bodies (tests/reference/v4)."""

from __future__ import annotations

from tmdb_async import ListEntry

from . import Call, Context
from .v4_account import v4_body, v4_user


async def _create(c: Context) -> object:
    return await v4_user(c).lists.create("My Watchlist", public=False)


async def _details(c: Context) -> object:
    return await v4_user(c).lists.details(c.v4_list)


async def _update(c: Context) -> object:
    return await v4_user(c).lists.update(c.v4_list, name="Renamed")


async def _delete(c: Context) -> object:
    return await v4_user(c).lists.delete(c.v4_list)


async def _clear(c: Context) -> object:
    return await v4_user(c).lists.clear(c.v4_list, confirm=True)


async def _add(c: Context) -> object:
    return await v4_user(c).lists.add(c.v4_list, [("movie", 680), ("tv", 1399)])


async def _update_items(c: Context) -> object:
    return await v4_user(c).lists.update_items(c.v4_list, [ListEntry("movie", 550, "Great")])


async def _remove(c: Context) -> object:
    return await v4_user(c).lists.remove(c.v4_list, [ListEntry("movie", 550)])


async def _item_status(c: Context) -> object:
    return await v4_user(c).lists.item_status(c.v4_list, "movie", 550)


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
