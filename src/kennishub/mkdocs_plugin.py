"""The MkDocs adapter: validate, bring entries in, add generated pages and feeds.

Only this module knows MkDocs. The work is done by the plain core:
`validator.check` (problems), `indexes.build_index` (what lists hold),
`related.RelatedFinder`, `pages_index` / `pages_entry` / `pages` (HTML) and
`feeds` (Atom). Event order:

- on_files: run the validator (errors raise `PluginError`, warnings go to the log so
  `--strict` fails on them), build the index once, add every published entry as a
  virtual file at its real source path (`stories/<slug>.md`, so relative links
  between entries resolve as MkDocs resolves them) served at `/verhalen/<slug>/` or
  `/lessen/<slug>/`, the media folders, every generated page and the feeds.
- on_page_markdown: page meta (description, feeds); slot markers where generated
  HTML goes (home page markers, theme pages, pages that also exist in docs/).
- on_page_content: the slots filled with HTML; a checklist's body gets its wrapper.
- on_page_context: entry pages get their header (title, metadata block) and footer
  (derived-from links, "Gerelateerd"); list `kennishub` after `search` in mkdocs.yml
  so Material's search indexes the entry's own text, not the lists around it.
"""

from __future__ import annotations

import json
import os
import posixpath
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from kennishub import feeds, pages_entry, pages_index, pages_messages
from kennishub.html_policy import sanitize
from kennishub.indexes import SiteIndex, build_index
from kennishub.model import COLLECTIONS, Entry
from kennishub.pages import PageSpec, fill_slots, newest_cards, sanitize_around_slots, slot, themes_grid
from kennishub.related import RelatedFinder

log = get_plugin_logger(__name__)

HOME_MARKERS = {"<!-- kennishub:newest -->": "newest", "<!-- kennishub:themes -->": "themes"}
# Sub-paths of a collection's URL the listings use; an entry slug may not take them.


class _Option(c.Type):
    """A plugin option whose error a maintainer can read: Dutch, with what to write."""

    def __init__(self, kind: type, wanted: str, default, minimum: int | None = None) -> None:
        super().__init__(kind, default=default)
        self.wanted, self.minimum = wanted, minimum

    def run_validation(self, value):
        wrong = not isinstance(value, self._type) or (self._type is int and isinstance(value, bool))
        if wrong or (self.minimum is not None and value < self.minimum):
            raise ValidationError(f"hier hoort {self.wanted}, niet {value!r}")
        return value


class KennishubConfig(base.Config):
    authors_file = _Option(str, "de naam van het auteursbestand, zoals .authors.yml", ".authors.yml")
    html_rules = _Option(bool, "true of false", True)  # off only in tests of the templates' own escaping
    per_page = _Option(int, "een getal van 1 of meer (bijdragen per overzichtspagina)", pages_index.PER_PAGE, 1)
    search = _Option(bool, "true of false", True)  # build the Pagefind index (kennishub.search)


