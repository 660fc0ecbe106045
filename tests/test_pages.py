"""The HTML of the generated pages: hostile values stay inert text, links are relative,
Dutch dates and reading times."""

from __future__ import annotations

import datetime as dt
import html.parser
import urllib.parse

import pytest

from hubcase import hub_from_data
from kennishub import pages_entry, pages_index
from kennishub.indexes import build_index
from kennishub.pages import PageSpec, date_nl, fill_slots, reading_time, rel, safe_url, slot, word_count
from kennishub.related import RelatedFinder

EVIL = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'><a href="javascript:alert(3)">'
HOSTILE = {
    "themes": {"armoede": EVIL},
    "authors": {"redactie": EVIL},
    "entries": [
        {
            "slug": "kwaad",
            "type": "interview",
            "title": EVIL,
            "summary": EVIL,
            "themes": ["armoede"],
            "municipalities": [[EVIL, EVIL]],
            "places": [EVIL],
            "organisations": [EVIL, "javascript:alert(4)"],
            "network": EVIL,
            "authors": ["redactie", EVIL],
            "interviewees": [{"name": EVIL, "role": EVIL, "organisation": EVIL}],
            "event": {"name": EVIL, "place": EVIL, "date": EVIL},
            "source": {"title": EVIL, "url": "javascript:alert(5)", "publisher": EVIL},
            "image": "javascript:alert(6)",
            "image_alt": EVIL,
        },
        {"slug": "buur", "type": "checklist", "themes": ["armoede"], "derived_from": ["kwaad"], "title": EVIL},
    ],
}


