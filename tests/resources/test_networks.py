"""``tmdb.networks``: details, alternative names and images: the exact request each call
sends (with a bearer token or an api key) and the exact model it returns.
"""

from __future__ import annotations

from tests.catalogue_helpers import check_get, wire_query
from tests.conftest import load
from tests.loopback_tmdb import TMDBServer
from tmdb_async import (
    AlternativeName,
    AlternativeNames,
    LogoImages,
    NetworkDetails,
    TMDBClient,
)

REC = "recorded/tmdblib"


async def test_network_details(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    tmdb_server.get("/3/network/213", payload=load(f"{REC}/network-details-213.200.json"))
    network = await tmdb_local.networks.details(213)
    check_get(tmdb_server, "/3/network/213")
    assert network == NetworkDetails(
        id=213,
        name="Netflix",
        headquarters="Los Gatos, California, USA",
        homepage="https://www.netflix.com",
        logo_path="/wwemzKWzjKYJFfCeiB57q3r4Bcm.png",
        origin_country="",
    )


async def test_network_alternative_names(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    tmdb_server.get(
        "/3/network/174/alternative_names",
        payload=load(f"{REC}/network-alternative-names-174.200.json"),
    )
    names = await tmdb_local.networks.alternative_names(174)
    check_get(tmdb_server, "/3/network/174/alternative_names")
    assert names == AlternativeNames(
        id=174, results=[AlternativeName(name="American Movie Classics", type="1984\u20132002")]
    )


async def test_network_images(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    tmdb_server.get("/3/network/213/images", payload=load(f"{REC}/network-images-213.200.json"))
    images = await tmdb_local.networks.images(213)
    check_get(tmdb_server, "/3/network/213/images")
    body = load(f"{REC}/network-images-213.200.json")
    assert isinstance(images, LogoImages)
    assert images.id == 213
    assert [logo.id for logo in images.logos] == [logo["id"] for logo in body["logos"]]
    assert [logo.file_path for logo in images.logos] == [l_["file_path"] for l_ in body["logos"]]
    assert all(isinstance(logo.aspect_ratio, float) for logo in images.logos)


async def test_an_api_key_client_sends_the_key_as_a_query_parameter(
    tmdb_local_key: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.get(
        "/3/network/49", query=wire_query(api_key=True), payload={"id": 49, "name": "HBO"}
    )
    assert await tmdb_local_key.networks.details(49) == NetworkDetails(id=49, name="HBO")
    check_get(tmdb_server, "/3/network/49", bearer=False)
