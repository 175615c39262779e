"""TMDB's daily ID exports: every valid id of a kind, streamed, to drive whole-catalogue jobs.

TMDB publishes, each day at about 08:00 UTC, one file per kind at
``https://files.tmdb.org/p/exports/{kind}_ids_MM_DD_YYYY.json.gz``: gzipped JSON lines such
as ``{"adult":false,"id":550,"original_title":"Fight Club","popularity":61.4,"video":false}``.
The movie file alone is over a million lines, so this module never holds a file in memory:
it decompresses the HTTP body chunk by chunk (``zlib``) and yields one entry per line::

    from tmdb_async.batch import run_batch
    from tmdb_async.exports import export_ids

    async with TMDBClient(access_token=TOKEN) as tmdb:
        ids = export_ids(tmdb, "movie")                 # the latest file
        async with run_batch(tmdb.movies.details, ids) as results:
            async for item in results:
                ...

The files need no credentials; they are fetched through the client's request path (its
connection pool, rate budget and 429 cooldown, retries and timeouts: ``tmdb.exports``).
``base_url`` points the download elsewhere (the sandbox serves exports too, from its
catalogue; see :func:`export_handler`).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import gzip
import json
import re
import zlib
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Literal, get_args

import aiohttp
import attrs
from aiohttp import web

from ._core import Core, Pool
from ._retry import RetryPolicy
from .errors import ResponseTooLargeError, ResponseValidationError, TMDBUsageError

__all__ = [
    "EXPORTS_BASE_URL",
    "EXPORT_KINDS",
    "MAX_LINE_BYTES",
    "ExportDecoder",
    "ExportEntry",
    "ExportKind",
    "Exports",
    "export_filename",
    "export_handler",
    "export_ids",
    "export_url",
    "gzip_json_lines",
    "latest_export_date",
    "read_export_file",
    "stream_export",
]

#: Where TMDB publishes the daily files.
EXPORTS_BASE_URL = "https://files.tmdb.org/p/exports"

#: The kinds of export TMDB publishes (the file name's prefix).
ExportKind = Literal[
    "movie",
    "tv_series",
    "person",
    "collection",
    "tv_network",
    "keyword",
    "production_company",
]
EXPORT_KINDS: frozenset[str] = frozenset(get_args(ExportKind))

# TMDB's files appear at about 08:00 UTC; before that, yesterday's is the latest.
_PUBLISHED_AT = dt.time(8, 0)
_FILENAME = re.compile(r"(?P<kind>[a-z_]+)_ids_(?P<m>\d\d)_(?P<d>\d\d)_(?P<y>\d{4})\.json\.gz")
_CHUNK = 64 * 1024
#: The longest export line accepted, in decoded bytes (real lines are about 100 bytes): a
#: longer one raises ResponseTooLargeError instead of being buffered without end.
MAX_LINE_BYTES = 1 << 20
# Inflate at most this many bytes at a time, so a small gzip bomb cannot grow all at once.
_PIECE = 64 * 1024


@attrs.frozen(kw_only=True, slots=True)
class ExportEntry:
    """One line of an export file.

    Attributes:
        id: the TMDB id.
        name: ``original_title`` (movies), ``original_name`` (TV series) or ``name``
            (every other kind).
        popularity: TMDB's popularity, where the kind has one.
        adult: the adult flag (movies, people).
        video: the video flag (movies).
    """

    id: int
    name: str | None = None
    popularity: float | None = None
    adult: bool | None = None
    video: bool | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ExportEntry:
        """Build an entry from one decoded line; raises ``ValueError`` on a bad one."""
        ident = data.get("id")
        if isinstance(ident, bool) or not isinstance(ident, int):
            raise ValueError(f"an export line needs an integer id, got {ident!r}")
        name = data.get("original_title", data.get("original_name", data.get("name")))
        popularity = data.get("popularity")
        adult = data.get("adult")
        video = data.get("video")
        return cls(
            id=ident,
            name=name if isinstance(name, str) else None,
            popularity=float(popularity)
            if isinstance(popularity, int | float) and not isinstance(popularity, bool)
            else None,
            adult=adult if isinstance(adult, bool) else None,
            video=video if isinstance(video, bool) else None,
        )


# --------------------------------------------------------------------------- names and dates


def _check_kind(kind: object) -> str:
    if kind not in EXPORT_KINDS:
        raise TMDBUsageError(f"unknown export kind {kind!r}; one of {sorted(EXPORT_KINDS)}")
    return str(kind)


def latest_export_date(now: dt.datetime | None = None) -> dt.date:
    """The date of the newest file TMDB has published at ``now`` (default: the current time).

    Files appear at about 08:00 UTC: before that, yesterday's file is the latest.
    """
    now = now or dt.datetime.now(dt.timezone.utc)
    if now.tzinfo is None:
        raise TMDBUsageError("now must be an aware datetime")
    utc = now.astimezone(dt.timezone.utc)
    day = utc.date()
    return day if utc.time() >= _PUBLISHED_AT else day - dt.timedelta(days=1)


def export_filename(kind: ExportKind, date: dt.date) -> str:
    """The name of the ``kind`` export of ``date``, e.g. ``movie_ids_05_15_2024.json.gz``."""
    if not isinstance(date, dt.date):
        raise TMDBUsageError(f"date must be a datetime.date, got {type(date).__name__}")
    return f"{_check_kind(kind)}_ids_{date:%m_%d_%Y}.json.gz"


def export_url(
    kind: ExportKind, date: dt.date | None = None, *, base_url: str = EXPORTS_BASE_URL
) -> str:
    """The URL of the ``kind`` export of ``date`` (default: the latest published)."""
    if not isinstance(base_url, str) or not base_url.startswith(("http://", "https://")):
        raise TMDBUsageError(f"base_url must be an http(s) URL, got {base_url!r}")
    return f"{base_url.rstrip('/')}/{export_filename(kind, date or latest_export_date())}"


# --------------------------------------------------------------------------- decoding


class ExportDecoder:
    """Turns the bytes of an export, fed in chunks of any size, into decoded JSON lines.

    Gzip is undone incrementally (several gzip members in a row are fine); a body that is
    not gzipped (a server that already undid ``Content-Encoding: gzip``) is taken as plain
    JSON lines. Memory is bounded by the chunk size and ``max_line_bytes``, however far
    the data inflates: it is inflated 64 KiB at a time and the lines are yielded as they
    are found.

    Args:
        max_line_bytes: the longest line accepted (decoded); a longer one raises
            :class:`~tmdb_async.errors.ResponseTooLargeError`.
    """

    def __init__(self, *, max_line_bytes: int = MAX_LINE_BYTES) -> None:
        self._inflate: Any = None
        self._plain: bool | None = None
        self._pending = b""
        self._head = b""
        self.max_line_bytes = max_line_bytes
        self.lines = 0

    def feed(self, chunk: bytes) -> Iterator[dict[str, Any]]:
        """Decode ``chunk``, yielding the lines it completes; iterate it to the end first.

        Raises (while iterating):
            ValueError: not gzip, or a line that is not a JSON object.
            ResponseTooLargeError: a line longer than ``max_line_bytes``.
        """
        if self._plain is None:
            self._head += chunk
            if len(self._head) < 2:
                return
            chunk, self._head = self._head, b""
            self._plain = not chunk.startswith(b"\x1f\x8b")
        if self._plain:
            yield from self._lines(chunk)
            return
        while True:
            if self._inflate is None:
                if not chunk:
                    return
                self._inflate = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
            inflate = self._inflate
            try:
                data = inflate.decompress(chunk, _PIECE)
            except zlib.error as exc:
                raise ValueError(f"the export is not valid gzip: {exc}") from None
            yield from self._lines(data)
            if inflate.eof:  # a member ended; another may follow
                chunk = inflate.unused_data
                self._inflate = None
            else:
                # Input held back by the 64 KiB step; with none left, a full step means
                # zlib may still hold output: ask again until it gives less.
                chunk = inflate.unconsumed_tail
                if not chunk and len(data) < _PIECE:
                    return

    def close(self) -> list[dict[str, Any]]:
        """The end of the body: returns a last unterminated line; raises if it was cut short."""
        if self._plain is None and self._head:
            self._plain = True
            self._pending = self._head
        if self._inflate is not None:
            raise ValueError("the export ended in the middle of its gzip stream")
        tail, self._pending = self._pending, b""
        return [self._decode(tail)] if tail.strip() else []

    def _lines(self, data: bytes) -> Iterator[dict[str, Any]]:
        if not data:
            return
        limit = self.max_line_bytes
        buffer = self._pending + data
        parts = buffer.split(b"\n")
        self._pending = parts.pop()
        for part in parts:
            if len(part) > limit:
                raise self._too_long()
            if part.strip():
                yield self._decode(part)
        if len(self._pending) > limit:
            raise self._too_long()

    def _too_long(self) -> ResponseTooLargeError:
        self._pending = b""
        return ResponseTooLargeError(
            f"export line {self.lines + 1} is longer than {self.max_line_bytes} bytes",
            limit=self.max_line_bytes,
        )

    def _decode(self, line: bytes) -> dict[str, Any]:
        self.lines += 1
        try:
            value = json.loads(line)
        except (ValueError, RecursionError):
            raise ValueError(f"export line {self.lines} is not JSON") from None
        if not isinstance(value, dict):
            raise ValueError(f"export line {self.lines} is not a JSON object")
        return value


# --------------------------------------------------------------------------- streaming


class Exports:
    """TMDB's daily id exports through the client (``tmdb.exports``).

    Downloads go through the client's request path: its connection pool (one connection
    for the whole download), rate budget and shared 429 cooldown, retry policy and
    timeouts. The export host never sees the API credential.
    """

    def __init__(self, core: Core) -> None:
        self._core = core

    def __repr__(self) -> str:
        return "<Exports namespace>"

    def stream(
        self,
        kind: ExportKind,
        date: dt.date | None = None,
        *,
        base_url: str = EXPORTS_BASE_URL,
        chunk_size: int = _CHUNK,
        max_line_bytes: int = MAX_LINE_BYTES,
    ) -> AsyncGenerator[ExportEntry, None]:
        """The entries of the ``kind`` export of ``date`` as they arrive (see
        :func:`stream_export` for the arguments and errors); ``aclose()`` it (or read it
        to the end) to give its connection back at once."""
        url = export_url(kind, date, base_url=base_url)
        pool = self._core.pool
        # A big file may take longer than one API call's whole budget: bound each read.
        per_read = pool.timeout_seconds or pool.timeout.total or 60.0
        chunks = self._core.stream(url, chunk_size=chunk_size, read_timeout=per_read)
        return _entries(chunks, url, max_line_bytes)

    async def ids(
        self,
        kind: ExportKind,
        date: dt.date | None = None,
        *,
        base_url: str = EXPORTS_BASE_URL,
        skip_adult: bool = False,
    ) -> AsyncIterator[int]:
        """Just the ids of an export (see :meth:`stream`), e.g. to feed ``run_batch``."""
        entries = self.stream(kind, date, base_url=base_url)
        try:
            async for entry in entries:
                if not (skip_adult and entry.adult):
                    yield entry.id
        finally:
            await entries.aclose()


def _exports_of(source: object) -> Exports:
    from ._client import TMDBClient

    if isinstance(source, TMDBClient):
        return source.exports
    if isinstance(source, aiohttp.ClientSession):
        # A caller's session: its own connector and no rate budget; the same request path.
        pool = Pool(
            session=source, max_connections=1, timeout=None, sleep=asyncio.sleep, rate_limit=None
        )
        return Exports(Core.for_files(pool, RetryPolicy()))
    raise TMDBUsageError("pass a TMDBClient or an aiohttp.ClientSession")


def stream_export(
    source: Any,
    kind: ExportKind,
    date: dt.date | None = None,
    *,
    base_url: str = EXPORTS_BASE_URL,
    chunk_size: int = _CHUNK,
    max_line_bytes: int = MAX_LINE_BYTES,
) -> AsyncGenerator[ExportEntry, None]:
    """Download the ``kind`` export of ``date`` and yield its entries as they arrive.

    Args:
        source: a :class:`~tmdb_async.TMDBClient` (``tmdb.exports.stream``: its pool, rate
            budget, retries and timeouts are used) or an ``aiohttp.ClientSession``.
        kind: ``"movie"``, ``"tv_series"``, ``"person"``, ``"collection"``,
            ``"tv_network"``, ``"keyword"`` or ``"production_company"``.
        date: the file's date; default the latest published (:func:`latest_export_date`).
        base_url: where the files are (default TMDB's; a sandbox's ``base_url + "/p/exports"``).
        chunk_size: bytes read at a time.
        max_line_bytes: the longest line accepted, decoded (default 1 MiB). Memory stays
            bounded by it and the chunk size, however far the file inflates.

    Raises:
        TMDBUsageError: a bad source, kind, date or URL (raised by the call itself,
            before any I/O).
        NotFoundError: no such file (not published yet, or older than TMDB keeps them).
        TMDBConnectionError, TMDBTimeoutError: the download failed.
        ResponseValidationError: the file is not gzipped JSON lines of ids.
        ResponseTooLargeError: a line longer than ``max_line_bytes``.
        PoolTimeoutError: no connection of the client's pool within its ``pool_timeout``.
    """
    return _exports_of(source).stream(
        kind, date, base_url=base_url, chunk_size=chunk_size, max_line_bytes=max_line_bytes
    )


async def _entries(
    chunks: AsyncGenerator[bytes, None], url: str, max_line_bytes: int
) -> AsyncGenerator[ExportEntry, None]:
    """The entries in a download's chunks; the download is closed when this is."""
    decoder = ExportDecoder(max_line_bytes=max_line_bytes)
    try:
        async for chunk in chunks:
            for line in decoder.feed(chunk):
                yield ExportEntry.from_json(line)
        for line in decoder.close():
            yield ExportEntry.from_json(line)
    except ResponseTooLargeError as exc:
        raise ResponseTooLargeError(
            f"{exc} (GET {url})", limit=exc.limit, method="GET", url=url
        ) from None
    except ValueError as exc:
        raise ResponseValidationError("ExportEntry", [str(exc)], method="GET", url=url) from None
    finally:
        await chunks.aclose()


