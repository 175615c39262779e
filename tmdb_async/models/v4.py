"""Models of TMDB's v4 account and list API (``/4/account/...``, ``/4/list/...``).

Checked against the bodies in ``tests/reference/v4`` (live captures from 2021 and 2024,
fixtures modelled on 2026 probes). TMDB's wire types drift between the account lists and
list details, and over time: ``public`` is ``true`` or ``1``, ``runtime`` and ``revenue``
are numbers or numeric strings, ``sort_by`` is ``"original_order.asc"`` or ``1``. The
models take every form seen (``public`` becomes a ``bool``, ``runtime`` / ``revenue`` an
``int``) and keep ``sort_by`` as sent.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import attrs

__all__ = [
    "AccountRating",
    "ListEntry",
    "V4List",
    "V4ListCleared",
    "V4ListCreated",
    "V4ListCreator",
    "V4ListItem",
    "V4ListItemResult",
    "V4ListItemStatus",
    "V4ListItemsResult",
    "V4ListSummary",
    "V4MediaType",
]

#: The media types a v4 list holds.
V4MediaType = Literal["movie", "tv"]


@attrs.frozen
class ListEntry:
    """An item to add to, comment on or remove from a v4 list (what you send).

    ``ListEntry("movie", 550)``, or with a comment for
    :meth:`~tmdb_async.resources.user.v4_lists.V4Lists.update_items`:
    ``ListEntry("tv", 1399, comment="Watch with Sam")``. Plain tuples
    ``("movie", 550)`` / ``("movie", 550, "comment")`` are accepted too.
    """

    media_type: V4MediaType
    media_id: int
    comment: str | None = None


@attrs.frozen(kw_only=True)
class AccountRating:
    """A user's rating as v4's rated lists send it (``account_rating``).

    Attributes:
        value: the rating, 0.5 to 10.
        created_at: when it was given (TMDB does not document the format; parsed when it
            is ISO 8601 or TMDB's ``YYYY-MM-DD HH:MM:SS UTC``).
    """

    value: float
    created_at: dt.datetime | None = None


@attrs.frozen(kw_only=True)
class V4ListSummary:
    """One of the user's lists (``GET /4/account/{account_object_id}/lists``).

    Private lists are included. ``sort_by`` is a number here (``1`` has only been seen next
    to lists whose details say ``"original_order.asc"``).
    """

    id: int
    name: str = ""
    description: str = ""
    account_object_id: str | None = None
    iso_639_1: str | None = None
    iso_3166_1: str | None = None
    number_of_items: int = 0
    public: bool = True
    adult: bool = False
    featured: bool = False
    average_rating: float = 0.0
    runtime: int = 0
    revenue: int = 0
    sort_by: int | None = None
    poster_path: str | None = None
    backdrop_path: str | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None


@attrs.frozen(kw_only=True)
class V4ListCreator:
    """Who made a v4 list: an object (v3 lists say only the username).

    ``id`` is the v4 account object id (24 hex characters).
    """

    id: str | None = None
    username: str | None = None
    name: str | None = None
    gravatar_hash: str | None = None
    avatar_path: str | None = None


@attrs.frozen(kw_only=True)
class V4ListItem:
    """An item of a v4 list: a movie (``title`` ...) or a TV show (``name`` ...).

    ``media_type`` says which. ``comment`` is the item's comment on the list (from the
    list's ``comments`` map, ``None`` when it has none): TMDB keeps comments outside the
    items, keyed ``"movie:550"``, and :class:`V4List` puts each on its item.
    """

    id: int
    media_type: str | None = None
    title: str | None = None
    original_title: str | None = None
    name: str | None = None
    original_name: str | None = None
    original_language: str | None = None
    overview: str = ""
    adult: bool = False
    softcore: bool | None = None
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
    comment: str | None = None

    @property
    def key(self) -> str:
        """TMDB's key for this item in a list's ``comments`` map: ``"movie:550"``."""
        return f"{self.media_type}:{self.id}"


@attrs.frozen(kw_only=True)
class V4List:
    """A v4 list with one page of its items (``GET /4/list/{list_id}``).

    Attributes:
        results: the items of this page (20 a page), movies and TV shows mixed; each has
            its ``comment`` filled in from ``comments``.
        comments: TMDB's map of this page's comments, ``"movie:550" -> text or None``.
        object_ids: TMDB's map of items to object ids (``{}`` on recent lists).
        item_count: the number of items in the whole list (absent on old answers; see
            ``total_results``).
        public: whether anyone may read the list.
        sort_by: the list's order, e.g. ``"original_order.asc"``.
        created_by: the owner.
    """

    id: int
    name: str = ""
    description: str = ""
    public: bool = True
    sort_by: str | None = None
    iso_639_1: str | None = None
    iso_3166_1: str | None = None
    average_rating: float = 0.0
    runtime: int = 0
    revenue: int = 0
    item_count: int | None = None
    poster_path: str | None = None
    backdrop_path: str | None = None
    created_by: V4ListCreator | None = None
    results: list[V4ListItem] = attrs.Factory(list)
    comments: dict[str, str | None] = attrs.Factory(dict)
    object_ids: dict[str, str] = attrs.Factory(dict)
    page: int = 1
    total_pages: int = 0
    total_results: int = 0


@attrs.frozen(kw_only=True)
class V4ListCreated:
    """The answer to ``POST /4/list``: the new list's ``id`` and TMDB's status."""

    id: int
    success: bool = True
    status_code: int | None = None
    status_message: str | None = None


@attrs.frozen(kw_only=True)
class V4ListCleared:
    """The answer to ``GET /4/list/{list_id}/clear``: how many items went."""

    id: int | None = None
    items_deleted: int = 0
    success: bool = True
    status_code: int | None = None
    status_message: str | None = None


@attrs.frozen(kw_only=True)
class V4ListItemResult:
    """What happened to one item of an add / update / remove items call.

    ``success`` is per item: ``False`` usually means "already on the list" (add) or "not
    on the list" (remove); the call as a whole still succeeded.
    """

    media_type: str
    media_id: int
    success: bool = True


@attrs.frozen(kw_only=True)
class V4ListItemsResult:
    """The answer to ``POST`` / ``PUT`` / ``DELETE /4/list/{list_id}/items``.

    Check :attr:`failed` (or each result's ``success``): TMDB reports a call with some
    items refused as a success.
    """

    results: list[V4ListItemResult] = attrs.Factory(list)
    success: bool = True
    status_code: int | None = None
    status_message: str | None = None

    @property
    def failed(self) -> list[V4ListItemResult]:
        """The items TMDB did not add, update or remove."""
        return [r for r in self.results if not r.success]


@attrs.frozen(kw_only=True)
class V4ListItemStatus:
    """Whether an item is on a v4 list (``GET /4/list/{list_id}/item_status``).

    TMDB answers 200 when it is and 404 (code 34) when it is not, or when the list does
    not exist or is not visible to the token: both become ``item_present=False``.
    """

    media_type: str
    media_id: int
    item_present: bool = True
    id: int | None = None
