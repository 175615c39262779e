"""What the user-state areas share: list items in the request's language, rated items."""

from __future__ import annotations

from aiohttp import web

from .._catalogue import JSON
from .._state import Ratings
from ._base import Area, _sorted_by_time


def user_item(area: Area, media: str, item_id: int, request: web.Request) -> JSON:
    """A movie or TV item of a user's page or list, its title and overview in the request's
    ``language`` where the catalogue has a translation (the original otherwise)."""
    item = area._item(media, item_id)
    language = request.query.get("language")
    if language:
        translated = area.cat.translation(media, item_id, language) or {}
        for field in ("title" if media == "movie" else "name", "overview"):
            if field in translated:
                item[field] = translated[field]
    return item


def rated_items(area: Area, ratings: Ratings, kind: str, request: web.Request) -> list[JSON]:
    """The rated items of ``kind`` ("movie", "tv", "episode"), each with its ``rating``."""
    table = ratings.table(kind)
    items = []
    for key in _sorted_by_time(table, request):
        episode = kind == "episode"
        item = area.cat.episode(*key) if episode else user_item(area, kind, key, request)
        item["rating"] = table[key][0]
        items.append(item)
    return items