def export_ids(
    source: Any,
    kind: ExportKind,
    date: dt.date | None = None,
    *,
    base_url: str = EXPORTS_BASE_URL,
    skip_adult: bool = False,
) -> AsyncIterator[int]:
    """Just the ids of an export (see :func:`stream_export`), e.g. to feed ``run_batch``."""
    return _exports_of(source).ids(kind, date, base_url=base_url, skip_adult=skip_adult)


def read_export_file(
    path: str | Path, *, max_line_bytes: int = MAX_LINE_BYTES
) -> Iterator[ExportEntry]:
    """The entries of a downloaded export file (``.json.gz`` or plain), read line by line.

    Raises:
        ResponseValidationError: a line that is not an export line.
        ResponseTooLargeError: a line longer than ``max_line_bytes`` (default 1 MiB).
    """
    path = Path(path)
    with path.open("rb") as raw:
        gzipped = raw.read(2) == b"\x1f\x8b"
    with gzip.open(path, "rb") if gzipped else path.open("rb") as handle:
        number = 0
        while line := handle.readline(max_line_bytes + 1):
            number += 1
            if len(line) > max_line_bytes and not line.endswith(b"\n"):
                raise ResponseTooLargeError(
                    f"{path.name} line {number} is longer than {max_line_bytes} bytes",
                    limit=max_line_bytes,
                )
            if not line.strip():
                continue
            try:
                yield ExportEntry.from_json(json.loads(line))
            except (ValueError, RecursionError):
                raise ResponseValidationError(
                    "ExportEntry", [f"{path.name} line {number} is not an export line"]
                ) from None


