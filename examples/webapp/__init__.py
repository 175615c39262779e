"""Sign in with TMDB: an aiohttp.web example app (``python -m examples.webapp``)."""
