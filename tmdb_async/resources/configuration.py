"""``tmdb.configuration`` (cached ``GET /3/configuration``, and the reference lists:
countries, jobs, languages, primary translations, time zones) and ``tmdb.images`` (image
URLs).

The configuration changes rarely, so a client fetches it once and keeps it: the first
caller starts the request, every concurrent caller awaits that same request, and later
callers get the cached object without I/O. A failed fetch is not cached (the next caller
tries again); a cancelled caller does not cancel the fetch the others are waiting for.
"""

from __future__ import annotations

import asyncio

from .._core import Core, Params
from ..errors import TMDBUsageError
from ..models.configuration import (
    Configuration,
    Country,
    CountryTimezones,
    ImageConfiguration,
    ImageKind,
    JobDepartment,
    Language,
)
from ._base import Resource, language_param

__all__ = ["ConfigurationResource", "ImagesResource"]

_COUNTRIES = tuple[Country, ...]
_JOBS = tuple[JobDepartment, ...]
_LANGUAGES = tuple[Language, ...]
_STRINGS = tuple[str, ...]
_TIMEZONES = tuple[CountryTimezones, ...]


class ConfigurationResource(Resource):
    """The API configuration (``tmdb.configuration``), fetched once per client."""

    __slots__ = ("_cached", "_pending")

    def __init__(self, core: Core) -> None:
        super().__init__(core)
        self._cached: Configuration | None = None
        self._pending: asyncio.Future[Configuration] | None = None

    @property
    def cached(self) -> Configuration | None:
        """The configuration fetched so far, or ``None`` before the first fetch (no I/O)."""
        return self._cached

    async def details(self, *, refresh: bool = False) -> Configuration:
        """Image base URLs and sizes, and change keys (``GET /3/configuration``).

        Fetched once per client and cached; concurrent first callers share one request.

        Args:
            refresh: fetch again even if cached (joins a fetch already in flight).

        Returns:
            The :class:`~tmdb_async.Configuration`.

        Raises:
            TMDBAPIError: TMDB's errors (the failure is not cached).
            TMDBTransportError: no answer from TMDB.

        See https://developer.themoviedb.org/reference/configuration-details
        """
        if not refresh and self._cached is not None:
            return self._cached
        pending = self._pending
        if pending is None:
            pending = asyncio.ensure_future(
                self._core.request("GET", "/3/configuration", into=Configuration)
            )
            self._pending = pending
            pending.add_done_callback(self._settle)
        # shield: a caller cancelled while waiting must not cancel the shared fetch.
        return await asyncio.shield(pending)

    async def countries(self, *, language: str | None = None) -> tuple[Country, ...]:
        """Every country TMDB uses (``GET /3/configuration/countries``); not cached.

        Args:
            language: ``en-US`` style language of ``native_name``; default: the client's.

        Returns:
            A tuple of :class:`~tmdb_async.Country` (code, English and native name).

        Raises:
            TMDBUsageError: a bad language (before any I/O).

        See https://developer.themoviedb.org/reference/configuration-countries
        """
        params: Params = {"language": language_param(self._core, language)}
        return await self._core.request(
            "GET", "/3/configuration/countries", params=params, into=_COUNTRIES
        )

    async def jobs(self) -> tuple[JobDepartment, ...]:
        """Every crew department and its jobs (``GET /3/configuration/jobs``); not cached.

        Returns:
            A tuple of :class:`~tmdb_async.JobDepartment`.

        Raises:
            TMDBAPIError: TMDB's errors (no local checks: there are no arguments).

        See https://developer.themoviedb.org/reference/configuration-jobs
        """
        return await self._core.request("GET", "/3/configuration/jobs", into=_JOBS)

    async def languages(self) -> tuple[Language, ...]:
        """Every language TMDB uses (``GET /3/configuration/languages``); not cached.

        Returns:
            A tuple of :class:`~tmdb_async.Language` (ISO 639-1 code, English and own name).

        Raises:
            TMDBAPIError: TMDB's errors (no local checks: there are no arguments).

        See https://developer.themoviedb.org/reference/configuration-languages
        """
        return await self._core.request("GET", "/3/configuration/languages", into=_LANGUAGES)

    async def primary_translations(self) -> tuple[str, ...]:
        """The languages TMDB's editors translate into
        (``GET /3/configuration/primary_translations``); not cached.

        Returns:
            A tuple of ``language-COUNTRY`` codes such as ``"en-US"`` and ``"pt-BR"``,
            in TMDB's order.

        Raises:
            TMDBAPIError: TMDB's errors (no local checks: there are no arguments).

        See https://developer.themoviedb.org/reference/configuration-primary-translations
        """
        return await self._core.request(
            "GET", "/3/configuration/primary_translations", into=_STRINGS
        )

    async def timezones(self) -> tuple[CountryTimezones, ...]:
        """Each country's time zones (``GET /3/configuration/timezones``); not cached.

        Returns:
            A tuple of :class:`~tmdb_async.CountryTimezones` (IANA names, e.g. for
            ``tmdb.discover.tv(timezone=...)``).

        Raises:
            TMDBAPIError: TMDB's errors (no local checks: there are no arguments).

        See https://developer.themoviedb.org/reference/configuration-timezones
        """
        return await self._core.request("GET", "/3/configuration/timezones", into=_TIMEZONES)

    def _settle(self, fetch: asyncio.Future[Configuration]) -> None:
        if self._pending is fetch:
            self._pending = None
        if fetch.cancelled():
            return
        error = fetch.exception()  # retrieved here, so an unawaited failure never warns
        if error is None:
            self._cached = fetch.result()


