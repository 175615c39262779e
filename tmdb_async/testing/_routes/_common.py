"""What the catalogue areas share: sub-resources, ``append_to_response``, languages, paging.

A sub-resource answer (``/3/movie/550/credits``) is TMDB's recorded answer where the data
has one, and otherwise built from the catalogue (a filler's poster as its only image, the
people whose credits name a title as its cast ...), never invented per request. The same
builder answers ``append_to_response``, so an appended object always equals the call.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from aiohttp import web

from .._catalogue import JSON, PAGE_SIZE, image_entry
from .._state import Failure
from ._base import Area, _int_path, _page
from .lists import lists_containing
from .ratings import account_states, has_user

#: The most sub-resources one ``append_to_response`` may name (TMDB: code 27 beyond).
MAX_APPENDS = 20


def appends(request: web.Request) -> list[str]:
    """The ``append_to_response`` names (code 27 when more than 20)."""
    names = [a.strip() for a in request.query.get("append_to_response", "").split(",")]
    names = [a for a in names if a]
    if len(names) > MAX_APPENDS:
        raise Failure(27)
    return names


def language(request: web.Request) -> str | None:
    """The ``language`` query parameter (``"de-DE"``), or ``None``."""
    return request.query.get("language") or None


def paged(items: Sequence[JSON], page: int, total: int | None = None) -> JSON:
    """One page of ``items`` (the whole list). Like TMDB, the totals are not capped
    (popular reports 58,000 pages) though pages past 500 answer code 22."""
    start = (page - 1) * PAGE_SIZE
    count = len(items) if total is None else total
    return {
        "page": page,
        "results": list(items[start : start + PAGE_SIZE]),
        "total_pages": max(1, math.ceil(count / PAGE_SIZE)),
        "total_results": count,
    }


def paged_lazy(ids: Iterable[int], page: int, total: int, build: Callable[[int], JSON]) -> JSON:
    """One page of a lazily ranked id stream; only that page's items are built."""
    start = (page - 1) * PAGE_SIZE
    chosen = list(itertools.islice(ids, start, start + PAGE_SIZE))
    return {
        "page": page,
        "results": [build(i) for i in chosen],
        "total_pages": max(1, math.ceil(total / PAGE_SIZE)),
        "total_results": total,
    }


def image_languages(request: web.Request) -> set[str | None] | None:
    """The image languages to keep: ``language``'s, plus ``include_image_language``
    (``"null"`` = no language). ``None`` keeps every image (neither parameter given)."""
    lang = language(request)
    extra = request.query.get("include_image_language")
    if lang is None and extra is None:
        return None
    keep: set[str | None] = set()
    if lang:
        keep.add(lang.partition("-")[0])
    for value in (extra or "").split(","):
        value = value.strip()
        if value:
            keep.add(None if value == "null" else value)
    return keep


def filter_images(answer: JSON, keep: set[str | None] | None) -> JSON:
    """An images answer with only the images in the languages TMDB would return."""
    if keep is None:
        return answer
    return {
        key: [i for i in value if i.get("iso_639_1") in keep] if isinstance(value, list) else value
        for key, value in answer.items()
    }


def today() -> dt.date:
    """Today's date in UTC."""
    return dt.datetime.now(dt.timezone.utc).date()


def _date(request: web.Request, name: str) -> dt.date | None:
    value = request.query.get(name)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise Failure(
            23, http_status=400, message="Invalid date: Format needs to be YYYY-MM-DD."
        ) from None


def check_range(request: web.Request) -> None:
    """``start_date``/``end_date`` as TMDB checks them: dates (code 23), 14 days at most
    apart (code 20)."""
    start, end = _date(request, "start_date"), _date(request, "end_date")
    if start is not None and end is not None and (end - start).days > 14:
        raise Failure(
            20,
            http_status=422,
            message="Invalid date range: Should be a range no longer than 14 days.",
        )


