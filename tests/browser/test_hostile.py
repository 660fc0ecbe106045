"""Defence in depth: the templates escape what editors type, without the validator's help.

The site is built from a copy of the hub with the entries in hostile/ added and the
validator's HTML rules switched off (`html_rules: false` for the kennishub plugin).
Their title, summary, organisations, places, network and interviewees hold <script>,
<img onerror> and javascript: payloads. In a real browser no dialog may open, no
injected element may exist, and the payloads must show as text.
"""

from __future__ import annotations

import re
import shutil

import pytest
import yaml

import sitekit
from browsing import HERE, search

pytestmark = [pytest.mark.browser, pytest.mark.slow]
HOSTILE = HERE / "hostile"
PAGES = yaml.safe_load((HOSTILE / "pages.yaml").read_text(encoding="utf-8"))

INJECTED = """() => {
    const found = [];
    for (const el of document.querySelectorAll('*')) {
        for (const attr of el.attributes) {
            const name = attr.name.toLowerCase(), value = attr.value.trim().toLowerCase();
            if (name.startsWith('on') && value.includes('alert'))
                found.push(`<${el.tagName.toLowerCase()} ${name}="${attr.value}">`);
            if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name)
                    && value.replace(/\\s+/g, '').startsWith('javascript:'))
                found.push(`<${el.tagName.toLowerCase()} ${name}="${attr.value}">`);
        }
        if (el.tagName === 'SCRIPT' && el.textContent.trim() === 'alert(1)') found.push('<script>alert(1)</script>');
        if (el.tagName === 'IMG' && el.getAttribute('src') === 'x') found.push('<img src=x>');
    }
    return found;
}"""


def with_html_rules_off(config: str) -> str:
    """mkdocs.yml text with `html_rules: false` for the kennishub plugin."""
    plain = re.compile(r"^(\s*)- kennishub\s*$", re.M)
    if plain.search(config):
        return plain.sub(r"\1- kennishub:\n\1    html_rules: false", config, count=1)
    opts = re.compile(r"^(\s*)- kennishub:\s*\n(\s+)", re.M)
    assert opts.search(config), "mkdocs.yml lists no kennishub plugin"
    return opts.sub(lambda m: f"{m.group(0)}html_rules: false\n{m.group(2)}", config, count=1)


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    hub = sitekit.copy_hub(tmp_path_factory.mktemp("hostile") / "hub")
    for md in HOSTILE.glob("*.md"):
        shutil.copy(md, hub / "stories" / md.name)
    config = hub / "mkdocs.yml"
    config.write_text(with_html_rules_off(config.read_text(encoding="utf-8")), encoding="utf-8")
    site = hub / "site"
    sitekit.build_site(site, root=hub)
    with sitekit.serve(site, sitekit.site_base_path(hub)) as url:
        yield url, site, hub


def test_the_validator_refuses_the_entry_with_html_rules_on(hostile_url):
    """Guard: the payloads are real, so a normal build (HTML rules on) refuses them."""
    from kennishub.validator import check

    hub = hostile_url[2]
    paths = [f"stories/{md.name}" for md in HOSTILE.glob("*.md")]
    refused = {p.path for p in check(hub, paths).result.errors}
    assert refused == set(paths), f"accepted with HTML rules on: {set(paths) - refused}"


@pytest.mark.parametrize("row", PAGES, ids=[f"{r['path'] or 'home'}{'-search' if r.get('search') else ''}"
                                             for r in PAGES])
def test_payloads_stay_inert_text(row, hostile_url, browser):
    url, site, _ = hostile_url
    if row["path"] and not (site / row["path"] / "index.html").exists():
        pytest.fail(f"the hostile site has no {row['path']}", pytrace=False)
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    dialogs = []
    page = context.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        page.goto(url + row["path"], wait_until="load")
        if row.get("search"):
            search(page, row["search"])
        page.wait_for_load_state("networkidle")
        assert not dialogs, f"a script ran: dialogs {dialogs}"
        injected = page.evaluate(INJECTED)
        assert not injected, f"injected markup is live in the page: {injected}"
        shown = re.sub(r"\s+", " ", page.evaluate("document.body.innerText"))
        missing = [t for t in row["texts"] if t not in shown]
        assert not missing, f"not shown as text on /{row['path']}: {missing}"
    finally:
        context.close()
