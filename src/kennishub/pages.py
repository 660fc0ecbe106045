"""Shared building blocks of the generated HTML: escaping, relative links, Dutch dates,
entry list items and cards.

Every value that comes from content passes through `esc` before it reaches HTML, and
only links built here (relative site paths) or checked http(s) URLs go into `href`.
Links are relative to the page they appear on (`base`, the page's site path such as
"verhalen/slug/"), so the site works under any sub-path. Directory URLs are assumed.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from kennishub.indexes import SiteIndex
from kennishub.model import TYPE_LABELS, Entry

MONTHS_NL = (
    "januari februari maart april mei juni juli augustus september oktober november december"
).split()
WORDS_PER_MINUTE = 200


def esc(value: object) -> str:
    """HTML-escape any value (quotes included), so it is inert as text and in attributes."""
    return html.escape(value if isinstance(value, str) else "" if value is None else str(value))


def date_nl(date: dt.date | None) -> str:
    """'12 maart 2024'."""
    if not isinstance(date, dt.date):
        return ""
    return f"{date.day} {MONTHS_NL[date.month - 1]} {date.year}"


def time_tag(date: dt.date | None) -> str:
    if not isinstance(date, dt.date):
        return ""
    return f'<time datetime="{date.isoformat()}">{esc(date_nl(date))}</time>'


def rel(target: str, base: str) -> str:
    """Link from the page at site path `base` to site path `target` (may carry '#anchor')."""
    path, hash_, fragment = target.partition("#")
    base_parts = [p for p in base.split("/") if p and p != "."]
    if base_parts and not path.startswith(base_parts[0] + "/"):  # nothing in common: the usual case
        return "../" * len(base_parts) + path + (hash_ + fragment if hash_ else "")
    target_parts = path.split("/") if path else [""]
    i = 0
    while i < len(base_parts) and i < len(target_parts) - 1 and base_parts[i] == target_parts[i]:
        i += 1
    out = "/".join([".."] * (len(base_parts) - i) + target_parts[i:]) or "./"
    return out + (hash_ + fragment if hash_ else "")


def safe_url(url: object) -> str | None:
    """The URL if it is absolute http(s), else None (never put anything else in href)."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.netloc and not any(c in url for c in "\r\n\t <>\"'`"):
        return url
    return None


_WORD = re.compile(r"\w[\w'’-]*")
_SKIP = re.compile(r"```.*?```|<[^>]+>|\]\([^)]*\)|https?://\S+", re.S)


def word_count(markdown: str) -> int:
    """Words of a Markdown body (without link targets, HTML tags and fenced code)."""
    return len(_WORD.findall(_SKIP.sub(" ", markdown)))


def reading_time(markdown: str) -> str:
    minutes = max(1, math.ceil(word_count(markdown) / WORDS_PER_MINUTE))
    return f"{minutes} {'minuut' if minutes == 1 else 'minuten'} lezen"


def type_label(entry: Entry) -> str:
    return TYPE_LABELS.get(entry.type, entry.type)


def municipality_text(entry: Entry) -> str:
    """'Rotterdam (Zuid-Holland), Veenendaal (Utrecht)'."""
    return ", ".join(f"{m.name} ({m.province})" for m in entry.municipalities)


def names(values: object) -> list[str]:
    """The string items of a front matter list."""
    return [v for v in values or [] if isinstance(v, str)] if isinstance(values, list) else []


def entry_item(entry: Entry, base: str, *, detail: bool = True, tag: str = "li", memo: dict | None = None) -> str:
    """One entry in a list: title link, type and date; with `detail` also summary,
    organisations and municipalities. With `memo` (one dict per build), an item made
    before with the same link is reused: its HTML depends on nothing else."""
    link = rel(entry.url, base)
    if memo is not None:
        key = ("item", entry.slug, link, detail, tag)
        found = memo.get(key)
        if found is None:
            found = memo[key] = entry_item(entry, base, detail=detail, tag=tag)
        return found
    parts = [
        f'<{tag} class="kh-item kh-item--{esc(entry.type)}">',
        f'<a class="kh-item__title" href="{esc(link)}">{esc(entry.title)}</a>',
        f'<span class="kh-item__meta"><span class="kh-type">{esc(type_label(entry))}</span>'
        f" · {time_tag(entry.date)}</span>",
    ]
    if detail:
        summary = entry.meta.get("summary")
        if summary:
            parts.append(f'<span class="kh-item__summary">{esc(summary)}</span>')
        orgs = names(entry.meta.get("organisations"))
        where = municipality_text(entry)
        extra = " · ".join(esc(x) for x in (", ".join(orgs), where) if x)
        if extra:
            parts.append(f'<span class="kh-item__where">{extra}</span>')
    parts.append(f"</{tag}>")
    return "".join(parts)


