"""``tmdb.genres``: the movie and TV genre lists."""

from __future__ import annotations

import pytest

from tests.catalogue_helpers import check_get, wire_query
from tests.loopback_tmdb import TMDBServer
from tmdb_async import (
    Genre,
    GenreList,
    TMDBClient,
)


@pytest.mark.parametrize("kind", ["movie", "tv"])
async def test_genres(tmdb_local: TMDBClient, tmdb_server: TMDBServer, kind: str) -> None:
    tmdb_server.get(
        f"/3/genre/{kind}/list",
        query=wire_query({"language": "de"}),
        payload={"genres": [{"id": 28, "name": "Action"}]},
    )
    genres = await getattr(tmdb_local.genres, kind)(language="de")
    check_get(tmdb_server, f"/3/genre/{kind}/list", {"language": "de"})
    assert genres == GenreList(genres=[Genre(id=28, name="Action")])
