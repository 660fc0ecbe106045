"""Personal-data detection: e-mail, Dutch phone number, BSN, IBAN, address, and
details that identify a child.

`find_personal_data(text)` returns `Finding`s (offsets into `text`); the validator
turns each one that `allowed()` does not let through into a problem with code
`"privacy-" + kind`, the finding's severity, and the Dutch message of `message_nl()`.
`describe_nl()` names the kind only (for public issue replies); `find_in_name()`
looks at a file name or path.

What counts (see the "Privacy" bullet of the content model):

- email (`privacy_email`): `local@domain.tld` (a handle such as `OJG@school` or
  `@gemeente` is not one), also `naam [at] gemeente.nl`, `naam(at)school.nl`,
  `naam@gemeente[dot]nl` and `naam at gemeente dot nl`.
- phone (`privacy_numbers`): a Dutch number of ten digits starting `0[1-9]`
  (separators: space, hyphen, en dash, full stop, slash, also between every pair:
  `06-12-34-56-78`, `06.12.34.56.78`; `(020) 123 4567`), `+31`/`0031` with an
  optional `(0)`, 0800/090x numbers of 8 or 11 digits, and any WhatsApp link
  (`wa.me/31612345678`), which is a phone number even inside a URL.
- bsn: nine digits (`123456782`, `123.456.782`, `123 456 782`, `1234.56.782`) that
  pass the elfproef and are not all zero.
- iban: two letters, two check digits and 11–30 characters, with or without spaces
  in groups of four, passing the mod-97 check; in lower case (`nl91abna0417164300`)
  only for a known country with its exact length.
- address: a postcode (`1234 AB`, `1234AB`, `1234ab`; `1234 ab` unless the letters are
  a Dutch word) with a house number: street and number before it (`Kerkstraat 12,
  1234 AB Amsterdam`, also across a line break or list item), city and street after
  it (`1234AB Amsterdam, Kerkstraat 12`), or a number right after it (`1234 AB 12`).
  A postcode alone (`1234 AB Amsterdam`) names an area, not a home, and is not
  reported. `Postbus`/`Antwoordnummer` are never homes.
- child (`privacy_children`, a warning): a first name with an age or school group, or
  a birth date.

Not reported: numbers inside longer numbers or words, in URLs and paths (except
WhatsApp links), after "ISBN", "KvK", "kenmerk", "ordernummer" and the like, dates,
times, years, amounts (a nine-digit number after `€`/`EUR` or before `euro`), and
more than nine digits.

`allowed()`: the content model compares the exact string with white space
collapsed. Two sensible extensions, both harmless because they never let through
data the editor did not write down: (1) separators that carry no data are ignored
as well (commas, semicolons, list bullets, brackets, a final full stop), so an
allow entry `Raadhuisplein 10, 9751 AN Haren` covers the same address written as
two list items; (2) a finding is allowed when it occurs whole, word for word,
inside a longer allow entry, so `Gemeente Rotterdam, Coolsingel 40, 3011 AD
Rotterdam` covers the address finding `Coolsingel 40, 3011 AD Rotterdam`. The
reverse does not hold: allowing `3011 AD Rotterdam` does not allow a full address.
"""

from __future__ import annotations

import re
from typing import Iterable

from kennishub.privacy_children import find_children
from kennishub.privacy_email import find_emails
from kennishub.privacy_finding import KIND_DESCRIPTIONS_NL, KIND_LABELS_NL, Finding, finding
from kennishub.privacy_numbers import find_numeric

__all__ = ["KIND_LABELS_NL", "Finding", "allowed", "describe_nl", "find_in_name", "find_personal_data",
           "find_unallowed", "message_nl"]

_LINE_JOIN = re.compile(r"[ \t\u00a0]*[,;]?\s*\n\s*(?:(?:[-*+•·]|\d{1,2}[.)])[ \t\u00a0]+)?")
_TOKEN = re.compile(r"[^\s,;•·|]+")
_TOKEN_STRIP = ".:!?()[]{}\"'“”‘’"
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,5}\Z")
_WORD_START = re.compile(r"(?<![\w'])[a-zà-ÿ]")


def find_personal_data(text: str) -> list[Finding]:
    """Every e-mail address, phone number, BSN, IBAN, address and child's detail in `text`, in order."""
    found = find_numeric(text) + find_emails(text) + find_children(text)
    return sorted(found, key=lambda f: (f.start, f.end))


