"""The one cattrs converter: every TMDB wire quirk is handled here and nowhere else.

* ``"YYYY-MM-DD"`` calendar dates become :class:`datetime.date`; ``""`` and ``null``
  become ``None`` (TMDB sends ``""`` for unknown release dates).
* ``"YYYY-MM-DD HH:MM:SS UTC"`` (token expiry, changes) and ISO 8601 timestamps with ``Z``
  (reviews, videos, release dates) become aware UTC :class:`datetime.datetime`.
* Unknown keys are ignored, so a new TMDB field never breaks a client. The test-suite uses
  ``make_converter(forbid_extra_keys=True)`` against the fixtures, so a field we forgot to
  model is caught there instead.
* Wire names that are not identifiers (``"watch/providers"``) are renamed where the model
  declares ``metadata={"wire": "..."}`` on the field.
* Mixed lists (trending, multi search, ``known_for``) are tagged unions on ``media_type``:
  each item becomes the class its tag names, an unknown tag an ``UnknownMedia``.
* ``account_states``' ``rated`` (``false`` or ``{"value": x}``) becomes ``float | None`` on
  fields that declare ``metadata={"hook": "rated"}``.
* Unstructuring (``tmdb_async.to_dict`` / ``to_json``) is the way back: wire names, dates
  and times as ISO 8601 strings, an ``UnknownMedia`` as the raw item it keeps; the result
  structures into an equal model.

Structure functions are generated once per class by cattrs and cached: nothing is
rebuilt per request. The client decodes most answers without cattrs, straight from the
bytes (:mod:`tmdb_async._decode`, msgspec), wherever that gives what cattrs would give.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Mapping
from typing import Any

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

if typing.TYPE_CHECKING:
    from ._decode import DirectDecoding

__all__ = [
    "CONVERTER",
    "TMDBConverter",
    "make_converter",
    "parse_date",
    "parse_datetime",
    "parse_rated",
]

_PRIMITIVES: tuple[type, ...] = (int, str, float, bool)
_UTC = dt.timezone.utc
_from_iso_date = dt.date.fromisoformat


def parse_date(value: object) -> dt.date | None:
    """Parse TMDB's ``YYYY-MM-DD``; ``""`` and ``None`` give ``None``."""
    if type(value) is str and len(value) == 10:
        return _from_iso_date(value)
    if value is None or value == "":
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str):
        raise TypeError(f"expected a YYYY-MM-DD string, got {type(value).__name__}")
    return dt.date.fromisoformat(value[:10])


