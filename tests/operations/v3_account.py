"""Account operations (``user.account``, ``user.favorites``, ``user.watchlist``, rated pages,
``user.lists.mine``), through a session view that knows its account id (no lookup)."""

from __future__ import annotations

from tmdb_async import UserView

from . import Call, Context


def user(c: Context) -> UserView:
    """A v3 session view with its account id, so each call is one request."""
    return c.tmdb.for_user(c.session, account_id=c.account_id)


async def _details(c: Context) -> object:
    return await user(c).account.details()


async def _favorite(c: Context) -> object:
    return await user(c).favorites.add("movie", 550)


async def _watchlist(c: Context) -> object:
    return await user(c).watchlist.add("tv", 1396)


async def _favorite_movies(c: Context) -> object:
    return await user(c).favorites.movies()


async def _favorite_tv(c: Context) -> object:
    return await user(c).favorites.tv()


async def _watchlist_movies(c: Context) -> object:
    return await user(c).watchlist.movies()


async def _watchlist_tv(c: Context) -> object:
    return await user(c).watchlist.tv()


async def _rated_movies(c: Context) -> object:
    return await user(c).ratings.movies()


async def _rated_tv(c: Context) -> object:
    return await user(c).ratings.tv()


async def _rated_episodes(c: Context) -> object:
    return await user(c).ratings.episodes()


async def _lists(c: Context) -> object:
    return await user(c).lists.mine()


CALLS: dict[str, Call] = {
    "GET /3/account/{account_id}": _details,
    "POST /3/account/{account_id}/favorite": _favorite,
    "POST /3/account/{account_id}/watchlist": _watchlist,
    "GET /3/account/{account_id}/favorite/movies": _favorite_movies,
    "GET /3/account/{account_id}/favorite/tv": _favorite_tv,
    "GET /3/account/{account_id}/watchlist/movies": _watchlist_movies,
    "GET /3/account/{account_id}/watchlist/tv": _watchlist_tv,
    "GET /3/account/{account_id}/rated/movies": _rated_movies,
    "GET /3/account/{account_id}/rated/tv": _rated_tv,
    "GET /3/account/{account_id}/rated/tv/episodes": _rated_episodes,
    "GET /3/account/{account_id}/lists": _lists,
}
