"""The TV routes: series, seasons, episodes (``/3/tv/...``)."""

from __future__ import annotations

from aiohttp import web

from ._base import Area, _ok, _page, _paged_ids


class TVRoutes(Area):
    """``/3/tv/...``."""

    def register(self, router: web.UrlDispatcher) -> None:
        """Add this area's routes to ``router``."""
        r = router
        r.add_get("/3/tv/popular", self.popular)
        r.add_get(r"/3/tv/{series_id:\d+}", self.tv)

    async def tv(self, request: web.Request) -> web.Response:
        return _ok(self.cat.tv(self._tv_or_404(request)))

    async def popular(self, request: web.Request) -> web.Response:
        page = _page(request)
        return _ok(_paged_ids(self.cat.popular_ids("tv"), page, self.cat.tv_item))
