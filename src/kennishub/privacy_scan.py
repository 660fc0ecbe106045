"""The privacy guard over everything else the site publishes.

The validator scans entries and themes as it reads them. `scan_published` scans the
rest of what ends up on the site:

- the authors file (`.authors.yml` or the plugin's `authors_file`): names and
  descriptions are printed on every entry of an author;
- every page and data file under `docs/` (`*.md`, `*.yml`, `*.yaml`) that the
  validator did not read already; a page's `privacy_allow` in its front matter is
  honoured, as in an entry;
- the names of published files and folders: entries, `<collection>/media/`, and
  everything under `docs/` — a file name becomes part of a web address.

Files and folders that are symbolic links resolving outside the hub are not read
(the validator reports them, `hub.inside`); links inside the hub are followed, as MkDocs
follows them. Paths in messages are relative to the hub, in POSIX form.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from kennishub import debug, hub, privacy
from kennishub.body import line_col
from kennishub.frontmatter import read, split
from kennishub.hub import DEFAULT_AUTHORS_FILE, plugin_options, read_source
from kennishub.model import COLLECTIONS

Report = Callable[[str, int, "int | None", str, str, str], None]
DOCS = "docs"
_TEXT_SUFFIXES = (".md", ".yml", ".yaml")


def _inside(root: Path, path: Path) -> bool:
    return hub.inside(root, path)


def _walk(root: Path, folder: Path) -> list[Path]:
    """Every folder and file below `folder`, sorted per folder, that lies inside the hub.
    Links inside the hub are followed, as MkDocs follows them (each real folder once)."""
    found: list[Path] = []
    if not folder.is_dir() or not _inside(root, folder):
        return found
    seen = {os.path.realpath(folder)}
    for current, dirs, files in os.walk(folder, followlinks=True):
        base = Path(current)
        inner = [d for d in sorted(dirs) if _inside(root, base / d)]
        found += [base / d for d in inner]  # every folder name is published, also a second link to one
        dirs[:] = []
        for d in inner:
            real = os.path.realpath(base / d)
            if real not in seen:
                seen.add(real)
                dirs.append(d)
        found += [base / f for f in sorted(files) if _inside(root, base / f)]
    return found


def _allow_of(text: str, rel: str) -> list[str]:
    """A docs page's `privacy_allow`, when its front matter reads as a mapping."""
    if not rel.endswith(".md") or split(text)[0] is None:
        return []
    data = read(text).data
    allow = data.get("privacy_allow") if isinstance(data, dict) else None
    return [a for a in allow if isinstance(a, str)] if isinstance(allow, list) else []


def scan_text(rel: str, text: str, allow: list[str], report: Report) -> None:
    """Report every finding of `text` (the file `rel`) that `allow` does not let through."""
    for finding in privacy.find_personal_data(text):
        if not privacy.allowed(finding.text, allow):
            line, col = line_col(text, finding.start)
            report(rel, line + 1, col, finding.severity, finding.code, privacy.message_nl(finding))


def _scan_file(root: Path, rel: str, report: Report) -> bool:
    source = read_source(root, rel)
    if source.text is None:
        return False  # not UTF-8 or unreadable: nothing to scan here
    try:
        scan_text(rel, source.text, _allow_of(source.text, rel), report)
    except Exception as exc:  # noqa: BLE001 - one file's failure must not stop the check
        debug.traceback()
        report(rel, 1, None, "error", "internal-error",
               f"dit bestand kon niet op persoonsgegevens worden gecontroleerd ({type(exc).__name__}) — "
               "meld dit aan de beheerder van de hub")
    return True


def scan_name(rel: str, report: Report) -> None:
    """Report personal data in the last part of the path `rel` (a file or folder name)."""
    name = rel.rsplit("/", 1)[-1]
    for finding in privacy.find_in_name(name):
        report(rel, 1, None, finding.severity, finding.code, privacy.name_message_nl(finding))


def _authors_file(root: Path) -> str:
    configured = plugin_options(root).get("authors_file")
    return configured if isinstance(configured, str) and configured.strip() else DEFAULT_AUTHORS_FILE


def scan_published(root: Path, report: Report, already_scanned: set[str]) -> int:
    """Scan what the site publishes beyond entries and themes (see the module docstring).
    `already_scanned`: hub-relative paths whose text the validator scanned. Returns the
    number of files under `docs/` whose text was scanned here (the validator counts the
    authors file itself)."""
    root = Path(root)
    scanned = 0
    authors = Path(_authors_file(root)).as_posix()
    path = root / authors
    if authors not in already_scanned and path.is_file() and _inside(root, path):
        _scan_file(root, authors, report)
    for path in _walk(root, root / DOCS):
        rel = path.relative_to(root).as_posix()
        scan_name(rel, report)
        if path.suffix in _TEXT_SUFFIXES and rel not in already_scanned and path.is_file():
            scanned += _scan_file(root, rel, report)
    for collection in COLLECTIONS:
        folder = root / collection
        if not folder.is_dir() or not _inside(root, folder):
            continue
        for entry in sorted(folder.iterdir()):
            if entry.suffix == ".md" and entry.is_file() and _inside(root, entry):
                scan_name(entry.relative_to(root).as_posix(), report)
        for path in _walk(root, folder / "media"):
            scan_name(path.relative_to(root).as_posix(), report)
    return scanned