class ImagesResource(Resource):
    """Image URLs (``tmdb.images``) built from the cached configuration."""

    __slots__ = ("_configuration",)

    def __init__(self, core: Core, configuration: ConfigurationResource) -> None:
        super().__init__(core)
        self._configuration = configuration

    async def config(self) -> ImageConfiguration:
        """The image part of the configuration (fetched once per client, then cached).

        Keep it to build URLs synchronously: ``cfg.url(path, "w500")``.

        Raises:
            TMDBAPIError: TMDB's errors.
            TMDBTransportError: no answer from TMDB.
        """
        return (await self._configuration.details()).images

    async def url(
        self, path: str | None, size: str = "original", *, kind: ImageKind | None = None
    ) -> str | None:
        """The HTTPS URL of an image, e.g. ``await tmdb.images.url(movie.poster_path, "w500")``.

        Uses ``/configuration``'s ``secure_base_url`` and sizes, fetched once per client.

        Args:
            path: a file path from a model (``poster_path`` ...); ``None`` gives ``None``.
            size: one of the configured sizes (``"w500"``, ``"original"`` ...).
            kind: check ``size`` against one family (``"poster"``, ``"backdrop"``,
                ``"logo"``, ``"profile"``, ``"still"``) instead of all sizes.

        Returns:
            ``https://image.tmdb.org/t/p/w500/abc.jpg``, or ``None`` for a ``None`` path.

        Raises:
            TMDBUsageError: an unknown size (the message lists the valid ones) or a
                malformed path.
            TMDBAPIError: fetching the configuration failed.

        See https://developer.themoviedb.org/docs/image-basics
        """
        return (await self.config()).url(path, size, kind=kind)

    def url_now(
        self, path: str | None, size: str = "original", *, kind: ImageKind | None = None
    ) -> str | None:
        """Like :meth:`url`, without I/O: needs the configuration fetched already.

        Raises:
            TMDBUsageError: the configuration was not fetched yet (await
                ``tmdb.configuration.details()`` or :meth:`url` once first), an unknown
                size or a malformed path.
        """
        cached = self._configuration.cached
        if cached is None:
            raise TMDBUsageError(
                "the image configuration is not loaded yet: await "
                "tmdb.configuration.details() (or tmdb.images.url(...)) once first"
            )
        return cached.images.url(path, size, kind=kind)
