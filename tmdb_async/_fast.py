"""Fast structure functions: the success path of structuring a model, generated per class.

cattrs' generated functions (with detailed validation) stay the authority on what a
model accepts and on how a failure is reported. Next to each of them the converter keeps
a function generated here that does the same work on the common path only:

* each field is read once (``key in o`` / ``o[key]``), a primitive is checked with one
  ``type(v) is int`` test and converted with ``int(v)`` only when that test fails, exactly
  what cattrs does with ``int(v)``;
* nested models, lists of them and optional models call each other's fast functions
  directly, without a converter dispatch per value;
* the frozen, slotted instance is filled slot by slot through the slots' descriptors, so
  no keyword dictionary is built and unpacked into ``__init__`` (the attrs ``__init__``
  of a class with neither validators, converters nor ``__attrs_post_init__`` does
  exactly this);
* anything else (unions, mappings, the ``rated`` hook ...) is handed to the converter's
  own hook for that type, so it behaves the same by construction.

A fast function never reports an error: on any exception the caller runs cattrs'
function on the same input, which raises the precise, per-field error (see
:func:`tmdb_async._convert.make_converter`). ``tests/test_fast_structuring.py`` checks
that both give equal results, of equal types, on every recorded fixture and on thousands
of mutated ones.

Measured with callgrind (the README's benchmark section says how): structuring the
benchmark's ``Movie`` takes 93k instructions instead of the 165k of cattrs' detailed
function. Small nested models (genres, companies, cast members ...) are built in place
inside their parent's function rather than through a call per item.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Mapping
from typing import Any

import attrs
import cattrs

__all__ = ["FastStructurer"]

FastFn = Callable[[Any], Any]

_PRIMITIVES: tuple[type, ...] = (int, str, float, bool)
#: The class of ``attrs.Factory(...)`` defaults (``attrs.Factory`` is typed as a function).
_FACTORY: type[Any] = type(attrs.Factory(list))


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


def _plain_class(cl: Any) -> type | None:
    """The attrs class behind ``cl`` (``Page[T]`` -> ``Page``), or ``None``."""
    origin = typing.get_origin(cl) or cl
    return origin if isinstance(origin, type) and attrs.has(origin) else None


def _can_skip_init(cl: type) -> bool:
    """Whether filling the slots directly is exactly what ``cl.__init__`` would do."""
    if "__slots__" not in cl.__dict__:
        return False
    if hasattr(cl, "__attrs_pre_init__") or hasattr(cl, "__attrs_post_init__"):
        return False
    if getattr(cl, "__attrs_attrs__", None) is None:
        return False
    for f in attrs.fields(cl):
        if f.validator is not None or f.converter is not None or not f.init:
            return False
        default = f.default
        if isinstance(default, _FACTORY) and default.takes_self:
            return False
    # attrs' own __init__ for the class itself (not one a subclass wrote by hand).
    init = cl.__dict__.get("__init__")
    return init is not None and "attrs generated" in getattr(init.__code__, "co_filename", "")


class FastStructurer:
    """Generates and caches the fast structure function of each model class.

    Args:
        converter: the converter whose hooks handle every type not inlined here.
        simple_hooks: types whose conversion is a one-argument function (``date | None``
            -> ``parse_date``), called directly instead of through the converter.
        field_hooks: the functions a field selects with ``metadata={"hook": name}``.
    """

    def __init__(
        self,
        converter: cattrs.Converter,
        *,
        simple_hooks: Mapping[Any, Callable[[Any], Any]],
        field_hooks: Mapping[str, Callable[[Any], Any]],
    ) -> None:
        self._conv = converter
        self._simple = dict(simple_hooks)
        self._field_hooks = dict(field_hooks)
        self._fns: dict[Any, FastFn] = {}
        self._building: set[Any] = set()

    def function(self, cl: Any) -> FastFn | None:
        """The fast function for ``cl`` (an attrs class or a generic alias of one), or
        ``None`` when the class must go through its ``__init__``."""
        fn = self._fns.get(cl)
        if fn is not None:
            return fn
        plain = _plain_class(cl)
        if plain is None or not _can_skip_init(plain):
            return None
        if cl in self._building:
            # A class that contains itself: look the finished function up at call time.
            table = self._fns
            return lambda o: table[cl](o)
        self._building.add(cl)
        try:
            fn = self._generate(cl, plain)
        finally:
            self._building.discard(cl)
        self._fns[cl] = fn
        return fn

    # ------------------------------------------------------------------ code generation

    def _generate(self, cl: Any, plain: type) -> FastFn:
        env: dict[str, Any] = {"_new": object.__new__, "_TypeError": TypeError}
        lines = [
            "def fast(o):",
            "    if type(o) is not dict:",
            "        raise _TypeError('expected a JSON object')",
        ]
        lines += self._build(env, cl, plain, tag="", src="o", dst="self", indent="    ")
        lines.append("    return self")
        name = getattr(plain, "__qualname__", "model")
        code = compile("\n".join(lines) + "\n", f"<tmdb_async fast structure {name}>", "exec")
        exec(code, env)  # our own generated source, built from attrs fields
        fn: FastFn = env["fast"]
        return fn

    def _build(
        self,
        env: dict[str, Any],
        cl: Any,
        plain: type,
        *,
        tag: str,
        src: str,
        dst: str,
        indent: str,
    ) -> list[str]:
        """Statements that build ``plain`` from the dict named ``src`` into ``dst``.

        ``tag`` keeps the names of a model built inline inside another one apart.
        """
        hints = typing.get_type_hints(plain)
        mapping = _typevar_mapping(cl, plain)
        val = f"v{tag}"
        env[f"_cl{tag}"] = plain
        lines = [f"{indent}{dst} = _new(_cl{tag})"]
        for i, f in enumerate(attrs.fields(plain)):
            ref = f"{tag}_{i}"
            tp = _substitute(hints.get(f.name, Any), mapping)
            key = f.metadata.get("wire", f.name)
            hook = f.metadata.get("hook")
            env[f"_s{ref}"] = _slot(plain, f.name).__set__
            lines.append(f"{indent}if {key!r} in {src}:")
            lines.append(f"{indent}    {val} = {src}[{key!r}]")
            inline = None if hook is not None else self._inline(env, ref, tp, val, indent + "    ")
            if inline is not None:
                lines += inline
                lines.append(f"{indent}    _s{ref}({dst}, r{ref})")
            else:
                if hook is not None:
                    env[f"_r{ref}"] = self._field_hooks[hook]
                    value = f"_r{ref}({val})"
                else:
                    value = self._expr(env, ref, tp, val)
                lines.append(f"{indent}    _s{ref}({dst}, {value})")
            lines.append(f"{indent}else:")
            default = f.default
            if default is attrs.NOTHING:
                lines.append(f"{indent}    raise KeyError({key!r})")
            elif isinstance(default, _FACTORY):
                factory = default.factory
                if factory is list:
                    lines.append(f"{indent}    _s{ref}({dst}, [])")
                elif factory is dict:
                    lines.append(f"{indent}    _s{ref}({dst}, {{}})")
                else:
                    env[f"_f{ref}"] = factory
                    lines.append(f"{indent}    _s{ref}({dst}, _f{ref}())")
            else:
                env[f"_d{ref}"] = default
                lines.append(f"{indent}    _s{ref}({dst}, _d{ref})")
        return lines

    def _inline(
        self, env: dict[str, Any], ref: str, tp: Any, val: str, indent: str
    ) -> list[str] | None:
        """Statements that leave ``tp`` built from ``val`` in ``r{ref}``, for a list of, an
        optional or a plain small model whose fields are all primitives or dates; ``None``
        for every other type (it then takes an expression and its own function).

        Building such a model in place saves a call per item (Movie: genres, companies,
        countries, languages, collection).
        """
        out = f"r{ref}"
        inner = _optional_arg(tp)
        if typing.get_origin(tp) is list:
            (item,) = typing.get_args(tp) or (Any,)
            if not self._is_small(item):
                return None
            x = f"x{ref}"
            return [
                f"{indent}{out} = []",
                f"{indent}for {x} in {val}:",
                f"{indent}    if type({x}) is not dict:",
                f"{indent}        raise _TypeError('expected a JSON object')",
                *self._build(
                    env, item, item, tag=ref, src=x, dst=f"e{ref}", indent=indent + "    "
                ),
                f"{indent}    {out}.append(e{ref})",
            ]
        if inner is not None and self._is_small(inner):
            return [
                f"{indent}if {val} is None:",
                f"{indent}    {out} = None",
                f"{indent}elif type({val}) is not dict:",
                f"{indent}    raise _TypeError('expected a JSON object')",
                f"{indent}else:",
                *self._build(env, inner, inner, tag=ref, src=val, dst=out, indent=indent + "    "),
            ]
        if self._is_small(tp):
            return [
                f"{indent}if type({val}) is not dict:",
                f"{indent}    raise _TypeError('expected a JSON object')",
                *self._build(env, tp, tp, tag=ref, src=val, dst=out, indent=indent),
            ]
        return None

    def _is_small(self, cl: Any) -> bool:
        """A plain (not generic) model of at most 12 fields, all primitives or dates."""
        if not (isinstance(cl, type) and attrs.has(cl) and _can_skip_init(cl)):
            return False
        if getattr(cl, "__parameters__", ()):
            return False
        fields = attrs.fields(cl)
        if len(fields) > 12:
            return False
        hints = typing.get_type_hints(cl)
        for f in fields:
            if f.metadata.get("hook") is not None:
                return False
            tp = hints.get(f.name, Any)
            if tp in _PRIMITIVES or tp in self._simple or _optional_arg(tp) in _PRIMITIVES:
                continue
            return False
        return True

    def _expr(self, env: dict[str, Any], tag: str, tp: Any, var: str) -> str:
        """A Python expression converting the value named ``var`` to ``tp``."""
        if tp is Any:
            return var
        if tp in _PRIMITIVES:
            name = tp.__name__
            return f"({var} if type({var}) is {name} else {name}({var}))"
        inner = _optional_arg(tp)
        if inner is not None and inner in _PRIMITIVES:
            name = inner.__name__
            return f"(None if {var} is None else {var} if type({var}) is {name} else {name}({var}))"
        simple = self._simple.get(tp)
        if simple is not None:
            env[f"_p{tag}"] = simple
            return f"_p{tag}({var})"
        if inner is not None and _plain_class(inner) is not None:
            fn = self.function(inner)
            if fn is not None:
                env[f"_n{tag}"] = fn
                return f"(None if {var} is None else _n{tag}({var}))"
        if _plain_class(tp) is not None:
            fn = self.function(tp)
            if fn is not None:
                env[f"_n{tag}"] = fn
                return f"_n{tag}({var})"
        if typing.get_origin(tp) is list:
            (item,) = typing.get_args(tp) or (Any,)
            elem = f"x{len(tag)}"
            return f"[{self._expr(env, tag + 'i', item, elem)} for {elem} in {var}]"
        return self._delegate(env, tag, tp, var)

    def _delegate(self, env: dict[str, Any], tag: str, tp: Any, var: str) -> str:
        """Hand the value to the converter's own hook for ``tp``."""
        env[f"_h{tag}"] = self._conv.get_structure_hook(tp)
        env[f"_t{tag}"] = tp
        return f"_h{tag}({var}, _t{tag})"


