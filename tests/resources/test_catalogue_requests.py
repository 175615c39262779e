"""The new movie, TV (series, season, episode, episode group) and people calls: the exact
request each sends (method, path, query, headers, no body), the model it returns, and the
local checks that refuse bad input before any I/O (issue 11, parts 1 and 6)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from tests.catalogue_helpers import check_get, url_re
from tests.conftest import API_KEY, TMDBMock
from tmdb_async import (
    AggregateCast,
    AggregateCredits,
    AggregateRole,
    Changes,
    ContentRating,
    ContentRatings,
    Credits,
    EpisodeCredits,
    EpisodeGroups,
    EpisodeGroupSummary,
    EpisodeImages,
    EpisodeSummary,
    Image,
    Images,
    MovieCastCredit,
    MovieSummary,
    Network,
    Page,
    Person,
    PersonImages,
    PersonMovieCredits,
    PersonTaggedImages,
    PersonTranslation,
    PersonTranslationData,
    PersonTranslations,
    PersonTVCredits,
    Reviews,
    ScreenedEpisode,
    ScreenedTheatrically,
    SeasonImages,
    TaggedImage,
    TMDBClient,
    TMDBUsageError,
    TVAlternativeTitles,
    TVCastCredit,
    TVEpisodeGroup,
    TVExternalIds,
    TVKeywords,
    TVLists,
    TVSeries,
    TVSummary,
    TVTranslations,
    UnknownMedia,
    Videos,
    WatchProviders,
)

Call = Callable[[TMDBClient], Awaitable[Any]]
S, E = "/3/tv/1396/season/1", "/3/tv/1396/season/1/episode/1"

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
    # people
    (
        "person latest",
        lambda t: t.people.latest(),
        "/3/person/latest",
        {},
        {"id": 5, "name": "Someone", "birthday": None},
        Person(id=5, name="Someone"),
    ),
    (
        "person changes",
        lambda t: t.people.changes(62, end_date=dt.date(2024, 1, 14), page=3),
        "/3/person/62/changes",
        {"end_date": "2024-01-14", "page": 3},
        {"changes": []},
        Changes(),
    ),
    (
        "person images",
        lambda t: t.people.images(62),
        "/3/person/62/images",
        {},
        {"id": 62, "profiles": [{"file_path": "/a.jpg", "iso_639_1": None}]},
        PersonImages(id=62, profiles=[Image(file_path="/a.jpg")]),
    ),
    (
        "person movie credits",
        lambda t: t.people.movie_credits(62, language="de"),
        "/3/person/62/movie_credits",
        {"language": "de"},
        {
            "id": 62,
            "cast": [{"id": 562, "title": "Die Hard", "release_date": "1988-07-15", "order": 0}],
        },
        PersonMovieCredits(
            id=62,
            cast=[
                MovieCastCredit(
                    id=562, title="Die Hard", release_date=dt.date(1988, 7, 15), order=0
                )
            ],
        ),
    ),
    (
        "person tv credits",
        lambda t: t.people.tv_credits(62),
        "/3/person/62/tv_credits",
        {},
        {"id": 62, "cast": [{"id": 1, "name": "Moonlighting", "episode_count": 66}]},
        PersonTVCredits(id=62, cast=[TVCastCredit(id=1, name="Moonlighting", episode_count=66)]),
    ),
    (
        "person tagged images",
        lambda t: t.people.tagged_images(31, page=2),
        "/3/person/31/tagged_images",
        {"page": 2},
        {
            "id": 31,
            "page": 2,
            "results": [
                {
                    "id": "574e9546c3a3687ff1001ba0",
                    "file_path": "/z.jpg",
                    "image_type": "still",
                    "media_type": "episode",
                    "media": {"id": 1196876, "media_type": "tv_episode", "show_id": 66623},
                },
                {
                    "id": "5b235d740e0a265b5d0031d9",
                    "file_path": "/1.jpg",
                    "image_type": "poster",
                    "media_type": "movie",
                    "media": {"id": 857, "media_type": "movie", "title": "Saving Private Ryan"},
                },
                {
                    "id": "5b235d740e0a265b5d0031da",
                    "file_path": "/2.jpg",
                    "media_type": "season",
                    "media": {"id": 3, "media_type": "tv_season"},
                },
            ],
        },
        PersonTaggedImages(
            id=31,
            page=2,
            results=[
                TaggedImage(
                    id="574e9546c3a3687ff1001ba0",
                    file_path="/z.jpg",
                    image_type="still",
                    media_type="episode",
                    media=EpisodeSummary(id=1196876, media_type="tv_episode", show_id=66623),
                ),
                TaggedImage(
                    id="5b235d740e0a265b5d0031d9",
                    file_path="/1.jpg",
                    image_type="poster",
                    media_type="movie",
                    media=MovieSummary(id=857, media_type="movie", title="Saving Private Ryan"),
                ),
                TaggedImage(
                    id="5b235d740e0a265b5d0031da",
                    file_path="/2.jpg",
                    media_type="season",
                    media=UnknownMedia(
                        media_type="tv_season", id=3, data={"id": 3, "media_type": "tv_season"}
                    ),
                ),
            ],
        ),
    ),
    (
        "person translations",
        lambda t: t.people.translations(62),
        "/3/person/62/translations",
        {},
        {
            "id": 62,
            "translations": [
                {
                    "iso_639_1": "de",
                    "iso_3166_1": "DE",
                    "name": "Deutsch",
                    "english_name": "German",
                    "data": {"name": "", "biography": "Walter Bruce Willis ..."},
                }
            ],
        },
        PersonTranslations(
            id=62,
            translations=[
                PersonTranslation(
                    iso_639_1="de",
                    iso_3166_1="DE",
                    name="Deutsch",
                    english_name="German",
                    data=PersonTranslationData(biography="Walter Bruce Willis ..."),
                )
            ],
        ),
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
    tmdb: TMDBClient,
    mock: TMDBMock,
) -> None:
    mock.get(url_re(path), payload=body)
    assert await call(tmdb) == expected
    check_get(mock, path, query)


async def test_api_key_goes_in_the_query(tmdb_key: TMDBClient, mock: TMDBMock) -> None:
    mock.get(url_re(f"{E}/credits"), payload={"id": 62085})
    assert await tmdb_key.tv.episodes.credits(1396, 1, 1) == EpisodeCredits(id=62085)
    check_get(mock, f"{E}/credits", {}, bearer=False)
    _, url, _ = mock.only_call()
    assert f"api_key={API_KEY}" in str(url)


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
    (
        "start_date",
        "reversed",
        lambda t: t.people.changes(1, start_date=dt.date(2024, 1, 2), end_date=dt.date(2024, 1, 1)),
    ),
    ("group_id", "group id short", lambda t: t.tv.episode_group("abc")),
    ("group_id", "group id slash", lambda t: t.tv.episode_group("5acf93e60e0a26346d0000c/")),
    ("group_id", "group id int", lambda t: t.tv.episode_group(5)),  # type: ignore[arg-type]
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
    ("person_id", "person zero", lambda t: t.people.images(0)),
    ("person_id", "person str", lambda t: t.people.movie_credits("62")),  # type: ignore[arg-type]
    ("language", "tv credits language", lambda t: t.people.tv_credits(62, language="german")),
    ("page", "tagged page", lambda t: t.people.tagged_images(62, page=0)),
    ("person_id", "translations", lambda t: t.people.translations(-62)),
]


@pytest.mark.parametrize(("param", "label", "call"), BAD, ids=[b[1] for b in BAD])
async def test_bad_input_names_the_parameter_before_io(
    param: str, label: str, call: Call, tmdb: TMDBClient, mock: TMDBMock
) -> None:
    with pytest.raises(TMDBUsageError, match=param):
        await call(tmdb)
    assert mock.calls() == []
