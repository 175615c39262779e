"""Every TMDB operation and the public SDK call that reaches it.

One module per TMDB area (``v3_movies.py``, ``v4_lists.py`` ...) defines ``CALLS``: a dict
from ``"METHOD /path/template"`` (the official document's path for v3, ../V4.md's for v4)
to a coroutine function taking a :class:`~tmdb_async.TMDBClient` and making that call
through the public API. ``tests/test_every_operation.py`` runs each one against a loopback
server that answers every operation with its documented example and records which
operation each request reached.

A module may also define ``ANSWERS``: a dict from the same keys to ``(status, body)`` for
operations the official v3 document has no example for (the v4 API).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Awaitable, Callable

from tmdb_async import TMDBClient

__all__ = ["Call", "all_answers", "all_calls"]

#: One SDK call: takes the client (pointed at the recording server) and returns its result.
Call = Callable[[TMDBClient], Awaitable[object]]


def _modules() -> list[object]:
    return [
        importlib.import_module(f"{__name__}.{info.name}")
        for info in pkgutil.iter_modules(__path__)
        if not info.name.startswith("_")
    ]


def all_calls() -> dict[str, Call]:
    """Every area module's ``CALLS``, merged; a key claimed twice is an error."""
    merged: dict[str, Call] = {}
    for module in _modules():
        for key, call in getattr(module, "CALLS", {}).items():
            assert key not in merged, f"{key} is claimed by two modules"
            merged[key] = call
    return merged


def all_answers() -> dict[str, tuple[int, object]]:
    """Every area module's ``ANSWERS``, merged."""
    merged: dict[str, tuple[int, object]] = {}
    for module in _modules():
        merged.update(getattr(module, "ANSWERS", {}))
    return merged
