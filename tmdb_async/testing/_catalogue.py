"""The sandbox's catalogue: TMDB's real entities, and generated filler for batch tests.

Real entities come from ``data/*.json`` (built from the project's reference material by
``scripts/build_sandbox_data.py``): Fight Club 550, Star Wars 11, Avatar 19995, Game of
Thrones 1399, Breaking Bad 1396, Tom Hanks 31, Bruce Willis 62 ... with their real fields
and the recorded answers of their sub-resources (credits, images, translations ...). Fields
TMDB never sent us are completed in the data and listed in its ``_generated`` key.

Every id from 1 to the configured count that is not a real entity is a *filler* entity,
generated from the id and the seed when asked for (nothing is built up front, so a
catalogue of a million ids costs no memory until used). Fillers say they are generated in
their overview. Real entities exist whatever the count.

The JSON files are read on first use and shared by every sandbox in the process; callers
get copies, never the shared objects.
"""

from __future__ import annotations

import bisect
import copy
import functools
import hashlib
import heapq
import itertools
import json
import random
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from importlib import resources
from typing import Any

__all__ = ["Catalogue", "JSON"]

#: A decoded JSON object as the sandbox serves it.
JSON = dict[str, Any]

#: Items per page of every paged list, as TMDB serves them.
PAGE_SIZE = 20
#: TMDB serves pages 1 to 500 (error 22 outside).
MAX_PAGE = 500

_KINDS = ("movie", "tv", "person")
_TABLES = {"movie": "movies", "tv": "tv", "person": "people"}


@functools.cache
def data(name: str) -> Any:
    """The decoded ``data/<name>.json`` (read once per process; treat as read-only)."""
    text = resources.files(__package__).joinpath("data").joinpath(f"{name}.json").read_text("utf-8")
    return json.loads(text)


def _public(record: JSON) -> JSON:
    """A deep copy of a data record without the sandbox's own ``_generated`` marker."""
    out = copy.deepcopy(record)
    out.pop("_generated", None)
    return out


