"""Reference data models: collections, companies, genres, certifications, changes lists."""

from __future__ import annotations

import datetime as dt

import attrs

from .common import Genre

__all__ = [
    "Certification",
    "Certifications",
    "ChangedEntry",
    "Collection",
    "CollectionPart",
    "Company",
    "CompanyRef",
    "GenreList",
]


@attrs.frozen(kw_only=True)
class CollectionPart:
    """A movie of a collection (``parts``).

    TMDB's live API names them ``title`` / ``original_title``; the official example uses
    ``name`` / ``original_name``: both are accepted.
    """

    id: int
    title: str | None = None
    original_title: str | None = None
    name: str | None = None
    original_name: str | None = None
    original_language: str | None = None
    overview: str = ""
    adult: bool = False
    video: bool = False
    softcore: bool | None = None
    media_type: str | None = None
    backdrop_path: str | None = None
    poster_path: str | None = None
    genre_ids: list[int] = attrs.Factory(list)
    popularity: float = 0.0
    release_date: dt.date | None = None
    vote_average: float = 0.0
    vote_count: int = 0


@attrs.frozen(kw_only=True)
class Collection:
    """A collection's details (``GET /3/collection/{collection_id}``)."""

    id: int
    name: str = ""
    original_name: str | None = None
    original_language: str | None = None
    overview: str = ""
    poster_path: str | None = None
    backdrop_path: str | None = None
    parts: list[CollectionPart] = attrs.Factory(list)


@attrs.frozen(kw_only=True)
class CompanyRef:
    """A parent company (``parent_company``)."""

    id: int
    name: str = ""
    logo_path: str | None = None
    origin_country: str | None = None


@attrs.frozen(kw_only=True)
class Company:
    """A company's details (``GET /3/company/{company_id}``)."""

    id: int
    name: str = ""
    description: str = ""
    headquarters: str | None = None
    homepage: str | None = None
    logo_path: str | None = None
    origin_country: str | None = None
    parent_company: CompanyRef | None = None


@attrs.frozen(kw_only=True)
class GenreList:
    """The genre list (``GET /3/genre/movie/list``, ``/3/genre/tv/list``)."""

    genres: list[Genre] = attrs.Factory(list)


@attrs.frozen(kw_only=True)
class Certification:
    """One age rating of a country (``"PG-13"``), its meaning and its rank."""

    certification: str
    meaning: str = ""
    order: int = 0


@attrs.frozen(kw_only=True)
class Certifications:
    """Age ratings by country code (``certifications["US"]``)."""

    certifications: dict[str, list[Certification]] = attrs.Factory(dict)


@attrs.frozen(kw_only=True)
class ChangedEntry:
    """One id in a changes list (``GET /3/movie/changes`` ...): the item changed recently.

    ``adult`` is ``None`` when TMDB leaves it out.
    """

    id: int
    adult: bool | None = None
