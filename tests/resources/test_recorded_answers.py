"""Every recorded and documented answer of the movie, TV and people operations fits its model.

Driven by ``tests/reference/fixtures/INDEX.json`` (recorded live traffic) and by the
official OpenAPI document's examples. Each body is structured by the production converter
and by a strict one that refuses keys the model does not declare (so a field we forgot
shows up here), then served by a loopback TMDB to the public SDK call of that operation
(``tests/operations``), which must return the same model. Recorded 404s become
:class:`~tmdb_async.ResourceNotFoundError` through the same calls. (A loopback server, not
aioresponses: several recordings are larger than what aioresponses can feed a response.)
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from typing import Any

import pytest

from tests.catalogue_helpers import both
from tests.conftest import FIXTURES, SHARED, load
from tests.loopback_tmdb import Served, serve
from tests.operations import fake_context, v3_movies, v3_people, v3_tv
from tmdb_async import (
    AggregateCredits,
    Changes,
    CombinedCredits,
    ContentRatings,
    Credits,
    DatedMoviePage,
    EpisodeCredits,
    EpisodeGroups,
    EpisodeImages,
    Images,
    Movie,
    MovieAlternativeTitles,
    MovieExternalIds,
    MovieKeywords,
    MovieLists,
    MovieSummary,
    MovieTranslations,
    Page,
    Person,
    PersonExternalIds,
    PersonImages,
    PersonMovieCredits,
    PersonSummary,
    PersonTaggedImages,
    PersonTranslations,
    PersonTVCredits,
    ReleaseDates,
    ResourceNotFoundError,
    Reviews,
    ScreenedTheatrically,
    SeasonImages,
    TMDBClient,
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
from tmdb_async._convert import CONVERTER

SEASON = "/3/tv/{series_id}/season/{season_number}"
EPISODE = SEASON + "/episode/{episode_number}"

#: Every movie, TV and people operation of this area -> the model its answer becomes.
MODELS: dict[str, Any] = {
    "GET /3/movie/{movie_id}": Movie,
    "GET /3/movie/latest": Movie,
    "GET /3/movie/now_playing": DatedMoviePage,
    "GET /3/movie/popular": Page[MovieSummary],
    "GET /3/movie/top_rated": Page[MovieSummary],
    "GET /3/movie/upcoming": DatedMoviePage,
    "GET /3/movie/{movie_id}/alternative_titles": MovieAlternativeTitles,
    "GET /3/movie/{movie_id}/changes": Changes,
    "GET /3/movie/{movie_id}/credits": Credits,
    "GET /3/movie/{movie_id}/external_ids": MovieExternalIds,
    "GET /3/movie/{movie_id}/images": Images,
    "GET /3/movie/{movie_id}/keywords": MovieKeywords,
    "GET /3/movie/{movie_id}/lists": MovieLists,
    "GET /3/movie/{movie_id}/recommendations": Page[MovieSummary],
    "GET /3/movie/{movie_id}/release_dates": ReleaseDates,
    "GET /3/movie/{movie_id}/reviews": Reviews,
    "GET /3/movie/{movie_id}/similar": Page[MovieSummary],
    "GET /3/movie/{movie_id}/translations": MovieTranslations,
    "GET /3/movie/{movie_id}/videos": Videos,
    "GET /3/movie/{movie_id}/watch/providers": WatchProviders,
    "GET /3/person/{person_id}": Person,
    "GET /3/person/latest": Person,
    "GET /3/person/popular": Page[PersonSummary],
    "GET /3/person/{person_id}/changes": Changes,
    "GET /3/person/{person_id}/combined_credits": CombinedCredits,
    "GET /3/person/{person_id}/external_ids": PersonExternalIds,
    "GET /3/person/{person_id}/images": PersonImages,
    "GET /3/person/{person_id}/movie_credits": PersonMovieCredits,
    "GET /3/person/{person_id}/tv_credits": PersonTVCredits,
    "GET /3/person/{person_id}/tagged_images": PersonTaggedImages,
    "GET /3/person/{person_id}/translations": PersonTranslations,
    "GET /3/tv/{series_id}": TVSeries,
    "GET /3/tv/latest": TVSeries,
    "GET /3/tv/airing_today": Page[TVSummary],
    "GET /3/tv/on_the_air": Page[TVSummary],
    "GET /3/tv/popular": Page[TVSummary],
    "GET /3/tv/top_rated": Page[TVSummary],
    "GET /3/tv/{series_id}/aggregate_credits": AggregateCredits,
    "GET /3/tv/{series_id}/alternative_titles": TVAlternativeTitles,
    "GET /3/tv/{series_id}/changes": Changes,
    "GET /3/tv/{series_id}/content_ratings": ContentRatings,
    "GET /3/tv/{series_id}/credits": Credits,
    "GET /3/tv/{series_id}/episode_groups": EpisodeGroups,
    "GET /3/tv/episode_group/{tv_episode_group_id}": TVEpisodeGroup,
    "GET /3/tv/{series_id}/external_ids": TVExternalIds,
    "GET /3/tv/{series_id}/images": Images,
    "GET /3/tv/{series_id}/keywords": TVKeywords,
    "GET /3/tv/{series_id}/lists": TVLists,
    "GET /3/tv/{series_id}/recommendations": Page[TVSummary],
    "GET /3/tv/{series_id}/reviews": Reviews,
    "GET /3/tv/{series_id}/screened_theatrically": ScreenedTheatrically,
    "GET /3/tv/{series_id}/similar": Page[TVSummary],
    "GET /3/tv/{series_id}/translations": TVTranslations,
    "GET /3/tv/{series_id}/videos": Videos,
    "GET /3/tv/{series_id}/watch/providers": WatchProviders,
    f"GET {SEASON}": TVSeason,
    f"GET {SEASON}/aggregate_credits": AggregateCredits,
    f"GET {SEASON}/credits": Credits,
    f"GET {SEASON}/external_ids": TVExternalIds,
    f"GET {SEASON}/images": SeasonImages,
    f"GET {SEASON}/translations": TVTranslations,
    f"GET {SEASON}/videos": Videos,
    f"GET {SEASON}/watch/providers": WatchProviders,
    "GET /3/tv/season/{season_id}/changes": Changes,
    f"GET {EPISODE}": TVEpisode,
    f"GET {EPISODE}/credits": EpisodeCredits,
    f"GET {EPISODE}/external_ids": TVExternalIds,
    f"GET {EPISODE}/images": EpisodeImages,
    f"GET {EPISODE}/translations": TVTranslations,
    f"GET {EPISODE}/videos": Videos,
    "GET /3/tv/episode/{episode_id}/changes": Changes,
}
CALLS = {**v3_movies.CALLS, **v3_people.CALLS, **v3_tv.CALLS}
#: Literal paths another area owns, which the templates above would otherwise match.
OTHER_AREAS = {"/3/movie/changes", "/3/person/changes", "/3/tv/changes"}


def _pattern(template: str) -> re.Pattern[str]:
    return re.compile(re.sub(r"\\\{[a-z_]+\\\}", "[^/]+", re.escape(template)) + "$")


# Literal paths first, so /3/movie/latest never matches /3/movie/{movie_id}.
ROUTES = sorted(
    ((key, _pattern(key.split(" ", 1)[1])) for key in MODELS), key=lambda r: r[0].count("{")
)


def operation_of(path: str) -> str | None:
    """The operation a concrete request path belongs to, or ``None`` when not this area's."""
    if path in OTHER_AREAS:
        return None
    return next((key for key, pattern in ROUTES if pattern.match(path)), None)


