"""Configuration operations (``tmdb.configuration``)."""

from __future__ import annotations

from . import Call, Context


async def _details(c: Context) -> object:
    return await c.tmdb.configuration.details()


async def _countries(c: Context) -> object:
    return await c.tmdb.configuration.countries(language="de-DE")


async def _jobs(c: Context) -> object:
    return await c.tmdb.configuration.jobs()


async def _languages(c: Context) -> object:
    return await c.tmdb.configuration.languages()


async def _primary_translations(c: Context) -> object:
    return await c.tmdb.configuration.primary_translations()


async def _timezones(c: Context) -> object:
    return await c.tmdb.configuration.timezones()


CALLS: dict[str, Call] = {
    "GET /3/configuration": _details,
    "GET /3/configuration/countries": _countries,
    "GET /3/configuration/jobs": _jobs,
    "GET /3/configuration/languages": _languages,
    "GET /3/configuration/primary_translations": _primary_translations,
    "GET /3/configuration/timezones": _timezones,
}
