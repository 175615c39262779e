"""Find the Python blocks of README.md and docs/, and turn each into checkable source.

Used by ``tests/examples/test_docs_examples.py``. Every fenced ```` ```python ```` block is
an example a reader may copy, so each is type-checked with ``mypy --strict`` and executed
against the sandbox. A block is a whole program unless an HTML comment on the line(s) just
before its fence says otherwise (the comment stays visible in the Markdown source)::

    <!-- example uses="tmdb session" -->
        a fragment: it runs inside ``async def``, given these names (see ``NAMES``),
        on a fresh sandbox; top-level ``await`` / ``async for`` / ``async with`` work
    <!-- example run="pytest" -->
        a test module: run with pytest in a child process; every test in it must pass
    <!-- example run="no: why it cannot run here" -->
        only type-checked (``uses`` may be given too)
    <!-- example check="no: why it is neither checked nor run" -->
    <!-- example serve="/movies/11" -->
        a web app program: it is started as ``__main__`` with ``PORT`` set (and the
        sandbox's ``TMDB_*``), must answer that path with HTTP 200 and JSON, is stopped
    <!-- example pending="branch: what it waits for" -->
        runs only once another branch is merged (a sandbox route, say): its run is a
        strict xfail, so the merge that makes it pass fails the test until the marker goes

A whole program is run as ``__main__`` in a child Python whose ``TMDB_ACCESS_TOKEN``,
``TMDB_BASE_URL`` and ``TMDB_WEBSITE_URL`` point at a running sandbox (what ``tmdb-async
sandbox`` prints), so a program written for TMDB runs unchanged against it; ``REDIS_URL``
points at a real, empty redis-server (tests/redis_server.py), for the programs that share a
budget or a cache through Redis.

The generated source keeps the Markdown's line numbers, so mypy errors and tracebacks name
the line of the doc file.
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs

ROOT = Path(__file__).resolve().parents[2]

#: The names a fragment may ask for (``uses="..."``): their type for mypy, and how the
#: harness makes them (see ``tests/examples/test_docs_examples.py``).
NAMES: dict[str, str] = {
    "tmdb": "_tmdb_async.TMDBClient",  # a client on a fresh sandbox
    "sb": "_tmdb_testing.Sandbox",  # that sandbox
    "session": "_tmdb_async.Session",  # travisbell's session on it
    "movie": "_tmdb_async.Movie",  # movie 11 with credits appended
    "password": "str",  # travisbell's sandbox password
    "token": "str",  # the sandbox's API Read Access Token
}

_FENCE = re.compile(r"^(?P<indent> *)(?P<fence>```+|~~~+)\s*(?P<info>[^\s`]*)")
_MARKER = re.compile(r"<!--\s*example\s+(?P<body>.*?)\s*-->", re.DOTALL)
_ATTR = re.compile(r'(?P<key>[a-z]+)="(?P<value>[^"]*)"')
_KEYS = {"uses", "run", "check", "pending", "serve"}


@attrs.frozen
class Block:
    """One ```python block of a doc file.

    Attributes:
        path: the file, relative to the repository root.
        line: the 1-based line of the block's first code line in that file.
        code: the block's text, dedented to the fence.
        uses: names the harness provides (empty: a whole program).
        run: why it is not run (``None``: it runs).
        check: why it is not type-checked either (``None``: it is).
        pending: ``"branch: reason"`` when it needs API from an unmerged branch.
        serve: for a web app program, the path to ask it for.
    """

    path: str
    line: int
    code: str
    uses: tuple[str, ...] = ()
    run: str | None = None
    check: str | None = None
    pending: str | None = None
    serve: str | None = None

    @property
    def id(self) -> str:
        """``README.md:42``, the test id."""
        return f"{self.path}:{self.line}"

    @property
    def runs(self) -> bool:
        """Whether the tests execute it."""
        return self.run in (None, "pytest") and self.check is None

    @property
    def checked(self) -> bool:
        """Whether mypy checks it."""
        return self.check is None

    def source(self) -> str:
        """Python source with the block on the doc file's own line numbers.

        A whole program is itself; a fragment becomes ``async def _example(<uses>)``
        (the ``def`` on the line just above the block).
        """
        lines = self.code.splitlines()
        if not self.uses:
            return "\n" * (self.line - 1) + "\n".join(lines) + "\n"
        if self.line < 3:
            raise ValueError(f"{self.id}: a fragment cannot start on line {self.line}")
        params = ", ".join(f"{name}: {NAMES[name]}" for name in self.uses)
        head = [
            "import tmdb_async as _tmdb_async; import tmdb_async.testing as _tmdb_testing",
            *[""] * (self.line - 3),
            f"async def _example({params}) -> None:  # noqa",
        ]
        body = [f"    {line}" if line.strip() else "" for line in lines]
        return "\n".join([*head, *body, "    pass"]) + "\n"


def _marker(text_before: list[str]) -> dict[str, str]:
    """The attributes of an ``<!-- example ... -->`` comment ending just above a fence."""
    joined = "\n".join(text_before).rstrip()
    if not joined.endswith("-->"):
        return {}
    start = joined.rfind("<!--")
    found = _MARKER.fullmatch(joined[start:])
    if found is None:
        return {}
    attributes = {m["key"]: m["value"] for m in _ATTR.finditer(found["body"])}
    leftover = _ATTR.sub("", found["body"]).strip()
    unknown = set(attributes) - _KEYS
    if leftover or unknown:
        raise ValueError(f"bad example marker {joined[start:]!r}")
    return attributes


def blocks_of(path: Path) -> list[Block]:
    """Every ```python block of one Markdown file, with its marker applied."""
    rel = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name
    lines = path.read_text(encoding="utf-8").splitlines()
    found: list[Block] = []
    i = 0
    while i < len(lines):
        opening = _FENCE.match(lines[i])
        if opening is None:
            i += 1
            continue
        indent, fence, info = opening["indent"], opening["fence"], opening["info"]
        end = i + 1
        while end < len(lines) and not lines[end].strip().startswith(fence):
            end += 1
        if info in ("python", "py"):
            code = "\n".join(line[len(indent) :] for line in lines[i + 1 : end])
            attributes = _marker(lines[max(0, i - 8) : i])
            uses = tuple(attributes.get("uses", "").split())
            unknown = set(uses) - set(NAMES)
            if unknown:
                raise ValueError(f"{rel}:{i + 2}: unknown names {sorted(unknown)}")
            for key in ("run", "check", "pending"):
                value = attributes.get(key)
                if value is None or (key == "run" and value == "pytest"):
                    continue
                head, colon, reason = value.partition(":")
                if not colon or not head.strip() or not reason.strip():
                    raise ValueError(f'{rel}:{i + 2}: {key}="{value}": say why, as "no: ..."')
                if key != "pending" and head != "no":
                    raise ValueError(f'{rel}:{i + 2}: {key}="{value}": only "no: ..." is known')
            found.append(
                Block(
                    path=rel,
                    line=i + 2,
                    code=code,
                    uses=uses,
                    run=attributes.get("run"),
                    check=attributes.get("check"),
                    pending=attributes.get("pending"),
                    serve=attributes.get("serve"),
                )
            )
        i = end + 1
    return found


def doc_files() -> list[Path]:
    """README.md and every Markdown file under docs/."""
    return [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def all_blocks() -> list[Block]:
    """Every Python block of the documentation, in file order."""
    return [block for path in doc_files() for block in blocks_of(path)]
