"""``tmdb.for_user(...)``: a lightweight view acting for one user (or guest).

A :class:`UserView` holds the user's credential and a reference to the client's
:class:`~tmdb_async._core.Core`; it opens nothing. Thousands of views share the client's one
connection pool. A v4 user token view uses ``Core.derive`` (same pool, other credentials):
its requests carry ``Authorization: Bearer <user token>`` and no ``api_key``.
"""

from __future__ import annotations

import asyncio
import math
import re
from collections.abc import Mapping
from typing import Literal, TypeVar, cast

from .._core import Core, Params
from .._credentials import Credentials, looks_like_jwt
from ..errors import CredentialError, MissingSessionError, TMDBUsageError, error_from_response
from ..models.account import Account
from ..models.auth import GuestSession, Session
from ..models.common import Page, StatusResponse
from ..models.states import AccountStates
from ..models.user import (
    ListCreated,
    ListDetails,
    ListItemStatus,
    ListSummary,
    UserEpisode,
    UserMovie,
    UserTV,
    V4AccessToken,
)
from ._base import check_id, check_token, language_param, segment
from ._params import check_page
from .auth import Auth

__all__ = ["WRITE_SUCCESS_CODES", "MediaType", "SortBy", "UserLike", "UserView", "check_rating"]

T = TypeVar("T")

#: The kinds of media the account endpoints take.
MediaType = Literal["movie", "tv"]
#: The orders TMDB's account lists take (``created_at.asc`` is TMDB's default).
SortBy = Literal["created_at.asc", "created_at.desc"]

#: TMDB status codes that mean a write worked: created (1), updated (12), deleted (13).
WRITE_SUCCESS_CODES = frozenset({1, 12, 13})

_SORTS = frozenset({"created_at.asc", "created_at.desc"})
_MEDIA = frozenset({"movie", "tv"})
_LIST_LANGUAGE = re.compile(r"[a-z]{2}")

#: What :meth:`tmdb_async.TMDBClient.for_user` accepts.
UserLike = Session | GuestSession | V4AccessToken | str