def _typevar_mapping(cl: Any, plain: type) -> dict[Any, Any]:
    """What each type variable stands for in ``cl``: its own arguments (``Page[X]``) and
    those its generic bases were given (``class DatedPage(Page[MovieSummary])``)."""
    params = getattr(plain, "__parameters__", ())
    mapping: dict[Any, Any] = dict(zip(params, typing.get_args(cl), strict=False)) if params else {}
    for klass in plain.__mro__:
        for base in klass.__dict__.get("__orig_bases__", ()):
            origin = typing.get_origin(base)
            base_params = getattr(origin, "__parameters__", ())
            for param, arg in zip(base_params, typing.get_args(base), strict=False):
                mapping.setdefault(param, _substitute(arg, mapping))
    return mapping


def _slot(cl: type, name: str) -> Any:
    """The slot descriptor of ``name`` (declared by ``cl`` or the base class that has it)."""
    for klass in cl.__mro__:
        if name in klass.__dict__:
            return klass.__dict__[name]
    raise AttributeError(name)


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
    if _is_union(tp):
        return typing.Union[new]  # noqa: UP007 - built at run time from a tuple
    if origin is list:
        return list[new[0]]  # type: ignore[valid-type]
    if origin is dict:
        return dict[new[0], new[1]]  # type: ignore[valid-type]
    if isinstance(origin, type) and attrs.has(origin):
        return origin[new]  # type: ignore[index]  # a generic model: Page[T] -> Page[X]
    return tp
