"""Lazy exports (PEP 562) for the packages whose names load on first use."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(
    package: str, exports: Mapping[str, str], namespace: dict[str, Any]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """A package's ``__getattr__`` and ``__dir__`` loading each name of ``exports`` (name ->
    module relative to ``package``) from its module on first use, then keeping it in
    ``namespace`` (the package's ``globals()``) so later lookups cost nothing.

    Packages bind them under ``if not TYPE_CHECKING:``: type checkers see the package's
    ``TYPE_CHECKING`` imports instead, so a misspelt name stays an error for them.
    """

    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, package), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *exports})

    return __getattr__, __dir__
