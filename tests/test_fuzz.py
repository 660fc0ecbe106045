"""Property tests: whatever an editor (or a broken editor tool) writes, `check()` returns
problems and never crashes.

Random front matter (YAML-ish text, random mappings dumped as YAML, random bytes,
mutations of a valid entry) and random Markdown bodies go into one file of a copy of the
base hub. Every problem must be well formed and none may be "internal-error": that
code means the validator caught its own crash, which is a finding to fix.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kennishub.problems import Problem
from kennishub.validator import check

BASE_HUB = Path(__file__).parent / "fixtures" / "hub"
TODAY = dt.date(2026, 6, 1)
SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

VALID = """---
title: Samen aan tafel in de wijk
type: interview
date: 2025-05-20
summary: "Hoe een school en het wijkteam elke maand samen aan tafel gingen."
themes: [samen-leren, armoede]
municipalities: [Den Haag]
organisations: [Gemeente Rotterdam]
authors: [redactie]
image: media/netwerk.svg
image_alt: Een tekening van het netwerk
source: {title: Nieuwsbrief, url: "https://www.voorbeeld.nl/a"}
interviewees:
  - name: Emma de Boer
    role: ambassadeur
updated: 2025-06-01
---

## Wat er gebeurde

Leerkrachten en het wijkteam gingen elke maand samen aan tafel. Zie
[de checklist](../lessons-learned/bestaande-checklist.md) en ![Een netwerk](media/netwerk.svg).
Emma vertelt hoe zij als ambassadeur ouders en professionals bij elkaar brengt. Ze begon
met koffie op het schoolplein en een vaste tijd op maandagochtend. Na een paar maanden
kwamen er ook mensen van de sportclub en de bibliotheek. Wat werkte, was dat iedereen
zijn eigen vraag mocht meenemen en dat niemand een oplossing hoefde te hebben. Zo
ontstond een netwerk dat niet van één organisatie is, maar van de wijk zelf.
"""

KEYS = ["title", "type", "date", "summary", "themes", "municipalities", "places", "organisations", "network",
        "authors", "image", "image_alt", "source", "updated", "derived_from", "draft", "privacy_allow",
        "interviewees", "event", "name", "role", "url", "place", "publisher", "description", "aliases"]
VALUES = ["verhaal", "interview", "terugblik", "checklist", "2024-02-29", "2024-13-45", "2025-05-20 10:00:00",
          "armoede", "samen-leren", "lerend netwerk", "Bergen", "Den Haag", "Súdwest-Fryslân", "redactie",
          "media/netwerk.svg", "https://www.voorbeeld.nl", "javascript:alert(1)", "bestaand-verhaal",
          "concept-verhaal", "true", "ja", "~", "06-12345678", "j@voorbeeld.nl", "111222333",
          "NL91ABNA0417164300", "Kerkstraat 12, 1234 AB Amsterdam", "'s-Hertogenbosch", "Vraag: wat nu?"]
YAML_TOKENS = [*(k + ":" for k in KEYS), *VALUES, " ", "  ", "\n", "\n  ", "\n  - ", "- ", ": ", "\t", "'", '"',
               "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "!!python/object:os.system ", "? ", "<<: ", "|",
               ">", "#", "%", "@", "`", "...", "---", "\x07", "\ufeff", "\r\n", "é", "’"]
BODY_TOKENS = ["# Kop\n", "Kop\n===\n", "## Tussenkop\n", "![", "![alt", "](", ")", "media/netwerk.svg",
               "bestaand-verhaal.md", "../lessons-learned/bestaande-checklist.md", "#anker", "<img src=x>",
               "<script>", "<iframe", "<object", "<embed", " onclick=", "javascript:", "- [ ] ", "* [x] ",
               "```\n", "~~~\n", "<!-- ", " -->", "\n", "\n\n", " ", "woord ", "06-12345678", "j@voorbeeld.nl",
               "Kerkstraat 12, 1234 AB Amsterdam", "NL91 ABNA 0417 1643 00", "111.222.333", "[", "]", "<", ">",
               "&amp;", "\t", "---\n", "é"]

_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)


def _tokens(tokens: list[str], max_size: int) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(tokens) | _text, max_size=max_size).map("".join)


_scalars = (st.none() | st.booleans() | st.integers(-10**6, 10**20) | st.floats(width=32) | st.dates()
            | st.datetimes() | st.sampled_from(VALUES) | _text)
_keys = st.sampled_from(KEYS) | _text
_values = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_keys, inner, max_size=4),
                       max_leaves=15)


@st.composite
def dumped_mappings(draw) -> str:
    data = draw(st.dictionaries(_keys, _values, max_size=10))
    flow = draw(st.sampled_from([None, True, False]))
    return yaml.safe_dump(data, allow_unicode=draw(st.booleans()), default_flow_style=flow, sort_keys=False)


@st.composite
def mutations(draw) -> str:
    """The valid entry with a few characters deleted, inserted or replaced."""
    text = VALID
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        new = draw(st.sampled_from(["", " ", "\n", ":", "-", "'", '"', "[", "]", "#", "\t", "x", "0", "*", "&", "!"]))
        cut = draw(st.integers(0, 3))
        text = text[:at] + new + text[at + cut:]
    return text


def _front_of(text: str) -> str:
    parts = text.split("---\n")
    return parts[1] if len(parts) > 1 else text


front_matters = _tokens(YAML_TOKENS, 40) | dumped_mappings() | mutations().map(_front_of)
bodies = _tokens(BODY_TOKENS, 60)


@pytest.fixture(scope="module")
def hub(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("fuzz") / "hub"
    shutil.copytree(BASE_HUB, root)
    return root


def assert_well_formed(root: Path, problems: list[Problem], fuzzed: str, content: bytes) -> None:
    lines = content.count(b"\n") + content.count(b"\r") + 2
    for p in problems:
        assert p.code != "internal-error", p
        assert p.path and (root / p.path).exists(), p
        assert isinstance(p.line, int) and p.line >= 1, p
        assert p.column is None or (isinstance(p.column, int) and p.column >= 1), p
        assert p.severity in ("error", "warning"), p
        assert isinstance(p.message, str) and p.message.strip(), p
        assert "\n" not in p.message and "\r" not in p.message, p  # one problem, one line of output
        assert "Traceback" not in p.message, p
        if p.path == fuzzed:
            assert p.line <= lines, p


def run(root: Path, rel: str, content: bytes) -> list[Problem]:
    path = root / rel
    path.write_bytes(content)
    try:
        problems = check(root, today=TODAY).result.problems
        assert_well_formed(root, problems, rel, content)
    finally:
        path.unlink()
    return problems


@SETTINGS
@given(front=front_matters, body=bodies, target=st.sampled_from(["stories", "lessons-learned"]))
def test_random_front_matter_and_body(hub: Path, front: str, body: str, target: str) -> None:
    run(hub, f"{target}/fuzz.md", ("---\n" + front + "\n---\n" + body).encode("utf-8", "surrogatepass"))


@SETTINGS
@given(body=bodies)
def test_random_body_after_valid_front_matter(hub: Path, body: str) -> None:
    head = VALID.split("---\n")[1]
    problems = run(hub, "stories/fuzz.md", ("---\n" + head + "---\n" + body).encode())
    # the front matter is valid, so every problem is about the body or the file as a whole
    front_lines = head.count("\n") + 2
    assert all(p.line == 1 or p.line > front_lines for p in problems if p.path == "stories/fuzz.md"), problems


@SETTINGS
@given(content=st.binary(max_size=400) | st.binary(max_size=300).map(lambda b: b"---\n" + b + b"\n---\n"))
def test_random_bytes(hub: Path, content: bytes) -> None:
    run(hub, "stories/fuzz.md", content)


@SETTINGS
@given(text=mutations())
def test_mutated_valid_entry(hub: Path, text: str) -> None:
    run(hub, "stories/fuzz.md", text.encode())


@SETTINGS
@given(front=front_matters, body=bodies)
def test_random_theme(hub: Path, front: str, body: str) -> None:
    run(hub, "docs/themas/fuzz.md", ("---\n" + front + "\n---\n" + body).encode())


@SETTINGS
@given(content=front_matters.map(str.encode) | st.binary(max_size=200))
def test_random_authors_file(hub: Path, content: bytes) -> None:
    original = (hub / ".authors.yml").read_bytes()
    try:
        run(hub, ".authors.yml", content)
    finally:
        (hub / ".authors.yml").write_bytes(original)


def test_valid_entry_is_valid(hub: Path) -> None:
    """The seed of the mutations is itself clean, so mutations test what they change."""
    assert run(hub, "stories/fuzz.md", VALID.encode()) == []
