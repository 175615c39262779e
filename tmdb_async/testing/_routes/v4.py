"""The v4 API routes: the token flow, the account's lists and items, and lists
(../shared/reference/V4.md, rows 1-21).

Account and list writes take a v4 user access token (``Authorization: Bearer``); the
application's read token may read public lists but not write (401, code 36), and a user
may only touch their own account and lists (401, codes 3 and 38). Lists are the ones v3
sees (:class:`~.._state.ListState`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from aiohttp import web

from .._catalogue import JSON
from .._state import LIST_SORTS, Failure, ListState, SandboxUser, format_expiry
from ._base import Area, _body, _int_path, _ok, _page, _paged
from ._user import user_item

_TIMES = ("created_at.asc", "created_at.desc")


def _iso(when: dt.datetime) -> str:
    return when.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def _success(status: int = 200, code: int = 1, **extra: Any) -> web.Response:
    message = {
        1: "Success.",
        12: "The item/record was updated successfully.",
        13: "The item/record was deleted successfully.",
    }[code]
    return _ok({"success": True, "status_code": code, "status_message": message, **extra}, status)


class V4Routes(Area):
    """``/4/...``."""

    def register(self, router: web.UrlDispatcher) -> None:
        """Add this area's routes to ``router``."""
        r = router
        r.add_post("/4/auth/request_token", self.v4_request_token)
        r.add_post("/4/auth/access_token", self.v4_access_token)
        r.add_delete("/4/auth/access_token", self.v4_logout)
        account = "/4/account/{account_object_id:[0-9a-f]{24}}"
        r.add_get(account + "/lists", self.account_lists)
        r.add_get(
            account + "/{media:movie|tv}/{which:favorites|watchlist|rated|recommendations}",
            self.account_items,
        )
        lst = r"/4/list/{list_id:\d+}"
        r.add_post("/4/list", self.list_create)
        r.add_get(lst, self.list_details)
        r.add_put(lst, self.list_update)
        r.add_delete(lst, self.list_delete)
        r.add_get(lst + "/clear", self.list_clear)
        r.add_post(lst + "/clear", self.clear_by_post)
        r.add_post(lst + "/items", self.items_write)
        r.add_put(lst + "/items", self.items_write)
        r.add_delete(lst + "/items", self.items_write)
        r.add_get(lst + "/item_status", self.item_status)

    # ------------------------------------------------------------------ credentials

    def _bearer(self, request: web.Request) -> str | None:
        scheme, _, value = request.headers.get("Authorization", "").partition(" ")
        return value.strip() if scheme.lower() == "bearer" else None

    def _viewer(self, request: web.Request) -> SandboxUser | None:
        """The user of a v4 user token, ``None`` for the app's read token or ``api_key``."""
        return self.state.v4_user(self._bearer(request))

    def _writer(self, request: web.Request) -> SandboxUser:
        """The user a write acts for (401 code 36 for a token no user approved)."""
        user = self._viewer(request)
        if user is None:
            raise Failure(36)
        return user

    def _account(self, request: web.Request) -> SandboxUser:
        """The user of an account path: the token's own (401 code 3 otherwise)."""
        user = self._viewer(request)
        if user is None or user.object_id() != request.match_info["account_object_id"]:
            raise Failure(3)
        return user

    def _readable(self, request: web.Request) -> ListState:
        """A list the caller may read: public, or their own (404 code 34, 401 code 39)."""
        lst = self.state.get_list(_int_path(request, "list_id"))
        if not lst.public:
            viewer = self._viewer(request)
            if viewer is None or viewer.id != lst.owner:
                raise Failure(39)
        return lst

    def _owned(self, request: web.Request) -> ListState:
        """A list the caller may edit (codes 36, 34, 38)."""
        user = self._writer(request)
        return self.state.own_list(_int_path(request, "list_id"), user.id)

    # ------------------------------------------------------------------ auth

    async def v4_request_token(self, request: web.Request) -> web.Response:
        redirect_to = (await _body(request)).get("redirect_to")
        if redirect_to is not None and not isinstance(redirect_to, str):
            raise Failure(47)
        token = self.state.new_v4_request_token(redirect_to)
        return _success(request_token=token)

    async def v4_access_token(self, request: web.Request) -> web.Response:
        token = (await _body(request)).get("request_token")
        if not isinstance(token, str):
            raise Failure(33)
        access, user = self.state.create_access_token(token)
        return _success(account_id=user.object_id(), access_token=access)

    async def v4_logout(self, request: web.Request) -> web.Response:
        access = (await _body(request)).get("access_token")
        if not isinstance(access, str):
            raise Failure(35)
        self.state.delete_access_token(access)
        return _success(code=13)

    # ------------------------------------------------------------------ account

    def _account_list(self, lst: ListState) -> JSON:
        """A list as ``/4/account/{id}/lists`` shows it (V4.md 3.1: its own wire types)."""
        totals = self._totals(lst)
        return {
            "account_object_id": self.state.users_by_id[lst.owner].object_id(),
            "adult": 0,
            "average_rating": totals["average_rating"],
            "backdrop_path": None,
            "created_at": format_expiry(lst.created_at),
            "description": lst.description,
            "featured": 0,
            "id": lst.id,
            "iso_3166_1": lst.iso_3166_1,
            "iso_639_1": lst.iso_639_1,
            "name": lst.name,
            "number_of_items": len(lst.items),
            "poster_path": None,
            "public": int(lst.public),
            "revenue": totals["revenue"],
            "runtime": str(totals["runtime"]),
            "sort_by": 1,
            "updated_at": format_expiry(lst.updated_at),
        }

    async def account_lists(self, request: web.Request) -> web.Response:
        user = self._account(request)
        page = _page(request)
        own = [self._account_list(x) for x in self.state.lists.values() if x.owner == user.id]
        return _ok(_paged(own, page))

    def _v4_item(self, media: str, item_id: int, request: web.Request, *, tagged: bool) -> JSON:
        item = user_item(self, media, item_id, request)
        if tagged:
            item["media_type"] = media
        return item

    async def account_items(self, request: web.Request) -> web.Response:
        user = self._account(request)
        page = _page(request)
        media, which = request.match_info["media"], request.match_info["which"]
        sort_by = request.query.get("sort_by", "created_at.asc")
        newest_first = sort_by == "created_at.desc"  # other values are ignored, as at TMDB
        account = self.state.accounts[user.id]
        items: list[JSON] = []
        if which == "rated":
            table = account.ratings.table(media)
            for key in reversed(table) if newest_first else table:
                value, when = table[key]
                item = self._v4_item(media, key, request, tagged=False)
                item["account_rating"] = {"created_at": _iso(when), "value": value}
                items.append(item)
        elif which == "recommendations":
            seen = set(account.ratings.table(media)) | set(account.favorite[media])
            seen |= set(account.watchlist[media])
            picks = [i for i in self.cat.popular_ids(media) if i not in seen]
            items = [self._v4_item(media, i, request, tagged=True) for i in picks[:100]]
        else:
            marks = getattr(account, "favorite" if which == "favorites" else "watchlist")[media]
            ids = list(reversed(marks)) if newest_first else list(marks)
            items = [self._v4_item(media, i, request, tagged=which == "watchlist") for i in ids]
        return _ok(_paged(items, page))

    # ------------------------------------------------------------------ lists

    def _totals(self, lst: ListState) -> JSON:
        votes, runtime, revenue = [], 0, 0
        for entry in lst.items:
            if entry.media_type == "movie":
                record = self.cat.movie(entry.media_id)
                runtime += int(record.get("runtime") or 0)
                revenue += int(record.get("revenue") or 0)
            else:
                record = self.cat.tv(entry.media_id)
            votes.append(float(record.get("vote_average") or 0.0))
        average = round(sum(votes) / len(votes), 5) if votes else 0.0
        return {"average_rating": average, "runtime": runtime, "revenue": revenue}

    @staticmethod
    def _sort_value(sort_by: Any) -> str:
        if not isinstance(sort_by, str) or sort_by not in LIST_SORTS:
            raise Failure(5)
        return sort_by

    async def list_create(self, request: web.Request) -> web.Response:
        user = self._writer(request)
        body = await _body(request)
        name, description = body.get("name"), body.get("description", "")
        language, country = body.get("iso_639_1", "en"), body.get("iso_3166_1", "US")
        if not isinstance(name, str) or not name or not isinstance(description, str):
            raise Failure(5)
        if not isinstance(language, str) or not isinstance(country, str):
            raise Failure(5)
        public = body.get("public")
        # Only an integer 0 makes a private list; a boolean is ignored (V4.md 4.1).
        private = isinstance(public, int) and not isinstance(public, bool) and public == 0
        sort_by = self._sort_value(body.get("sort_by", "original_order.asc"))
        lst = self.state.create_list(
            user.id,
            name,
            description,
            language,
            country=country,
            public=not private,
            sort_by=sort_by,
        )
        return _success(201, id=lst.id)

    def _ordered(self, lst: ListState, sort_by: str, request: web.Request) -> list[JSON]:
        items = [(entry, self._v4_item(*entry.key, request, tagged=True)) for entry in lst.items]
        field, _, way = sort_by.rpartition(".")
        if field != "original_order":

            def key(pair: tuple[Any, JSON]) -> Any:
                item = pair[1]
                if field == "title":
                    return (item.get("title") or item.get("name") or "").casefold()
                if field in ("release_date", "primary_release_date"):
                    return item.get("release_date") or item.get("first_air_date") or ""
                return item.get("vote_average") or 0.0

            items.sort(key=key)
        if way == "desc":
            items.reverse()
        return [item for _, item in items]

    async def list_details(self, request: web.Request) -> web.Response:
        lst = self._readable(request)
        number = _page(request)
        sort_by = request.query.get("sort_by", lst.sort_by)
        if sort_by not in LIST_SORTS:
            sort_by = lst.sort_by
        page = _paged(self._ordered(lst, sort_by, request), number)
        comments = {}
        for item in page["results"]:
            entry = lst.find(item["media_type"], item["id"])
            comments[f"{item['media_type']}:{item['id']}"] = entry.comment if entry else None
        owner = self.state.users_by_id[lst.owner]
        account = owner.details()
        totals = self._totals(lst)
        return _ok(
            {
                "average_rating": totals["average_rating"],
                "backdrop_path": None,
                "results": page["results"],
                "comments": comments,
                "created_by": {
                    "avatar_path": account["avatar"]["tmdb"]["avatar_path"],
                    "gravatar_hash": account["avatar"]["gravatar"]["hash"],
                    "id": owner.object_id(),
                    "name": owner.name,
                    "username": owner.username,
                },
                "description": lst.description,
                "id": lst.id,
                "iso_3166_1": lst.iso_3166_1,
                "iso_639_1": lst.iso_639_1,
                "item_count": len(lst.items),
                "name": lst.name,
                "object_ids": {},
                "page": page["page"],
                "poster_path": None,
                "public": lst.public,
                "revenue": totals["revenue"],
                "runtime": totals["runtime"],
                "sort_by": lst.sort_by,
                "total_pages": page["total_pages"],
                "total_results": page["total_results"],
            }
        )

    async def list_update(self, request: web.Request) -> web.Response:
        lst = self._owned(request)
        body = await _body(request)
        changes: dict[str, Any] = {}
        for name in ("name", "description", "iso_639_1", "iso_3166_1"):
            if name in body:
                if not isinstance(body[name], str) or (name == "name" and not body[name]):
                    raise Failure(5)
                changes[name] = body[name]
        if "public" in body:
            if not isinstance(body["public"], bool | int):
                raise Failure(5)
            changes["public"] = bool(body["public"])  # bool or int on update (V4.md 4.3)
        if "sort_by" in body:
            changes["sort_by"] = self._sort_value(body["sort_by"])
        for name, value in changes.items():
            setattr(lst, name, value)
        lst.updated_at = self.state.now()
        return _success(201, code=12)

    async def list_delete(self, request: web.Request) -> web.Response:
        lst = self._owned(request)
        self.state.delete_list(lst)
        return _success(code=13)

    async def list_clear(self, request: web.Request) -> web.Response:
        lst = self._owned(request)
        deleted = self.state.clear_list(lst)
        return _success(id=lst.id, items_deleted=deleted)

    async def clear_by_post(self, request: web.Request) -> web.Response:
        raise Failure(34)  # clear is a GET at TMDB; POST answers 404 (V4.md 4.5)

    async def items_write(self, request: web.Request) -> web.Response:
        lst = self._owned(request)
        entries = (await _body(request)).get("items")
        if not isinstance(entries, list) or not entries:
            raise Failure(5)
        results = []
        for entry in entries:
            if not isinstance(entry, dict):
                raise Failure(5)
            media, media_id = entry.get("media_type"), entry.get("media_id")
            ok = False
            if (
                media in ("movie", "tv")
                and isinstance(media_id, int)
                and not isinstance(media_id, bool)
            ):
                ok = self._apply(request.method, lst, media, media_id, entry.get("comment"))
            results.append({"media_id": media_id, "media_type": media, "success": ok})
        return _success(200 if request.method == "DELETE" else 201, results=results)

    def _apply(self, method: str, lst: ListState, media: str, media_id: int, comment: Any) -> bool:
        if method == "POST":
            exists = self.cat.has_movie(media_id) if media == "movie" else self.cat.has_tv(media_id)
            # a comment sent with an add is accepted but not stored (V4.md 4.6)
            return exists and self.state.add_to_list(lst, media, media_id)
        if method == "DELETE":
            return self.state.remove_from_list(lst, media, media_id)
        found = lst.find(media, media_id)
        if found is None or not (comment is None or isinstance(comment, str)):
            return False
        found.comment = comment
        lst.updated_at = self.state.now()
        return True

    async def item_status(self, request: web.Request) -> web.Response:
        lst = self._readable(request)
        media, raw = request.query.get("media_type"), request.query.get("media_id", "")
        if media not in ("movie", "tv") or not raw.isdigit():
            raise Failure(5)
        if lst.find(media, int(raw)) is None:
            raise Failure(34)  # "no" is a 404 (V4.md 4.7)
        return _success(id=lst.id, media_id=int(raw), media_type=media)
