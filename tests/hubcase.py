"""Hand-made hubs for the unit tests of the site's core (indexes, related, feeds, pages).

A case file (YAML) describes entries briefly; `hub_from_data` turns it into a `Hub`
without touching disk or the validator:

    themes: {armoede: Armoede, wijk: Wijkgericht werken}   # slug -> title
    authors: {redactie: Redactie}                             # optional
    entries:
      - slug: a                  # required
        type: verhaal            # default verhaal; checklist goes to lessons-learned
        date: 2024-03-12         # default 2024-01-01
        themes: [armoede]
        municipalities: [[Zwolle, Overijssel]]
        organisations: [...]; network: ...; derived_from: [...]; draft: true; any other key
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from kennishub.model import Author, Entry, Hub, Municipality, Theme


def entry(slug: str, **meta) -> Entry:
    meta.setdefault("type", "verhaal")
    meta.setdefault("title", f"Titel van {slug}")
    meta.setdefault("date", dt.date(2024, 1, 1))
    meta.setdefault("summary", f"Samenvatting van {slug}, lang genoeg voor een kaart.")
    meta.setdefault("themes", [])
    munis = [Municipality(n, p) for n, p in meta.pop("municipalities", [])]
    if munis:
        meta["municipalities"] = [m.name for m in munis]
    collection = "lessons-learned" if meta["type"] == "checklist" else "stories"
    body = meta.pop("body", "Tekst van het verhaal.")
    return Entry(f"{collection}/{slug}.md", collection, slug, meta, body, 1, munis)


def hub_from_data(data: dict) -> Hub:
    hub = Hub(root=".")
    for slug, title in (data.get("themes") or {}).items():
        hub.themes[slug] = Theme(f"docs/themas/{slug}.md", slug,
                                 {"title": title, "description": f"Over {title.lower()}."}, "")
    for key, name in (data.get("authors") or {}).items():
        hub.authors[key] = Author(key, name)
    for item in data.get("entries") or []:
        item = dict(item)
        hub.entries.append(entry(item.pop("slug"), **item))
    return hub


def load_case(path: Path) -> tuple[Hub, dict]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return hub_from_data(data), data.get("expect") or {}
