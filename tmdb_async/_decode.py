"""An answer's JSON bytes decoded straight into its model by msgspec, never differently.

msgspec parses the bytes and fills our frozen, slotted attrs classes in one pass (generic
ones such as ``Page[MovieSummary]`` included), several times faster than ``json.loads``
followed by cattrs. cattrs stays the authority: this path answers only where its result
is the one cattrs would give, and declines (returns ``None``) everywhere else, so the
caller decodes and structures the usual way, with cattrs' results and error messages:

* **per model, once** (:class:`DirectDecoding` plans it): the model and every type inside
  it are checked. A class msgspec cannot fill exactly as its ``__init__`` would makes the
  whole answer ineligible: not slotted, not decorated by attrs itself, a hand-written
  ``__init__`` (attrs then makes ``__attrs_init__``), ``__attrs_pre_init__``,
  ``cache_hash=True`` (msgspec leaves the hash cache unset), a field with a converter, a
  validator (msgspec would run it even while attrs' validators are disabled),
  ``init=False`` (cattrs ignores such keys, msgspec would set them) or a ``takes_self``
  factory. ``__attrs_post_init__``, ``kw_only``, aliases (both use the attribute name as
  the key), ``on_setattr`` and other factory defaults work as they do in ``__init__``.
* **fields whose value msgspec may build otherwise** (a wire name such as
  ``"watch/providers"`` or a field hook such as ``rated``; date-times, which cattrs turns
  into aware UTC values; unions of models; any type not on the short list msgspec and
  cattrs agree on) are never decoded here: an answer is kept only when each such field
  of the model still holds its default after msgspec (its key was absent, ``null`` or an
  empty list: the same both ways), and its wire name does not occur in the body at all
  (msgspec knows only attribute names). Otherwise cattrs structures the answer. Such a
  field without a default makes the model ineligible.
* **per answer**: TMDB's error envelope (``"success"``) and JSON escapes that could spell
  one of those keys another way (``\\/``, ``\\u0061``) send the answer to the usual path,
  which knows what they mean. Any answer msgspec refuses (TMDB's ``""`` dates, a
  string where a number belongs, a body that is not JSON) does too.

Every decline is counted (:attr:`DirectDecoding.fallbacks`) and logged at DEBUG on the
``tmdb_async`` logger, without any value from the body. A converter with hooks of its own
never comes here (see :class:`tmdb_async._convert.TMDBConverter`).
"""

from __future__ import annotations

import datetime as dt
import logging
import operator
import re
import types
import typing
from collections import Counter
from collections.abc import Callable
from typing import Any

import attrs
import cattrs
import msgspec

__all__ = ["DirectDecoding"]

logger = logging.getLogger("tmdb_async")

#: Types msgspec decodes from JSON exactly as our converter structures them (when msgspec
#: accepts the value at all: it refuses ``""`` for a date, a float for an int, ...).
_SAME_BOTH_WAYS: frozenset[Any] = frozenset({int, float, str, bool, type(None), Any, dt.date})
#: Keys looked for in every body: TMDB's error envelope (``{"success": false, ...}``).
_ALWAYS: tuple[bytes, ...] = (b'"success"',)
#: JSON escapes that could spell a printable ASCII key another way (``\/``, ``\u0061``).
_ASCII_ESCAPE = re.compile(rb"\\(?:/|u00[2-7][0-9A-Fa-f])")

#: The one msgspec message that quotes a value from the body: kept out of logs.
_ENUM_VALUE = re.compile(r"(Invalid enum value ).*?( - at `|$)")

Decode = Callable[[bytes], Any]


class _Plan:
    """How to decode one type: msgspec's decoder, the keys that send a body to cattrs
    before decoding, the fields that must hold their default after it, and the
    :func:`_null_prefix` of a model's ``None`` defaults."""

    __slots__ = (
        "absent",
        "decode",
        "defaults",
        "getter",
        "is_list",
        "learning",
        "names",
        "needles",
        "nullable",
        "prefix",
    )

    def __init__(
        self, decode: Decode, guards: _Guards, is_list: bool, nullable: tuple[str, ...]
    ) -> None:
        self.decode = decode
        self.needles = _ALWAYS + guards.needles
        self.is_list = is_list
        #: The fields :func:`_null_prefix` may set (in the model's order), those the
        #: answers seen so far left out, the prefix of those, and how many answers are
        #: still to be looked at (see :meth:`DirectDecoding._learn`).
        self.nullable = nullable
        self.absent: frozenset[str] = frozenset()
        self.prefix: bytes | None = None
        self.learning = _LEARNING if nullable else 0
        #: The guarded fields, a getter of their values (as a tuple) and their defaults.
        self.names = tuple(name for name, _ in guards.checks)
        self.defaults = tuple(default for _, default in guards.checks)
        self.getter = _tuple_getter(self.names) if self.names else None