# --------------------------------------------------------------------------- serving


def gzip_json_lines(rows: Iterable[Mapping[str, Any]], *, batch: int = 512) -> Iterator[bytes]:
    """Compress rows into a gzipped JSON-lines stream, chunk by chunk (for a server)."""
    deflate = zlib.compressobj(6, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    lines: list[bytes] = []
    for row in rows:
        lines.append(json.dumps(row, separators=(",", ":")).encode() + b"\n")
        if len(lines) >= batch:
            out = deflate.compress(b"".join(lines))
            lines.clear()
            if out:
                yield out
    tail = deflate.compress(b"".join(lines)) + deflate.flush()
    if tail:
        yield tail


ExportSource = Callable[[str, dt.date], Iterable[Mapping[str, Any]] | None]


def export_handler(
    source: ExportSource,
) -> Callable[[web.Request], Any]:
    """An aiohttp.web handler serving ``{kind}_ids_MM_DD_YYYY.json.gz`` like files.tmdb.org.

    Mount it on a route with a ``{name}`` segment, e.g.
    ``app.router.add_get("/p/exports/{name}", export_handler(source))``. ``source(kind,
    date)`` returns the rows (JSON objects) of that file, or ``None`` for a 404; the rows
    are gzipped and streamed as they are produced, so a big file costs no memory.
    """

    async def handle(request: web.Request) -> web.StreamResponse:
        match = _FILENAME.fullmatch(request.match_info.get("name", ""))
        rows = None
        if match is not None and match["kind"] in EXPORT_KINDS:
            try:
                date = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                date = None
            if date is not None:
                rows = source(match["kind"], date)
        if rows is None:
            return web.Response(status=404, text="Not Found", content_type="text/plain")
        response = web.StreamResponse(
            status=200, headers={"Content-Type": "application/octet-stream"}
        )
        await response.prepare(request)
        for chunk in gzip_json_lines(rows):
            await response.write(chunk)
        await response.write_eof()
        return response

    return handle
