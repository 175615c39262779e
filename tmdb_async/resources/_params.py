"""Local checks and wire formatting for query parameters of the catalogue endpoints.

Each helper validates one kind of argument and returns what goes on the wire (or ``None``
to leave the parameter out); a bad value raises :class:`~tmdb_async.TMDBUsageError`
before any I/O. Literal-typed arguments are checked at runtime too, since callers do not
always run a type checker.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from collections.abc import Collection, Iterable
from typing import Any

from .._checks import check_int, check_optional_int
from ..errors import TMDBUsageError

__all__ = [
    "MAX_CHANGES_DAYS",
    "MAX_PAGE",
    "AnyOf",
    "check_bool",
    "check_choice",
    "check_option",
    "check_changes_window",
    "check_count",
    "check_image_languages",
    "check_index",
    "check_page",
    "check_query",
    "check_range",
    "check_score",
    "check_timezone",
    "check_year",
    "choices",
    "date_param",
    "id_list",
    "code_param",
]

#: TMDB serves pages 1 to 500 of any paged list (error 22 beyond).
MAX_PAGE = 500
#: The longest window the changes lists accept ("up to 14 days").
MAX_CHANGES_DAYS = 14

_TIMEZONE = re.compile(r"[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+)*")
_IMAGE_LANGUAGE = re.compile(r"[a-z]{2}|null")


class AnyOf:
    """An OR filter for discover: ``with_genres=AnyOf(28, 12)`` sends ``28|12``.

    A plain iterable means AND (``[28, 12]`` sends ``28,12``).
    """

    __slots__ = ("values",)

    def __init__(self, *values: int | str) -> None:
        self.values: tuple[int | str, ...] = values

    def __repr__(self) -> str:
        return f"AnyOf{self.values!r}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, AnyOf) and other.values == self.values

    def __hash__(self) -> int:
        return hash(self.values)


def choices(literal: Any) -> tuple[str, ...]:
    """The values of a ``Literal[...]`` type, in order."""
    return tuple(typing.get_args(literal))


def check_option(value: object, name: str, allowed: Collection[str]) -> str | None:
    """``None``, or one of ``allowed`` (an optional choice such as ``sort_by``)."""
    if value is not None and value not in allowed:
        raise TMDBUsageError(f"{name} must be one of {sorted(allowed)}, got {value!r}")
    return value  # type: ignore[return-value]


def check_choice(value: object, name: str, allowed: tuple[str, ...]) -> str:
    """One of ``allowed`` (a Literal's values), checked at runtime."""
    if not isinstance(value, str) or value not in allowed:
        raise TMDBUsageError(f"{name} must be one of {list(allowed)}, got {value!r}")
    return value


def check_page(page: object) -> int:
    """A page number: an int from 1 to 500 (``bool`` refused)."""
    if isinstance(page, int) and not isinstance(page, bool) and not 1 <= page <= MAX_PAGE:
        raise TMDBUsageError(f"page must be between 1 and {MAX_PAGE} (TMDB's cap), got {page}")
    return check_int(page, "page", low=1, high=MAX_PAGE)


def check_index(value: object, name: str) -> int:
    """A season or episode number: an int >= 0 (season 0 holds the specials)."""
    return check_int(value, name, low=0)


def check_query(value: object) -> str:
    """A search query: a string with some non-space text."""
    if not isinstance(value, str):
        raise TMDBUsageError(f"query must be a str, not {type(value).__name__}")
    if not value.strip():
        raise TMDBUsageError("query must not be empty")
    return value


def check_bool(value: object, name: str) -> bool | None:
    """An optional flag (``None`` leaves it to TMDB's default)."""
    if value is not None and not isinstance(value, bool):
        raise TMDBUsageError(f"{name} must be a bool, not {type(value).__name__}")
    return value


def check_year(value: object, name: str) -> int | None:
    """An optional year from 1000 to 9999 (TMDB's range)."""
    return check_optional_int(value, name, low=1000, high=9999)


def check_score(value: object, name: str) -> float | None:
    """An optional vote average bound, 0 to 10."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TMDBUsageError(f"{name} must be a number, not {type(value).__name__}")
    if not 0 <= value <= 10:
        raise TMDBUsageError(f"{name} must be between 0 and 10, got {value}")
    return value


def check_count(value: object, name: str) -> int | None:
    """An optional non-negative int (vote counts, runtimes in minutes)."""
    return check_optional_int(value, name, low=0)


def check_timezone(value: object) -> str | None:
    """An optional IANA time zone name (``"America/New_York"``)."""
    if value is None:
        return None
    if not isinstance(value, str) or not _TIMEZONE.fullmatch(value):
        raise TMDBUsageError(f"timezone must look like 'America/New_York', got {value!r}")
    return value


def code_param(value: object, name: str, pattern: str) -> str | None:
    """An optional code (country, language ...) that must match ``pattern``."""
    if value is None:
        return None
    if not isinstance(value, str) or not re.fullmatch(pattern, value):
        raise TMDBUsageError(f"{name} has an unexpected form: {value!r}")
    return value


def date_param(value: object, name: str) -> str | None:
    """An optional :class:`datetime.date`, sent as ``YYYY-MM-DD`` (a datetime is refused)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise TMDBUsageError(f"{name} must be a datetime.date, not {type(value).__name__}")
    return value.isoformat()


def check_range(low: object, high: object, low_name: str, high_name: str) -> None:
    """Both bounds given: ``low`` must not exceed ``high``."""
    if low is not None and high is not None and low > high:  # type: ignore[operator]
        raise TMDBUsageError(f"{low_name} ({low}) is after {high_name} ({high})")


def check_changes_window(start: dt.date | None, end: dt.date | None) -> dict[str, str | None]:
    """``start_date`` / ``end_date`` of a changes query: dates, in order, at most 14 days."""
    params = {
        "start_date": date_param(start, "start_date"),
        "end_date": date_param(end, "end_date"),
    }
    if start is not None and end is not None:
        if start > end:
            raise TMDBUsageError(f"start_date ({start}) is after end_date ({end})")
        if (end - start).days > MAX_CHANGES_DAYS:
            raise TMDBUsageError(
                f"end_date is {(end - start).days} days after start_date ({start} to {end}); "
                f"TMDB serves at most {MAX_CHANGES_DAYS} days of changes per query"
            )
    return params


def id_list(value: object, name: str, *, allowed: tuple[Any, ...] | None = None) -> str | None:
    """A discover list filter: an iterable means AND (``a,b``), :class:`AnyOf` means OR (``a|b``).

    Items are positive ints (ids) or, where ``allowed`` is given, members of it. A plain
    ``str`` is refused: its meaning (AND or OR) would be guessed.
    """
    if value is None:
        return None
    if isinstance(value, AnyOf):
        items, sep = list(value.values), "|"
    elif isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise TMDBUsageError(
            f"{name} takes an iterable (AND) or AnyOf(...) (OR), not {type(value).__name__}"
        )
    else:
        items, sep = list(value), ","
    if not items:
        return None
    for item in items:
        if allowed is not None:
            if item not in allowed or isinstance(item, bool):
                raise TMDBUsageError(f"{name} items must be among {list(allowed)}, got {item!r}")
        elif isinstance(item, bool) or not isinstance(item, int) or item <= 0:
            raise TMDBUsageError(f"{name} items must be positive int ids, got {item!r}")
    return sep.join(str(item) for item in items)


def check_image_languages(value: Iterable[str] | str | None) -> str | None:
    """``include_image_language``: ISO 639-1 codes and ``"null"`` (images without text)."""
    if value is None:
        return None
    names = value.split(",") if isinstance(value, str) else list(value)
    if not names:
        return None
    for name in names:
        if not isinstance(name, str) or not _IMAGE_LANGUAGE.fullmatch(name):
            raise TMDBUsageError(
                f"include_image_language takes ISO 639-1 codes like 'en' and 'null', got {name!r}"
            )
    return ",".join(names)
