"""``tmdb.companies``: production companies."""

from __future__ import annotations

from ..models.companies import AlternativeNames, Company, LogoImages
from ._base import Resource, check_id

__all__ = ["Companies"]


class Companies(Resource):
    """Company endpoints (``tmdb.companies``)."""

    __slots__ = ()

    async def details(self, company_id: int) -> Company:
        """A company's details (``GET /3/company/{company_id}``).

        Args:
            company_id: TMDB's company id.

        Returns:
            The :class:`~tmdb_async.Company`.

        Raises:
            TMDBUsageError: a bad id (before any I/O).
            ResourceNotFoundError: no company with that id.

        See https://developer.themoviedb.org/reference/company-details
        """
        cid = check_id(company_id, "company_id")
        return await self._core.request("GET", f"/3/company/{cid}", into=Company)

    async def alternative_names(self, company_id: int) -> AlternativeNames:
        """A company's other names (``GET /3/company/{company_id}/alternative_names``).

        Args:
            company_id: TMDB's company id.

        Returns:
            :class:`~tmdb_async.AlternativeNames` (``results``: name and type).

        Raises:
            TMDBUsageError: a bad id (before any I/O).
            ResourceNotFoundError: no company with that id.

        See https://developer.themoviedb.org/reference/company-alternative-names
        """
        cid = check_id(company_id, "company_id")
        return await self._core.request(
            "GET", f"/3/company/{cid}/alternative_names", into=AlternativeNames
        )

    async def images(self, company_id: int) -> LogoImages:
        """A company's logos (``GET /3/company/{company_id}/images``).

        Args:
            company_id: TMDB's company id.

        Returns:
            :class:`~tmdb_async.LogoImages` (``logos``).

        Raises:
            TMDBUsageError: a bad id (before any I/O).
            ResourceNotFoundError: no company with that id.

        See https://developer.themoviedb.org/reference/company-images
        """
        cid = check_id(company_id, "company_id")
        return await self._core.request("GET", f"/3/company/{cid}/images", into=LogoImages)
