"""The sandbox's catalogue is TMDB's real data, cross-referenced, plus filler made on demand.

Each area is called through the SDK where it has the call, else through
``tmdb.request_json``; answers are asserted against the real data in tests/reference.
"""

from __future__ import annotations

import gc
import logging
import time
import tracemalloc
from collections.abc import AsyncIterator

import aiohttp
import pytest

from tests.conftest import load
from tmdb_async import TMDBClient
from tmdb_async.errors import (
    InvalidDateError,
    InvalidDateRangeError,
    InvalidPageError,
    InvalidParametersError,
    ResourceNotFoundError,
    TooManyAppendedObjectsError,
)
from tmdb_async.testing import UNKNOWN_ROUTE_HEADER, Catalogue, Sandbox
from tmdb_async.testing._server import redact_path


@pytest.fixture
async def tmdb() -> AsyncIterator[TMDBClient]:
    async with Sandbox(movie_count=300, tv_count=100, person_count=200) as sb, sb.client() as c:
        c.sandbox = sb  # type: ignore[attr-defined]
        yield c


def _sb(tmdb: TMDBClient) -> Sandbox:
    sb: Sandbox = tmdb.sandbox  # type: ignore[attr-defined]
    return sb


# --------------------------------------------------------------------------- movies


async def test_real_movies_have_their_real_fields(tmdb: TMDBClient) -> None:
    recorded = load("clients/adamayoung-TMDb/movie.json")
    fight_club = await tmdb.movies.details(550)
    assert fight_club.title == recorded["title"] == "Fight Club"
    assert fight_club.imdb_id == "tt0137523"
    assert fight_club.release_date is not None
    assert fight_club.release_date.isoformat() == recorded["release_date"]
    assert fight_club.budget == recorded["budget"]
    star_wars = await tmdb.movies.details(11)
    assert star_wars.title == "Star Wars"
    assert star_wars.belongs_to_collection is not None
    assert star_wars.belongs_to_collection.id == 10
    die_hard = await tmdb.movies.details(47964)
    assert die_hard.title == "A Good Day to Die Hard"
    avatar = await tmdb.movies.details(19995)
    assert (avatar.title, avatar.original_title, avatar.runtime) == ("Avatar", "Avatar", 162)
    sb = _sb(tmdb)
    assert sb.requests_to("/3/movie/550")[0].method == "GET"
    assert sb.requests_to("/3/movie/19995")[0].query == {}


async def test_language_uses_the_recorded_translation_and_falls_back(tmdb: TMDBClient) -> None:
    german = await tmdb.movies.details(19995, language="de-DE")
    assert german.title == "Avatar - Aufbruch nach Pandora"
    assert german.tagline == "Betritt die Welt von Pandora"
    # The poster in the asked language: the one TMDB sent in its German answer.
    recorded = load("recorded/tmdblib/movie-details-19995-de-images.200.json")
    assert german.poster_path == recorded["poster_path"] == "/8VV4YUwOGxgolFZTo2SgNwsfznR.jpg"
    english = await tmdb.movies.details(19995)
    assert english.poster_path == "/jRXYjXNq0Cs2TcJjLkki24MLp7u.jpg"  # the English item's
    # A language without a translation: the original fields.
    klingon = await tmdb.movies.details(19995, language="tlh-XX")
    assert klingon.title == "Avatar"
    # 550 has 40-odd recorded translations; German keeps the original title.
    de = await tmdb.request_json("GET", "/3/movie/550", params={"language": "de-DE"})
    en = await tmdb.request_json("GET", "/3/movie/550", params={"language": "en-US"})
    assert de["overview"] != en["overview"]
    assert de["overview"].startswith("Ein Yuppie")


async def test_credits_point_both_ways(tmdb: TMDBClient) -> None:
    credits = await tmdb.movies.credits(550)
    names = [c.name for c in credits.cast[:3]]
    assert names == ["Edward Norton", "Brad Pitt", "Helena Bonham Carter"]
    brad = credits.cast[1]
    person = await tmdb.people.details(brad.id)
    assert person.name == "Brad Pitt"  # a full record (adamayoung's person 287)
    filmography = await tmdb.people.combined_credits(brad.id)
    assert 550 in [c.id for c in filmography.cast]
    # Tom Hanks' recorded credits name Forrest Gump (13): its cast names him back.
    forrest = await tmdb.request_json("GET", "/3/movie/13/credits")
    assert 31 in [c["id"] for c in forrest["cast"]]
    hanks = next(c for c in forrest["cast"] if c["id"] == 31)
    assert hanks["character"] == "Forrest Gump"
    # Every cast member of every movie exists as a person.
    for entry in credits.cast + credits.crew:
        await tmdb.request_json("GET", f"/3/person/{entry.id}")


