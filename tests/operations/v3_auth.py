"""v3 authentication operations (``tmdb.auth``)."""

from __future__ import annotations

from tmdb_async import RequestToken, Session, TMDBClient

from . import Call

REQUEST_TOKEN = "6bc047b88f669d1fb86574f06381005d93d3517a"
SESSION_ID = "2629f70fb498edc263a0adb99118ac41f0053e8c"
USER_TOKEN = (
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI1YTFiMmMzZDRlNWY2YTdiOGM5ZDBlMWYiLCJzY29wZXMiOlsi"
    "YXBpX3JlYWQiLCJhcGlfd3JpdGUiXSwidmVyc2lvbiI6MX0.c2lnbmF0dXJl"
)


async def _validate_key(tmdb: TMDBClient) -> object:
    return await tmdb.auth.validate_key()


async def _request_token(tmdb: TMDBClient) -> object:
    return await tmdb.auth.create_request_token()


async def _guest_session(tmdb: TMDBClient) -> object:
    return await tmdb.auth.create_guest_session()


async def _session(tmdb: TMDBClient) -> object:
    return await tmdb.auth.create_session(RequestToken(request_token=REQUEST_TOKEN))


async def _validate_with_login(tmdb: TMDBClient) -> object:
    return await tmdb.auth.validate_with_login(REQUEST_TOKEN, "johnny_appleseed", "test123")


async def _convert_v4(tmdb: TMDBClient) -> object:
    return await tmdb.auth.convert_v4_session(USER_TOKEN)


async def _delete_session(tmdb: TMDBClient) -> object:
    return await tmdb.auth.delete_session(Session(session_id=SESSION_ID))


CALLS: dict[str, Call] = {
    "GET /3/authentication": _validate_key,
    "GET /3/authentication/token/new": _request_token,
    "GET /3/authentication/guest_session/new": _guest_session,
    "POST /3/authentication/session/new": _session,
    "POST /3/authentication/token/validate_with_login": _validate_with_login,
    "POST /3/authentication/session/convert/4": _convert_v4,
    "DELETE /3/authentication/session": _delete_session,
}