class _Audit(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.text = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed") or (tag == "img" and dict(attrs).get("src") == "x"):
            self.problems.append(f"<{tag}>")
        for key, value in attrs:
            if key.startswith("on"):
                self.problems.append(f"{tag}[{key}]")
            if key in ("href", "src") and value is not None:
                scheme = urllib.parse.urlsplit(value).scheme
                if scheme not in ("", "http", "https"):
                    self.problems.append(f"{tag}[{key}={value}]")

    def handle_data(self, data):
        self.text.append(data)


def audit(fragment: str) -> _Audit:
    parser = _Audit()
    parser.feed(fragment)
    parser.close()
    return parser


@pytest.fixture(scope="module")
def hostile():
    index = build_index(hub_from_data(HOSTILE))
    return index, RelatedFinder(index)


def _fragments(index, finder):
    story, checklist = index.by_slug["kwaad"], index.by_slug["buur"]
    theme = index.themes[0]
    yield "entry header", pages_entry.entry_header(story, index)
    yield "entry footer", pages_entry.entry_footer(story, index, finder)
    yield "checklist footer", pages_entry.entry_footer(checklist, index, finder)
    yield "checklist wrapper", pages_entry.wrap_checklist(checklist, "<p>tekst</p>")
    yield "themes overview", pages_index.themes_overview(index)
    yield "theme index", pages_index.theme_index(index, theme)
    yield "regions", pages_index.regions(index)
    yield "organisations", pages_index.groups_az(index.organisations, "organisaties/", "Organisaties")
    yield "networks", pages_index.groups_az(index.networks, "netwerken/", "Netwerken")
    yield "in numbers", pages_index.in_numbers(index)
    for spec in pages_index.site_pages(index):
        yield spec.src_uri, "".join(spec.slots)
    from kennishub.pages import newest_cards, themes_grid

    yield "cards", newest_cards(index, "")
    yield "themes grid", themes_grid(index, "")


def test_hostile_values_render_as_text(hostile):
    index, finder = hostile
    for name, fragment in _fragments(index, finder):
        found = audit(fragment)
        assert not found.problems, (name, found.problems)


def test_hostile_title_is_visible_text(hostile):
    index, _ = hostile
    found = audit(pages_entry.entry_header(index.by_slug["kwaad"], index))
    assert "<script>alert(1)</script>" in "".join(found.text)


def test_unsafe_urls_are_not_linked(hostile):
    index, _ = hostile
    header = pages_entry.entry_header(index.by_slug["kwaad"], index)
    source_row = header[header.index("kh-meta__row--source"):]
    assert "<a " not in source_row.split("</div>")[0]  # the source's title is shown, not linked
    assert pages_entry.image_path(index.by_slug["kwaad"]) is None
    assert "<img" not in header


@pytest.mark.parametrize(
    "url,ok",
    [("https://example.org/a?b=c", True), ("http://example.org", True), ("javascript:alert(1)", False),
     ("JAVASCRIPT:alert(1)", False), ("data:text/html,x", False), ("//example.org", False), ("/pad", False),
     ("https://example.org/\"onmouseover=", False), ("https:///geen-host", False), (None, False)],
)
def test_safe_url(url, ok):
    assert (safe_url(url) is not None) is ok


@pytest.mark.parametrize(
    "target,base,link",
    [("verhalen/a/", "verhalen/b/", "../a/"), ("themas/x/", "verhalen/b/", "../../themas/x/"),
     ("", "verhalen/b/", "../../"), ("verhalen/", "verhalen/", "./"), ("verhalen/pagina/2/", "verhalen/", "pagina/2/"),
     ("organisaties/#org-a", "lessen/c/", "../../organisaties/#org-a"), ("feed.xml", "", "feed.xml"),
     ("themas/x/feed.xml", "themas/x/", "feed.xml"), ("regio/", "./", "regio/")],
)
def test_rel(target, base, link):
    assert rel(target, base) == link


@pytest.mark.parametrize(
    "date,text", [(dt.date(2024, 3, 12), "12 maart 2024"), (dt.date(2023, 1, 1), "1 januari 2023"),
                  (dt.date(2022, 12, 31), "31 december 2022"), (None, "")],
)
def test_date_nl(date, text):
    assert date_nl(date) == text


@pytest.mark.parametrize(
    "words,text", [(0, "1 minuut lezen"), (200, "1 minuut lezen"), (201, "2 minuten lezen"), (640, "4 minuten lezen")],
)
def test_reading_time(words, text):
    assert reading_time(" ".join(["woord"] * words)) == text


def test_word_count_skips_link_targets_and_tags():
    assert word_count("Een [link](https://example.org/heel/lang/pad) en <b>vet</b> woord-met-streepjes.") == 5


@pytest.mark.parametrize(
    "src,url", [("regio/index.md", "regio/"), ("verhalen/pagina/2.md", "verhalen/pagina/2/"), ("index.md", ""),
                ("in-cijfers/index.md", "in-cijfers/"), ("verhalen/archief/2024.md", "verhalen/archief/2024/")],
)
def test_page_spec_url(src, url):
    assert PageSpec(src, "t").url == url


def test_slots_fill_in_order():
    spec = PageSpec("x.md", "X")
    spec.add("<p>een</p>")
    spec.add("<p>twee</p>")
    rendered = f"<p>intro</p>\n{slot(0)}\n{slot(1)}"
    assert fill_slots(rendered, spec.slots) == "<p>intro</p>\n<p>een</p>\n<p>twee</p>"
    assert slot(0) in spec.markdown and spec.markdown.index(slot(0)) < spec.markdown.index(slot(1))


def test_listing_pages_paginate_and_archive():
    hub = hub_from_data({"entries": [{"slug": f"e{i}", "date": dt.date(2020 + i % 3, 1, 1 + i)} for i in range(5)]})
    specs = {s.src_uri: s for s in pages_index.listing_pages(build_index(hub), "stories", per_page=2)}
    assert set(specs) == {"verhalen/index.md", "verhalen/pagina/2.md", "verhalen/pagina/3.md",
                          "verhalen/archief/index.md", "verhalen/archief/2022.md", "verhalen/archief/2021.md",
                          "verhalen/archief/2020.md"}
    assert specs["verhalen/index.md"].in_nav and not specs["verhalen/pagina/2.md"].in_nav
    assert 'aria-current="page">3<' in "".join(specs["verhalen/pagina/3.md"].slots)


def test_listing_is_capped_and_points_to_the_archive():
    hub = hub_from_data({"entries": [{"slug": f"e{i}", "date": dt.date(2020, 1, 1 + i)} for i in range(7)]})
    specs = {s.src_uri: s for s in pages_index.listing_pages(build_index(hub), "stories", per_page=2, max_pages=2)}
    assert "verhalen/pagina/2.md" in specs and "verhalen/pagina/3.md" not in specs
    last = "".join(specs["verhalen/pagina/2.md"].slots)
    assert 'class="kh-older"' in last and "archief per jaar" in last
    assert "kh-older" not in "".join(specs["verhalen/index.md"].slots)
    assert 'href="../../e0/"' in "".join(specs["verhalen/archief/2020.md"].slots)  # the oldest: only in the archive