def _tuple_getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """``operator.attrgetter`` that gives a tuple even for one name."""
    if len(names) == 1:
        one = operator.attrgetter(names[0])
        return lambda obj: (one(obj),)
    return operator.attrgetter(*names)


def _changed(item: Any, plan: _Plan) -> str:
    """The guarded fields of ``item`` that do not hold their default (for the log)."""
    values = zip(plan.names, plan.defaults, strict=True)
    return ", ".join(name for name, default in values if getattr(item, name) != default)


class _Guards:
    """A model's wire names of fields msgspec may build otherwise (``needles``: msgspec
    would not see them), and those fields with their defaults (``checks``)."""

    __slots__ = ("checks", "needles")

    def __init__(self, needles: tuple[bytes, ...], checks: tuple[tuple[str, Any], ...]) -> None:
        self.needles = needles
        self.checks = checks


class Ineligible(Exception):
    """Internal: why a type is not decoded here (the message is logged)."""


class DirectDecoding:
    """The msgspec decoders of one converter, planned once per type and cached.

    :attr:`fallbacks` counts each decline by reason: ``"ineligible"`` (planned once per
    type), ``"key"`` (a wire name or the envelope occurs in the body), ``"escape"``,
    ``"refused"`` (msgspec refused the body; cattrs then reports the error) and
    ``"field"`` (a field msgspec may build otherwise did not keep its default).
    """

    def __init__(self, converter: cattrs.Converter) -> None:
        self._converter = converter
        self._plans: dict[Any, _Plan | None] = {}
        #: How many answers were left to cattrs, by reason.
        self.fallbacks: Counter[str] = Counter()

    def decode(self, body: bytes, into: Any) -> Any | None:
        """``body`` decoded into ``into``, or ``None`` when cattrs must do it (see module).

        On the request path of every answer: its common case makes as few calls as it can
        (each costs about 1 % of what msgspec spends on a movie).
        """
        plan = self._ready(body, into)
        if plan is None:
            return None
        if plan.learning:
            _learn(body, plan)
        prefix = plan.prefix
        if prefix is not None and body[:1] == b"{":
            try:
                model = plan.decode(prefix + body[1:])
            except (msgspec.DecodeError, RecursionError):  # judged on the answer as it came
                model = self._decode_as_is(body, into, plan)
        else:
            model = self._decode_as_is(body, into, plan)
        if model is None:
            return None
        getter = plan.getter
        if getter is not None and (plan.is_list or getter(model) != plan.defaults):
            return self._kept_defaults(model, into, plan)
        return model

    def _ready(self, body: bytes, into: Any) -> _Plan | None:
        """The plan for ``into``, or ``None`` when it or the bytes alone show that the answer
        is cattrs' to structure (a decline, logged).

        ``bytes.partition`` looks for the keys: ``needle in body`` first tries the needle
        as an integer and formats a ``TypeError``, and ``bytes.find`` parses its
        arguments with a format string, each costing more than the search itself.
        """
        try:
            plan = self._plans[into]
        except KeyError:
            plan = self._plans[into] = self._plan(into)
        except TypeError:  # an unhashable type: only cattrs knows it
            return None
        if plan is None:
            return None
        for needle in plan.needles:
            if body.partition(needle)[1]:
                self._decline(into, "key", needle.decode("ascii", "replace"))
                return None
        if body.partition(b"\\")[1] and _ASCII_ESCAPE.search(body):
            self._decline(into, "escape", "a key may be spelled with escapes")
            return None
        return plan

    def _decode_as_is(self, body: bytes, into: Any, plan: _Plan) -> Any | None:
        """``body`` decoded by msgspec as it is, or ``None`` (a decline, logged)."""
        try:
            return plan.decode(body)
        except msgspec.DecodeError as exc:  # ValidationError too
            self._decline(into, "refused", _ENUM_VALUE.sub(r"\1***\2", str(exc)))
        except RecursionError:
            self._decline(into, "refused", "nested too deeply")
        return None

    def _kept_defaults(self, model: Any, into: Any, plan: _Plan) -> Any | None:
        """``model`` when each field msgspec may build otherwise kept its default (then its
        key was absent, or null, or an empty list, which both ways give the same), else
        ``None`` (a decline, logged)."""
        getter = plan.getter
        defaults = plan.defaults
        for item in model if plan.is_list else (model,):
            if getter is not None and getter(item) != defaults:
                self._decline(into, "field", _changed(item, plan))
                return None
        return model

    def _decline(self, into: Any, reason: str, detail: str) -> None:
        """Count and log a decline (without any value from the body)."""
        self.fallbacks[reason] += 1
        logger.debug("msgspec left %s to cattrs (%s: %s)", _name(into), reason, detail)

    def _plan(self, into: Any) -> _Plan | None:
        try:
            guards = _root_guards(into)
            # What cattrs cannot structure at all is not decoded here either.
            self._converter.get_structure_hook(into)
            decoder = msgspec.json.Decoder(into)
        except Ineligible as exc:
            why = str(exc)
        except cattrs.errors.StructureHandlerNotFoundError as exc:
            why = f"cattrs cannot structure it: {exc}"
        except (TypeError, ValueError, NotImplementedError, NameError) as exc:
            why = f"msgspec cannot decode it: {exc}"
        else:
            is_list = typing.get_origin(into) is list
            return _Plan(decoder.decode, guards, is_list, () if is_list else _nullable(into))
        self.fallbacks["ineligible"] += 1
        logger.debug("msgspec will not decode %s; cattrs structures it (%s)", _name(into), why)
        return None


