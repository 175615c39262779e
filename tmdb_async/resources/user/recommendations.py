"""``user.recommendations`` of a v4 view: what TMDB recommends to the user."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from ...models.common import Page
from ...models.movie import MovieSummary
from ...models.tv import TVSummary
from .._base import language_param, segment
from .._params import check_page

if TYPE_CHECKING:
    from ._view import ViewBase

__all__ = ["Recommendations"]

T = TypeVar("T")


class Recommendations:
    """Movies and TV shows TMDB recommends to the user (``user.recommendations`` of a
    :class:`~tmdb_async.V4UserView`; TMDB has these on v4 only)."""

    __slots__ = ("_view",)

    def __init__(self, view: ViewBase) -> None:
        self._view = view

    def __repr__(self) -> str:
        return "<Recommendations namespace>"

    async def _page(self, what: str, into: type[T], page: int, language: str | None) -> T:
        view = self._view
        params = {"page": check_page(page), "language": language_param(view._core, language)}
        oid = view._require_object_id()
        return await view._core.request(
            "GET", f"/4/account/{segment(oid)}/{what}/recommendations", params=params, into=into
        )

    async def movies(self, *, page: int = 1, language: str | None = None) -> Page[MovieSummary]:
        """Recommended movies (``GET /4/account/{account_object_id}/movie/recommendations``).

        Args:
            page: 1 to 500.
            language: ``en-US`` style; default: the client's.
        """
        return await self._page("movie", Page[MovieSummary], page, language)

    async def tv(self, *, page: int = 1, language: str | None = None) -> Page[TVSummary]:
        """Recommended TV shows (``GET /4/account/{account_object_id}/tv/recommendations``)."""
        return await self._page("tv", Page[TVSummary], page, language)
