"""Nothing outside the repository (issue 14, part 3).

A symbolic link in a folder the site is made of, or a configured path, that leads out
of the hub is an error at its own (relative) path; what it points to is never read,
never quoted in a message and never published. A link that stays inside the hub is
allowed. The last test builds a real site: MkDocs must refuse, and nothing of the
secret may reach the site folder.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kennishub.hub import entry_files, files_under, inside, media_files, read_source, theme_files
from kennishub.validator import check

BASE_HUB = Path(__file__).parent / "fixtures" / "hub"
TODAY = dt.date(2026, 6, 1)
SECRET = "GEHEIM_TOKEN=ghp_nep1234567890"
ENTRY = f"""---
title: "{SECRET}"
type: onbekend
date: 2024-03-15
summary: "{SECRET} staat in een bestand buiten de kennishub."
themes: [{SECRET}]
---

{SECRET}
"""


@pytest.fixture
def hub(tmp_path: Path) -> Path:
    root = tmp_path / "hub"
    shutil.copytree(BASE_HUB, root)
    outside = tmp_path / "buiten"
    (outside / "map").mkdir(parents=True)
    (outside / "env.txt").write_text(SECRET + "\n", encoding="utf-8")
    (outside / "verhaal.md").write_text(ENTRY, encoding="utf-8")
    (outside / "outside.yml").write_text(f"authors:\n  x:\n    name: {SECRET}\n  - {SECRET}\n", encoding="utf-8")
    (outside / "map" / "geheim.md").write_text(ENTRY, encoding="utf-8")
    return root


def link(path: Path, target: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(target)


def replace_by_link(path: Path, target: Path) -> None:
    shutil.rmtree(path) if path.is_dir() else path.unlink()
    link(path, target)


def set_authors_file(root: Path, value: str) -> None:
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - kennishub", f"  - kennishub:\n      authors_file: {value}"), encoding="utf-8")


def problems_of(root: Path) -> list:
    problems = check(root, today=TODAY, workers=1).result.problems
    assert not any(SECRET in p.message or "buiten/" in p.message for p in problems), problems
    assert all(not os.path.isabs(p.path) and not p.path.startswith("..") for p in problems), problems
    return problems


def at(problems: list, path: str) -> list[str]:
    return [p.code for p in problems if p.path == path]


OUTSIDE_CASES = {
    # name: (how to make it, path of the error)
    "media file": (lambda r, o: link(r / "stories" / "media" / "env.txt", o / "env.txt"), "stories/media/env.txt"),
    "entry": (lambda r, o: link(r / "stories" / "x.md", o / "verhaal.md"), "stories/x.md"),
    "checklist": (lambda r, o: link(r / "lessons-learned" / "y.md", o / "verhaal.md"), "lessons-learned/y.md"),
    "theme": (lambda r, o: link(r / "docs" / "themas" / "geheim.md", o / "verhaal.md"), "docs/themas/geheim.md"),
    "docs asset": (lambda r, o: link(r / "docs" / "assets" / "leak.txt", o / "env.txt"), "docs/assets/leak.txt"),
    "media folder": (lambda r, o: link(r / "stories" / "media" / "map", o / "map"), "stories/media/map"),
    "collection folder": (lambda r, o: replace_by_link(r / "lessons-learned", o / "map"), "lessons-learned"),
    "docs folder": (lambda r, o: link(r / "docs" / "extra", o / "map"), "docs/extra"),
    "authors file": (lambda r, o: replace_by_link(r / ".authors.yml", o / "outside.yml"), ".authors.yml"),
    "dangling link": (lambda r, o: link(r / "docs" / "assets" / "weg.txt", o / "bestaat-niet.txt"),
                      "docs/assets/weg.txt"),
    "link to /proc": (lambda r, o: link(r / "docs" / "assets" / "environ", Path("/proc/self/environ")),
                      "docs/assets/environ"),
}


@pytest.mark.parametrize("name", list(OUTSIDE_CASES))
def test_link_out_of_the_hub_is_an_error_at_its_path(hub: Path, name: str) -> None:
    make, path = OUTSIDE_CASES[name]
    make(hub, hub.parent / "buiten")
    problems = problems_of(hub)
    assert at(problems, path) == ["outside-hub"], problems
    message = next(p.message for p in problems if p.path == path)
    assert "snelkoppeling (symlink) naar een plek buiten de kennishub" in message
    assert "vervang" in message
    # nothing of the target reached the result either
    run = check(hub, today=TODAY, workers=1)
    assert all(SECRET not in repr(e.meta) and SECRET not in e.body for e in run.hub.entries)
    assert all(SECRET not in a.name for a in run.hub.authors.values())


def test_listings_leave_links_out(hub: Path) -> None:
    outside = hub.parent / "buiten"
    link(hub / "stories" / "x.md", outside / "verhaal.md")
    link(hub / "docs" / "themas" / "geheim.md", outside / "verhaal.md")
    link(hub / "stories" / "media" / "env.txt", outside / "env.txt")
    link(hub / "stories" / "media" / "map", outside / "map")
    assert "stories/x.md" not in [rel for _, rel in entry_files(hub)]
    assert "docs/themas/geheim.md" not in theme_files(hub)
    assert [p.name for p in media_files(hub)] == ["netwerk.svg"]
    assert files_under(hub, hub / "stories" / "media" / "map") == []
    source = read_source(hub, "stories/x.md")
    assert source.text is None and source.problem[0] == "outside-hub"
    assert read_source(hub, "../buiten/env.txt").problem[0] == "outside-hub"
    assert read_source(hub, "stories/media/map/../../../buiten/env.txt").problem[0] == "outside-hub"
    assert not inside(hub, hub / "stories" / "media" / "map" / "geheim.md")


@pytest.mark.parametrize("value", ["../buiten/outside.yml", "/etc/passwd", "stories/../../buiten/outside.yml"])
def test_authors_file_outside_the_hub(hub: Path, value: str) -> None:
    set_authors_file(hub, value)
    problems = problems_of(hub)
    config_line = next(i for i, line in enumerate((hub / "mkdocs.yml").read_text().splitlines(), 1)
                       if "authors_file" in line)
    errors = [p for p in problems if p.path == "mkdocs.yml"]
    assert [(p.line, p.code) for p in errors] == [(config_line, "outside-hub")], problems
    assert "'authors_file'" in errors[0].message and "buiten de kennishub" in errors[0].message
    assert "root:" not in " ".join(p.message for p in problems)  # nothing of /etc/passwd


def test_links_inside_the_hub_are_allowed(hub: Path) -> None:
    link(hub / "stories" / "media" / "kopie.svg", Path("netwerk.svg"))
    link(hub / "docs" / "assets" / "logo.svg", Path("../../stories/media/netwerk.svg"))
    link(hub / "stories" / "media" / "oud", Path("."))  # a loop: walked once
    story = hub / "stories" / "bestaand-verhaal.md"
    story.write_text(story.read_text(encoding="utf-8") + "\n![Nog een tekening](media/kopie.svg)\n", encoding="utf-8")
    assert problems_of(hub) == []
    assert sorted(p.name for p in media_files(hub)) == ["kopie.svg", "netwerk.svg"]


@pytest.mark.slow
def test_site_build_refuses_and_publishes_nothing_of_the_secret(hub: Path, tmp_path: Path) -> None:
    outside = hub.parent / "buiten"
    link(hub / "stories" / "media" / "env.txt", outside / "env.txt")
    link(hub / "docs" / "assets" / "leak.txt", outside / "env.txt")
    site = tmp_path / "site"
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                          cwd=hub, capture_output=True, text=True, timeout=600)
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0, output
    assert "stories/media/env.txt" in output and "docs/assets/leak.txt" in output
    assert "snelkoppeling" in output and SECRET not in output
    published = [p for p in site.rglob("*") if p.is_file()] if site.exists() else []
    assert not any(SECRET.encode() in p.read_bytes() for p in published)
    assert not any(p.name in ("env.txt", "leak.txt") for p in published)
