"""Rebuild the sandbox's catalogue, ``tmdb_async/testing/data/*.json``, from ``tests/reference``.

Run from the repository root: ``python scripts/build_sandbox_data.py``. It reads TMDB's
official v3 document (the example answer of every operation) and the recorded responses in
``tests/reference/fixtures``, and writes:

- ``movies.json``, ``tv.json``, ``people.json``: every real entity seen anywhere, keyed by id.
  A full record (a details answer) is kept as TMDB sent it; an entity seen only as a list or
  search item, a cast entry or a collection part is completed with plausible values, and the
  completed fields are listed in the record's ``"_generated"`` key (the sandbox strips it).
- ``collections.json``, ``companies.json``, ``networks.json``, ``keywords.json``,
  ``reviews.json``, ``credits.json``, ``episode_groups.json``, ``seasons.json`` (key
  ``"<series>/<season>"``), ``episodes.json`` (key ``"<series>/<season>/<episode>"``): the same
  for those entities.
- ``answers.json``: recorded answers of an entity's sub-resources, keyed by their path
  without ``/3/`` (``"movie/550/credits"``, ``"tv/1399/season/1/images"`` ...).
- ``lookups.json``: the lookup tables (configuration lists, genres, certifications, watch
  providers and regions), keyed by path without ``/3/``.
- ``credit_index.json``: for every person, the credits that point at them (built from every
  credits answer), so a person's credits and a title's cast agree both ways.

Nothing here is invented but the ``_generated`` fields; the output is deterministic.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
REF = ROOT / "tests" / "reference"
OUT = ROOT / "tmdb_async" / "testing" / "data"

JSON = dict[str, Any]

movies: dict[int, JSON] = {}
tv: dict[int, JSON] = {}
people: dict[int, JSON] = {}
collections: dict[int, JSON] = {}
companies: dict[int, JSON] = {}
networks: dict[int, JSON] = {}
keywords: dict[int, JSON] = {}
reviews: dict[str, JSON] = {}
credits: dict[str, JSON] = {}
episode_groups: dict[str, JSON] = {}
seasons: dict[str, JSON] = {}
episodes: dict[str, JSON] = {}
answers: dict[str, JSON] = {}
lookups: dict[str, Any] = {}

#: person id -> titles a search item says they are known for (credits without details).
known_for: dict[int, list[tuple[str, int]]] = {}

MOVIE_GENRES: dict[int, str] = {}
TV_GENRES: dict[int, str] = {}


def _examples() -> Iterator[tuple[str, str, Any]]:
    """(operationId, path template, first 200 example) of every GET operation."""
    spec = json.loads((REF / "tmdb-api-v3.openapi.json").read_text(encoding="utf-8"))
    for template, ops in spec["paths"].items():
        op = ops.get("get")
        if op is None:
            continue
        content = op["responses"].get("200", {}).get("content", {}).get("application/json", {})
        examples = content.get("examples")
        if not examples:
            continue
        value = next(iter(examples.values()))["value"]
        yield op["operationId"], template, json.loads(value) if isinstance(value, str) else value


def _fixture(name: str) -> Any:
    return json.loads((REF / "fixtures" / name).read_text(encoding="utf-8"))


def _hex(*parts: object) -> str:
    return hashlib.sha256(":".join(map(str, parts)).encode()).hexdigest()[:24]


def _year_seed(value: int) -> int:
    return int(hashlib.sha256(str(value).encode()).hexdigest()[:8], 16)


# --------------------------------------------------------------------------- entities


def _keep_full(table: dict[Any, JSON], key: Any, record: JSON) -> None:
    """Store a full record: it replaces a completed one, never another full one."""
    old = table.get(key)
    if old is None or "_generated" in old:
        table[key] = dict(record)


def _complete(table: dict[Any, JSON], key: Any, record: JSON, defaults: JSON) -> None:
    """Store a partial record completed with ``defaults`` (marked generated)."""
    old = table.get(key)
    if old is not None and "_generated" not in old:
        return
    merged = dict(old or {})
    for field, value in record.items():
        if field in defaults or field not in merged or field in merged.get("_generated", ()):
            merged[field] = value
    generated = set(merged.get("_generated", ()))
    for field, value in defaults.items():
        if field not in record:
            if field not in merged or field in generated:
                merged[field] = value
                generated.add(field)
        else:
            generated.discard(field)
    merged["_generated"] = sorted(generated)
    table[key] = merged


MOVIE_ITEM = (
    "adult",
    "backdrop_path",
    "genre_ids",
    "id",
    "original_language",
    "original_title",
    "overview",
    "popularity",
    "poster_path",
    "release_date",
    "title",
    "video",
    "vote_average",
    "vote_count",
)
TV_ITEM = (
    "adult",
    "backdrop_path",
    "genre_ids",
    "id",
    "origin_country",
    "original_language",
    "original_name",
    "overview",
    "popularity",
    "poster_path",
    "first_air_date",
    "name",
    "vote_average",
    "vote_count",
)


def add_movie(item: JSON) -> None:
    """A movie seen as a list item (or a credit / collection part)."""
    movie_id = item["id"]
    title = item.get("title") or item.get("name") or item.get("original_title") or ""
    original = item.get("original_title") or item.get("original_name") or title
    seed = _year_seed(movie_id)
    genre_ids = [g for g in item.get("genre_ids", []) if g in MOVIE_GENRES]
    record = {k: item[k] for k in MOVIE_ITEM if k in item and k != "genre_ids"}
    record["title"], record["original_title"] = title, original
    if "genre_ids" in item:
        record["genres"] = [{"id": g, "name": MOVIE_GENRES[g]} for g in genre_ids]
    language = item.get("original_language", "en")
    defaults: JSON = {
        "adult": False,
        "backdrop_path": None,
        "belongs_to_collection": None,
        "budget": 0,
        "genres": [],
        "homepage": "",
        "imdb_id": None,
        "origin_country": [],
        "original_language": language,
        "overview": "",
        "popularity": 0.0,
        "poster_path": None,
        "production_companies": [],
        "production_countries": [],
        "release_date": "",
        "revenue": 0,
        "runtime": 90 + seed % 60,
        "spoken_languages": [],
        "status": "Released",
        "tagline": "",
        "video": False,
        "vote_average": 0.0,
        "vote_count": 0,
    }
    _complete(movies, movie_id, record, defaults)


def add_tv(item: JSON) -> None:
    """A TV series seen as a list item (or a credit)."""
    tv_id = item["id"]
    name = item.get("name") or item.get("original_name") or ""
    record = {k: item[k] for k in TV_ITEM if k in item and k != "genre_ids"}
    record["name"], record["original_name"] = name, item.get("original_name") or name
    if "genre_ids" in item:
        record["genres"] = [
            {"id": g, "name": TV_GENRES[g]} for g in item["genre_ids"] if g in TV_GENRES
        ]
    first = item.get("first_air_date") or ""
    episodes = 6 + _year_seed(tv_id) % 7
    defaults: JSON = {
        "adult": False,
        "backdrop_path": None,
        "created_by": [],
        "episode_run_time": [],
        "first_air_date": first,
        "genres": [],
        "homepage": "",
        "in_production": False,
        "languages": [item.get("original_language", "en")],
        "last_air_date": first,
        "last_episode_to_air": None,
        "next_episode_to_air": None,
        "networks": [],
        "number_of_episodes": episodes,
        "number_of_seasons": 1,
        "origin_country": [],
        "original_language": "en",
        "overview": "",
        "popularity": 0.0,
        "poster_path": None,
        "production_companies": [],
        "production_countries": [],
        "seasons": [
            {
                "air_date": first or None,
                "episode_count": episodes,
                "id": 90_000_000 + tv_id,
                "name": "Season 1",
                "overview": "",
                "poster_path": item.get("poster_path"),
                "season_number": 1,
                "vote_average": 0.0,
            }
        ],
        "spoken_languages": [],
        "status": "Returning Series",
        "tagline": "",
        "type": "Scripted",
        "vote_average": 0.0,
        "vote_count": 0,
    }
    _complete(tv, tv_id, record, defaults)


def add_person(item: JSON) -> None:
    """A person seen as a cast/crew entry or a search item."""
    person_id = item["id"]
    fields = ("adult", "gender", "known_for_department", "name", "popularity", "profile_path")
    record: JSON = {k: item[k] for k in fields if k in item}
    defaults: JSON = {
        "adult": False,
        "also_known_as": [],
        "biography": "",
        "birthday": None,
        "deathday": None,
        "gender": 0,
        "homepage": None,
        "imdb_id": None,
        "known_for_department": "Acting",
        "place_of_birth": None,
        "popularity": 0.0,
        "profile_path": None,
    }
    _complete(people, person_id, {"id": person_id, **record}, defaults)


def add_company(item: JSON, table: dict[int, JSON]) -> None:
    """A company or network seen inside another record."""
    defaults: JSON = {"headquarters": "", "homepage": "", "origin_country": ""}
    if table is companies:
        defaults.update({"description": "", "parent_company": None})
    record: JSON = {k: item[k] for k in ("id", "logo_path", "name", "origin_country") if k in item}
    _complete(table, item["id"], record, defaults)


def add_collection(item: JSON) -> None:
    """A collection seen as ``belongs_to_collection`` or a search item."""
    record: JSON = {k: item[k] for k in ("id", "name", "poster_path", "backdrop_path") if k in item}
    defaults: JSON = {
        "original_language": "en",
        "original_name": item["name"],
        "overview": "",
        "parts": [],
    }
    _complete(collections, item["id"], record, defaults)


# --------------------------------------------------------------------------- harvesting


def _is_person(d: JSON) -> bool:
    return (
        isinstance(d.get("id"), int)
        and "name" in d
        and "profile_path" in d
        and not any(k in d for k in ("title", "first_air_date", "episode_count", "media"))
    )


def harvest(value: Any, parent: str = "") -> None:
    """Walk any answer and register every entity it mentions."""
    if isinstance(value, list):
        for v in value:
            harvest(v, parent)
        return
    if not isinstance(value, dict):
        return
    media = value.get("media_type") if isinstance(value.get("id"), int) else "not an item"
    if parent in ("production_companies",) and "logo_path" in value:
        add_company(value, companies)
    elif parent in ("networks", "network") and "logo_path" in value:
        add_company(value, networks)
    elif parent == "belongs_to_collection":
        add_collection(value)
    elif parent in ("keywords",) and set(value) == {"id", "name"}:
        keywords.setdefault(value["id"], dict(value))
    elif (media == "movie" and ("title" in value or "original_title" in value)) or (
        media is None and "title" in value and "release_date" in value and "id" in value
    ):
        add_movie(value)
    elif (media == "tv" and "name" in value) or (
        media is None
        and "original_name" in value
        and "first_air_date" in value
        and isinstance(value.get("id"), int)
    ):
        add_tv(value)
    elif media == "person" or _is_person(value):
        add_person(value)
        for title in value.get("known_for") or ():
            if isinstance(title.get("id"), int) and title.get("media_type") in ("movie", "tv"):
                known_for.setdefault(value["id"], []).append((title["media_type"], title["id"]))
    for key, inner in value.items():
        if isinstance(inner, dict | list):
            harvest(inner, key)


def _genre_tables(examples: dict[str, tuple[str, Any]]) -> None:
    for op, table in (("genre-movie-list", MOVIE_GENRES), ("genre-tv-list", TV_GENRES)):
        for genre in examples[op][1]["genres"]:
            table[genre["id"]] = genre["name"]


LOOKUP_OPS = {
    "configuration-countries": "configuration/countries",
    "configuration-jobs": "configuration/jobs",
    "configuration-languages": "configuration/languages",
    "configuration-primary-translations": "configuration/primary_translations",
    "configuration-timezones": "configuration/timezones",
    "configuration-details": "configuration",
    "genre-movie-list": "genre/movie/list",
    "genre-tv-list": "genre/tv/list",
    "certification-movie-list": "certification/movie/list",
    "certifications-tv-list": "certification/tv/list",
    "watch-providers-available-regions": "watch/providers/regions",
    "watch-providers-movie-list": "watch/providers/movie",
    "watch-provider-tv-list": "watch/providers/tv",
    "changes-movie-list": "movie/changes",
    "changes-tv-list": "tv/changes",
    "changes-people-list": "person/changes",
}
#: Answers that are lists of items only (harvested for entities, not kept as answers).
LIST_OPS = {
    "discover-movie", "discover-tv", "movie-now-playing-list", "movie-popular-list",
    "movie-top-rated-list", "movie-upcoming-list", "person-popular-list", "search-collection",
    "search-company", "search-keyword", "search-movie", "search-multi", "search-person",
    "search-tv", "trending-all", "trending-movies", "trending-people", "trending-tv",
    "tv-series-airing-today-list", "tv-series-on-the-air-list", "tv-series-popular-list",
    "tv-series-top-rated-list", "movie-similar", "movie-recommendations",
    "tv-series-recommendations", "tv-series-similar", "find-by-id", "movie-latest-id",
    "tv-series-latest-id", "person-latest-id",
}  # fmt: skip
#: Sub-resource answers kept for their entity: operationId -> path with {id}.
SUB_OPS = {
    "collection-images": "collection/{id}/images",
    "collection-translations": "collection/{id}/translations",
    "company-alternative-names": "company/{id}/alternative_names",
    "company-images": "company/{id}/images",
    "details-copy": "network/{id}/alternative_names",
    "alternative-names-copy": "network/{id}/images",
    "keyword-movies": None,
    "movie-alternative-titles": "movie/{id}/alternative_titles",
    "movie-credits": "movie/{id}/credits",
    "movie-external-ids": "movie/{id}/external_ids",
    "movie-images": "movie/{id}/images",
    "movie-keywords": "movie/{id}/keywords",
    "movie-lists": "movie/{id}/lists",
    "movie-release-dates": "movie/{id}/release_dates",
    "movie-reviews": "movie/{id}/reviews",
    "movie-translations": "movie/{id}/translations",
    "movie-videos": "movie/{id}/videos",
    "movie-watch-providers": "movie/{id}/watch/providers",
    "person-combined-credits": "person/{id}/combined_credits",
    "person-external-ids": "person/{id}/external_ids",
    "person-images": "person/{id}/images",
    "person-movie-credits": "person/{id}/movie_credits",
    "person-tv-credits": "person/{id}/tv_credits",
    "person-tagged-images": "person/{id}/tagged_images",
    "translations": "person/{id}/translations",
    "tv-series-aggregate-credits": "tv/{id}/aggregate_credits",
    "tv-series-alternative-titles": "tv/{id}/alternative_titles",
    "tv-series-content-ratings": "tv/{id}/content_ratings",
    "tv-series-credits": "tv/{id}/credits",
    "tv-series-episode-groups": "tv/{id}/episode_groups",
    "tv-series-external-ids": "tv/{id}/external_ids",
    "tv-series-keywords": "tv/{id}/keywords",
    "lists-copy": "tv/{id}/lists",
    "tv-series-reviews": "tv/{id}/reviews",
    "tv-series-screened-theatrically": "tv/{id}/screened_theatrically",
    "tv-series-translations": "tv/{id}/translations",
    "tv-series-videos": "tv/{id}/videos",
    "tv-series-watch-providers": "tv/{id}/watch/providers",
}
#: Season and episode sub-resources (GoT season 1 / episode 1x01 in the document).
SEASON_OPS = {
    "tv-season-aggregate-credits": "aggregate_credits",
    "tv-season-credits": "credits",
    "tv-season-external-ids": "external_ids",
    "tv-season-images": "images",
    "tv-season-translations": "translations",
    "tv-season-videos": "videos",
    "tv-season-watch-providers": "watch/providers",
}
EPISODE_OPS = {
    "tv-episode-credits": "credits",
    "tv-episode-external-ids": "external_ids",
    "tv-episode-images": "images",
    "tv-episode-translations": "translations",
    "tv-episode-videos": "videos",
}
#: The document's "changes of one item" examples, and whose they are.
CHANGES_OPS = {
    "movie-changes": "movie/550/changes",
    "person-changes": "person/31/changes",
    "tv-series-changes": "tv/1399/changes",
    # not "tv-season-changes-by-id": that example contradicts its own schema ("value" is a
    # string or an object there), so the season's changes are served empty.
    "tv-episode-changes-by-id": "tv/episode/63056/changes",
}


def _movie_from_details(record: JSON) -> None:
    _keep_full(movies, record["id"], {k: v for k, v in record.items() if "/" not in k})
    harvest({k: v for k, v in record.items() if k not in ("id",)})


def build() -> None:
    examples = {op: (template, value) for op, template, value in _examples()}
    _genre_tables(examples)

    # Full records first (they win over completed ones whatever the order).
    sw = examples["movie-details"][1]
    _movie_from_details(sw)
    fight_club = _fixture("clients/adamayoung-TMDb/movie.json")
    _movie_from_details(fight_club)
    _movie_from_details(_fixture("recorded/tmdblib/movie-details-47964.200.json"))
    avatar = _fixture("recorded/tmdblib/movie-details-19995-de-images.200.json")
    images = avatar.pop("images")
    avatar.pop("softcore", None)
    _movie_from_details(avatar)
    # The Avatar recording was made with language=de-DE: keep it as the German translation
    # and the English text from where TMDB sent it in English (the popular list).
    answers["movie/19995/images"] = {"id": 19995, **images}
    _movie_from_details(examples["movie-latest-id"][1])
    for record in (
        examples["tv-series-details"][1],
        _fixture("recorded/tmdblib/tv-details-1396.200.json"),
        examples["tv-series-latest-id"][1],
    ):
        _keep_full(tv, record["id"], record)
        harvest({k: v for k, v in record.items() if k != "id"})
    for record in (
        examples["person-details"][1],
        _fixture("recorded/tmdblib/person-details-62.200.json"),
        _fixture("clients/adamayoung-TMDb/person.json"),
        examples["person-latest-id"][1],
    ):
        _keep_full(people, record["id"], record)
    for op, table in (
        ("collection-details", collections),
        ("company-details", companies),
        ("network-details", networks),
        ("keyword-details", keywords),
    ):
        record = examples[op][1]
        table[record["id"]] = dict(record)
        harvest({k: v for k, v in record.items() if k != "id"})
    review = examples["review-details"][1]
    reviews[review["id"]] = review
    credit = examples["credit-details"][1]
    credits[credit["id"]] = credit
    group = examples["tv-episode-group-details"][1]
    episode_groups[group["id"]] = group
    season = examples["tv-season-details"][1]
    seasons[f"1399/{season['season_number']}"] = season
    episode = examples["tv-episode-details"][1]
    episodes[f"1399/{episode['season_number']}/{episode['episode_number']}"] = episode
    bb = _fixture("recorded/tmdblib/tv-episode-1396-1-1.200.json")
    bb_images = bb.pop("images", None)
    episodes["1396/1/1"] = bb
    if bb_images is not None:
        answers["tv/1396/season/1/episode/1/images"] = {"id": bb["id"], **bb_images}
    harvest([season, episode, bb, group, review, credit])

    # Sub-resources of the document's entities.
    for op, path in SUB_OPS.items():
        value = examples[op][1]
        if path is None:
            continue
        answers[path.format(id=value["id"])] = value
        harvest(value)
    for op, sub in SEASON_OPS.items():
        answers[f"tv/1399/season/1/{sub}"] = examples[op][1]
        harvest(examples[op][1])
    for op, sub in EPISODE_OPS.items():
        answers[f"tv/1399/season/1/episode/1/{sub}"] = examples[op][1]
        harvest(examples[op][1])
    for op, path in CHANGES_OPS.items():
        answers[path] = examples[op][1]
    kw = examples["keyword-movies"][1]
    harvest(kw)
    keywords_movies = {kw["id"]: [m["id"] for m in kw["results"]]}
    for op, path in LOOKUP_OPS.items():
        lookups[path] = examples[op][1]
        harvest(examples[op][1])
    for op in sorted(LIST_OPS):
        harvest(examples[op][1])
    for op in sorted(examples):
        if op.startswith(("account-", "guest-session-", "list-")):
            harvest(examples[op][1])
    # Recorded lists and searches (their items are real too).
    for name in (
        "movie-popular-page1",
        "search-movie-007-page1",
        "search-multi-jobs",
        "search-person-bryan-cranston",
        "search-tv-breaking-bad",
    ):
        harvest(_fixture(f"recorded/tmdblib/{name}.200.json"))
    # A series' keywords (listed under "results") are keywords too.
    for path, value in answers.items():
        if path.startswith("tv/") and path.endswith("/keywords"):
            for keyword in value["results"]:
                keywords.setdefault(keyword["id"], {"id": keyword["id"], "name": keyword["name"]})
    _fix_avatar_english(examples)
    _link(keywords_movies)


def _fix_avatar_english(examples: dict[str, tuple[str, Any]]) -> None:
    """Avatar's record came in German; its English title, overview and popularity are in
    the document's account-favorites example."""
    avatar = movies[19995]
    german = {k: avatar[k] for k in ("title", "overview", "tagline", "homepage")}
    english = next(m for m in examples["account-get-favorites"][1]["results"] if m["id"] == 19995)
    # The recorded poster is the German one; the English item has the English poster.
    avatar.update({k: english[k] for k in ("title", "overview", "popularity", "poster_path")})
    # Not in the references in English: left empty (what TMDB sends for a missing field).
    avatar.update({"tagline": "", "homepage": "", "_generated": ["homepage", "tagline"]})
    answers["movie/19995/translations"] = {
        "id": 19995,
        "translations": [
            {
                "iso_3166_1": "DE",
                "iso_639_1": "de",
                "name": "Deutsch",
                "english_name": "German",
                "data": {**german, "runtime": avatar["runtime"]},
            }
        ],
    }


