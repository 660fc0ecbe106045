"""The entries of a large hub are checked in worker processes: the result must be the
same as checking them one by one, problems and positions included."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from kennishub import parallel
from kennishub.validator import check

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from corpus import make_corpus  # noqa: E402

TODAY = dt.date(2026, 6, 1)
N = parallel.PARALLEL_MIN + 40


@pytest.fixture(scope="module")
def hub(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("groot")
    make_corpus(root, N, seed=7)
    stories = sorted((root / "stories").glob("*.md"))
    checklists = sorted((root / "lessons-learned").glob("*.md"))
    # a few mistakes spread over the chunks, including ones the parent finds across files
    for i, path in enumerate(stories[::97]):
        text = path.read_text(encoding="utf-8")
        text = text.replace("themes:\n", "themes:\n  - armoed\n", 1)
        text = text.replace("organisations:\n", "organisations:\n  - \"gemeente de brug\"\n", 1)
        path.write_text(text + f"\nZie [dit](bestaat-niet-{i}.md). Bel 06-12345678.\n", encoding="utf-8")
    text = checklists[3].read_text(encoding="utf-8")
    checklists[3].write_text(text.replace("derived_from:\n", "derived_from:\n  - geen-bestaand-verhaal\n", 1),
                             encoding="utf-8")
    (root / "stories" / "leeg.md").write_text("", encoding="utf-8")
    return root


def test_workers_find_exactly_what_one_process_finds(hub):
    one = check(hub, today=TODAY, workers=1)
    two = check(hub, today=TODAY, workers=2)
    assert len(one.hub.entries) >= parallel.PARALLEL_MIN  # the parallel path is taken
    assert two.result.sorted() == one.result.sorted()
    assert two.result.files_checked == one.result.files_checked
    codes = {p.code for p in one.result.problems}
    assert {"unknown-theme", "broken-link", "privacy-phone", "unknown-derived-from", "empty-file",
            "organisation-near-duplicate"} <= codes
    assert [(e.path, e.meta, e.body, e.municipalities) for e in two.hub.entries] == \
           [(e.path, e.meta, e.body, e.municipalities) for e in one.hub.entries]


def test_without_content_the_problems_stay_the_same(hub):
    full = check(hub, today=TODAY, workers=2)
    lean = check(hub, today=TODAY, workers=2, keep_content=False)
    assert lean.result.sorted() == full.result.sorted()
    assert all(e.body == "" for e in lean.hub.entries)