#: How many answers of a type :func:`_learn` looks at for the fields they leave out.
_LEARNING = 8


def _nullable(into: Any) -> tuple[str, ...]:
    """The fields of ``into`` that a :func:`_null_prefix` may set: those whose default is
    ``None`` and for which msgspec decodes ``null`` as ``None``."""
    plain = _model_class(into)
    if plain is None:
        return ()
    return tuple(
        f.name
        for f, tp in _fields(into, plain)
        if f.default is None and f.name.isascii() and f.name.isidentifier() and _takes_null(tp)
    )


def _null_prefix(into: Any) -> bytes | None:
    """The opening of a JSON object that sets each field of ``into`` whose default is
    ``None`` to ``null``: ``{"a":null,"b":null,`` (``None`` when there is none).

    :meth:`DirectDecoding.decode` puts such a prefix (of the fields answers leave out:
    :func:`_learn`) in place of an answer's ``{``. msgspec sets a key that occurs twice to
    its last value, so the answer's own keys still decide, and each field the answer
    leaves out gets its default as ``null`` would give it. Without the prefix msgspec
    finds each absent field by asking for the unset attribute: an ``AttributeError`` with
    a formatted message for each (a movie's 16 absent appended fields were about 25k
    instructions per answer, ``benchmarks/instructions.py``). Only fields for which
    msgspec decodes ``null`` to ``None`` are in it.
    """
    return _prefix_of(_nullable(into))


def _prefix_of(names: tuple[str, ...]) -> bytes | None:
    """``{"a":null,"b":null,`` for ``names`` (``None`` for none)."""
    keys = [b'"' + name.encode() + b'":null,' for name in names]
    return b"{" + b"".join(keys) if keys else None


def _learn(body: bytes, plan: _Plan) -> None:
    """Note which of ``plan.nullable`` the body leaves out; the prefix names those.

    A field the answers carry (a movie's ``tagline``) costs more in the prefix than
    without it (parsed and set twice, about 360 instructions), a field they leave out (its
    16 appended sub-resources) much more outside it (an ``AttributeError``, about 1,500).
    So the prefix names every field that any of the first :data:`_LEARNING` answers of
    the type left out (a key's name anywhere in the body counts as there). Which fields
    it names changes the cost only, never the result.
    """
    plan.learning -= 1
    absent = plan.absent | {n for n in plan.nullable if not body.partition(f'"{n}"'.encode())[1]}
    if absent != plan.absent:
        plan.absent = frozenset(absent)
        plan.prefix = _prefix_of(tuple(n for n in plan.nullable if n in absent))


def _takes_null(tp: Any) -> bool:
    """Whether msgspec decodes ``null`` as ``None`` for a field of type ``tp``."""
    try:
        return msgspec.json.decode(b"null", type=tp) is None
    except (msgspec.DecodeError, TypeError, ValueError, NotImplementedError, NameError):
        return False


def _name(tp: Any) -> str:
    return getattr(tp, "__name__", None) or str(tp)


def _root_guards(into: Any) -> _Guards:
    """What keeps a body for ``into`` from being decoded otherwise than by cattrs.

    Raises:
        Ineligible: ``into`` is not a model (or a list of models) decoded here.
    """
    if typing.get_origin(into) is list:
        (item,) = typing.get_args(into) or (Any,)
        return _root_guards(item)
    plain = _model_class(into)
    if plain is None:
        raise Ineligible("not a model")
    why = _class_problem(plain)
    if why is not None:
        raise Ineligible(why)
    needles: list[bytes] = []
    checks: list[tuple[str, Any]] = []
    for f, tp in _fields(into, plain):
        if not _field_differs(f, tp, set()):
            continue
        wire = f.metadata.get("wire")
        if wire is not None:
            needles.append(b'"' + wire.encode() + b'"')
        default = f.default
        if default is attrs.NOTHING:
            raise Ineligible(f"field {f.name} is required and msgspec may build it otherwise")
        if isinstance(default, _FACTORY):
            default = default.factory()  # never takes_self here (see _class_problem)
        checks.append((f.name, default))
    return _Guards(tuple(needles), tuple(checks))


