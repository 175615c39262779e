"""The error mapping: every TMDB status_code (WIRE.md section 5) to its documented class."""

from __future__ import annotations

import inspect

import pytest

import tmdb_async
from tests.conftest import API, FakeSleep
from tests.loopback_tmdb import TMDBServer
from tmdb_async import TMDBClient, errors
from tmdb_async.errors import (
    ERROR_CLASSES,
    AuthenticationError,
    BadRequestError,
    EntryNotFoundError,
    NotFoundError,
    NothingToUpdateError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    TMDBAPIError,
    TMDBError,
    error_from_response,
)

# TMDB's table (https://developer.themoviedb.org/docs/errors, WIRE.md section 5):
# code, stated HTTP status, message, the class we map it to, and that class's category.
TABLE: list[tuple[int, int, str, str | None, type[TMDBAPIError] | None]] = [
    (1, 200, "Success.", None, None),
    (2, 501, "Invalid service: this service does not exist.", "InvalidServiceError", ServerError),
    (
        3,
        401,
        "Authentication failed: You do not have permissions to access the service.",
        "AuthenticationFailedError",
        AuthenticationError,
    ),
    (
        4,
        405,
        "Invalid format: This service doesn't exist in that format.",
        "InvalidFormatError",
        BadRequestError,
    ),
    (
        5,
        422,
        "Invalid parameters: Your request parameters are incorrect.",
        "InvalidParametersError",
        BadRequestError,
    ),
    (
        6,
        404,
        "Invalid id: The pre-requisite id is invalid or not found.",
        "InvalidIdError",
        NotFoundError,
    ),
    (
        7,
        401,
        "Invalid API key: You must be granted a valid key.",
        "InvalidAPIKeyError",
        AuthenticationError,
    ),
    (
        8,
        403,
        "Duplicate entry: The data you tried to submit already exists.",
        "DuplicateEntryError",
        PermissionDeniedError,
    ),
    (
        9,
        503,
        "Service offline: This service is temporarily offline, try again later.",
        "ServiceOfflineError",
        ServerError,
    ),
    (
        10,
        401,
        "Suspended API key: Access to your account has been suspended, contact TMDB.",
        "SuspendedAPIKeyError",
        AuthenticationError,
    ),
    (
        11,
        500,
        "Internal error: Something went wrong, contact TMDB.",
        "InternalServerError",
        ServerError,
    ),
    (12, 201, "The item/record was updated successfully.", None, None),
    (13, 200, "The item/record was deleted successfully.", None, None),
    (14, 401, "Authentication failed.", "AuthenticationFailedError", AuthenticationError),
    (15, 500, "Failed.", "OperationFailedError", ServerError),
    (16, 401, "Device denied.", "DeviceDeniedError", AuthenticationError),
    (17, 401, "Session denied.", "SessionDeniedError", AuthenticationError),
    (18, 400, "Validation failed.", "ValidationFailedError", BadRequestError),
    (19, 406, "Invalid accept header.", "InvalidAcceptHeaderError", BadRequestError),
    (
        20,
        422,
        "Invalid date range: Should be a range no longer than 14 days.",
        "InvalidDateRangeError",
        BadRequestError,
    ),
    (
        21,
        200,
        "Entry not found: The item you are trying to edit cannot be found.",
        "EntryNotFoundError",
        NotFoundError,
    ),
    (
        22,
        400,
        "Invalid page: Pages start at 1 and max at 500. They are expected to be an integer.",
        "InvalidPageError",
        BadRequestError,
    ),
    (
        23,
        400,
        "Invalid date: Format needs to be YYYY-MM-DD.",
        "InvalidDateError",
        BadRequestError,
    ),
    (
        24,
        504,
        "Your request to the backend server timed out. Try again.",
        "BackendTimeoutError",
        ServerError,
    ),
    (
        25,
        429,
        "Your request count (#) is over the allowed limit of (40).",
        "RateLimitError",
        RateLimitError,
    ),
    (
        26,
        400,
        "You must provide a username and password.",
        "UsernamePasswordRequiredError",
        BadRequestError,
    ),
    (
        27,
        400,
        "Too many append to response objects: The maximum number of remote calls is 20.",
        "TooManyAppendedObjectsError",
        BadRequestError,
    ),
    (
        28,
        400,
        "Invalid timezone: Please consult the documentation for a valid timezone.",
        "InvalidTimezoneError",
        BadRequestError,
    ),
    (
        29,
        400,
        "You must confirm this action: Please provide a confirm=true parameter.",
        "ConfirmationRequiredError",
        BadRequestError,
    ),
    (
        30,
        401,
        "Invalid username and/or password: You did not provide a valid login.",
        "InvalidLoginError",
        AuthenticationError,
    ),
    (
        31,
        401,
        "Account disabled: Your account is no longer active. Contact TMDB if this is an error.",
        "AccountDisabledError",
        AuthenticationError,
    ),
    (
        32,
        401,
        "Email not verified: Your email address has not been verified.",
        "EmailNotVerifiedError",
        AuthenticationError,
    ),
    (
        33,
        401,
        "Invalid request token: The request token is either expired or invalid.",
        "InvalidRequestTokenError",
        AuthenticationError,
    ),
    (
        34,
        404,
        "The resource you requested could not be found.",
        "ResourceNotFoundError",
        NotFoundError,
    ),
    (35, 401, "Invalid token.", "InvalidTokenError", AuthenticationError),
    (
        36,
        401,
        "This token hasn't been granted write permission by the user.",
        "WritePermissionError",
        PermissionDeniedError,
    ),
    (
        37,
        404,
        "The requested session could not be found.",
        "SessionNotFoundError",
        NotFoundError,
    ),
    (
        38,
        401,
        "You don't have permission to edit this resource.",
        "EditPermissionError",
        PermissionDeniedError,
    ),
    (39, 401, "This resource is private.", "PrivateResourceError", PermissionDeniedError),
    (40, 200, "Nothing to update.", "NothingToUpdateError", BadRequestError),
    (
        41,
        422,
        "This request token hasn't been approved by the user.",
        "RequestTokenNotApprovedError",
        AuthenticationError,
    ),
    (
        42,
        405,
        "This request method is not supported for this resource.",
        "MethodNotSupportedError",
        BadRequestError,
    ),
    (
        43,
        502,
        "Couldn't connect to the backend server.",
        "BackendConnectionError",
        ServerError,
    ),
    (44, 500, "The ID is invalid.", "MalformedIdError", BadRequestError),
    (45, 403, "This user has been suspended.", "UserSuspendedError", PermissionDeniedError),
    (
        46,
        503,
        "The API is undergoing maintenance. Try again later.",
        "MaintenanceError",
        ServerError,
    ),
    (47, 400, "The input is not valid.", "InvalidInputError", BadRequestError),
]

