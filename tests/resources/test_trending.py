"""``tmdb.trending``: all, movies, TV and people by time window: request shape and models."""

from __future__ import annotations

from typing import Any

import pytest

from tests.catalogue_helpers import check_get, wire_query
from tests.loopback_tmdb import TMDBServer
from tmdb_async import (
    MovieSummary,
    PersonSummary,
    TMDBClient,
    TVSummary,
)


def paged(*results: dict[str, Any]) -> dict[str, Any]:
    return {"page": 1, "results": list(results), "total_pages": 1, "total_results": len(results)}


async def test_trending_all(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    tmdb_server.get(
        "/3/trending/all/week",
        query=wire_query({"page": 2, "language": "en-US"}),
        payload=paged(
            {"id": 1, "title": "M", "media_type": "movie"},
            {"id": 2, "name": "T", "media_type": "tv"},
            {"id": 3, "name": "P", "media_type": "person"},
        ),
    )
    page = await tmdb_local.trending.all("week", page=2, language="en-US")
    check_get(tmdb_server, "/3/trending/all/week", {"page": 2, "language": "en-US"})
    assert page.results == [
        MovieSummary(id=1, title="M", media_type="movie"),
        TVSummary(id=2, name="T", media_type="tv"),
        PersonSummary(id=3, name="P", media_type="person"),
    ]


@pytest.mark.parametrize(
    ("name", "item", "expected"),
    [
        (
            "movie",
            {"id": 1, "title": "M", "media_type": "movie"},
            MovieSummary(id=1, title="M", media_type="movie"),
        ),
        (
            "tv",
            {"id": 2, "name": "T", "media_type": "tv"},
            TVSummary(id=2, name="T", media_type="tv"),
        ),
        (
            "person",
            {"id": 3, "name": "P", "media_type": "person"},
            PersonSummary(id=3, name="P", media_type="person"),
        ),
    ],
)
async def test_trending_by_kind_default_day(
    tmdb_local: TMDBClient,
    tmdb_server: TMDBServer,
    name: str,
    item: dict[str, Any],
    expected: object,
) -> None:
    tmdb_server.get(f"/3/trending/{name}/day", query=wire_query({"page": 1}), payload=paged(item))
    page = await getattr(tmdb_local.trending, name)()
    check_get(tmdb_server, f"/3/trending/{name}/day", {"page": 1})
    assert page.results == [expected]
