"""The search routes (``/3/search/...``)."""

from __future__ import annotations

from aiohttp import web

from ._base import Area, _ok, _page, _paged_ids


class SearchRoutes(Area):
    """``/3/search/...``."""

    def register(self, router: web.UrlDispatcher) -> None:
        """Add this area's routes to ``router``."""
        router.add_get("/3/search/{kind:movie|tv|person}", self.search)

    async def search(self, request: web.Request) -> web.Response:
        page = _page(request)
        kind = request.match_info["kind"]
        ids = self.cat.search(kind, request.query.get("query", ""))
        build = {
            "movie": self.cat.movie_item,
            "tv": self.cat.tv_item,
            "person": self.cat.person_item,
        }[kind]
        return _ok(_paged_ids(ids, page, build))
