"""``tmdb.certifications``: the movie and TV certification lists."""

from __future__ import annotations

import pytest

from tests.catalogue_helpers import check_get, url_re
from tests.conftest import TMDBMock
from tmdb_async import (
    Certification,
    Certifications,
    TMDBClient,
)


@pytest.mark.parametrize("kind", ["movie", "tv"])
async def test_certifications(tmdb: TMDBClient, mock: TMDBMock, kind: str) -> None:
    body = {"certifications": {"US": [{"certification": "PG-13", "meaning": "...", "order": 3}]}}
    mock.get(url_re(f"/3/certification/{kind}/list"), payload=body)
    certs = await getattr(tmdb.certifications, kind)()
    check_get(mock, f"/3/certification/{kind}/list")
    assert certs == Certifications(
        certifications={"US": [Certification(certification="PG-13", meaning="...", order=3)]}
    )
