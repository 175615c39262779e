"""The movie routes (``/3/movie/...``): details, every sub-resource, the charts, latest."""

from __future__ import annotations

import datetime as dt
from typing import Any

from aiohttp import web

from .._catalogue import JSON
from ._base import _ok, _page
from ._common import CatalogueArea, paged_lazy

#: Sub-resources of a movie (each also an ``append_to_response`` name).
SUBS = (
    "alternative_titles", "changes", "credits", "external_ids", "images", "keywords", "lists",
    "recommendations", "release_dates", "reviews", "similar", "translations", "videos",
    "watch/providers",
)  # fmt: skip


class MovieRoutes(CatalogueArea):
    """``/3/movie/...``."""

    def register(self, router: web.UrlDispatcher) -> None:
        """Add this area's routes to ``router``."""
        r = router
        movie = r"/3/movie/{movie_id:\d+}"
        r.add_get("/3/movie/popular", self.popular)
        r.add_get("/3/movie/top_rated", self.top_rated)
        r.add_get("/3/movie/now_playing", self.now_playing)
        r.add_get("/3/movie/upcoming", self.upcoming)
        r.add_get("/3/movie/latest", self.latest)
        r.add_get(movie, self.movie)
        for name in SUBS:
            r.add_get(f"{movie}/{name}", self.sub)

    async def movie(self, request: web.Request) -> web.Response:
        movie_id = self._existing(request, "movie", "movie_id")
        return _ok(self.details("movie", movie_id, request))

    async def sub(self, request: web.Request) -> web.Response:
        movie_id = self._existing(request, "movie", "movie_id")
        name = request.path.split("/", 4)[4]
        answer = self.sub_resource("movie", movie_id, name, request)
        assert answer is not None  # only registered names are routed here
        return _ok(answer)

    async def latest(self, request: web.Request) -> web.Response:
        newest = max(self.cat.real_ids("movie")[-1], self.cat.movie_count)
        return _ok(self.details("movie", newest, request))

    def _chart(
        self, request: web.Request, ids: Any, total: int, extra: JSON | None = None
    ) -> web.Response:
        page = _page(request)
        region = request.query.get("region") or None
        if region is not None:
            ids = (i for i in ids if self.cat.released_in(i, region))
        body = paged_lazy(ids, page, total, self.builder("movie", request))
        return _ok({**(extra or {}), **body})

    async def popular(self, request: web.Request) -> web.Response:
        total = self.cat.region_total(request.query.get("region") or None)
        return self._chart(request, self.cat.ranked("movie"), total)

    async def top_rated(self, request: web.Request) -> web.Response:
        def key(i: int) -> tuple[float, int]:
            return (-float(self.cat.movie_item(i)["vote_average"] or 0), i)

        total = self.cat.region_total(request.query.get("region") or None)
        return self._chart(request, self.cat.ranked("movie", key), total)

    def _anchor(self) -> dt.date:
        """The catalogue's "today": its newest real release (the data is a snapshot)."""
        dates = [self.cat.real("movie")[str(i)]["release_date"] for i in self.cat.real_ids("movie")]
        return dt.date.fromisoformat(max(d for d in dates if d))

    def _window(self, request: web.Request, first: dt.date, last: dt.date) -> web.Response:
        def keep(d: JSON) -> bool:
            return (
                bool(d["release_date"])
                and first.isoformat() <= d["release_date"] <= last.isoformat()
            )

        region = request.query.get("region") or None

        def keep_here(d: JSON) -> bool:
            return keep(d) and self.cat.released_in(d["id"], region)

        ids, total = self.cat.filtered("movie", keep_here, lambda d: -float(d["popularity"] or 0))
        dates = {"maximum": last.isoformat(), "minimum": first.isoformat()}
        return self._chart(request, iter(ids), total, {"dates": dates})

    async def now_playing(self, request: web.Request) -> web.Response:
        anchor = self._anchor()
        return self._window(request, anchor - dt.timedelta(days=42), anchor)

    async def upcoming(self, request: web.Request) -> web.Response:
        anchor = self._anchor()
        return self._window(request, anchor + dt.timedelta(days=1), anchor + dt.timedelta(days=60))
