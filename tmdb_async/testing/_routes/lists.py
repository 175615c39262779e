"""The v3 list routes (``/3/list/...``)."""

from __future__ import annotations

from aiohttp import web

from .._state import Failure
from ._base import Area, _body, _int_path, _ok, _status


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
        lst = self.state.get_list(_int_path(request, "list_id"))
        items = []
        for movie_id in lst.items:
            item = self.cat.movie_item(movie_id)
            item["media_type"] = "movie"
            items.append(item)
        summary = self._list_summary(lst)
        return _ok(
            {
                "created_by": self.state.users_by_id[lst.owner].username,
                "description": lst.description,
                "favorite_count": 0,
                "id": str(lst.id),
                "items": items,
                "item_count": len(items),
                "iso_639_1": lst.iso_639_1,
                "name": lst.name,
                "poster_path": summary["poster_path"],
            }
        )

    async def list_item_status(self, request: web.Request) -> web.Response:
        lst = self.state.get_list(_int_path(request, "list_id"))
        raw = request.query.get("movie_id", "")
        if not raw.isdigit():
            raise Failure(5)
        return _ok({"id": lst.id, "item_present": int(raw) in lst.items})

    async def list_edit(self, request: web.Request) -> web.Response:
        user = self._session_user(request)
        lst = self.state.own_list(_int_path(request, "list_id"), user.id)
        media_id = (await _body(request)).get("media_id")
        if isinstance(media_id, bool) or not isinstance(media_id, int):
            raise Failure(5)
        if request.match_info["op"] == "add_item":
            if not self.cat.has_movie(media_id):
                raise Failure(34)
            if media_id in lst.items:
                raise Failure(8)
            lst.items.append(media_id)
            return _status(12)
        if media_id not in lst.items:
            raise Failure(34)
        lst.items.remove(media_id)
        return _status(13)

    async def list_clear(self, request: web.Request) -> web.Response:
        user = self._session_user(request)
        lst = self.state.own_list(_int_path(request, "list_id"), user.id)
        if request.query.get("confirm") != "true":
            raise Failure(29)
        lst.items.clear()
        return _status(12)

    async def list_delete(self, request: web.Request) -> web.Response:
        user = self._session_user(request)
        lst = self.state.own_list(_int_path(request, "list_id"), user.id)
        del self.state.lists[lst.id]
        return _status(13)
