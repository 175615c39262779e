"""``tmdb-async fetch``: fetch many movies, TV series or people to a JSON-lines file.

::

    tmdb-async fetch movie --ids 1-5000 --out movies.jsonl
    tmdb-async fetch tv --ids 1-100,1396 --out tv.jsonl --concurrency 10
    tmdb-async fetch movie --ids-file movie_ids_05_15_2024.json.gz --out all.jsonl
    tmdb-async fetch movie --from-export --out all.jsonl      # today's daily id export
    tmdb-async fetch movie --ids 11,550 --out - | jq .title     # to standard output
    tmdb-async fetch movie --from-export --out movies/ --dask tcp://scheduler:8786 \
        --redis redis://redis:6379/0 --shard-size 1000                 # on a Dask cluster

Each line of the output is one result: the model as JSON (``converter.unstructure``), or,
for an id that failed, ``{"id": ..., "error": {"type": ..., "http_status": ...,
"tmdb_code": ..., "message": ...}}``. Every id appears once. Run the same command again to
resume: ids already in the output (as a result or as an error) are skipped;
``--retry-errors`` removes the error lines (except "not found") and fetches those ids
again. ``--out -`` writes to standard output (no resume).

``--dask SCHEDULER`` runs the fetch as a catalogue job on a Dask cluster
(:mod:`tmdb_async.dask`, ``pip install tmdb-async[dask]``): ``--out`` is then a folder of
shard files (``movie-shard-00007.jsonl`` and ``.errors.jsonl``), ``--concurrency`` is per
shard, ``--rate-limit`` is the whole cluster's budget, shared through ``--redis``.

Exit codes: 0 when every id was fetched or TMDB said it does not exist (404); 1 when some
ids failed otherwise (their error lines are in the output); 2 for bad usage (arguments,
unreadable or unwritable files, no credential); 3 when the run stopped early because TMDB
refused the application credential (401, code 7 or 10) or could not be reached: nothing
more could succeed, and the ids not yet done are simply not in the file (run again to go
on). Before the first id, one ``GET /3/authentication`` checks the credential and the host.

A progress bar (tqdm: count, rate, time left, ok / errors) goes to standard error when it
is a terminal; a one-line summary always does. The credential comes from
``TMDB_ACCESS_TOKEN`` (or ``TMDB_API_KEY``); ``--base-url`` points at another host (the
sandbox, say).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any, TextIO

from .._client import DEFAULT_BASE_URL, TMDBClient
from .._jsonlines import error_record, json_line
from .._ratelimit import RateLimit
from ..batch import BatchResult, run_batch
from ..errors import ResponseValidationError, TMDBAPIError, TMDBError
from ..exports import EXPORTS_BASE_URL, ExportKind, export_ids, read_export_file
from ._common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_STOPPED,
    CliError,
    app_credential_refused,
    credentials,
    describe,
    guard,
    unreachable,
)
from ._progress import Progress

__all__ = ["UsageProblem", "parse_ids", "read_done", "register", "run"]

# What can be fetched: the client's namespace for it, and the export kind of its ids.
_KINDS: dict[str, tuple[str, ExportKind]] = {
    "movie": ("movies", "movie"),
    "tv": ("tv", "tv_series"),
    "person": ("people", "person"),
}
_FLUSH_EVERY = 200
_CONCURRENCY = 20  # requests in flight by default: TMDB's connections per address


class UsageProblem(CliError):
    """Bad command-line input (exit code 2)."""


# --------------------------------------------------------------------------- ids


def parse_ids(spec: str) -> list[range]:
    """Parse ``"1-5000"`` / ``"3,7,10-20"`` into sorted, merged, non-empty ranges."""
    ranges: list[tuple[int, int]] = []
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        low_text, dash, high_text = part.partition("-")
        try:
            low = int(low_text)
            high = int(high_text) if dash else low
        except ValueError:
            raise UsageProblem(f"bad id or range {part!r} in --ids (use e.g. 1-5000,7)") from None
        if low < 1 or high < low:
            raise UsageProblem(f"bad range {part!r} in --ids: ids are >= 1, low <= high")
        ranges.append((low, high))
    if not ranges:
        raise UsageProblem("--ids names no ids")
    ranges.sort()
    merged: list[list[int]] = []
    for low, high in ranges:
        if merged and low <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], high)
        else:
            merged.append([low, high])
    return [range(low, high + 1) for low, high in merged]


def _ids_from_file(path: Path) -> Iterator[int]:
    """Ids from a daily export file (``.json.gz`` / JSON lines) or a plain list, one a line.

    Any problem with the file (unreadable, not gzip, cut short, a bad line) is a
    :class:`UsageProblem` naming the file.
    """
    try:
        yield from _read_ids(path)
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise UsageProblem(f"--ids-file {path}: {reason or type(exc).__name__}") from None
    except ResponseValidationError as exc:
        raise UsageProblem(f"--ids-file {path}: {'; '.join(exc.errors)}") from None


def _read_ids(path: Path) -> Iterator[int]:
    with path.open("rb") as handle:
        head = handle.read(64).lstrip()
    if head.startswith((b"\x1f\x8b", b"{")):
        for entry in read_export_file(path):
            yield entry.id
        return
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            text = line.strip()
            if not text or text.startswith("#"):
                continue
            if not text.isdigit() or int(text) < 1:
                raise UsageProblem(f"{path.name} line {number}: not an id: {text[:40]!r}")
            yield int(text)


# --------------------------------------------------------------------------- resume


def _not_found(error: object) -> bool:
    """An error record (or exception) saying the id does not exist at TMDB (HTTP 404)."""
    if isinstance(error, TMDBAPIError):
        return error.http_status == 404
    return isinstance(error, dict) and error.get("http_status") == 404


def read_done(path: Path, *, retry_errors: bool = False) -> set[int]:
    """The ids the output file already holds.

    A last line cut short by a crash is removed from the file, so appending stays valid.
    With ``retry_errors``, error lines (other than "not found", HTTP 404) are removed from
    the file too and their ids are not counted as done: fetched again, each id still
    appears once.
    """
    done: set[int] = set()
    if not path.exists():
        return done
    if retry_errors:
        return _drop_errors(path)
    with path.open("rb+") as handle:
        good_end = 0
        for line in handle:
            if not line.endswith(b"\n"):
                break  # a torn last line
            good_end += len(line)
            ident, _ = _parse_line(line)
            if ident is not None:
                done.add(ident)
        handle.seek(0, os.SEEK_END)
        if handle.tell() != good_end:
            handle.truncate(good_end)
    return done


def _parse_line(line: bytes) -> tuple[int | None, object]:
    """The id of an output line (``None`` when it has none) and its error, if any."""
    try:
        record = json.loads(line)
    except ValueError:
        return None, None
    if not isinstance(record, dict):
        return None, None
    ident = record.get("id")
    if isinstance(ident, bool) or not isinstance(ident, int):
        return None, None
    return ident, record.get("error")


def _drop_errors(path: Path) -> set[int]:
    """Rewrite ``path`` without its retryable error lines (and a torn last line)."""
    done: set[int] = set()
    temp = path.with_name(f".{path.name}.{os.getpid()}.retry")
    try:
        with path.open("rb") as src, temp.open("wb") as dst:
            for line in src:
                if not line.endswith(b"\n"):
                    break
                ident, error = _parse_line(line)
                if ident is not None and error is not None and not _not_found(error):
                    continue
                if ident is not None:
                    done.add(ident)
                dst.write(line)
        os.chmod(temp, path.stat().st_mode & 0o7777)
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)
    return done


# --------------------------------------------------------------------------- the command


def _client(args: argparse.Namespace, env: Mapping[str, str]) -> TMDBClient:
    access_token, api_key = credentials(env)
    rate_limit = None if args.rate_limit <= 0 else RateLimit(args.rate_limit)
    return TMDBClient(
        access_token=access_token,
        api_key=api_key,
        base_url=args.base_url or env.get("TMDB_BASE_URL") or DEFAULT_BASE_URL,
        language=args.language,
        max_connections=max(args.concurrency or _CONCURRENCY, 1),
        rate_limit=rate_limit,
    )


async def run(
    args: argparse.Namespace,
    *,
    env: Mapping[str, str] | None = None,
    stderr: TextIO | None = None,
    stdout: TextIO | None = None,
) -> int:
    """The ``fetch`` command; returns the exit code (see the module's docstring)."""
    err = stderr if stderr is not None else sys.stderr
    out = stdout if stdout is not None else sys.stdout
    env = os.environ if env is None else env
    return await guard(_run(args, env, err, out), err)


def _open_output(args: argparse.Namespace, stdout: TextIO) -> tuple[IO[str], set[int], str]:
    """The stream to write to, the ids already done, and how to name it in messages."""
    if args.out == "-":
        if args.retry_errors:
            raise UsageProblem("--retry-errors needs an output file to read (not --out -)")
        return stdout, set(), "standard output"
    path = Path(args.out)
    try:
        done = read_done(path, retry_errors=args.retry_errors)
        handle = path.open("a", encoding="utf-8")
    except OSError as exc:
        raise UsageProblem(f"--out {path}: {exc.strerror or type(exc).__name__}") from None
    return handle, done, path.name


async def _run(
    args: argparse.Namespace, env: Mapping[str, str], err: TextIO, stdout: TextIO
) -> int:
    if args.concurrency is not None and args.concurrency < 1:
        raise UsageProblem("--concurrency must be at least 1")
    ranges = parse_ids(args.ids) if args.ids is not None else None
    ids_file = Path(args.ids_file) if args.ids_file is not None else None
    if ids_file is not None and not ids_file.is_file():
        raise UsageProblem(f"--ids-file {ids_file}: no such file")
    day = None
    if args.from_export is not None and args.from_export != "latest":
        try:
            day = dt.date.fromisoformat(args.from_export)
        except ValueError:
            raise UsageProblem("--from-export takes a date like 2024-05-15") from None
    if args.dask is not None:
        from ._dask_fetch import run_on_dask

        ids = [i for r in ranges for i in r] if ranges is not None else None
        return await run_on_dask(args, env, ids, err)
    client = _client(args, env)  # checks the credential's presence and shape first
    out, done, out_name = _open_output(args, stdout)
    try:
        async with client as tmdb:
            return await _fetch_all(args, tmdb, ranges, ids_file, day, done, out, out_name, err)
    finally:
        if out is not stdout:
            out.close()
        else:
            out.flush()


async def _fetch_all(
    args: argparse.Namespace,
    tmdb: TMDBClient,
    ranges: list[range] | None,
    ids_file: Path | None,
    day: dt.date | None,
    done: set[int],
    out: IO[str],
    out_name: str,
    err: TextIO,
) -> int:
    namespace, export_kind = _KINDS[args.kind]
    # One request first: a refused credential or an unreachable host stops here, before
    # thousands of ids each fail the same way.
    if not await tmdb.auth.validate_key():
        raise CliError(
            "TMDB refused the application credential (HTTP 401, code 7); check "
            "TMDB_ACCESS_TOKEN / TMDB_API_KEY",
            EXIT_STOPPED,
        )
    total: int | None = None
    keys: Iterable[int] | AsyncIterator[int]
    if ranges is not None:
        total = sum(len(r) for r in ranges) - sum(1 for i in done if any(i in r for r in ranges))
        keys = (i for r in ranges for i in r if i not in done)
    elif ids_file is not None:
        keys = _once(_ids_from_file(ids_file), done)
    else:
        keys = _skip(export_ids(tmdb, export_kind, day, base_url=args.exports_url), done)
    fetch: Callable[[int], Awaitable[Any]] = getattr(tmdb, namespace).details
    bar = Progress(err, total=total, unit=args.kind, enabled=not args.no_progress)
    skipped = len(done)
    ok = missing = failed = 0
    stop: Exception | None = None

    try:
        concurrency = args.concurrency or _CONCURRENCY
        async with run_batch(fetch, keys, concurrency=concurrency, total=total) as batch:
            async for item in batch:
                if item.error is not None and (
                    app_credential_refused(item.error) or unreachable(item.error)
                ):
                    stop = item.error  # not written: the id is not done, a rerun fetches it
                    break
                _write(out, item, tmdb)
                if item.error is None:
                    ok += 1
                elif _not_found(item.error):
                    missing += 1
                else:
                    failed += 1
                bar.update(ok + missing + failed, ok=ok, not_found=missing, errors=failed)
                if (ok + missing + failed) % _FLUSH_EVERY == 0:
                    out.flush()
    finally:
        bar.close()
        out.flush()
    where = f"{skipped} already in {out_name}" if args.out != "-" else "to standard output"
    print(
        f"fetched {ok + missing + failed} {args.kind} ids: {ok} ok, {missing} not found, "
        f"{failed} errors ({where})",
        file=err,
        flush=True,
    )
    if stop is not None:
        assert isinstance(stop, TMDBError)
        message, _ = describe(stop)
        raise CliError(
            f"{message}; stopped early (run the same command again to go on)", EXIT_STOPPED
        )
    return EXIT_FAILED if failed else EXIT_OK


async def _skip(ids: AsyncIterator[int], done: set[int]) -> AsyncIterator[int]:
    async for ident in ids:
        if ident not in done:
            done.add(ident)
            yield ident


def _once(ids: Iterator[int], done: set[int]) -> Iterator[int]:
    """Each id not yet done, once (a file may list an id twice)."""
    for ident in ids:
        if ident not in done:
            done.add(ident)
            yield ident


def _write(out: IO[str], item: BatchResult[int, Any], tmdb: TMDBClient) -> None:
    if item.error is None:
        record = tmdb.converter.unstructure(item.value)
    else:
        record = error_record(item.key, item.error)
    out.write(json_line(record))


def register(subparsers: Any) -> None:
    """Add ``fetch`` to the ``tmdb-async`` parser."""
    parser = subparsers.add_parser(
        "fetch",
        help="fetch many movies / TV series / people to a JSON-lines file (resumable)",
        description=(
            "Fetch details for many ids, concurrently and within TMDB's rate limit, to a "
            "JSON-lines file: one model per line, or an error line for an id that failed. "
            "Ids already in the file are skipped, so running it again resumes. Credentials: "
            "TMDB_ACCESS_TOKEN or TMDB_API_KEY. Exit codes: 0 all fetched (or not found), 1 "
            "some ids failed, 2 usage, 3 stopped early (credential refused, TMDB unreachable)."
        ),
    )
    parser.add_argument("kind", choices=sorted(_KINDS), help="what to fetch")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--ids", help="ids and ranges, e.g. 1-5000 or 11,550,600-700")
    source.add_argument(
        "--ids-file", help="a daily export file (.json.gz) or a text file of ids, one a line"
    )
    source.add_argument(
        "--from-export",
        nargs="?",
        const="latest",
        metavar="YYYY-MM-DD",
        help="stream the ids from TMDB's daily id export (default: the latest)",
    )
    parser.add_argument(
        "--out",
        required=True,
        help="the JSON-lines file to append to (resumable), or - for standard output",
    )
    parser.add_argument(
        "--concurrency",
        type=int,
        help="requests in flight (default 20; with --dask, per shard, default 20 / the "
        "cluster's worker threads)",
    )
    parser.add_argument(
        "--rate-limit",
        type=float,
        default=40.0,
        help="requests per second (default 40; 0 for no client-side limit)",
    )
    parser.add_argument("--language", help="language of the results, e.g. de-DE")
    parser.add_argument(
        "--base-url",
        help=f"API host without a version (default: $TMDB_BASE_URL or {DEFAULT_BASE_URL})",
    )
    parser.add_argument(
        "--exports-url", default=EXPORTS_BASE_URL, help="where the daily id exports are"
    )
    parser.add_argument(
        "--retry-errors",
        action="store_true",
        help="fetch again the ids whose earlier attempt failed (their error lines are "
        "replaced; not-found ids are not retried)",
    )
    parser.add_argument(
        "--dask",
        metavar="SCHEDULER",
        help="run on this Dask scheduler (tcp://host:8786), one task per shard; --out is then "
        "a folder of shard files and --concurrency is per shard (needs tmdb-async[dask])",
    )
    parser.add_argument(
        "--shard-size", type=int, default=1000, help="with --dask: ids per shard (1000)"
    )
    parser.add_argument(
        "--redis",
        metavar="URL",
        help="with --dask: share --rate-limit through this Redis (else each worker thread "
        "gets an equal share)",
    )
    parser.add_argument(
        "--no-progress",
        action="store_true",
        help="no progress bar (it is shown only when standard error is a terminal)",
    )
    parser.set_defaults(func=run)
