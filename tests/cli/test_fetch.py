"""``tmdb-async fetch`` against the sandbox: output lines, error lines, resume, id sources."""

from __future__ import annotations

import asyncio
import gzip
import io
import json
import os
import re
import socket
import sys
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from tests.conftest import READ_TOKEN
from tmdb_async.cli import build_parser
from tmdb_async.cli.fetch import UsageProblem, parse_ids, read_done
from tmdb_async.testing import Fault, Sandbox


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


async def fetch(
    sb: Sandbox,
    *argv: str,
    env: dict[str, str] | None = None,
    stderr: io.StringIO | None = None,
    stdout: io.StringIO | None = None,
    base_url: str | None = None,
) -> tuple[int, str]:
    # No client-side rate budget unless a test asks for one: the sandbox has no limit.
    budget = [] if "--rate-limit" in argv else ["--rate-limit", "0"]
    args = build_parser().parse_args(
        ["fetch", *argv, *budget, "--base-url", base_url or sb.base_url]
    )
    err = stderr if stderr is not None else io.StringIO()
    env = {"TMDB_ACCESS_TOKEN": sb.access_token} if env is None else env
    code = await args.func(args, env=env, stderr=err, stdout=stdout)
    return int(code), err.getvalue()


def movie_gets(sb: Sandbox) -> list[int]:
    return sorted(int(r.path.rsplit("/", 1)[1]) for r in sb.requests_to("/3/movie/*", "GET"))


# --------------------------------------------------------------------------- ids


def test_parse_ids_merges_and_sorts() -> None:
    assert parse_ids("1-5") == [range(1, 6)]
    assert parse_ids("10, 3,1-4, 5") == [range(1, 6), range(10, 11)]
    assert parse_ids("7-9,8-12") == [range(7, 13)]


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("", "names no ids"),
        ("a-b", "bad id or range 'a-b'"),
        ("0-3", "ids are >= 1"),
        ("9-3", "low <= high"),
        ("1-", "bad id or range"),
    ],
)
def test_bad_id_specs(spec: str, message: str) -> None:
    with pytest.raises(UsageProblem, match=message):
        parse_ids(spec)


# --------------------------------------------------------------------------- the command


async def test_fetch_writes_models_and_error_lines(tmp_path: Path) -> None:
    out = tmp_path / "movies.jsonl"
    async with Sandbox(movie_count=50) as sb:
        code, err = await fetch(sb, "movie", "--ids", "1-60", "--out", str(out))
        async with sb.client() as tmdb:
            eleven = await tmdb.movies.details(11)
            expected_eleven = tmdb.converter.unstructure(eleven)
        gets = movie_gets(sb)
        requests = sb.requests_to("/3/movie/*")
    assert code == 0
    assert gets == sorted([*range(1, 61), 11])  # every id once (and the check above)
    assert all(r.headers["Authorization"] == f"Bearer {sb.access_token}" for r in requests)
    records = lines(out)
    assert sorted(r["id"] for r in records) == list(range(1, 61))
    by_id = {r["id"]: r for r in records}
    assert by_id[11] == expected_eleven
    assert by_id[11]["title"] == eleven.title
    # Above 50 only TMDB's real movies exist.
    missing = [i for i in range(51, 61) if not sb.catalogue.has_movie(i)]
    assert missing
    gone = missing[0]
    assert by_id[gone] == {
        "id": gone,
        "error": {
            "type": "ResourceNotFoundError",
            "message": by_id[gone]["error"]["message"],
            "http_status": 404,
            "tmdb_code": 34,
        },
    }
    assert "HTTP 404" in by_id[gone]["error"]["message"]
    assert all("error" not in by_id[i] for i in range(1, 61) if i not in missing)
    assert all("error" in by_id[i] for i in missing)
    # Not a terminal: no progress bar, just the summary. 404s are answers, not failures.
    assert err == (
        f"fetched 60 movie ids: {60 - len(missing)} ok, {len(missing)} not found, 0 errors "
        "(0 already in movies.jsonl)\n"
    )
    assert sb.access_token not in err
    assert sb.access_token not in out.read_text(encoding="utf-8")


