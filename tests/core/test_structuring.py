"""The direct path (msgspec, bytes -> model) never gives another result than cattrs.

Differential: every attrs model of ``tmdb_async.models`` (found by walking the package,
so models added later are covered) is structured from every document that fits it
(recorded answers and the official examples in tests/reference, each object inside them
too, and a document made from the model's own field types), then from thousands of
mutations of those documents, both ways: the client's path (``decode_direct`` on the
bytes, else ``json.loads`` and cattrs) and cattrs alone. Whenever the direct path
answers, its model equals cattrs' value for value and type for type; where cattrs
refuses, the direct path must have stood aside.

Then each guard: every attrs feature either works or makes a class ineligible, user hooks
are never bypassed, and each decline is counted and logged at DEBUG.
"""

from __future__ import annotations

import datetime as dt
import enum
import importlib
import json
import logging
import pkgutil
import random
import types
import typing
from collections.abc import Iterator
from typing import Any

import attrs
import cattrs
import pytest
from cattrs.errors import StructureHandlerNotFoundError

from tests.conftest import FIXTURES, READ_TOKEN, SHARED, load
from tests.loopback_tmdb import TMDBServer
from tmdb_async import TMDBClient, models
from tmdb_async._convert import TMDBConverter, make_converter
from tmdb_async._decode import _null_prefix, _substitute, _typevar_mapping
from tmdb_async.errors import EntryNotFoundError
from tmdb_async.models import AccountStates, Movie, MovieSummary, Page, StatusResponse
from tmdb_async.models.search import MultiResult

DETAILED = make_converter(direct=False)  # cattrs alone
STRICT = make_converter(forbid_extra_keys=True)

# --------------------------------------------------------------------------- discovery


def model_classes() -> list[type]:
    """Every attrs class defined in tmdb_async.models and its submodules."""
    found: dict[str, type] = {}
    modules = [models] + [
        importlib.import_module(f"{models.__name__}.{info.name}")
        for info in pkgutil.iter_modules(models.__path__)
    ]
    for module in modules:
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and attrs.has(value)
                and value.__module__.startswith(models.__name__)
            ):
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return sorted(found.values(), key=lambda c: (c.__module__, c.__qualname__))


MODELS = model_classes()
PLAIN = [c for c in MODELS if not getattr(c, "__parameters__", ())]
GENERIC = [c for c in MODELS if getattr(c, "__parameters__", ())]


def _keys(cl: type) -> tuple[set[str], set[str]]:
    """The wire keys of ``cl`` and those of its fields without a default."""
    keys, required = set(), set()
    for f in attrs.fields(cl):
        key = f.metadata.get("wire", f.name)
        keys.add(key)
        if f.default is attrs.NOTHING:
            required.add(key)
    return keys, required


KEYS = {c: _keys(c) for c in MODELS}
#: The plain models that have each key (a quick first sieve).
BY_KEY: dict[str, list[type]] = {}
for _cl in [c for c in MODELS if not getattr(c, "__parameters__", ())]:
    for _key in KEYS[_cl][0]:
        BY_KEY.setdefault(_key, []).append(_cl)


