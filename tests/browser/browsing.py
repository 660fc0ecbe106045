"""Helpers for the browser tests: the page kinds, visiting a page, search, axe-core.

Plain functions and data; the fixtures that use them are in conftest.py.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

import sitekit
from kennishub import frontmatter
from kennishub.hub import entry_files
from kennishub.model import COLLECTIONS

HERE = Path(__file__).parent
# Debian's Chromium here and in CI; KENNISHUB_CHROMIUM names another build (GitHub's
# Ubuntu runners have Google Chrome at /usr/bin/google-chrome and no Debian Chromium).
CHROMIUM = Path(os.environ.get("KENNISHUB_CHROMIUM") or "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
ARTIFACTS = sitekit.ROOT / "test-artifacts"
AXE = sitekit.ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
VIEWPORTS = {"mobile": {"width": 375, "height": 667}, "desktop": {"width": 1280, "height": 800}}
# Search boxes: Material's, Pagefind's default UI, or anything marked up as a search landmark.
SEARCH_SCOPE = '[data-md-component="search"], .md-search, [role="search"], search, .pagefind-ui'

# -- page kinds -------------------------------------------------------------------

with open(HERE / "page_kinds.yaml", encoding="utf-8") as _f:
    PAGE_KINDS: list[dict] = yaml.safe_load(_f)
KIND_IDS = [k["kind"] for k in PAGE_KINDS]


def for_kinds(*names):
    """Decorator: run a `page_kind` test only for these kinds (default: every kind)."""
    unknown = set(names) - set(KIND_IDS)
    assert not unknown, f"unknown page kinds {unknown}"

    def mark(fn):
        fn.kinds = names
        return fn

    return mark


def front_matter(path: Path) -> dict:
    """The front matter of a Markdown file as plain values (the core's reader)."""
    return frontmatter.read(path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")).data or {}


def published_entries(root: Path = sitekit.ROOT) -> list[tuple[str, dict]]:
    """(site path, front matter) of every published entry, sorted by source path."""
    found = []
    for collection, rel in entry_files(root):
        meta = front_matter(root / rel)
        if meta and meta.get("draft") is not True:
            found.append((f"{COLLECTIONS[collection][1]}/{Path(rel).stem}/", meta))
    return found


def resolve_kind(row: dict, built: Path, root: Path = sitekit.ROOT) -> dict:
    """The row with `url_path` filled in, or with `missing` saying why it cannot be tested."""
    kind = dict(row)
    wanted = row.get("entry_type") or row.get("theme_of")
    if wanted:
        match = next((e for e in published_entries(root) if e[1].get("type") == wanted), None)
        if match is None:
            return {**kind, "missing": f"no published entry of type {wanted!r}"}
        themes = match[1].get("themes") or [None]
        kind["path"] = match[0] if row.get("entry_type") else themes[0] and f"themas/{themes[0]}/"
    path = kind.get("path")
    if path is None:
        return {**kind, "missing": "the entry has no theme"}
    if kind.get("status", 200) == 200 and not (built / path / "index.html").exists():
        return {**kind, "missing": f"the built site has no {path}index.html"}
    kind["url_path"] = path
    return kind


# -- visiting pages ---------------------------------------------------------------


@dataclass
class Visit:
    """A page in a fresh browser context, with everything it did that it should not."""

    page: object
    base: str
    foreign: list[str] = field(default_factory=list)  # aborted requests to other hosts
    dialogs: list[str] = field(default_factory=list)  # alert/confirm/prompt messages
    errors: list[str] = field(default_factory=list)  # uncaught script errors
    failed: list[str] = field(default_factory=list)  # local subresources with status >= 400

    def goto(self, path: str, status: int = 200):
        response = self.page.goto(self.base + path, wait_until="load")
        got = response.status if response else None
        assert got == status, f"/{path}: status {got}, expected {status}"
        self.page.evaluate("document.fonts.ready.then(() => true)")
        return self.page

    def open_kind(self, kind: dict):
        page = self.goto(kind["url_path"], kind.get("status", 200))
        if kind.get("search"):
            search(page, kind["search"])
        return page

    def assert_clean(self):
        assert not self.foreign, "requests to other hosts:\n" + "\n".join(sorted(set(self.foreign)))
        assert not self.dialogs, f"dialogs opened: {self.dialogs}"
        assert not self.errors, "script errors:\n" + "\n".join(self.errors)
        assert not self.failed, "local resources failing:\n" + "\n".join(self.failed)


def search(page, query: str, shortcut: str = "/"):
    """Open the header search with its keyboard shortcut, type `query`, wait for results."""
    page.keyboard.press(shortcut)
    page.wait_for_function(
        "() => { const a = document.activeElement;"
        " return !!a && a.matches('input[type=search], input[type=text]') }",
        timeout=5000,
    )
    page.keyboard.type(query)
    page.wait_for_function(
        """scope => {
            const a = document.activeElement, box = a && a.closest(scope);
            return !!box && [...box.querySelectorAll('a[href]')].some(
                l => l.offsetParent !== null && /\\/(verhalen|lessen)\\//.test(l.href));
        }""",
        arg=SEARCH_SCOPE,
        timeout=20000,
    )


# -- axe-core ---------------------------------------------------------------------

_AXE_RUN = """async tags => {
    const r = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                       resultTypes: ['violations']});
    return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 5).map(n => ({target: n.target.join(' '),
                                              html: n.html.slice(0, 160),
                                              summary: n.failureSummary}))}));
}"""


def axe_violations(page, axe_source: str) -> list[dict]:
    """WCAG 2.1 A and AA violations axe-core finds on the page as it is now."""
    page.add_script_tag(content=axe_source)
    return page.evaluate(_AXE_RUN, AXE_TAGS)


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}")
        for n in v["nodes"]:
            lines.append(f"    {n['target']}  {n['html']}")
            lines.append("      " + n["summary"].replace("\n", "\n      "))
    return "\n".join(lines)


# -- keyboard ---------------------------------------------------------------------

_FOCUSED = """() => {
    const a = document.activeElement;
    if (!a || a === document.body) return null;
    const r = a.getBoundingClientRect(), pad = 6;
    const x = Math.max(0, r.left - pad), y = Math.max(0, r.top - pad);
    const text = (a.getAttribute('aria-label') || a.textContent || a.value || '').trim().replace(/\\s+/g, ' ');
    return {x, y, width: Math.min(innerWidth, r.right + pad) - x,
            height: Math.min(innerHeight, r.bottom + pad) - y,
            tag: a.tagName.toLowerCase(), type: a.type || '', href: a.getAttribute('href') || '',
            url: a.href || '', in_main: !!a.closest('main, [role=main]'),
            name: text.slice(0, 60), cls: typeof a.className === 'string' ? a.className : ''};
}"""


def focused(page) -> dict | None:
    """What has keyboard focus: tag, type, href (as written), url, name, class, box in the viewport."""
    return page.evaluate(_FOCUSED)


def describe(el: dict | None) -> str:
    if el is None:
        return "nothing"
    return f"<{el['tag']} class={el['cls']!r} href={el['href']!r}> {el['name']!r}"


_SETTLE = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))"
STILL = "*, *::before, *::after { transition: none !important; } html { scroll-behavior: auto !important; }"


