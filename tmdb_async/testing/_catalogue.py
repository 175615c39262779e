"""The sandbox's bundled catalogue: movies, TV shows, people and the configuration.

Three records are TMDB's own examples from the official OpenAPI document (movie 11 "Star
Wars", TV show 1399 "Game of Thrones", person 31 "Tom Hanks"; long texts and lists
shortened). Every other id from 1 to the configured count is generated deterministically
from the id and the seed, in the same shape, so batch jobs over thousands of ids find a
record for each. Records are built on demand and cached; nothing here does I/O.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import random
from collections.abc import Callable, Iterator
from typing import Any

__all__ = ["Catalogue", "JSON"]

#: A decoded JSON object as the sandbox serves it.
JSON = dict[str, Any]

# --------------------------------------------------------------------------- spec examples

_STAR_WARS: JSON = {
    "adult": False,
    "backdrop_path": "/2w4xG178RpB4MDAIfTkqAuSJzec.jpg",
    "belongs_to_collection": {
        "id": 10,
        "name": "Star Wars Collection",
        "poster_path": "/pWVLFh4OuejTpUaDQbB1C4zoS2p.jpg",
        "backdrop_path": "/iY2ujEY2m68OTTlPFTiHub9joHS.jpg",
    },
    "budget": 11000000,
    "genres": [
        {"id": 12, "name": "Adventure"},
        {"id": 28, "name": "Action"},
        {"id": 878, "name": "Science Fiction"},
    ],
    "homepage": "http://www.starwars.com/films/star-wars-episode-iv-a-new-hope",
    "id": 11,
    "imdb_id": "tt0076759",
    "origin_country": ["US"],
    "original_language": "en",
    "original_title": "Star Wars",
    "overview": (
        "Princess Leia is captured and held hostage by the evil Imperial forces in their "
        "effort to take over the galactic Empire. Venturesome Luke Skywalker and dashing "
        "captain Han Solo team together with the loveable robot duo R2-D2 and C-3PO to "
        "rescue the beautiful princess and restore peace and justice in the Empire."
    ),
    "popularity": 20.6912,
    "poster_path": "/6FfCtAuVAW8XJjZ7eWeLibRLWTw.jpg",
    "production_companies": [
        {
            "id": 1,
            "logo_path": "/tlVSws0RvvtPBwViUyOFAO0vcQS.png",
            "name": "Lucasfilm Ltd.",
            "origin_country": "US",
        },
        {
            "id": 25,
            "logo_path": "/qZCc1lty5FzX30aOCVRBLzaVmcp.png",
            "name": "20th Century Fox",
            "origin_country": "US",
        },
    ],
    "production_countries": [{"iso_3166_1": "US", "name": "United States of America"}],
    "release_date": "1977-05-25",
    "revenue": 775398007,
    "runtime": 121,
    "spoken_languages": [{"english_name": "English", "iso_639_1": "en", "name": "English"}],
    "status": "Released",
    "tagline": "A long time ago in a galaxy far, far away...",
    "title": "Star Wars",
    "video": False,
    "vote_average": 8.2,
    "vote_count": 22061,
}

_GAME_OF_THRONES: JSON = {
    "adult": False,
    "backdrop_path": "/6LWy0jvMpmjoS9fojNgHIKoWL05.jpg",
    "created_by": [
        {
            "id": 9813,
            "credit_id": "5256c8c219c2956ff604858a",
            "name": "David Benioff",
            "gender": 2,
            "profile_path": "/xvNN5huL0X8yJ7h3IZfGG4O2zBD.jpg",
        },
        {
            "id": 228068,
            "credit_id": "552e611e9251413fea000901",
            "name": "D.B. Weiss",
            "gender": 2,
            "profile_path": "/2RMejaT793U9KRk2IEbFfteQntE.jpg",
        },
    ],
    "episode_run_time": [60],
    "first_air_date": "2011-04-17",
    "genres": [
        {"id": 10765, "name": "Sci-Fi & Fantasy"},
        {"id": 18, "name": "Drama"},
        {"id": 10759, "name": "Action & Adventure"},
    ],
    "homepage": "http://www.hbo.com/game-of-thrones",
    "id": 1399,
    "in_production": False,
    "languages": ["en"],
    "last_air_date": "2019-05-19",
    "last_episode_to_air": {
        "id": 1551830,
        "name": "The Iron Throne",
        "overview": (
            "In the aftermath of the devastating attack on King's Landing, Daenerys must "
            "face the survivors."
        ),
        "vote_average": 4.809,
        "vote_count": 241,
        "air_date": "2019-05-19",
        "episode_number": 6,
        "production_code": "806",
        "runtime": 80,
        "season_number": 8,
        "show_id": 1399,
        "still_path": "/zBi2O5EJfgTS6Ae0HdAYLm9o2nf.jpg",
    },
    "name": "Game of Thrones",
    "next_episode_to_air": None,
    "networks": [
        {
            "id": 49,
            "logo_path": "/tuomPhY2UtuPTqqFnKMVHvSb724.png",
            "name": "HBO",
            "origin_country": "US",
        }
    ],
    "number_of_episodes": 73,
    "number_of_seasons": 8,
    "origin_country": ["US"],
    "original_language": "en",
    "original_name": "Game of Thrones",
    "overview": (
        "Seven noble families fight for control of the mythical land of Westeros. Friction "
        "between the houses leads to full-scale war. All while a very ancient evil awakens "
        "in the farthest north."
    ),
    "popularity": 346.098,
    "poster_path": "/1XS1oqL89opfnbLl8WnZY1O1uJx.jpg",
    "production_companies": [
        {
            "id": 76043,
            "logo_path": "/9RO2vbQ67otPrBLXCaC8UMp3Qat.png",
            "name": "Revolution Sun Studios",
            "origin_country": "US",
        }
    ],
    "production_countries": [
        {"iso_3166_1": "GB", "name": "United Kingdom"},
        {"iso_3166_1": "US", "name": "United States of America"},
    ],
    "seasons": [
        {
            "air_date": "2011-04-17",
            "episode_count": 10,
            "id": 3624,
            "name": "Season 1",
            "overview": "Trouble is brewing in the Seven Kingdoms of Westeros.",
            "poster_path": "/wgfKiqzuMrFIkU1M68DDDY8kGC1.jpg",
            "season_number": 1,
            "vote_average": 8.3,
        },
        {
            "air_date": "2012-04-01",
            "episode_count": 10,
            "id": 3625,
            "name": "Season 2",
            "overview": "The cold winds of winter are rising in Westeros.",
            "poster_path": "/9xfNkPwDOqyeUvfNhs1XlWA0esP.jpg",
            "season_number": 2,
            "vote_average": 8.2,
        },
    ],
    "spoken_languages": [{"english_name": "English", "iso_639_1": "en", "name": "English"}],
    "status": "Ended",
    "tagline": "Winter Is Coming",
    "type": "Scripted",
    "vote_average": 8.438,
    "vote_count": 21390,
}

_TOM_HANKS: JSON = {
    "adult": False,
    "also_known_as": ["Thomas Jeffrey Hanks"],
    "biography": (
        "Thomas Jeffrey Hanks (born July 9, 1956) is an American actor and filmmaker. Known "
        "for both his comedic and dramatic roles, Hanks is one of the most popular and "
        "recognizable film stars worldwide."
    ),
    "birthday": "1956-07-09",
    "deathday": None,
    "gender": 2,
    "homepage": None,
    "id": 31,
    "imdb_id": "nm0000158",
    "known_for_department": "Acting",
    "name": "Tom Hanks",
    "place_of_birth": "Concord, California, USA",
    "popularity": 82.989,
    "profile_path": "/xndWFsBlClOJFRdhSt4NBwiPq2o.jpg",
}

_CHANGE_KEYS = [
    "adult", "air_date", "also_known_as", "alternative_titles", "biography", "birthday",
    "budget", "cast", "certifications", "character_names", "created_by", "crew", "deathday",
    "episode", "episode_number", "episode_run_time", "freebase_id", "freebase_mid", "general",
    "genres", "guest_stars", "homepage", "images", "imdb_id", "languages", "name", "network",
    "origin_country", "original_name", "original_title", "overview", "parts",
    "place_of_birth", "plot_keywords", "production_code", "production_companies",
    "production_countries", "releases", "revenue", "runtime", "season", "season_number",
    "season_regular", "spoken_languages", "status", "tagline", "title", "translations",
    "tvdb_id", "tvrage_id", "type", "video", "videos",
]  # fmt: skip

# --------------------------------------------------------------------------- word lists

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
_GENRES = (
    (28, "Action"), (12, "Adventure"), (16, "Animation"), (35, "Comedy"), (80, "Crime"),
    (99, "Documentary"), (18, "Drama"), (10751, "Family"), (14, "Fantasy"), (27, "Horror"),
    (9648, "Mystery"), (10749, "Romance"), (878, "Science Fiction"), (53, "Thriller"),
)  # fmt: skip
_TV_GENRES = (
    (10759, "Action & Adventure"), (35, "Comedy"), (80, "Crime"), (18, "Drama"),
    (9648, "Mystery"), (10765, "Sci-Fi & Fantasy"), (10768, "War & Politics"),
)  # fmt: skip
_DEPARTMENTS = ("Acting", "Directing", "Writing", "Production", "Sound", "Camera")

#: Items per page of every paged list, as TMDB serves them.
PAGE_SIZE = 20
#: TMDB serves pages 1 to 500 (error 22 outside).
MAX_PAGE = 500


def _hex(*parts: object, length: int) -> str:
    return hashlib.sha256(":".join(map(str, parts)).encode()).hexdigest()[:length]


def image_path(kind: str, item_id: int, which: str) -> str:
    """The image path of a generated record (served by the sandbox as a placeholder)."""
    return f"/{kind}{item_id}{which}.png"


def _date(rng: random.Random, first_year: int, last_year: int) -> str:
    return f"{rng.randint(first_year, last_year)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


class Catalogue:
    """Movies, TV shows and people with ids ``1..count``; deterministic for a seed.

    Args:
        movie_count: movies have ids 1 to ``movie_count``.
        tv_count: TV shows have ids 1 to ``tv_count``.
        person_count: people have ids 1 to ``person_count``.
        seed: varies the generated titles, dates and numbers.
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
        self.movie = functools.lru_cache(maxsize=8192)(self._build_movie)
        self.tv = functools.lru_cache(maxsize=4096)(self._build_tv)
        self.person = functools.lru_cache(maxsize=4096)(self._build_person)
        self._popular: dict[str, list[int]] = {}
        self._names: dict[str, list[str]] = {}

    def _rng(self, kind: str, item_id: int) -> random.Random:
        return random.Random(f"{self.seed}:{kind}:{item_id}")

    # ------------------------------------------------------------------ titles (for search)

    def movie_title(self, movie_id: int) -> str:
        """The title of movie ``movie_id`` (cheap: used by search)."""
        if movie_id == 11:
            return str(_STAR_WARS["title"])
        rng = self._rng("movie", movie_id)
        return f"The {rng.choice(_ADJECTIVES)} {rng.choice(_NOUNS)}"

    def tv_name(self, tv_id: int) -> str:
        """The name of TV show ``tv_id``."""
        if tv_id == 1399:
            return str(_GAME_OF_THRONES["name"])
        rng = self._rng("tv", tv_id)
        return f"{rng.choice(_NOUNS)} of the {rng.choice(_ADJECTIVES)}"

    def person_name(self, person_id: int) -> str:
        """The name of person ``person_id``."""
        if person_id == 31:
            return str(_TOM_HANKS["name"])
        rng = self._rng("person", person_id)
        return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"

    # ------------------------------------------------------------------ records

    def has_movie(self, movie_id: int) -> bool:
        """Whether a movie with this id exists."""
        return 1 <= movie_id <= self.movie_count

    def has_tv(self, tv_id: int) -> bool:
        """Whether a TV show with this id exists."""
        return 1 <= tv_id <= self.tv_count

    def has_person(self, person_id: int) -> bool:
        """Whether a person with this id exists."""
        return 1 <= person_id <= self.person_count

    def _build_movie(self, movie_id: int) -> JSON:
        if movie_id == 11:
            return copy.deepcopy(_STAR_WARS)
        rng = self._rng("movie", movie_id)
        title = self.movie_title(movie_id)
        genres = rng.sample(_GENRES, k=rng.randint(1, 3))
        record = copy.deepcopy(_STAR_WARS)
        record.update(
            {
                "backdrop_path": image_path("m", movie_id, "b"),
                "belongs_to_collection": None,
                "budget": rng.randrange(0, 200_000_000, 250_000),
                "genres": [{"id": gid, "name": name} for gid, name in genres],
                "homepage": "",
                "id": movie_id,
                "imdb_id": f"tt{9_000_000 + movie_id:07d}",
                "original_title": title,
                "overview": (
                    f"{title}: a sandbox movie. A {genres[0][1].lower()} story generated for "
                    "tests and demos; it does not exist outside tmdb_async's sandbox."
                ),
                "popularity": round(1000.0 / (1 + movie_id % 997) + rng.random(), 3),
                "poster_path": image_path("m", movie_id, "p"),
                "release_date": _date(rng, 1950, 2025),
                "revenue": rng.randrange(0, 900_000_000, 1000),
                "runtime": rng.randint(75, 180),
                "tagline": f"Every {rng.choice(_NOUNS).lower()} has a story.",
                "title": title,
                "vote_average": round(rng.uniform(3.0, 9.5), 3),
                "vote_count": rng.randint(0, 30_000),
            }
        )
        return record

    def _build_tv(self, tv_id: int) -> JSON:
        if tv_id == 1399:
            return copy.deepcopy(_GAME_OF_THRONES)
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
        last = self.episode(tv_id, season_count, 10)
        genres = rng.sample(_TV_GENRES, k=rng.randint(1, 2))
        record = copy.deepcopy(_GAME_OF_THRONES)
        record.update(
            {
                "backdrop_path": image_path("t", tv_id, "b"),
                "created_by": [],
                "first_air_date": seasons[0]["air_date"],
                "genres": [{"id": gid, "name": gname} for gid, gname in genres],
                "homepage": "",
                "id": tv_id,
                "in_production": rng.random() < 0.3,
                "last_air_date": last["air_date"],
                "last_episode_to_air": last,
                "name": name,
                "number_of_episodes": season_count * 10,
                "number_of_seasons": season_count,
                "original_name": name,
                "overview": f"{name}: a sandbox TV show generated for tests and demos.",
                "popularity": round(500.0 / (1 + tv_id % 499) + rng.random(), 3),
                "poster_path": image_path("t", tv_id, "p"),
                "seasons": seasons,
                "tagline": "",
                "vote_average": round(rng.uniform(3.0, 9.5), 3),
                "vote_count": rng.randint(0, 20_000),
            }
        )
        return record

    def _build_person(self, person_id: int) -> JSON:
        if person_id == 31:
            return copy.deepcopy(_TOM_HANKS)
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
            "imdb_id": f"nm{9_000_000 + person_id:07d}",
            "known_for_department": rng.choice(_DEPARTMENTS),
            "name": name,
            "place_of_birth": "Sandbox City",
            "popularity": round(100.0 / (1 + person_id % 97) + rng.random(), 3),
            "profile_path": image_path("p", person_id, "p"),
        }

    # ------------------------------------------------------------------ seasons and episodes

    def episode_count(self, tv_id: int, season_number: int) -> int:
        """Episodes in a season (0 when the show or season does not exist)."""
        if not self.has_tv(tv_id):
            return 0
        for season in self.tv(tv_id)["seasons"]:
            if season["season_number"] == season_number:
                return int(season["episode_count"])
        return 0

    def has_episode(self, tv_id: int, season_number: int, episode_number: int) -> bool:
        """Whether the episode exists."""
        return 1 <= episode_number <= self.episode_count(tv_id, season_number)

    def episode(self, tv_id: int, season_number: int, episode_number: int) -> JSON:
        """An episode in the shape of TMDB's rated-episode items (without ``rating``)."""
        rng = self._rng("episode", tv_id * 100_000 + season_number * 1000 + episode_number)
        episode_id = tv_id * 10_000 + season_number * 100 + episode_number
        return {
            "air_date": _date(rng, 1990, 2024),
            "episode_number": episode_number,
            "id": episode_id,
            "name": f"Episode {episode_number}",
            "overview": f"Episode {episode_number} of season {season_number}.",
            "production_code": f"{season_number}{episode_number:02d}",
            "runtime": rng.randint(20, 70),
            "season_number": season_number,
            "show_id": tv_id,
            "still_path": image_path("e", episode_id, "s"),
            "vote_average": round(rng.uniform(5.0, 9.5), 3),
            "vote_count": rng.randint(0, 500),
        }

    # ------------------------------------------------------------------ list items

    def movie_item(self, movie_id: int) -> JSON:
        """Movie ``movie_id`` as a list item (search results, favourites, lists)."""
        m = self.movie(movie_id)
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
        """TV show ``tv_id`` as a list item."""
        t = self.tv(tv_id)
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
        """Person ``person_id`` as a search result, with two movies they are known for."""
        p = self.person(person_id)
        known_for = []
        for offset in (0, 7):
            movie_id = (person_id * 13 + offset) % self.movie_count + 1
            item = self.movie_item(movie_id)
            item["media_type"] = "movie"
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

    # ------------------------------------------------------------------ appended objects

    def credits(self, movie_id: int) -> JSON:
        """The cast and crew of a movie (``append_to_response=credits``)."""
        rng = self._rng("credits", movie_id)
        people = rng.sample(range(1, self.person_count + 1), k=min(4, self.person_count))
        cast = []
        for order, person_id in enumerate(people[:3]):
            p = self.person(person_id)
            cast.append(
                {
                    "adult": False,
                    "gender": p["gender"],
                    "id": person_id,
                    "known_for_department": "Acting",
                    "name": p["name"],
                    "original_name": p["name"],
                    "popularity": p["popularity"],
                    "profile_path": p["profile_path"],
                    "cast_id": order + 1,
                    "character": f"{rng.choice(_ADJECTIVES)} {rng.choice(_NOUNS)} Keeper",
                    "credit_id": _hex("cast", movie_id, person_id, length=24),
                    "order": order,
                }
            )
        crew = []
        for person_id in people[3:]:
            p = self.person(person_id)
            crew.append(
                {
                    "adult": False,
                    "gender": p["gender"],
                    "id": person_id,
                    "known_for_department": "Directing",
                    "name": p["name"],
                    "original_name": p["name"],
                    "popularity": p["popularity"],
                    "profile_path": p["profile_path"],
                    "credit_id": _hex("crew", movie_id, person_id, length=24),
                    "department": "Directing",
                    "job": "Director",
                }
            )
        return {"id": movie_id, "cast": cast, "crew": crew}

    def images(self, movie_id: int) -> JSON:
        """A movie's images (``append_to_response=images``): its poster and backdrop."""
        m = self.movie(movie_id)

        def image(path: str, width: int, height: int) -> JSON:
            return {
                "aspect_ratio": round(width / height, 3),
                "height": height,
                "iso_639_1": "en",
                "file_path": path,
                "vote_average": 5.3,
                "vote_count": 1,
                "width": width,
            }

        return {
            "id": movie_id,
            "backdrops": [image(m["backdrop_path"], 1280, 720)],
            "logos": [],
            "posters": [image(m["poster_path"], 500, 750)],
        }

    # ------------------------------------------------------------------ search and charts

    def search(self, kind: str, query: str) -> list[int]:
        """Ids whose title/name contains ``query`` (case-insensitive), in id order."""
        needle = query.casefold().strip()
        if not needle:
            return []
        names = self._names.get(kind)
        if names is None:
            name: Callable[[int], str] = {
                "movie": self.movie_title,
                "tv": self.tv_name,
                "person": self.person_name,
            }[kind]
            names = self._names[kind] = [name(i).casefold() for i in self.ids(kind)]
        return [i for i, title in enumerate(names, start=1) if needle in title]

    def ids(self, kind: str) -> Iterator[int]:
        """Every id of ``kind`` ("movie", "tv" or "person") in order."""
        count = {"movie": self.movie_count, "tv": self.tv_count, "person": self.person_count}
        return iter(range(1, count[kind] + 1))

    def popular_ids(self, kind: str) -> list[int]:
        """Movie or TV ids ("movie" / "tv"), most popular first (computed once)."""
        cached = self._popular.get(kind)
        if cached is None:
            build = self._build_movie if kind == "movie" else self._build_tv
            ranked = sorted(self.ids(kind), key=lambda i: (-build(i)["popularity"], i))
            cached = self._popular[kind] = ranked
        return cached

    # ------------------------------------------------------------------ configuration

    @staticmethod
    def configuration(image_base_url: str) -> JSON:
        """``GET /3/configuration``, with the image URLs pointing at ``image_base_url``."""
        return {
            "images": {
                "base_url": image_base_url,
                "secure_base_url": image_base_url,
                "backdrop_sizes": ["w300", "w780", "w1280", "original"],
                "logo_sizes": ["w45", "w92", "w154", "w185", "w300", "w500", "original"],
                "poster_sizes": ["w92", "w154", "w185", "w342", "w500", "w780", "original"],
                "profile_sizes": ["w45", "w185", "h632", "original"],
                "still_sizes": ["w92", "w185", "w300", "original"],
            },
            "change_keys": list(_CHANGE_KEYS),
        }
