"""``tmdb.tv``: request shape of every method, models from spec examples and recordings,
and local argument checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from tests.catalogue_helpers import both, check_get, spec_examples, wire_query
from tests.conftest import load
from tests.loopback_tmdb import TMDBServer
from tmdb_async import (
    AggregateCast,
    AggregateCredits,
    AggregateRole,
    Cast,
    Changes,
    ContentRating,
    ContentRatings,
    Credits,
    Crew,
    EpisodeGroups,
    EpisodeGroupSummary,
    EpisodeImages,
    EpisodeSummary,
    Image,
    Images,
    Network,
    Page,
    ResourceNotFoundError,
    Reviews,
    ScreenedEpisode,
    ScreenedTheatrically,
    TMDBClient,
    TMDBUsageError,
    TVAlternativeTitles,
    TVEpisode,
    TVEpisodeGroup,
    TVExternalIds,
    TVKeywords,
    TVLists,
    TVSeason,
    TVSeries,
    TVSummary,
    TVTranslations,
    Videos,
    WatchProviders,
)

SERIES_BODY: dict[str, Any] = {
    "id": 1396,
    "name": "Breaking Bad",
    "first_air_date": "2008-01-20",
    "last_air_date": "",
    "next_episode_to_air": None,
    "credits": {"cast": [{"id": 17419, "name": "Bryan Cranston", "character": "Walter White"}]},
    "external_ids": {"imdb_id": "tt0903747", "tvdb_id": 81189},
    "recommendations": {
        "page": 1,
        "results": [{"id": 1399, "name": "Game of Thrones", "first_air_date": "2011-04-17"}],
        "total_pages": 1,
        "total_results": 1,
    },
}


async def test_details_with_typed_appends(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    tmdb_server.get(
        "/3/tv/1396",
        query=wire_query(
            {"append_to_response": "credits,external_ids,recommendations", "language": "de-DE"}
        ),
        payload=SERIES_BODY,
    )
    series = await tmdb_local.tv.details(
        1396,
        append_to_response=["credits", "external_ids", "recommendations"],
        language="de-DE",
    )
    check_get(
        tmdb_server,
        "/3/tv/1396",
        {"append_to_response": "credits,external_ids,recommendations", "language": "de-DE"},
    )
    assert series == TVSeries(
        id=1396,
        name="Breaking Bad",
        first_air_date=dt.date(2008, 1, 20),
        last_air_date=None,
        credits=Credits(cast=[Cast(id=17419, name="Bryan Cranston", character="Walter White")]),
        external_ids=TVExternalIds(imdb_id="tt0903747", tvdb_id=81189),
        recommendations=Page(
            page=1,
            results=[
                TVSummary(id=1399, name="Game of Thrones", first_air_date=dt.date(2011, 4, 17))
            ],
            total_pages=1,
            total_results=1,
        ),
    )
    assert series.images is None
    assert series.similar is None


async def test_details_api_key_and_image_language(
    tmdb_local_key: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.get(
        "/3/tv/1396",
        query=wire_query(
            {"append_to_response": "images", "include_image_language": "en,null"}, api_key=True
        ),
        payload={"id": 1396, "images": {"posters": []}},
    )
    series = await tmdb_local_key.tv.details(
        1396, append_to_response=["images"], include_image_language=["en", "null"]
    )
    check_get(
        tmdb_server,
        "/3/tv/1396",
        {"append_to_response": "images", "include_image_language": "en,null"},
        bearer=False,
    )
    assert series.images is not None
    assert series.images.posters == []


async def test_details_not_found(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    tmdb_server.get(
        "/3/tv/999999999",
        status=404,
        payload=load("recorded/tmdblib/tv-not-found.404.json"),
    )
    with pytest.raises(ResourceNotFoundError):
        await tmdb_local.tv.details(999999999)


async def test_credits(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    body = {
        "id": 1396,
        "cast": [],
        "crew": [{"id": 66633, "name": "Vince Gilligan", "job": "Writer"}],
    }
    tmdb_server.get("/3/tv/1396/credits", query=wire_query({"language": "en-US"}), payload=body)
    credits = await tmdb_local.tv.credits(1396, language="en-US")
    check_get(tmdb_server, "/3/tv/1396/credits", {"language": "en-US"})
    assert credits == Credits(id=1396, crew=[Crew(id=66633, name="Vince Gilligan", job="Writer")])


async def test_season(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    body = {
        "_id": "52542282760ee313280017f9",
        "id": 3572,
        "season_number": 1,
        "air_date": "2008-01-20",
        "episodes": [{"id": 62085, "episode_number": 1, "name": "Pilot", "guest_stars": []}],
    }
    tmdb_server.get(
        "/3/tv/1396/season/1", query=wire_query({"append_to_response": "credits"}), payload=body
    )
    season = await tmdb_local.tv.seasons.details(1396, 1, append_to_response=["credits"])
    check_get(tmdb_server, "/3/tv/1396/season/1", {"append_to_response": "credits"})
    assert season == TVSeason(
        id=3572,
        object_id="52542282760ee313280017f9",
        season_number=1,
        air_date=dt.date(2008, 1, 20),
        episodes=[TVEpisode(id=62085, episode_number=1, name="Pilot")],
    )


async def test_specials_season_zero(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    tmdb_server.get("/3/tv/1396/season/0", payload={"id": 3577, "season_number": 0})
    season = await tmdb_local.tv.seasons.details(1396, 0)
    check_get(tmdb_server, "/3/tv/1396/season/0")
    assert season == TVSeason(id=3577, season_number=0)


async def test_episode_recorded(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    body = load("recorded/tmdblib/tv-episode-1396-1-1.200.json")
    tmdb_server.get(
        "/3/tv/1396/season/1/episode/1",
        query=wire_query({"append_to_response": "images"}),
        payload=body,
    )
    episode = await tmdb_local.tv.episodes.details(1396, 1, 1, append_to_response=["images"])
    check_get(tmdb_server, "/3/tv/1396/season/1/episode/1", {"append_to_response": "images"})
    assert episode.id == 62085
    assert episode.name == "Pilot"
    assert episode.air_date == dt.date(2008, 1, 20)
    assert episode.episode_type == "standard"
    assert episode.images == EpisodeImages(stills=[])
    assert episode.crew[0] == Crew(
        id=66633,
        name="Vince Gilligan",
        original_name="Vince Gilligan",
        job="Writer",
        department="Writing",
        credit_id="52542275760ee313280006ce",
        gender=2,
        known_for_department="Writing",
        popularity=0.0,
        profile_path="/wJIxATESjzsjSgvRhVavOmdamXc.jpg",
    )
    assert episode.guest_stars[0].character == "Steven Gomez"


async def test_external_ids(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    tmdb_server.get("/3/tv/1396/external_ids", payload={"id": 1396, "imdb_id": "tt0903747"})
    ids = await tmdb_local.tv.external_ids(1396)
    check_get(tmdb_server, "/3/tv/1396/external_ids")
    assert ids == TVExternalIds(id=1396, imdb_id="tt0903747")


PAGE_BODY = {
    "page": 2,
    "results": [{"id": 1396, "name": "Breaking Bad", "first_air_date": ""}],
    "total_pages": 9,
    "total_results": 170,
}
PAGE = Page(
    page=2, results=[TVSummary(id=1396, name="Breaking Bad")], total_pages=9, total_results=170
)


async def test_recommendations(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    tmdb_server.get(
        "/3/tv/1396/recommendations",
        query=wire_query({"page": 2, "language": "fr-FR"}),
        payload=PAGE_BODY,
    )
    page = await tmdb_local.tv.recommendations(1396, page=2, language="fr-FR")
    check_get(tmdb_server, "/3/tv/1396/recommendations", {"page": 2, "language": "fr-FR"})
    assert page == PAGE


@pytest.mark.parametrize("name", ["popular", "top_rated"])
async def test_lists(tmdb_local: TMDBClient, tmdb_server: TMDBServer, name: str) -> None:
    tmdb_server.get(f"/3/tv/{name}", query=wire_query({"page": 2}), payload=PAGE_BODY)
    page = await getattr(tmdb_local.tv, name)(page=2)
    check_get(tmdb_server, f"/3/tv/{name}", {"page": 2})
    assert page == PAGE


@pytest.mark.parametrize("name", ["on_the_air", "airing_today"])
async def test_lists_with_timezone(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer, name: str
) -> None:
    tmdb_server.get(
        f"/3/tv/{name}",
        query=wire_query({"page": 2, "timezone": "America/New_York", "language": "en"}),
        payload=PAGE_BODY,
    )
    page = await getattr(tmdb_local.tv, name)(page=2, timezone="America/New_York", language="en")
    check_get(
        tmdb_server, f"/3/tv/{name}", {"page": 2, "timezone": "America/New_York", "language": "en"}
    )
    assert page == PAGE


async def test_client_language_default(tmdb_server: TMDBServer) -> None:
    from tests.conftest import READ_TOKEN

    async with TMDBClient(
        access_token=READ_TOKEN, base_url=tmdb_server.base_url, language="pt-BR", retry=None
    ) as client:
        tmdb_server.get(
            "/3/tv/popular", query=wire_query({"page": 1, "language": "pt-BR"}), payload=PAGE_BODY
        )
        await client.tv.popular()
        check_get(tmdb_server, "/3/tv/popular", {"page": 1, "language": "pt-BR"})


# ---------------------------------------------------------------------- local checks

BAD_CALLS: list[tuple[str, Callable[[TMDBClient], Awaitable[object]]]] = [
    ("id zero", lambda t: t.tv.details(0)),
    ("id negative", lambda t: t.tv.credits(-1)),
    ("id str", lambda t: t.tv.external_ids("1396")),  # type: ignore[arg-type]
    ("id bool", lambda t: t.tv.details(True)),
    ("unknown append", lambda t: t.tv.details(1, append_to_response=["seasons"])),  # type: ignore[list-item]
    ("21 appends", lambda t: t.tv.details(1, append_to_response=["credits"] * 21)),
    ("repeated append", lambda t: t.tv.details(1, append_to_response=["credits", "credits"])),
    ("season append", lambda t: t.tv.seasons.details(1, 1, append_to_response=["keywords"])),  # type: ignore[list-item]
    ("bad image language", lambda t: t.tv.details(1, include_image_language=["english"])),
    ("negative season", lambda t: t.tv.seasons.details(1, -1)),
    ("negative episode", lambda t: t.tv.episodes.details(1, 1, -2)),
    ("episode float", lambda t: t.tv.episodes.details(1, 1, 1.0)),  # type: ignore[arg-type]
    ("page 0", lambda t: t.tv.popular(page=0)),
    ("page 501", lambda t: t.tv.top_rated(page=501)),
    ("page str", lambda t: t.tv.recommendations(1, page="2")),  # type: ignore[arg-type]
    ("bad language", lambda t: t.tv.popular(language="english")),
    ("bad timezone", lambda t: t.tv.airing_today(timezone="New York")),
]


@pytest.mark.parametrize(("label", "call"), BAD_CALLS, ids=[b[0] for b in BAD_CALLS])
async def test_bad_input_refused_before_io(
    tmdb_local: TMDBClient,
    tmdb_server: TMDBServer,
    label: str,
    call: Callable[[TMDBClient], Awaitable[object]],
) -> None:
    with pytest.raises(TMDBUsageError):
        await call(tmdb_local)
    assert tmdb_server.calls() == []


# ---------------------------------------------------------------------- spec and fixtures

SPEC = [
    ("tv-series-details", TVSeries),
    ("tv-series-credits", Credits),
    ("tv-season-details", TVSeason),
    ("tv-episode-details", TVEpisode),
    ("tv-series-external-ids", TVExternalIds),
    ("tv-series-recommendations", Page[TVSummary]),
    ("tv-series-popular-list", Page[TVSummary]),
    ("tv-series-top-rated-list", Page[TVSummary]),
    ("tv-series-on-the-air-list", Page[TVSummary]),
    ("tv-series-airing-today-list", Page[TVSummary]),
]


@pytest.mark.parametrize(("operation", "into"), SPEC, ids=[s[0] for s in SPEC])
def test_spec_examples_structure(operation: str, into: Any) -> None:
    for body in spec_examples(operation):
        model = both(body, into)
        assert model is not None


def test_spec_series_example_values() -> None:
    series = both(spec_examples("tv-series-details")[0], TVSeries)
    assert series.id == 1399
    assert series.last_episode_to_air == EpisodeSummary(
        id=1551830,
        name="The Iron Throne",
        overview=series.last_episode_to_air.overview if series.last_episode_to_air else "",
        vote_average=4.809,
        vote_count=241,
        air_date=dt.date(2019, 5, 19),
        episode_number=6,
        production_code="806",
        runtime=80,
        season_number=8,
        show_id=1399,
        still_path="/zBi2O5EJfgTS6Ae0HdAYLm9o2nf.jpg",
    )
    assert series.next_episode_to_air is None
    assert series.seasons[0].name == "Specials"
    season = both(spec_examples("tv-season-details")[0], TVSeason)
    assert season.object_id == "5256c89f19c2956ff6046d47"
    assert season.episodes[0].guest_stars[0] == Cast(
        id=119783,
        name="Joseph Mawle",
        original_name="Joseph Mawle",
        character="Benjen Stark",
        credit_id="5256c8b919c2956ff604836a",
        order=61,
        gender=2,
        known_for_department="Acting",
        popularity=0.8932,
        profile_path="/1Ocb9v3h54beGVoJMm4w50UQhLf.jpg",
    )


@pytest.mark.parametrize(
    "fixture",
    ["recorded/tmdblib/tv-details-1396.200.json", "clients/adamayoung-TMDb/tv-series.json"],
)
def test_recorded_series_structure(fixture: str) -> None:
    body = load(fixture)
    series = both(body, TVSeries)
    assert series.id == body["id"]
    assert series.name == body["name"]
    assert len(series.seasons) == len(body["seasons"])
    assert series.first_air_date == dt.date.fromisoformat(body["first_air_date"])


def test_recorded_breaking_bad_details() -> None:
    series = both(load("recorded/tmdblib/tv-details-1396.200.json"), TVSeries)
    assert series.softcore is False
    assert series.created_by[0].name == "Vince Gilligan"
    assert series.networks[0].name == "AMC"
    assert series.last_episode_to_air is not None
    assert series.last_episode_to_air.episode_type == "finale"


def test_recorded_episode_structure() -> None:
    episode = both(load("recorded/tmdblib/tv-episode-1396-1-1.200.json"), TVEpisode)
    assert episode.production_code == ""
    assert episode.images == EpisodeImages(stills=[])


Call = Callable[[TMDBClient], Awaitable[Any]]


#: (label, call, path, query sent, body served, model expected)
CASES: list[tuple[str, Call, str, dict[str, Any], Any, Any]] = [
    # series
    (
        "tv latest",
        lambda t: t.tv.latest(),
        "/3/tv/latest",
        {},
        {"id": 9, "name": "New"},
        TVSeries(id=9, name="New"),
    ),
    (
        "tv aggregate credits",
        lambda t: t.tv.aggregate_credits(1396, language="de-DE"),
        "/3/tv/1396/aggregate_credits",
        {"language": "de-DE"},
        {
            "id": 1396,
            "cast": [
                {
                    "id": 17419,
                    "name": "Bryan Cranston",
                    "roles": [{"credit_id": "c1", "character": "Walter", "episode_count": 62}],
                    "total_episode_count": 62,
                    "order": 0,
                }
            ],
        },
        AggregateCredits(
            id=1396,
            cast=[
                AggregateCast(
                    id=17419,
                    name="Bryan Cranston",
                    roles=[AggregateRole(credit_id="c1", character="Walter", episode_count=62)],
                    total_episode_count=62,
                    order=0,
                )
            ],
        ),
    ),
    (
        "tv alternative titles",
        lambda t: t.tv.alternative_titles(1396),
        "/3/tv/1396/alternative_titles",
        {},
        {"id": 1396, "results": []},
        TVAlternativeTitles(id=1396),
    ),
    (
        "tv changes",
        lambda t: t.tv.changes(
            1396, start_date=dt.date(2024, 1, 1), end_date=dt.date(2024, 1, 15), page=2
        ),
        "/3/tv/1396/changes",
        {"start_date": "2024-01-01", "end_date": "2024-01-15", "page": 2},
        {"changes": []},
        Changes(),
    ),
    (
        "tv content ratings",
        lambda t: t.tv.content_ratings(1396),
        "/3/tv/1396/content_ratings",
        {},
        {"id": 1396, "results": [{"iso_3166_1": "DE", "rating": "16", "descriptors": []}]},
        ContentRatings(id=1396, results=[ContentRating(iso_3166_1="DE", rating="16")]),
    ),
    (
        "tv episode groups",
        lambda t: t.tv.episode_groups(1396),
        "/3/tv/1396/episode_groups",
        {},
        {"id": 1396, "results": [{"id": "5fdcb08b9f51af003d5ae2e8", "type": 3, "network": None}]},
        EpisodeGroups(
            id=1396, results=[EpisodeGroupSummary(id="5fdcb08b9f51af003d5ae2e8", type=3)]
        ),
    ),
    (
        "tv episode group",
        lambda t: t.tv.episode_group("5acf93e60e0a26346d0000ce"),
        "/3/tv/episode_group/5acf93e60e0a26346d0000ce",
        {},
        {"id": "5acf93e60e0a26346d0000ce", "network": {"id": 213, "name": "Netflix"}},
        TVEpisodeGroup(id="5acf93e60e0a26346d0000ce", network=Network(id=213, name="Netflix")),
    ),
    (
        "tv images",
        lambda t: t.tv.images(1396, include_image_language=["en", "null"], language="en"),
        "/3/tv/1396/images",
        {"include_image_language": "en,null", "language": "en"},
        {"id": 1396, "posters": [{"file_path": "/p.jpg"}]},
        Images(id=1396, posters=[Image(file_path="/p.jpg")]),
    ),
    (
        "tv keywords",
        lambda t: t.tv.keywords(1396),
        "/3/tv/1396/keywords",
        {},
        {"id": 1396, "results": []},
        TVKeywords(id=1396),
    ),
    (
        "tv lists",
        lambda t: t.tv.lists(1396, page=3, language="fr"),
        "/3/tv/1396/lists",
        {"page": 3, "language": "fr"},
        {"id": 1396, "page": 3, "results": []},
        TVLists(id=1396, page=3),
    ),
    (
        "tv reviews",
        lambda t: t.tv.reviews(1396, page=2),
        "/3/tv/1396/reviews",
        {"page": 2},
        {"id": 1396, "page": 2, "results": []},
        Reviews(id=1396, page=2),
    ),
    (
        "tv screened theatrically",
        lambda t: t.tv.screened_theatrically(1399),
        "/3/tv/1399/screened_theatrically",
        {},
        {"id": 1399, "results": [{"id": 63056, "episode_number": 1, "season_number": 1}]},
        ScreenedTheatrically(
            id=1399, results=[ScreenedEpisode(id=63056, episode_number=1, season_number=1)]
        ),
    ),
    (
        "tv similar",
        lambda t: t.tv.similar(1396, page=4),
        "/3/tv/1396/similar",
        {"page": 4},
        {"page": 4, "results": [{"id": 1, "first_air_date": ""}]},
        Page(page=4, results=[TVSummary(id=1)]),
    ),
    (
        "tv translations",
        lambda t: t.tv.translations(1396),
        "/3/tv/1396/translations",
        {},
        {"id": 1396, "translations": []},
        TVTranslations(id=1396),
    ),
    (
        "tv videos",
        lambda t: t.tv.videos(1396, include_video_language="en,null", language="en-US"),
        "/3/tv/1396/videos",
        {"include_video_language": "en,null", "language": "en-US"},
        {"id": 1396, "results": []},
        Videos(id=1396),
    ),
    (
        "tv watch providers",
        lambda t: t.tv.watch_providers(1396),
        "/3/tv/1396/watch/providers",
        {},
        {"id": 1396, "results": {}},
        WatchProviders(id=1396),
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
    ("series_id", "zero series", lambda t: t.tv.aggregate_credits(0)),
    ("series_id", "str series", lambda t: t.tv.content_ratings("1396")),  # type: ignore[arg-type]
    ("series_id", "bool series", lambda t: t.tv.screened_theatrically(True)),
    ("page", "page 0", lambda t: t.tv.lists(1, page=0)),
    ("page", "page 501", lambda t: t.tv.reviews(1, page=501)),
    ("page", "page float", lambda t: t.tv.similar(1, page=1.0)),  # type: ignore[arg-type]
    ("language", "language", lambda t: t.tv.aggregate_credits(1, language="EN")),
    (
        "include_image_language",
        "image language",
        lambda t: t.tv.images(1, include_image_language="eng"),
    ),
    (
        "include_video_language",
        "video language",
        lambda t: t.tv.videos(1, include_video_language=["EN"]),
    ),
    ("start_date", "str date", lambda t: t.tv.changes(1, start_date="2024-01-01")),  # type: ignore[arg-type]
    (
        "end_date is .* days after start_date",
        "window",
        lambda t: t.tv.changes(1, start_date=dt.date(2024, 1, 1), end_date=dt.date(2024, 2, 1)),
    ),
    ("group_id", "group id short", lambda t: t.tv.episode_group("abc")),
    ("group_id", "group id slash", lambda t: t.tv.episode_group("5acf93e60e0a26346d0000c/")),
    ("group_id", "group id int", lambda t: t.tv.episode_group(5)),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(("param", "label", "call"), BAD, ids=[b[1] for b in BAD])
async def test_bad_input_names_the_parameter_before_io(
    param: str, label: str, call: Call, tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    with pytest.raises(TMDBUsageError, match=param):
        await call(tmdb_local)
    assert tmdb_server.calls() == []
