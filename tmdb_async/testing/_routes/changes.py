"""The change lists (``/3/movie/changes``, ``/3/tv/changes``, ``/3/person/changes``)."""

from __future__ import annotations

from aiohttp import web

from ._base import _ok, _page
from ._common import CatalogueArea, check_range, paged


class ChangeRoutes(CatalogueArea):
    """Which ids changed: every real entity of the catalogue (the data is one snapshot)."""

    def register(self, router: web.UrlDispatcher) -> None:
        """Add this area's routes to ``router`` (before the ``{id}`` routes)."""
        for kind in ("movie", "tv", "person"):
            router.add_get(f"/3/{kind}/changes", self.changes)

    async def changes(self, request: web.Request) -> web.Response:
        page = _page(request)
        check_range(request)
        kind = request.path.split("/")[2]
        rows = [
            {"id": i, "adult": bool(self.cat.record(kind, i).get("adult", False))}
            for i in self.cat.real_ids(kind)
        ]
        return _ok(paged(rows, page))
