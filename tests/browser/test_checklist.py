"""Checklists are tools: ticks survive a reload, stay per checklist, and reset clears them."""

from __future__ import annotations

import re

import pytest

from browsing import published_entries

pytestmark = pytest.mark.browser
BOXES = "main .task-list-item input[type=checkbox]"
TICKED = f"[...document.querySelectorAll('{BOXES}')].map(i => i.checked)"


@pytest.fixture
def checklists(built_site):
    paths = [path for path, meta in published_entries() if meta.get("type") == "checklist"]
    if len(paths) < 2:
        pytest.fail("the sample site needs at least two checklists", pytrace=False)
    return paths[:2]


def test_ticks_survive_a_reload_and_reset_clears_them(checklists, visit):
    v = visit("mobile")
    page = v.goto(checklists[0])
    boxes = page.locator(BOXES)
    count = boxes.count()
    assert count >= 3, f"{checklists[0]} shows {count} checkboxes"
    boxes.nth(0).click()
    boxes.nth(count - 1).click()
    expected = [i in (0, count - 1) for i in range(count)]
    assert page.evaluate(TICKED) == expected

    page.reload()
    assert page.evaluate(TICKED) == expected, "ticks lost on reload"

    page.goto(v.base + checklists[1])
    assert not any(page.evaluate(TICKED)), "ticks of one checklist show up on another"

    page.goto(v.base + checklists[0])
    page.locator("main").get_by_role("button", name=re.compile(r"wis|reset|herstel|opnieuw", re.I)).click()
    assert not any(page.evaluate(TICKED)), "reset left ticks"
    page.reload()
    assert not any(page.evaluate(TICKED)), "ticks came back after reset and reload"
    v.assert_clean()

