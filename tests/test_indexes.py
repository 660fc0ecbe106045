"""build_index on hand-made hubs: one YAML case per file in site_cases/indexes/."""

from __future__ import annotations

from pathlib import Path

import pytest

from hubcase import hub_from_data, load_case
from kennishub.indexes import build_index, letter_of, paginate, sort_key

CASES = sorted((Path(__file__).parent / "site_cases" / "indexes").glob("*.yaml"))


def slugs(entries):
    return [e.slug for e in entries]


@pytest.fixture(params=CASES, ids=lambda p: p.stem)
def case(request):
    hub, expect = load_case(request.param)
    return build_index(hub), expect


def test_order_and_themes(case):
    index, expect = case
    assert slugs(index.entries) == expect["entries"]
    assert [t.slug for t in index.themes] == expect["themes"]
    for theme, wanted in expect["by_theme"].items():
        assert slugs(index.theme_entries(theme)) == wanted, theme


def test_years_and_regions(case):
    index, expect = case
    for collection, years in expect["by_year"].items():
        assert {y: slugs(es) for y, es in index.by_year[collection].items()} == years
        assert index.years(collection) == list(years)  # newest year first
    got = {p: {m: slugs(es) for m, es in ms.items()} for p, ms in index.regions.items()}
    assert got == expect["regions"]
    assert list(got) == list(expect["regions"])
    for province, municipalities in expect["regions"].items():
        assert list(got[province]) == list(municipalities)


def test_organisations_and_networks(case):
    index, expect = case
    orgs = [(g.name, slugs(g.entries)) for g in index.organisations.values()]
    assert orgs == list(expect["organisations"].items())
    anchors = {g.name: g.anchor for g in index.organisations.values()}
    for name, anchor in expect["organisation_anchors"].items():
        assert anchors[name] == anchor
    assert len(set(anchors.values())) == len(anchors)
    assert {g.name: slugs(g.entries) for g in index.networks.values()} == expect["networks"]


def test_derived_links(case):
    index, expect = case
    for source, wanted in expect["derived"].items():
        assert slugs(index.derived[source]) == wanted
    for checklist, wanted in expect["derived_from"].items():
        assert slugs(index.derived_from(index.by_slug[checklist])) == wanted


def test_related_themes_and_counts(case):
    index, expect = case
    for theme, wanted in expect["related_themes"].items():
        assert [[t.slug, n] for t, n in index.related_themes(theme)] == wanted
    for theme, wanted in expect["theme_type_counts"].items():
        assert list(index.theme_type_counts(theme).items()) == list(wanted.items())
    from kennishub.indexes import counts

    got = counts(index)
    for key, wanted in expect["counts"].items():
        assert [list(row) for row in got[key]] == wanted, key


def test_empty_hub():
    index = build_index(hub_from_data({}))
    assert index.entries == [] and index.regions == {} and index.organisations == {}
    assert index.newest_date is None


@pytest.mark.parametrize(
    "name,letter",
    [("Gemeente Zwolle", "G"), ("'s-Hertogenbosch", "H"), ("Één Loket", "E"), ("2Samen", "#"), ("(Jeugd)punt", "J")],
)
def test_letter_of(name, letter):
    assert letter_of(name) == letter


def test_sort_key_ignores_case_and_accents():
    names = ["zorg", "Ärzte", "apen", "Bakker"]
    assert sorted(names, key=sort_key) == ["apen", "Ärzte", "Bakker", "zorg"]


@pytest.mark.parametrize("n,per_page,sizes", [(0, 20, [0]), (20, 20, [20]), (21, 20, [20, 1]), (5, 2, [2, 2, 1])])
def test_paginate(n, per_page, sizes):
    assert [len(p) for p in paginate(list(range(n)), per_page)] == sizes
