"""Catalogue jobs without a cluster: the job object, sharding, the atomic writer, and one
shard run in this process against the sandbox process."""

from __future__ import annotations

import asyncio
import gzip
import json
import os
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.dask.conftest import MOVIES, SandboxProcess
from tests.redis_server import free_port
from tmdb_async.dask import (
    CatalogueJob,
    ShardFailedError,
    ShardResult,
    atomic_text_file,
    load_ids,
    plan_shards,
    run_shard,
    shard_paths,
)
from tmdb_async.errors import TMDBUsageError
from tmdb_async.testing import Catalogue

TOKEN = "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXRva2VuLWZvci10ZXN0cw.c2lnbmF0dXJlLXNpZ25hdHVyZQ"
API_KEY = "fedcba9876543210fedcba9876543210"


def _job(
    out_dir: Path, sandbox: SandboxProcess | None = None, /, **changes: object
) -> CatalogueJob:
    settings: dict[str, object] = {
        "kind": "movie",
        "out_dir": out_dir,
        "access_token": sandbox.access_token if sandbox else TOKEN,
        "base_url": sandbox.base_url if sandbox else f"http://127.0.0.1:{free_port()}",
        "rate": 20,
        "burst": 5,
    }
    settings.update(changes)
    return CatalogueJob(**settings)  # type: ignore[arg-type]


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# --------------------------------------------------------------------------- the job


def test_the_job_repr_hides_the_credentials_and_the_redis_password(tmp_path: Path) -> None:
    job = _job(tmp_path, redis_url="redis://user:hunter2pass@redis.internal:6379/0")
    keyed = _job(tmp_path, access_token=None, api_key=API_KEY, redis_url="redis://r:6379")
    text = repr(job) + str(job) + repr(keyed)
    assert TOKEN not in text
    assert API_KEY not in text
    assert "hunter2pass" not in text
    assert "redis_url='redis://user:***@redis.internal:6379/0'" in repr(job)
    assert "redis_url='redis://r:6379'" in repr(keyed)
    assert "kind='movie'" in repr(job)
    # The object still carries them to the workers.
    copy = pickle.loads(pickle.dumps(job))
    assert copy == job
    assert copy.access_token == TOKEN


@pytest.mark.parametrize(
    ("changes", "name"),
    [
        ({"kind": "movies"}, "kind"),
        ({"shard_size": 0}, "shard_size"),
        ({"concurrency": True}, "concurrency"),
        ({"rate": -1}, "rate"),
        ({"burst": 1.5}, "burst"),
    ],
)
def test_a_bad_job_is_a_usage_error_naming_the_parameter(
    tmp_path: Path, changes: dict[str, object], name: str
) -> None:
    with pytest.raises(TMDBUsageError, match=f"^{name} must be"):
        _job(tmp_path, **changes)


def test_a_bad_redis_url_is_a_usage_error_without_its_password(tmp_path: Path) -> None:
    with pytest.raises(TMDBUsageError, match=r"^redis_url / budget_key: ") as caught:
        _job(tmp_path, redis_url="http://user:hunter2pass@redis.internal:6379/0")
    assert "hunter2pass" not in str(caught.value)
    with pytest.raises(TMDBUsageError, match=r"^redis_url / budget_key: .*key"):
        _job(tmp_path, redis_url="redis://127.0.0.1:6379/0", budget_key=" ")


def test_a_shard_shares_tmdbs_20_connections_with_the_other_worker_threads(
    tmp_path: Path,
) -> None:
    from tmdb_async.dask import _concurrency

    job = _job(tmp_path)
    assert job.concurrency is None
    assert [_concurrency(job, threads) for threads in (1, 3, 4, 20, 64)] == [20, 6, 5, 1, 1]
    assert _concurrency(_job(tmp_path, concurrency=8), 4) == 8


# --------------------------------------------------------------------------- sharding


def test_shards_are_sorted_deduplicated_slices_with_stable_numbers() -> None:
    ids = [9, 3, 7, 1, 3, 12, 5, 9]
    shards = plan_shards(ids, 2)
    assert shards == [(1, 3), (5, 7), (9, 12)]
    assert plan_shards(reversed(ids), 2) == shards  # the order of the input does not matter
    assert plan_shards(iter([4]), 10) == [(4,)]
    assert plan_shards([], 10) == []


@pytest.mark.parametrize("bad", [0, -3, "7", True, 2.0])
def test_a_bad_id_is_a_usage_error(bad: object) -> None:
    with pytest.raises(TMDBUsageError, match=r"^ids must be (an int, not|1 or more, got)"):
        plan_shards([1, bad], 10)  # type: ignore[list-item]


def test_a_bad_shard_size_is_a_usage_error() -> None:
    with pytest.raises(TMDBUsageError, match=r"^shard_size must be 1 or more, got 0$"):
        plan_shards([1], 0)


def test_shard_paths_name_the_kind_and_a_zero_padded_number(tmp_path: Path) -> None:
    assert shard_paths(tmp_path, "tv", 7) == (
        tmp_path / "tv-shard-00007.jsonl",
        tmp_path / "tv-shard-00007.errors.jsonl",
    )


# --------------------------------------------------------------------------- atomic writes


def test_the_atomic_writer_moves_a_complete_file_into_place(tmp_path: Path) -> None:
    final = tmp_path / "a.jsonl"
    with atomic_text_file(final) as handle:
        handle.write("one\n")
        assert not final.exists()  # nothing visible before the end
        assert len(list(tmp_path.glob(".a.jsonl.*.tmp"))) == 1
    assert final.read_text() == "one\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl"]