async def test_fetch_resumes_and_retries_errors_without_duplicating_lines(
    tmp_path: Path,
) -> None:
    out = tmp_path / "movies.jsonl"
    async with Sandbox(movie_count=55) as sb:
        # Above 55 only TMDB's real movies exist; ids 40-49 fail (HTTP 400: not retried).
        missing = [i for i in range(56, 81) if not sb.catalogue.has_movie(i)]
        first = [i for i in missing if i <= 60]
        later = [i for i in missing if i > 60]
        sb.add_fault(Fault(kind="error", path="/3/movie/4?", status=400, code=5))
        code, err = await fetch(sb, "movie", "--ids", "1-60", "--out", str(out))
        assert code == 1  # some ids failed
        assert err == (
            f"fetched 60 movie ids: {50 - len(first)} ok, {len(first)} not found, 10 errors "
            "(0 already in movies.jsonl)\n"
        )
        sb.clear_requests()
        # A crash left a torn last line: it is dropped, and id 7 is not counted as done.
        with out.open("a", encoding="utf-8") as handle:
            handle.write('{"id": 7, "tit')
        code, err = await fetch(sb, "movie", "--ids", "1-80", "--out", str(out))
        assert code == 0  # this run's ids all answered (40-49 were skipped, not retried)
        assert movie_gets(sb) == list(range(61, 81))
        assert "(60 already in movies.jsonl)" in err
        assert f"{len(later)} not found, 0 errors" in err
        sb.clear_requests()
        sb.clear_faults()
        code, err = await fetch(
            sb, "movie", "--ids", "1-80", "--out", str(out), "--retry-errors", "--no-progress"
        )
        assert code == 0
        assert movie_gets(sb) == list(range(40, 50))  # only the failed ones (not the 404s)
        assert err == (
            "fetched 10 movie ids: 10 ok, 0 not found, 0 errors (70 already in movies.jsonl)\n"
        )
    records = lines(out)
    assert sorted(r["id"] for r in records) == list(range(1, 81))  # each id exactly once
    assert all("error" not in r for r in records if r["id"] not in missing)
    assert all(r["error"]["http_status"] == 404 for r in records if r["id"] in missing)
    assert read_done(out) == set(range(1, 81))
    assert read_done(out, retry_errors=True) == set(range(1, 81))  # 404s are not retried


def test_retry_errors_keeps_the_file_mode(tmp_path: Path) -> None:
    out = tmp_path / "x.jsonl"
    out.write_text(
        '{"id": 1}\n{"id": 2, "error": {"http_status": 500}}\n{"id": 3, "error": '
        '{"http_status": 404}}\n{"id": 4, "error": {}}\n{"id": 5',
        encoding="utf-8",
    )
    out.chmod(0o640)
    assert read_done(out, retry_errors=True) == {1, 3}
    assert out.read_text(encoding="utf-8") == (
        '{"id": 1}\n{"id": 3, "error": {"http_status": 404}}\n'
    )
    assert out.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["x.jsonl"]  # no temporary file left


async def test_read_done_truncates_a_torn_line(tmp_path: Path) -> None:
    out = tmp_path / "x.jsonl"
    out.write_text('{"id": 1}\n{"id": 2, "error": {}}\nnot json\n[3]\n{"id": 4', encoding="utf-8")
    assert read_done(out) == {1, 2}
    assert out.read_text(encoding="utf-8") == '{"id": 1}\n{"id": 2, "error": {}}\nnot json\n[3]\n'
    assert read_done(tmp_path / "missing.jsonl") == set()


async def test_ids_from_a_file_or_an_export(tmp_path: Path) -> None:
    plain = tmp_path / "ids.txt"
    plain.write_text("# wanted\n3\n\n1\n99\n", encoding="utf-8")
    export = tmp_path / "movie_ids_05_15_2024.json.gz"
    export.write_bytes(
        gzip.compress(b"".join(b'{"id":%d,"original_title":"x"}\n' % i for i in (4, 5)))
    )
    async with Sandbox(movie_count=50, tv_count=5) as sb:
        out = tmp_path / "a.jsonl"
        assert (await fetch(sb, "movie", "--ids-file", str(plain), "--out", str(out)))[0] == 0
        assert (await fetch(sb, "movie", "--ids-file", str(export), "--out", str(out)))[0] == 0
        assert movie_gets(sb) == [1, 3, 4, 5, 99]
        tv_out = tmp_path / "tv.jsonl"
        code, _ = await fetch(
            sb,
            "tv",
            "--from-export",
            "2024-05-15",
            "--exports-url",
            f"{sb.base_url}/p/exports",
            "--out",
            str(tv_out),
            "--rate-limit",
            "0",  # the export lists 230-odd series (TMDB's real ones too): no need to wait
        )
        assert code == 0
        # The export lists the 5 generated series and TMDB's real ones.
        tv_ids = sorted(sb.catalogue.ids("tv"))
        assert tv_ids[:5] == [1, 2, 3, 4, 5]
        assert sorted(int(r.path.rsplit("/", 1)[1]) for r in sb.requests_to("/3/tv/*")) == tv_ids
        assert (
            sb.requests_to("/p/exports/*")[0].path == "/p/exports/tv_series_ids_05_15_2024.json.gz"
        )
    assert sorted(r["id"] for r in lines(out)) == [1, 3, 4, 5, 99]
    assert sorted(r["id"] for r in lines(tv_out)) == tv_ids
    assert all("name" in r for r in lines(tv_out))


