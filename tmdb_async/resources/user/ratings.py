"""``user.ratings``: rate and unrate titles, rated pages, account states."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...models.common import Page, StatusResponse
from ...models.states import AccountStates, SeasonAccountStates
from ...models.user import UserEpisode, UserMovie, UserTV
from .._base import check_id
from .._params import check_index
from ._view import SortBy, check_rating, fill_ratings

if TYPE_CHECKING:
    from ._view import ViewBase

__all__ = ["Ratings"]


def _episode_path(series_id: int, season_number: int, episode_number: int) -> str:
    sid = check_id(series_id, "series_id")
    season = check_index(season_number, "season_number")
    episode = check_index(episode_number, "episode_number")
    return f"/3/tv/{sid}/season/{season}/episode/{episode}"


class Ratings:
    """The user's (or guest's) ratings (``user.ratings``).

    Setting and deleting a rating, and reading account states, work for user and guest
    views (``session_id`` or ``guest_session_id``); TMDB has no v4 route for them, so a
    v4 view converts its token to a v3 session once. Rated pages use the v4 routes for a
    v4 view (movies, TV) and the guest routes for a guest.
    """

    __slots__ = ("_view",)

    def __init__(self, view: ViewBase) -> None:
        self._view = view

    def __repr__(self) -> str:
        return "<Ratings namespace>"

    # ------------------------------------------------------------------ writes

    async def _rate(self, path: str, value: object) -> StatusResponse:
        body = {"value": check_rating(value)}
        params, secrets = await self._view._user_params()
        return await self._view._write(
            "POST",
            path,
            into=StatusResponse,
            params=params,
            json=body,
            idempotent=True,
            secrets=secrets,
        )

    async def _delete(self, path: str) -> StatusResponse:
        params, secrets = await self._view._user_params()
        return await self._view._write(
            "DELETE", path, into=StatusResponse, params=params, idempotent=True, secrets=secrets
        )

    async def rate_movie(self, movie_id: int, value: float) -> StatusResponse:
        """Rate a movie (``POST /3/movie/{movie_id}/rating`` with ``{"value": x}``).

        Setting a rating is safe to repeat, so it is retried like a GET.

        Args:
            movie_id: TMDB's movie id.
            value: 0.5 to 10 in steps of 0.5.

        Returns:
            TMDB's status: code 1 (rated) or 12 (rating updated).

        Raises:
            TMDBUsageError: a bad id or value (before any I/O).
            TMDBAPIError: TMDB refused, or answered with another status code.

        See https://developer.themoviedb.org/reference/movie-add-rating
        """
        mid = check_id(movie_id, "movie_id")
        return await self._rate(f"/3/movie/{mid}/rating", value)

    async def rate_tv(self, series_id: int, value: float) -> StatusResponse:
        """Rate a TV show (``POST /3/tv/{series_id}/rating``); see :meth:`rate_movie`."""
        sid = check_id(series_id, "series_id")
        return await self._rate(f"/3/tv/{sid}/rating", value)

    async def rate_episode(
        self, series_id: int, season_number: int, episode_number: int, value: float
    ) -> StatusResponse:
        """Rate a TV episode
        (``POST /3/tv/{series_id}/season/{season_number}/episode/{episode_number}/rating``)."""
        path = _episode_path(series_id, season_number, episode_number)
        return await self._rate(f"{path}/rating", value)

    async def delete_movie(self, movie_id: int) -> StatusResponse:
        """Remove the user's rating of a movie (``DELETE /3/movie/{movie_id}/rating``).

        Returns:
            TMDB's status: code 13 (deleted).
        """
        return await self._delete(f"/3/movie/{check_id(movie_id, 'movie_id')}/rating")

    async def delete_tv(self, series_id: int) -> StatusResponse:
        """Remove the user's rating of a TV show (``DELETE /3/tv/{series_id}/rating``)."""
        return await self._delete(f"/3/tv/{check_id(series_id, 'series_id')}/rating")

    async def delete_episode(
        self, series_id: int, season_number: int, episode_number: int
    ) -> StatusResponse:
        """Remove the user's rating of a TV episode (``DELETE .../episode/{n}/rating``)."""
        path = _episode_path(series_id, season_number, episode_number)
        return await self._delete(f"{path}/rating")

    # ------------------------------------------------------------------ rated pages

    async def movies(
        self, *, page: int = 1, sort_by: SortBy | None = None, language: str | None = None
    ) -> Page[UserMovie]:
        """Movies the user rated, each with its ``rating``.

        ``GET /3/account/{account_id}/rated/movies``; for a guest
        ``GET /3/guest_session/{guest_session_id}/rated/movies`` (the id redacted from logs
        and errors); for a v4 view ``GET /4/account/{account_object_id}/movie/rated``
        (``rating`` filled from v4's ``account_rating``).

        Args:
            page: 1 to 500.
            sort_by: ``"created_at.asc"`` (TMDB's default) or ``"created_at.desc"``.
            language: ``en-US`` style; default: the client's.
        """
        result = await self._view._account_page(
            "rated/movies", "movie/rated", Page[UserMovie], page, sort_by, language
        )
        return fill_ratings(result)

    async def tv(
        self, *, page: int = 1, sort_by: SortBy | None = None, language: str | None = None
    ) -> Page[UserTV]:
        """TV shows the user rated, each with its ``rating`` (see :meth:`movies`)."""
        result = await self._view._account_page(
            "rated/tv", "tv/rated", Page[UserTV], page, sort_by, language
        )
        return fill_ratings(result)

    async def episodes(
        self, *, page: int = 1, sort_by: SortBy | None = None, language: str | None = None
    ) -> Page[UserEpisode]:
        """Episodes the user rated, each with its ``rating`` (``.../rated/tv/episodes``;
        TMDB has no v4 route: a v4 view uses its converted v3 session)."""
        return await self._view._account_page(
            "rated/tv/episodes", None, Page[UserEpisode], page, sort_by, language
        )

    # ------------------------------------------------------------------ account states

    async def _states(self, path: str, into: type[AccountStates]) -> AccountStates:
        params, secrets = await self._view._user_params()
        return await self._view._core.request(
            "GET", path, params=params, into=into, secrets=secrets
        )

    async def movie_states(self, movie_id: int) -> AccountStates:
        """Whether the user rated, favourited or watchlisted a movie
        (``GET /3/movie/{movie_id}/account_states``); ``rated`` is ``None`` or the rating.

        See https://developer.themoviedb.org/reference/movie-account-states
        """
        mid = check_id(movie_id, "movie_id")
        return await self._states(f"/3/movie/{mid}/account_states", AccountStates)

    async def tv_states(self, series_id: int) -> AccountStates:
        """The user's state for a TV show (``GET /3/tv/{series_id}/account_states``)."""
        sid = check_id(series_id, "series_id")
        return await self._states(f"/3/tv/{sid}/account_states", AccountStates)

    async def season_states(self, series_id: int, season_number: int) -> SeasonAccountStates:
        """The user's rating of each episode of a season
        (``GET /3/tv/{series_id}/season/{season_number}/account_states``).

        See https://developer.themoviedb.org/reference/tv-season-account-states
        """
        sid = check_id(series_id, "series_id")
        season = check_index(season_number, "season_number")
        params, secrets = await self._view._user_params()
        return await self._view._core.request(
            "GET",
            f"/3/tv/{sid}/season/{season}/account_states",
            params=params,
            into=SeasonAccountStates,
            secrets=secrets,
        )

    async def episode_states(
        self, series_id: int, season_number: int, episode_number: int
    ) -> AccountStates:
        """The user's state for one TV episode (``GET .../episode/{n}/account_states``)."""
        path = _episode_path(series_id, season_number, episode_number)
        return await self._states(f"{path}/account_states", AccountStates)