_CLIENT_ENDPOINT = re.compile(r"^GET (/3/\S+)$")


def _recorded() -> list[tuple[str, str, int]]:
    """(file, operation, HTTP status) of every INDEX.json response of these operations:
    recorded live, or another client's test fixture of a plain GET (``GET /3/movie/550``)."""
    out = []
    for entry in json.loads((FIXTURES / "INDEX.json").read_text(encoding="utf-8")):
        if entry["kind"] == "recorded-live" and entry["method"] == "GET":
            path, status = entry["path"], entry["http_status"]
        elif entry["kind"].startswith("client-test-fixture") and (
            found := _CLIENT_ENDPOINT.match(entry.get("endpoint", ""))
        ):
            path, status = found.group(1), 200
        else:
            continue
        key = operation_of(path)
        if key is not None:
            out.append((entry["file"], key, status))
    return out


def _spec_examples() -> list[tuple[str, str, Any]]:
    """(label, operation, body) of every documented 200 example of these operations."""
    spec = json.loads((SHARED / "tmdb-api-v3.openapi.json").read_text(encoding="utf-8"))
    out = []
    for key in MODELS:
        path = key.split(" ", 1)[1]
        media = spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
        for name, example in media.get("examples", {}).items():
            body = example["value"]
            body = json.loads(body) if isinstance(body, str) else body
            if body != {}:  # movie recommendations documents {}: nothing to check
                out.append((f"{key} [{name}]", key, body))
    return out


