"""``tmdb.people``: a person's details and sub-resources, the latest and popular people.

Every method checks its arguments locally and raises :class:`~tmdb_async.TMDBUsageError`
before any I/O, then makes exactly one request.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Literal

from .._core import Params
from ..models.common import Page
from ..models.movie import Changes
from ..models.person import (
    CombinedCredits,
    Person,
    PersonExternalIds,
    PersonImages,
    PersonMovieCredits,
    PersonSummary,
    PersonTaggedImages,
    PersonTranslations,
    PersonTVCredits,
)
from ._base import Resource, check_id, join_appends, language_param
from ._params import check_changes_window, check_page, choices

__all__ = ["PERSON_APPENDS", "People", "PersonAppend"]

#: ``append_to_response`` names of person details; each fills the field of that name on
#: :class:`~tmdb_async.Person`.
PersonAppend = Literal[
    "changes",
    "combined_credits",
    "external_ids",
    "images",
    "movie_credits",
    "tagged_images",
    "translations",
    "tv_credits",
]
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
            append_to_response: sub-resources fetched in the same request (at most 20),
                from :data:`PersonAppend`; each fills the field of that name, and
                ``person.appended`` gives them typed without ``None``.
            language: ``en-US`` style language (of the biography); default: the client's.

        Returns:
            The :class:`~tmdb_async.Person`.

        Raises:
            TMDBUsageError: a bad id, language or append name, or more than 20 names
                (before any I/O).
            ResourceNotFoundError: no person with that id (code 34).

        See https://developer.themoviedb.org/reference/person-details
        """
        pid = check_id(person_id, "person_id")
        params: Params = {
            "append_to_response": join_appends(append_to_response, PERSON_APPENDS),
            "language": language_param(self._core, language),
        }
        return await self._core.request("GET", f"/3/person/{pid}", params=params, into=Person)

    async def latest(self) -> Person:
        """The most recently added person (``GET /3/person/latest``); changes constantly.

        Returns:
            The :class:`~tmdb_async.Person`.

        See https://developer.themoviedb.org/reference/person-latest-id
        """
        return await self._core.request("GET", "/3/person/latest", into=Person)

    async def changes(
        self,
        person_id: int,
        *,
        start_date: dt.date | None = None,
        end_date: dt.date | None = None,
        page: int = 1,
    ) -> Changes:
        """A person's edit history (``GET /3/person/{person_id}/changes``).

        By default TMDB returns the last 24 hours; a window is at most 14 days.

        Args:
            person_id: TMDB's person id.
            start_date: first day of the window (a :class:`datetime.date`).
            end_date: last day of the window (a :class:`datetime.date`).
            page: 1 to 500.

        Returns:
            :class:`~tmdb_async.Changes`, grouped by changed field.

        Raises:
            TMDBUsageError: a bad id or page, dates that are not ``datetime.date``, an end
                before the start or a window over 14 days (before any I/O).
            ResourceNotFoundError: no person with that id (code 34).

        See https://developer.themoviedb.org/reference/person-changes
        """
        pid = check_id(person_id, "person_id")
        params: Params = {**check_changes_window(start_date, end_date), "page": check_page(page)}
        return await self._core.request(
            "GET", f"/3/person/{pid}/changes", params=params, into=Changes
        )

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

    async def images(self, person_id: int) -> PersonImages:
        """A person's profile pictures (``GET /3/person/{person_id}/images``).

        Args:
            person_id: TMDB's person id.

        Returns:
            :class:`~tmdb_async.PersonImages`.

        Raises:
            TMDBUsageError: a bad id (before any I/O).
            ResourceNotFoundError: no person with that id (code 34).

        See https://developer.themoviedb.org/reference/person-images
        """
        pid = check_id(person_id, "person_id")
        return await self._core.request("GET", f"/3/person/{pid}/images", into=PersonImages)

    async def movie_credits(
        self, person_id: int, *, language: str | None = None
    ) -> PersonMovieCredits:
        """A person's movie roles and crew jobs (``GET /3/person/{person_id}/movie_credits``).

        Args:
            person_id: TMDB's person id.
            language: ``en-US`` style language; default: the client's.

        Returns:
            :class:`~tmdb_async.PersonMovieCredits`.

        Raises:
            TMDBUsageError: a bad id or language (before any I/O).
            ResourceNotFoundError: no person with that id (code 34).

        See https://developer.themoviedb.org/reference/person-movie-credits
        """
        pid = check_id(person_id, "person_id")
        params: Params = {"language": language_param(self._core, language)}
        return await self._core.request(
            "GET", f"/3/person/{pid}/movie_credits", params=params, into=PersonMovieCredits
        )

    async def tv_credits(self, person_id: int, *, language: str | None = None) -> PersonTVCredits:
        """A person's TV roles and crew jobs (``GET /3/person/{person_id}/tv_credits``).

        Args:
            person_id: TMDB's person id.
            language: ``en-US`` style language; default: the client's.

        Returns:
            :class:`~tmdb_async.PersonTVCredits`, with episode counts per credit.

        Raises:
            TMDBUsageError: a bad id or language (before any I/O).
            ResourceNotFoundError: no person with that id (code 34).

        See https://developer.themoviedb.org/reference/person-tv-credits
        """
        pid = check_id(person_id, "person_id")
        params: Params = {"language": language_param(self._core, language)}
        return await self._core.request(
            "GET", f"/3/person/{pid}/tv_credits", params=params, into=PersonTVCredits
        )

    async def tagged_images(self, person_id: int, *, page: int = 1) -> PersonTaggedImages:
        """Images of titles the person is tagged in (``GET /3/person/{person_id}/tagged_images``).

        Args:
            person_id: TMDB's person id.
            page: 1 to 500.

        Returns:
            :class:`~tmdb_async.PersonTaggedImages`, a page of
            :class:`~tmdb_async.TaggedImage`; each ``media`` is the movie, series or
            episode the image belongs to.

        Raises:
            TMDBUsageError: a bad id or page (before any I/O).
            ResourceNotFoundError: no person with that id (code 34).

        See https://developer.themoviedb.org/reference/person-tagged-images
        """
        pid = check_id(person_id, "person_id")
        params: Params = {"page": check_page(page)}
        return await self._core.request(
            "GET", f"/3/person/{pid}/tagged_images", params=params, into=PersonTaggedImages
        )

    async def translations(self, person_id: int) -> PersonTranslations:
        """Every translation of a person's name and biography (``/3/person/{id}/translations``).

        Args:
            person_id: TMDB's person id.

        Returns:
            :class:`~tmdb_async.PersonTranslations`.

        Raises:
            TMDBUsageError: a bad id (before any I/O).
            ResourceNotFoundError: no person with that id (code 34).

        See https://developer.themoviedb.org/reference/translations
        """
        pid = check_id(person_id, "person_id")
        return await self._core.request(
            "GET", f"/3/person/{pid}/translations", into=PersonTranslations
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
