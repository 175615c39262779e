"""Review models: ``GET /3/review/{review_id}``."""

from __future__ import annotations

import datetime as dt

import attrs

from .movie import ReviewAuthor

__all__ = ["ReviewDetails"]


@attrs.frozen(kw_only=True)
class ReviewDetails:
    """One review with what it is about (``GET /3/review/{review_id}``).

    ``id`` is the review's 24-hex id; ``media_type`` is ``"movie"`` or ``"tv"`` and
    ``media_id`` / ``media_title`` name the reviewed title; ``iso_639_1`` is the
    review's language.
    """

    id: str
    author: str = ""
    author_details: ReviewAuthor = attrs.Factory(ReviewAuthor)
    content: str = ""
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    url: str | None = None
    iso_639_1: str | None = None
    media_id: int | None = None
    media_title: str | None = None
    media_type: str | None = None
