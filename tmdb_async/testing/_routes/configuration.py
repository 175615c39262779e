"""The configuration routes (``/3/configuration``)."""

from __future__ import annotations

from aiohttp import web

from ._base import Area, _ok


class ConfigurationRoutes(Area):
    """``/3/configuration...``."""

    def register(self, router: web.UrlDispatcher) -> None:
        """Add this area's routes to ``router``."""
        router.add_get("/3/configuration", self.configuration)

    async def configuration(self, request: web.Request) -> web.Response:
        return _ok(self.cat.configuration(self.sb.image_base_url))
