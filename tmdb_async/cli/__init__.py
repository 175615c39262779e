"""The ``tmdb-async`` command line.

Each sub-command lives in a module of this package with a ``register(subparsers)``
function that adds its parser(s) and sets ``func`` (a coroutine function taking the parsed
``argparse.Namespace`` and returning an exit code). :data:`_COMMANDS` maps each command to
its module and one-line help: only the module of the command being run is imported, so
``--version``, ``--help`` and every command start fast.

Exit codes are the same for every command (see :mod:`tmdb_async.cli._common`): 0 all done,
1 some items failed, 2 usage, 3 stopped early (credential refused, TMDB unreachable).
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import sys
from collections.abc import Sequence

from .._version import __version__

__all__ = ["build_parser", "main"]

# command -> (module of this package that registers it, one-line help for `--help`),
# in the order `--help` lists them.
_COMMANDS: dict[str, tuple[str, str]] = {
    "login": ("auth", "log in to TMDB and store the session"),
    "whoami": ("auth", "show the account of the stored session"),
    "logout": ("auth", "end the stored session at TMDB, then forget it here"),
    "guest": ("auth", "create a guest session and store it"),
    "api": ("api", "send any request to TMDB with your credentials and print the JSON"),
    "sandbox": ("sandbox", "run a local fake TMDB (API, approval pages, images) until Ctrl-C"),
    "demo": ("demo", "the whole story: login flow, account, favourite, guest rating, batch fetch"),
    "fetch": ("fetch", "fetch many movies / TV series / people to a JSON-lines file (resumable)"),
}

_EPILOG = (
    "exit codes: 0 all done, 1 some items failed or TMDB answered an error, 2 usage "
    "(arguments, paths, files, credentials), 3 stopped early (TMDB refused the "
    "application credential or could not be reached), 130 interrupted"
)


def _command_in(argv: Sequence[str]) -> str | None:
    # The top-level options (--version, --help) take no values: the first other word is
    # the command.
    for word in argv:
        if not word.startswith("-"):
            return word if word in _COMMANDS else None
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser.

    Args:
        argv: the arguments about to be parsed. When given, only the module of the
            command they name is imported (the others appear in ``--help`` all the same);
            when ``None``, every sub-command is fully registered.
    """
    parser = argparse.ArgumentParser(
        prog="tmdb-async",
        description="TMDB from the command line, with tmdb_async.",
        epilog=_EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    if argv is None:
        wanted = {module for module, _ in _COMMANDS.values()}
    else:
        command = _command_in(argv)
        wanted = {_COMMANDS[command][0]} if command is not None else set()
    registered: set[str] = set()
    for name, (module_name, help_text) in _COMMANDS.items():
        if module_name in wanted:
            if module_name not in registered:
                module = importlib.import_module(f"{__name__}.{module_name}")
                module.register(subparsers)
                registered.add(module_name)
        else:
            subparsers.add_parser(name, help=help_text)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(words)
    try:
        args = parser.parse_args(words)
    except SystemExit as exc:  # --help, --version (0) or a usage error (2)
        return exc.code if isinstance(exc.code, int) else 2
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 2
    from ._common import EXIT_INTERRUPTED, guard

    try:
        return asyncio.run(guard(func(args), sys.stderr))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
