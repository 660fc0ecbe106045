"""Runs every check of the content model over a hub and returns one result.

    run = check("pad/naar/hub")
    run.result.problems   # every problem of every file
    run.hub.entries       # the entries, with resolved municipalities

An unexpected failure while checking one file becomes a problem for that file.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable
from zoneinfo import ZoneInfo

from kennishub import characters, crosscheck, debug, parallel, privacy, privacy_scan, svg_check
from kennishub.body import check_body, line_col
from kennishub.html_check import check_rendered
from kennishub.render import Renderer
from kennishub.formats import FORMATS, as_date
from kennishub.frontmatter import FrontMatter, parse_yaml, read
from kennishub.hub import (CONFIG, docs_files, read_config, DEFAULT_AUTHORS_FILE, OUTSIDE_DIR_MESSAGE, OUTSIDE_MESSAGE, config_line, entry_files,
                           media_files, outside_links, plugin_options, read_source, stray_files, theme_files)
from kennishub.model import COLLECTIONS, Author, Entry, Hub, Municipality, Theme
from kennishub.problems import Problem, Result
from kennishub.schema import Context, compile_root, model
from kennishub.site_name import site_name_problems
from kennishub.text import fold

MAX_PRIVACY_REPORTED = 20  # per file; one more message counts the rest
_KEY_CODES = {"missing-key", "unknown-key", "field-not-for-type", "duplicate-slug", "too-few-items", "too-many-items"}
_SLUG = re.compile(model()["slug"]["pattern"])
_SLUG_MAX = model()["slug"]["maxLength"]
_RESERVED = frozenset(model()["slug"].get("reservedForEntries", ()))


@dataclass
class Check:
    hub: Hub
    result: Result


def today_amsterdam() -> dt.date:
    return dt.datetime.now(ZoneInfo("Europe/Amsterdam")).date()


class _Run:
    def __init__(self, root: Path, html_rules: bool, today: dt.date, workers: int = 1):
        self.root = root
        self.workers = workers
        self.html_rules = html_rules
        self.today = today
        self.result = Result()
        options = plugin_options(root)
        self.hub = Hub(root=str(root), authors_file=str(options.get("authors_file") or DEFAULT_AUTHORS_FILE))
        self.entry_schema = compile_root("entry", FORMATS)
        self.theme_schema = compile_root("theme", FORMATS)
        self.body_rules = model()["body"]
        self.positions: dict[str, FrontMatter] = {}
        self.links: dict[str, list[tuple[int, int, str]]] = {}
        self.slugs: dict[str, list[str]] = {}
        self.renderer: Renderer | None = None
        self.anchors: dict[str, set[str]] = {}  # path -> ids its rendered page holds

    def report(self, path: str, line: int, column: int | None, severity: str, code: str, message: str) -> None:
        if "\n" in message or "\r" in message:  # a quoted value with a line break: keep one problem on one line
            message = message.replace("\r", "\\r").replace("\n", "\\n")
        self.result.add(Problem(path, line, column, severity, code, message))

    # ---- one file ------------------------------------------------------------------

    def text_of(self, rel: str) -> str | None:
        self.result.files_checked += 1
        source = read_source(self.root, rel)
        if source.problem is not None:  # outside the hub, too big or unreadable: not read at all
            self.report(rel, 1, None, "error", *source.problem)
        elif source.text is None:
            self.report(rel, source.bad_line, None, "error", "not-utf8",
                        "deze regel bevat tekens die geen UTF-8 zijn — sla het bestand op als UTF-8")
        elif not source.text.strip():
            self.report(rel, 1, None, "error", "empty-file", "het bestand is leeg — vul de front matter en de tekst in")
            return None
        else:
            for offset, message in characters.forbidden(source.text, rel.endswith((".yml", ".yaml"))):
                line, col = line_col(source.text, offset)
                self.report(rel, line + 1, col, "error", "control-character", message)
        return source.text

    def front_matter(self, rel: str, text: str, schema, extras: dict, kind: str = "entry") -> FrontMatter:
        fm = read(text, ", ".join(model()[kind]["required"]))
        self.positions[rel] = fm
        for p in fm.problems:
            self.report(rel, p.line, p.column, "error", p.code, p.message)
        if not isinstance(fm.data, dict):
            return fm

        def locate(path, code):
            return fm.pos(path) if code in _KEY_CODES else fm.vpos(path)

        def report(pos, severity, code, message):
            if not fm.hides(code, message):  # a key present but unreadable is not missing
                self.report(rel, pos.line, pos.column, severity, code, message)

        ctx = Context(locate=locate, report=report, today=self.today, values=fm.data,
                      draft=fm.data.get("draft") is True, extras=extras)
        schema(fm.data, (), ctx)
        return fm

    def check_slug(self, rel: str, entry: bool = False) -> str:
        slug = posixpath.splitext(posixpath.basename(rel))[0]
        if entry and slug in _RESERVED:
            self.report(rel, 1, None, "error", "reserved-slug",
                        f"de naam '{slug}' is gereserveerd voor de overzichtspagina's van de site — geef het bestand "
                        f"een andere naam, bijvoorbeeld '{slug}-van-de-wijk.md'")
        if not _SLUG.match(slug) or len(slug) > _SLUG_MAX:
            from kennishub.text import slugify

            self.report(rel, 1, None, "error", "invalid-file-name",
                        f"bestandsnaam '{slug}.md' is geen geldige slug — gebruik kleine letters, cijfers en streepjes "
                        f"(hoogstens {_SLUG_MAX} tekens), bijvoorbeeld '{slugify(slug) or 'samen-in-de-wijk'}.md'")
        self.slugs.setdefault(slug, []).append(rel)
        return slug

    def privacy(self, rel: str, text: str, allow: list) -> None:
        """Personal data anywhere in the file: front matter strings (and comments) and body,
        fenced code included. Strings listed in `privacy_allow` are let through."""
        shown, first = 0, None
        for finding in privacy.find_personal_data(text):
            if not privacy.allowed(finding.text, allow):
                shown += 1
                if shown <= MAX_PRIVACY_REPORTED or first is None:
                    line, col = line_col(text, finding.start)
                if shown <= MAX_PRIVACY_REPORTED:
                    self.report(rel, line + 1, col, finding.severity, finding.code, privacy.message_nl(finding))
                elif first is None:
                    first = (line + 1, col)
        if first is not None:
            self.report(rel, first[0], first[1], "error", "privacy-more",
                        f"en nog {shown - MAX_PRIVACY_REPORTED} mogelijke persoonsgegevens in dit bestand (hierboven de "
                        f"eerste {MAX_PRIVACY_REPORTED}) — haal ze allemaal weg")

    def body(self, rel: str, fm: FrontMatter, rules: dict) -> None:
        report = check_body(fm.body, rules, html_rules=self.html_rules)
        reported = set()
        for issue in report.issues:
            if issue.offset < 0:
                line, col = 1, None
            else:
                line, col = line_col(fm.body, issue.offset)
                line += fm.body_line
            reported.add((line, issue.code))
            self.report(rel, line, col, issue.severity, issue.code, issue.message)
        if self.html_rules and not report.too_large:
            self.rendered(rel, fm, reported)
        if report.links:
            self.links[rel] = [(line_col(fm.body, off)[0] + fm.body_line, line_col(fm.body, off)[1], target)
                               for off, target in report.links]

    def rendered(self, rel: str, fm: FrontMatter, reported: set) -> None:
        """The body as the site renders it, held against the HTML allow-list."""
        if self.renderer is None:
            self.renderer = Renderer.for_hub(self.root)
        issues, ids = check_rendered(fm.body, self.renderer)
        if ids is not None:
            self.anchors[rel] = ids
        for issue in issues:
            line = issue.line + fm.body_line
            if (line, issue.code) not in reported:  # a Markdown image without alt is reported once
                self.report(rel, line, issue.column, issue.severity, issue.code, issue.message)

    # ---- the hub -------------------------------------------------------------------

    def authors(self) -> None:
        rel = self.hub.authors_file
        if os.path.isabs(rel) or posixpath.normpath(rel.replace("\\", "/")).startswith("../") or rel == "..":
            self.report(CONFIG, config_line(self.root, "authors_file"), None, "error", "outside-hub",
                        "'authors_file' in de instellingen van de kennishub-plugin wijst naar een plek buiten de "
                        f"kennishub — zet het auteursregister in de hub en noem het zonder '..', zoals '{DEFAULT_AUTHORS_FILE}'")
            self.hub.authors_file = DEFAULT_AUTHORS_FILE  # messages name the hub's own file, nothing is read
            return
        if not (self.root / rel).is_file() and not (self.root / rel).is_symlink():
            return
        text = self.text_of(rel)
        if text is None:
            return
        fm = parse_yaml(text)
        for p in fm.problems:
            self.report(rel, p.line, p.column, "error", p.code, p.message)
        if not isinstance(fm.data, dict):
            if not fm.problems:
                self.report(rel, 1, 1, "error", "authors-not-mapping",
                            "het auteursregister moet beginnen met een regel 'authors:', met daaronder ingesprongen "
                            "per auteur een sleutel (zoals 'redactie:') en nog verder ingesprongen 'name: …'")
            return

        def locate(path, code):
            return fm.pos(path) if code in _KEY_CODES else fm.vpos(path)

        ctx = Context(locate=locate, report=lambda pos, sev, code, msg: self.report(rel, pos.line, pos.column, sev, code, msg),
                      today=self.today, values=fm.data)
        compile_root("authors", FORMATS)(fm.data, (), ctx)
        for key, info in (fm.data.get("authors") or {}).items() if isinstance(fm.data.get("authors"), dict) else ():
            if isinstance(info, dict):
                self.hub.authors[str(key)] = Author(str(key), str(info.get("name") or key),
                                                    str(info.get("description") or ""), str(info.get("avatar") or ""))

    def guarded(self, rel: str, check, *args) -> None:
        """Run one file's check; an unexpected failure becomes a problem of that file."""
        try:
            check(*args)
        except Exception as exc:  # noqa: BLE001 - one file's failure must not stop the run
            debug.traceback()
            self.report(rel, 1, None, "error", "internal-error",
                        f"dit bestand kon niet worden gecontroleerd ({type(exc).__name__}: {exc}) — "
                        "meld dit aan de beheerder van de hub")

    def themes(self) -> None:
        for rel in theme_files(self.root):
            self.guarded(rel, self.theme, rel)

    def theme(self, rel: str) -> None:
        slug = self.check_slug(rel)
        text = self.text_of(rel)
        if text is None:
            return
        fm = self.front_matter(rel, text, self.theme_schema, {}, "theme")
        if isinstance(fm.data, dict):
            self.hub.themes[slug] = Theme(rel, slug, fm.data, fm.body, fm.body_line)
        self.body(rel, fm, {})  # also when the front matter does not read: one run tells everything
        self.privacy(rel, text, [])

    def theme_names(self) -> dict[str, str]:
        names: dict[str, str] = {}
        for slug, theme in self.hub.themes.items():
            for name in [slug.replace("-", " "), theme.title, *theme.aliases]:
                if isinstance(name, str):
                    names.setdefault(fold(name), slug)
            names[fold(slug)] = slug
        return names

    def entries(self, theme_names: dict[str, str]) -> None:
        for rel in stray_files(self.root):
            collection, name = rel.split("/", 1)[0], posixpath.basename(rel)
            self.report(rel, 1, None, "error", "entry-in-subfolder",
                        f"bijdragen staan direct in {collection}/ — verplaats dit bestand naar {collection}/{name}")
        files = entry_files(self.root)
        if self.workers > 1 and len(files) >= parallel.PARALLEL_MIN:
            for part in parallel.check_entries(self, files, theme_names, self.workers):
                self.result.problems += part.problems
                self.result.files_checked += part.files_checked
                self.hub.entries += parallel.entries_of(part)
                self.positions.update(part.positions)
                self.links.update(part.links)
                self.anchors.update(part.anchors)
                for slug, paths in part.slugs.items():
                    self.slugs.setdefault(slug, []).extend(paths)
            return
        for collection, rel in files:
            self.guarded(rel, self.entry, collection, rel, theme_names)

    def entry(self, collection: str, rel: str, theme_names: dict[str, str]) -> None:
        slug = self.check_slug(rel, entry=True)
        text = self.text_of(rel)
        if text is None:
            return
        extras = {"themes": self.hub.themes, "theme_names": theme_names, "authors": self.hub.authors,
                  "authors_file": self.hub.authors_file, "base": lambda: (self.root / rel).parent, "municipalities": [],
                  "html_rules": self.html_rules}
        fm = self.front_matter(rel, text, self.entry_schema, extras)
        if not isinstance(fm.data, dict):  # nothing of the front matter reads: still the body and privacy
            self.privacy(rel, text, [])
            self.body(rel, fm, {})
            return
        meta = fm.data
        kind = meta.get("type")
        allowed_types = COLLECTIONS[collection][0]
        if isinstance(kind, str) and kind in self.body_rules and kind not in allowed_types:
            pos = fm.vpos(("type",))
            right = next(c for c, spec in COLLECTIONS.items() if kind in spec[0])
            self.report(rel, pos.line, pos.column, "error", "type-wrong-folder",
                        f"type '{kind}' hoort in de map {right}/, niet in {collection}/ — verplaats het bestand "
                        f"of kies {' of '.join(allowed_types)}")
        for key in ("date", "updated"):
            if key in meta and as_date(meta[key]):
                meta[key] = as_date(meta[key])
        if isinstance(meta.get("event"), dict) and as_date(meta["event"].get("date")):
            meta["event"]["date"] = as_date(meta["event"]["date"])
        allow = meta.get("privacy_allow")
        allow = [a for a in allow if isinstance(a, str)] if isinstance(allow, list) else []
        self.privacy(rel, text, allow)
        self.body(rel, fm, self.body_rules.get(kind, {}) if isinstance(kind, str) else {})
        self.hub.entries.append(Entry(rel, collection, slug, meta, fm.body, fm.body_line,
                                      [Municipality(n, p) for n, p in extras["municipalities"]]))

    def cross(self) -> None:
        crosscheck.check_slugs(self.slugs, self.report)
        by_slug = {e.slug: e for e in self.hub.entries}

        def positions(entry: Entry, path: tuple):
            pos = self.positions[entry.path].vpos(path)
            return pos.line, pos.column

        stories = [e for e in self.hub.entries if e.type == "checklist"]
        crosscheck.check_derived_from(stories, by_slug, positions, self.report)
        existing = set(self.positions) | self._media_files() | docs_files(self.root)
        crosscheck.check_links(self.links, existing, self.report, self.anchors if self.html_rules else None)
        crosscheck.check_organisations(self.hub.entries, positions, self.report)

    def drawings(self) -> None:
        """SVG files in media/ are published as they are: no script in them (kennishub.svg_check)."""
        for path in media_files(self.root):
            if path.suffix.lower() == ".svg":
                rel = path.relative_to(self.root).as_posix()
                for problem in svg_check.check_svg(path):
                    self.report(rel, problem.line, None, "error", "unsafe-svg", problem.message)

    def _media_files(self) -> set[str]:
        """Media files inside the hub (links out of it are left out: `outside` reports them)."""
        return {p.relative_to(self.root).as_posix() for p in media_files(self.root)}

    def site_name(self) -> None:
        """The hub's name is printed unescaped by Material: plain text only (kennishub.site_name)."""
        name = read_config(self.root).get("site_name")
        for p in site_name_problems(name if isinstance(name, str) else None, self.root / CONFIG, self.root):
            self.report(p.path, p.line, p.column, p.severity, p.code, p.message)

    def outside(self) -> None:
        """Symbolic links in the published folders that lead out of the hub: never read or published."""
        for rel, folder in outside_links(self.root):
            self.report(rel, 1, None, "error", "outside-hub", OUTSIDE_DIR_MESSAGE if folder else OUTSIDE_MESSAGE)