def _objects(value: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in ``value`` (the first three items of each list)."""
    if isinstance(value, dict):
        yield value
        for v in value.values():
            yield from _objects(v)
    elif isinstance(value, list):
        for v in value[:3]:
            yield from _objects(v)


def reference_documents() -> list[Any]:
    """The recorded answers and every example of the official v3 document."""
    docs: list[Any] = []
    for path in sorted(FIXTURES.rglob("*.json")):
        if path.name == "INDEX.json" or path.name.endswith(".mapping.json"):
            continue
        docs.append(json.loads(path.read_text(encoding="utf-8")))
    spec = json.loads((SHARED / "tmdb-api-v3.openapi.json").read_text(encoding="utf-8"))
    for ops in spec["paths"].values():
        for op in ops.values():
            for answer in op.get("responses", {}).values():
                media = answer.get("content", {}).get("application/json", {})
                raw = [e.get("value") for e in media.get("examples", {}).values()]
                raw.append(media.get("example"))
                for body in raw:
                    if isinstance(body, str):
                        try:
                            body = json.loads(body)
                        except ValueError:
                            continue
                    if body is not None:
                        docs.append(body)
    return docs


def _fits(obj: dict[str, Any], into: Any) -> bool:
    plain = typing.get_origin(into) or into
    keys, required = KEYS[plain]
    if not (required <= obj.keys() and obj.keys() <= keys):
        return False
    try:
        STRICT.structure(obj, into)
    except (cattrs.BaseValidationError, StructureHandlerNotFoundError, TypeError, ValueError):
        return False
    return True


def _synthetic(tp: Any, depth: int = 0) -> Any:
    """A JSON value of type ``tp`` with every field filled (models four levels deep)."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    simple: dict[Any, Any] = {
        int: 7, float: 7.5, str: "x", bool: True, dt.date: "2020-01-02",
        dt.datetime: "2020-01-02T03:04:05.000Z", Any: {"k": [1, "a", None]},
    }  # fmt: skip
    if tp in simple:
        return simple[tp]
    if origin is typing.Literal:
        return args[0]
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return next(iter(tp)).value
    if origin is typing.Union or origin is types.UnionType:
        members = [a for a in args if a is not type(None)]
        if any(getattr(m, "__name__", "") == "UnknownMedia" for m in members):
            return {"media_type": "movie", "id": 3, "title": "x"}
        return _synthetic(members[0], depth)
    if origin is list:
        return [_synthetic(args[0], depth)] if args else []
    if origin is dict:
        return {"k": _synthetic(args[1], depth)} if args else {}
    plain = origin or tp
    if isinstance(plain, type) and attrs.has(plain):
        if depth > 3:
            return {}
        hints = typing.get_type_hints(plain)
        mapping = _typevar_mapping(tp, plain)
        out = {}
        for f in attrs.fields(plain):
            hint = _substitute(hints.get(f.name, Any), mapping)
            out[f.metadata.get("wire", f.name)] = _synthetic(hint, depth + 1)
        return out
    return None


def _structurable(into: Any) -> bool:
    try:
        DETAILED.get_structure_hook(into)
    except StructureHandlerNotFoundError:
        return False
    return True


#: Models cattrs cannot structure at all (none: the converter structures ``object`` as is).
UNSTRUCTURABLE = [c for c in PLAIN if not _structurable(c)]
#: Documents kept per model: the first that fit, each with another set of keys.
PER_MODEL = 6


def documents() -> list[tuple[Any, Any]]:
    """(document, model) pairs: reference objects that fit a model (up to ``PER_MODEL``
    per model, each with another set of keys), and one made from each model's types
    (generic models with each item model that fits)."""
    pairs: list[tuple[Any, Any]] = []
    shapes: dict[Any, set[frozenset[str]]] = {}

    def add(obj: dict[str, Any], into: Any) -> None:
        seen = shapes.setdefault(into, set())
        shape = frozenset(obj)
        if len(seen) < PER_MODEL and shape not in seen and _fits(obj, into):
            seen.add(shape)
            pairs.append((obj, into))

    for doc in reference_documents():
        for obj in _objects(doc):
            for cl in BY_KEY.get(next(iter(obj), ""), []):
                add(obj, cl)
            items = obj.get("results")
            if isinstance(items, list) and items and isinstance(items[0], dict):
                for item_cl in [c for c in PLAIN if _fits(items[0], c)]:
                    for generic in GENERIC:
                        add(obj, generic[item_cl])  # type: ignore[index]
    for cl in PLAIN:
        if cl not in UNSTRUCTURABLE:
            pairs.append((_synthetic(cl), cl))
    for generic in GENERIC:
        pairs.append((_synthetic(generic[MovieSummary]), generic[MovieSummary]))  # type: ignore[index]
    return pairs


DOCS = documents()


