"""Date-times as TMDB sends them, parsed by Python 3.11's fromisoformat (any fraction digits)."""

from __future__ import annotations

import datetime as dt

import pytest

from tmdb_async._convert import parse_datetime

UTC = dt.timezone.utc


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2016-08-26 17:04:39 UTC", dt.datetime(2016, 8, 26, 17, 4, 39, tzinfo=UTC)),
        ("2024-05-15T10:00:00.5Z", dt.datetime(2024, 5, 15, 10, 0, 0, 500000, tzinfo=UTC)),
        ("2024-05-15T10:00:00.12z", dt.datetime(2024, 5, 15, 10, 0, 0, 120000, tzinfo=UTC)),
        ("2024-05-15T10:00:00.1234567Z", dt.datetime(2024, 5, 15, 10, 0, 0, 123456, tzinfo=UTC)),
        ("2024-05-15T12:00:00.25+02:00", dt.datetime(2024, 5, 15, 10, 0, 0, 250000, tzinfo=UTC)),
        ("2024-05-15T10:00:00", dt.datetime(2024, 5, 15, 10, 0, 0, tzinfo=UTC)),
        ("", None),
    ],
)
def test_parse_datetime(text: str, expected: dt.datetime | None) -> None:
    assert parse_datetime(text) == expected
