"""Municipality lookup: the cases are rows of tests/municipalities/*.tsv."""

from __future__ import annotations

import csv
import io
from importlib import resources
from pathlib import Path

import pytest

from kennishub import municipalities as m
from kennishub.municipalities import Lookup, all_municipalities, lookup, message_nl, province_of
from kennishub.text import fold

CASES = Path(__file__).parent / "municipalities"


def _rows(name: str, columns: int) -> list[tuple[str, ...]]:
    rows = []
    for number, line in enumerate((CASES / name).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        assert len(fields) == columns, f"{name}:{number}: expected {columns} tab-separated fields"
        rows.append(pytest.param(*fields, id=f"{number}-{fields[0]}"))
    return rows


@pytest.mark.parametrize("value, status, expected", _rows("lookups.tsv", 3))
def test_lookup(value: str, status: str, expected: str) -> None:
    result = lookup(value)
    assert result.status == status
    if status in ("ok", "accent"):
        assert result.name == expected
        assert result.province == province_of(expected) is not None
        assert (result.choices, result.suggestion) == ((), None)
    elif status == "ambiguous":
        assert result.name is None and result.province is None
        assert result.choices == tuple(expected.split(" | "))
    else:
        assert result.name is None and result.province is None
        if expected == "-":
            assert (result.choices, result.suggestion) == ((), None)
        elif " | " in expected:
            assert (result.choices, result.suggestion) == (tuple(expected.split(" | ")), None)
        else:
            assert (result.choices, result.suggestion) == ((), expected)


@pytest.mark.parametrize("value, message", _rows("messages.tsv", 2))
def test_message(value: str, message: str) -> None:
    assert message_nl(value, lookup(value)) == (message or None)


def test_fixture_covers_every_status() -> None:
    statuses = {row.values[1] for row in _rows("lookups.tsv", 3)}
    assert statuses == {"ok", "accent", "ambiguous", "unknown"}
    assert len(_rows("lookups.tsv", 3)) >= 25


def test_cbs_list() -> None:
    names = all_municipalities()
    assert len(names) == 342
    assert len(set(names.values())) == 12
    assert names["Súdwest-Fryslân"] == "Fryslân"
    assert names["Nuenen, Gerwen en Nederwetten"] == "Noord-Brabant"
    names.clear()  # a copy: the module's own table is untouched
    assert province_of("Amsterdam") == "Noord-Holland"


def test_province_of_wants_the_official_name() -> None:
    assert province_of("'s-Gravenhage") == "Zuid-Holland"
    assert province_of("Den Haag") is None
    assert province_of("amsterdam") is None


@pytest.mark.parametrize("name", list(all_municipalities()))
def test_every_official_name(name: str) -> None:
    assert lookup(name) == Lookup("ok", name, province_of(name))
    assert lookup(f"  {name.upper()} ").name == name
    expected = "ok" if fold(name) == name.casefold() else "accent"
    assert lookup(fold(name)) == Lookup(expected, name, province_of(name))


def _aliases() -> list[tuple[str, str]]:
    text = resources.files("kennishub").joinpath("data", m.ALIASES_FILE).read_text(encoding="utf-8")
    return [(row["alias"], row["gemeente"]) for row in csv.DictReader(io.StringIO(text))]


@pytest.mark.parametrize("alias, name", _aliases())
def test_every_alias(alias: str, name: str) -> None:
    assert lookup(alias) == Lookup("ok", name, province_of(name))


@pytest.mark.parametrize("value", ["", "   ", "\t"])
def test_empty(value: str) -> None:
    assert lookup(value) == Lookup("unknown", None, None)
    assert message_nl(value, lookup(value)).startswith("lege gemeente")


CBS = [{"gemeente": "Bergen (L.)", "provincie": "Limburg"}, {"gemeente": "Ede", "provincie": "Gelderland"}]


@pytest.mark.parametrize(
    "alias, target",
    [("Ergens", "Nergenshuizen"), ("EDE", "Bergen (L.)"), ("Bergen (Limburg)", "Ede")],
    ids=["target-not-in-cbs", "alias-is-official-name", "alias-is-derived-name"],
)
def test_bad_alias_file_is_refused(alias: str, target: str) -> None:
    with pytest.raises(ValueError, match=alias.replace("(", r"\(").replace(")", r"\)")):
        m._build(CBS, [{"alias": alias, "gemeente": target}])
