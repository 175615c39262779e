"""``tmdb.keywords``: keywords and the movies tagged with them."""

from __future__ import annotations

from .._core import Params
from ..models.keywords import KeywordMovies
from ..models.movie import Keyword
from ._base import Resource, check_id, language_param
from ._params import check_bool, check_page

__all__ = ["Keywords"]


class Keywords(Resource):
    """Keyword endpoints (``tmdb.keywords``)."""

    __slots__ = ()

    async def details(self, keyword_id: int) -> Keyword:
        """A keyword's name (``GET /3/keyword/{keyword_id}``).

        Args:
            keyword_id: TMDB's keyword id.

        Returns:
            The :class:`~tmdb_async.Keyword`.

        Raises:
            TMDBUsageError: a bad id (before any I/O).
            ResourceNotFoundError: no keyword with that id.

        See https://developer.themoviedb.org/reference/keyword-details
        """
        kid = check_id(keyword_id, "keyword_id")
        return await self._core.request("GET", f"/3/keyword/{kid}", into=Keyword)

    async def movies(
        self,
        keyword_id: int,
        *,
        page: int = 1,
        language: str | None = None,
        include_adult: bool | None = None,
    ) -> KeywordMovies:
        """Movies tagged with a keyword (``GET /3/keyword/{keyword_id}/movies``).

        TMDB marks this endpoint deprecated in favour of
        ``tmdb.discover.movie(with_keywords=[keyword_id])``, which can also sort and filter.

        Args:
            keyword_id: TMDB's keyword id.
            page: 1 to 500.
            language: ``en-US`` style language; default: the client's.
            include_adult: also return adult titles (TMDB's default: no).

        Returns:
            :class:`~tmdb_async.KeywordMovies`: a page of
            :class:`~tmdb_async.MovieSummary` with the keyword's ``id``.

        Raises:
            TMDBUsageError: a bad id, page or language (before any I/O).
            ResourceNotFoundError: no keyword with that id.

        See https://developer.themoviedb.org/reference/keyword-movies
        """
        kid = check_id(keyword_id, "keyword_id")
        params: Params = {
            "page": check_page(page),
            "language": language_param(self._core, language),
            "include_adult": check_bool(include_adult, "include_adult"),
        }
        return await self._core.request(
            "GET", f"/3/keyword/{kid}/movies", params=params, into=KeywordMovies
        )
