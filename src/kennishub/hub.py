"""Finding and reading the hub's files: the config, the collections, the themes.

Reading never fails: a file that cannot be decoded becomes a problem for that file.

Nothing outside the hub is read. A path that leads out of the hub's folder, through a
symbolic link anywhere on its way or through '..' or an absolute path in the config,
is never opened (`read_source` gives a problem instead of its text) and never listed
(`entry_files`, `theme_files`, `stray_files`, `files_under`); `outside_links` lists
every such link in the folders the site publishes, for the validator to report. A
link that stays inside the hub is followed. A file over `MAX_FILE` is not read either.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from kennishub.frontmatter import MAX_FILE
from kennishub.model import COLLECTIONS, THEMES_DIR

CONFIG = "mkdocs.yml"
DEFAULT_AUTHORS_FILE = ".authors.yml"


PUBLISHED_DIRS = (*COLLECTIONS, "docs")  # what the site is made of, besides the config and the authors file
OUTSIDE_MESSAGE = ("dit bestand is een snelkoppeling (symlink) naar een plek buiten de kennishub — vervang het door "
                   "het bestand zelf")
OUTSIDE_DIR_MESSAGE = ("deze map is een snelkoppeling (symlink) naar een plek buiten de kennishub — vervang hem door "
                       "een echte map met de bestanden zelf")


@dataclass
class SourceFile:
    path: str  # POSIX, relative to the root
    text: str | None  # None when it could not be read or decoded
    bad_line: int = 0  # line of the first byte that is not UTF-8
    problem: tuple[str, str] | None = None  # (code, Dutch message) when the file was not read at all


@lru_cache(maxsize=1024)
def _real(path: str) -> str:
    return os.path.realpath(path)


def forget_paths() -> None:
    """Forget the resolved folders (each check run starts afresh)."""
    _real.cache_clear()


def inside(root: Path, path: Path | str) -> bool:
    """True when `path`, with every symbolic link and '..' on the way resolved as the
    system resolves them, lies in `root`. A link that cannot be resolved counts as outside."""
    top = os.fspath(root)
    real_root = _real(top if os.path.isabs(top) else os.path.abspath(top))
    raw = os.fspath(path)
    if not os.path.isabs(raw):
        raw = os.path.join(os.getcwd(), raw)  # joined, not normalised: 'link/..' is not '.'
    try:
        if "/.." in raw or os.path.islink(raw):
            real = os.path.realpath(raw)
        else:
            head, name = os.path.split(raw)
            real = os.path.join(_real(head), name)
    except (OSError, ValueError):
        return False
    return real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, ignoring MkDocs/Material tags such as !!python/name and !ENV."""


