"""``TMDBClient.request_json``: any endpoint as raw JSON, with auth, typed errors, redaction."""

from __future__ import annotations

import logging

import pytest
from yarl import URL

from tests.conftest import API, API_KEY, READ_TOKEN, FakeSleep, TMDBMock
from tmdb_async import ResourceNotFoundError, TMDBClient, TMDBUsageError


async def test_get_with_params_returns_decoded_json(tmdb: TMDBClient, mock: TMDBMock) -> None:
    body = {"id": 1396, "cast": [{"id": 17419, "name": "Bryan Cranston"}]}
    mock.get(f"{API}/3/tv/1396/aggregate_credits?language=de-DE&include_adult=false", payload=body)
    got = await tmdb.request_json(
        "GET",
        "/3/tv/1396/aggregate_credits",
        params={"language": "de-DE", "include_adult": False, "page": None},
    )
    assert got == body
    method, url, call = mock.only_call()
    assert (method, url.with_query(None)) == ("GET", URL(f"{API}/3/tv/1396/aggregate_credits"))
    assert url.query == {"language": "de-DE", "include_adult": "false"}
    assert call.kwargs["headers"]["Authorization"] == f"Bearer {READ_TOKEN}"
    assert call.kwargs["json"] is None


async def test_post_sends_the_json_body_and_api_key(tmdb_key: TMDBClient, mock: TMDBMock) -> None:
    mock.post(
        f"{API}/3/list?api_key={API_KEY}&session_id=s3cr3t-session",
        payload={"success": True, "status_code": 1, "list_id": 5861},
        status=201,
    )
    got = await tmdb_key.request_json(
        "POST", "/3/list", params={"session_id": "s3cr3t-session"}, json={"name": "Mine"}
    )
    assert got == {"success": True, "status_code": 1, "list_id": 5861}
    method, url, call = mock.only_call()
    assert method == "POST"
    assert url.query == {"api_key": API_KEY, "session_id": "s3cr3t-session"}
    assert call.kwargs["json"] == {"name": "Mine"}
    assert "Authorization" not in call.kwargs["headers"]


async def test_errors_are_typed_and_secrets_redacted(
    tmdb: TMDBClient, mock: TMDBMock, fake_sleep: FakeSleep, caplog: pytest.LogCaptureFixture
) -> None:
    guest = "0123456789abcdef0123456789abcdef"
    mock.get(
        f"{API}/3/guest_session/{guest}/rated/movies",
        status=404,
        payload={"success": False, "status_code": 34, "status_message": "Not found."},
    )
    with (
        caplog.at_level(logging.DEBUG, logger="tmdb_async"),
        pytest.raises(ResourceNotFoundError) as info,
    ):
        await tmdb.request_json("GET", f"/3/guest_session/{guest}/rated/movies", secrets=[guest])
    assert (info.value.http_status, info.value.tmdb_code) == (404, 34)
    assert info.value.url == f"{API}/3/guest_session/***/rated/movies"
    assert guest not in str(info.value)
    assert caplog.records
    assert all(guest not in r.getMessage() for r in caplog.records)
    assert fake_sleep.waits == []  # a 404 is not retried


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
    tmdb: TMDBClient, mock: TMDBMock, method: str, path: str
) -> None:
    with pytest.raises(TMDBUsageError):
        await tmdb.request_json(method, path)  # type: ignore[arg-type]
    assert mock.calls() == []
