"""Keyboard use: a skip link first, visible focus, search and checklists without a mouse."""

from __future__ import annotations

import re

import pytest

from browsing import KIND_IDS, STILL, describe, focus_is_visible, focused, for_kinds, search, tab_until

pytestmark = pytest.mark.browser
RESULT = re.compile(r"/(verhalen|lessen)/[a-z0-9-]+/")
RESET = re.compile(r"wis|reset|herstel|opnieuw", re.I)
HEADER_STOPS, CONTENT_STOPS = 10, 15  # Tab stops checked from the top and from the content


def _is_result(el):
    return el["tag"] == "a" and RESULT.search(el["url"])


def _is_checkbox(el):
    return el["tag"] == "input" and el["type"] == "checkbox"


def _is_reset(el):
    return el["tag"] == "button" and el["in_main"] and RESET.search(el["name"])


@for_kinds(*[k for k in KIND_IDS if k != "zoekresultaten"])
def test_skip_link_comes_first(page_kind, visit):
    v = visit("desktop")
    page = v.open_kind(page_kind)
    page.keyboard.press("Tab")
    el = focused(page)
    assert el and el["tag"] == "a" and el["href"].startswith("#"), (
        f"the first Tab stop is {describe(el)}, not a skip link to the content"
    )
    assert el["width"] > 1 and el["height"] > 1 and el["y"] >= 0, "the skip link stays invisible when focused"
    target = el["href"][1:]
    assert page.evaluate("id => !!document.getElementById(id)", target), f"skip link target #{target} missing"
    page.keyboard.press("Enter")
    assert page.evaluate("() => location.hash") == "#" + target
    in_content = page.evaluate(
        "id => { const t = document.getElementById(id); return !!(t.closest('main, [role=main]')"
        " || t.querySelector('main, [role=main]') || t.matches('main')) }", target)
    assert in_content, f"#{target} is not the main content"


@for_kinds("home", "verhaal", "interview", "checklist", "themas", "regio", "in-cijfers", "verkennen", "404")
def test_focus_is_visible(page_kind, visit, artifacts):
    """Each Tab stop in the header, then (after the skip link) in the content, shows focus."""
    v = visit("desktop")
    page = v.open_kind(page_kind)
    invisible = []

    def check(stops):
        for _ in range(stops):
            page.keyboard.press("Tab")
            if focused(page) is None:
                return  # past the last Tab stop of the page
            if not focus_is_visible(page, keep=artifacts / f"focus-{page_kind['kind']}-{len(invisible)}"):
                invisible.append(describe(focused(page)))

    page.add_style_tag(content=STILL)
    check(HEADER_STOPS)
    page.reload()
    page.add_style_tag(content=STILL)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the skip link: on to the content
    check(CONTENT_STOPS)
    assert not invisible, "no visible focus on (pictures in test-artifacts/):\n" + "\n".join(invisible)


@pytest.mark.parametrize("shortcut", ["/", "s"])
def test_search_by_keyboard(shortcut, visit):
    v = visit("desktop")
    page = v.goto("")
    search(page, "gezin", shortcut=shortcut)
    # Results are reached with the arrow keys (Material's way) or with Tab.
    result = tab_until(page, _is_result, limit=5, key="ArrowDown")
    if result is None:
        page.reload()
        search(page, "gezin", shortcut=shortcut)
        result = tab_until(page, _is_result, limit=15)
    assert result, "no search result reachable with the arrow keys or Tab"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert RESULT.search(page.url), page.url
    v.assert_clean()


@for_kinds("checklist")
def test_checklist_by_keyboard(page_kind, visit):
    v = visit("desktop")
    page = v.open_kind(page_kind)
    reset = tab_until(page, _is_reset)
    assert reset, "no reset button reachable with Tab"
    box = tab_until(page, _is_checkbox)
    assert box, "no checkbox reachable with Tab"
    name = page.evaluate("() => { const i = document.activeElement;"
                         " return (i.labels[0] ? i.labels[0].textContent : i.getAttribute('aria-label') || '').trim() }")
    assert len(name) > 3, f"the checkbox has no name: {name!r}"
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked"), "Space did not tick the checkbox"
    page.reload()
    assert page.evaluate("[...document.querySelectorAll('main input[type=checkbox]')].filter(i => i.checked).length") == 1
    assert tab_until(page, _is_reset)
    page.keyboard.press("Enter")
    assert page.evaluate("[...document.querySelectorAll('main input[type=checkbox]')].some(i => i.checked)") is False
    v.assert_clean()