def _link(keywords_movies: dict[int, list[int]]) -> None:
    """Cross-references: credit index, collection parts, movie keywords, seasons."""
    # Collection parts are movies; the parts list holds movie items.
    for coll in collections.values():
        for part in coll.get("parts", []):
            add_movie(part)
    for movie in movies.values():
        belongs = movie.get("belongs_to_collection")
        if belongs and belongs["id"] in collections:
            parts = collections[belongs["id"]]["parts"]
            if not any(p["id"] == movie["id"] for p in parts):
                parts.append(_movie_item(movie))
    lookups["keyword_movies"] = {str(k): v for k, v in keywords_movies.items()}
    # A season summary for every season of a full TV record.
    for show in tv.values():
        for s in show.get("seasons", []):
            key = f"{show['id']}/{s['season_number']}"
            if key not in seasons:
                seasons[key] = {
                    "_id": _hex("season", key),
                    "air_date": s.get("air_date"),
                    "episodes": [],
                    "name": s["name"],
                    "overview": s.get("overview", ""),
                    "id": s["id"],
                    "poster_path": s.get("poster_path"),
                    "season_number": s["season_number"],
                    "vote_average": s.get("vote_average", 0.0),
                    "_generated": ["_id", "episodes"],
                }


def _movie_item(movie: JSON) -> JSON:
    item = {k: movie[k] for k in MOVIE_ITEM if k in movie}
    item["genre_ids"] = [g["id"] for g in movie.get("genres", [])]
    return item


