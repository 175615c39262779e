"""``tmdb.reviews``: one review by its id."""

from __future__ import annotations

from ..models.reviews import ReviewDetails
from ._base import Resource, check_string_id

__all__ = ["Reviews"]


class Reviews(Resource):
    """Review endpoints (``tmdb.reviews``)."""

    __slots__ = ()

    async def details(self, review_id: str) -> ReviewDetails:
        """A review and what it reviews (``GET /3/review/{review_id}``).

        Args:
            review_id: the review's id (``Review.id``, 24 hex characters).

        Returns:
            The :class:`~tmdb_async.ReviewDetails`.

        Raises:
            TMDBUsageError: an empty review id or one with whitespace (before any I/O).
            ResourceNotFoundError: no review with that id.

        See https://developer.themoviedb.org/reference/review-details
        """
        rid = check_string_id(review_id, "review_id")
        return await self._core.request("GET", f"/3/review/{rid}", into=ReviewDetails)
