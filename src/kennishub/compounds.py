"""Dutch compound splitting for the search index.

Dutch writes compounds as one word ("basisschool", "gezinscoach", "jeugdhulpverlening"),
and Pagefind only matches from the start of a word, so a reader typing "school" would
never find "basisschool". Pagefind does index the parts of a word that contains ASCII
punctuation ("school-en-zorg" is found by "zorg") next to the whole word. So, in the copy
of the text that goes into the index (never in the page the reader sees), known
compounds get a marker between their parts: "basis~school" (Pagefind then indexes
"basisschool", "basis" and "school"; an underscore would not do, as Pagefind keeps it
inside the whole word). The search interface
removes the marker from the excerpts it shows.

A word is split only when every part is a known word of at least `MIN_PART` letters, so
"verhalen" stays whole. Known words are the words the hub itself uses on their own plus
a small list of common words of the field (`COMMON_WORDS`). A part may carry a Dutch
linking sound ("gezin-s-coach", "kind-er-opvang", "boek-en-kast") which
stays with the part before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

MARKER = "~"
MIN_PART = 4
MIN_WORD = 2 * MIN_PART
LINKING = ("s", "en", "er", "e")

# Words of the field that the hub may use only inside compounds. Lower case, own list.
COMMON_WORDS = frozenset(
    """
    aanpak advies armoede basis begeleiding beleid bereik betrokkenheid bewoners buurt
    centrum coach coaches cultuur dienst diensten gebied gemeente gesprek gesprekken gezin
    gezinnen groep groepen hulp huis huizen jeugd jongeren kader kind kinderen kracht
    kansen kennis klas leerling leerlingen leerkracht leraar leren middelen netwerk
    onderwijs ondersteuning ontwikkeling opvang opvoeding ouder ouders plan plein praktijk
    preventie professional programma project school scholen sport steun taal team teams
    thuis traject vereniging verhaal vrijwilliger vrijwilligers welzijn werk werker
    werkers werking wijk zorg zorgen signaal signalen vraag vragen dorp dorpen stad
    hulpverlening hulpverlener verlening bijeenkomst gedrag gezondheid veiligheid
    vertrouwen schuld schulden geld inkomen woning wonen voeding dagbesteding
    """.split()
)

# Function words that are never a part: "onderwijs" is not "onder" + "wijs".
NOT_PARTS = frozenset(
    "aan achter door maar meer naar niet onder over tegen toch voor zijn deze heel veel vanuit".split()
)

_WORD = re.compile(r"[^\W\d_]+")
# Only words this long can be compounds. Latin letters spelled out: Python's Unicode
# class [^\W\d_] makes this scan several times slower over a whole site.
LETTERS = "a-zA-Z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"  # for a regex character class
_LONG_WORD = re.compile(rf"(?<![&#{LETTERS}])[{LETTERS}]{{{MIN_WORD},}}")


def vocabulary(texts: Iterable[str], extra: Iterable[str] = COMMON_WORDS) -> frozenset[str]:
    """Every word of at least `MIN_PART` letters in `texts` (lower case), plus `extra`."""
    words = {w for text in texts for w in _WORD.findall(text.lower()) if len(w) >= MIN_PART}
    words.update(w for w in extra if len(w) >= MIN_PART)
    return frozenset(words)


class Splitter:
    """Splits words into known parts; `mark(text)` inserts markers into running text."""

    def __init__(self, known: Iterable[str]):
        self.known = frozenset(w.lower() for w in known)
        self._split = lru_cache(maxsize=65536)(self._split_uncached)
        self._marked: dict[str, str] = {}
        self._sub = lambda m: self.mark_word(m.group(0))

    def split(self, word: str) -> list[str]:
        """The parts of `word` in their original spelling, or `[word]` when it is no compound.

        The fewest known parts win (ties: the longest last part, the head of a Dutch
        compound); parts before the last are split again, so "basisschoolleerkracht"
        gives basis, school, leerkracht and a query for any of them finds it.

        >>> Splitter({"basis", "school", "gezin", "coach"}).split("Basisschool")
        ['Basis', 'school']
        >>> Splitter({"gezin", "coach"}).split("gezinscoach")
        ['gezins', 'coach']
        """
        if len(word) < MIN_WORD:
            return [word]
        cuts = self._split(word.lower())
        if not cuts:
            return [word]
        bounds = [0, *cuts, len(word)]
        parts = [word[a:b] for a, b in zip(bounds, bounds[1:])]
        return [p for part in parts[:-1] for p in self.split(part)] + parts[-1:]

    def _split_uncached(self, word: str) -> tuple[int, ...]:
        """Cut positions of the best segmentation into known parts (none: ())."""
        n = len(word)
        # best[i]: (parts, -length of the last part, cuts) of the best cover of word[:i]
        best: list[tuple[int, int, tuple[int, ...]] | None] = [None] * (n + 1)
        best[0] = (0, 0, ())
        for end in range(MIN_PART, n + 1):
            for start in range(0, end - MIN_PART + 1):
                prev = best[start]
                if prev is None or end - start == n:  # the whole word is no split
                    continue
                if not self._known_part(word[start:end], last=end == n):
                    continue
                candidate = (prev[0] + 1, start - end, prev[2] + ((start,) if start else ()))
                if best[end] is None or candidate[:2] < best[end][:2]:
                    best[end] = candidate
        result = best[n]
        return result[2] if result else ()

    def _known_part(self, part: str, *, last: bool) -> bool:
        if part in NOT_PARTS:
            return False
        if part in self.known:
            return True
        if last:
            return False
        for link in LINKING:  # a linking sound stays with the part before it
            head = part[: -len(link)]
            if part.endswith(link) and len(head) >= MIN_PART and head in self.known and head not in NOT_PARTS:
                return True
        return False

    def mark_word(self, word: str) -> str:
        marked = self._marked.get(word)
        if marked is None:
            marked = self._marked[word] = MARKER.join(self.split(word))
        return marked

    def mark(self, text: str) -> str:
        """`text` with a marker between the parts of every compound it contains."""
        return _LONG_WORD.sub(self._sub, text)

    def mark_html(self, html: str) -> str:
        """`mark` for the text of an HTML fragment; tags, attributes and entities stay as they are."""
        pieces = html.split("<")
        out = [self.mark(pieces[0])]
        for piece in pieces[1:]:  # "tag attributes>text"
            end = piece.find(">") + 1
            text = piece[end:]
            out.append(piece[:end] + self.mark(text) if end and len(text) >= MIN_WORD else piece)
        return "<".join(out)


def unmark(text: str) -> str:
    """Remove markers that `Splitter.mark` put between letters (the interface does the same)."""
    return re.sub(rf"(?<=[^\W\d_]){re.escape(MARKER)}(?=[^\W\d_])", "", text)
