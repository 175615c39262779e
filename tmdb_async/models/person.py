"""People models: ``GET /3/person/{person_id}``, combined credits, external ids, list items.

Typed from the official v3 schemas (``person-details``, ``person-combined-credits``,
``person-external-ids``, ``person-popular-list``) and checked against recorded responses.
"""

from __future__ import annotations

import datetime as dt

import attrs

from ._appended import AppendedView, appended
from .common import Page
from .media import MediaSummary, UnknownMedia
from .movie import Changes, Image, MovieSummary
from .tv import EpisodeSummary, TVSummary

__all__ = [
    "CombinedCastCredit",
    "CombinedCredit",
    "CombinedCredits",
    "CombinedCrewCredit",
    "MovieCastCredit",
    "MovieCredit",
    "MovieCrewCredit",
    "Person",
    "PersonAppended",
    "PersonExternalIds",
    "PersonImages",
    "PersonMovieCredits",
    "PersonSummary",
    "PersonTVCredits",
    "PersonTaggedImages",
    "PersonTranslation",
    "PersonTranslationData",
    "PersonTranslations",
    "TVCastCredit",
    "TVCredit",
    "TVCrewCredit",
    "TaggedImage",
    "TaggedMedia",
]


@attrs.frozen(kw_only=True)
class PersonSummary:
    """A person as listed in pages (popular, search, trending).

    ``known_for`` holds movies and TV series (each structured by its ``media_type``).
    """

    id: int
    name: str = ""
    original_name: str | None = None
    adult: bool = False
    gender: int | None = None
    known_for_department: str | None = None
    popularity: float = 0.0
    profile_path: str | None = None
    known_for: list[MediaSummary] = attrs.Factory(list)
    media_type: str | None = None


@attrs.frozen(kw_only=True)
class PersonExternalIds:
    """A person's ids on other sites (``/external_ids``); ``None`` where unknown."""

    id: int | None = None
    imdb_id: str | None = None
    freebase_mid: str | None = None
    freebase_id: str | None = None
    tvrage_id: int | None = None
    wikidata_id: str | None = None
    facebook_id: str | None = None
    instagram_id: str | None = None
    tiktok_id: str | None = None
    twitter_id: str | None = None
    youtube_id: str | None = None


@attrs.frozen(kw_only=True)
class CombinedCredit:
    """What a person's movie and TV credits share (the base of the cast and crew credits).

    Movie credits fill ``title`` / ``original_title`` / ``release_date``; TV credits fill
    ``name`` / ``original_name`` / ``first_air_date`` / ``episode_count``. ``media_type``
    says which.
    """

    id: int
    media_type: str | None = None
    credit_id: str | None = None
    title: str | None = None
    original_title: str | None = None
    release_date: dt.date | None = None
    video: bool | None = None
    name: str | None = None
    original_name: str | None = None
    first_air_date: dt.date | None = None
    first_credit_air_date: dt.date | None = None
    episode_count: int | None = None
    origin_country: list[str] = attrs.Factory(list)
    original_language: str | None = None
    overview: str = ""
    adult: bool = False
    softcore: bool | None = None
    backdrop_path: str | None = None
    poster_path: str | None = None
    genre_ids: list[int] = attrs.Factory(list)
    popularity: float = 0.0
    vote_average: float = 0.0
    vote_count: int = 0


@attrs.frozen(kw_only=True)
class CombinedCastCredit(CombinedCredit):
    """One acting credit in a person's combined (movie and TV) credits."""

    character: str | None = None
    order: int | None = None


@attrs.frozen(kw_only=True)
class CombinedCrewCredit(CombinedCredit):
    """One crew credit in a person's combined (movie and TV) credits."""

    department: str | None = None
    job: str | None = None


@attrs.frozen(kw_only=True)
class CombinedCredits:
    """A person's movie and TV credits (``/combined_credits``); ``id`` absent when appended."""

    id: int | None = None
    cast: list[CombinedCastCredit] = attrs.Factory(list)
    crew: list[CombinedCrewCredit] = attrs.Factory(list)


@attrs.frozen(kw_only=True)
class PersonImages:
    """A person's profile pictures (``/images``, or ``append_to_response=images``)."""

    id: int | None = None
    profiles: list[Image] = attrs.Factory(list)


@attrs.frozen(kw_only=True)
class MovieCredit:
    """What a person's movie credits share (the base of the cast and crew credits)."""

    id: int
    credit_id: str | None = None
    title: str = ""
    original_title: str = ""
    original_language: str | None = None
    overview: str = ""
    release_date: dt.date | None = None
    adult: bool = False
    video: bool = False
    softcore: bool | None = None
    backdrop_path: str | None = None
    poster_path: str | None = None
    genre_ids: list[int] = attrs.Factory(list)
    popularity: float = 0.0
    vote_average: float = 0.0
    vote_count: int = 0


@attrs.frozen(kw_only=True)
class MovieCastCredit(MovieCredit):
    """A role in a movie (``/movie_credits``): ``character`` and billing ``order``."""

    character: str = ""
    order: int | None = None


@attrs.frozen(kw_only=True)
class MovieCrewCredit(MovieCredit):
    """A crew job on a movie (``/movie_credits``)."""

    department: str = ""
    job: str = ""


@attrs.frozen(kw_only=True)
class PersonMovieCredits:
    """A person's movie credits (``/movie_credits``); ``id`` absent when appended."""

    id: int | None = None
    cast: list[MovieCastCredit] = attrs.Factory(list)
    crew: list[MovieCrewCredit] = attrs.Factory(list)


