"""v3 authentication operations (``tmdb.auth``)."""

from __future__ import annotations

from . import Call, Context


async def _validate_key(c: Context) -> object:
    return await c.tmdb.auth.validate_key()


async def _request_token(c: Context) -> object:
    return await c.tmdb.auth.create_request_token()


async def _guest_session(c: Context) -> object:
    return await c.tmdb.auth.create_guest_session()


async def _session(c: Context) -> object:
    return await c.tmdb.auth.create_session(c.request_token)


async def _validate_with_login(c: Context) -> object:
    return await c.tmdb.auth.validate_with_login(c.login_token, c.username, c.password)


async def _convert_v4(c: Context) -> object:
    return await c.tmdb.auth.convert_v4_session(c.v4.access_token)


async def _delete_session(c: Context) -> object:
    return await c.tmdb.auth.delete_session(c.session)


CALLS: dict[str, Call] = {
    "GET /3/authentication": _validate_key,
    "GET /3/authentication/token/new": _request_token,
    "GET /3/authentication/guest_session/new": _guest_session,
    "POST /3/authentication/session/new": _session,
    "POST /3/authentication/token/validate_with_login": _validate_with_login,
    "POST /3/authentication/session/convert/4": _convert_v4,
    "DELETE /3/authentication/session": _delete_session,
}
