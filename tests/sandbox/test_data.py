"""The sandbox's data files: rebuilt exactly by their script, and cross-referenced."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tmdb_async.testing import Catalogue
from tmdb_async.testing._catalogue import data

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tmdb_async" / "testing" / "data"

MOVIE_FIELDS = {
    "adult", "backdrop_path", "belongs_to_collection", "budget", "genres", "homepage", "id",
    "imdb_id", "origin_country", "original_language", "original_title", "overview",
    "popularity", "poster_path", "production_companies", "production_countries",
    "release_date", "revenue", "runtime", "spoken_languages", "status", "tagline", "title",
    "video", "vote_average", "vote_count",
}  # fmt: skip


def test_the_data_is_what_the_script_builds(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_sandbox_data.py"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert "movies" in done.stdout
    built = sorted(p.name for p in tmp_path.iterdir())
    assert built == sorted(p.name for p in DATA.glob("*.json"))
    for name in built:
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), name


def test_every_real_entity_of_the_brief_is_there_with_real_fields() -> None:
    movies, tv, people = data("movies"), data("tv"), data("people")
    for movie_id, title in (
        (550, "Fight Club"),
        (19995, "Avatar"),
        (47964, "A Good Day to Die Hard"),
        (11, "Star Wars"),
    ):
        record = movies[str(movie_id)]
        assert record["title"] == title
        assert set(record) - {"_generated"} >= MOVIE_FIELDS
        assert not {"title", "original_title", "release_date"} & set(record.get("_generated", ()))
    assert tv["1399"]["name"] == "Game of Thrones"
    assert tv["1396"]["name"] == "Breaking Bad"
    assert "_generated" not in tv["1399"]
    for person_id, name in ((62, "Bruce Willis"), (17419, "Bryan Cranston"), (31, "Tom Hanks")):
        assert people[str(person_id)]["name"] == name
    assert data("collections")["10"]["name"] == "Star Wars Collection"
    assert {data("networks")[k]["name"] for k in ("49", "174", "213")} == {"HBO", "AMC", "Netflix"}
    assert data("seasons")["1399/1"]["episodes"][0]["name"] == "Winter Is Coming"
    assert data("episodes")["1396/1/1"]["name"] == "Pilot"


def test_generated_fields_are_marked_and_real_fields_are_not() -> None:
    # A movie known only from a list: its list fields are TMDB's, the rest is marked.
    movies = data("movies")
    # Avatar's recording is German: its English title and overview are TMDB's, but the
    # tagline and homepage are not from the references.
    assert movies["19995"]["_generated"] == ["homepage", "tagline"]
    completed = [m for m in movies.values() if "_generated" in m and m["id"] != 19995]
    assert len(completed) > 300
    for movie in completed:
        assert "budget" in movie["_generated"]
        assert "title" not in movie["_generated"]
        assert set(movie["_generated"]) <= set(movie)


def test_references_resolve() -> None:
    cat = Catalogue(movie_count=1, tv_count=1, person_count=1)
    genres = {g["id"] for g in data("lookups")["genre/movie/list"]["genres"]}
    tv_genres = {g["id"] for g in data("lookups")["genre/tv/list"]["genres"]}
    for movie in data("movies").values():
        assert {g["id"] for g in movie["genres"]} <= genres, movie["id"]
        collection = movie.get("belongs_to_collection")
        if collection and str(collection["id"]) in data("collections"):
            parts = data("collections")[str(collection["id"])]["parts"]
            assert movie["id"] in [p["id"] for p in parts]
    for show in data("tv").values():
        assert {g["id"] for g in show["genres"]} <= tv_genres, show["id"]
        for network in show["networks"]:
            assert str(network["id"]) in data("networks")
    for collection in data("collections").values():
        for part in collection["parts"]:
            assert cat.has_movie(part["id"])
    # Every credit names a person that exists, and a title that exists.
    for person, rows in data("credit_index").items():
        assert cat.has_person(int(person)), person
        for row in rows:
            assert cat.has(row["media_type"], row["id"]), row
    for path, answer in data("answers").items():
        if path.endswith("/credits") and "season" not in path:
            for entry in answer["cast"] + answer["crew"]:
                assert cat.has_person(entry["id"]), (path, entry["id"])


def test_data_files_are_plain_json_and_small() -> None:
    total = 0
    for path in DATA.glob("*.json"):
        json.loads(path.read_text(encoding="utf-8"))
        total += path.stat().st_size
    assert total < 5_000_000
