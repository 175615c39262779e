"""Models shared by many endpoints: the paged envelope and small reference objects."""

from __future__ import annotations

from typing import Generic, TypeVar

import attrs

__all__ = ["Genre", "Page", "StatusResponse"]

T = TypeVar("T")


@attrs.frozen(kw_only=True)
class Page(Generic[T]):
    """One page of a paged TMDB list (pages start at 1; TMDB serves at most 500)."""

    page: int
    results: list[T] = attrs.Factory(list)
    total_pages: int = 0
    total_results: int = 0


@attrs.frozen(kw_only=True)
class Genre:
    """A genre (``{"id": 28, "name": "Action"}``)."""

    id: int
    name: str = ""


@attrs.frozen(kw_only=True)
class StatusResponse:
    """TMDB's status envelope for write results and simple checks.

    ``status_code`` 1 (created), 12 (updated) and 13 (deleted) are successes.
    """

    success: bool = True
    status_code: int | None = None
    status_message: str | None = None
