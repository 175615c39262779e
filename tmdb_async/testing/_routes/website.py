"""The website routes: the home page, approval pages and the images (PNGs showing each
title or name, for every image path the answers contain)."""

from __future__ import annotations

import functools
from urllib.parse import urlencode

from aiohttp import web
from yarl import URL

from .._images import ImageIndex, render_png
from .._pages import approval_page, message_page
from .._state import Failure
from ._base import Area


def _redirect(location: str) -> web.Response:
    # Not web.HTTPFound: it normalises the URL ("myapp://cb" -> "myapp://cb/").
    return web.Response(status=302, headers={"Location": location})


def _with_query(target: str, **params: str) -> str:
    """``target`` with ``params`` appended to its query (custom schemes left as they are)."""
    base, hash_mark, fragment = target.partition("#")
    joiner = "&" if "?" in base else "?"
    return f"{base}{joiner}{urlencode(params)}{hash_mark}{fragment}"


class WebsiteRoutes(Area):
    """What www.themoviedb.org and image.tmdb.org serve, locally."""

    def register(self, router: web.UrlDispatcher) -> None:
        """Add this area's routes to ``router``."""
        r = router
        r.add_get("/", self.home)
        r.add_get("/authenticate/allow", self.page_allowed)
        r.add_get("/authenticate/deny", self.page_denied)
        r.add_get("/authenticate/{token}", self.approval)
        r.add_post("/authenticate/{token}", self.approval_answer)
        r.add_get("/auth/access", self.v4_approval)
        r.add_post("/auth/access", self.v4_approval_answer)
        r.add_get("/auth/access/approve", self.page_allowed)
        r.add_get("/t/p/{size}/{file}", self.image)

    async def home(self, request: web.Request) -> web.Response:
        text = (
            f"API at {self.sb.base_url}/3/ and /4/; {self.cat.movie_count} movies, "
            f"{self.cat.tv_count} TV shows, {self.cat.person_count} people."
        )
        return web.Response(text=message_page("tmdb_async sandbox", text), content_type="text/html")

    async def page_allowed(self, request: web.Request) -> web.Response:
        return web.Response(
            text=message_page("Approved", "You can close this page and return to the app."),
            content_type="text/html",
        )

    async def page_denied(self, request: web.Request) -> web.Response:
        return web.Response(
            text=message_page("Denied", "The application was not given access."),
            content_type="text/html",
        )

    def _expired_page(self) -> web.Response:
        return web.Response(
            status=404,
            text=message_page("Invalid request token", "This request token is expired or used."),
            content_type="text/html",
        )

    async def approval(self, request: web.Request) -> web.Response:
        token = request.match_info["token"]
        try:
            self.state.live_request_token(token)
        except Failure:
            return self._expired_page()
        return web.Response(
            text=approval_page(
                action=f"/authenticate/{token}",
                usernames=list(self.state.users_by_name),
                redirect_to=request.query.get("redirect_to"),
                what="request token",
            ),
            content_type="text/html",
        )

    async def approval_answer(self, request: web.Request) -> web.StreamResponse:
        token = request.match_info["token"]
        form = await request.post()
        redirect_to = form.get("redirect_to")
        username = form.get("username")
        try:
            if form.get("decision") == "approve":
                self.state.approve(token, username if isinstance(username, str) else None)
                approved = True
            else:
                self.state.deny(token)
                approved = False
        except (Failure, LookupError):
            return self._expired_page()
        flag = {"approved": "true"} if approved else {"denied": "true"}
        if isinstance(redirect_to, str) and redirect_to:
            return _redirect(_with_query(redirect_to, request_token=token, **flag))
        return _redirect("/authenticate/allow" if approved else "/authenticate/deny")

    async def v4_approval(self, request: web.Request) -> web.Response:
        token = request.query.get("request_token", "")
        try:
            self.state.live_v4_request_token(token)
        except Failure:
            return self._expired_page()
        return web.Response(
            text=approval_page(
                action=str(URL("/auth/access").with_query(request_token=token)),
                usernames=list(self.state.users_by_name),
                redirect_to=None,
                what="v4 request token",
            ),
            content_type="text/html",
        )

    async def v4_approval_answer(self, request: web.Request) -> web.StreamResponse:
        token = request.query.get("request_token", "")
        form = await request.post()
        username = form.get("username")
        try:
            state = self.state.live_v4_request_token(token)
            if form.get("decision") == "approve":
                self.state.approve_v4(token, username if isinstance(username, str) else None)
                approved = True
            else:
                self.state.deny_v4(token)
                approved = False
        except (Failure, LookupError):
            return self._expired_page()
        if state.redirect_to:
            flag = {"approved": "true"} if approved else {"denied": "true"}
            return _redirect(_with_query(state.redirect_to, request_token=token, **flag))
        return _redirect("/auth/access/approve" if approved else "/authenticate/deny")

    @functools.cached_property
    def images(self) -> ImageIndex:
        """What each image path the sandbox hands out shows (catalogue and user avatars)."""
        avatars = {
            u.avatar_path: (u.name or u.username, "avatar")
            for u in self.state.users_by_id.values()
            if u.avatar_path
        }
        return ImageIndex(self.cat, avatars)

    async def image(self, request: web.Request) -> web.Response:
        """A generated PNG showing the title or name behind an image path (404 if unknown,
        as TMDB's image host answers)."""
        path = "/" + request.match_info["file"]
        found = self.images.lookup(path)
        if found is None:
            return web.Response(status=404, text="Not Found")
        label, kind = found
        body = render_png(label, kind, request.match_info["size"], path)
        return web.Response(
            body=body,
            content_type="image/png",
            headers={"Cache-Control": "public, max-age=31536000"},
        )
