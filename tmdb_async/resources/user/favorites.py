"""``user.favorites`` and ``user.watchlist``: the user's two lists of movies and shows."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from ...errors import TMDBUsageError
from ...models.common import Page, StatusResponse
from ...models.user import UserMovie, UserTV
from .._base import check_id
from ._view import MediaType, SortBy, check_media

if TYPE_CHECKING:
    from ._view import ViewBase

__all__ = ["Favorites", "Watchlist"]


class _MediaList:
    __slots__ = ("_view",)

    #: The v3 account path part (``favorite`` / ``watchlist``), also the body's flag name.
    _what: ClassVar[str]
    #: The v4 account path part (``favorites`` / ``watchlist``).
    _v4_what: ClassVar[str]

    def __init__(self, view: ViewBase) -> None:
        self._view = view

    def __repr__(self) -> str:
        return f"<{type(self).__name__} namespace>"

    async def movies(
        self, *, page: int = 1, sort_by: SortBy | None = None, language: str | None = None
    ) -> Page[UserMovie]:
        """The movies of this list, a page at a time.

        ``GET /3/account/{account_id}/<list>/movies``; a v4 view uses
        ``GET /4/account/{account_object_id}/movie/<list>`` with its token.

        Args:
            page: 1 to 500.
            sort_by: ``"created_at.asc"`` (TMDB's default) or ``"created_at.desc"``.
            language: ``en-US`` style; default: the client's.

        Raises:
            TMDBUsageError: a bad page, order or language (before any I/O).
            MissingSessionError: a guest view (before any I/O).
        """
        return await self._view._account_page(
            f"{self._what}/movies",
            f"movie/{self._v4_what}",
            Page[UserMovie],
            page,
            sort_by,
            language,
        )

    async def tv(
        self, *, page: int = 1, sort_by: SortBy | None = None, language: str | None = None
    ) -> Page[UserTV]:
        """The TV shows of this list, a page at a time (see :meth:`movies`)."""
        return await self._view._account_page(
            f"{self._what}/tv", f"tv/{self._v4_what}", Page[UserTV], page, sort_by, language
        )

    async def _set(self, media_type: MediaType, media_id: int, on: bool) -> StatusResponse:
        kind = check_media(media_type)
        mid = check_id(media_id, "media_id")
        return await self._view._account_write(
            self._what, {"media_type": kind, "media_id": mid, self._what: on}
        )

    async def add(self, media_type: MediaType, media_id: int) -> StatusResponse:
        """Add a movie or TV show (``POST /3/account/{account_id}/<list>`` with
        ``{"media_type", "media_id", "<list>": true}``; TMDB has no v4 route, so a v4 view
        converts its token to a v3 session once). Safe to repeat, so retried like a GET.

        Returns:
            TMDB's status: code 1 (added) or 12 (already there, updated).

        Raises:
            TMDBUsageError: a bad media type or id (before any I/O).
            MissingSessionError: a guest view (before any I/O).
            TMDBAPIError: TMDB refused, or answered with another status code.
        """
        return await self._set(media_type, media_id, True)

    async def remove(self, media_type: MediaType, media_id: int) -> StatusResponse:
        """Remove a movie or TV show (the same call with ``false``).

        Returns:
            TMDB's status: code 13 (removed).
        """
        return await self._set(media_type, media_id, False)

    async def set(self, media_type: MediaType, media_id: int, on: bool) -> StatusResponse:
        """:meth:`add` when ``on`` is true, else :meth:`remove` (for a form's checkbox)."""
        if not isinstance(on, bool):
            raise TMDBUsageError("on must be a bool")
        return await self._set(media_type, media_id, on)


class Favorites(_MediaList):
    """The user's favourite movies and TV shows (``user.favorites``)."""

    __slots__ = ()
    _what = "favorite"
    _v4_what = "favorites"


class Watchlist(_MediaList):
    """The user's watchlist of movies and TV shows (``user.watchlist``)."""

    __slots__ = ()
    _what = "watchlist"
    _v4_what = "watchlist"
