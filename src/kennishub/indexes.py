"""What the generated pages list: every grouping of the published entries, built once.

`build_index(hub)` walks the published entries a single time and fills every
grouping the site needs (by theme, type, collection, year, province and
municipality, organisation, network, derived-from links, theme co-occurrence).
Page builders only look things up here, so no page does work proportional to the
whole hub. Nothing here knows MkDocs.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from kennishub.model import COLLECTIONS, Entry, Hub, Theme
from kennishub.text import fold, slugify

OTHER_LETTER = "#"  # A–Z group of names that do not start with a letter


def newest_first_key(entry: Entry) -> tuple:
    """Sort key: newest date first, then title, then slug (fully deterministic)."""
    date = entry.date or dt.date.min
    return (-date.toordinal(), entry.title.casefold(), entry.slug)


def name_key(name: str) -> str:
    """Comparison key of a free-text name (organisation, network): case, accents, spaces."""
    return fold(name)


def sort_key(name: str) -> tuple:
    """A–Z sort key: ignores case, accents and leading punctuation ("'s-Hertogenbosch")."""
    folded = fold(name)
    stripped = folded.lstrip("'\"‘’“”([-.–— ")
    if stripped.startswith("s-") and folded.startswith("'"):
        stripped = stripped[2:]
    return (stripped or folded, folded, name)


def letter_of(name: str) -> str:
    """The A–Z group a name is listed under: its first letter, or '#'."""
    first = sort_key(name)[0][:1].upper()
    return first if "A" <= first <= "Z" else OTHER_LETTER


def municipality_anchor(name: str) -> str:
    """HTML id of a municipality on the regions page."""
    return "gemeente-" + (slugify(name) or "onbekend")


def province_anchor(name: str) -> str:
    return "provincie-" + (slugify(name) or "onbekend")


def paginate(items: list, per_page: int) -> list[list]:
    """Split into pages of `per_page`; an empty list gives one empty page."""
    if per_page < 1:
        raise ValueError("per_page must be at least 1")
    return [items[i : i + per_page] for i in range(0, len(items), per_page)] or [[]]


@dataclass
class Group:
    """A named group of entries (an organisation, a network), newest first."""

    name: str  # display name: the spelling used most often (ties: first A–Z)
    anchor: str  # HTML id on its index page, unique on that page
    entries: list[Entry] = field(default_factory=list)


@dataclass
class SiteIndex:
    hub: Hub
    entries: list[Entry]  # published, newest first
    by_slug: dict[str, Entry]
    themes: list[Theme]  # A–Z by title
    by_theme: dict[str, list[Entry]]  # theme slug -> entries, newest first
    by_collection: dict[str, list[Entry]]
    by_type: dict[str, list[Entry]]
    by_year: dict[str, dict[int, list[Entry]]]  # collection -> year (newest first) -> entries
    regions: dict[str, dict[str, list[Entry]]]  # province -> municipality -> entries (A–Z)
    organisations: dict[str, Group]  # name_key -> group, A–Z
    networks: dict[str, Group]  # name_key -> group, A–Z
    derived: dict[str, list[Entry]]  # slug -> checklists derived from it, newest first
    theme_pairs: Counter  # (slug_a, slug_b) with a < b -> entries having both
    newest_date: dt.date | None = None
    memo: dict = field(default_factory=dict)  # HTML fragments reused across pages of one build

    def theme_entries(self, slug: str) -> list[Entry]:
        return self.by_theme.get(slug, [])

    def theme_type_counts(self, slug: str) -> dict[str, int]:
        """Entries of a theme per type, in the order of the types' labels table."""
        counts = Counter(e.type for e in self.theme_entries(slug))
        return {t: counts[t] for t in _TYPES if counts[t]}

    def related_themes(self, slug: str, limit: int = 5) -> list[tuple[Theme, int]]:
        """Themes that occur together with `slug` most often; ties A–Z by title."""
        found = []
        for (a, b), n in self.theme_pairs.items():
            if slug in (a, b):
                other = b if a == slug else a
                if other in self.hub.themes:
                    found.append((self.hub.themes[other], n))
        found.sort(key=lambda tn: (-tn[1], fold(tn[0].title), tn[0].slug))
        return found[:limit]

    def derived_from(self, entry: Entry) -> list[Entry]:
        """The published entries a checklist draws on (in the order the editor listed them)."""
        slugs = entry.meta.get("derived_from") or []
        return [self.by_slug[s] for s in slugs if s in self.by_slug and s != entry.slug]

    def organisation(self, name: str) -> Group | None:
        return self.organisations.get(name_key(name))

    def network(self, name: str) -> Group | None:
        return self.networks.get(name_key(name))

    def years(self, collection: str) -> list[int]:
        return list(self.by_year.get(collection, {}))


