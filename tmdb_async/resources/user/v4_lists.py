"""``user.lists`` of a v4 view: TMDB's v4 list API, with the user's access token."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal, get_args

import attrs

from ...errors import ResourceNotFoundError, TMDBUsageError
from ...models.common import Page, StatusResponse
from ...models.v4 import (
    ListEntry,
    V4List,
    V4ListCleared,
    V4ListCreated,
    V4ListItemsResult,
    V4ListItemStatus,
    V4ListSummary,
    V4MediaType,
)
from .._base import check_id, language_param, segment
from .._params import check_option, check_page
from ._view import check_media

if TYPE_CHECKING:
    from ._view import ViewBase

__all__ = ["V4_LIST_SORTS", "V4ListSort", "V4Lists"]

#: The orders a v4 list takes (on create, update and read); TMDB refuses the others.
V4ListSort = Literal[
    "original_order.asc",
    "original_order.desc",
    "vote_average.asc",
    "vote_average.desc",
    "primary_release_date.asc",
    "primary_release_date.desc",
    "release_date.asc",
    "release_date.desc",
    "title.asc",
    "title.desc",
]
#: The values of :data:`V4ListSort`, checked at run time.
V4_LIST_SORTS: frozenset[str] = frozenset(get_args(V4ListSort))

_ISO_639_1 = re.compile(r"[a-z]{2}")
_ISO_3166_1 = re.compile(r"[A-Z]{2}")

#: What :meth:`V4Lists.add` and friends take for one item.
EntryLike = ListEntry | tuple[V4MediaType, int] | tuple[V4MediaType, int, str]


def _check_text(value: object, name: str, *, required: bool = False) -> str:
    if not isinstance(value, str):
        raise TMDBUsageError(f"{name} must be a str, not {type(value).__name__}")
    if required and not value.strip():
        raise TMDBUsageError(f"{name} must not be empty")
    return value


def _check_public(public: object) -> int:
    # TMDB ignores a boolean false on create: 0 / 1 is what it honours.
    if not isinstance(public, bool):
        raise TMDBUsageError(f"public must be a bool, not {type(public).__name__}")
    return int(public)


def _entries(items: object, *, comments: bool) -> list[dict[str, object]]:
    """The ``items`` body: each entry checked, no repeats, at least one."""
    if isinstance(items, ListEntry | tuple | str | bytes) or not isinstance(items, Iterable):
        raise TMDBUsageError("items must be a list of ListEntry or (media_type, media_id) tuples")
    out: list[dict[str, object]] = []
    seen: set[tuple[str, int]] = set()
    for index, raw in enumerate(items):
        if isinstance(raw, ListEntry):
            entry = raw
        elif isinstance(raw, tuple) and len(raw) in (2, 3):
            entry = ListEntry(*raw)
        else:
            raise TMDBUsageError(
                f"items[{index}] must be a ListEntry or a (media_type, media_id) tuple"
            )
        kind = check_media(entry.media_type, f"items[{index}].media_type")
        mid = check_id(entry.media_id, f"items[{index}].media_id")
        if (kind, mid) in seen:
            raise TMDBUsageError(f"items[{index}] repeats {kind} {mid}")
        seen.add((kind, mid))
        body: dict[str, object] = {"media_type": kind, "media_id": mid}
        if comments:
            if entry.comment is None:
                raise TMDBUsageError(f"items[{index}].comment is required (a str)")
            body["comment"] = _check_text(entry.comment, f"items[{index}].comment")
        elif entry.comment is not None:
            raise TMDBUsageError(
                f"items[{index}].comment: TMDB keeps comments only through update_items"
            )
        out.append(body)
    if not out:
        raise TMDBUsageError("items must hold at least one item")
    return out


def _with_comments(details: V4List) -> V4List:
    """Put each comment of the page's ``comments`` map on its item."""
    if not details.comments:
        return details
    results = [
        attrs.evolve(item, comment=details.comments.get(item.key)) for item in details.results
    ]
    return attrs.evolve(details, results=results)


