"""The one exception hierarchy of tmdb_async, and the pure mapping from a TMDB answer to it.

Every exception the SDK raises derives from :class:`TMDBError`::

    TMDBError
    ├── TMDBUsageError (also ValueError)      bad input, caught before any I/O
    │   ├── CredentialError                   missing or confused api_key / access_token
    │   ├── MissingSessionError               a user operation without a usable session
    │   └── ClientClosedError                 the client was used after close()
    ├── TMDBTransportError                    TMDB gave no usable answer
    │   ├── TMDBConnectionError               refused, reset, DNS, TLS ...
    │   ├── TMDBTimeoutError                  no answer within the timeout
    │   │   └── PoolTimeoutError              no free connection within pool_timeout
    │   └── ResponseTooLargeError             the answer is bigger than allowed
    ├── TMDBAPIError                          TMDB answered with an error
    │   ├── BadRequestError                   400 / 405 / 406 / 422 and friends
    │   ├── AuthenticationError               401: the credential itself is bad
    │   │   ├── SessionDeniedError            17: request token not approved
    │   │   ├── InvalidRequestTokenError      33: request token expired or unknown
    │   │   └── ...
    │   ├── PermissionDeniedError             authenticated, but not allowed
    │   ├── NotFoundError                     404
    │   ├── RateLimitError                    429 (code 25)
    │   └── ServerError                       5xx
    └── ResponseValidationError               TMDB's body does not fit our model

Every TMDB ``status_code`` from 2 to 47 has its own class, listed in :data:`ERROR_CLASSES`.
Codes 1, 12 and 13 are success results (and 40, "Nothing to update", when TMDB marks it a
success); they never become exceptions unless TMDB sends them with ``"success": false`` or a
non-2xx HTTP status, where the class is chosen by the HTTP status.

Messages never contain secrets: the request URL in them is redacted (see ``_redact``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

__all__ = [
    "ERROR_CLASSES",
    "TMDB_CODES",
    "AccountDisabledError",
    "AuthenticationError",
    "AuthenticationFailedError",
    "BackendConnectionError",
    "BackendTimeoutError",
    "BadRequestError",
    "ClientClosedError",
    "ConfirmationRequiredError",
    "CredentialError",
    "DeviceDeniedError",
    "DuplicateEntryError",
    "EditPermissionError",
    "EmailNotVerifiedError",
    "EntryNotFoundError",
    "InternalServerError",
    "InvalidAcceptHeaderError",
    "InvalidAPIKeyError",
    "InvalidDateError",
    "InvalidDateRangeError",
    "InvalidFormatError",
    "InvalidIdError",
    "InvalidInputError",
    "InvalidLoginError",
    "InvalidPageError",
    "InvalidParametersError",
    "InvalidRequestTokenError",
    "InvalidServiceError",
    "InvalidTimezoneError",
    "InvalidTokenError",
    "MaintenanceError",
    "MalformedIdError",
    "MethodNotSupportedError",
    "MissingSessionError",
    "NotFoundError",
    "NothingToUpdateError",
    "OperationFailedError",
    "PermissionDeniedError",
    "PoolTimeoutError",
    "PrivateResourceError",
    "RateLimitError",
    "RequestTokenNotApprovedError",
    "ResourceNotFoundError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "ServerError",
    "ServiceOfflineError",
    "SessionDeniedError",
    "SessionNotFoundError",
    "SuspendedAPIKeyError",
    "TMDBAPIError",
    "TMDBConnectionError",
    "TMDBError",
    "TMDBTimeoutError",
    "TMDBTransportError",
    "TMDBUsageError",
    "TooManyAppendedObjectsError",
    "UserSuspendedError",
    "UsernamePasswordRequiredError",
    "ValidationFailedError",
    "WritePermissionError",
    "error_from_response",
]


class TMDBError(Exception):
    """Base class of every exception raised by tmdb_async."""


# --------------------------------------------------------------------------- local errors


class TMDBUsageError(TMDBError, ValueError):
    """The call itself is wrong (bad argument, missing credential); raised before any I/O."""


class CredentialError(TMDBUsageError):
    """No credential, two credentials, or a credential passed under the wrong name.

    A v3 API key is 32 hexadecimal characters and goes in ``api_key=``; a v4 API Read
    Access Token is a JWT (``eyJ...``) and goes in ``access_token=``.
    """


class MissingSessionError(TMDBUsageError):
    """A user operation was called without a user session it can use (for example an
    account-only operation on a guest session)."""


class ClientClosedError(TMDBUsageError):
    """The :class:`~tmdb_async.TMDBClient` was used after ``close()``."""


# --------------------------------------------------------------------------- transport errors


class TMDBTransportError(TMDBError):
    """TMDB could not be reached or gave no usable answer.

    Attributes:
        method: the HTTP method of the request.
        url: the request URL with every secret redacted.
    """

    def __init__(self, message: str, *, method: str = "", url: str = "") -> None:
        super().__init__(message)
        self.method = method
        self.url = url


class TMDBConnectionError(TMDBTransportError):
    """The connection failed: refused, reset, closed early, DNS or TLS failure.

    Attributes:
        request_sent: ``False`` when the connection could not even be opened, so TMDB
            certainly never saw the request (safe to retry any method).
    """

    def __init__(
        self, message: str, *, method: str = "", url: str = "", request_sent: bool = True
    ) -> None:
        super().__init__(message, method=method, url=url)
        self.request_sent = request_sent


class TMDBTimeoutError(TMDBTransportError):
    """TMDB did not answer within the configured timeout."""


class PoolTimeoutError(TMDBTimeoutError):
    """No connection of the client's pool became free within ``pool_timeout``.

    The request never left: it is safe to retry for any method (the retry policy does).

    Attributes:
        request_sent: always ``False``.
    """

    request_sent = False


class ResponseTooLargeError(TMDBTransportError):
    """An answer (or one line of an export file) is bigger, once decoded, than allowed.

    Reading stops as soon as the limit is passed, so memory stays bounded; the connection
    is closed. Not retried: the same request would get the same answer.

    Attributes:
        limit: the limit in bytes (``max_response_bytes`` for API answers).
    """

    def __init__(self, message: str, *, limit: int, method: str = "", url: str = "") -> None:
        super().__init__(message, method=method, url=url)
        self.limit = limit


# --------------------------------------------------------------------------- API errors


class TMDBAPIError(TMDBError):
    """TMDB answered with an error.

    Attributes:
        http_status: the HTTP status of the answer (for example 401).
        tmdb_code: TMDB's ``status_code`` from the body (for example 7), or ``None`` when the
            body carried none (a CDN error page, say).
        tmdb_message: TMDB's ``status_message``, or ``None``.
        method: the HTTP method of the request.
        url: the request URL with every secret redacted.
        retry_after: seconds from a ``Retry-After`` header, when TMDB sent one.
        body: the decoded JSON body (a mapping), or ``None`` when it was not JSON.
    """

    #: TMDB's documented HTTP status for this code; informational only.
    default_http_status: int | None = None

    def __init__(
        self,
        *,
        http_status: int,
        tmdb_code: int | None = None,
        tmdb_message: str | None = None,
        method: str = "",
        url: str = "",
        retry_after: float | None = None,
        body: Mapping[str, object] | None = None,
    ) -> None:
        self.http_status = http_status
        self.tmdb_code = tmdb_code
        self.tmdb_message = tmdb_message
        self.method = method
        self.url = url
        self.retry_after = retry_after
        self.body = body
        super().__init__(self._describe())

    def _describe(self) -> str:
        parts = [f"HTTP {self.http_status}"]
        if self.tmdb_code is not None:
            parts.append(f"TMDB code {self.tmdb_code}")
        head = ", ".join(parts)
        text = self.tmdb_message or "no TMDB message"
        where = f" ({self.method} {self.url})" if self.url else ""
        return f"{head}: {text}{where}"


class BadRequestError(TMDBAPIError):
    """TMDB rejected the request's parameters or format (HTTP 400, 405, 406, 422)."""


