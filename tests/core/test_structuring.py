"""The generated fast structure functions give exactly what cattrs' detailed ones give.

The fast function of a model may refuse an input (the converter then runs cattrs'
function, which reports the error), but whenever it returns a model, that model must be
equal, value for value and type for type, to cattrs' result. Checked on the official
examples, on recorded TMDB answers, on sandbox documents, and on thousands of mutations
of them (a value replaced by another JSON type, or a key removed).
"""

from __future__ import annotations

import datetime as dt
import json
import random
from typing import Any

import attrs
import cattrs
import pytest

from tmdb_async import models
from tmdb_async._convert import CONVERTER, fast_structurer, make_converter
from tmdb_async.models import (
    AggregateCredits,
    ContentRatings,
    EpisodeCredits,
    FindResults,
    Movie,
    MovieSummary,
    Page,
    Person,
    PersonTaggedImages,
    PersonTVCredits,
    TVEpisode,
    TVEpisodeGroup,
    TVSeason,
    TVSeries,
    TVSummary,
    TVTranslations,
)
from tmdb_async.models.search import MultiResult
from tmdb_async.testing import Catalogue

from ..catalogue_helpers import spec_examples
from ..conftest import load

DETAILED = make_converter(fast=False)
FAST = fast_structurer(make_converter(fast=False))


def typed(value: Any) -> Any:
    """A comparable picture of ``value`` that includes the type of every leaf."""
    if attrs.has(type(value)):
        return (
            type(value),
            tuple(typed(getattr(value, f.name)) for f in attrs.fields(type(value))),
        )
    if isinstance(value, list):
        return ("list", [typed(v) for v in value])
    if isinstance(value, dict):
        return ("dict", {k: typed(v) for k, v in value.items()})
    return (type(value), value)


def _first(body: dict[str, Any], key: str, count: int = 5) -> dict[str, Any]:
    """``body`` with only the first ``count`` items of its list ``key`` (keeps it quick)."""
    return dict(body, **{key: body[key][:count]})


def area_documents() -> list[tuple[Any, Any]]:
    """Recorded answers of the collection, company, configuration, credit, keyword,
    network, review, watch provider, genre, certification and changes-list calls."""
    rec = "recorded/tmdblib"
    return [
        (load(f"{rec}/collection-details-264.200.json"), models.Collection),
        (_first(load(f"{rec}/collection-images-264.200.json"), "posters"), models.CollectionImages),
        (
            _first(spec_examples("collection-translations")[0], "translations"),
            models.CollectionTranslations,
        ),
        (load(f"{rec}/company-details-25.200.json"), models.Company),
        (load(f"{rec}/company-alternative-names-25.200.json"), models.AlternativeNames),
        (load(f"{rec}/company-images-25.200.json"), models.LogoImages),
        (load(f"{rec}/network-details-213.200.json"), models.NetworkDetails),
        (load(f"{rec}/network-images-213.200.json"), models.LogoImages),
        (load(f"{rec}/credit-details-525719bb760ee3776a1835d3.200.json"), models.CreditDetails),
        (load(f"{rec}/credit-details-5256ccf519c2956ff607ca00.200.json"), models.CreditDetails),
        (load(f"{rec}/keyword-details-33705.200.json"), models.Keyword),
        (_first(load(f"{rec}/keyword-movies-33705.200.json"), "results"), models.KeywordMovies),
        (load(f"{rec}/review-details-5010553819c2952d1b000451.200.json"), models.ReviewDetails),
        (_first(load(f"{rec}/watch-providers-regions.200.json"), "results"), models.WatchRegions),
        (
            _first(load(f"{rec}/watch-providers-movie.200.json"), "results", 3),
            models.WatchProviderList,
        ),
        (load(f"{rec}/configuration-countries.200.json")[0], models.Country),
        (load(f"{rec}/configuration-jobs.200.json")[0], models.JobDepartment),
        (load(f"{rec}/configuration-languages.200.json")[1], models.Language),
        (load(f"{rec}/configuration-timezones.200.json")[8], models.CountryTimezones),
        (load(f"{rec}/genre-movie-list.200.json"), models.GenreList),
        (_first(load(f"{rec}/movie-changes-page1.200.json"), "results"), Page[models.ChangedEntry]),
    ]


