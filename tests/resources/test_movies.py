"""``tmdb.movies.details``: request shape, appended sub-objects, and local argument checks."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from yarl import URL

from tests.conftest import API, API_KEY, READ_TOKEN, FakeSleep, TMDBMock
from tmdb_async import (
    Cast,
    Credits,
    Crew,
    Genre,
    Image,
    Images,
    Movie,
    ResourceNotFoundError,
    TMDBClient,
    TMDBUsageError,
)

BODY: dict[str, Any] = {
    "id": 11,
    "title": "Star Wars",
    "original_title": "Star Wars",
    "release_date": "1977-05-25",
    "runtime": 121,
    "genres": [{"id": 12, "name": "Adventure"}],
    "poster_path": None,
    "credits": {
        "cast": [{"id": 2, "name": "Mark Hamill", "character": "Luke Skywalker", "order": 0}],
        "crew": [{"id": 1, "name": "George Lucas", "job": "Director", "department": "Directing"}],
    },
    "images": {
        "backdrops": [],
        "logos": [],
        "posters": [{"file_path": "/p.jpg", "width": 500, "height": 750, "iso_639_1": None}],
    },
}

EXPECTED = Movie(
    id=11,
    title="Star Wars",
    original_title="Star Wars",
    release_date=dt.date(1977, 5, 25),
    runtime=121,
    genres=[Genre(id=12, name="Adventure")],
    poster_path=None,
    credits=Credits(
        cast=[Cast(id=2, name="Mark Hamill", character="Luke Skywalker", order=0)],
        crew=[Crew(id=1, name="George Lucas", job="Director", department="Directing")],
    ),
    images=Images(posters=[Image(file_path="/p.jpg", width=500, height=750, iso_639_1=None)]),
)


async def test_details_with_appends_and_language(tmdb: TMDBClient, mock: TMDBMock) -> None:
    url = f"{API}/3/movie/11?append_to_response=credits,images&language=de-DE"
    mock.get(url, payload=BODY)
    movie = await tmdb.movies.details(
        11, append_to_response=["credits", "images"], language="de-DE"
    )
    assert movie == EXPECTED
    method, sent, call = mock.only_call()
    assert (method, sent) == ("GET", URL(url))
    assert call.kwargs["params"] == {"append_to_response": "credits,images", "language": "de-DE"}
    assert call.kwargs["headers"]["Authorization"] == f"Bearer {READ_TOKEN}"
    assert call.kwargs["json"] is None


async def test_details_plain(tmdb_key: TMDBClient, mock: TMDBMock) -> None:
    body = {k: v for k, v in BODY.items() if k not in ("credits", "images")}
    mock.get(f"{API}/3/movie/11?api_key={API_KEY}", payload=body)
    movie = await tmdb_key.movies.details(11)
    assert movie == Movie(
        id=11,
        title="Star Wars",
        original_title="Star Wars",
        release_date=dt.date(1977, 5, 25),
        runtime=121,
        genres=[Genre(id=12, name="Adventure")],
    )
    assert movie.credits is None
    assert movie.images is None
    _, url, call = mock.only_call()
    assert url == URL(f"{API}/3/movie/11?api_key={API_KEY}")
    assert call.kwargs["params"] == {"api_key": API_KEY}
    assert "Authorization" not in call.kwargs["headers"]


async def test_details_comma_string_appends(tmdb: TMDBClient, mock: TMDBMock) -> None:
    mock.get(f"{API}/3/movie/11?append_to_response=images,credits", payload=BODY)
    # A comma-separated string works at run time (the annotation asks for an iterable).
    got = await tmdb.movies.details(11, append_to_response="images, credits")  # type: ignore[arg-type]
    assert got == EXPECTED
    _, _, call = mock.only_call()
    assert call.kwargs["params"] == {"append_to_response": "images,credits"}


async def test_details_empty_release_date_is_none(tmdb: TMDBClient, mock: TMDBMock) -> None:
    mock.get(f"{API}/3/movie/11", payload={"id": 11, "release_date": ""})
    assert (await tmdb.movies.details(11)).release_date is None


async def test_details_not_found(tmdb: TMDBClient, mock: TMDBMock, fake_sleep: FakeSleep) -> None:
    mock.get(
        f"{API}/3/movie/999999999",
        status=404,
        payload={
            "success": False,
            "status_code": 34,
            "status_message": "The resource you requested could not be found.",
        },
    )
    with pytest.raises(ResourceNotFoundError) as info:
        await tmdb.movies.details(999999999)
    assert (info.value.http_status, info.value.tmdb_code) == (404, 34)
    assert len(mock.calls()) == 1
    assert fake_sleep.waits == []


@pytest.mark.parametrize("bad", [0, -11, True, False, "11", 11.0, None])
async def test_bad_movie_id_fails_before_io(bad: Any, tmdb: TMDBClient, mock: TMDBMock) -> None:
    with pytest.raises(TMDBUsageError, match="movie_id"):
        await tmdb.movies.details(bad)
    assert mock.calls() == []


async def test_more_than_20_appends_fails_before_io(tmdb: TMDBClient, mock: TMDBMock) -> None:
    names: list[Any] = ["credits", "images"] * 10 + ["credits"]
    with pytest.raises(TMDBUsageError, match="at most 20"):
        await tmdb.movies.details(11, append_to_response=names)
    assert mock.calls() == []


@pytest.mark.parametrize(
    "appends",
    [["not_a_thing"], ["credits", "Credits"], "credits,bogus", ["credits", "credits"]],
)
async def test_bad_appends_fail_before_io(appends: Any, tmdb: TMDBClient, mock: TMDBMock) -> None:
    with pytest.raises(TMDBUsageError, match="append_to_response"):
        await tmdb.movies.details(11, append_to_response=appends)
    assert mock.calls() == []


@pytest.mark.parametrize("bad", ["german", "de_DE", "DE"])
async def test_bad_language_fails_before_io(bad: str, tmdb: TMDBClient, mock: TMDBMock) -> None:
    with pytest.raises(TMDBUsageError, match="language"):
        await tmdb.movies.details(11, language=bad)
    assert mock.calls() == []
