"""The declarative content model is real JSON Schema, and kennishub's interpreter of it
agrees with the `jsonschema` library.

Oracle test: for the valid front matter of the fixture hub and many mutations of it (and
random documents), the verdict valid/invalid of `jsonschema` (Draft 2020-12) equals the
verdict of `kennishub.schema`. Dates are ISO strings, as in JSON. Left out on purpose:
the formats that need the hub (theme, municipality, author, media-path: accepted by
both sides here) and kennishub's own `x-` keywords (not-future, not-before), which JSON
Schema tools ignore. One deliberate difference is not generated: kennishub measures a
string's length without the white space around it (a title of spaces is no title),
JSON Schema counts every character.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from functools import lru_cache
from urllib.parse import urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker

from kennishub.formats import FORMATS
from kennishub.frontmatter import Pos
from kennishub.schema import Context, compile_root, model

HUB_FORMATS = ("theme", "municipality", "author", "media-path")
X_CODES = {"date-in-future", "date-before"}  # x-not-future, x-not-before
FAR_FUTURE = dt.date(9999, 12, 31)


# ---- the oracle's own reading of the formats (from the content model's text) -------------

def _is_date(value) -> bool:
    if not isinstance(value, str):
        return True
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _is_http_url(value) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _is_plain_text(value) -> bool:
    """No line breaks, HTML or Markdown (emphasis, code, links, headings, lists, quotes)."""
    if not isinstance(value, str):
        return True
    return not re.search(r"[\n\r]|<[A-Za-z/!]|\*\*|__|`|\]\(|^\s*(#{1,6}\s|[-*+]\s|>)|&[a-z]+;|&#", value.strip())


def _is_slug(value) -> bool:
    return not isinstance(value, str) or bool(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", value))


def format_checker() -> FormatChecker:
    checker = FormatChecker(formats=())
    for name, fn in {"date": _is_date, "http-url": _is_http_url, "plain-text": _is_plain_text,
                     "entry-slug": _is_slug, **{name: (lambda value: True) for name in HUB_FORMATS}}.items():
        checker.checks(name)(fn)
    return checker


def _ignore(value, path, ctx, schema) -> None:
    return None


KENNISHUB_FORMATS = {**FORMATS, **{name: _ignore for name in HUB_FORMATS}}


@lru_cache(maxsize=None)
def json_validator(section: str) -> Draft202012Validator:
    return Draft202012Validator(model()[section], format_checker=format_checker())


@lru_cache(maxsize=None)
def compiled(section: str):
    return compile_root(section, KENNISHUB_FORMATS)


def json_verdict(section: str, document) -> bool:
    return json_validator(section).is_valid(document)


def kennishub_problems(section: str, document) -> list[str]:
    found: list[str] = []
    ctx = Context(locate=lambda path, code: Pos(1, 1),
                  report=lambda pos, severity, code, message: found.append(code) if severity == "error" else None,
                  today=FAR_FUTURE, values=document if isinstance(document, dict) else {},
                  draft=isinstance(document, dict) and document.get("draft") is True, extras={})
    compiled(section)(document, (), ctx)
    return [code for code in found if code not in X_CODES]


def kennishub_verdict(section: str, document) -> bool:
    return not kennishub_problems(section, document)


# ---- the schemas are JSON Schema -------------------------------------------------------------

@pytest.mark.parametrize("section", ["entry", "theme", "authors"])
def test_section_is_valid_json_schema(section: str) -> None:
    schema = model()[section]
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_every_format_is_implemented() -> None:
    used = set(re.findall(r"format: ([\w-]+)", repr(model())))
    used |= {m for m in re.findall(r"'format': '([\w-]+)'", repr(model()))}
    assert used and used <= set(FORMATS)


def test_every_message_template_fills() -> None:
    fields = dict(key="k", value="v", limit=1, count=2, allowed="a, b", example="k: v", label="l", suggestion="",
                  found="tekst", type="verhaal", other="o")
    for name, template in model()["messages"].items():
        assert template.format(**fields), name


# ---- documents: the fixture's front matter and mutations -------------------------------------

VERHAAL = {
    "title": "Een bestaand verhaal", "type": "verhaal", "date": "2024-03-15",
    "summary": "Een verhaal dat de testgevallen als buur hebben, om naar te linken.",
    "themes": ["samen-leren"], "municipalities": ["Rotterdam"], "organisations": ["Gemeente Rotterdam"],
    "network": "Samen Leren Gezinnen Versterken", "authors": ["redactie"],
}
FULL = {
    **VERHAAL, "places": ["Oosterpark"], "image": "media/netwerk.svg", "image_alt": "Een tekening van het netwerk",
    "source": {"title": "Nieuwsbrief", "url": "https://www.voorbeeld.nl/a", "publisher": "De Linde"},
    "updated": "2024-04-01", "draft": False, "privacy_allow": ["010-1234567"],
}
INTERVIEW = {**VERHAAL, "type": "interview", "interviewees": [{"name": "Emma de Boer", "role": "ambassadeur",
                                                               "organisation": "Welzijn Oost"}]}
TERUGBLIK = {**VERHAAL, "type": "terugblik", "event": {"date": "2024-02-13", "place": "Hoogezand", "name": "Dag"}}
CHECKLIST = {"title": "Een bestaande checklist", "type": "checklist", "date": "2024-04-01",
             "summary": "Vragen die je jezelf stelt voordat je een lerend netwerk begint.",
             "themes": ["samen-leren"], "derived_from": ["bestaand-verhaal"]}
THEME = {"title": "Samen leren", "description": "Hoe professionals in een netwerk van elkaars ervaringen leren.",
         "aliases": ["lerend netwerk"]}
AUTHORS = {"authors": {"redactie": {"name": "Redactie Testhub", "description": "Redactie"},
                       "fatima": {"name": "Fatima el Amrani", "avatar": "media/fatima.jpg"}}}

WRONG_VALUES = [None, 0, 1.5, True, "", "x", "x" * 400, [], ["a"], {}, {"a": 1}]


def _set(doc: dict, path: tuple, value) -> dict:
    doc = copy.deepcopy(doc)
    target = doc
    for key in path[:-1]:
        target = target[key]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return doc


_DELETE = object()


def _paths(value, path=()):
    """Every key and list item path of a document."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield path + (key,)
            yield from _paths(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield path + (i,)
            yield from _paths(item, path + (i,))


def mutations(section: str, base: dict, name: str) -> list:
    cases = [pytest.param(section, base, id=f"{name}-as-is")]
    for path in _paths(base):
        label = ".".join(map(str, path))
        if not isinstance(path[-1], int):
            cases.append(pytest.param(section, _set(base, path, _DELETE), id=f"{name}-without-{label}"))
        for i, value in enumerate(WRONG_VALUES):
            cases.append(pytest.param(section, _set(base, path, value), id=f"{name}-{label}-wrong{i}"))
    for key in ("thema", "Title", "extra"):
        cases.append(pytest.param(section, {**base, key: "x"}, id=f"{name}-unknown-{key}"))
    return cases


SPECIFIC = [
    ("date", "2024-02-30"), ("date", "2024-13-45"), ("date", "20240315"), ("date", "15-03-2024"),
    ("date", "2024-02-29"), ("updated", "2024-1-1"), ("themes", []), ("themes", ["a", "b", "c", "d", "e"]),
    ("themes", ["a", "b", "c", "d", "e", "f"]), ("themes", ["a", "a"]), ("summary", "Met een\nregeleinde erin, dertig tekens"),
    ("summary", "Met **vet** erin, ruim dertig tekens lang"), ("summary", "Met <b>html</b>, ruim dertig tekens lang"),
    ("summary", "Met een [link](https://x.nl), dertig tekens"), ("summary", "# Een kop als samenvatting van dertig tekens"),
    ("summary", "x" * 29), ("summary", "x" * 30), ("summary", "x" * 300), ("summary", "x" * 301),
    ("title", "x" * 4), ("title", "x" * 5), ("title", "x" * 120), ("title", "x" * 121),
    ("type", "verhal"), ("type", "checklist"), ("type", "interview"), ("type", "terugblik"),
    ("derived_from", ["bestaand-verhaal"]), ("interviewees", [{"name": "Emma"}]), ("event", {"date": "2024-01-01", "place": "Ee"}),
    ("image", "media/a.jpg"), ("image_alt", "Vijf!"), ("image_alt", "Vier"),
    ("source", {"title": "Nieuwsbrief", "url": "ftp://x.nl"}), ("source", {"title": "Nieuwsbrief", "url": "www.x.nl"}),
    ("source", {"title": "Nieuwsbrief", "url": "https://x.nl", "publsher": "x"}), ("source", {"title": "N", "url": "https://x.nl"}),
    ("places", ["O"]), ("places", ["Oo"]), ("places", ["x" * 60]), ("places", ["x" * 61]),
    ("organisations", ["x" * 100]), ("organisations", ["x" * 101]), ("network", "N"), ("privacy_allow", [""]),
    ("draft", "ja"), ("draft", True), ("municipalities", "Rotterdam"), ("authors", "redactie"),
]


def specific_cases() -> list:
    cases = []
    for base_name, base in (("verhaal", VERHAAL), ("checklist", CHECKLIST), ("interview", INTERVIEW),
                            ("terugblik", TERUGBLIK)):
        for i, (key, value) in enumerate(SPECIFIC):
            cases.append(pytest.param("entry", {**base, key: value}, id=f"{base_name}-{key}-{i}"))
    cases.append(pytest.param("entry", {**VERHAAL, "image": "media/a.jpg"}, id="image-without-alt"))
    cases.append(pytest.param("entry", {k: v for k, v in INTERVIEW.items() if k != "interviewees"}, id="interview-bare"))
    cases.append(pytest.param("entry", {k: v for k, v in TERUGBLIK.items() if k != "event"}, id="terugblik-bare"))
    cases.append(pytest.param("entry", {**INTERVIEW, "interviewees": [{"role": "x"}]}, id="interviewee-nameless"))
    cases.append(pytest.param("entry", {**TERUGBLIK, "event": {"date": "2024-01-01"}}, id="event-placeless"))
    cases.append(pytest.param("entry", {k: v for k, v in INTERVIEW.items() if k != "type"}, id="interviewees-without-type"))
    cases.append(pytest.param("theme", {**THEME, "aliases": ["a", "a"]}, id="theme-alias-twice"))
    cases.append(pytest.param("authors", {"authors": {"x": {}}}, id="author-nameless"))
    cases.append(pytest.param("authors", {"authors": ["redactie"]}, id="authors-list"))
    cases.append(pytest.param("authors", {}, id="authors-empty"))
    return cases


DOCUMENTS = (mutations("entry", FULL, "full") + mutations("entry", INTERVIEW, "interview")
             + mutations("entry", TERUGBLIK, "terugblik") + mutations("entry", CHECKLIST, "checklist")
             + mutations("theme", THEME, "theme") + mutations("authors", AUTHORS, "authors") + specific_cases())


@pytest.mark.parametrize("section, document", DOCUMENTS)
def test_same_verdict_as_jsonschema(section: str, document) -> None:
    expected = json_verdict(section, document)
    problems = kennishub_problems(section, document)
    assert (not problems) == expected, (problems, document)


def test_documents_cover_both_verdicts() -> None:
    verdicts = [json_verdict(p.values[0], p.values[1]) for p in DOCUMENTS]
    assert verdicts.count(True) >= 30 and verdicts.count(False) >= 300


@pytest.mark.parametrize("document", [VERHAAL, FULL, INTERVIEW, TERUGBLIK, CHECKLIST])
def test_yaml_dates_are_accepted_like_iso_strings(document: dict) -> None:
    """YAML gives dates as `datetime.date`; the interpreter treats them as the ISO strings."""
    native = copy.deepcopy(document)
    for key in ("date", "updated"):
        if key in native:
            native[key] = dt.date.fromisoformat(native[key])
    if "event" in native:
        native["event"]["date"] = dt.date.fromisoformat(native["event"]["date"])
    assert kennishub_problems("entry", native) == []
    with_time = {**native, "date": dt.datetime(2024, 3, 15, 10, 30)}
    assert kennishub_problems("entry", with_time) == ["invalid-date"]


# ---- random documents ----------------------------------------------------------------------

ENTRY_KEYS = sorted(model()["entry"]["properties"])
_leaf = (st.none() | st.booleans() | st.integers(-5, 5) | st.sampled_from(
    ["", "x", "verhaal", "interview", "terugblik", "checklist", "2024-03-15", "2024-02-30", "samen-leren",
     "Een titel van een verhaal", "https://www.voorbeeld.nl", "ftp://x", "Een samenvatting van ruim dertig tekens lang.",
     "Met **vet** in een samenvatting van dertig tekens", "media/a.jpg", "x" * 121]))
_value = st.recursive(_leaf, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.sampled_from(["name", "role", "title", "url", "date", "place", "x"]), inner,
                                        max_size=3), max_leaves=8)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(base=st.sampled_from([VERHAAL, FULL, INTERVIEW, TERUGBLIK, CHECKLIST]),
       changes=st.dictionaries(st.sampled_from(ENTRY_KEYS + ["onbekend"]), _value, max_size=4),
       drop=st.sets(st.sampled_from(ENTRY_KEYS), max_size=3))
def test_random_documents_same_verdict(base: dict, changes: dict, drop: set) -> None:
    document = {k: v for k, v in {**base, **changes}.items() if k not in drop}
    problems = kennishub_problems("entry", document)
    assert (not problems) == json_verdict("entry", document), (problems, document)