class AuthenticationError(TMDBAPIError):
    """A credential was refused: API key, read token, session, request token or login."""


class PermissionDeniedError(TMDBAPIError):
    """The credential is valid but not allowed to do this."""


class NotFoundError(TMDBAPIError):
    """The requested resource or record does not exist (mostly HTTP 404)."""


class RateLimitError(TMDBAPIError):
    """TMDB's rate limit was hit (HTTP 429, code 25). ``retry_after`` says how long to wait,
    when TMDB said."""


class ServerError(TMDBAPIError):
    """TMDB or its CDN failed (HTTP 5xx)."""


# One class per TMDB error code. Declared as real classes (not generated) so that type
# checkers, IDEs and documentation tools see them.


class InvalidServiceError(ServerError):
    """TMDB code 2 (HTTP 501): invalid service, this service does not exist."""


class AuthenticationFailedError(AuthenticationError):
    """TMDB codes 3 and 14 (HTTP 401): authentication failed, no permission for this service.

    TMDB also sends code 3 for a guest session on an endpoint that needs a user session.
    """


class InvalidFormatError(BadRequestError):
    """TMDB code 4 (HTTP 405): this service does not exist in that format."""


class InvalidParametersError(BadRequestError):
    """TMDB code 5 (HTTP 422): the request parameters are incorrect."""


