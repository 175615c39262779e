"""Guest session rated lists (``user.ratings`` of a guest view)."""

from __future__ import annotations

from tmdb_async import GuestSession, TMDBClient, UserView

from . import Call

GUEST = GuestSession(guest_session_id="1ce82ec1223641636ad4a60b07de3581")


def guest(tmdb: TMDBClient) -> UserView:
    """A guest view."""
    return tmdb.for_user(GUEST)


async def _movies(tmdb: TMDBClient) -> object:
    return await guest(tmdb).ratings.movies()


async def _tv(tmdb: TMDBClient) -> object:
    return await guest(tmdb).ratings.tv()


async def _episodes(tmdb: TMDBClient) -> object:
    return await guest(tmdb).ratings.episodes()


CALLS: dict[str, Call] = {
    "GET /3/guest_session/{guest_session_id}/rated/movies": _movies,
    "GET /3/guest_session/{guest_session_id}/rated/tv": _tv,
    "GET /3/guest_session/{guest_session_id}/rated/tv/episodes": _episodes,
}
