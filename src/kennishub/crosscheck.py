"""Checks across entries: slugs unique, links and `derived_from` resolve,
near-duplicate organisation names."""

from __future__ import annotations

import posixpath
from collections import defaultdict
from typing import Callable

from kennishub.model import Entry
from kennishub.schema import model
from kennishub.text import loose

_MAX_ORGANISATIONS = model()["entry"]["properties"]["organisations"]["maxItems"]
Report = Callable[[str, int, int | None, str, str, str], None]  # path, line, col, severity, code, message


def check_slugs(slugs: dict[str, list[str]], report: Report) -> None:
    """`slugs`: slug -> paths of files (entries and themes) that use it."""
    for slug, paths in slugs.items():
        if len(paths) > 1:
            for path in paths:
                others = ", ".join(p for p in paths if p != path)
                report(path, 1, None, "error", "duplicate-slug",
                       f"de slug '{slug}' wordt ook gebruikt door {others} — geef dit bestand een andere naam")


def check_derived_from(entries: list[Entry], by_slug: dict[str, Entry], positions, report: Report) -> None:
    from kennishub import suggest

    for entry in entries:
        items = entry.meta.get("derived_from")
        for i, slug in enumerate(items if isinstance(items, list) else []):  # not a list: the schema said so
            if not isinstance(slug, str):
                continue
            line, col = positions(entry, ("derived_from", i))
            target = by_slug.get(slug)
            if target is None:
                near = suggest.nearest(slug, list(by_slug))
                hint = f" — bedoel je '{near}'?" if near else " — noem de bestandsnaam (zonder .md) van een bestaande bijdrage"
                report(entry.path, line, col, "error", "unknown-derived-from", f"'{slug}' in derived_from bestaat niet{hint}")
            elif target is entry:
                report(entry.path, line, col, "error", "derived-from-self", "een checklist kan niet van zichzelf afgeleid zijn")
            elif target.draft:
                report(entry.path, line, col, "warning", "derived-from-draft",
                       f"'{slug}' is nog een concept (draft: true) — de link verschijnt pas als die bijdrage gepubliceerd is")


MAX_BROKEN_LINKS = 10  # reported per file; one more message counts the rest


def site_path(path: str) -> str:
    """A hub path as MkDocs sees it: pages of docs/ at the top, entries and media in their
    collection folders beside them (stories/x.md, themas/armoede.md)."""
    return path[5:] if path.startswith("docs/") else path


def check_links(links: dict[str, list[tuple[int, int, str]]], existing: set[str], report: Report,
                anchors: dict[str, set[str]] | None = None) -> None:
    """`links`: source path -> (line, col, target) of its relative links; `existing`: all files.
    Links resolve as the site resolves them (`site_path`), so what passes here passes
    `mkdocs build --strict`. With `anchors` (path -> ids of its rendered page), a
    `#kop` must name a heading or id of the page it points to."""
    from urllib.parse import unquote

    site = {site_path(p): p for p in existing}
    ids = {site_path(p): found for p, found in (anchors or {}).items()}
    for source, items in links.items():
        folder = posixpath.dirname(site_path(source))
        broken = 0
        for line, col, target in items:
            bare, _, fragment = target.split("?", 1)[0].partition("#")
            resolved = posixpath.normpath(posixpath.join(folder, unquote(bare))) if bare else site_path(source)
            if resolved in site or not bare:
                if fragment and anchors is not None and resolved in ids and unquote(fragment) not in ids[resolved]:
                    report(source, line, col, "error", "broken-anchor", _anchor_message(target, fragment, ids[resolved]))
                continue
            broken += 1
            if broken <= MAX_BROKEN_LINKS:
                hint = _link_hint(bare, folder, set(site))
                report(source, line, col, "error", "broken-link",
                       f"link naar '{target}' werkt niet: {resolved} bestaat niet{hint}")
            elif broken == MAX_BROKEN_LINKS + 1:
                first = (line, col)
        if broken > MAX_BROKEN_LINKS:
            report(source, first[0], first[1], "error", "broken-link",
                   f"nog {broken - MAX_BROKEN_LINKS} links in dit bestand werken niet (hierboven de eerste "
                   f"{MAX_BROKEN_LINKS}) — controleer ze allemaal")


