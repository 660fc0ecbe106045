"""No broken internal link or anchor anywhere in the built site (linkchecker).

Every page of the site is a start URL, so pages reached only from other generated pages
are checked too. Links to other hosts are never fetched.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
LINKCHECKER = Path(sys.executable).with_name("linkchecker")
CONFIG = """\
[checking]
maxrequestspersecond=1000
[AnchorCheck]
"""


def page_urls(site: Path, base: str) -> list[str]:
    urls = []
    for index in sorted(site.rglob("index.html")):
        rel = index.parent.relative_to(site).as_posix()
        urls.append(base if rel == "." else f"{base}{rel}/")
    return urls


def test_no_broken_internal_links_or_anchors(built_site, site_url, tmp_path):
    config = tmp_path / "linkcheckerrc"
    config.write_text(CONFIG, encoding="utf-8")
    origin = "/".join(site_url.split("/", 3)[:3]) + "/"
    proc = subprocess.run(
        [str(LINKCHECKER), "--config", str(config), "--no-status", "--no-robots", "-o", "csv",
         "--ignore-url", f"^(?!{re.escape(origin)})", "--stdin"],
        input="\n".join(page_urls(built_site, site_url)), capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode in (0, 1), f"linkchecker failed to run:\n{proc.stderr}"
    rows = csv.DictReader(io.StringIO("".join(
        line for line in proc.stdout.splitlines(keepends=True) if not line.startswith("#")
    )), delimiter=";")
    broken = [
        f"{r['parentname'].removeprefix(site_url) or '/'} (line {r['line']}): {r['urlname']} -> "
        f"{r['result'] if r['valid'] == 'False' else r['warningstring']}"
        for r in rows if r["valid"] == "False" or r["warningstring"]
    ]
    if broken:
        pytest.fail(f"{len(broken)} broken links:\n" + "\n".join(broken[:60]), pytrace=False)
