"""Small text helpers: folding names for comparison, and slugs for URLs and file names.

`fold` makes two spellings of a name compare equal when they differ only in case,
accents, white space or the kind of apostrophe. `slugify` turns a title or a name into
a slug as the content model defines it: `^[a-z0-9]+(-[a-z0-9]+)*$`, at most 80
characters.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Apostrophe look-alikes editors type (or word processors insert) for "'".
_APOSTROPHES = str.maketrans({c: "'" for c in "\u2019\u2018\u201b\u02bc\u02bb\u00b4\u0060\u2032"})

# Letters that carry a diacritic but have no Unicode decomposition.
_NO_DECOMPOSITION = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ŀ": "l"}
)

_WHITESPACE = re.compile(r"\s+")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
SLUG_MAX = 80


def normalize_apostrophes(s: str) -> str:
    """Replace typographic apostrophes and look-alikes (’ ‘ ʼ ´ `) by "'"."""
    return s.translate(_APOSTROPHES)


@lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """Comparison key: no accents, case-folded, single spaces, plain apostrophes.

    >>> fold("  Súdwest-Fryslân ")
    'sudwest-fryslan'
    >>> fold("’s-Gravenhage")
    "'s-gravenhage"
    """
    s = unicodedata.normalize("NFKD", normalize_apostrophes(s)).casefold()
    # case folding can produce new decomposable characters ("İ" -> "i̇"), so decompose again
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).translate(_NO_DECOMPOSITION)
    return _WHITESPACE.sub(" ", s).strip()


@lru_cache(maxsize=65536)
def loose(s: str) -> str:
    """`fold` without any punctuation or spaces: "Sint Michielsgestel" == "Sint-Michielsgestel".

    >>> loose("Bergen (NH.)")
    'bergennh'
    """
    return "".join(c for c in fold(s) if c.isalnum())


def slugify(s: str, max_len: int = SLUG_MAX) -> str:
    """A slug for URLs and file names: lower-case ASCII letters and digits joined by hyphens.

    Apostrophes vanish ("'s-Hertogenbosch" -> "s-hertogenbosch"), every other run of
    non-alphanumeric characters becomes one hyphen. A slug longer than `max_len` is cut
    at the last hyphen that keeps it within `max_len` (or hard at `max_len` when the
    first word alone is too long). Returns "" when nothing usable is left.

    >>> slugify("Café Één")
    'cafe-een'
    """
    if max_len <= 0:
        return ""
    slug = _NOT_SLUG.sub("-", fold(s).replace("'", "")).strip("-")
    if len(slug) <= max_len:
        return slug
    cut = slug[: max_len + 1]  # one extra character: is the cut itself at a hyphen?
    if cut.endswith("-"):
        return cut[:-1]
    head, sep, _ = cut.rpartition("-")
    return head if sep else slug[:max_len]


def is_slug(s: str, max_len: int = SLUG_MAX) -> bool:
    """True when `s` is a valid slug of at most `max_len` characters."""
    return len(s) <= max_len and SLUG_RE.match(s) is not None
