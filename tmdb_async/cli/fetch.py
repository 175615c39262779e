"""``tmdb-async fetch``: fetch many movies, TV series or people to a JSON-lines file.

::

    tmdb-async fetch movie --ids 1-5000 --out movies.jsonl
    tmdb-async fetch tv --ids 1-100,1396 --out tv.jsonl --concurrency 10
    tmdb-async fetch movie --ids-file movie_ids_05_15_2024.json.gz --out all.jsonl
    tmdb-async fetch movie --from-export --out all.jsonl      # today's daily id export

Each line of the output is one result: the model as JSON (``converter.unstructure``), or,
for an id that failed, ``{"id": ..., "error": {"type": ..., "http_status": ...,
"tmdb_code": ..., "message": ...}}``. Run the same command again to resume: ids already in
the output (as a result or as an error) are skipped; ``--retry-errors`` fetches the
failed ones again. A progress bar goes to stderr. The credential comes from
``TMDB_ACCESS_TOKEN`` (or ``TMDB_API_KEY``); ``--base-url`` points at another host (the
sandbox, say).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any, TextIO

from .._client import DEFAULT_BASE_URL, TMDBClient
from .._ratelimit import RateLimit
from ..batch import BatchProgress, BatchResult, run_batch
from ..errors import TMDBAPIError
from ..exports import EXPORTS_BASE_URL, ExportKind, export_ids, read_export_file

__all__ = ["parse_ids", "read_done", "register", "run"]

# What can be fetched: the client's namespace for it, and the export kind of its ids.
_KINDS: dict[str, tuple[str, ExportKind]] = {
    "movie": ("movies", "movie"),
    "tv": ("tv", "tv_series"),
    "person": ("people", "person"),
}
_FLUSH_EVERY = 200


class UsageProblem(Exception):
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
    """Ids from a daily export file (``.json.gz`` / JSON lines) or a plain list, one a line."""
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


def read_done(path: Path, *, retry_errors: bool = False) -> set[int]:
    """The ids the output file already holds (results, and errors unless ``retry_errors``).

    A last line cut short by a crash is removed from the file, so appending stays valid.
    """
    done: set[int] = set()
    if not path.exists():
        return done
    with path.open("rb+") as handle:
        good_end = 0
        for line in handle:
            if not line.endswith(b"\n"):
                break  # a torn last line
            good_end += len(line)
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if not isinstance(record, dict):
                continue
            ident = record.get("id")
            if isinstance(ident, bool) or not isinstance(ident, int):
                continue
            if retry_errors and "error" in record:
                continue
            done.add(ident)
        handle.seek(0, os.SEEK_END)
        if handle.tell() != good_end:
            handle.truncate(good_end)
    return done


# --------------------------------------------------------------------------- output


def _error_record(key: int, error: Exception) -> dict[str, Any]:
    info: dict[str, Any] = {"type": type(error).__name__, "message": str(error)}
    if isinstance(error, TMDBAPIError):
        info["http_status"] = error.http_status
        info["tmdb_code"] = error.tmdb_code
    return {"id": key, "error": info}


class ProgressBar:
    """A one-line progress bar on a terminal; occasional plain lines elsewhere."""

    def __init__(self, out: TextIO, *, enabled: bool, skipped: int) -> None:
        self.out = out
        self.enabled = enabled
        self.tty = bool(getattr(out, "isatty", lambda: False)())
        self.skipped = skipped
        self._last = 0.0

    def __call__(self, p: BatchProgress) -> None:
        now = time.monotonic()
        final = p.total is not None and p.done == p.total
        if not self.enabled or (now - self._last < (0.1 if self.tty else 5.0) and not final):
            return
        self._last = now
        if p.total:
            filled = int(30 * p.done / p.total)
            bar = "#" * filled + "-" * (30 - filled)
            head = f"[{bar}] {p.done}/{p.total}"
        else:
            head = f"{p.done} done"
        line = f"{head}  ok {p.succeeded}  errors {p.failed}  {p.rate:.0f}/s"
        if self.tty:
            self.out.write("\r" + line)
        else:
            self.out.write(line + "\n")
        self.out.flush()

    def finish(self) -> None:
        if self.enabled and self.tty:
            self.out.write("\n")
            self.out.flush()


# --------------------------------------------------------------------------- the command


def _client(args: argparse.Namespace, env: Mapping[str, str]) -> TMDBClient:
    access_token = env.get("TMDB_ACCESS_TOKEN") or None
    api_key = None if access_token else (env.get("TMDB_API_KEY") or None)
    if access_token is None and api_key is None:
        raise UsageProblem("set TMDB_ACCESS_TOKEN (or TMDB_API_KEY) in the environment")
    rate_limit = None if args.rate_limit <= 0 else RateLimit(args.rate_limit)
    return TMDBClient(
        access_token=access_token,
        api_key=api_key,
        base_url=args.base_url or env.get("TMDB_BASE_URL") or DEFAULT_BASE_URL,
        language=args.language,
        max_connections=max(args.concurrency, 1),
        rate_limit=rate_limit,
    )


async def run(
    args: argparse.Namespace,
    *,
    env: Mapping[str, str] | None = None,
    stderr: TextIO | None = None,
) -> int:
    """The ``fetch`` command; returns the exit code (0: the job ran through)."""
    err = stderr if stderr is not None else sys.stderr
    env = os.environ if env is None else env
    try:
        return await _run(args, env, err)
    except UsageProblem as exc:
        print(f"error: {exc}", file=err)
        return 2


async def _run(args: argparse.Namespace, env: Mapping[str, str], err: TextIO) -> int:
    if args.concurrency < 1:
        raise UsageProblem("--concurrency must be at least 1")
    out_path = Path(args.out)
    done = read_done(out_path, retry_errors=args.retry_errors)
    namespace, export_kind = _KINDS[args.kind]
    total: int | None = None
    keys: Iterable[int] | AsyncIterator[int]
    async with _client(args, env) as tmdb:
        if args.ids is not None:
            ranges = parse_ids(args.ids)
            total = sum(len(r) for r in ranges) - sum(
                1 for i in done if any(i in r for r in ranges)
            )
            keys = (i for r in ranges for i in r if i not in done)
        elif args.ids_file is not None:
            keys = (i for i in _ids_from_file(Path(args.ids_file)) if i not in done)
        else:
            day = None
            if args.from_export != "latest":
                try:
                    day = dt.date.fromisoformat(args.from_export)
                except ValueError:
                    raise UsageProblem("--from-export takes a date like 2024-05-15") from None
            keys = _skip(export_ids(tmdb, export_kind, day, base_url=args.exports_url), done)
        fetch: Callable[[int], Awaitable[Any]] = getattr(tmdb, namespace).details
        bar = ProgressBar(err, enabled=not args.no_progress, skipped=len(done))
        ok = failed = 0
        with _append_to(out_path) as out:
            async with run_batch(
                fetch, keys, concurrency=args.concurrency, on_progress=bar, total=total
            ) as batch:
                async for item in batch:
                    _write(out, item, tmdb)
                    if item.ok:
                        ok += 1
                    else:
                        failed += 1
                    if (ok + failed) % _FLUSH_EVERY == 0:
                        out.flush()
        bar.finish()
    print(
        f"fetched {ok + failed} {args.kind} ids: {ok} ok, {failed} errors"
        f" ({len(done)} already in {out_path.name})",
        file=err,
    )
    return 0


def _append_to(path: Path) -> IO[str]:
    # Small appends of finished lines: a local file write does not need a thread.
    return path.open("a", encoding="utf-8")


async def _skip(ids: AsyncIterator[int], done: set[int]) -> AsyncIterator[int]:
    async for ident in ids:
        if ident not in done:
            yield ident


def _write(out: IO[str], item: BatchResult[int, Any], tmdb: TMDBClient) -> None:
    if item.error is None:
        record = tmdb.converter.unstructure(item.value)
    else:
        record = _error_record(item.key, item.error)
    out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":"), default=str))
    out.write("\n")


def register(subparsers: Any) -> None:
    """Add ``fetch`` to the ``tmdb-async`` parser."""
    parser = subparsers.add_parser(
        "fetch",
        help="fetch many movies / TV series / people to a JSON-lines file (resumable)",
        description=(
            "Fetch details for many ids, concurrently and within TMDB's rate limit, to a "
            "JSON-lines file: one model per line, or an error line for an id that failed. "
            "Ids already in the file are skipped, so running it again resumes. Credentials: "
            "TMDB_ACCESS_TOKEN or TMDB_API_KEY."
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
    parser.add_argument("--out", required=True, help="the JSON-lines file to append to")
    parser.add_argument(
        "--concurrency", type=int, default=20, help="requests in flight (default 20)"
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
        "--retry-errors", action="store_true", help="fetch ids whose earlier attempt failed again"
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    parser.set_defaults(func=run)
