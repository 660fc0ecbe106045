"""Dutch municipalities: the CBS 2025 list, common names, and what an editor typed.

The official names come from `data/gemeenten-2025.csv` (CBS, columns gemeente,
provincie); common names from `data/gemeenten-aliassen.csv` (columns alias,gemeente).
Both are read once, on first use, through `importlib.resources`, so this also works
from an installed package.

`lookup` classifies a typed name (content model, `municipalities`):

- "ok": the official name in any case, with any kind of apostrophe; a common name
  ("Den Haag"); a name without its province suffix when only one municipality has
  that name ("Rijswijk" for "Rijswijk (ZH.)"); a suffix written out
  ("Bergen (Noord-Holland)").
- "accent": the name differs from one of the above only in accents ("Sudwest-Fryslan"),
  or only in punctuation and spaces ("Sint Michielsgestel", "Bergen NH"). It names the
  municipality, but the official spelling should be used (the validator warns).
- "ambiguous": several municipalities share the name ("Bergen"); `choices` lists them.
- "unknown": anything else, with the nearest official name as `suggestion` when one
  is close (or `choices` when the nearest name is itself ambiguous). A province
  ("Friesland") is unknown without a suggestion; `message_nl` says it is a province.

The common case costs a few dictionary look-ups; only unknown names are compared
with every name (`suggest.nearest_key`).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from kennishub.suggest import nearest_key
from kennishub.text import fold, loose, normalize_apostrophes

CBS_FILE = "gemeenten-2025.csv"
ALIASES_FILE = "gemeenten-aliassen.csv"

# "Bergen (NH.)" -> ("Bergen", "NH")
_SUFFIX = re.compile(r"^(?P<bare>.+?) \((?P<code>[A-Za-z]+)\.\)$")


@dataclass(frozen=True)
class Lookup:
    status: str  # "ok" | "accent" | "ambiguous" | "unknown"
    name: str | None  # official CBS name when found
    province: str | None
    choices: tuple[str, ...] = ()  # for "ambiguous": the official names to choose from
    suggestion: str | None = None  # for "unknown": nearest official name, if close


@dataclass
class _Index:
    provinces: dict[str, str]  # official name -> province, in CBS order
    exact: dict[str, str] = field(default_factory=dict)  # _casekey(official) -> official
    accepted: dict[str, str] = field(default_factory=dict)  # fold(alias) -> official
    official: dict[str, str] = field(default_factory=dict)  # fold(official) -> official
    ambiguous: dict[str, tuple[str, ...]] = field(default_factory=dict)  # fold(bare) -> choices
    loose: dict[str, str] = field(default_factory=dict)  # loose(any) -> official or bare name
    suggest: dict[str, str] = field(default_factory=dict)  # fold(any) -> official or bare name
    province_names: set[str] = field(default_factory=set)  # fold(province), also "friesland"


def _casekey(s: str) -> str:
    """Like `fold`, but keeps accents: equal keys mean 'the same up to case'."""
    s = unicodedata.normalize("NFKC", normalize_apostrophes(s)).casefold()
    return " ".join(s.split())


def _read_csv(filename: str) -> list[dict[str, str]]:
    text = resources.files("kennishub").joinpath("data", filename).read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def _build(cbs: list[dict[str, str]], aliases: list[dict[str, str]]) -> _Index:
    index = _Index({row["gemeente"].strip(): row["provincie"].strip() for row in cbs})
    provinces = index.provinces
    index.province_names = {fold(p) for p in provinces.values()} | {"friesland"}
    for name in provinces:
        index.exact[_casekey(name)] = name
        index.official[fold(name)] = name

    def accept(alias: str, name: str, source: str) -> None:
        key = fold(alias)
        if name not in provinces:
            raise ValueError(f"{source}: {alias!r} points to {name!r}, which is not in {CBS_FILE}")
        if index.official.get(key, name) != name or index.accepted.get(key, name) != name:
            raise ValueError(f"{source}: {alias!r} is already the name of another municipality")
        index.accepted[key] = name

    # Names with a province suffix: the bare name is accepted when it is unique, the
    # suffix may be written out, and a bare name shared by several is ambiguous.
    by_bare: dict[str, list[str]] = {}
    for name, province in provinces.items():
        match = _SUFFIX.match(name)
        if match:
            by_bare.setdefault(match["bare"], []).append(name)
            accept(f"{match['bare']} ({province})", name, "derived")
    for bare, names in by_bare.items():
        if fold(bare) in index.official:
            continue  # an official municipality is called just that
        if len(names) == 1:
            index.accepted.setdefault(fold(bare), names[0])
        else:
            index.ambiguous[fold(bare)] = tuple(sorted(names))
    for row in aliases:
        accept(row["alias"].strip(), row["gemeente"].strip(), ALIASES_FILE)

    # Targets of the loose (punctuation-blind) match and of suggestions; a bare
    # ambiguous name stands for its choices.
    targets = {**index.official, **index.accepted, **{key: key for key in index.ambiguous}}
    for key, target in targets.items():
        index.suggest[key] = target
    clashes: set[str] = set()
    for key, target in targets.items():
        lkey = loose(key)
        if lkey in index.loose and index.loose[lkey] != target:
            clashes.add(lkey)
        index.loose.setdefault(lkey, target)
    for lkey in clashes:
        del index.loose[lkey]  # two municipalities differ only in punctuation: no loose match
    return index


_INDEX: _Index | None = None


def _index() -> _Index:
    global _INDEX
    if _INDEX is None:
        _INDEX = _build(_read_csv(CBS_FILE), _read_csv(ALIASES_FILE))
    return _INDEX


def _found(status: str, index: _Index, target: str) -> Lookup:
    """A Lookup for `target`: an official name, or the folded key of an ambiguous one."""
    if target in index.ambiguous:
        return Lookup("ambiguous", None, None, choices=index.ambiguous[target])
    return Lookup(status, target, index.provinces[target])


@lru_cache(maxsize=8192)
def lookup(name: str) -> Lookup:
    """Classify a municipality name as typed by an editor (see the module docstring)."""
    index = _index()
    name = str(name)
    official = index.exact.get(_casekey(name))
    if official is not None:
        return Lookup("ok", official, index.provinces[official])
    key = fold(name)
    if not key:
        return Lookup("unknown", None, None)
    if key in index.accepted:
        return _found("ok", index, index.accepted[key])
    if key in index.official:
        return _found("accent", index, index.official[key])
    if key in index.ambiguous:
        return _found("ambiguous", index, key)
    target = index.loose.get(loose(name))
    if target is not None:
        return _found("accent", index, target)
    if key in index.province_names:
        return Lookup("unknown", None, None)  # a province: no municipality to suggest
    target = nearest_key(key, index.suggest)
    if target is None:
        return Lookup("unknown", None, None)
    if target in index.ambiguous:
        return Lookup("unknown", None, None, choices=index.ambiguous[target])
    return Lookup("unknown", None, None, suggestion=target)


def province_of(official_name: str) -> str | None:
    """The province of a municipality given by its official CBS name, else None."""
    return _index().provinces.get(official_name)


def all_municipalities() -> dict[str, str]:
    """Every official CBS name with its province, in the order of the CBS list."""
    return dict(_index().provinces)


def _either(names: tuple[str, ...]) -> str:
    quoted = [f"'{n}'" for n in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " of " + quoted[-1]


def message_nl(value: str, result: Lookup) -> str | None:
    """The Dutch message for a lookup that is not "ok" (None for "ok")."""
    if result.status == "ok":
        return None
    if result.status == "accent":
        return f"schrijf de gemeente '{value}' als '{result.name}' (officiële CBS-spelling)"
    if result.status == "ambiguous":
        return f"gemeente '{value}' is niet eenduidig — kies {_either(result.choices)}"
    if not str(value).strip():
        return "lege gemeente — vul de naam van een gemeente in of laat het item weg"
    if fold(str(value)) in _index().province_names:
        return f"'{value}' is een provincie — noem de gemeente; de provincie wordt daaruit afgeleid"
    if result.suggestion:
        return f"onbekende gemeente '{value}' — bedoel je '{result.suggestion}'?"
    if result.choices:
        return f"onbekende gemeente '{value}' — bedoel je {_either(result.choices)}?"
    return f"onbekende gemeente '{value}' — gebruik de naam van een gemeente uit de CBS-lijst van 2025"
