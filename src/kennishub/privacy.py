"""Personal-data detection: e-mail, Dutch phone number, BSN, IBAN, address.

`find_personal_data(text)` returns `Finding`s (offsets into `text`); the validator
turns each one that `allowed()` does not let through into a problem with code
`"privacy-" + kind` and the Dutch message of `message_nl()`.

What counts (see the "Privacy" bullet of the content model):

- email: `local@domain.tld` (a handle such as `OJG@school` or `@gemeente` is not one).
- phone: a Dutch number of ten digits starting `0[1-9]` (separators: space, hyphen,
  en dash, full stop, slash; `(020) 123 4567`), `+31`/`0031` with an optional `(0)`,
  and 0800/090x numbers of 8 or 11 digits.
- bsn: nine digits (`123456782`, `123.456.782`, `123 456 782`, `1234.56.782`) that
  pass the elfproef and are not all zero.
- iban: two capitals, two check digits and 11–30 characters, with or without spaces
  in groups of four, passing the mod-97 check.
- address: a postcode (`1234 AB`, `1234AB`) with a house number: street and number
  before it (`Kerkstraat 12, 1234 AB Amsterdam`, also across a line break or list
  item), city and street after it (`1234AB Amsterdam, Kerkstraat 12`), or a number
  right after it (`1234 AB 12`). A postcode alone (`1234 AB Amsterdam`) names an
  area, not a home, and is not reported. `Postbus`/`Antwoordnummer` are never homes.

Not reported: numbers inside longer numbers or words, in URLs and paths, after
"ISBN", "KvK", "kenmerk", "ordernummer" and the like, dates, times, years, amounts
(a nine-digit number after `€`/`EUR` or before `euro`), and more than nine digits.

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
from dataclasses import dataclass
from typing import Iterable

KIND_LABELS_NL = {
    "email": "e-mailadres",
    "phone": "telefoonnummer",
    "bsn": "burgerservicenummer (BSN)",
    "iban": "IBAN-rekeningnummer",
    "address": "adres met postcode",
}


@dataclass(frozen=True)
class Finding:
    start: int
    end: int
    kind: str  # a key of KIND_LABELS_NL
    text: str

    @property
    def code(self) -> str:
        return "privacy-" + self.kind


# --- patterns ------------------------------------------------------------------
# Every numeric pattern starts with one character class, so the regex engine skips
# text without digits, '+' or '(' at C speed; boundary checks come after that
# first character as lookbehinds over it.

_SEP = r"(?:[ \u00a0]?[-\u2013\u2011./][ \u00a0]?|[ \u00a0])"
_D = rf"(?:{_SEP}?[0-9])"
_END = r"(?![\w@]|[.,:/\-\u2013][0-9])"
_NUMERIC = re.compile(
    rf"""[+(0-9]
    (?:
      (?<![\w/=#&@+%].)(?<![0-9][.,\-\u2013].)
      (?:
        (?P<intl>(?:(?<=\+)31|(?<=0)031){_SEP}?(?:\(0\){_SEP}?)?[1-9]{_D}{{8}}){_END}
      | (?P<nat>(?<=0)(?:[89]0[0-9]{_D}{{7}}|[1-9]{_D}{{8}}|[89]0[0-9]{_D}{{4}})){_END}
      | (?P<area>(?<=\()0[1-9](?:\){_D}{{8}}|[0-9]\){_D}{{7}}|[0-9][0-9]\){_D}{{6}})){_END}
      | (?P<bsn>(?<=[0-9])(?:[0-9]{{8}}|[0-9][0-9](?P<bsep>[.\u00a0 ])[0-9]{{3}}(?P=bsep)[0-9]{{3}}|[0-9]{{3}}\.[0-9][0-9]\.[0-9]{{3}}))
        (?![\w]|[.,\-][0-9]|[ \u00a0][0-9]{{3}})
      | (?P<pc>(?<=[1-9])[0-9]{{3}}[ \u00a0]?(?!S[ADS])[A-Z]{{2}})(?![\w])
      )
    | (?<=(?<![A-Za-z0-9])[A-Z]{{2}}[0-9])
      (?P<iban>[0-9](?:[ \u00a0]?[A-Z0-9]{{4}}){{2,7}}(?:[ \u00a0]?[A-Z0-9]{{1,3}})?)(?![A-Za-z0-9])
    )""",
    re.VERBOSE,
)

_UP = "A-ZÀ-ÖØ-Þ"
_WORD = rf"[{_UP}][\w'’.\-]*"
_STREET = rf"(?:'[st][ -])?(?:{_WORD}[ \u00a0](?:(?:van|de|der|den|het|'t|ten|ter|la|le)[ \u00a0]){{1,2}})?{_WORD}"
_NUM = r"[1-9]\d{0,4}(?:[a-zA-Z](?!\w)|[ \u00a0][A-Z](?!\w)|[-/]\d{1,4}(?!\d))?"
_CITY = rf"(?:(?:Den|De|Het|Ter|'s)[ \u00a0-])?[{_UP}][\w'’\-]*(?:[ \u00a0](?:aan den|aan de|aan|op|bij)[ \u00a0][{_UP}][\w'’\-]*)?"
# comma, line break, blank line, list marker between the parts of an address
_JOIN = r"[ \t\u00a0]*(?:[,;][ \t\u00a0]*)?(?:\r?\n(?:[ \t\u00a0]*\r?\n)?[ \t\u00a0]*(?:(?:[-*+•·]|\d{1,2}[.)])[ \t\u00a0]+)?)?"
_STREET_BEFORE = re.compile(rf"(?<![\w'’\-])(?P<street>{_STREET})[ \u00a0]+{_NUM}{_JOIN}\Z")
_CITY_STREET_AFTER = re.compile(rf"[ \u00a0]+{_CITY}{_JOIN}(?P<street>{_STREET})[ \u00a0]+{_NUM}(?![\w\-])")
_CITY_AFTER = re.compile(rf"[ \u00a0]+{_CITY}(?![\w'’\-])")
_NUM_AFTER = re.compile(rf"[ \u00a0]+{_NUM}(?![\w\-]|[.,:]\d)")
_NOT_STREETS = {"postbus", "antwoordnummer"}

_EMAIL_LOCAL = re.compile(r"[\w%+'\-]+(?:\.[\w%+'\-]+)*\Z")
_EMAIL_DOMAIN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}(?![\w\-])")

_NOT_PERSONAL_BEFORE = re.compile(
    r"(?:isbn(?:-1[03])?|issn|kvk|btw|kenmerk|referentie|(?:order|bestel|factuur|dossier|artikel|zaak|klant)"
    r"(?:nummer|nr)|€|\beur)[\s.:#-]*(?:nr\.?|nummer)?[\s.:#]*\Z",
    re.IGNORECASE,
)
_EURO_AFTER = re.compile(r"[ \u00a0]*(?:euro\b|eur\b|,-|,\d\d)", re.IGNORECASE)
_DATE_OR_TIME = re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d\d[.:][0-5]\d[ \u00a0]*[-\u2013]")
_LINE_JOIN = re.compile(r"[ \t\u00a0]*[,;]?\s*\n\s*(?:(?:[-*+•·]|\d{1,2}[.)])[ \t\u00a0]+)?")
_TOKEN = re.compile(r"[^\s,;•·|]+")
_TOKEN_STRIP = ".:!?()[]{}\"'“”‘’"
_BSN_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def _elfproef(digits: str) -> bool:
    return digits != "000000000" and sum(int(d) * w for d, w in zip(digits, _BSN_WEIGHTS)) % 11 == 0


def _iban_ok(compact: str) -> bool:
    if not 15 <= len(compact) <= 34:
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def _in_url(text: str, start: int) -> bool:
    """True when `start` lies in a URL or path: the non-space run up to it has '://', 'www.' or '/'."""
    lo = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start), text.rfind("(", 0, start)) + 1
    head = text[lo:start]
    return "/" in head or "www." in head.lower()


def _address(text: str, ps: int, pe: int) -> tuple[int, int] | None:
    """The span of an address around the postcode text[ps:pe], or None for a postcode alone."""
    before = _STREET_BEFORE.search(text, max(0, ps - 120), ps)
    if before and before.group("street").split()[-1].lower() not in _NOT_STREETS:
        city = _CITY_AFTER.match(text, pe)
        return before.start(), city.end() if city else pe
    after = _CITY_STREET_AFTER.match(text, pe)
    if after and after.group("street").split()[-1].lower() not in _NOT_STREETS:
        return ps, after.end()
    number = _NUM_AFTER.match(text, pe)
    if number:
        return ps, number.end()
    return None


def _numeric(text: str) -> list[Finding]:
    found: list[Finding] = []
    last_end = 0
    for m in _NUMERIC.finditer(text):
        kind, start, end = m.lastgroup, m.start(), m.end()
        if start < last_end:
            continue
        if kind == "iban":
            start -= 2
            if not _iban_ok(text[start:end].replace(" ", "").replace("\u00a0", "")):
                continue
        elif kind == "pc":
            span = _address(text, start, end)
            if span is None:
                continue
            kind, (start, end) = "address", span
        else:
            if _in_url(text, start) or _NOT_PERSONAL_BEFORE.search(text, max(0, start - 24), start):
                continue
            if kind == "bsn":
                if not _elfproef(re.sub(r"\D", "", m.group())) or _EURO_AFTER.match(text, end):
                    continue
            else:
                if _DATE_OR_TIME.match(text, start):
                    continue
                kind = "phone"
        found.append(Finding(start, end, kind, text[start:end]))
        last_end = end
    return found


def _emails(text: str) -> list[Finding]:
    found = []
    at = text.find("@")
    while at != -1:
        local = _EMAIL_LOCAL.search(text, max(0, at - 64), at)
        domain = _EMAIL_DOMAIN.match(text, at + 1)
        if local and domain:
            found.append(Finding(local.start(), domain.end(), "email", text[local.start() : domain.end()]))
            at = domain.end()
        at = text.find("@", at + 1)
    return found


def find_personal_data(text: str) -> list[Finding]:
    """Every e-mail address, phone number, BSN, IBAN and address in `text`, in order."""
    found = _numeric(text)
    if "@" in text:
        found = sorted(found + _emails(text), key=lambda f: f.start)
    return found


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


def message_nl(finding: Finding) -> str:
    """One Dutch sentence: what was found and what to change."""
    shown = " ".join(_LINE_JOIN.sub(", ", finding.text).split())
    remove = "haal het weg of noem alleen de plaats" if finding.kind == "address" else "haal het weg"
    return (
        f"mogelijk persoonsgegeven: {KIND_LABELS_NL[finding.kind]} '{shown}' — {remove}; "
        f"{_ADVICE_NL[finding.kind]}, zet dan de exacte tekst in privacy_allow"
    )
