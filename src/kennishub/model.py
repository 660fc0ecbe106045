"""The hub's content as plain data: entries, themes, authors.

Nothing here knows MkDocs. The loader (`kennishub.hub`) builds these objects; the
validator checks them; the index builder and the MkDocs adapter read them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

# collection folder -> (allowed types, URL prefix, Dutch label)
COLLECTIONS: dict[str, tuple[tuple[str, ...], str, str]] = {
    "stories": (("verhaal", "interview", "terugblik"), "verhalen", "Verhalen"),
    "lessons-learned": (("checklist",), "lessen", "Geleerde lessen"),
}
THEMES_DIR = "docs/themas"
THEMES_URL = "themas"

TYPE_LABELS = {
    "verhaal": "Verhaal",
    "interview": "Interview",
    "terugblik": "Terugblik",
    "checklist": "Checklist",
}
TYPE_LABELS_PLURAL = {
    "verhaal": "Verhalen",
    "interview": "Interviews",
    "terugblik": "Terugblikken",
    "checklist": "Checklists",
}


@dataclass
class Municipality:
    name: str  # official CBS 2025 name
    province: str


@dataclass
class Entry:
    """One Markdown file of `stories/` or `lessons-learned/`.

    `meta` holds the front matter as plain Python values (dates as `datetime.date`).
    Only entries without errors reach the site, so the site may rely on the content
    model's rules (required keys present, types right).
    """

    path: str  # POSIX path relative to the hub root, e.g. "stories/samen-in-crooswijk.md"
    collection: str  # "stories" | "lessons-learned"
    slug: str
    meta: dict[str, Any]
    body: str  # Markdown after the front matter
    body_line: int = 1  # line in the file where `body` starts (1-based)
    municipalities: list[Municipality] = field(default_factory=list)  # resolved

    @property
    def url(self) -> str:
        """Site URL relative to the site root, with a trailing slash: 'verhalen/slug/'."""
        return f"{COLLECTIONS[self.collection][1]}/{self.slug}/"

    @property
    def title(self) -> str:
        return self.meta.get("title", self.slug)

    @property
    def type(self) -> str:
        return self.meta.get("type", "")

    @property
    def date(self) -> dt.date | None:
        value = self.meta.get("date")
        return value if isinstance(value, dt.date) else None

    @property
    def draft(self) -> bool:
        return self.meta.get("draft") is True

    @property
    def themes(self) -> list[str]:
        value = self.meta.get("themes")
        return list(value) if isinstance(value, list) else []  # not a list: reported by the validator

    @property
    def provinces(self) -> list[str]:
        return sorted({m.province for m in self.municipalities})


@dataclass
class Theme:
    """One file `docs/themas/<slug>.md`: a term of the controlled vocabulary."""

    path: str
    slug: str
    meta: dict[str, Any]
    body: str
    body_line: int = 1

    @property
    def url(self) -> str:
        return f"{THEMES_URL}/{self.slug}/"

    @property
    def title(self) -> str:
        return self.meta.get("title", self.slug)

    @property
    def description(self) -> str:
        return self.meta.get("description", "")

    @property
    def aliases(self) -> list[str]:
        value = self.meta.get("aliases")
        return list(value) if isinstance(value, list) else []  # not a list: reported by the validator


@dataclass
class Author:
    key: str
    name: str
    description: str = ""
    avatar: str = ""


@dataclass
class Hub:
    """Everything the hub holds, loaded from disk."""

    root: str
    entries: list[Entry] = field(default_factory=list)
    themes: dict[str, Theme] = field(default_factory=dict)
    authors: dict[str, Author] = field(default_factory=dict)
    authors_file: str = ".authors.yml"

    def published(self) -> list[Entry]:
        return [e for e in self.entries if not e.draft]
