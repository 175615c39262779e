"""``tmdb.tv.episodes``: the request each call sends (method, path, query, headers, no body;
the api key in the query), the model it returns, and the local checks that refuse bad input
before any I/O."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from tests.catalogue_helpers import check_get, wire_query
from tests.conftest import API_KEY
from tests.loopback_tmdb import TMDBServer
from tmdb_async import (
    Changes,
    EpisodeCredits,
    EpisodeImages,
    TMDBClient,
    TMDBUsageError,
    TVExternalIds,
    TVTranslations,
    Videos,
)

Call = Callable[[TMDBClient], Awaitable[Any]]


E = "/3/tv/1396/season/1/episode/1"


#: (label, call, path, query sent, body served, model expected)
CASES: list[tuple[str, Call, str, dict[str, Any], Any, Any]] = [
    # episodes
    (
        "episode credits",
        lambda t: t.tv.episodes.credits(1396, 1, 1),
        f"{E}/credits",
        {},
        {"id": 62085, "guest_stars": []},
        EpisodeCredits(id=62085),
    ),
    (
        "episode external ids",
        lambda t: t.tv.episodes.external_ids(1396, 1, 1),
        f"{E}/external_ids",
        {},
        {"id": 62085, "imdb_id": "tt0959621"},
        TVExternalIds(id=62085, imdb_id="tt0959621"),
    ),
    (
        "episode images",
        lambda t: t.tv.episodes.images(1396, 1, 1, language="en"),
        f"{E}/images",
        {"language": "en"},
        {"id": 62085, "stills": []},
        EpisodeImages(id=62085),
    ),
    (
        "episode translations",
        lambda t: t.tv.episodes.translations(1396, 1, 1),
        f"{E}/translations",
        {},
        {"id": 62085, "translations": []},
        TVTranslations(id=62085),
    ),
    (
        "episode videos",
        lambda t: t.tv.episodes.videos(1396, 0, 0),
        "/3/tv/1396/season/0/episode/0/videos",
        {},
        {"id": 1, "results": []},
        Videos(id=1),
    ),
    (
        "episode changes",
        lambda t: t.tv.episodes.changes(
            62085, start_date=dt.date(2024, 1, 1), end_date=dt.date(2024, 1, 2)
        ),
        "/3/tv/episode/62085/changes",
        {"start_date": "2024-01-01", "end_date": "2024-01-02"},
        {"changes": []},
        Changes(),
    ),
]


@pytest.mark.parametrize(
    ("label", "call", "path", "query", "body", "expected"), CASES, ids=[c[0] for c in CASES]
)
async def test_request_and_model(
    label: str,
    call: Call,
    path: str,
    query: dict[str, Any],
    body: Any,
    expected: Any,
    tmdb_local: TMDBClient,
    tmdb_server: TMDBServer,
) -> None:
    tmdb_server.get(path, query=wire_query(query), payload=body)
    assert await call(tmdb_local) == expected
    check_get(tmdb_server, path, query)


async def test_api_key_goes_in_the_query(
    tmdb_local_key: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.get(f"{E}/credits", query=wire_query({}, api_key=True), payload={"id": 62085})
    assert await tmdb_local_key.tv.episodes.credits(1396, 1, 1) == EpisodeCredits(id=62085)
    check_get(tmdb_server, f"{E}/credits", {}, bearer=False)
    assert tmdb_server.only_call().query == {"api_key": API_KEY}


BAD: list[tuple[str, str, Call]] = [
    ("episode_number", "negative episode", lambda t: t.tv.episodes.images(1, 1, -1)),
    ("episode_number", "episode bool", lambda t: t.tv.episodes.translations(1, 1, True)),
    ("season_number", "episode season float", lambda t: t.tv.episodes.external_ids(1, 1.5, 1)),  # type: ignore[arg-type]
    ("episode_id", "episode id", lambda t: t.tv.episodes.changes(-1)),
    (
        "end_date is .* days after start_date",
        "episode window",
        lambda t: t.tv.episodes.changes(
            1, start_date=dt.date(2024, 1, 1), end_date=dt.date(2024, 1, 30)
        ),
    ),
    (
        "include_image_language",
        "episode details",
        lambda t: t.tv.episodes.details(1, 1, 1, include_image_language=["xx-YY"]),
    ),
]


@pytest.mark.parametrize(("param", "label", "call"), BAD, ids=[b[1] for b in BAD])
async def test_bad_input_names_the_parameter_before_io(
    param: str, label: str, call: Call, tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    with pytest.raises(TMDBUsageError, match=param):
        await call(tmdb_local)
    assert tmdb_server.calls() == []