class InvalidIdError(NotFoundError):
    """TMDB code 6 (HTTP 404): the pre-requisite id is invalid or not found."""


class InvalidAPIKeyError(AuthenticationError):
    """TMDB code 7 (HTTP 401): invalid API key or read access token."""


class DuplicateEntryError(PermissionDeniedError):
    """TMDB code 8 (HTTP 403): the data you tried to submit already exists."""


class ServiceOfflineError(ServerError):
    """TMDB code 9 (HTTP 503): the service is temporarily offline."""


class SuspendedAPIKeyError(AuthenticationError):
    """TMDB code 10 (HTTP 401): access for this API key has been suspended."""


class InternalServerError(ServerError):
    """TMDB code 11 (HTTP 500): internal error at TMDB."""


class OperationFailedError(ServerError):
    """TMDB code 15 (HTTP 500): "Failed."."""


class DeviceDeniedError(AuthenticationError):
    """TMDB code 16 (HTTP 401): device denied."""


class SessionDeniedError(AuthenticationError):
    """TMDB code 17 (HTTP 401): session denied.

    ``create_session`` raises it when the request token has not been approved by the user
    (yet): send the user to the approval URL and try again after they approve.
    """


class ValidationFailedError(BadRequestError):
    """TMDB code 18 (HTTP 400): validation failed."""


class InvalidAcceptHeaderError(BadRequestError):
    """TMDB code 19 (HTTP 406): invalid Accept header."""


class InvalidDateRangeError(BadRequestError):
    """TMDB code 20 (HTTP 422): the date range is longer than 14 days."""


class EntryNotFoundError(NotFoundError):
    """TMDB code 21 (HTTP 200): the item you are trying to edit cannot be found."""


class InvalidPageError(BadRequestError):
    """TMDB code 22 (HTTP 400): pages start at 1 and end at 500."""


class InvalidDateError(BadRequestError):
    """TMDB code 23 (HTTP 400): a date must be YYYY-MM-DD."""


class BackendTimeoutError(ServerError):
    """TMDB code 24 (HTTP 504): the request to TMDB's backend timed out."""


class UsernamePasswordRequiredError(BadRequestError):
    """TMDB code 26 (HTTP 400): a username and a password are required."""


class TooManyAppendedObjectsError(BadRequestError):
    """TMDB code 27 (HTTP 400): more than 20 ``append_to_response`` objects."""


class InvalidTimezoneError(BadRequestError):
    """TMDB code 28 (HTTP 400): invalid timezone."""


class ConfirmationRequiredError(BadRequestError):
    """TMDB code 29 (HTTP 400): the action needs ``confirm=true``."""


class InvalidLoginError(AuthenticationError):
    """TMDB code 30 (HTTP 401): invalid username and/or password."""


class AccountDisabledError(AuthenticationError):
    """TMDB code 31 (HTTP 401): the account is no longer active."""


class EmailNotVerifiedError(AuthenticationError):
    """TMDB code 32 (HTTP 401): the account's email address has not been verified."""


class InvalidRequestTokenError(AuthenticationError):
    """TMDB code 33 (HTTP 401): the request token is expired, already used or unknown.

    Request tokens are single use and expire 60 minutes after creation: create a new one.
    """


class ResourceNotFoundError(NotFoundError):
    """TMDB code 34 (HTTP 404): the resource you requested could not be found."""


class InvalidTokenError(AuthenticationError):
    """TMDB code 35 (HTTP 401): invalid token."""


class WritePermissionError(PermissionDeniedError):
    """TMDB code 36 (HTTP 401): the token has not been granted write permission."""


class SessionNotFoundError(NotFoundError):
    """TMDB code 37 (HTTP 404): the requested session could not be found."""


class EditPermissionError(PermissionDeniedError):
    """TMDB code 38 (HTTP 401): no permission to edit this resource."""


class PrivateResourceError(PermissionDeniedError):
    """TMDB code 39 (HTTP 401): this resource is private."""