MAPPED = [row for row in TABLE if row[3] is not None]


def test_the_table_covers_every_code_1_to_47() -> None:
    assert [row[0] for row in TABLE] == list(range(1, 48))


@pytest.mark.parametrize(("code", "http", "message", "name", "category"), MAPPED)
def test_every_code_maps_to_its_class(
    code: int, http: int, message: str, name: str, category: type[TMDBAPIError]
) -> None:
    cls = getattr(errors, name)
    assert ERROR_CLASSES[code] is cls
    assert issubclass(cls, category)
    envelope = {"success": False, "status_code": code, "status_message": message}
    err = error_from_response(http, envelope, method="GET", url=f"{API}/3/x", retry_after=None)
    assert type(err) is cls
    assert (err.http_status, err.tmdb_code, err.tmdb_message) == (http, code, message)
    assert err.body == envelope
    assert (err.method, err.url) == ("GET", f"{API}/3/x")
    assert str(err) == f"HTTP {http}, TMDB code {code}: {message} (GET {API}/3/x)"
    if cls is not RateLimitError:
        # One class per code: the stated HTTP status is recorded on it (3 and 14 share one).
        assert cls.default_http_status == http


@pytest.mark.parametrize(("code", "http", "message", "name", "category"), MAPPED)
def test_the_code_wins_over_an_unusual_http_status(
    code: int, http: int, message: str, name: str, category: type[TMDBAPIError]
) -> None:
    # TMDB's stated statuses are not always what the wire shows: the body code decides.
    other = 400 if http != 400 else 422
    err = error_from_response(other, {"status_code": code, "status_message": message})
    assert type(err) is ERROR_CLASSES[code]
    assert err.http_status == other


