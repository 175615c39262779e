"""``tmdb.people``: a person's details, combined credits, external ids, and popular people.

Every method checks its arguments locally and raises :class:`~tmdb_async.TMDBUsageError`
before any I/O, then makes exactly one request.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from .._core import Params
from ..models.common import Page
from ..models.person import CombinedCredits, Person, PersonExternalIds, PersonSummary
from ._base import Resource, check_id, join_appends, language_param
from ._params import check_page, choices

__all__ = ["PERSON_APPENDS", "People", "PersonAppend"]

#: ``append_to_response`` names of person details; each fills the field of that name.
PersonAppend = Literal["combined_credits", "external_ids", "images"]
PERSON_APPENDS = frozenset(choices(PersonAppend))

_PAGE = Page[PersonSummary]


class People(Resource):
    """People endpoints (``tmdb.people``)."""

    __slots__ = ()

    async def details(
        self,
        person_id: int,
        *,
        append_to_response: Iterable[PersonAppend] = (),
        language: str | None = None,
    ) -> Person:
        """A person's details (``GET /3/person/{person_id}``).

        Args:
            person_id: TMDB's person id.
            append_to_response: ``combined_credits``, ``external_ids``, ``images`` (at
                most 20); each fills the field of that name.
            language: ``en-US`` style language (of the biography); default: the client's.

        Returns:
            The :class:`~tmdb_async.Person`.

        Raises:
            TMDBUsageError: a bad id, language or append name (before any I/O).
            ResourceNotFoundError: no person with that id (code 34).

        See https://developer.themoviedb.org/reference/person-details
        """
        pid = check_id(person_id, "person_id")
        params: Params = {
            "append_to_response": join_appends(append_to_response, PERSON_APPENDS),
            "language": language_param(self._core, language),
        }
        return await self._core.request("GET", f"/3/person/{pid}", params=params, into=Person)

    async def combined_credits(
        self, person_id: int, *, language: str | None = None
    ) -> CombinedCredits:
        """A person's movie and TV credits (``GET /3/person/{person_id}/combined_credits``).

        Args:
            person_id: TMDB's person id.
            language: ``en-US`` style language; default: the client's.

        Returns:
            :class:`~tmdb_async.CombinedCredits`; each credit's ``media_type`` says
            whether it is a movie or a TV series.

        Raises:
            TMDBUsageError: a bad id or language (before any I/O).
            ResourceNotFoundError: no person with that id.

        See https://developer.themoviedb.org/reference/person-combined-credits
        """
        pid = check_id(person_id, "person_id")
        params: Params = {"language": language_param(self._core, language)}
        return await self._core.request(
            "GET", f"/3/person/{pid}/combined_credits", params=params, into=CombinedCredits
        )

    async def external_ids(self, person_id: int) -> PersonExternalIds:
        """A person's ids on IMDb, Wikidata, social sites (``GET /3/person/{id}/external_ids``).

        Args:
            person_id: TMDB's person id.

        Returns:
            :class:`~tmdb_async.PersonExternalIds` (``None`` where unknown).

        Raises:
            TMDBUsageError: a bad id (before any I/O).
            ResourceNotFoundError: no person with that id.

        See https://developer.themoviedb.org/reference/person-external-ids
        """
        pid = check_id(person_id, "person_id")
        return await self._core.request(
            "GET", f"/3/person/{pid}/external_ids", into=PersonExternalIds
        )

    async def popular(self, *, page: int = 1, language: str | None = None) -> Page[PersonSummary]:
        """People ordered by popularity (``GET /3/person/popular``).

        Args:
            page: 1 to 500.
            language: ``en-US`` style language; default: the client's.

        Returns:
            A :class:`~tmdb_async.Page` of :class:`~tmdb_async.PersonSummary`.

        Raises:
            TMDBUsageError: a bad page or language (before any I/O).

        See https://developer.themoviedb.org/reference/person-popular-list
        """
        params: Params = {
            "page": check_page(page),
            "language": language_param(self._core, language),
        }
        return await self._core.request("GET", "/3/person/popular", params=params, into=_PAGE)
