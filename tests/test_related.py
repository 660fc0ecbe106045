"""Related entries on hand-made hubs: one YAML case per file in site_cases/related/."""

from __future__ import annotations

from pathlib import Path

import pytest

from hubcase import hub_from_data, load_case
from kennishub.indexes import build_index
from kennishub.pages_entry import linked_entries
from kennishub.related import RelatedFinder, _add

CASES = sorted((Path(__file__).parent / "site_cases" / "related").glob("*.yaml"))


def _cases():
    for path in CASES:
        hub, expect = load_case(path)
        for slug, wanted in (expect.get("related") or {}).items():
            yield pytest.param(path, slug, wanted, id=f"{path.stem}-{slug}")


@pytest.mark.parametrize("path,slug,wanted", list(_cases()))
def test_related(path, slug, wanted):
    hub, _ = load_case(path)
    index = build_index(hub)
    entry = index.by_slug[slug]
    _, linked = linked_entries(entry, index)
    got = [e.slug for e in RelatedFinder(index).related(entry, exclude={e.slug for e in linked})]
    assert got == wanted


@pytest.mark.parametrize("path", [p for p in CASES if "scores" in (load_case(p)[1])], ids=lambda p: p.stem)
def test_scores(path):
    hub, expect = load_case(path)
    index = build_index(hub)
    finder = RelatedFinder(index)
    for slug, wanted in expect["scores"].items():
        assert finder.scores(index.by_slug[slug]) == wanted


def test_same_result_in_any_input_order():
    hub, _ = load_case(CASES[0])
    first = build_index(hub)
    hub.entries.reverse()
    second = build_index(hub)
    for e in first.entries:
        a = [x.slug for x in RelatedFinder(first).related(e)]
        b = [x.slug for x in RelatedFinder(second).related(second.by_slug[e.slug])]
        assert a == b


def test_lonely_entry_has_no_related():
    index = build_index(hub_from_data({"entries": [{"slug": "alleen"}]}))
    assert RelatedFinder(index).related(index.entries[0]) == []


@pytest.mark.parametrize("weights", [[3], [1, 2, 3, 4], [5, 5, 5], [2, 1, 7, 1]])
def test_bit_sliced_sum_matches_plain_sum(weights):
    """The bit-sliced counter adds like ordinary integers, bit by bit."""
    members = [0b1011, 0b0110, 0b1111, 0b0001]
    slices: list[int] = []
    for bits, w in zip(members, weights):
        _add(slices, bits, w)
    for i in range(4):
        value = sum(((s >> i) & 1) << j for j, s in enumerate(slices))
        assert value == sum(w for bits, w in zip(members, weights) if bits >> i & 1)
