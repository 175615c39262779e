"""The retry policy: which failures are retried, and how long to wait. Pure, no I/O."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import attrs

from .errors import (
    InvalidServiceError,
    MalformedIdError,
    PoolTimeoutError,
    RateLimitError,
    TMDBAPIError,
    TMDBConnectionError,
    TMDBError,
    TMDBTimeoutError,
    TMDBUsageError,
)

__all__ = ["RetryPolicy", "parse_retry_after"]

# HTTP methods that may be repeated without changing the result (RFC 9110 9.2.2).
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})

# 5xx answers that will not get better by asking again.
_PERMANENT_SERVER_ERRORS: tuple[type[TMDBAPIError], ...] = (InvalidServiceError, MalformedIdError)


def _at_least(minimum: float, *, integer: bool = False) -> Callable[[Any, Any, Any], None]:
    # attrs' own validators raise a bare ValueError; bad settings are a TMDBUsageError.
    kinds: tuple[type[int] | type[float], ...] = (int,) if integer else (int, float)
    kind = "an int" if integer else "a number"

    def check(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        ok = not isinstance(value, bool) and isinstance(value, kinds) and value >= minimum
        if not ok:
            raise TMDBUsageError(
                f"RetryPolicy.{attribute.name} must be {kind} >= {minimum:g}, got {value!r}"
            )

    return check


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header (a number of seconds), or ``None``.

    The HTTP-date form is not used by TMDB; it, and anything unparsable, gives ``None``
    so the policy falls back to its own backoff.
    """
    if value is None:
        return None
    try:
        seconds = float(value.strip())
    except ValueError:
        return None
    if seconds != seconds or seconds < 0:  # NaN or negative
        return None
    return seconds


@attrs.frozen(kw_only=True)
class RetryPolicy:
    """When and how long to retry a failed request.

    The defaults make at most 3 attempts in all, waiting ``0.5 s``, then ``1 s`` (times a
    random factor in [0.5, 1] so that many tasks do not retry in lockstep), capped at 8 s.

    Retried: HTTP 429 (any method: TMDB did not process the request), HTTP 5xx except
    codes 2 and 44, timeouts, and connection errors, the last three for idempotent
    requests only. A connection that could not even be opened, and a wait for a free
    connection that outlasted ``pool_timeout``, are retried for any method, since nothing
    was sent. ``POST /3/authentication/session/new`` is therefore never
    repeated after it may have reached TMDB.

    Attributes:
        max_attempts: attempts in all, the first included. ``1`` switches retries off.
        backoff_base: the first wait, in seconds; each next wait doubles it.
        backoff_max: the longest backoff wait, in seconds.
        jitter: multiply each backoff wait by a random factor in [0.5, 1].
        retry_after_min: the shortest wait when TMDB says ``Retry-After: 0`` (TMDB is known to
            send 0-second waits that would otherwise cause an immediate storm).
        retry_after_max: the longest wait honoured from ``Retry-After``; a larger value is
            capped to it.
        retry_statuses: HTTP statuses that are retried (subject to the rules above).
    """

    max_attempts: int = attrs.field(default=3, validator=_at_least(1, integer=True))
    backoff_base: float = attrs.field(default=0.5, validator=_at_least(0))
    backoff_max: float = attrs.field(default=8.0, validator=_at_least(0))
    jitter: bool = True
    retry_after_min: float = attrs.field(default=1.0, validator=_at_least(0))
    retry_after_max: float = attrs.field(default=60.0, validator=_at_least(0))
    retry_statuses: frozenset[int] = frozenset({429, 500, 502, 503, 504})
    random: Callable[[], float] = attrs.field(default=random.random, repr=False, eq=False)

    @classmethod
    def disabled(cls) -> RetryPolicy:
        """A policy that never retries."""
        return cls(max_attempts=1)

    def should_retry(
        self, error: TMDBError, *, attempt: int, idempotent: bool, sent: bool = True
    ) -> bool:
        """Whether to try again after ``error`` on attempt number ``attempt`` (1-based).

        Args:
            error: what the attempt raised.
            attempt: the number of the attempt that just failed.
            idempotent: whether repeating the request is harmless.
            sent: ``False`` when the request certainly never reached TMDB.
        """
        if attempt >= self.max_attempts:
            return False
        if isinstance(error, TMDBAPIError):
            if error.http_status not in self.retry_statuses:
                return False
            if isinstance(error, RateLimitError):
                return True
            if isinstance(error, _PERMANENT_SERVER_ERRORS):
                return False
            return idempotent
        if isinstance(error, TMDBConnectionError):
            return idempotent or not sent
        if isinstance(error, PoolTimeoutError):
            return True  # it never left: safe for any method
        if isinstance(error, TMDBTimeoutError):
            return idempotent
        return False

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Seconds to wait before attempt ``attempt + 1``.

        ``Retry-After`` wins when present, raised to ``retry_after_min`` and capped at
        ``retry_after_max``; otherwise exponential backoff with jitter.
        """
        if retry_after is not None:
            return min(max(retry_after, self.retry_after_min), self.retry_after_max)
        wait: float = min(self.backoff_base * 2.0 ** (attempt - 1), self.backoff_max)
        if self.jitter:
            wait *= 0.5 + 0.5 * float(self.random())
        return wait
