"""Municipalities over time: the cases are rows of tests/municipalities/history.tsv; the
table itself (src/kennishub/data/gemeenten-herindelingen.csv) is checked as data."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from kennishub import municipalities_history as h
from kennishub.formats import as_date, check_municipality
from kennishub.model import Municipality
from kennishub.municipalities import all_municipalities, lookup, province_of
from kennishub.schema import Context
from kennishub.validator import check

HERE = Path(__file__).parent
CASES = HERE / "municipalities"

# The one reorganisation since 2015 that did not take effect on 1 January.
NOT_ON_NEW_YEAR = {("2022-03-24", "Amsterdam", "Weesp")}

# Number of municipalities on 1 January of each year (CBS, "Gemeentelijke indelingen per jaar").
CBS_COUNT = {2015: 393, 2016: 390, 2017: 388, 2018: 380, 2019: 355, 2020: 355, 2021: 352,
             2022: 345, 2023: 342, 2024: 342, 2025: 342}


def _rows() -> list:
    rows = []
    for number, line in enumerate((CASES / "history.tsv").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        assert len(fields) == 4, f"history.tsv:{number}: expected 4 tab-separated fields"
        rows.append(pytest.param(*fields, id=f"{number}-{fields[0]}-{fields[1]}"))
    return rows


def _check(value: str, values: dict) -> tuple[list[tuple[str, str]], list[tuple[str, str, str]]]:
    reported: list[tuple[str, str, str]] = []
    ctx = Context(locate=lambda path, code: None, report=lambda pos, sev, code, msg: reported.append((sev, code, msg)),
                  today=dt.date(2026, 6, 1), values=values, extras={"municipalities": []})
    check_municipality(value, ("municipalities", 0), ctx, {})
    return ctx.extras["municipalities"], reported


@pytest.mark.parametrize("value, date, resolved, message", _rows())
def test_history(value: str, date: str, resolved: str, message: str) -> None:
    names, reported = _check(value, {} if date == "-" else {"date": dt.date.fromisoformat(date)})
    assert names == [(resolved, province_of(resolved) or h.former(resolved).province)]
    if message:
        assert [(sev, msg) for sev, _code, msg in reported] == [("warning", message)]
    else:
        assert reported == []


def test_fixture_covers_both_warnings_and_silence() -> None:
    codes = set()
    for row in _rows():
        value, date, _resolved, _message = row.values
        codes |= {code for _sev, code, _msg in _check(value, {} if date == "-" else {"date": date})[1]}
    assert codes == {"municipality-former", "municipality-not-yet"}
    assert len(_rows()) >= 25


@pytest.mark.parametrize("values, expected", [
    ({"type": "terugblik", "date": dt.date(2025, 5, 1), "event": {"date": dt.date(2020, 2, 13)}}, dt.date(2020, 2, 13)),
    ({"type": "terugblik", "date": "2025-05-01", "event": {"date": "2020-02-13"}}, dt.date(2020, 2, 13)),
    ({"type": "terugblik", "date": dt.date(2025, 5, 1), "event": {"date": "13-02-2020"}}, dt.date(2025, 5, 1)),
    ({"date": dt.date(2025, 5, 1)}, dt.date(2025, 5, 1)),
    ({"date": "gisteren"}, None),
    ({}, None),
])
def test_entry_date(values: dict, expected: dt.date | None) -> None:
    assert h.entry_date(values, as_date) == expected


def test_terugblik_counts_its_event_date() -> None:
    values = {"type": "terugblik", "date": dt.date(2025, 5, 20), "event": {"date": dt.date(2020, 2, 13)}}
    assert "op 13 februari 2020" in _check("Eemsdelta", values)[1][0][2]
    assert _check("Appingedam", values)[1] == []


def test_other_problems_still_reported() -> None:
    names, reported = _check("Eemsdlta", {"date": dt.date(2020, 1, 1)})
    assert names == [] and [code for _s, code, _m in reported] == ["unknown-municipality"]
    names, reported = _check("Sudwest-Fryslan", {"date": dt.date(2020, 1, 1)})
    assert names == [("Súdwest-Fryslân", "Fryslân")]
    assert [code for _s, code, _m in reported] == ["municipality-spelling"]


# --- the table as data ------------------------------------------------------------------------

ROWS = h.read_rows()


def test_table_size() -> None:
    assert len(ROWS) >= 80
    assert {row["datum"][:4] for row in ROWS} == {"2015", "2016", "2017", "2018", "2019", "2021", "2022", "2023"}


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"{r['datum']}-{r['voormalig']}")
def test_row(row: dict[str, str]) -> None:
    current = all_municipalities()
    assert row["gemeente"] in current, "the municipality it went to must be in gemeenten-2025.csv"
    assert row["voormalig"] not in current, "a former municipality cannot be in gemeenten-2025.csv"
    date = dt.date.fromisoformat(row["datum"])
    assert 2015 <= date.year <= 2025
    assert (date.month, date.day) == (1, 1) or (row["datum"], row["gemeente"], row["voormalig"]) in NOT_ON_NEW_YEAR
    assert row["nieuw"] in ("ja", "nee") and row["deels"] in ("ja", "nee")
    for name in (row["voormalig"], *filter(None, row["ook"].split("|"))):
        assert lookup(name).status == "unknown", f"{name!r} is a current name or an alias, not a former one"


def test_split_municipalities_have_a_row_per_part() -> None:
    by_former: dict[str, list[dict[str, str]]] = {}
    for row in ROWS:
        by_former.setdefault(row["voormalig"], []).append(row)
    for name, rows in by_former.items():
        assert {r["deels"] for r in rows} == {"ja" if len(rows) > 1 else "nee"}, name
        assert len({r["datum"] for r in rows}) == 1, name


def test_new_is_the_same_for_the_whole_reorganisation() -> None:
    groups: dict[tuple[str, str], set[str]] = {}
    for row in ROWS:
        groups.setdefault((row["datum"], row["gemeente"]), set()).add(row["nieuw"])
    assert all(len(flags) == 1 for flags in groups.values())
    assert sum(flags == {"ja"} for flags in groups.values()) == len(h.all_founded()) == 22


@pytest.mark.parametrize("year, count", CBS_COUNT.items())
def test_counts_match_cbs(year: int, count: int) -> None:
    """Walking back from the 342 of 2025 through the table gives the CBS count of each year."""
    day = dt.date(year, 1, 1)
    later_former = sum(f.since > day for f in h.all_former())
    later_founded = sum(f.since > day for f in h.all_founded())
    assert len(all_municipalities()) + later_former - later_founded == count


def test_bad_table_is_refused() -> None:
    current = {"Groningen": "Groningen"}
    good = {"datum": "2019-01-01", "gemeente": "Groningen", "nieuw": "nee", "voormalig": "Haren", "deels": "nee", "ook": ""}
    assert h.build([good], current).former["haren"].into == ("Groningen",)
    for change, fragment in [({"gemeente": "Grunn"}, "not in"), ({"voormalig": "Groningen"}, "still in"),
                             ({"ook": "Stad"}, None)]:
        row = {**good, **change}
        if fragment is None:
            assert h.build([row], current).former["stad"].name == "Haren"
        else:
            with pytest.raises(ValueError, match=fragment):
                h.build([row], current)
    with pytest.raises(ValueError, match="two dates"):
        h.build([good, {**good, "datum": "2020-01-01"}], current)
    with pytest.raises(ValueError, match="another municipality"):
        h.build([{**good, "ook": "Den Haag"}], current)


def test_resolved_municipality_is_the_name_as_written(tmp_path: Path) -> None:
    root = tmp_path / "hub"
    shutil.copytree(HERE / "fixtures" / "hub", root)
    story = (HERE / "cases" / "stories" / "gemeente-voormalig-toen.md").read_text(encoding="utf-8")
    (root / "stories" / "haren-toen.md").write_text(story, encoding="utf-8")
    run = check(root, today=dt.date(2026, 6, 1))
    assert run.result.problems == []
    entry = next(e for e in run.hub.entries if e.slug == "haren-toen")
    assert entry.municipalities == [Municipality("Haren", "Groningen"), Municipality("Appingedam", "Groningen")]
