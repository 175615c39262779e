"""v3 list operations (``user.lists`` of a session view)."""

from __future__ import annotations

from tmdb_async import TMDBClient

from . import Call
from .v3_account import user


async def _create(tmdb: TMDBClient) -> object:
    return await user(tmdb).lists.create("Weekend", description="To watch", language="en")


async def _details(tmdb: TMDBClient) -> object:
    return await user(tmdb).lists.details(1)


async def _item_status(tmdb: TMDBClient) -> object:
    return await user(tmdb).lists.item_status(1, 550)


async def _add(tmdb: TMDBClient) -> object:
    return await user(tmdb).lists.add(1, 550)


async def _remove(tmdb: TMDBClient) -> object:
    return await user(tmdb).lists.remove(1, 550)


async def _clear(tmdb: TMDBClient) -> object:
    return await user(tmdb).lists.clear(1, confirm=True)


async def _delete(tmdb: TMDBClient) -> object:
    return await user(tmdb).lists.delete(1)


CALLS: dict[str, Call] = {
    "POST /3/list": _create,
    "GET /3/list/{list_id}": _details,
    "GET /3/list/{list_id}/item_status": _item_status,
    "POST /3/list/{list_id}/add_item": _add,
    "POST /3/list/{list_id}/remove_item": _remove,
    "POST /3/list/{list_id}/clear": _clear,
    "DELETE /3/list/{list_id}": _delete,
}
