"""Checking the entries of a large hub on every core.

Each file is checked on its own, so the entries are split into chunks that forked
worker processes check with the same `_Run` (schema, themes and authors already
loaded); the parent merges what they found and runs the cross-entry checks itself.
Only positions that the cross-entry checks need travel back to the parent.
"""

from __future__ import annotations

import multiprocessing
import os
from dataclasses import dataclass, field

from kennishub.frontmatter import Pos

PARALLEL_MIN = 500  # below this, starting workers costs more than it saves
CROSS_KEYS = ("derived_from", "organisations")  # paths whose positions the parent needs
CROSS_META = ("type", "draft", "derived_from", "organisations")  # front matter the parent needs

_RUN = None  # the parent's run, inherited by forked workers
_THEME_NAMES: dict = {}


class SlimPositions(dict):
    """The positions of one file that the cross-entry checks ask for."""

    def vpos(self, path: tuple) -> Pos:
        return self.get(path) or Pos(1, 1)


@dataclass
class Part:
    problems: list = field(default_factory=list)
    files_checked: int = 0
    entries: list = field(default_factory=list)
    positions: dict = field(default_factory=dict)
    links: dict = field(default_factory=dict)
    slugs: dict = field(default_factory=dict)
    anchors: dict = field(default_factory=dict)


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def slim(fm) -> SlimPositions:
    found = SlimPositions()
    data = fm.data if isinstance(fm.data, dict) else {}
    for key in CROSS_KEYS:
        items = data.get(key)
        if isinstance(items, list):
            for i in range(len(items)):
                found[(key, i)] = fm.vpos((key, i))
    return found


def _work(chunk: list[tuple[str, str]]) -> Part:
    from kennishub.problems import Result

    run = _RUN
    run.result, run.positions, run.links, run.slugs, run.hub.entries = Result(), {}, {}, {}, []
    run.anchors = {}
    for collection, rel in chunk:
        run.guarded(rel, run.entry, collection, rel, _THEME_NAMES)
    entries = run.hub.entries
    if not run.keep_content:  # the caller wants only the problems: ship back what cross-checks read
        entries = [(e.path, e.collection, e.slug, {k: e.meta[k] for k in CROSS_META if k in e.meta})
                   for e in entries]
    return Part(run.result.problems, run.result.files_checked, entries,
                {rel: slim(fm) for rel, fm in run.positions.items()}, run.links, run.slugs, run.anchors)


def entries_of(part: Part) -> list:
    """The part's entries as `Entry` objects (without body when content was not kept)."""
    from kennishub.model import Entry

    return [e if isinstance(e, Entry) else Entry(e[0], e[1], e[2], e[3], "") for e in part.entries]


def check_entries(run, files: list[tuple[str, str]], theme_names: dict, workers: int) -> list[Part]:
    """Check `files` in `workers` forked processes; the parts come back in file order."""
    global _RUN, _THEME_NAMES
    _RUN, _THEME_NAMES = run, theme_names
    size = max(50, len(files) // (workers * 4))
    chunks = [files[i:i + size] for i in range(0, len(files), size)]
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return pool.map(_work, chunks, chunksize=1)
    finally:
        _RUN, _THEME_NAMES = None, {}