async def test_bad_input_stops_before_any_request(tmp_path: Path) -> None:
    out = tmp_path / "m.jsonl"
    async with Sandbox(movie_count=5) as sb:
        code, err = await fetch(sb, "movie", "--ids", "1-5", "--out", str(out), env={})
        assert code == 2
        assert err == (
            "tmdb-async: error: no TMDB credential: set TMDB_ACCESS_TOKEN (the API Read Access "
            "Token) or TMDB_API_KEY in the environment\n"
        )
        code, err = await fetch(sb, "movie", "--ids", "5-1", "--out", str(out))
        assert code == 2
        assert "low <= high" in err
        code, err = await fetch(sb, "movie", "--ids", "1", "--concurrency", "0", "--out", str(out))
        assert code == 2
        code, err = await fetch(sb, "movie", "--from-export", "May 15", "--out", str(out))
        assert code == 2
        assert "--from-export takes a date" in err
        bad = tmp_path / "bad.txt"
        bad.write_text("12\nabc\n", encoding="utf-8")
        code, err = await fetch(sb, "movie", "--ids-file", str(bad), "--out", str(out))
        assert code == 2
        assert err == "tmdb-async: error: bad.txt line 2: not an id: 'abc'\n"
        # 12 may have gone out before line 2 failed; it was cancelled, never written.
        assert movie_gets(sb) in ([], [12])
        assert len(sb.requests_to("/3/authentication")) == 1  # the first run, refused, made none
    assert out.read_text(encoding="utf-8") == ""


async def test_api_key_from_the_environment(tmp_path: Path) -> None:
    out = tmp_path / "p.jsonl"
    async with Sandbox(person_count=3) as sb:
        code, _ = await fetch(
            sb, "person", "--ids", "1-3", "--out", str(out), env={"TMDB_API_KEY": sb.api_key}
        )
        requests = sb.requests_to("/3/person/*")
    assert code == 0
    assert sorted(r.path for r in requests) == ["/3/person/1", "/3/person/2", "/3/person/3"]
    assert all(r.query["api_key"] == sb.api_key for r in requests)
    assert all("Authorization" not in r.headers for r in requests)
    assert sorted(r["id"] for r in lines(out)) == [1, 2, 3]


# --------------------------------------------------------------------------- issue 15


