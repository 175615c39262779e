"""Fetch a whole catalogue on a Dask cluster, one shard per task, the budget shared in Redis.

Usage::

    pip install "tmdb-async[dask]"
    python examples/catalogue_on_dask.py --out /tmp/movies --limit 300
    python examples/catalogue_on_dask.py --out /tmp/movies --redis redis://127.0.0.1:6379/0
    TMDB_ACCESS_TOKEN=eyJ... python examples/catalogue_on_dask.py --tmdb \\
        --scheduler tcp://scheduler:8786 --redis redis://redis:6379/0 --out /data/movies

By default it starts the embedded sandbox (a local fake TMDB, with TMDB's rate limit on)
and a LocalCluster of ``--workers`` processes, and fetches the movies of the sandbox's
daily id export. ``--tmdb`` talks to TMDB instead (``TMDB_ACCESS_TOKEN`` or
``TMDB_API_KEY``, as :meth:`TMDBClient.from_env` reads them, on every worker too);
``--scheduler`` uses a running cluster. ``--redis`` (or ``REDIS_URL``) shares the rate
budget through Redis; without it each worker thread gets an equal share of ``--rate``.
Run the same command again and it resumes: shards already written are skipped.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import sys
import threading
from collections.abc import Iterator, Sequence

import attrs

from tmdb_async import TMDBError
from tmdb_async.dask import CatalogueJob, JobSummary, load_ids, run_catalogue_job
from tmdb_async.testing import Sandbox, SandboxRateLimit


@contextlib.contextmanager
def sandbox_in_a_thread(movies: int, rate_limit: int) -> Iterator[Sandbox]:
    """The sandbox served by an event loop of its own thread, so that the blocking Dask
    calls of this process do not stop it; the workers reach it over HTTP."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, name="sandbox", daemon=True)
    thread.start()
    sandbox = Sandbox(
        movie_count=movies, rate_limit=SandboxRateLimit(requests_per_second=rate_limit)
    )
    try:
        asyncio.run_coroutine_threadsafe(sandbox.start(), loop).result(30)
        yield sandbox
    finally:
        asyncio.run_coroutine_threadsafe(sandbox.close(), loop).result(30)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(30)
        loop.close()


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", required=True, help="the folder of the shard files")
    parser.add_argument("--kind", choices=("movie", "tv", "person"), default="movie")
    parser.add_argument("--scheduler", help="a running Dask scheduler (default: a LocalCluster)")
    parser.add_argument("--workers", type=int, default=3, help="LocalCluster worker processes")
    parser.add_argument("--redis", default=os.environ.get("REDIS_URL"), help="shared budget")
    parser.add_argument("--rate", type=float, default=40.0, help="requests/s for all workers")
    parser.add_argument("--shard-size", type=int, default=100, help="ids per shard (task)")
    parser.add_argument("--limit", type=int, help="only the first N ids of the export")
    parser.add_argument("--tmdb", action="store_true", help="TMDB itself, not the sandbox")
    parser.add_argument("--movies", type=int, default=200, help="the sandbox's filler movies")
    return parser.parse_args(argv)


def run(args: argparse.Namespace, job: CatalogueJob) -> JobSummary:
    """Run ``job`` on the cluster the arguments name (a LocalCluster by default)."""
    from distributed import Client, LocalCluster

    if args.limit is not None:  # read the export once here, keep the first ids
        job = attrs.evolve(job, ids=asyncio.run(load_ids(job))[: args.limit])
    if args.scheduler:
        with Client(args.scheduler) as client:
            return run_catalogue_job(client, job)
    with (
        LocalCluster(
            n_workers=args.workers,
            threads_per_worker=1,
            dashboard_address=":0",
            worker_dashboard_address=":0",
        ) as cluster,
        Client(cluster) as client,
    ):
        return run_catalogue_job(client, job)


def main(argv: Sequence[str] | None = None) -> JobSummary:
    """Run the job the command line describes; print and return its summary."""
    args = parse_args(argv)
    job = CatalogueJob(
        kind=args.kind,
        out_dir=args.out,
        shard_size=args.shard_size,
        redis_url=args.redis,
        rate=args.rate,
    )
    if args.tmdb:
        summary = run(args, job)
    else:
        # The sandbox limits requests as TMDB does (per client address): 25% above the job.
        with sandbox_in_a_thread(args.movies, int(args.rate * 1.25)) as sandbox:
            job = attrs.evolve(
                job,
                access_token=sandbox.access_token,
                base_url=sandbox.base_url,
                exports_url=f"{sandbox.base_url}/p/exports",
            )
            summary = run(args, job)
    print(summary)
    print(f"results in {args.out}/{args.kind}-shard-*.jsonl, failures in *.errors.jsonl")
    return summary


if __name__ == "__main__":
    try:
        main()
    except TMDBError as exc:
        sys.exit(f"error: {exc}")