def typed(value: Any) -> Any:
    """A comparable picture of ``value`` that includes the type of every leaf."""
    if attrs.has(type(value)):
        return (
            type(value),
            tuple(typed(getattr(value, f.name)) for f in attrs.fields(type(value))),
        )
    if isinstance(value, list):
        return ("list", [typed(v) for v in value])
    if isinstance(value, dict):
        return ("dict", {k: typed(v) for k, v in value.items()})
    if isinstance(value, dt.datetime):
        return (type(value), value, value.tzinfo)
    return (type(value), value)


def client_path(conv: TMDBConverter, body: bytes, into: Any) -> tuple[bool, Any]:
    """What the client does with a 2xx body: (answered directly?, the model)."""
    model = conv.decode_direct(body, into)
    if model is not None:
        return True, model
    return False, conv.structure(json.loads(body), into)


# --------------------------------------------------------------------------- differential


def test_every_model_is_covered_by_the_differential_documents() -> None:
    covered = {typing.get_origin(into) or into for _, into in DOCS}
    assert set(MODELS) - set(UNSTRUCTURABLE) <= covered
    assert len(MODELS) >= 60  # the walk really found the package's models
    # Reference documents, not only the synthetic ones, fit most models.
    synthetic = len(PLAIN) - len(UNSTRUCTURABLE) + len(GENERIC)
    fitted = {typing.get_origin(i) or i for _, i in DOCS[: len(DOCS) - synthetic]}
    assert len(fitted) >= len(MODELS) // 2, sorted(c.__name__ for c in set(MODELS) - fitted)


def test_every_model_structures_with_cattrs() -> None:
    # UnknownMedia.data is dict[str, object]: cattrs before 25 had no hook for object.
    assert UNSTRUCTURABLE == []


class _Opaque:
    """A type no converter knows."""


@attrs.frozen
class _Unstructurable:
    id: int
    thing: _Opaque


def test_what_cattrs_cannot_structure_is_never_decoded_directly() -> None:
    conv = make_converter()
    # cattrs refuses it (wrapped in a ClassValidationError before cattrs 25).
    with pytest.raises((cattrs.errors.StructureHandlerNotFoundError, cattrs.ClassValidationError)):
        conv.structure({"id": 1, "thing": {}}, _Unstructurable)
    assert conv.decode_direct(b'{"id": 1, "thing": {}}', _Unstructurable) is None
    assert conv.fallbacks == {"ineligible": 1}


def test_direct_path_equals_cattrs_on_every_document() -> None:
    conv = make_converter()
    direct = 0
    for doc, into in DOCS:
        body = json.dumps(doc).encode()
        answered, got = client_path(conv, body, into)
        assert typed(got) == typed(DETAILED.structure(doc, into)), into
        direct += answered
    # The direct path carries most of them (not a test that passes by standing aside).
    assert direct > len(DOCS) * 0.6, (direct, len(DOCS), conv.fallbacks)


REPLACEMENTS: list[Any] = [
    None, "", "7", "x", 7, 0, -1, 7.5, 7.0, -0.0, True, False, [], {}, [1], ["a"], [{}],
    {"id": 1}, {"value": 8.5}, "2020-01-02", "2020-1-2", "2020-01-02T03:04:05.000Z",
    "2020-01-02T03:04:05+02:00", "2020-01-02 03:04:05 UTC", "2020-W01-1", 2**70, 1e300,
    "\u00e9t\u00e9", {"success": False},
]  # fmt: skip


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value[:3]):
            out += _paths(v, (*prefix, i))
    return out


def _mutate(body: Any, path: tuple[Any, ...], replacement: Any, delete: bool) -> Any:
    copy = json.loads(json.dumps(body))
    target = copy
    for step in path[:-1]:
        target = target[step]
    if delete and isinstance(target, dict):
        del target[path[-1]]
    else:
        target[path[-1]] = replacement
    return copy


