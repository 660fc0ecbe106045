"""The search index: Pagefind over the entries of the built site.

`index_site(site_dir, hub)` runs after MkDocs has written the site. It reads only the
entry pages (`verhalen/<slug>/` and `lessen/<slug>/`), takes the entry's own content
out of Material's `<article>`, and hands Pagefind a small document per entry:

- the title, the summary and the metadata as text with weights (title > summary >
  metadata > body), so a title or summary match ranks first;
- the body, minus the entry header, "Gerelateerd" and other lists of other entries;
- filters (`FILTERS`), meta (title, date, summary, type) and a sort key (date).

Index pages, the home page and the navigation chrome never reach the index, and the
served pages are not changed. Compound words get markers in the indexed copy only (see
`kennishub.compounds`). Next to Pagefind's files it writes `woorden.json`, the hub's
vocabulary, which the interface loads only when a query finds nothing, to suggest a
correction ("bedoel je …?"). Nothing here knows MkDocs.
"""

from __future__ import annotations

import asyncio
import html
import json
import re
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kennishub.compounds import Splitter, vocabulary
from kennishub.model import TYPE_LABELS, Entry, Hub

OUTPUT_DIR = "pagefind"
VOCABULARY_FILE = "woorden.json"
VOCABULARY_MAX = 8000
LANGUAGE = "nl"
# Pagefind filter names (keys in the index; the interface maps them to Dutch labels).
FILTERS = ("type", "themes", "province", "municipalities", "organisations", "network", "year")
WEIGHT_TITLE, WEIGHT_SUMMARY, WEIGHT_META = 10, 6, 3
# Files Pagefind writes that this site never loads (its own interfaces; the index of
# pages without a language, as every page is forced to Dutch): not deployed.
UNUSED_FILES = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
    "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js", "wasm.unknown.pagefind",
)
# Parts of a built entry page that are not the entry's own text.
EXCLUDE_SELECTORS = [
    ".kh-entry",  # title, lead line and metadata block: indexed from the entry itself
    ".kh-related",
    ".kh-derived",
    ".kh-checklist-tools",
    ".headerlink",
    ".md-content__button",
    ".md-source-file",
    ".md-header",
    ".md-tabs",
    ".md-sidebar",
    ".md-footer",
    "nav",
]
_ARTICLE = re.compile(r'<article\b[^>]*\bclass="[^"]*\bmd-content__inner\b[^"]*"[^>]*>')
_BODY = re.compile(r"<body\b[^>]*>")
_TAG_OR_ENTITY = re.compile(r"(<[^>]*>|&#?\w+;)")
_WORDS = re.compile(r"[^\W\d_]{4,}")


class SearchIndexError(RuntimeError):
    """Pagefind could not build the index; the message is Dutch, for the build log."""


@dataclass(frozen=True)
class IndexStats:
    pages: int  # entries in the index
    missing: int  # published entries whose page was not found in the site
    seconds: float
    files: int  # files Pagefind wrote (plus the vocabulary)
    bytes: int  # their total size


def esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def entry_filters(entry: Entry, theme_titles: dict[str, str] | None = None) -> dict[str, list[str]]:
    """The Pagefind filters of one entry: readable values, no duplicates, stable order."""
    titles = theme_titles or {}

    def strings(value: object) -> list[str]:
        items = value if isinstance(value, list) else [value]
        return [s.strip() for s in items if isinstance(s, str) and s.strip()]

    municipalities = [m.name for m in entry.municipalities] or strings(entry.meta.get("municipalities"))
    values = {
        "type": [TYPE_LABELS.get(entry.type, entry.type)],
        "themes": [titles.get(slug, slug) for slug in entry.themes],
        "province": entry.provinces,
        "municipalities": municipalities,
        "organisations": strings(entry.meta.get("organisations")),
        "network": strings(entry.meta.get("network")),
        "year": [str(entry.date.year)] if entry.date else [],
    }
    return {key: list(dict.fromkeys(v)) for key, v in values.items() if v}


def entry_meta(entry: Entry) -> dict[str, str]:
    """What a result shows: title, date (ISO), summary, type label."""
    meta = {
        "title": entry.title,
        "summary": str(entry.meta.get("summary", "")),
        "type": TYPE_LABELS.get(entry.type, entry.type),
    }
    if entry.date:
        meta["date"] = entry.date.isoformat()
    return meta


def _metadata_text(entry: Entry, filters: dict[str, list[str]]) -> str:
    """The searchable words of the front matter: places, organisations, network, themes."""
    parts: list[str] = []
    for key in ("themes", "municipalities", "province", "organisations", "network"):
        parts += filters.get(key, [])
    parts += [p for p in entry.meta.get("places") or [] if isinstance(p, str)]
    for person in entry.meta.get("interviewees") or []:
        if isinstance(person, dict) and isinstance(person.get("name"), str):
            parts.append(person["name"])
    event = entry.meta.get("event")
    if isinstance(event, dict):
        parts += [v for k, v in event.items() if k in ("name", "place") and isinstance(v, str)]
    return " · ".join(dict.fromkeys(parts))


