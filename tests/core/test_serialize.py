"""``to_dict`` / ``to_json``: models as JSON for web frameworks, and back.

Every official movie example, a movie with every append, mixed media pages (an unknown
media type included), a TV season (wire name ``_id``) and account states (``rated``) go
through ``json.dumps`` / ``json.loads`` (what FastAPI's JSONResponse and aiohttp's
json_response do) and structure back, with the strict converter, into an equal model.
A loopback web app returns a sandbox movie with ``to_dict`` and its client reads it back.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import aiohttp
import pytest
from aiohttp import web

import tmdb_async
from tests.conftest import load
from tests.resources.test_movies import APPEND_SOURCES, OPERATIONS, appended, spec_examples
from tmdb_async import (
    AccountStates,
    Movie,
    MovieSummary,
    Page,
    PersonSummary,
    Session,
    TMDBUsageError,
    TVSeason,
    TVSummary,
    UnknownMedia,
    make_converter,
    to_dict,
    to_json,
)
from tmdb_async._convert import CONVERTER
from tmdb_async.models.search import MultiResult
from tmdb_async.testing import Sandbox

STRICT = make_converter(forbid_extra_keys=True)


def round_trip(model: Any, into: Any) -> Any:
    """JSON text and back, as a web framework and its client would; strictly structured."""
    text = json.dumps(to_dict(model))
    return STRICT.structure(json.loads(text), into)


@pytest.mark.parametrize(("path", "into"), list(OPERATIONS.items()), ids=list(OPERATIONS))
def test_every_official_movie_example_round_trips(path: str, into: Any) -> None:
    for body in spec_examples(path):
        try:
            model = CONVERTER.structure(body, into)
        except Exception:
            # The placeholder example (see tests/resources/test_movies.py): nothing to serialise.
            continue
        assert round_trip(model, into) == model
        assert STRICT.structure(json.loads(to_json(model)), into) == model


def test_movie_with_every_append_round_trips_with_wire_names_and_iso_dates() -> None:
    body = dict(spec_examples("/3/movie/{movie_id}")[0])
    for name in APPEND_SOURCES:
        body[name] = appended(name)
    movie = STRICT.structure(body, Movie)
    data = to_dict(movie)
    assert data["release_date"] == "1977-05-25"
    assert "watch/providers" in data
    assert "watch_providers" not in data
    assert data["credits"]["cast"][0]["name"] == "Edward Norton"
    assert data["account_states"]["rated"] == 9.0
    # A datetime is ISO 8601 with its UTC offset.
    change_time = data["changes"]["changes"][0]["items"][0]["time"]
    assert change_time == movie.changes.changes[0].items[0].time.isoformat()  # type: ignore[union-attr]
    assert dt.datetime.fromisoformat(change_time).utcoffset() == dt.timedelta(0)
    assert round_trip(movie, Movie) == movie


def test_recorded_pages_and_people_round_trip() -> None:
    for relative, into in [
        ("recorded/tmdblib/movie-popular-page1.200.json", Page[MovieSummary]),
        ("recorded/tmdblib/search-multi-jobs.200.json", Page[MultiResult]),
        ("recorded/tmdblib/movie-details-19995-de-images.200.json", Movie),
    ]:
        model: Any = CONVERTER.structure(load(relative), into)
        assert round_trip(model, into) == model, relative


def test_mixed_pages_keep_their_tags_and_unknown_items_stay_raw() -> None:
    unknown_item = {"media_type": "podcast", "id": 7, "title": "A new kind", "extra": [1, 2]}
    body = {
        "page": 1,
        "total_pages": 1,
        "total_results": 4,
        "results": [
            {"media_type": "movie", "id": 11, "title": "Star Wars", "release_date": ""},
            {"media_type": "tv", "id": 1396, "name": "Breaking Bad"},
            {"media_type": "person", "id": 17419, "name": "Bryan Cranston", "known_for": []},
            unknown_item,
        ],
    }
    page = CONVERTER.structure(body, Page[MultiResult])
    assert [type(item) for item in page.results] == [
        MovieSummary,
        TVSummary,
        PersonSummary,
        UnknownMedia,
    ]
    data = to_dict(page)
    assert [item.get("media_type") for item in data["results"]] == [
        "movie",
        "tv",
        "person",
        "podcast",
    ]
    assert data["results"][0]["release_date"] is None
    assert data["results"][3] == unknown_item
    assert round_trip(page, Page[MultiResult]) == page


def test_wire_name_id_and_rated_round_trip() -> None:
    season = STRICT.structure(
        spec_examples("/3/tv/{series_id}/season/{season_number}")[0], TVSeason
    )
    assert season.object_id
    assert to_dict(season)["_id"] == season.object_id
    assert round_trip(season, TVSeason) == season
    states = AccountStates(id=550, favorite=True, rated=8.5, watchlist=False)
    assert to_dict(states) == {"id": 550, "favorite": True, "rated": 8.5, "watchlist": False}
    assert round_trip(states, AccountStates) == states
    unrated = AccountStates(id=550, favorite=False, rated=None, watchlist=False)
    assert round_trip(unrated, AccountStates) == unrated


def test_to_json_takes_lists_and_indents() -> None:
    movie = CONVERTER.structure(
        load("docs/official-v3-spec-examples/movie-details.200.json"), Movie
    )
    first, second = movie.genres[0], movie.genres[1]
    text = to_json([first, second], indent=2)
    assert json.loads(text) == [
        {"id": first.id, "name": first.name},
        {"id": second.id, "name": second.name},
    ]
    assert "\n  " in text


def test_to_dict_refuses_what_is_not_a_model() -> None:
    for value in ({"id": 1}, [1], "Movie", None):
        with pytest.raises(TMDBUsageError, match="model must be a tmdb_async model"):
            to_dict(value)
    with pytest.raises(TypeError):
        to_json(object())


def test_to_dict_keeps_a_secret_that_repr_hides() -> None:
    # Documented: a model carrying a secret keeps it in clear in to_dict (server-side use).
    session = Session(session_id="79191836ddaa0da3df76a5ffef6f07ad6ab0c641")
    assert "79191836" not in repr(session)
    assert to_dict(session)["session_id"] == session.session_id


def test_public_names() -> None:
    assert tmdb_async.to_dict is to_dict
    assert tmdb_async.to_json is to_json


async def test_a_web_app_returns_a_movie_with_plain_json_dumps() -> None:
    """A FastAPI-style handler: fetch a model, return ``json.dumps(to_dict(model))``."""
    async with Sandbox(movie_count=50) as sb, sb.client() as tmdb:

        async def movie(request: web.Request) -> web.Response:
            found = await tmdb.movies.details(int(request.match_info["id"]))
            return web.Response(text=json.dumps(to_dict(found)), content_type="application/json")

        app = web.Application()
        app.router.add_get("/movies/{id}", movie)
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        try:
            port = runner.addresses[0][1]
            async with (
                aiohttp.ClientSession() as http,
                http.get(f"http://127.0.0.1:{port}/movies/11") as resp,
            ):
                assert resp.status == 200
                assert resp.content_type == "application/json"
                data = await resp.json()
            expected = await tmdb.movies.details(11)
            assert data["id"] == 11
            assert data["release_date"] == (
                expected.release_date.isoformat() if expected.release_date else None
            )
            assert STRICT.structure(data, Movie) == expected
        finally:
            await runner.cleanup()
