"""Movie, TV and people details against the sandbox (real HTTP on loopback), with the
``appended`` views. The sandbox serves details (movies with ``credits`` and ``images``
appended) but none of the new sub-resource routes yet; those are tested against recorded
answers (tests/resources/test_recorded_answers.py)."""

from __future__ import annotations

import pytest

from tmdb_async import Cast, Credits, Images, TMDBUsageError
from tmdb_async.testing import Sandbox


async def test_movie_appends_from_the_sandbox() -> None:
    async with Sandbox(movie_count=20, tv_count=5, person_count=5) as sb, sb.client() as tmdb:
        movie = await tmdb.movies.details(3, append_to_response=["credits", "images"])
        cast: list[Cast] = movie.appended.credits.cast
        assert cast
        served = sb.catalogue.credits(3)
        assert [c.name for c in cast] == [c["name"] for c in served["cast"]]
        # Appended, the credits are the standalone answer without its id.
        appended = {k: v for k, v in served.items() if k != "id"}
        assert movie.appended.credits == tmdb.converter.structure(appended, Credits)
        images: Images = movie.appended.images
        assert images.id is None  # appended objects come without the id
        assert images.posters or images.backdrops
        with pytest.raises(TMDBUsageError, match="'videos' was not appended to this Movie"):
            _ = movie.appended.videos


async def test_tv_and_person_details_from_the_sandbox() -> None:
    async with Sandbox(movie_count=5, tv_count=5, person_count=5) as sb, sb.client() as tmdb:
        show = await tmdb.tv.details(1)
        assert show.id == 1
        assert show.name
        with pytest.raises(TMDBUsageError, match=r"tmdb\.tv\.details\(\.\.\., append_to_res"):
            _ = show.appended.credits
        person = await tmdb.people.details(1)
        assert person.id == 1
        with pytest.raises(TMDBUsageError, match="'movie_credits' was not appended"):
            _ = person.appended.movie_credits
