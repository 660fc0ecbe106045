"""The hub's name is plain text on every page.

Material prints `config.site_name` raw in templates we do not copy (partials/nav.html:
the drawer title and the logo link's aria-label), so the plugin refuses a name with
<, > or " when the build starts (kennishub/site_name.py); `&` and `'` stay allowed and
must render as they are written.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

import sitekit
from kennishub.site_name import site_name_problems

HOSTILE = ["Hub <img src=x onerror=alert(1)>", 'Hub" onmouseover="alert(1)', "Hub</title><script>alert(1)</script>",
           "a > b"]
PLAIN = ["Jeugd & Gezin", "Kennishub 't Gooi", "Kind &amp; Co", "Samen Opgroeien – Noord"]
NAME = "Jeugd & Gezin 't Gooi"


def write_config(hub: Path, name: str) -> int:
    """Set site_name in the copy's mkdocs.yml; the line it is on."""
    config = hub / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text, n = re.subn(r"^site_name:.*$", lambda _: "site_name: " + json.dumps(name), text, count=1, flags=re.M)
    assert n == 1
    config.write_text(text, encoding="utf-8")
    return text[: text.index("site_name:")].count("\n") + 1


@pytest.mark.parametrize("name", HOSTILE)
def test_markup_in_the_name_is_an_error_at_its_line(tmp_path, name):
    (tmp_path / "mkdocs.yml").write_text(f"# hub\nsite_name: {json.dumps(name)}\n", encoding="utf-8")
    [problem] = site_name_problems(name, tmp_path / "mkdocs.yml", tmp_path)
    assert (problem.path, problem.line, problem.severity) == ("mkdocs.yml", 2, "error")
    assert "site_name" in problem.message and "gewone tekst" in problem.message


@pytest.mark.parametrize("name", PLAIN)
def test_plain_names_pass(tmp_path, name):
    assert site_name_problems(name, tmp_path / "mkdocs.yml", tmp_path) == []


def _build(hub: Path, site: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                          cwd=hub, capture_output=True, text=True, timeout=600)


@pytest.mark.slow
@pytest.mark.parametrize("name", HOSTILE[:2])
def test_build_stops_before_writing_a_page(tmp_path, name):
    hub = sitekit.copy_hub(tmp_path / "hub")
    line = write_config(hub, name)
    proc = _build(hub, tmp_path / "site")
    assert proc.returncode != 0
    assert f"mkdocs.yml:{line}: fout: de naam van de kennishub (site_name) bevat" in proc.stderr, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "site").exists(), "pages were written with the hostile name"


class _Text(HTMLParser):
    """Decoded text and attribute values of a page, and the elements it holds."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.values: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.values += [v for _, v in attrs if v]

    def handle_data(self, data):
        self.values.append(data)


@pytest.fixture(scope="module")
def ampersand_site(tmp_path_factory):
    hub = sitekit.copy_hub(tmp_path_factory.mktemp("name-hub") / "hub")
    write_config(hub, NAME)
    site = hub.parent / "site"
    proc = _build(hub, site)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return site


@pytest.mark.slow
def test_ampersand_and_apostrophe_render_as_written(ampersand_site):
    pages = sorted(ampersand_site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        text = page.read_text(encoding="utf-8")
        parsed = _Text()
        parsed.feed(text)
        name = page.relative_to(ampersand_site).as_posix()
        shown = [v for v in parsed.values if NAME in v]
        # title, og:site_name, feed title, header logo and title, drawer logo and title
        assert len(shown) >= 6, f"{name}: the name shows {len(shown)} times"
        assert not any(re.search(r"&(amp|#0*39|#x0*27);", v) for v in parsed.values if "Gezin" in v), (
            f"{name}: the name is escaped twice somewhere"
        )
        title = html.unescape(re.search(r"<title>(.*?)</title>", text, re.S).group(1)).strip()
        assert title == NAME or title.endswith(" - " + NAME), f"{name}: <title> is {title!r}"


def test_check_reports_the_name_without_the_plugin(tmp_path):
    """`kennishub check` reports it too, for an engine that runs no plugin (issue 9)."""
    from kennishub.validator import check

    hub = tmp_path / "hub"
    shutil.copytree(Path(__file__).parent / "fixtures" / "hub", hub)
    config = hub / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "site_name: Testhub", 'site_name: "Hub <img src=x onerror=alert(1)>"'), encoding="utf-8")
    found = [(p.path, p.line, p.code) for p in check(hub).result.errors]
    assert found == [("mkdocs.yml", 1, "site-name-markup")]
