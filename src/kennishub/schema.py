"""Interpreter of the declarative content model (`data/content-model.yaml`).

The schema is compiled once into nested closures; validating a front matter then
walks the data once, collecting every problem with its position and a Dutch message.
The `format` checks that need the hub (themes, authors, municipalities, files) are
functions in `FORMATS`, called with a `Context`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Callable

import yaml

from kennishub import suggest

Check = Callable[[Any, tuple, "Context"], None]


@dataclass
class Context:
    """What one validation needs besides the data, and where problems go."""

    locate: Callable[[tuple, str], Any]  # (path, problem code) -> Pos(line, column)
    report: Callable[[Any, str, str, str], None]  # (pos, severity, code, message)
    today: dt.date = field(default_factory=dt.date.today)
    draft: bool = False
    values: dict = field(default_factory=dict)  # the front matter being checked
    extras: dict = field(default_factory=dict)  # for format checks: themes, authors, base dir ...

    def error(self, path: tuple, code: str, message: str, severity: str = "error") -> None:
        self.report(self.locate(path, code), severity, code, message)


@lru_cache(maxsize=1)
def model() -> dict:
    """The content model as plain data."""
    text = resources.files("kennishub").joinpath("data/content-model.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def message(kind: str, **fields: Any) -> str:
    return model()["messages"][kind].format(**fields)


_FOUND = {bool: "ja/nee-waarde", int: "getal", float: "getal", list: "lijst", dict: "groep velden",
          dt.date: "datum", dt.datetime: "datum met tijd"}


def found(value: Any) -> str:
    label = _FOUND.get(type(value), "tekst")
    if isinstance(value, (list, dict)):
        return label
    return f"{label} {value!s}"


def key_of(path: tuple) -> str:
    names = [p for p in path if isinstance(p, str)]
    return ".".join(names) if names else "front matter"


# ---- compilation ---------------------------------------------------------------------

def compile_schema(schema: dict | bool, formats: dict[str, Callable]) -> Check:
    """Compile a (sub)schema into one check function."""
    if schema is False:
        return _forbidden
    checks: list[Check] = []
    kind = schema.get("type")
    if kind:
        checks.append(_type_check(kind, schema))
    used: set = set()
    for keyword, maker in _KEYWORDS.items():
        if keyword in schema and maker not in used:
            used.add(maker)
            checks.append(maker(schema, formats))
    if len(checks) == 1:
        return checks[0]

    def run(value: Any, path: tuple, ctx: Context) -> None:
        for check in checks:
            if check(value, path, ctx) is False:
                return  # a failed type check stops the checks that assume the type

    return run


def _forbidden(value: Any, path: tuple, ctx: Context) -> bool:
    ctx.error(path, "field-not-for-type", message("forbidden", key=key_of(path), type=ctx.values.get("type")))
    return False


_PY_TYPES = {"string": str, "array": list, "object": dict, "boolean": bool, "integer": int}


def _type_check(kind: str, schema: dict) -> Check:
    expected = _PY_TYPES[kind]
    example = schema.get("x-example", "")
    is_date = schema.get("format") == "date"

    def check(value: Any, path: tuple, ctx: Context) -> bool:
        if isinstance(value, expected) and not (expected is int and isinstance(value, bool)):
            return True
        if is_date and isinstance(value, (dt.date, str, int, float)) and not isinstance(value, bool):
            return True  # the date format check says what is wrong with it
        if value is None:
            hint = f", bijvoorbeeld: {example}" if example else ""
            ctx.error(path, "empty-value", f"veld '{key_of(path)}' is leeg — vul een waarde in{hint}")
        elif expected is str and isinstance(value, (int, float, bool)) and not is_date:
            hint = (f" — kies uit: {', '.join(schema['enum'])}" if "enum" in schema
                    else f" — zet de waarde tussen aanhalingstekens: \"{value}\"")
            ctx.error(path, "type-string", message("type-string", key=key_of(path), found=found(value)) + hint)
        else:
            ctx.error(path, f"type-{kind}", message(f"type-{kind}", key=key_of(path), found=found(value)))
        return False

    return check


def _bounds(low: str, high: str, codes: tuple[str, str], measure: Callable[[Any], int | None]):
    """A maker for a pair of limits such as minLength/maxLength on a measured size."""

    def maker(schema: dict, formats) -> Check:
        lo, hi = schema.get(low), schema.get(high)

        def check(value: Any, path: tuple, ctx: Context) -> None:
            n = measure(value)
            if n is None:
                return
            if lo is not None and n < lo:
                ctx.error(path, codes[0], message(low, key=key_of(path), count=n, limit=lo))
            elif hi is not None and n > hi:
                ctx.error(path, codes[1], message(high, key=key_of(path), count=n, limit=hi))

        return check

    return maker


# a text's length is counted without surrounding white space
_length = _bounds("minLength", "maxLength", ("too-short", "too-long"),
                  lambda value: len(value.strip()) if isinstance(value, str) else None)
_items_count = _bounds("minItems", "maxItems", ("too-few-items", "too-many-items"), len)


def _unique(schema: dict, formats) -> Check:
    def check(value: list, path: tuple, ctx: Context) -> None:
        seen = set()
        for i, item in enumerate(value):
            marker = item if isinstance(item, (str, int, bool)) else repr(item)
            if marker in seen:
                ctx.error(path + (i,), "duplicate-item", message("uniqueItems", key=key_of(path), value=item))
            seen.add(marker)

    return check


def _items(schema: dict, formats) -> Check:
    inner = compile_schema(schema["items"], formats)

    def check(value: list, path: tuple, ctx: Context) -> None:
        for i, item in enumerate(value):
            inner(item, path + (i,), ctx)

    return check


def _enum(schema: dict, formats) -> Check:
    allowed = list(schema["enum"])

    def check(value: Any, path: tuple, ctx: Context) -> bool:
        if value in allowed:
            return True
        near = suggest.nearest(str(value), allowed)
        hint = f" — bedoel je '{near}'?" if near else ""
        ctx.error(path, "not-allowed", message("enum", key=key_of(path), value=value, suggestion=hint,
                                               allowed=", ".join(allowed)))
        return False

    return check


def _pattern(schema: dict, formats) -> Check:
    regex = re.compile(schema["pattern"])

    def check(value: Any, path: tuple, ctx: Context) -> None:
        if isinstance(value, str) and not regex.search(value):
            ctx.error(path, "pattern", message("pattern", key=key_of(path), value=value))

    return check


def _format(schema: dict, formats) -> Check:
    fn = formats[schema["format"]]

    def check(value: Any, path: tuple, ctx: Context) -> None:
        fn(value, path, ctx, schema)

    return check


def _object(schema: dict, formats, inherited: dict | None = None) -> Check:
    props = {k: compile_schema(v, formats) for k, v in schema.get("properties", {}).items()}
    examples = {k: (v.get("x-example") or f"{k}: …") for k, v in {**(inherited or {}), **schema.get("properties", {})}.items()
                if isinstance(v, dict)}
    required = list(schema.get("required", ()))
    extra = schema.get("additionalProperties", True)
    extra_check = compile_schema(extra, formats) if isinstance(extra, dict) else None
    dependent = schema.get("dependentRequired", {})
    conditions = [_condition(c, formats, schema.get("properties", {})) for c in schema.get("allOf", ())]
    known = sorted(props)

    def check(value: dict, path: tuple, ctx: Context) -> None:
        for key in required:
            if key not in value:
                ctx.error(path, "missing-key", message("required", key=key, example=examples.get(key, f"{key}: …")))
        for key, item in value.items():
            sub = props.get(key)
            if sub is not None:
                sub(item, path + (key,), ctx)
            elif extra_check is not None:
                extra_check(item, path + (key,), ctx)
            elif extra is False:
                near = suggest.nearest(str(key), known)
                hint = f" — bedoel je '{near}'?" if near else ""
                ctx.error(path + (key,), "unknown-key", message(
                    "additionalProperties", key=key, suggestion=hint, allowed=", ".join(known)))
        for key, others in dependent.items():
            if key in value:
                for other in others:
                    if other not in value:
                        ctx.error(path + (key,), "missing-key", message(
                            "dependentRequired", key=key, other=other, example=examples.get(other, other)))
        for condition in conditions:
            condition(value, path, ctx)

    return check


def _condition(rule: dict, formats, properties: dict) -> Callable:
    """`if/then/else` where `if` tests constant values of sibling fields; `properties` are
    the parent's (for the examples in messages about a missing field)."""
    tests = {k: v["const"] for k, v in rule["if"].get("properties", {}).items()}
    then = _object(rule["then"], formats, properties) if "then" in rule else None
    other = _object(rule["else"], formats, properties) if "else" in rule else None

    def check(value: dict, path: tuple, ctx: Context) -> None:
        if not all(k in value for k in tests):
            return  # the missing key is reported by `required`
        branch = then if all(value.get(k) == v for k, v in tests.items()) else other
        if branch is not None:
            branch(value, path, ctx)

    return check


_KEYWORDS: dict[str, Callable] = {
    "enum": _enum,
    "minLength": _length,
    "maxLength": _length,
    "pattern": _pattern,
    "format": _format,
    "minItems": _items_count,
    "maxItems": _items_count,
    "uniqueItems": _unique,
    "items": _items,
    "properties": _object,
    "additionalProperties": _object,
}


def compile_root(name: str, formats: dict[str, Callable]) -> Check:
    """Compile the schema `entry`, `theme` or `authors` of the content model."""
    return compile_schema(model()[name], formats)
