"""``tmdb.find``: lookups by external id: request shape (the id escaped in the path) and
models.
"""

from __future__ import annotations

import re

from tests.catalogue_helpers import check_get, url_re
from tests.conftest import TMDBMock
from tmdb_async import (
    EpisodeSummary,
    FindResults,
    MovieSummary,
    TMDBClient,
    TVSummary,
)


async def test_find_by_imdb_id(tmdb: TMDBClient, mock: TMDBMock) -> None:
    body = {
        "movie_results": [{"id": 11, "title": "Star Wars", "media_type": "movie"}],
        "person_results": [],
        "tv_results": [],
        "tv_episode_results": [
            {"id": 62085, "name": "Pilot", "show_id": 1396, "media_type": "tv_episode"}
        ],
        "tv_season_results": [],
    }
    mock.get(url_re("/3/find/tt0076759"), payload=body)
    found = await tmdb.find.by_id("tt0076759", external_source="imdb_id", language="en-US")
    check_get(mock, "/3/find/tt0076759", {"external_source": "imdb_id", "language": "en-US"})
    assert found == FindResults(
        movie_results=[MovieSummary(id=11, title="Star Wars", media_type="movie")],
        tv_episode_results=[
            EpisodeSummary(id=62085, name="Pilot", show_id=1396, media_type="tv_episode")
        ],
    )


async def test_find_by_numeric_tvdb_id(tmdb: TMDBClient, mock: TMDBMock) -> None:
    mock.get(url_re("/3/find/81189"), payload={"tv_results": [{"id": 1396}]})
    found = await tmdb.find.by_id(81189, external_source="tvdb_id")
    check_get(mock, "/3/find/81189", {"external_source": "tvdb_id"})
    assert found.tv_results == [TVSummary(id=1396)]


async def test_find_escapes_the_path(tmdb: TMDBClient, mock: TMDBMock) -> None:
    mock.get(re.compile(r"^https://api\.themoviedb\.org/3/find/.*"), payload={})
    await tmdb.find.by_id("@someone/x", external_source="twitter_id")
    _, url, call = mock.only_call()
    # the slash stays inside the one path segment ("@" needs no escaping in a path)
    assert url.raw_path == "/3/find/@someone%2Fx"
    assert call.kwargs["params"] == {"external_source": "twitter_id"}
