"""The account model (``GET /3/account`` and ``GET /3/account/{account_id}``)."""

from __future__ import annotations

import attrs

__all__ = ["Account", "Avatar", "GravatarAvatar", "TMDBAvatar"]


@attrs.frozen(kw_only=True)
class GravatarAvatar:
    """The Gravatar part of an avatar: the MD5 hash of the user's email."""

    hash: str | None = None


@attrs.frozen(kw_only=True)
class TMDBAvatar:
    """An avatar uploaded to TMDB; ``avatar_path`` is ``None`` when the user has none."""

    avatar_path: str | None = None


@attrs.frozen(kw_only=True)
class Avatar:
    """Both avatar sources TMDB reports for an account."""

    gravatar: GravatarAvatar = attrs.Factory(GravatarAvatar)
    tmdb: TMDBAvatar = attrs.Factory(TMDBAvatar)


@attrs.frozen(kw_only=True)
class Account:
    """A TMDB user account.

    Attributes:
        id: the v3 account id (an integer; the v4 account id is a different, 24-hex string).
        username: the login name.
        name: the display name (may be empty).
        include_adult: whether the user wants adult titles in results.
        iso_639_1: the user's language (``"en"``).
        iso_3166_1: the user's country (``"BE"``).
        avatar: Gravatar hash and TMDB avatar path.
    """

    id: int
    username: str = ""
    name: str = ""
    include_adult: bool = False
    iso_639_1: str | None = None
    iso_3166_1: str | None = None
    avatar: Avatar = attrs.Factory(Avatar)
