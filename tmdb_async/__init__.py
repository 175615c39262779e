"""tmdb_async: an async-first, typed client for The Movie Database (TMDB) API.

Start with :class:`TMDBClient`::

    async with TMDBClient(access_token=READ_TOKEN) as tmdb:
        movie = await tmdb.movies.details(11, append_to_response=["credits"])

Every public name is loaded on first use (``from tmdb_async import Movie`` imports the
module defining ``Movie`` then, not at ``import tmdb_async``), so importing the package
costs little more than importing aiohttp.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._lazy import lazy_exports
from ._version import __version__

#: Every public name and the module (relative to this package) that defines it: the one
#: source of ``__all__`` and of the lazy loading below. One line per name, grouped by
#: module; the ``TYPE_CHECKING`` block at the end must list the same names (a test checks).
_EXPORTS: dict[str, str] = {
    # _client.py
    "DEFAULT_BASE_URL": "._client",
    "DEFAULT_WEBSITE_URL": "._client",
    "TMDBClient": "._client",
    # _convert.py
    "make_converter": "._convert",
    # _paging.py
    "paginate": "._paging",
    "Paginator": "._paging",
    # _ratelimit.py
    "RateLimit": "._ratelimit",
    # _retry.py
    "RetryPolicy": "._retry",
    # _serialize.py
    "to_dict": "._serialize",
    "to_json": "._serialize",
    # cache.py
    "MemoryCache": ".cache",
    "RedisCache": ".cache",
    "ResponseCache": ".cache",
    # shared.py
    "SharedRateLimit": ".shared",
    # errors.py
    "AuthenticationError": ".errors",
    "BadRequestError": ".errors",
    "ClientClosedError": ".errors",
    "CredentialError": ".errors",
    "InvalidAPIKeyError": ".errors",
    "InvalidRequestTokenError": ".errors",
    "MissingSessionError": ".errors",
    "NotFoundError": ".errors",
    "PermissionDeniedError": ".errors",
    "PoolTimeoutError": ".errors",
    "RateLimitError": ".errors",
    "RequestTokenNotApprovedError": ".errors",
    "ResourceNotFoundError": ".errors",
    "ResponseTooLargeError": ".errors",
    "ResponseValidationError": ".errors",
    "ServerError": ".errors",
    "SessionDeniedError": ".errors",
    "TMDBAPIError": ".errors",
    "TMDBConnectionError": ".errors",
    "TMDBError": ".errors",
    "TMDBTimeoutError": ".errors",
    "TMDBTransportError": ".errors",
    "TMDBUsageError": ".errors",
    # models/account.py
    "Account": ".models.account",
    "Avatar": ".models.account",
    "GravatarAvatar": ".models.account",
    "TMDBAvatar": ".models.account",
    # models/auth.py
    "GuestSession": ".models.auth",
    "RequestToken": ".models.auth",
    "Session": ".models.auth",
    # models/certifications.py
    "Certification": ".models.certifications",
    "Certifications": ".models.certifications",
    # models/changes.py
    "ChangedEntry": ".models.changes",
    # models/collections.py
    "Collection": ".models.collections",
    "CollectionImages": ".models.collections",
    "CollectionPart": ".models.collections",
    "CollectionTranslation": ".models.collections",
    "CollectionTranslationData": ".models.collections",
    "CollectionTranslations": ".models.collections",
    # models/common.py
    "Genre": ".models.common",
    "Page": ".models.common",
    "StatusResponse": ".models.common",
    # models/companies.py
    "AlternativeName": ".models.companies",
    "AlternativeNames": ".models.companies",
    "Company": ".models.companies",
    "CompanyRef": ".models.companies",
    "Logo": ".models.companies",
    "LogoImages": ".models.companies",
    # models/configuration.py
    "Configuration": ".models.configuration",
    "Country": ".models.configuration",
    "CountryTimezones": ".models.configuration",
    "ImageConfiguration": ".models.configuration",
    "ImageKind": ".models.configuration",
    "JobDepartment": ".models.configuration",
    "Language": ".models.configuration",
    # models/credits.py
    "CreditDetails": ".models.credits",
    "CreditMedia": ".models.credits",
    # models/genres.py
    "GenreList": ".models.genres",
    # models/keywords.py
    "KeywordMovies": ".models.keywords",
    # models/media.py
    "MediaSummary": ".models.media",
    "UnknownMedia": ".models.media",
    # models/movie.py
    "AlternativeTitle": ".models.movie",
    "Cast": ".models.movie",
    "Change": ".models.movie",
    "ChangeItem": ".models.movie",
    "Changes": ".models.movie",
    "CollectionRef": ".models.movie",
    "Credits": ".models.movie",
    "Crew": ".models.movie",
    "DatedMoviePage": ".models.movie",
    "DateRange": ".models.movie",
    "Image": ".models.movie",
    "Images": ".models.movie",
    "Keyword": ".models.movie",
    "ListSummary": ".models.movie",
    "Movie": ".models.movie",
    "MovieAlternativeTitles": ".models.movie",
    "MovieAppended": ".models.movie",
    "MovieExternalIds": ".models.movie",
    "MovieKeywords": ".models.movie",
    "MovieLists": ".models.movie",
    "MovieSummary": ".models.movie",
    "MovieTranslation": ".models.movie",
    "MovieTranslationData": ".models.movie",
    "MovieTranslations": ".models.movie",
    "ProductionCompany": ".models.movie",
    "ProductionCountry": ".models.movie",
    "ReleaseDate": ".models.movie",
    "ReleaseDates": ".models.movie",
    "ReleaseDatesByCountry": ".models.movie",
    "Review": ".models.movie",
    "ReviewAuthor": ".models.movie",
    "Reviews": ".models.movie",
    "SpokenLanguage": ".models.movie",
    "Video": ".models.movie",
    "Videos": ".models.movie",
    "WatchProvider": ".models.movie",
    "WatchProviderOptions": ".models.movie",
    "WatchProviders": ".models.movie",
    # models/networks.py
    "NetworkDetails": ".models.networks",
    # models/person.py
    "CombinedCastCredit": ".models.person",
    "CombinedCredits": ".models.person",
    "CombinedCrewCredit": ".models.person",
    "MovieCastCredit": ".models.person",
    "MovieCredit": ".models.person",
    "MovieCrewCredit": ".models.person",
    "Person": ".models.person",
    "PersonAppended": ".models.person",
    "PersonExternalIds": ".models.person",
    "PersonImages": ".models.person",
    "PersonMovieCredits": ".models.person",
    "PersonSummary": ".models.person",
    "PersonTaggedImages": ".models.person",
    "PersonTranslation": ".models.person",
    "PersonTranslationData": ".models.person",
    "PersonTranslations": ".models.person",
    "PersonTVCredits": ".models.person",
    "TaggedImage": ".models.person",
    "TaggedMedia": ".models.person",
    "TVCastCredit": ".models.person",
    "TVCredit": ".models.person",
    "TVCrewCredit": ".models.person",
    # models/reviews.py
    "ReviewDetails": ".models.reviews",
    # models/search.py
    "CollectionSummary": ".models.search",
    "CompanySummary": ".models.search",
    "FindResults": ".models.search",
    "MultiResult": ".models.search",
    # models/states.py
    "AccountStates": ".models.states",
    "EpisodeAccountState": ".models.states",
    "SeasonAccountStates": ".models.states",
    # models/tv.py
    "AggregateCast": ".models.tv",
    "AggregateCredits": ".models.tv",
    "AggregateCrew": ".models.tv",
    "AggregateJob": ".models.tv",
    "AggregateRole": ".models.tv",
    "ContentRating": ".models.tv",
    "ContentRatings": ".models.tv",
    "EpisodeCredits": ".models.tv",
    "EpisodeGroups": ".models.tv",
    "EpisodeGroupSummary": ".models.tv",
    "EpisodeImages": ".models.tv",
    "EpisodeSummary": ".models.tv",
    "Network": ".models.tv",
    "ScreenedEpisode": ".models.tv",
    "ScreenedTheatrically": ".models.tv",
    "SeasonImages": ".models.tv",
    "SeasonSummary": ".models.tv",
    "TVAlternativeTitles": ".models.tv",
    "TVCreator": ".models.tv",
    "TVEpisode": ".models.tv",
    "TVEpisodeAppended": ".models.tv",
    "TVExternalIds": ".models.tv",
    "TVKeywords": ".models.tv",
    "TVLists": ".models.tv",
    "TVSeason": ".models.tv",
    "TVSeasonAppended": ".models.tv",
    "TVSeries": ".models.tv",
    "TVSeriesAppended": ".models.tv",
    "TVSummary": ".models.tv",
    "TVTranslation": ".models.tv",
    "TVTranslationData": ".models.tv",
    "TVTranslations": ".models.tv",
    # models/tv_episode_group.py
    "EpisodeGroupEpisode": ".models.tv_episode_group",
    "EpisodeGroupPart": ".models.tv_episode_group",
    "TVEpisodeGroup": ".models.tv_episode_group",
    # models/user.py
    "ListCreated": ".models.user",
    "ListDetails": ".models.user",
    "ListItem": ".models.user",
    "ListItemStatus": ".models.user",
    "UserEpisode": ".models.user",
    "UserMovie": ".models.user",
    "UserTV": ".models.user",
    "V4AccessToken": ".models.user",
    "V4RequestToken": ".models.user",
    # models/watch_providers.py
    "WatchProviderEntry": ".models.watch_providers",
    "WatchProviderList": ".models.watch_providers",
    "WatchRegions": ".models.watch_providers",
    # resources/_params.py
    "AnyOf": ".resources._params",
    # resources/movies.py
    "MovieAppend": ".resources.movies",
    # resources/people.py
    "PersonAppend": ".resources.people",
    # resources/tv.py
    "TVAppend": ".resources.tv",
    # resources/tv_episodes.py
    "EpisodeAppend": ".resources.tv_episodes",
    # resources/tv_seasons.py
    "SeasonAppend": ".resources.tv_seasons",
    # resources/user.py
    "UserView": ".resources.user",
    "V4UserView": ".resources.user",
    # models/v4.py
    "AccountRating": ".models.v4",
    "ListEntry": ".models.v4",
    "V4List": ".models.v4",
    "V4ListCleared": ".models.v4",
    "V4ListCreated": ".models.v4",
    "V4ListCreator": ".models.v4",
    "V4ListItem": ".models.v4",
    "V4ListItemResult": ".models.v4",
    "V4ListItemsResult": ".models.v4",
    "V4ListItemStatus": ".models.v4",
    "V4ListSummary": ".models.v4",
}

__all__ = ["__version__", *_EXPORTS]


# Hidden from type checkers, which see the TYPE_CHECKING imports below instead: a module
# __getattr__ would make them accept any name (a typo included) as Any.
if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())


if TYPE_CHECKING:  # what type checkers and IDEs see: the same names, imported eagerly
    from ._client import DEFAULT_BASE_URL as DEFAULT_BASE_URL
    from ._client import DEFAULT_WEBSITE_URL as DEFAULT_WEBSITE_URL
    from ._client import TMDBClient as TMDBClient
    from ._convert import make_converter as make_converter
    from ._paging import Paginator as Paginator
    from ._paging import paginate as paginate
    from ._ratelimit import RateLimit as RateLimit
    from ._retry import RetryPolicy as RetryPolicy
    from ._serialize import to_dict as to_dict
    from ._serialize import to_json as to_json
    from .cache import MemoryCache as MemoryCache
    from .cache import RedisCache as RedisCache
    from .cache import ResponseCache as ResponseCache
    from .errors import AuthenticationError as AuthenticationError
    from .errors import BadRequestError as BadRequestError
    from .errors import ClientClosedError as ClientClosedError
    from .errors import CredentialError as CredentialError
    from .errors import InvalidAPIKeyError as InvalidAPIKeyError
    from .errors import InvalidRequestTokenError as InvalidRequestTokenError
    from .errors import MissingSessionError as MissingSessionError
    from .errors import NotFoundError as NotFoundError
    from .errors import PermissionDeniedError as PermissionDeniedError
    from .errors import PoolTimeoutError as PoolTimeoutError
    from .errors import RateLimitError as RateLimitError
    from .errors import RequestTokenNotApprovedError as RequestTokenNotApprovedError
    from .errors import ResourceNotFoundError as ResourceNotFoundError
    from .errors import ResponseTooLargeError as ResponseTooLargeError
    from .errors import ResponseValidationError as ResponseValidationError
    from .errors import ServerError as ServerError
    from .errors import SessionDeniedError as SessionDeniedError
    from .errors import TMDBAPIError as TMDBAPIError
    from .errors import TMDBConnectionError as TMDBConnectionError
    from .errors import TMDBError as TMDBError
    from .errors import TMDBTimeoutError as TMDBTimeoutError
    from .errors import TMDBTransportError as TMDBTransportError
    from .errors import TMDBUsageError as TMDBUsageError
    from .models.account import Account as Account
    from .models.account import Avatar as Avatar
    from .models.account import GravatarAvatar as GravatarAvatar
    from .models.account import TMDBAvatar as TMDBAvatar
    from .models.auth import GuestSession as GuestSession
    from .models.auth import RequestToken as RequestToken
    from .models.auth import Session as Session
    from .models.certifications import Certification as Certification
    from .models.certifications import Certifications as Certifications
    from .models.changes import ChangedEntry as ChangedEntry
    from .models.collections import Collection as Collection
    from .models.collections import CollectionImages as CollectionImages
    from .models.collections import CollectionPart as CollectionPart
    from .models.collections import CollectionTranslation as CollectionTranslation
    from .models.collections import CollectionTranslationData as CollectionTranslationData
    from .models.collections import CollectionTranslations as CollectionTranslations
    from .models.common import Genre as Genre
    from .models.common import Page as Page
    from .models.common import StatusResponse as StatusResponse
    from .models.companies import AlternativeName as AlternativeName
    from .models.companies import AlternativeNames as AlternativeNames
    from .models.companies import Company as Company
    from .models.companies import CompanyRef as CompanyRef
    from .models.companies import Logo as Logo
    from .models.companies import LogoImages as LogoImages
    from .models.configuration import Configuration as Configuration
    from .models.configuration import Country as Country
    from .models.configuration import CountryTimezones as CountryTimezones
    from .models.configuration import ImageConfiguration as ImageConfiguration
    from .models.configuration import ImageKind as ImageKind
    from .models.configuration import JobDepartment as JobDepartment
    from .models.configuration import Language as Language
    from .models.credits import CreditDetails as CreditDetails
    from .models.credits import CreditMedia as CreditMedia
    from .models.genres import GenreList as GenreList
    from .models.keywords import KeywordMovies as KeywordMovies
    from .models.media import MediaSummary as MediaSummary
    from .models.media import UnknownMedia as UnknownMedia
    from .models.movie import AlternativeTitle as AlternativeTitle
    from .models.movie import Cast as Cast
    from .models.movie import Change as Change
    from .models.movie import ChangeItem as ChangeItem
    from .models.movie import Changes as Changes
    from .models.movie import CollectionRef as CollectionRef
    from .models.movie import Credits as Credits
    from .models.movie import Crew as Crew
    from .models.movie import DatedMoviePage as DatedMoviePage
    from .models.movie import DateRange as DateRange
    from .models.movie import Image as Image
    from .models.movie import Images as Images
    from .models.movie import Keyword as Keyword
    from .models.movie import ListSummary as ListSummary
    from .models.movie import Movie as Movie
    from .models.movie import MovieAlternativeTitles as MovieAlternativeTitles
    from .models.movie import MovieAppended as MovieAppended
    from .models.movie import MovieExternalIds as MovieExternalIds
    from .models.movie import MovieKeywords as MovieKeywords
    from .models.movie import MovieLists as MovieLists
    from .models.movie import MovieSummary as MovieSummary
    from .models.movie import MovieTranslation as MovieTranslation
    from .models.movie import MovieTranslationData as MovieTranslationData
    from .models.movie import MovieTranslations as MovieTranslations
    from .models.movie import ProductionCompany as ProductionCompany
    from .models.movie import ProductionCountry as ProductionCountry
    from .models.movie import ReleaseDate as ReleaseDate
    from .models.movie import ReleaseDates as ReleaseDates
    from .models.movie import ReleaseDatesByCountry as ReleaseDatesByCountry
    from .models.movie import Review as Review
    from .models.movie import ReviewAuthor as ReviewAuthor
    from .models.movie import Reviews as Reviews
    from .models.movie import SpokenLanguage as SpokenLanguage
    from .models.movie import Video as Video
    from .models.movie import Videos as Videos
    from .models.movie import WatchProvider as WatchProvider
    from .models.movie import WatchProviderOptions as WatchProviderOptions
    from .models.movie import WatchProviders as WatchProviders
    from .models.networks import NetworkDetails as NetworkDetails
    from .models.person import CombinedCastCredit as CombinedCastCredit
    from .models.person import CombinedCredits as CombinedCredits
    from .models.person import CombinedCrewCredit as CombinedCrewCredit
    from .models.person import MovieCastCredit as MovieCastCredit
    from .models.person import MovieCredit as MovieCredit
    from .models.person import MovieCrewCredit as MovieCrewCredit
    from .models.person import Person as Person
    from .models.person import PersonAppended as PersonAppended
    from .models.person import PersonExternalIds as PersonExternalIds
    from .models.person import PersonImages as PersonImages
    from .models.person import PersonMovieCredits as PersonMovieCredits
    from .models.person import PersonSummary as PersonSummary
    from .models.person import PersonTaggedImages as PersonTaggedImages
    from .models.person import PersonTranslation as PersonTranslation
    from .models.person import PersonTranslationData as PersonTranslationData
    from .models.person import PersonTranslations as PersonTranslations
    from .models.person import PersonTVCredits as PersonTVCredits
    from .models.person import TaggedImage as TaggedImage
    from .models.person import TaggedMedia as TaggedMedia
    from .models.person import TVCastCredit as TVCastCredit
    from .models.person import TVCredit as TVCredit
    from .models.person import TVCrewCredit as TVCrewCredit
    from .models.reviews import ReviewDetails as ReviewDetails
    from .models.search import CollectionSummary as CollectionSummary
    from .models.search import CompanySummary as CompanySummary
    from .models.search import FindResults as FindResults
    from .models.search import MultiResult as MultiResult
    from .models.states import AccountStates as AccountStates
    from .models.states import EpisodeAccountState as EpisodeAccountState
    from .models.states import SeasonAccountStates as SeasonAccountStates
    from .models.tv import AggregateCast as AggregateCast
    from .models.tv import AggregateCredits as AggregateCredits
    from .models.tv import AggregateCrew as AggregateCrew
    from .models.tv import AggregateJob as AggregateJob
    from .models.tv import AggregateRole as AggregateRole
    from .models.tv import ContentRating as ContentRating
    from .models.tv import ContentRatings as ContentRatings
    from .models.tv import EpisodeCredits as EpisodeCredits
    from .models.tv import EpisodeGroups as EpisodeGroups
    from .models.tv import EpisodeGroupSummary as EpisodeGroupSummary
    from .models.tv import EpisodeImages as EpisodeImages
    from .models.tv import EpisodeSummary as EpisodeSummary
    from .models.tv import Network as Network
    from .models.tv import ScreenedEpisode as ScreenedEpisode
    from .models.tv import ScreenedTheatrically as ScreenedTheatrically
    from .models.tv import SeasonImages as SeasonImages
    from .models.tv import SeasonSummary as SeasonSummary
    from .models.tv import TVAlternativeTitles as TVAlternativeTitles
    from .models.tv import TVCreator as TVCreator
    from .models.tv import TVEpisode as TVEpisode
    from .models.tv import TVEpisodeAppended as TVEpisodeAppended
    from .models.tv import TVExternalIds as TVExternalIds
    from .models.tv import TVKeywords as TVKeywords
    from .models.tv import TVLists as TVLists
    from .models.tv import TVSeason as TVSeason
    from .models.tv import TVSeasonAppended as TVSeasonAppended
    from .models.tv import TVSeries as TVSeries
    from .models.tv import TVSeriesAppended as TVSeriesAppended
    from .models.tv import TVSummary as TVSummary
    from .models.tv import TVTranslation as TVTranslation
    from .models.tv import TVTranslationData as TVTranslationData
    from .models.tv import TVTranslations as TVTranslations
    from .models.tv_episode_group import EpisodeGroupEpisode as EpisodeGroupEpisode
    from .models.tv_episode_group import EpisodeGroupPart as EpisodeGroupPart
    from .models.tv_episode_group import TVEpisodeGroup as TVEpisodeGroup
    from .models.user import ListCreated as ListCreated
    from .models.user import ListDetails as ListDetails
    from .models.user import ListItem as ListItem
    from .models.user import ListItemStatus as ListItemStatus
    from .models.user import UserEpisode as UserEpisode
    from .models.user import UserMovie as UserMovie
    from .models.user import UserTV as UserTV
    from .models.user import V4AccessToken as V4AccessToken
    from .models.user import V4RequestToken as V4RequestToken
    from .models.v4 import AccountRating as AccountRating
    from .models.v4 import ListEntry as ListEntry
    from .models.v4 import V4List as V4List
    from .models.v4 import V4ListCleared as V4ListCleared
    from .models.v4 import V4ListCreated as V4ListCreated
    from .models.v4 import V4ListCreator as V4ListCreator
    from .models.v4 import V4ListItem as V4ListItem
    from .models.v4 import V4ListItemResult as V4ListItemResult
    from .models.v4 import V4ListItemsResult as V4ListItemsResult
    from .models.v4 import V4ListItemStatus as V4ListItemStatus
    from .models.v4 import V4ListSummary as V4ListSummary
    from .models.watch_providers import WatchProviderEntry as WatchProviderEntry
    from .models.watch_providers import WatchProviderList as WatchProviderList
    from .models.watch_providers import WatchRegions as WatchRegions
    from .resources._params import AnyOf as AnyOf
    from .resources.movies import MovieAppend as MovieAppend
    from .resources.people import PersonAppend as PersonAppend
    from .resources.tv import TVAppend as TVAppend
    from .resources.tv_episodes import EpisodeAppend as EpisodeAppend
    from .resources.tv_seasons import SeasonAppend as SeasonAppend
    from .resources.user import UserView as UserView
    from .resources.user import V4UserView as V4UserView
    from .shared import SharedRateLimit as SharedRateLimit
