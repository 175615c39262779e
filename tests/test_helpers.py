"""The suite's own tool, the recording loopback TMDB (``tmdb_server``, tests/loopback_tmdb.py):
it reports requests in the order they were made; answers by method, path (or a pattern)
and query, each answer once unless repeated; refuses (HTTP 501, recorded) what it has no
answer for; can hold an answer until an event is set, or fail the connection instead of
answering; and runs in a thread for code with its own event loop."""

from __future__ import annotations

import asyncio
import re
from typing import Literal

import aiohttp
import pytest

from tests.conftest import READ_TOKEN
from tests.loopback_tmdb import TMDBServer, threaded_server
from tmdb_async import Movie, ResourceNotFoundError, ServerError, TMDBClient


async def test_server_records_requests_in_order_with_query_headers_and_body(
    tmdb_server: TMDBServer, tmdb_local: TMDBClient
) -> None:
    tmdb_server.get("/3/movie/11", payload={"id": 11, "title": "Star Wars"}, repeat=True)
    tmdb_server.get(
        "/3/movie/12", query={"language": "de-DE"}, payload={"id": 12, "title": "Finding Nemo"}
    )
    tmdb_server.post(
        "/3/authentication/session/new", payload={"success": True, "session_id": "s" * 40}
    )
    assert await tmdb_local.movies.details(11) == Movie(id=11, title="Star Wars")
    await tmdb_local.movies.details(12, language="de-DE")
    await tmdb_local.movies.details(11)
    await tmdb_local.auth.create_session("t" * 40)
    calls = tmdb_server.calls()
    assert [(c.method, c.path) for c in calls] == [
        ("GET", "/3/movie/11"),
        ("GET", "/3/movie/12"),
        ("GET", "/3/movie/11"),
        ("POST", "/3/authentication/session/new"),
    ]
    assert [c.query for c in calls] == [{}, {"language": "de-DE"}, {}, {}]
    assert all(c.headers["Authorization"] == f"Bearer {READ_TOKEN}" for c in calls)
    assert [c.json for c in calls] == [None, None, None, {"request_token": "t" * 40}]


async def test_server_matches_a_given_query_and_uses_each_answer_once_unless_repeated(
    tmdb_server: TMDBServer, tmdb_local: TMDBClient
) -> None:
    tmdb_server.get(
        "/3/movie/11",
        query={"language": "fr-FR"},
        payload={"id": 11, "title": "La Guerre des étoiles"},
    )
    tmdb_server.get("/3/movie/11", payload={"id": 11, "title": "Star Wars"}, repeat=2)
    tmdb_server.get(
        "/3/movie/11", status=404, payload={"status_code": 34, "status_message": "gone"}
    )
    assert (await tmdb_local.movies.details(11)).title == "Star Wars"
    assert (await tmdb_local.movies.details(11, language="fr-FR")).title == "La Guerre des étoiles"
    assert (await tmdb_local.movies.details(11)).title == "Star Wars"
    with pytest.raises(ResourceNotFoundError):
        await tmdb_local.movies.details(11)
    assert len(tmdb_server.calls()) == 4


async def test_server_refuses_and_reports_what_it_has_no_answer_for(
    tmdb_server: TMDBServer, tmdb_local: TMDBClient
) -> None:
    with pytest.raises(ServerError) as info:
        await tmdb_local.movies.details(13)
    assert info.value.http_status == 501
    # Recorded, and reported as unanswered (a 501 is not retried).
    assert [c.path for c in tmdb_server.calls()] == ["/3/movie/13"]
    assert tmdb_server.unanswered == tmdb_server.calls()
    with pytest.raises(AssertionError, match="requests nothing answered"):
        tmdb_server.assert_all_answered()
    tmdb_server.unanswered.clear()  # this test's teardown would fail otherwise


async def test_only_call_fails_on_more_than_one(
    tmdb_server: TMDBServer, tmdb_local: TMDBClient
) -> None:
    tmdb_server.get("/3/movie/11", payload={"id": 11}, repeat=True)
    await tmdb_local.movies.details(11)
    assert tmdb_server.only_call().path == "/3/movie/11"
    await tmdb_local.movies.details(11)
    with pytest.raises(AssertionError, match="expected one request, got 2"):
        tmdb_server.only_call()