@pytest.mark.parametrize("code", [1, 12, 13])
def test_success_codes_have_no_class_and_fall_back_by_status(code: int) -> None:
    assert code not in ERROR_CLASSES
    assert type(error_from_response(500, {"status_code": code})) is ServerError
    assert type(error_from_response(404, {"status_code": code})) is NotFoundError
    err = error_from_response(200, {"success": False, "status_code": code})
    assert type(err) is TMDBAPIError
    assert err.tmdb_code == code


@pytest.mark.parametrize(
    ("http", "expected"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (405, BadRequestError),
        (409, BadRequestError),
        (418, BadRequestError),
        (422, BadRequestError),
        (429, RateLimitError),
        (500, ServerError),
        (502, ServerError),
        (503, ServerError),
        (504, ServerError),
        (520, ServerError),
        (302, TMDBAPIError),
    ],
)
@pytest.mark.parametrize(
    "body",
    [
        None,
        {"status_code": 999, "status_message": "brand new"},
        {"status_code": "34"},
        {"status_code": True},
        {"unrelated": 1},
        ["not", "a", "mapping"],
        "<html>Bad gateway</html>",
    ],
)
def test_unknown_codes_and_non_json_fall_back_by_status(
    http: int, expected: type[TMDBAPIError], body: object
) -> None:
    err = error_from_response(http, body)
    assert type(err) is expected
    assert err.http_status == http
    if isinstance(body, dict) and body.get("status_code") == 999:
        assert (err.tmdb_code, err.tmdb_message) == (999, "brand new")
    else:
        assert err.tmdb_code is None
    if not isinstance(body, dict):
        assert err.body is None


@pytest.mark.parametrize("code", [None, 7, 34, 11, 999])
def test_429_is_always_a_rate_limit_error(code: int | None) -> None:
    body = None if code is None else {"status_code": code, "status_message": "m"}
    err = error_from_response(429, body, retry_after=2.5)
    assert isinstance(err, RateLimitError)
    assert err.http_status == 429
    assert err.tmdb_code == code
    assert err.retry_after == 2.5


def test_old_rate_limit_envelope_without_success() -> None:
    err = error_from_response(
        429,
        {
            "status_code": 25,
            "status_message": "Your request count (46) is over the allowed limit of 40.",
        },
    )
    assert type(err) is RateLimitError
    assert err.tmdb_code == 25


def test_v4_errors_list_becomes_the_message() -> None:
    err = error_from_response(422, {"success": False, "errors": ["page must be less than 500"]})
    assert type(err) is BadRequestError
    assert err.tmdb_message == "page must be less than 500"
    assert err.tmdb_code is None


def test_message_without_tmdb_details() -> None:
    assert str(error_from_response(502, None)) == "HTTP 502: no TMDB message"


# ---------------------------------------------------------------------------- through the client


