"""The whole built site is valid HTML according to the Nu Html Checker (v.Nu).

All pages are checked in one JVM run; any error fails the test.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

import sitekit

pytestmark = pytest.mark.slow
VNU = sitekit.ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_is_valid_html(built_site):
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
    errors = json.loads(proc.stdout)["messages"]
    lines = [
        f"{m.get('url', '').split(built_site.name + '/', 1)[-1]}:{m.get('lastLine', '?')}: {m['message']}"
        f"\n    {m.get('extract', '').strip()[:160]}"
        for m in errors
    ]
    if errors:
        pytest.fail(f"{len(errors)} HTML errors:\n" + "\n".join(lines[:60]), pytrace=False)
    assert proc.returncode == 0, proc.stderr
