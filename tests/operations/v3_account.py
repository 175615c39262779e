"""Account operations (``user.account``, ``user.favorites``, ``user.watchlist``, rated pages,
``user.lists.mine``), through a session view that knows its account id (no lookup)."""

from __future__ import annotations

from tmdb_async import Session, TMDBClient, UserView

from . import Call

SESSION = Session(session_id="79191836ddaa0da3df76a5ffef6f07ad6ab0c641")


def user(tmdb: TMDBClient) -> UserView:
    """A v3 session view with its account id, so each call is one request."""
    return tmdb.for_user(SESSION, account_id=548)


async def _details(tmdb: TMDBClient) -> object:
    return await user(tmdb).account.details()


async def _favorite(tmdb: TMDBClient) -> object:
    return await user(tmdb).favorites.add("movie", 550)


async def _watchlist(tmdb: TMDBClient) -> object:
    return await user(tmdb).watchlist.add("tv", 1396)


async def _favorite_movies(tmdb: TMDBClient) -> object:
    return await user(tmdb).favorites.movies()


async def _favorite_tv(tmdb: TMDBClient) -> object:
    return await user(tmdb).favorites.tv()


async def _watchlist_movies(tmdb: TMDBClient) -> object:
    return await user(tmdb).watchlist.movies()


async def _watchlist_tv(tmdb: TMDBClient) -> object:
    return await user(tmdb).watchlist.tv()


async def _rated_movies(tmdb: TMDBClient) -> object:
    return await user(tmdb).ratings.movies()


async def _rated_tv(tmdb: TMDBClient) -> object:
    return await user(tmdb).ratings.tv()


async def _rated_episodes(tmdb: TMDBClient) -> object:
    return await user(tmdb).ratings.episodes()


async def _lists(tmdb: TMDBClient) -> object:
    return await user(tmdb).lists.mine()


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