def parse_datetime(value: object) -> dt.datetime | None:
    """Parse ``YYYY-MM-DD HH:MM:SS UTC`` or ISO 8601 into an aware UTC datetime.

    ``""`` and ``None`` give ``None``; a naive ISO value is taken as UTC.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=_UTC)
    if not isinstance(value, str):
        raise TypeError(f"expected a date-time string, got {type(value).__name__}")
    text = value.strip()
    if text.endswith(" UTC"):
        parsed = dt.datetime.strptime(text, "%Y-%m-%d %H:%M:%S UTC")
        return parsed.replace(tzinfo=_UTC)
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    parsed = dt.datetime.fromisoformat(text)
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=_UTC)
    return parsed.astimezone(_UTC)


def _is_union(tp: Any) -> bool:
    origin = typing.get_origin(tp)
    return origin is typing.Union or origin is types.UnionType


def _optional_arg(tp: Any) -> Any | None:
    """``X`` for ``X | None``, else ``None``."""
    if _is_union(tp):
        args = typing.get_args(tp)
        if len(args) == 2 and type(None) in args:
            return args[0] if args[1] is type(None) else args[1]
    return None


def _required(
    parse: typing.Callable[[object], Any], name: str
) -> typing.Callable[[object, Any], Any]:
    def hook(value: object, _: Any) -> Any:
        result = parse(value)
        if result is None:
            raise ValueError(f"a {name} is required here, got {type(value).__name__}")
        return result

    return hook


def _is_optional_of(target: type) -> typing.Callable[[Any], bool]:
    def predicate(tp: Any) -> bool:
        return _optional_arg(tp) is target

    return predicate


def parse_rated(value: object) -> float | None:
    """Parse ``account_states``' ``rated``: ``false`` (not rated) or ``{"value": x}`` -> ``x``.

    ``None`` and ``false`` give ``None``; a bare number is accepted too.
    """
    if value is None or value is False:
        return None
    if isinstance(value, dict):
        value = value.get("value")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"expected false or {{'value': number}}, got {type(value).__name__}")
    return float(value)


#: Field-level hooks a model selects with ``metadata={"hook": name}`` (see ``AccountStates``).
_FIELD_HOOKS: dict[str, typing.Callable[[object], Any]] = {"rated": parse_rated}


def _field_overrides(cls: type) -> dict[str, Any]:
    """cattrs overrides for fields that declare a wire name or a field hook."""
    out: dict[str, Any] = {}
    for f in attrs.fields(cls):
        wire, hook = f.metadata.get("wire"), f.metadata.get("hook")
        if wire is None and hook is None:
            continue
        out[f.name] = override(
            rename=wire, struct_hook=_field_hook(_FIELD_HOOKS[hook]) if hook else None
        )
    return out


def _field_hook(parse: typing.Callable[[object], Any]) -> typing.Callable[[object, Any], Any]:
    def hook(value: object, _: Any) -> Any:
        return parse(value)

    return hook


class TMDBConverter(cattrs.Converter):
    """The converter :func:`make_converter` builds: cattrs with TMDB's rules, plus the
    direct path from an answer's bytes to its model (:mod:`tmdb_async._decode`).

    The direct path is used only while the converter has no hooks but TMDB's: once a
    structure hook is registered on it (``register_structure_hook``, ``..._func``,
    ``..._factory``, or a cattrs strategy that calls them), every answer goes through
    cattrs and so through that hook. A :meth:`copy` goes through cattrs too.
    """

    #: Set by :func:`make_converter` once TMDB's own hooks are in.
    _sealed = False
    #: True once a structure hook was registered after that.
    _customized = False
    #: Whether :meth:`decode_direct` may answer (never with a hook of the user's).
    _direct_enabled = False
    _direct: DirectDecoding | None = None

    @property
    def customized(self) -> bool:
        """True when structure hooks were registered besides TMDB's (cattrs only, then)."""
        return self._customized

    def _hook_registered(self) -> None:
        if self._sealed:
            self._customized = True
            self._direct_enabled = False

    def register_structure_hook(self, *args: Any, **kwargs: Any) -> Any:
        """cattrs' method; the direct path then stands aside (see the class)."""
        self._hook_registered()
        return super().register_structure_hook(*args, **kwargs)

    def register_structure_hook_func(self, *args: Any, **kwargs: Any) -> Any:
        """cattrs' method; the direct path then stands aside (see the class)."""
        self._hook_registered()
        return super().register_structure_hook_func(*args, **kwargs)

    def register_structure_hook_factory(self, *args: Any, **kwargs: Any) -> Any:
        """cattrs' method; the direct path then stands aside (see the class)."""
        self._hook_registered()
        return super().register_structure_hook_factory(*args, **kwargs)

    def copy(self, *args: Any, **kwargs: Any) -> Any:
        """cattrs' copy (with every hook); it structures through cattrs only."""
        res = super().copy(*args, **kwargs)
        res._sealed = True
        res._direct_enabled = False
        return res

    def decode_direct(self, body: bytes, into: Any) -> Any | None:
        """``body`` (an answer's JSON bytes) decoded straight into ``into``, or ``None``
        when cattrs must structure it (the direct path stands aside; see the class)."""
        if not self._direct_enabled:
            return None
        direct = self._direct
        if direct is None:
            from ._decode import DirectDecoding

            direct = self._direct = DirectDecoding(self)
        return direct.decode(body, into)

    @property
    def fallbacks(self) -> dict[str, int]:
        """How many answers the direct path left to cattrs, by reason (for diagnosis)."""
        return {} if self._direct is None else dict(self._direct.fallbacks)


def make_converter(*, forbid_extra_keys: bool = False, direct: bool = True) -> TMDBConverter:
    """Build a converter with TMDB's rules (see the module docstring).

    Args:
        forbid_extra_keys: reject keys the model does not declare (used by the tests to
            find fields we have not modelled; production ignores them).
        direct: let the client decode answers straight from their bytes where that gives
            cattrs' result (:meth:`TMDBConverter.decode_direct`); never with
            ``forbid_extra_keys``, since msgspec ignores unknown keys.
    """
    conv = TMDBConverter(forbid_extra_keys=forbid_extra_keys, detailed_validation=True)

    conv.register_structure_hook(dt.datetime, _required(parse_datetime, "date-time"))
    conv.register_structure_hook(dt.date, _required(parse_date, "date"))
    # Raw JSON kept as received (UnknownMedia.data): cattrs before 25 has no hook for object.
    # (A predicate, not a class hook: cattrs dispatches class hooks on subclasses too.)
    conv.register_structure_hook_func(lambda tp: tp is object, lambda v, _: v)
    conv.register_structure_hook_func(_is_optional_of(dt.datetime), lambda v, _: parse_datetime(v))
    conv.register_structure_hook_func(_is_optional_of(dt.date), lambda v, _: parse_date(v))
    conv.register_unstructure_hook(dt.datetime, lambda v: v.isoformat())
    conv.register_unstructure_hook(dt.date, lambda v: v.isoformat())

    def structure_attrs(cls: Any) -> Any:
        fn = make_dict_structure_fn(
            cls,
            conv,
            _cattrs_forbid_extra_keys=forbid_extra_keys,
            **_field_overrides(cls),
        )
        name = getattr(cls, "__name__", str(cls))

        def structure(value: Any, tp: Any) -> Any:
            # The generated function reads keys with `in` and `[]`, so a list where an
            # object belongs (php-tmdb's hand-edited "avatar") silently gave an object of
            # defaults. Anything but a JSON object is refused.
            if type(value) is not dict and not isinstance(value, Mapping):
                raise TypeError(f"expected a JSON object for {name}, got {type(value).__name__}")
            return fn(value, tp)

        return structure

    conv.register_structure_hook_factory(attrs.has, structure_attrs)
    conv.register_structure_hook_factory(_is_optional_primitive, _optional_primitive_hook)
    conv.register_structure_hook_factory(_is_media_union, _media_union_hook(conv))

    # The way back (to_dict / to_json): wire names, so the result structures again. The
    # later registration wins: an UnknownMedia gives back the raw item it was built from.
    conv.register_unstructure_hook_factory(
        attrs.has, lambda cls: make_dict_unstructure_fn(cls, conv, **_wire_names(cls))
    )
    conv.register_unstructure_hook_factory(_is_unknown_media, lambda _: _raw_item)
    conv._sealed = True
    conv._direct_enabled = direct and not forbid_extra_keys
    return conv