_TYPES = [t for types, _, _ in COLLECTIONS.values() for t in types]


def _groups(names_per_entry: list[tuple[Entry, list[str]]], prefix: str) -> dict[str, Group]:
    """Group entries by folded name; display the most used spelling; A–Z; unique anchors."""
    spellings: dict[str, Counter] = defaultdict(Counter)
    members: dict[str, list[Entry]] = defaultdict(list)
    for entry, names in names_per_entry:
        seen = set()
        for name in names:
            if not isinstance(name, str) or not name.strip():
                continue
            key = name_key(name)
            spellings[key][name.strip()] += 1
            if key not in seen:
                seen.add(key)
                members[key].append(entry)  # entries arrive newest first
    groups: dict[str, Group] = {}
    used: set[str] = set()
    for key in sorted(spellings, key=lambda k: sort_key(_display(spellings[k]))):
        display = _display(spellings[key])
        anchor = base = f"{prefix}-{slugify(display) or 'naam'}"
        n = 2
        while anchor in used:
            anchor, n = f"{base}-{n}", n + 1
        used.add(anchor)
        groups[key] = Group(display, anchor, members[key])
    return groups


def _display(spellings: Counter) -> str:
    return sorted(spellings.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def build_index(hub: Hub) -> SiteIndex:
    """Every grouping of the hub's published entries, in one pass (plus sorting)."""
    entries = sorted(hub.published(), key=newest_first_key)
    by_slug = {e.slug: e for e in entries}
    by_theme: dict[str, list[Entry]] = {slug: [] for slug in hub.themes}
    by_collection: dict[str, list[Entry]] = {c: [] for c in COLLECTIONS}
    by_type: dict[str, list[Entry]] = {t: [] for t in _TYPES}
    by_year: dict[str, dict[int, list[Entry]]] = {c: {} for c in COLLECTIONS}
    regions: dict[str, dict[str, list[Entry]]] = defaultdict(lambda: defaultdict(list))
    derived: dict[str, list[Entry]] = defaultdict(list)
    pairs: Counter = Counter()
    orgs, nets = [], []
    for e in entries:
        themes = [t for t in dict.fromkeys(e.themes) if t in by_theme]
        for t in themes:
            by_theme[t].append(e)
        for i, a in enumerate(sorted(themes)):
            for b in sorted(themes)[i + 1 :]:
                pairs[(a, b)] += 1
        by_collection.setdefault(e.collection, []).append(e)
        by_type.setdefault(e.type, []).append(e)
        if e.date:
            by_year.setdefault(e.collection, {}).setdefault(e.date.year, []).append(e)
        for m in {m.name: m for m in e.municipalities}.values():
            regions[m.province][m.name].append(e)
        orgs.append((e, list(e.meta.get("organisations") or [])))
        network = e.meta.get("network")
        nets.append((e, [network] if network else []))
        for source in dict.fromkeys(e.meta.get("derived_from") or []):
            if source != e.slug:
                derived[source].append(e)
    return SiteIndex(
        hub=hub,
        entries=entries,
        by_slug=by_slug,
        themes=sorted(hub.themes.values(), key=lambda t: (fold(t.title), t.slug)),
        by_theme=by_theme,
        by_collection=by_collection,
        by_type=by_type,
        by_year={c: dict(sorted(years.items(), reverse=True)) for c, years in by_year.items()},
        regions={
            p: {m: regions[p][m] for m in sorted(regions[p], key=sort_key)}
            for p in sorted(regions, key=sort_key)
        },
        organisations=_groups(orgs, "org"),
        networks=_groups(nets, "netwerk"),
        derived=dict(derived),
        theme_pairs=pairs,
        newest_date=entries[0].date if entries else None,
    )


def counts(index: SiteIndex) -> dict[str, list[tuple[str, int]]]:
    """The numbers of "In cijfers": entries per theme, type, year (gaps as 0) and province."""
    years = Counter(e.date.year for e in index.entries if e.date)
    return {
        "themes": [(t.title, len(index.theme_entries(t.slug))) for t in index.themes],
        "types": [(t, len(index.by_type.get(t, []))) for t in _TYPES],
        "years": [(y, years[y]) for y in range(min(years), max(years) + 1)] if years else [],
        "provinces": [(p, len({e.slug for es in ms.values() for e in es})) for p, ms in index.regions.items()],
    }
