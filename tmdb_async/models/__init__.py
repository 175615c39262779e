"""Frozen attrs models for TMDB's JSON, structured by the converter in ``_convert``.

Each model is loaded on first use: ``from tmdb_async.models import Movie`` imports
``models/movie.py`` then. The names are those of ``tmdb_async._EXPORTS`` that live in this
package (one table for both).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import _EXPORTS as _PACKAGE_EXPORTS
from .._lazy import lazy_exports

_PREFIX = ".models."
#: Model name -> its module, relative to this package (e.g. ``"Movie": ".movie"``).
_EXPORTS: dict[str, str] = {
    name: module[len(_PREFIX) - 1 :]
    for name, module in _PACKAGE_EXPORTS.items()
    if module.startswith(_PREFIX)
}

__all__ = list(_EXPORTS)


# Hidden from type checkers, which see the TYPE_CHECKING imports below instead: a module
# __getattr__ would make them accept any name (a typo included) as Any.
if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())


if TYPE_CHECKING:  # what type checkers and IDEs see: the same names, imported eagerly
    from .account import Account as Account
    from .account import Avatar as Avatar
    from .account import GravatarAvatar as GravatarAvatar
    from .account import TMDBAvatar as TMDBAvatar
    from .auth import GuestSession as GuestSession
    from .auth import RequestToken as RequestToken
    from .auth import Session as Session
    from .certifications import Certification as Certification
    from .certifications import Certifications as Certifications
    from .changes import ChangedEntry as ChangedEntry
    from .collections import Collection as Collection
    from .collections import CollectionImages as CollectionImages
    from .collections import CollectionPart as CollectionPart
    from .collections import CollectionTranslation as CollectionTranslation
    from .collections import CollectionTranslationData as CollectionTranslationData
    from .collections import CollectionTranslations as CollectionTranslations
    from .common import Genre as Genre
    from .common import Page as Page
    from .common import StatusResponse as StatusResponse
    from .companies import AlternativeName as AlternativeName
    from .companies import AlternativeNames as AlternativeNames
    from .companies import Company as Company
    from .companies import CompanyRef as CompanyRef
    from .companies import Logo as Logo
    from .companies import LogoImages as LogoImages
    from .configuration import Configuration as Configuration
    from .configuration import Country as Country
    from .configuration import CountryTimezones as CountryTimezones
    from .configuration import ImageConfiguration as ImageConfiguration
    from .configuration import ImageKind as ImageKind
    from .configuration import JobDepartment as JobDepartment
    from .configuration import Language as Language
    from .credits import CreditDetails as CreditDetails
    from .credits import CreditMedia as CreditMedia
    from .genres import GenreList as GenreList
    from .keywords import KeywordMovies as KeywordMovies
    from .media import MediaSummary as MediaSummary
    from .media import UnknownMedia as UnknownMedia
    from .movie import AlternativeTitle as AlternativeTitle
    from .movie import Cast as Cast
    from .movie import Change as Change
    from .movie import ChangeItem as ChangeItem
    from .movie import Changes as Changes
    from .movie import CollectionRef as CollectionRef
    from .movie import Credits as Credits
    from .movie import Crew as Crew
    from .movie import DatedMoviePage as DatedMoviePage
    from .movie import DateRange as DateRange
    from .movie import Image as Image
    from .movie import Images as Images
    from .movie import Keyword as Keyword
    from .movie import ListSummary as ListSummary
    from .movie import Movie as Movie
    from .movie import MovieAlternativeTitles as MovieAlternativeTitles
    from .movie import MovieAppended as MovieAppended
    from .movie import MovieExternalIds as MovieExternalIds
    from .movie import MovieKeywords as MovieKeywords
    from .movie import MovieLists as MovieLists
    from .movie import MovieSummary as MovieSummary
    from .movie import MovieTranslation as MovieTranslation
    from .movie import MovieTranslationData as MovieTranslationData
    from .movie import MovieTranslations as MovieTranslations
    from .movie import ProductionCompany as ProductionCompany
    from .movie import ProductionCountry as ProductionCountry
    from .movie import ReleaseDate as ReleaseDate
    from .movie import ReleaseDates as ReleaseDates
    from .movie import ReleaseDatesByCountry as ReleaseDatesByCountry
    from .movie import Review as Review
    from .movie import ReviewAuthor as ReviewAuthor
    from .movie import Reviews as Reviews
    from .movie import SpokenLanguage as SpokenLanguage
    from .movie import Video as Video
    from .movie import Videos as Videos
    from .movie import WatchProvider as WatchProvider
    from .movie import WatchProviderOptions as WatchProviderOptions
    from .movie import WatchProviders as WatchProviders
    from .networks import NetworkDetails as NetworkDetails
    from .person import CombinedCastCredit as CombinedCastCredit
    from .person import CombinedCredits as CombinedCredits
    from .person import CombinedCrewCredit as CombinedCrewCredit
    from .person import MovieCastCredit as MovieCastCredit
    from .person import MovieCredit as MovieCredit
    from .person import MovieCrewCredit as MovieCrewCredit
    from .person import Person as Person
    from .person import PersonAppended as PersonAppended
    from .person import PersonExternalIds as PersonExternalIds
    from .person import PersonImages as PersonImages
    from .person import PersonMovieCredits as PersonMovieCredits
    from .person import PersonSummary as PersonSummary
    from .person import PersonTaggedImages as PersonTaggedImages
    from .person import PersonTranslation as PersonTranslation
    from .person import PersonTranslationData as PersonTranslationData
    from .person import PersonTranslations as PersonTranslations
    from .person import PersonTVCredits as PersonTVCredits
    from .person import TaggedImage as TaggedImage
    from .person import TaggedMedia as TaggedMedia
    from .person import TVCastCredit as TVCastCredit
    from .person import TVCredit as TVCredit
    from .person import TVCrewCredit as TVCrewCredit
    from .reviews import ReviewDetails as ReviewDetails
    from .search import CollectionSummary as CollectionSummary
    from .search import CompanySummary as CompanySummary
    from .search import FindResults as FindResults
    from .search import MultiResult as MultiResult
    from .states import AccountStates as AccountStates
    from .states import EpisodeAccountState as EpisodeAccountState
    from .states import SeasonAccountStates as SeasonAccountStates
    from .tv import AggregateCast as AggregateCast
    from .tv import AggregateCredits as AggregateCredits
    from .tv import AggregateCrew as AggregateCrew
    from .tv import AggregateJob as AggregateJob
    from .tv import AggregateRole as AggregateRole
    from .tv import ContentRating as ContentRating
    from .tv import ContentRatings as ContentRatings
    from .tv import EpisodeCredits as EpisodeCredits
    from .tv import EpisodeGroups as EpisodeGroups
    from .tv import EpisodeGroupSummary as EpisodeGroupSummary
    from .tv import EpisodeImages as EpisodeImages
    from .tv import EpisodeSummary as EpisodeSummary
    from .tv import Network as Network
    from .tv import ScreenedEpisode as ScreenedEpisode
    from .tv import ScreenedTheatrically as ScreenedTheatrically
    from .tv import SeasonImages as SeasonImages
    from .tv import SeasonSummary as SeasonSummary
    from .tv import TVAlternativeTitles as TVAlternativeTitles
    from .tv import TVCreator as TVCreator
    from .tv import TVEpisode as TVEpisode
    from .tv import TVEpisodeAppended as TVEpisodeAppended
    from .tv import TVExternalIds as TVExternalIds
    from .tv import TVKeywords as TVKeywords
    from .tv import TVLists as TVLists
    from .tv import TVSeason as TVSeason
    from .tv import TVSeasonAppended as TVSeasonAppended
    from .tv import TVSeries as TVSeries
    from .tv import TVSeriesAppended as TVSeriesAppended
    from .tv import TVSummary as TVSummary
    from .tv import TVTranslation as TVTranslation
    from .tv import TVTranslationData as TVTranslationData
    from .tv import TVTranslations as TVTranslations
    from .tv_episode_group import EpisodeGroupEpisode as EpisodeGroupEpisode
    from .tv_episode_group import EpisodeGroupPart as EpisodeGroupPart
    from .tv_episode_group import TVEpisodeGroup as TVEpisodeGroup
    from .user import ListCreated as ListCreated
    from .user import ListDetails as ListDetails
    from .user import ListItem as ListItem
    from .user import ListItemStatus as ListItemStatus
    from .user import UserEpisode as UserEpisode
    from .user import UserMovie as UserMovie
    from .user import UserTV as UserTV
    from .user import V4AccessToken as V4AccessToken
    from .user import V4RequestToken as V4RequestToken
    from .v4 import AccountRating as AccountRating
    from .v4 import ListEntry as ListEntry
    from .v4 import V4List as V4List
    from .v4 import V4ListCleared as V4ListCleared
    from .v4 import V4ListCreated as V4ListCreated
    from .v4 import V4ListCreator as V4ListCreator
    from .v4 import V4ListItem as V4ListItem
    from .v4 import V4ListItemResult as V4ListItemResult
    from .v4 import V4ListItemsResult as V4ListItemsResult
    from .v4 import V4ListItemStatus as V4ListItemStatus
    from .v4 import V4ListSummary as V4ListSummary
    from .watch_providers import WatchProviderEntry as WatchProviderEntry
    from .watch_providers import WatchProviderList as WatchProviderList
    from .watch_providers import WatchRegions as WatchRegions
