"""The suite's own tools: :class:`~tests.conftest.TMDBMock` and the recording loopback TMDB
(``tmdb_server``, tests/loopback_tmdb.py) report requests in the order they were made; the
loopback TMDB answers by method, path and query, uses each answer once unless repeated, and
refuses (HTTP 501, recorded) what it has no answer for, and can hold an answer until an
event is set."""

from __future__ import annotations

import asyncio

import pytest

from tests.conftest import API, READ_TOKEN, TMDBMock
from tests.loopback_tmdb import TMDBServer
from tmdb_async import Movie, ResourceNotFoundError, ServerError, TMDBClient


async def test_mock_calls_are_in_request_order_not_grouped_by_url(
    mock: TMDBMock, tmdb: TMDBClient
) -> None:
    mock.get(f"{API}/3/movie/11", payload={"id": 11, "title": "Star Wars"}, repeat=True)
    mock.get(f"{API}/3/movie/12", payload={"id": 12, "title": "Finding Nemo"})
    await tmdb.movies.details(11)
    await tmdb.movies.details(12)
    await tmdb.movies.details(11)
    assert [str(url) for _, url, _ in mock.calls()] == [
        f"{API}/3/movie/11",
        f"{API}/3/movie/12",
        f"{API}/3/movie/11",
    ]
    assert [method for method, _, _ in mock.calls()] == ["GET"] * 3


async def test_server_records_requests_in_order_with_query_headers_and_body(
    tmdb_server: TMDBServer, tmdb_local: TMDBClient
) -> None:
    tmdb_server.get("/3/movie/11", payload={"id": 11, "title": "Star Wars"}, repeat=True)
    tmdb_server.get("/3/movie/12", payload={"id": 12, "title": "Finding Nemo"})
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
    for _ in range(5000):  # at most ~5 s for the request to arrive
        if tmdb_server.calls():
            break
        await asyncio.sleep(0.001)
    assert [c.path for c in tmdb_server.calls()] == ["/3/movie/11"]  # recorded on arrival
    assert not task.done()
    release.set()
    assert await asyncio.wait_for(task, 5.0) == Movie(id=11)
