"""``TMDBClient.request_json``: any endpoint as raw JSON, with auth, typed errors, redaction."""

from __future__ import annotations

import logging

import pytest

from tests.conftest import API_KEY, READ_TOKEN, FakeSleep
from tests.loopback_tmdb import TMDBServer
from tmdb_async import ResourceNotFoundError, TMDBClient, TMDBUsageError


async def test_get_with_params_returns_decoded_json(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    body = {"id": 1396, "cast": [{"id": 17419, "name": "Bryan Cranston"}]}
    tmdb_server.get(
        "/3/tv/1396/aggregate_credits",
        query={"language": "de-DE", "include_adult": "false"},  # page=None: left out
        payload=body,
    )
    got = await tmdb_local.request_json(
        "GET",
        "/3/tv/1396/aggregate_credits",
        params={"language": "de-DE", "include_adult": False, "page": None},
    )
    assert got == body
    call = tmdb_server.only_call()
    assert (call.method, call.path) == ("GET", "/3/tv/1396/aggregate_credits")
    assert call.query == {"language": "de-DE", "include_adult": "false"}
    assert call.headers["Authorization"] == f"Bearer {READ_TOKEN}"
    assert call.body == b""


async def test_post_sends_the_json_body_and_api_key(
    tmdb_local_key: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.post(
        "/3/list",
        query={"api_key": API_KEY, "session_id": "s3cr3t-session"},
        payload={"success": True, "status_code": 1, "list_id": 5861},
        status=201,
    )
    got = await tmdb_local_key.request_json(
        "POST", "/3/list", params={"session_id": "s3cr3t-session"}, json={"name": "Mine"}
    )
    assert got == {"success": True, "status_code": 1, "list_id": 5861}
    call = tmdb_server.only_call()
    assert (call.method, call.path) == ("POST", "/3/list")
    assert call.query == {"api_key": API_KEY, "session_id": "s3cr3t-session"}
    assert call.json == {"name": "Mine"}
    assert "Authorization" not in call.headers


async def test_errors_are_typed_and_secrets_redacted(
    tmdb_local: TMDBClient,
    tmdb_server: TMDBServer,
    fake_sleep: FakeSleep,
    caplog: pytest.LogCaptureFixture,
) -> None:
    guest = "0123456789abcdef0123456789abcdef"
    tmdb_server.get(
        f"/3/guest_session/{guest}/rated/movies",
        status=404,
        payload={"success": False, "status_code": 34, "status_message": "Not found."},
    )
    with (
        caplog.at_level(logging.DEBUG, logger="tmdb_async"),
        pytest.raises(ResourceNotFoundError) as info,
    ):
        await tmdb_local.request_json(
            "GET", f"/3/guest_session/{guest}/rated/movies", secrets=[guest]
        )
    assert (info.value.http_status, info.value.tmdb_code) == (404, 34)
    assert info.value.url == f"{tmdb_server.base_url}/3/guest_session/***/rated/movies"
    assert guest not in str(info.value)
    assert caplog.records
    assert all(guest not in r.getMessage() for r in caplog.records)
    assert fake_sleep.waits == []  # a 404 is not retried
    assert len(tmdb_server.calls()) == 1


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("PATCH", "/3/movie/11"),
        ("GET", "movie/11"),
        ("GET", "/movie/11"),
        ("GET", "/3/movie/11?language=de"),
        ("GET", "/3/movie/11#x"),
        ("GET", "/3/movie/ 11"),
        ("GET", "https://evil.example/3/movie/11"),
    ],
)
async def test_bad_method_or_path_is_refused_before_io(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer, method: str, path: str
) -> None:
    with pytest.raises(TMDBUsageError):
        await tmdb_local.request_json(method, path)  # type: ignore[arg-type]
    assert tmdb_server.calls() == []
