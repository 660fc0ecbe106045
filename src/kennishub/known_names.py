"""What an "onbekend …" message offers instead: the names that exist.

A short list (authors, types) is given whole; from a long list (themes, municipalities)
only the nearest few names are given. Only called for a name already known to be
wrong, so plain `difflib` is fast enough.
"""

from __future__ import annotations

from difflib import get_close_matches
from typing import Iterable

from kennishub.text import fold

SHORT = 12  # a list up to this long is given whole
NEAREST = 3


def quoted(names: Iterable[str]) -> str:
    """'a', 'b' of 'c' (Dutch: "of" before the last)."""
    items = [f"'{n}'" for n in names]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " of " + items[-1]


def nearest_names(word: str, names: Iterable[str], n: int = NEAREST, cutoff: float = 0.6) -> list[str]:
    """Up to `n` of `names` nearest to `word` (case and accents ignored), best first."""
    by_key: dict[str, str] = {}
    for name in sorted(names):
        by_key.setdefault(fold(name), name)
    return [by_key[k] for k in get_close_matches(fold(word), list(by_key), n=n, cutoff=cutoff)]


def choices(word: str, names: Iterable[str], *, short: int = SHORT) -> str:
    """'kies uit: …' for a short list, 'bedoel je …?' with the nearest names of a long one,
    or '' when a long list holds nothing near."""
    names = sorted(names)
    if not names:
        return ""
    if len(names) <= short:
        return f"kies uit: {', '.join(names)}"
    near = nearest_names(word, names)
    return f"bedoel je {quoted(near)}?" if near else ""
