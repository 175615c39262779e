"""Helpers shared by the model modules."""

from __future__ import annotations

from typing import Any

import attrs

from .._credentials import REDACTED

__all__ = ["secret_field"]


def _hide(_: object) -> str:
    return repr(REDACTED)


def secret_field(**kwargs: Any) -> Any:
    """An attrs field whose value never shows in ``repr`` / ``str`` (it prints ``'***'``)."""
    return attrs.field(repr=_hide, **kwargs)
