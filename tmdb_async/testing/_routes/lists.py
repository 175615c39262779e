"""The v3 list routes (``/3/list/...``).

v3 and v4 see the same lists (:class:`~.._state.ListState`): a list made here is read and
edited through ``/4/list`` and the other way round. v3 adds and removes movies only; a TV
show added through v4 shows in v3 details with its ``media_type``.
"""

from __future__ import annotations

from aiohttp import web

from .._catalogue import JSON
from .._state import Failure, ListState
from ._base import Area, _body, _int_path, _ok, _page, _paged, _status
from ._user import user_item

#: TMDB's message on a successful v3 list delete (WIRE.md section 4.3), "TMDb" as sent.
QUIRK_MESSAGE = "Internal error: Something went wrong, contact TMDb."


def list_poster(area: Area, lst: ListState) -> str | None:
    """The poster of the list's first item, or ``None`` when it is empty."""
    if not lst.items:
        return None
    first = lst.items[0]
    poster: str | None = area._item(first.media_type, first.media_id).get("poster_path")
    return poster


def list_summary(area: Area, lst: ListState) -> JSON:
    """A list as ``GET /3/account/{id}/lists`` shows it."""
    kinds = {i.media_type for i in lst.items}
    return {
        "description": lst.description,
        "favorite_count": 0,
        "id": lst.id,
        "item_count": len(lst.items),
        "iso_639_1": lst.iso_639_1,
        "list_type": "tv" if kinds == {"tv"} else "movie",
        "name": lst.name,
        "poster_path": list_poster(area, lst),
    }


def lists_containing(area: Area, media_type: str, media_id: int) -> list[JSON]:
    """The public lists holding an item, newest first, as ``/3/{movie|tv}/{id}/lists``
    shows them (for the catalogue's lists routes)."""
    found = [
        lst
        for lst in area.state.lists.values()
        if lst.public and lst.find(media_type, media_id) is not None
    ]
    return [list_summary(area, lst) for lst in reversed(found)]


class ListRoutes(Area):
    """``/3/list/...``."""

    def register(self, router: web.UrlDispatcher) -> None:
        """Add this area's routes to ``router``."""
        r = router
        lst = r"/3/list/{list_id:\d+}"
        r.add_post("/3/list", self.list_create)
        r.add_get(lst, self.list_details)
        r.add_delete(lst, self.list_delete)
        r.add_get(lst + "/item_status", self.list_item_status)
        r.add_post(lst + "/{op:add_item|remove_item}", self.list_edit)
        r.add_post(lst + "/clear", self.list_clear)

    def entry(self, media_type: str, media_id: int, request: web.Request) -> JSON:
        """A list item as list details show it (with ``media_type``)."""
        item = user_item(self, media_type, media_id, request)
        item["media_type"] = media_type
        return item

    def visible(self, lst: ListState, request: web.Request) -> ListState:
        """``lst`` if the caller may read it: public, or the session's own (code 39)."""
        if lst.public:
            return lst
        session_id = request.query.get("session_id")
        owner = self.state.sessions.get(session_id) if session_id else None
        if owner != lst.owner:
            raise Failure(39)
        return lst

    async def list_create(self, request: web.Request) -> web.Response:
        user = self._session_user(request)
        body = await _body(request)
        name, description = body.get("name"), body.get("description", "")
        language = body.get("language", "en")
        if not isinstance(name, str) or not isinstance(description, str):
            raise Failure(5)
        if not isinstance(language, str):
            raise Failure(5)
        lst = self.state.create_list(user.id, name, description, language)
        return _ok(
            {
                "status_message": "The item/record was created successfully.",
                "success": True,
                "status_code": 1,
                "list_id": lst.id,
            },
            status=201,
        )

    async def list_details(self, request: web.Request) -> web.Response:
        lst = self.visible(self.state.get_list(_int_path(request, "list_id")), request)
        page = _paged([self.entry(*i.key, request) for i in lst.items], _page(request))
        return _ok(
            {
                "created_by": self.state.users_by_id[lst.owner].username,
                "description": lst.description,
                "favorite_count": 0,
                "id": str(lst.id),
                "items": page["results"],
                "item_count": len(lst.items),
                "iso_639_1": lst.iso_639_1,
                "name": lst.name,
                "page": page["page"],
                "poster_path": list_poster(self, lst),
                "total_pages": page["total_pages"],
                "total_results": page["total_results"],
            }
        )

    async def list_item_status(self, request: web.Request) -> web.Response:
        lst = self.visible(self.state.get_list(_int_path(request, "list_id")), request)
        raw = request.query.get("movie_id", "")
        if not raw.isdigit():
            raise Failure(5)
        return _ok({"id": lst.id, "item_present": lst.find("movie", int(raw)) is not None})

    async def list_edit(self, request: web.Request) -> web.Response:
        user = self._session_user(request)
        lst = self.state.own_list(_int_path(request, "list_id"), user.id)
        media_id = (await _body(request)).get("media_id")
        if isinstance(media_id, bool) or not isinstance(media_id, int):
            raise Failure(5)
        if request.match_info["op"] == "add_item":
            if not self.cat.has_movie(media_id):
                raise Failure(34)
            if not self.state.add_to_list(lst, "movie", media_id):
                raise Failure(8)
            return _status(12)
        if not self.state.remove_from_list(lst, "movie", media_id):
            raise Failure(34)
        return _status(13)

    async def list_clear(self, request: web.Request) -> web.Response:
        user = self._session_user(request)
        lst = self.state.own_list(_int_path(request, "list_id"), user.id)
        if request.query.get("confirm") != "true":
            raise Failure(29)
        self.state.clear_list(lst)
        return _status(12)

    async def list_delete(self, request: web.Request) -> web.Response:
        user = self._session_user(request)
        lst = self.state.own_list(_int_path(request, "list_id"), user.id)
        self.state.delete_list(lst)
        if self.sb.documented_list_delete:
            return _status(13)
        # TMDB's live answer to a successful delete (WIRE.md 4.3): the list is gone anyway.
        raise Failure(11, message=QUIRK_MESSAGE)