def credit_index() -> dict[str, list[JSON]]:
    """person id -> the credits naming them, from every credits answer."""
    index: dict[str, list[JSON]] = {}
    for path, value in answers.items():
        m = re.fullmatch(r"(movie|tv)/(\d+)/credits", path)
        if not m:
            continue
        media, media_id = m.group(1), int(m.group(2))
        for kind in ("cast", "crew"):
            for entry in value.get(kind, []):
                row = {"media_type": media, "id": media_id, "credit_type": kind}
                for key in ("character", "job", "department", "credit_id", "order"):
                    if key in entry:
                        row[key] = entry[key]
                index.setdefault(str(entry["id"]), []).append(row)
    # The recorded person credits point at their titles: make those titles name them back.
    for path, value in answers.items():
        m = re.fullmatch(r"person/(\d+)/(movie_credits|tv_credits)", path)
        if not m:
            continue
        person_id = int(m.group(1))
        media = "movie" if m.group(2) == "movie_credits" else "tv"
        for kind in ("cast", "crew"):
            for entry in value.get(kind, []):
                row = {"media_type": media, "id": entry["id"], "credit_type": kind}
                for key in ("character", "job", "department", "credit_id", "order"):
                    if key in entry:
                        row[key] = entry[key]
                rows = index.setdefault(str(person_id), [])
                if not any(
                    r["id"] == row["id"] and r.get("credit_id") == row.get("credit_id")
                    for r in rows
                ):
                    rows.append(row)
    # Search items say what a person is known for: a credit whose character we do not know.
    for person_id, titles in known_for.items():
        rows = index.setdefault(str(person_id), [])
        for media, media_id in titles:
            if not any(r["media_type"] == media and r["id"] == media_id for r in rows):
                rows.append(
                    {
                        "media_type": media,
                        "id": media_id,
                        "credit_type": "cast",
                        "credit_id": _hex("known_for", person_id, media, media_id),
                        "_generated": ["credit_id"],
                    }
                )
    return index


