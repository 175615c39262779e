"""Guest session rated lists (``user.ratings`` of a guest view)."""

from __future__ import annotations

from tmdb_async import UserView

from . import Call, Context


def guest(c: Context) -> UserView:
    """A guest view."""
    return c.tmdb.for_user(c.guest)


async def _movies(c: Context) -> object:
    return await guest(c).ratings.movies()


async def _tv(c: Context) -> object:
    return await guest(c).ratings.tv()


async def _episodes(c: Context) -> object:
    return await guest(c).ratings.episodes()


CALLS: dict[str, Call] = {
    "GET /3/guest_session/{guest_session_id}/rated/movies": _movies,
    "GET /3/guest_session/{guest_session_id}/rated/tv": _tv,
    "GET /3/guest_session/{guest_session_id}/rated/tv/episodes": _episodes,
}