def test_direct_path_never_disagrees_with_cattrs_on_mutations() -> None:
    conv = make_converter()
    rng = random.Random(20261204)
    answered = declined = 0
    for doc, into in DOCS:
        paths = _paths(doc)
        if not paths:
            continue
        for _ in range(12):
            mutated = _mutate(
                doc, rng.choice(paths), rng.choice(REPLACEMENTS), delete=rng.random() < 0.15
            )
            model = conv.decode_direct(json.dumps(mutated).encode(), into)
            if model is None:
                declined += 1
                continue
            answered += 1
            try:
                expected = DETAILED.structure(mutated, into)
            except (cattrs.BaseValidationError, TypeError, ValueError, KeyError) as exc:
                pytest.fail(f"direct path accepted what cattrs refuses ({into}): {exc}")
            assert typed(model) == typed(expected), into
    # Both branches really ran.
    assert answered > 1000, (answered, declined)
    assert declined > 500, (answered, declined)


# --------------------------------------------------------------------------- the answers


def test_hot_models_are_decoded_directly() -> None:
    conv = make_converter()
    movie = load("recorded/tmdblib/movie-details-47964.200.json")
    page = load("recorded/tmdblib/movie-popular-page1.200.json")
    for doc, into in ((movie, Movie), (page, Page[MovieSummary])):
        model = conv.decode_direct(json.dumps(doc).encode(), into)
        assert model is not None
        assert typed(model) == typed(DETAILED.structure(doc, into))
    assert conv.fallbacks == {}


def test_refused_answers_fall_back_with_cattrs_errors(caplog: pytest.LogCaptureFixture) -> None:
    conv = make_converter()
    doc = load("recorded/tmdblib/movie-details-47964.200.json")
    bad = dict(doc, genres=[{"id": "not a number", "name": "Drama"}], imdb_id="tt-secret-9")
    with caplog.at_level(logging.DEBUG, logger="tmdb_async"):
        assert conv.decode_direct(json.dumps(bad).encode(), Movie) is None
    assert conv.fallbacks == {"refused": 1}
    (record,) = caplog.records
    assert record.levelno == logging.DEBUG
    assert record.getMessage() == (
        "msgspec left Movie to cattrs (refused: Expected `int`, got `str` - at `$.genres[0].id`)"
    )
    assert "secret" not in record.getMessage()  # no value of the body is logged
    with pytest.raises(cattrs.ClassValidationError) as info:
        conv.structure(bad, Movie)
    assert cattrs.transform_error(info.value) == [
        "invalid value for type, expected int @ $.genres[0].id"
    ]


@attrs.frozen
class _Tagged:
    kind: typing.Literal["a", "b"] = "a"


def test_no_value_from_the_body_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    conv = make_converter()
    with caplog.at_level(logging.DEBUG, logger="tmdb_async"):
        assert conv.decode_direct(b'{"kind": "tok-secret-1"}', _Tagged) is None
        assert conv.decode_direct(b'{"kind": "tok-secret-2"', _Tagged) is None
    assert [r.getMessage() for r in caplog.records] == [
        "msgspec left _Tagged to cattrs (refused: Invalid enum value *** - at `$.kind`)"
    ] * 2
    assert "secret" not in caplog.text


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b'{"id": 1, "release_date": ""}', "refused"),  # TMDB's "" date: cattrs gives None
        (b'{"id": 1, "watch/providers": {"results": {}}}', "key"),  # a wire name
        (b'{"id": 1, "watch_providers": {"results": {}}}', "field"),  # its attribute name
        (b'{"id": 1, "watch\\/providers": {"results": {}}}', "escape"),  # escaped wire name
        (b'{"id": 1, "\\u0073uccess": false}', "escape"),  # "success", escaped
        (b'{"id": 1, "videos": {"results": []}}', "field"),  # date-times inside (Video)
        (b'{"id": 1, "account_states": {"id": 1, "favorite": true}}', "field"),  # field hook
        (b'{"success": false, "status_code": 34, "status_message": "x"}', "key"),  # envelope
        (b"[1, 2]", "refused"),
        (b"", "refused"),
        (b"\xef\xbb\xbf{}", "refused"),
        (b'{"id": 1, "belongs_to_collection": ' + b"[" * 5000 + b"]" * 5000 + b"}", "refused"),
    ],
)
def test_movie_answers_left_to_cattrs(body: bytes, reason: str) -> None:
    conv = make_converter()
    assert conv.decode_direct(body, Movie) is None
    assert conv.fallbacks == {reason: 1}


