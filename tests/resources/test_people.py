"""``tmdb.people``: request shape of every method, models from spec examples and recordings,
and local argument checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from tests.catalogue_helpers import both, check_get, spec_examples, url_re
from tests.conftest import TMDBMock, load
from tmdb_async import (
    CombinedCastCredit,
    CombinedCredits,
    CombinedCrewCredit,
    Image,
    MovieSummary,
    Page,
    Person,
    PersonExternalIds,
    PersonImages,
    PersonSummary,
    TMDBClient,
    TMDBUsageError,
    TVSummary,
    UnknownMedia,
)


async def test_details_with_appends(tmdb: TMDBClient, mock: TMDBMock) -> None:
    body = {
        "id": 62,
        "name": "Bruce Willis",
        "birthday": "1955-03-19",
        "deathday": None,
        "external_ids": {"imdb_id": "nm0000246", "youtube_id": None},
        "images": {"profiles": [{"file_path": "/w3a.jpg", "width": 400}]},
    }
    mock.get(url_re("/3/person/62"), payload=body)
    person = await tmdb.people.details(
        62, append_to_response=["external_ids", "images"], language="de"
    )
    check_get(mock, "/3/person/62", {"append_to_response": "external_ids,images", "language": "de"})
    assert person == Person(
        id=62,
        name="Bruce Willis",
        birthday=dt.date(1955, 3, 19),
        external_ids=PersonExternalIds(imdb_id="nm0000246"),
        images=PersonImages(profiles=[Image(file_path="/w3a.jpg", width=400)]),
    )
    assert person.combined_credits is None


async def test_details_recorded(tmdb_key: TMDBClient, mock: TMDBMock) -> None:
    mock.get(url_re("/3/person/62"), payload=load("recorded/tmdblib/person-details-62.200.json"))
    person = await tmdb_key.people.details(62)
    check_get(mock, "/3/person/62", {}, bearer=False)
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


async def test_combined_credits(tmdb: TMDBClient, mock: TMDBMock) -> None:
    mock.get(url_re("/3/person/31/combined_credits"), payload=COMBINED)
    credits = await tmdb.people.combined_credits(31, language="en-US")
    check_get(mock, "/3/person/31/combined_credits", {"language": "en-US"})
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


async def test_external_ids(tmdb: TMDBClient, mock: TMDBMock) -> None:
    body = {"id": 62, "imdb_id": "nm0000246", "wikidata_id": "Q2680", "tiktok_id": None}
    mock.get(url_re("/3/person/62/external_ids"), payload=body)
    ids = await tmdb.people.external_ids(62)
    check_get(mock, "/3/person/62/external_ids")
    assert ids == PersonExternalIds(id=62, imdb_id="nm0000246", wikidata_id="Q2680")


async def test_popular_known_for_is_tagged(tmdb: TMDBClient, mock: TMDBMock) -> None:
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
    mock.get(url_re("/3/person/popular"), payload=body)
    page = await tmdb.people.popular(page=3)
    check_get(mock, "/3/person/popular", {"page": 3})
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
    tmdb: TMDBClient,
    mock: TMDBMock,
    label: str,
    call: Callable[[TMDBClient], Awaitable[object]],
) -> None:
    with pytest.raises(TMDBUsageError):
        await call(tmdb)
    assert mock.calls() == []


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
