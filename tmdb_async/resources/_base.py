"""The base of every resource namespace, and the local argument checks they share."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import quote

from .._checks import check_int, check_text, has_dot_segment
from .._core import Core
from ..errors import MissingSessionError, TMDBUsageError
from ..models.auth import GuestSession, Session

__all__ = ["Resource"]

_LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Z]{2})?")
_REGION = re.compile(r"[A-Z]{2}")


class Resource:
    """A namespace of endpoints (``tmdb.movies``, ``tmdb.auth`` ...); holds no state of its own."""

    __slots__ = ("_core",)

    def __init__(self, core: Core) -> None:
        self._core = core

    def __repr__(self) -> str:
        return f"<{type(self).__name__} namespace>"


def check_id(value: object, name: str) -> int:
    """A TMDB numeric id: a positive int (``bool`` refused); see ``_checks.check_int``."""
    if type(value) is int and value > 0:
        return value
    return check_int(value, name, low=1)


def language_param(core: Core, language: str | None) -> str | None:
    """The per-call ``language`` if given, else the client default; checked locally."""
    value = language if language is not None else core.language
    if value is not None and not _LANGUAGE.fullmatch(value):
        raise TMDBUsageError(
            "language must look like 'en' or 'en-US' (ISO 639-1, optional ISO 3166-1), "
            f"got {value!r}"
        )
    return value


def region_param(core: Core, region: str | None) -> str | None:
    """The per-call ``region`` if given, else the client default; checked locally."""
    value = region if region is not None else core.region
    if value is not None and not _REGION.fullmatch(value):
        raise TMDBUsageError(f"region must be an ISO 3166-1 code like 'US', got {value!r}")
    return value


def check_token(value: object, name: str) -> str:
    """An opaque token or id string: non-empty, no whitespace. Never echoed in errors."""
    if not isinstance(value, str):
        raise TMDBUsageError(f"{name} must be a str, not {type(value).__name__}")
    if not value or any(ch.isspace() for ch in value):
        raise TMDBUsageError(f"{name} must be a non-empty string without whitespace")
    return check_text(value, name)


def session_id_of(session: Session | str | None) -> str:
    """The session id of a :class:`Session` or a plain id string."""
    if session is None:
        raise MissingSessionError(
            "this operation needs a user session: pass a Session (from "
            "tmdb.auth.create_session) or its session_id"
        )
    if isinstance(session, GuestSession):
        raise MissingSessionError(
            "this operation needs a user session; a guest session cannot use account endpoints"
        )
    if isinstance(session, Session):
        return session.session_id
    return check_token(session, "session_id")


#: Characters a path segment keeps as they are: RFC 3986 ``pchar`` minus "+" (which
#: yarl, and so aiohttp, always sends encoded). Paths are sent exactly as built.
_SEGMENT_SAFE = "!$&'()*,;=:@"


def segment(value: str, name: str = "a path segment") -> str:
    """Quote one path segment: "/", "?", "#", "%", spaces and non-ASCII are encoded.

    "." and "..", also percent-encoded (``.%2e``, ``%2E%2E``, ``%2e``) or behind a "/",
    are refused: a server would resolve them as "this" or "the parent" segment and the
    request would reach another endpoint. So is text UTF-8 cannot encode (a lone
    surrogate), which would be altered on the way. The value is never echoed.
    """
    check_text(value, name)
    if has_dot_segment(value):
        raise TMDBUsageError(f"{name} is not a valid path segment ('.' or '..', encoded or not)")
    return quote(value, safe=_SEGMENT_SAFE)


def join_appends(values: Iterable[str], allowed: frozenset[str]) -> str | None:
    """Check and join ``append_to_response`` names (at most 20, known names, no repeats)."""
    if not values:
        return None
    if isinstance(values, str):
        values = [v.strip() for v in values.split(",") if v.strip()]
    names = list(values)
    if not names:
        return None
    if len(names) > 20:
        raise TMDBUsageError(
            f"append_to_response takes at most 20 names (TMDB error 27), got {len(names)}"
        )
    unknown = [n for n in names if n not in allowed]
    if unknown:
        raise TMDBUsageError(
            f"unknown append_to_response name(s) {unknown}; allowed: {sorted(allowed)}"
        )
    if len(set(names)) != len(names):
        raise TMDBUsageError("append_to_response names must not repeat")
    return ",".join(names)


def check_string_id(value: object, name: str) -> str:
    """A TMDB string id (credit, review ...): a non-empty str without whitespace, returned
    quoted as one path segment ("/", "?", "#" and "%" cannot reach another endpoint)."""
    if not isinstance(value, str):
        raise TMDBUsageError(f"{name} must be a str, not {type(value).__name__}")
    if not value or any(ch.isspace() for ch in value):
        raise TMDBUsageError(f"{name} must be a non-empty string without whitespace")
    if value in (".", ".."):
        raise TMDBUsageError(f"{name} must not be {value!r}")
    return segment(value)
