"""``tmdb-async login | whoami | logout | guest`` with a temporary config directory."""

from __future__ import annotations

import builtins
import getpass
import io
import json
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import API_KEY, READ_TOKEN, load
from tests.loopback_tmdb import TMDBServer, threaded_server
from tests.user_helpers import (
    ACCOUNT_ID,
    GUEST_ID,
    SESSION_ID,
    USER_TOKEN,
    V4_ACCOUNT,
    request,
)
from tmdb_async.cli import main
from tmdb_async.cli.auth import SessionStoreError, load_session, save_session, session_path

SPEC = "docs/official-v3-spec-examples"
ACCOUNT = load(f"{SPEC}/account-details.200.json")
TOKEN = "ff5c7eeb5a8870efe3cd7fc5c282cffd26800ecd"


@pytest.fixture(autouse=True)
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    config = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    monkeypatch.setenv("TMDB_ACCESS_TOKEN", READ_TOKEN)
    for name in ("TMDB_API_KEY", "TMDB_BASE_URL", "TMDB_WEBSITE_URL"):
        monkeypatch.delenv(name, raising=False)
    return config / "tmdb-async" / "session.json"


@pytest.fixture
def tmdb_server(env: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TMDBServer]:
    """The recording loopback TMDB (in a thread: ``main`` runs its own loop), and
    ``TMDB_BASE_URL`` pointing at it."""
    with threaded_server() as server:
        monkeypatch.setenv("TMDB_BASE_URL", server.base_url)
        yield server


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Prompts shown by ``input``; each is answered with Enter."""
    prompts: list[str] = []

    def fake_input(prompt: str = "") -> str:
        prompts.append(prompt)
        return ""

    monkeypatch.setattr(builtins, "input", fake_input)
    return prompts


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _stored(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _v3_login_mocks(tmdb_server: TMDBServer) -> None:
    tmdb_server.get(
        "/3/authentication/token/new",
        payload=load(f"{SPEC}/authentication-create-request-token.200.json"),
    )
    tmdb_server.post(
        "/3/authentication/session/new",
        payload=load(f"{SPEC}/authentication-create-session.200.json"),
    )
    tmdb_server.get(f"/3/account?session_id={SESSION_ID}", payload=ACCOUNT)


def test_login_v3_stores_the_session_0600(
    env: Path, tmdb_server: TMDBServer, answers: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    _v3_login_mocks(tmdb_server)
    assert main(["login"]) == 0
    out, err = capsys.readouterr()
    assert f"https://www.themoviedb.org/authenticate/{TOKEN}" in out
    assert "Logged in as Travis Bell (account id 548)." in out
    assert "7919…" in out
    assert SESSION_ID not in out + err
    assert len(answers) == 1
    assert env == session_path()
    assert _mode(env) == 0o600
    assert _mode(env.parent) == 0o700
    assert _stored(env) == {
        "kind": "session",
        "session_id": SESSION_ID,
        "account_id": ACCOUNT_ID,
        "username": "travisbell",
        "base_url": tmdb_server.base_url,
    }
    assert [c.method for c in tmdb_server.calls()] == ["GET", "POST", "GET"]
    request(tmdb_server, 1, "POST", "/3/authentication/session/new", body={"request_token": TOKEN})
    assert not [p for p in env.parent.iterdir() if p.name != "session.json"]  # no temp left


def test_login_points_at_another_tmdb(
    env: Path,
    tmdb_server: TMDBServer,
    answers: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("TMDB_BASE_URL")  # only the flag says where TMDB is
    local = tmdb_server.base_url
    _v3_login_mocks(tmdb_server)
    assert main(["login", "--base-url", local, "--website-url", local]) == 0
    out = capsys.readouterr().out
    assert f"{local}/authenticate/{TOKEN}" in out
    assert len(tmdb_server.calls()) == 3  # all three reached the local TMDB
    assert _stored(env)["base_url"] == local


def test_login_reads_urls_from_the_environment(
    env: Path,
    tmdb_server: TMDBServer,
    answers: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("TMDB_BASE_URL", tmdb_server.base_url)
    monkeypatch.setenv("TMDB_WEBSITE_URL", "http://127.0.0.1:9999")
    _v3_login_mocks(tmdb_server)
    assert main(["login"]) == 0
    assert f"http://127.0.0.1:9999/authenticate/{TOKEN}" in capsys.readouterr().out


def test_login_with_api_key(
    env: Path, tmdb_server: TMDBServer, answers: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TMDB_ACCESS_TOKEN")
    monkeypatch.setenv("TMDB_API_KEY", API_KEY)
    tmdb_server.get(
        f"/3/authentication/token/new?api_key={API_KEY}",
        payload=load(f"{SPEC}/authentication-create-request-token.200.json"),
    )
    tmdb_server.post(
        f"/3/authentication/session/new?api_key={API_KEY}",
        payload=load(f"{SPEC}/authentication-create-session.200.json"),
    )
    tmdb_server.get(f"/3/account?api_key={API_KEY}&session_id={SESSION_ID}", payload=ACCOUNT)
    assert main(["login"]) == 0
    assert _stored(env)["session_id"] == SESSION_ID
    assert API_KEY not in env.read_text()


def test_login_v4(
    env: Path, tmdb_server: TMDBServer, answers: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    ada = "clients/adamayoung-TMDb"
    request_token = load(f"{ada}/v4-request-token.json")["request_token"]
    access = {**load(f"{ada}/v4-access-token.json"), "access_token": USER_TOKEN}
    tmdb_server.post("/4/auth/request_token", payload=load(f"{ada}/v4-request-token.json"))
    tmdb_server.post("/4/auth/access_token", payload=access)
    tmdb_server.post(
        "/3/authentication/session/convert/4",
        payload={"success": True, "session_id": SESSION_ID},
    )
    tmdb_server.get(f"/3/account?session_id={SESSION_ID}", payload=ACCOUNT)
    assert main(["login", "--v4"]) == 0
    out, err = capsys.readouterr()
    assert f"https://www.themoviedb.org/auth/access?request_token={request_token}" in out
    assert USER_TOKEN not in out + err
    assert SESSION_ID not in out + err
    assert _mode(env) == 0o600
    stored = _stored(env)
    assert stored["kind"] == "v4"
    assert stored["access_token"] == USER_TOKEN
    assert stored["v4_account_id"] == V4_ACCOUNT
    assert stored["session_id"] == SESSION_ID
    request(tmdb_server, 0, "POST", "/4/auth/request_token", body={})
    request(tmdb_server, 1, "POST", "/4/auth/access_token", body={"request_token": request_token})
    request(
        tmdb_server,
        2,
        "POST",
        "/3/authentication/session/convert/4",
        body={"access_token": USER_TOKEN},
    )


def test_login_with_username_never_shows_the_password(
    env: Path,
    tmdb_server: TMDBServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    password = "hunter2 pass"
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": password)
    _v3_login_mocks(tmdb_server)
    tmdb_server.post(
        "/3/authentication/token/validate_with_login",
        payload={"success": True, "request_token": TOKEN},
    )
    assert main(["login", "--username", "travisbell"]) == 0
    out, err = capsys.readouterr()
    assert password not in out + err
    assert password not in env.read_text()
    request(
        tmdb_server,
        1,
        "POST",
        "/3/authentication/token/validate_with_login",
        body={"username": "travisbell", "password": password, "request_token": TOKEN},
    )


def test_login_bad_password_is_an_error_exit(
    env: Path,
    tmdb_server: TMDBServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    password = "wrong-password"
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": password)
    tmdb_server.get(
        "/3/authentication/token/new",
        payload=load(f"{SPEC}/authentication-create-request-token.200.json"),
    )
    tmdb_server.post(
        "/3/authentication/token/validate_with_login",
        status=401,
        payload=load("recorded/tmdblib/auth-validate-with-login-bad-credentials.401.json"),
    )
    assert main(["login", "--username", "me"]) == 1
    out, err = capsys.readouterr()
    assert "TMDB code 30" in err
    assert password not in out + err
    assert not env.exists()


def test_login_without_an_answer_saves_nothing(
    env: Path, tmdb_server: TMDBServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_stdin(prompt: str = "") -> str:
        raise EOFError

    monkeypatch.setattr(builtins, "input", no_stdin)
    tmdb_server.get(
        "/3/authentication/token/new",
        payload=load(f"{SPEC}/authentication-create-request-token.200.json"),
    )
    assert main(["login"]) == 1
    assert not env.exists()
    assert len(tmdb_server.calls()) == 1


def test_login_without_credentials(
    env: Path,
    tmdb_server: TMDBServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv("TMDB_ACCESS_TOKEN")
    assert main(["login"]) == 2
    assert capsys.readouterr().err == (
        "tmdb-async: error: no TMDB credential: set TMDB_ACCESS_TOKEN (the API Read Access "
        "Token) or TMDB_API_KEY in the environment\n"
    )
    assert tmdb_server.calls() == []


# --------------------------------------------------------------------------- whoami


def _session_file(**extra: Any) -> Path:
    data = {"kind": "session", "session_id": SESSION_ID, "account_id": ACCOUNT_ID}
    data.update(extra)
    return save_session(data)


def test_whoami(tmdb_server: TMDBServer, capsys: pytest.CaptureFixture[str]) -> None:
    _session_file()
    tmdb_server.get(f"/3/account/{ACCOUNT_ID}?session_id={SESSION_ID}", payload=ACCOUNT)
    assert main(["whoami"]) == 0
    out = capsys.readouterr().out
    assert "travisbell (Travis Bell), account id 548" in out
    assert SESSION_ID not in out
    assert "session 7919…" in out


def test_whoami_uses_the_stored_base_url(
    tmdb_server: TMDBServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TMDB_BASE_URL")  # only the session file says where TMDB is
    _session_file(base_url=tmdb_server.base_url)
    tmdb_server.get(f"/3/account/{ACCOUNT_ID}?session_id={SESSION_ID}", payload=ACCOUNT)
    assert main(["whoami"]) == 0
    assert tmdb_server.only_call().path == f"/3/account/{ACCOUNT_ID}"


def test_whoami_not_logged_in(tmdb_server: TMDBServer, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["whoami"]) == 2
    assert "not logged in" in capsys.readouterr().err
    assert tmdb_server.calls() == []


def test_a_file_others_can_read_is_refused(
    env: Path, tmdb_server: TMDBServer, capsys: pytest.CaptureFixture[str]
) -> None:
    _session_file()
    os.chmod(env, 0o644)
    assert main(["whoami"]) == 2
    err = capsys.readouterr().err
    assert "chmod 600" in err
    assert SESSION_ID not in err
    assert tmdb_server.calls() == []
    with pytest.raises(SessionStoreError):
        load_session()


def test_a_malformed_file_is_refused(env: Path) -> None:
    env.parent.mkdir(parents=True)
    fd = os.open(env, os.O_WRONLY | os.O_CREAT, 0o600)
    os.write(fd, b'{"kind": "other"}')
    os.close(fd)
    with pytest.raises(SessionStoreError):
        load_session()
    env.write_text("not json")
    with pytest.raises(SessionStoreError):
        load_session()


def test_saving_over_an_open_file_tightens_it(env: Path) -> None:
    env.parent.mkdir(parents=True)
    env.write_text("{}")
    os.chmod(env, 0o644)
    save_session({"kind": "guest", "guest_session_id": GUEST_ID})
    assert _mode(env) == 0o600
    assert load_session()["guest_session_id"] == GUEST_ID


def test_relative_xdg_config_home_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/dir")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert session_path() == tmp_path / ".config" / "tmdb-async" / "session.json"


# --------------------------------------------------------------------------- logout


def test_logout(env: Path, tmdb_server: TMDBServer, capsys: pytest.CaptureFixture[str]) -> None:
    _session_file()
    tmdb_server.delete("/3/authentication/session", payload={"success": True})
    assert main(["logout"]) == 0
    request(tmdb_server, 0, "DELETE", "/3/authentication/session", body={"session_id": SESSION_ID})
    assert not env.exists()
    assert SESSION_ID not in capsys.readouterr().out


def test_logout_v4_deletes_the_access_token_too(env: Path, tmdb_server: TMDBServer) -> None:
    _session_file(kind="v4", access_token=USER_TOKEN, v4_account_id=V4_ACCOUNT)
    tmdb_server.delete("/3/authentication/session", payload={"success": True})
    tmdb_server.delete("/4/auth/access_token", payload={"success": True})
    assert main(["logout"]) == 0
    request(tmdb_server, 1, "DELETE", "/4/auth/access_token", body={"access_token": USER_TOKEN})
    assert not env.exists()


def test_logout_of_a_dead_session_still_forgets_it(
    env: Path, tmdb_server: TMDBServer, capsys: pytest.CaptureFixture[str]
) -> None:
    _session_file()
    tmdb_server.delete(
        "/3/authentication/session",
        status=404,
        payload={"success": False, "status_code": 37, "status_message": "not found"},
    )
    assert main(["logout"]) == 0
    assert "TMDB code 37" in capsys.readouterr().out
    assert not env.exists()


def test_logout_keeps_the_file_when_tmdb_refuses_otherwise(
    env: Path, tmdb_server: TMDBServer, capsys: pytest.CaptureFixture[str]
) -> None:
    _session_file()
    tmdb_server.delete(
        "/3/authentication/session",
        status=400,
        payload={"success": False, "status_code": 5, "status_message": "Invalid parameters"},
    )
    assert main(["logout"]) == 1
    assert env.exists()
    assert SESSION_ID not in capsys.readouterr().err


# --------------------------------------------------------------------------- guest


def test_guest_then_whoami_then_logout(
    env: Path, tmdb_server: TMDBServer, capsys: pytest.CaptureFixture[str]
) -> None:
    tmdb_server.get(
        "/3/authentication/guest_session/new",
        payload=load(f"{SPEC}/authentication-create-guest-session.200.json"),
    )
    assert main(["guest"]) == 0
    out = capsys.readouterr().out
    assert GUEST_ID not in out
    assert "1ce8…" in out
    assert "2016-08-27T16:26:40+00:00" in out
    assert _mode(env) == 0o600
    assert _stored(env) == {
        "kind": "guest",
        "guest_session_id": GUEST_ID,
        "expires_at": "2016-08-27T16:26:40+00:00",
        "base_url": tmdb_server.base_url,
    }
    assert main(["whoami"]) == 0
    out = capsys.readouterr().out
    assert "Guest session 1ce8…, expires at 2016-08-27T16:26:40+00:00 (expired)." in out
    assert main(["logout"]) == 0
    assert not env.exists()
    assert len(tmdb_server.calls()) == 1  # whoami and logout of a guest need no request


def test_a_stale_temporary_file_does_not_block_saving(env: Path) -> None:
    env.parent.mkdir(parents=True)
    stale = env.with_name(f".{env.name}.{os.getpid()}.tmp")
    stale.write_text("half-written")
    save_session({"kind": "guest", "guest_session_id": GUEST_ID})
    assert not stale.exists()
    assert _mode(env) == 0o600


# --------------------------------------------------------------------------- issue 13 / 15


def _code7(tmdb_server: TMDBServer, url: str) -> None:
    tmdb_server.delete(
        url,
        status=401,
        payload={
            "success": False,
            "status_code": 7,
            "status_message": "Invalid API key: You must be granted a valid key.",
        },
    )


def test_logout_with_a_refused_app_key_keeps_the_file_and_says_the_session_lives(
    env: Path, tmdb_server: TMDBServer, capsys: pytest.CaptureFixture[str]
) -> None:
    _session_file()
    before = env.read_text()
    _code7(tmdb_server, f"{tmdb_server.base_url}/3/authentication/session")
    assert main(["logout"]) == 3
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        "tmdb-async: error: not logged out: session: TMDB refused the application credential "
        "(HTTP 401, code 7); fix TMDB_ACCESS_TOKEN / TMDB_API_KEY. The session is still valid "
        f"on TMDB and still saved in {env}; run `tmdb-async logout` again, or "
        "`tmdb-async logout --local` to forget it here only.\n"
    )
    assert env.read_text() == before
    request(tmdb_server, 0, "DELETE", "/3/authentication/session", body={"session_id": SESSION_ID})


def test_logout_json_reports_what_tmdb_did(
    env: Path, tmdb_server: TMDBServer, capsys: pytest.CaptureFixture[str]
) -> None:
    _session_file(kind="v4", access_token=USER_TOKEN, v4_account_id=V4_ACCOUNT)
    tmdb_server.delete("/3/authentication/session", payload={"success": True})
    _code7(tmdb_server, f"{tmdb_server.base_url}/4/auth/access_token")
    assert main(["logout", "--json"]) == 3
    out, err = capsys.readouterr()
    assert json.loads(out) == {
        "kind": "v4",
        "session_file": str(env),
        "ended": ["session"],
        "already_gone": [],
        "removed": False,
        "ended_at_tmdb": False,
        "failed": [
            {
                "what": "v4 user token",
                "reason": "TMDB refused the application credential (HTTP 401, code 7); fix "
                "TMDB_ACCESS_TOKEN / TMDB_API_KEY",
            }
        ],
    }
    assert "not logged out" in err
    assert env.exists()
    assert USER_TOKEN not in out + err
    assert SESSION_ID not in out + err


def test_logout_local_forgets_without_asking_tmdb(
    env: Path, tmdb_server: TMDBServer, capsys: pytest.CaptureFixture[str]
) -> None:
    _session_file()
    assert main(["logout", "--local"]) == 0
    assert capsys.readouterr().out == (
        f"Removed {env}; TMDB was not told: the session stays valid there until it expires or "
        "you revoke it in your TMDB account settings.\n"
    )
    assert not env.exists()
    assert tmdb_server.calls() == []


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"not json", "is corrupted (not valid JSON)"),
        (b"\xff\xfe\x00", "is corrupted (not valid JSON)"),
        (b'{"kind": "session"', "is corrupted (not valid JSON)"),
        (b"[]", "is not a tmdb-async session file"),
        (b'{"kind": "session"}', "is corrupted (no session_id)"),
        (b'{"kind": "session", "session_id": 5}', "is corrupted (no session_id)"),
        (b'{"kind": "v4", "session_id": "abc"}', "is corrupted (no access_token)"),
        (
            b'{"kind": "session", "session_id": "abc", "account_id": "548"}',
            "is corrupted (bad account_id or expires_at)",
        ),
        (
            b'{"kind": "guest", "guest_session_id": "g", "expires_at": "soon"}',
            "is corrupted (bad expires_at)",
        ),
        (  # no time zone: could not be compared with the clock
            b'{"kind": "guest", "guest_session_id": "g", "expires_at": "2016-08-27T16:26:40"}',
            "is corrupted (bad expires_at)",
        ),
    ],
)
@pytest.mark.parametrize("command", ["whoami", "logout"])
def test_a_corrupted_session_file_is_one_line_saying_what_to_do(
    env: Path,
    tmdb_server: TMDBServer,
    capsys: pytest.CaptureFixture[str],
    content: bytes,
    reason: str,
    command: str,
) -> None:
    env.parent.mkdir(parents=True, mode=0o700)
    fd = os.open(env, os.O_WRONLY | os.O_CREAT, 0o600)
    os.write(fd, content)
    os.close(fd)
    assert main([command]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"tmdb-async: error: {env} {reason}: delete it (`rm {env}`) and log in again with "
        "`tmdb-async login`\n"
    )
    assert tmdb_server.calls() == []
    assert env.read_bytes() == content


def test_a_config_directory_others_can_write_is_refused(
    env: Path, tmdb_server: TMDBServer, capsys: pytest.CaptureFixture[str]
) -> None:
    _session_file()
    os.chmod(env.parent, 0o777)
    assert main(["whoami"]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"tmdb-async: error: {env.parent} is writable by other users (mode 777), so anyone "
        f"could replace the session file; run `chmod 700 {env.parent}` and log in again\n"
    )
    assert tmdb_server.calls() == []
    os.chmod(env.parent, 0o755)  # readable by others is fine (the file itself is 0600)
    tmdb_server.get(f"/3/account/{ACCOUNT_ID}?session_id={SESSION_ID}", payload=ACCOUNT)
    assert main(["whoami"]) == 0


def test_logging_in_tightens_an_open_config_directory(
    env: Path, tmdb_server: TMDBServer, answers: list[str]
) -> None:
    env.parent.mkdir(parents=True)
    os.chmod(env.parent, 0o777)
    _v3_login_mocks(tmdb_server)
    assert main(["login"]) == 0
    assert _mode(env.parent) == 0o700
    assert _mode(env) == 0o600
    assert load_session()["session_id"] == SESSION_ID


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


def test_login_password_stdin(
    env: Path,
    tmdb_server: TMDBServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    password = "hunter2 pass "  # spaces are the password's own; the newline is not
    _stdin(monkeypatch, password + "\r\nignored second line\n")
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": pytest.fail("prompted"))
    _v3_login_mocks(tmdb_server)
    tmdb_server.post(
        "/3/authentication/token/validate_with_login",
        payload={"success": True, "request_token": TOKEN},
    )
    assert main(["login", "--username", "travisbell", "--password-stdin", "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == {
        "kind": "session",
        "account_id": ACCOUNT_ID,
        "username": "travisbell",
        "name": "Travis Bell",
        "base_url": tmdb_server.base_url,
        "session_file": str(env),
    }
    assert password.strip() not in out + err
    request(
        tmdb_server,
        1,
        "POST",
        "/3/authentication/token/validate_with_login",
        body={"username": "travisbell", "password": password, "request_token": TOKEN},
    )


@pytest.mark.parametrize(
    ("argv", "stdin", "message"),
    [
        (["--password-stdin"], "pw\n", "--password-stdin needs --username"),
        (
            ["--username", "me", "--password-stdin"],
            "",
            "--password-stdin: standard input held no password (one line expected)",
        ),
        (
            ["--username", "me", "--password-stdin"],
            "\n",
            "--password-stdin: standard input held no password (one line expected)",
        ),
    ],
)
def test_login_password_stdin_usage_errors(
    env: Path,
    tmdb_server: TMDBServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    stdin: str,
    message: str,
) -> None:
    _stdin(monkeypatch, stdin)
    tmdb_server.get(
        "/3/authentication/token/new",
        payload=load(f"{SPEC}/authentication-create-request-token.200.json"),
    )
    assert main(["login", *argv]) == 2
    assert capsys.readouterr().err == f"tmdb-async: error: {message}\n"
    assert [c.method for c in tmdb_server.calls()] in ([], ["GET"])  # never the password
    assert not env.exists()


def test_login_json_sends_the_prompts_to_stderr(
    env: Path,
    tmdb_server: TMDBServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _stdin(monkeypatch, "\n")
    _v3_login_mocks(tmdb_server)
    assert main(["login", "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["account_id"] == ACCOUNT_ID
    assert f"https://www.themoviedb.org/authenticate/{TOKEN}" in err
    assert "Press Enter once you have approved it... " in err
    assert SESSION_ID not in out + err


def test_whoami_and_guest_json(
    env: Path, tmdb_server: TMDBServer, capsys: pytest.CaptureFixture[str]
) -> None:
    _session_file(base_url=tmdb_server.base_url)
    tmdb_server.get(f"/3/account/{ACCOUNT_ID}?session_id={SESSION_ID}", payload=ACCOUNT)
    assert main(["whoami", "--json"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out) == {
        "kind": "session",
        "account_id": ACCOUNT_ID,
        "username": "travisbell",
        "name": "Travis Bell",
        "base_url": tmdb_server.base_url,
        "session_file": str(env),
    }
    assert SESSION_ID not in out
    tmdb_server.get(
        "/3/authentication/guest_session/new",
        payload=load(f"{SPEC}/authentication-create-guest-session.200.json"),
    )
    assert main(["guest", "--json"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out) == {
        "kind": "guest",
        "expires_at": "2016-08-27T16:26:40+00:00",
        "base_url": tmdb_server.base_url,
        "session_file": str(env),
    }
    assert main(["whoami", "--json"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out) == {
        "kind": "guest",
        "expires_at": "2016-08-27T16:26:40+00:00",
        "expired": True,
        "base_url": tmdb_server.base_url,
        "session_file": str(env),
    }
    assert GUEST_ID not in out


def test_whoami_with_a_refused_app_key_stops_with_exit_3(
    env: Path, tmdb_server: TMDBServer, capsys: pytest.CaptureFixture[str]
) -> None:
    _session_file()
    tmdb_server.get(
        f"/3/account/{ACCOUNT_ID}?session_id={SESSION_ID}",
        status=401,
        payload={"success": False, "status_code": 7, "status_message": "Invalid API key"},
    )
    assert main(["whoami"]) == 3
    err = capsys.readouterr().err
    assert err == (
        "tmdb-async: error: TMDB refused the application credential (HTTP 401, code 7: "
        "Invalid API key); check TMDB_ACCESS_TOKEN / TMDB_API_KEY\n"
    )
