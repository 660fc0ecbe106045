"""Personal data written with digits: phone numbers (also WhatsApp links), BSN, IBAN,
and addresses (a postcode with a street and house number). See `privacy` for what counts.

Every pattern here runs in time linear in the text: the numeric pattern starts with
one character class, so the regex engine skips text without digits, '+' or '(' at C
speed; boundary checks come after that first character as lookbehinds over it, and
every look around it (street before a postcode, "ISBN" before a number, the URL a
number is in) reads a window of bounded size.
"""

from __future__ import annotations

import re

from kennishub.privacy_finding import Finding, finding

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
      | (?P<pc>(?<=[1-9])[0-9]{{3}}(?![ \u00a0]?[Ss][AaDdSs])(?:[ \u00a0]?[A-Z]{{2}}|[a-z]{{2}}|(?P<pcspace>[ \u00a0])[a-z]{{2}}))(?![\w])
      )
    | (?<=(?<![A-Za-z0-9])[A-Za-z]{{2}}[0-9])
      (?P<iban>[0-9](?:[ \u00a0]?[A-Za-z0-9]{{4}}){{2,7}}(?:[ \u00a0]?[A-Za-z0-9]{{1,3}})?)(?![A-Za-z0-9])
    )""",
    re.VERBOSE,
)
# A lower-case postcode written with a space ("1234 ab") only when the letters are not a
# Dutch word ("2019 is", "12 op"): the street and number around it must still be there.
_PC_WORDS = frozenset("al au da de dé en er ga ik in is je ja na nu of oh om op te ze we zo uw ex".split())

# A WhatsApp link holds a phone number, of any country, even though it is a URL.
_WHATSAPP = re.compile(
    r"(?<![\w/.\-])(?:https?://)?(?:www\.)?(?:wa\.me/|(?:api\.)?whatsapp\.com/send/?\?phone=)\+?[0-9]{7,15}(?![0-9])",
    re.IGNORECASE,
)

# A lower-case or mixed-case IBAN only for a known country and its exact length, so
# that a hash or code in lower case that happens to pass mod-97 is not taken for one.
_IBAN_LENGTHS = {
    "NL": 18, "BE": 16, "DE": 22, "FR": 27, "GB": 22, "LU": 20, "ES": 24, "IT": 27, "AT": 20,
    "CH": 21, "PT": 25, "IE": 22, "PL": 28, "DK": 18, "SE": 24, "NO": 15, "FI": 18, "TR": 26,
    "MA": 28, "SR": 22,
}

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

_NOT_PERSONAL_BEFORE = re.compile(
    r"(?:isbn(?:-1[03])?|issn|kvk|btw|kenmerk|referentie|(?:order|bestel|factuur|dossier|artikel|zaak|klant)"
    r"(?:nummer|nr)|€|\beur)[\s.:#-]*(?:nr\.?|nummer)?[\s.:#]*\Z",
    re.IGNORECASE,
)
_NOT_PERSONAL_HINTS = ("isbn", "issn", "kvk", "btw", "kenmerk", "referentie", "nummer", "nr", "€", "eur")
_EURO_AFTER = re.compile(r"[ \u00a0]*(?:euro\b|eur\b|,-|,\d\d)", re.IGNORECASE)
# a date is three groups (15-03-2024); four or five groups (06-12-34-56-78) are a number
_DATE_OR_TIME = re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}(?![-/.]\d)|\d\d[.:][0-5]\d[ \u00a0]*[-\u2013]")
_BSN_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)
_URL_WINDOW = 2048  # how far back a URL or path around a number is looked for
_JOIN_CHARS = frozenset(" \t\u00a0,;\r\n-*+•·.)")


def _elfproef(digits: str) -> bool:
    return digits != "000000000" and sum(int(d) * w for d, w in zip(digits, _BSN_WEIGHTS)) % 11 == 0


def _iban_ok(compact: str) -> bool:
    if not 15 <= len(compact) <= 34:
        return False
    if not compact.isupper() and _IBAN_LENGTHS.get(compact[:2].upper()) != len(compact):
        return False
    compact = compact.upper()
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def _iban_end(text: str, start: int, end: int) -> int | None:
    """The end of a valid IBAN at text[start:end], dropping words the pattern took after it
    ("BE68 5390 0754 7034 van"); None when there is none."""
    while end - start >= 15:
        if _iban_ok(text[start:end].replace(" ", "").replace("\u00a0", "")):
            return end
        cut = max(text.rfind(" ", start, end), text.rfind("\u00a0", start, end))
        if cut <= start:
            return None
        end = cut
    return None


class _UrlScan:
    """Whether a number lies in a URL or path: the run of text without white space or '('
    up to it holds 'www.' or '/'. Candidates come in order, so the text between two of
    them is read once (a text without spaces does not make every look back reread it)."""

    def __init__(self, text: str):
        self.text = text
        self.done = 0  # text[:done] has been read
        self.gap = -1  # last white space or '(' in text[:done]
        self.mark = -1  # last end of '/' or 'www.' in text[:done]

    def __call__(self, start: int) -> bool:
        text, lo = self.text, max(self.done, start - _URL_WINDOW)
        if lo < start:
            gap = max(text.rfind(" ", lo, start), text.rfind("\n", lo, start), text.rfind("(", lo, start))
            self.gap = max(self.gap, gap)
            slash = text.rfind("/", lo, start)
            back = max(0, lo - 3)  # a 'www.' across the previous read
            www = text[back:start].lower().rfind("www.")
            self.mark = max(self.mark, slash, back + www + 3 if www >= 0 else -1)
            self.done = start
        return self.mark > self.gap and self.mark >= start - _URL_WINDOW


def _not_personal_before(text: str, start: int) -> bool:
    """An ISBN, KvK number, order number or amount: the words before the number say so."""
    lo = max(0, start - 24)
    head = text[lo:start].lower()
    return any(word in head for word in _NOT_PERSONAL_HINTS) and bool(_NOT_PERSONAL_BEFORE.search(text, lo, start))


def _house_number_before(text: str, ps: int) -> bool:
    """A quick necessary condition for a street and number before the postcode at `ps`:
    after skipping the characters that may join them, a digit (or a digit and a letter)."""
    i = ps
    while i > 0 and ps - i < 16 and text[i - 1] in _JOIN_CHARS:
        i -= 1
    if i > 0 and text[i - 1].isalpha():
        i -= 1 + (i > 1 and text[i - 2] in " \u00a0")
    return i > 0 and text[i - 1].isdigit()


def _address(text: str, ps: int, pe: int) -> tuple[int, int] | None:
    """The span of an address around the postcode text[ps:pe], or None for a postcode alone."""
    before = _STREET_BEFORE.search(text, max(0, ps - 120), ps) if _house_number_before(text, ps) else None
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


def _whatsapp(text: str) -> list[Finding]:
    lowered = text.lower()
    if "wa.me/" not in lowered and "whatsapp.com/" not in lowered:
        return []
    return [finding(m.start(), m.end(), "phone", m.group()) for m in _WHATSAPP.finditer(text)]


def find_numeric(text: str) -> list[Finding]:
    """Phone numbers, BSNs, IBANs and addresses in `text`, in order."""
    found: list[Finding] = []
    last_end = 0
    in_url = _UrlScan(text)
    for m in _NUMERIC.finditer(text):
        kind, start, end = m.lastgroup, m.start(), m.end()
        if start < last_end:
            continue
        if kind == "iban":
            start -= 2
            end = _iban_end(text, start, end)
            if end is None:
                continue
            if not text[start:end].isupper() and in_url(start):
                continue
        elif kind in ("pc", "pcspace"):
            if m.group("pcspace") and text[end - 2 : end] in _PC_WORDS:
                continue
            span = _address(text, start, end)
            if span is None:
                continue
            kind, (start, end) = "address", span
        else:
            if in_url(start) or _not_personal_before(text, start):
                continue
            if kind == "bsn":
                if not _elfproef(re.sub(r"\D", "", m.group())) or _EURO_AFTER.match(text, end):
                    continue
            else:
                if _DATE_OR_TIME.match(text, start):
                    continue
                kind = "phone"
        found.append(finding(start, end, kind, text[start:end]))
        last_end = end
    links = _whatsapp(text)
    if links:
        found = sorted([f for f in found if not any(w.start <= f.start < w.end for w in links)] + links,
                       key=lambda f: f.start)
    return found
