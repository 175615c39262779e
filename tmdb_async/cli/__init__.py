"""The ``tmdb-async`` command line.

Each sub-command lives in its own module of this package with a
``register(subparsers)`` function that adds its parser and sets ``func`` (a coroutine
function taking the parsed ``argparse.Namespace`` and returning an exit code). Add a
module name to ``_COMMAND_MODULES`` to make it appear.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import sys
from collections.abc import Sequence

from .._version import __version__
from ..errors import TMDBError

__all__ = ["build_parser", "main"]

# Modules of this package that add sub-commands, in the order `--help` lists them.
_COMMAND_MODULES: list[str] = ["auth", "sandbox", "demo", "fetch"]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every registered sub-command."""
    parser = argparse.ArgumentParser(
        prog="tmdb-async", description="TMDB from the command line, with tmdb_async."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _COMMAND_MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 2
    try:
        return int(asyncio.run(func(args)))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except TMDBError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
