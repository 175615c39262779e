"""The v4 API routes: the v4 token flow (``/4/auth/...``)."""

from __future__ import annotations

from aiohttp import web

from .._state import Failure
from ._base import Area, _body, _ok


class V4Routes(Area):
    """``/4/...``."""

    def register(self, router: web.UrlDispatcher) -> None:
        """Add this area's routes to ``router``."""
        r = router
        r.add_post("/4/auth/request_token", self.v4_request_token)
        r.add_post("/4/auth/access_token", self.v4_access_token)
        r.add_delete("/4/auth/access_token", self.v4_logout)

    async def v4_request_token(self, request: web.Request) -> web.Response:
        redirect_to = (await _body(request)).get("redirect_to")
        if redirect_to is not None and not isinstance(redirect_to, str):
            raise Failure(47)
        token = self.state.new_v4_request_token(redirect_to)
        return _ok(
            {
                "success": True,
                "status_code": 1,
                "status_message": "Success.",
                "request_token": token,
            }
        )

    async def v4_access_token(self, request: web.Request) -> web.Response:
        token = (await _body(request)).get("request_token")
        if not isinstance(token, str):
            raise Failure(33)
        access, user = self.state.create_access_token(token)
        return _ok(
            {
                "success": True,
                "status_code": 1,
                "status_message": "Success.",
                "account_id": user.object_id(),
                "access_token": access,
            }
        )

    async def v4_logout(self, request: web.Request) -> web.Response:
        access = (await _body(request)).get("access_token")
        if not isinstance(access, str):
            raise Failure(35)
        self.state.delete_access_token(access)
        return _ok(
            {
                "success": True,
                "status_code": 13,
                "status_message": "The item/record was deleted successfully.",
            }
        )
