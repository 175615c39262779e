"""``tmdb.certifications``: age ratings by country, for movies and TV."""

from __future__ import annotations

from ..models.certifications import Certifications
from ._base import Resource

__all__ = ["CertificationsResource"]


class CertificationsResource(Resource):
    """Certification endpoints (``tmdb.certifications``)."""

    __slots__ = ()

    async def movie(self) -> Certifications:
        """Movie age ratings by country (``GET /3/certification/movie/list``).

        Returns:
            :class:`~tmdb_async.Certifications` (``.certifications["US"]`` ...).

        Raises:
            TMDBAPIError: TMDB's errors (no local checks: there are no arguments).

        See https://developer.themoviedb.org/reference/certification-movie-list
        """
        return await self._core.request("GET", "/3/certification/movie/list", into=Certifications)

    async def tv(self) -> Certifications:
        """TV age ratings by country (``GET /3/certification/tv/list``).

        Returns:
            :class:`~tmdb_async.Certifications` (``.certifications["US"]`` ...).

        Raises:
            TMDBAPIError: TMDB's errors (no local checks: there are no arguments).

        See https://developer.themoviedb.org/reference/certifications-tv-list
        """
        return await self._core.request("GET", "/3/certification/tv/list", into=Certifications)
