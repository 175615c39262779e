"""``user.lists`` of a v3 session view: the user's v3 lists."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...errors import (
    MissingSessionError,
    ResourceNotFoundError,
    ServerError,
    TMDBTransportError,
    TMDBUsageError,
)
from ...models.common import Page, StatusResponse
from ...models.user import ListCreated, ListDetails, ListItemStatus, ListSummary
from .._base import check_id, language_param
from .._params import check_page

if TYPE_CHECKING:
    from ._view import ViewBase

__all__ = ["LIST_DELETED", "Lists"]

_LIST_LANGUAGE = re.compile(r"[a-z]{2}")

#: What :meth:`Lists.delete` returns when TMDB's answer was its HTTP 500 + code 11 and
#: the list is gone (TMDB's usual answer to a successful ``DELETE /3/list/{id}``).
LIST_DELETED = StatusResponse(
    success=True, status_code=13, status_message="The item/record was deleted successfully."
)


class Lists:
    """The user's v3 lists (``user.lists`` of a :class:`~tmdb_async.UserView`).

    Reading a list (:meth:`details`, :meth:`item_status`) needs no session; the rest
    does (a guest view raises :class:`~tmdb_async.MissingSessionError` before any I/O).
    """

    __slots__ = ("_view",)

    def __init__(self, view: ViewBase) -> None:
        self._view = view

    def __repr__(self) -> str:
        return "<Lists namespace>"

    async def mine(self, *, page: int = 1) -> Page[ListSummary]:
        """The user's lists (``GET /3/account/{account_id}/lists``).

        See https://developer.themoviedb.org/reference/account-lists
        """
        checked = check_page(page)
        view = self._view
        sid = await view.session_id()
        aid = await view._account()
        return await view._core.request(
            "GET",
            f"/3/account/{aid}/lists",
            params={"page": checked, "session_id": sid},
            into=Page[ListSummary],
        )

    async def create(
        self, name: str, *, description: str = "", language: str | None = None
    ) -> ListCreated:
        """Create a list (``POST /3/list`` with ``{"name", "description", "language"}``).

        Not retried after the request may have reached TMDB: a repeat would create a
        second list.

        Args:
            name: the list's name (non-empty).
            description: its description.
            language: the list's ISO 639-1 language (``"en"``); TMDB's default if omitted.

        Returns:
            The new list's id (``ListCreated.list_id``).

        Raises:
            TMDBUsageError: a bad name, description or language (before any I/O).
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
        view = self._view
        sid = await view.session_id()
        return await view._write(
            "POST",
            "/3/list",
            into=ListCreated,
            params={"session_id": sid},
            json=body,
            idempotent=False,
            secrets=(sid,),
        )

    async def details(
        self, list_id: int, *, page: int = 1, language: str | None = None
    ) -> ListDetails:
        """A list with its items (``GET /3/list/{list_id}``); no session needed."""
        lid = check_id(list_id, "list_id")
        core = self._view._core
        params = {"page": check_page(page), "language": language_param(core, language)}
        return await core.request("GET", f"/3/list/{lid}", params=params, into=ListDetails)

    async def item_status(self, list_id: int, movie_id: int) -> ListItemStatus:
        """Whether a movie is on a list (``GET /3/list/{list_id}/item_status?movie_id=``)."""
        lid = check_id(list_id, "list_id")
        mid = check_id(movie_id, "movie_id")
        return await self._view._core.request(
            "GET", f"/3/list/{lid}/item_status", params={"movie_id": mid}, into=ListItemStatus
        )

    async def _send(
        self,
        method: str,
        lid: int,
        suffix: str,
        *,
        json: dict[str, object] | None = None,
        confirm: bool = False,
        idempotent: bool,
    ) -> StatusResponse:
        view = self._view
        sid = await view.session_id()
        params: dict[str, str | bool] = {"session_id": sid}
        if confirm:
            params["confirm"] = True
        return await view._write(
            method,
            f"/3/list/{lid}{suffix}",
            into=StatusResponse,
            params=params,
            json=json,
            idempotent=idempotent,
            secrets=(sid,),
        )

    async def add(self, list_id: int, movie_id: int) -> StatusResponse:
        """Add a movie to a list (``POST /3/list/{list_id}/add_item`` with
        ``{"media_id"}``). Not retried blindly (TMDB answers a repeat with code 8).

        Raises:
            DuplicateEntryError: the movie is on the list already (code 8).
        """
        lid = check_id(list_id, "list_id")
        mid = check_id(movie_id, "movie_id")
        return await self._send("POST", lid, "/add_item", json={"media_id": mid}, idempotent=False)

    async def remove(self, list_id: int, movie_id: int) -> StatusResponse:
        """Remove a movie from a list (``POST /3/list/{list_id}/remove_item``)."""
        lid = check_id(list_id, "list_id")
        mid = check_id(movie_id, "movie_id")
        return await self._send(
            "POST", lid, "/remove_item", json={"media_id": mid}, idempotent=False
        )

    async def clear(self, list_id: int, *, confirm: bool) -> StatusResponse:
        """Remove every item of a list (``POST /3/list/{list_id}/clear?confirm=true``).

        Args:
            confirm: must be ``True``: the items are gone for good.

        Raises:
            TMDBUsageError: ``confirm`` is not ``True`` (before any I/O).
        """
        lid = check_id(list_id, "list_id")
        if confirm is not True:
            raise TMDBUsageError("confirm must be True: clear empties the list for good")
        return await self._send("POST", lid, "/clear", confirm=True, idempotent=True)

    async def delete(self, list_id: int) -> StatusResponse:
        """Delete a list (``DELETE /3/list/{list_id}``).

        TMDB answers a successful delete with HTTP 500 and code 11 (WIRE.md §4.3), and a
        repeat with 404 / code 34. So the answer decides, not the HTTP status: code 13 (or
        1, 12) is a success; after a 500 / code 11, or a failure in transport once the
        request may have reached TMDB, the request is retried under the client's retry
        policy, and a repeat that finds the list gone (404 / 34) means it was deleted.
        With retries used up after a 500 / code 11, one ``GET /3/list/{list_id}``
        checks: a list that is gone was deleted, a list still there is the 500 error.

        Returns:
            TMDB's status (code 13), or :data:`LIST_DELETED` after TMDB's 500 answer.

        Raises:
            ResourceNotFoundError: no such list (code 34), on the first answer.
            TMDBAPIError: TMDB refused the delete (not the owner, say), or the list is
                still there after TMDB's errors.
        """
        lid = check_id(list_id, "list_id")
        view = self._view
        if view.is_guest:
            raise MissingSessionError("deleting a list needs a user session, not a guest")
        policy = view._core.retry
        maybe_deleted = False
        attempt = 0
        while True:
            attempt += 1
            try:
                # Not retried by the core: this loop decides what a repeat's answer means.
                return await self._send("DELETE", lid, "", idempotent=False)
            except ResourceNotFoundError:
                if maybe_deleted:
                    return LIST_DELETED
                raise
            except (ServerError, TMDBTransportError) as exc:
                quirk = isinstance(exc, ServerError) and exc.tmdb_code == 11
                maybe_deleted = maybe_deleted or quirk or isinstance(exc, TMDBTransportError)
                if policy.should_retry(exc, attempt=attempt, idempotent=True):
                    retry_after = getattr(exc, "retry_after", None)
                    await view._core.pool.sleep(policy.delay(attempt, retry_after))
                    continue
                if quirk and await self._gone(lid):
                    return LIST_DELETED
                raise

    async def _gone(self, lid: int) -> bool:
        try:
            await self.details(lid)
        except ResourceNotFoundError:
            return True
        return False
