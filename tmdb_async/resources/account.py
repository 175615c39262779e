"""``tmdb.account``: the logged-in user's account."""

from __future__ import annotations

from ..models.account import Account
from ..models.auth import Session
from ._base import Resource, check_id, session_id_of

__all__ = ["AccountResource"]


class AccountResource(Resource):
    """Account endpoints; each needs the user's session."""

    __slots__ = ()

    async def details(self, session: Session | str, account_id: int | None = None) -> Account:
        """The account of the session's user.

        ``GET /3/account?session_id=...`` (or ``GET /3/account/{account_id}`` when
        ``account_id`` is given). The returned ``Account.id`` is the v3 account id that the
        other account endpoints need.

        Args:
            session: a :class:`~tmdb_async.Session` or a plain session id string.
            account_id: the v3 account id, if already known.

        Raises:
            MissingSessionError: no usable session (checked before any I/O).
            AuthenticationError: TMDB refused the session (code 3).
        """
        sid = session_id_of(session)
        path = (
            "/3/account"
            if account_id is None
            else f"/3/account/{check_id(account_id, 'account_id')}"
        )
        return await self._core.request("GET", path, params={"session_id": sid}, into=Account)
