"""Finding and reading the hub's files: the config, the collections, the themes.

Reading never fails: a file that cannot be decoded becomes a problem for that file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from kennishub.model import COLLECTIONS, THEMES_DIR

CONFIG = "mkdocs.yml"
DEFAULT_AUTHORS_FILE = ".authors.yml"


@dataclass
class SourceFile:
    path: str  # POSIX, relative to the root
    text: str | None  # None when it could not be decoded
    bad_line: int = 0  # line of the first byte that is not UTF-8


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, ignoring MkDocs/Material tags such as !!python/name and !ENV."""


def _ignore_tag(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_ConfigLoader.add_multi_constructor("!", _ignore_tag)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


def plugin_options(root: Path) -> dict:
    """The `kennishub` plugin's options from mkdocs.yml (empty when absent or unreadable)."""
    try:
        config = yaml.load((root / CONFIG).read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return {}
    plugins = config.get("plugins") if isinstance(config, dict) else None
    if isinstance(plugins, dict):  # MkDocs also accepts plugins as a mapping
        plugins = [{name: options} for name, options in plugins.items()]
    for plugin in plugins if isinstance(plugins, list) else []:
        if isinstance(plugin, dict) and "kennishub" in plugin:
            options = plugin["kennishub"]
            return options if isinstance(options, dict) else {}
    return {}


def decode(raw: bytes) -> tuple[str | None, int]:
    """UTF-8 text with BOM removed and line ends normalised; or (None, bad line)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, raw.count(b"\n", 0, exc.start) + 1
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, 0


def read_source(root: Path, rel: str) -> SourceFile:
    try:
        raw = (root / rel).read_bytes()
    except OSError:
        return SourceFile(rel, None, 1)
    text, bad = decode(raw)
    return SourceFile(rel, text, bad)


def entry_files(root: Path) -> list[tuple[str, str]]:
    """(collection, relative path) of every entry, sorted. Media folders are skipped."""
    found = []
    for collection in COLLECTIONS:
        folder = root / collection
        if folder.is_dir():
            found += [(collection, f"{collection}/{p.name}") for p in folder.iterdir()
                      if p.suffix == ".md" and p.is_file()]
    return sorted(found, key=lambda item: item[1])


def stray_files(root: Path) -> list[str]:
    """Markdown files in subfolders of a collection (other than media/): never published."""
    found = []
    for collection in COLLECTIONS:
        folder = root / collection
        if folder.is_dir():
            found += [p.relative_to(root).as_posix() for p in folder.rglob("*.md")
                      if p.parent != folder and "media" not in p.relative_to(folder).parts[:1]]
    return sorted(found)


def theme_files(root: Path) -> list[str]:
    folder = root / THEMES_DIR
    if not folder.is_dir():
        return []
    return sorted(f"{THEMES_DIR}/{p.name}" for p in folder.iterdir()
                  if p.suffix == ".md" and p.name != "index.md" and p.is_file())


def find_root(start: Path) -> Path | None:
    """The folder holding mkdocs.yml: `start` or one of its parents."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG).is_file():
            return folder
    return None
