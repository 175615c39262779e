"""Resource namespaces: one class per area of the TMDB API (``tmdb.auth``, ``tmdb.movies`` ...).

Each module is imported by its ``TMDBClient`` property on first use, so this package
imports none of them: ``from tmdb_async.resources.movies import Movies``.
"""
