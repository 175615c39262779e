"""``tmdb.configuration`` (fetched once per client, shared by concurrent first callers), its
lists (countries, jobs, languages, primary translations, timezones: fetched every time),
and ``tmdb.images`` (image URLs from ``secure_base_url`` and the configured sizes)."""

from __future__ import annotations

import asyncio

import pytest

from tests.catalogue_helpers import check_get, wire_query
from tests.conftest import load
from tests.loopback_tmdb import TMDBServer
from tmdb_async import (
    Configuration,
    Country,
    CountryTimezones,
    ImageConfiguration,
    JobDepartment,
    Language,
    ResourceNotFoundError,
    TMDBClient,
    TMDBUsageError,
)

CONFIG = load("recorded/tmdblib/configuration.200.json")
CONFIG_PATH = "/3/configuration"


async def test_details_request_and_model(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    tmdb_server.get(CONFIG_PATH, payload=CONFIG)
    config = await tmdb_local.configuration.details()
    check_get(tmdb_server, "/3/configuration")
    assert config == Configuration(
        images=ImageConfiguration(**CONFIG["images"]), change_keys=CONFIG["change_keys"]
    )
    assert config.images.secure_base_url == "https://image.tmdb.org/t/p/"


async def test_details_cached_after_first_call(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    assert tmdb_local.configuration.cached is None
    tmdb_server.get(CONFIG_PATH, payload=CONFIG)
    first = await tmdb_local.configuration.details()
    second = await tmdb_local.configuration.details()
    assert second is first
    assert tmdb_local.configuration.cached is first
    assert len(tmdb_server.calls()) == 1


async def test_refresh_fetches_again(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    changed = {**CONFIG, "change_keys": ["adult"]}
    tmdb_server.get(CONFIG_PATH, payload=CONFIG)
    tmdb_server.get(CONFIG_PATH, payload=changed)
    await tmdb_local.configuration.details()
    fresh = await tmdb_local.configuration.details(refresh=True)
    assert fresh.change_keys == ["adult"]
    assert tmdb_local.configuration.cached is fresh
    assert len(tmdb_server.calls()) == 2


async def test_fifty_concurrent_first_callers_share_one_request(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    release = asyncio.Event()
    tmdb_server.get(CONFIG_PATH, payload=CONFIG, wait=release)
    urls = [asyncio.create_task(tmdb_local.images.url("/a.jpg", "w500")) for _ in range(25)]
    configs = [asyncio.create_task(tmdb_local.configuration.details()) for _ in range(25)]
    await asyncio.sleep(0)  # let every task start and join the one fetch
    release.set()
    assert await asyncio.gather(*urls) == ["https://image.tmdb.org/t/p/w500/a.jpg"] * 25
    results = await asyncio.gather(*configs)
    assert all(r is results[0] for r in results)
    assert len(tmdb_server.calls()) == 1


async def test_failure_is_shared_and_not_cached(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.get(
        CONFIG_PATH,
        status=404,
        payload={"success": False, "status_code": 34, "status_message": "not found"},
    )
    tmdb_server.get(CONFIG_PATH, payload=CONFIG)
    results = await asyncio.gather(
        *(tmdb_local.configuration.details() for _ in range(5)), return_exceptions=True
    )
    assert all(isinstance(r, ResourceNotFoundError) for r in results)
    assert tmdb_local.configuration.cached is None
    config = await tmdb_local.configuration.details()
    assert config.images.secure_base_url == "https://image.tmdb.org/t/p/"
    assert len(tmdb_server.calls()) == 2


async def test_cancelled_caller_does_not_cancel_the_shared_fetch(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    release = asyncio.Event()
    tmdb_server.get(CONFIG_PATH, payload=CONFIG, wait=release)
    first = asyncio.create_task(tmdb_local.configuration.details())
    second = asyncio.create_task(tmdb_local.configuration.details())
    await asyncio.sleep(0)
    first.cancel()
    with pytest.raises(asyncio.CancelledError):
        await first
    release.set()
    config = await second
    assert tmdb_local.configuration.cached is config
    assert len(tmdb_server.calls()) == 1


# ---------------------------------------------------------------------- image URLs


async def test_image_url(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    tmdb_server.get(CONFIG_PATH, payload=CONFIG)
    url = await tmdb_local.images.url("/6FfCtAuVAW8XJjZ7eWeLibRLWTw.jpg", size="w500")
    assert url == "https://image.tmdb.org/t/p/w500/6FfCtAuVAW8XJjZ7eWeLibRLWTw.jpg"
    assert await tmdb_local.images.url("/x.png") == "https://image.tmdb.org/t/p/original/x.png"
    assert await tmdb_local.images.url("/p.jpg", "h632", kind="profile") == (
        "https://image.tmdb.org/t/p/h632/p.jpg"
    )
    assert await tmdb_local.images.url(None, "w500") is None
    assert len(tmdb_server.calls()) == 1


async def test_image_url_unknown_size_lists_valid_ones(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.get(CONFIG_PATH, payload=CONFIG)
    with pytest.raises(TMDBUsageError) as info:
        await tmdb_local.images.url("/a.jpg", size="w501")
    message = str(info.value)
    assert "'w501'" in message
    for size in ("w92", "w500", "h632", "original"):
        assert f"'{size}'" in message
    with pytest.raises(TMDBUsageError, match="poster"):
        await tmdb_local.images.url("/a.jpg", size="h632", kind="poster")


async def test_sync_builder_after_details(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    with pytest.raises(TMDBUsageError, match="not loaded"):
        tmdb_local.images.url_now("/a.jpg", "w500")
    assert tmdb_server.calls() == []
    tmdb_server.get(CONFIG_PATH, payload=CONFIG)
    config = await tmdb_local.configuration.details()
    assert tmdb_local.images.url_now("/a.jpg", "w500") == "https://image.tmdb.org/t/p/w500/a.jpg"
    assert config.images.url("/a.jpg", "w92") == "https://image.tmdb.org/t/p/w92/a.jpg"
    assert await tmdb_local.images.config() is config.images
    assert len(tmdb_server.calls()) == 1


IMAGES = ImageConfiguration(
    base_url="http://image.tmdb.org/t/p/",
    secure_base_url="https://image.tmdb.org/t/p/",
    backdrop_sizes=["w300", "original"],
    poster_sizes=["w92", "w500", "original"],
    profile_sizes=["w45", "h632", "original"],
)


def test_pure_builder_sizes_and_paths() -> None:
    assert IMAGES.sizes() == ["w300", "original", "w92", "w500", "w45", "h632"]
    assert IMAGES.sizes("poster") == ["w92", "w500", "original"]
    assert IMAGES.url(None, "w500") is None
    with pytest.raises(TMDBUsageError):
        IMAGES.url(None, "bogus")  # the size is checked even without a path
    for bad_path in ("a.jpg", "//evil.example/a.jpg", ""):
        with pytest.raises(TMDBUsageError):
            IMAGES.url(bad_path, "w500")
    with pytest.raises(TMDBUsageError):
        IMAGES.sizes("banner")  # type: ignore[arg-type]
    no_secure = ImageConfiguration(base_url="http://img/t/p/", poster_sizes=["w92"])
    assert no_secure.url("/a.jpg", "w92") == "http://img/t/p/w92/a.jpg"


REC = "recorded/tmdblib"


async def test_configuration_countries(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    tmdb_server.get(
        "/3/configuration/countries",
        query=wire_query({"language": "de-DE"}),
        payload=load(f"{REC}/configuration-countries.200.json"),
    )
    countries = await tmdb_local.configuration.countries(language="de-DE")
    check_get(tmdb_server, "/3/configuration/countries", {"language": "de-DE"})
    assert isinstance(countries, tuple)
    assert len(countries) == 251
    assert countries[0] == Country(
        iso_3166_1="AF", english_name="Afghanistan", native_name="Afghanistan"
    )


async def test_configuration_jobs(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    tmdb_server.get("/3/configuration/jobs", payload=load(f"{REC}/configuration-jobs.200.json"))
    jobs = await tmdb_local.configuration.jobs()
    check_get(tmdb_server, "/3/configuration/jobs")
    assert isinstance(jobs, tuple)
    assert len(jobs) == 12
    assert jobs[0] == JobDepartment(
        department="Actors", jobs=["Actor", "Cameo", "Special Guest", "Stunt Double", "Voice"]
    )


async def test_configuration_languages(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    tmdb_server.get(
        "/3/configuration/languages",
        payload=load(f"{REC}/configuration-languages.200.json"),
    )
    languages = await tmdb_local.configuration.languages()
    check_get(tmdb_server, "/3/configuration/languages")
    assert isinstance(languages, tuple)
    assert len(languages) == 187
    assert languages[0] == Language(iso_639_1="ab", english_name="Abkhazian", name="")


async def test_configuration_primary_translations(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    body = load(f"{REC}/configuration-primary-translations.200.json")
    tmdb_server.get("/3/configuration/primary_translations", payload=body)
    codes = await tmdb_local.configuration.primary_translations()
    check_get(tmdb_server, "/3/configuration/primary_translations")
    assert codes == tuple(body)
    assert codes[0] == "af-ZA"
    assert len(codes) == 144


async def test_configuration_timezones(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    tmdb_server.get(
        "/3/configuration/timezones",
        payload=load(f"{REC}/configuration-timezones.200.json"),
    )
    zones = await tmdb_local.configuration.timezones()
    check_get(tmdb_server, "/3/configuration/timezones")
    assert isinstance(zones, tuple)
    assert len(zones) == 249
    assert zones[0] == CountryTimezones(iso_3166_1="AD", zones=["Europe/Andorra"])


async def test_configuration_lists_are_not_cached(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.get("/3/configuration/jobs", payload=[], repeat=True)
    assert await tmdb_local.configuration.jobs() == ()
    assert await tmdb_local.configuration.jobs() == ()
    assert len(tmdb_server.calls()) == 2
