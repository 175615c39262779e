"""Models of the user paths: v4 tokens, account list items, ratings and v3 lists.

Tokens are secrets: their ``repr`` and ``str`` show ``'***'``.
"""

from __future__ import annotations

import datetime as dt

import attrs

from ._base import secret_field
from .movie import ListSummary, MovieSummary
from .tv import EpisodeSummary, TVSummary
from .v4 import AccountRating

__all__ = [
    "V4_REQUEST_TOKEN_LIFETIME",
    "ListCreated",
    "ListDetails",
    "ListItem",
    "ListItemStatus",
    "ListSummary",
    "UserEpisode",
    "UserMovie",
    "UserTV",
    "V4AccessToken",
    "V4RequestToken",
]

#: TMDB lets an unused v4 request token expire 15 minutes after it was issued.
V4_REQUEST_TOKEN_LIFETIME = dt.timedelta(minutes=15)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


@attrs.frozen(kw_only=True)
class V4RequestToken:
    """A v4 request token (``POST /4/auth/request_token``), a JWT.

    Send the user to :meth:`tmdb_async.resources.Auth.v4_approval_url` to approve it, then
    exchange it with :meth:`~tmdb_async.resources.Auth.create_v4_access_token`. TMDB's
    answer carries no expiry: TMDB documents that an unused v4 request token expires 15
    minutes after it was issued, so the client fills ``expires_at`` in from its own clock
    when the token arrives (an estimate; TMDB's clock decides). An expired token is
    refused by TMDB when exchanged (a typed :class:`~tmdb_async.errors.TMDBAPIError`).

    Attributes:
        request_token: the token (a JWT); a secret.
        expires_at: when the token stops being usable, estimated as above (aware, UTC);
            ``None`` when it was built by hand.
        status_code: TMDB's status code (1).
        status_message: TMDB's status message.
        success: TMDB's success flag.
    """

    request_token: str = secret_field()
    expires_at: dt.datetime | None = None
    status_code: int | None = None
    status_message: str | None = None
    success: bool = True

    def is_expired(self, now: dt.datetime | None = None) -> bool:
        """Whether ``expires_at`` has passed at ``now`` (default: the current UTC time)."""
        if self.expires_at is None:
            return False
        return (now or _now()) >= self.expires_at


@attrs.frozen(kw_only=True)
class V4AccessToken:
    """A v4 user access token (``POST /4/auth/access_token``), a JWT acting for the user.

    It does not expire on a clock: it stays valid until it is deleted
    (:meth:`~tmdb_async.resources.Auth.delete_v4_access_token`) or the user revokes the
    application on TMDB; after that TMDB answers with an authentication error. Keep it as
    secret as a password.

    Attributes:
        access_token: the user's access token (a JWT); a secret.
        account_id: the user's **v4** account id, a 24-hex object id string. It is not the
            v3 integer account id (:attr:`tmdb_async.Account.id`) that v3 account
            endpoints take.
        status_code: TMDB's status code (1).
        status_message: TMDB's status message.
        success: TMDB's success flag.
    """

    access_token: str = secret_field()
    account_id: str
    status_code: int | None = None
    status_message: str | None = None
    success: bool = True


@attrs.frozen(kw_only=True)
class UserMovie(MovieSummary):
    """A movie in one of a user's lists: favourites, watchlist or rated.

    The list item of :class:`~tmdb_async.MovieSummary`, plus ``rating``: the user's rating
    (0.5 to 10) in rated lists and ``None`` elsewhere. v4's rated lists also send
    ``account_rating`` (the value and when it was given); ``rating`` is filled from it.
    """

    rating: float | None = None
    account_rating: AccountRating | None = None


@attrs.frozen(kw_only=True)
class UserTV(TVSummary):
    """A TV show in one of a user's lists: favourites, watchlist or rated.

    The list item of :class:`~tmdb_async.TVSummary`, plus ``rating``: the user's rating
    (0.5 to 10) in rated lists and ``None`` elsewhere. v4's rated lists also send
    ``account_rating``; ``rating`` is filled from it.
    """

    rating: float | None = None
    account_rating: AccountRating | None = None


@attrs.frozen(kw_only=True)
class UserEpisode(EpisodeSummary):
    """A TV episode the user (or guest) rated; ``rating`` is their rating (0.5 to 10)."""

    rating: float | None = None


@attrs.frozen(kw_only=True)
class ListItem:
    """An item of a v3 list: a movie (``title`` ...) or a TV show (``name`` ...)."""

    id: int
    media_type: str | None = None
    title: str | None = None
    original_title: str | None = None
    name: str | None = None
    original_name: str | None = None
    original_language: str | None = None
    overview: str = ""
    adult: bool = False
    video: bool | None = None
    backdrop_path: str | None = None
    poster_path: str | None = None
    genre_ids: list[int] = attrs.Factory(list)
    origin_country: list[str] = attrs.Factory(list)
    popularity: float = 0.0
    release_date: dt.date | None = None
    first_air_date: dt.date | None = None
    vote_average: float = 0.0
    vote_count: int = 0


@attrs.frozen(kw_only=True)
class ListDetails:
    """A v3 list with its items (``GET /3/list/{list_id}``).

    TMDB sends the list ``id`` as a string here (``"1"``); it is an ``int`` in the model,
    like everywhere else.
    """

    id: int
    name: str = ""
    description: str = ""
    created_by: str | None = None
    favorite_count: int = 0
    item_count: int = 0
    iso_639_1: str | None = None
    poster_path: str | None = None
    items: list[ListItem] = attrs.Factory(list)
    page: int | None = None
    total_pages: int | None = None
    total_results: int | None = None


@attrs.frozen(kw_only=True)
class ListItemStatus:
    """Whether a movie is on a list (``GET /3/list/{list_id}/item_status``)."""

    id: int | None = None
    item_present: bool = False


@attrs.frozen(kw_only=True)
class ListCreated:
    """The answer to ``POST /3/list``: the new list's id and TMDB's status."""

    list_id: int
    success: bool = True
    status_code: int | None = None
    status_message: str | None = None
