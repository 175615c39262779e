"""``tmdb.changes``: the movie, TV and people change lists and their 14-day window."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.catalogue_helpers import check_get, wire_query
from tests.loopback_tmdb import TMDBServer
from tmdb_async import (
    ChangedEntry,
    TMDBClient,
    TMDBUsageError,
)


@pytest.mark.parametrize("kind", ["movie", "tv", "person"])
async def test_changes_window(tmdb_local: TMDBClient, tmdb_server: TMDBServer, kind: str) -> None:
    body = {"page": 1, "results": [{"id": 5, "adult": False}, {"id": 6}], "total_pages": 1}
    tmdb_server.get(
        f"/3/{kind}/changes",
        query=wire_query({"start_date": "2024-01-01", "end_date": "2024-01-15", "page": 1}),
        payload=body,
    )
    page = await getattr(tmdb_local.changes, kind)(
        start_date=dt.date(2024, 1, 1), end_date=dt.date(2024, 1, 15), page=1
    )
    check_get(
        tmdb_server,
        f"/3/{kind}/changes",
        {"start_date": "2024-01-01", "end_date": "2024-01-15", "page": 1},
    )
    assert page.results == [ChangedEntry(id=5, adult=False), ChangedEntry(id=6)]


async def test_changes_default_window(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    tmdb_server.get(
        "/3/movie/changes", query=wire_query({"page": 1}), payload={"page": 1, "results": []}
    )
    await tmdb_local.changes.movie()
    check_get(tmdb_server, "/3/movie/changes", {"page": 1})


def test_changes_window_message_names_the_limit() -> None:
    from tmdb_async.resources._params import check_changes_window

    with pytest.raises(TMDBUsageError, match="14 days"):
        check_changes_window(dt.date(2024, 1, 1), dt.date(2024, 2, 1))
    assert check_changes_window(dt.date(2024, 1, 1), dt.date(2024, 1, 15)) == {
        "start_date": "2024-01-01",
        "end_date": "2024-01-15",
    }
