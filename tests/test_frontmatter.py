"""Front matter: splitting a file, safe YAML with positions, Dutch YAML errors.

Tables of small inputs with their expected outcome; plus an oracle test that the
event-based builder gives the same values as PyYAML's own safe loader.
"""

from __future__ import annotations

import datetime as dt
import math

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kennishub.frontmatter import MAX_DEPTH, MAX_FRONT_MATTER, UNCLOSED, parse_yaml, read, split

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# ---- split -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("---\ntitle: a\n---\nbody\n", ("title: a\n", 2, "body\n", 4)),
    ("---\n---\n", ("", 2, "", 3)),
    ("---   \ntitle: a\n---\t\nbody", ("title: a\n", 2, "body", 4)),
    ("---\na: 1\nb: 2\n---", ("a: 1\nb: 2\n", 2, "", 5)),
    ("---\na: 1\n----\n---\nx", ("a: 1\n----\n", 2, "x", 5)),  # '----' is not a fence
    ("title: a\n---\n", (None, 1, "title: a\n---\n", 1)),
    (" ---\na: 1\n---\n", (None, 1, " ---\na: 1\n---\n", 1)),
    ("", (None, 1, "", 1)),
    ("---\ntitle: a\n", (UNCLOSED, 2, "", 4)),
    ("---", (UNCLOSED, 2, "", 2)),
])
def test_split(text: str, expected: tuple) -> None:
    assert split(text) == expected


# ---- positions ---------------------------------------------------------------------------

DOC = """---
title: Samen aan tafel
themes:
  - armoede
  - samen-leren
source:
  title: Nieuwsbrief
  url: https://www.voorbeeld.nl
interviewees:
  - name: Emma
    role: ambassadeur
places: [Oost, West]
---
Tekst.
"""


def test_values_and_body() -> None:
    fm = read(DOC)
    assert fm.problems == []
    assert fm.data == {
        "title": "Samen aan tafel", "themes": ["armoede", "samen-leren"],
        "source": {"title": "Nieuwsbrief", "url": "https://www.voorbeeld.nl"},
        "interviewees": [{"name": "Emma", "role": "ambassadeur"}], "places": ["Oost", "West"],
    }
    assert fm.body == "Tekst.\n"
    assert fm.body_line == 14


@pytest.mark.parametrize("path, key, value", [
    (("title",), (2, 1), (2, 8)),
    (("themes",), (3, 1), (4, 3)),
    (("themes", 0), (4, 5), (4, 5)),
    (("themes", 1), (5, 5), (5, 5)),
    (("source", "url"), (8, 3), (8, 8)),
    (("interviewees", 0), (10, 5), (10, 5)),
    (("interviewees", 0, "role"), (11, 5), (11, 11)),
    (("places", 1), (12, 16), (12, 16)),
    (("source", "publisher"), (6, 1), (6, 1)),  # absent: the nearest parent
    (("nergens",), (1, 1), (1, 1)),  # absent at the top: the front matter's first line
    ((), (1, 1), (2, 1)),  # the value of the whole front matter starts on line 2
])
def test_positions(path: tuple, key: tuple, value: tuple) -> None:
    fm = read(DOC)
    assert tuple(fm.pos(path)) == key
    assert tuple(fm.vpos(path)) == value


def test_parse_yaml_counts_lines_from_first_line() -> None:
    fm = parse_yaml("authors:\n  redactie:\n    name: Redactie\n", first_line=10)
    assert fm.problems == []
    assert tuple(fm.pos(("authors", "redactie", "name"))) == (12, 5)
    broken = parse_yaml("authors:\n  a: b: c\n", first_line=10)
    assert [(p.line, p.code) for p in broken.problems] == [(11, "yaml-colon")]


# ---- scalars resolve like PyYAML's safe loader (YAML 1.1) ------------------------------

