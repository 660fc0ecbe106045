"""Split a Markdown file into front matter and body, and read the front matter as
safe YAML with the line and column of every key and list item.

The YAML is parsed into events by libyaml (`CSafeLoader`'s C parser where available)
and the values are built by kennishub.yaml_builder, so that the tree carries positions
and so that duplicate keys, tags, anchors and aliases are reported instead of silently
accepted. A front matter that libyaml rejects is read block by block
(kennishub.yaml_recover): every mistake at its own line, the readable keys kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

import yaml

from kennishub.schema import model
from kennishub.yaml_builder import MAX_DEPTH, Builder
from kennishub.yaml_errors import YamlProblem, add_error
from kennishub.yaml_recover import Parsed, recover

MAX_FRONT_MATTER = 64 * 1024
# A whole file: front matter, the body's limit (content model `bodyLimits`) and room for
# the fences. A bigger file is reported by its size and never read (kennishub.hub).
MAX_FILE = MAX_FRONT_MATTER + model()["bodyLimits"]["maxBytes"] + 1024
_FENCE = re.compile(r"^---[ \t]*$")
_FENCE_LINE = re.compile(r"^---[ \t]*$", re.M)
__all__ = ["MAX_DEPTH", "MAX_FILE", "MAX_FRONT_MATTER", "UNCLOSED", "FrontMatter", "Pos", "parse_yaml", "read", "split"]
UNCLOSED = "\x00unclosed"  # marker returned by split() for a front matter without closing fence

Path = tuple  # a path into the front matter: ("themes", 2) or ("source", "url")


class Pos(NamedTuple):
    line: int  # 1-based, in the file
    column: int  # 1-based


@dataclass
class FrontMatter:
    """The result of reading one file's front matter."""

    data: Any = None  # plain Python values (only the readable keys); None when absent or not a mapping
    key_marks: dict = field(default_factory=dict)  # path -> libyaml mark of the key / list item
    value_marks: dict = field(default_factory=dict)  # path -> libyaml mark of the value
    problems: list[YamlProblem] = field(default_factory=list)
    body: str = ""
    body_line: int = 1
    start_line: int = 1  # line of the opening '---'
    offset: int = 1  # file line of the YAML's first line (marks count lines from 0)
    broken: dict = field(default_factory=dict)  # top-level key -> line: present, but its YAML does not read

    def hides(self, code: str, message: str) -> bool:
        """Whether a schema problem calls a key missing that is present but unreadable
        (its YAML problem is reported already)."""
        return code == "missing-key" and any(rx.search(message) for key in self.broken for rx in _missing(key))

    def _at(self, mark) -> Pos:
        return Pos(mark.line + self.offset, mark.column + 1)

    def pos(self, path: Path) -> Pos:
        """Best position for a problem at `path`: the key or item, else the nearest parent."""
        while path:
            mark = self.key_marks.get(path)
            if mark is not None:
                return self._at(mark)
            path = path[:-1]
        return Pos(self.start_line, 1)

    def vpos(self, path: Path) -> Pos:
        """Position of the value at `path` (falls back to the key)."""
        mark = self.value_marks.get(path)
        return self._at(mark) if mark is not None else self.pos(path)


def split(text: str) -> tuple[str | None, int, str, int]:
    """Return (front matter text, its first line, body, body's first line).

    Front matter text is None when the file does not start with a `---` line; it is
    the empty marker "" when the opening fence is never closed (see `read`).
    """
    if not _FENCE.match(text[:8].split("\n", 1)[0]):
        return None, 1, text, 1
    if "\n" not in text:  # a file that is only '---'
        return UNCLOSED, 2, "", 2
    start = text.find("\n") + 1
    m = _FENCE_LINE.search(text, start)  # one scan in C, whatever the length
    if m is None:
        return UNCLOSED, 2, "", text.count("\n") + 2
    end = m.start()
    nl = text.find("\n", m.end())
    body_start = len(text) if nl < 0 else nl + 1
    return text[start:end], 2, text[body_start:], text.count("\n", 0, end) + 2


