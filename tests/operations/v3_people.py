"""People operations (``tmdb.people``); ``GET /3/person/changes`` belongs to the changes lists."""

from __future__ import annotations

import datetime as dt

from . import Call, Context

PERSON = 62


async def _details(c: Context) -> object:
    return await c.tmdb.people.details(PERSON)


async def _latest(c: Context) -> object:
    return await c.tmdb.people.latest()


async def _popular(c: Context) -> object:
    return await c.tmdb.people.popular()


async def _changes(c: Context) -> object:
    return await c.tmdb.people.changes(PERSON, end_date=dt.date(2024, 1, 14))


async def _combined_credits(c: Context) -> object:
    return await c.tmdb.people.combined_credits(PERSON)


async def _external_ids(c: Context) -> object:
    return await c.tmdb.people.external_ids(PERSON)


async def _images(c: Context) -> object:
    return await c.tmdb.people.images(PERSON)


async def _movie_credits(c: Context) -> object:
    return await c.tmdb.people.movie_credits(PERSON)


async def _tv_credits(c: Context) -> object:
    return await c.tmdb.people.tv_credits(PERSON)


async def _tagged_images(c: Context) -> object:
    return await c.tmdb.people.tagged_images(PERSON, page=1)


async def _translations(c: Context) -> object:
    return await c.tmdb.people.translations(PERSON)


CALLS: dict[str, Call] = {
    "GET /3/person/{person_id}": _details,
    "GET /3/person/latest": _latest,
    "GET /3/person/popular": _popular,
    "GET /3/person/{person_id}/changes": _changes,
    "GET /3/person/{person_id}/combined_credits": _combined_credits,
    "GET /3/person/{person_id}/external_ids": _external_ids,
    "GET /3/person/{person_id}/images": _images,
    "GET /3/person/{person_id}/movie_credits": _movie_credits,
    "GET /3/person/{person_id}/tv_credits": _tv_credits,
    "GET /3/person/{person_id}/tagged_images": _tagged_images,
    "GET /3/person/{person_id}/translations": _translations,
}
