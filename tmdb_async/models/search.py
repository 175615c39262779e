"""Search and find models: collection / company results, multi-search items, find results."""

from __future__ import annotations

import attrs

from .media import UnknownMedia
from .movie import MovieSummary
from .person import PersonSummary
from .tv import EpisodeSummary, SeasonSummary, TVSummary

__all__ = ["CollectionSummary", "CompanySummary", "FindResults", "MultiResult"]


@attrs.frozen(kw_only=True)
class CollectionSummary:
    """A collection as listed by ``GET /3/search/collection``."""

    id: int
    name: str = ""
    original_name: str | None = None
    original_language: str | None = None
    overview: str = ""
    adult: bool = False
    poster_path: str | None = None
    backdrop_path: str | None = None


@attrs.frozen(kw_only=True)
class CompanySummary:
    """A company as listed by ``GET /3/search/company``."""

    id: int
    name: str = ""
    logo_path: str | None = None
    origin_country: str | None = None


#: One ``GET /3/search/multi`` (or ``trending/all``) item, chosen by its ``media_type``:
#: ``"movie"``, ``"tv"``, ``"person"``; anything else is kept as :class:`UnknownMedia`.
MultiResult = MovieSummary | TVSummary | PersonSummary | UnknownMedia


@attrs.frozen(kw_only=True)
class FindResults:
    """What ``GET /3/find/{external_id}`` found, per kind (usually one list has one item)."""

    movie_results: list[MovieSummary] = attrs.Factory(list)
    tv_results: list[TVSummary] = attrs.Factory(list)
    person_results: list[PersonSummary] = attrs.Factory(list)
    tv_episode_results: list[EpisodeSummary] = attrs.Factory(list)
    tv_season_results: list[SeasonSummary] = attrs.Factory(list)
