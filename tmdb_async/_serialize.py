"""``to_dict`` / ``to_json``: models as plain JSON data, for web frameworks and storage."""

from __future__ import annotations

import json
from typing import Any

import attrs

from ._convert import CONVERTER
from .errors import TMDBUsageError

__all__ = ["to_dict", "to_json"]


def to_dict(model: object) -> dict[str, Any]:
    """A model as a JSON-ready dict (what a web framework can return as it is).

    Keys are TMDB's wire names, dates and times are ISO 8601 strings
    (``"1977-05-25"``, ``"2024-01-02T03:04:05+00:00"``), nested models are dicts, and an
    item of a mixed list that this version does not model (``UnknownMedia``) is the raw
    JSON it keeps. The result structures back into an equal model::

        data = tmdb_async.to_dict(movie)      # json.dumps(data) works
        tmdb.converter.structure(data, Movie) == movie

    A model that carries a secret (a ``Session``'s session id, a v4 access token) keeps
    it here, in clear: do not send such a dict to a browser.

    Raises:
        TMDBUsageError: ``model`` is not a tmdb_async model (an attrs instance).
    """
    if not attrs.has(type(model)):
        raise TMDBUsageError(f"model must be a tmdb_async model, got {type(model).__name__}")
    data = CONVERTER.unstructure(model)
    if not isinstance(data, dict):  # an attrs class with a hook of its own
        raise TMDBUsageError(f"{type(model).__name__} does not unstructure to a JSON object")
    return data


def to_json(value: object, *, indent: int | None = None) -> str:
    """A model, or a list / tuple / dict of models, as a JSON document (see :func:`to_dict`).

    Args:
        value: what to encode; models anywhere inside become JSON objects.
        indent: passed to :func:`json.dumps` (``None``: one line).

    Raises:
        TypeError: something inside is neither a model nor JSON data.
    """
    return json.dumps(CONVERTER.unstructure(value), indent=indent, ensure_ascii=False)
