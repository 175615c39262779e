"""The discover routes (``/3/discover/movie`` and ``/3/discover/tv``): filters and sorts
on the catalogue's real fields."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aiohttp import web

from .._catalogue import JSON, data
from .._state import Failure
from ._base import _ok, _page
from ._common import CatalogueArea, paged

Check = Callable[[JSON], bool]

MOVIE_SORTS = {
    "popularity": "popularity",
    "vote_average": "vote_average",
    "vote_count": "vote_count",
    "primary_release_date": "release_date",
    "revenue": "revenue",
    "title": "title",
    "original_title": "original_title",
}
TV_SORTS = {
    "popularity": "popularity",
    "vote_average": "vote_average",
    "vote_count": "vote_count",
    "first_air_date": "first_air_date",
    "name": "name",
    "original_name": "original_name",
}


def _ids(value: str) -> tuple[list[int], bool]:
    """``"1,2"`` (all of) or ``"1|2"`` (any of) -> (ids, any)."""
    parts = value.replace("|", ",").split(",")
    try:
        return [int(p) for p in parts if p.strip()], "|" in value
    except ValueError:
        raise Failure(5) from None


def _number(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise Failure(5) from None


def _at_least(field: str, low: float) -> Check:
    return lambda d: float(d.get(field) or 0) >= low


def _at_most(field: str, high: float) -> Check:
    return lambda d: float(d.get(field) or 0) <= high


def _on_or_after(field: str, day: str) -> Check:
    return lambda d: bool(d.get(field)) and d[field] >= day


def _on_or_before(field: str, day: str) -> Check:
    return lambda d: bool(d.get(field)) and d[field] <= day


def _in_year(field: str, year: str) -> Check:
    return lambda d: (d.get(field) or "")[:4] == year


def _providers(kind: str, item_id: int, region: str | None, kinds: set[str] | None) -> set[int]:
    """Provider ids of a title's recorded watch providers (in ``region`` if given; only
    the ``kinds`` of offer, e.g. {"flatrate", "rent"}, if given)."""
    answer = data("answers").get(f"{kind}/{item_id}/watch/providers")
    if answer is None:
        return set()
    found: set[int] = set()
    for country, offers in answer["results"].items():
        if region is not None and country != region:
            continue
        for offer, providers in offers.items():
            if offer != "link" and (kinds is None or offer in kinds):
                found |= {p["provider_id"] for p in providers}
    return found


def _certifications(movie_id: int, country: str) -> set[str]:
    """A movie's certifications in ``country`` from its recorded release dates."""
    answer = data("answers").get(f"movie/{movie_id}/release_dates")
    if answer is None:
        return set()
    return {
        d["certification"]
        for r in answer["results"]
        if r["iso_3166_1"] == country
        for d in r["release_dates"]
        if d["certification"]
    }


def _in_titles(titles: set[int]) -> Check:
    return lambda d: d["id"] in titles


def _genre_checks(q: Any) -> list[Check]:
    checks: list[Check] = []
    if "with_genres" in q:
        genre_ids, any_genre = _ids(q["with_genres"])
        genre_test = any if any_genre else all
        checks.append(lambda d: genre_test(g in {x["id"] for x in d["genres"]} for g in genre_ids))
    if "without_genres" in q:
        no_genres = set(_ids(q["without_genres"])[0])
        checks.append(lambda d: not {x["id"] for x in d["genres"]} & no_genres)
    return checks


def _range_checks(q: Any, kind: str) -> list[Check]:
    checks: list[Check] = []
    date_field = "release_date" if kind == "movie" else "first_air_date"
    for name, field in (
        ("vote_average", "vote_average"),
        ("vote_count", "vote_count"),
        ("with_runtime", "runtime"),
    ):
        if f"{name}.gte" in q:
            checks.append(_at_least(field, _number(q[f"{name}.gte"])))
        if f"{name}.lte" in q:
            checks.append(_at_most(field, _number(q[f"{name}.lte"])))
    prefixes = (
        ("primary_release_date", "release_date")
        if kind == "movie"
        else ("first_air_date", "air_date")
    )
    for prefix in prefixes:
        if f"{prefix}.gte" in q:
            checks.append(_on_or_after(date_field, q[f"{prefix}.gte"]))
        if f"{prefix}.lte" in q:
            checks.append(_on_or_before(date_field, q[f"{prefix}.lte"]))
    for year_name in ("primary_release_year", "year", "first_air_date_year"):
        if year_name in q:
            checks.append(_in_year(date_field, q[year_name]))
    return checks


def _set_checks(q: Any) -> list[Check]:
    checks: list[Check] = []
    if "with_original_language" in q:
        langs = set(q["with_original_language"].replace("|", ",").split(","))
        checks.append(lambda d: d["original_language"] in langs)
    if "with_origin_country" in q:
        countries = set(q["with_origin_country"].replace("|", ",").split(","))
        checks.append(lambda d: bool(countries & set(d.get("origin_country") or [])))
    if "with_companies" in q:
        companies = set(_ids(q["with_companies"])[0])
        checks.append(lambda d: bool({c["id"] for c in d["production_companies"]} & companies))
    if "without_companies" in q:
        no_companies = set(_ids(q["without_companies"])[0])
        checks.append(lambda d: not {c["id"] for c in d["production_companies"]} & no_companies)
    return checks


