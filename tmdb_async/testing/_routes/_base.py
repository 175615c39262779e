"""What every route area shares: TMDB's answers, paging, path ids and the area base class."""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from aiohttp import web

from .._catalogue import JSON, MAX_PAGE, PAGE_SIZE
from .._state import Failure, Ratings, SandboxUser

if TYPE_CHECKING:
    from .._server import Sandbox


def _ok(body: JSON, status: int = 200, headers: Mapping[str, str] | None = None) -> web.Response:
    return web.json_response(body, status=status, headers=headers)


def _fail(failure: Failure, headers: Mapping[str, str] | None = None) -> web.Response:
    return web.json_response(failure.body(), status=failure.http_status, headers=headers)


def _status(code: int) -> web.Response:
    status, message = {
        1: (201, "Success."),
        12: (201, "The item/record was updated successfully."),
        13: (200, "The item/record was deleted successfully."),
    }[code]
    return _ok({"success": True, "status_code": code, "status_message": message}, status)


def _int_path(request: web.Request, name: str) -> int:
    raw = request.match_info[name]
    if not raw.isdigit() or int(raw) < 1:
        raise Failure(34)
    return int(raw)


def _page(request: web.Request) -> int:
    raw = request.query.get("page", "1")
    try:
        page = int(raw)
    except ValueError:
        raise Failure(22) from None
    if not 1 <= page <= MAX_PAGE:
        raise Failure(22)
    return page


def _paged(items: Sequence[JSON], page: int) -> JSON:
    start = (page - 1) * PAGE_SIZE
    return {
        "page": page,
        "results": list(items[start : start + PAGE_SIZE]),
        "total_pages": max(1, math.ceil(len(items) / PAGE_SIZE)),
        "total_results": len(items),
    }


def _paged_ids(ids: Sequence[int], page: int, build: Callable[[int], JSON]) -> JSON:
    start = (page - 1) * PAGE_SIZE
    return {
        "page": page,
        "results": [build(i) for i in ids[start : start + PAGE_SIZE]],
        "total_pages": max(1, math.ceil(len(ids) / PAGE_SIZE)),
        "total_results": len(ids),
    }


def _sorted_by_time(
    entries: Mapping[Any, tuple[Any, dt.datetime]] | None, request: web.Request
) -> list[Any]:
    sort_by = request.query.get("sort_by", "created_at.asc")
    if sort_by not in ("created_at.asc", "created_at.desc"):
        raise Failure(5)
    keys = list((entries or {}).keys())  # dicts keep insertion (= creation) order
    return keys[::-1] if sort_by == "created_at.desc" else keys


async def _body(request: web.Request) -> dict[str, Any]:
    """The JSON object body, or ``{}`` when there is none; code 47 when it is not JSON."""
    raw = await request.read()
    if not raw.strip():
        return {}
    try:
        data = json.loads(raw)
    except ValueError:
        raise Failure(47) from None
    if not isinstance(data, dict):
        raise Failure(47)
    return data


class Area:
    """The routes of one TMDB area, bound to one sandbox.

    A subclass adds its routes in :meth:`register` and works on the sandbox's state and
    catalogue; a :class:`~.._state.Failure` raised by a handler becomes TMDB's envelope.
    """

    def __init__(self, sandbox: Sandbox) -> None:
        self.sb = sandbox
        self.state = sandbox.state
        self.cat = sandbox.catalogue

    def register(self, router: web.UrlDispatcher) -> None:
        """Add this area's routes to ``router`` (numeric ids only match digits, like TMDB's)."""
        raise NotImplementedError

    def _session_user(self, request: web.Request) -> SandboxUser:
        user = self.state.account_of(request.query.get("session_id"))
        if "account_id" in request.match_info and int(request.match_info["account_id"]) != user.id:
            raise Failure(3)  # strict: the account id must be the session's own
        return user

    def _rater(self, request: web.Request) -> tuple[Ratings, SandboxUser | None]:
        """The ratings of the session's account or of the guest session."""
        if request.query.get("session_id"):
            user = self.state.account_of(request.query["session_id"])
            return self.state.accounts[user.id].ratings, user
        if request.query.get("guest_session_id"):
            return self.state.guest(request.query["guest_session_id"]).ratings, None
        raise Failure(3)

    def _movie_or_404(self, request: web.Request, name: str = "movie_id") -> int:
        movie_id = _int_path(request, name)
        if not self.cat.has_movie(movie_id):
            raise Failure(34)
        return movie_id

    def _tv_or_404(self, request: web.Request, name: str = "series_id") -> int:
        tv_id = _int_path(request, name)
        if not self.cat.has_tv(tv_id):
            raise Failure(34)
        return tv_id

    def _item(self, media: str, item_id: int) -> JSON:
        return self.cat.movie_item(item_id) if media == "movie" else self.cat.tv_item(item_id)

    def _rated_items(self, ratings: Ratings, kind: str, request: web.Request) -> list[JSON]:
        table = ratings.table(kind)
        items = []
        for key in _sorted_by_time(table, request):
            item = self.cat.episode(*key) if kind == "episode" else self._item(kind, key)
            item["rating"] = table[key][0]
            items.append(item)
        return items
