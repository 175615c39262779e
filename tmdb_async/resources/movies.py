"""``tmdb.movies``: movie endpoints."""

from __future__ import annotations

from collections.abc import Iterable

from ..models.movie import Movie
from ._base import Resource, check_id, join_appends, language_param

__all__ = ["MOVIE_APPENDS", "Movies"]

#: Names ``append_to_response`` accepts on movie details; each fills the field of the same
#: name on :class:`~tmdb_async.Movie`.
MOVIE_APPENDS = frozenset({"credits", "images"})


class Movies(Resource):
    """Movie endpoints."""

    __slots__ = ()

    async def details(
        self,
        movie_id: int,
        *,
        append_to_response: Iterable[str] = (),
        language: str | None = None,
    ) -> Movie:
        """A movie's details (``GET /3/movie/{movie_id}``).

        Args:
            movie_id: TMDB's movie id.
            append_to_response: sub-resources to fetch in the same request (at most 20),
                from :data:`MOVIE_APPENDS`; each is structured into the field of that name.
            language: ``en-US`` style language; default: the client's.

        Raises:
            TMDBUsageError: a bad id, language or append name (before any I/O).
            ResourceNotFoundError: no movie with that id (code 34).
        """
        mid = check_id(movie_id, "movie_id")
        params = {
            "append_to_response": join_appends(append_to_response, MOVIE_APPENDS),
            "language": language_param(self._core, language),
        }
        return await self._core.request("GET", f"/3/movie/{mid}", params=params, into=Movie)