def _wire_names(cls: type) -> dict[str, Any]:
    """cattrs overrides naming each field that declares a wire name by that name."""
    return {
        f.name: override(rename=f.metadata["wire"])
        for f in attrs.fields(cls)
        if f.metadata.get("wire") is not None
    }


def _is_unknown_media(tp: Any) -> bool:
    # By name, so building a converter does not import the media models.
    return getattr(tp, "__module__", None) == "tmdb_async.models.media" and (
        getattr(tp, "__name__", None) == "UnknownMedia"
    )


def _raw_item(value: Any) -> dict[str, object]:
    return dict(value.data)


def _is_optional_primitive(tp: Any) -> bool:
    """``str | None``, ``int | None``, ``float | None`` or ``bool | None``."""
    return _optional_arg(tp) in _PRIMITIVES


def _optional_primitive_hook(tp: Any) -> typing.Callable[[object, Any], Any]:
    """The same result as cattrs' own optional handling (``None``, else ``str(v)`` /
    ``int(v)`` ...), without its per-value dispatch: a Movie has 16 such fields, and this
    was the biggest cost of structuring one (see benchmarks/run.py)."""
    inner = _optional_arg(tp)
    if inner is None:  # the factory is registered for _is_optional_primitive types only
        raise TypeError(f"not an optional primitive: {tp!r}")

    def hook(value: object, _: Any) -> Any:
        return None if value is None else inner(value)

    return hook


def _is_media_union(tp: Any) -> bool:
    """A union of media classes that includes ``UnknownMedia`` (see ``models/media.py``)."""
    if _is_union(tp):
        from .models.media import UnknownMedia

        return UnknownMedia in typing.get_args(tp)
    return False


def _media_union_hook(conv: cattrs.Converter) -> typing.Callable[[Any], Any]:
    """Structure a mixed-list item into the class its ``media_type`` tag names.

    The union's members say which tags are expected (``MovieSummary | TVSummary |
    UnknownMedia`` takes ``"movie"`` and ``"tv"``); any other tag, or none, gives an
    ``UnknownMedia`` that keeps the raw item. The tag is dropped before structuring into a
    class that does not declare ``media_type``, so strict converters accept it.
    """

    def factory(tp: Any) -> typing.Callable[[object, Any], Any]:
        from .models.media import MEDIA_TAGS, UnknownMedia

        members = {cls.__name__: cls for cls in typing.get_args(tp) if cls is not UnknownMedia}
        by_tag = {tag: members[name] for tag, name in MEDIA_TAGS.items() if name in members}
        keeps_tag = {cls: "media_type" in attrs.fields_dict(cls) for cls in by_tag.values()}
        hooks: dict[type, typing.Callable[[Any, Any], Any]] = {}

        def hook(value: object, _: Any) -> Any:
            if not isinstance(value, dict):
                raise TypeError(f"expected a JSON object, got {type(value).__name__}")
            tag = value.get("media_type")
            cls = by_tag.get(tag) if isinstance(tag, str) else None
            if cls is None:
                ident = value.get("id")
                return UnknownMedia(
                    media_type=tag if isinstance(tag, str) else None,
                    id=ident if type(ident) is int else None,
                    data=dict(value),
                )
            if not keeps_tag[cls]:
                value = {k: v for k, v in value.items() if k != "media_type"}
            structure = hooks.get(cls)
            if structure is None:
                structure = hooks[cls] = conv.get_structure_hook(cls)
            return structure(value, cls)

        return hook

    return factory


#: The converter used by the client.
CONVERTER = make_converter()
