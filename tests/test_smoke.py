from __future__ import annotations

from yarl import URL

from tests.conftest import API, READ_TOKEN, TMDBMock, load
from tmdb_async import Movie, TMDBClient


async def test_movie_details_bearer(tmdb: TMDBClient, mock: TMDBMock) -> None:
    body = load("docs/official-v3-spec-examples/movie-details.200.json")
    mock.get(f"{API}/3/movie/11?append_to_response=credits", payload=body)
    movie = await tmdb.movies.details(11, append_to_response=["credits"])
    assert isinstance(movie, Movie)
    assert movie.id == 11
    method, url, call = mock.only_call()
    assert method == "GET"
    assert url == URL(f"{API}/3/movie/11?append_to_response=credits")
    assert call.kwargs["headers"]["Authorization"] == f"Bearer {READ_TOKEN}"
