"""``tmdb-async api METHOD PATH`` against the sandbox; exit codes and one-line errors; the
lazy sub-command imports of ``tmdb-async --help``."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from tmdb_async.cli import build_parser, main
from tmdb_async.cli.auth import save_session
from tmdb_async.testing import Sandbox

TRAVIS = 548


@pytest.fixture(autouse=True)
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    for name in ("TMDB_ACCESS_TOKEN", "TMDB_API_KEY", "TMDB_BASE_URL", "TMDB_WEBSITE_URL"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path / "config" / "tmdb-async" / "session.json"


@pytest.fixture
async def sandbox() -> AsyncIterator[Sandbox]:
    async with Sandbox(movie_count=50) as sb:
        yield sb


async def api(
    sb: Sandbox, *argv: str, env: dict[str, str] | None = None, stdin: str = ""
) -> tuple[int, str, str]:
    """Run ``tmdb-async api ...`` in this loop; (exit code, stdout, stderr)."""
    args = build_parser(["api"]).parse_args(["api", *argv])
    out, err = io.StringIO(), io.StringIO()
    env = (
        {"TMDB_ACCESS_TOKEN": sb.access_token, "TMDB_BASE_URL": sb.base_url} if env is None else env
    )
    code = await args.func(args, env=env, out=out, err=err, stdin=io.StringIO(stdin))
    return int(code), out.getvalue(), err.getvalue()


async def test_get_prints_tmdbs_json(sandbox: Sandbox) -> None:
    code, out, err = await api(sandbox, "get", "/3/movie/11")
    assert (code, err) == (0, "")
    (request,) = sandbox.requests_to("/3/movie/11")
    async with sandbox.client() as tmdb:
        expected = await tmdb.request_json("GET", "/3/movie/11")
    assert json.loads(out) == expected
    assert out.startswith('{\n  "')  # indented for people
    assert request.method == "GET"
    assert request.headers["Authorization"] == f"Bearer {sandbox.access_token}"
    assert dict(request.query) == {}


async def test_query_from_the_path_and_params(sandbox: Sandbox) -> None:
    code, out, _ = await api(
        sandbox, "GET", "/3/search/movie?query=star&page=2", "-p", "page=1", "--compact"
    )
    assert code == 0
    assert out.count("\n") == 1
    assert json.loads(out)["page"] == 1
    (request,) = sandbox.requests_to("/3/search/movie")
    assert dict(request.query) == {"query": "star", "page": "1"}


async def test_api_key_credential(sandbox: Sandbox) -> None:
    env = {"TMDB_API_KEY": sandbox.api_key, "TMDB_BASE_URL": sandbox.base_url}
    code, _, _ = await api(sandbox, "GET", "/3/configuration", env=env)
    assert code == 0
    (request,) = sandbox.requests_to("/3/configuration")
    assert request.query["api_key"] == sandbox.api_key
    assert "Authorization" not in request.headers


async def _stored_session(sb: Sandbox) -> str:
    async with sb.client() as tmdb:
        token = await tmdb.auth.create_request_token()
        sb.approve(token)
        session = await tmdb.auth.create_session(token)
    save_session({"kind": "session", "session_id": session.session_id, "base_url": sb.base_url})
    sb.clear_requests()
    return session.session_id


async def test_session_adds_the_stored_session_and_writes_with_a_body(sandbox: Sandbox) -> None:
    session_id = await _stored_session(sandbox)
    env = {"TMDB_ACCESS_TOKEN": sandbox.access_token}  # the base URL comes from the file
    code, out, err = await api(sandbox, "GET", "/3/account", "--session", env=env)
    assert (code, err) == (0, "")
    assert json.loads(out)["id"] == TRAVIS
    (request,) = sandbox.requests_to("/3/account")
    assert request.query["session_id"] == session_id
    code, out, err = await api(
        sandbox, "POST", "/3/movie/11/rating", "--session", "--data", '{"value": 8.5}', env=env
    )
    assert (code, err) == (0, "")
    assert json.loads(out)["status_code"] == 1
    (rating,) = sandbox.requests_to("/3/movie/11/rating", "POST")
    assert rating.json == {"value": 8.5}
    assert rating.query["session_id"] == session_id
    assert sandbox.state.accounts[TRAVIS].ratings.movies[11][0] == 8.5
    # The body from standard input and from a file.
    code, _, _ = await api(
        sandbox,
        "POST",
        "/3/movie/12/rating",
        "--session",
        "--data",
        "-",
        env=env,
        stdin='{"value": 6}',
    )
    assert code == 0
    assert sandbox.state.accounts[TRAVIS].ratings.movies[12][0] == 6.0


async def test_tmdb_errors_are_one_line_with_exit_1(sandbox: Sandbox) -> None:
    code, out, err = await api(sandbox, "GET", "/3/movie/999")
    assert code == 1
    assert out == ""
    assert err.startswith("tmdb-async: error: TMDB error: HTTP 404, TMDB code 34: ")
    assert err.count("\n") == 1


async def test_a_session_id_never_shows_in_an_error(sandbox: Sandbox) -> None:
    session_id = await _stored_session(sandbox)
    code, _, err = await api(sandbox, "GET", "/3/account/1", "--session")
    assert code == 1
    assert session_id not in err
    assert "session_id=***" in err


async def test_refused_credential_exit_3(sandbox: Sandbox) -> None:
    env = {"TMDB_API_KEY": "f" * 32, "TMDB_BASE_URL": sandbox.base_url}
    code, out, err = await api(sandbox, "GET", "/3/movie/11", env=env)
    assert code == 3
    assert out == ""
    assert err.startswith("tmdb-async: error: TMDB refused the application credential (HTTP 401")
    assert "f" * 32 not in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["GET", "movie/11"], "path must start with /3/ or /4/"),
        (["GET", "/3/movie/../../4/auth"], "no '.' or '..' segments"),
        (["GET", "https://api.themoviedb.org/3/movie/11"], "api: PATH is a path such as"),
        (["POST", "/3/list", "--data", "{bad"], "api: --data is not valid JSON (Expecting"),
        (["POST", "/3/list", "--data", "[1, 2]"], "api: --data must be a JSON object"),
        (
            ["POST", "/3/list", "--data", "@/nonexistent.json"],
            "api: --data @/nonexistent.json: No such file",
        ),
        (["GET", "/3/movie/11", "-p", "novalue"], "api: --param takes NAME=VALUE, got 'novalue'"),
        (["GET", "/3/account", "--session"], "not logged in (no "),
    ],
)
async def test_usage_errors_exit_2_before_any_request(
    sandbox: Sandbox, argv: list[str], message: str
) -> None:
    code, out, err = await api(sandbox, *argv)
    assert code == 2
    assert out == ""
    assert err.startswith("tmdb-async: error: ")
    assert message in err
    assert err.count("\n") == 1
    assert sandbox.requests == []


def test_usage_errors_from_the_parser_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["api", "FETCH", "/3/movie/11"]) == 2
    assert "invalid choice: 'FETCH'" in capsys.readouterr().err
    assert main(["no-such-command"]) == 2
    assert "invalid choice: 'no-such-command'" in capsys.readouterr().err
    assert main(["api", "GET", "/3/movie/11"]) == 2  # no credential in the environment
    assert capsys.readouterr().err == (
        "tmdb-async: error: no TMDB credential: set TMDB_ACCESS_TOKEN (the API Read Access "
        "Token) or TMDB_API_KEY in the environment\n"
    )
    assert main(["--version"]) == 0


def _run_python(code: str) -> Any:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TMDB_")}
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )
    return json.loads(done.stdout.splitlines()[-1])


def test_help_and_a_command_import_only_what_they_need() -> None:
    loaded = _run_python(
        "import contextlib, io, json, sys\n"
        "from tmdb_async.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as text:\n"
        "    code = main(['--help'])\n"
        "names = sorted(m for m in sys.modules if m.startswith('tmdb_async.cli.') or m == 'tqdm'"
        " or m == 'aiohttp.web' or m == 'tmdb_async.testing')\n"
        "print(json.dumps([code, text.getvalue(), names]))\n"
    )
    code, text, names = loaded
    assert code == 0
    assert names == []
    for command in ("login", "whoami", "logout", "guest", "api", "sandbox", "demo", "fetch"):
        assert f"    {command}" in text
    assert "exit codes: 0 all done, 1 some items failed" in " ".join(text.split())
    names = _run_python(
        "import contextlib, io, json, sys\n"
        "from tmdb_async.cli import main\n"
        "with contextlib.redirect_stderr(io.StringIO()):\n"
        "    main(['whoami'])\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('tmdb_async.cli.')"
        " or m in ('tqdm', 'aiohttp.web', 'tmdb_async.testing'))))\n"
    )
    assert names == ["tmdb_async.cli._common", "tmdb_async.cli.auth"]


def test_import_tmdb_async_does_not_import_tqdm() -> None:
    names = _run_python(
        "import json, sys, tmdb_async\n"
        "print(json.dumps([m for m in ('tqdm', 'tmdb_async.cli') if m in sys.modules]))\n"
    )
    assert names == []
