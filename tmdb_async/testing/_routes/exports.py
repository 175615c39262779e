"""The daily id exports, as files.tmdb.org serves them (no credentials needed)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from aiohttp import web

from ...exports import export_handler
from .._catalogue import JSON
from ._base import Area


class ExportRoutes(Area):
    """``/p/exports/...``."""

    def register(self, router: web.UrlDispatcher) -> None:
        """Add this area's routes to ``router``."""
        router.add_get("/p/exports/{name}", export_handler(self.export_rows))

    def export_rows(self, kind: str, date: dt.date) -> Iterator[JSON] | None:
        """The rows of the daily id export of ``kind`` (any date): the whole catalogue."""
        cat = self.cat
        keys: tuple[str, ...]
        if kind == "movie":
            keys = ("adult", "id", "original_title", "popularity", "video")
            return ({k: cat.movie(i)[k] for k in keys} for i in cat.ids("movie"))
        if kind == "tv_series":
            keys = ("id", "original_name", "popularity")
            return ({k: cat.tv(i)[k] for k in keys} for i in cat.ids("tv"))
        if kind == "person":
            keys = ("adult", "id", "name", "popularity")
            return ({k: cat.person(i)[k] for k in keys} for i in cat.ids("person"))
        return None
