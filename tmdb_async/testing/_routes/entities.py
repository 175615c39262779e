"""Collections, companies, networks, keywords, credits and reviews."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from .._catalogue import JSON, data, image_entry
from .._state import Failure
from ._base import _int_path, _ok, _page
from ._common import CatalogueArea, filter_images, image_languages, paged


class EntityRoutes(CatalogueArea):
    """``/3/collection``, ``/3/company``, ``/3/network``, ``/3/keyword``, ``/3/credit``,
    ``/3/review``."""

    def register(self, router: web.UrlDispatcher) -> None:
        """Add this area's routes to ``router``."""
        r = router
        coll, comp, net = (
            r"/3/collection/{id:\d+}",
            r"/3/company/{id:\d+}",
            r"/3/network/{id:\d+}",
        )
        r.add_get(coll, self.collection)
        r.add_get(coll + "/images", self.collection_images)
        r.add_get(coll + "/translations", self.collection_translations)
        r.add_get(comp, self.company)
        r.add_get(comp + "/alternative_names", self.alternative_names)
        r.add_get(comp + "/images", self.logos)
        r.add_get(net, self.network)
        r.add_get(net + "/alternative_names", self.alternative_names)
        r.add_get(net + "/images", self.logos)
        r.add_get(r"/3/keyword/{id:\d+}", self.keyword)
        r.add_get(r"/3/keyword/{id:\d+}/movies", self.keyword_movies)
        r.add_get("/3/credit/{credit_id}", self.credit)
        r.add_get("/3/review/{review_id}", self.review)

    def _get(self, request: web.Request, table: str) -> tuple[int, JSON]:
        item_id = _int_path(request, "id")
        record = self.cat.entity(table, item_id)
        if record is None:
            raise Failure(34)
        return item_id, record

    # ------------------------------------------------------------------ collections

    async def collection(self, request: web.Request) -> web.Response:
        _, record = self._get(request, "collections")
        record["parts"] = [
            {**self.item("movie", p["id"], request), "media_type": "movie"}
            for p in record["parts"]
            if self.cat.has_movie(p["id"])
        ]
        return _ok(record)

    async def collection_images(self, request: web.Request) -> web.Response:
        item_id, record = self._get(request, "collections")
        answer = self.cat.answer(f"collection/{item_id}/images") or {
            "id": item_id,
            "backdrops": [image_entry(record["backdrop_path"], 1280, 720)]
            if record.get("backdrop_path")
            else [],
            "posters": [image_entry(record["poster_path"], 500, 750)]
            if record.get("poster_path")
            else [],
        }
        return _ok(filter_images(answer, image_languages(request)))

    async def collection_translations(self, request: web.Request) -> web.Response:
        item_id, record = self._get(request, "collections")
        english = {
            "iso_3166_1": "US",
            "iso_639_1": "en",
            "name": "English",
            "english_name": "English",
            "data": {"title": record["name"], "overview": record["overview"], "homepage": ""},
        }
        answer = self.cat.answer(f"collection/{item_id}/translations")
        return _ok(answer or {"id": item_id, "translations": [english]})

    # ------------------------------------------------------------------ companies, networks

    def _table(self, request: web.Request) -> str:
        return "companies" if request.path.startswith("/3/company/") else "networks"

    async def company(self, request: web.Request) -> web.Response:
        return _ok(self._get(request, "companies")[1])

    async def network(self, request: web.Request) -> web.Response:
        return _ok(self._get(request, "networks")[1])

    async def alternative_names(self, request: web.Request) -> web.Response:
        item_id, _ = self._get(request, self._table(request))
        kind = "company" if self._table(request) == "companies" else "network"
        answer = self.cat.answer(f"{kind}/{item_id}/alternative_names")
        return _ok(answer or {"id": item_id, "results": []})

    async def logos(self, request: web.Request) -> web.Response:
        item_id, record = self._get(request, self._table(request))
        kind = "company" if self._table(request) == "companies" else "network"
        answer = self.cat.answer(f"{kind}/{item_id}/images")
        if answer is None:
            logo = record.get("logo_path")
            logos = []
            if logo:
                entry: dict[str, Any] = {**image_entry(logo, 500, 250), "file_type": ".png"}
                entry["id"] = f"{kind}{item_id}logo"
                logos.append(entry)
            answer = {"id": item_id, "logos": logos}
        return _ok(answer)

    # ------------------------------------------------------------------ keywords

    async def keyword(self, request: web.Request) -> web.Response:
        return _ok(self._get(request, "keywords")[1])

    async def keyword_movies(self, request: web.Request) -> web.Response:
        item_id, _ = self._get(request, "keywords")
        page = _page(request)
        ids = self.cat.keyword_movies().get(item_id, [])
        items = [self.item("movie", i, request) for i in ids if self.cat.has_movie(i)]
        return _ok({"id": item_id, **paged(items, page)})

    # ------------------------------------------------------------------ credits, reviews

    async def credit(self, request: web.Request) -> web.Response:
        credit_id = request.match_info["credit_id"]
        recorded = self.cat.entity("credits", credit_id)
        if recorded is not None:
            return _ok(recorded)
        for person, rows in data("credit_index").items():
            for row in rows:
                if row.get("credit_id") == credit_id:
                    return _ok(self._credit(int(person), row))
        raise Failure(34)

    def _credit(self, person_id: int, row: JSON) -> JSON:
        media = self.cat.item(row["media_type"], row["id"])
        if row["credit_type"] == "cast":
            media["character"] = row.get("character", "")
        person = self.cat.person_item(person_id)
        person.pop("known_for", None)
        return {
            "credit_type": row["credit_type"],
            "department": row.get("department", "Acting"),
            "job": row.get("job", "Actor"),
            "media": media,
            "media_type": row["media_type"],
            "id": row["credit_id"],
            "person": person,
        }

    async def review(self, request: web.Request) -> web.Response:
        review_id = request.match_info["review_id"]
        recorded = self.cat.entity("reviews", review_id)
        if recorded is not None:
            return _ok(recorded)
        for path, answer in data("answers").items():
            if path.endswith("/reviews"):
                for review in answer["results"]:
                    if review["id"] == review_id:
                        kind, media_id = path.split("/")[:2]
                        item = self.cat.item(kind, int(media_id))
                        return _ok(
                            {
                                **review,
                                "iso_639_1": "en",
                                "media_id": int(media_id),
                                "media_title": item.get("title") or item.get("name"),
                                "media_type": kind,
                            }
                        )
        raise Failure(34)
