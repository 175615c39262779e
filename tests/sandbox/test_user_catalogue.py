"""Where the sandbox's user data shows in its catalogue answers: the lists a title is on
(``/3/movie/{id}/lists``, ``/3/tv/{id}/lists``) and ``append_to_response=account_states``
on movie, TV, season and episode details (TMDB appends it when a session or guest session
is given; TMDbLib issue #131)."""

from __future__ import annotations

import copy
from typing import Any

import aiohttp
from jsonschema import Draft202012Validator

from tests.sandbox.test_conformance import SPEC, _errata
from tmdb_async import ListSummary
from tmdb_async.testing import ManualClock, Sandbox


def _valid(path: str, body: Any) -> None:
    schema = SPEC["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
    validator = Draft202012Validator(_errata(copy.deepcopy(schema["schema"])))
    errors = [(list(e.absolute_path), e.message) for e in validator.iter_errors(body)]
    assert errors == []


async def _get(sb: Sandbox, path: str, **params: str) -> Any:
    headers = {"Authorization": f"Bearer {sb.access_token}"}
    async with (
        aiohttp.ClientSession() as http,
        http.get(sb.base_url + path, params=params, headers=headers) as resp,
    ):
        assert resp.status == 200, await resp.text()
        return await resp.json()


async def test_a_titles_lists_start_with_the_public_user_lists_holding_it() -> None:
    async with Sandbox(clock=ManualClock()) as sb, sb.client() as tmdb:
        before = await tmdb.movies.lists(550)
        user = tmdb.for_user(sb.login(), account_id=sb.user().id)
        first = (await user.lists.create("Fincher", description="Dark")).list_id
        await user.lists.add(first, 550)
        second = (await user.lists.create("Pitt")).list_id
        await user.lists.add(second, 550)
        await user.lists.add(second, 680)
        unrelated = (await user.lists.create("Other")).list_id
        await user.lists.add(unrelated, 680)
        v4 = await tmdb.auth.create_v4_request_token()
        sb.approve(v4)
        v4_user = tmdb.for_user(await tmdb.auth.create_v4_access_token(v4))
        private = (await v4_user.lists.create("Secret", public=False)).id
        await v4_user.lists.add(private, [("movie", 550), ("tv", 1396)])
        shared = (await v4_user.lists.create("Shows", country="DE")).id
        await v4_user.lists.add(shared, [("tv", 1396)])

        after = await tmdb.movies.lists(550)
        assert after.total_results == before.total_results + 2
        assert after.results[:2] == [
            ListSummary(
                id=second,
                name="Pitt",
                item_count=2,
                iso_639_1="en",
                list_type="movie",
                poster_path=(await tmdb.movies.details(550)).poster_path,
            ),
            ListSummary(
                id=first,
                name="Fincher",
                description="Dark",
                item_count=1,
                iso_639_1="en",
                list_type="movie",
                poster_path=(await tmdb.movies.details(550)).poster_path,
            ),
        ]
        assert after.results[2:] == before.results[: len(after.results) - 2]
        shows = await tmdb.tv.lists(1396)
        assert [(s.id, s.iso_3166_1) for s in shows.results if s.id in (shared, private)] == [
            (shared, "DE")
        ]
        assert shows.results[0].id == shared
        # On the wire: each area's documented item shape (TV's has no list_type).
        _valid("/3/movie/{movie_id}/lists", await _get(sb, "/3/movie/550/lists"))
        tv = await _get(sb, "/3/tv/1396/lists")
        _valid("/3/tv/{series_id}/lists", tv)
        assert "list_type" not in tv["results"][0]
        # Page 2 of a title on 21 lists (13 is on none at TMDB) holds the oldest one.
        made = []
        for n in range(21):
            made.append((await user.lists.create(f"More {n}")).list_id)
            await user.lists.add(made[-1], 13)
        page1, page2 = await tmdb.movies.lists(13), await tmdb.movies.lists(13, page=2)
        assert (page1.total_results, page1.total_pages) == (21, 2)
        assert [s.id for s in page1.results] == made[:0:-1]
        assert [s.id for s in page2.results] == made[:1]


async def test_account_states_appended_with_a_session_or_guest_session() -> None:
    async with Sandbox(clock=ManualClock()) as sb, sb.client() as tmdb:
        session = sb.login()
        user = tmdb.for_user(session, account_id=sb.user().id)
        await user.ratings.rate_movie(550, 8.5)
        await user.favorites.add("movie", 550)
        await user.ratings.rate_tv(1396, 9)
        await user.watchlist.add("tv", 1396)
        await user.ratings.rate_episode(1396, 1, 2, 7.5)

        movie = await user.movie_details(550, append_to_response=["account_states", "credits"])
        states = movie.appended.account_states
        assert (states.favorite, states.rated, states.watchlist) == (True, 8.5, False)
        assert movie.appended.credits.cast

        sid = {"session_id": session.session_id, "append_to_response": "account_states"}
        show = await _get(sb, "/3/tv/1396", **sid)
        assert show["account_states"] == {
            "favorite": False,
            "rated": {"value": 9.0},
            "watchlist": True,
        }
        season = await _get(sb, "/3/tv/1396/season/1", **sid)
        standalone = await _get(
            sb, "/3/tv/1396/season/1/account_states", session_id=session.session_id
        )
        assert season["account_states"] == {"results": standalone["results"]}
        assert [r["rated"] for r in standalone["results"][:3]] == [False, {"value": 7.5}, False]
        episode = await _get(sb, "/3/tv/1396/season/1/episode/2", **sid)
        assert episode["account_states"] == {
            "favorite": False,
            "rated": {"value": 7.5},
            "watchlist": False,
        }

        guest = await tmdb.auth.create_guest_session()
        await tmdb.for_user(guest).ratings.rate_movie(550, 6)
        as_guest = await tmdb.for_user(guest).movie_details(
            550, append_to_response=["account_states"]
        )
        assert as_guest.appended.account_states.rated == 6

        # Without a user, TMDB has nothing to append: the name is ignored.
        for path in (
            "/3/movie/550",
            "/3/tv/1396",
            "/3/tv/1396/season/1",
            "/3/tv/1396/season/1/episode/2",
        ):
            body = await _get(sb, path, append_to_response="account_states")
            assert "account_states" not in body
