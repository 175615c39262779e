"""The find route (``/3/find/{external_id}``): IMDb, TVDB and other external ids."""

from __future__ import annotations

import functools
import re

from aiohttp import web

from .._catalogue import JSON, data
from .._state import Failure
from ._base import _ok
from ._common import CatalogueArea

SOURCES = (
    "imdb_id", "facebook_id", "instagram_id", "tvdb_id", "tiktok_id", "twitter_id",
    "wikidata_id", "youtube_id",
)  # fmt: skip
#: Filler ids: IMDb ids ``tt9xxxxxxx`` / ``nm9xxxxxxx`` (see the catalogue's filler records).
_FILLER = re.compile(r"^(tt|nm)9(\d{7})$")


@functools.cache
def _index() -> dict[tuple[str, str], tuple[str, str]]:
    """(source, value) -> (result kind, key) over the real data."""
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for kind, table in (("movie", "movies"), ("tv", "tv"), ("person", "people")):
        for key, record in data(table).items():
            if record.get("imdb_id"):
                out[("imdb_id", str(record["imdb_id"]))] = (kind, key)
    for path, answer in data("answers").items():
        if not path.endswith("/external_ids"):
            continue
        parts = path.split("/")
        if len(parts) == 3:
            target = (parts[0], parts[1])
        elif len(parts) == 5:
            target = ("tv_season", f"{parts[1]}/{parts[3]}")
        else:
            target = ("tv_episode", f"{parts[1]}/{parts[3]}/{parts[5]}")
        for source in SOURCES:
            value = answer.get(source)
            if value not in (None, ""):
                out[(source, str(value))] = target
    return out


class FindRoutes(CatalogueArea):
    """``/3/find/...``."""

    def register(self, router: web.UrlDispatcher) -> None:
        """Add this area's routes to ``router``."""
        router.add_get("/3/find/{external_id}", self.find)

    async def find(self, request: web.Request) -> web.Response:
        source = request.query.get("external_source", "")
        if source not in SOURCES:
            raise Failure(5)
        value = request.match_info["external_id"]
        found: dict[str, list[JSON]] = {
            "movie_results": [],
            "person_results": [],
            "tv_results": [],
            "tv_episode_results": [],
            "tv_season_results": [],
        }
        target = _index().get((source, value))
        filler = _FILLER.match(value) if source == "imdb_id" else None
        if target is None and filler is not None:
            number = int(filler.group(2))
            kind = "movie" if filler.group(1) == "tt" else "person"
            count = self.cat.movie_count if kind == "movie" else self.cat.person_count
            if number <= count and not self.cat.is_real(kind, number):
                target = (kind, str(number))
        if target is not None:
            kind, key = target
            if kind in ("movie", "tv", "person"):
                item = self.cat.item(kind, int(key))
                item["media_type"] = kind
                found[f"{kind}_results"].append(item)
            elif kind == "tv_season":
                tv_id, number = (int(x) for x in key.split("/"))
                season = self.cat.season_summary(tv_id, number)
                if season is not None:
                    found["tv_season_results"].append({**season, "show_id": tv_id})
            else:
                tv_id, season_number, episode = (int(x) for x in key.split("/"))
                record = self.cat.episode(tv_id, season_number, episode)
                record["media_type"] = "tv_episode"
                found["tv_episode_results"].append(record)
        return _ok(found)
