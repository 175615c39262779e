"""Resource namespaces: one class per area of the TMDB API (``tmdb.auth``, ``tmdb.movies`` ...)."""

from .auth import Auth
from .movies import MOVIE_APPENDS, Movies

__all__ = ["MOVIE_APPENDS", "Auth", "Movies"]
