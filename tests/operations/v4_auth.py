"""v4 authentication operations (``tmdb.auth``): user request and access tokens.

The v3 document has no v4 examples: the answers are TMDB's documented shapes
(../shared/reference/WIRE.md §2 rows 22-24 and §4.5).
"""

from __future__ import annotations

from tests.user_helpers import USER_TOKEN as V4_USER_TOKEN

from . import Call, Context

V4_REQUEST_TOKEN = (
    "eyJhbGciOiJIUzI1NiJ9.eyJzY29wZXMiOlsicGVuZGluZ19yZXF1ZXN0X3Rva2VuIl0sInZlcnNpb24iOjF9"
    ".c2lnbmF0dXJl"
)
ACCOUNT_OBJECT_ID = "5a1b2c3d4e5f6a7b8c9d0e1f"


async def _request_token(c: Context) -> object:
    return await c.tmdb.auth.create_v4_request_token(redirect_to="https://app.example/cb")


async def _access_token(c: Context) -> object:
    return await c.tmdb.auth.create_v4_access_token(c.v4_request_token)


async def _delete_access_token(c: Context) -> object:
    return await c.tmdb.auth.delete_v4_access_token(c.v4.access_token)


CALLS: dict[str, Call] = {
    "POST /4/auth/request_token": _request_token,
    "POST /4/auth/access_token": _access_token,
    "DELETE /4/auth/access_token": _delete_access_token,
}

ANSWERS: dict[str, tuple[int, object]] = {
    "POST /4/auth/request_token": (
        200,
        {
            "status_message": "Success.",
            "request_token": V4_REQUEST_TOKEN,
            "success": True,
            "status_code": 1,
        },
    ),
    "POST /4/auth/access_token": (
        200,
        {
            "account_id": ACCOUNT_OBJECT_ID,
            "access_token": V4_USER_TOKEN,
            "success": True,
            "status_code": 1,
            "status_message": "Success.",
        },
    ),
    "DELETE /4/auth/access_token": (
        200,
        {
            "status_message": "The item/record was deleted successfully.",
            "success": True,
            "status_code": 13,
        },
    ),
}
