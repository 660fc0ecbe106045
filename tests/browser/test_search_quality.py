"""Search and Verkennen in a real browser, over the built sample site.

- The Dutch query set (tests/search_queries.tsv): every query returns its entry in the
  top three of the header search. A new case is a new line in that file.
- The header search: loads nothing until used, opens with / and s, works with the
  keyboard and on a phone, highlights the query, shows only entries.
- Verkennen: counts and results follow AND across facets and OR within one, the state
  is in the address and comes back from it, and without JavaScript the page still
  links to the indexes.
"""

from __future__ import annotations

import csv
import re
import urllib.parse
from collections import Counter
from pathlib import Path

import pytest

import sitekit
from browsing import CHROMIUM, VIEWPORTS, front_matter, published_entries

pytestmark = pytest.mark.browser

QUERIES_FILE = Path(__file__).resolve().parents[1] / "search_queries.tsv"
ENTRY_LINK = re.compile(r"/(verhalen|lessen)/([a-z0-9-]+)/$")
TYPE_LABELS = {"verhaal": "Verhaal", "interview": "Interview", "terugblik": "Terugblik", "checklist": "Checklist"}


def load_queries() -> list[tuple[str, str, str]]:
    with open(QUERIES_FILE, encoding="utf-8", newline="") as f:
        rows = [r for r in csv.reader(f, delimiter="\t") if r and not r[0].startswith("#")]
    assert all(len(r) == 3 for r in rows), f"{QUERIES_FILE.name}: every line needs query, slug, note"
    return [tuple(r) for r in rows]


QUERIES = load_queries()


def entries() -> list[dict]:
    """Published entries: slug, type label, theme titles, date (ISO), from the front matter."""
    themes = {p.stem: front_matter(p).get("title", p.stem) for p in (sitekit.ROOT / "docs" / "themas").glob("*.md")}
    out = []
    for path, meta in published_entries():
        out.append({
            "slug": path.rstrip("/").rsplit("/", 1)[1],
            "type": TYPE_LABELS[meta["type"]],
            "themes": [themes.get(t, t) for t in meta.get("themes") or []],
            "date": str(meta["date"]),
        })
    return out


# -- the header search ---------------------------------------------------------------


@pytest.fixture(scope="module")
def search_page(browser, site_url):
    """One desktop page with the header search open, shared by the query-set tests."""
    context = browser.new_context(viewport=VIEWPORTS["desktop"], locale="nl-NL", service_workers="block")
    page = context.new_page()
    page.goto(site_url, wait_until="load")
    page.keyboard.press("/")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'kh-search-input'")
    yield page
    context.close()


def header_search(page, query: str) -> list[str]:
    """Type `query` into the open header search; the hrefs of the results, in order."""
    box = page.locator("#kh-search-input")
    box.fill("")
    box.press_sequentially(query)
    page.wait_for_function("q => document.querySelector('[data-kh-search]').dataset.khShown === q", arg=query.strip())
    return page.eval_on_selector_all("#kh-search-results a", "els => els.map(e => e.href)")


def slugs(hrefs: list[str]) -> list[str]:
    out = []
    for href in hrefs:
        match = ENTRY_LINK.search(urllib.parse.urlsplit(href).path)
        assert match, f"a search result that is not an entry: {href}"
        out.append(match.group(2))
    return out


@pytest.mark.parametrize("query,slug,note", QUERIES, ids=[q[0] for q in QUERIES])
def test_dutch_query_finds_entry_in_top_three(search_page, query, slug, note):
    found = slugs(header_search(search_page, query))
    assert slug in found[:3], f"{query!r} ({note}): top three {found[:3]}, expected {slug}"


def test_query_set_is_large_enough():
    assert len(QUERIES) >= 15
    assert {slug for _, slug, _ in QUERIES} <= {e["slug"] for e in entries()}, "a query expects an unknown entry"


