"""``tmdb.find``: lookups by external id: request shape (the id escaped in the path) and
models.
"""

from __future__ import annotations

from tests.catalogue_helpers import check_get, wire_query
from tests.loopback_tmdb import TMDBServer
from tmdb_async import (
    EpisodeSummary,
    FindResults,
    MovieSummary,
    TMDBClient,
    TVSummary,
)


async def test_find_by_imdb_id(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    body = {
        "movie_results": [{"id": 11, "title": "Star Wars", "media_type": "movie"}],
        "person_results": [],
        "tv_results": [],
        "tv_episode_results": [
            {"id": 62085, "name": "Pilot", "show_id": 1396, "media_type": "tv_episode"}
        ],
        "tv_season_results": [],
    }
    tmdb_server.get(
        "/3/find/tt0076759",
        query=wire_query({"external_source": "imdb_id", "language": "en-US"}),
        payload=body,
    )
    found = await tmdb_local.find.by_id("tt0076759", external_source="imdb_id", language="en-US")
    check_get(tmdb_server, "/3/find/tt0076759", {"external_source": "imdb_id", "language": "en-US"})
    assert found == FindResults(
        movie_results=[MovieSummary(id=11, title="Star Wars", media_type="movie")],
        tv_episode_results=[
            EpisodeSummary(id=62085, name="Pilot", show_id=1396, media_type="tv_episode")
        ],
    )


async def test_find_by_numeric_tvdb_id(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    tmdb_server.get(
        "/3/find/81189",
        query=wire_query({"external_source": "tvdb_id"}),
        payload={"tv_results": [{"id": 1396}]},
    )
    found = await tmdb_local.find.by_id(81189, external_source="tvdb_id")
    check_get(tmdb_server, "/3/find/81189", {"external_source": "tvdb_id"})
    assert found.tv_results == [TVSummary(id=1396)]


async def test_find_escapes_the_path(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    tmdb_server.get("/3/find/@someone%2Fx", query={"external_source": "twitter_id"}, payload={})
    await tmdb_local.find.by_id("@someone/x", external_source="twitter_id")
    call = tmdb_server.only_call()
    # the slash stays inside the one path segment ("@" needs no escaping in a path)
    assert call.raw_path == "/3/find/@someone%2Fx"
    assert call.query == {"external_source": "twitter_id"}
