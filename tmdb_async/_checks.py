"""Local checks of arguments and of what a request carries: the one integer and number
validator, text that UTF-8 cannot encode, dot segments.

Pure functions, no I/O. They raise :class:`~tmdb_async.errors.TMDBUsageError` naming the
parameter, never showing its value (it may be a password or a session id).
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import unquote

from .errors import TMDBUsageError

__all__ = [
    "check_int",
    "check_json_text",
    "check_number",
    "check_optional_int",
    "check_text",
    "has_dot_segment",
]


def check_int(value: object, name: str, *, low: int, high: int | None = None) -> int:
    """The one integer check every id, count and setting goes through: an ``int`` (``bool``
    refused) from ``low`` to ``high`` (no upper bound when ``None``)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TMDBUsageError(f"{name} must be an int, not {type(value).__name__}")
    if value < low:
        raise TMDBUsageError(f"{name} must be {low} or more, got {value}")
    if high is not None and value > high:
        raise TMDBUsageError(f"{name} must be between {low} and {high}, got {value}")
    return value


def check_optional_int(
    value: object, name: str, *, low: int, high: int | None = None
) -> int | None:
    """``None`` (no value), or :func:`check_int`'s ``int``."""
    return None if value is None else check_int(value, name, low=low, high=high)


def check_number(value: object, name: str) -> float:
    """A positive ``int`` or ``float`` (``bool`` and NaN refused): rates and seconds."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TMDBUsageError(f"{name} must be a number, not {type(value).__name__}")
    if not value > 0:  # NaN too
        raise TMDBUsageError(f"{name} must be a positive number, got {value!r}")
    return value


def check_text(value: str, name: str) -> str:
    """``value`` if UTF-8 can encode it; a lone surrogate (``"\\ud800"``) is refused.

    Such a string would be altered on its way out (a character dropped or replaced), so
    the request would not be the one asked for.
    """
    if value.isascii():
        return value
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        pass  # raised outside the handler: the UnicodeEncodeError (it holds the value)
        # must not ride along as the new exception's __context__
    raise TMDBUsageError(f"{name} contains text that cannot be encoded as UTF-8 (a lone surrogate)")


def check_json_text(body: object, name: str = "json") -> None:
    """Check every string (keys and values) of a JSON body, naming the field that fails."""
    if isinstance(body, str):
        check_text(body, name)
    elif isinstance(body, Mapping):
        for key, value in body.items():
            if isinstance(key, str):
                check_text(key, f"a key of {name}")
            check_json_text(value, f"{name}[{key!r}]" if _printable(key) else name)
    elif isinstance(body, list | tuple):
        for item in body:
            check_json_text(item, f"an item of {name}")


def _printable(key: object) -> bool:
    return isinstance(key, str) and key.isascii() and key.isprintable() and len(key) <= 64


def has_dot_segment(path: str) -> bool:
    """Whether ``path`` has a "." or ".." segment, also percent-encoded (``.%2e``, ``%2E``).

    A server decodes the path before it resolves dot segments, so ``/3/movie/.%2e/.%2e/4/x``
    reaches ``/4/x``. Decoded up to three times (a proxy may decode once more), and an
    encoded "/" or a backslash that decodes into a new segment counts too.
    """
    for _ in range(4):
        if any(part in (".", "..") for part in path.replace("\\", "/").split("/")):
            return True
        if "%" not in path:
            return False
        path = unquote(path)
    return False