async def test_server_holds_an_answer_until_its_event_is_set(
    tmdb_server: TMDBServer, tmdb_local: TMDBClient
) -> None:
    release = asyncio.Event()
    tmdb_server.get("/3/movie/11", payload={"id": 11}, wait=release)
    task = asyncio.create_task(tmdb_local.movies.details(11))
    await asyncio.wait_for(tmdb_server.received(1), 5.0)
    assert [c.path for c in tmdb_server.calls()] == ["/3/movie/11"]  # recorded on arrival
    assert not task.done()
    release.set()
    assert await asyncio.wait_for(task, 5.0) == Movie(id=11)


async def test_server_takes_the_query_in_the_path_a_full_url_or_a_pattern(
    tmdb_server: TMDBServer, tmdb_local: TMDBClient
) -> None:
    tmdb_server.get("/3/movie/11?language=fr-FR", payload={"id": 11, "title": "fr"})
    tmdb_server.get(
        f"{tmdb_server.base_url}/3/movie/11",
        query={"language": "de-DE"},
        payload={"id": 11, "title": "de"},
    )
    tmdb_server.get(re.compile(r"/3/movie/\d+"), payload={"id": 12, "title": "pattern"})
    # The query in the path must match exactly: a German request skips that answer.
    assert (await tmdb_local.movies.details(11, language="de-DE")).title == "de"
    assert (await tmdb_local.movies.details(11, language="fr-FR")).title == "fr"
    assert (await tmdb_local.movies.details(12)).title == "pattern"
    assert [c.query for c in tmdb_server.calls()] == [
        {"language": "de-DE"},
        {"language": "fr-FR"},
        {},
    ]


async def test_a_text_body_is_labelled_json_like_tmdb_error_pages(
    tmdb_server: TMDBServer,
) -> None:
    tmdb_server.get("/3/movie/11", status=503, body="busy")
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"{tmdb_server.base_url}/3/movie/11") as resp,
    ):
        assert (resp.status, resp.content_type, await resp.read()) == (
            503,
            "application/json",
            b"busy",
        )


@pytest.mark.parametrize(
    ("fail", "error"),
    [("drop", aiohttp.ServerDisconnectedError), ("reset", aiohttp.ClientOSError)],
)
async def test_server_fails_the_connection_instead_of_answering(
    tmdb_server: TMDBServer, fail: Literal["drop", "reset"], error: type[Exception]
) -> None:
    tmdb_server.post("/3/list", fail=fail)
    async with aiohttp.ClientSession() as session:
        with pytest.raises(error):
            await session.post(f"{tmdb_server.base_url}/3/list", json={"name": "x"})
    assert [(c.method, c.json) for c in tmdb_server.calls()] == [("POST", {"name": "x"})]


def test_threaded_server_serves_code_that_runs_its_own_loop() -> None:
    async def fetch(base_url: str) -> Movie:
        async with TMDBClient(access_token=READ_TOKEN, base_url=base_url, retry=None) as tmdb:
            return await tmdb.movies.details(11)

    with threaded_server() as server:
        server.get("/3/movie/11", payload={"id": 11, "title": "Star Wars"})
        assert asyncio.run(fetch(server.base_url)) == Movie(id=11, title="Star Wars")
        assert [(c.method, c.path) for c in server.calls()] == [("GET", "/3/movie/11")]

    def unanswered() -> None:
        with threaded_server() as server, pytest.raises(ServerError):  # a 501
            asyncio.run(fetch(server.base_url))

    with pytest.raises(AssertionError, match="requests nothing answered"):
        unanswered()


async def test_a_route_without_a_query_answers_only_requests_without_one(
    tmdb_server: TMDBServer, tmdb_local: TMDBClient
) -> None:
    tmdb_server.get("/3/movie/11", payload={"id": 11, "title": "Star Wars"}, repeat=True)
    assert (await tmdb_local.movies.details(11)).title == "Star Wars"
    with pytest.raises(ServerError):  # 501: nothing answers ?language=de-DE
        await tmdb_local.movies.details(11, language="de-DE")
    assert [c.query for c in tmdb_server.unanswered] == [{"language": "de-DE"}]
    tmdb_server.unanswered.clear()  # this test's teardown would fail otherwise
