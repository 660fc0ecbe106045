"""The payloads of the security issue, built into a site with the validator's HTML rules
off, are inert in Chromium: the allow-list that sanitises each page is the last line.

Every golden case whose .expected says "payload from issue 14" becomes an entry; the
same cases prove (tests/test_cases.py) that `kennishub check` reports each at its line.
"""

from __future__ import annotations

import shutil

import pytest

import sitekit
from browsing import HERE
from test_hostile import INJECTED, with_html_rules_off

pytestmark = [pytest.mark.browser, pytest.mark.slow]
CASES = HERE.parent / "cases" / "stories"
PAYLOADS = sorted(p.with_suffix(".md") for p in CASES.glob("*.expected")
                  if "payload from issue 14" in p.read_text(encoding="utf-8"))

# What no entry's content may hold once it is on the site.
FORBIDDEN = """() => {
    const content = document.querySelector('article.md-content__inner');
    const found = [];
    if (!content) return ['no article'];
    const own = (el) => el.closest('.md-content__button, .md-source-file');  // Material's icons
    for (const el of content.querySelectorAll('script, style, link, meta, base, form, button, iframe, object, '
                                              + 'embed, svg, math, animate, set, template, textarea, select')) {
        if (!own(el)) found.push(el.tagName.toLowerCase());
    }
    for (const el of content.querySelectorAll('[style]')) {
        const tag = el.tagName.toLowerCase();
        if (!(['td', 'th'].includes(tag) && /^\\s*text-align:\\s*\\w+;?\\s*$/.test(el.getAttribute('style'))))
            found.push(`${tag}[style="${el.getAttribute('style')}"]`);
    }
    for (const el of content.querySelectorAll('[id^="__"]')) found.push(`#${el.id}`);
    for (const el of content.querySelectorAll('[href], [src]')) {
        const url = (el.getAttribute('href') || el.getAttribute('src')).replace(/[\\t\\n\\r]/g, '').trim().toLowerCase();
        const scheme = /^([a-z][a-z0-9+.-]*):/.exec(url);
        if (scheme && !['http', 'https', 'mailto'].includes(scheme[1])) found.push(`${el.tagName.toLowerCase()} ${url}`);
    }
    if (document.querySelectorAll('base').length) found.push('base in document');
    if (document.querySelector('meta[http-equiv]')) found.push('meta http-equiv in document');
    return found;
}"""


def test_every_payload_is_a_case():
    assert len(PAYLOADS) >= 25, PAYLOADS


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory):
    hub = sitekit.copy_hub(tmp_path_factory.mktemp("payloads") / "hub")
    theme = sorted(p.stem for p in (hub / "docs" / "themas").glob("*.md") if p.stem != "index")[0]
    for md in PAYLOADS:  # the cases are written for the case hub's themes
        text = md.read_text(encoding="utf-8").replace("themes: [samen-leren]", f"themes: [{theme}]")
        (hub / "stories" / md.name).write_text(text, encoding="utf-8")
    (hub / "stories" / "media").mkdir(exist_ok=True)
    shutil.copy(CASES.parent.parent / "fixtures" / "hub" / "stories" / "media" / "netwerk.svg",
                hub / "stories" / "media" / "netwerk.svg")
    config = hub / "mkdocs.yml"
    config.write_text(with_html_rules_off(config.read_text(encoding="utf-8")), encoding="utf-8")
    site = hub / "site"
    sitekit.build_site(site, root=hub)
    with sitekit.serve(site, sitekit.site_base_path(hub)) as url:
        yield url, site


@pytest.mark.parametrize("case", PAYLOADS, ids=[p.stem for p in PAYLOADS])
def test_payload_is_inert(case, payload_site, browser):
    url, site = payload_site
    path = f"verhalen/{case.stem}/"
    assert (site / path / "index.html").exists(), f"no page for {case.name}"
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    dialogs: list[str] = []
    page = context.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        page.goto(url + path, wait_until="load")
        for selector in ("article a", "article img", "article h2", "article p"):
            for el in page.query_selector_all(selector)[:3]:
                for event in ("mouseover", "mouseenter", "focus", "load", "error"):
                    el.dispatch_event(event)  # a handler that survived would run now
        page.wait_for_timeout(100)
        assert not dialogs, f"a script ran: {dialogs}"
        # A bare <img src=x> is what the allow-list leaves of <img src=x onerror=…>: inert.
        assert [found for found in page.evaluate(INJECTED) if found != "<img src=x>"] == []
        assert page.evaluate(FORBIDDEN) == []
        assert "leerkrachten" in page.inner_text("article"), "the entry's own text is missing"
    finally:
        context.close()
