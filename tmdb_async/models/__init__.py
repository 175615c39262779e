"""Frozen attrs models for TMDB's JSON, structured by the converter in ``_convert``."""

from .account import Account, Avatar, GravatarAvatar, TMDBAvatar
from .auth import GuestSession, RequestToken, Session
from .common import Genre, Page, StatusResponse
from .movie import (
    Cast,
    CollectionRef,
    Credits,
    Crew,
    Image,
    Images,
    Movie,
    ProductionCompany,
    ProductionCountry,
    SpokenLanguage,
)

__all__ = [
    "Account",
    "Avatar",
    "Cast",
    "CollectionRef",
    "Credits",
    "Crew",
    "Genre",
    "GravatarAvatar",
    "GuestSession",
    "Image",
    "Images",
    "Movie",
    "Page",
    "ProductionCompany",
    "ProductionCountry",
    "RequestToken",
    "Session",
    "SpokenLanguage",
    "StatusResponse",
    "TMDBAvatar",
]
