"""Bot Framework models to and from JSON, the way msrest does it, without msrest's generic walk.

msrest reads each model's `_attribute_map` afresh on every call, copies every key through
transformers and extractors, and `Serializer.body` turns an outgoing activity into a model
again before it serialises it. For a policy answer that was about a third of the CPU of the
turn. This module reads each class's attribute map once into a plan and then follows it:

- `dump(model)` gives what `Serializer(deps).body(model, class name)` gives;
- `load(cls, data)` gives what `cls.deserialize(data)` gives (unknown keys land in
  `additional_properties`, as msrest puts them there).

Values are converted exactly where msrest would convert them; anything the plans do not
cover (a dict where a model belongs, a datetime inside `channelData`, a type name outside the
schema) goes down msrest's own path for the whole object, so the output is never a guess.
`tests/test_serialize.py` checks both directions against msrest, and the test suite runs with
`CHECK` on, which compares every activity the bot reads or sends with msrest's result.

`FastConnectorClient` is a ConnectorClient whose conversation operations use these, and build
their URLs without msrest's per-call parse and join (`_Urls`).
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable
from urllib.parse import quote, urljoin

from botframework.connector.aio import ConnectorClient
from botframework.connector.aio.operations_async import ConversationsOperations
from isodate.tzinfo import UTC, FixedOffset
from msrest.serialization import Deserializer, Model, Serializer

# Set by the tests: compare every result with msrest's and raise on a difference.
CHECK = False

_JSON_SCALARS = (str, int, float, bool, type(None))


class Unsupported(Exception):
    """The value is outside what the plans cover; msrest handles the whole object."""


def plain_json(value, depth: int = 0) -> bool:
    """True when value is made only of JSON types (no models, dates, tuples or dict subclasses)."""
    kind = type(value)
    if kind in _JSON_SCALARS:
        return True
    if depth > 100:
        return False
    if kind is dict:
        return all(type(key) is str and plain_json(item, depth + 1) for key, item in value.items())
    if kind is list:
        return all(plain_json(item, depth + 1) for item in value)
    return False


@lru_cache(maxsize=None)
def dependencies(cls: type) -> dict:
    """The classes msrest resolves type names against for `cls` (its package's models)."""
    return cls._infer_class_models()


@lru_cache(maxsize=None)
def _msrest(cls: type) -> tuple[Serializer, Deserializer]:
    deps = dependencies(cls)
    return Serializer(deps), Deserializer(deps)


# ---- plans: per class, (attribute, JSON key, converter) ------------------------------------
@dataclass(frozen=True)
class _Direction:
    """What converting one way does with msrest's basic types, dict keys and schema models."""

    leaves: dict
    key: Callable
    model: Callable  # class -> function converting one value of that class


def _converter(type_name: Any, deps: dict, way: _Direction) -> Callable:
    """A function converting a value of msrest type `type_name` (e.g. "str", "[Entity]", "{object}")."""
    if not isinstance(type_name, str):
        raise Unsupported
    if type_name in way.leaves:
        return way.leaves[type_name]
    brackets = type_name[:1] + type_name[-1:]
    if brackets in ("[]", "{}"):
        item = _converter(type_name[1:-1], deps, way)
        if brackets == "[]":
            def each_item(value):
                if type(value) is not list:
                    raise Unsupported
                return [None if entry is None else item(entry) for entry in value]
            return each_item
        key = way.key

        def each_value(value):
            if type(value) is not dict:
                raise Unsupported
            return {key(name): None if entry is None else item(entry) for name, entry in value.items()}
        return each_value
    cls = deps.get(type_name)
    if not (isinstance(cls, type) and issubclass(cls, Model)):
        raise Unsupported
    return way.model(cls)


def _plan(cls: type, way: _Direction) -> tuple:
    if cls._subtype_map or cls._validation:
        raise Unsupported
    deps = dependencies(cls)
    plan = []
    for attr, desc in cls._attribute_map.items():
        if "." in desc["key"] or desc["key"] == "":
            raise Unsupported
        plan.append((attr, desc["key"], _converter(desc["type"], deps, way)))
    return tuple(plan)


# ---- serialising ------------------------------------------------------------------------------
def _dump_str(value):
    if type(value) is str:
        return value
    if hasattr(value, "value"):  # an Enum: msrest sends its value
        return value.value
    return str(value)


def _dump_object(value):
    if plain_json(value):
        return value  # msrest's serialize_object rebuilds plain JSON unchanged
    raise Unsupported


_DUMP_LEAVES: dict[str, Callable] = {
    "str": _dump_str, "bool": bool, "int": int, "long": int, "float": float,
    "iso-8601": Serializer.serialize_iso, "object": _dump_object,
}
_DUMPING = _Direction(_DUMP_LEAVES, _dump_str, lambda cls: lambda value: _dump_model(value, cls))


@lru_cache(maxsize=None)
def _dump_plan(cls: type) -> tuple:
    if not _init_sets_every_attribute(cls):
        raise Unsupported
    return _plan(cls, _DUMPING)


def _init_sets_every_attribute(cls: type) -> bool:
    """Whether a fresh instance has every mapped attribute in its __dict__, so reading __dict__
    gives what msrest's getattr gives (one botbuilder class maps a name its __init__ never sets)."""
    try:
        return set(cls._attribute_map) <= set(vars(cls()))
    except Exception:  # noqa: BLE001 - a class that needs arguments: leave it to msrest
        return False


def _dump_model(model, cls: type) -> dict:
    if type(model) is not cls and not (isinstance(model, cls) and model._attribute_map is cls._attribute_map):
        raise Unsupported  # e.g. a dict where a model belongs: msrest builds the model first
    out = {}
    values = model.__dict__
    for attr, key, dump_value in _dump_plan(cls):
        value = values.get(attr)
        if value is not None:
            out[key] = dump_value(value)
    return out


def schema_class(cls: type) -> type:
    """The schema class a subclass is sent as (`schema_class` on it, e.g. `OutgoingActivity`)."""
    return getattr(cls, "schema_class", cls)


def dump(model: Model) -> dict:
    """The JSON body msrest's `Serializer.body(model, class name)` would send."""
    cls = schema_class(type(model))
    try:
        out = _dump_model(model, cls)
    except Exception:  # noqa: BLE001 - msrest serialises it, or raises its own error
        return _msrest(cls)[0].body(model, cls.__name__)
    if CHECK:
        expected = _msrest(cls)[0].body(model, cls.__name__)
        if out != expected:
            raise AssertionError(f"serialize.dump differs from msrest for {cls.__name__}: {out!r} != {expected!r}")
    return out


# ---- deserialising ----------------------------------------------------------------------------
def _load_exact(kind: type) -> Callable:
    def load_basic(value):
        if type(value) is kind:
            return value
        raise Unsupported  # msrest coerces ("12" to 12, 1 to True); let it
    return load_basic


# The timestamps channels send: date, time, up to nine fraction digits, Z or +hh:mm.
_ISO_DATETIME = re.compile(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|([+-])(\d{2}):(\d{2}))\Z")


def _load_iso(value):
    """What msrest's `deserialize_iso` gives (isodate's parse, the fraction cut to six digits,
    isodate's UTC or FixedOffset), read straight from the fields for the usual shape; anything
    else, or an impossible date, goes to msrest."""
    if isinstance(value, datetime.datetime):
        return value
    match = _ISO_DATETIME.match(value.upper()) if type(value) is str else None
    if match is None:
        return Deserializer.deserialize_iso(value)
    year, month, day, hour, minute, second, fraction, zone, sign, zone_hours, zone_minutes = match.groups()
    if zone == "Z":
        tzinfo = UTC
    else:
        direction = -1 if sign == "-" else 1
        tzinfo = FixedOffset(direction * int(zone_hours), direction * int(zone_minutes), zone)
    try:
        out = datetime.datetime(int(year), int(month), int(day), int(hour), int(minute), int(second),
                                int((fraction or "").ljust(6, "0")[:6]), tzinfo)
        in_range = 1 <= out.utctimetuple().tm_year <= 9999
    except (ValueError, OverflowError):
        in_range = False
    if not in_range:
        return Deserializer.deserialize_iso(value)  # it raises msrest's own error
    if CHECK:
        expected = Deserializer.deserialize_iso(value)
        if (out != expected or type(out.tzinfo) is not type(expected.tzinfo)
                or out.tzname() != expected.tzname() or out.utcoffset() != expected.utcoffset()):
            raise AssertionError(f"serialize datetime differs from msrest for {value!r}")
    return out


def _load_object(value):
    if plain_json(value):
        return value  # msrest's deserialize_object rebuilds parsed JSON unchanged
    raise Unsupported


_LOAD_LEAVES: dict[str, Callable] = {
    "str": _load_exact(str), "bool": _load_exact(bool), "int": _load_exact(int), "long": _load_exact(int),
    "float": _load_exact(float), "iso-8601": _load_iso, "object": _load_object,
}
_LOADING = _Direction(_LOAD_LEAVES, lambda name: name, lambda cls: lambda value: _load_model(cls, value))


@lru_cache(maxsize=None)
def _load_plan(cls: type) -> tuple[tuple, frozenset]:
    plan = _plan(cls, _LOADING)
    return plan, frozenset(key for _, key, _ in plan)


def _load_model(cls: type, data):
    if type(data) is not dict:
        raise Unsupported
    plan, known = _load_plan(cls)
    kwargs = {}
    for attr, key, load_value in plan:
        value = data.get(key)
        kwargs[attr] = None if value is None else load_value(value)
    model = cls(**kwargs)
    extra = {key: value for key, value in data.items() if key not in known}
    if extra:
        model.additional_properties = extra
    return model


def load(cls: type, data) -> Model:
    """The model msrest's `cls.deserialize(data)` would build from parsed JSON."""
    try:
        model = _load_model(cls, data)
    except Exception:  # noqa: BLE001 - msrest builds it, or raises its own error
        return cls.deserialize(data)
    if CHECK:
        expected = cls.deserialize(data)
        if model != expected:
            raise AssertionError(f"serialize.load differs from msrest for {cls.__name__}")
    return model


# ---- the connector client -------------------------------------------------------------------
class ActivitySerializer(Serializer):
    """msrest's Serializer, with request bodies that are schema models written by `dump`."""

    def body(self, data, data_type, **kwargs):
        if isinstance(data, Model) and schema_class(type(data)).__name__ == data_type and not kwargs:
            return dump(data)
        return super().body(data, data_type, **kwargs)

    def url(self, name, data, data_type, **kwargs):
        """A string path parameter is quoted as msrest quotes it (after checks that a plain,
        present string always passes); anything else goes through msrest."""
        if data_type == "str" and type(data) is str and not kwargs:
            out = quote(data, safe="")
            if CHECK and out != super().url(name, data, data_type):
                raise AssertionError(f"serialize url differs from msrest for {data!r}")
            return out
        return super().url(name, data, data_type, **kwargs)


class _Urls:
    """The service client as the conversation operations see it, with `format_url` by
    concatenation. msrest parses each path and joins it to the base URL on every call; the join
    gives every path the same prefix (path parameters are quoted: they hold no "/"), so that is
    worked out once per base URL. A path with a ".", ".." or empty segment (the join removes or
    resolves those), an absolute URL or a base URL with braces goes to msrest's own `format_url`."""

    def __init__(self, client):
        self._client = client
        self._prefixes: dict[str, str] = {}

    def __getattr__(self, name):
        return getattr(self._client, name)

    def format_url(self, url, **kwargs):
        base = self._client.config.base_url
        path = url.format(**kwargs)
        rest = path.lstrip("/")
        segments = f"/{rest}/"
        if (path[:1] != "/" or "{" in base or "}" in base
                or "/./" in segments or "/../" in segments or "//" in segments):
            return self._client.format_url(url, **kwargs)
        prefix = self._prefixes.get(base)
        if prefix is None:
            prefix = self._prefixes[base] = urljoin(base.rstrip("/") + "/", "_")[:-1]
        out = prefix + rest
        if CHECK and out != self._client.format_url(url, **kwargs):
            raise AssertionError(f"format_url differs from msrest for {base!r} and {path!r}")
        return out


class ModelDeserializer(Deserializer):
    """msrest's Deserializer, with JSON responses read into schema models by `load`."""

    def __call__(self, target_obj, response_data, content_type=None):
        cls = self.dependencies.get(target_obj) if isinstance(target_obj, str) else None
        data = self._unpack_content(response_data, content_type)
        if isinstance(cls, type) and issubclass(cls, Model) and type(data) is dict:
            return load(cls, data)
        return self._deserialize(target_obj, data)


class FastConnectorClient(ConnectorClient):
    """A ConnectorClient whose conversation operations serialise with `dump` and read with `load`.

    `operations`: the class (or factory) of those operations, given the client, configuration,
    serializer and deserializer as `ConversationsOperations` is."""

    def __init__(self, credentials, base_url=None, *, operations: Callable = ConversationsOperations, **kwargs):
        super().__init__(credentials, base_url=base_url, **kwargs)
        deps = self._serialize.dependencies
        self.conversations = operations(_Urls(self._client), self.config, ActivitySerializer(deps),
                                        ModelDeserializer(deps))
