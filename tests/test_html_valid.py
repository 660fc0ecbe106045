"""The whole built site is valid HTML according to the Nu Html Checker (v.Nu).

All pages are checked in one JVM run. Any error fails the test, except the few that
Material's own templates cause, listed with their reason in tests/vnu-allow.yaml; an
entry there that no longer matches anything fails too (Material fixed it itself).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

import sitekit

pytestmark = pytest.mark.slow
VNU = sitekit.ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ALLOW_FILE = Path(__file__).with_name("vnu-allow.yaml")
ALLOW = yaml.safe_load(ALLOW_FILE.read_text(encoding="utf-8"))


def allowed_by(message: dict) -> int | None:
    """The index of the allow-list entry that covers a v.Nu message, or None."""
    for i, entry in enumerate(ALLOW):
        if message.get("message") == entry["message"] and entry["extract"] in message.get("extract", ""):
            return i
    return None


@pytest.fixture(scope="module")
def vnu_errors(built_site):
    if not VNU.exists():
        sitekit.unavailable("vnu-jar is not installed in node_modules", "make test-deps")
    if not shutil.which("java"):
        sitekit.unavailable("no Java runtime for the HTML checker", "sudo apt-get install default-jre-headless")
    proc = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "json", "--stdout",
         str(built_site)],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode in (0, 1), f"vnu failed to run:\n{proc.stderr}"
    return json.loads(proc.stdout)["messages"]


def test_allow_list_entries_are_complete():
    for entry in ALLOW:
        assert {"template", "message", "extract", "why"} <= set(entry), entry
        assert entry["extract"] and entry["why"].strip(), entry


def test_every_page_is_valid_html(vnu_errors, built_site):
    errors = [m for m in vnu_errors if allowed_by(m) is None]
    lines = [
        f"{m.get('url', '').split(built_site.name + '/', 1)[-1]}:{m.get('lastLine', '?')}: {m['message']}"
        f"\n    {m.get('extract', '').strip()[:160]}"
        for m in errors
    ]
    if errors:
        pytest.fail(f"{len(errors)} HTML errors:\n" + "\n".join(lines[:60]), pytrace=False)


def test_every_allowed_error_still_occurs(vnu_errors):
    """An allow-list entry that matches no error is stale: Material fixed it, delete it."""
    used = {allowed_by(m) for m in vnu_errors}
    stale = [f"{e['template']}: {e['extract']}" for i, e in enumerate(ALLOW) if i not in used]
    assert not stale, (
        f"these entries of {ALLOW_FILE.name} match no error on the built site any more "
        "(Material fixed them): delete them\n" + "\n".join(stale)
    )
