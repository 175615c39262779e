"""``append_to_response`` (issue 11, part 3): the names each resource accepts are Literals
matching TMDB's sub-resources, each appended object is structured into its model, and the
``appended`` views give them with non-Optional types or a TMDBUsageError saying how to
request a missing one."""

from __future__ import annotations

import typing
from collections.abc import Awaitable, Callable
from typing import Any

import attrs
import pytest

from tests.catalogue_helpers import both, spec_examples
from tests.conftest import load
from tests.loopback_tmdb import TMDBServer, serve
from tmdb_async import (
    AggregateCredits,
    Cast,
    Credits,
    EpisodeGroups,
    Movie,
    MovieAppended,
    MovieSummary,
    Page,
    Person,
    PersonAppended,
    PersonMovieCredits,
    TMDBClient,
    TMDBUsageError,
    TVEpisode,
    TVEpisodeAppended,
    TVSeason,
    TVSeasonAppended,
    TVSeries,
    TVSeriesAppended,
    WatchProviders,
)
from tmdb_async.models._appended import AppendedView, appended
from tmdb_async.resources.movies import MovieAppend
from tmdb_async.resources.people import PersonAppend
from tmdb_async.resources.tv import TVAppend
from tmdb_async.resources.tv_episodes import EpisodeAppend
from tmdb_async.resources.tv_seasons import SeasonAppend

R = "recorded/tmdblib/"
SESSION = "5e5510aa5e5510aa5e5510aa5e5510aa5e5510bb"

#: Where a real answer of each appendable sub-resource comes from: a recording of the
#: standalone call (``R...``) or the official example (``spec:<operationId>``).
SOURCES: dict[str, dict[str, str]] = {
    "movie": {
        "account_states": "spec:movie-account-states",
        "alternative_titles": R + "movie-alternative-titles-47964-us.200.json",
        "changes": R + "movie-changes-19995-start-2024-12-24.200.json",
        "credits": R + "movie-credits-47964.200.json",
        "external_ids": R + "movie-external-ids-335984.200.json",
        "images": R + "movie-images-47964.200.json",
        "keywords": R + "movie-keywords-47964.200.json",
        "lists": R + "movie-lists-47964.200.json",
        "recommendations": R + "movie-recommendations-47964.200.json",
        "release_dates": R + "movie-release-dates-47964.200.json",
        "reviews": R + "movie-reviews-47964.200.json",
        "similar": R + "movie-similar-47964.200.json",
        "translations": R + "movie-translations-47964.200.json",
        "videos": R + "movie-videos-47964.200.json",
        "watch/providers": R + "movie-watch-providers-47964.200.json",
    },
    "tv": {
        "aggregate_credits": R + "tv-aggregate-credits-96677.200.json",
        "alternative_titles": R + "tv-alternative-titles-1396.200.json",
        "changes": "recorded/18months-themoviedb-api/tv-series-changes-1399.200.json",
        "content_ratings": R + "tv-content-ratings-1396.200.json",
        "credits": R + "tv-credits-1396.200.json",
        "episode_groups": "spec:tv-series-episode-groups",
        "external_ids": R + "tv-external-ids-1399.200.json",
        "images": R + "tv-images-1396.200.json",
        "keywords": R + "tv-keywords-1396.200.json",
        "lists": R + "tv-lists-1396.200.json",
        "recommendations": R + "tv-recommendations-1396.200.json",
        "reviews": R + "tv-reviews-1396.200.json",
        "screened_theatrically": R + "tv-screened-theatrically-1399.200.json",
        "similar": R + "tv-similar-1396.200.json",
        "translations": R + "tv-translations-1396.200.json",
        "videos": R + "tv-videos-1399.200.json",
        "watch/providers": R + "tv-watch-providers-1396.200.json",
    },
    "season": {
        "aggregate_credits": R + "tv-season-aggregate-credits-1396-1.200.json",
        "credits": R + "tv-season-credits-1396-1.200.json",
        "external_ids": R + "tv-season-external-ids-1396-1.200.json",
        "images": R + "tv-season-images-1396-1.200.json",
        "translations": "spec:tv-season-translations",
        "videos": R + "tv-season-videos-1399-1.200.json",
        "watch/providers": R + "tv-season-watch-providers-1399-1.200.json",
    },
    "episode": {
        "credits": R + "tv-episode-credits-1396-1-1.200.json",
        "external_ids": R + "tv-episode-external-ids-1396-1-1.200.json",
        "images": R + "tv-episode-images-1396-1-1.200.json",
        "translations": "spec:tv-episode-translations",
        "videos": R + "tv-episode-videos-1396-1-1.200.json",
    },
    "person": {
        "changes": "recorded/18months-themoviedb-api/person-changes-1.200.json",
        "combined_credits": R + "person-combined-credits-62.200.json",
        "external_ids": R + "person-external-ids-62.200.json",
        "images": R + "person-images-62.200.json",
        "movie_credits": R + "person-movie-credits-62.200.json",
        "tagged_images": R + "person-tagged-images-62-page1.200.json",
        "translations": "spec:translations",
        "tv_credits": R + "person-tv-credits-62.200.json",
    },
}

