"""Configuration operations (``tmdb.configuration``)."""

from __future__ import annotations

from tmdb_async import TMDBClient

from . import Call


async def _details(tmdb: TMDBClient) -> object:
    return await tmdb.configuration.details()


async def _countries(tmdb: TMDBClient) -> object:
    return await tmdb.configuration.countries(language="de-DE")


async def _jobs(tmdb: TMDBClient) -> object:
    return await tmdb.configuration.jobs()


async def _languages(tmdb: TMDBClient) -> object:
    return await tmdb.configuration.languages()


async def _primary_translations(tmdb: TMDBClient) -> object:
    return await tmdb.configuration.primary_translations()


async def _timezones(tmdb: TMDBClient) -> object:
    return await tmdb.configuration.timezones()


CALLS: dict[str, Call] = {
    "GET /3/configuration": _details,
    "GET /3/configuration/countries": _countries,
    "GET /3/configuration/jobs": _jobs,
    "GET /3/configuration/languages": _languages,
    "GET /3/configuration/primary_translations": _primary_translations,
    "GET /3/configuration/timezones": _timezones,
}
