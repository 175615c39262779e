"""The account routes: details, favourites, watchlist, rated items, the account's lists."""

from __future__ import annotations

from aiohttp import web

from .._state import Failure
from ._base import Area, _body, _ok, _page, _paged, _sorted_by_time, _status
from ._user import rated_items, user_item
from .lists import list_summary


class AccountRoutes(Area):
    """``/3/account/...``."""

    def register(self, router: web.UrlDispatcher) -> None:
        """Add this area's routes to ``router``."""
        r = router
        account = r"/3/account/{account_id:\d+}"
        r.add_get("/3/account", self.account)
        r.add_get(account, self.account)
        r.add_post(account + "/favorite", self.mark_favorite)
        r.add_post(account + "/watchlist", self.mark_watchlist)
        r.add_get(account + "/{which:favorite|watchlist}/{media:movies|tv}", self.account_items)
        r.add_get(account + "/rated/{media:movies|tv}", self.account_rated)
        r.add_get(account + "/rated/tv/episodes", self.account_rated_episodes)
        r.add_get(account + "/lists", self.account_lists)

    async def account(self, request: web.Request) -> web.Response:
        return _ok(self._session_user(request).details())

    async def _mark(self, request: web.Request, which: str) -> web.Response:
        user = self._session_user(request)
        body = await _body(request)
        media, media_id, flag = body.get("media_type"), body.get("media_id"), body.get(which)
        if media not in ("movie", "tv") or not isinstance(flag, bool):
            raise Failure(5)
        if isinstance(media_id, bool) or not isinstance(media_id, int):
            raise Failure(5)
        exists = self.cat.has_movie(media_id) if media == "movie" else self.cat.has_tv(media_id)
        if not exists:
            raise Failure(34)
        table = getattr(self.state.accounts[user.id], which)[media]
        if not flag:
            table.pop(media_id, None)
            return _status(13)
        if media_id in table:
            return _status(12)
        table[media_id] = self.state.now()
        return _status(1)

    async def mark_favorite(self, request: web.Request) -> web.Response:
        return await self._mark(request, "favorite")

    async def mark_watchlist(self, request: web.Request) -> web.Response:
        return await self._mark(request, "watchlist")

    async def account_items(self, request: web.Request) -> web.Response:
        user = self._session_user(request)
        page = _page(request)
        media = "movie" if request.match_info["media"] == "movies" else "tv"
        table = getattr(self.state.accounts[user.id], request.match_info["which"])[media]
        ids = _sorted_by_time({k: (None, v) for k, v in table.items()}, request)
        return _ok(_paged([user_item(self, media, i, request) for i in ids], page))

    async def account_rated(self, request: web.Request) -> web.Response:
        user = self._session_user(request)
        page = _page(request)
        kind = "movie" if request.match_info["media"] == "movies" else "tv"
        ratings = self.state.accounts[user.id].ratings
        return _ok(_paged(rated_items(self, ratings, kind, request), page))

    async def account_rated_episodes(self, request: web.Request) -> web.Response:
        user = self._session_user(request)
        page = _page(request)
        ratings = self.state.accounts[user.id].ratings
        return _ok(_paged(rated_items(self, ratings, "episode", request), page))

    async def account_lists(self, request: web.Request) -> web.Response:
        user = self._session_user(request)
        page = _page(request)
        own = [list_summary(self, x) for x in self.state.lists.values() if x.owner == user.id]
        return _ok(_paged(own, page))