def check_rating(value: object) -> float:
    """A rating TMDB accepts: a number from 0.5 to 10 in steps of 0.5 (``bool`` refused)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TMDBUsageError(f"a rating must be a number, not {type(value).__name__}")
    number = float(value)
    if not math.isfinite(number) or not 0.5 <= number <= 10.0 or not (number * 2).is_integer():
        raise TMDBUsageError(f"a rating must be 0.5 to 10 in steps of 0.5, got {value!r}")
    return number


def _check_media(media_type: object) -> str:
    if media_type not in _MEDIA:
        raise TMDBUsageError(f"media_type must be 'movie' or 'tv', got {media_type!r}")
    return media_type


def _check_sort(sort_by: object) -> str | None:
    if sort_by is not None and sort_by not in _SORTS:
        raise TMDBUsageError(
            f"sort_by must be 'created_at.asc' or 'created_at.desc', got {sort_by!r}"
        )
    return sort_by


def _check_episode_number(value: object, name: str) -> int:
    # Season 0 (specials) exists; episode numbers start at 1.
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise TMDBUsageError(f"{name} must be a non-negative int, got {value!r}")
    return value


class UserView:
    """TMDB as one user (a v3 session or a v4 user token) or one guest sees it.

    Make one with :meth:`tmdb_async.TMDBClient.for_user`; it is cheap (no connection, no
    I/O) and shares the client's connection pool, so a web app can make one per request.
    It is safe to share between tasks of the same user.

    * The v3 ``account_id`` the account endpoints need is looked up once
      (``GET /3/account``) on first use and cached; concurrent first calls share one
      lookup. Pass ``account_id=`` to :meth:`~tmdb_async.TMDBClient.for_user` to skip it.
    * A v4 user token view sends ``Authorization: Bearer <user token>``. v3 account
      endpoints need a session id, so its first account operation converts the token into a
      v3 session once (``POST /3/authentication/session/convert/4``) and caches it;
      :meth:`logout` deletes both.
    * A guest view can rate, delete ratings, read account states and its rated lists; an
      account-only operation raises :class:`~tmdb_async.MissingSessionError` locally.
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
        self._core = core
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
                self._v4_account_id = user.account_id
            if not core.credentials.is_bearer:
                raise CredentialError(
                    "a v4 user token view needs a client made with the API Read Access "
                    "Token (TMDBClient(access_token=...)): TMDB's v4 auth endpoints refuse "
                    "an api_key"
                )
            self._core = core.derive(credentials=Credentials("bearer", self._v4_token))
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
        return f"<UserView kind={self._kind!r}{account}>"

    __str__ = __repr__

    # ------------------------------------------------------------------ identity

    @property
    def kind(self) -> Literal["session", "guest", "v4"]:
        """``"session"`` (v3 user session), ``"guest"`` or ``"v4"`` (v4 user token)."""
        return cast('Literal["session", "guest", "v4"]', self._kind)

    @property
    def is_guest(self) -> bool:
        """True for a guest session view."""
        return self._kind == "guest"

    @property
    def v4_account_id(self) -> str | None:
        """The v4 account id (24 hex characters) when the view was made from a
        :class:`~tmdb_async.models.user.V4AccessToken`, else ``None``."""
        return self._v4_account_id

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
                session = await Auth(self._app).convert_v4_session(self._v4_token)
                self._session_id = session.session_id
            return self._session_id

    async def account_id(self) -> int:
        """The user's v3 account id, looked up once (``GET /3/account``) and cached.

        Raises:
            MissingSessionError: a guest view has no account.
        """
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

    async def details(self) -> Account:
        """The user's account (``GET /3/account/{account_id}``); caches its ``id``.

        Raises:
            MissingSessionError: a guest view has no account.
        """
        sid = await self.session_id()
        known = self._account_id
        path = "/3/account" if known is None else f"/3/account/{known}"
        account = await self._core.request("GET", path, params={"session_id": sid}, into=Account)
        if self._account_id is None:
            self._account_id = account.id
        return account

    async def _user_params(self) -> tuple[dict[str, str], tuple[str, ...]]:
        """``session_id`` or ``guest_session_id``: the endpoints that take either."""
        if self._guest_id is not None:
            return {"guest_session_id": self._guest_id}, (self._guest_id,)
        sid = await self.session_id()
        return {"session_id": sid}, (sid,)

    # ------------------------------------------------------------------ writes

    async def _write(
        self,
        method: str,
        path: str,
        *,
        params: Params,
        json: Mapping[str, object] | None,
        idempotent: bool,
        secrets: tuple[str, ...],
    ) -> StatusResponse:
        result = await self._core.request(
            method,
            path,
            params=params,
            json=json,
            into=StatusResponse,
            idempotent=idempotent,
            secrets=secrets,
        )
        return self._check_write(result, method, path, params, secrets)

    def _check_write(
        self,
        result: StatusResponse,
        method: str,
        path: str,
        params: Params,
        secrets: tuple[str, ...],
    ) -> StatusResponse:
        # Only TMDB's explicit write codes count: a 2xx without one is not proof of a write.
        code = result.status_code
        if code in WRITE_SUCCESS_CODES:
            return result
        raise error_from_response(
            200,
            {
                "success": result.success,
                "status_code": code,
                "status_message": result.status_message,
            },
            method=method,
            url=self._core.display_url(path, params, secrets),
        )

    async def set_favorite(
        self, media_type: MediaType, media_id: int, favorite: bool = True
    ) -> StatusResponse:
        """Mark (``favorite=True``) or unmark a movie or TV show as a favourite.

        ``POST /3/account/{account_id}/favorite`` with
        ``{"media_type", "media_id", "favorite"}``. Safe to repeat, so retried like a GET.

        Returns:
            TMDB's status: code 1 (added), 12 (updated) or 13 (removed).

        Raises:
            TMDBUsageError: a bad media type or id (before any I/O).
            MissingSessionError: a guest view (before any I/O).
            TMDBAPIError: TMDB refused, or answered with another status code.
        """
        kind = _check_media(media_type)
        mid = check_id(media_id, "media_id")
        if not isinstance(favorite, bool):
            raise TMDBUsageError("favorite must be a bool")
        return await self._account_write(
            "favorite", {"media_type": kind, "media_id": mid, "favorite": favorite}
        )

    async def favorite(self, media_type: MediaType, media_id: int) -> StatusResponse:
        """Add a movie or TV show to the user's favourites (see :meth:`set_favorite`)."""
        return await self.set_favorite(media_type, media_id, True)

    async def unfavorite(self, media_type: MediaType, media_id: int) -> StatusResponse:
        """Remove a movie or TV show from the user's favourites (see :meth:`set_favorite`)."""
        return await self.set_favorite(media_type, media_id, False)

    async def set_watchlist(
        self, media_type: MediaType, media_id: int, watchlist: bool = True
    ) -> StatusResponse:
        """Add (``watchlist=True``) or remove a movie or TV show on the user's watchlist.

        ``POST /3/account/{account_id}/watchlist`` with
        ``{"media_type", "media_id", "watchlist"}``. Safe to repeat, so retried like a GET.

        Raises:
            TMDBUsageError: a bad media type or id (before any I/O).
            MissingSessionError: a guest view (before any I/O).
            TMDBAPIError: TMDB refused, or answered with another status code.
        """
        kind = _check_media(media_type)
        mid = check_id(media_id, "media_id")
        if not isinstance(watchlist, bool):
            raise TMDBUsageError("watchlist must be a bool")
        return await self._account_write(
            "watchlist", {"media_type": kind, "media_id": mid, "watchlist": watchlist}
        )

    async def add_to_watchlist(self, media_type: MediaType, media_id: int) -> StatusResponse:
        """Add a movie or TV show to the user's watchlist (see :meth:`set_watchlist`)."""
        return await self.set_watchlist(media_type, media_id, True)

    async def remove_from_watchlist(self, media_type: MediaType, media_id: int) -> StatusResponse:
        """Remove a movie or TV show from the user's watchlist (see :meth:`set_watchlist`)."""
        return await self.set_watchlist(media_type, media_id, False)

    async def _account_write(self, what: str, body: dict[str, object]) -> StatusResponse:
        sid = await self.session_id()
        aid = await self.account_id()
        return await self._write(
            "POST",
            f"/3/account/{aid}/{what}",
            params={"session_id": sid},
            json=body,
            idempotent=True,
            secrets=(sid,),
        )

    # ------------------------------------------------------------------ account lists

    async def _account_page(
        self,
        path: str,
        into: type[T],
        page: int,
        sort_by: SortBy | None,
        language: str | None,
    ) -> T:
        params: dict[str, str | int | None] = {
            "page": check_page(page),
            "sort_by": _check_sort(sort_by),
            "language": language_param(self._core, language),
        }
        if self._guest_id is not None and path.startswith("rated/"):
            gid = self._guest_id
            return await self._core.request(
                "GET",
                f"/3/guest_session/{segment(gid)}/{path}",
                params=params,
                into=into,
                secrets=(gid,),
            )
        sid = await self.session_id()
        aid = await self.account_id()
        params["session_id"] = sid
        return await self._core.request("GET", f"/3/account/{aid}/{path}", params=params, into=into)

    async def favorite_movies(
        self, *, page: int = 1, sort_by: SortBy | None = None, language: str | None = None
    ) -> Page[UserMovie]:
        """The user's favourite movies (``GET /3/account/{account_id}/favorite/movies``).

        Args:
            page: 1 to 500.
            sort_by: ``"created_at.asc"`` (TMDB's default) or ``"created_at.desc"``.
            language: ``en-US`` style; default: the client's.
        """
        return await self._account_page("favorite/movies", Page[UserMovie], page, sort_by, language)

    async def favorite_tv(
        self, *, page: int = 1, sort_by: SortBy | None = None, language: str | None = None
    ) -> Page[UserTV]:
        """The user's favourite TV shows (``GET /3/account/{account_id}/favorite/tv``)."""
        return await self._account_page("favorite/tv", Page[UserTV], page, sort_by, language)

    async def watchlist_movies(
        self, *, page: int = 1, sort_by: SortBy | None = None, language: str | None = None
    ) -> Page[UserMovie]:
        """Movies on the user's watchlist (``GET /3/account/{account_id}/watchlist/movies``)."""
        return await self._account_page(
            "watchlist/movies", Page[UserMovie], page, sort_by, language
        )

    async def watchlist_tv(
        self, *, page: int = 1, sort_by: SortBy | None = None, language: str | None = None
    ) -> Page[UserTV]:
        """TV shows on the user's watchlist (``GET /3/account/{account_id}/watchlist/tv``)."""
        return await self._account_page("watchlist/tv", Page[UserTV], page, sort_by, language)

    async def rated_movies(
        self, *, page: int = 1, sort_by: SortBy | None = None, language: str | None = None
    ) -> Page[UserMovie]:
        """Movies the user rated, each with its ``rating``.

        ``GET /3/account/{account_id}/rated/movies``; for a guest view
        ``GET /3/guest_session/{guest_session_id}/rated/movies`` (the id is redacted from
        logs and errors).
        """
        return await self._account_page("rated/movies", Page[UserMovie], page, sort_by, language)

    async def rated_tv(
        self, *, page: int = 1, sort_by: SortBy | None = None, language: str | None = None
    ) -> Page[UserTV]:
        """TV shows the user (or guest) rated, each with its ``rating`` (``.../rated/tv``)."""
        return await self._account_page("rated/tv", Page[UserTV], page, sort_by, language)

    async def rated_episodes(
        self, *, page: int = 1, sort_by: SortBy | None = None, language: str | None = None
    ) -> Page[UserEpisode]:
        """Episodes the user (or guest) rated, each with its ``rating``
        (``.../rated/tv/episodes``)."""
        return await self._account_page(
            "rated/tv/episodes", Page[UserEpisode], page, sort_by, language
        )

    async def lists(self, *, page: int = 1) -> Page[ListSummary]:
        """The user's v3 lists (``GET /3/account/{account_id}/lists``)."""
        sid = await self.session_id()
        aid = await self.account_id()
        return await self._core.request(
            "GET",
            f"/3/account/{aid}/lists",
            params={"page": check_page(page), "session_id": sid},
            into=Page[ListSummary],
        )

    # ------------------------------------------------------------------ ratings and states

    async def _rate(self, path: str, value: object) -> StatusResponse:
        body = {"value": check_rating(value)}
        params, secrets = await self._user_params()
        return await self._write(
            "POST", path, params=params, json=body, idempotent=True, secrets=secrets
        )

    async def _unrate(self, path: str) -> StatusResponse:
        params, secrets = await self._user_params()
        return await self._write(
            "DELETE", path, params=params, json=None, idempotent=True, secrets=secrets
        )

    async def rate_movie(self, movie_id: int, value: float) -> StatusResponse:
        """Rate a movie (``POST /3/movie/{movie_id}/rating`` with ``{"value": x}``).

        Works for user and guest views. Setting a rating is safe to repeat, so it is
        retried like a GET.

        Args:
            movie_id: TMDB's movie id.
            value: 0.5 to 10 in steps of 0.5.

        Returns:
            TMDB's status: code 1 (rated) or 12 (rating updated).

        Raises:
            TMDBUsageError: a bad id or value (before any I/O).
        """
        mid = check_id(movie_id, "movie_id")
        return await self._rate(f"/3/movie/{mid}/rating", value)

    async def delete_movie_rating(self, movie_id: int) -> StatusResponse:
        """Remove the user's rating of a movie (``DELETE /3/movie/{movie_id}/rating``).

        Returns:
            TMDB's status: code 13 (deleted).
        """
        return await self._unrate(f"/3/movie/{check_id(movie_id, 'movie_id')}/rating")

    async def rate_tv(self, series_id: int, value: float) -> StatusResponse:
        """Rate a TV show (``POST /3/tv/{series_id}/rating``); see :meth:`rate_movie`."""
        sid = check_id(series_id, "series_id")
        return await self._rate(f"/3/tv/{sid}/rating", value)

    async def delete_tv_rating(self, series_id: int) -> StatusResponse:
        """Remove the user's rating of a TV show (``DELETE /3/tv/{series_id}/rating``)."""
        return await self._unrate(f"/3/tv/{check_id(series_id, 'series_id')}/rating")

    def _episode_path(self, series_id: int, season_number: int, episode_number: int) -> str:
        sid = check_id(series_id, "series_id")
        season = _check_episode_number(season_number, "season_number")
        episode = _check_episode_number(episode_number, "episode_number")
        return f"/3/tv/{sid}/season/{season}/episode/{episode}"

    async def rate_episode(
        self, series_id: int, season_number: int, episode_number: int, value: float
    ) -> StatusResponse:
        """Rate a TV episode
        (``POST /3/tv/{series_id}/season/{season_number}/episode/{episode_number}/rating``)."""
        path = self._episode_path(series_id, season_number, episode_number)
        return await self._rate(f"{path}/rating", value)

    async def delete_episode_rating(
        self, series_id: int, season_number: int, episode_number: int
    ) -> StatusResponse:
        """Remove the user's rating of a TV episode (``DELETE .../episode/{n}/rating``)."""
        path = self._episode_path(series_id, season_number, episode_number)
        return await self._unrate(f"{path}/rating")

    async def _states(self, path: str) -> AccountStates:
        params, secrets = await self._user_params()
        return await self._core.request(
            "GET", path, params=params, into=AccountStates, secrets=secrets
        )

    async def movie_states(self, movie_id: int) -> AccountStates:
        """Whether the user rated, favourited or watchlisted a movie
        (``GET /3/movie/{movie_id}/account_states``). ``rated`` is ``None`` or the rating."""
        return await self._states(f"/3/movie/{check_id(movie_id, 'movie_id')}/account_states")

    async def tv_states(self, series_id: int) -> AccountStates:
        """Whether the user rated, favourited or watchlisted a TV show
        (``GET /3/tv/{series_id}/account_states``)."""
        return await self._states(f"/3/tv/{check_id(series_id, 'series_id')}/account_states")

    async def episode_states(
        self, series_id: int, season_number: int, episode_number: int
    ) -> AccountStates:
        """The user's state for one TV episode (``GET .../episode/{n}/account_states``)."""
        path = self._episode_path(series_id, season_number, episode_number)
        return await self._states(f"{path}/account_states")

    # ------------------------------------------------------------------ v3 lists

    async def create_list(
        self, name: str, *, description: str = "", language: str | None = None
    ) -> ListCreated:
        """Create a v3 list (``POST /3/list`` with ``{"name", "description", "language"}``).

        Not retried after the request may have reached TMDB: a repeat would create a
        second list.

        Args:
            name: the list's name (non-empty).
            description: its description.
            language: the list's ISO 639-1 language (``"en"``); TMDB's default if omitted.

        Returns:
            The new list's id (``ListCreated.list_id``).
        """
        if not isinstance(name, str) or not name.strip():
            raise TMDBUsageError("name must be a non-empty str")
        if not isinstance(description, str):
            raise TMDBUsageError("description must be a str")
        body: dict[str, object] = {"name": name, "description": description}
        if language is not None:
            if not isinstance(language, str) or not _LIST_LANGUAGE.fullmatch(language):
                raise TMDBUsageError(
                    f"language must be an ISO 639-1 code like 'en', got {language!r}"
                )
            body["language"] = language
        sid = await self.session_id()
        result = await self._core.request(
            "POST",
            "/3/list",
            params={"session_id": sid},
            json=body,
            into=ListCreated,
            idempotent=False,
        )
        status = StatusResponse(
            success=result.success,
            status_code=result.status_code,
            status_message=result.status_message,
        )
        self._check_write(status, "POST", "/3/list", {"session_id": sid}, (sid,))
        return result

    async def list_details(
        self, list_id: int, *, page: int = 1, language: str | None = None
    ) -> ListDetails:
        """A v3 list with its items (``GET /3/list/{list_id}``); no session needed."""
        lid = check_id(list_id, "list_id")
        params = {"page": check_page(page), "language": language_param(self._core, language)}
        return await self._core.request("GET", f"/3/list/{lid}", params=params, into=ListDetails)

    async def list_item_status(self, list_id: int, movie_id: int) -> ListItemStatus:
        """Whether a movie is on a list (``GET /3/list/{list_id}/item_status?movie_id=``)."""
        lid = check_id(list_id, "list_id")
        mid = check_id(movie_id, "movie_id")
        return await self._core.request(
            "GET", f"/3/list/{lid}/item_status", params={"movie_id": mid}, into=ListItemStatus
        )

    async def _list_write(
        self,
        method: str,
        list_id: int,
        suffix: str,
        *,
        json: dict[str, object] | None = None,
        extra: Params | None = None,
        idempotent: bool,
    ) -> StatusResponse:
        lid = check_id(list_id, "list_id")
        sid = await self.session_id()
        params: dict[str, str | int | float | bool | None] = {"session_id": sid}
        if extra:
            params.update(extra)
        return await self._write(
            method,
            f"/3/list/{lid}{suffix}",
            params=params,
            json=json,
            idempotent=idempotent,
            secrets=(sid,),
        )

    async def add_to_list(self, list_id: int, media_id: int) -> StatusResponse:
        """Add a movie to a v3 list (``POST /3/list/{list_id}/add_item`` with
        ``{"media_id"}``). Not retried blindly (TMDB answers a repeat with code 8).

        Raises:
            DuplicateEntryError: the movie is on the list already (code 8).
        """
        mid = check_id(media_id, "media_id")
        return await self._list_write(
            "POST", list_id, "/add_item", json={"media_id": mid}, idempotent=False
        )

    async def remove_from_list(self, list_id: int, media_id: int) -> StatusResponse:
        """Remove a movie from a v3 list (``POST /3/list/{list_id}/remove_item``)."""
        mid = check_id(media_id, "media_id")
        return await self._list_write(
            "POST", list_id, "/remove_item", json={"media_id": mid}, idempotent=False
        )

    async def clear_list(self, list_id: int, *, confirm: bool) -> StatusResponse:
        """Remove every item of a v3 list (``POST /3/list/{list_id}/clear?confirm=true``).

        Args:
            confirm: must be ``True``: the items are gone for good.

        Raises:
            TMDBUsageError: ``confirm`` is not ``True`` (before any I/O).
        """
        if confirm is not True:
            raise TMDBUsageError("clear_list empties the list for good: pass confirm=True")
        return await self._list_write(
            "POST", list_id, "/clear", extra={"confirm": True}, idempotent=True
        )

    async def delete_list(self, list_id: int) -> StatusResponse:
        """Delete a v3 list (``DELETE /3/list/{list_id}``)."""
        return await self._list_write("DELETE", list_id, "", idempotent=True)

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
        auth = Auth(self._app)
        if self._session_id is not None:
            await auth.delete_session(self._session_id)
        if self._v4_token is not None:
            await auth.delete_v4_access_token(self._v4_token)
