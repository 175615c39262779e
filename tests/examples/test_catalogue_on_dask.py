"""examples/catalogue_on_dask.py runs end to end: its own sandbox and LocalCluster, the
budget shared through a real redis-server (resuming is tested in tests/dask)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from tmdb_async.testing import Catalogue

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "catalogue_on_dask.py"


def _example() -> ModuleType:
    spec = importlib.util.spec_from_file_location("example_catalogue_on_dask", EXAMPLE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_example_fetches_the_first_ids_of_the_export(
    tmp_path: Path, redis_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "movies"
    argv = ["--out", str(out), "--redis", redis_url, "--workers", "2"]
    argv += ["--shard-size", "20", "--limit", "50", "--movies", "40"]
    summary = _example().main(argv)
    # The sandbox's export: fillers 1-40, then TMDB's real movies above 40.
    expected = list(Catalogue(movie_count=40).ids("movie"))[:50]
    assert (summary.ids, summary.succeeded, summary.not_found, summary.failed) == (50, 50, 0, 0)
    fetched = [
        json.loads(line)["id"]
        for index in range(3)
        for line in (out / f"movie-shard-{index:05d}.jsonl").read_text().splitlines()
    ]
    assert sorted(fetched) == sorted(expected)
    assert sorted(p.name for p in out.glob("*.jsonl")) == [
        f"movie-shard-{i:05d}{suffix}" for i in range(3) for suffix in (".errors.jsonl", ".jsonl")
    ]
    printed = capsys.readouterr().out
    assert "50 ids in 3 shards (0 already done): 50 ok, 0 not found, 0 failed" in printed
