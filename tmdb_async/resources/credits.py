"""``tmdb.credits``: one credit (a person's part in a movie or series) by its id."""

from __future__ import annotations

from .._core import Params
from ..models.credits import CreditDetails
from ._base import Resource, check_string_id, language_param

__all__ = ["Credits"]


class Credits(Resource):
    """Credit endpoints (``tmdb.credits``)."""

    __slots__ = ()

    async def details(self, credit_id: str, *, language: str | None = None) -> CreditDetails:
        """A credit: who, in what, as what (``GET /3/credit/{credit_id}``).

        Args:
            credit_id: the credit's id (``Cast.credit_id`` / ``Crew.credit_id``, 24 hex
                characters).
            language: ``en-US`` style language; default: the client's.

        Returns:
            The :class:`~tmdb_async.CreditDetails`, with its ``media`` (the movie or
            series, and for a series the episodes and seasons) and ``person``.

        Raises:
            TMDBUsageError: an empty credit id or one with whitespace, or a bad language
                (before any I/O).
            ResourceNotFoundError: no credit with that id.

        See https://developer.themoviedb.org/reference/credit-details
        """
        cid = check_string_id(credit_id, "credit_id")
        params: Params = {"language": language_param(self._core, language)}
        return await self._core.request(
            "GET", f"/3/credit/{cid}", params=params, into=CreditDetails
        )
