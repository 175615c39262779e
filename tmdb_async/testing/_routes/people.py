"""The people routes (``/3/person/...``)."""

from __future__ import annotations

from aiohttp import web

from ._base import _ok, _page
from ._common import CatalogueArea, paged_lazy

#: Sub-resources of a person (each also an ``append_to_response`` name).
SUBS = (
    "changes", "combined_credits", "external_ids", "images", "movie_credits", "tagged_images",
    "translations", "tv_credits",
)  # fmt: skip


class PeopleRoutes(CatalogueArea):
    """``/3/person/...``."""

    def register(self, router: web.UrlDispatcher) -> None:
        """Add this area's routes to ``router``."""
        r = router
        person = r"/3/person/{person_id:\d+}"
        r.add_get("/3/person/popular", self.popular)
        r.add_get("/3/person/latest", self.latest)
        r.add_get(person, self.person)
        for name in SUBS:
            r.add_get(f"{person}/{name}", self.sub)

    async def person(self, request: web.Request) -> web.Response:
        person_id = self._existing(request, "person", "person_id")
        return _ok(self.details("person", person_id, request))

    async def sub(self, request: web.Request) -> web.Response:
        person_id = self._existing(request, "person", "person_id")
        name = request.path.split("/", 4)[4]
        answer = self.sub_resource("person", person_id, name, request)
        assert answer is not None
        return _ok(answer)

    async def latest(self, request: web.Request) -> web.Response:
        newest = max(self.cat.real_ids("person")[-1], self.cat.person_count)
        return _ok(self.details("person", newest, request))

    async def popular(self, request: web.Request) -> web.Response:
        page = _page(request)
        ranked = self.cat.ranked("person")
        return _ok(paged_lazy(ranked, page, self.cat.total("person"), self.cat.person_item))
