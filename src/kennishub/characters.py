"""Characters that have no place in an entry: control characters (NUL, escape, …) and the
Unicode controls that reverse or isolate the direction of text (U+202A–U+202E,
U+2066–U+2069), which make a text read otherwise than it is written ("Trojan Source").
Tab and line ends are text. A zero-width joiner or a soft hyphen is left alone: Dutch
text and emoji use them.
"""

from __future__ import annotations

import re
import unicodedata

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
MAX_REPORTED = 5

_NAMES_NL = {
    "\u202e": "tekstrichting omdraaien", "\u202d": "tekstrichting vastzetten", "\u202a": "tekstrichting links-rechts",
    "\u202b": "tekstrichting rechts-links", "\u202c": "einde tekstrichting", "\u2066": "tekstrichting isoleren",
    "\u2067": "tekstrichting isoleren", "\u2068": "tekstrichting isoleren", "\u2069": "einde isolatie",
    "\u200e": "richtingsteken", "\u200f": "richtingsteken", "\u061c": "richtingsteken", "\x00": "NUL",
    "\x1b": "escape",
}


def forbidden(text: str, yaml_file: bool = False) -> list[tuple[int, str]]:
    """(offset, message) for the first few forbidden characters of `text`. In the front
    matter the YAML reader reports control characters itself; only direction marks
    (which YAML accepts) are reported there, and in the whole of a YAML file."""
    if _FORBIDDEN.search(text) is None:
        return []
    front_end = len(text) if yaml_file else text.find("\n---", 3) if text.startswith("---") else -1
    found = []
    for m in _FORBIDDEN.finditer(text):
        if len(found) == MAX_REPORTED:
            break
        ch = m.group(0)
        if m.start() < front_end and ch < "\u0100":
            continue
        name = _NAMES_NL.get(ch) or unicodedata.name(ch, "stuurteken")
        found.append((m.start(), f"onzichtbaar teken U+{ord(ch):04X} ({name}) — haal het weg; zulke tekens laten "
                                 "tekst anders lezen dan hij er staat (vaak meegekopieerd uit een ander programma)"))
    return found
