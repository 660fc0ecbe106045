"""'Bedoel je …?' suggestions: a table of (word, candidates, expected)."""

from __future__ import annotations

import random

import pytest

from kennishub.suggest import nearest, nearest_key

KEYS = [
    "title", "type", "date", "summary", "themes", "municipalities", "places",
    "organisations", "network", "authors", "image", "image_alt", "source", "updated",
    "derived_from", "draft", "privacy_allow",
]  # fmt: skip
CITIES = ["Amsterdam", "Amstelveen", "Rotterdam", "Súdwest-Fryslân", "Valkenburg aan de Geul", "Ede", "Epe"]

CASES = [
    # front-matter keys
    ("thema", KEYS, "themes"),
    ("theme", KEYS, "themes"),
    ("sumary", KEYS, "summary"),
    ("Titel", KEYS, "title"),
    ("TITLE", KEYS, "title"),
    ("datum", KEYS, "date"),
    ("organizations", KEYS, "organisations"),
    ("municipality", KEYS, "municipalities"),
    ("imagealt", KEYS, "image_alt"),
    ("derived-from", KEYS, "derived_from"),
    ("auteurs", KEYS, "authors"),
    ("gemeenten", KEYS, None),
    ("afbeelding", KEYS, None),
    ("", KEYS, None),
    ("thema", [], None),
    # names: case, accents, typos, containment at word boundaries
    ("Amsterdm", CITIES, "Amsterdam"),
    ("amstelven", CITIES, "Amstelveen"),
    ("sudwest-fryslan", CITIES, "Súdwest-Fryslân"),
    ("Sudwest Fryslan", CITIES, "Súdwest-Fryslân"),
    ("Valkenburg", CITIES, "Valkenburg aan de Geul"),
    ("gemeente Rotterdam", CITIES, "Rotterdam"),
    ("EDE", CITIES, "Ede"),
    ("Edam", CITIES, None),
    ("Xyzzy", CITIES, None),
    # a containment match needs whole words: "dam" is inside "Amsterdam", but not as a word
    ("dam", CITIES, None),
]


@pytest.mark.parametrize("word, candidates, expected", CASES, ids=[f"{c[0]}->{c[2]}" for c in CASES])
def test_nearest(word, candidates, expected) -> None:
    assert nearest(word, candidates) == expected


def test_result_does_not_depend_on_candidate_order() -> None:
    # "ab" is equally near to "abc" and "abd": the tie goes to the alphabetically first
    candidates = ["abd", "abc", "xyz"]
    for seed in range(10):
        random.Random(seed).shuffle(candidates)
        assert nearest("ab", candidates, cutoff=0.5) == "abc"
        assert nearest("ab", set(candidates), cutoff=0.5) == "abc"


def test_cutoff() -> None:
    assert nearest("sumry", ["summary"]) == "summary"
    assert nearest("sumry", ["summary"], cutoff=0.99) is None
    assert nearest("abc", ["xyz"], cutoff=0.0) == "xyz"


THEMES = {
    "integraal-werken": "integraal-werken",
    "Integraal werken": "integraal-werken",
    "kwetsbare gezinnen": "armoede-en-bestaanszekerheid",
    "armoede-en-bestaanszekerheid": "armoede-en-bestaanszekerheid",
    "Armoede en bestaanszekerheid": "armoede-en-bestaanszekerheid",
    "jeugdhulp": "jeugdhulp",
}

KEY_CASES = [
    ("integraal werken", "integraal-werken"),
    ("Integraal Werken", "integraal-werken"),
    ("integraalwerken", "integraal-werken"),
    ("intergraal werken", "integraal-werken"),
    ("Kwetsbare gezinnen", "armoede-en-bestaanszekerheid"),
    ("armoede", "armoede-en-bestaanszekerheid"),
    ("jeugdzorg", None),
    ("sport", None),
]


@pytest.mark.parametrize("word, expected", KEY_CASES, ids=[c[0] for c in KEY_CASES])
def test_nearest_key(word, expected) -> None:
    assert nearest_key(word, THEMES, cutoff=0.75) == expected
