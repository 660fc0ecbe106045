"""Build real sites with `mkdocs build --strict` and read the generated HTML.

1. The tiny fixture hub `tests/fixtures/sitehub/`: every list on every generated page,
   the related and derived-from links, the metadata block, the feeds, against the
   hand-written expectations in `tests/fixtures/site-expected.yaml` (a new case is
   a new line there).
2. The repository's own sample content (the `built_site` fixture of conftest.py):
   the feeds are Atom, no page loads anything from another host or links to a host
   it should not, every entry is within three clicks of the home page.
"""

from __future__ import annotations

import html.parser
import re
import subprocess
import sys
import urllib.parse
import xml.etree.ElementTree as ET
from collections import deque
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.slow

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "fixtures" / "sitehub"
EXPECTED = yaml.safe_load((HERE / "fixtures" / "site-expected.yaml").read_text(encoding="utf-8"))
ATOM = "{http://www.w3.org/2005/Atom}"
ENTRY_OR_THEME = re.compile(r"^(?:(?:verhalen|lessen)/(?!pagina/|archief/)[a-z0-9-]+/|themas/[a-z0-9-]+/)$")


# ---- reading built HTML ----------------------------------------------------------------


class _Links(html.parser.HTMLParser):
    """Links of a page: (group, href) where group is the id of the last h1–h3 seen."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.group = "_"
        self.links: list[tuple[str, str]] = []
        self.ids: set[str] = set()
        self.resources: list[str] = []  # URLs the browser fetches by itself
        self.anchors: list[str] = []  # every <a href>

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
            if tag in ("h1", "h2", "h3"):
                self.group = a["id"]
        if tag == "a" and a.get("href") is not None:
            self.links.append((self.group, a["href"]))
            self.anchors.append(a["href"])
        for key in ("src", "poster", "data"):
            if a.get(key):
                self.resources.append(a[key])
        if a.get("srcset"):
            self.resources += [part.split()[0] for part in a["srcset"].split(",") if part.strip()]
        if tag == "link" and a.get("href") and "alternate" not in (a.get("rel") or "") and "canonical" not in (
            a.get("rel") or ""
        ):
            self.resources.append(a["href"])


def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def page_file(site: Path, page: str) -> Path:
    return site / page / "index.html" if page == "" or page.endswith("/") else site / page


def resolve(href: str, page: str) -> tuple[str, str] | None:
    """Site path and fragment of a link on `page`, or None for another host."""
    url = urllib.parse.urljoin("http://site.invalid/" + page, href)
    parts = urllib.parse.urlsplit(url)
    if parts.netloc != "site.invalid":
        return None
    return parts.path.lstrip("/"), parts.fragment


def groups(site: Path, page: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for group, href in parse(page_file(site, page)).links:
        target = resolve(href, page)
        if target and ENTRY_OR_THEME.match(target[0]):
            found.setdefault(group, []).append(target[0])
    return found


def build(root: Path, dest: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)],
        cwd=root, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, f"mkdocs build --strict failed:\n{proc.stdout}\n{proc.stderr}"


# ---- the fixture hub -------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("fixture-site") / "site"
    build(FIXTURE, dest)
    return dest


@pytest.mark.parametrize(
    "page,group",
    [(page, group) for page, gs in EXPECTED["lists"].items() for group in gs],
    ids=lambda v: v or "home",
)
def test_lists(site, page, group):
    assert groups(site, page).get(group, []) == EXPECTED["lists"][page][group]


@pytest.mark.parametrize(
    "page,fragment",
    [(page, f) for page, fs in EXPECTED["contains"].items() for f in fs],
    ids=lambda v: v[:40] or "home",
)
def test_contains(site, page, fragment):
    assert fragment in page_file(site, page).read_text(encoding="utf-8")


@pytest.mark.parametrize("feed", list(EXPECTED["feeds"]))
def test_feeds(site, feed):
    root = ET.parse(site / feed).getroot()
    assert root.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{tag}") is not None
    links = []
    for entry in root.findall(f"{ATOM}entry"):
        for tag in ("id", "title", "updated"):
            assert (entry.findtext(f"{ATOM}{tag}") or "").strip(), f"entry without {tag}"
        href = entry.find(f"{ATOM}link[@rel='alternate']").get("href")
        assert href.startswith("https://hub.example.org/test/")
        links.append(href.removeprefix("https://hub.example.org/test/"))
    assert links == EXPECTED["feeds"][feed]


def test_drafts_are_absent(site):
    for slug in EXPECTED["absent"]:
        assert not (site / "verhalen" / slug).exists()
        for path in site.rglob("*"):
            if path.suffix in (".html", ".xml"):
                assert slug not in path.read_text(encoding="utf-8"), f"{slug} in {path.relative_to(site)}"


def test_internal_links_and_anchors_resolve(site):
    """Every link on every page reaches a file of the site, and its #anchor exists there."""
    ids: dict[Path, set[str]] = {}
    broken = []
    for path in sorted(site.rglob("*.html")):
        page = path.relative_to(site).as_posix().removesuffix("index.html")
        if page == "404.html":  # links from the site root (served at any path)
            continue
        for href in parse(path).anchors:
            target = resolve(href, page)
            if target is None or href.startswith(("mailto:", "#__")):
                continue
            where, fragment = target
            file = page_file(site, where) if where == "" or where.endswith("/") else site / where
            if not file.exists():
                broken.append(f"{page}: {href}")
            elif fragment and file.suffix == ".html":
                if file not in ids:
                    ids[file] = parse(file).ids
                if fragment not in ids[file]:
                    broken.append(f"{page}: {href} (anker ontbreekt)")
    assert not broken, "\n".join(broken)