def find_in_name(name: str) -> list[Finding]:
    """Personal data in a file name or path (`stories/gezin-jansen-0612345678.md`).

    Each path segment is read with its extension removed, hyphens and underscores as
    spaces and every word capitalised, so `06-12345678`, `jan_at_school_dot_nl` and
    `kerkstraat-12-1234ab-amsterdam` are found as they would be in text. Offsets are
    into `name`. Children's details are not looked for: a slug has no capitals to tell a
    first name from a word."""
    found: list[Finding] = []
    offset = 0
    for segment in name.split("/"):
        stem = _EXTENSION.sub("", segment)
        spaced = _WORD_START.sub(lambda m: m.group().upper(), stem.replace("-", " ").replace("_", " "))
        for f in find_numeric(spaced) + find_emails(spaced):
            found.append(finding(offset + f.start, offset + f.end, f.kind, name[offset + f.start : offset + f.end]))
        offset += len(segment) + 1
    return sorted(found, key=lambda f: f.start)


def _tokens(value: str) -> list[str]:
    tokens = (t.strip(_TOKEN_STRIP) for t in _TOKEN.findall(value))
    return [t for t in tokens if t and t not in ("-", "–", "—", "*", "+")]


def allowed(finding_text: str, allow: Iterable[str]) -> bool:
    """True when an entry of privacy_allow is the finding or contains it whole (see above)."""
    wanted = _tokens(finding_text)
    if not wanted:
        return False
    n = len(wanted)
    for entry in allow:
        if not isinstance(entry, str):
            continue
        have = _tokens(entry)
        if any(have[i : i + n] == wanted for i in range(len(have) - n + 1)):
            return True
    return False


def find_unallowed(text: str, allow: Iterable[str] = ()) -> list[Finding]:
    """The findings of `text` that `allow` (the entry's privacy_allow) does not let through."""
    found = find_personal_data(text)
    if found and allow:
        allow = list(allow)
        found = [f for f in found if not allowed(f.text, allow)]
    return found


_ADVICE_NL = {
    "email": "is het een openbaar adres van een organisatie (zoals info@…)",
    "phone": "is het een openbaar nummer van een organisatie",
    "bsn": "is het geen BSN maar bijvoorbeeld een dossier- of ordernummer",
    "iban": "is het het rekeningnummer van een organisatie",
    "address": "is het het adres van een organisatie of openbaar gebouw",
}
_CHILD_ADVICE_NL = {
    "born": "noem geen geboortedatum, schrijf bijvoorbeeld 'een meisje van 8'",
    "group": "noem geen naam met groep of school, schrijf bijvoorbeeld 'een leerling uit groep 6'",
    "age": "noem geen naam met leeftijd, schrijf bijvoorbeeld 'een jongen van 8'",
}


def _child_advice(text: str) -> str:
    lowered = text.lower()
    if lowered.startswith(("geb", "geboortedatum")):
        return _CHILD_ADVICE_NL["born"]
    if "groep" in lowered or "klas" in lowered:
        return _CHILD_ADVICE_NL["group"]
    return _CHILD_ADVICE_NL["age"]


def message_nl(finding: Finding) -> str:
    """One Dutch sentence: what was found and what to change."""
    shown = " ".join(_LINE_JOIN.sub(", ", finding.text).split())
    if finding.kind == "child":
        return (
            f"mogelijk persoonsgegeven: {KIND_LABELS_NL['child']} '{shown}' — {_child_advice(finding.text)}; "
            f"is het bewust openbaar (met toestemming van de ouders), zet dan de exacte tekst in privacy_allow"
        )
    remove = "haal het weg of noem alleen de plaats" if finding.kind == "address" else "haal het weg"
    return (
        f"mogelijk persoonsgegeven: {KIND_LABELS_NL[finding.kind]} '{shown}' — {remove}; "
        f"{_ADVICE_NL[finding.kind]}, zet dan de exacte tekst in privacy_allow"
    )


def describe_nl(finding: Finding) -> str:
    """The kind of data, never the data itself: "een telefoonnummer"."""
    return KIND_DESCRIPTIONS_NL[finding.kind]


def name_message_nl(finding: Finding) -> str:
    """The Dutch message for personal data in a file name (the name is the data's only place)."""
    what = KIND_LABELS_NL[finding.kind]
    return (f"mogelijk persoonsgegeven in de bestandsnaam: {what} '{finding.text}' — de bestandsnaam wordt "
            f"een webadres; geef het bestand een andere naam zonder {describe_nl(finding)}")