async def test_append_to_response_on_every_sub_resource_and_the_limit(tmdb: TMDBClient) -> None:
    names = [
        "alternative_titles", "changes", "credits", "external_ids", "images", "keywords",
        "lists", "recommendations", "release_dates", "reviews", "similar", "translations",
        "videos", "watch/providers",
    ]  # fmt: skip
    full = await tmdb.request_json(
        "GET", "/3/movie/550", params={"append_to_response": ",".join(names)}
    )
    for name in names:
        alone = await tmdb.request_json("GET", f"/3/movie/550/{name}")
        # TMDB leaves the parent's id out of an appended object.
        assert full[name] == {k: v for k, v in alone.items() if k != "id"}, name
    assert full["keywords"]["keywords"][0] == {"id": 818, "name": "based on novel or book"}
    reviews = await tmdb.movies.reviews(550)
    assert reviews.total_results == len(reviews.results) > 0
    past_the_end = await tmdb.movies.reviews(550, page=2)
    assert (past_the_end.page, past_the_end.results) == (2, [])
    assert past_the_end.total_results == reviews.total_results
    assert full["external_ids"]["imdb_id"] == "tt0137523"
    with pytest.raises(TooManyAppendedObjectsError) as caught:
        await tmdb.request_json(
            "GET", "/3/movie/550", params={"append_to_response": ",".join(["videos"] * 21)}
        )
    assert (caught.value.http_status, caught.value.tmdb_code) == (400, 27)
    tv = await tmdb.request_json(
        "GET", "/3/tv/1399", params={"append_to_response": "credits,external_ids"}
    )
    assert tv["external_ids"]["tvdb_id"] == 121361
    assert "id" not in tv["credits"]
    assert tv["credits"]["cast"]


async def test_images_honour_include_image_language(tmdb: TMDBClient) -> None:
    everything = await tmdb.request_json("GET", "/3/movie/19995/images")
    german = await tmdb.request_json(
        "GET", "/3/movie/19995/images", params={"language": "de", "include_image_language": "de"}
    )
    with_null = await tmdb.request_json(
        "GET",
        "/3/movie/19995/images",
        params={"language": "de", "include_image_language": "de,null"},
    )
    english = await tmdb.request_json(
        "GET", "/3/movie/19995/images", params={"language": "en", "include_image_language": "en"}
    )
    # The recording (language=de-DE, include_image_language=de) holds German images only.
    assert {p["iso_639_1"] for p in everything["posters"]} == {"de"}
    assert german == with_null == everything
    assert english["posters"] == english["backdrops"] == []
    assert english["id"] == 19995
    # Fight Club's recorded images hold 20-odd languages.
    images = await tmdb.movies.images(550, language="en-US", include_image_language=["en", "null"])
    assert len(images.posters) == 27 + 2
    assert {p.iso_639_1 for p in images.posters} == {"en", None}
    assert {b.iso_639_1 for b in images.backdrops} == {"en", None}
    assert len(images.backdrops) == 34 + 5
    only_pt = await tmdb.movies.images(550, language="pt")
    assert {p.iso_639_1 for p in only_pt.posters} == {"pt"}
    sent = _sb(tmdb).requests_to("/3/movie/550/images")[0].query
    assert sent == {"language": "en-US", "include_image_language": "en,null"}


