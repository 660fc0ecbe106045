"""Output of a check `Result`: text (Dutch), GitHub annotations, JSON."""

from __future__ import annotations

import json

from kennishub.problems import SEVERITY_NL, Problem, Result

FORMATS = ("text", "github", "json")


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def summary(result: Result) -> str:
    """'3 fouten en 1 waarschuwing in 2 van 57 bestanden' or 'geen problemen in 57 bestanden'."""
    errors, warnings = len(result.errors), len(result.warnings)
    files = len({p.path for p in result.problems})
    total = _plural(result.files_checked, "bestand", "bestanden")
    if not errors and not warnings:
        return f"geen problemen in {total}"
    parts = []
    if errors:
        parts.append(_plural(errors, "fout", "fouten"))
    if warnings:
        parts.append(_plural(warnings, "waarschuwing", "waarschuwingen"))
    return f"{' en '.join(parts)} in {files} van {total}"


def text_line(p: Problem) -> str:
    where = f"{p.path}:{p.line}" + (f":{p.column}" if p.column else "")
    return f"{where}: {SEVERITY_NL[p.severity]}: {p.message}"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github_line(p: Problem, strict: bool = False) -> str:
    level = "error" if p.severity == "error" or strict else "warning"
    props = f"file={_escape_property(p.path)},line={p.line}"
    if p.column:
        props += f",col={p.column}"
    props += f",title={_escape_property('kennishub ' + p.code)}"
    return f"::{level} {props}::{_escape_data(p.message)}"


def render(result: Result, fmt: str = "text", strict: bool = False) -> str:
    problems = result.sorted()
    if fmt == "json":
        return json.dumps({"problems": [p.as_dict() for p in problems],
                           "summary": summary(result), "files_checked": result.files_checked},
                          ensure_ascii=False, indent=2)
    if fmt == "github":
        lines = [github_line(p, strict) for p in problems]
        return "\n".join(lines + [summary(result)])
    return "\n".join([text_line(p) for p in problems] + [summary(result)])
