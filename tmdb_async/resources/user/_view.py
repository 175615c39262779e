"""The user view's state and the helpers its namespaces share.

A view holds the user's credential and a reference to the client's
:class:`~tmdb_async._core.Core`; it opens nothing. A v4 user token view uses
``Core.derive`` (same pool, other credentials): its requests carry
``Authorization: Bearer <user token>`` and no ``api_key``.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal, Protocol, TypeVar, cast

import attrs

from ..._core import Core, Params
from ..._credentials import Credentials, looks_like_jwt
from ...errors import CredentialError, MissingSessionError, TMDBUsageError
from ...models.account import Account
from ...models.auth import GuestSession, Session
from ...models.common import Page, StatusResponse
from ...models.user import UserMovie, UserTV, V4AccessToken
from .._base import check_id, check_token, language_param, segment
from .._params import check_option, check_page

if TYPE_CHECKING:
    from .account import UserAccount
    from .favorites import Favorites, Watchlist
    from .ratings import Ratings

__all__ = [
    "WRITE_SUCCESS_CODES",
    "MediaType",
    "SortBy",
    "UserLike",
    "ViewBase",
    "check_media",
    "check_rating",
    "check_sort",
    "fill_ratings",
]

T = TypeVar("T")

#: The kinds of media the account endpoints take.
MediaType = Literal["movie", "tv"]
#: The orders TMDB's account lists take (``created_at.asc`` is TMDB's default).
SortBy = Literal["created_at.asc", "created_at.desc"]

#: TMDB status codes that mean a write worked: created (1), updated (12), deleted (13).
WRITE_SUCCESS_CODES = frozenset({1, 12, 13})

_SORTS = frozenset({"created_at.asc", "created_at.desc"})
_MEDIA = frozenset({"movie", "tv"})

#: What :meth:`tmdb_async.TMDBClient.for_user` accepts.
UserLike = Session | GuestSession | V4AccessToken | str


class _Status(Protocol):
    @property
    def success(self) -> bool: ...

    @property
    def status_code(self) -> int | None: ...

    @property
    def status_message(self) -> str | None: ...


W = TypeVar("W", bound=_Status)
R = TypeVar("R", UserMovie, UserTV)


def check_rating(value: object) -> float:
    """A rating TMDB accepts: a number from 0.5 to 10 in steps of 0.5 (``bool`` refused)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TMDBUsageError(f"value (the rating) must be a number, not {type(value).__name__}")
    number = float(value)
    if not math.isfinite(number) or not 0.5 <= number <= 10.0 or not (number * 2).is_integer():
        raise TMDBUsageError(f"value (the rating) must be 0.5 to 10 in steps of 0.5, got {value!r}")
    return number


def check_media(media_type: object, name: str = "media_type") -> Literal["movie", "tv"]:
    """``"movie"`` or ``"tv"``."""
    if media_type not in _MEDIA:
        raise TMDBUsageError(f"{name} must be 'movie' or 'tv', got {media_type!r}")
    return cast('Literal["movie", "tv"]', media_type)


def check_sort(sort_by: object) -> str | None:
    """``created_at.asc``, ``created_at.desc`` or ``None``."""
    return check_option(sort_by, "sort_by", _SORTS)


def _object_id_of(token: str) -> str | None:
    """The v4 account object id in a user token's JWT payload (its ``sub`` claim)."""
    try:
        payload = token.split(".")[1]
        data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (IndexError, ValueError, binascii.Error):
        return None
    sub = data.get("sub") if isinstance(data, dict) else None
    return sub if isinstance(sub, str) and sub and sub.isalnum() else None


def fill_ratings(page: Page[R]) -> Page[R]:
    """v4's rated lists send ``account_rating``; copy its value to ``rating``."""
    results = [
        attrs.evolve(item, rating=item.account_rating.value)
        if item.rating is None and item.account_rating is not None
        else item
        for item in page.results
    ]
    return attrs.evolve(page, results=results)


