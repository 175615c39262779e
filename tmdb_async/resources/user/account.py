"""``user.account``: who the user is."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...models.account import Account

if TYPE_CHECKING:
    from ._view import ViewBase

__all__ = ["UserAccount"]


class UserAccount:
    """The user's account (``user.account``). TMDB has no v4 route for it: a v4 view
    converts its token into a v3 session once and uses that."""

    __slots__ = ("_view",)

    def __init__(self, view: ViewBase) -> None:
        self._view = view

    def __repr__(self) -> str:
        return "<UserAccount namespace>"

    async def details(self) -> Account:
        """The user's account (``GET /3/account/{account_id}``, or ``GET /3/account`` while
        the id is not known yet); caches its ``id``.

        Raises:
            MissingSessionError: a guest view has no account (before any I/O).
            AuthenticationError: TMDB refused the session (code 3).

        See https://developer.themoviedb.org/reference/account-details
        """
        view = self._view
        sid = await view.session_id()
        known = view._account_id
        path = "/3/account" if known is None else f"/3/account/{known}"
        account = await view._core.request("GET", path, params={"session_id": sid}, into=Account)
        if view._account_id is None:
            view._account_id = account.id
        return account

    async def id(self) -> int:
        """The user's v3 account id (an int), looked up once (``GET /3/account``) and
        cached; ``tmdb.for_user(..., account_id=548)`` skips the lookup.

        Raises:
            MissingSessionError: a guest view has no account (before any I/O).
        """
        return await self._view._account()

    @property
    def object_id(self) -> str | None:
        """The v4 account object id (24 hex characters) of a v4 view: from
        :attr:`~tmdb_async.V4AccessToken.account_id`, or the token's ``sub`` claim when the
        view was made from the bare token. ``None`` for v3 and guest views."""
        return self._view._object_id()
