"""Movie models against every movie fixture and every official example, strictly.

Each body is structured twice: by the production converter (unknown keys ignored) and by
``make_converter(forbid_extra_keys=True)``, which fails on any key a model does not
declare; both must give the same model. A second check walks the official response schema
of each operation and asserts that every property it names is a field of the model.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import types
import typing
from typing import Any

import attrs
import cattrs
import pytest

from tests.conftest import SHARED, load
from tmdb_async import (
    AccountStates,
    Changes,
    Credits,
    DatedMoviePage,
    DateRange,
    Images,
    Movie,
    MovieAlternativeTitles,
    MovieExternalIds,
    MovieKeywords,
    MovieLists,
    MovieSummary,
    MovieTranslations,
    Page,
    ReleaseDates,
    Reviews,
    Videos,
    WatchProviders,
    make_converter,
)
from tmdb_async._convert import CONVERTER, parse_rated

STRICT = make_converter(forbid_extra_keys=True)
UTC = dt.timezone.utc


@functools.cache
def spec() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (SHARED / "tmdb-api-v3.openapi.json").read_text(encoding="utf-8")
    )
    return data


def response_200(path: str) -> dict[str, Any]:
    content: dict[str, Any] = spec()["paths"][path]["get"]["responses"]["200"]["content"]
    return typing.cast("dict[str, Any]", content["application/json"])


def spec_examples(path: str) -> list[Any]:
    """Every example body of the GET operation at ``path`` (``examples`` or ``example``)."""
    media = response_200(path)
    raw = [v["value"] for v in media.get("examples", {}).values()]
    if "example" in media:
        raw.append(media["example"])
    return [json.loads(v) if isinstance(v, str) else v for v in raw]


def both(body: Any, into: Any) -> Any:
    """Structure with the strict and the production converter; they must agree."""
    strict = STRICT.structure(body, into)
    assert CONVERTER.structure(body, into) == strict
    return strict


# The movie operations tmdb.movies implements, with the model each returns.
OPERATIONS: dict[str, Any] = {
    "/3/movie/{movie_id}": Movie,
    "/3/movie/latest": Movie,
    "/3/movie/popular": Page[MovieSummary],
    "/3/movie/top_rated": Page[MovieSummary],
    "/3/movie/now_playing": DatedMoviePage,
    "/3/movie/upcoming": DatedMoviePage,
    "/3/movie/{movie_id}/account_states": AccountStates,
    "/3/movie/{movie_id}/alternative_titles": MovieAlternativeTitles,
    "/3/movie/{movie_id}/changes": Changes,
    "/3/movie/{movie_id}/credits": Credits,
    "/3/movie/{movie_id}/external_ids": MovieExternalIds,
    "/3/movie/{movie_id}/images": Images,
    "/3/movie/{movie_id}/keywords": MovieKeywords,
    "/3/movie/{movie_id}/lists": MovieLists,
    "/3/movie/{movie_id}/recommendations": Page[MovieSummary],
    "/3/movie/{movie_id}/release_dates": ReleaseDates,
    "/3/movie/{movie_id}/reviews": Reviews,
    "/3/movie/{movie_id}/similar": Page[MovieSummary],
    "/3/movie/{movie_id}/translations": MovieTranslations,
    "/3/movie/{movie_id}/videos": Videos,
    "/3/movie/{movie_id}/watch/providers": WatchProviders,
}

# The spec's example for recommendations is an empty object, a placeholder of TMDB's docs
# host (its schema is empty too): there is no page to structure. It is tested below as the
# validation error it is; the live endpoint answers with the same envelope as /similar.
PLACEHOLDER_EXAMPLES = {"/3/movie/{movie_id}/recommendations"}

# append_to_response name -> the standalone operation whose body it appends.
APPEND_SOURCES = {
    "account_states": "/3/movie/{movie_id}/account_states",
    "alternative_titles": "/3/movie/{movie_id}/alternative_titles",
    "changes": "/3/movie/{movie_id}/changes",
    "credits": "/3/movie/{movie_id}/credits",
    "external_ids": "/3/movie/{movie_id}/external_ids",
    "images": "/3/movie/{movie_id}/images",
    "keywords": "/3/movie/{movie_id}/keywords",
    "lists": "/3/movie/{movie_id}/lists",
    "recommendations": "/3/movie/{movie_id}/similar",  # same envelope; see above
    "release_dates": "/3/movie/{movie_id}/release_dates",
    "reviews": "/3/movie/{movie_id}/reviews",
    "similar": "/3/movie/{movie_id}/similar",
    "translations": "/3/movie/{movie_id}/translations",
    "videos": "/3/movie/{movie_id}/videos",
    "watch/providers": "/3/movie/{movie_id}/watch/providers",
}


# ---------------------------------------------------------------- every spec example


@pytest.mark.parametrize(
    ("path", "into"),
    [(p, m) for p, m in OPERATIONS.items() if p not in PLACEHOLDER_EXAMPLES],
    ids=[p for p in OPERATIONS if p not in PLACEHOLDER_EXAMPLES],
)
def test_every_official_example_structures_strictly(path: str, into: Any) -> None:
    examples = spec_examples(path)
    assert examples, f"no example for {path}"
    for body in examples:
        model = both(body, into)
        if "id" in body:
            assert model.id == body["id"]
        for key in ("results", "cast", "crew", "titles", "translations", "keywords", "changes"):
            if isinstance(body.get(key), list | dict):
                assert len(getattr(model, key)) == len(body[key])


def test_recommendations_placeholder_example_is_not_a_page() -> None:
    assert spec_examples("/3/movie/{movie_id}/recommendations") == [{}]
    with pytest.raises(cattrs.ClassValidationError) as info:
        CONVERTER.structure({}, Page[MovieSummary])
    assert "required field missing @ $.page" in cattrs.transform_error(info.value)


def test_example_values_are_typed() -> None:
    movie = both(spec_examples("/3/movie/{movie_id}")[0], Movie)
    assert movie.release_date == dt.date(1977, 5, 25)
    assert movie.belongs_to_collection is not None
    assert movie.belongs_to_collection.name == "Star Wars Collection"
    assert [g.name for g in movie.genres] == ["Adventure", "Action", "Science Fiction"]
    assert movie.origin_country == ["US"]
    assert movie.credits is None
    assert movie.watch_providers is None

    latest = both(spec_examples("/3/movie/latest")[0], Movie)
    assert latest.release_date is None  # "" on the wire
    assert latest.imdb_id is None
    assert latest.poster_path is None

    videos = both(spec_examples("/3/movie/{movie_id}/videos")[0], Videos)
    assert videos.results[0].published_at == dt.datetime(2016, 3, 5, 2, 3, 14, tzinfo=UTC)
    assert videos.results[0].site == "YouTube"

    reviews = both(spec_examples("/3/movie/{movie_id}/reviews")[0], Reviews)
    first = reviews.results[0]
    assert first.created_at == dt.datetime(2018, 6, 9, 17, 51, 53, 359000, tzinfo=UTC)
    assert first.author_details.rating is None
    assert reviews.results[1].author_details.rating == 9.0

    dates = both(spec_examples("/3/movie/{movie_id}/release_dates")[0], ReleaseDates)
    bg = dates.results[0]
    assert bg.iso_3166_1 == "BG"
    assert bg.release_dates[0].release_date == dt.datetime(2012, 8, 28, tzinfo=UTC)
    assert bg.release_dates[0].type == 3

    changes = both(spec_examples("/3/movie/{movie_id}/changes")[0], Changes)
    item = changes.changes[0].items[0]
    assert changes.changes[0].key == "images"
    assert item.time == dt.datetime(2023, 4, 8, 16, 35, 5, tzinfo=UTC)
    assert item.value == {"poster": {"file_path": "/s9ZrHprviFCx3azfWNBtt1LPSnL.jpg"}}

    playing = both(spec_examples("/3/movie/now_playing")[0], DatedMoviePage)
    assert playing.dates == DateRange(minimum=dt.date(2023, 3, 16), maximum=dt.date(2023, 5, 3))
    assert playing.results[0].release_date == dt.date(2023, 4, 5)

    providers = both(spec_examples("/3/movie/{movie_id}/watch/providers")[0], WatchProviders)
    ae = providers.results["AE"]
    assert ae.flatrate[0].provider_name == "Amazon Prime Video"
    assert ae.link is not None
    assert ae.link.endswith("locale=AE")

    ids = both(spec_examples("/3/movie/{movie_id}/external_ids")[0], MovieExternalIds)
    assert ids == MovieExternalIds(id=550, imdb_id="tt0137523", facebook_id="FightClub")


# ---------------------------------------------------------------- every recorded fixture


def test_fixture_spec_movie_details() -> None:
    movie = both(load("docs/official-v3-spec-examples/movie-details.200.json"), Movie)
    assert (movie.id, movie.title, movie.runtime) == (11, "Star Wars", 121)


def test_fixture_recorded_movie_47964() -> None:
    movie = both(load("recorded/tmdblib/movie-details-47964.200.json"), Movie)
    assert movie.id == 47964
    assert movie.softcore is False
    assert movie.release_date == dt.date(2013, 2, 6)
    assert movie.production_companies[0].logo_path is None  # null on the wire
    assert movie.production_companies[0].origin_country == "HU"


def test_fixture_recorded_movie_19995_with_images() -> None:
    movie = both(load("recorded/tmdblib/movie-details-19995-de-images.200.json"), Movie)
    assert movie.title == "Avatar - Aufbruch nach Pandora"
    assert movie.images is not None
    assert movie.images.id is None  # appended: TMDB leaves the id out
    assert len(movie.images.posters) == 18
    assert movie.images.logos[0].iso_3166_1 == "DE"
    assert movie.credits is None


def test_fixture_adamayoung_movie() -> None:
    movie = both(load("clients/adamayoung-TMDb/movie.json"), Movie)
    assert movie.id == 550
    assert movie.belongs_to_collection is None
    assert movie.homepage is None
    assert movie.poster_path is None
    assert movie.spoken_languages[0].english_name is None  # absent in this fixture


def test_fixture_recorded_popular_page() -> None:
    page = both(load("recorded/tmdblib/movie-popular-page1.200.json"), Page[MovieSummary])
    assert (page.page, page.total_pages, len(page.results)) == (1, 58322, 20)
    first = page.results[0]
    assert isinstance(first, MovieSummary)
    assert first.id == 969681
    assert first.release_date == dt.date(2026, 7, 29)
    assert first.softcore is False


@pytest.mark.parametrize(
    ("relative", "expected"),
    [
        (
            "docs/official-v3-spec-examples/movie-account-states.200.json",
            AccountStates(id=550, favorite=True, rated=9.0, watchlist=False),
        ),
        (
            "clients/adamayoung-TMDb/account-states.json",
            AccountStates(id=550, favorite=True, rated=8.5, watchlist=False),
        ),
        (
            "clients/adamayoung-TMDb/account-states-unrated.json",
            AccountStates(id=550, favorite=False, rated=None, watchlist=True),
        ),
    ],
)
def test_fixture_account_states(relative: str, expected: AccountStates) -> None:
    assert both(load(relative), AccountStates) == expected


# ---------------------------------------------------------------- account_states' rated


@pytest.mark.parametrize(
    ("wire", "expected"),
    [(False, None), (None, None), ({"value": 7}, 7.0), ({"value": 9.5}, 9.5), (6.5, 6.5)],
)
def test_rated_wire_shapes(wire: object, expected: float | None) -> None:
    states = both({"id": 1, "favorite": False, "rated": wire, "watchlist": False}, AccountStates)
    assert states.rated == expected
    assert parse_rated(wire) == expected


@pytest.mark.parametrize("wire", [True, "9", {"value": "9"}, {"rating": 9}, [9]])
def test_rated_rejects_other_shapes(wire: object) -> None:
    for conv in (CONVERTER, STRICT):
        with pytest.raises(cattrs.ClassValidationError) as info:
            conv.structure({"id": 1, "rated": wire}, AccountStates)
        assert any("$.rated" in line for line in cattrs.transform_error(info.value))


# ---------------------------------------------------------------- append_to_response


def appended(name: str) -> Any:
    """The spec example of a sub-resource as TMDB appends it: without the movie id."""
    body = dict(spec_examples(APPEND_SOURCES[name])[0])
    body.pop("id", None)
    return body


def test_movie_with_every_append_structures_strictly() -> None:
    body = dict(spec_examples("/3/movie/{movie_id}")[0])
    for name in APPEND_SOURCES:
        body[name] = appended(name)
    movie = both(body, Movie)
    assert movie.account_states == AccountStates(favorite=True, rated=9.0, watchlist=False)
    assert movie.alternative_titles is not None
    assert movie.alternative_titles.titles[0].title == "Borilački klub"
    assert movie.changes is not None
    assert movie.changes.changes[1].key == "plot_keywords"
    assert movie.credits is not None
    assert movie.credits.cast[0].name == "Edward Norton"
    assert movie.credits.id is None
    assert movie.external_ids is not None
    assert movie.external_ids.imdb_id == "tt0137523"
    assert movie.images is not None
    assert movie.images.backdrops
    assert movie.keywords is not None
    assert movie.keywords.keywords[0].name
    assert movie.lists is not None
    assert movie.lists.results[0].name == "My Movies"
    assert movie.recommendations is not None
    assert movie.recommendations.results
    assert movie.release_dates is not None
    assert movie.release_dates.results
    assert movie.reviews is not None
    assert movie.reviews.results[0].author == "Goddard"
    assert movie.similar is not None
    assert movie.similar.results[0].title == "Orlando"
    assert movie.translations is not None
    assert movie.translations.translations
    assert movie.videos is not None
    assert len(movie.videos.results) == 2
    # the wire key "watch/providers" lands in watch_providers
    assert movie.watch_providers is not None
    assert movie.watch_providers == both(appended("watch/providers"), WatchProviders)
    assert "US" in movie.watch_providers.results


def test_every_movie_append_name_has_a_field() -> None:
    from tmdb_async.resources.movies import MOVIE_APPENDS

    wire_names = {f.metadata.get("wire", f.name) for f in attrs.fields(Movie)}
    assert set(APPEND_SOURCES) == MOVIE_APPENDS
    assert wire_names >= MOVIE_APPENDS


def test_watch_providers_python_name_is_not_a_wire_key() -> None:
    body = {"id": 1, "watch_providers": {"results": {}}}
    assert CONVERTER.structure(body, Movie).watch_providers is None
    with pytest.raises(cattrs.ClassValidationError):
        STRICT.structure(body, Movie)


# ---------------------------------------------------------------- tolerance and strictness


def test_movie_summary_tolerates_missing_keys() -> None:
    assert both({"id": 5}, MovieSummary) == MovieSummary(id=5)
    summary = both({"id": 5, "release_date": "", "backdrop_path": None}, MovieSummary)
    assert summary.release_date is None
    assert summary.backdrop_path is None


def test_unknown_keys_are_ignored_in_production_and_caught_by_strict() -> None:
    body = {"page": 1, "results": [{"id": 5, "brand_new_field": 1}]}
    assert CONVERTER.structure(body, Page[MovieSummary]).results == [MovieSummary(id=5)]
    with pytest.raises(cattrs.ClassValidationError) as info:
        STRICT.structure(body, Page[MovieSummary])
    assert "brand_new_field" in str(cattrs.transform_error(info.value))


def test_models_are_frozen() -> None:
    movie = CONVERTER.structure({"id": 1}, Movie)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        movie.title = "x"  # type: ignore[misc]


# ---------------------------------------------------------------- schema coverage


def _attrs_class(tp: Any) -> Any:
    """The attrs class inside ``X``, ``X | None``, ``list[X]``, ``dict[str, X]``, ``Page[X]``."""
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return _attrs_class(inner[0]) if len(inner) == 1 else None
    if origin in (list, dict):
        return _attrs_class(typing.get_args(tp)[-1])
    if attrs.has(origin or tp):
        return tp
    return None


def _fields(cls: Any) -> dict[str, Any]:
    """Wire name -> resolved type of every field (generic parameters substituted)."""
    origin = typing.get_origin(cls) or cls
    hints = typing.get_type_hints(origin)
    subst: dict[Any, Any] = {}
    # Page[X] itself, or a subclass of Page[X] (DatedMoviePage, Reviews ...)
    for alias in (cls, *getattr(origin, "__orig_bases__", ())):
        base = typing.get_origin(alias)
        if base is not None and base is not typing.Generic:
            subst.update(zip(base.__parameters__, typing.get_args(alias), strict=True))
    out = {}
    for f in attrs.fields(origin):
        hint = hints[f.name]
        if typing.get_origin(hint) is list and typing.get_args(hint)[0] in subst:
            hint = list[subst[typing.get_args(hint)[0]]]  # type: ignore[misc]
        out[f.metadata.get("wire", f.name)] = hint
    return out


def _missing(schema: dict[str, Any], cls: Any, where: str) -> list[str]:
    if schema.get("type") == "array":
        schema = schema.get("items", {})
    props = schema.get("properties", {})
    fields = _fields(cls)
    gaps = []
    for name, sub in props.items():
        if name not in fields:
            gaps.append(f"{where}.{name}")
            continue
        inner = _attrs_class(fields[name])
        if inner is not None and (sub.get("properties") or sub.get("items", {}).get("properties")):
            gaps += _missing(sub, inner, f"{where}.{name}")
    return gaps


# watch/providers' schema lists every country code as a property of ``results``: those are
# keys of a dict, not fields. Its per-country shape is checked on one country.
SCHEMA_CHECKED = [p for p in OPERATIONS if p != "/3/movie/{movie_id}/watch/providers"]


@pytest.mark.parametrize("path", SCHEMA_CHECKED)
def test_every_schema_property_is_a_model_field(path: str) -> None:
    schema = response_200(path)["schema"]
    assert _missing(schema, OPERATIONS[path], "$") == []


def test_watch_provider_schema_is_covered() -> None:
    schema = response_200("/3/movie/{movie_id}/watch/providers")["schema"]
    assert set(schema["properties"]) <= set(_fields(WatchProviders))
    from tmdb_async import WatchProviderOptions

    for country in schema["properties"]["results"]["properties"].values():
        assert _missing(country, WatchProviderOptions, "$.results.XX") == []