class ViewBase:
    """What every user view has: identity, the account, favourites, watchlist, ratings.

    Not made directly: :meth:`tmdb_async.TMDBClient.for_user` returns a
    :class:`~tmdb_async.UserView` (v3 session or guest) or a
    :class:`~tmdb_async.V4UserView` (v4 user token).
    """

    __slots__ = (
        "_account_id",
        "_app",
        "_core",
        "_guest_id",
        "_kind",
        "_lock",
        "_session_id",
        "_v4_account_id",
        "_v4_token",
    )

    def __init__(self, core: Core, user: UserLike, *, account_id: int | None = None) -> None:
        self._app = core
        # Nothing a user's view sends is shared with other callers or cached
        # (tmdb_async/_cache.py), whatever the endpoint.
        self._core = core.private()
        self._session_id: str | None = None
        self._guest_id: str | None = None
        self._v4_token: str | None = None
        self._v4_account_id: str | None = None
        self._lock: asyncio.Lock | None = None
        self._account_id = None if account_id is None else check_id(account_id, "account_id")
        if isinstance(user, Session):
            self._kind = "session"
            self._session_id = check_token(user.session_id, "session_id")
        elif isinstance(user, GuestSession):
            self._kind = "guest"
            self._guest_id = check_token(user.guest_session_id, "guest_session_id")
            if account_id is not None:
                raise MissingSessionError("a guest session has no account (account_id given)")
        elif isinstance(user, V4AccessToken) or (isinstance(user, str) and looks_like_jwt(user)):
            token = user.access_token if isinstance(user, V4AccessToken) else user
            self._kind = "v4"
            self._v4_token = check_token(token, "access_token")
            if isinstance(user, V4AccessToken):
                self._v4_account_id = check_token(user.account_id, "account_id")
            else:
                self._v4_account_id = _object_id_of(token)
            if not core.credentials.is_bearer:
                raise CredentialError(
                    "a v4 user token view needs a client made with the API Read Access "
                    "Token (TMDBClient(access_token=...)): TMDB's v4 auth endpoints refuse "
                    "an api_key"
                )
            self._core = core.derive(
                credentials=Credentials("bearer", self._v4_token), cacheable=False
            )
        elif isinstance(user, str):
            self._kind = "session"
            self._session_id = check_token(user, "session_id")
        else:
            raise TMDBUsageError(
                "for_user takes a Session, a GuestSession, a V4AccessToken, a session id or "
                f"a v4 user access token, not {type(user).__name__}"
            )

    def __repr__(self) -> str:
        account = "" if self._account_id is None else f" account_id={self._account_id}"
        return f"<{type(self).__name__} kind={self._kind!r}{account}>"

    __str__ = __repr__

    def _copy_to(self, other: ViewBase) -> None:
        """Hand what this view learnt (converted session, account id) to a derived one."""
        other._session_id = self._session_id
        other._account_id = self._account_id

    # ------------------------------------------------------------------ identity

    @property
    def kind(self) -> Literal["session", "guest", "v4"]:
        """``"session"`` (v3 user session), ``"guest"`` or ``"v4"`` (v4 user token)."""
        return cast('Literal["session", "guest", "v4"]', self._kind)

    @property
    def is_guest(self) -> bool:
        """True for a guest session view."""
        return self._kind == "guest"

    # ------------------------------------------------------------------ namespaces

    @property
    def account(self) -> UserAccount:
        """The user's account: details, the v3 account id, the v4 account object id."""
        from .account import UserAccount

        return UserAccount(self)

    @property
    def favorites(self) -> Favorites:
        """The user's favourite movies and TV shows: pages, add, remove."""
        from .favorites import Favorites

        return Favorites(self)

    @property
    def watchlist(self) -> Watchlist:
        """The user's watchlist of movies and TV shows: pages, add, remove."""
        from .favorites import Watchlist

        return Watchlist(self)

    @property
    def ratings(self) -> Ratings:
        """Ratings of movies, TV shows and episodes; rated pages; account states."""
        from .ratings import Ratings

        return Ratings(self)

    # ------------------------------------------------------------------ credentials

    def _get_lock(self) -> asyncio.Lock:
        lock = self._lock
        if lock is None:
            lock = self._lock = asyncio.Lock()
        return lock

    async def session_id(self) -> str:
        """The v3 session id of this user (for a v4 view: converted once, then cached).

        Raises:
            MissingSessionError: a guest view has no user session.
        """
        sid = self._session_id
        if sid is not None:
            return sid
        if self._v4_token is None:
            raise MissingSessionError(
                "this operation needs a user session; a guest session cannot use account "
                "endpoints (log the user in with tmdb.auth.create_session)"
            )
        async with self._get_lock():
            if self._session_id is None:
                from ..auth import Auth

                session = await Auth(self._app).convert_v4_session(self._v4_token)
                self._session_id = session.session_id
            return self._session_id

    async def _account(self) -> int:
        """The user's v3 account id, looked up once (``GET /3/account``) and cached."""
        cached = self._account_id
        if cached is not None:
            return cached
        sid = await self.session_id()
        async with self._get_lock():
            if self._account_id is None:
                account = await self._core.request(
                    "GET", "/3/account", params={"session_id": sid}, into=Account
                )
                self._account_id = account.id
            return self._account_id

    async def _user_params(self) -> tuple[dict[str, str], tuple[str, ...]]:
        """``session_id`` or ``guest_session_id``: the endpoints that take either."""
        if self._guest_id is not None:
            return {"guest_session_id": self._guest_id}, (self._guest_id,)
        sid = await self.session_id()
        return {"session_id": sid}, (sid,)

    def _object_id(self) -> str | None:
        """The v4 account object id, for the v4 account routes (``None``: use v3)."""
        return self._v4_account_id if self._v4_token is not None else None

    def _require_object_id(self) -> str:
        """The v4 account object id, for routes that exist on v4 only."""
        oid = self._object_id()
        if oid is None:
            raise TMDBUsageError(
                "the v4 account object id is unknown: make the view from the V4AccessToken "
                "that tmdb.auth.create_v4_access_token returned"
            )
        return oid

    # ------------------------------------------------------------------ writes

    async def _write(
        self,
        method: str,
        path: str,
        *,
        into: type[W],
        params: Params | None = None,
        json: Mapping[str, object] | None = None,
        idempotent: bool,
        secrets: tuple[str, ...] = (),
    ) -> W:
        """A write: TMDB's body decides, a status code of 1, 12 or 13 is a success (any
        other is raised as its typed error by the request path)."""
        return await self._core.request(
            method,
            path,
            params=params,
            json=json,
            into=into,
            idempotent=idempotent,
            secrets=secrets,
            success_codes=WRITE_SUCCESS_CODES,
        )

    async def _account_write(self, what: str, body: dict[str, object]) -> StatusResponse:
        sid = await self.session_id()
        aid = await self._account()
        return await self._write(
            "POST",
            f"/3/account/{aid}/{what}",
            into=StatusResponse,
            params={"session_id": sid},
            json=body,
            idempotent=True,
            secrets=(sid,),
        )

    # ------------------------------------------------------------------ account pages

    async def _account_page(
        self,
        v3_path: str,
        v4_path: str | None,
        into: type[T],
        page: int,
        sort_by: SortBy | None,
        language: str | None,
    ) -> T:
        """A page of one of the user's lists: v4 route for a v4 view when TMDB has one,
        the guest route for a guest's rated lists, else the v3 account route."""
        params: dict[str, str | int | None] = {
            "page": check_page(page),
            "sort_by": check_sort(sort_by),
            "language": language_param(self._core, language),
        }
        oid = self._object_id()
        if oid is not None and v4_path is not None:
            return await self._core.request(
                "GET", f"/4/account/{segment(oid)}/{v4_path}", params=params, into=into
            )
        if self._guest_id is not None and v3_path.startswith("rated/"):
            gid = self._guest_id
            return await self._core.request(
                "GET",
                f"/3/guest_session/{segment(gid)}/{v3_path}",
                params=params,
                into=into,
                secrets=(gid,),
            )
        sid = await self.session_id()
        aid = await self._account()
        params["session_id"] = sid
        return await self._core.request(
            "GET", f"/3/account/{aid}/{v3_path}", params=params, into=into
        )

    # ------------------------------------------------------------------ logout

    async def logout(self) -> None:
        """End this user's sessions at TMDB.

        A v3 session view deletes its session. A v4 view deletes the v3 session it
        converted (if any) and then the v4 access token. The view is unusable afterwards.

        Raises:
            MissingSessionError: a guest view (TMDB has no way to delete guest sessions;
                they expire on their own).
        """
        if self._guest_id is not None:
            raise MissingSessionError(
                "a guest session cannot be deleted; TMDB deletes it when it expires"
            )
        from ..auth import Auth

        auth = Auth(self._app)
        if self._session_id is not None:
            await auth.delete_session(self._session_id)
        if self._v4_token is not None:
            await auth.delete_v4_access_token(self._v4_token)
