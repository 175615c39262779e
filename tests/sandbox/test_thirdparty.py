"""Widely used third-party TMDB clients, unchanged but for their base URL, against the sandbox.

Proof that the sandbox is TMDB-shaped, not shaped after this SDK: each client runs a broad
scenario of its own documented usage (log in, account, favourites, watchlist, ratings, lists,
guest sessions, catalogue reads, searches) and every call must get TMDB's answer, which the
client then reads with its own code.

- ``tmdbsimple`` and ``tmdbv3api`` are synchronous (requests): the sandbox runs on its own
  thread, and the client's requests session carries an adapter that sends
  ``https://api.themoviedb.org`` to the sandbox instead (the base URL, nothing else).
- ``themoviedb`` is asyncio/aiohttp: its configuration's ``host`` is the sandbox.

Every call of every scenario must get a 2xx answer, except the list delete, which gets
TMDB's real 500 (code 11) and must leave the list gone.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any

import attrs
import pytest
import requests
import tmdbsimple
import tmdbv3api
from requests.adapters import HTTPAdapter
from themoviedb.aiotmdb import aioTMDb

from tests.operations.test_every_operation import _match
from tests.threaded import started_in_a_thread
from tmdb_async.testing import Sandbox

TMDB_HOST = "https://api.themoviedb.org"


class SandboxAdapter(HTTPAdapter):
    """A requests adapter that sends TMDB's API host to the sandbox (the base URL swap)."""

    def __init__(self, base_url: str) -> None:
        super().__init__()
        self.base_url = base_url

    def send(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        assert request.url.startswith(TMDB_HOST), request.url
        request.url = self.base_url + request.url[len(TMDB_HOST) :]
        return super().send(request, *args, **kwargs)


class ThreadedSandbox:
    """A :class:`Sandbox` serving from its own thread and event loop, for sync clients."""

    def __init__(self, **kwargs: Any) -> None:
        self.sb = Sandbox(**kwargs)
        self._serving = contextlib.ExitStack()
        self.loop: asyncio.AbstractEventLoop | None = None

    def __enter__(self) -> ThreadedSandbox:
        self.loop = self._serving.enter_context(
            started_in_a_thread(self.sb, timeout=30, name="sandbox")
        )
        return self

    def __exit__(self, *exc: object) -> None:
        self._serving.close()

    def run(self, coro: Awaitable[Any]) -> Any:
        """Run a coroutine on the sandbox's loop and wait for it."""

        async def wrapped() -> Any:
            return await coro

        assert self.loop is not None, "use the sandbox inside its with block"
        return asyncio.run_coroutine_threadsafe(wrapped(), self.loop).result(timeout=30)

    def call(self, fn: Callable[[], Any]) -> Any:
        """Run ``fn`` on the sandbox's loop (its state is not shared across threads)."""

        async def wrapped() -> Any:
            return fn()

        return self.run(wrapped())

    def session(self) -> requests.Session:
        """A requests session whose TMDB requests reach this sandbox."""
        http = requests.Session()
        http.mount(TMDB_HOST, SandboxAdapter(self.sb.base_url))
        return http


@attrs.define
class Outcome:
    """What one scenario step did: the operations it reached and what came back."""

    label: str
    operations: list[str]
    statuses: list[int]
    error: BaseException | None


class Scenario:
    """Runs steps, records each one's requests and checks every one succeeded."""

    def __init__(self, sb: Sandbox) -> None:
        self.sb = sb
        self.outcomes: list[Outcome] = []

    def _record(self, label: str, before: int, error: BaseException | None) -> None:
        requests_made = self.sb.requests[before:]
        assert requests_made, f"{label}: no request reached the sandbox"
        operations = [_match(r.method, r.path) or f"{r.method} {r.path}" for r in requests_made]
        self.outcomes.append(
            Outcome(
                label=label,
                operations=operations,
                statuses=[r.status for r in requests_made],
                error=error,
            )
        )

    def step(self, label: str, fn: Callable[[], Any]) -> Any:
        """Run a synchronous step; returns its result (``None`` when it raised)."""
        before = len(self.sb.requests)
        try:
            result = fn()
        except Exception as exc:  # judged in check()
            self._record(label, before, exc)
            return None
        self._record(label, before, None)
        return result

    async def astep(self, label: str, fn: Callable[[], Awaitable[Any]]) -> Any:
        """Run an asynchronous step; returns its result (``None`` when it raised)."""
        before = len(self.sb.requests)
        try:
            result = await fn()
        except Exception as exc:  # judged in check()
            self._record(label, before, exc)
            return None
        self._record(label, before, None)
        return result

    def check(self) -> None:
        """Every step succeeded, with 2xx answers only."""
        wrong = []
        for o in self.outcomes:
            if o.error is not None or not all(200 <= s < 300 for s in o.statuses):
                wrong.append(f"{o.label}: {o.operations} {o.statuses} {o.error!r}")
        assert not wrong, "\n".join(wrong)


# --------------------------------------------------------------------------- tmdbsimple


@pytest.fixture
def threaded() -> Iterator[ThreadedSandbox]:
    with ThreadedSandbox() as server:
        yield server


@pytest.fixture
def simple(threaded: ThreadedSandbox, monkeypatch: pytest.MonkeyPatch) -> ThreadedSandbox:
    monkeypatch.setattr(tmdbsimple, "API_KEY", threaded.sb.api_key)
    monkeypatch.setattr(tmdbsimple, "REQUESTS_SESSION", threaded.session())
    return threaded


def test_tmdbsimple_scenario(simple: ThreadedSandbox) -> None:
    tmdb = tmdbsimple
    sb = simple.sb
    run = Scenario(sb)

    # log in with a username and password (the legacy GET forms tmdbsimple uses)
    auth = tmdb.Authentication()
    token = run.step("token_new", auth.token_new)
    assert token["success"] is True
    run.step(
        "token_validate_with_login",
        lambda: auth.token_validate_with_login(
            request_token=token["request_token"], username="travisbell", password="wrong"
        ),
    )
    refused = run.outcomes[-1].error
    assert isinstance(refused, requests.HTTPError)
    assert refused.response is not None
    assert refused.response.status_code == 401
    assert refused.response.json()["status_code"] == 30
    run.outcomes.pop()  # TMDB's answer to a wrong password: an error, as it should be
    login = run.step(
        "token_validate_with_login",
        lambda: auth.token_validate_with_login(
            request_token=token["request_token"],
            username="travisbell",
            password="sandbox-password",
        ),
    )
    assert login["request_token"] == token["request_token"]
    session = run.step(
        "session_new", lambda: auth.session_new(request_token=token["request_token"])
    )
    session_id = session["session_id"]

    # the account, favourites, watchlist, ratings and their lists
    account = tmdb.Account(session_id)
    info = run.step("account info", account.info)
    assert (info["id"], info["username"], account.id) == (548, "travisbell", 548)
    run.step(
        "favorite",
        lambda: account.favorite(media_type="movie", media_id=11, favorite=True),
    )
    run.step("watchlist", lambda: account.watchlist(media_type="tv", media_id=1399, watchlist=True))
    movie = tmdb.Movies(11)
    rated = run.step("rate movie", lambda: movie.rating(session_id=session_id, value=8.5))
    assert rated["status_code"] == 1
    states = run.step("account states", lambda: movie.account_states(session_id=session_id))
    assert states == {"id": 11, "favorite": True, "rated": {"value": 8.5}, "watchlist": False}
    assert movie.rated == {"value": 8.5}  # tmdbsimple sets the answer's keys as attributes
    run.step(
        "rate episode",
        lambda: tmdb.TV_Episodes(1399, 1, 1).rating(session_id=session_id, value=9),
    )
    favorites = run.step("favorite_movies", account.favorite_movies)
    assert [m["title"] for m in favorites["results"]] == ["Star Wars"]
    watch = run.step("watchlist_tv", account.watchlist_tv)
    assert [t["name"] for t in watch["results"]] == ["Game of Thrones"]
    rated_movies = run.step("rated_movies", account.rated_movies)
    assert [(m["id"], m["rating"]) for m in rated_movies["results"]] == [(11, 8.5)]
    episodes = run.step("rated_tv_episodes", account.rated_tv_episodes)
    assert [(e["show_id"], e["rating"]) for e in episodes["results"]] == [(1399, 9.0)]
    run.step("rating_delete", lambda: movie.rating_delete(session_id=session_id))
    assert run.step("rated_movies", account.rated_movies)["results"] == []

    # a list: create, add, check, clear, delete (TMDB's 500 on a successful delete)
    lists = tmdb.Lists(session_id=session_id)
    created = run.step(
        "list_create",
        lambda: lists.list_create(name="Weekend", description="Short ones", language="en"),
    )
    lst = tmdb.Lists(created["list_id"], session_id=session_id)
    run.step("add_item", lambda: lst.add_item(media_id=11))
    status = run.step("item_status", lambda: lst.item_status(movie_id=11))
    assert status["item_present"] is True
    details = run.step("list info", lst.info)
    assert [i["title"] for i in details["items"]] == ["Star Wars"]
    mine = run.step("account lists", account.lists)
    assert [x["name"] for x in mine["results"]] == ["Weekend"]
    run.step("list_clear", lambda: lst.list_clear(confirm=True))
    run.step("list_delete", lst.list_delete)
    deleted = run.outcomes.pop()
    assert isinstance(deleted.error, requests.HTTPError)
    assert deleted.statuses == [500]  # TMDB's answer (WIRE.md 4.3) ...
    assert simple.call(lambda: created["list_id"] not in sb.state.lists)  # ... but it is gone

    # a guest rates
    guest = run.step("guest_session_new", auth.guest_session_new)
    run.step(
        "guest rates",
        lambda: tmdb.TV(1399).rating(guest_session_id=guest["guest_session_id"], value=7),
    )
    guest_rated = run.step("guest rated tv", tmdb.GuestSessions(guest["guest_session_id"]).rated_tv)
    assert [(t["id"], t["rating"]) for t in guest_rated["results"]] == [(1399, 7.0)]

    # the catalogue
    star_wars = run.step("movie info", lambda: tmdb.Movies(11).info(append_to_response="credits"))
    assert star_wars["title"] == "Star Wars"
    run.step("movie credits", tmdb.Movies(11).credits)
    run.step("movie videos", tmdb.Movies(11).videos)
    run.step("popular", tmdb.Movies().popular)
    run.step("top rated", tmdb.Movies().top_rated)
    show = run.step("tv info", tmdb.TV(1399).info)
    assert show["name"] == "Game of Thrones"
    run.step("season", tmdb.TV_Seasons(1399, 1).info)
    run.step("episode", tmdb.TV_Episodes(1399, 1, 1).info)
    person = run.step("person", tmdb.People(31).info)
    assert person["name"] == "Tom Hanks"
    search = tmdb.Search()
    found = run.step("search movie", lambda: search.movie(query="Star Wars"))
    assert 11 in [m["id"] for m in found["results"]]
    assert search.results == found["results"]
    run.step("search tv", lambda: search.tv(query="Game of Thrones"))
    run.step("search multi", lambda: search.multi(query="star"))
    run.step("discover", lambda: tmdb.Discover().movie(sort_by="popularity.desc"))
    run.step("genres", tmdb.Genres().movie_list)
    run.step("configuration", tmdb.Configuration().info)
    run.step("find", lambda: tmdb.Find("tt0076759").info(external_source="imdb_id"))
    run.step("trending", lambda: tmdb.Trending("movie", "week").info())
    run.step("collection", tmdb.Collections(10).info)

    # log out
    run.step("session_delete", lambda: auth.session_delete(session_id=session_id))
    run.check()


# --------------------------------------------------------------------------- tmdbv3api


@pytest.fixture
def v3api(threaded: ThreadedSandbox, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    # tmdbv3api keeps its settings, and each page's counts, in os.environ: restore them.
    for name in ("TMDB_API_KEY", "TMDB_SESSION_ID", "TMDB_LANGUAGE", "TMDB_CACHE_ENABLED"):
        monkeypatch.delenv(name, raising=False)
    for name in ("page", "total_results", "total_pages"):
        monkeypatch.setenv(name, "0")
    tmdb = tmdbv3api.TMDb(session=threaded.session())
    tmdb.api_key = threaded.sb.api_key
    tmdb.language = "en"
    tmdb.cache = False  # its cache bypasses the session (module-level requests.request)
    yield tmdb
    tmdbv3api.TMDb._session = None


def test_tmdbv3api_scenario(threaded: ThreadedSandbox, v3api: Any) -> None:
    api = tmdbv3api
    sb = threaded.sb
    run = Scenario(sb)

    auth = run.step("login", lambda: api.Authentication("travisbell", "sandbox-password"))
    assert v3api.session_id == auth.session_id
    account = api.Account()
    details = run.step("account details", account.details)
    assert (details.id, details.username) == (548, "travisbell")
    run.step("favourite", lambda: account.mark_as_favorite(550, "movie"))
    run.step("watchlist", lambda: account.add_to_watchlist(1399, "tv"))
    movie, tv, episode = api.Movie(), api.TV(), api.Episode()
    run.step("rate movie", lambda: movie.rate_movie(550, 9.5))
    run.step("rate tv", lambda: tv.rate_tv_show(1399, 8))
    run.step("rate episode", lambda: episode.rate_tv_episode(1399, 1, 2, 10))
    states = run.step("movie states", lambda: movie.account_states(550))
    assert (states.favorite, states.rated.value, states.watchlist) == (True, 9.5, False)
    tv_states = run.step("tv states", lambda: tv.account_states(1399))
    assert (tv_states.watchlist, tv_states.rated.value) == (True, 8)
    ep_states = run.step("episode states", lambda: episode.account_states(1399, 1, 2))
    assert ep_states.rated.value == 10
    season = run.step("season states", lambda: api.Season().account_states(1399, 1))
    assert [r.episode_number for r in season.results if r.rated] == [2]
    favourites = run.step("favourite movies", account.favorite_movies)
    assert [m.id for m in favourites] == [550]
    assert [t.id for t in run.step("tv watchlist", account.tv_show_watchlist)] == [1399]
    assert [m.rating for m in run.step("rated movies", account.rated_movies)] == [9.5]
    assert [t.id for t in run.step("rated tv", account.rated_tv_shows)] == [1399]
    assert [e.episode_number for e in run.step("rated episodes", account.rated_episodes)] == [2]
    run.step("unfavourite", lambda: account.unmark_as_favorite(550, "movie"))
    assert list(run.step("favourite movies", account.favorite_movies)) == []
    run.step("delete rating", lambda: movie.delete_rating(550))
    run.step("delete episode rating", lambda: episode.delete_rating(1399, 1, 2))

    lists = api.List()
    created = run.step("create list", lambda: lists.create_list("Picks", "Good ones"))
    run.step("add movie", lambda: lists.add_movie(created, 11))
    assert run.step("item status", lambda: lists.check_item_status(created, 11)) is True
    listed = run.step("list details", lambda: lists.details(created))
    assert [i.title for i in listed] == ["Star Wars"]
    run.step("remove movie", lambda: lists.remove_movie(created, 11))
    run.step("clear", lambda: lists.clear_list(created))
    assert [x.name for x in run.step("created lists", account.created_lists)] == ["Picks"]
    run.step("delete list", lambda: lists.delete_list(created))
    deleted = run.outcomes.pop()
    assert isinstance(deleted.error, api.exceptions.TMDbException)
    assert deleted.statuses == [500]  # TMDB's answer to a successful list delete
    assert str(deleted.error) == "Internal error: Something went wrong, contact TMDb."
    assert threaded.call(lambda: created not in sb.state.lists)

    star_wars = run.step("movie details", lambda: movie.details(11))
    assert star_wars.title == "Star Wars"
    run.step("popular", movie.popular)
    run.step("now playing", movie.now_playing)
    run.step("movie search", lambda: api.Search().movies("star wars"))
    run.step("similar", lambda: movie.similar(11))
    show = run.step("tv details", lambda: tv.details(1399))
    assert show.name == "Game of Thrones"
    run.step("tv popular", tv.popular)
    run.step("season details", lambda: api.Season().details(1399, 1))
    run.step("episode details", lambda: episode.details(1399, 1, 1))
    assert run.step("person", lambda: api.Person().details(31)).name == "Tom Hanks"
    run.step("search people", lambda: api.Search().people("tom hanks"))
    run.step("discover", lambda: api.Discover().discover_movies({"sort_by": "popularity.desc"}))
    run.step("trending", lambda: api.Trending().movie_week())
    run.step("genres", lambda: api.Genre().movie_list())
    run.step("configuration", lambda: api.Configuration().api_configuration())
    run.step("logout", auth.delete_session)
    run.check()


# --------------------------------------------------------------------------- themoviedb


@pytest.fixture
async def aio() -> AsyncIterator[tuple[Sandbox, Any]]:
    async with Sandbox() as sb:
        client = aioTMDb(api_key=sb.api_key, language="en-US", region="US")
        client._config.host = sb.base_url  # the base URL (its ClientConfig.host)
        async with client:
            yield sb, client


async def test_themoviedb_scenario(aio: tuple[Sandbox, Any]) -> None:
    sb, tmdb = aio
    run = Scenario(sb)

    auth = tmdb.authentication()
    token = await run.astep("create token", auth.create_token)
    assert token is not None, run.outcomes[-1]
    session = await run.astep(
        "session with login",
        lambda: auth.create_session_with_login("johnny_appleseed", "test123", token.request_token),
    )
    assert session is not None, run.outcomes[-1]
    assert session.request_token == token.request_token
    made = await run.astep("create session", lambda: auth.create_session(token.request_token))
    assert len(made.session_id) == 40
    guest = await run.astep("guest session", auth.create_guest_session)
    assert len(guest.guest_session_id) == 32
    # (themoviedb has no rating call: the guest's rating is made through the wire)
    sb.state.guest(guest.guest_session_id).ratings.movies[11] = (6.5, sb.state.now())
    rated = await run.astep("guest rated movies", tmdb.guest(guest.guest_session_id).rated_movies)
    assert [(m.id, m.rating) for m in rated.results] == [(11, 6.5)]
    await run.astep("guest rated tv", tmdb.guest(guest.guest_session_id).rated_tvs)

    movie = await run.astep("movie details", tmdb.movie(11).details)
    assert movie.title == "Star Wars"
    await run.astep(
        "movie with appends",
        lambda: tmdb.movie(11).details(append_to_response="credits,images"),
    )
    await run.astep("popular", tmdb.movies().popular)
    await run.astep("top rated", tmdb.movies().top_rated)
    await run.astep("movie credits", tmdb.movie(11).credits)
    await run.astep("movie recommendations", tmdb.movie(11).recommendations)
    show = await run.astep("tv details", tmdb.tv(1399).details)
    assert show.name == "Game of Thrones"
    await run.astep("tv popular", tmdb.tvs().popular)
    await run.astep("season", tmdb.season(1399, 1).details)
    await run.astep("episode", tmdb.episode(1399, 1, 1).details)
    person = await run.astep("person", tmdb.person(31).details)
    assert person.name == "Tom Hanks"
    found = await run.astep("search movies", lambda: tmdb.search().movies("star wars"))
    assert 11 in [m.id for m in found.results]
    await run.astep("search tv", lambda: tmdb.search().tv("game of thrones"))
    await run.astep("search people", lambda: tmdb.search().people("tom hanks"))
    await run.astep("search multi", lambda: tmdb.search().multi("star"))
    await run.astep("discover", tmdb.discover().movie)
    await run.astep("genres", tmdb.genres().movie)
    await run.astep("trending", tmdb.trending().movie_weekly)
    await run.astep("find", lambda: tmdb.find().by_imdb("tt0076759"))
    await run.astep("collection", tmdb.collection(10).details)
    await run.astep("delete session", lambda: auth.delete_session(made.session_id))
    run.check()
