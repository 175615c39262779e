"""Every recorded answer and every official example of the collection, company,
configuration, credit, keyword, network, review, watch provider, search, discover, find,
trending, genre, certification and changes-list operations fits its model.

Driven by ``tests/reference/fixtures/INDEX.json`` and the vendored OpenAPI document. Each
body is structured by the production converter (fast path first) and by a strict one that
rejects keys a model does not declare (so a field we forgot shows up here); both must
agree. Each recorded body is also served over loopback HTTP to the public call of its
operation (the call the every-operation walk makes), which must return the same model.
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web

from tests.catalogue_helpers import STRICT, both
from tests.conftest import FIXTURES, READ_TOKEN, SHARED
from tests.operations import all_calls, fake_context
from tmdb_async import (
    AlternativeNames,
    Certifications,
    ChangedEntry,
    Collection,
    CollectionImages,
    CollectionSummary,
    CollectionTranslations,
    Company,
    CompanySummary,
    Configuration,
    Country,
    CountryTimezones,
    CreditDetails,
    FindResults,
    GenreList,
    JobDepartment,
    Keyword,
    KeywordMovies,
    Language,
    LogoImages,
    MovieSummary,
    MultiResult,
    NetworkDetails,
    Page,
    PersonSummary,
    ReviewDetails,
    TMDBClient,
    TVSummary,
    WatchProviderList,
    WatchRegions,
)

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


def _pattern(template: str) -> re.Pattern[str]:
    return re.compile(re.sub(r"\\\{[a-z_]+\\\}", "[^/]+", re.escape(template)) + "$")


# Literal paths first, so /3/movie/changes is never taken for a template.
_ROUTES = sorted(
    ((key, key.split(" ", 1)[0], _pattern(key.split(" ", 1)[1])) for key in INTO),
    key=lambda route: route[0].count("{"),
)


def _operation(method: str | None, path: str | None) -> str | None:
    for key, verb, pattern in _ROUTES:
        if verb == method and path is not None and pattern.match(path):
            return key
    return None


def _recorded() -> list[tuple[str, str]]:
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


RECORDED = _recorded()
EXAMPLES = _examples()


def _strip_envelope(body: Any) -> Any:
    if isinstance(body, dict):
        return {k: v for k, v in body.items() if k not in ENVELOPE}
    return body


def test_every_operation_has_a_recorded_answer_or_an_example() -> None:
    covered = {key for key, _ in RECORDED} | {key for key, _, _ in EXAMPLES}
    assert covered == set(INTO)
    # The recordings this file is meant to check are really found.
    files = {file for _, file in RECORDED}
    assert "recorded/tmdblib/credit-details-525719bb760ee3776a1835d3.200.json" in files
    assert "recorded/tmdblib/watch-providers-tv.200.json" in files
    assert len(RECORDED) >= 50


@pytest.mark.parametrize(("key", "file"), RECORDED, ids=[f for _, f in RECORDED])
def test_recorded_answer_fits_its_model(key: str, file: str) -> None:
    body = json.loads((FIXTURES / file).read_text(encoding="utf-8"))
    result = both(_strip_envelope(body), INTO[key])
    _check_complete(result, body)


@pytest.mark.parametrize(
    ("key", "name", "body"), EXAMPLES, ids=[f"{k} {n}" for k, n, _ in EXAMPLES]
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
async def served() -> AsyncIterator[tuple[TMDBClient, _Server]]:
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


CALLS = all_calls()


@pytest.mark.parametrize(("key", "file"), RECORDED, ids=[f for _, f in RECORDED])
async def test_recorded_answer_through_the_sdk_call(
    key: str, file: str, served: tuple[TMDBClient, _Server]
) -> None:
    """The public call of the operation (the one the every-operation walk makes), served
    the recorded body over HTTP, returns what the strict converter builds from it."""
    tmdb, server = served
    server.body = json.loads((FIXTURES / file).read_text(encoding="utf-8"))
    result = await CALLS[key](fake_context(tmdb))
    assert len(server.paths) == 1
    assert result == STRICT.structure(_strip_envelope(server.body), INTO[key])