class CatalogueArea(Area):
    """An :class:`Area` with the catalogue's shared builders."""

    def _existing(self, request: web.Request, kind: str, name: str) -> int:
        item_id = _int_path(request, name)
        if not self.cat.has(kind, item_id):
            raise Failure(34)
        return item_id

    def _season(self, request: web.Request) -> tuple[int, int]:
        tv_id = self._existing(request, "tv", "series_id")
        season = int(request.match_info["season_number"])
        if self.cat.season_summary(tv_id, season) is None:
            raise Failure(34)
        return tv_id, season

    def _episode(self, request: web.Request) -> tuple[int, int, int]:
        tv_id, season = self._season(request)
        number = int(request.match_info["episode_number"])
        if not self.cat.has_episode(tv_id, season, number):
            raise Failure(34)
        return tv_id, season, number

    def item(self, kind: str, item_id: int, request: web.Request) -> JSON:
        """A list item of ``kind`` with its title and overview in ``language`` where the
        data has a translation (the original otherwise), as TMDB localises lists."""
        item = self.cat.item(kind, item_id)
        lang = language(request)
        if lang and kind in ("movie", "tv"):
            translated = self.cat.translation(kind, item_id, lang) or {}
            for field in ("title" if kind == "movie" else "name", "overview"):
                if field in translated:
                    item[field] = translated[field]
            item["poster_path"] = (
                self.cat.poster_in(f"{kind}/{item_id}", lang) or item["poster_path"]
            )
        return item

    def builder(self, kind: str, request: web.Request) -> Callable[[int], JSON]:
        """:meth:`item` for one request (for the paging helpers)."""
        return lambda item_id: self.item(kind, item_id, request)

    # ------------------------------------------------------------------ details

    def details(self, kind: str, item_id: int, request: web.Request) -> JSON:
        """A movie/tv/person details answer in ``language``, with its appended objects."""
        wanted = appends(request)
        record = self.cat.record(kind, item_id)
        translated = self.cat.translation(kind, item_id, language(request))
        if translated:
            fields = {
                "movie": ("title", "overview", "tagline", "homepage", "runtime"),
                "tv": ("name", "overview", "tagline", "homepage"),
                "person": ("biography",),
            }[kind]
            record.update({k: v for k, v in translated.items() if k in fields})
        poster = self.cat.poster_in(f"{kind}/{item_id}", language(request))
        if poster is not None and kind != "person":
            record["poster_path"] = poster
        for name in wanted:
            if name == "account_states" and kind != "person":
                if has_user(request):
                    states = account_states(self, request, kind, item_id)
                    record[name] = {k: v for k, v in states.items() if k != "id"}
                continue
            season = self._appended_season(kind, item_id, name)
            sub = season if season is not None else self.sub_resource(kind, item_id, name, request)
            if sub is not None:
                # TMDB leaves the id out of an appended object (it is the parent's).
                record[name] = {k: v for k, v in sub.items() if k != "id"}
        return record

    def _appended_season(self, kind: str, item_id: int, name: str) -> JSON | None:
        """``append_to_response=season/1`` on a series: that season's details."""
        head, _, number = name.partition("/")
        if kind != "tv" or head != "season" or not number.isdigit():
            return None
        if self.cat.season_summary(item_id, int(number)) is None:
            return None
        return self.cat.season_details(item_id, int(number))

    # ------------------------------------------------------------------ sub-resources

    def sub_resource(self, kind: str, item_id: int, name: str, request: web.Request) -> JSON | None:
        """The answer of ``/3/{kind}/{id}/{name}`` (``None``: no such sub-resource)."""
        path = {"movie": "movie", "tv": "tv", "person": "person"}[kind]
        build = getattr(self, f"_{kind}_{name.replace('/', '_')}", None)
        if build is None:
            return None
        if name == "changes":
            check_range(request)
        recorded = self.cat.answer(f"{path}/{item_id}/{name}")
        if recorded is not None and "page" in recorded:
            # A recorded page 1: other pages of it are past its end (TMDB: empty results).
            page = _page(request)
            if page != recorded["page"]:
                recorded = {**recorded, "page": page, "results": []}
        answer: JSON = recorded if recorded is not None else build(item_id, request)
        if name == "images" and kind != "person":  # a person's images take no language
            answer = filter_images(answer, image_languages(request))
        if "id" not in answer and name not in ("changes",):
            answer["id"] = item_id
        if name == "lists":
            answer = self._with_user_lists(kind, answer, request)
        return answer

    def _with_user_lists(self, kind: str, answer: JSON, request: web.Request) -> JSON:
        """A title's lists: the sandbox's public user lists holding it (newest first), then
        TMDB's recorded ones (only their page 1 is known)."""
        mine = lists_containing(self, kind, answer["id"])
        if kind == "tv":  # the TV shape: iso_3166_1, no list_type
            by_id = {lst.id: lst for lst in self.state.lists.values()}
            for entry in mine:
                entry.pop("list_type", None)
                entry["iso_3166_1"] = by_id[entry["id"]].iso_3166_1
        if not mine:
            return answer
        page = _page(request)
        recorded = list(answer["results"]) if answer["page"] == 1 else []
        total = answer["total_results"] + len(mine)
        merged = paged([*mine, *recorded], page, total)
        return {
            **answer,
            **merged,
            "total_pages": max(answer["total_pages"], merged["total_pages"]),
        }

    def _empty(self, item_id: int, key: str = "results") -> JSON:
        return {"id": item_id, key: []}

    def _paged_empty(self, item_id: int, request: web.Request) -> JSON:
        return {"id": item_id, **paged([], _page(request))}

    def _related(self, kind: str, item_id: int, request: web.Request) -> JSON:
        """Similar / recommended titles: real titles sharing a genre, most popular first."""
        page = _page(request)
        genres = {g["id"] for g in self.cat.record(kind, item_id)["genres"]}

        def keep(d: JSON) -> bool:
            return d["id"] != item_id and bool(genres & {g["id"] for g in d["genres"]})

        ids, total = self.cat.filtered(kind, keep, lambda d: -float(d["popularity"] or 0), 200)
        start = (page - 1) * 20
        items = [self.item(kind, i, request) for i in ids[start : start + 20]]
        return {**paged(items, 1, total), "page": page}

    def _images_of(self, poster: str | None, backdrop: str | None, item_id: int) -> JSON:
        return {
            "id": item_id,
            "backdrops": [image_entry(backdrop, 1280, 720)] if backdrop else [],
            "logos": [],
            "posters": [image_entry(poster, 500, 750, "en")] if poster else [],
        }

    def _translations_of(self, kind: str, item_id: int) -> JSON:
        record = self.cat.record(kind, item_id)
        if kind == "person":
            data: JSON = {"biography": record["biography"]}
        else:
            data = {
                "title" if kind == "movie" else "name": record.get("title") or record["name"],
                "overview": record["overview"],
                "homepage": record["homepage"],
                "tagline": record.get("tagline", ""),
            }
            if kind == "movie":
                data["runtime"] = record["runtime"]
        english = {
            "iso_3166_1": "US",
            "iso_639_1": "en",
            "name": "English",
            "english_name": "English",
            "data": data,
        }
        return {"id": item_id, "translations": [english]}

    # movie

    def _movie_alternative_titles(self, item_id: int, request: web.Request) -> JSON:
        return {"id": item_id, "titles": []}

    def _movie_changes(self, item_id: int, request: web.Request) -> JSON:
        return {"changes": []}

    def _movie_credits(self, item_id: int, request: web.Request) -> JSON:
        return self.cat.credits(item_id, "movie")

    def _movie_external_ids(self, item_id: int, request: web.Request) -> JSON:
        return {
            "id": item_id,
            "imdb_id": self.cat.movie(item_id)["imdb_id"],
            "wikidata_id": None,
            "facebook_id": None,
            "instagram_id": None,
            "twitter_id": None,
        }

    def _movie_images(self, item_id: int, request: web.Request) -> JSON:
        return self.cat.images(item_id)

    def _movie_keywords(self, item_id: int, request: web.Request) -> JSON:
        found = []
        for keyword, movies in self.cat.keyword_movies().items():
            if item_id in movies:
                record = self.cat.entity("keywords", keyword)
                if record is not None:
                    found.append(record)
        return {"id": item_id, "keywords": found}

    def _movie_lists(self, item_id: int, request: web.Request) -> JSON:
        return self._paged_empty(item_id, request)

    def _movie_recommendations(self, item_id: int, request: web.Request) -> JSON:
        return self._related("movie", item_id, request)

    def _movie_similar(self, item_id: int, request: web.Request) -> JSON:
        return self._related("movie", item_id, request)

    def _movie_release_dates(self, item_id: int, request: web.Request) -> JSON:
        movie = self.cat.movie(item_id)
        if not movie["release_date"]:
            return self._empty(item_id)
        country = (movie["origin_country"] or ["US"])[0]
        entry = {
            "certification": "",
            "descriptors": [],
            "iso_639_1": "",
            "note": "",
            "release_date": f"{movie['release_date']}T00:00:00.000Z",
            "type": 3,
        }
        return {"id": item_id, "results": [{"iso_3166_1": country, "release_dates": [entry]}]}

    def _movie_reviews(self, item_id: int, request: web.Request) -> JSON:
        return self._paged_empty(item_id, request)

    def _movie_translations(self, item_id: int, request: web.Request) -> JSON:
        return self._translations_of("movie", item_id)

    def _movie_videos(self, item_id: int, request: web.Request) -> JSON:
        return self._empty(item_id)

    def _movie_watch_providers(self, item_id: int, request: web.Request) -> JSON:
        return {"id": item_id, "results": {}}

    # tv

    def _tv_aggregate_credits(self, item_id: int, request: web.Request) -> JSON:
        plain = self.cat.credits(item_id, "tv")
        episodes = int(self.cat.tv(item_id)["number_of_episodes"] or 0)
        cast = []
        for entry in plain["cast"]:
            roles = [
                {
                    "credit_id": entry["credit_id"],
                    "character": entry.get("character", ""),
                    "episode_count": episodes,
                }
            ]
            cast.append(
                {
                    **{k: v for k, v in entry.items() if k not in ("character", "credit_id")},
                    "roles": roles,
                    "total_episode_count": episodes,
                }
            )
        crew = []
        for entry in plain["crew"]:
            jobs = [{"credit_id": entry["credit_id"], "job": entry["job"], "episode_count": 0}]
            crew.append(
                {
                    **{k: v for k, v in entry.items() if k not in ("job", "credit_id")},
                    "jobs": jobs,
                    "total_episode_count": 0,
                }
            )
        return {"id": item_id, "cast": cast, "crew": crew}

    def _tv_alternative_titles(self, item_id: int, request: web.Request) -> JSON:
        return self._empty(item_id)

    def _tv_changes(self, item_id: int, request: web.Request) -> JSON:
        return {"changes": []}

    def _tv_content_ratings(self, item_id: int, request: web.Request) -> JSON:
        return self._empty(item_id)

    def _tv_credits(self, item_id: int, request: web.Request) -> JSON:
        return self.cat.credits(item_id, "tv")

    def _tv_episode_groups(self, item_id: int, request: web.Request) -> JSON:
        return self._empty(item_id)

    def _tv_external_ids(self, item_id: int, request: web.Request) -> JSON:
        return {
            "id": item_id,
            "imdb_id": None,
            "freebase_mid": None,
            "freebase_id": None,
            "tvdb_id": None,
            "tvrage_id": None,
            "wikidata_id": None,
            "facebook_id": None,
            "instagram_id": None,
            "twitter_id": None,
        }

    def _tv_images(self, item_id: int, request: web.Request) -> JSON:
        show = self.cat.tv(item_id)
        return self._images_of(show["poster_path"], show["backdrop_path"], item_id)

    def _tv_keywords(self, item_id: int, request: web.Request) -> JSON:
        return self._empty(item_id)

    def _tv_lists(self, item_id: int, request: web.Request) -> JSON:
        return self._paged_empty(item_id, request)

    def _tv_recommendations(self, item_id: int, request: web.Request) -> JSON:
        return self._related("tv", item_id, request)

    def _tv_similar(self, item_id: int, request: web.Request) -> JSON:
        return self._related("tv", item_id, request)

    def _tv_reviews(self, item_id: int, request: web.Request) -> JSON:
        return self._paged_empty(item_id, request)

    def _tv_screened_theatrically(self, item_id: int, request: web.Request) -> JSON:
        return self._empty(item_id)

    def _tv_translations(self, item_id: int, request: web.Request) -> JSON:
        return self._translations_of("tv", item_id)

    def _tv_videos(self, item_id: int, request: web.Request) -> JSON:
        return self._empty(item_id)

    def _tv_watch_providers(self, item_id: int, request: web.Request) -> JSON:
        return {"id": item_id, "results": {}}

    # person

    def _person_changes(self, item_id: int, request: web.Request) -> JSON:
        return {"changes": []}

    def _person_credit_items(self, item_id: int, media: str | None) -> tuple[list[Any], list[Any]]:
        cast: list[JSON] = []
        crew: list[JSON] = []
        for row in self.cat.person_credits(item_id):
            if media is not None and row["media_type"] != media:
                continue
            item = self.cat.item(row["media_type"], row["id"])
            if media is None:
                item["media_type"] = row["media_type"]
            item["credit_id"] = row["credit_id"]
            if row["credit_type"] == "cast":
                item["character"] = row.get("character", "")
                item["order"] = row.get("order", 0)
                if row["media_type"] == "tv":
                    item["episode_count"] = 0
                cast.append(item)
            else:
                item["department"] = row.get("department", "")
                item["job"] = row.get("job", "")
                if row["media_type"] == "tv":
                    item["episode_count"] = 0
                crew.append(item)
        return cast, crew

    def _person_combined_credits(self, item_id: int, request: web.Request) -> JSON:
        cast, crew = self._person_credit_items(item_id, None)
        return {"cast": cast, "crew": crew, "id": item_id}

    def _person_movie_credits(self, item_id: int, request: web.Request) -> JSON:
        cast, crew = self._person_credit_items(item_id, "movie")
        return {"cast": cast, "crew": crew, "id": item_id}

    def _person_tv_credits(self, item_id: int, request: web.Request) -> JSON:
        cast, crew = self._person_credit_items(item_id, "tv")
        return {"cast": cast, "crew": crew, "id": item_id}

    def _person_external_ids(self, item_id: int, request: web.Request) -> JSON:
        return {
            "id": item_id,
            "freebase_mid": None,
            "freebase_id": None,
            "imdb_id": self.cat.person(item_id)["imdb_id"],
            "tvrage_id": None,
            "wikidata_id": None,
            "facebook_id": None,
            "instagram_id": None,
            "tiktok_id": None,
            "twitter_id": None,
            "youtube_id": None,
        }

    def _person_images(self, item_id: int, request: web.Request) -> JSON:
        path = self.cat.person(item_id)["profile_path"]
        return {"id": item_id, "profiles": [image_entry(path, 500, 750)] if path else []}

    def _person_tagged_images(self, item_id: int, request: web.Request) -> JSON:
        return self._paged_empty(item_id, request)

    def _person_translations(self, item_id: int, request: web.Request) -> JSON:
        return self._translations_of("person", item_id)
