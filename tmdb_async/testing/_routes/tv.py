"""The TV routes: series, seasons, episodes, episode groups (``/3/tv/...``)."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from .._catalogue import JSON, data, image_entry
from .._state import Failure
from ._base import _ok, _page
from ._common import (
    CatalogueArea,
    appends,
    filter_images,
    image_languages,
    language,
    paged_lazy,
)
from .ratings import episode_states, has_user, season_states

#: Sub-resources of a series (each also an ``append_to_response`` name).
SUBS = (
    "aggregate_credits", "alternative_titles", "changes", "content_ratings", "credits",
    "episode_groups", "external_ids", "images", "keywords", "lists", "recommendations",
    "reviews", "screened_theatrically", "similar", "translations", "videos", "watch/providers",
)  # fmt: skip
SEASON_SUBS = (
    "aggregate_credits", "credits", "external_ids", "images", "translations", "videos",
    "watch/providers",
)  # fmt: skip
EPISODE_SUBS = ("credits", "external_ids", "images", "translations", "videos")


class TVRoutes(CatalogueArea):
    """``/3/tv/...``."""

    def register(self, router: web.UrlDispatcher) -> None:
        """Add this area's routes to ``router``."""
        r = router
        tv = r"/3/tv/{series_id:\d+}"
        season = tv + r"/season/{season_number:\d+}"
        episode = season + r"/episode/{episode_number:\d+}"
        r.add_get("/3/tv/popular", self.popular)
        r.add_get("/3/tv/top_rated", self.top_rated)
        r.add_get("/3/tv/on_the_air", self.on_the_air)
        r.add_get("/3/tv/airing_today", self.airing_today)
        r.add_get("/3/tv/latest", self.latest)
        r.add_get("/3/tv/episode_group/{group_id}", self.episode_group)
        r.add_get(r"/3/tv/season/{season_id:\d+}/changes", self.no_changes)
        r.add_get(r"/3/tv/episode/{episode_id:\d+}/changes", self.no_changes)
        r.add_get(tv, self.tv)
        for name in SUBS:
            r.add_get(f"{tv}/{name}", self.sub)
        r.add_get(season, self.season)
        for name in SEASON_SUBS:
            r.add_get(f"{season}/{name}", self.season_sub)
        r.add_get(episode, self.episode)
        for name in EPISODE_SUBS:
            r.add_get(f"{episode}/{name}", self.episode_sub)

    # ------------------------------------------------------------------ series

    async def tv(self, request: web.Request) -> web.Response:
        tv_id = self._existing(request, "tv", "series_id")
        return _ok(self.details("tv", tv_id, request))

    async def sub(self, request: web.Request) -> web.Response:
        tv_id = self._existing(request, "tv", "series_id")
        name = request.path.split("/", 4)[4]
        answer = self.sub_resource("tv", tv_id, name, request)
        assert answer is not None
        return _ok(answer)

    async def latest(self, request: web.Request) -> web.Response:
        newest = max(self.cat.real_ids("tv")[-1], self.cat.tv_count)
        return _ok(self.details("tv", newest, request))

    def _chart(self, request: web.Request, ids: Any, total: int) -> web.Response:
        return _ok(paged_lazy(ids, _page(request), total, self.builder("tv", request)))

    async def popular(self, request: web.Request) -> web.Response:
        return self._chart(request, self.cat.ranked("tv"), self.cat.total("tv"))

    async def top_rated(self, request: web.Request) -> web.Response:
        def key(i: int) -> tuple[float, int]:
            return (-float(self.cat.tv_item(i)["vote_average"] or 0), i)

        return self._chart(request, self.cat.ranked("tv", key), self.cat.total("tv"))

    def _airing(self, request: web.Request, keep: Any) -> web.Response:
        ids, total = self.cat.filtered("tv", keep, lambda d: -float(d["popularity"] or 0))
        return self._chart(request, iter(ids), total)

    async def on_the_air(self, request: web.Request) -> web.Response:
        """Series still in production (the data is a snapshot: no clock decides)."""
        return self._airing(request, lambda d: bool(d["in_production"]))

    async def airing_today(self, request: web.Request) -> web.Response:
        """Series in production with an episode announced."""
        return self._airing(
            request, lambda d: bool(d["in_production"]) and d["next_episode_to_air"] is not None
        )

    async def no_changes(self, request: web.Request) -> web.Response:
        which = "season" if "/season/" in request.path else "episode"
        raw = request.match_info[f"{which}_id"]
        recorded = self.cat.answer(f"tv/{which}/{raw}/changes")
        return _ok(recorded if recorded is not None else {"changes": []})

    async def episode_group(self, request: web.Request) -> web.Response:
        group_id = request.match_info["group_id"]
        group = self.cat.entity("episode_groups", group_id)
        if group is None:
            group = self._listed_group(group_id)
        if group is None:
            raise Failure(34)
        return _ok(group)

    def _listed_group(self, group_id: str) -> JSON | None:
        """A group a series' recorded ``episode_groups`` lists but TMDB's details of which
        we lack: its seasons, in order, one group each (as an "Aired Order" group is)."""
        for path, answer in data("answers").items():
            if not (path.startswith("tv/") and path.endswith("/episode_groups")):
                continue
            for summary in answer["results"]:
                if summary["id"] != group_id:
                    continue
                tv_id = int(path.split("/")[1])
                seasons = [s["season_number"] for s in self.cat.tv(tv_id)["seasons"]]
                groups = []
                for order, number in enumerate(seasons):
                    season = self.cat.season_details(tv_id, number)
                    episodes = [
                        {**{k: v for k, v in e.items() if k not in ("crew", "guest_stars")},
                         "order": i, "show_id": tv_id}
                        for i, e in enumerate(season["episodes"])
                    ]  # fmt: skip
                    groups.append(
                        {
                            "id": f"{group_id}{order:02d}"[-24:],
                            "name": season["name"],
                            "order": order,
                            "episodes": episodes,
                            "locked": True,
                        }
                    )
                count = sum(len(g["episodes"]) for g in groups)
                return {
                    **summary,
                    "episode_count": count,
                    "group_count": len(groups),
                    "groups": groups,
                }
        return None

    # ------------------------------------------------------------------ seasons

    def _localise(self, record: JSON, path: str, request: web.Request) -> None:
        """A season's or episode's name and overview in ``language`` where recorded."""
        translated = self.cat.translation_at(path, language(request)) or {}
        record.update({k: v for k, v in translated.items() if k in ("name", "overview")})

    def _season_answer(self, tv_id: int, number: int, name: str, request: web.Request) -> JSON:
        recorded = self.cat.answer(f"tv/{tv_id}/season/{number}/{name}")
        summary = self.cat.season_summary(tv_id, number) or {}
        season_id = summary.get("id", 0)
        if recorded is not None:
            answer = recorded
        elif name in ("credits", "aggregate_credits"):
            answer = self.sub_resource("tv", tv_id, name, request) or {}
        elif name == "external_ids":
            answer = {
                "freebase_mid": None,
                "freebase_id": None,
                "tvdb_id": None,
                "tvrage_id": None,
                "wikidata_id": None,
            }
        elif name == "images":
            poster = summary.get("poster_path")
            answer = {"posters": [image_entry(poster, 500, 750)] if poster else []}
        elif name == "translations":
            answer = {"translations": []}
        elif name == "watch/providers":
            answer = {"results": {}}
        else:
            answer = {"results": []}
        if name == "images":
            answer = filter_images(answer, image_languages(request))
        answer["id"] = season_id
        return answer

    async def season(self, request: web.Request) -> web.Response:
        tv_id, number = self._season(request)
        record = self.cat.season_details(tv_id, number)
        self._localise(record, f"tv/{tv_id}/season/{number}", request)
        for name in appends(request):
            if name in SEASON_SUBS:
                record[name] = self._season_answer(tv_id, number, name, request)
            elif name == "account_states" and has_user(request):
                states = season_states(self, request, tv_id, number)
                record[name] = {k: v for k, v in states.items() if k != "id"}
        return _ok(record)

    async def season_sub(self, request: web.Request) -> web.Response:
        tv_id, number = self._season(request)
        name = request.path.split("/", 6)[6]
        return _ok(self._season_answer(tv_id, number, name, request))

    # ------------------------------------------------------------------ episodes

    def _episode_answer(self, key: tuple[int, int, int], name: str, request: web.Request) -> JSON:
        tv_id, season, number = key
        recorded = self.cat.answer(f"tv/{tv_id}/season/{season}/episode/{number}/{name}")
        details = self.cat.episode_details(tv_id, season, number)
        if recorded is not None:
            answer = recorded
        elif name == "credits":
            series = self.cat.credits(tv_id, "tv")
            answer = {
                "cast": series["cast"],
                "crew": details["crew"],
                "guest_stars": details["guest_stars"],
            }
        elif name == "external_ids":
            answer = {
                "imdb_id": None,
                "freebase_mid": None,
                "freebase_id": None,
                "tvdb_id": None,
                "tvrage_id": None,
                "wikidata_id": None,
            }
        elif name == "images":
            still = details.get("still_path")
            answer = {"stills": [image_entry(still, 1280, 720)] if still else []}
        elif name == "translations":
            answer = {"translations": []}
        else:
            answer = {"results": []}
        if name == "images":
            answer = filter_images(answer, image_languages(request))
        answer["id"] = details["id"]
        return answer

    async def episode(self, request: web.Request) -> web.Response:
        key = self._episode(request)
        record = self.cat.episode_details(*key)
        self._localise(record, "tv/{}/season/{}/episode/{}".format(*key), request)
        for name in appends(request):
            if name in EPISODE_SUBS:
                record[name] = self._episode_answer(key, name, request)
            elif name == "account_states" and has_user(request):
                states = episode_states(self, request, key)
                record[name] = {k: v for k, v in states.items() if k != "id"}
        return _ok(record)

    async def episode_sub(self, request: web.Request) -> web.Response:
        key = self._episode(request)
        name = request.path.split("/", 8)[8]
        return _ok(self._episode_answer(key, name, request))
