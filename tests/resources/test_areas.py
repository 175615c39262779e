"""Collections, companies, configuration lists, credits, keywords, networks, reviews and
watch providers: the exact request each call sends, the exact model it returns, TMDB's
errors, and the local checks that refuse bad input before any I/O."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from yarl import URL

from tests.catalogue_helpers import check_get, spec_examples, url_re
from tests.conftest import READ_TOKEN, TMDBMock, load
from tmdb_async import (
    AlternativeName,
    AlternativeNames,
    CollectionImages,
    CollectionTranslation,
    CollectionTranslationData,
    CollectionTranslations,
    Country,
    CountryTimezones,
    CreditDetails,
    CreditMedia,
    EpisodeSummary,
    Image,
    JobDepartment,
    Keyword,
    KeywordMovies,
    Language,
    Logo,
    LogoImages,
    MovieSummary,
    NetworkDetails,
    PersonSummary,
    ResourceNotFoundError,
    ReviewAuthor,
    ReviewDetails,
    SeasonSummary,
    TMDBClient,
    TMDBUsageError,
    WatchProviderEntry,
    WatchProviderList,
    WatchRegions,
)

UTC = dt.timezone.utc
REC = "recorded/tmdblib"

# ---------------------------------------------------------------------- collections


async def test_collection_images(tmdb: TMDBClient, mock: TMDBMock) -> None:
    mock.get(
        url_re("/3/collection/264/images"), payload=load(f"{REC}/collection-images-264.200.json")
    )
    images = await tmdb.collections.images(
        264, include_image_language=["en", "null"], language="en-US"
    )
    check_get(
        mock,
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
    tmdb: TMDBClient, mock: TMDBMock
) -> None:
    mock.get(url_re("/3/collection/10/images"), payload={"id": 10})
    images = await tmdb.collections.images(10, include_image_language="de,null")
    check_get(mock, "/3/collection/10/images", {"include_image_language": "de,null"})
    assert images == CollectionImages(id=10)


async def test_collection_translations(tmdb: TMDBClient, mock: TMDBMock) -> None:
    (body,) = spec_examples("collection-translations")
    mock.get(url_re("/3/collection/10/translations"), payload=body)
    result = await tmdb.collections.translations(10)
    check_get(mock, "/3/collection/10/translations")
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


# ---------------------------------------------------------------------- companies


async def test_company_alternative_names(tmdb: TMDBClient, mock: TMDBMock) -> None:
    mock.get(
        url_re("/3/company/25/alternative_names"),
        payload=load(f"{REC}/company-alternative-names-25.200.json"),
    )
    names = await tmdb.companies.alternative_names(25)
    check_get(mock, "/3/company/25/alternative_names")
    assert names == AlternativeNames(
        id=25,
        results=[
            AlternativeName(name="Twentieth Century Fox Film Corporation", type=""),
            AlternativeName(name="Twentieth Century-Fox", type=""),
            AlternativeName(name="Twentieth Century Fox", type=""),
            AlternativeName(name="20th Century-Fox", type=""),
            AlternativeName(name="20세기 폭스", type="Korean"),
            AlternativeName(name="二十世纪福克斯", type="Chinese"),
        ],
    )


async def test_company_images(tmdb: TMDBClient, mock: TMDBMock) -> None:
    mock.get(url_re("/3/company/25/images"), payload=load(f"{REC}/company-images-25.200.json"))
    images = await tmdb.companies.images(25)
    check_get(mock, "/3/company/25/images")
    assert images == LogoImages(
        id=25,
        logos=[
            Logo(
                file_path="/nM2MfoMqzJQRiSynsDabOtFKetD.png",
                id="4f71e77219c2954b52000006",
                file_type=".png",
                aspect_ratio=1.2139303482587065,
                height=603,
                width=732,
                vote_average=0.0,
                vote_count=0,
            ),
            Logo(
                file_path="/qZCc1lty5FzX30aOCVRBLzaVmcp.png",
                id="5aa13d540e0a2644e7007f57",
                file_type=".svg",
                aspect_ratio=1.2727272727272727,
                height=33,
                width=42,
                vote_average=0.0,
                vote_count=0,
            ),
        ],
    )


# ---------------------------------------------------------------------- networks


async def test_network_details(tmdb: TMDBClient, mock: TMDBMock) -> None:
    mock.get(url_re("/3/network/213"), payload=load(f"{REC}/network-details-213.200.json"))
    network = await tmdb.networks.details(213)
    check_get(mock, "/3/network/213")
    assert network == NetworkDetails(
        id=213,
        name="Netflix",
        headquarters="Los Gatos, California, USA",
        homepage="https://www.netflix.com",
        logo_path="/wwemzKWzjKYJFfCeiB57q3r4Bcm.png",
        origin_country="",
    )


async def test_network_alternative_names(tmdb: TMDBClient, mock: TMDBMock) -> None:
    mock.get(
        url_re("/3/network/174/alternative_names"),
        payload=load(f"{REC}/network-alternative-names-174.200.json"),
    )
    names = await tmdb.networks.alternative_names(174)
    check_get(mock, "/3/network/174/alternative_names")
    assert names == AlternativeNames(
        id=174, results=[AlternativeName(name="American Movie Classics", type="1984\u20132002")]
    )


async def test_network_images(tmdb: TMDBClient, mock: TMDBMock) -> None:
    mock.get(url_re("/3/network/213/images"), payload=load(f"{REC}/network-images-213.200.json"))
    images = await tmdb.networks.images(213)
    check_get(mock, "/3/network/213/images")
    body = load(f"{REC}/network-images-213.200.json")
    assert isinstance(images, LogoImages)
    assert images.id == 213
    assert [logo.id for logo in images.logos] == [logo["id"] for logo in body["logos"]]
    assert [logo.file_path for logo in images.logos] == [l_["file_path"] for l_ in body["logos"]]
    assert all(isinstance(logo.aspect_ratio, float) for logo in images.logos)


# ---------------------------------------------------------------------- keywords


async def test_keyword_details(tmdb: TMDBClient, mock: TMDBMock) -> None:
    mock.get(url_re("/3/keyword/33705"), payload=load(f"{REC}/keyword-details-33705.200.json"))
    assert await tmdb.keywords.details(33705) == Keyword(id=33705, name="agent")
    check_get(mock, "/3/keyword/33705")


async def test_keyword_movies(tmdb: TMDBClient, mock: TMDBMock) -> None:
    body = load(f"{REC}/keyword-movies-33705.200.json")
    mock.get(url_re("/3/keyword/33705/movies"), payload=body)
    page = await tmdb.keywords.movies(33705, page=2, language="en-US", include_adult=True)
    check_get(
        mock,
        "/3/keyword/33705/movies",
        {"page": 2, "language": "en-US", "include_adult": "true"},
    )
    assert isinstance(page, KeywordMovies)
    assert (page.id, page.page, page.total_pages, page.total_results) == (33705, 1, 7, 128)
    assert len(page.results) == len(body["results"])
    first = page.results[0]
    assert isinstance(first, MovieSummary)
    assert (first.id, first.title, first.release_date) == (
        1122573,
        "In the Grey",
        dt.date(2026, 5, 13),
    )
    assert first.genre_ids == [28, 53]


async def test_keyword_movies_defaults_send_only_the_page(tmdb: TMDBClient, mock: TMDBMock) -> None:
    mock.get(url_re("/3/keyword/1701/movies"), payload={"id": 1701, "page": 1})
    assert await tmdb.keywords.movies(1701) == KeywordMovies(id=1701, page=1)
    check_get(mock, "/3/keyword/1701/movies", {"page": 1})


# ---------------------------------------------------------------------- credits


async def test_credit_details_of_a_tv_credit(tmdb: TMDBClient, mock: TMDBMock) -> None:
    body = load(f"{REC}/credit-details-525719bb760ee3776a1835d3.200.json")
    mock.get(url_re("/3/credit/525719bb760ee3776a1835d3"), payload=body)
    credit = await tmdb.credits.details("525719bb760ee3776a1835d3", language="en-US")
    check_get(mock, "/3/credit/525719bb760ee3776a1835d3", {"language": "en-US"})
    assert isinstance(credit, CreditDetails)
    assert (credit.id, credit.credit_type, credit.department, credit.job, credit.media_type) == (
        "525719bb760ee3776a1835d3",
        "cast",
        "Acting",
        "Actor",
        "tv",
    )
    assert credit.person == PersonSummary(
        id=62,
        name="Bruce Willis",
        original_name="Bruce Willis",
        adult=False,
        gender=2,
        known_for_department="Acting",
        popularity=0.0,
        profile_path="/w3aXr1e7gQCn8MSp1vW4sXHn99P.jpg",
        media_type="person",
    )
    media = credit.media
    assert isinstance(media, CreditMedia)
    assert (media.id, media.name, media.media_type, media.character) == (
        1908,
        "Miami Vice",
        "tv",
        "Tony Amato",
    )
    assert media.first_air_date == dt.date(1984, 9, 16)
    assert media.title is None
    assert media.release_date is None
    assert media.origin_country == ["US"]
    assert media.episodes == [
        EpisodeSummary(
            id=124339,
            name="No Exit",
            overview=body["media"]["episodes"][0]["overview"],
            air_date=dt.date(1984, 11, 9),
            episode_number=7,
            episode_type="standard",
            season_number=1,
            show_id=1908,
            production_code="59508",
            runtime=49,
            still_path="/zJZDnnNGO0ciOQ9SUdEGLLCE4r0.jpg",
            vote_average=0.0,
            vote_count=0,
            media_type="tv_episode",
        )
    ]
    assert media.seasons == [
        SeasonSummary(
            id=5510,
            name="Season 1",
            overview=body["media"]["seasons"][0]["overview"],
            air_date=dt.date(1984, 9, 16),
            episode_count=22,
            season_number=1,
            show_id=1908,
            poster_path="/wxbDR1FYAgLfupWSzrXB1HsxMuA.jpg",
            vote_average=0.0,
            media_type="tv_season",
        )
    ]


async def test_credit_details_of_a_movie_credit(tmdb: TMDBClient, mock: TMDBMock) -> None:
    body = {
        "credit_type": "crew",
        "department": "Directing",
        "job": "Director",
        "media_type": "movie",
        "id": "52fe4250c3a36847f80149f3",
        "media": {
            "id": 11,
            "title": "Star Wars",
            "original_title": "Star Wars",
            "release_date": "1977-05-25",
            "video": False,
            "media_type": "movie",
        },
        "person": {"id": 1, "name": "George Lucas"},
    }
    mock.get(url_re("/3/credit/52fe4250c3a36847f80149f3"), payload=body)
    credit = await tmdb.credits.details("52fe4250c3a36847f80149f3")
    check_get(mock, "/3/credit/52fe4250c3a36847f80149f3")
    assert credit == CreditDetails(
        id="52fe4250c3a36847f80149f3",
        credit_type="crew",
        department="Directing",
        job="Director",
        media_type="movie",
        media=CreditMedia(
            id=11,
            title="Star Wars",
            original_title="Star Wars",
            release_date=dt.date(1977, 5, 25),
            video=False,
            media_type="movie",
        ),
        person=PersonSummary(id=1, name="George Lucas"),
    )


async def test_string_ids_are_sent_as_one_quoted_path_segment(
    tmdb: TMDBClient, mock: TMDBMock
) -> None:
    mock.get(url_re("/3/credit/a%2Fb%3Fc%23d%25"), payload={"id": "a/b?c#d%"})
    assert (await tmdb.credits.details("a/b?c#d%")).id == "a/b?c#d%"
    # A dot segment behind an encoded "/" is refused (issue 13, defect 3): servers such as
    # nginx decode %2F and resolve "..", so it would reach another endpoint.
    with pytest.raises(TMDBUsageError, match="not a valid path segment"):
        await tmdb.reviews.details("../movie")
    paths = [URL(url).raw_path for _, url, _ in mock.calls()]
    assert paths == ["/3/credit/a%2Fb%3Fc%23d%25"]


# ---------------------------------------------------------------------- reviews


async def test_review_details(tmdb: TMDBClient, mock: TMDBMock) -> None:
    body = load(f"{REC}/review-details-5010553819c2952d1b000451.200.json")
    mock.get(url_re("/3/review/5010553819c2952d1b000451"), payload=body)
    review = await tmdb.reviews.details("5010553819c2952d1b000451")
    check_get(mock, "/3/review/5010553819c2952d1b000451")
    assert review == ReviewDetails(
        id="5010553819c2952d1b000451",
        author="Travis Bell",
        author_details=ReviewAuthor(
            name="Travis Bell",
            username="travisbell",
            avatar_path="/xy44UvpbTgzs9kWmp4C3fEaCl5h.png",
            rating=9.0,
        ),
        content=body["content"],
        created_at=dt.datetime(2012, 7, 25, 20, 21, 12, tzinfo=UTC),
        updated_at=dt.datetime(2021, 6, 23, 15, 57, 17, tzinfo=UTC),
        url="https://www.themoviedb.org/review/5010553819c2952d1b000451",
        iso_639_1="en",
        media_id=49026,
        media_title="The Dark Knight Rises",
        media_type="movie",
    )


# ---------------------------------------------------------------------- watch providers


async def test_watch_provider_regions(tmdb: TMDBClient, mock: TMDBMock) -> None:
    body = load(f"{REC}/watch-providers-regions.200.json")
    mock.get(url_re("/3/watch/providers/regions"), payload=body)
    regions = await tmdb.watch_providers.regions(language="fr-FR")
    check_get(mock, "/3/watch/providers/regions", {"language": "fr-FR"})
    assert isinstance(regions, WatchRegions)
    assert len(regions.results) == 139
    assert regions.results[:2] == [
        Country(iso_3166_1="AL", english_name="Albania", native_name="Albania"),
        Country(iso_3166_1="DZ", english_name="Algeria", native_name="Algeria"),
    ]


@pytest.mark.parametrize("kind", ["movie", "tv"])
async def test_watch_provider_lists(tmdb: TMDBClient, mock: TMDBMock, kind: str) -> None:
    body = load(f"{REC}/watch-providers-{kind}.200.json")
    # aioresponses cannot serve a body this large (aiohttp pauses its fake protocol): the
    # whole recording is structured in tests/resources/test_fixtures_areas.py.
    body["results"] = body["results"][:5]
    mock.get(url_re(f"/3/watch/providers/{kind}"), payload=body)
    fetch = tmdb.watch_providers.movie if kind == "movie" else tmdb.watch_providers.tv
    listing = await fetch(watch_region="US", language="en-US")
    check_get(mock, f"/3/watch/providers/{kind}", {"watch_region": "US", "language": "en-US"})
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
    tmdb: TMDBClient, mock: TMDBMock
) -> None:
    mock.get(url_re("/3/watch/providers/tv"), payload={"results": []})
    assert await tmdb.watch_providers.tv() == WatchProviderList(results=[])
    check_get(mock, "/3/watch/providers/tv")


# ---------------------------------------------------------------------- configuration lists


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


async def test_an_api_key_client_sends_the_key_as_a_query_parameter(
    tmdb_key: TMDBClient, mock: TMDBMock
) -> None:
    mock.get(url_re("/3/network/49"), payload={"id": 49, "name": "HBO"})
    assert await tmdb_key.networks.details(49) == NetworkDetails(id=49, name="HBO")
    check_get(mock, "/3/network/49", bearer=False)


async def test_client_default_language_is_sent(mock: TMDBMock) -> None:
    mock.get(url_re("/3/credit/x1"), payload={"id": "x1"})
    async with TMDBClient(access_token=READ_TOKEN, language="pt-BR", retry=None) as tmdb:
        await tmdb.credits.details("x1")
    check_get(mock, "/3/credit/x1", {"language": "pt-BR"})


# ---------------------------------------------------------------------- TMDB's errors

NOT_FOUND: list[tuple[str, str, Callable[[TMDBClient], Awaitable[Any]]]] = [
    (
        "collection-not-found",
        "/3/collection/999999999/images",
        lambda t: t.collections.images(999999999),
    ),
    ("company-not-found", "/3/company/999999999/images", lambda t: t.companies.images(999999999)),
    ("network-not-found", "/3/network/999999999", lambda t: t.networks.details(999999999)),
    ("credit-not-found", "/3/credit/999999999", lambda t: t.credits.details("999999999")),
    ("review-not-found", "/3/review/999999999", lambda t: t.reviews.details("999999999")),
]


@pytest.mark.parametrize(("fixture", "path", "call"), NOT_FOUND, ids=[n[0] for n in NOT_FOUND])
async def test_recorded_not_found_answers_become_typed_errors(
    tmdb: TMDBClient,
    mock: TMDBMock,
    fixture: str,
    path: str,
    call: Callable[[TMDBClient], Awaitable[Any]],
) -> None:
    body = load(f"{REC}/{fixture}.404.json")
    mock.get(url_re(path), status=404, payload=body)
    with pytest.raises(ResourceNotFoundError) as info:
        await call(tmdb)
    assert (info.value.http_status, info.value.tmdb_code) == (404, 34)
    assert len(mock.calls()) == 1  # a 404 is not retried
    assert URL(mock.calls()[0][1]).path == path


# ---------------------------------------------------------------------- local checks

BAD: list[tuple[str, Callable[[TMDBClient], Awaitable[Any]]]] = [
    ("collection_id", lambda t: t.collections.images(0)),
    ("collection_id", lambda t: t.collections.translations(-1)),
    ("collection_id", lambda t: t.collections.images(True)),
    ("include_image_language", lambda t: t.collections.images(1, include_image_language=["EN"])),
    ("include_image_language", lambda t: t.collections.images(1, include_image_language="en-US")),
    ("language", lambda t: t.collections.images(1, language="english")),
    ("company_id", lambda t: t.companies.alternative_names(0)),
    ("company_id", lambda t: t.companies.images("25")),  # type: ignore[arg-type]
    ("network_id", lambda t: t.networks.details(0)),
    ("network_id", lambda t: t.networks.alternative_names(1.5)),  # type: ignore[arg-type]
    ("network_id", lambda t: t.networks.images(-3)),
    ("keyword_id", lambda t: t.keywords.details(0)),
    ("keyword_id", lambda t: t.keywords.movies("1701")),  # type: ignore[arg-type]
    ("page", lambda t: t.keywords.movies(1, page=0)),
    ("page", lambda t: t.keywords.movies(1, page=501)),
    ("include_adult", lambda t: t.keywords.movies(1, include_adult="yes")),  # type: ignore[arg-type]
    ("language", lambda t: t.keywords.movies(1, language="en_US")),
    ("credit_id", lambda t: t.credits.details("")),
    ("credit_id", lambda t: t.credits.details("52fe 4250")),
    ("credit_id", lambda t: t.credits.details(5)),  # type: ignore[arg-type]
    ("credit_id", lambda t: t.credits.details("..")),
    ("language", lambda t: t.credits.details("x", language="EN")),
    ("review_id", lambda t: t.reviews.details("")),
    ("review_id", lambda t: t.reviews.details(None)),  # type: ignore[arg-type]
    ("review_id", lambda t: t.reviews.details("\n")),
    ("watch_region", lambda t: t.watch_providers.movie(watch_region="us")),
    ("watch_region", lambda t: t.watch_providers.tv(watch_region="USA")),
    ("language", lambda t: t.watch_providers.regions(language="xx_YY")),
    ("language", lambda t: t.configuration.countries(language="EN")),
]


@pytest.mark.parametrize(("name", "call"), BAD, ids=[f"{i}-{b[0]}" for i, b in enumerate(BAD)])
async def test_bad_input_is_refused_before_any_request(
    tmdb: TMDBClient,
    mock: TMDBMock,
    name: str,
    call: Callable[[TMDBClient], Awaitable[Any]],
) -> None:
    with pytest.raises(TMDBUsageError, match=name):
        await call(tmdb)
    assert mock.calls() == []


def test_new_namespace_modules_load_on_first_use_only() -> None:
    code = (
        "import sys, tmdb_async\n"
        "names = ['credits', 'keywords', 'networks', 'reviews', 'watch_providers']\n"
        "mods = ['tmdb_async.resources.' + n for n in names]\n"
        "assert not [m for m in mods if m in sys.modules], sys.modules.keys() & set(mods)\n"
        f"tmdb = tmdb_async.TMDBClient(access_token={READ_TOKEN!r})\n"
        "for n in names:\n"
        "    getattr(tmdb, n)\n"
        "assert all(m in sys.modules for m in mods)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_new_namespaces_are_created_once_and_lazily() -> None:
    tmdb = TMDBClient(access_token=READ_TOKEN)
    for name in ("credits", "keywords", "networks", "reviews", "watch_providers"):
        assert name not in vars(tmdb)  # nothing built before first use
        first = getattr(tmdb, name)
        assert getattr(tmdb, name) is first
        assert repr(first).startswith("<")
        assert "namespace" in repr(first)


async def test_keyword_movies_can_be_paginated(tmdb: TMDBClient, mock: TMDBMock) -> None:
    for number in (1, 2):
        mock.get(
            url_re("/3/keyword/1701/movies"),
            payload={
                "id": 1701,
                "page": number,
                "results": [{"id": 10 + number, "title": f"M{number}"}],
                "total_pages": 2,
                "total_results": 2,
            },
        )
    titles: list[str] = [m.title async for m in tmdb.paginate(tmdb.keywords.movies, 1701)]
    assert titles == ["M1", "M2"]
    sent = [call.kwargs["params"]["page"] for _, _, call in mock.calls()]
    assert sent == [1, 2]
