"""The sandbox's routes, one module per TMDB area (as the SDK's resources are).

Each module holds an :class:`~._base.Area` subclass whose ``register`` adds its routes;
:data:`AREAS` is the order they are added in (more specific paths of an area first).
"""

from __future__ import annotations

from ._base import Area
from .account import AccountRoutes
from .auth import AuthRoutes
from .configuration import ConfigurationRoutes
from .exports import ExportRoutes
from .lists import ListRoutes
from .movies import MovieRoutes
from .people import PeopleRoutes
from .ratings import RatingRoutes
from .search import SearchRoutes
from .tv import TVRoutes
from .v4 import V4Routes
from .website import WebsiteRoutes

__all__ = ["AREAS", "Area"]

#: Every route area, in registration order.
AREAS: tuple[type[Area], ...] = (
    AuthRoutes,
    V4Routes,
    AccountRoutes,
    RatingRoutes,
    ListRoutes,
    ConfigurationRoutes,
    MovieRoutes,
    TVRoutes,
    PeopleRoutes,
    SearchRoutes,
    WebsiteRoutes,
    ExportRoutes,
)
