"""People models: ``GET /3/person/{person_id}``, combined credits, external ids, list items.

Typed from the official v3 schemas (``person-details``, ``person-combined-credits``,
``person-external-ids``, ``person-popular-list``) and checked against recorded responses.
"""

from __future__ import annotations

import datetime as dt

import attrs

from .media import MediaSummary
from .movie import Image

__all__ = [
    "CombinedCastCredit",
    "CombinedCredit",
    "CombinedCredits",
    "CombinedCrewCredit",
    "Person",
    "PersonExternalIds",
    "PersonImages",
    "PersonSummary",
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
class Person:
    """A person's details (``GET /3/person/{person_id}``).

    ``birthday`` / ``deathday`` are ``None`` when unknown. ``combined_credits``,
    ``external_ids`` and ``images`` are filled when named in ``append_to_response``.
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
    combined_credits: CombinedCredits | None = None
    external_ids: PersonExternalIds | None = None
    images: PersonImages | None = None