def fold(text: str) -> str:
    """``text`` case- and accent-folded, as TMDB's search compares titles."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


# --------------------------------------------------------------------------- filler words

_ADJECTIVES = (
    "Silent", "Crimson", "Last", "Hidden", "Golden", "Broken", "Distant", "Electric",
    "Midnight", "Frozen", "Wild", "Secret", "Burning", "Lonely", "Iron", "Velvet", "Restless",
    "Paper", "Shattered", "Endless", "Northern", "Quiet", "Savage", "Hollow", "Radiant",
)  # fmt: skip
_NOUNS = (
    "Harbor", "Garden", "Empire", "River", "Machine", "Frontier", "Orchard", "Signal",
    "Kingdom", "Lighthouse", "Voyage", "Horizon", "Witness", "Carnival", "Fortress", "Summer",
    "Station", "Archive", "Mirror", "Avenue", "Comet", "Island", "Tide", "Theory", "Crown",
)  # fmt: skip
_FIRST = (
    "Ada", "Ben", "Clara", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kira",
    "Luca", "Maya", "Nils", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tara", "Umar", "Vera",
)  # fmt: skip
_LAST = (
    "Abbott", "Bernard", "Costa", "Diallo", "Eriksen", "Fischer", "Garcia", "Haddad", "Ito",
    "Jansen", "Kowalski", "Laurent", "Moreau", "Novak", "Okafor", "Petrov", "Quist", "Rossi",
)  # fmt: skip
_DEPARTMENTS = ("Acting", "Directing", "Writing", "Production", "Sound", "Camera")
#: Filler cast per title (filler people only, so real people keep their real credits).
_FILLER_CAST = 3
#: The most a filler person's credits list (with huge catalogues, a person's credits would
#: otherwise grow with the catalogue).
_MAX_FILLER_CREDITS = 60
#: Filters (discover) look at no more filler ids than this.
_MAX_FILLER_SCAN = 20_000


def _hex(*parts: object, length: int) -> str:
    return hashlib.sha256(":".join(map(str, parts)).encode()).hexdigest()[:length]


def image_path(kind: str, item_id: int, which: str) -> str:
    """The image path of a generated record (the sandbox serves it as a PNG showing the name)."""
    return f"/{kind}{item_id}{which}.png"


def _date(rng: random.Random, first_year: int, last_year: int) -> str:
    return f"{rng.randint(first_year, last_year)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _filler_popularity(item_id: int) -> float:
    """Strictly decreasing in the id, so fillers rank by id (lazily, without sorting)."""
    return round(10.0 / (1.0 + item_id / 50.0), 6)


class Catalogue:
    """Real TMDB entities plus filler ones with ids ``1..count``; deterministic for a seed.

    Args:
        movie_count: every id from 1 to ``movie_count`` is a movie (real or filler).
        tv_count: the same for TV series.
        person_count: the same for people.
        seed: varies the generated filler titles, dates and numbers.
    """

    def __init__(
        self,
        *,
        movie_count: int = 5000,
        tv_count: int = 2000,
        person_count: int = 2000,
        seed: int = 0,
    ) -> None:
        for name, value in (
            ("movie_count", movie_count),
            ("tv_count", tv_count),
            ("person_count", person_count),
        ):
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a positive int, got {value!r}")
        self.movie_count = movie_count
        self.tv_count = tv_count
        self.person_count = person_count
        self.seed = seed
        self._movie = functools.lru_cache(maxsize=8192)(self._build_movie)
        self._tv = functools.lru_cache(maxsize=4096)(self._build_tv)
        self._person = functools.lru_cache(maxsize=4096)(self._build_person)
        self._names: dict[str, list[str]] = {}
        self._real_names: dict[str, list[tuple[int, list[str]]]] = {}

    def _rng(self, kind: str, item_id: object) -> random.Random:
        return random.Random(f"{self.seed}:{kind}:{item_id}")

    def _count(self, kind: str) -> int:
        return {"movie": self.movie_count, "tv": self.tv_count, "person": self.person_count}[kind]

    # ------------------------------------------------------------------ real data

    @staticmethod
    def real(kind: str) -> dict[str, JSON]:
        """The real records of ``kind`` ("movie", "tv", "person"), by id string (shared)."""
        table: dict[str, JSON] = data(_TABLES[kind])
        return table

    @staticmethod
    @functools.cache
    def real_ids(kind: str) -> tuple[int, ...]:
        """The ids of the real records of ``kind``, ascending."""
        return tuple(sorted(int(k) for k in data(_TABLES[kind])))

    def is_real(self, kind: str, item_id: int) -> bool:
        """Whether ``item_id`` is one of TMDB's real entities (not a filler)."""
        return str(item_id) in self.real(kind)

    def is_generated(self, kind: str, item_id: int, field: str | None = None) -> bool:
        """Whether the record (or one ``field`` of it) is generated rather than TMDB's."""
        record = self.real(kind).get(str(item_id))
        if record is None:
            return True
        return field is not None and field in record.get("_generated", ())

    @staticmethod
    def answer(path: str) -> JSON | None:
        """A deep copy of a recorded sub-resource answer (``"movie/550/credits"``), if any."""
        found = data("answers").get(path)
        return copy.deepcopy(found) if found is not None else None

    @staticmethod
    def lookup(path: str) -> Any:
        """A deep copy of a lookup table (``"genre/movie/list"``, ``"configuration/jobs"``)."""
        return copy.deepcopy(data("lookups")[path])

    @staticmethod
    def entity(table: str, key: str | int) -> JSON | None:
        """A real collection, company, network, keyword, review, credit, episode group,
        season (``"1399/1"``) or episode (``"1399/1/1"``) by table name and key."""
        found = data(table).get(str(key))
        return _public(found) if found is not None else None

    # ------------------------------------------------------------------ existence

    def has(self, kind: str, item_id: int) -> bool:
        """Whether an entity of ``kind`` with this id exists."""
        return 1 <= item_id <= self._count(kind) or self.is_real(kind, item_id)

    def has_movie(self, movie_id: int) -> bool:
        """Whether a movie with this id exists."""
        return self.has("movie", movie_id)

    def has_tv(self, tv_id: int) -> bool:
        """Whether a TV series with this id exists."""
        return self.has("tv", tv_id)

    def has_person(self, person_id: int) -> bool:
        """Whether a person with this id exists."""
        return self.has("person", person_id)

    def ids(self, kind: str) -> Iterator[int]:
        """Every id of ``kind`` ("movie", "tv" or "person") in ascending order."""
        count = self._count(kind)
        above = [i for i in self.real_ids(kind) if i > count]
        return itertools.chain(range(1, count + 1), above)

    def total(self, kind: str) -> int:
        """How many entities of ``kind`` exist."""
        count = self._count(kind)
        return count + sum(1 for i in self.real_ids(kind) if i > count)

    # ------------------------------------------------------------------ records

    def movie(self, movie_id: int) -> JSON:
        """Movie ``movie_id``'s details (a fresh copy; the caller may change it)."""
        return copy.deepcopy(self._movie(movie_id))

    def tv(self, tv_id: int) -> JSON:
        """TV series ``tv_id``'s details (a fresh copy)."""
        return copy.deepcopy(self._tv(tv_id))

    def person(self, person_id: int) -> JSON:
        """Person ``person_id``'s details (a fresh copy)."""
        return copy.deepcopy(self._person(person_id))

    def record(self, kind: str, item_id: int) -> JSON:
        """The details of ``kind`` ("movie", "tv", "person") ``item_id``."""
        return {"movie": self.movie, "tv": self.tv, "person": self.person}[kind](item_id)

    def movie_title(self, movie_id: int) -> str:
        """The title of movie ``movie_id`` (cheap for fillers: used by search)."""
        real = self.real("movie").get(str(movie_id))
        if real is not None:
            return str(real["title"])
        rng = self._rng("movie", movie_id)
        return f"The {rng.choice(_ADJECTIVES)} {rng.choice(_NOUNS)}"

    def tv_name(self, tv_id: int) -> str:
        """The name of TV series ``tv_id``."""
        real = self.real("tv").get(str(tv_id))
        if real is not None:
            return str(real["name"])
        rng = self._rng("tv", tv_id)
        return f"{rng.choice(_NOUNS)} of the {rng.choice(_ADJECTIVES)}"

    def person_name(self, person_id: int) -> str:
        """The name of person ``person_id``."""
        real = self.real("person").get(str(person_id))
        if real is not None:
            return str(real["name"])
        rng = self._rng("person", person_id)
        return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"

    def _build_movie(self, movie_id: int) -> JSON:
        real = self.real("movie").get(str(movie_id))
        if real is not None:
            return _public(real)
        rng = self._rng("movie", movie_id)
        title = self.movie_title(movie_id)
        genres = rng.sample(self._genres("movie"), k=rng.randint(1, 3))
        return {
            "adult": False,
            "backdrop_path": image_path("m", movie_id, "b"),
            "belongs_to_collection": None,
            "budget": rng.randrange(0, 200_000_000, 250_000),
            "genres": genres,
            "homepage": "",
            "id": movie_id,
            "imdb_id": f"tt{90_000_000 + movie_id:08d}",
            "origin_country": ["US"],
            "original_language": "en",
            "original_title": title,
            "overview": (
                f"{title}: a sandbox movie. A {genres[0]['name'].lower()} story generated for "
                "tests and demos; it does not exist outside tmdb_async's sandbox."
            ),
            "popularity": _filler_popularity(movie_id),
            "poster_path": image_path("m", movie_id, "p"),
            "production_companies": [],
            "production_countries": [{"iso_3166_1": "US", "name": "United States of America"}],
            "release_date": _date(rng, 1950, 2025),
            "revenue": rng.randrange(0, 900_000_000, 1000),
            "runtime": rng.randint(75, 180),
            "spoken_languages": [{"english_name": "English", "iso_639_1": "en", "name": "English"}],
            "status": "Released",
            "tagline": f"Every {rng.choice(_NOUNS).lower()} has a story.",
            "title": title,
            "video": False,
            "vote_average": round(rng.uniform(3.0, 9.5), 3),
            "vote_count": rng.randint(0, 30_000),
        }

    def _build_tv(self, tv_id: int) -> JSON:
        real = self.real("tv").get(str(tv_id))
        if real is not None:
            return _public(real)
        rng = self._rng("tv", tv_id)
        name = self.tv_name(tv_id)
        first_year = rng.randint(1990, 2020)
        season_count = rng.randint(1, 4)
        seasons = [
            {
                "air_date": f"{first_year + n - 1}-{rng.randint(1, 12):02d}-01",
                "episode_count": 10,
                "id": tv_id * 100 + n,
                "name": f"Season {n}",
                "overview": f"Season {n} of {name}.",
                "poster_path": image_path("s", tv_id * 100 + n, "p"),
                "season_number": n,
                "vote_average": round(rng.uniform(5.0, 9.0), 1),
            }
            for n in range(1, season_count + 1)
        ]
        last = self._filler_episode(tv_id, season_count, 10)
        genres = rng.sample(self._genres("tv"), k=rng.randint(1, 2))
        return {
            "adult": False,
            "backdrop_path": image_path("t", tv_id, "b"),
            "created_by": [],
            "episode_run_time": [last["runtime"]],
            "first_air_date": seasons[0]["air_date"],
            "genres": genres,
            "homepage": "",
            "id": tv_id,
            "in_production": rng.random() < 0.3,
            "languages": ["en"],
            "last_air_date": last["air_date"],
            "last_episode_to_air": last,
            "name": name,
            "next_episode_to_air": None,
            "networks": [],
            "number_of_episodes": season_count * 10,
            "number_of_seasons": season_count,
            "origin_country": ["US"],
            "original_language": "en",
            "original_name": name,
            "overview": f"{name}: a sandbox TV series generated for tests and demos.",
            "popularity": _filler_popularity(tv_id),
            "poster_path": image_path("t", tv_id, "p"),
            "production_companies": [],
            "production_countries": [{"iso_3166_1": "US", "name": "United States of America"}],
            "seasons": seasons,
            "spoken_languages": [{"english_name": "English", "iso_639_1": "en", "name": "English"}],
            "status": "Ended",
            "tagline": "",
            "type": "Scripted",
            "vote_average": round(rng.uniform(3.0, 9.5), 3),
            "vote_count": rng.randint(0, 20_000),
        }

    def _build_person(self, person_id: int) -> JSON:
        real = self.real("person").get(str(person_id))
        if real is not None:
            return _public(real)
        rng = self._rng("person", person_id)
        name = self.person_name(person_id)
        return {
            "adult": False,
            "also_known_as": [],
            "biography": f"{name} is a sandbox person generated for tests and demos.",
            "birthday": _date(rng, 1930, 2005),
            "deathday": None,
            "gender": rng.choice((1, 2, 3)),
            "homepage": None,
            "id": person_id,
            "imdb_id": f"nm{90_000_000 + person_id:08d}",
            "known_for_department": rng.choice(_DEPARTMENTS),
            "name": name,
            "place_of_birth": "Sandbox City",
            "popularity": _filler_popularity(person_id),
            "profile_path": image_path("p", person_id, "p"),
        }

    def _genres(self, kind: str) -> list[JSON]:
        genres: list[JSON] = data("lookups")[f"genre/{kind}/list"]["genres"]
        return [dict(g) for g in genres]

    # ------------------------------------------------------------------ seasons and episodes

    def season_summary(self, tv_id: int, season_number: int) -> JSON | None:
        """The season's entry in its series' ``seasons`` (``None`` when there is none)."""
        if not self.has_tv(tv_id):
            return None
        for season in self._tv(tv_id)["seasons"]:
            if season["season_number"] == season_number:
                return dict(season)
        return None

    def episode_count(self, tv_id: int, season_number: int) -> int:
        """Episodes in a season (0 when the series or season does not exist)."""
        season = self.season_summary(tv_id, season_number)
        return int(season["episode_count"]) if season else 0

    def has_episode(self, tv_id: int, season_number: int, episode_number: int) -> bool:
        """Whether the episode exists."""
        return 1 <= episode_number <= self.episode_count(tv_id, season_number)

    def _filler_episode(self, tv_id: int, season_number: int, episode_number: int) -> JSON:
        rng = self._rng("episode", tv_id * 100_000 + season_number * 1000 + episode_number)
        episode_id = tv_id * 10_000 + season_number * 100 + episode_number
        return {
            "air_date": _date(rng, 1990, 2024),
            "episode_number": episode_number,
            "episode_type": "standard",
            "id": episode_id,
            "name": f"Episode {episode_number}",
            "overview": f"Episode {episode_number} of season {season_number} (generated).",
            "production_code": f"{season_number}{episode_number:02d}",
            "runtime": rng.randint(20, 70),
            "season_number": season_number,
            "show_id": tv_id,
            "still_path": image_path("e", episode_id, "s"),
            "vote_average": round(rng.uniform(5.0, 9.5), 3),
            "vote_count": rng.randint(0, 500),
        }

    def episode(self, tv_id: int, season_number: int, episode_number: int) -> JSON:
        """An episode in the shape of a season's episode entries (without crew or guests)."""
        full = self.episode_details(tv_id, season_number, episode_number)
        full.pop("crew", None)
        full.pop("guest_stars", None)
        return full

    def episode_details(self, tv_id: int, season_number: int, episode_number: int) -> JSON:
        """``GET /3/tv/{id}/season/{n}/episode/{m}``: real where recorded, else generated."""
        key = f"{tv_id}/{season_number}/{episode_number}"
        real = self.entity("episodes", key)
        if real is None:
            season = data("seasons").get(f"{tv_id}/{season_number}")
            for entry in season["episodes"] if season else ():
                if entry["episode_number"] == episode_number:
                    real = _public(entry)
        if real is not None:
            real.setdefault("show_id", tv_id)
            real.setdefault("crew", [])
            real.setdefault("guest_stars", [])
            return real
        out = self._filler_episode(tv_id, season_number, episode_number)
        out["crew"], out["guest_stars"] = [], []
        return out

    def season_details(self, tv_id: int, season_number: int) -> JSON:
        """``GET /3/tv/{id}/season/{n}`` (the season must exist)."""
        summary = self.season_summary(tv_id, season_number)
        assert summary is not None
        real = self.entity("seasons", f"{tv_id}/{season_number}")
        out = (
            real
            if real is not None
            else {
                "_id": _hex("season", tv_id, season_number, length=24),
                "air_date": summary.get("air_date"),
                "name": summary["name"],
                "overview": summary.get("overview", ""),
                "id": summary["id"],
                "poster_path": summary.get("poster_path"),
                "season_number": season_number,
                "vote_average": summary.get("vote_average", 0.0),
            }
        )
        if not out.get("episodes"):
            out["episodes"] = [
                self.episode_details(tv_id, season_number, n)
                for n in range(1, int(summary["episode_count"]) + 1)
            ]
        return out

    # ------------------------------------------------------------------ list items

    def movie_item(self, movie_id: int) -> JSON:
        """Movie ``movie_id`` as a list item (search results, favourites, lists)."""
        m = self._movie(movie_id)
        return {
            "adult": m["adult"],
            "backdrop_path": m["backdrop_path"],
            "genre_ids": [g["id"] for g in m["genres"]],
            "id": m["id"],
            "original_language": m["original_language"],
            "original_title": m["original_title"],
            "overview": m["overview"],
            "popularity": m["popularity"],
            "poster_path": m["poster_path"],
            "release_date": m["release_date"],
            "title": m["title"],
            "video": m["video"],
            "vote_average": m["vote_average"],
            "vote_count": m["vote_count"],
        }

    def tv_item(self, tv_id: int) -> JSON:
        """TV series ``tv_id`` as a list item."""
        t = self._tv(tv_id)
        return {
            "adult": t["adult"],
            "backdrop_path": t["backdrop_path"],
            "genre_ids": [g["id"] for g in t["genres"]],
            "id": t["id"],
            "origin_country": list(t["origin_country"]),
            "original_language": t["original_language"],
            "original_name": t["original_name"],
            "overview": t["overview"],
            "popularity": t["popularity"],
            "poster_path": t["poster_path"],
            "first_air_date": t["first_air_date"],
            "name": t["name"],
            "vote_average": t["vote_average"],
            "vote_count": t["vote_count"],
        }

    def person_item(self, person_id: int) -> JSON:
        """Person ``person_id`` as a search result, with up to three titles known for."""
        p = self._person(person_id)
        known_for = []
        for row in self.person_credits(person_id)[:3]:
            item = self.item(row["media_type"], row["id"])
            item["media_type"] = row["media_type"]
            known_for.append(item)
        return {
            "adult": p["adult"],
            "gender": p["gender"],
            "id": p["id"],
            "known_for_department": p["known_for_department"],
            "name": p["name"],
            "original_name": p["name"],
            "popularity": p["popularity"],
            "profile_path": p["profile_path"],
            "known_for": known_for,
        }

    def item(self, kind: str, item_id: int) -> JSON:
        """A list item of ``kind`` ("movie", "tv" or "person")."""
        return {"movie": self.movie_item, "tv": self.tv_item, "person": self.person_item}[kind](
            item_id
        )

    # ------------------------------------------------------------------ credits (both ways)

    def _filler_people(self) -> list[int]:
        """Filler person ids in the first ``min(person_count, 1000)`` ids (for casts)."""
        return [
            i for i in range(1, min(self.person_count, 1000) + 1) if not self.is_real("person", i)
        ]

    @functools.cached_property
    def _cast_pool(self) -> list[int]:
        return self._filler_people()

    @staticmethod
    def _offset(kind: str) -> int:
        return 0 if kind == "movie" else 7

    def _filler_cast_ids(self, kind: str, item_id: int) -> list[int]:
        """A filler title's cast: consecutive filler people from a slot given by the id."""
        pool = self._cast_pool
        size = len(pool)
        base = (item_id + self._offset(kind)) % max(size, 1)
        return [pool[(base + k) % size] for k in range(min(_FILLER_CAST, size))]

    def _filler_credits_of(self, person_id: int) -> list[JSON]:
        """The filler titles whose cast (see ``_filler_cast_ids``) holds ``person_id``."""
        pool = self._cast_pool
        slot = bisect.bisect_left(pool, person_id)
        if slot >= len(pool) or pool[slot] != person_id:
            return []
        size = len(pool)
        rows: list[JSON] = []
        for kind in ("movie", "tv"):
            count = self._count(kind)
            for k in range(min(_FILLER_CAST, size)):
                first = (slot - k - self._offset(kind)) % size or size
                for item_id in range(first, count + 1, size):
                    if len(rows) >= _MAX_FILLER_CREDITS:
                        return rows
                    if not self.is_real(kind, item_id):
                        rows.append(self._filler_row(kind, item_id, person_id, k))
        return rows

    def _filler_row(self, kind: str, item_id: int, person_id: int, order: int) -> JSON:
        rng = self._rng("character", f"{kind}{item_id}:{person_id}")
        return {
            "media_type": kind,
            "id": item_id,
            "credit_type": "cast",
            "character": f"{rng.choice(_ADJECTIVES)} {rng.choice(_NOUNS)} Keeper",
            "credit_id": _hex("cast", kind, item_id, person_id, length=24),
            "order": order,
        }

    def person_credits(self, person_id: int) -> list[JSON]:
        """Rows ``{media_type, id, credit_type, character|job, department, credit_id}``
        naming every title person ``person_id`` is credited on (real ones first)."""
        rows = [dict(r) for r in data("credit_index").get(str(person_id), ())]
        rows = [r for r in rows if self.has(r["media_type"], r["id"])]
        return rows + self._filler_credits_of(person_id)

    @functools.cached_property
    def _title_credits(self) -> dict[tuple[str, int], list[tuple[int, JSON]]]:
        """(media, id) -> [(person id, row)] from the credit index (reverse direction)."""
        out: dict[tuple[str, int], list[tuple[int, JSON]]] = {}
        for person, rows in data("credit_index").items():
            for row in rows:
                out.setdefault((row["media_type"], row["id"]), []).append((int(person), row))
        return out

    def _credit_entry(self, person_id: int, row: JSON) -> JSON:
        p = self._person(person_id)
        entry: JSON = {
            "adult": p["adult"],
            "gender": p["gender"],
            "id": person_id,
            "known_for_department": p["known_for_department"],
            "name": p["name"],
            "original_name": p["name"],
            "popularity": p["popularity"],
            "profile_path": p["profile_path"],
        }
        if row["credit_type"] == "cast":
            entry["character"] = row.get("character", "")
            entry["credit_id"] = row.get("credit_id") or _hex("c", row["id"], person_id, length=24)
            entry["order"] = row.get("order", 0)
        else:
            entry["credit_id"] = row.get("credit_id") or _hex("w", row["id"], person_id, length=24)
            entry["department"] = row.get("department", "")
            entry["job"] = row.get("job", "")
        return entry

    def credits(self, movie_id: int, kind: str = "movie") -> JSON:
        """``GET /3/movie/{id}/credits`` (or ``/3/tv/{id}/credits`` with ``kind="tv"``).

        Recorded answers are served as they are; otherwise the cast and crew are the
        people whose credits name this title, so both directions always agree.
        """
        recorded = self.answer(f"{kind}/{movie_id}/credits")
        if recorded is not None:
            return recorded
        cast: list[JSON] = []
        crew: list[JSON] = []
        for person_id, row in self._title_credits.get((kind, movie_id), ()):
            if self.has_person(person_id):
                entry = self._credit_entry(person_id, row)
                (cast if row["credit_type"] == "cast" else crew).append(entry)
        if not self.is_real(kind, movie_id):
            for order, person_id in enumerate(self._filler_cast_ids(kind, movie_id)):
                row = self._filler_row(kind, movie_id, person_id, order)
                cast.append(self._credit_entry(person_id, row))
        if kind == "movie":
            for n, entry in enumerate(cast):
                entry.setdefault("cast_id", n + 1)
        cast.sort(key=lambda e: e.get("order", 0))
        return {"id": movie_id, "cast": cast, "crew": crew}

    def images(self, movie_id: int) -> JSON:
        """A movie's images (``append_to_response=images``): recorded, or its poster and
        backdrop."""
        recorded = self.answer(f"movie/{movie_id}/images")
        if recorded is not None:
            return recorded
        m = self._movie(movie_id)
        return {
            "id": movie_id,
            "backdrops": [image_entry(m["backdrop_path"], 1280, 720)] if m["backdrop_path"] else [],
            "logos": [],
            "posters": [image_entry(m["poster_path"], 500, 750, "en")] if m["poster_path"] else [],
        }

    @staticmethod
    @functools.cache
    def keyword_movies() -> dict[int, list[int]]:
        """keyword id -> movie ids: ``/keyword/{id}/movies`` answers and every movie's
        recorded keywords, merged (so both directions agree)."""
        out: dict[int, list[int]] = {
            int(k): list(v) for k, v in data("lookups")["keyword_movies"].items()
        }
        for path, answer in data("answers").items():
            parts = path.split("/")
            if parts[0] == "movie" and parts[2:] == ["keywords"]:
                for keyword in answer["keywords"]:
                    movies = out.setdefault(keyword["id"], [])
                    if int(parts[1]) not in movies:
                        movies.append(int(parts[1]))
        return out

    # ------------------------------------------------------------------ regions

    def release_countries(self, movie_id: int) -> set[str]:
        """Where a movie is released: its recorded release dates' countries, else its
        origin and production countries; fillers (and movies TMDB told us neither of)
        are US releases."""
        recorded = data("answers").get(f"movie/{movie_id}/release_dates")
        if recorded is not None:
            return {r["iso_3166_1"] for r in recorded["results"]}
        movie = self._movie(movie_id)
        countries = set(movie.get("origin_country") or ())
        countries |= {c["iso_3166_1"] for c in movie.get("production_countries") or ()}
        return countries or {"US"}

    def released_in(self, movie_id: int, region: str | None) -> bool:
        """Whether a movie is released in ``region`` (any movie when ``region`` is None)."""
        return region is None or region.upper() in self.release_countries(movie_id)

    def region_total(self, region: str | None) -> int:
        """How many movies :meth:`released_in` ``region``, without building the fillers."""
        if region is None:
            return self.total("movie")
        real = sum(1 for i in self.real_ids("movie") if self.released_in(i, region))
        fillers = self.movie_count - sum(1 for i in self.real_ids("movie") if i <= self.movie_count)
        return real + (fillers if region.upper() == "US" else 0)

    # ------------------------------------------------------------------ translations

    def translation(self, kind: str, item_id: int, language: str | None) -> JSON | None:
        """The translated fields of an entity for ``language`` ("de-DE" or "de"), if any.

        As TMDB does: the exact language and country first, then the language alone; an
        empty translated field means "use the original", so empty values are left out.
        """
        return self.translation_at(f"{kind}/{item_id}", language)

    @staticmethod
    def poster_in(path: str, language: str | None) -> str | None:
        """The highest rated recorded poster of an entity (``"movie/19995"``) in
        ``language``'s language, or ``None`` (TMDB then keeps the default poster)."""
        if not language:
            return None
        answer = data("answers").get(f"{path}/images")
        lang = language.partition("-")[0]
        posters = [p for p in (answer or {}).get("posters", []) if p["iso_639_1"] == lang]
        if not posters:
            return None
        best = max(posters, key=lambda p: (p["vote_average"], p["vote_count"]))
        return str(best["file_path"])

    @staticmethod
    def translation_at(path: str, language: str | None) -> JSON | None:
        """:meth:`translation` for any entity path (``"tv/1399/season/1"``)."""
        if not language:
            return None
        answer = data("answers").get(f"{path}/translations")
        if answer is None:
            return None
        lang, _, country = language.partition("-")
        ranked = sorted(
            (t for t in answer["translations"] if t["iso_639_1"] == lang),
            key=lambda t: t["iso_3166_1"] != country,
        )
        if not ranked:
            return None
        return {k: v for k, v in ranked[0]["data"].items() if v not in ("", None, 0)}

    # ------------------------------------------------------------------ search and charts

    def search_names(self, kind: str, item_id: int) -> list[str]:
        """Every name an entity is found by: title, original title, alternative titles."""
        real = self.real(kind).get(str(item_id))
        if real is None:
            name = {"movie": self.movie_title, "tv": self.tv_name, "person": self.person_name}
            return [name[kind](item_id)]
        if kind == "person":
            return [real["name"], *real.get("also_known_as", [])]
        names = [real.get("title") or real.get("name", "")]
        names.append(real.get("original_title") or real.get("original_name") or "")
        alt = data("answers").get(f"{kind}/{item_id}/alternative_titles")
        if alt is not None:
            names += [t["title"] for t in alt.get("titles") or alt.get("results") or []]
        return [n for n in names if n]

    def _folded_real(self, kind: str) -> list[tuple[int, list[str]]]:
        cached = self._real_names.get(kind)
        if cached is None:
            cached = [
                (i, [fold(n) for n in self.search_names(kind, i)]) for i in self.real_ids(kind)
            ]
            self._real_names[kind] = cached
        return cached

    def search(self, kind: str, query: str) -> list[int]:
        """Ids whose names contain ``query`` (case- and accent-insensitive): real entities
        (exact matches, then prefixes, then the rest; each by popularity), then fillers."""
        needle = fold(query).strip()
        if not needle:
            return []
        found = {
            i: min(0 if n == needle else 1 if n.startswith(needle) else 2 for n in names)
            for i, names in self._folded_real(kind)
            if any(needle in n for n in names)
        }
        # Like TMDB: exact titles first, then titles starting with the query, by popularity.
        real = sorted(found, key=lambda i: (found[i], -self._popularity(kind, i), i))
        names = self._names.get(kind)
        if names is None:
            name: Callable[[int], str] = {
                "movie": self.movie_title,
                "tv": self.tv_name,
                "person": self.person_name,
            }[kind]
            names = self._names[kind] = [
                "" if self.is_real(kind, i) else fold(name(i))
                for i in range(1, self._count(kind) + 1)
            ]
        filler = [i for i, title in enumerate(names, start=1) if title and needle in title]
        return real + filler

    def _popularity(self, kind: str, item_id: int) -> float:
        real = self.real(kind).get(str(item_id))
        if real is not None:
            return float(real.get("popularity") or 0.0)
        return _filler_popularity(item_id)

    def ranked(self, kind: str, key: Callable[[int], Any] | None = None) -> Iterator[int]:
        """Every id of ``kind``, most popular first (lazy: fillers are never sorted).

        With ``key`` (smaller first) only real entities are re-ordered, fillers follow by id.
        """
        real_sorted = sorted(
            self.real_ids(kind),
            key=key or (lambda i: (-self._popularity(kind, i), i)),
        )
        fillers = (i for i in range(1, self._count(kind) + 1) if not self.is_real(kind, i))
        if key is not None:
            return itertools.chain(real_sorted, fillers)
        return heapq.merge(real_sorted, fillers, key=lambda i: (-self._popularity(kind, i), i))

    def popular_ids(self, kind: str) -> list[int]:
        """The first 10,000 ids of ``kind`` by popularity (what 500 pages can show)."""
        return list(itertools.islice(self.ranked(kind), MAX_PAGE * PAGE_SIZE))

    def filtered(
        self,
        kind: str,
        keep: Callable[[JSON], bool],
        order: Callable[[JSON], Any],
        limit: int = MAX_PAGE * PAGE_SIZE,
    ) -> tuple[list[int], int]:
        """(ids, total) of entities whose details pass ``keep``, sorted by ``order``.

        Real entities are all examined; fillers among the first 20,000 ids, at most ``limit``.
        """
        real = [i for i in self.real_ids(kind) if keep(self._details(kind, i))]
        filler: list[int] = []
        for i in range(1, min(self._count(kind), _MAX_FILLER_SCAN) + 1):
            if len(filler) >= limit:
                break
            if not self.is_real(kind, i) and keep(self._details(kind, i)):
                filler.append(i)
        both = real + filler
        both.sort(key=lambda i: order(self._details(kind, i)))
        return both, len(both)

    def _details(self, kind: str, item_id: int) -> JSON:
        return {"movie": self._movie, "tv": self._tv, "person": self._person}[kind](item_id)

    # ------------------------------------------------------------------ configuration

    @staticmethod
    def configuration(image_base_url: str) -> JSON:
        """``GET /3/configuration``, with the image URLs pointing at ``image_base_url``."""
        out = Catalogue.lookup("configuration")
        out["images"]["base_url"] = image_base_url
        out["images"]["secure_base_url"] = image_base_url
        return dict(out)


def image_entry(path: str, width: int, height: int, language: str | None = None) -> JSON:
    """One entry of an images answer."""
    return {
        "aspect_ratio": round(width / height, 3),
        "height": height,
        "iso_639_1": language,
        "file_path": path,
        "vote_average": 0.0,
        "vote_count": 0,
        "width": width,
    }


def paged_ids(ids: Iterable[int]) -> list[int]:
    """At most what TMDB's 500 pages can show."""
    return list(itertools.islice(ids, MAX_PAGE * PAGE_SIZE))
