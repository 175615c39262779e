"""The trending routes (``/3/trending/{media}/{window}``): the catalogue's popularity."""

from __future__ import annotations

import heapq
import itertools

from aiohttp import web

from .._catalogue import PAGE_SIZE
from ._base import _ok, _page
from ._common import CatalogueArea, paged


class TrendingRoutes(CatalogueArea):
    """``/3/trending/...``."""

    def register(self, router: web.UrlDispatcher) -> None:
        """Add this area's routes to ``router``."""
        router.add_get("/3/trending/{media:all|movie|tv|person}/{window:day|week}", self.trending)

    async def trending(self, request: web.Request) -> web.Response:
        page = _page(request)
        media = request.match_info["media"]
        kinds = ("movie", "tv") if media == "all" else (media,)
        streams = [
            ((-self.cat.record(k, i)["popularity"], k, i) for i in self.cat.ranked(k))
            for k in kinds
        ]
        start = (page - 1) * PAGE_SIZE
        chosen = list(itertools.islice(heapq.merge(*streams), start, start + PAGE_SIZE))
        items = []
        for _, kind, i in chosen:
            item = self.item(kind, i, request)
            item["media_type"] = kind
            items.append(item)
        total = sum(self.cat.total(k) for k in kinds)
        return _ok({**paged(items, 1, total), "page": page})
