"""``tmdb.collections``: details, images and translations: the exact request each call sends
and the exact model it returns.
"""

from __future__ import annotations

import datetime as dt

from tests.catalogue_helpers import check_get, spec_examples, wire_query
from tests.conftest import load
from tests.loopback_tmdb import TMDBServer
from tmdb_async import (
    Collection,
    CollectionImages,
    CollectionPart,
    CollectionTranslation,
    CollectionTranslationData,
    CollectionTranslations,
    Image,
    TMDBClient,
)

REC = "recorded/tmdblib"


async def test_collection_images(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    tmdb_server.get(
        "/3/collection/264/images",
        query=wire_query({"include_image_language": "en,null", "language": "en-US"}),
        payload=load(f"{REC}/collection-images-264.200.json"),
    )
    images = await tmdb_local.collections.images(
        264, include_image_language=["en", "null"], language="en-US"
    )
    check_get(
        tmdb_server,
        "/3/collection/264/images",
        {"include_image_language": "en,null", "language": "en-US"},
    )
    assert isinstance(images, CollectionImages)
    assert (images.id, len(images.backdrops), len(images.posters)) == (264, 16, 113)
    assert images.backdrops[0] == Image(
        file_path="/c9C9Pg2QctyjZHRmS0P8rZg1OTA.jpg",
        aspect_ratio=1.778,
        height=1080,
        width=1920,
        iso_639_1=None,
        iso_3166_1=None,
        vote_average=0.0,
        vote_count=0,
    )
    assert images.posters[0] == Image(
        file_path="/nykumUbCw1o43fHGkRqj9hO2c2h.jpg",
        aspect_ratio=0.667,
        height=1500,
        width=1000,
        iso_639_1="fr",
        iso_3166_1="FR",
        vote_average=0.0,
        vote_count=0,
    )


async def test_collection_images_image_languages_as_a_string(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.get(
        "/3/collection/10/images",
        query=wire_query({"include_image_language": "de,null"}),
        payload={"id": 10},
    )
    images = await tmdb_local.collections.images(10, include_image_language="de,null")
    check_get(tmdb_server, "/3/collection/10/images", {"include_image_language": "de,null"})
    assert images == CollectionImages(id=10)


async def test_collection_translations(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    (body,) = spec_examples("collection-translations")
    tmdb_server.get("/3/collection/10/translations", payload=body)
    result = await tmdb_local.collections.translations(10)
    check_get(tmdb_server, "/3/collection/10/translations")
    assert isinstance(result, CollectionTranslations)
    assert result.id == 10
    assert len(result.translations) == len(body["translations"])
    assert result.translations[0] == CollectionTranslation(
        iso_3166_1="AE",
        iso_639_1="ar",
        name="العربية",
        english_name="Arabic",
        data=CollectionTranslationData(title="", overview="", homepage=""),
    )
    bulgarian = next(t for t in result.translations if t.iso_639_1 == "bg")
    assert bulgarian.data.title == "Междузвездни войни (поредица)"


async def test_collection_details(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    body = {
        "id": 10,
        "name": "Star Wars Collection",
        "parts": [{"id": 11, "title": "Star Wars", "release_date": "1977-05-25"}],
    }
    tmdb_server.get("/3/collection/10", query=wire_query({"language": "en-US"}), payload=body)
    collection = await tmdb_local.collections.details(10, language="en-US")
    check_get(tmdb_server, "/3/collection/10", {"language": "en-US"})
    assert collection == Collection(
        id=10,
        name="Star Wars Collection",
        parts=[CollectionPart(id=11, title="Star Wars", release_date=dt.date(1977, 5, 25))],
    )
