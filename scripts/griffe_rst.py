"""Griffe extension: read the package's reST-flavoured docstrings as Markdown.

The docstrings are Google style with a little reST: roles (``:class:`Movie```,
``:meth:`~tmdb_async.resources.Auth.close```), double-backtick literals and ``::``
literal blocks. mkdocstrings renders Markdown, so for the API reference this rewrites
roles to inline code (``~`` keeps the last name, as Sphinx shows it), double backticks to
single ones and each ``::`` block to a fenced Python block. The source is not changed.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:class|meth|func|data|mod|attr|exc|obj):`(?P<target>[^`]+)`")
_LITERAL = re.compile(r"``(?P<text>[^`\n]+)``")


def _role(found: re.Match[str]) -> str:
    target = found["target"]
    if target.startswith("~"):
        target = target[1:].rsplit(".", 1)[-1]
    return f"`{target}`"


def _fence_literal_blocks(text: str) -> str:
    lines = text.splitlines()
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.rstrip().endswith("::"):
            out.append(line)
            i += 1
            continue
        stripped = line.rstrip()[:-2].rstrip()
        out.append(stripped + ":" if stripped else "")
        indent = len(line) - len(line.lstrip())
        i += 1
        block: list[str] = []
        while i < len(lines) and (
            not lines[i].strip() or len(lines[i]) - len(lines[i].lstrip()) > indent
        ):
            block.append(lines[i])
            i += 1
        while block and not block[-1].strip():
            block.pop()
        while block and not block[0].strip():
            block.pop(0)
        code = [b for b in block if b.strip()]
        depth = min((len(b) - len(b.lstrip()) for b in code), default=0)
        pad = " " * indent
        out += [
            "",
            f"{pad}```python",
            *[pad + b[depth:] if b.strip() else "" for b in block],
            f"{pad}```",
        ]
        out.append("")
    return "\n".join(out)


class ReSTToMarkdown(griffe.Extension):
    """Rewrite reST roles, literals and ``::`` blocks of every docstring to Markdown."""

    def on_instance(self, *, obj: griffe.Object, **_: Any) -> None:
        """Rewrite ``obj``'s docstring in place, before it is parsed into sections."""
        if obj.docstring is None:
            return
        text = _LITERAL.sub(lambda m: f"`{m['text']}`", _ROLE.sub(_role, obj.docstring.value))
        obj.docstring.value = _fence_literal_blocks(text)