def test_keys_that_only_look_alike_are_decoded_directly() -> None:
    conv = make_converter()
    body = b'{"id": 1, "overview": "a \\"success\\" with watch/providers \\u00e9"}'
    movie = conv.decode_direct(body, Movie)
    assert movie == DETAILED.structure(json.loads(body), Movie)
    assert movie.overview == 'a "success" with watch/providers \u00e9'


def test_null_prefix_sets_each_field_whose_default_is_none() -> None:
    prefix = _null_prefix(Movie)
    assert prefix is not None
    assert prefix.startswith(b"{")
    assert prefix.endswith(b",")
    keys = json.loads(prefix[:-1] + b"}")
    assert keys == {f.name: None for f in attrs.fields(Movie) if f.default is None}
    assert "credits" in keys
    assert "id" not in keys  # required
    assert "genres" not in keys  # a list by default


def test_models_without_none_defaults_have_no_null_prefix() -> None:
    assert _null_prefix(int) is None  # not a model
    assert _null_prefix(list[Movie]) is None


@attrs.frozen
class _NoneButNotOptional:
    id: int
    count: int = None  # type: ignore[assignment]  # msgspec refuses null here
    note: str | None = None


def test_null_prefix_leaves_out_fields_msgspec_refuses_null_for() -> None:
    assert _null_prefix(_NoneButNotOptional) == b'{"note":null,'
    conv = make_converter()
    value = conv.decode_direct(b'{"id": 3}', _NoneButNotOptional)
    assert value == _NoneButNotOptional(3)
    assert conv.fallbacks == {}


@pytest.mark.parametrize(
    "body",
    [
        # Present keys win over the prefix's nulls (msgspec keeps a repeated key's last value).
        b'{"id": 1, "credits": {"id": 1, "cast": [], "crew": []}, "softcore": true}',
        b'{"id": 1, "tagline": "t", "runtime": 90, "release_date": "2001-02-03"}',
        b'{"id": 1, "tagline": null}',
        b'{"id": 1}',
        b' {"id": 1}',  # not starting with "{": decoded as it is
    ],
)
def test_answers_decoded_with_the_null_prefix_equal_cattrs(body: bytes) -> None:
    conv = make_converter()
    movie = conv.decode_direct(body, Movie)
    assert movie is not None
    assert typed(movie) == typed(DETAILED.structure(json.loads(body), Movie))
    assert conv.fallbacks == {}


@attrs.frozen
class _AllOptional:
    a: int | None = None
    b: str | None = None


@pytest.mark.parametrize("body", [b"{}", b"{ }", b'{ "a": 1 }'])
def test_empty_objects_are_decoded_without_the_prefix(body: bytes) -> None:
    conv = make_converter()
    value = conv.decode_direct(body, _AllOptional)
    assert value == DETAILED.structure(json.loads(body), _AllOptional)
    assert conv.fallbacks == {}


@pytest.mark.parametrize(
    "body",
    [
        b'{"id": 1, "videos": null, "watch_providers": null, "account_states": null}',
        b'{"id": 1, "reviews": null, "release_dates": null}',
    ],
)
def test_guarded_fields_left_at_their_default_are_decoded_directly(body: bytes) -> None:
    conv = make_converter()
    movie = conv.decode_direct(body, Movie)
    assert movie is not None
    assert typed(movie) == typed(DETAILED.structure(json.loads(body), Movie))
    assert conv.fallbacks == {}