def test_an_exception_in_the_block_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    final = tmp_path / "a.jsonl"
    final.write_text("old\n")

    def write_and_fail() -> None:
        with atomic_text_file(final) as handle:
            handle.write("new, half written")
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        write_and_fail()
    assert final.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl"]


def test_a_crash_between_the_write_and_the_move_leaves_no_final_file(tmp_path: Path) -> None:
    final = tmp_path / "shard.jsonl"
    script = textwrap.dedent(
        f"""
        import os
        from pathlib import Path
        from tmdb_async.dask import atomic_text_file

        with atomic_text_file(Path({str(final)!r})) as handle:
            handle.write('{{"id": 1}}\\n')
            handle.flush()
            os._exit(9)  # the process dies before the file is moved into place
        """
    )
    done = subprocess.run([sys.executable, "-c", script], timeout=60, check=False)
    assert done.returncode == 9
    assert not final.exists()
    leftovers = list(tmp_path.glob(".shard.jsonl.*.tmp"))
    assert len(leftovers) == 1
    assert leftovers[0].read_text() == '{"id": 1}\n'


def test_a_shard_whose_file_exists_is_not_fetched_or_written_again(tmp_path: Path) -> None:
    # base_url is a closed port: a fetch would fail, so success proves nothing was fetched.
    job = _job(tmp_path)
    results, errors = shard_paths(tmp_path, "movie", 3)
    results.write_text('{"id":5}\n{"id":6}\n')
    errors.write_text(
        '{"id":7,"error":{"type":"ResourceNotFoundError","http_status":404}}\n'
        '{"id":8,"error":{"type":"ResponseValidationError","message":"bad"}}\n'
    )
    before = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in tmp_path.iterdir()}
    result = run_shard(job, 3, (5, 6, 7, 8), threads=1)
    assert result == ShardResult(3, 4, succeeded=2, not_found=1, failed=1, skipped=True)
    after = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in tmp_path.iterdir()}
    assert after == before


# --------------------------------------------------------------------------- one shard


def test_a_shard_writes_its_results_and_its_failures(
    tmp_path: Path, sandbox_process: SandboxProcess
) -> None:
    job = _job(tmp_path, sandbox_process, language="de-DE")
    missing = 900_007 if 900_007 not in Catalogue.real_ids("movie") else 900_011
    result = run_shard(job, 0, (1, 2, 550, missing), threads=2)
    assert result == ShardResult(0, 4, succeeded=3, not_found=1, failed=0, skipped=False)
    results, errors = shard_paths(tmp_path, "movie", 0)
    records = {r["id"]: r for r in _lines(results)}
    assert sorted(records) == [1, 2, 550]  # type: ignore[type-var]
    assert records[550]["title"] == "Fight Club"
    assert _lines(errors) == [
        {
            "id": missing,
            "error": {
                "type": "ResourceNotFoundError",
                "message": _lines(errors)[0]["error"]["message"],  # type: ignore[index]
                "http_status": 404,
                "tmdb_code": 34,
            },
        }
    ]
    assert sandbox_process.access_token not in errors.read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == [errors.name, results.name]


def test_a_shard_that_cannot_reach_tmdb_fails_and_writes_nothing(tmp_path: Path) -> None:
    job = _job(tmp_path)  # a closed port: connection refused, after the client's retries
    with pytest.raises(ShardFailedError, match="shard 2 of movie stopped at id 4") as caught:
        run_shard(job, 2, (4,), threads=1)
    assert "TMDBConnectionError" in str(caught.value)
    assert TOKEN not in str(caught.value)
    assert list(tmp_path.iterdir()) == []
    # Dask sends the exception back to the client: it pickles.
    assert str(pickle.loads(pickle.dumps(caught.value))) == str(caught.value)


# --------------------------------------------------------------------------- the ids


def test_the_ids_come_from_the_daily_export(
    tmp_path: Path, sandbox_process: SandboxProcess
) -> None:
    job = _job(tmp_path, sandbox_process, exports_url=f"{sandbox_process.base_url}/p/exports")
    ids = asyncio.run(load_ids(job))
    assert ids == list(Catalogue(movie_count=MOVIES).ids("movie"))


def test_the_ids_come_from_a_file_of_ids_or_an_export_file(
    tmp_path: Path, sandbox_process: SandboxProcess
) -> None:
    plain = tmp_path / "ids.txt"
    plain.write_text("# wanted\n11\n\n550\n11\n")
    assert asyncio.run(load_ids(_job(tmp_path, sandbox_process, ids_file=str(plain)))) == [
        11,
        550,
        11,
    ]
    export = tmp_path / "movie_ids_05_15_2024.json.gz"
    with gzip.open(export, "wt") as handle:
        handle.write('{"adult":false,"id":550,"original_title":"Fight Club"}\n{"id":13}\n')
    job = _job(tmp_path, sandbox_process, ids_file=str(export))
    assert asyncio.run(load_ids(job)) == [550, 13]
    bad = tmp_path / "bad.txt"
    bad.write_text("11\neleven\n")
    with pytest.raises(TMDBUsageError, match="not an id: 'eleven'"):
        asyncio.run(load_ids(_job(tmp_path, sandbox_process, ids_file=str(bad))))


def test_a_refused_credential_stops_the_job_before_any_shard(
    tmp_path: Path, sandbox_process: SandboxProcess
) -> None:
    job = _job(tmp_path, sandbox_process, access_token=None, api_key=API_KEY, ids=[1])
    with pytest.raises(TMDBUsageError, match="refused the job's credential"):
        asyncio.run(load_ids(job))
    assert os.listdir(tmp_path) == []


def test_the_module_imports_neither_dask_nor_distributed() -> None:
    code = (
        "import sys, tmdb_async, tmdb_async.dask, tmdb_async.cli.fetch; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "[]"