def entry_list(
    entries: list[Entry], base: str, *, detail: bool = True, css: str = "kh-list", memo: dict | None = None
) -> str:
    if not entries:
        return '<p class="kh-empty">Nog geen bijdragen.</p>'
    items = "\n".join(entry_item(e, base, detail=detail, memo=memo) for e in entries)
    return f'<ul class="{esc(css)}">\n{items}\n</ul>'


def entry_card(entry: Entry, base: str) -> str:
    """A card for the home page: type, title link, date, summary."""
    return (
        f'<article class="kh-card kh-card--{esc(entry.type)}">'
        f'<p class="kh-card__type">{esc(type_label(entry))}</p>'
        f'<h3 class="kh-card__title"><a href="{esc(rel(entry.url, base))}">{esc(entry.title)}</a></h3>'
        f'<p class="kh-card__date">{time_tag(entry.date)}</p>'
        f'<p class="kh-card__summary">{esc(entry.meta.get("summary", ""))}</p>'
        "</article>"
    )


def newest_cards(index: SiteIndex, base: str, n: int = 6) -> str:
    """The newest `n` entries as cards (the home page links the full listings itself)."""
    cards = "\n".join(entry_card(e, base) for e in index.entries[:n])
    return f'<div class="kh-cards">\n{cards}\n</div>' if cards else '<p class="kh-empty">Nog geen bijdragen.</p>'


def themes_grid(index: SiteIndex, base: str) -> str:
    items = []
    for t in index.themes:
        n = len(index.theme_entries(t.slug))
        items.append(
            f'<li class="kh-theme"><a class="kh-theme__title" href="{esc(rel(t.url, base))}">{esc(t.title)}</a>'
            f'<span class="kh-theme__description">{esc(t.description)}</span>'
            f'<span class="kh-theme__count">{n} {"bijdrage" if n == 1 else "bijdragen"}</span></li>'
        )
    return '<ul class="kh-themes-grid">\n' + "\n".join(items) + "\n</ul>"


@dataclass
class PageSpec:
    """A generated page: its source path in the virtual docs tree, title, Markdown (with
    `slot(i)` markers where the HTML in `slots[i]` goes after rendering), page meta."""

    src_uri: str  # e.g. "regio.md", "verhalen/pagina/2.md"
    title: str
    markdown: str = ""
    slots: list[str] = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    in_nav: bool = False

    @property
    def url(self) -> str:
        stem = self.src_uri[: -len(".md")]
        if stem == "index":
            return ""
        if stem.endswith("/index"):
            return stem[: -len("index")]
        return stem + "/"

    def add(self, html_block: str) -> None:
        """Append an HTML block (placed after the Markdown rendered so far)."""
        self.markdown += f"\n\n{slot(len(self.slots))}\n\n"
        self.slots.append(html_block)


def slot(i: int) -> str:
    return f"<!-- kennishub-slot-{i} -->"


_SLOT = re.compile(r"(<!-- kennishub-slot-\d+ -->)")


def sanitize_around_slots(content: str) -> str:
    """An editor's page through the HTML allow-list, its slot markers (comments, which
    the allow-list removes) kept where they are."""
    from kennishub.html_policy import sanitize

    return "".join(part if _SLOT.fullmatch(part) else sanitize(part) for part in _SLOT.split(content))


def fill_slots(content: str, slots: list[str]) -> str:
    """Put each slot's HTML where its marker ended up in the rendered page."""
    for i, block in enumerate(slots):
        content = content.replace(slot(i), block, 1)
    return content