def _provider_checks(q: Any, kind: str) -> list[Check]:
    checks: list[Check] = []
    watch_region = q.get("watch_region") or None
    offers = q.get("with_watch_monetization_types")
    kinds = set(offers.replace("|", ",").split(",")) if offers else None
    if "with_watch_providers" in q:
        provider_ids, any_provider = _ids(q["with_watch_providers"])
        provider_test = any if any_provider else all
        checks.append(
            lambda d: provider_test(
                p in _providers(kind, d["id"], watch_region, kinds) for p in provider_ids
            )
        )
    if "without_watch_providers" in q:
        unwanted, _ = _ids(q["without_watch_providers"])
        checks.append(lambda d: not _providers(kind, d["id"], watch_region, kinds) & set(unwanted))
    return checks


_STATUSES = {
    "0": "Returning Series", "1": "Planned", "2": "In Production",
    "3": "Ended", "4": "Canceled", "5": "Pilot",
}  # fmt: skip
_TYPES = {
    "0": "Documentary", "1": "News", "2": "Miniseries", "3": "Reality",
    "4": "Scripted", "5": "Talk Show", "6": "Video",
}  # fmt: skip


def _tv_checks(q: Any) -> list[Check]:
    checks: list[Check] = []
    if "with_networks" in q:
        network_ids = set(_ids(q["with_networks"])[0])
        checks.append(lambda d: bool({n["id"] for n in d["networks"]} & network_ids))
    if "with_status" in q:
        wanted_statuses = {_STATUSES.get(s) for s in q["with_status"].replace("|", ",").split(",")}
        checks.append(lambda d: d["status"] in wanted_statuses)
    if "with_type" in q:
        wanted_types = {_TYPES.get(s) for s in q["with_type"].replace("|", ",").split(",")}
        checks.append(lambda d: d["type"] in wanted_types)
    return checks


class DiscoverRoutes(CatalogueArea):
    """``/3/discover/...``."""

    def register(self, router: web.UrlDispatcher) -> None:
        """Add this area's routes to ``router``."""
        router.add_get("/3/discover/movie", self.movie)
        router.add_get("/3/discover/tv", self.tv)

    def _people_titles(self, people: str, media: str) -> set[int]:
        ids, any_of = _ids(people)
        sets = [
            {r["id"] for r in self.cat.person_credits(p) if r["media_type"] == media} for p in ids
        ]
        if not sets:
            return set()
        return set.union(*sets) if any_of else set.intersection(*sets)

    def _checks(self, q: Any, kind: str) -> list[Check]:
        """The filters of a discover query, one predicate per parameter given."""
        checks: list[Check] = []
        if q.get("include_adult", "false") != "true":
            checks.append(lambda d: not d["adult"])
        checks += _genre_checks(q)
        checks += _range_checks(q, kind)
        checks += _set_checks(q)
        checks += self._keyword_checks(q)
        checks += _provider_checks(q, kind)
        checks += self._movie_checks(q) if kind == "movie" else _tv_checks(q)
        return checks

    def _keyword_checks(self, q: Any) -> list[Check]:
        if "with_keywords" not in q:
            return []
        keyword_ids, any_keyword = _ids(q["with_keywords"])
        table = self.cat.keyword_movies()
        sets = [set(table.get(k, [])) for k in keyword_ids] or [set()]
        allowed = set.union(*sets) if any_keyword else set.intersection(*sets)
        return [lambda d: d["id"] in allowed]

    def _movie_checks(self, q: Any) -> list[Check]:
        checks: list[Check] = []
        if "certification" in q:
            country = q.get("certification_country", "US")
            wanted_cert = set(q["certification"].replace("|", ",").split(","))
            checks.append(lambda d: bool(_certifications(d["id"], country) & wanted_cert))
        region = q.get("region") or None
        if region is not None:
            checks.append(lambda d: self.cat.released_in(d["id"], region))
        for name in ("with_cast", "with_crew", "with_people"):
            if name in q:
                titles = self._people_titles(q[name], "movie")
                checks.append(_in_titles(titles))
        return checks

    def _discover(self, request: web.Request, kind: str) -> web.Response:
        page = _page(request)
        q = request.query
        checks = self._checks(q, kind)
        sorts = MOVIE_SORTS if kind == "movie" else TV_SORTS
        field, _, direction = q.get("sort_by", "popularity.desc").partition(".")
        if field not in sorts or direction not in ("asc", "desc"):
            field, direction = "popularity", "desc"
        key = sorts[field]
        text = key in ("title", "original_title", "name", "original_name")

        def order(d: JSON) -> Any:
            value = d.get(key)
            if text:
                return (str(value or ""), d["id"])
            number = float(value or 0)
            return (-number if direction == "desc" else number, d["id"])

        ids, total = self.cat.filtered(kind, lambda d: all(c(d) for c in checks), order)
        if text and direction == "desc":
            ids.reverse()
        start = (page - 1) * 20
        items = [self.item(kind, i, request) for i in ids[start : start + 20]]
        return _ok({**paged(items, 1, total), "page": page})

    async def movie(self, request: web.Request) -> web.Response:
        return self._discover(request, "movie")

    async def tv(self, request: web.Request) -> web.Response:
        return self._discover(request, "tv")
