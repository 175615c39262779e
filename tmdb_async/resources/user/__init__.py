"""``tmdb.for_user(...)``: lightweight views acting for one user (or guest).

A view holds the user's credential and a reference to the client's core; it opens
nothing, so thousands of views share the client's one connection pool and rate budget.
Its namespaces:

* ``user.account``: details, the v3 account id, the v4 account object id;
* ``user.favorites`` / ``user.watchlist``: ``movies()``, ``tv()``, ``add()``, ``remove()``;
* ``user.ratings``: ``rate_*``, ``delete_*``, rated pages, account states;
* ``user.lists``: v3 lists (:class:`UserView`) or v4 lists (:class:`V4UserView`);
* ``user.recommendations`` (v4 only).

Where TMDB has a v3 and a v4 route meaning the same thing, one call covers both: a v4
view uses the v4 route (favourite, watchlist and rated pages, every list call) and, where
TMDB has none (writes to favourites, watchlist and ratings, account states, the account),
converts its token into a v3 session once and caches it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, TypeVar

import aiohttp

from ..._core import Core
from ..._options import UNSET, Unset, derive_core
from ..._retry import RetryPolicy
from ...errors import TMDBUsageError
from ...models.user import V4AccessToken
from .._base import check_id, join_appends, language_param
from .._params import check_image_languages
from ._view import (
    WRITE_SUCCESS_CODES,
    MediaType,
    SortBy,
    UserLike,
    ViewBase,
    check_rating,
)

if TYPE_CHECKING:
    from ...models.movie import Movie
    from ..movies import MovieAppend
    from .lists import Lists
    from .recommendations import Recommendations
    from .v4_lists import V4Lists

__all__ = [
    "WRITE_SUCCESS_CODES",
    "MediaType",
    "SortBy",
    "UserLike",
    "UserView",
    "V4UserView",
    "ViewBase",
    "check_rating",
    "make_view",
]

V = TypeVar("V", bound=ViewBase)


class _Shared(ViewBase):
    __slots__ = ()

    def _derived(
        self,
        cls: type[V],
        user: UserLike,
        timeout: float | aiohttp.ClientTimeout | Unset | None,
        retry: RetryPolicy | Unset | None,
        language: str | Unset | None,
        region: str | Unset | None,
    ) -> V:
        core = derive_core(
            self._app, timeout=timeout, retry=retry, language=language, region=region
        )
        view = cls(core, user)
        self._copy_to(view)
        return view

    async def movie_details(
        self,
        movie_id: int,
        *,
        append_to_response: Iterable[MovieAppend] = (),
        language: str | None = None,
        include_image_language: Iterable[str] | str | None = None,
    ) -> Movie:
        """A movie's details as this user sees them (``GET /3/movie/{movie_id}`` with the
        user's ``session_id`` or ``guest_session_id``).

        The one catalogue call that needs the user: ``append_to_response`` may name
        ``account_states`` (the user's rating, favourite and watchlist flags, in
        ``movie.account_states``) along with any name ``tmdb.movies.details`` takes.

        Raises:
            TMDBUsageError: a bad id, language or append name (before any I/O).
        """
        from ...models.movie import Movie
        from ..movies import MOVIE_APPENDS

        mid = check_id(movie_id, "movie_id")
        params: dict[str, str | None] = {
            "append_to_response": join_appends(append_to_response, MOVIE_APPENDS),
            "language": language_param(self._core, language),
        }
        if include_image_language is not None:
            params["include_image_language"] = check_image_languages(include_image_language)
        user_params, secrets = await self._user_params()
        params.update(user_params)
        return await self._core.request(
            "GET", f"/3/movie/{mid}", params=params, into=Movie, secrets=secrets
        )


class UserView(_Shared):
    """TMDB as one user (a v3 session) or one guest sees it: ``tmdb.for_user(session)``.

    Cheap (no connection, no I/O), it shares the client's connection pool and rate
    budget, so a web app can make one per request; safe to share between tasks of the
    same user.

    * The v3 ``account_id`` the account endpoints need is looked up once
      (``GET /3/account``) on first use and cached; concurrent first calls share one
      lookup. Pass ``account_id=`` to :meth:`~tmdb_async.TMDBClient.for_user` to skip it.
    * A guest view can rate, delete ratings, read account states and its rated pages; an
      account-only operation raises :class:`~tmdb_async.MissingSessionError` locally.
    """

    __slots__ = ()

    def __init__(self, core: Core, user: UserLike, *, account_id: int | None = None) -> None:
        super().__init__(core, user, account_id=account_id)
        if self._kind == "v4":
            raise TMDBUsageError("a v4 user token makes a V4UserView: use tmdb.for_user(token)")

    @property
    def lists(self) -> Lists:
        """The user's v3 lists: mine, create, details, add, remove, clear, delete."""
        from .lists import Lists

        return Lists(self)

    def with_options(
        self,
        *,
        timeout: float | aiohttp.ClientTimeout | Unset | None = UNSET,
        retry: RetryPolicy | Unset | None = UNSET,
        language: str | Unset | None = UNSET,
        region: str | Unset | None = UNSET,
    ) -> UserView:
        """The same user with other settings (see :meth:`tmdb_async.TMDBClient.with_options`);
        same pool and rate budget, and what the view learnt (its account id) is kept."""
        from ...models.auth import GuestSession, Session

        user: UserLike
        if self._guest_id is not None:
            user = GuestSession(guest_session_id=self._guest_id)
        else:
            user = Session(session_id=self._session_id or "")
        return self._derived(UserView, user, timeout, retry, language, region)