def focus_is_visible(page, keep: Path | None = None) -> bool:
    """Whether the focused element looks different from the same element unfocused.

    Add the STILL style sheet first. With `keep`, the two pictures are saved as
    <keep>-focused.png and <keep>-blurred.png when they are the same.
    """
    page.evaluate(_SETTLE)
    el = focused(page)
    if el is None or el["width"] <= 0 or el["height"] <= 0:
        return False
    clip = {k: el[k] for k in ("x", "y", "width", "height")}
    with_focus = page.screenshot(clip=clip, animations="disabled", caret="hide")
    page.evaluate("window.__khFocused = document.activeElement; document.activeElement.blur()")
    page.evaluate(_SETTLE)
    without = page.screenshot(clip=clip, animations="disabled", caret="hide")
    page.evaluate("window.__khFocused.focus()")
    if with_focus == without and keep is not None:
        keep.with_name(keep.name + "-focused.png").write_bytes(with_focus)
        keep.with_name(keep.name + "-blurred.png").write_bytes(without)
    return with_focus != without


def tab_until(page, predicate, limit: int = 80, key: str = "Tab") -> dict | None:
    """Press Tab until `predicate(focused element)` holds; the element, or None."""
    for _ in range(limit):
        page.keyboard.press(key)
        el = focused(page)
        if el is not None and predicate(el):
            return el
    return None


# -- Lighthouse -------------------------------------------------------------------

LIGHTHOUSE = sitekit.ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
LIGHTHOUSE_BARS = {"accessibility": 1.0, "best-practices": 0.95, "seo": 0.95, "performance": 0.95}


def lighthouse(url: str, out: Path, categories=tuple(LIGHTHOUSE_BARS)) -> dict:
    """Run Lighthouse (mobile preset, the default) on `url` with Debian's Chromium.

    Returns {"scores": {category: score}, "bytes": total transfer size (when performance
    is among the categories), "failed": [...]}
    where `failed` names the audits below full marks. The full report goes to `out`.
    """
    import os
    import subprocess

    proc = subprocess.run(
        ["node", str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet",
         "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS),
         "--only-categories=" + ",".join(categories)],
        env={**os.environ, "CHROME_PATH": str(CHROMIUM)}, capture_output=True, text=True, timeout=300,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url}:\n{proc.stderr[-3000:]}")
    import json

    report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    failed = sorted(
        f"{cat}: {ref['id']} ({audits[ref['id']].get('displayValue') or audits[ref['id']]['title']})"
        for cat in categories for ref in report["categories"][cat]["auditRefs"]
        if ref.get("weight") and audits[ref["id"]].get("score") is not None and audits[ref["id"]]["score"] < 1
    )
    return {
        "scores": {cat: report["categories"][cat]["score"] for cat in categories},
        "bytes": audits.get("total-byte-weight", {}).get("numericValue"),  # with performance only
        "failed": failed,
    }
