"""``tmdb.credits``: details of a movie and a TV credit, string ids as one quoted path segment,
the client's default language.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.catalogue_helpers import check_get, wire_query
from tests.conftest import READ_TOKEN, load
from tests.loopback_tmdb import TMDBServer
from tmdb_async import (
    CreditDetails,
    CreditMedia,
    EpisodeSummary,
    PersonSummary,
    SeasonSummary,
    TMDBClient,
    TMDBUsageError,
)

REC = "recorded/tmdblib"


async def test_credit_details_of_a_tv_credit(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    body = load(f"{REC}/credit-details-525719bb760ee3776a1835d3.200.json")
    tmdb_server.get(
        "/3/credit/525719bb760ee3776a1835d3", query=wire_query({"language": "en-US"}), payload=body
    )
    credit = await tmdb_local.credits.details("525719bb760ee3776a1835d3", language="en-US")
    check_get(tmdb_server, "/3/credit/525719bb760ee3776a1835d3", {"language": "en-US"})
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


async def test_credit_details_of_a_movie_credit(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
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
    tmdb_server.get("/3/credit/52fe4250c3a36847f80149f3", payload=body)
    credit = await tmdb_local.credits.details("52fe4250c3a36847f80149f3")
    check_get(tmdb_server, "/3/credit/52fe4250c3a36847f80149f3")
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
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.get("/3/credit/a%2Fb%3Fc%23d%25", payload={"id": "a/b?c#d%"})
    assert (await tmdb_local.credits.details("a/b?c#d%")).id == "a/b?c#d%"
    # A dot segment behind an encoded "/" is refused (issue 13, defect 3): servers such as
    # nginx decode %2F and resolve "..", so it would reach another endpoint.
    with pytest.raises(TMDBUsageError, match="not a valid path segment"):
        await tmdb_local.reviews.details("../movie")
    paths = [call.raw_path for call in tmdb_server.calls()]
    assert paths == ["/3/credit/a%2Fb%3Fc%23d%25"]


async def test_client_default_language_is_sent(tmdb_server: TMDBServer) -> None:
    tmdb_server.get("/3/credit/x1", query=wire_query({"language": "pt-BR"}), payload={"id": "x1"})
    async with TMDBClient(
        access_token=READ_TOKEN, base_url=tmdb_server.base_url, language="pt-BR", retry=None
    ) as tmdb:
        await tmdb.credits.details("x1")
    check_get(tmdb_server, "/3/credit/x1", {"language": "pt-BR"})
