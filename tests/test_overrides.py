"""overrides/ stays a thin layer over Material: blocks in main.html where Material has a
block, a recorded copy only where it has none, and never a template that names one of
Material's hashed assets (those change with every release).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from material_copies import COPIES, HASHED_ASSET, OVERRIDES, RECORD_FILE, REPLACED, drift, override_files, shadowing


@pytest.fixture(scope="module")
def templates() -> Path:
    import material

    return Path(material.__file__).parent / "templates"


def test_no_override_names_a_hashed_asset():
    found = [f"overrides/{name}: {m.group(0)}" for name in override_files()
             for m in HASHED_ASSET.finditer((OVERRIDES / name).read_text(encoding="utf-8"))]
    assert not found, "a copy of Material's base.html breaks at the next release:\n" + "\n".join(found)


def test_hashed_asset_pattern_matches_materials_base(templates):
    """The pattern above would see a copy of base.html (guards the guard)."""
    assert len(HASHED_ASSET.findall((templates / "base.html").read_text(encoding="utf-8"))) >= 3


def test_base_html_is_never_copied():
    assert not (OVERRIDES / "base.html").exists(), "extend it in main.html with {% block … %} instead"


def test_every_recorded_file_exists_and_says_why():
    for name, spec in {**COPIES, **REPLACED}.items():
        assert (OVERRIDES / name).is_file(), f"{RECORD_FILE.name} records overrides/{name}, which does not exist"
        assert spec["why"].strip(), name
    assert not set(COPIES) & set(REPLACED)


def test_every_shadowing_override_is_recorded(templates):
    assert shadowing(templates), "no override takes the place of a Material template? check the templates path"
    unrecorded = [n for n in shadowing(templates) if n not in COPIES and n not in REPLACED]
    assert not unrecorded, f"record these in {RECORD_FILE.name}: {unrecorded}"


def test_copies_match_installed_material(templates):
    problems = drift(templates)
    assert not problems, "\n".join(problems)


def test_drift_is_seen(tmp_path, templates):
    """A change upstream in a copied or a replaced template is reported."""
    import shutil

    changed = tmp_path / "templates"
    shutil.copytree(templates, changed, ignore=shutil.ignore_patterns("assets", ".icons", "__pycache__"))
    copy, replaced = next(iter(COPIES)), next(iter(REPLACED))
    for name in (copy, replaced):
        (changed / name).write_text((changed / name).read_text(encoding="utf-8") + "<p>nieuw</p>\n", encoding="utf-8")
    problems = drift(changed)
    assert any(f"overrides/{copy} is not Material's" in p for p in problems), problems
    assert any(f"Material's {replaced} changed (sha256" in p for p in problems), problems


def test_main_html_keeps_materials_blocks():
    """A block of main.html that does not call super() replaces Material's block whole:
    only the head metadata and the title are ours entirely."""
    text = (OVERRIDES / "main.html").read_text(encoding="utf-8")
    whole = [name for name, body in re.findall(r"\{%-?\s*block (\w+)\s*-?%\}(.*?)\{%-?\s*endblock", text, re.S)
             if "super()" not in body]
    assert sorted(whole) == ["htmltitle", "site_meta"], whole
