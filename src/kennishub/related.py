"""Related entries: deterministic scoring over shared themes, organisations, region, network.

Score of a candidate for an entry (weights in `WEIGHTS`):

    3 per shared theme + 2 per shared organisation + 2 per shared municipality
    + 1 per shared province + 2 for the same network

Higher score first; equal scores: newer first, then title, then slug (the order of
`SiteIndex.entries`). Only candidates with a positive score count as related; when
fewer than `minimum` are found, the newest other entries of the same collection fill
the list, so every entry page offers somewhere to go next.

To stay fast at thousands of entries, every feature (a theme, an organisation, …) is
a bit set over the entries in newest-first order, and the scores of all candidates
are summed at once in a bit-sliced counter (slice j holds bit j of every candidate's
score). Finding the best candidates is then a walk from the highest slice down: the
cost per entry grows with the number of its features and N/64 machine words, not with
the number of entries that share a theme.
"""

from __future__ import annotations

from collections import defaultdict

from kennishub.indexes import SiteIndex, name_key
from kennishub.model import Entry

WEIGHTS = {"theme": 3, "organisation": 2, "municipality": 2, "province": 1, "network": 2}


def features(entry: Entry) -> set[tuple[str, str]]:
    """The (kind, key) pairs two entries can share."""
    found = {("theme", t) for t in entry.themes}
    found |= {("organisation", name_key(o)) for o in entry.meta.get("organisations") or [] if isinstance(o, str)}
    found |= {("municipality", m.name) for m in entry.municipalities}
    found |= {("province", m.province) for m in entry.municipalities}
    network = entry.meta.get("network")
    if isinstance(network, str) and network.strip():
        found.add(("network", name_key(network)))
    return found


def _add(slices: list[int], bits: int, weight: int) -> None:
    """Add `weight` to the score of every entry in `bits` (bit-sliced ripple-carry add)."""
    j = 0
    while weight:
        if weight & 1:
            carry, k = bits, j
            while carry:
                while k >= len(slices):
                    slices.append(0)
                s = slices[k]
                slices[k] = s ^ carry
                carry = s & carry
                k += 1
        weight >>= 1
        j += 1


def _bits(mask: int):
    """Positions of the set bits of `mask`, lowest first."""
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


class RelatedFinder:
    """Built once per site build; `related(entry)` is then cheap for every entry page."""

    def __init__(self, index: SiteIndex, weights: dict[str, int] | None = None) -> None:
        self.index = index
        self.weights = dict(WEIGHTS if weights is None else weights)
        self.entries = index.entries
        self.position = {e.slug: i for i, e in enumerate(self.entries)}
        self.features: dict[str, set[tuple[str, str]]] = {}
        postings: dict[tuple[str, str], int] = defaultdict(int)
        self.collection_bits: dict[str, int] = defaultdict(int)
        for i, e in enumerate(self.entries):
            self.features[e.slug] = feats = features(e)
            for f in feats:
                postings[f] |= 1 << i
            self.collection_bits[e.collection] |= 1 << i
        self.postings = dict(postings)

    def scores(self, entry: Entry) -> dict[str, int]:
        """Score of every candidate with a positive score (for tests and explanations)."""
        slices = self._slices(entry)
        out = {}
        for i, e in enumerate(self.entries):
            value = sum(((s >> i) & 1) << j for j, s in enumerate(slices))
            if value and e.slug != entry.slug:
                out[e.slug] = value
        return out

    def _slices(self, entry: Entry) -> list[int]:
        slices: list[int] = []
        feats = self.features.get(entry.slug)
        if feats is None:
            feats = features(entry)
        for kind, key in sorted(feats):
            bits = self.postings.get((kind, key))
            if bits:
                _add(slices, bits, self.weights.get(kind, 0))
        return slices

    def related(
        self, entry: Entry, limit: int = 5, minimum: int = 3, exclude: set[str] | frozenset = frozenset()
    ) -> list[Entry]:
        """Up to `limit` related entries, best first; at least `minimum` when the hub allows."""
        skip = 0
        for slug in set(exclude) | {entry.slug}:
            if slug in self.position:
                skip |= 1 << self.position[slug]
        slices = self._slices(entry)
        candidates = 0
        for s in slices:
            candidates |= s
        candidates &= ~skip
        picked: list[int] = []
        while candidates and len(picked) < limit:
            best = candidates
            for s in reversed(slices):  # keep those with the highest score
                if best & s:
                    best &= s
            for i in _bits(best):
                picked.append(i)
                if len(picked) == limit:
                    break
            candidates &= ~best
        if len(picked) < minimum:
            chosen = skip
            for i in picked:
                chosen |= 1 << i
            fill = self.collection_bits.get(entry.collection, 0) & ~chosen
            for i in _bits(fill):
                if len(picked) >= minimum:
                    break
                picked.append(i)
        return [self.entries[i] for i in picked]