def _model_class(tp: Any) -> type | None:
    """The attrs class behind ``tp`` (``Page[T]`` -> ``Page``), or ``None``."""
    origin = typing.get_origin(tp) or tp
    return origin if isinstance(origin, type) and attrs.has(origin) else None


def _class_problem(cl: type) -> str | None:
    """Why msgspec cannot fill ``cl`` as its ``__init__`` does, or ``None`` when it can."""
    if "__attrs_attrs__" not in cl.__dict__:
        return "not decorated by attrs itself"
    if "__slots__" not in cl.__dict__:
        return "not slotted"
    if "__attrs_init__" in cl.__dict__ or "__init__" not in cl.__dict__:
        return "its __init__ is not attrs' own"
    if hasattr(cl, "__attrs_pre_init__"):
        return "it has __attrs_pre_init__"
    if any("_attrs_cached_hash" in getattr(k, "__slots__", ()) for k in cl.__mro__):
        return "cache_hash=True"
    return next(filter(None, map(_field_problem, attrs.fields(cl))), None)


def _field_problem(f: attrs.Attribute[Any]) -> str | None:
    """Why msgspec cannot fill this field as attrs' ``__init__`` does, or ``None``."""
    if f.converter is not None:
        return f"field {f.name} has a converter"
    if f.validator is not None:
        return f"field {f.name} has a validator"
    if not f.init:
        return f"field {f.name} has init=False"
    if isinstance(f.default, _FACTORY) and f.default.takes_self:
        return f"field {f.name} has a takes_self factory"
    return None


#: The class of ``attrs.Factory(...)`` defaults (``attrs.Factory`` is typed as a function).
_FACTORY: type[Any] = type(attrs.Factory(list))


def _fields(tp: Any, plain: type) -> list[tuple[attrs.Attribute[Any], Any]]:
    """Each field of ``plain`` with its type, type variables replaced as in ``tp``."""
    hints = typing.get_type_hints(plain)
    mapping = _typevar_mapping(tp, plain)
    return [(f, _substitute(hints.get(f.name, Any), mapping)) for f in attrs.fields(plain)]


def _field_differs(f: attrs.Attribute[Any], tp: Any, seen: set[Any]) -> bool:
    """Whether msgspec may give this field another value than cattrs does."""
    if f.metadata.get("wire") is not None or f.metadata.get("hook") is not None:
        return True
    return _type_differs(tp, seen)


def _type_differs(tp: Any, seen: set[Any]) -> bool:
    """Whether msgspec may decode a value of ``tp`` otherwise than cattrs structures it."""
    if tp in _SAME_BOTH_WAYS:
        return False
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Union or origin is types.UnionType:
        members = [a for a in args if a is not type(None)]
        return len(members) != 1 or _type_differs(members[0], seen)
    if origin is list and len(args) == 1:
        return _type_differs(args[0], seen)
    if origin is dict and len(args) == 2 and args[0] is str:
        return _type_differs(args[1], seen)
    plain = _model_class(tp)
    if plain is None:
        return True  # datetime (cattrs makes it UTC), tuples, sets, enums, literals...
    if tp in seen:
        return False  # a model inside itself: judged where it started
    seen.add(tp)
    if _class_problem(plain) is not None:
        return True
    return any(_field_differs(f, sub, seen) for f, sub in _fields(tp, plain))


def _typevar_mapping(tp: Any, plain: type) -> dict[Any, Any]:
    """What each type variable stands for in ``tp``: its own arguments (``Page[X]``) and
    those its generic bases were given (``class DatedPage(Page[MovieSummary])``)."""
    params = getattr(plain, "__parameters__", ())
    mapping: dict[Any, Any] = dict(zip(params, typing.get_args(tp), strict=False)) if params else {}
    for klass in plain.__mro__:
        for base in klass.__dict__.get("__orig_bases__", ()):
            base_params = getattr(typing.get_origin(base), "__parameters__", ())
            for param, arg in zip(base_params, typing.get_args(base), strict=False):
                mapping.setdefault(param, _substitute(arg, mapping))
    return mapping


def _substitute(tp: Any, mapping: dict[Any, Any]) -> Any:
    """``tp`` with the type variables of a generic class replaced by its arguments."""
    if not mapping:
        return tp
    if isinstance(tp, typing.TypeVar):
        return mapping.get(tp, Any)
    args = typing.get_args(tp)
    if not args:
        return tp
    new = tuple(_substitute(a, mapping) for a in args)
    if new == args:
        return tp
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        return typing.Union[new]  # noqa: UP007 - built at run time from a tuple
    try:
        return origin[new]  # list[X], dict[K, V], Page[X]
    except TypeError:
        return object  # cannot be rebuilt: judged as a type that differs
