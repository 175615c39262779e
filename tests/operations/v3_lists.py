"""v3 list operations (``user.lists`` of a session view)."""

from __future__ import annotations

from . import Call, Context
from .v3_account import user


async def _create(c: Context) -> object:
    return await user(c).lists.create("Weekend", description="To watch", language="en")


async def _details(c: Context) -> object:
    return await user(c).lists.details(c.v3_list)


async def _item_status(c: Context) -> object:
    return await user(c).lists.item_status(c.v3_list, 550)


async def _add(c: Context) -> object:
    return await user(c).lists.add(c.v3_list, 680)


async def _remove(c: Context) -> object:
    return await user(c).lists.remove(c.v3_list, 550)


async def _clear(c: Context) -> object:
    return await user(c).lists.clear(c.v3_list, confirm=True)


async def _delete(c: Context) -> object:
    return await user(c).lists.delete(c.v3_list)


CALLS: dict[str, Call] = {
    "POST /3/list": _create,
    "GET /3/list/{list_id}": _details,
    "GET /3/list/{list_id}/item_status": _item_status,
    "POST /3/list/{list_id}/add_item": _add,
    "POST /3/list/{list_id}/remove_item": _remove,
    "POST /3/list/{list_id}/clear": _clear,
    "DELETE /3/list/{list_id}": _delete,
}
