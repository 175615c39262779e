"""``with_options(...)``: a Core with other per-call settings, sharing the pool and budget."""

from __future__ import annotations

import enum
import re
from typing import Any

import aiohttp

from ._core import Core, SharedPool
from ._retry import RetryPolicy
from .errors import TMDBUsageError

__all__ = ["UNSET", "Unset", "derive_core"]


class Unset(enum.Enum):
    """The type of :data:`UNSET`: "keep the current setting"."""

    UNSET = "UNSET"


#: "Keep the current setting" (``None`` means "no default" / "no limit" / "no retries").
UNSET = Unset.UNSET

_LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Z]{2})?")
_REGION = re.compile(r"[A-Z]{2}")


def derive_core(
    core: Core,
    *,
    timeout: float | aiohttp.ClientTimeout | Unset | None = UNSET,
    retry: RetryPolicy | Unset | None = UNSET,
    language: str | Unset | None = UNSET,
    region: str | Unset | None = UNSET,
) -> Core:
    """``core`` with the given settings changed; the pool and rate budget stay shared.

    Raises:
        TMDBUsageError: a bad value, naming the setting (before any I/O).
    """
    changes: dict[str, Any] = {}
    if timeout is not UNSET:
        changes["pool"] = SharedPool(core.pool, _check_timeout(timeout))
    if retry is not UNSET:
        if retry is not None and not isinstance(retry, RetryPolicy):
            raise TMDBUsageError("retry must be a RetryPolicy or None")
        changes["retry"] = retry if retry is not None else RetryPolicy.disabled()
    if language is not UNSET:
        changes["language"] = _check_language(language)
    if region is not UNSET:
        changes["region"] = _check_region(region)
    return core.derive(**changes)


def _check_timeout(timeout: object) -> float | aiohttp.ClientTimeout | None:
    if timeout is None or isinstance(timeout, aiohttp.ClientTimeout):
        return timeout
    if isinstance(timeout, bool) or not isinstance(timeout, int | float):
        raise TMDBUsageError("timeout must be seconds, an aiohttp.ClientTimeout or None")
    if not timeout > 0:
        raise TMDBUsageError(f"timeout must be positive, got {timeout}")
    return timeout


def _check_language(language: object) -> str | None:
    if language is not None and (
        not isinstance(language, str) or not _LANGUAGE.fullmatch(language)
    ):
        raise TMDBUsageError(
            f"language must look like 'en' or 'en-US' or be None, got {language!r}"
        )
    return language


def _check_region(region: object) -> str | None:
    if region is not None and (not isinstance(region, str) or not _REGION.fullmatch(region)):
        raise TMDBUsageError(f"region must be an ISO 3166-1 code like 'US' or None, got {region!r}")
    return region