def _anchor_message(target: str, fragment: str, ids: set[str]) -> str:
    from kennishub import suggest

    headings = sorted(i for i in ids if not i.startswith(("fn:", "fnref:")))
    near = suggest.nearest(fragment, headings) if headings else None
    if near:
        hint = f"bedoel je '#{near}'?"
    elif headings:
        hint = "kies een van: " + ", ".join(f"#{h}" for h in headings[:8])
    else:
        hint = "die pagina heeft geen tussenkopjes; haal '#" + fragment + "' weg"
    return f"link naar '{target}' werkt niet: de pagina heeft geen kopje met het anker '#{fragment}' — {hint}"


def _link_hint(bare: str, folder: str, existing: set[str]) -> str:
    name = posixpath.basename(bare)
    if not name.endswith(".md") and f"{name}.md" in {posixpath.basename(p) for p in existing}:
        name = f"{name}.md"
    matches = sorted(p for p in existing if posixpath.basename(p) == name)
    if not matches and name.endswith(".md"):
        from kennishub import suggest

        near = suggest.nearest(name, sorted({posixpath.basename(p) for p in existing if p.endswith(".md")}))
        matches = sorted(p for p in existing if posixpath.basename(p) == near)
    if matches:
        return f" — bedoel je '{posixpath.relpath(matches[0], folder or '.')}'?"
    if not name.endswith(".md"):
        return " — zet het bestand in de map media/ naast de bijdrage en verwijs ernaar als media/naam"
    return " — verwijs naar het bronbestand, zoals 'andere-slug.md' of '../lessons-learned/slug.md'"


def check_organisations(entries: list[Entry], positions, report: Report) -> None:
    """Warn when names differ only in case, accents, spacing or punctuation, or by
    one letter in a longer name ("Gemeente rotterdam" next to "Gemeente Rotterdam")."""
    spellings: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    uses: list[tuple[Entry, int, str, str]] = []
    for entry in entries:
        names = entry.meta.get("organisations")
        # past the content model's maximum (reported by the schema) names are not compared
        for i, name in enumerate(names[:_MAX_ORGANISATIONS] if isinstance(names, list) else []):
            if isinstance(name, str):
                key = loose(name)
                spellings[key][name] += 1
                uses.append((entry, i, name, key))
    # one-letter typos in names of 8+ characters, via single-deletion neighbours
    deletions: dict[str, set[str]] = defaultdict(set)
    for key in spellings:
        if len(key) >= 8:
            for j in range(len(key)):
                deletions[key[:j] + key[j + 1:]].add(key)
    canonical: dict[str, str] = {}
    for key, names in spellings.items():
        group = {key}
        if len(key) >= 8:
            group |= deletions.get(key, set())
            for j in range(len(key)):
                variant = key[:j] + key[j + 1:]
                if variant in spellings:
                    group.add(variant)
                group |= deletions.get(variant, set())
        # the most used spelling; on a tie the one with more capitals ("Gemeente Rotterdam")
        best = max(((n, c) for k in group for n, c in spellings[k].items()),
                   key=lambda nc: (nc[1], sum(ch.isupper() for ch in nc[0]), nc[0]))
        canonical[key] = best[0]
    for entry, i, name, key in uses:
        other = canonical.get(key)
        if other and other != name:
            line, col = positions(entry, ("organisations", i))
            report(entry.path, line, col, "warning", "organisation-near-duplicate",
                   f"organisatie '{name}' lijkt op '{other}', zoals die elders gespeld wordt — gebruik één schrijfwijze")
