"""Line-level diagnosis of a front matter block that libyaml could not read.

libyaml reports where its parser got stuck, which is often a line after the mistake
(`title:Ons eerste verhaal` is reported as an indentation error on the next line). These
rules look at the lines themselves and name the line where the editor must act, with
advice that fits the mistake. They run only on a block that failed to parse, so a line
that is valid YAML is never blamed. Every rule reads one line (and, for quotes, whether
the rest of its block holds the closing one): linear in the block's length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kennishub.schema import model
from kennishub.yaml_errors import YamlProblem

# a plain key followed by ': ' or ':' at the end (never a quoted key, never a value indicator)
_KEY = re.compile(r"([^\s'\"\[\]{},#&*!|>%@`][^:]*?):(?=[ \t]|$)[ \t]*")
_NO_SPACE = re.compile(r"([A-Za-z_][\w-]*):([^\s/:].*)$")  # key:value without the space
_INNER_COLON = re.compile(r":(?=[ \t]|$)")
_COMMENT = re.compile(r"[ \t]#")


@lru_cache(maxsize=1)
def known_keys() -> frozenset:
    """Every field name of the content model (entry, theme, authors), at any depth."""
    found: set = set()

    def walk(schema) -> None:
        if not isinstance(schema, dict):
            return
        for key, sub in schema.get("properties", {}).items():
            found.add(key)
            walk(sub)
        for key in ("items", "additionalProperties", "then", "else"):
            walk(schema.get(key))
        for sub in schema.get("allOf", ()):
            walk(sub)

    for name in ("entry", "theme", "authors"):
        walk(model()[name])
    return frozenset(found)


@dataclass
class Line:
    """One line of a block, taken apart: indentation, list dash, key and value."""

    text: str
    indent: int  # spaces before the content
    dash: str  # "- " (with the spaces after it) when the line is a list item, else ""
    content: str  # after the indentation and the dash
    key: str | None  # the plain key, when the content is `key: …`
    value: str  # what follows `key: ` (or the content, without a key)
    value_col: int  # 0-based column of the value


def take_apart(text: str) -> Line:
    indent = len(text) - len(text.lstrip(" "))
    rest = text[indent:]
    dash = ""
    if rest == "-" or rest.startswith("- "):
        dash = rest[:len(rest) - len(rest[1:].lstrip(" "))]
        rest = rest[len(dash):]
    m = _KEY.match(rest)
    start = indent + len(dash)
    if m:
        return Line(text, indent, dash, rest, m[1].strip(), rest[m.end():], start + m.end())
    return Line(text, indent, dash, rest, None, rest, start)


def is_content(text: str) -> bool:
    """Not blank and not a whole-line comment."""
    stripped = text.strip()
    return bool(stripped) and not stripped.startswith("#")


def _close(value: str, quote: str) -> int:
    """Index of the quote that closes `value` (which starts with it), or -1."""
    i, n = 1, len(value)
    while i < n:
        c = value[i]
        if quote == '"' and c == "\\":
            i += 2
            continue
        if c == quote:
            if quote == "'" and value[i + 1:i + 2] == "'":
                i += 2
                continue
            return i
        i += 1
    return -1


def _quoted(value: str) -> str:
    """`value` as a YAML double-quoted string (inner double quotes become single ones)."""
    return '"' + value.replace("\\", "\\\\").replace('"', "'") + '"'


def _prefix(ln: Line) -> str:
    """The line up to its value, as an example starts it (without the indentation)."""
    return ln.dash + (f"{ln.key}: " if ln.key is not None else "")


def _quote_problem(ln: Line, number: int, closes_later: dict) -> YamlProblem | None:
    value = ln.value.rstrip()
    quote = value[0]
    col = ln.value_col + 1
    end = _close(value, quote)
    if end < 0:
        if closes_later[quote]:
            return None  # a quoted text over several lines: it may well close further on
        shown = ln.text.strip()
        if quote == "'":
            return YamlProblem(number, col, "yaml-quote",
                f"een waarde begint met een aanhalingsteken of apostrof dat niet wordt afgesloten ({shown}) — zet "
                f"de hele waarde tussen dubbele aanhalingstekens, bijvoorbeeld: {_prefix(ln)}{_quoted(value)}")
        return YamlProblem(number, col, "yaml-quote",
            f"een waarde begint met een aanhalingsteken dat niet wordt afgesloten ({shown}) — zet ook aan het eind "
            f"een \", bijvoorbeeld: {_prefix(ln)}{_quoted(value[1:])}")
    trailing = value[end + 1:].strip()
    if trailing and not trailing.startswith(("#", ":", ",", "]", "}")):
        inner = value if quote == "'" else value[1:-1] if value.endswith('"') else value[1:]
        return YamlProblem(number, col, "yaml-quote-extra",
            "na het afsluitende aanhalingsteken staat nog tekst — zet de hele waarde tussen aanhalingstekens en "
            f"gebruik daarbinnen enkele: {_prefix(ln)}{_quoted(inner)}")
    return None


def diagnose(lines: list[str], start: int, end: int, first: int, base: int) -> list[YamlProblem]:
    """Problems of the lines `lines[start:end]` (one block, starting with its key line, or
    with stray lines). `first` is the file line of `lines[0]`; `base` the indentation of
    the top-level keys. At most one problem per line."""
    problems: list[YamlProblem] = []
    keys = known_keys()
    item_indent = None  # indentation of the block's list items
    last = {q: max((i for i in range(start, end) if q in lines[i]), default=-1) for q in ("'", '"')}
    for i in range(start, end):
        text = lines[i]
        if not is_content(text):
            continue
        number = first + i
        lead = len(text) - len(text.lstrip(" \t"))
        if "\t" in text[:lead]:
            problems.append(YamlProblem(number, text.index("\t") + 1, "yaml-tab",
                "een tab in de front matter — gebruik spaties om in te springen: vervang de tab vooraan deze regel "
                "door spaties"))
            continue
        ln = take_apart(text)
        if ln.dash and item_indent is None:
            item_indent = ln.indent
        value = ln.value
        if value[:1] in ("'", '"'):
            found = _quote_problem(ln, number, {q: last[q] > i for q in last})
            if found:
                problems.append(found)
            continue
        if ln.key is not None:
            if value[:1] in ("[", "{", "|", ">", "&", "*", "!"):
                continue
            cut = _COMMENT.search(value)
            plain = value[:cut.start()] if cut else value
            inner = _INNER_COLON.search(plain)
            if inner:
                shown = plain.rstrip()
                example = (_prefix(ln) + (_quoted(shown) if '"' not in shown else "'" + shown.replace("'", "''") + "'"))
                problems.append(YamlProblem(number, ln.value_col + inner.start() + 1, "yaml-colon",
                    "een dubbele punt in een waarde maakt de YAML ongeldig — zet de waarde tussen aanhalingstekens: "
                    + example.strip()))
            continue
        nospace = _NO_SPACE.match(ln.content)
        top = ln.indent <= base and not ln.dash
        if nospace and (top or nospace[1] in keys):
            fixed = " " * ln.indent + ln.dash + f"{nospace[1]}: {nospace[2]}"
            problems.append(YamlProblem(number, ln.indent + len(ln.dash) + len(nospace[1]) + 2, "yaml-colon-space",
                f"na de dubbele punt hoort een spatie — schrijf: {fixed.strip()}"))
            continue
        if ":" in ln.content or ln.dash or i == start:
            continue
        if item_indent is not None and ln.indent <= max(item_indent, base):
            shown = "- " + ln.content.rstrip()
            problems.append(YamlProblem(number, ln.indent + 1, "yaml-list-dash",
                f"dit lijstitem mist '- ' vooraan — schrijf, even ver ingesprongen als de andere items: {shown}"))
        elif top:
            key = take_apart(lines[start]).key
            where = f"bij '{key}' erboven" if key else "bij de regel erboven"
            problems.append(YamlProblem(number, ln.indent + 1, "yaml-no-key",
                f"deze regel is geen 'veld: waarde' — hoort hij {where}, spring hem dan in met twee spaties "
                "(of zet de hele waarde op één regel); anders: begin de regel met de veldnaam en ': '"))
    return problems
