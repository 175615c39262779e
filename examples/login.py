"""Log a TMDB user in with the v3 approval flow and print their account name.

Usage::

    TMDB_ACCESS_TOKEN=eyJ... python examples/login.py

(``TMDBClient.from_env()`` also reads ``TMDB_BASE_URL`` and ``TMDB_WEBSITE_URL``, so the
variables ``tmdb-async sandbox`` prints run it against a local sandbox.)

It prints the approval URL, waits while you approve the request in your browser, creates
the session and prints the account. The session id is a secret: this example does not
print or store it.
"""

from __future__ import annotations

import asyncio
import sys

from tmdb_async import (
    InvalidRequestTokenError,
    SessionDeniedError,
    TMDBClient,
    TMDBError,
)


async def main() -> None:
    """Request token -> approval in the browser -> session -> account."""
    async with TMDBClient.from_env() as tmdb:
        token = await tmdb.auth.create_request_token()
        print("Open this page, approve the request, then come back here:")
        print(f"  {tmdb.auth.approval_url(token)}")
        await asyncio.to_thread(input, "Press Enter once you have approved... ")
        try:
            session = await tmdb.auth.create_session(token)
        except SessionDeniedError:
            sys.exit("TMDB says the request was not approved.")
        except InvalidRequestTokenError:
            sys.exit("The request token expired (tokens live 60 minutes); run again.")
        account = await tmdb.for_user(session).account.details()
        print(f"Logged in as {account.name or account.username} (account id {account.id}).")


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except TMDBError as exc:
        sys.exit(f"error: {exc}")
