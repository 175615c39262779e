"""Typed access to the sub-objects ``append_to_response`` adds to a details model.

A details model (:class:`~tmdb_async.Movie`, :class:`~tmdb_async.TVSeries`,
:class:`~tmdb_async.TVSeason`, :class:`~tmdb_async.TVEpisode`, :class:`~tmdb_async.Person`)
keeps each appendable sub-object as an ``Optional`` field: it is ``None`` unless the call
named it in ``append_to_response``. The model's ``appended`` property returns a view whose
attributes have the same names but precise, non-``Optional`` types, so code that asked for
``credits`` can write ``movie.appended.credits.cast`` and type-check under ``mypy --strict``
without a ``None`` test. Reading a name that was not appended raises
:class:`~tmdb_async.TMDBUsageError` saying how to request it.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar, overload

from ..errors import TMDBUsageError

__all__ = ["AppendedView", "appended"]

T = TypeVar("T")


class AppendedView:
    """The base of the ``appended`` views: wraps one details model, holds nothing else.

    Subclasses name the details call (``_call``) used in the error message and declare one
    :class:`appended` descriptor per appendable sub-object.
    """

    __slots__ = ("_model",)

    #: The SDK call that accepts ``append_to_response`` for this model.
    _call = "details"

    def __init__(self, model: object) -> None:
        self._model = model

    def __repr__(self) -> str:
        present = [
            name
            for name, attr in _descriptors(type(self)).items()
            if getattr(self._model, attr.field, None) is not None
        ]
        return f"<{type(self).__name__} of {type(self._model).__name__}: {present}>"


class appended(Generic[T]):
    """A view attribute: the model's field of the same name, or ``TMDBUsageError`` when absent.

    Args:
        wire: the name TMDB knows the sub-object by, when it is not the attribute name
            (``"watch/providers"`` fills ``watch_providers``).
    """

    __slots__ = ("field", "wire")

    def __init__(self, wire: str | None = None) -> None:
        self.field = ""
        self.wire = wire

    def __set_name__(self, owner: type, name: str) -> None:
        self.field = name
        if self.wire is None:
            self.wire = name

    @overload
    def __get__(self, view: None, owner: type[Any]) -> appended[T]: ...

    @overload
    def __get__(self, view: AppendedView, owner: type[Any]) -> T: ...

    def __get__(self, view: AppendedView | None, owner: type[Any]) -> appended[T] | T:
        if view is None:
            return self
        value = getattr(view._model, self.field)
        if value is None:
            model = type(view._model).__name__
            raise TMDBUsageError(
                f"{self.wire!r} was not appended to this {model}: request it with "
                f"{view._call}(..., append_to_response=[{self.wire!r}, ...])"
            )
        result: T = value
        return result


def _descriptors(cls: type) -> dict[str, appended[Any]]:
    out: dict[str, appended[Any]] = {}
    for klass in reversed(cls.__mro__):
        for name, value in vars(klass).items():
            if isinstance(value, appended):
                out[name] = value
    return out
