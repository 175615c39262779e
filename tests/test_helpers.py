"""The suite's own tools: :class:`~tests.conftest.TMDBMock` reports requests in the order
they were made."""

from __future__ import annotations

from tests.conftest import API, TMDBMock
from tmdb_async import TMDBClient


async def test_mock_calls_are_in_request_order_not_grouped_by_url(
    mock: TMDBMock, tmdb: TMDBClient
) -> None:
    mock.get(f"{API}/3/movie/11", payload={"id": 11, "title": "Star Wars"}, repeat=True)
    mock.get(f"{API}/3/movie/12", payload={"id": 12, "title": "Finding Nemo"})
    await tmdb.movies.details(11)
    await tmdb.movies.details(12)
    await tmdb.movies.details(11)
    assert [str(url) for _, url, _ in mock.calls()] == [
        f"{API}/3/movie/11",
        f"{API}/3/movie/12",
        f"{API}/3/movie/11",
    ]
    assert [method for method, _, _ in mock.calls()] == ["GET"] * 3