@attrs.frozen(kw_only=True)
class TVCredit:
    """What a person's TV credits share (the base of the cast and crew credits).

    ``episode_count`` is the number of episodes of this credit; ``first_credit_air_date``
    the air date of the first one.
    """

    id: int
    credit_id: str | None = None
    name: str = ""
    original_name: str = ""
    original_language: str | None = None
    overview: str = ""
    first_air_date: dt.date | None = None
    first_credit_air_date: dt.date | None = None
    episode_count: int = 0
    origin_country: list[str] = attrs.Factory(list)
    adult: bool = False
    softcore: bool | None = None
    backdrop_path: str | None = None
    poster_path: str | None = None
    genre_ids: list[int] = attrs.Factory(list)
    popularity: float = 0.0
    vote_average: float = 0.0
    vote_count: int = 0


@attrs.frozen(kw_only=True)
class TVCastCredit(TVCredit):
    """A role in a TV series (``/tv_credits``)."""

    character: str = ""


@attrs.frozen(kw_only=True)
class TVCrewCredit(TVCredit):
    """A crew job on a TV series (``/tv_credits``)."""

    department: str = ""
    job: str = ""


@attrs.frozen(kw_only=True)
class PersonTVCredits:
    """A person's TV credits (``/tv_credits``); ``id`` absent when appended."""

    id: int | None = None
    cast: list[TVCastCredit] = attrs.Factory(list)
    crew: list[TVCrewCredit] = attrs.Factory(list)


#: What a tagged image shows: a movie, a series or an episode (by the media's
#: ``media_type``: ``movie``, ``tv``, ``tv_episode``), or :class:`UnknownMedia`.
TaggedMedia = MovieSummary | TVSummary | EpisodeSummary | UnknownMedia


@attrs.frozen(kw_only=True)
class TaggedImage(Image):
    """An image of a title in which the person is tagged (``/tagged_images``).

    Attributes:
        id: the image's id (24-hex string).
        image_type: ``poster``, ``backdrop``, ``still`` ...
        media_type: what the image belongs to: ``movie``, ``tv`` or ``episode``.
        media: that title, structured by its own ``media_type``.
    """

    id: str
    image_type: str = ""
    media_type: str | None = None
    media: TaggedMedia | None = None


@attrs.frozen(kw_only=True)
class PersonTaggedImages(Page[TaggedImage]):
    """A page of the images a person is tagged in (``/tagged_images``)."""

    id: int | None = None


@attrs.frozen(kw_only=True)
class PersonTranslationData:
    """A translated name and biography; ``""`` where that translation has none."""

    name: str = ""
    biography: str = ""


@attrs.frozen(kw_only=True)
class PersonTranslation:
    """One translation of a person's biography (``iso_639_1`` as used in ``iso_3166_1``)."""

    iso_639_1: str
    iso_3166_1: str | None = None
    name: str = ""
    english_name: str = ""
    data: PersonTranslationData = attrs.Factory(PersonTranslationData)


@attrs.frozen(kw_only=True)
class PersonTranslations:
    """Every translation of a person's biography (``/translations``)."""

    id: int | None = None
    translations: list[PersonTranslation] = attrs.Factory(list)


@attrs.frozen(kw_only=True)
class Person:
    """A person's details (``GET /3/person/{person_id}``).

    ``birthday`` / ``deathday`` are ``None`` when unknown. The sub-objects named in
    ``append_to_response`` fill the field of the same name and are ``None`` otherwise;
    :attr:`appended` gives them with precise types.
    """

    id: int
    name: str = ""
    also_known_as: list[str] = attrs.Factory(list)
    biography: str = ""
    birthday: dt.date | None = None
    deathday: dt.date | None = None
    gender: int | None = None
    homepage: str | None = None
    imdb_id: str | None = None
    known_for_department: str | None = None
    place_of_birth: str | None = None
    popularity: float = 0.0
    profile_path: str | None = None
    adult: bool = False
    # append_to_response
    changes: Changes | None = None
    combined_credits: CombinedCredits | None = None
    external_ids: PersonExternalIds | None = None
    images: PersonImages | None = None
    movie_credits: PersonMovieCredits | None = None
    tagged_images: PersonTaggedImages | None = None
    translations: PersonTranslations | None = None
    tv_credits: PersonTVCredits | None = None

    @property
    def appended(self) -> PersonAppended:
        """The appended sub-objects, typed without ``None``: ``person.appended.images``.

        Reading one that was not named in ``append_to_response`` raises
        :class:`~tmdb_async.TMDBUsageError` saying how to request it.
        """
        return PersonAppended(self)


class PersonAppended(AppendedView):
    """What ``append_to_response`` added to a :class:`Person` (``person.appended``).

    Each attribute is the person's field of that name, typed without ``None``; one that
    was not appended raises :class:`~tmdb_async.TMDBUsageError`.
    """

    __slots__ = ()
    _call = "tmdb.people.details"

    changes = appended[Changes]()
    combined_credits = appended[CombinedCredits]()
    external_ids = appended[PersonExternalIds]()
    images = appended[PersonImages]()
    movie_credits = appended[PersonMovieCredits]()
    tagged_images = appended[PersonTaggedImages]()
    translations = appended[PersonTranslations]()
    tv_credits = appended[PersonTVCredits]()
