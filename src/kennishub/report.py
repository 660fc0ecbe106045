"""Output of a check `Result`: text (Dutch), GitHub annotations, JSON.

File names and messages can hold anything a contributor typed, so text and annotation
output never prints a control character raw: `escape` shows line breaks, the other C0
and C1 controls and the bidirectional overrides visibly (`\\n`, `\\u202e`). In GitHub
Actions a line that starts with `::` (after white space) is a workflow command; no
text line can (a path starting with `::` or `##[` is printed as `./::…`), and the only
commands written are the annotations of `github_line`.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

import yaml

from kennishub.problems import SEVERITY_NL, Problem, Result

FORMATS = ("text", "github", "json")
GLOSSARY_NOTE = " (zie 'Woordenlijst' op de pagina Bijdragen)"


@lru_cache(maxsize=1)
def registry() -> dict:
    """`data/meldingen.yaml`: {'codes': {code: {'title', 'severity'}}, 'glossary': [word, ...]}."""
    text = resources.files("kennishub").joinpath("data/meldingen.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return {"codes": {e["code"]: e for e in data["codes"]}, "glossary": list(data["glossary"])}


def title_nl(code: str, severity: str = "error") -> str:
    """The short Dutch title of a problem code ('invalid-date' -> 'ongeldige datum')."""
    entry = registry()["codes"].get(code)
    return entry["title"] if entry else SEVERITY_NL.get(severity, "melding")


@lru_cache(maxsize=1)
def _glossary_pattern() -> re.Pattern:
    words = sorted(registry()["glossary"], key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w])", re.IGNORECASE)


def with_glossary(message: str) -> str:
    """`message`, plus a pointer to the glossary when it uses one of its technical words."""
    return message + GLOSSARY_NOTE if _glossary_pattern().search(message) else message


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


# C0 and C1 controls, DEL, and the characters that reorder or break text on display:
# bidi marks, embeddings, overrides and isolates, line and paragraph separators.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_LINE_BREAKS = "\r\n"
# What the Actions runner takes as a command at the start of a line (after white space).
_COMMAND_START = re.compile(r"\s*(?:::|##\[)")


def escape(value: str, keep: str = "") -> str:
    """`value` on one line, every control character (but those in `keep`) shown as an
    escape: '\\n', '\\u202e'."""
    def shown(m: re.Match) -> str:
        char = m.group()
        return char if char in keep else _NAMED.get(char, f"\\u{ord(char):04x}")

    return _CONTROL.sub(shown, value)


def _safe_path(path: str) -> str:
    shown = escape(path)
    return "./" + shown if _COMMAND_START.match(shown) else shown


def text_line(p: Problem) -> str:
    where = f"{_safe_path(p.path)}:{p.line}" + (f":{p.column}" if p.column else "")
    return f"{where}: {SEVERITY_NL[p.severity]}: {escape(p.message)}"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github_line(p: Problem, strict: bool = False) -> str:
    level = "error" if p.severity == "error" or strict else "warning"
    # line breaks in the file name are %-encoded (the runner decodes them, so the annotation
    # finds the file); every other control character is shown escaped
    props = f"file={_escape_property(escape(p.path, keep=_LINE_BREAKS))},line={p.line}"
    if p.column:
        props += f",col={p.column}"
    props += f",title={_escape_property('kennishub: ' + title_nl(p.code, p.severity))}"
    return f"::{level} {props}::{_escape_data(escape(with_glossary(p.message)))}"


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
