"""``tmdb-async fetch`` against the sandbox: output lines, error lines, resume, id sources."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tmdb_async.cli import build_parser
from tmdb_async.cli.fetch import UsageProblem, parse_ids, read_done
from tmdb_async.testing import Sandbox


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


async def fetch(sb: Sandbox, *argv: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    args = build_parser().parse_args(["fetch", *argv, "--base-url", sb.base_url])
    err = io.StringIO()
    env = {"TMDB_ACCESS_TOKEN": sb.access_token} if env is None else env
    code = await args.func(args, env=env, stderr=err)
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
    assert "60/60" in err
    assert err.rstrip().endswith(
        f"fetched 60 movie ids: {60 - len(missing)} ok, {len(missing)} errors "
        "(0 already in movies.jsonl)"
    )
    assert sb.access_token not in err
    assert sb.access_token not in out.read_text(encoding="utf-8")


async def test_fetch_resumes_and_retries_errors_on_request(tmp_path: Path) -> None:
    out = tmp_path / "movies.jsonl"
    async with Sandbox(movie_count=50) as sb:
        assert (await fetch(sb, "movie", "--ids", "1-60", "--out", str(out)))[0] == 0
        sb.clear_requests()
        # A crash left a torn last line: it is dropped, and id 7 is not counted as done.
        with out.open("a", encoding="utf-8") as handle:
            handle.write('{"id": 7, "tit')
        code, err = await fetch(sb, "movie", "--ids", "1-80", "--out", str(out))
        assert code == 0
        assert movie_gets(sb) == list(range(61, 81))
        assert "(60 already in movies.jsonl)" in err
        sb.clear_requests()
        code, err = await fetch(
            sb, "movie", "--ids", "1-80", "--out", str(out), "--retry-errors", "--no-progress"
        )
        assert code == 0
        # Above 50 only TMDB's real movies exist (70 is Million Dollar Baby, ...).
        missing = [i for i in range(51, 81) if not sb.catalogue.has_movie(i)]
        real = 30 - len(missing)
        assert missing
        assert real
        assert movie_gets(sb) == missing  # only the failed ones again
        assert err == (
            f"fetched {len(missing)} movie ids: 0 ok, {len(missing)} errors "
            f"({50 + real} already in movies.jsonl)\n"
        )
    records = lines(out)
    assert len(records) == 60 + 20 + len(missing)
    assert {r["id"] for r in records} == set(range(1, 81))
    assert read_done(out) == set(range(1, 81))
    assert read_done(out, retry_errors=True) == set(range(1, 81)) - set(missing)


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
        # The export lists every series: ids 1-5 and TMDB's real ones.
        shows = list(sb.catalogue.ids("tv"))
        assert shows[:5] == [1, 2, 3, 4, 5]
        assert 1396 in shows
        assert sorted(r.path for r in sb.requests_to("/3/tv/*")) == sorted(
            f"/3/tv/{i}" for i in shows
        )
        assert (
            sb.requests_to("/p/exports/*")[0].path == "/p/exports/tv_series_ids_05_15_2024.json.gz"
        )
    assert sorted(r["id"] for r in lines(out)) == [1, 3, 4, 5, 99]
    assert sorted(r["id"] for r in lines(tv_out)) == shows
    assert all("name" in r for r in lines(tv_out))


async def test_bad_input_stops_before_any_request(tmp_path: Path) -> None:
    out = tmp_path / "m.jsonl"
    async with Sandbox(movie_count=5) as sb:
        code, err = await fetch(sb, "movie", "--ids", "1-5", "--out", str(out), env={})
        assert code == 2
        assert err == "error: set TMDB_ACCESS_TOKEN (or TMDB_API_KEY) in the environment\n"
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
        assert "bad.txt line 2: not an id" in err
        # 12 may have gone out before line 2 failed; it was cancelled, never written.
        assert movie_gets(sb) in ([], [12])
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
