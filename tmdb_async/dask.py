"""Whole-catalogue jobs sharded over a Dask ``distributed`` cluster.

A job fetches the details of every id of one kind (movies, TV series or people), taken
from TMDB's daily id export, a list, or a file, on the workers of a Dask cluster::

    from distributed import Client
    from tmdb_async.dask import CatalogueJob, run_catalogue_job

    job = CatalogueJob(
        kind="movie",
        out_dir="/data/tmdb/movies-2024-05-15",
        redis_url="redis://redis.internal:6379/0",  # the budget all workers share
    )
    with Client("tcp://scheduler:8786") as dask:
        summary = run_catalogue_job(dask, job)
    print(summary)

* **Shards.** The ids (deduplicated, sorted) are cut into shards of ``shard_size``; shard
  ``k`` is always the ``k``-th slice of the same input, so the numbering is stable. A
  manifest (``<kind>-job.json``) records the input's digest: the same ``out_dir`` never
  mixes two inputs.
* **One Dask task per shard.** On the worker it runs its own event loop and its own
  :class:`~tmdb_async.TMDBClient` (credentials from the job or the worker's ``TMDB_*``
  environment), fetches with :func:`~tmdb_async.batch.run_batch`, and spends the rate
  budget shared through Redis (:class:`~tmdb_async.SharedRateLimit`) when the job names a
  Redis URL, or an equal share of ``rate`` per worker thread when it does not.
* **Exactly once.** A shard's results go to ``<kind>-shard-00007.jsonl`` (and the ids that
  failed to ``<kind>-shard-00007.errors.jsonl``), each written to a temporary file in the
  same folder, flushed, fsynced and moved into place with ``os.replace``; the results file,
  moved last, marks the shard done. A shard whose results file exists is never fetched or
  written again: a shard retried after its worker died is written once, and running the
  same job again resumes it.
* **Failures.** An id TMDB does not know (404), or whose answer is refused, is a line of
  the shard's errors file, counted in the :class:`JobSummary`: never dropped. Errors a
  retry could fix (429, 5xx, connection or timeout errors, after the client's own retries)
  fail the shard's task instead, with :class:`ShardFailedError`, and Dask runs it again
  (``retries``).

``distributed`` is imported only by :func:`run_catalogue_job`; ``pip install
tmdb-async[dask]`` brings it (and Redis support).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import hashlib
import json
import os
import uuid
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal

import attrs

from ._checks import check_int, check_number
from ._jsonlines import error_record, json_line
from ._ratelimit import RateLimit
from ._retry import RetryPolicy
from .errors import (
    InvalidAPIKeyError,
    RateLimitError,
    ResponseTooLargeError,
    ResponseValidationError,
    ServerError,
    SuspendedAPIKeyError,
    TMDBAPIError,
    TMDBError,
    TMDBUsageError,
)
from .exports import EXPORTS_BASE_URL, ExportKind, read_export_file
from .shared import SharedRateLimit, shown_url

if TYPE_CHECKING:
    from distributed import Client

    from ._client import TMDBClient

__all__ = [
    "CatalogueJob",
    "JobSummary",
    "ShardFailedError",
    "ShardResult",
    "atomic_text_file",
    "load_ids",
    "plan_shards",
    "run_catalogue_job",
    "run_shard",
    "shard_paths",
]

CatalogueKind = Literal["movie", "tv", "person"]

# TMDB's connections per address, shared by the cluster's worker threads by default.
_CONNECTIONS = 20

# What can be fetched: the client's namespace for it, and the export kind of its ids.
_KINDS: dict[str, tuple[str, ExportKind]] = {
    "movie": ("movies", "movie"),
    "tv": ("tv", "tv_series"),
    "person": ("people", "person"),
}


# --------------------------------------------------------------------------- the job


def _redacted_url(url: str | None) -> str:
    """A Redis URL for a repr: its password replaced."""
    return "None" if url is None else repr(shown_url(url))


def _check_kind(_: object, __: object, kind: object) -> None:
    if kind not in _KINDS:
        raise TMDBUsageError(f"kind must be one of {sorted(_KINDS)}, got {kind!r}")


def _check_positive(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_number(value, attribute.name)


def _check_count(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_int(value, attribute.name, low=1)


def _ids_tuple(ids: Iterable[int] | None) -> tuple[int, ...] | None:
    return None if ids is None else tuple(ids)


@attrs.frozen(kw_only=True)
class CatalogueJob:
    """What a catalogue job fetches, from where, and where its shards go.

    The ids come from ``ids``, else ``ids_file`` (a daily export file or a text file of
    ids, one a line), else TMDB's daily export of ``export_date`` (default: the latest).
    The job object is sent to every worker; its ``repr`` never shows the credential or a
    Redis password. Without ``access_token`` / ``api_key``, the workers (and the process
    calling :func:`run_catalogue_job`) read ``TMDB_ACCESS_TOKEN`` / ``TMDB_API_KEY`` and
    ``TMDB_BASE_URL`` from their environment, as :meth:`TMDBClient.from_env` does.

    Attributes:
        kind: ``"movie"``, ``"tv"`` or ``"person"``.
        out_dir: the folder of the shard files (made if missing); one job per folder.
        ids: the ids to fetch, if given.
        ids_file: a file of ids (read by the caller's process), if given.
        export_date: the date of the daily export to read the ids from (default latest).
        exports_url: where the daily exports are.
        skip_adult: leave out the export's adult entries.
        shard_size: ids per shard (one Dask task each).
        concurrency: requests in flight per shard; default ``20 // worker threads`` (at
            least 1), so that the cluster keeps to TMDB's 20 connections per address.
        access_token: the API Read Access Token (hidden from repr).
        api_key: the v3 API key (hidden from repr).
        base_url: the API host (default ``TMDB_BASE_URL`` or TMDB's).
        language: the language of the results, e.g. ``"de-DE"``.
        redis_url: the Redis holding the shared budget (:class:`~tmdb_async.SharedRateLimit`);
            ``None``: each worker thread keeps to ``rate / threads`` of its own.
        budget_key: the shared budget's key in Redis: one per public IP address, shared
            with every other program sending from it (``SharedRateLimit``'s default).
        rate: requests per second for the whole cluster.
        burst: requests that may start at once after an idle spell.
        retry: each client's retry policy (before a shard fails and Dask runs it again).
    """

    kind: CatalogueKind = attrs.field(validator=_check_kind)
    out_dir: str = attrs.field(converter=str)
    ids: tuple[int, ...] | None = attrs.field(default=None, converter=_ids_tuple)
    ids_file: str | None = None
    export_date: dt.date | None = None
    exports_url: str = EXPORTS_BASE_URL
    skip_adult: bool = False
    shard_size: int = attrs.field(default=1000, validator=_check_count)
    concurrency: int | None = attrs.field(
        default=None, validator=attrs.validators.optional(_check_count)
    )
    access_token: str | None = attrs.field(default=None, repr=False)
    api_key: str | None = attrs.field(default=None, repr=False)
    base_url: str | None = None
    language: str | None = None
    redis_url: str | None = attrs.field(default=None, repr=_redacted_url)
    budget_key: str = "tmdb_async"
    rate: float = attrs.field(default=40.0, validator=_check_positive)
    burst: int = attrs.field(default=10, validator=_check_count)
    retry: RetryPolicy | None = RetryPolicy()  # noqa: RUF009 - frozen, shared safely

    def __attrs_post_init__(self) -> None:
        if self.redis_url is not None:
            try:
                _budget(self, 1)
            except TMDBUsageError as exc:
                raise TMDBUsageError(f"redis_url / budget_key: {exc}") from None


# --------------------------------------------------------------------------- results


@attrs.frozen
class ShardResult:
    """What one shard did.

    Attributes:
        index: the shard's number.
        ids: how many ids it holds.
        succeeded: ids fetched (lines of its results file).
        not_found: ids TMDB does not know (404; lines of its errors file).
        failed: other ids that failed for good (lines of its errors file).
        skipped: ``True`` when its files were already there (a resumed job).
    """

    index: int
    ids: int
    succeeded: int
    not_found: int
    failed: int
    skipped: bool


@attrs.frozen
class JobSummary:
    """What a whole job did.

    Attributes:
        out_dir: the folder of the shard files.
        shards: every shard's :class:`ShardResult`, by number.
    """

    out_dir: str
    shards: tuple[ShardResult, ...]

    @property
    def ids(self) -> int:
        """Ids in the job."""
        return sum(s.ids for s in self.shards)

    @property
    def succeeded(self) -> int:
        """Ids fetched."""
        return sum(s.succeeded for s in self.shards)

    @property
    def not_found(self) -> int:
        """Ids TMDB does not know (404)."""
        return sum(s.not_found for s in self.shards)

    @property
    def failed(self) -> int:
        """Other ids that failed for good (see the shards' errors files)."""
        return sum(s.failed for s in self.shards)

    @property
    def skipped_shards(self) -> int:
        """Shards already done before this run."""
        return sum(1 for s in self.shards if s.skipped)

    def __str__(self) -> str:
        return (
            f"{self.ids} ids in {len(self.shards)} shards ({self.skipped_shards} already "
            f"done): {self.succeeded} ok, {self.not_found} not found, {self.failed} failed"
        )


class ShardFailedError(TMDBError):
    """A shard stopped on an error a retry may fix (429, 5xx, connection, timeout, or the
    credential refused); Dask runs the shard again. Nothing of it was written."""


# --------------------------------------------------------------------------- files


def shard_paths(out_dir: str | Path, kind: str, index: int) -> tuple[Path, Path]:
    """The results file and the errors file of shard ``index``."""
    folder = Path(out_dir)
    stem = f"{kind}-shard-{index:05d}"
    return folder / f"{stem}.jsonl", folder / f"{stem}.errors.jsonl"


@contextlib.contextmanager
def atomic_text_file(final: Path) -> Iterator[IO[str]]:
    """Write ``final`` all at once or not at all.

    The text goes to a temporary file in the same folder; when the block ends without an
    exception it is flushed, fsynced and moved over ``final`` (``os.replace``), and the
    folder is fsynced. An exception (or a cancellation) removes the temporary file; a
    crash leaves at most a ``.*.tmp`` file, never a partial ``final``.
    """
    temp = final.with_name(f".{final.name}.{uuid.uuid4().hex}.tmp")
    handle = temp.open("x", encoding="utf-8")
    try:
        yield handle
        handle.flush()
        os.fsync(handle.fileno())
        handle.close()
        os.replace(temp, final)
        _fsync_dir(final.parent)
    finally:
        handle.close()
        temp.unlink(missing_ok=True)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _count_done(job: CatalogueJob, index: int, size: int) -> ShardResult:
    """The counts of a shard whose files are already there."""
    results, errors = shard_paths(job.out_dir, job.kind, index)
    with results.open("rb") as handle:
        succeeded = sum(1 for _ in handle)
    not_found = failed = 0
    if errors.exists():
        with errors.open("rb") as handle:
            for line in handle:
                if json.loads(line)["error"].get("http_status") == 404:
                    not_found += 1
                else:
                    failed += 1
    return ShardResult(index, size, succeeded, not_found, failed, skipped=True)


# --------------------------------------------------------------------------- sharding


def plan_shards(ids: Iterable[int], shard_size: int) -> list[tuple[int, ...]]:
    """Cut ``ids`` (deduplicated, sorted) into shards of ``shard_size``; stable numbering.

    Raises:
        TMDBUsageError: an id that is not an int >= 1, or a bad ``shard_size``.
    """
    _check_count(None, attrs.fields(CatalogueJob).shard_size, shard_size)
    unique: set[int] = set()
    for ident in ids:
        unique.add(check_int(ident, "ids", low=1))
    ordered = sorted(unique)
    return [tuple(ordered[i : i + shard_size]) for i in range(0, len(ordered), shard_size)]


def _digest(shards: Sequence[tuple[int, ...]]) -> str:
    sha = hashlib.sha256()
    for shard in shards:
        sha.update(",".join(map(str, shard)).encode() + b";")
    return sha.hexdigest()


def _check_manifest(job: CatalogueJob, shards: Sequence[tuple[int, ...]]) -> str:
    """Write (or compare with) ``<kind>-job.json``; returns the input's digest."""
    folder = Path(job.out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    manifest = {
        "kind": job.kind,
        "ids": sum(len(s) for s in shards),
        "shards": len(shards),
        "shard_size": job.shard_size,
        "digest": _digest(shards),
    }
    path = folder / f"{job.kind}-job.json"
    if path.exists():
        found = json.loads(path.read_text(encoding="utf-8"))
        if found != manifest:
            raise TMDBUsageError(
                f"out_dir {folder} holds the shards of another {job.kind} job (other ids or "
                "shard_size); use a new out_dir"
            )
    else:
        with atomic_text_file(path) as handle:
            handle.write(json_line(manifest))
    return str(manifest["digest"])


# --------------------------------------------------------------------------- one shard


def _budget(job: CatalogueJob, threads: int) -> RateLimit | SharedRateLimit:
    """The rate budget of one shard's client: shared through Redis, or a share of ``rate``.

    ``threads`` (the cluster's worker threads, one client each) also sizes the share each
    keeps to while Redis is unreachable.
    """
    share = max(threads, 1)
    if job.redis_url is not None:
        return SharedRateLimit(
            job.redis_url, key=job.budget_key, rate=job.rate, burst=job.burst, processes=share
        )
    return RateLimit(job.rate / share, burst=max(1, job.burst // share))


def _concurrency(job: CatalogueJob, threads: int) -> int:
    """Requests in flight per shard: the job's, or an equal share of TMDB's 20 connections."""
    return job.concurrency or max(1, _CONNECTIONS // max(threads, 1))


def _client(job: CatalogueJob, threads: int) -> TMDBClient:
    """The client of one shard (or of the caller), from the job and the environment."""
    from ._client import TMDBClient

    environ: dict[str, str] = dict(os.environ)
    if job.access_token or job.api_key:
        environ.pop("TMDB_ACCESS_TOKEN", None)
        environ.pop("TMDB_API_KEY", None)
        environ["TMDB_ACCESS_TOKEN"] = job.access_token or ""
        environ["TMDB_API_KEY"] = job.api_key or ""
    if job.base_url:
        environ["TMDB_BASE_URL"] = job.base_url
    return TMDBClient.from_env(
        environ=environ,
        language=job.language,
        max_connections=_concurrency(job, threads),
        rate_limit=_budget(job, threads),
        retry=job.retry,
    )


def _per_id(error: Exception) -> bool:
    """Whether ``error`` is that id's own, final failure (else the shard fails, retried)."""
    if isinstance(error, RateLimitError | ServerError | InvalidAPIKeyError | SuspendedAPIKeyError):
        return False
    return isinstance(error, TMDBAPIError | ResponseValidationError | ResponseTooLargeError)


async def _fetch_shard(
    job: CatalogueJob, index: int, ids: Sequence[int], threads: int
) -> ShardResult:
    from .batch import run_batch

    results_path, errors_path = shard_paths(job.out_dir, job.kind, index)
    succeeded = not_found = failed = 0
    async with _client(job, threads) as tmdb:
        fetch = getattr(tmdb, _KINDS[job.kind][0]).details
        with (
            atomic_text_file(results_path) as results,  # moved into place last
            atomic_text_file(errors_path) as errors,
        ):
            concurrency = _concurrency(job, threads)
            async with run_batch(fetch, ids, concurrency=concurrency) as batch:
                async for item in batch:
                    if item.ok:
                        results.write(json_line(tmdb.converter.unstructure(item.value)))
                        succeeded += 1
                        continue
                    error = item.error
                    if not _per_id(error):
                        raise ShardFailedError(
                            f"shard {index} of {job.kind} stopped at id {item.key}: "
                            f"{type(error).__name__}: {error}"
                        ) from error
                    errors.write(json_line(error_record(item.key, error)))
                    if isinstance(error, TMDBAPIError) and error.http_status == 404:
                        not_found += 1
                    else:
                        failed += 1
    return ShardResult(index, len(ids), succeeded, not_found, failed, skipped=False)


def run_shard(job: CatalogueJob, index: int, ids: Sequence[int], threads: int = 1) -> ShardResult:
    """Fetch shard ``index`` (its ``ids``) and write its files; the body of one Dask task.

    Runs its own event loop and client. A shard whose results file exists is not fetched
    again: its counts are read from its files.

    Args:
        job: the job.
        index: the shard's number.
        ids: the shard's ids.
        threads: worker threads in the cluster (to share ``job.rate`` without Redis).

    Raises:
        ShardFailedError: an error a retry may fix; nothing of the shard was written.
    """
    results_path, _ = shard_paths(job.out_dir, job.kind, index)
    if results_path.exists():
        return _count_done(job, index, len(ids))
    return asyncio.run(_fetch_shard(job, index, ids, threads))


# --------------------------------------------------------------------------- the driver


async def load_ids(job: CatalogueJob) -> list[int]:
    """The ids of ``job``: ``job.ids``, the ids of ``job.ids_file``, or those of the export.

    Checks the credential first (one ``GET /3/authentication``), so that a refused one
    stops the job before any shard runs.

    Raises:
        TMDBUsageError: the credential was refused, or a bad ``ids_file``.
    """
    async with _client(job, 1) as tmdb:
        if not await tmdb.auth.validate_key():
            raise TMDBUsageError("TMDB refused the job's credential (HTTP 401, code 7)")
        if job.ids is not None:
            return list(job.ids)
        if job.ids_file is not None:
            return _ids_of_file(Path(job.ids_file))
        ids = tmdb.exports.ids(
            _KINDS[job.kind][1],
            job.export_date,
            base_url=job.exports_url,
            skip_adult=job.skip_adult,
        )
        return [ident async for ident in ids]


def _ids_of_file(path: Path) -> list[int]:
    """The ids of a daily export file (``.json.gz`` / JSON lines) or a text file of ids."""
    try:
        with path.open("rb") as handle:
            head = handle.read(64).lstrip()
        if head.startswith((b"\x1f\x8b", b"{")):
            return [entry.id for entry in read_export_file(path)]
        text = path.read_text(encoding="utf-8")
    except (OSError, EOFError, UnicodeDecodeError, ResponseValidationError) as exc:
        raise TMDBUsageError(f"ids_file {path}: {exc}") from None
    words = [w for line in text.splitlines() if (w := line.strip()) and not w.startswith("#")]
    bad = next((w for w in words if not w.isdigit()), None)
    if bad is not None:
        raise TMDBUsageError(f"ids_file {path}: not an id: {bad[:40]!r}")
    return [int(w) for w in words]


def run_catalogue_job(
    client: Client,
    job: CatalogueJob,
    *,
    retries: int = 3,
    timeout: float | None = None,
) -> JobSummary:
    """Run ``job`` on the Dask cluster of ``client``, one task per shard; wait for it.

    Call it from synchronous code (it runs a short event loop of its own to check the
    credential and read the ids). Shards already written are counted, not fetched again.

    Args:
        client: a ``distributed.Client`` (synchronous).
        job: the job.
        retries: how many times Dask runs a failed shard again (a dead worker's shards are
            rescheduled by Dask without counting against this).
        timeout: seconds to wait for the whole job; ``None`` waits as long as it takes.

    Returns:
        The :class:`JobSummary`.

    Raises:
        TMDBUsageError: a bad job (kind, ids, an ``out_dir`` of another job, a refused
            credential), before any task runs.
        ShardFailedError: a shard still failed after ``retries``.
        TimeoutError: ``timeout`` passed (the job's tasks are cancelled).
    """
    import distributed

    # distributed's API is untyped: use it through Any.
    dask: Any = client
    wait: Any = distributed.wait
    ids = asyncio.run(load_ids(job))
    shards = plan_shards(ids, job.shard_size)
    digest = _check_manifest(job, shards)
    threads = sum(dask.nthreads().values()) or 1
    keys = [f"tmdb-{job.kind}-shard-{i:05d}-{digest[:16]}" for i in range(len(shards))]
    # Each task gets its own ids; the job it carries need not hold all of them.
    task_job = attrs.evolve(job, ids=None, ids_file=None)
    futures = dask.map(
        run_shard,
        [task_job] * len(shards),
        range(len(shards)),
        shards,
        [threads] * len(shards),
        key=keys,
        retries=retries,
        pure=False,
    )
    try:
        wait(futures, timeout=timeout)
        results: list[ShardResult] = dask.gather(futures)
    finally:
        dask.cancel(futures)
    _sweep_temps(job)
    return JobSummary(job.out_dir, tuple(sorted(results, key=lambda r: r.index)))


def _sweep_temps(job: CatalogueJob) -> None:
    """Remove the temporary files of attempts that died (the job is over: none is live)."""
    for temp in Path(job.out_dir).glob(f".{job.kind}-shard-*.tmp"):
        temp.unlink(missing_ok=True)
