"""One request budget for many processes: :class:`SharedRateLimit`, kept in Redis.

TMDB limits requests per IP address, not per client object. Several processes behind one
address (the workers of a web app, the shards of a batch job) each with their own
:class:`~tmdb_async.RateLimit` overrun it together. With
``TMDBClient(rate_limit=SharedRateLimit("redis://...", key="tmdb:myapp"))`` every client
configured with the same Redis and ``key`` draws from one budget, and a 429 seen by any of
them pauses all of them.

This module only describes the budget; it does not import ``redis``. The gate that talks
to Redis (:mod:`tmdb_async._shared_gate`) is loaded when the first client using a
:class:`SharedRateLimit` is built; the ``redis`` package comes with the extra
``pip install tmdb-async[redis]``.
"""

from __future__ import annotations

import importlib.util
import math
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import attrs

from ._checks import check_int, check_number
from ._ratelimit import Clock, RateLimit, Sleep
from .errors import TMDBUsageError

if TYPE_CHECKING:
    from ._shared_gate import SharedGate

__all__ = ["SharedRateLimit"]

_SCHEMES = ("redis", "rediss", "unix")
_INSTALL = "pip install tmdb-async[redis]"


def shown_url(url: str) -> str:
    """``url`` with its password (if any) replaced by ``***``: safe to print and log."""
    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:
        return "<unparsable Redis URL>"
    if password is None:
        return url
    user = parts.username or ""
    host = parts.netloc.rpartition("@")[2]
    return parts._replace(netloc=f"{user}:***@{host}").geturl()


def check_redis_url(value: object, name: str) -> str:
    """``value`` if it is a ``redis://``, ``rediss://`` or ``unix://`` URL that parses (port
    included): the one check of every Redis URL the package takes (the shared budget, the
    Redis cache). Its message names ``name`` and shows the URL only through :func:`shown_url`.

    Raises:
        TMDBUsageError: not a str, not parseable, or not a Redis URL.
    """
    if not isinstance(value, str):
        raise TMDBUsageError(f"{name} must be a str (a redis:// URL)")
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise TMDBUsageError(f"{name} is not a valid Redis URL: {shown_url(value)}") from None
    if parts.scheme not in _SCHEMES or not (parts.hostname or parts.path):
        raise TMDBUsageError(
            f"{name} must be a redis://, rediss:// or unix:// URL, got {shown_url(value)!r}"
        )
    return value


def _check_url(_: object, attribute: attrs.Attribute[str], value: str) -> None:
    check_redis_url(value, f"SharedRateLimit.{attribute.name}")


def _check_key(_: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value or value != value.strip():
        raise TMDBUsageError(
            f"SharedRateLimit.{attribute.name} must be a non-empty str without surrounding "
            f"spaces, got {value!r}"
        )


def _positive_seconds(_: object, attribute: attrs.Attribute[float], value: float) -> None:
    seconds = check_number(value, f"SharedRateLimit.{attribute.name}")
    if seconds == math.inf:
        raise TMDBUsageError(f"SharedRateLimit.{attribute.name} must be finite, got {value!r}")


def _check_rate(instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    try:
        RateLimit(rate=value)
    except TMDBUsageError:
        raise TMDBUsageError(
            f"SharedRateLimit.{attribute.name} must be a positive, finite number, got {value!r}"
        ) from None


def _positive_int(_: object, attribute: attrs.Attribute[int], value: int) -> None:
    check_int(value, f"SharedRateLimit.{attribute.name}", low=1)


@attrs.frozen
class SharedRateLimit:
    """A request budget shared through Redis by every client that names the same ``key``.

    Pass it as ``TMDBClient(rate_limit=SharedRateLimit(url, key=...))`` in each process
    (or machine) that sends from one IP address. Each attempt takes a token from a token
    bucket kept in Redis (``rate`` per second, at most ``burst`` saved up), so together
    the processes keep to ``rate``; a 429 any of them gets starts a cooldown in Redis that
    holds all of them for its ``Retry-After``. One Redis round trip per request.

    When Redis cannot be reached (at start, or it stops or restarts mid-run), requests go
    on without it: each process keeps to its share, ``rate / processes`` per second, a
    warning is logged once per outage, and sharing resumes by itself when Redis answers
    again (checked every ``reconnect_interval`` seconds). No error reaches the caller.

    Needs the ``redis`` package: ``pip install tmdb-async[redis]``.

    Attributes:
        url: the Redis URL (``redis://[:password@]host:port/db``, ``rediss://`` for TLS,
            ``unix://``). Its password never appears in a repr or a log line.
        key: the name of the budget: clients with the same Redis and key share it (the
            keys ``<key>:bucket`` and ``<key>:cooldown`` are used).
        rate: requests per second, for all the processes together.
        burst: requests that may start at once after an idle spell, all processes together.
        processes: how many processes are expected to share the budget. While Redis is
            unreachable each keeps to ``rate / processes`` (and a burst of
            ``burst // processes``, at least 1): conservative, so that together they still
            stay within ``rate``.
        timeout: seconds a connection to Redis or one command may take before Redis counts
            as unreachable (a dead Redis never holds requests longer than this).
        reconnect_interval: seconds between attempts to reach Redis again during an outage.
    """

    url: str = attrs.field(validator=_check_url, repr=lambda url: repr(shown_url(url)))
    key: str = attrs.field(default="tmdb_async", validator=_check_key)
    rate: float = attrs.field(default=40.0, validator=_check_rate)
    burst: int = attrs.field(default=10, validator=_positive_int)
    processes: int = attrs.field(default=4, validator=_positive_int, kw_only=True)
    timeout: float = attrs.field(default=0.5, validator=_positive_seconds, kw_only=True)
    reconnect_interval: float = attrs.field(default=2.0, validator=_positive_seconds, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if importlib.util.find_spec("redis") is None:
            raise TMDBUsageError(f"SharedRateLimit needs the redis package: {_INSTALL}")

    @property
    def local_share(self) -> RateLimit:
        """The budget one process keeps to while Redis is unreachable."""
        return RateLimit(self.rate / self.processes, max(1, self.burst // self.processes))

    @property
    def budget(self) -> RateLimit:
        """The whole budget (``rate`` and ``burst``) as a :class:`~tmdb_async.RateLimit`."""
        return RateLimit(self.rate, self.burst)

    def gate(self, *, clock: Clock, sleep: Sleep) -> SharedGate:
        """A new gate for one client's pool (used by the client; loads ``redis``)."""
        from ._shared_gate import SharedGate

        return SharedGate(self, clock=clock, sleep=sleep)
