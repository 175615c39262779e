"""Print a movie's details and top-billed cast.

Usage::

    TMDB_ACCESS_TOKEN=eyJ... python examples/movie.py 11
    TMDB_API_KEY=0123...cdef python examples/movie.py 603

Set ``TMDB_BASE_URL`` to point it at another server (a local sandbox, say).
"""

from __future__ import annotations

import asyncio
import os
import sys

from tmdb_async import DEFAULT_BASE_URL, TMDBClient, TMDBError


def client_from_env() -> TMDBClient:
    """A client built from TMDB_ACCESS_TOKEN or TMDB_API_KEY (the library never reads env)."""
    base_url = os.environ.get("TMDB_BASE_URL", DEFAULT_BASE_URL)
    token = os.environ.get("TMDB_ACCESS_TOKEN")
    if token:
        return TMDBClient(access_token=token, base_url=base_url)
    key = os.environ.get("TMDB_API_KEY")
    if key:
        return TMDBClient(api_key=key, base_url=base_url)
    sys.exit("set TMDB_ACCESS_TOKEN (API Read Access Token) or TMDB_API_KEY")


async def main(movie_id: int) -> None:
    """Fetch one movie with its credits and print a summary."""
    async with client_from_env() as tmdb:
        movie = await tmdb.movies.details(movie_id, append_to_response=["credits"])
        year = movie.release_date.year if movie.release_date else "unknown year"
        print(f"{movie.title} ({year}), {movie.runtime or '?'} min")
        print(", ".join(g.name for g in movie.genres))
        for person in movie.appended.credits.cast[:5]:  # typed without None: it was appended
            print(f"  {person.name} as {person.character}")


if __name__ == "__main__":
    try:
        asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 11))
    except TMDBError as exc:
        sys.exit(f"error: {exc}")
