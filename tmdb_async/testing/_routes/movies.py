"""The movie routes (``/3/movie/...``)."""

from __future__ import annotations

from aiohttp import web

from .._state import Failure
from ._base import Area, _ok, _page, _paged_ids


class MovieRoutes(Area):
    """``/3/movie/...``."""

    def register(self, router: web.UrlDispatcher) -> None:
        """Add this area's routes to ``router``."""
        r = router
        r.add_get("/3/movie/popular", self.popular)
        r.add_get(r"/3/movie/{movie_id:\d+}", self.movie)

    async def movie(self, request: web.Request) -> web.Response:
        movie_id = self._movie_or_404(request)
        appends = [a for a in request.query.get("append_to_response", "").split(",") if a]
        if len(appends) > 20:
            raise Failure(27)
        record = dict(self.cat.movie(movie_id))
        if "credits" in appends:
            record["credits"] = self.cat.credits(movie_id)
        if "images" in appends:
            images = self.cat.images(movie_id)
            images.pop("id")
            record["images"] = images
        return _ok(record)

    async def popular(self, request: web.Request) -> web.Response:
        page = _page(request)
        return _ok(_paged_ids(self.cat.popular_ids("movie"), page, self.cat.movie_item))
