"""Movie models: ``GET /3/movie/{movie_id}``, its sub-resources and the movie lists.

Every sub-resource ``append_to_response`` can add to a movie has a model here, typed from
the official schema of the matching endpoint (``/3/movie/{id}/credits``, ``/images`` ...).
The same classes are returned by the standalone endpoints; their ``id`` is ``None`` when
the object comes appended to a movie (TMDB leaves it out there).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from ._appended import AppendedView, appended
from .common import Genre, Page
from .states import AccountStates

__all__ = [
    "AlternativeTitle",
    "Cast",
    "Change",
    "ChangeItem",
    "Changes",
    "CollectionRef",
    "Credits",
    "Crew",
    "DateRange",
    "DatedMoviePage",
    "Image",
    "Images",
    "Keyword",
    "ListSummary",
    "Movie",
    "MovieAlternativeTitles",
    "MovieAppended",
    "MovieExternalIds",
    "MovieKeywords",
    "MovieLists",
    "MovieSummary",
    "MovieTranslation",
    "MovieTranslationData",
    "MovieTranslations",
    "ProductionCompany",
    "ProductionCountry",
    "ReleaseDate",
    "ReleaseDates",
    "ReleaseDatesByCountry",
    "Review",
    "ReviewAuthor",
    "Reviews",
    "SpokenLanguage",
    "Video",
    "Videos",
    "WatchProvider",
    "WatchProviderOptions",
    "WatchProviders",
]


@attrs.frozen(kw_only=True)
class CollectionRef:
    """The collection a movie belongs to (``belongs_to_collection``)."""

    id: int
    name: str = ""
    poster_path: str | None = None
    backdrop_path: str | None = None


@attrs.frozen(kw_only=True)
class ProductionCompany:
    """A production company as listed on a title."""

    id: int
    name: str = ""
    logo_path: str | None = None
    origin_country: str | None = None


@attrs.frozen(kw_only=True)
class ProductionCountry:
    """A production country (ISO 3166-1 code and English name)."""

    iso_3166_1: str
    name: str = ""


@attrs.frozen(kw_only=True)
class SpokenLanguage:
    """A spoken language (ISO 639-1 code, English name and native name)."""

    iso_639_1: str
    name: str = ""
    english_name: str | None = None


@attrs.frozen(kw_only=True)
class Cast:
    """One cast member in a movie's credits."""

    id: int
    name: str = ""
    original_name: str | None = None
    character: str | None = None
    credit_id: str | None = None
    order: int | None = None
    cast_id: int | None = None
    adult: bool = False
    gender: int | None = None
    known_for_department: str | None = None
    popularity: float | None = None
    profile_path: str | None = None


@attrs.frozen(kw_only=True)
class Crew:
    """One crew member in a movie's credits."""

    id: int
    name: str = ""
    original_name: str | None = None
    job: str | None = None
    department: str | None = None
    credit_id: str | None = None
    adult: bool = False
    gender: int | None = None
    known_for_department: str | None = None
    popularity: float | None = None
    profile_path: str | None = None


@attrs.frozen(kw_only=True)
class Credits:
    """Cast and crew (``/credits``, or ``append_to_response=credits``).

    ``id`` is absent when the credits come appended to the movie.
    """

    id: int | None = None
    cast: list[Cast] = attrs.Factory(list)
    crew: list[Crew] = attrs.Factory(list)


@attrs.frozen(kw_only=True)
class Image:
    """One image file; build its URL with the image URL builder."""

    file_path: str
    aspect_ratio: float | None = None
    height: int | None = None
    width: int | None = None
    iso_639_1: str | None = None
    iso_3166_1: str | None = None
    vote_average: float | None = None
    vote_count: int | None = None


@attrs.frozen(kw_only=True)
class Images:
    """Backdrops, logos and posters (``/images``, or ``append_to_response=images``)."""

    id: int | None = None
    backdrops: list[Image] = attrs.Factory(list)
    logos: list[Image] = attrs.Factory(list)
    posters: list[Image] = attrs.Factory(list)


