"""Every kind of page, as a reader's browser meets it: privacy, accessibility, layout."""

from __future__ import annotations

import pytest

from browsing import VIEWPORTS, axe_violations, describe_violations

pytestmark = pytest.mark.browser


def test_only_local_requests(page_kind, visit):
    """The page, scrolled to its end, asks nothing of any host but the site's own."""
    v = visit("mobile")
    page = v.open_kind(page_kind)
    page.evaluate("window.scrollTo(0, document.scrollingElement.scrollHeight)")
    page.wait_for_load_state("networkidle")
    v.assert_clean()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_wcag_violations(page_kind, scheme, visit, axe_source, artifacts):
    """axe-core finds no WCAG 2.1 A/AA violation, in the light and the dark palette."""
    v = visit("desktop", scheme)
    page = v.open_kind(page_kind)
    got = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert got == ("slate" if scheme == "dark" else "default"), f"colour scheme is {got!r}"
    if scheme == "dark":
        page.screenshot(path=artifacts / f"{page_kind['kind']}-dark-1280x800.png")
    violations = axe_violations(page, axe_source)
    assert not violations, f"{page_kind['kind']} ({scheme}):\n" + describe_violations(violations)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_no_horizontal_scrolling(page_kind, viewport, visit, artifacts):
    """The page fits the width of a phone and of a laptop; a screenshot is kept."""
    v = visit(viewport)
    page = v.open_kind(page_kind)
    size = VIEWPORTS[viewport]
    page.screenshot(path=artifacts / f"{page_kind['kind']}-{size['width']}x{size['height']}.png",
                    full_page=True)
    overflow = page.evaluate("""() => {
        const width = window.innerWidth;
        if (document.scrollingElement.scrollWidth <= width) return null;
        const wide = [...document.querySelectorAll('body *')].filter(e => {
            const r = e.getBoundingClientRect();
            return r.width > 0 && r.right > width + 1;
        }).slice(0, 8).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
            (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '') +
            ' right=' + Math.round(e.getBoundingClientRect().right));
        return {scrollWidth: document.scrollingElement.scrollWidth, width, wide};
    }""")
    assert overflow is None, f"scrolls sideways at {size['width']}px: {overflow}"