@pytest.mark.parametrize("source, value", [
    ("yes", True), ("No", False), ("on", True), ("off", False), ("true", True),
    ("ja", "ja"), ("nee", "nee"),
    ("~", None), ("null", None), ("", None),
    ("12", 12), ("010", 8), ("0x1F", 31), ("1_000", 1000), ("-3", -3),
    ("1.5", 1.5), ("1e3", "1e3"), ("1.0e3", "1.0e3"), ("1.0e+3", 1000.0), (".inf", math.inf),
    ("2024-02-29", dt.date(2024, 2, 29)),
    ("2024-02-30", "2024-02-30"),  # impossible: kept as text, the schema reports it
    ("2024-13-45", "2024-13-45"),
    ("2025-05-20 10:30:00", dt.datetime(2025, 5, 20, 10, 30)),
    ("'2024-02-29'", "2024-02-29"), ('"yes"', "yes"), ("'010'", "010"),
    ("12:30", 750),  # sexagesimal, as YAML 1.1 says
    ("Samen # commentaar", "Samen"),
    ("'s-Gravenhage'", "s-Gravenhage"), ("\"'s-Hertogenbosch\"", "'s-Hertogenbosch"),
])
def test_scalar(source: str, value) -> None:
    fm = read(f"---\nx: {source}\n---\n")
    assert fm.problems == []
    assert fm.data == {"x": value}
    assert type(fm.data["x"]) is type(value)


_scalars = (st.none() | st.booleans() | st.integers(-10**12, 10**12)
            | st.floats(allow_nan=False, width=64) | st.dates()
            | st.text(st.characters(blacklist_categories=("Cs",)), max_size=30))
_keys = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12).filter(lambda k: k != "<<")
_values = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_keys, inner, max_size=4),
                       max_leaves=12)


def _string_keys(value) -> bool:
    if isinstance(value, dict):
        return all(isinstance(k, str) and _string_keys(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_string_keys(v) for v in value)
    return True


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(_keys, _values, min_size=1, max_size=6), st.booleans())
def test_same_values_as_pyyaml(data: dict, flow: bool) -> None:
    dumped = yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow, sort_keys=False)
    assume(not any(line.rstrip() in ("---", "...") for line in dumped.split("\n")))
    expected = yaml.load(dumped, Loader=SAFE_LOADER)
    assume(_string_keys(expected))  # keys such as 'yes' or '1' load as bool/int in PyYAML
    fm = read("---\n" + dumped + "---\nTekst\n")
    assert fm.problems == []
    assert fm.data == expected
    assert fm.body == "Tekst\n"


# ---- what is rejected ----------------------------------------------------------------------

@pytest.mark.parametrize("front, line, column, code", [
    ("title: a\ntitle: b\n", 3, 1, "yaml-duplicate-key"),
    ("source:\n  url: a\n  url: b\n", 4, 3, "yaml-duplicate-key"),
    ("title: !!str a\n", 2, 8, "yaml-tag"),
    ("title: !!python/object:os.system a\n", 2, 8, "yaml-tag"),
    ("title: !eigen a\n", 2, 8, "yaml-tag"),
    ("themes: !!set {a}\n", 2, 9, "yaml-tag"),
    ("title: &t a\n", 2, 8, "yaml-anchor"),
    ("a: b\nc: *x\n", 3, 4, "yaml-alias"),
    ("<<: {title: a}\n", 2, 1, "yaml-merge"),
    ("? [a]\n: b\n", 2, 3, "yaml-complex-key"),
    ("title: a\n...\nmeer: b\n", 4, 1, "yaml-multiple-documents"),
    ("title: [" * 1 + "[" * (MAX_DEPTH + 2) + "]" * (MAX_DEPTH + 3) + "\n", 2, 7 + MAX_DEPTH, "yaml-too-deep"),
])
def test_rejected_constructs(front: str, line: int, column: int, code: str) -> None:
    fm = read("---\n" + front + "---\n")
    assert (line, column, code) in [(p.line, p.column, p.code) for p in fm.problems], fm.problems


@pytest.mark.parametrize("front, line, column, code, fragment", [
    ("title: Vraag: wat nu?\n", 2, 13, "yaml-colon", "title: \"Vraag: wat nu?\""),
    ("municipalities:\n  - 's-Hertogenbosch\n", 3, 5, "yaml-quote", "tussen dubbele aanhalingstekens"),
    ('summary: "Ze zei "ja" tegen\n', 2, 10, "yaml-quote-extra", "enkele"),
    ("source:\n\turl: a\n", 3, 1, "yaml-tab", "spaties"),
    ("title: @thuis\n", 2, 8, "yaml-character", "aanhalingstekens"),
    ("title: `code`\n", 2, 8, "yaml-character", "aanhalingstekens"),
    ("title: *Samen* in de wijk\n", 2, 8, "yaml-character", "aanhalingstekens"),
    ("title: - Samen\n", 2, 8, "yaml-character", "aanhalingstekens"),
    ("themes: [a, b\n", 2, 9, "yaml-bracket", "']'"),
    ("source: {title: a\n", 2, 9, "yaml-bracket", "'}'"),
    ("title: [Samen] in de wijk\n", 2, 8, "yaml-bracket-extra", 'title: "[Samen] in de wijk"'),
    ("themes:\n  - a\n - b\n", 4, 2, "yaml-indent", "inspringing"),
    ("a: b\n\x07\n", 3, 1, "yaml-control-character", "U+0007"),
])
def test_yaml_errors_in_dutch(front: str, line: int, column: int, code: str, fragment: str) -> None:
    fm = read("---\n" + front + "---\n")
    # the broken key is left out; a tab in the indentation is read as a space
    assert fm.data == ({"source": {"url": "a"}} if code == "yaml-tab" else {})
    assert [(p.line, p.column, p.code) for p in fm.problems] == [(line, column, code)]
    message = fm.problems[0].message
    assert fragment in message
    assert "\n" not in message
    # libyaml's English words do not leak into the message
    for english in ("expected", "found", "while", "scanning", "mapping", "<"):
        assert english not in message