@attrs.frozen(kw_only=True)
class Video:
    """A trailer, teaser, clip ... on YouTube or Vimeo (``site``; ``key`` is its id there)."""

    id: str
    key: str = ""
    name: str = ""
    site: str = ""
    size: int | None = None
    type: str | None = None
    official: bool | None = None
    published_at: dt.datetime | None = None
    iso_639_1: str | None = None
    iso_3166_1: str | None = None


@attrs.frozen(kw_only=True)
class Videos:
    """A title's videos (``/videos``, or ``append_to_response=videos``)."""

    id: int | None = None
    results: list[Video] = attrs.Factory(list)


@attrs.frozen(kw_only=True)
class ReleaseDate:
    """One release of a movie in one country.

    Attributes:
        type: 1 premiere, 2 limited theatrical, 3 theatrical, 4 digital, 5 physical, 6 TV.
        release_date: when (TMDB sends an ISO 8601 timestamp, midnight UTC).
        certification: the age rating in that country (may be ``""``).
        descriptors: content descriptors of the rating (may be empty).
    """

    type: int
    release_date: dt.datetime | None = None
    certification: str = ""
    descriptors: list[str] = attrs.Factory(list)
    iso_639_1: str | None = None
    note: str = ""


@attrs.frozen(kw_only=True)
class ReleaseDatesByCountry:
    """The releases of a movie in one country (``iso_3166_1``)."""

    iso_3166_1: str
    release_dates: list[ReleaseDate] = attrs.Factory(list)


@attrs.frozen(kw_only=True)
class ReleaseDates:
    """Release dates and certifications per country (``/release_dates``)."""

    id: int | None = None
    results: list[ReleaseDatesByCountry] = attrs.Factory(list)


@attrs.frozen(kw_only=True)
class MovieExternalIds:
    """A movie's ids on other sites (``/external_ids``); ``None`` where unknown."""

    id: int | None = None
    imdb_id: str | None = None
    wikidata_id: str | None = None
    facebook_id: str | None = None
    instagram_id: str | None = None
    twitter_id: str | None = None


@attrs.frozen(kw_only=True)
class Keyword:
    """A keyword (``{"id": 818, "name": "based on novel or book"}``)."""

    id: int
    name: str = ""


@attrs.frozen(kw_only=True)
class MovieKeywords:
    """A movie's keywords (``/keywords``); TV uses ``results`` instead of ``keywords``."""

    id: int | None = None
    keywords: list[Keyword] = attrs.Factory(list)


@attrs.frozen(kw_only=True)
class MovieSummary:
    """A movie as it appears in paged lists (popular, similar, recommendations, search ...).

    Tolerant: every field but ``id`` has a default, since list endpoints differ slightly.
    ``media_type`` is sent by recommendations and mixed lists; ``softcore`` by recent
    responses.
    """

    id: int
    title: str = ""
    original_title: str = ""
    original_language: str | None = None
    overview: str = ""
    adult: bool = False
    video: bool = False
    softcore: bool | None = None
    backdrop_path: str | None = None
    poster_path: str | None = None
    genre_ids: list[int] = attrs.Factory(list)
    popularity: float = 0.0
    release_date: dt.date | None = None
    vote_average: float = 0.0
    vote_count: int = 0
    media_type: str | None = None


@attrs.frozen(kw_only=True)
class DateRange:
    """The release window a ``now_playing`` / ``upcoming`` page covers."""

    minimum: dt.date | None = None
    maximum: dt.date | None = None


@attrs.frozen(kw_only=True)
class DatedMoviePage(Page[MovieSummary]):
    """A page of movies with the release window it covers (``now_playing``, ``upcoming``)."""

    dates: DateRange | None = None


@attrs.frozen(kw_only=True)
class ReviewAuthor:
    """Who wrote a review; ``rating`` is their score (0 to 10) or ``None``."""

    name: str = ""
    username: str = ""
    avatar_path: str | None = None
    rating: float | None = None