# ---- the repository's sample site ------------------------------------------------------


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml; tags such as !ENV or !!python/name become None."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _hub_entries():
    from kennishub.validator import check

    root = HERE.parent
    return root, [e for e in check(root).hub.entries if not e.draft]


def test_sample_feeds_are_atom(built_site):
    feeds = [built_site / "feed.xml", *sorted((built_site / "themas").glob("*/feed.xml"))]
    assert len(feeds) > 1
    for feed in feeds:
        root = ET.parse(feed).getroot()
        assert root.tag == f"{ATOM}feed", feed
        for entry in root.findall(f"{ATOM}entry"):
            for tag in ("id", "title", "updated"):
                assert (entry.findtext(f"{ATOM}{tag}") or "").strip()
            assert entry.find(f"{ATOM}link[@rel='alternate']").get("href")


def test_sample_pages_link_their_feeds(built_site):
    """Every page announces the hub's feed; a theme page also its own."""
    alternate = re.compile(r'<link rel="(?:[^"]* )?alternate(?: [^"]*)?" type="application/atom\+xml"[^>]*href="([^"]+)"')
    themes = sorted(p.parent.name for p in (built_site / "themas").glob("*/feed.xml"))
    assert themes
    for page in ["", "verhalen/", *[f"themas/{t}/" for t in themes]]:
        hrefs = {resolve(h, page)[0] for h in alternate.findall(page_file(built_site, page).read_text(encoding="utf-8"))}
        assert "feed.xml" in hrefs, page
        if page.startswith("themas/"):
            assert f"{page}feed.xml" in hrefs, page


def test_sample_loads_nothing_from_other_hosts(built_site):
    """Resources (src, srcset, stylesheets, icons) come from the site itself; links leave
    only for the repository and the sources the entries name."""
    root, entries = _hub_entries()
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    own = urllib.parse.urlsplit(config.get("site_url") or "").netloc
    allowed_links = {own, urllib.parse.urlsplit(config.get("repo_url") or "").netloc}
    for e in entries:
        url = (e.meta.get("source") or {}).get("url")
        if url:
            allowed_links.add(urllib.parse.urlsplit(url).netloc)
    problems = []
    for path in sorted(built_site.rglob("*.html")):
        page = path.relative_to(built_site).as_posix()
        parsed = parse(path)
        for url in parsed.resources:
            host = urllib.parse.urlsplit(urllib.parse.urljoin("http://site.invalid/", url)).netloc
            if host not in ("site.invalid", own):
                problems.append(f"{page}: laadt {url}")
        for href in parsed.anchors:
            host = urllib.parse.urlsplit(href).netloc
            if host and host not in allowed_links:
                problems.append(f"{page}: linkt naar {href}")
    assert not problems, "\n".join(problems)


def test_sample_entries_within_three_clicks_of_home(built_site):
    _, entries = _hub_entries()
    depth = {"": 0}
    queue = deque([""])
    while queue:
        page = queue.popleft()
        if depth[page] == 3:
            continue
        file = page_file(built_site, page)
        if not file.exists():
            continue
        for href in parse(file).anchors:
            target = resolve(href, page)
            if target is None:
                continue
            where = target[0]
            if (where == "" or where.endswith("/")) and where not in depth:
                depth[where] = depth[page] + 1
                queue.append(where)
    far = [e.url for e in entries if e.url not in depth]
    assert not far, f"meer dan drie klikken vanaf de startpagina: {far}"


def test_sample_entry_pages_have_related_entries(built_site):
    _, entries = _hub_entries()
    for e in entries:
        found = groups(built_site, e.url).get("gerelateerd", [])
        assert 3 <= len(found) <= 5, (e.url, found)
        assert e.url not in found


# ---- the build refuses what the validator refuses --------------------------------------

BROKEN = [
    pytest.param(
        "stories/buurtkamer-zwolle.md", "themes: [armoede, wijkgericht-werken]", "themes: [armoede, wijk]",
        "stories/buurtkamer-zwolle.md:6:", id="error-unknown-theme",
    ),
    pytest.param(
        "stories/landelijk-leren.md", "type: verhaal\n", "type: verhaal\norganisations: [stichting de buurtkamer]\n",
        "waarschuwing", id="warning-fails-strict",
    ),
    pytest.param(
        "stories/pagina.md", None, "stories/landelijk-leren.md", "stories/pagina.md:1: fout:", id="reserved-slug",
    ),
]


@pytest.mark.parametrize("path,old,new,fragment", BROKEN)
def test_build_fails_with_dutch_messages(tmp_path, path, old, new, fragment):
    import shutil

    hub = tmp_path / "hub"
    shutil.copytree(FIXTURE, hub)
    target = hub / path
    if old is None:  # a copy of another entry under a new name
        shutil.copy(hub / new, target)
    else:
        text = target.read_text(encoding="utf-8")
        assert old in text
        target.write_text(text.replace(old, new, 1), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=hub, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode != 0
    assert fragment in proc.stdout + proc.stderr
