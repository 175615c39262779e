"""Every recorded and every documented answer of the catalogue operations fits its model.

Movie, TV and people operations: driven by ``tests/reference/fixtures/INDEX.json``
(recorded live traffic) and by the official OpenAPI document's examples. Each body is
structured by the production converter and by a strict one that refuses keys the model does
not declare (so a field we forgot shows up here), then served by a loopback TMDB to the
public SDK call of that operation (``tests/operations``), which must return the same model.
Recorded 404s become :class:`~tmdb_async.ResourceNotFoundError` through the same calls. (A
loopback server, not aioresponses: several recordings are larger than what aioresponses can
feed a response.)

The other areas (collection, company, configuration, credit, keyword, network, review,
watch provider, search, discover, find, trending, genre, certification and changes-list
operations; the ``AREA_`` tables): each body is structured by the production converter
(fast path first) and by a strict one; both must agree. Each recorded body is also served
over loopback HTTP to the public call of its operation (the call the every-operation walk
makes), which must return the same model.
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web

from tests.catalogue_helpers import STRICT, both
from tests.conftest import FIXTURES, READ_TOKEN, SHARED, load
from tests.loopback_tmdb import Served, serve
from tests.operations import all_calls, fake_context, v3_movies, v3_people, v3_tv
from tmdb_async import (
    AggregateCredits,
    AlternativeNames,
    Certifications,
    ChangedEntry,
    Changes,
    Collection,
    CollectionImages,
    CollectionSummary,
    CollectionTranslations,
    CombinedCredits,
    Company,
    CompanySummary,
    Configuration,
    ContentRatings,
    Country,
    CountryTimezones,
    CreditDetails,
    Credits,
    DatedMoviePage,
    EpisodeCredits,
    EpisodeGroups,
    EpisodeImages,
    FindResults,
    GenreList,
    Images,
    JobDepartment,
    Keyword,
    KeywordMovies,
    Language,
    LogoImages,
    Movie,
    MovieAlternativeTitles,
    MovieExternalIds,
    MovieKeywords,
    MovieLists,
    MovieSummary,
    MovieTranslations,
    MultiResult,
    NetworkDetails,
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
    ReviewDetails,
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
    WatchProviderList,
    WatchProviders,
    WatchRegions,
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


#: Operation (the official document's method and path) -> the type its answer becomes.
INTO: dict[str, Any] = {
    "GET /3/collection/{collection_id}": Collection,
    "GET /3/collection/{collection_id}/images": CollectionImages,
    "GET /3/collection/{collection_id}/translations": CollectionTranslations,
    "GET /3/company/{company_id}": Company,
    "GET /3/company/{company_id}/alternative_names": AlternativeNames,
    "GET /3/company/{company_id}/images": LogoImages,
    "GET /3/configuration": Configuration,
    "GET /3/configuration/countries": tuple[Country, ...],
    "GET /3/configuration/jobs": tuple[JobDepartment, ...],
    "GET /3/configuration/languages": tuple[Language, ...],
    "GET /3/configuration/primary_translations": tuple[str, ...],
    "GET /3/configuration/timezones": tuple[CountryTimezones, ...],
    "GET /3/credit/{credit_id}": CreditDetails,
    "GET /3/keyword/{keyword_id}": Keyword,
    "GET /3/keyword/{keyword_id}/movies": KeywordMovies,
    "GET /3/network/{network_id}": NetworkDetails,
    "GET /3/network/{network_id}/alternative_names": AlternativeNames,
    "GET /3/network/{network_id}/images": LogoImages,
    "GET /3/review/{review_id}": ReviewDetails,
    "GET /3/watch/providers/regions": WatchRegions,
    "GET /3/watch/providers/movie": WatchProviderList,
    "GET /3/watch/providers/tv": WatchProviderList,
    "GET /3/search/movie": Page[MovieSummary],
    "GET /3/search/tv": Page[TVSummary],
    "GET /3/search/person": Page[PersonSummary],
    "GET /3/search/multi": Page[MultiResult],
    "GET /3/search/collection": Page[CollectionSummary],
    "GET /3/search/company": Page[CompanySummary],
    "GET /3/search/keyword": Page[Keyword],
    "GET /3/discover/movie": Page[MovieSummary],
    "GET /3/discover/tv": Page[TVSummary],
    "GET /3/find/{external_id}": FindResults,
    "GET /3/trending/all/{time_window}": Page[MultiResult],
    "GET /3/trending/movie/{time_window}": Page[MovieSummary],
    "GET /3/trending/tv/{time_window}": Page[TVSummary],
    "GET /3/trending/person/{time_window}": Page[PersonSummary],
    "GET /3/genre/movie/list": GenreList,
    "GET /3/genre/tv/list": GenreList,
    "GET /3/certification/movie/list": Certifications,
    "GET /3/certification/tv/list": Certifications,
    "GET /3/movie/changes": Page[ChangedEntry],
    "GET /3/tv/changes": Page[ChangedEntry],
    "GET /3/person/changes": Page[ChangedEntry],
}

SPEC = json.loads((SHARED / "tmdb-api-v3.openapi.json").read_text(encoding="utf-8"))
INDEX: list[dict[str, Any]] = json.loads((FIXTURES / "INDEX.json").read_text(encoding="utf-8"))
# Keys of TMDB's status envelope that ride along on success bodies; the models drop them.
ENVELOPE = frozenset({"success"})


def _area_pattern(template: str) -> re.Pattern[str]:
    return re.compile(re.sub(r"\\\{[a-z_]+\\\}", "[^/]+", re.escape(template)) + "$")


# Literal paths first, so /3/movie/changes is never taken for a template.
_ROUTES = sorted(
    ((key, key.split(" ", 1)[0], _area_pattern(key.split(" ", 1)[1])) for key in INTO),
    key=lambda route: route[0].count("{"),
)


def _operation(method: str | None, path: str | None) -> str | None:
    for key, verb, pattern in _ROUTES:
        if verb == method and path is not None and pattern.match(path):
            return key
    return None


def _area_recorded() -> list[tuple[str, str]]:
    """(operation, fixture file) for every successful recorded answer of these operations.

    Answers to a call with ``append_to_response`` carry the appended objects, which the
    standalone models do not declare: they are left out (``company-details-25-movies-
    alternative-names-images`` is the only one).
    """
    out = []
    for entry in INDEX:
        if entry.get("http_status") != 200 or "append_to_response" in (entry.get("query") or {}):
            continue
        key = _operation(entry.get("method"), entry.get("path"))
        if key is not None:
            out.append((key, entry["file"]))
    return sorted(out)


def _examples() -> list[tuple[str, str, Any]]:
    """(operation, example name, body) for every 200 example of the official document."""
    out = []
    for key in sorted(INTO):
        method, path = key.split(" ", 1)
        media = SPEC["paths"][path][method.lower()]["responses"]["200"]["content"]
        for name, example in media["application/json"].get("examples", {}).items():
            value = example["value"]
            out.append((key, name, json.loads(value) if isinstance(value, str) else value))
    return out


AREA_RECORDED = _area_recorded()
AREA_EXAMPLES = _examples()


def _strip_envelope(body: Any) -> Any:
    if isinstance(body, dict):
        return {k: v for k, v in body.items() if k not in ENVELOPE}
    return body


def test_every_operation_has_a_recorded_answer_or_an_example() -> None:
    covered = {key for key, _ in AREA_RECORDED} | {key for key, _, _ in AREA_EXAMPLES}
    assert covered == set(INTO)
    # The recordings this file is meant to check are really found.
    files = {file for _, file in AREA_RECORDED}
    assert "recorded/tmdblib/credit-details-525719bb760ee3776a1835d3.200.json" in files
    assert "recorded/tmdblib/watch-providers-tv.200.json" in files
    assert len(AREA_RECORDED) >= 50


@pytest.mark.parametrize(("key", "file"), AREA_RECORDED, ids=[f for _, f in AREA_RECORDED])
def test_recorded_answer_fits_its_model(key: str, file: str) -> None:
    body = json.loads((FIXTURES / file).read_text(encoding="utf-8"))
    result = both(_strip_envelope(body), INTO[key])
    _check_complete(result, body)


@pytest.mark.parametrize(
    ("key", "name", "body"), AREA_EXAMPLES, ids=[f"{k} {n}" for k, n, _ in AREA_EXAMPLES]
)
def test_official_example_fits_its_model(key: str, name: str, body: Any) -> None:
    result = both(_strip_envelope(body), INTO[key])
    _check_complete(result, body)


def _check_complete(result: Any, body: Any) -> None:
    """Lists keep every item, in order (nothing is dropped on the way)."""
    if isinstance(body, list):
        assert isinstance(result, tuple)
        assert len(result) == len(body)
    elif "results" in body:
        assert len(result.results) == len(body["results"])
        ids = [item.get("id") for item in body["results"] if isinstance(item, dict)]
        if ids and all(isinstance(i, int) for i in ids):
            assert [item.id for item in result.results] == ids


class _Server:
    """A loopback TMDB that answers every request with ``body`` and records the paths."""

    def __init__(self) -> None:
        self.body: Any = None
        self.paths: list[str] = []

    async def handle(self, request: web.Request) -> web.Response:
        self.paths.append(f"{request.method} {request.path}")
        return web.json_response(self.body)


@pytest.fixture
async def area_served() -> AsyncIterator[tuple[TMDBClient, _Server]]:
    server = _Server()
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", server.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        async with TMDBClient(
            access_token=READ_TOKEN,
            base_url=f"http://127.0.0.1:{port}",
            retry=None,
            rate_limit=None,
        ) as tmdb:
            yield tmdb, server
    finally:
        await runner.cleanup()


AREA_CALLS = all_calls()


@pytest.mark.parametrize(("key", "file"), AREA_RECORDED, ids=[f for _, f in AREA_RECORDED])
async def test_recorded_answer_through_the_sdk_call(
    key: str, file: str, area_served: tuple[TMDBClient, _Server]
) -> None:
    """The public call of the operation (the one the every-operation walk makes), served
    the recorded body over HTTP, returns what the strict converter builds from it."""
    tmdb, server = area_served
    server.body = json.loads((FIXTURES / file).read_text(encoding="utf-8"))
    result = await AREA_CALLS[key](fake_context(tmdb))
    assert len(server.paths) == 1
    assert result == STRICT.structure(_strip_envelope(server.body), INTO[key])
