"""``tmdb.tv.seasons``: the request each call sends (method, path, query, headers, no body),
the model it returns, and the local checks that refuse bad input before any I/O."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from tests.catalogue_helpers import check_get, wire_query
from tests.loopback_tmdb import TMDBServer
from tmdb_async import (
    AggregateCredits,
    Changes,
    Credits,
    SeasonImages,
    TMDBClient,
    TMDBUsageError,
    TVExternalIds,
    TVTranslations,
    Videos,
    WatchProviders,
)

Call = Callable[[TMDBClient], Awaitable[Any]]


S = "/3/tv/1396/season/1"


#: (label, call, path, query sent, body served, model expected)
CASES: list[tuple[str, Call, str, dict[str, Any], Any, Any]] = [
    # seasons
    (
        "season aggregate credits",
        lambda t: t.tv.seasons.aggregate_credits(1396, 1),
        f"{S}/aggregate_credits",
        {},
        {"id": 3572},
        AggregateCredits(id=3572),
    ),
    (
        "season credits specials",
        lambda t: t.tv.seasons.credits(1396, 0, language="es"),
        "/3/tv/1396/season/0/credits",
        {"language": "es"},
        {"id": 3577},
        Credits(id=3577),
    ),
    (
        "season external ids",
        lambda t: t.tv.seasons.external_ids(1396, 1),
        f"{S}/external_ids",
        {},
        {"id": 3572, "tvdb_id": 30272, "tvrage_id": None},
        TVExternalIds(id=3572, tvdb_id=30272),
    ),
    (
        "season images",
        lambda t: t.tv.seasons.images(1396, 1, include_image_language="en"),
        f"{S}/images",
        {"include_image_language": "en"},
        {"id": 3572, "posters": []},
        SeasonImages(id=3572),
    ),
    (
        "season translations",
        lambda t: t.tv.seasons.translations(1396, 1),
        f"{S}/translations",
        {},
        {"id": 3572, "translations": []},
        TVTranslations(id=3572),
    ),
    (
        "season videos",
        lambda t: t.tv.seasons.videos(1396, 1, include_video_language=["null"]),
        f"{S}/videos",
        {"include_video_language": "null"},
        {"id": 3572, "results": []},
        Videos(id=3572),
    ),
    (
        "season watch providers",
        lambda t: t.tv.seasons.watch_providers(1399, 1, language="en-GB"),
        "/3/tv/1399/season/1/watch/providers",
        {"language": "en-GB"},
        {"id": 3624, "results": {}},
        WatchProviders(id=3624),
    ),
    (
        "season changes",
        lambda t: t.tv.seasons.changes(3572, start_date=dt.date(2024, 2, 1)),
        "/3/tv/season/3572/changes",
        {"start_date": "2024-02-01", "page": 1},
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


BAD: list[tuple[str, str, Call]] = [
    ("season_number", "negative season", lambda t: t.tv.seasons.credits(1, -1)),
    ("season_number", "season str", lambda t: t.tv.seasons.images(1, "1")),  # type: ignore[arg-type]
    ("series_id", "season series", lambda t: t.tv.seasons.videos(-5, 1)),
    (
        "language",
        "season provider language",
        lambda t: t.tv.seasons.watch_providers(1, 1, language="x"),
    ),
    ("season_id", "season id zero", lambda t: t.tv.seasons.changes(0)),
    ("page", "season changes page", lambda t: t.tv.seasons.changes(1, page=0)),
]


@pytest.mark.parametrize(("param", "label", "call"), BAD, ids=[b[1] for b in BAD])
async def test_bad_input_names_the_parameter_before_io(
    param: str, label: str, call: Call, tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    with pytest.raises(TMDBUsageError, match=param):
        await call(tmdb_local)
    assert tmdb_server.calls() == []
