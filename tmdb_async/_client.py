"""``TMDBClient``: the async session manager users create once and share."""

from __future__ import annotations

import asyncio
import copy
import os
from collections.abc import Awaitable, Callable, Mapping, Sequence
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, ParamSpec, TypeVar, overload
from urllib.parse import urlsplit

import aiohttp

from ._cache import DEFAULT_CACHE_TTL, Sharing, check_cache_ttl
from ._checks import check_int, check_number, check_text, has_dot_segment
from ._core import (
    DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_POOL_TIMEOUT,
    USER_AGENT,
    Core,
    JSONLoads,
    Pool,
    Sleep,
    decode_json,
)
from ._credentials import Credentials
from ._options import UNSET, Unset, derive_core
from ._paging import Paginator, paginate
from ._ratelimit import DEFAULT_RATE_LIMIT, RateLimit
from ._retry import RetryPolicy
from ._sansio import credential_headers
from .errors import CredentialError, TMDBUsageError
from .resources._base import language_param, region_param
from .shared import SharedRateLimit

# Each namespace's module (and the models it uses) is imported by its property, on first
# use: `import tmdb_async` stays cheap (see benchmarks/startup.py).
if TYPE_CHECKING:
    import cattrs

    from .cache import ResponseCache
    from .exports import Exports
    from .models.auth import GuestSession, Session
    from .models.common import Page
    from .models.user import V4AccessToken
    from .resources.auth import Auth
    from .resources.certifications import CertificationsResource
    from .resources.changes import ChangesResource
    from .resources.collections import Collections
    from .resources.companies import Companies
    from .resources.configuration import ConfigurationResource, ImagesResource
    from .resources.credits import Credits
    from .resources.discover import Discover
    from .resources.find import Find
    from .resources.genres import Genres
    from .resources.keywords import Keywords
    from .resources.movies import Movies
    from .resources.networks import Networks
    from .resources.people import People
    from .resources.reviews import Reviews
    from .resources.search import Search
    from .resources.trending import Trending
    from .resources.tv import TVResource
    from .resources.user import UserLike, UserView, V4UserView
    from .resources.watch_providers import WatchProvidersResource

__all__ = ["DEFAULT_BASE_URL", "DEFAULT_WEBSITE_URL", "TMDBClient"]

P = ParamSpec("P")
T = TypeVar("T")

#: TMDB's API host, without a version: paths carry ``/3/`` or ``/4/``.
DEFAULT_BASE_URL = "https://api.themoviedb.org"
#: TMDB's website, where users approve request tokens.
DEFAULT_WEBSITE_URL = "https://www.themoviedb.org"
#: TMDB's CDN allows about 20 simultaneous connections per IP.
DEFAULT_MAX_CONNECTIONS = 20
#: Seconds one attempt may take in all, connecting and reading included.
DEFAULT_TIMEOUT = 30.0


#: The variables TMDBClient.from_env reads (those `tmdb-async sandbox` prints).
_ENV_VARIABLES = ("TMDB_ACCESS_TOKEN", "TMDB_API_KEY", "TMDB_BASE_URL", "TMDB_WEBSITE_URL")