def test_excerpts_highlight_the_query_and_hide_markers(search_page):
    header_search(search_page, "samenwerking")
    marks = search_page.eval_on_selector_all("#kh-search-results mark", "els => els.map(e => e.textContent)")
    assert marks and all("samenwerk" in m.lower() for m in marks), marks
    text = search_page.text_content("#kh-search-results")
    assert "~" not in text, "a compound marker of the index is shown to the reader"


def test_misspelling_is_corrected_and_said(search_page):
    header_search(search_page, "Croswijk")
    status = search_page.text_content("#kh-search-status")
    assert "Croswijk" in status and "crooswijk" in status.lower(), status


def test_nothing_loads_before_search_is_used(visit):
    v = visit("desktop")
    requests: list[str] = []
    v.page.on("request", lambda r: requests.append(r.url))
    page = v.goto("")
    page.wait_for_load_state("networkidle")
    assert not [u for u in requests if "/pagefind/" in u or "search.js" in u], requests
    page.keyboard.press("s")
    page.keyboard.type("gezin")
    page.wait_for_function("document.querySelector('[data-kh-search]').dataset.khShown === 'gezin'")
    assert any(u.endswith("/pagefind/pagefind.js") for u in requests)
    v.assert_clean()


def test_keyboard_open_move_and_close(visit):
    v = visit("desktop")
    page = v.goto("over/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "kh-search-input"
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.type("gezin")
    page.wait_for_function("document.querySelector('[data-kh-search]').dataset.khShown === 'gezin'")
    page.keyboard.press("ArrowDown")
    first = page.evaluate("document.activeElement.closest('#kh-search-results') && document.activeElement.href")
    assert first and ENTRY_LINK.search(urllib.parse.urlsplit(first).path)
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "kh-search-input"
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    assert page.evaluate("document.activeElement.id") != "kh-search-input"
    status = page.locator("#kh-search-status")
    assert status.get_attribute("role") == "status"


def test_phone_opens_with_a_button(visit):
    v = visit("mobile")
    page = v.goto("")
    button = page.locator("[data-kh-search-open]")
    assert button.is_visible() and button.get_attribute("aria-label") == "Zoeken"
    button.click()
    page.wait_for_function("document.activeElement && document.activeElement.id === 'kh-search-input'")
    page.keyboard.type("Hoogezand")
    page.wait_for_function("document.querySelector('[data-kh-search]').dataset.khShown === 'Hoogezand'")
    first = page.locator("#kh-search-results a").first
    assert first.is_visible()
    box = first.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= VIEWPORTS["mobile"]["width"] + 1
    page.locator("[data-kh-search-close]").click()
    assert not page.evaluate("document.getElementById('__search').checked")
    v.assert_clean()


# -- Verkennen ------------------------------------------------------------------------


def open_verkennen(v, query: str = ""):
    page = v.goto("verkennen/" + query)
    page.wait_for_function("document.querySelector('[data-kh-verkennen]').dataset.khShown !== undefined")
    return page


def wait_state(page, previous: str) -> str:
    page.wait_for_function("p => document.querySelector('[data-kh-verkennen]').dataset.khShown !== p", arg=previous)
    return page.evaluate("document.querySelector('[data-kh-verkennen]').dataset.khShown")


def shown_count(page) -> int:
    text = page.text_content(".kh-verkennen__count")
    match = re.match(r"([\d.]+) bijdrage", text)
    return int(match.group(1).replace(".", "")) if match else 0


def option_count(page, param: str, value: str) -> int:
    label = page.locator(f"input[name={param}][value={value!r}]").locator("xpath=..")
    return int(re.search(r"\((\d+)\)", label.text_content()).group(1))


def test_verkennen_lists_everything_newest_first(visit):
    v = visit("desktop")
    page = open_verkennen(v)
    all_entries = entries()
    assert shown_count(page) == len(all_entries)
    hrefs = page.eval_on_selector_all(".kh-verkennen__list a", "els => els.map(e => e.href)")
    dates = {e["slug"]: e["date"] for e in all_entries}
    got = [dates[s] for s in slugs(hrefs)]
    assert got == sorted(got, reverse=True), "not newest first"
    v.assert_clean()


def test_verkennen_or_within_and_across_facets(visit):
    all_entries = entries()
    themes = Counter(t for e in all_entries for t in e["themes"]).most_common(2)
    (a, _), (b, _) = themes
    kind = Counter(e["type"] for e in all_entries).most_common(1)[0][0]
    v = visit("desktop")
    page = open_verkennen(v)
    state = page.evaluate("document.querySelector('[data-kh-verkennen]').dataset.khShown")

    page.check(f"input[name=thema][value={a!r}]")
    state = wait_state(page, state)
    with_a = [e for e in all_entries if a in e["themes"]]
    assert shown_count(page) == len(with_a)
    # the counts of the other facets follow the selection
    assert option_count(page, "soort", kind) == sum(e["type"] == kind for e in with_a)
    # within the facet: what adding b would give
    assert option_count(page, "thema", b) == sum(b in e["themes"] for e in all_entries)

    page.check(f"input[name=thema][value={b!r}]")
    state = wait_state(page, state)
    either = [e for e in all_entries if a in e["themes"] or b in e["themes"]]
    assert shown_count(page) == len(either), "themes within one facet are not combined with OR"

    page.check(f"input[name=soort][value={kind!r}]")
    state = wait_state(page, state)
    both = [e for e in either if e["type"] == kind]
    assert shown_count(page) == len(both), "facets are not combined with AND"
    params = urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)
    assert sorted(params["thema"]) == sorted([a, b]) and params["soort"] == [kind]
    v.assert_clean()


