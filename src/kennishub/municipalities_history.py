"""Dutch municipalities over time: the reorganisations (herindelingen) since 2015.

The table is `data/gemeenten-herindelingen.csv` (one row per former municipality and
the municipality it went to; see its header for the columns and the source). It is
read once, on first use, and checked against the CBS 2025 list: every municipality a
former one went to must be in it, and no former name may be in it.

Two questions, asked for a name as of a date (the entry's `event.date`, else `date`):

- `former(name)`: a municipality that no longer exists ("Haren", "Appingedam"), with
  the date it ceased and where it went. `check` warns when the date is on or after
  that day (or unknown); before it, the name is right as written.
- `founded(official)`: a municipality formed since 2015 ("Eemsdelta"), with its
  predecessors. `check` warns when the date lies before it existed.

What the entry's municipality resolves to (for the region pages) is the name as
written: a former municipality under the province of the municipality it went to
(docs/inhoudsmodel-keuzes.md, "Gemeenten").
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from importlib import resources
from typing import Any, Callable

from kennishub import municipalities as gemeenten
from kennishub.text import fold, loose

HISTORY_FILE = "gemeenten-herindelingen.csv"
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")


@dataclass(frozen=True)
class Former:
    """A municipality that ceased: `into` are the municipalities it went to (official names)."""

    name: str
    since: dt.date
    into: tuple[str, ...]
    province: str

    @property
    def split(self) -> bool:
        return len(self.into) > 1


@dataclass(frozen=True)
class Founded:
    """A municipality formed on `since` from `predecessors` ((name, only partly) pairs)."""

    name: str
    since: dt.date
    predecessors: tuple[tuple[str, bool], ...]


@dataclass(frozen=True)
class Verdict:
    """What a municipality name means at a date: the resolved name, and a warning if any."""

    name: str
    province: str
    code: str | None = None  # "municipality-former" | "municipality-not-yet"
    message: str | None = None


@dataclass(frozen=True)
class _History:
    former: dict[str, Former]  # fold(name or other name) -> Former
    loose: dict[str, Former]  # loose(name) -> Former
    founded: dict[str, Founded]  # official name -> Founded


def read_rows() -> list[dict[str, str]]:
    """The rows of the table (comment lines starting with '#' skipped)."""
    text = resources.files("kennishub").joinpath("data", HISTORY_FILE).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(io.StringIO("\n".join(lines)))]


def build(rows: list[dict[str, str]], current: dict[str, str]) -> _History:
    """The look-up tables; `current` is the CBS list (official name -> province)."""
    into: dict[str, list[str]] = {}
    since: dict[str, dt.date] = {}
    other: dict[str, set[str]] = {}
    groups: dict[tuple[dt.date, str], list[tuple[str, bool]]] = {}
    new: set[tuple[dt.date, str]] = set()
    for number, row in enumerate(rows, 1):
        where = f"{HISTORY_FILE}, rij {number}"
        date, target, name = dt.date.fromisoformat(row["datum"]), row["gemeente"], row["voormalig"]
        if target not in current:
            raise ValueError(f"{where}: {target!r} is not in {gemeenten.CBS_FILE}")
        if name in current:
            raise ValueError(f"{where}: former municipality {name!r} is still in {gemeenten.CBS_FILE}")
        if since.setdefault(name, date) != date:
            raise ValueError(f"{where}: {name!r} ceased on two dates")
        into.setdefault(name, []).append(target)
        other.setdefault(name, set()).update(n.strip() for n in row.get("ook", "").split("|") if n.strip())
        groups.setdefault((date, target), []).append((name, row["deels"] == "ja"))
        if row["nieuw"] == "ja":
            new.add((date, target))
    former: dict[str, Former] = {}
    loose_names: dict[str, Former] = {}
    for name, targets in into.items():
        item = Former(name, since[name], tuple(sorted(set(targets), key=fold)), current[targets[0]])
        for spelling in (name, *sorted(other[name])):
            key = fold(spelling)
            if gemeenten.lookup(spelling).status != "unknown" or former.get(key, item) != item:
                raise ValueError(f"{HISTORY_FILE}: {spelling!r} is also the name of another municipality")
            former[key] = item
            loose_names.setdefault(loose(key), item)
    founded = {}
    for date, target in sorted(new):
        if target in founded:
            raise ValueError(f"{HISTORY_FILE}: {target!r} is formed twice")
        parts = tuple(sorted(groups[(date, target)], key=lambda p: (p[1], fold(p[0]))))
        founded[target] = Founded(target, date, parts)
    return _History(former, loose_names, founded)


_HISTORY: _History | None = None


def _history() -> _History:
    global _HISTORY
    if _HISTORY is None:
        _HISTORY = build(read_rows(), gemeenten.all_municipalities())
    return _HISTORY


def former(name: str) -> Former | None:
    """The former municipality called `name` (any case, accents, punctuation), else None."""
    history = _history()
    key = fold(str(name))
    return history.former.get(key) or history.loose.get(loose(key)) if key else None


def founded(official: str) -> Founded | None:
    """The reorganisation that formed the municipality `official` since 2015, else None."""
    return _history().founded.get(official)


def all_former() -> list[Former]:
    return sorted(set(_history().former.values()), key=lambda f: (f.since, fold(f.name)))


def all_founded() -> list[Founded]:
    return sorted(_history().founded.values(), key=lambda f: (f.since, fold(f.name)))


def date_nl(date: dt.date) -> str:
    """'1 januari 2019'."""
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def _and(names: list[str]) -> str:
    """'A, B en C'; a name with ' en ' in it is quoted ("Dongeradeel en 'Kollumerland en Nieuwkruisland'")."""
    names = [f"'{n}'" if " en " in n else n for n in names]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def entry_date(values: dict, as_date: Callable[[Any], dt.date | None]) -> dt.date | None:
    """The date that counts for an entry's municipalities: `event.date` if valid, else `date`."""
    event = values.get("event")
    when = as_date(event.get("date")) if isinstance(event, dict) else None
    return when or as_date(values.get("date"))