def _check_http_url(value: str, name: str) -> str:
    # Paths and queries are appended to this by string concatenation, so a query string or
    # fragment here would swallow them; neither is echoed (it could hold a key).
    parts = urlsplit(value) if isinstance(value, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
        raise TMDBUsageError(f"{name} must be an absolute http(s) URL such as {DEFAULT_BASE_URL}")
    if parts.query or parts.fragment or value.endswith(("?", "#")):
        raise TMDBUsageError(f"{name} must not carry a query string or fragment")
    return value


def _check_settings(pool_timeout: object, max_response_bytes: object, user_agent: object) -> None:
    if pool_timeout is not None:
        check_number(pool_timeout, "pool_timeout")
    check_int(max_response_bytes, "max_response_bytes", low=1)
    if user_agent is not None:
        if not isinstance(user_agent, str):
            raise TMDBUsageError("user_agent must be a str")
        check_text(user_agent, "user_agent")


def _sharing(cache: object, single_flight: object) -> Sharing | None:
    """The pool's single flight and cache, or ``None`` when neither is on."""
    from .cache import ResponseCache

    if cache is not None and not isinstance(cache, ResponseCache):
        raise TMDBUsageError("cache must be a MemoryCache, a RedisCache or None")
    if single_flight is None:
        single_flight = cache is not None  # a stampede of misses is what it prevents
    elif not isinstance(single_flight, bool):
        raise TMDBUsageError("single_flight must be a bool or None")
    if cache is None and not single_flight:
        return None
    return Sharing(single_flight=single_flight, cache=cache)


def _check_request_text(params: Mapping[str, object] | None, secrets: Sequence[str]) -> None:
    # The values (and JSON bodies) are checked on the request path; the names and the
    # extra secrets are only the escape hatch's.
    for key in params or ():
        if not isinstance(key, str):
            raise TMDBUsageError("params names must be str")
        check_text(key, "a params name")
    for secret in secrets:
        if not isinstance(secret, str):
            raise TMDBUsageError("secrets must be strings")
        check_text(secret, "secrets")


class TMDBClient:
    """An async TMDB client owning one aiohttp connection pool.

    Use it as an async context manager, or call :meth:`close` yourself::

        async with TMDBClient(access_token=READ_TOKEN) as tmdb:
            movie = await tmdb.movies.details(11)

    One client serves a whole application: it is safe to share between tasks, and its pool
    is capped at ``max_connections`` connections (TMDB's CDN allows 20 per IP).

    Args:
        access_token: the v4 API Read Access Token (a JWT), sent as
            ``Authorization: Bearer``; works for v3 and v4. Recommended.
        api_key: the v3 API Key (32 hex characters), sent as the ``api_key`` query
            parameter. Exactly one of ``access_token`` and ``api_key`` is required.
        session: an ``aiohttp.ClientSession`` of your own to send requests through; the
            client then never closes it (and ``max_connections`` does not apply).
        base_url: the API host without a version (default ``https://api.themoviedb.org``);
            point it at a local fake for tests.
        website_url: TMDB's website, used for approval URLs (default
            ``https://www.themoviedb.org``); independent of ``base_url``.
        language: default ``language`` for calls that take one (``"en-US"`` style); each
            call can override it. ``None`` lets TMDB choose (en-US).
        region: default ``region`` (``"US"`` style) for calls that take one.
        timeout: seconds one attempt may take in all (default 30), an
            ``aiohttp.ClientTimeout``, or ``None`` for no limit.
        max_connections: the connection pool's cap (default 20). Connections are handed
            out first come, first served, and waiting for one is not part of ``timeout``.
        pool_timeout: seconds a request may wait for a free connection (default 60),
            or ``None`` for no bound; past it, :class:`PoolTimeoutError` (the request was
            not sent, so the retry policy retries it for any method).
        max_response_bytes: the cap on the decoded size of one answer (default 32 MiB;
            TMDB's largest are about 1 MB); a bigger one raises
            :class:`ResponseTooLargeError` as soon as the cap is passed.
        rate_limit: the client's shared request budget: a :class:`RateLimit` (default 40
            requests per second, bursts of 10), a number of requests per second, or
            ``None`` for no limit. Every task and view of the client draws from it, and an
            HTTP 429 pauses all of them (``Retry-After`` when sent, else the retry backoff).
            A :class:`SharedRateLimit` keeps the budget and the cooldown in Redis, shared
            by every process that names the same key.
        retry: the :class:`RetryPolicy`; ``None`` switches retries off.
        sleep: the coroutine used to wait between retries (tests inject a fake).
        json_loads: the JSON decoder, given bytes (for example ``orjson.loads``); default:
            the standard library's, reading the body as UTF-8.
        user_agent: the ``User-Agent`` header.
        cache: where to keep TMDB's answers to GETs of public data: a
            :class:`MemoryCache`, a :class:`RedisCache` (shared by processes), or ``None``
            (default) for no cache. TMDB's ``Cache-Control`` and ``ETag`` decide freshness
            and revalidation; nothing of a user, no error and no secret is ever stored.
        cache_ttl: seconds a cached answer stays fresh at most, and when TMDB sends no
            ``max-age`` (default 300); per view: ``with_options(cache_ttl=...)``.
        single_flight: identical GETs of public data in flight at once become one request
            whose value (or typed error) every caller gets. Default (``None``): on with a
            cache, off without (it costs about 11 % more CPU per request on distinct calls:
            ``benchmarks/cache.py``).

    Raises:
        CredentialError: no credential, both, or one passed under the wrong name.
    """

    def __init__(
        self,
        *,
        access_token: str | None = None,
        api_key: str | None = None,
        session: aiohttp.ClientSession | None = None,
        base_url: str = DEFAULT_BASE_URL,
        website_url: str = DEFAULT_WEBSITE_URL,
        language: str | None = None,
        region: str | None = None,
        timeout: float | aiohttp.ClientTimeout | None = DEFAULT_TIMEOUT,
        max_connections: int = DEFAULT_MAX_CONNECTIONS,
        pool_timeout: float | None = DEFAULT_POOL_TIMEOUT,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        rate_limit: RateLimit | SharedRateLimit | float | None = DEFAULT_RATE_LIMIT,
        retry: RetryPolicy | None = RetryPolicy(),  # noqa: B008 - frozen, shared safely
        sleep: Sleep = asyncio.sleep,
        json_loads: JSONLoads = decode_json,
        user_agent: str | None = None,
        cache: ResponseCache | None = None,
        cache_ttl: float = DEFAULT_CACHE_TTL,
        single_flight: bool | None = None,
    ) -> None:
        credentials = Credentials.from_arguments(api_key=api_key, access_token=access_token)
        check_int(max_connections, "max_connections", low=1)
        if isinstance(timeout, int | float) and not isinstance(timeout, bool):
            check_number(timeout, "timeout")
        _check_settings(pool_timeout, max_response_bytes, user_agent)
        if session is not None and not isinstance(session, aiohttp.ClientSession):
            raise TMDBUsageError("session must be an aiohttp.ClientSession")
        if rate_limit is not None and not isinstance(rate_limit, RateLimit | SharedRateLimit):
            if isinstance(rate_limit, bool) or not isinstance(rate_limit, int | float):
                raise TMDBUsageError(
                    "rate_limit must be a RateLimit, a SharedRateLimit, a number or None"
                )
            rate_limit = RateLimit(float(check_number(rate_limit, "rate_limit")))
        sharing = _sharing(cache, single_flight)
        pool = Pool(
            session=session,
            max_connections=max_connections,
            timeout=timeout,
            sleep=sleep,
            rate_limit=rate_limit,
            pool_timeout=None if pool_timeout is None else float(pool_timeout),
            max_response_bytes=max_response_bytes,
            default_headers=credential_headers(credentials, user_agent or USER_AGENT),
            sharing=sharing,
        )
        self._core = Core(
            pool=pool,
            credentials=credentials,
            base_url=_check_http_url(base_url, "base_url"),
            website_url=_check_http_url(website_url, "website_url"),
            retry=retry if retry is not None else RetryPolicy.disabled(),
            json_loads=json_loads,
            converter=None,  # the shared default, imported (with cattrs) on first use
            language=language,
            region=region,
            user_agent=user_agent,
            cache_ttl=check_cache_ttl(cache_ttl),
        )
        # Check the defaults now rather than on the first call.
        language_param(self._core, None)
        region_param(self._core, None)

    @classmethod
    def from_env(
        cls,
        *,
        environ: Mapping[str, str] | None = None,
        session: aiohttp.ClientSession | None = None,
        language: str | None = None,
        region: str | None = None,
        timeout: float | aiohttp.ClientTimeout | None = DEFAULT_TIMEOUT,
        max_connections: int = DEFAULT_MAX_CONNECTIONS,
        pool_timeout: float | None = DEFAULT_POOL_TIMEOUT,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        rate_limit: RateLimit | SharedRateLimit | float | None = DEFAULT_RATE_LIMIT,
        retry: RetryPolicy | None = RetryPolicy(),  # noqa: B008 - frozen, shared safely
        sleep: Sleep = asyncio.sleep,
        json_loads: JSONLoads = decode_json,
        user_agent: str | None = None,
        cache: ResponseCache | None = None,
        cache_ttl: float = DEFAULT_CACHE_TTL,
        single_flight: bool | None = None,
    ) -> TMDBClient:
        """A client configured by the environment, so one script runs on TMDB and the sandbox.

        Reads the variables ``tmdb-async sandbox`` prints (unset or empty ones are skipped):

        * ``TMDB_ACCESS_TOKEN`` (the API Read Access Token) or ``TMDB_API_KEY`` (the v3 API
          Key); with both set, the access token is used.
        * ``TMDB_BASE_URL``: the API host (default ``https://api.themoviedb.org``).
        * ``TMDB_WEBSITE_URL``: where users approve tokens (default
          ``https://www.themoviedb.org``).

        ::

            async with TMDBClient.from_env() as tmdb:
                movie = await tmdb.movies.details(11)

        The other keywords are those of :class:`TMDBClient`. The library reads the
        environment here only; ``TMDBClient(...)`` never does.

        Args:
            environ: the variables to read (default ``os.environ``).

        Raises:
            CredentialError: neither variable is set, or one holds the other kind of
                credential (the message names the variable, never its value).
            TMDBUsageError: ``TMDB_BASE_URL`` or ``TMDB_WEBSITE_URL`` is not an absolute
                http(s) URL, or another keyword is unusable.
        """
        env = os.environ if environ is None else environ
        values = {name: env.get(name) or None for name in _ENV_VARIABLES}
        access_token = values["TMDB_ACCESS_TOKEN"]
        api_key = None if access_token else values["TMDB_API_KEY"]
        variable = "TMDB_ACCESS_TOKEN" if access_token else "TMDB_API_KEY"
        if access_token is None and api_key is None:
            raise CredentialError(
                "set TMDB_ACCESS_TOKEN (the API Read Access Token, recommended) or "
                "TMDB_API_KEY (the v3 API Key) in the environment; both are on "
                "https://www.themoviedb.org/settings/api (`tmdb-async sandbox` prints a "
                "sandbox's)"
            )
        try:
            credentials = Credentials.from_arguments(api_key=api_key, access_token=access_token)
        except CredentialError as exc:
            raise CredentialError(f"{variable} in the environment: {exc}") from None
        # Checked here so that a bad value is reported under its variable's name.
        base_url = _check_http_url(values["TMDB_BASE_URL"] or DEFAULT_BASE_URL, "TMDB_BASE_URL")
        website_url = _check_http_url(
            values["TMDB_WEBSITE_URL"] or DEFAULT_WEBSITE_URL, "TMDB_WEBSITE_URL"
        )
        return cls(
            access_token=credentials.secret if credentials.is_bearer else None,
            api_key=None if credentials.is_bearer else credentials.secret,
            session=session,
            base_url=base_url,
            website_url=website_url,
            language=language,
            region=region,
            timeout=timeout,
            max_connections=max_connections,
            pool_timeout=pool_timeout,
            max_response_bytes=max_response_bytes,
            rate_limit=rate_limit,
            retry=retry,
            sleep=sleep,
            json_loads=json_loads,
            user_agent=user_agent,
            cache=cache,
            cache_ttl=cache_ttl,
            single_flight=single_flight,
        )

    # ------------------------------------------------------------------ namespaces

    @cached_property
    def auth(self) -> Auth:
        """Key check, request tokens, approval URL, user and guest sessions."""
        from .resources.auth import Auth

        return Auth(self._core)

    @cached_property
    def movies(self) -> Movies:
        """Movie endpoints."""
        from .resources.movies import Movies

        return Movies(self._core)

    @cached_property
    def tv(self) -> TVResource:
        """TV series, seasons, episodes and TV lists."""
        from .resources.tv import TVResource

        return TVResource(self._core)

    @cached_property
    def people(self) -> People:
        """People: details, combined credits, external ids, popular."""
        from .resources.people import People

        return People(self._core)

    @cached_property
    def search(self) -> Search:
        """Search movies, TV, people, everything (multi), collections, companies, keywords."""
        from .resources.search import Search

        return Search(self._core)

    @cached_property
    def discover(self) -> Discover:
        """Discover movies and TV series by filters."""
        from .resources.discover import Discover

        return Discover(self._core)

    @cached_property
    def trending(self) -> Trending:
        """Trending movies, TV series and people (day / week)."""
        from .resources.trending import Trending

        return Trending(self._core)

    @cached_property
    def find(self) -> Find:
        """Find titles and people by IMDb, TheTVDB, Wikidata ... ids."""
        from .resources.find import Find

        return Find(self._core)

    @cached_property
    def genres(self) -> Genres:
        """Movie and TV genre lists."""
        from .resources.genres import Genres

        return Genres(self._core)

    @cached_property
    def collections(self) -> Collections:
        """Collections (film series)."""
        from .resources.collections import Collections

        return Collections(self._core)

    @cached_property
    def companies(self) -> Companies:
        """Production companies."""
        from .resources.companies import Companies

        return Companies(self._core)

    @cached_property
    def certifications(self) -> CertificationsResource:
        """Movie and TV age ratings by country."""
        from .resources.certifications import CertificationsResource

        return CertificationsResource(self._core)

    @cached_property
    def changes(self) -> ChangesResource:
        """Ids of movies, TV series and people changed recently."""
        from .resources.changes import ChangesResource

        return ChangesResource(self._core)

    @cached_property
    def credits(self) -> Credits:
        """Credits by id (a person's part in a movie or series)."""
        from .resources.credits import Credits

        return Credits(self._core)

    @cached_property
    def keywords(self) -> Keywords:
        """Keywords and the movies tagged with them."""
        from .resources.keywords import Keywords

        return Keywords(self._core)

    @cached_property
    def networks(self) -> Networks:
        """TV networks: details, alternative names, logos."""
        from .resources.networks import Networks

        return Networks(self._core)

    @cached_property
    def reviews(self) -> Reviews:
        """Reviews by id."""
        from .resources.reviews import Reviews

        return Reviews(self._core)

    @cached_property
    def watch_providers(self) -> WatchProvidersResource:
        """Watch provider regions and the movie and TV provider lists."""
        from .resources.watch_providers import WatchProvidersResource

        return WatchProvidersResource(self._core)

    @cached_property
    def configuration(self) -> ConfigurationResource:
        """The API configuration, fetched once per client and cached."""
        from .resources.configuration import ConfigurationResource

        return ConfigurationResource(self._core)

    @cached_property
    def images(self) -> ImagesResource:
        """Image URLs built from the cached configuration."""
        from .resources.configuration import ImagesResource

        return ImagesResource(self._core, self.configuration)

    @cached_property
    def exports(self) -> Exports:
        """TMDB's daily id exports, streamed through this client's pool and request path."""
        from .exports import Exports

        return Exports(self._core)

    def paginate(
        self, fetch: Callable[P, Awaitable[Page[T]]], /, *args: P.args, **kwargs: P.kwargs
    ) -> Paginator[T]:
        """Walk a paged endpoint: ``async for m in tmdb.paginate(tmdb.search.movie, query="x")``.

        ``.pages()`` iterates pages instead of items; ``.limit(max_pages=, max_items=)``
        and ``.unique()`` (skip repeated ids) narrow it. Stops at ``total_pages`` or
        TMDB's 500-page cap. See :func:`tmdb_async.paginate`.

        Raises:
            TMDBUsageError: ``fetch`` takes no ``page``, or a bad start page (before I/O).
        """
        return paginate(fetch, *args, **kwargs)

    @overload
    def for_user(self, user: V4AccessToken, *, account_id: int | None = None) -> V4UserView: ...

    @overload
    def for_user(
        self, user: Session | GuestSession, *, account_id: int | None = None
    ) -> UserView: ...

    @overload
    def for_user(self, user: str, *, account_id: int | None = None) -> UserView | V4UserView: ...

    def for_user(self, user: UserLike, *, account_id: int | None = None) -> UserView | V4UserView:
        """The one way to act as a user: a lightweight view with the user's namespaces
        (``account``, ``favorites``, ``watchlist``, ``ratings``, ``lists`` ...).

        ``user`` is a :class:`Session` (or its session id) or a :class:`GuestSession`,
        giving a :class:`~tmdb_async.UserView`; or a v4 user token (a
        :class:`~tmdb_async.V4AccessToken` or its JWT), giving a
        :class:`~tmdb_async.V4UserView`. The view shares this client's connection pool and
        rate budget and opens nothing: make one per request. ``account_id`` (the v3 id)
        skips the one ``GET /3/account`` lookup.

        Raises:
            TMDBUsageError: an unusable ``user`` (before any I/O).
            CredentialError: a v4 user token on a client made with an api_key.
        """
        from .resources.user import make_view

        return make_view(self._core, user, account_id=account_id)  # type: ignore[return-value]

    def with_options(
        self,
        *,
        timeout: float | aiohttp.ClientTimeout | Unset | None = UNSET,
        retry: RetryPolicy | Unset | None = UNSET,
        language: str | Unset | None = UNSET,
        region: str | Unset | None = UNSET,
        cache_ttl: float | Unset = UNSET,
    ) -> TMDBClient:
        """This client with other settings, sharing its connection pool and rate budget.

        ``tmdb.with_options(timeout=5, retry=None).movies.details(11)``: the settings
        given change, the others stay; ``None`` means no limit (``timeout``), no retries
        (``retry``) or no default (``language``, ``region``). The returned client is cheap
        (no I/O) and does not own the pool: closing it does nothing, closing this client
        closes both. User views have the same method. ``cache_ttl`` bounds how old a
        cached answer this client returns (``0``: always ask TMDB, revalidating with
        ``If-None-Match`` where it can).

        Raises:
            TMDBUsageError: a bad value, naming the setting (before any I/O).
        """
        core = derive_core(
            self._core, timeout=timeout, retry=retry, language=language, region=region
        )
        if cache_ttl is not UNSET:
            core = core.derive(cache_ttl=check_cache_ttl(cache_ttl))
        derived = copy.copy(self)
        for name in list(vars(derived)):
            if isinstance(getattr(type(self), name, None), cached_property):
                del vars(derived)[name]  # namespaces of this client: made again on use
        derived._core = core
        return derived

    async def request_json(
        self,
        method: Literal["GET", "POST", "DELETE", "PUT"],
        path: str,
        *,
        params: Mapping[str, str | int | float | bool | None] | None = None,
        json: Mapping[str, object] | None = None,
        secrets: Sequence[str] = (),
    ) -> Any:
        """Call any TMDB endpoint and get its decoded JSON: the escape hatch.

        For endpoints the SDK does not model yet, or to see TMDB's raw answer. Everything
        else is as for the typed methods: the credential, the pool, the rate budget,
        retries (``GET``, ``PUT`` and ``DELETE`` only, and 429 for any method), typed errors
        and redaction (``session_id``, ``guest_session_id``, tokens and passwords in
        ``params`` or ``json`` never reach logs or messages). Structure the result with
        :attr:`converter` if you like.

        Args:
            method: the HTTP method.
            path: the path with its version, e.g. ``"/3/tv/1396/aggregate_credits"``.
            params: query parameters; ``None`` values are dropped, booleans become
                ``true`` / ``false``.
            json: the JSON body.
            secrets: other secret strings to keep out of logs and messages, such as a guest
                session id inside ``path``.

        Raises:
            TMDBUsageError: a method or path the SDK cannot send (before any I/O).
            TMDBAPIError: TMDB's answer was an error.
        """
        if method not in ("GET", "POST", "DELETE", "PUT"):
            raise TMDBUsageError(f"method must be GET, POST, DELETE or PUT, got {method!r}")
        if (
            not isinstance(path, str)
            or not path.startswith(("/3/", "/4/"))
            or any(ch in path for ch in "?#")
            or any(ch.isspace() for ch in path)
            or has_dot_segment(path)
        ):
            raise TMDBUsageError(
                "path must start with /3/ or /4/ and carry no query string (use params=) "
                "and no '.' or '..' segments (encoded or not), e.g. '/3/movie/11/credits'"
            )
        check_text(path, "path")
        _check_request_text(params, secrets)
        return await self._core.request_json(
            method, path, params=params, json=json, secrets=tuple(secrets)
        )

    # ------------------------------------------------------------------ settings

    @property
    def base_url(self) -> str:
        """The API host the client talks to (without a version)."""
        return self._core.base_url

    @property
    def website_url(self) -> str:
        """TMDB's website, used for approval URLs."""
        return self._core.website_url

    @property
    def converter(self) -> cattrs.Converter:
        """The cattrs converter that builds the models (to structure raw JSON yourself).

        It is shared by every client: to add hooks of your own, build a converter with
        ``tmdb_async.make_converter()`` and register them there, before its first
        use (cattrs bakes the hooks of a model's fields in when the model is first
        structured). Such a converter structures everything through cattrs and its hooks,
        never through the direct msgspec path the client uses for its answers.
        """
        return self._core.converter

    @property
    def closed(self) -> bool:
        """True once :meth:`close` has run."""
        return self._core.closed

    # ------------------------------------------------------------------ lifecycle

    async def close(self) -> None:
        """Close the connection pool (if the client created it). Idempotent."""
        await self._core.close()

    async def __aenter__(self) -> TMDBClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    def __repr__(self) -> str:
        kind = "access_token" if self._core.credentials.is_bearer else "api_key"
        state = "closed" if self.closed else "open"
        return f"<TMDBClient {self._core.base_url} auth={kind} {state}>"
