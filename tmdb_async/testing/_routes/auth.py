"""The v3 authentication routes: request tokens, login, sessions, guest sessions."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from .._state import Failure, format_expiry
from ._base import Area, _body, _ok


class AuthRoutes(Area):
    """``/3/authentication/...``."""

    def register(self, router: web.UrlDispatcher) -> None:
        """Add this area's routes to ``router``."""
        r = router
        r.add_get("/3/authentication", self.validate_key)
        r.add_get("/3/authentication/token/new", self.token_new)
        for method in ("POST", "GET"):  # GET: the legacy query-string forms
            r.add_route(method, "/3/authentication/token/validate_with_login", self.login)
            r.add_route(method, "/3/authentication/session/new", self.session_new)
        r.add_post("/3/authentication/session/convert/4", self.session_convert)
        r.add_delete("/3/authentication/session", self.session_delete)
        r.add_get("/3/authentication/guest_session/new", self.guest_new)

    async def validate_key(self, request: web.Request) -> web.Response:
        return _ok({"success": True, "status_code": 1, "status_message": "Success."})

    async def token_new(self, request: web.Request) -> web.Response:
        token, state = self.state.new_request_token()
        return _ok(
            {
                "success": True,
                "expires_at": format_expiry(state.expires_at),
                "request_token": token,
            },
            headers={"Authentication-Callback": f"{self.sb.website_url}/authenticate/{token}"},
        )

    async def _fields(self, request: web.Request) -> dict[str, Any]:
        """The POST JSON body, or the legacy GET query string."""
        if request.method == "GET":
            return dict(request.query)
        return await _body(request)

    async def login(self, request: web.Request) -> web.Response:
        fields = await self._fields(request)
        username, password = fields.get("username"), fields.get("password")
        token = fields.get("request_token")
        if not isinstance(username, str) or not isinstance(password, str):
            raise Failure(26)
        if not isinstance(token, str):
            raise Failure(33)
        state = self.state.validate_with_login(username, password, token)
        return _ok(
            {"success": True, "expires_at": format_expiry(state.expires_at), "request_token": token}
        )

    async def session_new(self, request: web.Request) -> web.Response:
        fields = await self._fields(request)
        token = fields.get("request_token")
        if not isinstance(token, str):
            raise Failure(33)
        return _ok({"success": True, "session_id": self.state.create_session(token)})

    async def session_convert(self, request: web.Request) -> web.Response:
        access = (await _body(request)).get("access_token")
        if not isinstance(access, str):
            raise Failure(35)
        return _ok({"success": True, "session_id": self.state.convert_v4(access)})

    async def session_delete(self, request: web.Request) -> web.Response:
        session_id = (await _body(request)).get("session_id")
        if not isinstance(session_id, str):
            raise Failure(37)
        self.state.delete_session(session_id)
        return _ok({"success": True})

    async def guest_new(self, request: web.Request) -> web.Response:
        guest_id, state = self.state.new_guest_session()
        return _ok(
            {
                "success": True,
                "guest_session_id": guest_id,
                "expires_at": format_expiry(state.expires_at),
            }
        )