Details = Callable[[TMDBClient, list[Any]], Awaitable[Any]]


@attrs.frozen
class Resource:
    """One resource that takes ``append_to_response``."""

    model: type[Any]
    view: type[AppendedView]
    names: Any  # the Literal
    path: str
    details: Details


RESOURCES: dict[str, Resource] = {
    "movie": Resource(
        Movie,
        MovieAppended,
        MovieAppend,
        "/3/movie/550",
        lambda t, names: t.for_user(SESSION).movie_details(550, append_to_response=names),
    ),
    "tv": Resource(
        TVSeries,
        TVSeriesAppended,
        TVAppend,
        "/3/tv/1396",
        lambda t, names: t.tv.details(1396, append_to_response=names),
    ),
    "season": Resource(
        TVSeason,
        TVSeasonAppended,
        SeasonAppend,
        "/3/tv/1396/season/1",
        lambda t, names: t.tv.seasons.details(1396, 1, append_to_response=names),
    ),
    "episode": Resource(
        TVEpisode,
        TVEpisodeAppended,
        EpisodeAppend,
        "/3/tv/1396/season/1/episode/1",
        lambda t, names: t.tv.episodes.details(1396, 1, 1, append_to_response=names),
    ),
    "person": Resource(
        Person,
        PersonAppended,
        PersonAppend,
        "/3/person/4347",
        lambda t, names: t.people.details(4347, append_to_response=names),
    ),
}


def _wire_fields(model: type[Any]) -> dict[str, str]:
    """Wire name -> field name of every field ``append_to_response`` may fill."""
    return {f.metadata.get("wire", f.name): f.name for f in attrs.fields(model)}


def _views(view: type[AppendedView]) -> dict[str, appended[Any]]:
    return {n: v for n, v in vars(view).items() if isinstance(v, appended)}


@pytest.mark.parametrize("kind", sorted(RESOURCES))
def test_literal_view_and_model_agree(kind: str) -> None:
    res = RESOURCES[kind]
    names = set(typing.get_args(res.names))
    views = _views(res.view)
    # One view attribute per accepted name, named like the model field it reads.
    assert {v.wire for v in views.values()} == names
    fields = _wire_fields(res.model)
    for name, view in views.items():
        assert fields[view.wire or name] == name == view.field
    # Every appendable field is optional and defaults to None.
    for name in views:
        field = attrs.fields_dict(res.model)[name]
        assert field.default is None


def _source(ref: str) -> Any:
    body = spec_examples(ref[5:])[0] if ref.startswith("spec:") else load(ref)
    # Appended objects come without the id the standalone call repeats.
    return {k: v for k, v in body.items() if k != "id"}


