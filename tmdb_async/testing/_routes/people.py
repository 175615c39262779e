"""The people routes (``/3/person/...``)."""

from __future__ import annotations

from aiohttp import web

from .._state import Failure
from ._base import Area, _int_path, _ok


class PeopleRoutes(Area):
    """``/3/person/...``."""

    def register(self, router: web.UrlDispatcher) -> None:
        """Add this area's routes to ``router``."""
        router.add_get(r"/3/person/{person_id:\d+}", self.person)

    async def person(self, request: web.Request) -> web.Response:
        person_id = _int_path(request, "person_id")
        if not self.cat.has_person(person_id):
            raise Failure(34)
        return _ok(self.cat.person(person_id))
