"""The search routes (``/3/search/...``): all seven, case- and accent-insensitive."""

from __future__ import annotations

import heapq

from aiohttp import web

from .._catalogue import JSON, data, fold
from ._base import _ok, _page
from ._common import CatalogueArea, paged


def _year(value: str | None) -> str | None:
    return value if value and value.isdigit() and len(value) == 4 else None


class SearchRoutes(CatalogueArea):
    """``/3/search/...``."""

    def register(self, router: web.UrlDispatcher) -> None:
        """Add this area's routes to ``router``."""
        router.add_get("/3/search/{kind:movie|tv|person}", self.search)
        router.add_get("/3/search/multi", self.multi)
        router.add_get("/3/search/{table:collection|company|keyword}", self.named)

    def _matches(self, kind: str, request: web.Request) -> list[int]:
        ids = self.cat.search(kind, request.query.get("query", ""))
        adult = request.query.get("include_adult", "false") == "true"
        q = request.query
        year = None
        date_field = "release_date" if kind == "movie" else "first_air_date"
        if kind == "movie":
            year = _year(q.get("primary_release_year")) or _year(q.get("year"))
        elif kind == "tv":
            year = _year(q.get("first_air_date_year")) or _year(q.get("year"))

        def keep(d: JSON) -> bool:
            if d["adult"] and not adult:
                return False
            return year is None or (d.get(date_field) or "")[:4] == year

        region = q.get("region") or None if kind == "movie" else None
        return [
            i
            for i in ids
            if keep(self.cat.record(kind, i))
            and (region is None or self.cat.released_in(i, region))
        ]

    async def search(self, request: web.Request) -> web.Response:
        page = _page(request)
        kind = request.match_info["kind"]
        ids = self._matches(kind, request)
        start = (page - 1) * 20
        items = [self.item(kind, i, request) for i in ids[start : start + 20]]
        body = paged(items, 1, len(ids))
        return _ok({**body, "page": page})

    async def multi(self, request: web.Request) -> web.Response:
        page = _page(request)
        ranked: list[tuple[float, int, str, int]] = []
        for rank, kind in enumerate(("movie", "tv", "person")):
            for position, i in enumerate(self._matches(kind, request)):
                # Keep each kind's own order; interleave kinds by that position.
                ranked.append((position, rank, kind, i))
        ordered = list(heapq.merge(sorted(ranked)))
        start = (page - 1) * 20
        items = []
        for _, _, kind, i in ordered[start : start + 20]:
            item = self.item(kind, i, request)
            item["media_type"] = kind
            items.append(item)
        return _ok({**paged(items, 1, len(ordered)), "page": page})

    async def named(self, request: web.Request) -> web.Response:
        page = _page(request)
        table = {"collection": "collections", "company": "companies", "keyword": "keywords"}[
            request.match_info["table"]
        ]
        needle = fold(request.query.get("query", "")).strip()
        found: list[JSON] = []
        if needle:
            for key in sorted(data(table), key=int):
                record = self.cat.entity(table, key)
                assert record is not None
                if needle in fold(record["name"]):
                    found.append(self._named_item(table, record))
        found.sort(key=lambda r: (fold(r["name"]) != needle, r["id"]))
        return _ok(paged(found, page))

    def _named_item(self, table: str, record: JSON) -> JSON:
        if table == "keywords":
            return {"id": record["id"], "name": record["name"]}
        if table == "companies":
            return {
                "id": record["id"],
                "logo_path": record.get("logo_path"),
                "name": record["name"],
                "origin_country": record.get("origin_country", ""),
            }
        return {
            "adult": False,
            "backdrop_path": record.get("backdrop_path"),
            "id": record["id"],
            "name": record["name"],
            "original_language": record.get("original_language", "en"),
            "original_name": record.get("original_name", record["name"]),
            "overview": record.get("overview", ""),
            "poster_path": record.get("poster_path"),
        }