def _dump(out: Path, name: str, value: Any) -> None:
    def key(k: Any) -> Any:
        return (0, int(k)) if str(k).isdigit() else (1, str(k))

    # One entry per line: compact, yet a change to one entity is a one-line diff.
    lines = [
        f"{json.dumps(str(k))}:{json.dumps(value[k], ensure_ascii=False, separators=(',', ':'))}"
        for k in sorted(value, key=key)
    ]
    text = "{\n" + ",\n".join(lines) + "\n}\n"
    (out / f"{name}.json").write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=OUT, help="where to write (default: %(default)s)"
    )
    out = parser.parse_args(argv).out
    build()
    out.mkdir(parents=True, exist_ok=True)
    for name, table in (
        ("movies", movies),
        ("tv", tv),
        ("people", people),
        ("collections", collections),
        ("companies", companies),
        ("networks", networks),
        ("keywords", keywords),
        ("reviews", reviews),
        ("credits", credits),
        ("episode_groups", episode_groups),
        ("seasons", seasons),
        ("episodes", episodes),
        ("answers", answers),
        ("lookups", lookups),
        ("credit_index", credit_index()),
    ):
        _dump(out, name, table)
    print(
        f"{len(movies)} movies, {len(tv)} tv, {len(people)} people, {len(collections)} collections,"
        f" {len(companies)} companies, {len(networks)} networks, {len(answers)} answers -> {out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
