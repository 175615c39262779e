"""Errors a retry could fix fail the shard's task, and Dask runs it again; when they go on,
the job raises and the shard is not written. Neither leaks the credential into Dask's logs.
A Redis that is down does not stop a job: each worker keeps to its share of the budget.
One folder holds the shards of one job."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from distributed import Client

from tests.dask.conftest import SandboxProcess
from tests.redis_server import RedisServer
from tests.threaded import started_in_a_thread
from tmdb_async import RetryPolicy
from tmdb_async.dask import CatalogueJob, ShardFailedError, run_catalogue_job, shard_paths
from tmdb_async.errors import TMDBUsageError
from tmdb_async.testing import Fault, Sandbox


@pytest.fixture
def faulty_sandbox() -> Iterator[Sandbox]:
    """A sandbox served from a thread of this process (the workers reach it over HTTP):
    the first GET of movie 7 answers 503, every GET of movie 13 answers 500."""
    sandbox = Sandbox(
        movie_count=40,
        faults=[
            Fault(kind="error", path="/3/movie/7", status=503, times=1),
            Fault(kind="error", path="/3/movie/13", status=500),
        ],
    )
    with started_in_a_thread(sandbox, timeout=30, name="sandbox"):
        yield sandbox


def _statuses(sandbox: Sandbox, movie: int) -> list[int]:
    return [r.status for r in list(sandbox.requests) if r.path == f"/3/movie/{movie}"]


def test_dask_runs_a_failed_shard_again_and_gives_up_after_its_retries(
    shared_dask_client: Client, faulty_sandbox: Sandbox, tmp_path: Path
) -> None:
    dask_client = shared_dask_client
    job = CatalogueJob(
        kind="movie",
        out_dir=tmp_path / "ok",
        ids=range(1, 11),
        shard_size=5,
        access_token=faulty_sandbox.access_token,
        base_url=faulty_sandbox.base_url,
        retry=RetryPolicy.disabled(),  # the first 503 fails the shard at once
    )
    summary = run_catalogue_job(dask_client, job, retries=2, timeout=60)
    # Shard 1 (ids 6-10) failed on movie 7's 503, ran again, and was written once.
    assert _statuses(faulty_sandbox, 7) == [503, 200]
    assert (summary.succeeded, summary.not_found, summary.failed) == (10, 0, 0)
    results, errors = shard_paths(job.out_dir, "movie", 1)
    assert len(results.read_text().splitlines()) == 5
    assert errors.read_text() == ""

    # Movie 13 always answers 500: its shard fails 1 + 2 times, then the job raises.
    stuck = CatalogueJob(
        kind="movie",
        out_dir=tmp_path / "stuck",
        ids=range(11, 21),
        shard_size=5,
        access_token=faulty_sandbox.access_token,
        base_url=faulty_sandbox.base_url,
        retry=RetryPolicy.disabled(),
    )
    with pytest.raises(ShardFailedError, match=r"shard 0 of movie stopped at id 13: .*500"):
        run_catalogue_job(dask_client, stuck, retries=2, timeout=60)
    assert _statuses(faulty_sandbox, 13) == [500, 500, 500]
    assert not shard_paths(stuck.out_dir, "movie", 0)[0].exists()
    assert not shard_paths(stuck.out_dir, "movie", 0)[1].exists()

    # The failures were logged by Dask (with the task and its arguments): never the token.
    logs = str(dask_client.get_worker_logs()) + str(dask_client.get_scheduler_logs())
    assert "stopped at id 13" in logs
    assert faulty_sandbox.access_token not in logs


def test_a_job_goes_on_when_its_redis_is_down(
    shared_dask_client: Client,
    sandbox_process: SandboxProcess,
    own_redis: RedisServer,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    own_redis.stop()
    job = CatalogueJob(
        kind="movie",
        out_dir=tmp_path,
        ids=range(1, 31),
        shard_size=10,
        access_token=sandbox_process.access_token,
        base_url=sandbox_process.base_url,
        redis_url=own_redis.url,
        rate=30,
    )
    summary = run_catalogue_job(shared_dask_client, job, retries=0, timeout=60)
    assert (summary.succeeded, summary.not_found, summary.failed) == (30, 0, 0)
    fetched = sorted(
        json.loads(line)["id"]
        for index in range(3)
        for line in shard_paths(tmp_path, "movie", index)[0].read_text().splitlines()
    )
    assert fetched == list(range(1, 31))
    # This process (which read the ids) warned, once, that it went on without Redis.
    warned = [r for r in caplog.records if r.name == "tmdb_async" and "unreachable" in r.message]
    assert len(warned) == 1


def test_a_folder_holds_one_job_only(
    shared_dask_client: Client, sandbox_process: SandboxProcess, tmp_path: Path
) -> None:
    job = CatalogueJob(
        kind="movie",
        out_dir=tmp_path,
        ids=[3, 1, 2],
        shard_size=2,
        access_token=sandbox_process.access_token,
        base_url=sandbox_process.base_url,
    )
    assert run_catalogue_job(shared_dask_client, job, timeout=60).succeeded == 3
    manifest = json.loads((tmp_path / "movie-job.json").read_text())
    assert {k: manifest[k] for k in ("kind", "ids", "shards", "shard_size")} == {
        "kind": "movie",
        "ids": 3,
        "shards": 2,
        "shard_size": 2,
    }
    before = sorted(p.name for p in tmp_path.iterdir())
    other_ids = attrs.evolve(job, ids=[1, 2, 3, 4])
    other_size = attrs.evolve(job, shard_size=3)
    for other in (other_ids, other_size):
        with pytest.raises(TMDBUsageError, match="holds the shards of another movie job"):
            run_catalogue_job(shared_dask_client, other, timeout=60)
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    # The same job again is a resume.
    assert run_catalogue_job(shared_dask_client, job, timeout=60).skipped_shards == 2