def article_html(page_html: str) -> str:
    """The inner HTML of Material's content `<article>` (or of `<body>` if there is none)."""
    match = _ARTICLE.search(page_html)
    end = page_html.rfind("</article>")
    if match and end > match.end():
        return page_html[match.end() : end]
    match = _BODY.search(page_html)
    end = page_html.rfind("</body>")
    return page_html[match.end() : end] if match and end > match.end() else page_html


def mark_compounds(fragment: str, splitter: Splitter) -> str:
    """Apply `splitter.mark` to the text of an HTML fragment, never inside tags or entities."""
    return "".join(
        part if part.startswith(("<", "&")) else splitter.mark(part)
        for part in _TAG_OR_ENTITY.split(fragment)
    )


def index_document(entry: Entry, page_html: str, splitter: Splitter, theme_titles: dict[str, str]) -> str:
    """The document Pagefind indexes for one entry (see the module docstring)."""
    filters = entry_filters(entry, theme_titles)
    data = [f'<span data-pagefind-meta="{k}">{esc(v)}</span>' for k, v in entry_meta(entry).items()]
    data += [f'<span data-pagefind-filter="{k}">{esc(v)}</span>' for k, vs in filters.items() for v in vs]
    if entry.date:
        data.append(f'<span data-pagefind-sort="date">{entry.date.isoformat()}</span>')
    text = [
        (WEIGHT_TITLE, "h1", entry.title),
        (WEIGHT_SUMMARY, "p", str(entry.meta.get("summary", ""))),
        (WEIGHT_META, "p", _metadata_text(entry, filters)),
    ]
    lines = [f'<!doctype html><html lang="{LANGUAGE}"><head><meta charset="utf-8"></head><body>', "<main data-pagefind-body>"]
    lines += [f'<{tag} data-pagefind-weight="{w}">{esc(splitter.mark(s))}</{tag}>' for w, tag, s in text if s]
    lines += [mark_compounds(article_html(page_html), splitter), "<div data-pagefind-ignore>", *data, "</div>"]
    lines += ["</main></body></html>"]
    return "\n".join(lines)


def _entry_texts(entry: Entry, theme_titles: dict[str, str]) -> list[str]:
    filters = entry_filters(entry, theme_titles)
    return [entry.title, str(entry.meta.get("summary", "")), _metadata_text(entry, filters), entry.body]


def build_vocabulary(entries: Iterable[Entry], theme_titles: dict[str, str], limit: int = VOCABULARY_MAX) -> list[str]:
    """Words of at least four letters, most widely used first (ties: A–Z), at most `limit`."""
    df: Counter[str] = Counter()
    for entry in entries:
        words = {w for text in _entry_texts(entry, theme_titles) for w in _WORDS.findall(text.lower())}
        df.update(words)
    return [w for w, _ in sorted(df.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]]


async def _run_pagefind(source: Path, output: Path) -> int:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(
        output_path=str(output),
        force_language=LANGUAGE,
        exclude_selectors=EXCLUDE_SELECTORS,
        write_playground=False,
    )
    async with PagefindIndex(config) as index:
        # One request for the whole folder: Pagefind reads and parses the files in
        # parallel, and the Python client waits 0.1 s per response, so one file per
        # request would cost minutes at thousands of entries.
        result = await index.add_directory(str(source))
    return int(result.get("page_count", 0))


def index_site(site_dir: Path, hub: Hub, *, language: str = LANGUAGE) -> IndexStats:
    """Build the Pagefind index of the published entries into `site_dir/pagefind/`."""
    if language != LANGUAGE:
        raise ValueError(f"only {LANGUAGE!r} is supported")
    started = time.perf_counter()
    site_dir = Path(site_dir)
    entries = hub.published()
    theme_titles = {slug: theme.title for slug, theme in hub.themes.items()}
    texts = (t for e in entries for t in _entry_texts(e, theme_titles))
    splitter = Splitter(vocabulary(texts))
    output = site_dir / OUTPUT_DIR
    shutil.rmtree(output, ignore_errors=True)
    missing = 0
    with tempfile.TemporaryDirectory(prefix="kennishub-search-") as tmp:
        source = Path(tmp)
        for entry in entries:
            try:
                page_html = (site_dir / entry.url / "index.html").read_text(encoding="utf-8")
            except OSError:
                missing += 1
                continue
            document = source / entry.url / "index.html"  # same URL as the page
            document.parent.mkdir(parents=True, exist_ok=True)
            document.write_text(index_document(entry, page_html, splitter, theme_titles), encoding="utf-8")
        try:
            pages = asyncio.run(_run_pagefind(source, output))
        except Exception as exc:  # the service reports any failure as a plain Exception
            raise SearchIndexError(f"de zoekindex kon niet worden gemaakt: {exc}") from exc
    for name in UNUSED_FILES:
        (output / name).unlink(missing_ok=True)
    words = build_vocabulary(entries, theme_titles)
    (output / VOCABULARY_FILE).write_text(json.dumps(words, ensure_ascii=False, separators=(",", ":")), "utf-8")
    files = [p for p in output.rglob("*") if p.is_file()]
    return IndexStats(
        pages=pages,
        missing=missing,
        seconds=time.perf_counter() - started,
        files=len(files),
        bytes=sum(p.stat().st_size for p in files),
    )
