"""TV models: series (``GET /3/tv/{series_id}``), seasons, episodes and TV list items.

Typed from the schemas of TMDB's official v3 OpenAPI document (``tv-series-details``,
``tv-season-details``, ``tv-episode-details`` ...) and checked against recorded live
responses. Credits reuse :class:`~tmdb_async.Credits` (cast and crew have the same shape as
a movie's); image lists reuse :class:`~tmdb_async.Image`.
"""

from __future__ import annotations

import datetime as dt

import attrs

from ._appended import AppendedView, appended
from .common import Genre, Page
from .movie import (
    AlternativeTitle,
    Cast,
    Changes,
    Credits,
    Crew,
    Image,
    Images,
    Keyword,
    ListSummary,
    ProductionCompany,
    ProductionCountry,
    Reviews,
    SpokenLanguage,
    Videos,
    WatchProviders,
)

__all__ = [
    "AggregateCast",
    "AggregateCredits",
    "AggregateCrew",
    "AggregateJob",
    "AggregateRole",
    "ContentRating",
    "ContentRatings",
    "EpisodeCredits",
    "EpisodeGroupSummary",
    "EpisodeGroups",
    "EpisodeImages",
    "EpisodeSummary",
    "Network",
    "ScreenedEpisode",
    "ScreenedTheatrically",
    "SeasonImages",
    "SeasonSummary",
    "TVAlternativeTitles",
    "TVCreator",
    "TVEpisode",
    "TVEpisodeAppended",
    "TVExternalIds",
    "TVKeywords",
    "TVLists",
    "TVSeason",
    "TVSeasonAppended",
    "TVSeries",
    "TVSeriesAppended",
    "TVSummary",
    "TVTranslation",
    "TVTranslationData",
    "TVTranslations",
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
class AggregateRole:
    """One character an actor played in a series or season, and in how many episodes."""

    credit_id: str
    character: str = ""
    episode_count: int = 0


@attrs.frozen(kw_only=True)
class AggregateJob:
    """One job a crew member held on a series or season, and in how many episodes."""

    credit_id: str
    job: str = ""
    episode_count: int = 0


@attrs.frozen(kw_only=True)
class AggregateCast:
    """An actor across every episode of a series or season, with each role (``roles``)."""

    id: int
    name: str = ""
    original_name: str | None = None
    adult: bool = False
    gender: int | None = None
    known_for_department: str | None = None
    popularity: float | None = None
    profile_path: str | None = None
    roles: list[AggregateRole] = attrs.Factory(list)
    total_episode_count: int = 0
    order: int | None = None


@attrs.frozen(kw_only=True)
class AggregateCrew:
    """A crew member across every episode of a series or season, with each job (``jobs``)."""

    id: int
    name: str = ""
    original_name: str | None = None
    adult: bool = False
    gender: int | None = None
    known_for_department: str | None = None
    popularity: float | None = None
    profile_path: str | None = None
    jobs: list[AggregateJob] = attrs.Factory(list)
    department: str | None = None
    total_episode_count: int = 0


@attrs.frozen(kw_only=True)
class AggregateCredits:
    """Everyone who worked on any episode (``/aggregate_credits`` of a series or season).

    Unlike ``/credits`` (the latest season only), a person appears once with all their roles
    or jobs and episode counts. ``id`` is absent when appended.
    """

    id: int | None = None
    cast: list[AggregateCast] = attrs.Factory(list)
    crew: list[AggregateCrew] = attrs.Factory(list)


@attrs.frozen(kw_only=True)
class EpisodeCredits:
    """An episode's cast, crew and guest stars (``/episode/{n}/credits``)."""

    id: int | None = None
    cast: list[Cast] = attrs.Factory(list)
    crew: list[Crew] = attrs.Factory(list)
    guest_stars: list[Cast] = attrs.Factory(list)


@attrs.frozen(kw_only=True)
class TVAlternativeTitles:
    """A series' titles in other countries (``/alternative_titles``; TV names the list
    ``results``, movies ``titles``)."""

    id: int | None = None
    results: list[AlternativeTitle] = attrs.Factory(list)


@attrs.frozen(kw_only=True)
class ContentRating:
    """A series' age rating in one country (``rating`` may be ``""``)."""

    iso_3166_1: str
    rating: str = ""
    descriptors: list[str] = attrs.Factory(list)


@attrs.frozen(kw_only=True)
class ContentRatings:
    """A series' age ratings per country (``/content_ratings``)."""

    id: int | None = None
    results: list[ContentRating] = attrs.Factory(list)


@attrs.frozen(kw_only=True)
class EpisodeGroupSummary:
    """An alternative ordering of a series' episodes (DVD order, story arcs ...).

    Attributes:
        id: the group's id (24-hex string), for ``tmdb.tv.episode_group``.
        type: 1 original air date, 2 absolute, 3 DVD, 4 digital, 5 story arc,
            6 production, 7 TV.
        network: the network whose ordering it is, if any.
    """

    id: str
    name: str = ""
    description: str = ""
    episode_count: int = 0
    group_count: int = 0
    type: int | None = None
    network: Network | None = None


@attrs.frozen(kw_only=True)
class EpisodeGroups:
    """A series' episode groups (``/episode_groups``)."""

    id: int | None = None
    results: list[EpisodeGroupSummary] = attrs.Factory(list)


@attrs.frozen(kw_only=True)
class TVLists(Page[ListSummary]):
    """A page of the user lists a series is on (``/lists``)."""

    id: int | None = None


@attrs.frozen(kw_only=True)
class ScreenedEpisode:
    """An episode that was shown in cinemas (``id`` is the episode id)."""

    id: int
    episode_number: int = 0
    season_number: int = 0


@attrs.frozen(kw_only=True)
class ScreenedTheatrically:
    """The episodes of a series screened in theatres (``/screened_theatrically``)."""

    id: int | None = None
    results: list[ScreenedEpisode] = attrs.Factory(list)


@attrs.frozen(kw_only=True)
class TVTranslationData:
    """The translated texts of a series, season or episode; ``""`` where missing.

    Seasons and episodes have only ``name`` and ``overview``.
    """

    name: str = ""
    overview: str = ""
    tagline: str = ""
    homepage: str = ""


@attrs.frozen(kw_only=True)
class TVTranslation:
    """One translation (language ``iso_639_1`` as used in ``iso_3166_1``)."""

    iso_639_1: str
    iso_3166_1: str | None = None
    name: str = ""
    english_name: str = ""
    data: TVTranslationData = attrs.Factory(TVTranslationData)


@attrs.frozen(kw_only=True)
class TVTranslations:
    """Every translation of a series, season or episode (``/translations``)."""

    id: int | None = None
    translations: list[TVTranslation] = attrs.Factory(list)


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

    ``credits``, ``external_ids``, ``images``, ``translations`` and ``videos`` are filled
    when named in ``append_to_response`` and ``None`` otherwise; :attr:`appended` gives
    them with precise types.
    """

    crew: list[Crew] = attrs.Factory(list)
    guest_stars: list[Cast] = attrs.Factory(list)
    # append_to_response
    credits: EpisodeCredits | None = None
    external_ids: TVExternalIds | None = None
    images: EpisodeImages | None = None
    translations: TVTranslations | None = None
    videos: Videos | None = None

    @property
    def appended(self) -> TVEpisodeAppended:
        """The appended sub-objects, typed without ``None``: ``episode.appended.credits``.

        Reading one that was not named in ``append_to_response`` raises
        :class:`~tmdb_async.TMDBUsageError` saying how to request it.
        """
        return TVEpisodeAppended(self)


@attrs.frozen(kw_only=True)
class TVSeason:
    """A season's details (``GET /3/tv/{series_id}/season/{season_number}``).

    ``object_id`` is TMDB's internal ``_id`` string. ``aggregate_credits``, ``credits``,
    ``external_ids``, ``images``, ``translations``, ``videos`` and ``watch_providers``
    (appended as ``watch/providers``) are filled when named in ``append_to_response``;
    :attr:`appended` gives them with precise types.
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
    aggregate_credits: AggregateCredits | None = None
    credits: Credits | None = None
    external_ids: TVExternalIds | None = None
    images: SeasonImages | None = None
    translations: TVTranslations | None = None
    videos: Videos | None = None
    watch_providers: WatchProviders | None = attrs.field(
        default=None, metadata={"wire": "watch/providers"}
    )

    @property
    def appended(self) -> TVSeasonAppended:
        """The appended sub-objects, typed without ``None``: ``season.appended.credits``.

        Reading one that was not named in ``append_to_response`` raises
        :class:`~tmdb_async.TMDBUsageError` saying how to request it.
        """
        return TVSeasonAppended(self)


@attrs.frozen(kw_only=True)
class TVSeries:
    """A TV series' details (``GET /3/tv/{series_id}``).

    Every field of TMDB's official response. The sub-objects named in
    ``append_to_response`` fill the field of the same name (``watch/providers`` fills
    ``watch_providers``) and are ``None`` otherwise; :attr:`appended` gives them with
    precise types.
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
    aggregate_credits: AggregateCredits | None = None
    alternative_titles: TVAlternativeTitles | None = None
    changes: Changes | None = None
    content_ratings: ContentRatings | None = None
    credits: Credits | None = None
    episode_groups: EpisodeGroups | None = None
    external_ids: TVExternalIds | None = None
    images: Images | None = None
    keywords: TVKeywords | None = None
    lists: TVLists | None = None
    recommendations: Page[TVSummary] | None = None
    reviews: Reviews | None = None
    screened_theatrically: ScreenedTheatrically | None = None
    similar: Page[TVSummary] | None = None
    translations: TVTranslations | None = None
    videos: Videos | None = None
    watch_providers: WatchProviders | None = attrs.field(
        default=None, metadata={"wire": "watch/providers"}
    )

    @property
    def appended(self) -> TVSeriesAppended:
        """The appended sub-objects, typed without ``None``: ``show.appended.credits.cast``.

        Reading one that was not named in ``append_to_response`` raises
        :class:`~tmdb_async.TMDBUsageError` saying how to request it.
        """
        return TVSeriesAppended(self)


class TVSeriesAppended(AppendedView):
    """What ``append_to_response`` added to a :class:`TVSeries` (``show.appended``).

    Each attribute is the series' field of that name, typed without ``None``; one that was
    not appended raises :class:`~tmdb_async.TMDBUsageError`.
    """

    __slots__ = ()
    _call = "tmdb.tv.details"

    aggregate_credits = appended[AggregateCredits]()
    alternative_titles = appended[TVAlternativeTitles]()
    changes = appended[Changes]()
    content_ratings = appended[ContentRatings]()
    credits = appended[Credits]()
    episode_groups = appended[EpisodeGroups]()
    external_ids = appended[TVExternalIds]()
    images = appended[Images]()
    keywords = appended[TVKeywords]()
    lists = appended[TVLists]()
    recommendations = appended[Page[TVSummary]]()
    reviews = appended[Reviews]()
    screened_theatrically = appended[ScreenedTheatrically]()
    similar = appended[Page[TVSummary]]()
    translations = appended[TVTranslations]()
    videos = appended[Videos]()
    watch_providers = appended[WatchProviders]("watch/providers")


class TVSeasonAppended(AppendedView):
    """What ``append_to_response`` added to a :class:`TVSeason` (``season.appended``).

    Each attribute is the season's field of that name, typed without ``None``; one that was
    not appended raises :class:`~tmdb_async.TMDBUsageError`.
    """

    __slots__ = ()
    _call = "tmdb.tv.seasons.details"

    aggregate_credits = appended[AggregateCredits]()
    credits = appended[Credits]()
    external_ids = appended[TVExternalIds]()
    images = appended[SeasonImages]()
    translations = appended[TVTranslations]()
    videos = appended[Videos]()
    watch_providers = appended[WatchProviders]("watch/providers")


class TVEpisodeAppended(AppendedView):
    """What ``append_to_response`` added to a :class:`TVEpisode` (``episode.appended``).

    Each attribute is the episode's field of that name, typed without ``None``; one that
    was not appended raises :class:`~tmdb_async.TMDBUsageError`.
    """

    __slots__ = ()
    _call = "tmdb.tv.episodes.details"

    credits = appended[EpisodeCredits]()
    external_ids = appended[TVExternalIds]()
    images = appended[EpisodeImages]()
    translations = appended[TVTranslations]()
    videos = appended[Videos]()
