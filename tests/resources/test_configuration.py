"""``tmdb.configuration`` (fetched once per client, shared by concurrent first callers), its
lists (countries, jobs, languages, primary translations, timezones: fetched every time),
and ``tmdb.images`` (image URLs from ``secure_base_url`` and the configured sizes)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from aioresponses import CallbackResult

from tests.catalogue_helpers import check_get, url_re
from tests.conftest import CompatResponse, TMDBMock, load
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
CONFIG_URL = url_re("/3/configuration")


async def test_details_request_and_model(tmdb: TMDBClient, mock: TMDBMock) -> None:
    mock.get(CONFIG_URL, payload=CONFIG)
    config = await tmdb.configuration.details()
    check_get(mock, "/3/configuration")
    assert config == Configuration(
        images=ImageConfiguration(**CONFIG["images"]), change_keys=CONFIG["change_keys"]
    )
    assert config.images.secure_base_url == "https://image.tmdb.org/t/p/"


async def test_details_cached_after_first_call(tmdb: TMDBClient, mock: TMDBMock) -> None:
    assert tmdb.configuration.cached is None
    mock.get(CONFIG_URL, payload=CONFIG)
    first = await tmdb.configuration.details()
    second = await tmdb.configuration.details()
    assert second is first
    assert tmdb.configuration.cached is first
    assert len(mock.calls()) == 1


async def test_refresh_fetches_again(tmdb: TMDBClient, mock: TMDBMock) -> None:
    changed = {**CONFIG, "change_keys": ["adult"]}
    mock.get(CONFIG_URL, payload=CONFIG)
    mock.get(CONFIG_URL, payload=changed)
    await tmdb.configuration.details()
    fresh = await tmdb.configuration.details(refresh=True)
    assert fresh.change_keys == ["adult"]
    assert tmdb.configuration.cached is fresh
    assert len(mock.calls()) == 2


async def test_fifty_concurrent_first_callers_share_one_request(
    tmdb: TMDBClient, mock: TMDBMock
) -> None:
    release = asyncio.Event()

    async def slow(url: Any, **kwargs: Any) -> CallbackResult:
        await release.wait()
        return CallbackResult(payload=CONFIG, response_class=CompatResponse)

    mock.get(CONFIG_URL, callback=slow)
    urls = [asyncio.create_task(tmdb.images.url("/a.jpg", "w500")) for _ in range(25)]
    configs = [asyncio.create_task(tmdb.configuration.details()) for _ in range(25)]
    await asyncio.sleep(0)  # let every task start and join the one fetch
    release.set()
    assert await asyncio.gather(*urls) == ["https://image.tmdb.org/t/p/w500/a.jpg"] * 25
    results = await asyncio.gather(*configs)
    assert all(r is results[0] for r in results)
    assert len(mock.calls()) == 1


async def test_failure_is_shared_and_not_cached(tmdb: TMDBClient, mock: TMDBMock) -> None:
    mock.get(
        CONFIG_URL,
        status=404,
        payload={"success": False, "status_code": 34, "status_message": "not found"},
    )
    mock.get(CONFIG_URL, payload=CONFIG)
    results = await asyncio.gather(
        *(tmdb.configuration.details() for _ in range(5)), return_exceptions=True
    )
    assert all(isinstance(r, ResourceNotFoundError) for r in results)
    assert tmdb.configuration.cached is None
    config = await tmdb.configuration.details()
    assert config.images.secure_base_url == "https://image.tmdb.org/t/p/"
    assert len(mock.calls()) == 2


async def test_cancelled_caller_does_not_cancel_the_shared_fetch(
    tmdb: TMDBClient, mock: TMDBMock
) -> None:
    release = asyncio.Event()

    async def slow(url: Any, **kwargs: Any) -> CallbackResult:
        await release.wait()
        return CallbackResult(payload=CONFIG, response_class=CompatResponse)

    mock.get(CONFIG_URL, callback=slow)
    first = asyncio.create_task(tmdb.configuration.details())
    second = asyncio.create_task(tmdb.configuration.details())
    await asyncio.sleep(0)
    first.cancel()
    with pytest.raises(asyncio.CancelledError):
        await first
    release.set()
    config = await second
    assert tmdb.configuration.cached is config
    assert len(mock.calls()) == 1


# ---------------------------------------------------------------------- image URLs


async def test_image_url(tmdb: TMDBClient, mock: TMDBMock) -> None:
    mock.get(CONFIG_URL, payload=CONFIG)
    url = await tmdb.images.url("/6FfCtAuVAW8XJjZ7eWeLibRLWTw.jpg", size="w500")
    assert url == "https://image.tmdb.org/t/p/w500/6FfCtAuVAW8XJjZ7eWeLibRLWTw.jpg"
    assert await tmdb.images.url("/x.png") == "https://image.tmdb.org/t/p/original/x.png"
    assert await tmdb.images.url("/p.jpg", "h632", kind="profile") == (
        "https://image.tmdb.org/t/p/h632/p.jpg"
    )
    assert await tmdb.images.url(None, "w500") is None
    assert len(mock.calls()) == 1


async def test_image_url_unknown_size_lists_valid_ones(tmdb: TMDBClient, mock: TMDBMock) -> None:
    mock.get(CONFIG_URL, payload=CONFIG)
    with pytest.raises(TMDBUsageError) as info:
        await tmdb.images.url("/a.jpg", size="w501")
    message = str(info.value)
    assert "'w501'" in message
    for size in ("w92", "w500", "h632", "original"):
        assert f"'{size}'" in message
    with pytest.raises(TMDBUsageError, match="poster"):
        await tmdb.images.url("/a.jpg", size="h632", kind="poster")


async def test_sync_builder_after_details(tmdb: TMDBClient, mock: TMDBMock) -> None:
    with pytest.raises(TMDBUsageError, match="not loaded"):
        tmdb.images.url_now("/a.jpg", "w500")
    assert mock.calls() == []
    mock.get(CONFIG_URL, payload=CONFIG)
    config = await tmdb.configuration.details()
    assert tmdb.images.url_now("/a.jpg", "w500") == "https://image.tmdb.org/t/p/w500/a.jpg"
    assert config.images.url("/a.jpg", "w92") == "https://image.tmdb.org/t/p/w92/a.jpg"
    assert await tmdb.images.config() is config.images
    assert len(mock.calls()) == 1


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


async def test_configuration_countries(tmdb: TMDBClient, mock: TMDBMock) -> None:
    mock.get(
        url_re("/3/configuration/countries"),
        payload=load(f"{REC}/configuration-countries.200.json"),
    )
    countries = await tmdb.configuration.countries(language="de-DE")
    check_get(mock, "/3/configuration/countries", {"language": "de-DE"})
    assert isinstance(countries, tuple)
    assert len(countries) == 251
    assert countries[0] == Country(
        iso_3166_1="AF", english_name="Afghanistan", native_name="Afghanistan"
    )


async def test_configuration_jobs(tmdb: TMDBClient, mock: TMDBMock) -> None:
    mock.get(url_re("/3/configuration/jobs"), payload=load(f"{REC}/configuration-jobs.200.json"))
    jobs = await tmdb.configuration.jobs()
    check_get(mock, "/3/configuration/jobs")
    assert isinstance(jobs, tuple)
    assert len(jobs) == 12
    assert jobs[0] == JobDepartment(
        department="Actors", jobs=["Actor", "Cameo", "Special Guest", "Stunt Double", "Voice"]
    )


async def test_configuration_languages(tmdb: TMDBClient, mock: TMDBMock) -> None:
    mock.get(
        url_re("/3/configuration/languages"),
        payload=load(f"{REC}/configuration-languages.200.json"),
    )
    languages = await tmdb.configuration.languages()
    check_get(mock, "/3/configuration/languages")
    assert isinstance(languages, tuple)
    assert len(languages) == 187
    assert languages[0] == Language(iso_639_1="ab", english_name="Abkhazian", name="")


async def test_configuration_primary_translations(tmdb: TMDBClient, mock: TMDBMock) -> None:
    body = load(f"{REC}/configuration-primary-translations.200.json")
    mock.get(url_re("/3/configuration/primary_translations"), payload=body)
    codes = await tmdb.configuration.primary_translations()
    check_get(mock, "/3/configuration/primary_translations")
    assert codes == tuple(body)
    assert codes[0] == "af-ZA"
    assert len(codes) == 144


async def test_configuration_timezones(tmdb: TMDBClient, mock: TMDBMock) -> None:
    mock.get(
        url_re("/3/configuration/timezones"),
        payload=load(f"{REC}/configuration-timezones.200.json"),
    )
    zones = await tmdb.configuration.timezones()
    check_get(mock, "/3/configuration/timezones")
    assert isinstance(zones, tuple)
    assert len(zones) == 249
    assert zones[0] == CountryTimezones(iso_3166_1="AD", zones=["Europe/Andorra"])


async def test_configuration_lists_are_not_cached(tmdb: TMDBClient, mock: TMDBMock) -> None:
    mock.get(url_re("/3/configuration/jobs"), payload=[], repeat=True)
    assert await tmdb.configuration.jobs() == ()
    assert await tmdb.configuration.jobs() == ()
    assert len(mock.calls()) == 2