@pytest.mark.parametrize("text, code, data", [
    ("no fences\n", "no-front-matter", None),
    ("---\ntitle: a\n", "front-matter-unclosed", None),
    ("---\n---\n", "front-matter-empty", None),
    ("---\n# alleen commentaar\n---\n", "front-matter-empty", None),
    ("---\n- a\n- b\n---\n", "front-matter-not-mapping", None),
    ("---\njust text\n---\n", "front-matter-not-mapping", None),
])
def test_unusable_front_matter(text: str, code: str, data) -> None:
    fm = read(text)
    assert [p.code for p in fm.problems] == [code]
    assert fm.data is data


def test_missing_front_matter_names_the_fields_it_needs() -> None:
    assert "(title, type, date, summary, themes)" in read("x\n").problems[0].message
    assert "(title, description)" in read("x\n", "title, description").problems[0].message
    assert read("---\n---\n", "title, description").problems[0].message.endswith("title, description")


def test_front_matter_size_limit() -> None:
    def front(size: int) -> str:
        body = "title: a\n#"
        return "---\n" + body + "x" * (size - len(body) - 1) + "\n---\n"

    at_limit = read(front(MAX_FRONT_MATTER))
    assert at_limit.problems == [] and at_limit.data == {"title": "a"}
    over = read(front(MAX_FRONT_MATTER + 1))
    assert [p.code for p in over.problems] == ["front-matter-too-large"]
    # the limit counts bytes, not characters
    wide = read("---\ntitle: a\n#" + "é" * (MAX_FRONT_MATTER // 2) + "\n---\n")
    assert [p.code for p in wide.problems] == ["front-matter-too-large"]


def test_one_message_per_line_for_one_mistake() -> None:
    """`*Samen in de wijk*` is read as an alias followed by stray text: one message."""
    fm = read("---\ntitle: *Samen in de wijk*\n---\n")
    assert [(p.line, p.code) for p in fm.problems] == [(2, "yaml-alias")]
    assert "Markdown" in fm.problems[0].message


def test_duplicate_key_keeps_first_value_and_names_its_line() -> None:
    fm = read("---\ntitle: eerste\ntype: verhaal\ntitle: tweede\n---\n")
    assert fm.data == {"title": "eerste", "type": "verhaal"}
    assert "ook op regel 2" in fm.problems[0].message


# ---- a front matter that does not read: every mistake at its line, the rest still read ----

@pytest.mark.parametrize("front, line, column, code, fragment", [
    ("title:Ons eerste verhaal\ntype: verhaal\n", 2, 7, "yaml-colon-space", "schrijf: title: Ons eerste verhaal"),
    ("source:\n  title: a\n  url:https://x.nl\ntype: verhaal\n", 4, 7, "yaml-colon-space", "url: https://x.nl"),
    ("summary: Wat: dit\ntype: verhaal\n", 2, 13, "yaml-colon", 'summary: "Wat: dit"'),
    ('title: Vraag: "wat"\ntype: verhaal\n', 2, 13, "yaml-colon", "title: 'Vraag: \"wat\"'"),
    ('title: "Samen\ntype: verhaal\n', 2, 8, "yaml-quote", 'title: "Samen"'),
    ("places:\n  - 's-Hertogenbosch\ntype: verhaal\n", 3, 5, "yaml-quote", "- \"'s-Hertogenbosch\""),
    ("themes:\n  - a\n  b\ntype: verhaal\n", 4, 3, "yaml-list-dash", "- b"),
    ("themes:\n- a\nb\ntype: verhaal\n", 4, 1, "yaml-list-dash", "- b"),
    ("summary: een\ntwee\ntype: verhaal\n", 3, 1, "yaml-no-key", "bij 'summary' erboven"),
    ("type: verhaal\nsource:\n\ttitle: a\n", 4, 1, "yaml-tab", "spaties"),
])
def test_mistake_at_its_line_and_the_rest_read(front: str, line: int, column: int, code: str, fragment: str) -> None:
    fm = read("---\n" + front + "---\nTekst.\n")
    assert [(p.line, p.column, p.code) for p in fm.problems] == [(line, column, code)], fm.problems
    assert fragment in fm.problems[0].message
    assert fm.data["type"] == "verhaal"
    assert fm.body == "Tekst.\n"


def test_five_mistakes_five_messages_and_exact_positions_for_the_rest() -> None:
    front = ("title:Ons eerste verhaal\n"        # 2: no space after the colon
             "type: verhaal\n"
             "summary: Wat we leerden: veel\n"   # 4: unquoted colon
             "themes:\n  - armoede\n  onderwijs\n"  # 7: item without '- '
             "places: [Oost, West]\n"
             "municipalities:\n  - 's-Hertogenbosch\n"  # 10: unclosed quote
             "type: interview\n")                # 11: key typed twice
    fm = read("---\n" + front + "---\nTekst.\n")
    assert [(p.line, p.code) for p in fm.problems] == [
        (2, "yaml-colon-space"), (4, "yaml-colon"), (7, "yaml-list-dash"), (10, "yaml-quote"), (11, "yaml-duplicate-key")]
    assert fm.data == {"type": "verhaal", "places": ["Oost", "West"]}
    assert set(fm.broken) == {"title", "summary", "themes", "municipalities"}
    assert tuple(fm.pos(("places", 1))) == (8, 16) and tuple(fm.vpos(("type",))) == (3, 7)


def test_broken_key_is_not_called_missing() -> None:
    fm = read("---\ntitle:Samen\ntype: verhaal\n---\n")
    assert fm.hides("missing-key", "verplicht veld 'title' ontbreekt — voeg het toe, bijvoorbeeld: title: x")
    assert not fm.hides("missing-key", "verplicht veld 'date' ontbreekt — voeg het toe, bijvoorbeeld: date: x")
    assert not fm.hides("too-short", "verplicht veld 'title' ontbreekt")


def test_a_tab_only_is_read_with_spaces_at_the_same_columns() -> None:
    fm = read("---\nsource:\n\ttitle: Nieuwsbrief\n\turl: https://x.nl\ntitle: Vraag: x\n---\n")
    assert fm.data["source"] == {"title": "Nieuwsbrief", "url": "https://x.nl"}
    assert tuple(fm.vpos(("source", "url"))) == (4, 7)
    assert [p.code for p in fm.problems] == ["yaml-tab", "yaml-tab", "yaml-colon"]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(["title", "summary", "type", "places", "source", "date"]), _values,
                       min_size=2, max_size=6), st.integers(0, 5))
