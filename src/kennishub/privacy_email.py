"""E-mail addresses, also written to fool a harvester: `naam [at] gemeente.nl`,
`naam(at)school.nl`, `naam@gemeente[dot]nl`, `naam at gemeente dot nl`.

Unambiguous only: a bracketed `[at]`, `(at)`, `{at}` or `[@]` is always an at sign; the
bare words `at` and `apenstaartje` only when the address ends in a spelled-out dot
(`dot`, `punt`, `[dot]`) and a common top-level domain, so "available at
example.org" or "at home" is not an address.

Linear time: one forward scan that starts only at the beginning of a word (the
lookbehind), reads the word possessively (no backtracking into it), and a domain of at
most nine labels of at most 63 characters.
"""

from __future__ import annotations

import re

from kennishub.privacy_finding import Finding, finding

_L = r"[\w%+'\-]"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?"
_DOT_SIGN = r"[ \t]?(?:\[[ \t]?(?:dot|punt|\.)[ \t]?\]|\([ \t]?(?:dot|punt|\.)[ \t]?\)|\{[ \t]?(?:dot|punt|\.)[ \t]?\})[ \t]?"
_DOT_WORD = r"[ \t](?:dot|punt)[ \t]"
_DOT = rf"(?:\.|{_DOT_SIGN}|{_DOT_WORD})"
_TLDS = "nl|com|org|net|eu|be|de|info|nu|frl|amsterdam|edu|gov|io|fr|uk|co"
_DOMAIN = rf"{_LABEL}(?:{_DOT}{_LABEL}){{0,8}}{_DOT}[A-Za-z]{{2,24}}"
_DOMAIN_SPELLED = rf"{_LABEL}(?:{_DOT}{_LABEL}){{0,8}}(?:{_DOT_SIGN}|{_DOT_WORD})(?:{_TLDS})"
_BRACKETED_AT = r"[\[({][ \t]?(?:at|@)[ \t]?[\])}]"
_EMAIL = re.compile(
    rf"""(?<![\w%+'\-.]){_L}++(?:\.{_L}++)*+
    (?: @{_DOMAIN}
      | [ \t]?{_BRACKETED_AT}[ \t]?{_DOMAIN}
      | [ \t](?:at|apenstaartje)[ \t]{_DOMAIN_SPELLED}
    )(?![\w\-])""",
    re.IGNORECASE | re.VERBOSE,
)
_HINT = re.compile(rf"@|{_BRACKETED_AT}|a(?<![\w\-].)(?:t|penstaartje)(?![\w\-])", re.IGNORECASE)


def find_emails(text: str) -> list[Finding]:
    """Every e-mail address in `text`, plain or obfuscated, in order."""
    if not _HINT.search(text):
        return []
    return [finding(m.start(), m.end(), "email", m.group()) for m in _EMAIL.finditer(text)]