def test_error_envelope_on_a_2xx_is_never_a_model() -> None:
    conv = make_converter()
    body = b'{"success": false, "status_code": 21, "status_message": "Entry not found"}'
    assert conv.decode_direct(body, StatusResponse) is None


def test_date_times_go_through_cattrs_and_are_utc() -> None:
    conv = make_converter()
    body = b'{"id": "r1", "created_at": "2020-01-02T05:04:05+02:00"}'
    assert conv.decode_direct(body, models.ReviewDetails) is None
    review = conv.structure(json.loads(body), models.ReviewDetails)
    assert review.created_at == dt.datetime(2020, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)
    assert review.created_at.tzinfo is dt.timezone.utc


def test_media_unions_are_left_to_cattrs() -> None:
    conv = make_converter()
    page = b'{"page": 1, "results": [{"media_type": "podcast", "id": 9}], "total_pages": 1}'
    assert conv.decode_direct(page, Page[MultiResult]) is None
    assert conv.fallbacks == {"ineligible": 1}
    assert conv.decode_direct(page, Page[MultiResult]) is None  # planned once
    assert conv.fallbacks == {"ineligible": 1}


def test_rated_hook_field_is_left_to_cattrs() -> None:
    conv = make_converter()
    body = b'{"id": 5, "favorite": true, "rated": {"value": 7}, "watchlist": false}'
    assert conv.decode_direct(body, AccountStates) is None
    assert conv.structure(json.loads(body), AccountStates).rated == 7.0


# --------------------------------------------------------------------------- user hooks


def test_a_user_hook_is_never_bypassed() -> None:
    conv = make_converter()
    body = json.dumps(load("recorded/tmdblib/movie-details-47964.200.json")).encode()
    assert conv.decode_direct(body, Movie) is not None
    assert not conv.customized
    conv.register_structure_hook(dt.date, lambda v, _: dt.date(1999, 1, 1))
    assert conv.customized
    assert conv.decode_direct(body, Movie) is None
    assert conv.fallbacks == {}  # stood aside before planning anything


@pytest.mark.parametrize("how", ["func", "factory", "decorator", "copy"])
def test_every_way_of_adding_a_hook_turns_the_direct_path_off(how: str) -> None:
    conv = make_converter()
    if how == "func":
        conv.register_structure_hook_func(lambda t: t is int, lambda v, _: 0)
    elif how == "factory":
        conv.register_structure_hook_factory(lambda t: t is int, lambda t: lambda v, _: 0)
    elif how == "decorator":

        @conv.register_structure_hook
        def _title(value: Any, _: Any) -> Movie:
            raise ValueError("never")

    else:
        conv = conv.copy()
    assert conv.decode_direct(b'{"id": 1}', Movie) is None


def test_strict_and_cattrs_only_converters_never_decode_directly() -> None:
    assert STRICT.decode_direct(b'{"id": 1}', Movie) is None
    assert DETAILED.decode_direct(b'{"id": 1}', Movie) is None


# --------------------------------------------------------------------------- attrs features


@attrs.frozen
class _Plain:
    a: int = 0
    tags: list[str] = attrs.Factory(list)


@attrs.frozen(cache_hash=True)
class _CacheHash:
    a: int = 0


@attrs.frozen
class _Validated:
    a: int = attrs.field(default=0, validator=attrs.validators.gt(0))


@attrs.frozen
class _Converted:
    a: int = attrs.field(default=0, converter=abs)


@attrs.frozen
class _InitFalse:
    a: int = 0
    b: int = attrs.field(default=5, init=False)


@attrs.frozen
class _TakesSelf:
    a: int = 0
    b: int = attrs.Factory(lambda self: self.a + 1, takes_self=True)


@attrs.frozen
class _PreInit:
    a: int = 0

    def __attrs_pre_init__(self) -> None:
        pass


@attrs.define(frozen=True)
class _OwnInit:
    a: int = 0

    def __init__(self, a: int = 0) -> None:
        self.__attrs_init__(a * 2)  # type: ignore[attr-defined]