def test_one_broken_key_leaves_the_others_as_pyyaml_reads_them(data: dict, which: int) -> None:
    """Break one top-level key of a valid dump (`key:value` without the space): exactly
    that key is missing from the data, every other key reads as before."""
    dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    assume(not any(line.rstrip() in ("---", "...") for line in dumped.split("\n")))
    keys = list(data)
    broken = keys[which % len(keys)]
    lines = dumped.split("\n")
    at = next(i for i, t in enumerate(lines) if t.startswith(broken + ":"))
    assume(lines[at] != broken + ":")  # a key without an inline value: nothing to glue to
    lines[at] = lines[at].replace(": ", ":", 1)
    fm = read("---\n" + "\n".join(lines) + "---\nTekst\n")
    assume(fm.problems and fm.data is not None)  # 'title:x' alone can still be valid YAML text
    expected = yaml.load(dumped, Loader=SAFE_LOADER)
    assert fm.data == {k: v for k, v in expected.items() if k != broken}
    assert fm.problems[0].line == at + 2


def test_yaml_file_reports_each_mistake_but_keeps_nothing() -> None:
    fm = parse_yaml("authors:\n  a:\n    name:Anna\n  b:\n    name: Bea: redactie\n")
    assert [(p.line, p.code) for p in fm.problems] == [(3, "yaml-colon-space"), (5, "yaml-colon")]
    assert fm.data is None
