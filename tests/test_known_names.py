"""What an "onbekend …" message offers (issue 11, item 4): a short list whole, the
nearest few names of a long one. The messages themselves are golden cases
(tests/cases/stories/auteur-*.md, thema-onbekend-*.md, gemeente-onbekend*.md)."""

from __future__ import annotations

from kennishub.known_names import SHORT, choices, nearest_names, quoted

LONG = [f"thema-{i}" for i in range(SHORT + 5)] + ["armoede", "jeugdhulp"]


def test_short_list_is_given_whole():
    assert choices("klimaat", ["b", "a"]) == "kies uit: a, b"


def test_long_list_gives_the_nearest():
    assert choices("armoed", LONG) == "bedoel je 'armoede'?"


def test_long_list_with_nothing_near_gives_nothing():
    assert choices("xyz", LONG) == ""


def test_nearest_ignores_case_and_accents():
    assert nearest_names("súdwest fryslan", ["Súdwest-Fryslân", "Smallingerland"]) == ["Súdwest-Fryslân"]


def test_quoted_joins_with_of():
    assert quoted(["a", "b", "c"]) == "'a', 'b' of 'c'"
    assert quoted(["a"]) == "'a'"
