"""Which files in overrides/ take the place of a Material template, and whether they still
match the Material they were made from (tests/material-copies.yaml holds the record).

Shared by tests/test_overrides.py (the installed Material) and
tests/test_material_versions.py (every tested Material minor).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
OVERRIDES = ROOT / "overrides"
RECORD_FILE = Path(__file__).with_name("material-copies.yaml")
RECORD = yaml.safe_load(RECORD_FILE.read_text(encoding="utf-8"))
COPIES: dict = RECORD["copies"]
REPLACED: dict = RECORD["replaced"]
LEADING_COMMENT = re.compile(r"\A\{#-.*?-#\}\n", re.S)
# Material's bundled assets carry a content hash: main.ec1eaa64.min.css, bundle.d7400e89.min.js.
HASHED_ASSET = re.compile(r"\b[\w-]+\.[0-9a-f]{8}\.min\.(?:css|js)\b")


def override_files() -> list[str]:
    """Every template in overrides/, as a path relative to it."""
    return sorted(p.relative_to(OVERRIDES).as_posix() for p in OVERRIDES.rglob("*.html"))


def shadowing(templates: Path) -> list[str]:
    """The overrides that have the name of one of Material's templates."""
    return [name for name in override_files() if (templates / name).is_file()]


def drift(templates: Path) -> list[str]:
    """What no longer matches between overrides/ and Material's templates in `templates`:
    one line per problem, saying what to do; empty when all is in step."""
    problems = []
    for name in shadowing(templates):
        if name not in COPIES and name not in REPLACED:
            problems.append(f"overrides/{name} takes the place of Material's {name} but is not in "
                            f"{RECORD_FILE.name}: use a block in main.html, or record it")
    for name, spec in COPIES.items():
        upstream_path = templates / name
        if not upstream_path.is_file():
            problems.append(f"Material has no {name} any more: overrides/{name} overrides nothing")
            continue
        expected = LEADING_COMMENT.sub("", upstream_path.read_text(encoding="utf-8"))
        missing = [p["material"] for p in spec["patches"] if p["material"] not in expected]
        for old in missing:
            problems.append(f"Material's {name} changed: {old.strip()[:80]!r} is gone; review overrides/{name}")
        if missing:
            continue
        for patch in spec["patches"]:
            expected = expected.replace(patch["material"], patch["ours"])
        ours = LEADING_COMMENT.sub("", (OVERRIDES / name).read_text(encoding="utf-8"))
        if ours != expected:
            problems.append(f"overrides/{name} is not Material's {name} plus the patches in {RECORD_FILE.name}: "
                            f"Material changed it or ours was edited; copy Material's again and re-apply them")
    for name, spec in REPLACED.items():
        upstream_path = templates / name
        if not upstream_path.is_file():
            problems.append(f"Material has no {name} any more: overrides/{name} overrides nothing")
            continue
        digest = hashlib.sha256(upstream_path.read_bytes()).hexdigest()
        if digest != spec["upstream_sha256"]:
            problems.append(f"Material's {name} changed (sha256 {digest}): compare it with overrides/{name}, "
                            f"then record the new hash in {RECORD_FILE.name}")
    return problems
