"""Credit models: ``GET /3/credit/{credit_id}``, one person's part in one movie or series."""

from __future__ import annotations

import datetime as dt

import attrs

from .person import PersonSummary
from .tv import EpisodeSummary, SeasonSummary

__all__ = ["CreditDetails", "CreditMedia"]


@attrs.frozen(kw_only=True)
class CreditMedia:
    """The movie or series a credit belongs to (``media_type`` says which).

    A movie fills ``title``, ``original_title``, ``release_date`` and ``video``; a
    series fills ``name``, ``original_name``, ``first_air_date``, ``origin_country``,
    and the ``episodes`` and ``seasons`` the person appears in. ``character`` is set for
    cast credits.
    """

    id: int
    media_type: str | None = None
    title: str | None = None
    original_title: str | None = None
    release_date: dt.date | None = None
    video: bool | None = None
    name: str | None = None
    original_name: str | None = None
    first_air_date: dt.date | None = None
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
    character: str | None = None
    episodes: list[EpisodeSummary] = attrs.Factory(list)
    seasons: list[SeasonSummary] = attrs.Factory(list)


@attrs.frozen(kw_only=True)
class CreditDetails:
    """A credit's details (``GET /3/credit/{credit_id}``).

    ``id`` is the credit id (24 hex characters, as in ``Cast.credit_id``);
    ``credit_type`` is ``"cast"`` or ``"crew"``; ``media_type`` ``"movie"`` or ``"tv"``.
    """

    id: str
    credit_type: str = ""
    department: str = ""
    job: str = ""
    media_type: str = ""
    media: CreditMedia | None = None
    person: PersonSummary | None = None