@pytest.mark.parametrize(
    ("code", "expected"), [(21, EntryNotFoundError), (40, NothingToUpdateError)]
)
async def test_200_with_success_false_raises(
    code: int,
    expected: type[TMDBAPIError],
    tmdb_local: TMDBClient,
    tmdb_server: TMDBServer,
    fake_sleep: FakeSleep,
) -> None:
    envelope = {"success": False, "status_code": code, "status_message": "m"}
    tmdb_server.get("/3/account?session_id=s1", status=200, payload=envelope)
    with pytest.raises(expected) as info:
        await tmdb_local.for_user("s1").account.details()
    assert (info.value.http_status, info.value.tmdb_code) == (200, code)
    assert info.value.body == envelope
    assert len(tmdb_server.calls()) == 1
    assert fake_sleep.waits == []


async def test_200_with_success_true_envelope_is_not_an_error(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.get(
        "/3/authentication",
        payload={"success": True, "status_code": 1, "status_message": "Success."},
    )
    assert await tmdb_local.auth.validate_key() is True


@pytest.mark.parametrize(("code", "http", "message", "name", "category"), MAPPED)
async def test_every_code_through_the_client(
    code: int,
    http: int,
    message: str,
    name: str,
    category: type[TMDBAPIError],
    tmdb_server: TMDBServer,
    fake_sleep: FakeSleep,
) -> None:
    envelope = {"success": False, "status_code": code, "status_message": message}
    tmdb_server.get("/3/movie/11", status=http, payload=envelope)
    async with TMDBClient(
        access_token="eyJ.a.b", base_url=tmdb_server.base_url, retry=None, sleep=fake_sleep
    ) as tmdb:
        with pytest.raises(getattr(errors, name)) as info:
            await tmdb.movies.details(11)
    err = info.value
    assert (err.http_status, err.tmdb_code, err.tmdb_message) == (http, code, message)
    call = tmdb_server.only_call()
    assert (call.method, call.path) == ("GET", "/3/movie/11")


async def test_429_without_json_through_the_client(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    for _ in range(3):
        tmdb_server.get("/3/movie/11", status=429, body="slow down")
    with pytest.raises(RateLimitError) as info:
        await tmdb_local.movies.details(11)
    assert (info.value.tmdb_code, info.value.body) == (None, None)


# ---------------------------------------------------------------------------- documentation


def _error_classes() -> list[type[TMDBError]]:
    return [
        obj
        for _, obj in inspect.getmembers(errors, inspect.isclass)
        if issubclass(obj, TMDBError) and obj.__module__ == errors.__name__
    ]


def test_every_error_class_is_exported() -> None:
    classes = _error_classes()
    assert len(classes) >= 50
    assert {cls.__name__ for cls in classes} <= set(errors.__all__)
    assert set(ERROR_CLASSES.values()) <= set(classes)
    for name in errors.__all__:
        assert hasattr(errors, name)


def test_every_error_class_is_documented() -> None:
    for cls in _error_classes():
        doc = cls.__dict__.get("__doc__")
        assert doc, f"{cls.__name__} has no docstring of its own"
        assert len(doc.strip()) > 15


@pytest.mark.parametrize(("code", "http", "message", "name", "category"), MAPPED)
def test_each_class_docstring_names_its_code(
    code: int, http: int, message: str, name: str, category: type[TMDBAPIError]
) -> None:
    if name == "RateLimitError":
        assert "code 25" in (RateLimitError.__doc__ or "")
        return
    doc = getattr(errors, name).__doc__ or ""
    assert str(code) in doc
    assert f"HTTP {http}" in doc


def test_the_categories_are_importable_from_the_package() -> None:
    for name in (
        "TMDBError",
        "TMDBUsageError",
        "TMDBTransportError",
        "TMDBConnectionError",
        "TMDBTimeoutError",
        "TMDBAPIError",
        "BadRequestError",
        "AuthenticationError",
        "PermissionDeniedError",
        "NotFoundError",
        "RateLimitError",
        "ServerError",
        "ResponseValidationError",
        "SessionDeniedError",
        "InvalidRequestTokenError",
    ):
        assert getattr(tmdb_async, name) is getattr(errors, name)
        assert name in tmdb_async.__all__
