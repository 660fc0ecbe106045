"""The search index (kennishub.search, kennishub.compounds), without a browser.

Compound cases are data (tests/search_compounds.tsv). The end-to-end case builds a
tiny site folder by hand, runs Pagefind over it and reads what Pagefind wrote.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kennishub.compounds import COMMON_WORDS, MARKER, Splitter, unmark, vocabulary
from kennishub.model import Entry, Hub, Municipality, Theme
from kennishub.search import (
    OUTPUT_DIR,
    VOCABULARY_FILE,
    SearchIndexer,
    article_html,
    build_vocabulary,
    entry_body_html,
    entry_filters,
    entry_meta,
    index_document,
    index_site,
    mark_compounds,
    word_frequencies,
)

HERE = Path(__file__).parent
CASES = HERE / "search_compounds.tsv"


def compound_cases():
    lines = CASES.read_text(encoding="utf-8").splitlines()
    known = next(line.split(":", 1)[1].split() for line in lines if line.startswith("# known:"))
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    return set(known), rows


KNOWN, ROWS = compound_cases()


@pytest.mark.parametrize("word,expected", ROWS, ids=[r[0] for r in ROWS])
def test_compound_split(word, expected):
    assert Splitter(COMMON_WORDS | KNOWN).mark_word(word) == expected


def test_vocabulary_takes_words_of_four_letters_or_more():
    assert vocabulary(["Op de Basisschool, bij het plein."], extra=()) == {"basisschool", "plein"}


@given(st.text(alphabet=st.sampled_from("abcdeghijklmnoprstuvwz éë-'.,\n"), max_size=80))
def test_marking_changes_nothing_but_markers(text):
    splitter = Splitter(COMMON_WORDS | {"abc", "deze"})
    assert unmark(splitter.mark(text)) == text


def test_marks_only_text_never_tags_or_entities():
    splitter = Splitter(COMMON_WORDS | {"counter", "clockwise", "contour", "integral"})
    assert splitter.mark("CounterClockwise") == f"Counter{MARKER}Clockwise"
    html = '<a href="/basisschool/" title="basisschool">basisschool</a> &eacute;&#8203;&CounterClockwiseContourIntegral; schoolplein'
    assert mark_compounds(html, splitter) == (
        f'<a href="/basisschool/" title="basisschool">basis{MARKER}school</a> &eacute;&#8203;&CounterClockwiseContourIntegral; school{MARKER}plein'
    )


def test_article_html_takes_materials_article():
    page = '<html><body><nav>menu</nav><article class="md-content__inner md-typeset" id="x"><p>tekst</p></article></body></html>'
    assert article_html(page) == "<p>tekst</p>"
    assert article_html("<html><body><p>alleen body</p></body></html>") == "<p>alleen body</p>"


def make_entry(slug, *, collection="stories", type_="verhaal", title="Een titel", body="Tekst.", **meta) -> Entry:
    base = {"title": title, "type": type_, "date": dt.date(2024, 3, 12), "summary": "Een samenvatting van dertig tekens of meer.",
            "themes": ["armoede"]}
    return Entry(path=f"{collection}/{slug}.md", collection=collection, slug=slug, meta={**base, **meta}, body=body)


def test_filters_are_readable_and_unique():
    entry = make_entry(
        "a", themes=["armoede", "preventie"], organisations=["Veens Welzijn", "Veens Welzijn", "GGD"],
        network="Samen voor Ryan", municipalities=["veenendaal"],
    )
    entry.municipalities = [Municipality("Veenendaal", "Utrecht")]
    got = entry_filters(entry, {"armoede": "Armoede", "preventie": "Preventie"})
    assert got == {
        "type": ["Verhaal"], "themes": ["Armoede", "Preventie"], "province": ["Utrecht"],
        "municipalities": ["Veenendaal"], "organisations": ["Veens Welzijn", "GGD"],
        "network": ["Samen voor Ryan"], "year": ["2024"],
    }
    assert entry_meta(entry) == {"title": "Een titel", "summary": entry.meta["summary"], "type": "Verhaal", "date": "2024-03-12"}


def test_index_document_escapes_every_value():
    entry = make_entry("a", title='Titel <script>x</script> "q"', organisations=['De <b>Brug</b> & "Co"'])
    doc = index_document(entry, "<html><body><p>x</p></body></html>", Splitter(()), {})
    assert "<script>" not in doc and "<b>" not in doc
    assert '<span data-pagefind-filter="organisations">De &lt;b&gt;Brug&lt;/b&gt; &amp; &quot;Co&quot;</span>' in doc
    assert doc.count("data-pagefind-body") == 1


def test_vocabulary_is_ordered_by_use():
    entries = [make_entry("a", body="wijk wijk school"), make_entry("b", body="school")]
    df = word_frequencies(entries, {})
    assert df["school"] == 2 and df["wijk"] == 1
    words = build_vocabulary(df)
    assert words.index("school") < words.index("wijk")
    assert len(build_vocabulary(df, limit=2)) == 2


def read_pagefind(output: Path) -> list[dict]:
    """The fragments Pagefind wrote: one JSON record per indexed page."""
    records = []
    for path in sorted((output / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        records.append(json.loads(data[12:]))
    return records


PAGE = """<!doctype html><html lang="nl"><head><title>t</title></head><body>
<header class="md-header">Zoeken Kennishub</header><nav class="md-tabs">Thema's Regio's</nav>
<article class="md-content__inner md-typeset" id="inhoud">
<header class="kh-entry"><h1>{title}</h1><dl class="kh-meta"><dt>Soort</dt><dd>Verhaal</dd></dl></header>
<p>{body}</p>
<section class="kh-related"><h2>Gerelateerd</h2><ul><li>Titel van een ander verhaal</li></ul></section>
</article><footer class="md-footer">Privacy</footer></body></html>"""


def test_index_site_indexes_only_entries_with_their_metadata(tmp_path):
    site = tmp_path / "site"
    a = make_entry("op-de-basisschool", title="Op de basisschool", body="Leerkrachten en ouders.",
                   places=["Crooswijk"], organisations=["Veens Welzijn"])
    b = make_entry("een-checklist", collection="lessons-learned", type_="checklist", title="Vragen voor de wijk",
                   body="- [ ] Ken je de wijk?", draft=False)
    draft = make_entry("nog-niet", title="Nog niet af", draft=True)
    missing = make_entry("zonder-pagina", title="Zonder pagina")
    for entry, body in ((a, "De leerkracht op de basisschool praat met ouders."), (b, "Ken je de wijk?"), (draft, "x")):
        page = site / entry.url / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(PAGE.format(title=entry.title, body=body), encoding="utf-8")
    (site / "index.html").write_text(PAGE.format(title="Start", body="De home page."), encoding="utf-8")
    hub = Hub(root=str(tmp_path), entries=[a, b, draft, missing],
              themes={"armoede": Theme("docs/themas/armoede.md", "armoede", {"title": "Armoede"}, "")})

    stats = index_site(site, hub)

    assert (stats.pages, stats.missing) == (2, 1)
    records = {r["url"]: r for r in read_pagefind(site / OUTPUT_DIR)}
    assert set(records) == {"/verhalen/op-de-basisschool/", "/lessen/een-checklist/"}
    rec = records["/verhalen/op-de-basisschool/"]
    assert rec["meta"]["title"] == "Op de basisschool" and rec["meta"]["date"] == "2024-03-12"
    assert rec["filters"]["themes"] == ["Armoede"] and rec["filters"]["organisations"] == ["Veens Welzijn"]
    content = rec["content"]
    assert f"basis{MARKER}school" in content and "Crooswijk" in content
    for chrome in ("Gerelateerd", "ander verhaal", "Zoeken", "Privacy", "Soort", "Regio's"):
        assert chrome not in content, f"{chrome!r} from outside the entry's own text is indexed"
    assert records["/lessen/een-checklist/"]["filters"]["type"] == ["Checklist"]
    words = json.loads((site / OUTPUT_DIR / VOCABULARY_FILE).read_text(encoding="utf-8"))
    assert "basisschool" in words and "nog" not in words
    assert stats.files == len([p for p in (site / OUTPUT_DIR).rglob("*") if p.is_file()])
    assert (site / OUTPUT_DIR / "pagefind.js").is_file()
    assert not (site / OUTPUT_DIR / "pagefind-ui.js").exists(), "Pagefind's own interface is deployed for nothing"


def test_indexer_takes_pages_as_they_are_written(tmp_path):
    site = tmp_path / "site"
    a, b = make_entry("eerste", title="Eerste verhaal"), make_entry("tweede", title="Tweede verhaal")
    page = site / b.url / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(PAGE.format(title=b.title, body="Van de schijf gelezen."), encoding="utf-8")
    indexer = SearchIndexer(Hub(root=str(tmp_path), entries=[a, b]))

    assert not indexer.add_page("over/", PAGE.format(title="Over", body="Geen bijdrage."))
    assert indexer.add_page(a.url, PAGE.format(title=a.title, body="Tijdens de bouw doorgegeven."))
    assert not indexer.add_page(a.url, PAGE.format(title=a.title, body="Een tweede keer."))
    stats = indexer.finish(site)

    assert (stats.pages, stats.missing) == (2, 0) and 0 <= stats.waited <= stats.seconds
    content = {r["url"]: r["content"] for r in read_pagefind(site / OUTPUT_DIR)}
    assert set(content) == {"/verhalen/eerste/", "/verhalen/tweede/"}
    assert "doorgegeven" in content["/verhalen/eerste/"] and "tweede keer" not in content["/verhalen/eerste/"]
    assert "schijf" in content["/verhalen/tweede/"]


def test_entry_body_is_cut_from_the_article():
    article = ('<a class="md-content__button"><svg></svg></a><header class="kh-entry"><h1>T</h1>'
               '<dl class="kh-meta"><dt>Soort</dt></dl></header><p>Eigen tekst.</p>'
               '<section class="kh-derived"><h2>Gebaseerd op</h2></section><section class="kh-related">x</section>')
    assert entry_body_html(article) == "<p>Eigen tekst.</p>"
    assert entry_body_html("<p>Zonder kop of lijsten.</p>") == "<p>Zonder kop of lijsten.</p>"


def test_indexer_writes_once_the_last_entry_has_come(tmp_path):
    site = tmp_path / "site"
    entries = [make_entry(f"verhaal-{i}", title=f"Verhaal nummer {i}") for i in range(3)]
    indexer = SearchIndexer(Hub(root=str(tmp_path), entries=entries), site)
    for entry in entries:
        assert indexer.add_page(entry.url, PAGE.format(title=entry.title, body=f"Tekst van {entry.slug}."))
    assert not indexer.add_page(entries[0].url, PAGE.format(title="Te laat", body="Na het schrijven."))
    stats = indexer.finish(site)
    assert stats.pages == 3
    assert sorted(r["url"] for r in read_pagefind(site / OUTPUT_DIR)) == [f"/{e.url}" for e in entries]