class V4Lists:
    """The user's lists through TMDB's v4 API (``user.lists`` of a
    :class:`~tmdb_async.V4UserView`): every call sends the user's access token.

    v4 lists hold movies and TV shows, with a comment per item; v3 and v4 see the same
    lists. Writes are judged by TMDB's body (status code 1, 12 or 13), not the HTTP status.
    """

    __slots__ = ("_view",)

    def __init__(self, view: ViewBase) -> None:
        self._view = view

    def __repr__(self) -> str:
        return "<V4Lists namespace>"

    async def mine(self, *, page: int = 1) -> Page[V4ListSummary]:
        """The user's lists, private ones included
        (``GET /4/account/{account_object_id}/lists``)."""
        params = {"page": check_page(page)}
        oid = self._view._require_object_id()
        return await self._view._core.request(
            "GET", f"/4/account/{segment(oid)}/lists", params=params, into=Page[V4ListSummary]
        )

    async def create(
        self,
        name: str,
        *,
        language: str = "en",
        description: str = "",
        public: bool = True,
        country: str | None = None,
        sort_by: V4ListSort | None = None,
    ) -> V4ListCreated:
        """Create a list (``POST /4/list`` with ``{"name", "iso_639_1", "description",
        "public", "iso_3166_1", "sort_by"}``). Not retried after it may have reached TMDB.

        Args:
            name: the list's name (non-empty).
            language: its ISO 639-1 language (``"en"``), sent as ``iso_639_1``.
            description: its description.
            public: ``False`` makes a private list (sent as ``0``: TMDB ignores ``false``).
            country: its ISO 3166-1 country (``"US"``), sent as ``iso_3166_1``.
            sort_by: its order (:data:`V4ListSort`); TMDB's default ``original_order.asc``.

        Returns:
            The new list's ``id``.

        Raises:
            TMDBUsageError: a bad argument (before any I/O).
            WritePermissionError: the token was not approved for writing (code 36).
        """
        body: dict[str, object] = {
            "name": _check_text(name, "name", required=True),
            "iso_639_1": self._language(language),
            "description": _check_text(description, "description"),
            "public": _check_public(public),
        }
        if country is not None:
            if not isinstance(country, str) or not _ISO_3166_1.fullmatch(country):
                raise TMDBUsageError(
                    f"country must be an ISO 3166-1 code like 'US', got {country!r}"
                )
            body["iso_3166_1"] = country
        sort = check_option(sort_by, "sort_by", V4_LIST_SORTS)
        if sort is not None:
            body["sort_by"] = sort
        return await self._view._write(
            "POST", "/4/list", into=V4ListCreated, json=body, idempotent=False
        )

    @staticmethod
    def _language(language: object) -> str:
        if not isinstance(language, str) or not _ISO_639_1.fullmatch(language):
            raise TMDBUsageError(f"language must be an ISO 639-1 code like 'en', got {language!r}")
        return language

    async def details(
        self,
        list_id: int,
        *,
        page: int = 1,
        language: str | None = None,
        sort_by: V4ListSort | None = None,
    ) -> V4List:
        """A list with one page of its items (``GET /4/list/{list_id}``), each item with
        its ``comment``. A private list is readable by its owner only.

        Args:
            list_id: the list's id.
            page: 1 to 500 (20 items a page).
            language: ``en-US`` style; default: the client's.
            sort_by: read in this order (:data:`V4ListSort`) instead of the list's own.
        """
        lid = check_id(list_id, "list_id")
        core = self._view._core
        params = {
            "page": check_page(page),
            "language": language_param(core, language),
            "sort_by": check_option(sort_by, "sort_by", V4_LIST_SORTS),
        }
        details = await core.request("GET", f"/4/list/{lid}", params=params, into=V4List)
        return _with_comments(details)

    async def update(
        self,
        list_id: int,
        *,
        name: str | None = None,
        description: str | None = None,
        public: bool | None = None,
        sort_by: V4ListSort | None = None,
    ) -> StatusResponse:
        """Change a list's name, description, visibility or order (``PUT /4/list/{list_id}``
        with the given fields only).

        Raises:
            TMDBUsageError: nothing to change, or a bad value (before any I/O).
        """
        lid = check_id(list_id, "list_id")
        body: dict[str, object] = {}
        if name is not None:
            body["name"] = _check_text(name, "name", required=True)
        if description is not None:
            body["description"] = _check_text(description, "description")
        if public is not None:
            body["public"] = _check_public(public)
        if sort_by is not None:
            body["sort_by"] = check_option(sort_by, "sort_by", V4_LIST_SORTS)
        if not body:
            raise TMDBUsageError("update needs at least one of name, description, public, sort_by")
        return await self._view._write(
            "PUT", f"/4/list/{lid}", into=StatusResponse, json=body, idempotent=True
        )

    async def delete(self, list_id: int) -> StatusResponse:
        """Delete a list (``DELETE /4/list/{list_id}``); TMDB answers code 13."""
        lid = check_id(list_id, "list_id")
        return await self._view._write(
            "DELETE", f"/4/list/{lid}", into=StatusResponse, idempotent=True
        )

    async def clear(self, list_id: int, *, confirm: bool) -> V4ListCleared:
        """Remove every item of a list (``GET /4/list/{list_id}/clear``: TMDB's clear is a
        GET that changes state, so it is never retried after it may have reached TMDB).

        Args:
            confirm: must be ``True``: the items are gone for good.

        Returns:
            ``items_deleted``: how many items went.
        """
        lid = check_id(list_id, "list_id")
        if confirm is not True:
            raise TMDBUsageError("confirm must be True: clear empties the list for good")
        return await self._view._write(
            "GET", f"/4/list/{lid}/clear", into=V4ListCleared, idempotent=False
        )

    async def _items(
        self, method: str, list_id: int, items: Iterable[EntryLike], *, comments: bool
    ) -> V4ListItemsResult:
        lid = check_id(list_id, "list_id")
        body = {"items": _entries(items, comments=comments)}
        # Adding is not repeated blindly (a repeat reports the items as failed);
        # setting comments and removing are safe to repeat.
        return await self._view._write(
            method,
            f"/4/list/{lid}/items",
            into=V4ListItemsResult,
            json=body,
            idempotent=method != "POST",
        )

    async def add(self, list_id: int, items: Iterable[EntryLike]) -> V4ListItemsResult:
        """Add movies and TV shows (``POST /4/list/{list_id}/items`` with
        ``{"items": [{"media_type", "media_id"}, ...]}``).

        Args:
            items: ``ListEntry("movie", 550)`` or ``("tv", 1399)`` entries (no comments:
                TMDB drops them here; use :meth:`update_items`).

        Returns:
            One result per item: check :attr:`~tmdb_async.V4ListItemsResult.failed`
            (``success: false`` usually means "already on the list").
        """
        return await self._items("POST", list_id, items, comments=False)

    async def update_items(self, list_id: int, items: Iterable[EntryLike]) -> V4ListItemsResult:
        """Set the comments of items on a list (``PUT /4/list/{list_id}/items`` with
        ``{"items": [{"media_type", "media_id", "comment"}, ...]}``).

        Args:
            items: ``ListEntry("movie", 550, comment="...")`` or ``("movie", 550, "...")``.
        """
        return await self._items("PUT", list_id, items, comments=True)

    async def remove(self, list_id: int, items: Iterable[EntryLike]) -> V4ListItemsResult:
        """Remove movies and TV shows (``DELETE /4/list/{list_id}/items`` with the same
        body as :meth:`add`); an item not on the list comes back with ``success: false``."""
        return await self._items("DELETE", list_id, items, comments=False)

    async def item_status(
        self, list_id: int, media_type: V4MediaType, media_id: int
    ) -> V4ListItemStatus:
        """Whether an item is on a list
        (``GET /4/list/{list_id}/item_status?media_id=&media_type=``).

        TMDB answers 404 / code 34 when it is not, which also stands for "no such list"
        or "not your list": all three give ``item_present=False``.
        """
        lid = check_id(list_id, "list_id")
        kind = check_media(media_type)
        mid = check_id(media_id, "media_id")
        try:
            return await self._view._core.request(
                "GET",
                f"/4/list/{lid}/item_status",
                params={"media_id": mid, "media_type": kind},
                into=V4ListItemStatus,
            )
        except ResourceNotFoundError:
            return V4ListItemStatus(item_present=False, media_type=kind, media_id=mid, id=lid)
