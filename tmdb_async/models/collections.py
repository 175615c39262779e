"""Collection models: ``GET /3/collection/{collection_id}``, its images and translations."""

from __future__ import annotations

import datetime as dt

import attrs

from .movie import Image

__all__ = [
    "Collection",
    "CollectionImages",
    "CollectionPart",
    "CollectionTranslation",
    "CollectionTranslationData",
    "CollectionTranslations",
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
class CollectionImages:
    """A collection's backdrops and posters (``GET /3/collection/{collection_id}/images``)."""

    id: int
    backdrops: list[Image] = attrs.Factory(list)
    posters: list[Image] = attrs.Factory(list)


@attrs.frozen(kw_only=True)
class CollectionTranslationData:
    """A collection's texts in one language; ``""`` where nobody translated them."""

    title: str = ""
    overview: str = ""
    homepage: str = ""


@attrs.frozen(kw_only=True)
class CollectionTranslation:
    """One translation of a collection: its language, country and texts."""

    iso_3166_1: str = ""
    iso_639_1: str = ""
    name: str = ""
    english_name: str = ""
    data: CollectionTranslationData = attrs.Factory(CollectionTranslationData)


@attrs.frozen(kw_only=True)
class CollectionTranslations:
    """Every translation of a collection (``GET /3/collection/{collection_id}/translations``)."""

    id: int
    translations: list[CollectionTranslation] = attrs.Factory(list)
