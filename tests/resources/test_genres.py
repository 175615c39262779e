"""``tmdb.genres``: the movie and TV genre lists."""

from __future__ import annotations

import pytest

from tests.catalogue_helpers import check_get, url_re
from tests.conftest import TMDBMock
from tmdb_async import (
    Genre,
    GenreList,
    TMDBClient,
)


@pytest.mark.parametrize("kind", ["movie", "tv"])
async def test_genres(tmdb: TMDBClient, mock: TMDBMock, kind: str) -> None:
    mock.get(url_re(f"/3/genre/{kind}/list"), payload={"genres": [{"id": 28, "name": "Action"}]})
    genres = await getattr(tmdb.genres, kind)(language="de")
    check_get(mock, f"/3/genre/{kind}/list", {"language": "de"})
    assert genres == GenreList(genres=[Genre(id=28, name="Action")])
