"""Text helpers: fold and slugify (tables, plus properties that hold for any text)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kennishub.text import SLUG_RE, fold, is_slug, loose, slugify

FOLD = [
    ("Súdwest-Fryslân", "sudwest-fryslan"),
    ("  Den   Haag\n", "den haag"),
    ("’s-Gravenhage", "'s-gravenhage"),
    ("‘s-Hertogenbosch", "'s-hertogenbosch"),
    ("´s-Gravenhage", "'s-gravenhage"),
    ("ĲSSELSTEIN", "ijsselstein"),
    ("Straße", "strasse"),
    ("Ærø Çà", "aero ca"),
    ("a\u00a0b", "a b"),
    ("", ""),
]


@pytest.mark.parametrize("text, expected", FOLD)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


def test_loose_ignores_punctuation_and_spaces() -> None:
    assert loose("Bergen (NH.)") == loose("bergen nh") == "bergennh"
    assert loose("Sint Michielsgestel") == loose("Sint-Michielsgestel")


SLUGIFY = [
    ("Café Één", 80, "cafe-een"),
    ("'s-Hertogenbosch", 80, "s-hertogenbosch"),
    ("’s-Gravenhage", 80, "s-gravenhage"),
    ("Samen in Crooswijk: wat werkte?", 80, "samen-in-crooswijk-wat-werkte"),
    ("  --Jeugd & gezin--  ", 80, "jeugd-gezin"),
    ("Bergen (NH.)", 80, "bergen-nh"),
    ("2025: één jaar", 80, "2025-een-jaar"),
    ("", 80, ""),
    ("?!", 80, ""),
    ("één twee drie", 8, "een-twee"),  # the cut falls exactly on a hyphen
    ("één twee drie", 10, "een-twee"),  # cut back to the last whole word
    ("één twee drie", 7, "een"),
    ("kinderopvangtoeslag", 5, "kinde"),  # one word longer than max_len: hard cut
    ("een", 0, ""),
]


@pytest.mark.parametrize("text, max_len, expected", SLUGIFY)
def test_slugify(text: str, max_len: int, expected: str) -> None:
    assert slugify(text, max_len=max_len) == expected


@given(st.text(), st.integers(min_value=1, max_value=100))
def test_slugify_always_gives_a_valid_slug(text: str, max_len: int) -> None:
    slug = slugify(text, max_len=max_len)
    assert slug == "" or is_slug(slug, max_len)
    assert slugify(slug, max_len=max_len) == slug  # idempotent


@given(st.lists(st.from_regex(r"[a-z0-9]{1,12}", fullmatch=True), min_size=1, max_size=12))
def test_slugify_cuts_only_between_words_when_it_can(words: list[str]) -> None:
    slug = slugify(" ".join(words), max_len=40)
    if len(words[0]) <= 40:
        assert slug.split("-") == words[: len(slug.split("-"))]
    assert len(slug) <= 40 and SLUG_RE.match(slug)


def test_is_slug() -> None:
    assert is_slug("samen-in-crooswijk")
    assert not is_slug("Samen-in-crooswijk")
    assert not is_slug("samen--in")
    assert not is_slug("-samen")
    assert not is_slug("a" * 81)