def test_verkennen_restores_state_from_the_address(visit):
    all_entries = entries()
    theme = Counter(t for e in all_entries for t in e["themes"]).most_common(1)[0][0]
    v = visit("mobile")
    page = open_verkennen(v, "?" + urllib.parse.urlencode({"q": "gezinnen", "thema": theme}))
    assert page.input_value("#kh-verkennen-q") == "gezinnen"
    assert page.is_checked(f"input[name=thema][value={theme!r}]")
    status = page.locator(".kh-verkennen__count")
    assert status.get_attribute("role") == "status" and "gezinnen" in status.text_content()
    found = slugs(page.eval_on_selector_all(".kh-verkennen__list a", "els => els.map(e => e.href)"))
    with_theme = {e["slug"] for e in all_entries if theme in e["themes"]}
    assert found and set(found) <= with_theme
    v.assert_clean()


def test_verkennen_without_javascript_links_the_indexes(browser, site_url):
    if not CHROMIUM.exists():
        pytest.skip("no Chromium")
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "verkennen/")
        assert not page.locator("[data-kh-verkennen]").is_visible()
        hrefs = page.eval_on_selector_all("article a[href]", "els => els.map(e => e.getAttribute('href'))")
        for index in ("themas/", "regio/", "organisaties/", "netwerken/", "verhalen/", "lessen/"):
            assert any(h.rstrip("/").endswith(index.rstrip("/")) for h in hrefs), f"no link to {index}"
    finally:
        context.close()


def load_corrections() -> list[tuple[str, list[str], str]]:
    """tests/search_corrections.tsv: typed word, the hub's words, the correction ("-": none)."""
    path = QUERIES_FILE.with_name("search_corrections.tsv")
    with open(path, encoding="utf-8", newline="") as f:
        rows = [r for r in csv.reader(f, delimiter="\t") if r and not r[0].startswith("#")]
    return [(typed, words.split(","), expected) for typed, words, expected in rows]


CORRECTIONS = load_corrections()


@pytest.mark.parametrize("typed,words,expected", CORRECTIONS, ids=[c[0] for c in CORRECTIONS])
def test_correction_of_a_misspelled_word(search_page, typed, words, expected):
    got = search_page.evaluate(
        """async ([typed, words]) => {
            const m = await import(new URL('assets/javascripts/search.js', document.baseURI).href);
            return m.closestWord(typed, words);
        }""",
        [typed, words],
    )
    assert got == (None if expected == "-" else expected)
