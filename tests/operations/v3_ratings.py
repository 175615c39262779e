"""Ratings and account states (``user.ratings``), through a session view."""

from __future__ import annotations

from . import Call, Context
from .v3_account import user


async def _rate_movie(c: Context) -> object:
    return await user(c).ratings.rate_movie(550, 8.5)


async def _delete_movie(c: Context) -> object:
    return await user(c).ratings.delete_movie(550)


async def _rate_tv(c: Context) -> object:
    return await user(c).ratings.rate_tv(1396, 9)


async def _delete_tv(c: Context) -> object:
    return await user(c).ratings.delete_tv(1396)


async def _rate_episode(c: Context) -> object:
    return await user(c).ratings.rate_episode(1396, 1, 1, 10)


async def _delete_episode(c: Context) -> object:
    return await user(c).ratings.delete_episode(1396, 1, 1)


async def _movie_states(c: Context) -> object:
    return await user(c).ratings.movie_states(550)


async def _tv_states(c: Context) -> object:
    return await user(c).ratings.tv_states(1396)


async def _season_states(c: Context) -> object:
    return await user(c).ratings.season_states(1396, 1)


async def _episode_states(c: Context) -> object:
    return await user(c).ratings.episode_states(1396, 1, 1)


_EPISODE = "/3/tv/{series_id}/season/{season_number}/episode/{episode_number}"

CALLS: dict[str, Call] = {
    "POST /3/movie/{movie_id}/rating": _rate_movie,
    "DELETE /3/movie/{movie_id}/rating": _delete_movie,
    "POST /3/tv/{series_id}/rating": _rate_tv,
    "DELETE /3/tv/{series_id}/rating": _delete_tv,
    f"POST {_EPISODE}/rating": _rate_episode,
    f"DELETE {_EPISODE}/rating": _delete_episode,
    "GET /3/movie/{movie_id}/account_states": _movie_states,
    "GET /3/tv/{series_id}/account_states": _tv_states,
    "GET /3/tv/{series_id}/season/{season_number}/account_states": _season_states,
    f"GET {_EPISODE}/account_states": _episode_states,
}
