"""Dates as Dutch people write them: `14-05-2024`, `14-5-2024`, `14/5/2024`, `14.5.2024`,
`14 mei 2024`, `14 maart 2024`, `1 januari 2025`, `14 mrt. 2024`, `dinsdag 14 mei 2024`,
and ISO `2024-05-14` or `2024-5-14`.

`parse_dutch_date(text)` returns `(date, None)` for a date it recognises, `(None, reason)`
for one it recognises but that cannot exist (the reason in Dutch: "februari heeft geen
31 dagen", "er is geen maand 13"), and `(None, None)` for text that is no date at all.
The validator (`formats.check_date`) answers a recognised date with "bedoel je
2024-05-14?"; the issue form (`issue_form.parse_date`) converts it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from kennishub.suggest import nearest

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]
_ABBREVIATIONS = {"jan": 1, "feb": 2, "febr": 2, "mrt": 3, "maa": 3, "apr": 4, "jun": 6, "jul": 7,
                  "aug": 8, "sep": 9, "sept": 9, "okt": 10, "oct": 10, "nov": 11, "dec": 12}
_MONTH_NUMBER = {**{name: i for i, name in enumerate(MONTHS, 1)}, **_ABBREVIATIONS}
_WEEKDAYS = "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|ma|di|wo|do|vr|za|zo"

_NUMERIC = re.compile(r"(\d{1,4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,4})")
_WORDS = re.compile(rf"(?:(?:{_WEEKDAYS})\.?,?\s+)?(\d{{1,2}})(?:e|ste|de)?[\s.-]*([^\W\d_]+)\.?(?:[\s,.-]*(\d{{2,4}}))?")


def _build(year: int, month: int, day: int) -> tuple[dt.date | None, str | None]:
    if year < 1:
        return None, "het jaar 0 bestaat niet; schrijf het jaar voluit, zoals 2024"
    if not 1 <= month <= 12:
        return None, f"er is geen maand {month}; een maand is 1 tot en met 12"
    name = MONTHS[month - 1]
    last = calendar.monthrange(year, month)[1]
    if day < 1:
        return None, f"dag {day} bestaat niet; een dag is 1 tot en met {last}"
    if day > last:
        if month == 2 and day == 29:
            return None, f"februari {year} heeft geen 29 dagen: {year} is geen schrikkeljaar"
        return None, f"{name} heeft geen {day} dagen"
    return dt.date(year, month, day), None


def _short_year(year_text: str) -> str | None:
    if len(year_text) == 2:
        return f"het jaar '{year_text}' heeft twee cijfers; schrijf het jaar voluit, zoals 20{year_text}"
    return None


def parse_dutch_date(text: str) -> tuple[dt.date | None, str | None]:
    """(date, None), (None, Dutch reason why it cannot exist), or (None, None): no date."""
    value = " ".join(str(text).split()).strip().lower()
    if not value or len(value) > 40:
        return None, None
    if m := _NUMERIC.fullmatch(value):
        first, _, month, last = m.groups()
        if len(first) == 4 and len(last) <= 2:
            return _build(int(first), int(month), int(last))
        if len(first) <= 2 and len(last) == 4:
            return _build(int(last), int(month), int(first))
        if len(first) <= 2 and (reason := _short_year(last)):
            return None, reason
        return None, None
    if m := _WORDS.fullmatch(value):
        day, word, year = m.groups()
        month = _MONTH_NUMBER.get(word)
        if month is None:
            near = nearest(word, MONTHS, cutoff=0.7)
            if near is None:
                return None, None
            return None, f"'{word}' is geen maand — bedoel je '{near}'?"
        if year is None:
            return None, f"het jaar ontbreekt; schrijf de datum met het jaar erbij: {int(day)} {MONTHS[month - 1]} JJJJ"
        if reason := _short_year(year):
            return None, reason
        if len(year) != 4:
            return None, None
        return _build(int(year), month, int(day))
    return None, None