def ignore_tag(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_ConfigLoader.add_multi_constructor("!", ignore_tag)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", ignore_tag)


def read_config(root: Path) -> dict:
    """mkdocs.yml as plain data (empty when absent or unreadable)."""
    try:
        config = yaml.load((root / CONFIG).read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return {}
    return config if isinstance(config, dict) else {}


def plugin_options(root: Path) -> dict:
    """The `kennishub` plugin's options from mkdocs.yml (empty when absent or unreadable)."""
    forget_paths()  # read first in every check run
    config = read_config(root)
    plugins = config.get("plugins") if isinstance(config, dict) else None
    if isinstance(plugins, dict):  # MkDocs also accepts plugins as a mapping
        plugins = [{name: options} for name, options in plugins.items()]
    for plugin in plugins if isinstance(plugins, list) else []:
        if isinstance(plugin, dict) and "kennishub" in plugin:
            options = plugin["kennishub"]
            return options if isinstance(options, dict) else {}
    return {}


def config_line(root: Path, key: str) -> int:
    """The line of mkdocs.yml where `key:` is set (1 when not found)."""
    try:
        lines = (root / CONFIG).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    return next((i for i, line in enumerate(lines, 1) if line.strip().startswith(key + ":")), 1)


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
    """The text of the file `rel`; `problem` set (and nothing read) when the file lies
    outside the hub, is too big or cannot be read."""
    path = root / rel
    if not inside(root, path):
        return SourceFile(rel, None, 1, ("outside-hub", OUTSIDE_MESSAGE))
    try:
        size = path.stat().st_size
        if size > MAX_FILE:
            from kennishub.body import size_nl

            return SourceFile(rel, None, 1, ("file-too-large",
                f"het bestand is {size_nl(size)}; de grens is {size_nl(MAX_FILE)} (tekst en front matter samen) — "
                "splits het verhaal of haal ingeplakte gegevens weg"))
        raw = path.read_bytes()
    except OSError:
        return SourceFile(rel, None, 1, ("unreadable", "dit bestand kan niet worden gelezen — controleer of het een "
                                         "gewoon bestand is en of je het mag lezen"))
    text, bad = decode(raw)
    return SourceFile(rel, text, bad)


def _listing(root: Path, folder: Path) -> list[os.DirEntry]:
    """The entries of `folder` that lie inside the hub (none when the folder itself does not)."""
    if not folder.is_dir() or not inside(root, folder):
        return []
    with os.scandir(folder) as it:
        return [e for e in it if not e.is_symlink() or inside(root, Path(e.path))]


def entry_files(root: Path) -> list[tuple[str, str]]:
    """(collection, relative path) of every entry, sorted. Media folders are skipped."""
    forget_paths()
    found = []
    for collection in COLLECTIONS:
        found += [(collection, f"{collection}/{e.name}") for e in _listing(root, root / collection)
                  if e.name.endswith(".md") and e.is_file()]
    return sorted(found, key=lambda item: item[1])


def files_under(root: Path, folder: Path) -> list[Path]:
    """Every file below `folder`, sorted, that lies inside the hub; links inside the hub
    are followed (each real folder once), links out of it are left out."""
    found: list[Path] = []
    seen: set[str] = set()
    todo = [folder]
    while todo:
        current = todo.pop()
        real = os.path.realpath(current)
        if real in seen:
            continue
        seen.add(real)
        for e in _listing(root, current):
            if e.is_dir():
                todo.append(Path(e.path))
            elif e.is_file():
                found.append(Path(e.path))
    return sorted(found)


def stray_files(root: Path) -> list[str]:
    """Markdown files in subfolders of a collection (other than media/): never published."""
    found = []
    for collection in COLLECTIONS:
        folder = root / collection
        found += [p.relative_to(root).as_posix() for p in files_under(root, folder)
                  if p.suffix == ".md" and p.parent != folder and "media" not in p.relative_to(folder).parts[:1]]
    return sorted(found)


def media_files(root: Path) -> list[Path]:
    """Every file of the collections' media/ folders that lies inside the hub."""
    return [p for collection in COLLECTIONS for p in files_under(root, root / collection / "media")]


def docs_files(root: Path) -> set[str]:
    """Every file of docs/ inside the hub, as `docs/<path>` (links may point at them)."""
    return {p.relative_to(root).as_posix() for p in files_under(root, root / "docs")}


def theme_files(root: Path) -> list[str]:
    return sorted(f"{THEMES_DIR}/{e.name}" for e in _listing(root, root / THEMES_DIR)
                  if e.name.endswith(".md") and e.name != "index.md" and e.is_file())


def outside_links(root: Path, folders: tuple[str, ...] = PUBLISHED_DIRS) -> list[tuple[str, bool]]:
    """(relative path, is a folder) of every symbolic link below `folders` (or being one)
    that leads out of the hub or cannot be resolved. Links are not followed; a folder
    that is such a link is reported and not entered."""
    found: list[tuple[str, bool]] = []
    for name in folders:
        top = root / name
        if top.is_symlink() and not inside(root, top):
            found.append((name, True))
            continue
        if not top.is_dir():
            continue
        for current, dirs, files in os.walk(top, followlinks=False):
            base = Path(current)
            for d in list(dirs):
                if (base / d).is_symlink():
                    dirs.remove(d)  # never walk into a link (one inside the hub is walked where it points)
                    if not inside(root, base / d):
                        found.append(((base / d).relative_to(root).as_posix(), True))
            found += [((base / f).relative_to(root).as_posix(), False) for f in files
                      if (base / f).is_symlink() and not inside(root, base / f)]
    return sorted(found)


def find_root(start: Path) -> Path | None:
    """The folder holding mkdocs.yml: `start` or one of its parents."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG).is_file():
            return folder
    return None
