"""The JSON lines written by ``tmdb-async fetch`` and by the Dask catalogue job
(:mod:`tmdb_async.dask`): one result per line, the model as the converter unstructures it,
or, for an id that failed, :func:`error_record`. ``fetch --dask`` hands its output to the
Dask job, so the two formats must be one, written here."""

from __future__ import annotations

import json
from typing import Any

from .errors import TMDBAPIError

__all__ = ["error_record", "json_line"]


def json_line(record: object) -> str:
    """``record`` as one line of compact JSON (UTF-8 kept as is; dates as strings), with
    its newline."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"), default=str) + "\n"


def error_record(key: int, error: Exception) -> dict[str, Any]:
    """The line for an id that failed: ``{"id": ..., "error": {"type": ..., "message": ...,
    "http_status": ..., "tmdb_code": ...}}`` (the last two for TMDB's errors)."""
    info: dict[str, Any] = {"type": type(error).__name__, "message": str(error)}
    if isinstance(error, TMDBAPIError):
        info["http_status"] = error.http_status
        info["tmdb_code"] = error.tmdb_code
    return {"id": key, "error": info}