@pytest.mark.parametrize("kind", sorted(SOURCES))
async def test_every_append_at_once(kind: str) -> None:
    res = RESOURCES[kind]
    names = list(typing.get_args(res.names))
    assert sorted(SOURCES[kind]) == sorted(names)
    body: dict[str, Any] = {"id": 1}
    if kind == "season":
        body["_id"] = "52542282760ee313280017f9"
    body.update({name: _source(SOURCES[kind][name]) for name in names})
    expected = both(body, res.model)
    async with serve() as (tmdb, server):
        server.body = body
        model = await res.details(tmdb, names)
    assert server.paths == [res.path]
    query = {"append_to_response": ",".join(names)}
    if kind == "movie":  # account_states needs the user's session
        query["session_id"] = SESSION
    assert server.queries == [query]
    assert model == expected
    view = model.appended
    hints = typing.get_type_hints(res.model)
    for attr, descriptor in _views(res.view).items():
        value = getattr(view, attr)
        assert value == getattr(model, attr)
        # Each appended object became the model its field names, with every key modelled.
        inner = typing.get_args(hints[attr])[0]
        assert value == both(_source(SOURCES[kind][descriptor.wire or attr]), inner)


@pytest.mark.parametrize("kind", sorted(RESOURCES))
def test_missing_append_names_itself_and_the_call(kind: str) -> None:
    res = RESOURCES[kind]
    bare = res.model(id=1)
    for attr, descriptor in _views(res.view).items():
        with pytest.raises(TMDBUsageError) as info:
            getattr(bare.appended, attr)
        message = str(info.value)
        assert f"'{descriptor.wire}' was not appended to this {res.model.__name__}" in message
        assert f"append_to_response=['{descriptor.wire}'" in message
        assert res.view._call in message


@pytest.mark.parametrize("kind", sorted(RESOURCES))
async def test_more_than_20_names_refused_before_io(
    kind: str, tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    names = list(typing.get_args(RESOURCES[kind].names))
    too_many = (names * 21)[:21]
    with pytest.raises(TMDBUsageError, match="at most 20 names"):
        await RESOURCES[kind].details(tmdb_local, too_many)
    with pytest.raises(TMDBUsageError, match="unknown append_to_response"):
        await RESOURCES[kind].details(tmdb_local, ["season/1"])
    assert tmdb_server.calls() == []


def test_views_type_check_without_none() -> None:
    """Annotated assignments: mypy --strict would reject them if the views were Optional."""
    movie = Movie(id=1, credits=Credits(cast=[Cast(id=2, name="A")]))
    cast: list[Cast] = movie.appended.credits.cast
    assert cast == [Cast(id=2, name="A")]
    similar = Movie(id=1, similar=Page(page=1, results=[MovieSummary(id=3, title="B")]))
    titles: list[str] = [m.title for m in similar.appended.similar.results]
    assert titles == ["B"]
    show = TVSeries(id=1, aggregate_credits=AggregateCredits(), episode_groups=EpisodeGroups())
    groups: EpisodeGroups = show.appended.episode_groups
    assert groups == EpisodeGroups()
    season = TVSeason(id=1, watch_providers=WatchProviders())
    providers: WatchProviders = season.appended.watch_providers
    assert providers.results == {}
    person = Person(id=1, movie_credits=PersonMovieCredits())
    credits: PersonMovieCredits = person.appended.movie_credits
    assert credits.cast == []
    assert repr(person.appended) == "<PersonAppended of Person: ['movie_credits']>"
    with pytest.raises(TMDBUsageError, match="'tv_credits' was not appended"):
        _ = person.appended.tv_credits
    # The view reads the model; it is not a copy.
    assert TVEpisode(id=3).appended.__class__ is TVEpisodeAppended


def test_the_literals_are_exported() -> None:
    import tmdb_async

    exported = {
        "movie": tmdb_async.MovieAppend,
        "tv": tmdb_async.TVAppend,
        "season": tmdb_async.SeasonAppend,
        "episode": tmdb_async.EpisodeAppend,
        "person": tmdb_async.PersonAppend,
    }
    for kind, literal in exported.items():
        assert literal is RESOURCES[kind].names
        assert typing.get_origin(literal) is typing.Literal