async def test_charts_agree_with_the_catalogue(tmdb: TMDBClient) -> None:
    popular = await tmdb.movies.popular()
    pops = [m.popularity for m in popular.results]
    assert pops == sorted(pops, reverse=True)
    total = _sb(tmdb).catalogue.total("movie")
    assert popular.total_results == total
    assert popular.total_pages == -(-total // 20)
    trending = await tmdb.request_json("GET", "/3/trending/movie/week")
    assert [m["id"] for m in trending["results"]] == [m.id for m in popular.results]
    top = await tmdb.request_json("GET", "/3/movie/top_rated")
    votes = [m["vote_average"] for m in top["results"]]
    assert votes == sorted(votes, reverse=True)


async def test_paging_stops_at_tmdbs_500_pages() -> None:
    async with Sandbox(movie_count=20_000) as sb, sb.client() as tmdb:
        first = await tmdb.movies.popular()
        total = sb.catalogue.total("movie")
        assert first.total_results == total
        # Like TMDB (popular: 58,322 pages recorded), the total is not capped; the pages are.
        assert first.total_pages == -(-total // 20) > 500
        last = await tmdb.movies.popular(page=500)
        assert len(last.results) == 20
        assert last.results[-1].popularity <= first.results[-1].popularity
        with pytest.raises(InvalidPageError) as caught:
            await tmdb.request_json("GET", "/3/movie/popular", params={"page": "501"})
        assert (caught.value.http_status, caught.value.tmdb_code) == (400, 22)


async def test_region_filters_by_release_country(tmdb: TMDBClient) -> None:
    cat = _sb(tmdb).catalogue
    # Fight Club's recorded release dates list Bulgaria; Star Wars is a US movie.
    assert "BG" in cat.release_countries(550)
    assert "BG" not in cat.release_countries(11)
    bulgaria = await tmdb.search.movie("fight club", region="BG")
    assert [m.id for m in bulgaria.results] == [550]
    everywhere = await tmdb.search.movie("fight club")
    assert len(everywhere.results) > 1
    assert _sb(tmdb).requests_to("/3/search/movie")[0].query["region"] == "BG"
    popular = await tmdb.movies.popular(region="BG")
    assert popular.total_results == cat.region_total("BG")
    assert all(cat.released_in(m.id, "BG") for m in popular.results)
    assert 550 in [m.id for m in popular.results]


async def test_lists_are_localised_where_the_data_has_a_translation(tmdb: TMDBClient) -> None:
    german = await tmdb.search.movie("avatar", language="de-DE")
    avatar = next(m for m in german.results if m.id == 19995)
    assert avatar.title == "Avatar - Aufbruch nach Pandora"
    english = await tmdb.search.movie("avatar")
    assert next(m for m in english.results if m.id == 19995).title == "Avatar"
    # No translation for this language: TMDB falls back to the original.
    french = await tmdb.search.movie("fight club", language="xx-XX")
    assert french.results[0].title == "Fight Club"


# --------------------------------------------------------------------------- tv


async def test_tv_seasons_and_episodes_are_real(tmdb: TMDBClient) -> None:
    got = await tmdb.tv.details(1399)
    assert got.name == "Game of Thrones"
    assert got.networks[0].id == 49
    season = await tmdb.tv.seasons.details(1399, 1)
    assert season.episodes[0].name == "Winter Is Coming"
    assert len(season.episodes) == 10
    pilot = await tmdb.tv.episodes.details(1396, 1, 1)
    assert pilot.name == "Pilot"
    bb = await tmdb.tv.details(1396)
    assert bb.networks[0].name == "AMC"
    # A season TMDB only summarised: its episodes are generated but exist.
    later = await tmdb.tv.seasons.details(1396, 3)
    assert len(later.episodes) == 13
    with pytest.raises(ResourceNotFoundError):
        await tmdb.tv.seasons.details(1399, 42)
    group = await tmdb.request_json("GET", "/3/tv/episode_group/5acf93e60e0a26346d0000ce")
    assert group["network"]["name"] == "Netflix"


async def test_series_and_people_in_other_languages(tmdb: TMDBClient) -> None:
    german = await tmdb.tv.details(1399, language="de-DE")
    assert german.tagline == "Das Lied von Eis und Feuer"
    assert german.overview.startswith("Die Handlung")
    assert german.name == "Game of Thrones"  # no German name recorded: the original
    # French: Canada's translation has a name, France's does not (so the original stays).
    quebec = await tmdb.request_json("GET", "/3/tv/1399", params={"language": "fr-CA"})
    france = await tmdb.request_json("GET", "/3/tv/1399", params={"language": "fr-FR"})
    assert quebec["name"] == "Le trône de fer"
    assert france["name"] == "Game of Thrones"
    assert france["tagline"] == "L'hiver arrive."
    hanks = await tmdb.people.details(31, language="de-DE")
    assert hanks.biography.startswith("Was haben Tom Hanks")
    english = await tmdb.people.details(31)
    assert english.biography.startswith("Thomas Jeffrey Hanks")


async def test_seasons_and_episodes_in_other_languages(tmdb: TMDBClient) -> None:
    season = await tmdb.request_json("GET", "/3/tv/1399/season/1", params={"language": "de-DE"})
    assert season["overview"].startswith("Die fiktive Welt von Westeros")
    assert season["name"] == "Season 1"  # no German name recorded: the original
    episode = await tmdb.request_json(
        "GET", "/3/tv/1399/season/1/episode/1", params={"language": "de-DE"}
    )
    assert episode["name"] == "Der Winter naht"
    english = await tmdb.request_json("GET", "/3/tv/1399/season/1/episode/1")
    assert english["name"] == "Winter Is Coming"


async def test_a_series_appends_its_seasons(tmdb: TMDBClient) -> None:
    got = await tmdb.request_json(
        "GET", "/3/tv/1399", params={"append_to_response": "season/1,season/2,season/99"}
    )
    assert got["season/1"]["episodes"][0]["name"] == "Winter Is Coming"
    assert got["season/2"]["season_number"] == 2
    assert "season/99" not in got
    alone = await tmdb.request_json("GET", "/3/tv/1399/season/2")
    assert got["season/2"] == {k: v for k, v in alone.items() if k != "id"}


# --------------------------------------------------------------------------- search, find


async def test_search_is_case_and_accent_insensitive(tmdb: TMDBClient) -> None:
    found = await tmdb.search.movie("FIGHT CLUB")
    assert found.results[0].id == 550
    folded = await tmdb.search.person("bruce willis")
    assert folded.results[0].id == 62
    # Original and alternative titles count: 550 is "Borilački klub" in Serbia.
    alternative = await tmdb.search.movie("borilacki klub")
    assert [m.id for m in alternative.results] == [550]
    tv = await tmdb.search.tv("breaking bad")
    assert tv.results[0].id == 1396
    portuguese = await tmdb.search.tv("a guerra dos tronos")  # a recorded alternative title
    assert [t.id for t in portuguese.results] == [1399]
    cranston = await tmdb.search.person("Bryan Cranston")
    assert cranston.results[0].id == 17419
    assert 1396 in [k.id for k in cranston.results[0].known_for]
    multi = await tmdb.request_json("GET", "/3/search/multi", params={"query": "star wars"})
    assert multi["results"][0]["id"] == 11
    assert multi["results"][0]["media_type"] == "movie"
    collection = await tmdb.request_json(
        "GET", "/3/search/collection", params={"query": "STAR WARS"}
    )
    assert collection["results"][0]["id"] == 10
    sb = _sb(tmdb)
    assert sb.requests_to("/3/search/movie")[0].query["query"] == "FIGHT CLUB"


async def test_find_resolves_imdb_and_tvdb_ids(tmdb: TMDBClient) -> None:
    movie = await tmdb.find.by_id("tt0137523", external_source="imdb_id")
    assert [m.id for m in movie.movie_results] == [550]
    show = await tmdb.find.by_id(121361, external_source="tvdb_id")
    assert [t.id for t in show.tv_results] == [1399]
    person = await tmdb.find.by_id("nm0000158", external_source="imdb_id")
    assert [p.id for p in person.person_results] == [31]
    episode = await tmdb.request_json(
        "GET", "/3/find/tt1480055", params={"external_source": "imdb_id"}
    )
    assert episode["tv_episode_results"][0]["id"] == 63056
    nothing = await tmdb.find.by_id("tt0000001", external_source="imdb_id")
    assert nothing.movie_results == []
    # A filler movie's IMDb id finds it too (ids up to the configured count).
    filler = next(i for i in range(1, 300) if not _sb(tmdb).catalogue.is_real("movie", i))
    imdb = (await tmdb.movies.details(filler)).imdb_id
    assert imdb is not None
    assert [
        m.id for m in (await tmdb.find.by_id(imdb, external_source="imdb_id")).movie_results
    ] == [filler]
    with pytest.raises(InvalidParametersError):
        await tmdb.request_json("GET", "/3/find/tt0137523", params={"external_source": "nope"})
    sb = _sb(tmdb)
    assert sb.requests_to("/3/find/121361")[0].query["external_source"] == "tvdb_id"


async def test_discover_filters_and_sorts_real_fields(tmdb: TMDBClient) -> None:
    dramas = await tmdb.request_json(
        "GET",
        "/3/discover/movie",
        params={"with_genres": "18", "primary_release_year": "1999", "sort_by": "title.asc"},
    )
    titles = [m["title"] for m in dramas["results"]]
    assert "Fight Club" in titles
    assert titles == sorted(titles)
    assert all(18 in m["genre_ids"] for m in dramas["results"])
    assert all(m["release_date"].startswith("1999") for m in dramas["results"])
    # Several filters at once each keep their own values.
    both = await tmdb.request_json(
        "GET",
        "/3/discover/movie",
        params={"with_genres": "18", "without_genres": "28", "primary_release_year": "1999"},
    )
    assert 550 in [m["id"] for m in both["results"]]
    assert all(28 not in m["genre_ids"] for m in both["results"])
    hbo = await tmdb.request_json("GET", "/3/discover/tv", params={"with_networks": "49"})
    assert 1399 in [t["id"] for t in hbo["results"]]
    assert 1396 not in [t["id"] for t in hbo["results"]]
    keyworded = await tmdb.request_json(
        "GET", "/3/discover/movie", params={"with_keywords": "818", "include_adult": "false"}
    )
    # 818 "based on novel or book" is one of Fight Club's recorded keywords.
    assert [m["id"] for m in keyworded["results"]] == [550]
    with_hanks = await tmdb.request_json("GET", "/3/discover/movie", params={"with_cast": "31"})
    assert 13 in [m["id"] for m in with_hanks["results"]]
    # Fight Club: Hulu (15) flatrate in the US, rated R there (its recorded answers).
    on_hulu = await tmdb.request_json(
        "GET",
        "/3/discover/movie",
        params={"with_watch_providers": "15", "watch_region": "US"},
    )
    assert [m["id"] for m in on_hulu["results"]] == [550]
    rent_only = await tmdb.request_json(
        "GET",
        "/3/discover/movie",
        params={
            "with_watch_providers": "15",
            "watch_region": "US",
            "with_watch_monetization_types": "rent",
        },
    )
    assert rent_only["results"] == []
    rated_r = await tmdb.request_json(
        "GET", "/3/discover/movie", params={"certification_country": "US", "certification": "R"}
    )
    assert [m["id"] for m in rated_r["results"]] == [550]


async def test_watch_provider_lists_follow_watch_region(tmdb: TMDBClient) -> None:
    everywhere = await tmdb.request_json("GET", "/3/watch/providers/movie")
    slovenia = await tmdb.request_json(
        "GET", "/3/watch/providers/movie", params={"watch_region": "SI"}
    )
    assert 0 < len(slovenia["results"]) < len(everywhere["results"])
    assert all("SI" in p["display_priorities"] for p in slovenia["results"])


# --------------------------------------------------------------------------- entities


async def test_collections_genres_and_lookups_cross_reference(tmdb: TMDBClient) -> None:
    collection = await tmdb.collections.details(10)
    parts = [p.id for p in collection.parts]
    assert 11 in parts
    for part in parts:
        await tmdb.request_json("GET", f"/3/movie/{part}")
    genres = {g.id for g in (await tmdb.genres.movie()).genres}
    tv_genres = {g.id for g in (await tmdb.genres.tv()).genres}
    cat = _sb(tmdb).catalogue
    for movie_id in cat.real_ids("movie")[:100]:
        assert {g["id"] for g in cat.movie(movie_id)["genres"]} <= genres
    for tv_id in cat.real_ids("tv")[:100]:
        assert {g["id"] for g in cat.tv(tv_id)["genres"]} <= tv_genres
    company = await tmdb.companies.details(1)
    assert company.name == "Lucasfilm Ltd."
    network = await tmdb.request_json("GET", "/3/network/213")
    assert network["name"] == "Netflix"
    keyword = await tmdb.request_json("GET", "/3/keyword/1701/movies")
    assert keyword["results"]
    review = await tmdb.request_json("GET", "/3/review/640b2aeecaaca20079decdcc")
    assert review["author"] == "Ricardo Oliveira"
    jobs = await tmdb.request_json("GET", "/3/configuration/jobs")
    assert "Directing" in {d["department"] for d in jobs}


async def test_change_lists_name_the_catalogue_and_check_dates(tmdb: TMDBClient) -> None:
    cat = _sb(tmdb).catalogue
    changed = await tmdb.request_json(
        "GET", "/3/movie/changes", params={"start_date": "2024-05-01", "end_date": "2024-05-14"}
    )
    assert changed["total_results"] == len(cat.real_ids("movie"))
    for row in changed["results"]:
        assert cat.is_real("movie", row["id"])
    with pytest.raises(InvalidDateRangeError) as too_long:
        await tmdb.request_json(
            "GET", "/3/tv/changes", params={"start_date": "2024-05-01", "end_date": "2024-05-30"}
        )
    assert (too_long.value.http_status, too_long.value.tmdb_code) == (422, 20)
    with pytest.raises(InvalidDateError) as bad:
        await tmdb.request_json("GET", "/3/person/changes", params={"start_date": "May 1"})
    assert (bad.value.http_status, bad.value.tmdb_code) == (400, 23)


# --------------------------------------------------------------------------- filler


async def test_filler_fills_every_id_up_to_the_count() -> None:
    async with Sandbox(movie_count=40) as sb, sb.client() as tmdb:
        cat = sb.catalogue
        for movie_id in range(1, 41):
            movie = await tmdb.movies.details(movie_id)
            if not cat.is_real("movie", movie_id):
                assert "generated" in movie.overview
        with pytest.raises(ResourceNotFoundError):
            await tmdb.movies.details(cat.real_ids("movie")[-1] + 1)
        # Filler casts are filler people whose filmography names the title back.
        filler = next(i for i in range(1, 41) if not cat.is_real("movie", i))
        cast = (await tmdb.movies.credits(filler)).cast
        assert cast
        back = await tmdb.people.combined_credits(cast[0].id)
        assert filler in [c.id for c in back.cast]


def test_a_million_ids_cost_nothing_up_front() -> None:
    gc.collect()
    tracemalloc.start()
    started = time.perf_counter()
    cat = Catalogue(movie_count=1_000_000, tv_count=1_000_000, person_count=1_000_000)
    assert cat.has_movie(999_999)
    assert cat.movie(999_999)["id"] == 999_999
    page = cat.popular_ids("movie")[:20]
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(page) == 20
    assert cat.total("movie") == 1_000_000 + sum(1 for i in cat.real_ids("movie") if i > 1_000_000)
    assert elapsed < 10.0
    assert peak < 60_000_000  # the JSON data, not the million ids


async def test_sandbox_start_and_first_request_are_fast() -> None:
    started = time.perf_counter()
    async with Sandbox() as sb, sb.client() as tmdb:
        up = time.perf_counter() - started
        await tmdb.movies.details(550)
        first = time.perf_counter() - started
    assert up < 2.0
    assert first < 5.0


# --------------------------------------------------------------------------- unknown routes


async def test_an_unknown_route_answers_like_tmdb_but_says_so(
    tmdb: TMDBClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="tmdb_async.testing")
    sb = _sb(tmdb)
    secret = "a" * 32
    auth = {"Authorization": f"Bearer {sb.access_token}"}
    async with aiohttp.ClientSession(headers=auth) as http:
        async with http.get(f"{sb.base_url}/3/guest_session/{secret}/nothing_here") as resp:
            body = await resp.json()
            header = resp.headers.get(UNKNOWN_ROUTE_HEADER)
        assert resp.status == 404
        assert body == {
            "success": False,
            "status_code": 34,
            "status_message": "The resource you requested could not be found.",
        }
        assert header == "GET /3/guest_session/***/nothing_here"
        assert "no route for GET /3/guest_session/***/nothing_here" in caplog.text
        assert secret not in caplog.text
        # A known route with the wrong method: TMDB's 405/42, and the header.
        async with http.delete(f"{sb.base_url}/3/movie/550") as resp:
            assert (resp.status, (await resp.json())["status_code"]) == (405, 42)
            assert resp.headers[UNKNOWN_ROUTE_HEADER] == "DELETE /3/movie/550"
        # An unknown id on a known route: the same wire answer, no header.
        caplog.clear()
        async with http.get(f"{sb.base_url}/3/movie/999999999") as resp:
            assert resp.status == 404
            assert (await resp.json())["status_code"] == 34
            assert UNKNOWN_ROUTE_HEADER not in resp.headers
        assert caplog.records == []


def test_redact_path_hides_token_like_segments() -> None:
    assert redact_path("/3/movie/550") == "/3/movie/550"
    assert redact_path("/3/x/" + "f" * 40) == "/3/x/***"
    assert redact_path("/4/eyJhbGciOi.abc.def/x") == "/4/***/x"