class NothingToUpdateError(BadRequestError):
    """TMDB code 40 (HTTP 200) sent as a failure: nothing to update."""


class RequestTokenNotApprovedError(AuthenticationError):
    """TMDB code 41 (HTTP 422): the request token has not been approved by the user."""


class MethodNotSupportedError(BadRequestError):
    """TMDB code 42 (HTTP 405): this request method is not supported for this resource."""


class BackendConnectionError(ServerError):
    """TMDB code 43 (HTTP 502): TMDB could not connect to its backend."""


class MalformedIdError(BadRequestError):
    """TMDB code 44 (HTTP 500): the ID is invalid."""


class UserSuspendedError(PermissionDeniedError):
    """TMDB code 45 (HTTP 403): this user has been suspended."""


class MaintenanceError(ServerError):
    """TMDB code 46 (HTTP 503): the API is undergoing maintenance."""


class InvalidInputError(BadRequestError):
    """TMDB code 47 (HTTP 400): the input is not valid."""


#: TMDB ``status_code`` → (the HTTP status TMDB documents for it, its ``status_message``),
#: codes 1 to 47 (WIRE.md section 5). The one table: each error class's
#: ``default_http_status`` comes from it, and the sandbox answers with it.
TMDB_CODES: Mapping[int, tuple[int, str]] = {
    1: (200, "Success."),
    2: (501, "Invalid service: this service does not exist."),
    3: (401, "Authentication failed: You do not have permissions to access the service."),
    4: (405, "Invalid format: This service doesn't exist in that format."),
    5: (422, "Invalid parameters: Your request parameters are incorrect."),
    6: (404, "Invalid id: The pre-requisite id is invalid or not found."),
    7: (401, "Invalid API key: You must be granted a valid key."),
    8: (403, "Duplicate entry: The data you tried to submit already exists."),
    9: (503, "Service offline: This service is temporarily offline, try again later."),
    10: (401, "Suspended API key: Access to your account has been suspended, contact TMDB."),
    11: (500, "Internal error: Something went wrong, contact TMDB."),
    12: (201, "The item/record was updated successfully."),
    13: (200, "The item/record was deleted successfully."),
    14: (401, "Authentication failed."),
    15: (500, "Failed."),
    16: (401, "Device denied."),
    17: (401, "Session denied."),
    18: (400, "Validation failed."),
    19: (406, "Invalid accept header."),
    20: (422, "Invalid date range: Should be a range no longer than 14 days."),
    21: (200, "Entry not found: The item you are trying to edit cannot be found."),
    22: (400, "Invalid page: Pages start at 1 and max at 500. They are expected to be an integer."),
    23: (400, "Invalid date: Format needs to be YYYY-MM-DD."),
    24: (504, "Your request to the backend server timed out. Try again."),
    25: (429, "Your request count (#) is over the allowed limit of (40)."),
    26: (400, "You must provide a username and password."),
    27: (400, "Too many append to response objects: The maximum number of remote calls is 20."),
    28: (400, "Invalid timezone: Please consult the documentation for a valid timezone."),
    29: (400, "You must confirm this action: Please provide a confirm=true parameter."),
    30: (401, "Invalid username and/or password: You did not provide a valid login."),
    31: (
        401,
        "Account disabled: Your account is no longer active. Contact TMDB if this is an error.",
    ),
    32: (401, "Email not verified: Your email address has not been verified."),
    33: (401, "Invalid request token: The request token is either expired or invalid."),
    34: (404, "The resource you requested could not be found."),
    35: (401, "Invalid token."),
    36: (401, "This token hasn't been granted write permission by the user."),
    37: (404, "The requested session could not be found."),
    38: (401, "You don't have permission to edit this resource."),
    39: (401, "This resource is private."),
    40: (200, "Nothing to update."),
    41: (422, "This request token hasn't been approved by the user."),
    42: (405, "This request method is not supported for this resource."),
    43: (502, "Couldn't connect to the backend server."),
    44: (500, "The ID is invalid."),
    45: (403, "This user has been suspended."),
    46: (503, "The API is undergoing maintenance. Try again later."),
    47: (400, "The input is not valid."),
}