RECORDED = _recorded()
SUCCESSES = [(f, k) for f, k, status in RECORDED if status == 200]
NOT_FOUND = [(f, k) for f, k, status in RECORDED if status == 404]
EXAMPLES = _spec_examples()


def test_the_tables_cover_every_operation_and_recording() -> None:
    assert set(MODELS) == set(CALLS)
    # 93 recorded answers of these operations (6 of them 404s) and 3 client fixtures; all
    # but one operation (movie recommendations, documented as {}) have a documented example.
    assert (len(SUCCESSES), len(NOT_FOUND)) == (90, 6), RECORDED
    assert {f for f, _ in SUCCESSES if f.startswith("clients/")} == {
        "clients/adamayoung-TMDb/movie.json",
        "clients/adamayoung-TMDb/tv-series.json",
        "clients/adamayoung-TMDb/person.json",
    }
    assert len({key for _, key, _ in EXAMPLES}) == len(MODELS) - 1
    # Each recorded multi-append answer is among them.
    files = {f for f, _ in SUCCESSES}
    for name in (
        "person-details-4347-all-appends",
        "tv-season-1396-1-en-images",
        "tv-details-1400-episode-groups",
        "tv-details-1668-videos",
        "movie-details-tt1345836-credits-images-keywords",
    ):
        assert f"recorded/tmdblib/{name}.200.json" in files


@pytest.fixture
async def served() -> AsyncIterator[tuple[TMDBClient, Served]]:
    async with serve() as pair:
        yield pair


async def _through_the_client(served: tuple[TMDBClient, Served], key: str, body: Any) -> Any:
    tmdb, server = served
    server.body = body
    result = await CALLS[key](fake_context(tmdb))
    assert len(server.paths) == 1
    assert operation_of(server.paths[0]) == key
    return result


@pytest.mark.parametrize(("file", "key"), SUCCESSES, ids=[f for f, _ in SUCCESSES])
async def test_recorded_answer(file: str, key: str, served: tuple[TMDBClient, Served]) -> None:
    body = load(file)
    expected = both(body, MODELS[key])
    assert await _through_the_client(served, key, body) == expected


@pytest.mark.parametrize(("label", "key", "body"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
async def test_documented_example(
    label: str, key: str, body: Any, served: tuple[TMDBClient, Served]
) -> None:
    expected = both(body, MODELS[key])
    assert await _through_the_client(served, key, body) == expected


@pytest.mark.parametrize(("file", "key"), NOT_FOUND, ids=[f for f, _ in NOT_FOUND])
async def test_recorded_not_found(file: str, key: str, served: tuple[TMDBClient, Served]) -> None:
    tmdb, server = served
    server.status, server.body = 404, load(file)
    with pytest.raises(ResourceNotFoundError) as info:
        await CALLS[key](fake_context(tmdb))
    assert (info.value.http_status, info.value.tmdb_code) == (404, 34)
    assert info.value.tmdb_message == server.body["status_message"]
    assert operation_of(server.paths[0]) == key


def test_structured_values_are_typed() -> None:
    """A few values of the richest recordings, checked one by one."""
    person = CONVERTER.structure(
        load("recorded/tmdblib/person-details-4347-all-appends.200.json"), Person
    )
    appended = person.appended
    assert appended.movie_credits.cast[0].title == "Ocean's Eleven"
    assert appended.tv_credits.cast[0].episode_count == 1
    # TMDB answers an empty appended page with page 0, and no changes with an empty list.
    assert appended.tagged_images == PersonTaggedImages(page=0)
    assert appended.changes == Changes(changes=[])
    assert appended.external_ids.imdb_id == "nm0000069"
    assert appended.external_ids.tvrage_id == 47349
    season = CONVERTER.structure(
        load("recorded/tmdblib/tv-season-1396-1-en-images.200.json"), TVSeason
    )
    assert season.appended.images.posters
    assert season.episodes[0].crew
    groups = CONVERTER.structure(
        load("recorded/tmdblib/tv-details-1400-episode-groups.200.json"), TVSeries
    )
    assert groups.appended.episode_groups.results[0].id == "5fdcb08b9f51af003d5ae2e8"
    assert groups.appended.episode_groups.results[0].network is None
