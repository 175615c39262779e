"""Argument checks shared by the TV series, season and episode namespaces."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..errors import TMDBUsageError

__all__ = ["video_languages"]

_VIDEO_LANGUAGE = re.compile(r"[a-z]{2}|null")


def video_languages(value: Iterable[str] | str | None) -> str | None:
    """``include_video_language``: ISO 639-1 codes and ``"null"`` (videos without language)."""
    if value is None:
        return None
    names = value.split(",") if isinstance(value, str) else list(value)
    for name in names:
        if not isinstance(name, str) or not _VIDEO_LANGUAGE.fullmatch(name):
            raise TMDBUsageError(
                f"include_video_language takes ISO 639-1 codes like 'en' and 'null', got {name!r}"
            )
    return ",".join(names) or None
