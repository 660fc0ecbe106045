"""Dutch messages for the errors libyaml raises on a front matter or a YAML file:
the line and column of the mistake and how to fix it (usually: quote the value)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

_QUOTED_VALUE = re.compile(r"^\s*(?:-\s+)?(?:[^\s'\"#-][^:]*:\s+)?(['\"\[{])")  # a value starting with a quote or bracket


@dataclass
class YamlProblem:
    line: int
    column: int | None
    code: str
    message: str


def add_error(problems: list[YamlProblem], exc: yaml.YAMLError, text: str, first: int) -> None:
    """Add the Dutch message for a YAML error, unless its line already has a problem
    (`title: *Samen in de wijk*` is one mistake, not an alias and a syntax error)."""
    if isinstance(exc, yaml.MarkedYAMLError):
        problem = _yaml_error(exc, text, first)
    else:  # a control character (ReaderError): libyaml gives its position, not a mark
        pos = getattr(exc, "position", 0) or 0
        char = getattr(exc, "character", 0)
        code = char if isinstance(char, int) else ord(char or "\0")
        problem = YamlProblem(text.count("\n", 0, pos) + first, pos - (text.rfind("\n", 0, pos) + 1) + 1,
                              "yaml-control-character",
                              f"onzichtbaar stuurteken (U+{code:04X}) — haal het weg; plak gekopieerde tekst zo nodig "
                              "opnieuw als platte tekst")
    if not any(p.line == problem.line for p in problems):
        problems.append(problem)


def _yaml_error(exc: yaml.MarkedYAMLError, text: str, first: int) -> YamlProblem:
    """Turn a libyaml error into a Dutch message with the line and a hint."""
    mark = exc.problem_mark or exc.context_mark
    line = (mark.line if mark else 0) + first
    column = (mark.column + 1) if mark else None
    problem = (exc.problem or "").lower()
    context = (exc.context or "").lower()
    lines = text.split("\n")
    if "quoted scalar" in context and exc.context_mark is not None:
        line = exc.context_mark.line + first
        column = exc.context_mark.column + 1
        src = lines[exc.context_mark.line] if exc.context_mark.line < len(lines) else ""
        return YamlProblem(line, column, "yaml-quote",
            f"een waarde begint met een aanhalingsteken of apostrof dat niet wordt afgesloten ({src.strip()!s}) — "
            "zet de hele waarde tussen dubbele aanhalingstekens, bijvoorbeeld: \"'s-Hertogenbosch\"")
    if "mapping values are not allowed" in problem:
        src = lines[mark.line] if mark and mark.line < len(lines) else ""
        key, _, rest = src.partition(":")
        example = f'{key.strip()}: "{rest.strip()}"' if rest.strip() else 'title: "Vraag: wat nu?"'
        return YamlProblem(line, column, "yaml-colon",
            f"een dubbele punt in een waarde maakt de YAML ongeldig — zet de waarde tussen aanhalingstekens: {example}")
    at = lines[mark.line][mark.column:mark.column + 1] if mark and mark.line < len(lines) else ""
    if at == "\t" or "tab" in problem:
        return YamlProblem(line, column, "yaml-tab", "een tab in de front matter — gebruik spaties om in te springen")
    if ("found character" in problem and "cannot start any token" in problem) or "scanning an alias" in context \
            or "scanning an anchor" in context or "block sequence entries are not allowed" in problem:
        if "scanning an a" in context and exc.context_mark is not None:  # point at the '*' or '&'
            line, column = exc.context_mark.line + first, exc.context_mark.column + 1
        return YamlProblem(line, column, "yaml-character",
            "een waarde begint met een teken dat YAML niet toestaat (zoals @, `, *, & of '- ') — zet de waarde "
            "tussen aanhalingstekens")
    if "flow sequence" in context or "flow mapping" in context:
        start = exc.context_mark or mark
        bracket, close = ("[", "]") if "sequence" in context else ("{", "}")
        return YamlProblem(start.line + first, start.column + 1, "yaml-bracket",
            f"een waarde begint met '{bracket}' maar de '{close}' ontbreekt of staat verkeerd — sluit af met "
            f"'{close}', of zet tekst die met '{bracket}' begint tussen aanhalingstekens")
    src = lines[mark.line] if mark and mark.line < len(lines) else ""
    quoted = _QUOTED_VALUE.match(src)
    if quoted and quoted.group(1) in "[{" and mark.column > quoted.start(1) and "expected" in problem:
        key = src[:quoted.start(1)].rstrip().rstrip(":").strip()
        example = f'{key}: "{src[quoted.start(1):].strip()}"' if key and not key.startswith("-") else ""
        return YamlProblem(line, quoted.start(1) + 1, "yaml-bracket-extra",
            f"na de '{']' if quoted.group(1) == '[' else '}'}' staat nog tekst — een waarde die met "
            f"'{quoted.group(1)}' begint is een lijst of groep; bedoel je tekst, zet die dan tussen aanhalingstekens"
            + (f": {example}" if example else ""))
    if quoted and mark.column > quoted.start(1) and "expected" in problem:
        return YamlProblem(line, quoted.start(1) + 1, "yaml-quote-extra",
            "na het afsluitende aanhalingsteken staat nog tekst — zet de hele waarde tussen aanhalingstekens en "
            "gebruik daarbinnen enkele: summary: \"Ze zei 'ja' tegen het plan\"")
    if "document start" in problem and any(ln.rstrip() == "..." for ln in lines):
        return YamlProblem(line, column, "yaml-multiple-documents",
            "na de regel '...' begint een tweede YAML-document — haal de regel '...' weg")
    if "expected <block end>" in problem or "indent" in problem or "block" in context or "document start" in problem:
        return YamlProblem(line, column, "yaml-indent",
            "de inspringing klopt niet — lijstitems beginnen met '  - ' en velden van een groep springen even ver in")
    return YamlProblem(line, column, "yaml-syntax",
        "de front matter is geen geldige YAML — controleer de inspringing en zet waarden met : # ' of \" tussen "
        "aanhalingstekens")
