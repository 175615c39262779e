"""Movie models: ``GET /3/movie/{movie_id}`` and the sub-objects ``append_to_response`` adds."""

from __future__ import annotations

import datetime as dt

import attrs

from .common import Genre

__all__ = [
    "Cast",
    "CollectionRef",
    "Credits",
    "Crew",
    "Image",
    "Images",
    "Movie",
    "ProductionCompany",
    "ProductionCountry",
    "SpokenLanguage",
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
class Movie:
    """A movie's details (``GET /3/movie/{movie_id}``).

    Every field of TMDB's official response is here. Image paths, ``imdb_id``,
    ``belongs_to_collection`` and ``release_date`` may be ``None`` (TMDB sends ``null`` or
    ``""``). The sub-objects named in ``append_to_response`` are filled in when requested
    and ``None`` otherwise.
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
    credits: Credits | None = None
    images: Images | None = None