def former_message(item: Former) -> str:
    when = date_nl(item.since)
    if item.split:
        where = f"verdeeld over de gemeenten {_and(list(item.into))} — schrijf de gemeente waar het over gaat"
    else:
        where = f"deel van de gemeente {item.into[0]} — schrijf '{item.into[0]}'"
    return f"{item.name} is sinds {when} {where}, of laat '{item.name}' staan als het over de tijd daarvoor gaat"


def not_yet_message(item: Founded, on: dt.date) -> str:
    parts = [name for name, partly in item.predecessors if not partly]
    parts += [f"een deel van {name}" for name, partly in item.predecessors if partly]
    return (f"{item.name} bestaat sinds {date_nl(item.since)}; op {date_nl(on)} waren dat {_and(parts)} — "
            f"noem de gemeente van toen, of laat '{item.name}' staan als je de gemeente van nu bedoelt")


def check(value: str, found: gemeenten.Lookup, on: dt.date | None) -> Verdict | None:
    """The verdict for a name `lookup` classified as `found`, as of the date `on`.

    None when history has nothing to say: a current municipality that already existed
    on that date, or a name that is neither current nor former.
    """
    if found.status in ("ok", "accent") and found.name and found.province:
        item = founded(found.name)
        if item is not None and on is not None and on < item.since:
            return Verdict(found.name, found.province, "municipality-not-yet", not_yet_message(item, on))
        return None
    if found.status != "unknown":
        return None
    gone = former(value)
    if gone is None:
        return None
    if on is not None and on < gone.since:
        return Verdict(gone.name, gone.province)
    return Verdict(gone.name, gone.province, "municipality-former", former_message(gone))
