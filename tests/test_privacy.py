"""Privacy check: the cases are rows of tests/privacy/*.tsv (`\\n` stands for a line break)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kennishub import privacy
from kennishub.privacy import (KIND_LABELS_NL, Finding, allowed, describe_nl, find_in_name, find_personal_data,
                               find_unallowed, message_nl)

CASES = Path(__file__).parent / "privacy"


def _unescape(value: str) -> str:
    return value.replace("\\n", "\n").replace("\\t", "\t")


def _rows(name: str, columns: int) -> list:
    rows = []
    for number, line in enumerate((CASES / name).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [_unescape(f) for f in line.split("\t")]
        assert len(fields) == columns, f"{name}:{number}: expected {columns} tab-separated fields"
        rows.append(pytest.param(*fields, id=f"{name.split('.')[0]}-{number}"))
    return rows


@pytest.mark.parametrize("kind, text, expected", _rows("positives.tsv", 3))
def test_positive(kind: str, text: str, expected: str) -> None:
    findings = find_personal_data(text)
    assert [(f.kind, f.text) for f in findings] == [(kind, expected)]
    finding = findings[0]
    assert text[finding.start : finding.end] == finding.text
    # the same text surrounded by other words is still found, at shifted offsets
    shifted = find_personal_data("Zie hier. " + text + " Einde.")
    assert [(f.kind, f.text, f.start) for f in shifted] == [(kind, expected, finding.start + 10)]


@pytest.mark.parametrize("text", _rows("negatives.tsv", 1))
def test_negative(text: str) -> None:
    assert find_personal_data(text) == []


@pytest.mark.parametrize("finding, allow, expected", _rows("allow.tsv", 3))
def test_allowed(finding: str, allow: str, expected: str) -> None:
    assert expected in ("yes", "no")
    assert allowed(finding, allow.split(" || ")) is (expected == "yes")


def test_allowed_ignores_non_strings_and_empty_lists() -> None:
    assert allowed("06-12345678", []) is False
    assert allowed("06-12345678", [None, 612345678, "06-12345678"]) is True


def test_find_unallowed_filters_by_privacy_allow() -> None:
    text = "Bel 020-1234567 of 06-12345678."
    assert [f.text for f in find_unallowed(text)] == ["020-1234567", "06-12345678"]
    assert [f.text for f in find_unallowed(text, ["Receptie: 020-1234567"])] == ["06-12345678"]


def test_several_findings_in_order() -> None:
    text = "Mail a.b@voorbeeld.nl, bel 06-12345678 of stort op NL91ABNA0417164300."
    assert [f.kind for f in find_personal_data(text)] == ["email", "phone", "iban"]


def test_message_names_kind_text_and_what_to_do() -> None:
    message = message_nl(Finding(0, 11, "phone", "06-12345678"))
    assert message.startswith("mogelijk persoonsgegeven: telefoonnummer '06-12345678' — haal het weg")
    assert message.endswith("zet dan de exacte tekst in privacy_allow")
    for kind, label in KIND_LABELS_NL.items():
        assert label in message_nl(Finding(0, 1, kind, "x"))
    assert Finding(0, 1, "bsn", "x").code == "privacy-bsn"


def test_message_shows_a_multiline_address_on_one_line() -> None:
    finding = find_personal_data("Kerkweg 1\n  • 1234 AB Dorp")[0]
    assert "'Kerkweg 1, 1234 AB Dorp'" in message_nl(finding)
    assert allowed(finding.text, ["Kerkweg 1, 1234 AB Dorp"])


@pytest.mark.parametrize("name, kind, expected", _rows("names.tsv", 3))
def test_names(name: str, kind: str, expected: str) -> None:
    found = find_in_name(name)
    assert [(f.kind, f.text) for f in found] == ([] if kind == "-" else [(kind, expected)])
    assert all(name[f.start : f.end] == f.text for f in found)


def test_children_are_warnings_the_rest_errors() -> None:
    text = "Ryan (8) woont bij zijn oma; bel 06-12345678 of mail naam [at] gemeente.nl."
    assert [(f.kind, f.severity, f.code) for f in find_personal_data(text)] == [
        ("child", "warning", "privacy-child"), ("phone", "error", "privacy-phone"), ("email", "error", "privacy-email")]


def test_privacy_allow_lets_a_child_through() -> None:
    text = "Ryan (8) en Fleur, 12 jaar, deden mee."
    assert [f.text for f in find_unallowed(text, ["Ryan (8)"])] == ["Fleur, 12 jaar"]
    assert find_unallowed(text, ["Ryan (8)", "Fleur, 12 jaar"]) == []


@pytest.mark.parametrize("text, advice", [
    ("Ryan (8)", "noem geen naam met leeftijd, schrijf bijvoorbeeld 'een jongen van 8'"),
    ("Emma uit groep 6", "noem geen naam met groep of school"),
    ("geboren op 12-03-2015", "noem geen geboortedatum"),
])
def test_child_message_says_what_to_change_and_how_to_allow(text: str, advice: str) -> None:
    message = message_nl(find_personal_data(text)[0])
    assert message.startswith(f"mogelijk persoonsgegeven: gegevens van een kind '{text}' — {advice}")
    assert message.endswith("zet dan de exacte tekst in privacy_allow")


def test_describe_names_the_kind_never_the_data() -> None:
    text = ("Bel 06-12345678, mail a.b@voorbeeld.nl, BSN 123456782, rekening NL91ABNA0417164300, "
            "Kerkstraat 12, 1234 AB Amsterdam; Ryan (8).")
    found = find_personal_data(text)
    assert {f.kind for f in found} == set(KIND_LABELS_NL)
    for f in found:
        description = describe_nl(f)
        assert description.startswith(("een ", "gegevens ")) and KIND_LABELS_NL[f.kind].split()[0] in description
        assert not any(part in description for part in f.text.split() if len(part) > 2)
    assert describe_nl(Finding(0, 1, "phone", "x")) == "een telefoonnummer"


def test_name_message_names_the_data_and_what_to_do() -> None:
    finding = find_in_name("gezin-jansen-0612345678.md")[0]
    message = privacy.name_message_nl(finding)
    assert "telefoonnummer '0612345678'" in message and "geef het bestand een andere naam" in message
