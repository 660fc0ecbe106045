"""The privacy guard over what the site publishes besides entries and themes
(kennishub.privacy_scan), on its own and through kennishub check."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from kennishub.privacy_scan import scan_published
from kennishub.validator import check

BASE_HUB = Path(__file__).parent / "fixtures" / "hub"
TODAY = dt.date(2026, 6, 1)


@pytest.fixture()
def hub(tmp_path: Path) -> Path:
    root = tmp_path / "hub"
    shutil.copytree(BASE_HUB, root)
    return root


def scan(root: Path, already: set[str] = frozenset()) -> list[tuple]:
    found: list[tuple] = []
    scan_published(root, lambda *problem: found.append(problem), set(already))
    return found


def test_base_hub_has_nothing(hub: Path) -> None:
    assert scan(hub) == []


def test_authors_file_is_scanned(hub: Path) -> None:
    (hub / ".authors.yml").write_text(
        "authors:\n  redactie:\n    name: Redactie\n    description: Bel 06-12345678 of mail a.b@voorbeeld.nl\n",
        encoding="utf-8")
    assert [(p[0], p[1], p[2], p[3], p[4]) for p in scan(hub)] == [
        (".authors.yml", 4, 22, "error", "privacy-phone"), (".authors.yml", 4, 42, "error", "privacy-email")]


def test_configured_authors_file_is_scanned_and_one_outside_is_not_read(hub: Path, tmp_path: Path) -> None:
    config = hub / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - kennishub\n", "  - kennishub:\n      authors_file: data/auteurs.yml\n"), encoding="utf-8")
    (hub / "data").mkdir()
    (hub / "data" / "auteurs.yml").write_text("authors:\n  x:\n    name: Tel 0612345678\n", encoding="utf-8")
    assert [p[:2] for p in scan(hub)] == [("data/auteurs.yml", 3)]
    (tmp_path / "buiten.yml").write_text("name: 0612345678\n", encoding="utf-8")
    config.write_text(config.read_text(encoding="utf-8").replace("data/auteurs.yml", "../buiten.yml"), encoding="utf-8")
    assert scan(hub) == []


def test_docs_pages_and_data_files_with_privacy_allow(hub: Path) -> None:
    docs = hub / "docs"
    (docs / "over.md").write_text("---\ntitle: Over\n---\n\nBel 020-1234567.\n", encoding="utf-8")
    (docs / "contact.md").write_text(
        '---\ntitle: Contact\nprivacy_allow: ["020-1234567"]\n---\n\nBel 020-1234567 of 020-7654321.\n',
        encoding="utf-8")
    (docs / "sub").mkdir()
    (docs / "sub" / "data.yaml").write_text("telefoon: 06-12345678\n", encoding="utf-8")
    (docs / "sub" / "kinderen.md").write_text("Ryan (8) tekende mee.\n", encoding="utf-8")
    found = {(p[0], p[1], p[3], p[4]) for p in scan(hub)}
    assert found == {("docs/contact.md", 6, "error", "privacy-phone"), ("docs/over.md", 5, "error", "privacy-phone"),
                     ("docs/sub/data.yaml", 1, "error", "privacy-phone"),
                     ("docs/sub/kinderen.md", 1, "warning", "privacy-child")}
    assert [p[5] for p in scan(hub) if p[0] == "docs/contact.md"][0].count("020-7654321") == 1


def test_files_already_scanned_are_skipped(hub: Path) -> None:
    (hub / "docs" / "over.md").write_text("Bel 020-1234567.\n", encoding="utf-8")
    assert scan(hub, {"docs/over.md"}) == []


def test_file_and_folder_names(hub: Path) -> None:
    (hub / "stories" / "media" / "gezin-0612345678.jpg").write_bytes(b"\xff\xd8")
    (hub / "docs" / "jan-at-school-dot-nl").mkdir()
    (hub / "docs" / "jan-at-school-dot-nl" / "index.md").write_text("Welkom.\n", encoding="utf-8")
    (hub / "lessons-learned" / "dossier-123456782.md").write_text("x\n", encoding="utf-8")
    found = [(p[0], p[1], p[2], p[3], p[4]) for p in scan(hub)]
    assert sorted(found) == [
        ("docs/jan-at-school-dot-nl", 1, None, "error", "privacy-email"),
        ("lessons-learned/dossier-123456782.md", 1, None, "error", "privacy-bsn"),
        ("stories/media/gezin-0612345678.jpg", 1, None, "error", "privacy-phone"),
    ]
    message = next(p[5] for p in scan(hub) if p[0].endswith(".jpg"))
    assert message.startswith("mogelijk persoonsgegeven in de bestandsnaam: telefoonnummer '0612345678'")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_links_out_of_the_hub_are_not_read(hub: Path, tmp_path: Path) -> None:
    outside = tmp_path / "geheim"
    outside.mkdir()
    (outside / "omgeving.md").write_text("TOKEN 0612345678\n", encoding="utf-8")
    (outside / "0612345678.md").write_text("x\n", encoding="utf-8")
    (hub / "docs" / "omgeving.md").symlink_to(outside / "omgeving.md")
    (hub / "docs" / "map").symlink_to(outside, target_is_directory=True)
    (hub / "stories" / "media" / "buiten").symlink_to(outside, target_is_directory=True)
    assert scan(hub) == []


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_links_inside_the_hub_are_followed(hub: Path) -> None:
    (hub / "stories" / "media" / "gezin-0612345678.jpg").write_bytes(b"\xff\xd8")
    (hub / "docs" / "beelden").symlink_to(hub / "stories" / "media", target_is_directory=True)
    (hub / "docs" / "jan-0201234567").symlink_to(hub / "stories" / "media", target_is_directory=True)
    assert sorted(p[0] for p in scan(hub)) == [
        "docs/beelden/gezin-0612345678.jpg", "docs/jan-0201234567", "stories/media/gezin-0612345678.jpg"]


def test_check_reports_published_files_and_child_warnings(hub: Path) -> None:
    (hub / "docs" / "over.md").write_text("Mail naam(at)school.nl.\n", encoding="utf-8")
    story = hub / "stories" / "bestaand-verhaal.md"
    story.write_text(story.read_text(encoding="utf-8") + "\nZijn dochter Fleur van 12 deed mee.\n", encoding="utf-8")
    problems = check(hub, today=TODAY).result.problems
    assert sorted((p.path, p.severity, p.code) for p in problems) == [
        ("docs/over.md", "error", "privacy-email"), ("stories/bestaand-verhaal.md", "warning", "privacy-child")]
