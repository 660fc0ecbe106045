"""Reading what can still be read of a front matter that libyaml rejects.

The front matter is cut, by its lines alone, into blocks: each top-level key with its
indented continuation lines (and list items, comments and stray lines that follow it).
Each block is read as its own YAML document. A block that reads is kept, with exact
positions; a block that does not is diagnosed line by line (`yaml_lines`), else by
libyaml's own error inside that block, and its key is remembered as present but
unreadable, so that the schema does not call it missing. Each line is read a fixed
number of times: linear in the front matter's length.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, NamedTuple

import yaml

from kennishub.yaml_errors import YamlProblem, add_error
from kennishub.yaml_lines import diagnose, is_content, take_apart


class Mark(NamedTuple):
    """A libyaml mark moved to the line numbering of the whole front matter."""

    line: int
    column: int


@dataclass
class Parsed:
    """One block read on its own (marks count lines from the block's first line)."""

    data: Any
    key_marks: dict
    value_marks: dict
    problems: list
    error: yaml.YAMLError | None


@dataclass
class Recovered:
    data: dict = field(default_factory=dict)
    key_marks: dict = field(default_factory=dict)
    value_marks: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)
    broken: dict = field(default_factory=dict)  # top-level key -> file line, present but unreadable


def blocks(lines: list[str]) -> tuple[list[tuple[int, int]], int]:
    """(start, end) line ranges of the top-level blocks, and the top-level indentation."""
    base = next((len(t) - len(t.lstrip(" ")) for t in lines if is_content(t) and not t.startswith("\t")), 0)
    starts = []
    for i, text in enumerate(lines):
        if not is_content(text) or text.startswith("\t"):
            continue
        indent = len(text) - len(text.lstrip(" "))
        rest = text[indent:]
        if indent > base or (starts and (rest == "-" or rest.startswith("- ") or ":" not in rest)):
            continue  # continuation, list item or stray line: part of the block above
        starts.append(i)
    if not starts:
        return [], base
    ranges = [(s, e) for s, e in zip(starts, starts[1:] + [len(lines)])]
    return ranges, base


def _shift(marks: dict, by: int) -> dict:
    return {path: Mark(m.line + by, m.column) for path, m in marks.items()}


def recover(text: str, first: int, parse: Callable[[str, int], Parsed]) -> Recovered:
    """Read `text` (a front matter whose first line is file line `first`) block by block."""
    lines = text.split("\n")
    ranges, base = blocks(lines)
    out = Recovered()
    seen: dict[str, int] = {}  # key -> file line of its first occurrence
    for start, end in ranges:
        head = lines[start]
        if head.strip() == "...":
            out.problems.append(YamlProblem(first + start, 1, "yaml-multiple-documents",
                "na de regel '...' begint een tweede YAML-document — haal de regel '...' weg"))
            continue
        block = "\n".join(lines[start:end]) + "\n"
        parsed = parse(block, first + start)
        if parsed.error is not None and "\t" in block:
            parsed = _untabbed(block, first + start, parse, lines, start, end, first, base, out) or parsed
        if parsed.error is None and isinstance(parsed.data, dict):
            out.problems += parsed.problems
            key_marks = _shift(parsed.key_marks, start)
            for key, value in parsed.data.items():
                line = key_marks[(key,)].line + first
                if key in seen:
                    out.problems.append(YamlProblem(line, key_marks[(key,)].column + 1, "yaml-duplicate-key",
                        f"veld '{key}' staat twee keer (ook op regel {seen[key]}) — houd er één"))
                    continue
                seen[key] = line
                out.data[key] = value
            for path, mark in key_marks.items():
                if path and path[0] in out.data and path[0] in parsed.data:
                    out.key_marks.setdefault(path, mark)
            for path, mark in _shift(parsed.value_marks, start).items():
                if path and path[0] in out.data:
                    out.value_marks.setdefault(path, mark)
            continue
        _broken(out, lines, start, end, first, base, parsed, seen, block)
    return out


def _untabbed(block: str, first_line: int, parse, lines, start, end, first, base, out) -> Parsed | None:
    """A block whose only mistake is tabs in its indentation: report them and read it with
    spaces in their place (one space per tab, so every column stays where it is)."""
    found = diagnose(lines, start, end, first, base)
    if not found or any(p.code != "yaml-tab" for p in found):
        return None
    fixed = "\n".join(_spaces(t) for t in block.split("\n"))
    parsed = parse(fixed, first_line)
    if parsed.error is not None or not isinstance(parsed.data, dict):
        return None
    out.problems += found
    return parsed


def _spaces(text: str) -> str:
    lead = len(text) - len(text.lstrip(" \t"))
    return text[:lead].replace("\t", " ") + text[lead:]


def _broken(out: Recovered, lines: list[str], start: int, end: int, first: int, base: int,
            parsed: Parsed, seen: dict, block: str) -> None:
    """Report a block that does not read as `key: value`, and remember its key."""
    found = list(parsed.problems)
    if parsed.error is not None and not isinstance(parsed.error, yaml.MarkedYAMLError):
        add_error(found, parsed.error, block, first + start)  # a control character: that first
    known, taken = len(found), {p.line for p in found}
    found += [p for p in diagnose(lines, start, end, first, base) if p.line not in taken]
    if parsed.error is not None and len(found) == known:
        add_error(found, parsed.error, block, first + start)
    if not found:
        found.append(YamlProblem(first + start, base + 1, "yaml-no-key",
            "deze regel is geen 'veld: waarde' — begin de regel met de veldnaam en ': ', bijvoorbeeld "
            "'title: Samen in de wijk'"))
    key = take_apart(lines[start]).key
    if key is None:
        head = lines[start].strip()
        key = head.split(":", 1)[0].strip() if ":" in head else None
    if key and key in seen:  # a key typed twice: removing this line is all it takes
        found = [p for p in found if p.line != first + start]
        found.append(YamlProblem(first + start, base + 1, "yaml-duplicate-key",
            f"veld '{key}' staat twee keer (ook op regel {seen[key]}) — houd er één"))
    elif key:
        seen[key] = first + start
        out.broken[key] = first + start
    out.problems += found
