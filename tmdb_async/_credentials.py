"""Application credentials (v3 api_key or v4 read access token) and secret redaction."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from urllib.parse import quote, quote_plus

import attrs

from .errors import CredentialError

REDACTED = "***"

# Query parameters and JSON body keys whose values are secrets. Their values are replaced
# by REDACTED in every URL we log or put in an exception message, and also wherever the
# same value shows up in a path (guest session ids live in paths).
SECRET_KEYS = frozenset(
    {
        "api_key",
        "session_id",
        "guest_session_id",
        "request_token",
        "access_token",
        "password",
    }
)

_HEX32 = re.compile(r"[0-9a-fA-F]{32}")
_JWT = re.compile(r"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")


def looks_like_jwt(value: str) -> bool:
    """Whether ``value`` has a JWT's shape (``eyJ...``.``...``.``...``): a v4 token."""
    return _JWT.fullmatch(value) is not None


def _looks_like_api_key(value: str) -> bool:
    return _HEX32.fullmatch(value) is not None


def _clean(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise CredentialError(f"{name} must be a str, not {type(value).__name__}")
    cleaned = value.strip()
    if not cleaned:
        raise CredentialError(f"{name} is empty")
    if any(ch.isspace() for ch in cleaned):
        raise CredentialError(f"{name} contains whitespace; copy it again from TMDB's settings")
    return cleaned


@attrs.frozen(repr=False)
class Credentials:
    """How the application authenticates: ``kind`` is ``"bearer"`` or ``"api_key"``.

    Build it with :meth:`from_arguments`. Its ``repr`` never shows the secret.
    """

    kind: str
    secret: str

    @classmethod
    def from_arguments(cls, *, api_key: str | None, access_token: str | None) -> Credentials:
        """Check the two constructor arguments of TMDBClient and pick the credential.

        Raises:
            CredentialError: none or both given, or a value passed under the wrong name.
        """
        if api_key is None and access_token is None:
            raise CredentialError(
                "TMDBClient needs a credential: access_token=<API Read Access Token> "
                "(recommended; a long JWT starting with 'eyJ') or api_key=<API Key> "
                "(32 hex characters). Both are on https://www.themoviedb.org/settings/api"
            )
        if api_key is not None and access_token is not None:
            raise CredentialError(
                "pass either access_token= or api_key=, not both (the access token "
                "alone works for every v3 and v4 endpoint)"
            )
        if access_token is not None:
            token = _clean(access_token, "access_token")
            if _looks_like_api_key(token):
                raise CredentialError(
                    "the value passed as access_token= looks like a v3 API Key (32 hex "
                    "characters); pass it as api_key=, or use the API Read Access Token "
                    "(a JWT starting with 'eyJ') as access_token="
                )
            return cls("bearer", token)
        assert api_key is not None
        key = _clean(api_key, "api_key")
        if looks_like_jwt(key):
            raise CredentialError(
                "the value passed as api_key= looks like a v4 API Read Access Token (a JWT "
                "starting with 'eyJ'); pass it as access_token= (it is sent as "
                "'Authorization: Bearer ...'), or use the 32-hex API Key as api_key="
            )
        return cls("api_key", key)

    @property
    def is_bearer(self) -> bool:
        """True when requests carry ``Authorization: Bearer <read access token>``."""
        return self.kind == "bearer"

    def __repr__(self) -> str:
        return f"Credentials(kind={self.kind!r}, secret={REDACTED!r})"

    __str__ = __repr__


def collect_secrets(
    params: Mapping[str, object] | None,
    body: Mapping[str, object] | None,
    extra: Iterable[str] = (),
) -> tuple[str, ...]:
    """The secret values in one request, to be redacted from anything printed."""
    found: list[str] = [s for s in extra if s]
    for source in (params, body):
        if source:
            for key, value in source.items():
                if key in SECRET_KEYS and isinstance(value, str) and value:
                    found.append(value)
    return tuple(found)


# ``api_key=...`` and friends in a URL quoted inside a third-party message (aiohttp's), in
# whatever encoding that library chose: the value runs to the next separator.
_SECRET_PARAM = re.compile(
    r"(?<![A-Za-z0-9_])(" + "|".join(sorted(SECRET_KEYS)) + r")=[^&#\s'\"<>()\[\]]+"
)


def redact(text: str, secrets: Iterable[str]) -> str:
    """Replace every occurrence of every secret in ``text`` by ``***``.

    Also the value of every secret-named query parameter (``session_id=...``), whatever
    its encoding, so a URL inside an aiohttp message is safe even where yarl quoted the
    secret differently from ``urllib`` (yarl leaves ``/`` and ``@`` alone in a query).
    """
    variants: set[str] = set()
    for secret in secrets:
        if secret:
            # URLs in third-party messages carry the secret percent-encoded.
            variants.update((secret, quote(secret, safe=""), quote_plus(secret), quote(secret)))
    # Longest first, so that a secret containing another is replaced whole.
    for secret in sorted(variants, key=len, reverse=True):
        if secret and secret in text:
            text = text.replace(secret, REDACTED)
    if "=" in text:
        text = _SECRET_PARAM.sub(rf"\1={REDACTED}", text)
    return text