class KennishubPlugin(BasePlugin[KennishubConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.index: SiteIndex | None = None
        self.finder: RelatedFinder | None = None
        self.entries: dict[str, Entry] = {}  # src_uri -> entry
        self.specs: dict[str, PageSpec] = {}  # src_uri -> generated part of that page
        self.root = Path.cwd()
        self.searcher = None  # kennishub.search.SearchIndexer of the running build

    # ---- configuration and files --------------------------------------------------

    def on_config(self, config):
        self.root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        if not config.use_directory_urls:
            raise PluginError("kennishub: zet 'use_directory_urls' aan in mkdocs.yml; de hub gebruikt mapadressen")
        return config

    def on_files(self, files: Files, *, config) -> Files:
        hub = self._validate()
        self.index = index = build_index(hub)
        self.finder = RelatedFinder(index)
        self.entries, self.specs = {}, {}
        # The hub root seen from docs/ ("..") for edit links of files outside docs/.
        self.root_from_docs = Path(os.path.relpath(self.root, Path(config.docs_dir).resolve())).as_posix()
        for entry in index.entries:
            self._add_entry(files, entry, config)
        self._add_media(files, config)
        for spec in self._specs(index):
            self._add_page(files, spec, config)
        self._add_feeds(files, index, config)
        return files

    def _validate(self):
        from kennishub.report import render, text_line
        from kennishub.validator import check

        run = check(self.root, html_rules=self.config.html_rules)
        result = run.result
        for problem in sorted(set(result.warnings), key=lambda p: (p.path, p.line, p.column or 0)):
            log.warning(text_line(problem))
        if result.errors:
            from kennishub.problems import Result

            errors = Result(problems=result.errors, files_checked=result.files_checked)
            raise PluginError("de inhoud van de kennishub bevat fouten:\n" + render(errors, "text"))
        return run.hub

    def _add_entry(self, files: Files, entry: Entry, config) -> None:
        src_uri = entry.path  # "stories/<slug>.md": entry links resolve as in the repository
        if src_uri in files.src_uris:
            raise PluginError(f"kennishub: docs/{src_uri} bestaat al; verwijder het, bijdragen staan in {entry.collection}/")
        file = File.generated(config, src_uri, abs_src_path=os.path.join(self.root, entry.path), inclusion=InclusionLevel.NOT_IN_NAV)
        file.dest_uri = entry.url + "index.html"
        file.url = entry.url
        # The edit link must open the real source file, not a generated path: MkDocs appends
        # this to `edit_uri` (which points into docs/) and resolves the "..".
        file.edit_uri = posixpath.join(self.root_from_docs, entry.path)
        files.append(file)
        self.entries[src_uri] = entry

    def _add_media(self, files: Files, config) -> None:
        from kennishub.hub import media_files

        for path in media_files(self.root):  # never a link out of the hub (the validator reports those)
            if not path.name.startswith("."):
                src_uri = path.relative_to(self.root).as_posix()
                if files.get_file_from_path(src_uri) is None:
                    files.append(File(src_uri, str(self.root), config.site_dir, config.use_directory_urls))

    def _specs(self, index: SiteIndex) -> list[PageSpec]:
        specs = pages_index.site_pages(index, per_page=self.config.per_page)
        specs.append(pages_messages.messages_page())
        overview = PageSpec("themas/index.md", "Thema's", in_nav=True)
        overview.add(pages_index.themes_overview(index, overview.url))
        overview.meta["description"] = "Alle thema's van de kennishub met hun bijdragen."
        specs.append(overview)
        for theme in index.themes:
            spec = PageSpec(theme.path.removeprefix("docs/"), theme.title)
            spec.add(pages_index.theme_index(index, theme))
            spec.meta.update(feed=pages_index.theme_feed(theme), feed_title=f"Nieuw bij het thema {theme.title}")
            specs.append(spec)
        return specs

    def _add_page(self, files: Files, spec: PageSpec, config) -> None:
        """A page of docs/ at the same path gets the generated part after its own text."""
        # Lists of other pages are no search results (and would slow Material's indexer).
        spec.meta.setdefault("search", {"exclude": True})
        self.specs[spec.src_uri] = spec
        if files.get_file_from_path(spec.src_uri) is not None:
            return
        head = f"---\ntitle: {json.dumps(spec.title, ensure_ascii=False)}\n---\n\n"
        inclusion = InclusionLevel.INCLUDED if spec.in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, spec.src_uri, content=head + spec.markdown, inclusion=inclusion))

    def _add_feeds(self, files: Files, index: SiteIndex, config) -> None:
        site_url = config.site_url or ""
        hub_feed = feeds.atom_feed(
            index.entries, index.hub, title=config.site_name, subtitle=pages_index.HUB_FEED_TITLE,
            feed_path=pages_index.HUB_FEED, page_path="", site_url=site_url,
        )
        files.append(File.generated(config, pages_index.HUB_FEED, content=hub_feed))
        for theme in index.themes:
            path = pages_index.theme_feed(theme)
            content = feeds.atom_feed(
                index.theme_entries(theme.slug), index.hub, title=f"{config.site_name}: {theme.title}",
                subtitle=theme.description, feed_path=path, page_path=theme.url, site_url=site_url,
            )
            files.append(File.generated(config, path, content=content))

    # ---- pages ----------------------------------------------------------------------

    def on_page_read_source(self, *, page, config) -> str | None:
        """An entry's body as the validator read it: the file is read and its front
        matter parsed once per build (the meta follows in on_page_markdown)."""
        entry = self.entries.get(page.file.src_uri)
        # The leading blank line: MkDocs reads a second `---` block or a first line like
        # "Wat: een ouderavond" as metadata; after a blank line it reads nothing.
        return None if entry is None else "\n" + entry.body

    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:
        src_uri = page.file.src_uri
        entry = self.entries.get(src_uri)
        if entry is not None:
            page.meta = {**entry.meta, **pages_entry.page_meta(entry)}
            return markdown
        spec = self.specs.get(src_uri)
        if spec is not None:
            for key, value in spec.meta.items():
                page.meta.setdefault(key, value)
            if page.file.generated_by is None:  # a page of docs/: its own text first
                markdown += "".join(f"\n\n{slot(i)}\n" for i in range(len(spec.slots)))
            return markdown
        if page.is_homepage and self.index is not None:
            return self._home_markdown(markdown, page)
        return markdown

    def _home_markdown(self, markdown: str, page) -> str:
        blocks = {
            "newest": lambda: newest_cards(self.index, ""),
            "themes": lambda: themes_grid(self.index, ""),
        }
        slots = []
        for marker, name in HOME_MARKERS.items():
            if marker in markdown:
                markdown = markdown.replace(marker, f"\n\n{slot(len(slots))}\n\n", 1)
                slots.append(blocks[name]())
        if slots:
            self.specs[page.file.src_uri] = PageSpec(page.file.src_uri, page.title or "", slots=slots)
        return markdown

    def on_page_content(self, html: str, *, page, config, files) -> str:
        entry = self.entries.get(page.file.src_uri)
        if entry is not None:  # what an editor wrote passes the allow-list (kennishub.html_policy)
            html = pages_entry.wrap_checklist(entry, sanitize(html))
            self._index_for_search(page, html, config)
            return html
        spec = self.specs.get(page.file.src_uri)
        if spec is None:
            return html
        if page.file.src_uri.startswith("themas/") and page.file.generated_by is None:
            html = sanitize_around_slots(html)  # a theme's introduction is written by editors too
        return fill_slots(html, spec.slots)

    def on_page_context(self, context, *, page, config, nav):
        """Entry pages get their header (title, metadata) and footer (derived-from,
        "Gerelateerd") here, just before the template renders: plugins listed before
        this one (Material's search) have then indexed only the entry's own text."""
        entry = self.entries.get(page.file.src_uri)
        if entry is not None and self.index is not None:
            page.content = (
                pages_entry.entry_header(entry, self.index)
                + page.content
                + pages_entry.entry_footer(entry, self.index, self.finder)
            )
        return context

    # ---- search (kennishub.search: Pagefind indexes entries while the site is built) ----

    def _index_for_search(self, page, html: str, config) -> None:
        """Hand Pagefind the entry's own content as soon as its Markdown is converted.
        MkDocs converts every page before it renders any, so Pagefind has all entries
        (and starts writing its bundle) while MkDocs still renders and writes the site."""
        if not self.config.search or self.index is None:
            return
        from kennishub.search import SearchIndexer, SearchIndexError

        try:
            if self.searcher is None:
                self.searcher = SearchIndexer(self.index.hub, Path(config.site_dir))
            self.searcher.add_page(page.url, html)
        except SearchIndexError as exc:
            raise PluginError(f"kennishub: {exc}") from exc

    def on_post_build(self, *, config) -> None:
        if not self.config.search or self.index is None:
            return
        from kennishub.search import SearchIndexer, SearchIndexError

        searcher, self.searcher = self.searcher or SearchIndexer(self.index.hub), None
        try:
            stats = searcher.finish(Path(config.site_dir))
        except SearchIndexError as exc:
            raise PluginError(f"kennishub: {exc}") from exc
        log.info(f"zoekindex: {stats.pages} bijdragen, {stats.seconds:.1f} s in de build "
                 f"(waarvan {stats.waited:.1f} s aan het eind)")

    def on_build_error(self, *, error) -> None:
        if self.searcher is not None:
            self.searcher.close()
            self.searcher = None

    def on_serve(self, server, *, config, builder):
        for name in (*COLLECTIONS, self.config.authors_file):
            path = self.root / name
            if path.exists():
                server.watch(str(path))
        return server
