"""``tmdb-async fetch ... --dask SCHEDULER``: the fetch as a catalogue job on a cluster."""

from __future__ import annotations

import io
import json
from pathlib import Path

from distributed import Client

from tests.dask.conftest import SandboxProcess
from tmdb_async.cli import build_parser
from tmdb_async.testing import Catalogue

MISSING = next(i for i in range(900_001, 900_100) if i not in Catalogue.real_ids("movie"))


async def _fetch(*argv: str, env: dict[str, str]) -> tuple[int, str]:
    args = build_parser().parse_args(["fetch", *argv])
    err = io.StringIO()
    code = await args.func(args, env=env, stderr=err)
    return int(code), err.getvalue()


async def test_fetch_on_dask_writes_shard_files_and_reports_the_ids_not_found(
    dask_client: Client, sandbox_process: SandboxProcess, redis_url: str, tmp_path: Path
) -> None:
    out = tmp_path / "movies"
    argv = ["movie", "--ids", f"1-25,{MISSING}", "--out", str(out), "--no-progress"]
    argv += [
        "--dask",
        str(dask_client.scheduler_info()["address"]),
        "--shard-size",
        "10",
        "--redis",
        redis_url,
    ]
    argv += ["--rate-limit", "40", "--concurrency", "5", "--base-url", sandbox_process.base_url]
    env = {"TMDB_ACCESS_TOKEN": sandbox_process.access_token}
    code, err = await _fetch(*argv, env=env)
    assert code == 0, err
    assert "26 ids in 3 shards (0 already done): 25 ok, 1 not found, 0 failed" in err
    assert sandbox_process.access_token not in err
    fetched = sorted(
        json.loads(line)["id"]
        for index in range(3)
        for line in (out / f"movie-shard-{index:05d}.jsonl").read_text().splitlines()
    )
    assert fetched == list(range(1, 26))
    missing = [
        json.loads(x) for x in (out / "movie-shard-00002.errors.jsonl").read_text().splitlines()
    ]
    assert [(m["id"], m["error"]["http_status"]) for m in missing] == [(MISSING, 404)]

    # Again: resumed, every shard already there.
    code, err = await _fetch(*argv, env=env)
    assert code == 0, err
    assert "26 ids in 3 shards (3 already done): 25 ok, 1 not found, 0 failed" in err


async def test_fetch_on_dask_wants_a_folder_and_a_budget(tmp_path: Path) -> None:
    env = {"TMDB_ACCESS_TOKEN": "eyJhbGciOiJIUzI1NiJ9.e30.c2ln"}
    base = ["movie", "--ids", "1-3", "--dask", "tcp://127.0.0.1:9", "--no-progress"]
    code, err = await _fetch(*base, "--out", "-", env=env)
    assert code == 2
    assert err.strip().endswith(
        "error: with --dask, --out is a folder of shard files (no -, no --retry-errors)"
    )
    code, err = await _fetch(*base, "--out", str(tmp_path), "--rate-limit", "0", env=env)
    assert code == 2
    assert "--rate-limit is the whole cluster's budget" in err
    assert not any(tmp_path.iterdir())  # noqa: ASYNC240 - a look at a temp folder
