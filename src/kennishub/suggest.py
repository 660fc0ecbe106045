""""Bedoel je …?": the nearest known name for a name that is not known.

Used for unknown front-matter keys ('thema' -> 'themes'), theme values typed as a
title or alias ('integraal werken' -> 'integraal-werken') and municipality names
('Amsterdm' -> 'Amsterdam'). Comparison ignores case, accents and white space
(`text.fold`). Only called for names that are already known to be wrong, on small
candidate lists, so plain `difflib` is fast enough.

Candidates are ranked in tiers, best first:

1. the same after folding ("Themes" for "themes");
2. the same without punctuation and spaces ("integraal werken" for "integraal-werken");
3. one contains the other as whole words ("Nuenen" in "Nuenen, Gerwen en
   Nederwetten", "Amsterdam" in "gemeente Amsterdam");
4. a similarity ratio of at least `cutoff`: difflib's ratio, raised for a common
   prefix as in Jaro-Winkler, since typos tend to come late in a word
   ('thema' -> 'themes').

Within a tier the higher ratio wins; ties go to the alphabetically first folded
candidate, so the answer never depends on the order of the candidates.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Iterable

from kennishub.text import fold

_PREFIX_WEIGHT = 0.1
_PREFIX_MAX = 4
_MIN_CONTAINED = 3  # shorter side of a containment match, in characters


def _boost(ratio: float, prefix: int) -> float:
    return ratio + min(prefix, _PREFIX_MAX) * _PREFIX_WEIGHT * (1.0 - ratio)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _contains_words(longer: str, shorter: str) -> bool:
    """True when `shorter` occurs in `longer` bounded by non-alphanumerics or the ends."""
    if len(shorter) < _MIN_CONTAINED or len(shorter) >= len(longer):
        return False
    start = longer.find(shorter)
    while start != -1:
        end = start + len(shorter)
        if (start == 0 or not longer[start - 1].isalnum()) and (
            end == len(longer) or not longer[end].isalnum()
        ):
            return True
        start = longer.find(shorter, start + 1)
    return False


def _best(word: str, keys: Iterable[str], cutoff: float) -> str | None:
    """The best of `keys` (already folded) for `word` (already folded), or None."""
    if not word:
        return None
    loose_word = "".join(c for c in word if c.isalnum())
    matcher = SequenceMatcher(autojunk=False)
    matcher.set_seq2(word)  # difflib caches details about the second sequence
    best: tuple[int, float, str] | None = None  # (tier, score, key); tier 0 is best
    for key in sorted(set(keys)):
        if not key:
            continue
        if key == word:
            return key  # sorted order: the first exact match is the answer
        if loose_word and "".join(c for c in key if c.isalnum()) == loose_word:
            tier = 1
        elif _contains_words(key, word) or _contains_words(word, key):
            tier = 2
        else:
            tier = 3
        if best is not None and tier > best[0]:
            continue
        matcher.set_seq1(key)
        prefix = _common_prefix(key, word)
        if tier == 3 and _boost(matcher.real_quick_ratio(), prefix) < cutoff:
            continue
        if tier == 3 and _boost(matcher.quick_ratio(), prefix) < cutoff:
            continue
        score = _boost(matcher.ratio(), prefix)
        if tier == 3 and score < cutoff:
            continue
        if best is None or (tier, -score) < (best[0], -best[1]):
            best = (tier, score, key)
    return best[2] if best else None


def nearest(word: str, candidates: Iterable[str], *, cutoff: float = 0.75) -> str | None:
    """The candidate nearest to `word` (as written in `candidates`), or None.

    >>> nearest("thema", ["title", "themes", "summary"])
    'themes'
    """
    by_key: dict[str, str] = {}
    for candidate in candidates:
        key = fold(candidate)
        # several candidates may fold alike ("Ede", "ede"): keep the first in sorted order
        if key not in by_key or candidate < by_key[key]:
            by_key[key] = candidate
    best = _best(fold(word), by_key, cutoff)
    return by_key[best] if best is not None else None


def nearest_key(word: str, mapping: dict[str, str], cutoff: float = 0.75) -> str | None:
    """The value of the `mapping` key nearest to `word`, or None.

    `mapping` maps names (titles, aliases, slugs; folded or not) to the canonical
    value to suggest:

    >>> nearest_key("Integraal Werken", {"integraal werken": "integraal-werken"})
    'integraal-werken'
    """
    folded: dict[str, str] = {}
    for key in sorted(mapping):
        folded.setdefault(fold(key), mapping[key])
    best = _best(fold(word), folded, cutoff)
    return folded[best] if best is not None else None
