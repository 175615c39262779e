"""The ``tmdb-async`` command line.

Each sub-command lives in its own module of this package with a
``register(subparsers)`` function that adds its parser and sets ``func`` (a coroutine
function taking the parsed ``argparse.Namespace`` and returning an exit code). Add the
command to ``_COMMANDS`` to make it appear.

Start-up: a run imports only the module of the command it runs; ``--help`` and
``--version`` import none (their one-line help is in ``_COMMANDS``; a test keeps it equal
to what the modules register).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from .._version import __version__
from ..errors import TMDBError

__all__ = ["build_parser", "main"]

# Each sub-command: the module of this package that registers it, and its one-line help.
# Grouped by module, in the order `--help` lists them.
_COMMANDS: dict[str, tuple[str, str]] = {
    "login": ("auth", "log in to TMDB and store the session"),
    "whoami": ("auth", "show the account of the stored session"),
    "logout": ("auth", "delete the stored session at TMDB and locally"),
    "guest": ("auth", "create a guest session and store it"),
    "sandbox": ("sandbox", "run a local fake TMDB (API, approval pages, images) until Ctrl-C"),
    "demo": (
        "demo",
        "the whole story: login flow, account, favourite, guest rating, batch fetch",
    ),
    "fetch": (
        "fetch",
        "fetch many movies / TV series / people to a JSON-lines file (resumable)",
    ),
}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser with every sub-command.

    Args:
        only: register the full parser of this command's module only, and list the other
            commands by name and help (what :func:`main` does, to import one module);
            ``""`` registers none. ``None`` (the default) registers every module.
    """
    parser = argparse.ArgumentParser(
        prog="tmdb-async", description="TMDB from the command line, with tmdb_async."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    wanted = _COMMANDS[only][0] if only in _COMMANDS else None
    registered: set[str] = set()
    for command, (module_name, help_text) in _COMMANDS.items():
        if only is None or module_name == wanted:
            if module_name not in registered:
                registered.add(module_name)
                importlib.import_module(f"{__name__}.{module_name}").register(subparsers)
        else:
            subparsers.add_parser(command, help=help_text, add_help=False)
    return parser


def _command(argv: Sequence[str]) -> str:
    """The sub-command named in ``argv`` (the first word not an option), or ``""``."""
    return next((arg for arg in argv if not arg.startswith("-")), "")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(only=_command(argv))
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 2
    import asyncio  # not before: `--help` and `--version` have exited by now

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
