"""Lookup tables: genres, certifications, watch providers and their regions."""

from __future__ import annotations

from aiohttp import web

from ._base import _ok
from ._common import CatalogueArea


class LookupRoutes(CatalogueArea):
    """``/3/genre/...``, ``/3/certification/...``, ``/3/watch/providers/...``."""

    def register(self, router: web.UrlDispatcher) -> None:
        """Add this area's routes to ``router``."""
        for path in (
            "/3/genre/movie/list",
            "/3/genre/tv/list",
            "/3/certification/movie/list",
            "/3/certification/tv/list",
            "/3/watch/providers/regions",
            "/3/watch/providers/movie",
            "/3/watch/providers/tv",
        ):
            router.add_get(path, self.lookup)

    async def lookup(self, request: web.Request) -> web.Response:
        table = self.cat.lookup(request.path.removeprefix("/3/"))
        region = request.query.get("watch_region")
        if region and request.path.startswith("/3/watch/providers/") and "results" in table:
            table["results"] = [
                p for p in table["results"] if region in (p.get("display_priorities") or {})
            ]
        return _ok(table)
