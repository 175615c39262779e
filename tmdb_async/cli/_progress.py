"""Progress bars for the ``tmdb-async`` commands: tqdm on a terminal, nothing elsewhere.

tqdm shows the count, the rate and the time left. It is imported only when a bar is
actually drawn (a terminal and progress wanted), so neither ``import tmdb_async`` nor a
command whose output goes to a pipe or a file pays for it.
"""

from __future__ import annotations

import os
from typing import Any, TextIO

__all__ = ["Progress", "is_terminal"]


def is_terminal(stream: TextIO) -> bool:
    """Whether ``stream`` is a terminal (``False`` for files, pipes and captured output)."""
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty()) if isatty is not None else False
    except ValueError:  # a closed stream
        return False


def _width(stream: TextIO) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, OSError, ValueError):  # no file descriptor (tests), closed ...
        return 0


class Progress:
    """A progress bar on ``stream`` when it is a terminal and ``enabled``; otherwise silent.

    Args:
        stream: where to draw (standard error, usually).
        total: the number of items, or ``None`` when unknown (a count and a rate then).
        unit: what an item is called (``"id"``, ``"movie"``).
        enabled: ``False`` hides the bar whatever the stream (``--no-progress``).
        desc: a short label before the bar.
    """

    def __init__(
        self,
        stream: TextIO,
        *,
        total: int | None,
        unit: str = "it",
        enabled: bool = True,
        desc: str | None = None,
    ) -> None:
        self._bar: Any = None
        if enabled and is_terminal(stream):
            from tqdm import tqdm

            tqdm.monitor_interval = 0  # no monitor thread: the bar lives on the event loop
            # A terminal that reports no size (some ptys) would get no bar at all: 80x24.
            width = _width(stream)
            self._bar = tqdm(
                total=total,
                file=stream,
                unit=unit,
                desc=desc,
                ncols=None if width else 80,
                nrows=None if width else 24,
                dynamic_ncols=bool(width),
                mininterval=0.1,
                smoothing=0.1,
            )

    @property
    def shown(self) -> bool:
        """Whether a bar is being drawn."""
        return self._bar is not None

    def update(self, done: int, **counts: int) -> None:
        """Move the bar to ``done`` items, with ``counts`` (``ok=3, errors=1``) beside it."""
        if self._bar is None:
            return
        if counts:
            self._bar.set_postfix(ordered_dict=dict(counts), refresh=False)
        self._bar.update(done - self._bar.n)

    def close(self) -> None:
        """Draw the final state and end the line. Idempotent."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None
