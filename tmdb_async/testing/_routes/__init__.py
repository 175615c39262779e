"""The sandbox's routes, one module per TMDB area (as the SDK's resources are).

Each module holds an :class:`~._base.Area` subclass whose ``register`` adds its routes;
:data:`AREAS` is the order they are added in (more specific paths of an area first).
"""

from __future__ import annotations

from ._base import Area
from .account import AccountRoutes
from .auth import AuthRoutes
from .changes import ChangeRoutes
from .configuration import ConfigurationRoutes
from .discover import DiscoverRoutes
from .entities import EntityRoutes
from .exports import ExportRoutes
from .find import FindRoutes
from .lists import ListRoutes
from .lookups import LookupRoutes
from .movies import MovieRoutes
from .people import PeopleRoutes
from .ratings import RatingRoutes
from .search import SearchRoutes
from .trending import TrendingRoutes
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
    ChangeRoutes,
    MovieRoutes,
    TVRoutes,
    PeopleRoutes,
    SearchRoutes,
    DiscoverRoutes,
    FindRoutes,
    TrendingRoutes,
    LookupRoutes,
    EntityRoutes,
    WebsiteRoutes,
    ExportRoutes,
)