@attrs.define(slots=False, frozen=True)
class _DictClass:
    a: int = 0


class _Subclass(_Plain):
    pass


@attrs.frozen
class _PostInit:
    a: int = 0

    def __attrs_post_init__(self) -> None:
        if self.a < 0:
            raise ValueError("a must not be negative")


@attrs.frozen(kw_only=True)
class _KwOnly:
    a: int
    b: str = "x"


@attrs.frozen
class _Aliased:
    _private: int = 0
    public: int = attrs.field(default=0, alias="other")


@attrs.define(on_setattr=attrs.setters.validate)
class _OnSetattr:
    a: int = attrs.field(default=0, validator=attrs.validators.instance_of(int))


@attrs.define
class _Mutable:
    a: int = 0


@attrs.frozen
class _Holder:
    id: int = 0
    inner: _CacheHash | None = None


INELIGIBLE = [
    (_CacheHash, "cache_hash=True"),
    (_Validated, "field a has a validator"),
    (_Converted, "field a has a converter"),
    (_InitFalse, "field b has init=False"),
    (_TakesSelf, "field b has a takes_self factory"),
    (_PreInit, "it has __attrs_pre_init__"),
    (_OwnInit, "its __init__ is not attrs' own"),
    (_DictClass, "not slotted"),
    (_Subclass, "not decorated by attrs itself"),
    (_OnSetattr, "field a has a validator"),
]


@pytest.mark.parametrize(("cl", "why"), INELIGIBLE, ids=[c.__name__ for c, _ in INELIGIBLE])
def test_attrs_features_msgspec_cannot_honour_make_a_class_ineligible(
    cl: type, why: str, caplog: pytest.LogCaptureFixture
) -> None:
    conv = make_converter()
    body = b'{"a": 3, "b": 4}'
    with caplog.at_level(logging.DEBUG, logger="tmdb_async"):
        assert conv.decode_direct(body, cl) is None
    assert conv.fallbacks == {"ineligible": 1}
    assert [r.getMessage() for r in caplog.records] == [
        f"msgspec will not decode {cl.__name__}; cattrs structures it ({why})"
    ]
    got: Any = conv.structure(json.loads(body), cl)  # cattrs builds it through __init__
    assert got == DETAILED.structure(json.loads(body), cl)
    if cl is _CacheHash:
        assert hash(got) == hash(_CacheHash(3))


def test_a_nested_ineligible_class_guards_its_key_in_the_parent() -> None:
    conv = make_converter()
    assert conv.decode_direct(b'{"id": 1}', _Holder) == _Holder(id=1)
    assert conv.decode_direct(b'{"id": 1, "inner": null}', _Holder) == _Holder(id=1)
    assert conv.decode_direct(b'{"id": 1, "inner": {"a": 2}}', _Holder) is None
    assert conv.fallbacks == {"field": 1}
    held = conv.structure({"id": 1, "inner": {"a": 2}}, _Holder)
    assert held.inner is not None
    assert hash(held.inner) == hash(_CacheHash(2))


@pytest.mark.parametrize(
    ("cl", "body"),
    [
        (_Plain, b'{"a": 3, "tags": ["x"]}'),
        (_Plain, b'{"a": 3}'),  # factory default
        (_PostInit, b'{"a": 3}'),
        (_KwOnly, b'{"a": 3}'),
        (_Aliased, b'{"_private": 3, "public": 4, "other": 9, "private": 8}'),
        (_Mutable, b'{"a": 3}'),
    ],
)
def test_attrs_features_that_work_directly(cl: type, body: bytes) -> None:
    conv = make_converter()
    got = conv.decode_direct(body, cl)
    assert got is not None
    assert typed(got) == typed(DETAILED.structure(json.loads(body), cl))
    assert conv.fallbacks == {}