def _trim(value: Any) -> Any:
    """``value`` with every list cut to its first 3 items (all the mutations look at), so
    the long credit lists of real answers do not make each mutation slow."""
    if isinstance(value, dict):
        return {k: _trim(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_trim(v) for v in value[:3]]
    return value


def base_documents() -> list[tuple[Any, Any]]:
    cat = Catalogue(movie_count=50, tv_count=20, person_count=20)
    docs: list[tuple[Any, Any]] = [
        (load("recorded/tmdblib/movie-details-47964.200.json"), Movie),
        (load("recorded/tmdblib/movie-details-19995-de-images.200.json"), Movie),
        (load("docs/official-v3-spec-examples/movie-details.200.json"), Movie),
        (load("recorded/tmdblib/movie-popular-page1.200.json"), Page[MovieSummary]),
        (load("recorded/tmdblib/search-movie-007-page1.200.json"), Page[MovieSummary]),
    ]
    # The movie, TV and people sub-resources and appends of issue 11.
    rec = "recorded/tmdblib/"
    docs += [
        (_trim(load(rec + "person-details-4347-all-appends.200.json")), Person),
        (_trim(load(rec + "tv-details-1400-episode-groups.200.json")), TVSeries),
        (_trim(load(rec + "tv-season-1396-1-en-images.200.json")), TVSeason),
        (_trim(load(rec + "tv-episode-1396-1-1.200.json")), TVEpisode),
        (_trim(load(rec + "tv-season-aggregate-credits-1396-1.200.json")), AggregateCredits),
        (_trim(load(rec + "tv-episode-credits-1396-1-1.200.json")), EpisodeCredits),
        (_trim(load(rec + "tv-episode-group-5acf93e60e0a26346d0000ce.200.json")), TVEpisodeGroup),
        (_trim(load(rec + "person-tv-credits-62.200.json")), PersonTVCredits),
        (_trim(load(rec + "tv-content-ratings-1396.200.json")), ContentRatings),
        (_trim(spec_examples("person-tagged-images")[0]), PersonTaggedImages),
        (_trim(spec_examples("tv-episode-translations")[0]), TVTranslations),
    ]
    docs += [(json.loads(json.dumps(cat.movie(i))), Movie) for i in (1, 2, 3, 17)]
    docs += [(json.loads(json.dumps(cat.tv(i))), TVSeries) for i in (1, 2)]
    docs += [(json.loads(json.dumps(cat.person(i))), Person) for i in (1, 2)]
    docs += area_documents()
    return docs


BASE = base_documents()


def test_fast_functions_exist_for_the_hot_models() -> None:
    for cls in (Movie, TVSeries, Person, Page[MovieSummary], Page[TVSummary], FindResults):
        assert FAST.function(cls) is not None, cls


def test_every_movie_tv_and_people_model_has_a_fast_function() -> None:
    from tmdb_async.models import movie, person, tv, tv_episode_group

    classes = [
        value
        for module in (movie, person, tv, tv_episode_group)
        for name in module.__all__
        if attrs.has(value := getattr(module, name))
    ]
    assert len(classes) > 80
    for cls in classes:
        assert FAST.function(cls) is not None, cls


@pytest.mark.parametrize(("index"), range(len(BASE)))
def test_fast_equals_detailed_on_real_and_sandbox_documents(index: int) -> None:
    body, into = BASE[index]
    fast = FAST.function(into)
    assert fast is not None
    assert typed(fast(body)) == typed(DETAILED.structure(body, into))
    # And the client's converter (fast path first) gives the same again.
    assert typed(CONVERTER.structure(body, into)) == typed(DETAILED.structure(body, into))


REPLACEMENTS: list[Any] = [
    None, "", "7", "x", 7, 0, -1, 7.5, 7.0, True, False, [], {}, [1], ["a"], [{}],
    {"id": 1}, {"value": 8.5}, "2020-01-02", "2020-01-02T03:04:05.000Z", 2**70,
]  # fmt: skip


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value[:3]):
            out += _paths(v, (*prefix, i))
    return out