@attrs.frozen(kw_only=True)
class Review:
    """A user review (``id`` is a 24-hex string)."""

    id: str
    author: str = ""
    author_details: ReviewAuthor = attrs.Factory(ReviewAuthor)
    content: str = ""
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    url: str | None = None


@attrs.frozen(kw_only=True)
class Reviews(Page[Review]):
    """A page of reviews (``/reviews``, or ``append_to_response=reviews``)."""

    id: int | None = None


@attrs.frozen(kw_only=True)
class MovieTranslationData:
    """The translated texts of a movie; ``""`` where that translation has none."""

    title: str = ""
    overview: str = ""
    tagline: str = ""
    homepage: str = ""
    runtime: int | None = None


@attrs.frozen(kw_only=True)
class MovieTranslation:
    """One translation of a movie (language ``iso_639_1`` as used in ``iso_3166_1``)."""

    iso_639_1: str
    iso_3166_1: str | None = None
    name: str = ""
    english_name: str = ""
    data: MovieTranslationData = attrs.Factory(MovieTranslationData)


@attrs.frozen(kw_only=True)
class MovieTranslations:
    """Every translation of a movie (``/translations``)."""

    id: int | None = None
    translations: list[MovieTranslation] = attrs.Factory(list)


@attrs.frozen(kw_only=True)
class AlternativeTitle:
    """A title a movie is known by in one country; ``type`` says which kind (may be ``""``)."""

    title: str
    iso_3166_1: str | None = None
    type: str = ""


@attrs.frozen(kw_only=True)
class MovieAlternativeTitles:
    """A movie's alternative titles (``/alternative_titles``); TV uses ``results``."""

    id: int | None = None
    titles: list[AlternativeTitle] = attrs.Factory(list)


@attrs.frozen(kw_only=True)
class ListSummary:
    """A user's v3 list as paged lists show it (the user's lists, the lists a movie is on)."""

    id: int
    name: str = ""
    description: str = ""
    favorite_count: int = 0
    item_count: int = 0
    iso_639_1: str | None = None
    iso_3166_1: str | None = None
    list_type: str | None = None
    poster_path: str | None = None


@attrs.frozen(kw_only=True)
class MovieLists(Page[ListSummary]):
    """A page of the user lists a movie is on (``/lists``)."""

    id: int | None = None


@attrs.frozen(kw_only=True)
class WatchProvider:
    """A streaming, rental or purchase service (JustWatch data)."""

    provider_id: int
    provider_name: str = ""
    logo_path: str | None = None
    display_priority: int | None = None


@attrs.frozen(kw_only=True)
class WatchProviderOptions:
    """Where to watch a title in one country, by offer type; ``link`` is TMDB's watch page."""

    link: str | None = None
    flatrate: list[WatchProvider] = attrs.Factory(list)
    rent: list[WatchProvider] = attrs.Factory(list)
    buy: list[WatchProvider] = attrs.Factory(list)
    ads: list[WatchProvider] = attrs.Factory(list)
    free: list[WatchProvider] = attrs.Factory(list)


@attrs.frozen(kw_only=True)
class WatchProviders:
    """Watch providers per country code (``/watch/providers``; appended as ``watch/providers``)."""

    id: int | None = None
    results: dict[str, WatchProviderOptions] = attrs.Factory(dict)


@attrs.frozen(kw_only=True)
class ChangeItem:
    """One edit of one field.

    Attributes:
        id: the change id (24-hex string).
        action: ``added``, ``updated``, ``deleted`` or ``created``.
        time: when (aware, UTC).
        value: the new value; its JSON shape depends on the field (``key``).
        original_value: the previous value, on updates and deletions.
    """

    id: str
    action: str = ""
    time: dt.datetime | None = None
    iso_639_1: str | None = None
    iso_3166_1: str | None = None
    value: Any = None
    original_value: Any = None


