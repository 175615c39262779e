"""The examples run end to end against the recording loopback TMDB (they read credentials
and ``TMDB_BASE_URL`` from the env)."""

from __future__ import annotations

import builtins
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import READ_TOKEN, load
from tests.loopback_tmdb import TMDBServer

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _example(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"example_{name}", EXAMPLES / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch, tmdb_server: TMDBServer) -> None:
    monkeypatch.setenv("TMDB_ACCESS_TOKEN", READ_TOKEN)
    monkeypatch.delenv("TMDB_API_KEY", raising=False)
    monkeypatch.setenv("TMDB_BASE_URL", tmdb_server.base_url)
    monkeypatch.delenv("TMDB_WEBSITE_URL", raising=False)


async def test_movie_example_prints_title_and_cast(
    tmdb_server: TMDBServer, capsys: pytest.CaptureFixture[str]
) -> None:
    body = load("recorded/tmdblib/movie-details-47964.200.json")
    body["credits"] = {
        "cast": [{"id": 1, "name": "Bruce Willis", "character": "John McClane"}],
        "crew": [],
    }
    tmdb_server.get("/3/movie/47964?append_to_response=credits", payload=body)
    await _example("movie").main(47964)
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "A Good Day to Die Hard (2013), 98 min"
    assert "  Bruce Willis as John McClane" in out
    call = tmdb_server.only_call()
    assert (call.method, call.path, call.query) == (
        "GET",
        "/3/movie/47964",
        {"append_to_response": "credits"},
    )
    assert call.headers["Authorization"] == f"Bearer {READ_TOKEN}"


async def test_login_example_runs_the_whole_flow(
    tmdb_server: TMDBServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    token = "a" * 40
    session_id = "b" * 40
    tmdb_server.get(
        "/3/authentication/token/new",
        payload={"success": True, "expires_at": "2026-01-01 00:00:00 UTC", "request_token": token},
    )
    tmdb_server.post(
        "/3/authentication/session/new", payload={"success": True, "session_id": session_id}
    )
    tmdb_server.get(
        f"/3/account?session_id={session_id}",
        payload=load("recorded/tmdblib/account-details.200.json"),
    )
    prompts: list[str] = []

    def fake_input(prompt: str = "") -> str:
        prompts.append(prompt)
        return ""

    monkeypatch.setattr(builtins, "input", fake_input)
    await _example("login").main()
    out = capsys.readouterr().out
    assert f"https://www.themoviedb.org/authenticate/{token}" in out
    assert "Logged in as Test Name (account id 6089455)." in out
    assert session_id not in out
    assert len(prompts) == 1
    calls = tmdb_server.calls()
    assert [(c.method, c.path) for c in calls] == [
        ("GET", "/3/authentication/token/new"),
        ("POST", "/3/authentication/session/new"),
        ("GET", "/3/account"),
    ]
    assert calls[1].json == {"request_token": token}
    assert calls[2].query == {"session_id": session_id}
    assert all(c.headers["Authorization"] == f"Bearer {READ_TOKEN}" for c in calls)
