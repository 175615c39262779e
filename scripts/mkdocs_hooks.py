"""MkDocs hook: show readers what the example markers of the docs say.

``tests/examples/docs_examples.py`` reads ``<!-- example ... -->`` comments before code blocks (a
fragment and the names it is given, a block the tests do not run and why). HTML comments
are invisible on the site, so this turns each into a one-line note above its block.
"""

from __future__ import annotations

import re
from typing import Any

_MARKER = re.compile(r"^<!--\s*example\s+(?P<body>[^\n]*?)\s*-->[ \t]*$", re.MULTILINE)
_ATTR = re.compile(r'(?P<key>[a-z]+)="(?P<value>[^"]*)"')

_NAMES = {
    "tmdb": "`tmdb`, a `TMDBClient`",
    "sb": "`sb`, a running `Sandbox`",
    "session": "`session`, a user's `Session`",
    "movie": "`movie`, a `Movie` fetched with its credits",
    "password": "`password`, the user's password",
    "token": "`token`, an API Read Access Token",
}


def _note(found: re.Match[str]) -> str:
    attributes = {m["key"]: m["value"] for m in _ATTR.finditer(found["body"])}
    notes = []
    uses = attributes.get("uses", "").split()
    if uses:
        notes.append(
            "A fragment: it runs inside `async def`, given "
            + "; ".join(_NAMES.get(name, f"`{name}`") for name in uses)
            + "."
        )
    for key, what in (("run", "Only type-checked"), ("check", "Not checked")):
        reason = attributes.get(key, "")
        if reason.startswith("no:"):
            notes.append(f"{what} by the test suite: {reason[3:].strip()}.")
    if not notes:
        return ""
    return "<small>" + " ".join(notes) + "</small>\n"


def on_page_markdown(markdown: str, **_: Any) -> str:
    """Replace each example marker by a visible note (or nothing, for a whole program)."""
    return _MARKER.sub(_note, markdown)
