"""``tmdb.keywords``: details and a keyword's movies (paged): the exact request each call
sends and the exact model it returns.
"""

from __future__ import annotations

import datetime as dt

from tests.catalogue_helpers import check_get, wire_query
from tests.conftest import load
from tests.loopback_tmdb import TMDBServer
from tmdb_async import (
    Keyword,
    KeywordMovies,
    MovieSummary,
    TMDBClient,
)

REC = "recorded/tmdblib"


async def test_keyword_details(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    tmdb_server.get("/3/keyword/33705", payload=load(f"{REC}/keyword-details-33705.200.json"))
    assert await tmdb_local.keywords.details(33705) == Keyword(id=33705, name="agent")
    check_get(tmdb_server, "/3/keyword/33705")


async def test_keyword_movies(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    body = load(f"{REC}/keyword-movies-33705.200.json")
    tmdb_server.get(
        "/3/keyword/33705/movies",
        query=wire_query({"page": 2, "language": "en-US", "include_adult": "true"}),
        payload=body,
    )
    page = await tmdb_local.keywords.movies(33705, page=2, language="en-US", include_adult=True)
    check_get(
        tmdb_server,
        "/3/keyword/33705/movies",
        {"page": 2, "language": "en-US", "include_adult": "true"},
    )
    assert isinstance(page, KeywordMovies)
    assert (page.id, page.page, page.total_pages, page.total_results) == (33705, 1, 7, 128)
    assert len(page.results) == len(body["results"])
    first = page.results[0]
    assert isinstance(first, MovieSummary)
    assert (first.id, first.title, first.release_date) == (
        1122573,
        "In the Grey",
        dt.date(2026, 5, 13),
    )
    assert first.genre_ids == [28, 53]


async def test_keyword_movies_defaults_send_only_the_page(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.get(
        "/3/keyword/1701/movies", query=wire_query({"page": 1}), payload={"id": 1701, "page": 1}
    )
    assert await tmdb_local.keywords.movies(1701) == KeywordMovies(id=1701, page=1)
    check_get(tmdb_server, "/3/keyword/1701/movies", {"page": 1})


async def test_keyword_movies_can_be_paginated(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    for number in (1, 2):
        tmdb_server.get(
            "/3/keyword/1701/movies",
            query={"page": str(number)},
            payload={
                "id": 1701,
                "page": number,
                "results": [{"id": 10 + number, "title": f"M{number}"}],
                "total_pages": 2,
                "total_results": 2,
            },
        )
    titles: list[str] = [
        m.title async for m in tmdb_local.paginate(tmdb_local.keywords.movies, 1701)
    ]
    assert titles == ["M1", "M2"]
    sent = [call.query["page"] for call in tmdb_server.calls()]
    assert sent == ["1", "2"]