def _mutate(body: Any, path: tuple[Any, ...], replacement: Any, delete: bool) -> Any:
    copy = json.loads(json.dumps(body))
    target = copy
    for step in path[:-1]:
        target = target[step]
    if delete and isinstance(target, dict):
        del target[path[-1]]
    else:
        target[path[-1]] = replacement
    return copy


def test_fast_never_disagrees_with_detailed_on_mutations() -> None:
    rng = random.Random(20261125)
    agreed = refused = 0
    for body, into in BASE:
        fast = FAST.function(into)
        assert fast is not None
        paths = _paths(body)
        for _ in range(300):
            path = rng.choice(paths)
            mutated = _mutate(body, path, rng.choice(REPLACEMENTS), delete=rng.random() < 0.15)
            try:
                expected = typed(DETAILED.structure(mutated, into))
            except (cattrs.BaseValidationError, TypeError, ValueError, KeyError):
                expected = None
            try:
                got = fast(mutated)
            except Exception:
                refused += 1  # the converter falls back to the detailed function
                continue
            assert expected is not None, f"fast accepted what cattrs refuses at {path}"
            assert typed(got) == expected, path
            agreed += 1
    # Both branches really ran: most mutations are accepted, many are refused.
    assert agreed > 1000, (agreed, refused)
    assert refused > 300, (agreed, refused)


def test_client_converter_reports_the_detailed_error_after_the_fast_path_refuses() -> None:
    body = load("recorded/tmdblib/movie-details-47964.200.json")
    body = dict(body, genres=[{"id": "not a number", "name": "Drama"}])
    fast = FAST.function(Movie)
    assert fast is not None
    with pytest.raises(ValueError):
        fast(body)
    with pytest.raises(cattrs.ClassValidationError) as info:
        CONVERTER.structure(body, Movie)
    assert cattrs.transform_error(info.value) == [
        "invalid value for type, expected int @ $.genres[0].id"
    ]


def test_non_dict_input_is_refused_by_both() -> None:
    fast = FAST.function(Movie)
    assert fast is not None
    with pytest.raises(TypeError):
        fast([1, 2])
    with pytest.raises(TypeError, match="expected a JSON object for Movie"):
        CONVERTER.structure([1, 2], Movie)


def test_defaults_are_fresh_and_dates_parsed() -> None:
    fast = FAST.function(Movie)
    assert fast is not None
    a, b = fast({"id": 1}), fast({"id": 2, "release_date": "1999-10-15"})
    assert a.genres == []
    assert a.genres is not b.genres  # a new list each time
    assert a.release_date is None
    assert b.release_date == dt.date(1999, 10, 15)
    assert a == DETAILED.structure({"id": 1}, Movie)


def test_renamed_and_hooked_fields_go_through_their_hooks() -> None:
    body = {"id": 5, "watch/providers": {"results": {"US": {"link": "l"}}}}
    fast = FAST.function(Movie)
    assert fast is not None
    movie = fast(body)
    assert movie.watch_providers is not None
    assert typed(movie) == typed(DETAILED.structure(body, Movie))
    states = {"id": 5, "favorite": True, "rated": {"value": 7}, "watchlist": False}
    states_fast = FAST.function(models.AccountStates)
    assert states_fast is not None
    assert states_fast(states).rated == 7.0
    assert typed(states_fast(states)) == typed(DETAILED.structure(states, models.AccountStates))


def test_media_union_items_are_delegated_to_the_union_hook() -> None:
    body = load("recorded/tmdblib/search-movie-007-page1.200.json")
    items = [dict(r, media_type="movie") for r in body["results"][:2]]
    items.append({"media_type": "podcast", "id": 9})
    page = {"page": 1, "results": items, "total_pages": 1, "total_results": 3}
    fast = FAST.function(Page[MultiResult])
    assert fast is not None
    result = fast(page)
    assert [type(r).__name__ for r in result.results] == [
        "MovieSummary",
        "MovieSummary",
        "UnknownMedia",
    ]
    assert typed(result) == typed(DETAILED.structure(page, Page[MultiResult]))