#: TMDB ``status_code`` → exception class. Codes 1, 12 and 13 are success results and have
#: no entry; see the module docstring.
ERROR_CLASSES: Mapping[int, type[TMDBAPIError]] = {
    2: InvalidServiceError,
    3: AuthenticationFailedError,
    4: InvalidFormatError,
    5: InvalidParametersError,
    6: InvalidIdError,
    7: InvalidAPIKeyError,
    8: DuplicateEntryError,
    9: ServiceOfflineError,
    10: SuspendedAPIKeyError,
    11: InternalServerError,
    14: AuthenticationFailedError,
    15: OperationFailedError,
    16: DeviceDeniedError,
    17: SessionDeniedError,
    18: ValidationFailedError,
    19: InvalidAcceptHeaderError,
    20: InvalidDateRangeError,
    21: EntryNotFoundError,
    22: InvalidPageError,
    23: InvalidDateError,
    24: BackendTimeoutError,
    25: RateLimitError,
    26: UsernamePasswordRequiredError,
    27: TooManyAppendedObjectsError,
    28: InvalidTimezoneError,
    29: ConfirmationRequiredError,
    30: InvalidLoginError,
    31: AccountDisabledError,
    32: EmailNotVerifiedError,
    33: InvalidRequestTokenError,
    34: ResourceNotFoundError,
    35: InvalidTokenError,
    36: WritePermissionError,
    37: SessionNotFoundError,
    38: EditPermissionError,
    39: PrivateResourceError,
    40: NothingToUpdateError,
    41: RequestTokenNotApprovedError,
    42: MethodNotSupportedError,
    43: BackendConnectionError,
    44: MalformedIdError,
    45: UserSuspendedError,
    46: MaintenanceError,
    47: InvalidInputError,
}


for _code, _cls in ERROR_CLASSES.items():
    _cls.default_http_status = TMDB_CODES[_code][0]
del _code, _cls


def _class_for_status(http_status: int) -> type[TMDBAPIError]:
    if http_status == 429:
        return RateLimitError
    if http_status == 401:
        return AuthenticationError
    if http_status == 403:
        return PermissionDeniedError
    if http_status == 404:
        return NotFoundError
    if http_status >= 500:
        return ServerError
    if 400 <= http_status < 500:
        return BadRequestError
    return TMDBAPIError


def error_from_response(
    http_status: int,
    body: object,
    *,
    method: str = "",
    url: str = "",
    retry_after: float | None = None,
) -> TMDBAPIError:
    """Build the typed error for one TMDB answer. Pure: no I/O.

    Args:
        http_status: the HTTP status TMDB sent.
        body: the decoded JSON body, or ``None`` if the body was not JSON.
        method: the request method, for the message.
        url: the request URL, already redacted, for the message.
        retry_after: the parsed ``Retry-After`` header, if any.

    Returns:
        The exception to raise. The class comes from TMDB's ``status_code`` when it is known
        (:data:`ERROR_CLASSES`), otherwise from the HTTP status.
    """
    code: int | None = None
    message: str | None = None
    mapping: Mapping[str, object] | None = None
    if isinstance(body, Mapping):
        mapping = body
        raw_code = body.get("status_code")
        if isinstance(raw_code, int) and not isinstance(raw_code, bool):
            code = raw_code
        raw_message = body.get("status_message")
        if isinstance(raw_message, str):
            message = raw_message
        elif message is None:
            errors = body.get("errors")
            if isinstance(errors, Sequence) and not isinstance(errors, str):
                message = "; ".join(str(e) for e in errors)
    cls = ERROR_CLASSES.get(code) if code is not None else None
    if cls is None:
        cls = _class_for_status(http_status)
    if http_status == 429 and not issubclass(cls, RateLimitError):
        cls = RateLimitError
    return cls(
        http_status=http_status,
        tmdb_code=code,
        tmdb_message=message,
        method=method,
        url=url,
        retry_after=retry_after,
        body=mapping,
    )


class ResponseValidationError(TMDBError):
    """TMDB's answer did not fit the model it was expected to fit.

    Attributes:
        model: the name of the model that was being built.
        errors: cattrs' messages, one per failing field (``"... @ $.field"``). They name
            fields and types, never values, so they never contain secrets.
        body: the decoded JSON that failed, for debugging.
    """

    def __init__(
        self,
        model: str,
        errors: Sequence[str],
        *,
        body: object = None,
        method: str = "",
        url: str = "",
    ) -> None:
        self.model = model
        self.errors = list(errors)
        self.body = body
        self.method = method
        self.url = url
        where = f" ({method} {url})" if url else ""
        detail = "; ".join(self.errors) or "no detail"
        super().__init__(f"TMDB's answer does not fit {model}{where}: {detail}")
