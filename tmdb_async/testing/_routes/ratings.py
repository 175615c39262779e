"""The rating routes: rate and unrate, account states, a guest session's rated items."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aiohttp import web

from .._catalogue import JSON
from .._state import Failure
from ._base import Area, _body, _int_path, _ok, _page, _paged, _status
from ._user import rated_items


def _rating_value(body: Mapping[str, Any]) -> float:
    value = body.get("value")
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise Failure(18, message="Value missing: You must provide a value.")
    if value < 0.5 or value > 10.0:
        raise Failure(
            18,
            message="Value too high: Value must be less than, or equal to 10.0."
            if value > 10.0
            else "Value too low: Value must be greater than 0.0.",
        )
    if (value * 2) != int(value * 2):
        raise Failure(18, message="Value invalid: Values must be a multiple of 0.50.")
    return float(value)


def account_states(area: Area, request: web.Request, media: str, item_id: int) -> JSON:
    """``/3/{movie|tv}/{id}/account_states`` for the request's session or guest session.

    Also what ``append_to_response=account_states`` on details should add (codes 3 without
    a live session or guest session).
    """
    ratings, user = area._rater(request)
    rated = ratings.table(media).get(item_id)
    account = area.state.accounts[user.id] if user is not None else None
    return {
        "id": item_id,
        "favorite": bool(account and item_id in account.favorite[media]),
        "rated": {"value": rated[0]} if rated else False,
        "watchlist": bool(account and item_id in account.watchlist[media]),
    }


def episode_states(area: Area, request: web.Request, key: tuple[int, int, int]) -> JSON:
    """``.../episode/{n}/account_states`` of an existing episode (also its append)."""
    ratings, _ = area._rater(request)
    rated = ratings.table("episode").get(key)
    return {
        "id": area.cat.episode(*key)["id"],
        "favorite": False,  # TMDB has no favourite or watchlist for an episode
        "rated": {"value": rated[0]} if rated else False,
        "watchlist": False,
    }


def season_states(area: Area, request: web.Request, tv_id: int, season: int) -> JSON:
    """``.../season/{n}/account_states`` of an existing season (also its append): the
    rating of each of its episodes."""
    ratings, _ = area._rater(request)
    table = ratings.table("episode")
    season_id = next(
        s.get("id", 0) for s in area.cat.tv(tv_id)["seasons"] if s["season_number"] == season
    )
    results = []
    for number in range(1, area.cat.episode_count(tv_id, season) + 1):
        rated = table.get((tv_id, season, number))
        results.append(
            {
                "id": area.cat.episode(tv_id, season, number)["id"],
                "episode_number": number,
                "rated": {"value": rated[0]} if rated else False,
            }
        )
    return {"id": season_id, "results": results}


def has_user(request: web.Request) -> bool:
    """Whether the request names a session or a guest session (``account_states`` is
    appended only then; an invalid one fails as the standalone call does)."""
    return bool(request.query.get("session_id") or request.query.get("guest_session_id"))


class RatingRoutes(Area):
    """``.../rating``, ``.../account_states`` and ``/3/guest_session/.../rated``."""

    def register(self, router: web.UrlDispatcher) -> None:
        """Add this area's routes to ``router``."""
        r = router
        movie, tv = r"/3/movie/{movie_id:\d+}", r"/3/tv/{series_id:\d+}"
        episode = tv + r"/season/{season_number:\d+}/episode/{episode_number:\d+}"
        guest = "/3/guest_session/{guest_session_id}/rated"
        for path, handler in (
            (movie, self.rate_movie),
            (tv, self.rate_tv),
            (episode, self.rate_episode),
        ):
            r.add_post(path + "/rating", handler)
            r.add_delete(path + "/rating", handler)
        r.add_get(movie + "/account_states", self.movie_states)
        r.add_get(tv + "/account_states", self.tv_states)
        r.add_get(tv + r"/season/{season_number:\d+}/account_states", self.season_states)
        r.add_get(episode + "/account_states", self.episode_states)
        r.add_get(guest + "/{media:movies|tv}", self.guest_rated)
        r.add_get(guest + "/tv/episodes", self.guest_rated_episodes)

    async def _rate(self, request: web.Request, kind: str, key: Any) -> web.Response:
        ratings, _ = self._rater(request)
        table = ratings.table(kind)
        if request.method == "DELETE":
            table.pop(key, None)
            return _status(13)
        value = _rating_value(await _body(request))
        code = 12 if key in table else 1
        table[key] = (value, table[key][1] if key in table else self.state.now())
        return _status(code)

    async def rate_movie(self, request: web.Request) -> web.Response:
        return await self._rate(request, "movie", self._movie_or_404(request))

    async def rate_tv(self, request: web.Request) -> web.Response:
        return await self._rate(request, "tv", self._tv_or_404(request))

    def _episode_key(self, request: web.Request) -> tuple[int, int, int]:
        tv_id = _int_path(request, "series_id")
        season, number = request.match_info["season_number"], request.match_info["episode_number"]
        if not (season.isdigit() and number.isdigit()):
            raise Failure(34)
        key = (tv_id, int(season), int(number))
        if not self.cat.has_episode(*key):
            raise Failure(34)
        return key

    async def rate_episode(self, request: web.Request) -> web.Response:
        return await self._rate(request, "episode", self._episode_key(request))

    async def episode_states(self, request: web.Request) -> web.Response:
        return _ok(episode_states(self, request, self._episode_key(request)))

    async def season_states(self, request: web.Request) -> web.Response:
        tv_id = self._tv_or_404(request)
        season = int(request.match_info["season_number"])
        if self.cat.episode_count(tv_id, season) == 0:
            raise Failure(34)
        return _ok(season_states(self, request, tv_id, season))

    def _states(self, request: web.Request, media: str, item_id: int) -> web.Response:
        return _ok(account_states(self, request, media, item_id))

    async def movie_states(self, request: web.Request) -> web.Response:
        return self._states(request, "movie", self._movie_or_404(request))

    async def tv_states(self, request: web.Request) -> web.Response:
        return self._states(request, "tv", self._tv_or_404(request))

    async def guest_rated(self, request: web.Request) -> web.Response:
        guest = self.state.guest(request.match_info["guest_session_id"])
        page = _page(request)
        kind = "movie" if request.match_info["media"] == "movies" else "tv"
        return _ok(_paged(rated_items(self, guest.ratings, kind, request), page))

    async def guest_rated_episodes(self, request: web.Request) -> web.Response:
        guest = self.state.guest(request.match_info["guest_session_id"])
        page = _page(request)
        return _ok(_paged(rated_items(self, guest.ratings, "episode", request), page))
