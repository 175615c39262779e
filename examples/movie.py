"""Print a movie's details and top-billed cast.

Usage::

    TMDB_ACCESS_TOKEN=eyJ... python examples/movie.py 11
    TMDB_API_KEY=0123...cdef python examples/movie.py 603

Set ``TMDB_BASE_URL`` to point it at another server: the variables ``tmdb-async sandbox``
prints run it against a local sandbox (``TMDBClient.from_env()`` reads them).
"""

from __future__ import annotations

import asyncio
import sys

from tmdb_async import TMDBClient, TMDBError


async def main(movie_id: int) -> None:
    """Fetch one movie with its credits and print a summary."""
    async with TMDBClient.from_env() as tmdb:
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
