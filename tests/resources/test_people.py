"""``tmdb.people``: request shape of every method, models from spec examples and recordings,
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
    Changes,
    CombinedCastCredit,
    CombinedCredits,
    CombinedCrewCredit,
    EpisodeSummary,
    Image,
    MovieCastCredit,
    MovieSummary,
    Page,
    Person,
    PersonExternalIds,
    PersonImages,
    PersonMovieCredits,
    PersonSummary,
    PersonTaggedImages,
    PersonTranslation,
    PersonTranslationData,
    PersonTranslations,
    PersonTVCredits,
    TaggedImage,
    TMDBClient,
    TMDBUsageError,
    TVCastCredit,
    TVSummary,
    UnknownMedia,
)


async def test_details_with_appends(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    body = {
        "id": 62,
        "name": "Bruce Willis",
        "birthday": "1955-03-19",
        "deathday": None,
        "external_ids": {"imdb_id": "nm0000246", "youtube_id": None},
        "images": {"profiles": [{"file_path": "/w3a.jpg", "width": 400}]},
    }
    tmdb_server.get(
        "/3/person/62",
        query=wire_query({"append_to_response": "external_ids,images", "language": "de"}),
        payload=body,
    )
    person = await tmdb_local.people.details(
        62, append_to_response=["external_ids", "images"], language="de"
    )
    check_get(
        tmdb_server, "/3/person/62", {"append_to_response": "external_ids,images", "language": "de"}
    )
    assert person == Person(
        id=62,
        name="Bruce Willis",
        birthday=dt.date(1955, 3, 19),
        external_ids=PersonExternalIds(imdb_id="nm0000246"),
        images=PersonImages(profiles=[Image(file_path="/w3a.jpg", width=400)]),
    )
    assert person.combined_credits is None


async def test_details_recorded(tmdb_local_key: TMDBClient, tmdb_server: TMDBServer) -> None:
    tmdb_server.get(
        "/3/person/62",
        query=wire_query({}, api_key=True),
        payload=load("recorded/tmdblib/person-details-62.200.json"),
    )
    person = await tmdb_local_key.people.details(62)
    check_get(tmdb_server, "/3/person/62", {}, bearer=False)
    assert person.name == "Bruce Willis"
    assert person.imdb_id == "nm0000246"
    assert person.deathday is None
    assert person.homepage is None
    assert person.also_known_as == ["Walter Bruce Willis"]


COMBINED = {
    "id": 31,
    "cast": [
        {
            "id": 13,
            "title": "Forrest Gump",
            "release_date": "1994-06-23",
            "character": "Forrest Gump",
            "credit_id": "52fe420ec3a36847f800074f",
            "order": 0,
            "media_type": "movie",
        },
        {
            "id": 1400,
            "name": "Seinfeld",
            "first_air_date": "1989-07-05",
            "origin_country": ["US"],
            "character": "Himself",
            "episode_count": 1,
            "first_credit_air_date": "",
            "media_type": "tv",
        },
    ],
    "crew": [{"id": 13, "title": "Forrest Gump", "job": "Producer", "media_type": "movie"}],
}


async def test_combined_credits(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    tmdb_server.get(
        "/3/person/31/combined_credits", query=wire_query({"language": "en-US"}), payload=COMBINED
    )
    credits = await tmdb_local.people.combined_credits(31, language="en-US")
    check_get(tmdb_server, "/3/person/31/combined_credits", {"language": "en-US"})
    assert credits == CombinedCredits(
        id=31,
        cast=[
            CombinedCastCredit(
                id=13,
                title="Forrest Gump",
                release_date=dt.date(1994, 6, 23),
                character="Forrest Gump",
                credit_id="52fe420ec3a36847f800074f",
                order=0,
                media_type="movie",
            ),
            CombinedCastCredit(
                id=1400,
                name="Seinfeld",
                first_air_date=dt.date(1989, 7, 5),
                origin_country=["US"],
                character="Himself",
                episode_count=1,
                first_credit_air_date=None,
                media_type="tv",
            ),
        ],
        crew=[CombinedCrewCredit(id=13, title="Forrest Gump", job="Producer", media_type="movie")],
    )


async def test_external_ids(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    body = {"id": 62, "imdb_id": "nm0000246", "wikidata_id": "Q2680", "tiktok_id": None}
    tmdb_server.get("/3/person/62/external_ids", payload=body)
    ids = await tmdb_local.people.external_ids(62)
    check_get(tmdb_server, "/3/person/62/external_ids")
    assert ids == PersonExternalIds(id=62, imdb_id="nm0000246", wikidata_id="Q2680")


async def test_popular_known_for_is_tagged(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    body = {
        "page": 3,
        "results": [
            {
                "id": 224513,
                "name": "Ana de Armas",
                "known_for": [
                    {"id": 335984, "title": "Blade Runner 2049", "media_type": "movie"},
                    {"id": 1396, "name": "Breaking Bad", "media_type": "tv"},
                    {"id": 7, "media_type": "podcast", "name": "?"},
                ],
            }
        ],
        "total_pages": 500,
        "total_results": 10000,
    }
    tmdb_server.get("/3/person/popular", query=wire_query({"page": 3}), payload=body)
    page = await tmdb_local.people.popular(page=3)
    check_get(tmdb_server, "/3/person/popular", {"page": 3})
    assert page == Page(
        page=3,
        results=[
            PersonSummary(
                id=224513,
                name="Ana de Armas",
                known_for=[
                    MovieSummary(id=335984, title="Blade Runner 2049", media_type="movie"),
                    TVSummary(id=1396, name="Breaking Bad", media_type="tv"),
                    UnknownMedia(
                        media_type="podcast",
                        id=7,
                        data={"id": 7, "media_type": "podcast", "name": "?"},
                    ),
                ],
            )
        ],
        total_pages=500,
        total_results=10000,
    )


BAD_CALLS: list[tuple[str, Callable[[TMDBClient], Awaitable[object]]]] = [
    ("id zero", lambda t: t.people.details(0)),
    ("id str", lambda t: t.people.combined_credits("31")),  # type: ignore[arg-type]
    ("id none", lambda t: t.people.external_ids(None)),  # type: ignore[arg-type]
    ("unknown append", lambda t: t.people.details(1, append_to_response=["credits"])),  # type: ignore[list-item]
    ("21 appends", lambda t: t.people.details(1, append_to_response=["images"] * 21)),
    ("page 0", lambda t: t.people.popular(page=0)),
    ("page 501", lambda t: t.people.popular(page=501)),
    ("bad language", lambda t: t.people.details(1, language="EN")),
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


SPEC: list[tuple[str, Any]] = [
    ("person-details", Person),
    ("person-combined-credits", CombinedCredits),
    ("person-external-ids", PersonExternalIds),
    ("person-popular-list", Page[PersonSummary]),
]


@pytest.mark.parametrize(("operation", "into"), SPEC, ids=[s[0] for s in SPEC])
def test_spec_examples_structure(operation: str, into: Any) -> None:
    for body in spec_examples(operation):
        assert both(body, into) is not None


def test_spec_example_values() -> None:
    person = both(spec_examples("person-details")[0], Person)
    assert person.id == 31
    assert person.name == "Tom Hanks"
    assert person.birthday == dt.date(1956, 7, 9)
    credits = both(spec_examples("person-combined-credits")[0], CombinedCredits)
    assert credits.cast[0].title == "Forrest Gump"
    assert credits.cast[0].media_type == "movie"
    popular = both(spec_examples("person-popular-list")[0], Page[PersonSummary])
    assert all(
        isinstance(k, MovieSummary | TVSummary) for p in popular.results for k in p.known_for
    )


@pytest.mark.parametrize(
    "fixture",
    ["recorded/tmdblib/person-details-62.200.json", "clients/adamayoung-TMDb/person.json"],
)
def test_recorded_people_structure(fixture: str) -> None:
    body = load(fixture)
    person = both(body, Person)
    assert (person.id, person.name) == (body["id"], body["name"])
    assert person.birthday == dt.date.fromisoformat(body["birthday"])


Call = Callable[[TMDBClient], Awaitable[Any]]


#: (label, call, path, query sent, body served, model expected)
CASES: list[tuple[str, Call, str, dict[str, Any], Any, Any]] = [
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
    tmdb_local: TMDBClient,
    tmdb_server: TMDBServer,
) -> None:
    tmdb_server.get(path, query=wire_query(query), payload=body)
    assert await call(tmdb_local) == expected
    check_get(tmdb_server, path, query)


BAD: list[tuple[str, str, Call]] = [
    (
        "start_date",
        "reversed",
        lambda t: t.people.changes(1, start_date=dt.date(2024, 1, 2), end_date=dt.date(2024, 1, 1)),
    ),
    ("person_id", "person zero", lambda t: t.people.images(0)),
    ("person_id", "person str", lambda t: t.people.movie_credits("62")),  # type: ignore[arg-type]
    ("language", "tv credits language", lambda t: t.people.tv_credits(62, language="german")),
    ("page", "tagged page", lambda t: t.people.tagged_images(62, page=0)),
    ("person_id", "translations", lambda t: t.people.translations(-62)),
]


@pytest.mark.parametrize(("param", "label", "call"), BAD, ids=[b[1] for b in BAD])
async def test_bad_input_names_the_parameter_before_io(
    param: str, label: str, call: Call, tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    with pytest.raises(TMDBUsageError, match=param):
        await call(tmdb_local)
    assert tmdb_server.calls() == []