@attrs.frozen(kw_only=True)
class Change:
    """The edits of one field (``key``, e.g. ``"images"``, ``"overview"``)."""

    key: str
    items: list[ChangeItem] = attrs.Factory(list)


@attrs.frozen(kw_only=True)
class Changes:
    """A title's edit history (``/changes``, or ``append_to_response=changes``)."""

    changes: list[Change] = attrs.Factory(list)


@attrs.frozen(kw_only=True)
class Movie:
    """A movie's details (``GET /3/movie/{movie_id}``).

    Every field of TMDB's official response is here. Image paths, ``imdb_id``,
    ``belongs_to_collection`` and ``release_date`` may be ``None`` (TMDB sends ``null`` or
    ``""``). The sub-objects named in ``append_to_response`` are filled in when requested
    and ``None`` otherwise: ``watch_providers`` is the one appended as ``watch/providers``,
    and ``account_states`` needs a session. :attr:`appended` gives them with precise types.
    """

    id: int
    title: str = ""
    original_title: str = ""
    original_language: str | None = None
    overview: str = ""
    tagline: str | None = None
    status: str | None = None
    adult: bool = False
    video: bool = False
    softcore: bool | None = None
    backdrop_path: str | None = None
    poster_path: str | None = None
    belongs_to_collection: CollectionRef | None = None
    budget: int = 0
    revenue: int = 0
    runtime: int | None = None
    genres: list[Genre] = attrs.Factory(list)
    homepage: str | None = None
    imdb_id: str | None = None
    origin_country: list[str] = attrs.Factory(list)
    popularity: float = 0.0
    production_companies: list[ProductionCompany] = attrs.Factory(list)
    production_countries: list[ProductionCountry] = attrs.Factory(list)
    release_date: dt.date | None = None
    spoken_languages: list[SpokenLanguage] = attrs.Factory(list)
    vote_average: float = 0.0
    vote_count: int = 0
    # append_to_response
    account_states: AccountStates | None = None
    alternative_titles: MovieAlternativeTitles | None = None
    changes: Changes | None = None
    credits: Credits | None = None
    external_ids: MovieExternalIds | None = None
    images: Images | None = None
    keywords: MovieKeywords | None = None
    lists: MovieLists | None = None
    recommendations: Page[MovieSummary] | None = None
    release_dates: ReleaseDates | None = None
    reviews: Reviews | None = None
    similar: Page[MovieSummary] | None = None
    translations: MovieTranslations | None = None
    videos: Videos | None = None
    watch_providers: WatchProviders | None = attrs.field(
        default=None, metadata={"wire": "watch/providers"}
    )

    @property
    def appended(self) -> MovieAppended:
        """The appended sub-objects, typed without ``None``: ``movie.appended.credits.cast``.

        Reading one that was not named in ``append_to_response`` raises
        :class:`~tmdb_async.TMDBUsageError` saying how to request it.
        """
        return MovieAppended(self)


class MovieAppended(AppendedView):
    """What ``append_to_response`` added to a :class:`Movie` (``movie.appended``).

    Each attribute is the movie's field of that name, typed without ``None``; one that was
    not appended raises :class:`~tmdb_async.TMDBUsageError`.
    """

    __slots__ = ()
    _call = "tmdb.movies.details"

    account_states = appended[AccountStates]()
    alternative_titles = appended[MovieAlternativeTitles]()
    changes = appended[Changes]()
    credits = appended[Credits]()
    external_ids = appended[MovieExternalIds]()
    images = appended[Images]()
    keywords = appended[MovieKeywords]()
    lists = appended[MovieLists]()
    recommendations = appended[Page[MovieSummary]]()
    release_dates = appended[ReleaseDates]()
    reviews = appended[Reviews]()
    similar = appended[Page[MovieSummary]]()
    translations = appended[MovieTranslations]()
    videos = appended[Videos]()
    watch_providers = appended[WatchProviders]("watch/providers")
