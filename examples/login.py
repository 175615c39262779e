"""Log a TMDB user in with the v3 approval flow and print their account name.

Usage::

    TMDB_ACCESS_TOKEN=eyJ... python examples/login.py

It prints the approval URL, waits while you approve the request in your browser, creates
the session and prints the account. The session id is a secret: this example does not
print or store it.
"""

from __future__ import annotations

import asyncio
import os
import sys

from tmdb_async import (
    DEFAULT_BASE_URL,
    DEFAULT_WEBSITE_URL,
    InvalidRequestTokenError,
    SessionDeniedError,
    TMDBClient,
    TMDBError,
)


def client_from_env() -> TMDBClient:
    """A client built from TMDB_ACCESS_TOKEN or TMDB_API_KEY (the library never reads env)."""
    base_url = os.environ.get("TMDB_BASE_URL", DEFAULT_BASE_URL)
    website_url = os.environ.get("TMDB_WEBSITE_URL", DEFAULT_WEBSITE_URL)
    token = os.environ.get("TMDB_ACCESS_TOKEN")
    if token:
        return TMDBClient(access_token=token, base_url=base_url, website_url=website_url)
    key = os.environ.get("TMDB_API_KEY")
    if key:
        return TMDBClient(api_key=key, base_url=base_url, website_url=website_url)
    sys.exit("set TMDB_ACCESS_TOKEN (API Read Access Token) or TMDB_API_KEY")


async def main() -> None:
    """Request token -> approval in the browser -> session -> account."""
    async with client_from_env() as tmdb:
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
