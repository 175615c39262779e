"""``tmdb.watch_providers``: regions and the movie / TV provider lists: the exact request
each call sends and the exact model it returns.
"""

from __future__ import annotations

import pytest

from tests.catalogue_helpers import check_get, wire_query
from tests.conftest import load
from tests.loopback_tmdb import TMDBServer
from tmdb_async import (
    Country,
    TMDBClient,
    WatchProviderEntry,
    WatchProviderList,
    WatchRegions,
)

REC = "recorded/tmdblib"


async def test_watch_provider_regions(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    body = load(f"{REC}/watch-providers-regions.200.json")
    tmdb_server.get(
        "/3/watch/providers/regions", query=wire_query({"language": "fr-FR"}), payload=body
    )
    regions = await tmdb_local.watch_providers.regions(language="fr-FR")
    check_get(tmdb_server, "/3/watch/providers/regions", {"language": "fr-FR"})
    assert isinstance(regions, WatchRegions)
    assert len(regions.results) == 139
    assert regions.results[:2] == [
        Country(iso_3166_1="AL", english_name="Albania", native_name="Albania"),
        Country(iso_3166_1="DZ", english_name="Algeria", native_name="Algeria"),
    ]


@pytest.mark.parametrize("kind", ["movie", "tv"])
async def test_watch_provider_lists(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer, kind: str
) -> None:
    body = load(f"{REC}/watch-providers-{kind}.200.json")
    # aioresponses cannot serve a body this large (aiohttp pauses its fake protocol): the
    # whole recording is structured in tests/resources/test_recorded_answers.py.
    body["results"] = body["results"][:5]
    tmdb_server.get(
        f"/3/watch/providers/{kind}",
        query=wire_query({"watch_region": "US", "language": "en-US"}),
        payload=body,
    )
    fetch = tmdb_local.watch_providers.movie if kind == "movie" else tmdb_local.watch_providers.tv
    listing = await fetch(watch_region="US", language="en-US")
    check_get(
        tmdb_server, f"/3/watch/providers/{kind}", {"watch_region": "US", "language": "en-US"}
    )
    assert isinstance(listing, WatchProviderList)
    assert len(listing.results) == len(body["results"])
    first, raw = listing.results[0], body["results"][0]
    assert first == WatchProviderEntry(
        provider_id=raw["provider_id"],
        provider_name=raw["provider_name"],
        logo_path=raw["logo_path"],
        display_priority=raw["display_priority"],
        display_priorities=raw["display_priorities"],
    )
    assert isinstance(first.display_priorities["US"], int)


async def test_watch_provider_list_without_arguments_sends_nothing(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.get("/3/watch/providers/tv", payload={"results": []})
    assert await tmdb_local.watch_providers.tv() == WatchProviderList(results=[])
    check_get(tmdb_server, "/3/watch/providers/tv")
