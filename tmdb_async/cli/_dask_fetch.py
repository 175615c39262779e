"""``tmdb-async fetch ... --dask SCHEDULER``: the same fetch as a catalogue job on a Dask
cluster (:mod:`tmdb_async.dask`), one task per shard, results in a folder of shard files."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

from ..dask import CatalogueJob, JobSummary, run_catalogue_job
from ._common import EXIT_FAILED, EXIT_OK, CliError, credentials

__all__ = ["run_on_dask"]


def _job(args: argparse.Namespace, env: Mapping[str, str], ids: list[int] | None) -> CatalogueJob:
    if args.out == "-" or args.retry_errors:
        raise CliError("with --dask, --out is a folder of shard files (no -, no --retry-errors)")
    if args.rate_limit <= 0:
        raise CliError("with --dask, --rate-limit is the whole cluster's budget: give one > 0")
    day = None
    if args.from_export not in (None, "latest"):
        day = dt.date.fromisoformat(args.from_export)  # checked by the caller
    access_token, api_key = credentials(env)  # sent to the workers, never shown in a repr
    return CatalogueJob(
        kind=args.kind,
        out_dir=Path(args.out),
        ids=ids,
        ids_file=args.ids_file,
        export_date=day,
        exports_url=args.exports_url,
        shard_size=args.shard_size,
        concurrency=args.concurrency,
        access_token=access_token,
        api_key=api_key,
        base_url=args.base_url or env.get("TMDB_BASE_URL") or None,
        language=args.language,
        redis_url=args.redis,
        rate=args.rate_limit,
    )


def _run(address: str, job: CatalogueJob) -> JobSummary:
    from distributed import Client

    with Client(address, timeout="30s") as client:
        return run_catalogue_job(client, job)


async def run_on_dask(
    args: argparse.Namespace, env: Mapping[str, str], ids: list[int] | None, err: TextIO
) -> int:
    """Run the fetch on the Dask scheduler ``args.dask``; returns the exit code."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise CliError("--dask needs Dask's distributed: pip install 'tmdb-async[dask]'") from None
    job = _job(args, env, ids)
    # run_catalogue_job blocks (and runs a short event loop of its own): off this loop.
    summary = await asyncio.to_thread(_run, args.dask, job)
    print(f"fetched {summary} (shard files in {args.out})", file=err, flush=True)
    return EXIT_FAILED if summary.failed else EXIT_OK
