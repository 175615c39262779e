"""``tmdb.certifications``: the movie and TV certification lists."""

from __future__ import annotations

import pytest

from tests.catalogue_helpers import check_get
from tests.loopback_tmdb import TMDBServer
from tmdb_async import (
    Certification,
    Certifications,
    TMDBClient,
)


@pytest.mark.parametrize("kind", ["movie", "tv"])
async def test_certifications(tmdb_local: TMDBClient, tmdb_server: TMDBServer, kind: str) -> None:
    body = {"certifications": {"US": [{"certification": "PG-13", "meaning": "...", "order": 3}]}}
    tmdb_server.get(f"/3/certification/{kind}/list", payload=body)
    certs = await getattr(tmdb_local.certifications, kind)()
    check_get(tmdb_server, f"/3/certification/{kind}/list")
    assert certs == Certifications(
        certifications={"US": [Certification(certification="PG-13", meaning="...", order=3)]}
    )
