"""TV models: series (``GET /3/tv/{series_id}``), seasons, episodes and TV list items.

Typed from the schemas of TMDB's official v3 OpenAPI document (``tv-series-details``,
``tv-season-details``, ``tv-episode-details`` ...) and checked against recorded live
responses. Credits reuse :class:`~tmdb_async.Credits` (cast and crew have the same shape as
a movie's); image lists reuse :class:`~tmdb_async.Image`.
"""

from __future__ import annotations

import datetime as dt

import attrs

from .common import Genre, Page
from .movie import (
    Cast,
    Credits,
    Crew,
    Image,
    Images,
    Keyword,
    ProductionCompany,
    ProductionCountry,
    SpokenLanguage,
)

__all__ = [
    "EpisodeImages",
    "EpisodeSummary",
    "Network",
    "SeasonImages",
    "SeasonSummary",
    "TVCreator",
    "TVEpisode",
    "TVExternalIds",
    "TVKeywords",
    "TVSeason",
    "TVSeries",
    "TVSummary",
]


@attrs.frozen(kw_only=True)
class TVSummary:
    """A TV series as listed in pages (popular, search, discover, recommendations ...).

    ``media_type`` is ``"tv"`` where TMDB mixes media types (trending, multi search) and
    ``None`` elsewhere.
    """

    id: int
    name: str = ""
    original_name: str = ""
    original_language: str | None = None
    overview: str = ""
    first_air_date: dt.date | None = None
    origin_country: list[str] = attrs.Factory(list)
    genre_ids: list[int] = attrs.Factory(list)
    popularity: float = 0.0
    poster_path: str | None = None
    backdrop_path: str | None = None
    vote_average: float = 0.0
    vote_count: int = 0
    adult: bool = False
    softcore: bool | None = None
    media_type: str | None = None


@attrs.frozen(kw_only=True)
class TVCreator:
    """A series creator (``created_by``)."""

    id: int
    name: str = ""
    original_name: str | None = None
    credit_id: str | None = None
    gender: int | None = None
    profile_path: str | None = None


@attrs.frozen(kw_only=True)
class Network:
    """A TV network (``networks``)."""

    id: int
    name: str = ""
    logo_path: str | None = None
    origin_country: str | None = None


@attrs.frozen(kw_only=True)
class EpisodeSummary:
    """An episode as referenced from a series (``last_episode_to_air`` ...) or found."""

    id: int
    name: str = ""
    overview: str = ""
    air_date: dt.date | None = None
    episode_number: int = 0
    episode_type: str | None = None
    season_number: int = 0
    show_id: int | None = None
    production_code: str | None = None
    runtime: int | None = None
    still_path: str | None = None
    vote_average: float = 0.0
    vote_count: int = 0
    media_type: str | None = None


@attrs.frozen(kw_only=True)
class SeasonSummary:
    """A season as listed on a series (``seasons``) or found by external id."""

    id: int
    name: str = ""
    overview: str = ""
    air_date: dt.date | None = None
    episode_count: int = 0
    season_number: int = 0
    show_id: int | None = None
    poster_path: str | None = None
    vote_average: float = 0.0
    media_type: str | None = None


@attrs.frozen(kw_only=True)
class TVExternalIds:
    """Ids of a series, season or episode on other sites (``/external_ids``).

    ``id`` is absent when appended to a details response.
    """

    id: int | None = None
    imdb_id: str | None = None
    freebase_mid: str | None = None
    freebase_id: str | None = None
    tvdb_id: int | None = None
    tvrage_id: int | None = None
    wikidata_id: str | None = None
    facebook_id: str | None = None
    instagram_id: str | None = None
    twitter_id: str | None = None


@attrs.frozen(kw_only=True)
class TVKeywords:
    """A series' keywords (``/keywords``; TV names the list ``results``)."""

    id: int | None = None
    results: list[Keyword] = attrs.Factory(list)


@attrs.frozen(kw_only=True)
class SeasonImages:
    """A season's posters (``append_to_response=images`` on a season)."""

    id: int | None = None
    posters: list[Image] = attrs.Factory(list)


@attrs.frozen(kw_only=True)
class EpisodeImages:
    """An episode's stills (``append_to_response=images`` on an episode)."""

    id: int | None = None
    stills: list[Image] = attrs.Factory(list)


@attrs.frozen(kw_only=True)
class TVEpisode(EpisodeSummary):
    """An episode's details (``GET /3/tv/{id}/season/{s}/episode/{e}``), also a season's episode.

    ``credits``, ``external_ids`` and ``images`` are filled when named in
    ``append_to_response`` and ``None`` otherwise.
    """

    crew: list[Crew] = attrs.Factory(list)
    guest_stars: list[Cast] = attrs.Factory(list)
    # append_to_response
    credits: Credits | None = None
    external_ids: TVExternalIds | None = None
    images: EpisodeImages | None = None


@attrs.frozen(kw_only=True)
class TVSeason:
    """A season's details (``GET /3/tv/{series_id}/season/{season_number}``).

    ``object_id`` is TMDB's internal ``_id`` string. ``credits``, ``external_ids`` and
    ``images`` are filled when named in ``append_to_response``.
    """

    id: int
    object_id: str | None = attrs.field(default=None, metadata={"wire": "_id"})
    name: str = ""
    overview: str = ""
    air_date: dt.date | None = None
    season_number: int = 0
    poster_path: str | None = None
    vote_average: float = 0.0
    episodes: list[TVEpisode] = attrs.Factory(list)
    networks: list[Network] = attrs.Factory(list)
    # append_to_response
    credits: Credits | None = None
    external_ids: TVExternalIds | None = None
    images: SeasonImages | None = None


@attrs.frozen(kw_only=True)
class TVSeries:
    """A TV series' details (``GET /3/tv/{series_id}``).

    Every field of TMDB's official response. ``credits``, ``external_ids``, ``images``,
    ``keywords``, ``recommendations`` and ``similar`` are filled when named in
    ``append_to_response`` and ``None`` otherwise.
    """

    id: int
    name: str = ""
    original_name: str = ""
    original_language: str | None = None
    overview: str = ""
    tagline: str | None = None
    status: str | None = None
    type: str | None = None
    adult: bool = False
    softcore: bool | None = None
    in_production: bool = False
    backdrop_path: str | None = None
    poster_path: str | None = None
    homepage: str | None = None
    first_air_date: dt.date | None = None
    last_air_date: dt.date | None = None
    episode_run_time: list[int] = attrs.Factory(list)
    languages: list[str] = attrs.Factory(list)
    origin_country: list[str] = attrs.Factory(list)
    genres: list[Genre] = attrs.Factory(list)
    created_by: list[TVCreator] = attrs.Factory(list)
    networks: list[Network] = attrs.Factory(list)
    production_companies: list[ProductionCompany] = attrs.Factory(list)
    production_countries: list[ProductionCountry] = attrs.Factory(list)
    spoken_languages: list[SpokenLanguage] = attrs.Factory(list)
    seasons: list[SeasonSummary] = attrs.Factory(list)
    last_episode_to_air: EpisodeSummary | None = None
    next_episode_to_air: EpisodeSummary | None = None
    number_of_episodes: int = 0
    number_of_seasons: int = 0
    popularity: float = 0.0
    vote_average: float = 0.0
    vote_count: int = 0
    # append_to_response
    credits: Credits | None = None
    external_ids: TVExternalIds | None = None
    images: Images | None = None
    keywords: TVKeywords | None = None
    recommendations: Page[TVSummary] | None = None
    similar: Page[TVSummary] | None = None
