"""A catalogue job on a real Dask LocalCluster (3 worker processes) against the sandbox run
as its own process with its rate limit on, the budget shared through a real redis-server;
one worker is SIGKILLed while it works on a shard."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
import redis
from distributed import Client

from tests.dask.conftest import MOVIES, SandboxProcess
from tmdb_async.dask import CatalogueJob, JobSummary, run_catalogue_job, shard_paths
from tmdb_async.testing import Catalogue

# Ids that the sandbox's catalogue of MOVIES movies does not hold (neither filler nor
# real): titles "deleted" since the export.
DELETED = tuple(i for i in range(900_001, 900_100) if i not in Catalogue.real_ids("movie"))[:10]


def _lines(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def _kill_a_busy_worker(client: Client, job: CatalogueJob, done: threading.Event) -> int:
    """Wait until some shards are written, then SIGKILL a worker busy with an unwritten one.

    Returns the index of the shard it was working on.
    """
    deadline = time.monotonic() + 40
    out = Path(job.out_dir)
    while time.monotonic() < deadline and not done.is_set():
        if len(list(out.glob("movie-shard-*[0-9].jsonl"))) >= 2:
            for address, keys in client.processing().items():
                for key in keys:
                    index = int(str(key).split("-")[3])
                    if not shard_paths(out, "movie", index)[0].exists():
                        pid = client.run(os.getpid, workers=[address])[address]
                        os.kill(pid, signal.SIGKILL)
                        return index
        time.sleep(0.05)
    pytest.fail("no worker was busy with an unwritten shard to kill")


def test_a_job_survives_a_killed_worker_and_delivers_every_id_once(
    dask_client: Client, sandbox_process: SandboxProcess, redis_url: str, tmp_path: Path
) -> None:
    wanted = set(range(1, MOVIES + 1))
    redis.Redis.from_url(redis_url).config_resetstat()  # count this job's commands only
    job = CatalogueJob(
        kind="movie",
        out_dir=tmp_path / "movies",
        ids=[*sorted(wanted), *DELETED],
        shard_size=20,
        concurrency=5,
        access_token=sandbox_process.access_token,
        base_url=sandbox_process.base_url,
        redis_url=redis_url,
        budget_key=f"test-dask-{os.getpid()}-{time.monotonic_ns()}",
        rate=40,
        burst=5,
    )
    summaries: list[JobSummary] = []
    errors: list[BaseException] = []
    done = threading.Event()

    def run() -> None:
        try:
            summaries.append(run_catalogue_job(dask_client, job, timeout=90))
        except BaseException as exc:
            errors.append(exc)
        finally:
            done.set()

    runner = threading.Thread(target=run)
    runner.start()
    killed = _kill_a_busy_worker(dask_client, job, done)
    runner.join(100)
    assert not runner.is_alive(), "the job did not finish"
    assert errors == []
    summary = summaries[0]

    out = tmp_path / "movies"
    n_shards = -(-(len(wanted) + len(DELETED)) // 20)
    delivered: Counter[int] = Counter()
    failed: dict[int, dict[str, object]] = {}
    for index in range(n_shards):
        results, errs = shard_paths(out, "movie", index)
        delivered.update(int(str(r["id"])) for r in _lines(results))
        for record in _lines(errs):
            ident = int(str(record["id"]))
            assert ident not in failed
            failed[ident] = record["error"]  # type: ignore[assignment]
    # Every id exactly once; the deleted ones as "not found", no 429 among the failures.
    assert delivered == Counter(wanted)
    assert set(failed) == set(DELETED)
    assert {e["type"] for e in failed.values()} == {"ResourceNotFoundError"}
    assert {e["http_status"] for e in failed.values()} == {404}
    assert shard_paths(out, "movie", killed)[0].exists()
    assert sorted(p.name for p in out.glob("movie-shard-*.jsonl")) == sorted(
        name
        for i in range(n_shards)
        for name in (f"movie-shard-{i:05d}.jsonl", f"movie-shard-{i:05d}.errors.jsonl")
    )
    assert list(out.glob(".*.tmp")) == []  # the killed attempt's temporary files are gone
    assert (summary.ids, summary.succeeded, summary.not_found, summary.failed) == (
        len(wanted) + len(DELETED),
        len(wanted),
        len(DELETED),
        0,
    )
    assert len(summary.shards) == n_shards
    assert [s.index for s in summary.shards] == list(range(n_shards))
    # Shards whose results the killed worker held (and the killed shard, when the kill came
    # after its file was in place) are run again by Dask: they find their file, count it,
    # and leave it alone; the counts above include them once.
    assert summary.skipped_shards < n_shards

    # The workers drew from the budget in Redis (SharedRateLimit's bucket under budget_key).
    # (Its keys expire by themselves once the bucket is full again, so count the script's
    # runs: at least one token per request the job sent.)
    stats = redis.Redis.from_url(redis_url).info("commandstats")
    assert stats["cmdstat_evalsha"]["calls"] >= len(wanted) + len(DELETED)

    # Run again: every shard is already there, nothing is fetched or written again.
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    again = run_catalogue_job(dask_client, job, timeout=60)
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == before
    assert again.skipped_shards == n_shards
    assert (again.succeeded, again.not_found, again.failed) == (
        len(wanted),
        len(DELETED),
        0,
    )
