"""``GET /3/configuration`` (image base URLs and sizes, change keys) and the reference
lists under it: countries, jobs, languages, time zones.

:meth:`ImageConfiguration.url` builds an image URL from a file path (``poster_path`` ...)
without any I/O.
"""

from __future__ import annotations

from typing import Literal

import attrs

from ..errors import TMDBUsageError

__all__ = [
    "Configuration",
    "Country",
    "CountryTimezones",
    "ImageConfiguration",
    "ImageKind",
    "JobDepartment",
    "Language",
]

#: Which family of sizes to check a size against.
ImageKind = Literal["backdrop", "logo", "poster", "profile", "still"]
_KINDS: tuple[ImageKind, ...] = ("backdrop", "logo", "poster", "profile", "still")


@attrs.frozen(kw_only=True)
class ImageConfiguration:
    """Where TMDB serves images, and in which sizes (``w500``, ``original`` ...)."""

    base_url: str = ""
    secure_base_url: str = ""
    backdrop_sizes: list[str] = attrs.Factory(list)
    logo_sizes: list[str] = attrs.Factory(list)
    poster_sizes: list[str] = attrs.Factory(list)
    profile_sizes: list[str] = attrs.Factory(list)
    still_sizes: list[str] = attrs.Factory(list)

    def sizes(self, kind: ImageKind | None = None) -> list[str]:
        """The sizes TMDB offers for ``kind``, or for any kind when ``None`` (in order)."""
        if kind is None:
            out: list[str] = []
            for k in _KINDS:
                out.extend(s for s in getattr(self, f"{k}_sizes") if s not in out)
            return out
        if kind not in _KINDS:
            raise TMDBUsageError(f"kind must be one of {list(_KINDS)}, got {kind!r}")
        return list(getattr(self, f"{kind}_sizes"))

    def url(
        self, path: str | None, size: str = "original", *, kind: ImageKind | None = None
    ) -> str | None:
        """The HTTPS URL of an image file. Pure: no I/O.

        Args:
            path: a file path from a model (``"/6FfCtAuVAW8XJjZ7eWeLibRLWTw.jpg"``);
                ``None`` (TMDB has no image) gives ``None``.
            size: one of the configured sizes (``"w500"``, ``"original"`` ...).
            kind: check ``size`` against this family's sizes only (``"poster"`` ...).

        Returns:
            ``{secure_base_url}{size}{path}``, or ``None`` when ``path`` is ``None``.

        Raises:
            TMDBUsageError: an unknown size (the message lists the valid ones), or a path
                that is not a ``/``-rooted file name.
        """
        valid = self.sizes(kind)
        if size not in valid:
            family = f"{kind} " if kind else ""
            raise TMDBUsageError(f"unknown {family}image size {size!r}; valid sizes: {valid}")
        if path is None:
            return None
        if not isinstance(path, str) or not path.startswith("/") or "//" in path:
            raise TMDBUsageError(f"image path must look like '/abc.jpg', got {path!r}")
        base = self.secure_base_url or self.base_url
        return f"{base.rstrip('/')}/{size}{path}"


@attrs.frozen(kw_only=True)
class Configuration:
    """The API configuration (``GET /3/configuration``)."""

    images: ImageConfiguration = attrs.Factory(ImageConfiguration)
    change_keys: list[str] = attrs.Factory(list)


@attrs.frozen(kw_only=True)
class Country:
    """A country (``GET /3/configuration/countries``, watch provider regions).

    ``iso_3166_1`` is its code (``"US"``); ``native_name`` is in the requested language.
    """

    iso_3166_1: str
    english_name: str = ""
    native_name: str = ""


@attrs.frozen(kw_only=True)
class Language:
    """A language (``GET /3/configuration/languages``); ``name`` is its own name or ``""``."""

    iso_639_1: str
    english_name: str = ""
    name: str = ""


@attrs.frozen(kw_only=True)
class JobDepartment:
    """A crew department and its jobs (``GET /3/configuration/jobs``)."""

    department: str
    jobs: list[str] = attrs.Factory(list)


@attrs.frozen(kw_only=True)
class CountryTimezones:
    """A country's time zones (``GET /3/configuration/timezones``), IANA names."""

    iso_3166_1: str
    zones: list[str] = attrs.Factory(list)