async def test_out_dash_writes_to_stdout_and_creates_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    stdout = io.StringIO()
    async with Sandbox(movie_count=3) as sb:
        code, err = await fetch(sb, "movie", "--ids", "2-4", "--out", "-", stdout=stdout)
        assert code == 0
        code, retry_err = await fetch(sb, "movie", "--ids", "1", "--out", "-", "--retry-errors")
    assert code == 2
    assert retry_err == (
        "tmdb-async: error: --retry-errors needs an output file to read (not --out -)\n"
    )
    records = [json.loads(line) for line in stdout.getvalue().splitlines()]
    assert sorted(r["id"] for r in records) == [2, 3, 4]
    assert records[0].get("title") or records[0].get("error")
    assert err == "fetched 3 movie ids: 2 ok, 1 not found, 0 errors (to standard output)\n"
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize(
    ("out_arg", "message"),
    [
        ("/nonexistent/dir/x.jsonl", "--out /nonexistent/dir/x.jsonl: No such file or directory"),
        (".", "--out .: Is a directory"),
    ],
)
async def test_bad_output_paths_are_one_line_errors_before_any_request(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, out_arg: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    async with Sandbox(movie_count=3) as sb:
        code, err = await fetch(sb, "movie", "--ids", "1-3", "--out", out_arg)
        assert sb.requests == []
    assert code == 2
    assert err == f"tmdb-async: error: {message}\n"


async def test_bad_id_files_are_one_line_errors(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    broken = tmp_path / "movie_ids.json.gz"
    broken.write_bytes(gzip.compress(b'{"id": 1}\n' * 50)[:30])  # cut short
    not_gzip = tmp_path / "fake.json.gz"
    not_gzip.write_bytes(b"\x1f\x8b" + b"garbage" * 10)
    binary = tmp_path / "ids.bin"
    binary.write_bytes(b"1\n\xff\xfe\n")
    async with Sandbox(movie_count=3) as sb:
        results = {
            name: await fetch(sb, "movie", "--ids-file", str(path), "--out", str(out))
            for name, path in (
                ("missing", tmp_path / "nope.txt"),
                ("directory", tmp_path),
                ("cut", broken),
                ("not gzip", not_gzip),
                ("binary", binary),
            )
        }
    for name, (code, err) in results.items():
        assert code == 2, name
        assert err.startswith("tmdb-async: error: "), name
        assert err.count("\n") == 1, (name, err)  # one line, never a traceback
        assert "Traceback" not in err
    assert (
        results["missing"][1]
        == f"tmdb-async: error: --ids-file {tmp_path}/nope.txt: no such file\n"
    )
    assert results["directory"][1] == f"tmdb-async: error: --ids-file {tmp_path}: no such file\n"
    assert f"--ids-file {broken}: " in results["cut"][1]
    assert f"--ids-file {not_gzip}: " in results["not gzip"][1]
    assert f"--ids-file {binary}: " in results["binary"][1]


async def test_an_id_listed_twice_is_fetched_and_written_once(tmp_path: Path) -> None:
    ids = tmp_path / "ids.txt"
    ids.write_text("3\n1\n3\n1\n2\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    async with Sandbox(movie_count=5) as sb:
        code, _ = await fetch(sb, "movie", "--ids-file", str(ids), "--out", str(out))
        assert movie_gets(sb) == [1, 2, 3]
    assert code == 0
    assert sorted(r["id"] for r in lines(out)) == [1, 2, 3]


async def test_a_refused_credential_stops_before_the_first_id(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    async with Sandbox(movie_count=5) as sb:
        code, err = await fetch(
            sb, "movie", "--ids", "1-5000", "--out", str(out), env={"TMDB_API_KEY": "f" * 32}
        )
        assert [r.path for r in sb.requests] == ["/3/authentication"]
    assert code == 3
    assert err == (
        "tmdb-async: error: TMDB refused the application credential (HTTP 401, code 7); check "
        "TMDB_ACCESS_TOKEN / TMDB_API_KEY\n"
    )
    assert "f" * 32 not in err
    assert out.read_text(encoding="utf-8") == ""


async def test_a_credential_refused_mid_run_stops_without_writing_error_lines(
    tmp_path: Path,
) -> None:
    out = tmp_path / "o.jsonl"
    async with Sandbox(movie_count=500) as sb:
        # The key is revoked after the check: every movie request answers 401 code 7.
        sb.add_fault(Fault(kind="error", path="/3/movie/*", status=401, code=7))
        code, err = await fetch(
            sb, "movie", "--ids", "1-500", "--out", str(out), "--concurrency", "4"
        )
        tried = len(sb.requests_to("/3/movie/*"))
    assert code == 3
    assert tried <= 8  # stopped at the first answer, not after 500 refusals
    first, second = err.splitlines()
    assert first == "fetched 0 movie ids: 0 ok, 0 not found, 0 errors (0 already in o.jsonl)"
    assert second == (
        "tmdb-async: error: TMDB refused the application credential (HTTP 401, code 7: "
        "Invalid API key: You must be granted a valid key.); check TMDB_ACCESS_TOKEN / "
        "TMDB_API_KEY; stopped early (run the same command again to go on)"
    )
    assert out.read_text(encoding="utf-8") == ""  # the ids are not done: a rerun fetches them


async def test_an_unreachable_host_stops_with_exit_3(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    async with Sandbox(movie_count=5) as sb:
        code, err = await fetch(
            sb,
            "movie",
            "--ids",
            "1-5000",
            "--out",
            str(out),
            base_url=f"http://127.0.0.1:{port}",
        )
    assert code == 3
    assert err.startswith("tmdb-async: error: cannot reach TMDB: ")
    assert err.count("\n") == 1
    assert sb.access_token not in err
    assert out.read_text(encoding="utf-8") == ""


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


async def test_progress_bar_with_rate_and_counts_only_on_a_terminal(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    terminal = _Terminal()
    async with Sandbox(movie_count=30) as sb:
        # Above 30 only TMDB's real movies exist.
        ok = sum(sb.catalogue.has_movie(i) for i in range(1, 41))
        later = sum(sb.catalogue.has_movie(i) for i in range(41, 46))
        code, _ = await fetch(sb, "movie", "--ids", "1-40", "--out", str(out), stderr=terminal)
        assert code == 0
        quiet = _Terminal()
        await fetch(sb, "movie", "--ids", "41-45", "--out", str(out), "--no-progress", stderr=quiet)
    drawn = terminal.getvalue()
    assert "\r" in drawn
    final = drawn.rsplit("\r", 1)[1]
    assert re.search(
        r"100%\|.*\| 40/40 \[\d\d:\d\d<00:00, +[\d.]+movie/s, "
        rf"ok={ok}, not_found={40 - ok}, errors=0\]",
        final,
    )
    assert drawn.endswith(
        f"fetched 40 movie ids: {ok} ok, {40 - ok} not found, 0 errors (0 already in o.jsonl)\n"
    )
    assert quiet.getvalue() == (
        f"fetched 5 movie ids: {later} ok, {5 - later} not found, 0 errors "
        "(40 already in o.jsonl)\n"
    )


async def _tmdb_async(*argv: str, env: dict[str, str]) -> tuple[int, str, str]:
    """Run ``python -m tmdb_async ...`` as its own process; (exit code, stdout, stderr)."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("TMDB_")}
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tmdb_async",
        *argv,
        env={**base, **env},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        stdin=asyncio.subprocess.DEVNULL,
    )
    out, err = await asyncio.wait_for(proc.communicate(), timeout=60)
    assert proc.returncode is not None
    return proc.returncode, out.decode(), err.decode()


async def test_the_installed_command_pipes_and_fails_in_one_line(tmp_path: Path) -> None:
    async with Sandbox(movie_count=3) as sb:
        env = {"TMDB_ACCESS_TOKEN": sb.access_token, "TMDB_BASE_URL": sb.base_url}
        code, out, err = await _tmdb_async(
            "fetch", "movie", "--ids", "1-4", "--out", "-", "--rate-limit", "0", env=env
        )
        assert code == 0
        assert sorted(json.loads(line)["id"] for line in out.splitlines()) == [1, 2, 3, 4]
        assert err == "fetched 4 movie ids: 3 ok, 1 not found, 0 errors (to standard output)\n"
        code, out, err = await _tmdb_async(
            "fetch", "movie", "--ids", "1", "--out", str(tmp_path / "no" / "x.jsonl"), env=env
        )
        assert (code, out) == (2, "")
        assert err == (
            f"tmdb-async: error: --out {tmp_path}/no/x.jsonl: No such file or directory\n"
        )
        bad = {**env, "TMDB_API_KEY": "f" * 32}
        del bad["TMDB_ACCESS_TOKEN"]
        code, out, err = await _tmdb_async("fetch", "movie", "--ids", "1", "--out", "-", env=bad)
        assert (code, out) == (3, "")
        assert err.startswith("tmdb-async: error: TMDB refused the application credential")
        assert err.count("\n") == 1
    assert not (tmp_path / "no").exists()


async def test_a_host_that_goes_away_mid_run_stops_with_exit_3(tmp_path: Path) -> None:
    """TMDB answers the credential check, then stops listening: stop, not 5,000 failures."""
    gone = asyncio.Event()
    movie_requests: list[str] = []

    async def check(request: web.Request) -> web.Response:
        return web.json_response({"success": True, "status_code": 1, "status_message": "ok"})

    async def movie(request: web.Request) -> web.Response:
        movie_requests.append(request.path)
        gone.set()  # the host goes away while this request is in flight
        await asyncio.sleep(30)
        raise AssertionError("unreachable")

    app = web.Application()
    app.router.add_get("/3/authentication", check)
    app.router.add_get("/3/movie/{id}", movie)
    runner = web.AppRunner(app, shutdown_timeout=0.1)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]

    async def shut_down() -> None:
        await gone.wait()
        await runner.cleanup()

    closer = asyncio.create_task(shut_down())
    out = tmp_path / "o.jsonl"
    try:
        argv = ["fetch", "movie", "--ids", "1-5000", "--out", str(out), "--concurrency", "2"]
        argv += ["--rate-limit", "0", "--base-url", f"http://127.0.0.1:{port}"]
        args = build_parser().parse_args(argv)
        err = io.StringIO()
        code = await args.func(args, env={"TMDB_ACCESS_TOKEN": READ_TOKEN}, stderr=err)
    finally:
        await closer
    assert code == 3
    summary, message = err.getvalue().splitlines()
    assert summary.startswith("fetched ")
    assert message.startswith("tmdb-async: error: cannot reach TMDB: ")
    assert message.endswith("; stopped early (run the same command again to go on)")
    assert len(movie_requests) <= 2
    assert out.read_text(encoding="utf-8") == ""  # nothing written for ids not done