def check(root: str | Path, paths: Iterable[str] | None = None, *, html_rules: bool = True,
          today: dt.date | None = None, workers: int | None = None, keep_content: bool = True) -> Check:
    """Check the hub at `root`; with `paths` (files or folders relative to the root), report
    only the problems in those (the whole hub is still read, for links and slugs).
    `workers`: processes for the entries of a large hub (default: one per core).
    `keep_content=False`: in a large hub, entries in the result may hold only what the
    cross-entry checks read (type, draft, derived_from, organisations; no body)."""
    run = _Run(Path(root), html_rules, today or today_amsterdam(),
               parallel.default_workers() if workers is None else workers)
    run.keep_content = keep_content
    run.guarded(CONFIG, run.outside)
    run.guarded(CONFIG, run.site_name)
    run.guarded(CONFIG, run.drawings)
    run.guarded(run.hub.authors_file, run.authors)
    run.themes()
    run.entries(run.theme_names())
    run.result.files_checked += privacy_scan.scan_published(run.root, run.report, set(run.positions))
    run.cross()
    run.hub.entries.sort(key=lambda e: e.path)
    if paths is not None:
        wanted = [p.rstrip("/") for p in paths]
        run.result.problems = [p for p in run.result.problems
                               if any(p.path == w or p.path.startswith(w + "/") or w in ("", ".") for w in wanted)]
        run.result.files_checked = len({p for p in run.positions if any(
            p == w or p.startswith(w + "/") or w in ("", ".") for w in wanted)})
    return Check(run.hub, run.result)
