"""One source per table (issue 14 part 4): TMDB's codes, and the integer checks."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import READ_TOKEN
from tmdb_async import Page, TMDBClient, TMDBUsageError, errors, paginate
from tmdb_async._checks import check_int, check_number, check_optional_int
from tmdb_async.batch import run_batch
from tmdb_async.errors import ERROR_CLASSES, TMDB_CODES
from tmdb_async.resources._base import check_id
from tmdb_async.resources._params import (
    check_count,
    check_index,
    check_option,
    check_page,
    check_year,
)
from tmdb_async.testing import _server, _state


def test_tmdb_codes_cover_1_to_47_and_every_class_reads_its_status_there() -> None:
    assert sorted(TMDB_CODES) == list(range(1, 48))
    for code, cls in ERROR_CLASSES.items():
        assert cls.default_http_status == TMDB_CODES[code][0]
    assert errors.RateLimitError.default_http_status == 429
    assert errors.EntryNotFoundError.default_http_status == 200
    assert errors.TMDBAPIError.default_http_status is None


def test_the_sandbox_answers_from_the_same_table() -> None:
    assert _state.ERROR_MESSAGES is TMDB_CODES
    failure = _state.Failure(41)
    assert (failure.http_status, failure.message) == TMDB_CODES[41]
    # A fault with a 5xx status and no code carries TMDB's code for that status.
    assert _server._STATUS_CODES == {500: 11, 501: 2, 502: 43, 503: 9, 504: 24}


@pytest.mark.parametrize(
    ("check", "value", "result"),
    [
        (lambda v: check_id(v, "movie_id"), 550, 550),
        (lambda v: check_index(v, "season_number"), 0, 0),
        (check_page, 500, 500),
        (lambda v: check_year(v, "year"), 1999, 1999),
        (lambda v: check_year(v, "year"), None, None),
        (lambda v: check_count(v, "vote_count"), 0, 0),
        (lambda v: check_option(v, "sort_by", {"a", "b"}), "a", "a"),
        (lambda v: check_option(v, "sort_by", {"a", "b"}), None, None),
    ],
)
def test_checks_pass_good_values(check: object, value: object, result: object) -> None:
    assert check(value) == result  # type: ignore[operator]


@pytest.mark.parametrize(
    ("check", "value", "message"),
    [
        (lambda v: check_id(v, "movie_id"), True, "movie_id must be an int, not bool"),
        (lambda v: check_id(v, "movie_id"), "550", "movie_id must be an int, not str"),
        (lambda v: check_id(v, "movie_id"), 0, "movie_id must be 1 or more, got 0"),
        (lambda v: check_index(v, "episode_number"), -1, "episode_number must be 0 or more"),
        (check_page, 501, "page must be between 1 and 500 (TMDB's cap), got 501"),
        (check_page, 1.0, "page must be an int, not float"),
        (lambda v: check_year(v, "year"), 999, "year must be 1000 or more, got 999"),
        (lambda v: check_year(v, "year"), 10_000, "year must be between 1000 and 9999"),
        (lambda v: check_count(v, "vote_count"), -5, "vote_count must be 0 or more"),
        (lambda v: check_option(v, "sort_by", {"a", "b"}), "c", r"sort_by must be one of"),
        (lambda v: check_int(v, "n", low=2, high=3), 4, "n must be between 2 and 3, got 4"),
        (lambda v: check_optional_int(v, "max_pages", low=1), 0, "max_pages must be 1 or more"),
        (lambda v: check_number(v, "pool_timeout"), "5", "pool_timeout must be a number, not str"),
        (lambda v: check_number(v, "pool_timeout"), 0.0, "pool_timeout must be a positive number"),
        (
            lambda v: check_number(v, "rate"),
            float("nan"),
            "rate must be a positive number, got nan",
        ),
    ],
)
def test_checks_name_the_parameter(check: object, value: object, message: str) -> None:
    with pytest.raises(TMDBUsageError, match=message.replace("(", r"\(").replace(")", r"\)")):
        check(value)  # type: ignore[operator]


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: run_batch(_never, [1], concurrency=0), "concurrency must be 1 or more, got 0"),
        (lambda: run_batch(_never, [1], total=True), "total must be an int, not bool"),
        (lambda: paginate(_page).limit(max_items=-1), "max_items must be 1 or more, got -1"),
        (
            lambda: paginate(_page).limit(max_pages=2.0),  # type: ignore[arg-type]
            "max_pages must be an int, not float",
        ),
        (
            lambda: TMDBClient(access_token=READ_TOKEN, max_connections=0),
            "max_connections must be 1",
        ),
        (
            lambda: TMDBClient(access_token=READ_TOKEN, pool_timeout=-1),
            "pool_timeout must be a pos",
        ),
        (
            lambda: TMDBClient(access_token=READ_TOKEN, max_response_bytes="1"),  # type: ignore[arg-type]
            "max_response_bytes must be an int, not str",
        ),
        (lambda: TMDBClient(access_token=READ_TOKEN, rate_limit=-2), "rate_limit must be a pos"),
        (lambda: TMDBClient(access_token=READ_TOKEN, timeout=0), "timeout must be a positive"),
    ],
)
def test_settings_go_through_the_same_checks(build: Any, message: str) -> None:
    with pytest.raises(TMDBUsageError, match=message):
        build()


async def _never(key: int) -> int:  # pragma: no cover - never called
    raise AssertionError(key)


async def _page(*, page: int = 1) -> Page[int]:  # pragma: no cover - never called
    raise AssertionError(page)
