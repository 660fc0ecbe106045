"""The search index: Pagefind over the entries of the site.

`SearchIndexer` gets every page as MkDocs writes it and keeps only the entry pages
(`verhalen/<slug>/` and `lessen/<slug>/`); `index_site(site_dir, hub)` does the same
for a site already written. From each entry page it takes the entry's own content out
of Material's `<article>` and hands Pagefind a small document:

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

import html
import json
import re
import shutil
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kennishub.compounds import COMMON_WORDS, LETTERS, Splitter
from kennishub.model import TYPE_LABELS, Entry, Hub
from kennishub.pagefind_client import PagefindError, PagefindFeed

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
# The entry header and the sections after the body (pages_entry.py) are cut off first.
ENTRY_HEADER = '<header class="kh-entry"'
ENTRY_FOOTERS = ('<section class="kh-derived"', '<section class="kh-related"')
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
_WORDS = re.compile(rf"(?<![{LETTERS}])[{LETTERS}]{{4,}}")


class SearchIndexError(RuntimeError):
    """Pagefind could not build the index; the message is Dutch, for the build log."""


@dataclass(frozen=True)
class IndexStats:
    pages: int  # entries in the index
    missing: int  # published entries whose page was not found in the site
    seconds: float  # time the build spent on search, on its own thread
    waited: float  # of which in `finish`: the last pages and writing the bundle
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


def entry_body_html(article: str) -> str:
    """The entry's own text in its page's article: without the entry header (edit button,
    title, metadata block) before it and the lists of other entries after it. Cut by
    string search, so Pagefind parses half as much; `EXCLUDE_SELECTORS` stays as a net."""
    start = article.find(ENTRY_HEADER)
    end = article.find("</header>", start) if start >= 0 else -1
    if end >= 0:
        article = article[end + len("</header>") :]
    cuts = [i for i in (article.find(marker) for marker in ENTRY_FOOTERS) if i >= 0]
    return article[: min(cuts)] if cuts else article


def mark_compounds(fragment: str, splitter: Splitter) -> str:
    """Apply `splitter.mark` to the text of an HTML fragment, never inside tags or entities."""
    return splitter.mark_html(fragment)


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
    body = entry_body_html(article_html(page_html))
    lines += [mark_compounds(body, splitter), "<div data-pagefind-ignore>", *data, "</div>"]
    lines += ["</main></body></html>"]
    return "\n".join(lines)


def _entry_texts(entry: Entry, theme_titles: dict[str, str]) -> list[str]:
    filters = entry_filters(entry, theme_titles)
    return [entry.title, str(entry.meta.get("summary", "")), _metadata_text(entry, filters), entry.body]


def word_frequencies(entries: Iterable[Entry], theme_titles: dict[str, str]) -> Counter[str]:
    """For every word of at least four letters (lower case): the number of entries using it."""
    df: Counter[str] = Counter()
    for entry in entries:
        df.update(set(_WORDS.findall("\n".join(_entry_texts(entry, theme_titles)).lower())))
    return df


def build_vocabulary(df: Counter[str], limit: int = VOCABULARY_MAX) -> list[str]:
    """The most widely used words first (ties: A–Z), at most `limit`."""
    return [w for w, _ in sorted(df.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]]


class SearchIndexer:
    """Builds the index while the site is built: `add_page` for every entry's HTML
    (the plugin hands over the entry's own content as soon as MkDocs has converted its
    Markdown; a whole written page works too), then `finish` once the site is complete.

    Pagefind runs in its own process and indexes each entry as it comes, in parallel
    with the rest of the build. Given the site folder, it starts writing the bundle as
    soon as the last entry has come, while MkDocs still renders and writes the pages;
    `finish` waits for that. Entries whose page was not handed over (a partial
    rebuild) are read from the site folder first.
    """

    def __init__(self, hub: Hub, site_dir: Path | None = None):
        self.entries = {entry.url: entry for entry in hub.published()}
        self.theme_titles = {slug: theme.title for slug, theme in hub.themes.items()}
        self.df = word_frequencies(self.entries.values(), self.theme_titles)
        self.splitter = Splitter(COMMON_WORDS.union(self.df))
        self.site_dir = None if site_dir is None else Path(site_dir)
        self.added: set[str] = set()
        self.busy = 0.0  # seconds spent on the caller's thread
        self._feed: PagefindFeed | None = None
        self._output: Path | None = None  # where the bundle is being written

    def _start(self) -> PagefindFeed:
        if self._feed is None:
            config = {"force_language": LANGUAGE, "exclude_selectors": EXCLUDE_SELECTORS, "write_playground": False}
            try:
                self._feed = PagefindFeed(config)
            except (PagefindError, OSError) as exc:
                raise SearchIndexError(f"de zoekindex kon niet worden gemaakt: {exc}") from exc
        return self._feed

    def _start_writing(self, site_dir: Path) -> None:
        self._output = site_dir / OUTPUT_DIR
        shutil.rmtree(self._output, ignore_errors=True)
        self._start().start_write(str(self._output))

    def add_page(self, url: str, page_html: str) -> bool:
        """Index the page at site path `url` ("verhalen/slug/") if it is an entry's."""
        entry = self.entries.get(url)
        if entry is None or url in self.added or self._output is not None:
            return False
        started = time.perf_counter()
        document = index_document(entry, page_html, self.splitter, self.theme_titles)
        self._start().add_html("/" + url, document)
        self.added.add(url)
        if self.site_dir is not None and len(self.added) == len(self.entries):
            self._start_writing(self.site_dir)
        self.busy += time.perf_counter() - started
        return True

    def finish(self, site_dir: Path) -> IndexStats:
        """Add what is missing, wait for `site_dir/pagefind/`, write the vocabulary."""
        started = time.perf_counter()
        missing = 0
        if self._output is None:
            for url in sorted(self.entries.keys() - self.added):
                try:
                    self.add_page(url, (Path(site_dir) / url / "index.html").read_text(encoding="utf-8"))
                except OSError:
                    missing += 1
            self._start_writing(Path(site_dir))
        output = self._output
        try:
            self._start().wait_written()
        except PagefindError as exc:
            raise SearchIndexError(f"de zoekindex kon niet worden gemaakt: {exc}") from exc
        finally:
            self._feed = None
        for name in UNUSED_FILES:
            (output / name).unlink(missing_ok=True)
        words = build_vocabulary(self.df)
        (output / VOCABULARY_FILE).write_text(json.dumps(words, ensure_ascii=False, separators=(",", ":")), "utf-8")
        files = [p for p in output.rglob("*") if p.is_file()]
        waited = time.perf_counter() - started
        return IndexStats(
            pages=len(self.added), missing=missing, seconds=self.busy + waited, waited=waited,
            files=len(files), bytes=sum(p.stat().st_size for p in files),
        )

    def close(self) -> None:
        """Stop Pagefind without writing (the build failed)."""
        if self._feed is not None:
            self._feed.close()
            self._feed = None


def index_site(site_dir: Path, hub: Hub) -> IndexStats:
    """Index the entries of an already written site (`SearchIndexer` without a build)."""
    return SearchIndexer(hub).finish(site_dir)