def test_factory_defaults_are_fresh_each_time() -> None:
    conv = make_converter()
    a, b = conv.decode_direct(b'{"a": 1}', _Plain), conv.decode_direct(b'{"a": 2}', _Plain)
    assert isinstance(a, _Plain)
    assert isinstance(b, _Plain)
    assert a.tags == []
    assert a.tags is not b.tags


def test_post_init_failure_falls_back_to_the_same_error() -> None:
    conv = make_converter()
    assert conv.decode_direct(b'{"a": -1}', _PostInit) is None
    assert conv.fallbacks == {"refused": 1}
    with pytest.raises(cattrs.ClassValidationError) as info:
        conv.structure({"a": -1}, _PostInit)
    assert [str(e) for e in info.value.exceptions] == ["a must not be negative"]


# --------------------------------------------------------------------------- the client


API = "https://api.themoviedb.org"


class _Spy:
    """Wraps the client converter's ``decode_direct``: what it was asked and answered."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.calls: list[tuple[Any, bool]] = []

    def __call__(self, body: bytes, into: Any) -> Any:
        model = self.real(body, into)
        self.calls.append((into, model is not None))
        return model


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> _Spy:
    from tmdb_async._convert import CONVERTER

    recorder = _Spy(CONVERTER.decode_direct)
    monkeypatch.setattr(CONVERTER, "decode_direct", recorder)
    return recorder


async def test_the_client_decodes_an_answer_directly(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer, spy: _Spy
) -> None:
    doc = load("recorded/tmdblib/movie-details-47964.200.json")
    tmdb_server.get("/3/movie/47964", body=json.dumps(doc).encode())
    movie = await tmdb_local.movies.details(47964)
    call = tmdb_server.only_call()
    assert (call.method, call.path, call.query) == ("GET", "/3/movie/47964", {})
    assert spy.calls == [(Movie, True)]
    assert typed(movie) == typed(DETAILED.structure(doc, Movie))


async def test_the_client_structures_with_cattrs_what_msgspec_refuses(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer, spy: _Spy
) -> None:
    doc = dict(load("recorded/tmdblib/movie-details-47964.200.json"), release_date="")
    tmdb_server.get("/3/movie/47964", body=json.dumps(doc).encode())
    movie = await tmdb_local.movies.details(47964)
    assert spy.calls == [(Movie, False)]
    assert movie.release_date is None
    assert typed(movie) == typed(DETAILED.structure(doc, Movie))


async def test_an_error_envelope_on_a_2xx_is_a_typed_error(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer, spy: _Spy
) -> None:
    body = b'{"success": false, "status_code": 21, "status_message": "Entry not found"}'
    tmdb_server.post("/3/movie/5/rating", body=body)
    with pytest.raises(EntryNotFoundError) as info:
        await tmdb_local._core.request(
            "POST", "/3/movie/5/rating", into=StatusResponse, json={"value": 8.0}
        )
    assert (info.value.http_status, info.value.tmdb_code) == (200, 21)
    assert spy.calls == [(StatusResponse, False)]


async def test_a_client_with_its_own_json_loads_never_decodes_directly(
    tmdb_server: TMDBServer, spy: _Spy
) -> None:
    seen: list[bytes] = []

    def loads(body: bytes) -> Any:
        seen.append(body)
        return json.loads(body)

    tmdb_server.get("/3/movie/5", body=b'{"id": 5, "title": "Five"}')
    async with TMDBClient(
        access_token=READ_TOKEN, base_url=tmdb_server.base_url, json_loads=loads
    ) as tmdb:
        movie = await tmdb.movies.details(5)
    assert (movie.id, movie.title) == (5, "Five")
    assert seen == [b'{"id": 5, "title": "Five"}']
    assert spy.calls == []


async def test_raw_json_is_never_decoded_into_a_model(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer, spy: _Spy
) -> None:
    tmdb_server.get("/3/movie/5", body=b'{"id": 5, "release_date": ""}')
    assert await tmdb_local.request_json("GET", "/3/movie/5") == {"id": 5, "release_date": ""}
    assert spy.calls == []
