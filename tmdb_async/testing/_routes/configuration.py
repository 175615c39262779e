"""The configuration routes: ``/3/configuration`` and its lookup lists."""

from __future__ import annotations

from aiohttp import web

from ._base import _ok
from ._common import CatalogueArea

LISTS = ("countries", "jobs", "languages", "primary_translations", "timezones")


class ConfigurationRoutes(CatalogueArea):
    """``/3/configuration...``."""

    def register(self, router: web.UrlDispatcher) -> None:
        """Add this area's routes to ``router``."""
        router.add_get("/3/configuration", self.configuration)
        for name in LISTS:
            router.add_get(f"/3/configuration/{name}", self.lookup)

    async def configuration(self, request: web.Request) -> web.Response:
        return _ok(self.cat.configuration(self.sb.image_base_url))

    async def lookup(self, request: web.Request) -> web.Response:
        return web.json_response(self.cat.lookup(request.path.removeprefix("/3/")))
