"""Plain values from libyaml's events, with the position of every key and list item.

Scalars resolve exactly as PyYAML's safe loader resolves them (YAML 1.1); duplicate
keys, tags, anchors, aliases, merges and nesting deeper than `MAX_DEPTH` are reported
instead of silently accepted. Used by kennishub.frontmatter, which holds the result.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import ScalarNode

from kennishub.yaml_errors import YamlProblem

try:  # the C parser is much faster; the pure-Python one behaves the same
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

MAX_DEPTH = 20  # nesting levels; the content model needs 3, deeper input would exhaust the stack
_RESOLVERS = _Loader.yaml_implicit_resolvers
_TAG = "tag:yaml.org,2002:"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_constructor = SafeConstructor()
Path = tuple  # a path into the front matter: ("themes", 2) or ("source", "url")


_Scalar, _Alias = yaml.ScalarEvent, yaml.AliasEvent
_MapStart, _MapEnd = yaml.MappingStartEvent, yaml.MappingEndEvent
_SeqStart, _SeqEnd = yaml.SequenceStartEvent, yaml.SequenceEndEvent


class Builder:
    """Builds plain values from libyaml events, recording positions and problems."""

    def __init__(self, result, first_line: int):  # result: a frontmatter.FrontMatter
        self.r = result
        result.offset = first_line
        self.key_marks = result.key_marks
        self.value_marks = result.value_marks

    def build(self, text: str) -> Any:
        loader = _Loader(text)
        try:
            return self._build(loader.get_event)
        finally:
            loader.dispose()

    def _build(self, get) -> Any:
        self.get = get
        get()  # StreamStart
        event = get()
        if isinstance(event, yaml.StreamEndEvent):
            return None
        value = self.node(get(), ())
        get()  # DocumentEnd
        event = get()
        if not isinstance(event, yaml.StreamEndEvent):
            self.problem(event, "yaml-multiple-documents",
                         "de front matter bevat meer dan één YAML-document — haal de extra '---' of '...' weg")
        return value

    def pos(self, event):
        return self.r._at(event.start_mark)

    def problem(self, event, code: str, message: str) -> None:
        p = self.pos(event)
        self.r.problems.append(YamlProblem(p.line, p.column, code, message))

    def check_node(self, event) -> None:
        if getattr(event, "anchor", None):
            self.problem(event, "yaml-anchor",
                         f"YAML-anker '&{event.anchor}' is niet toegestaan — schrijf de waarde gewoon uit; begint de "
                         "tekst met &, zet hem dan tussen aanhalingstekens")
        tag = getattr(event, "tag", None)
        if tag:
            shown = tag.replace(_TAG, "!!")
            self.problem(event, "yaml-tag",
                         f"YAML-tag '{shown}' is niet toegestaan — haal de tag weg (zet de waarde zo nodig tussen aanhalingstekens)")

    def node(self, event, path: Path) -> Any:
        cls = event.__class__
        if cls is not _Alias:
            if path not in self.value_marks:
                self.value_marks[path] = event.start_mark
            if event.anchor is not None or event.tag is not None:
                self.check_node(event)
        if cls is _Scalar:
            return self.scalar(event)
        if len(path) >= MAX_DEPTH and cls in (_MapStart, _SeqStart):
            return self.skip(event)
        if cls is _MapStart:
            return self.mapping(path)
        if cls is _SeqStart:
            items = []
            get = self.get
            key_marks = self.key_marks
            while True:
                ev = get()
                if ev.__class__ is _SeqEnd:
                    return items
                item_path = path + (len(items),)
                key_marks[item_path] = ev.start_mark
                items.append(self.node(ev, item_path))
        if isinstance(event, yaml.AliasEvent):
            self.problem(event, "yaml-alias",
                         f"YAML-verwijzing '*{event.anchor}' is niet toegestaan — schrijf de waarde gewoon uit; begint "
                         "de tekst met * (zoals Markdown-opmaak), zet hem dan zonder opmaak tussen aanhalingstekens")
            return None
        raise ValueError(f"unexpected YAML event {event!r}")  # pragma: no cover

    def skip(self, event) -> None:
        """Report a collection nested too deeply and skip its events."""
        self.problem(event, "yaml-too-deep",
                     f"de front matter is dieper genest dan {MAX_DEPTH} niveaus — haal de extra haken of inspringingen weg")
        depth = 1
        while depth:
            cls = self.get().__class__
            if cls is _MapStart or cls is _SeqStart:
                depth += 1
            elif cls is _MapEnd or cls is _SeqEnd:
                depth -= 1
        return None

    def mapping(self, path: Path) -> dict:
        data: dict = {}
        get = self.get
        key_marks = self.key_marks
        while True:
            ev = get()
            if ev.__class__ is _MapEnd:
                return data
            key_mark = ev.start_mark
            if ev.__class__ is _Scalar:
                if ev.anchor is not None or ev.tag is not None:
                    self.check_node(ev)
                key = ev.value
            else:
                self.problem(ev, "yaml-complex-key", "een veldnaam moet gewone tekst zijn, zoals 'title'")
                self.node(ev, path + ("?",))
                key = None
            value_event = get()
            if key is None:
                self.node(value_event, path + ("?",))
                continue
            if key == "<<":
                self.problem(ev, "yaml-merge", "samenvoegen met '<<' is niet toegestaan — schrijf de velden uit")
            if key in data:
                first = self.r._at(key_marks[path + (key,)])
                self.problem(ev, "yaml-duplicate-key",
                             f"veld '{key}' staat twee keer (ook op regel {first.line}) — houd er één")
                self.node(value_event, path + ("#dup", key))
                continue
            key_marks[path + (key,)] = key_mark
            data[key] = self.node(value_event, path + (key,))

    def scalar(self, ev) -> Any:
        value = ev.value
        if not ev.implicit[0] or ev.tag:
            return value  # quoted, or explicitly tagged (already reported): a string
        tag = _TAG + "str"
        for candidate, regexp in _RESOLVERS.get(value[:1], ()):
            if regexp.match(value):
                tag = candidate
                break
        kind = tag[len(_TAG):]
        if kind == "str":
            return value
        if kind == "null":
            return None
        if kind == "timestamp":
            if _DATE.match(value):
                try:
                    return dt.date.fromisoformat(value)
                except ValueError:  # 2024-13-45: kept as text; the schema's date check reports it
                    return value
        node = ScalarNode(tag, value, ev.start_mark, ev.end_mark)
        try:
            return _constructor.construct_object(node)
        except (ConstructorError, ValueError, OverflowError):
            self.problem(ev, "invalid-value", f"'{value}' is geen geldige waarde — zet de tekst tussen aanhalingstekens")
            return value