def read(text: str, fields: str = "title, type, date, summary, themes") -> FrontMatter:
    """Read the front matter of a file's text (CRLF and BOM already handled).
    `fields` names the required fields in the messages about a missing front matter."""
    fm_text, first, body, body_line = split(text)
    result = FrontMatter(body=body, body_line=body_line)
    if fm_text is None:
        result.problems.append(YamlProblem(1, 1, "no-front-matter",
            "front matter ontbreekt — begin het bestand met een regel '---', dan de velden "
            f"({fields}) en sluit af met nog een regel '---'"))
        return result
    if fm_text is UNCLOSED:
        result.problems.append(YamlProblem(1, 1, "front-matter-unclosed",
            "de front matter wordt niet afgesloten — zet een regel '---' onder het laatste veld"))
        return result
    if len(fm_text.encode("utf-8")) > MAX_FRONT_MATTER:
        result.problems.append(YamlProblem(1, 1, "front-matter-too-large",
            "de front matter is groter dan 64 KiB — zet lange tekst in de hoofdtekst, niet tussen de '---'-regels"))
        return result
    builder = Builder(result, first)
    try:
        result.data = builder.build(fm_text)
    except yaml.YAMLError as exc:
        _recover(result, exc, fm_text, first)
    if result.data is None and not result.problems:
        result.problems.append(YamlProblem(1, 1, "front-matter-empty",
            f"de front matter is leeg — vul de verplichte velden in: {fields}"))
    elif result.data is not None and not isinstance(result.data, dict):
        result.problems.append(YamlProblem(first, 1, "front-matter-not-mapping",
            "de front matter moet bestaan uit regels 'veld: waarde' (bijvoorbeeld 'title: Samen in de wijk')"))
        result.data = None
    return result


def _parse_block(text: str, first_line: int) -> Parsed:
    part = FrontMatter()
    try:
        data, error = Builder(part, first_line).build(text), None
    except yaml.YAMLError as exc:
        data, error = None, exc
    return Parsed(data, part.key_marks, part.value_marks, part.problems, error)


def _recover(result: FrontMatter, exc: yaml.YAMLError, text: str, first: int) -> None:
    """Report every YAML mistake at its own line and keep the keys that still read
    (kennishub.yaml_recover); without a diagnosis, libyaml's own error, and no data."""
    found = recover(text, first, _parse_block)
    result.problems.clear()
    result.key_marks.clear()
    result.value_marks.clear()
    if not found.problems:  # every block reads on its own: the mistake lies between them
        result.data = None
        add_error(result.problems, exc, text, first)
        return
    result.data = found.data
    result.key_marks.update(found.key_marks)
    result.value_marks.update(found.value_marks)
    result.broken = found.broken
    result.problems += sorted(found.problems, key=lambda p: (p.line, p.column or 0))


@lru_cache(maxsize=None)
def _missing(key: str) -> tuple:
    """Patterns of the schema's messages that call `key` missing (content model `messages`)."""
    patterns = []
    for name, field_name in (("required", "key"), ("dependentRequired", "other")):
        rx = re.escape(model()["messages"][name]).replace(re.escape("{" + field_name + "}"), re.escape(key))
        patterns.append(re.compile("^" + re.sub(r"\\\{\w+\\\}", ".*", rx)))
    return tuple(patterns)


def parse_yaml(text: str, first_line: int = 1) -> FrontMatter:
    """Read a whole YAML file (such as `.authors.yml`) with positions. When it does not
    read, every mistake is reported at its line (as in a front matter), but nothing of
    it is used: a registry is one block, half of it would mislead."""
    result = FrontMatter(start_line=first_line)
    try:
        result.data = Builder(result, first_line).build(text)
    except yaml.YAMLError as exc:
        _recover(result, exc, text, first_line)
        result.data, result.broken = None, {}
        result.key_marks.clear()
        result.value_marks.clear()
    return result