class V4UserView(_Shared):
    """TMDB as a user with a v4 access token sees it: ``tmdb.for_user(access_token)``.

    Its requests send ``Authorization: Bearer <user token>`` (no ``api_key``). Favourite,
    watchlist and rated pages, every list call and the recommendations use TMDB's v4
    routes with the account object id (:attr:`V4AccessToken.account_id`, or the token's
    ``sub`` claim); where TMDB has no v4 route (adding favourites, ratings, account states,
    account details) the view converts its token into a v3 session once
    (``POST /3/authentication/session/convert/4``) and caches it. :meth:`logout` deletes
    both.
    """

    __slots__ = ()

    def __init__(self, core: Core, user: UserLike, *, account_id: int | None = None) -> None:
        super().__init__(core, user, account_id=account_id)
        if self._kind != "v4":
            raise TMDBUsageError("a V4UserView needs a v4 user token: use tmdb.for_user(...)")

    @property
    def lists(self) -> V4Lists:
        """The user's lists through the v4 API: mine, create, details, update, delete,
        clear, add / update_items / remove, item_status."""
        from .v4_lists import V4Lists

        return V4Lists(self)

    @property
    def recommendations(self) -> Recommendations:
        """Movies and TV shows TMDB recommends to this user."""
        from .recommendations import Recommendations

        return Recommendations(self)

    def with_options(
        self,
        *,
        timeout: float | aiohttp.ClientTimeout | Unset | None = UNSET,
        retry: RetryPolicy | Unset | None = UNSET,
        language: str | Unset | None = UNSET,
        region: str | Unset | None = UNSET,
    ) -> V4UserView:
        """The same user with other settings (see :meth:`tmdb_async.TMDBClient.with_options`);
        same pool and rate budget, and the converted session and ids are kept."""
        token = self._v4_token or ""
        view = self._derived(V4UserView, token, timeout, retry, language, region)
        view._v4_account_id = self._v4_account_id
        return view


def make_view(core: Core, user: UserLike, *, account_id: int | None = None) -> ViewBase:
    """The view for ``user``: a :class:`V4UserView` for a v4 user token, else a
    :class:`UserView`."""
    if isinstance(user, V4AccessToken):
        return V4UserView(core, user, account_id=account_id)
    if isinstance(user, str):
        from ..._credentials import looks_like_jwt

        if looks_like_jwt(user):
            return V4UserView(core, user, account_id=account_id)
    return UserView(core, user, account_id=account_id)
