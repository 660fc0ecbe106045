"""Dates as people write them (issue 11, item 3): `dates_nl.parse_dutch_date`.

The table is the contract: what an editor types, and the date or the Dutch reason.
The validator's and the issue form's messages are golden cases (tests/cases/stories/
datum-*.md, tests/issue_forms/datum-*.md).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kennishub.dates_nl import MONTHS, parse_dutch_date

D = dt.date
RECOGNISED = [
    ("14-05-2024", D(2024, 5, 14)), ("14-5-2024", D(2024, 5, 14)), ("14/5/2024", D(2024, 5, 14)),
    ("14.05.2024", D(2024, 5, 14)), ("2024-05-14", D(2024, 5, 14)), ("2024-5-14", D(2024, 5, 14)),
    ("2024/05/14", D(2024, 5, 14)), ("14 mei 2024", D(2024, 5, 14)), ("14 maart 2024", D(2024, 3, 14)),
    ("1 januari 2025", D(2025, 1, 1)), ("14 mrt 2024", D(2024, 3, 14)), ("14 mrt. 2024", D(2024, 3, 14)),
    ("14 Maart 2024", D(2024, 3, 14)), ("dinsdag 14 mei 2024", D(2024, 5, 14)),
    ("Vrijdag 14 mrt. 2025", D(2025, 3, 14)), ("1e januari 2025", D(2025, 1, 1)),
    ("14-mei-2024", D(2024, 5, 14)), ("  14   mei  2024 ", D(2024, 5, 14)), ("29 februari 2024", D(2024, 2, 29)),
    ("3 sept 2023", D(2023, 9, 3)), ("12 okt 2023", D(2023, 10, 12)),
]
IMPOSSIBLE = [
    ("31-02-2024", "februari heeft geen 31 dagen"),
    ("2024-13-45", "er is geen maand 13"),
    ("29-02-2023", "2023 is geen schrikkeljaar"),
    ("31 april 2024", "april heeft geen 31 dagen"),
    ("0-5-2024", "dag 0 bestaat niet"),
    ("14 mai 2024", "bedoel je 'mei'?"),
    ("14-05-24", "schrijf het jaar voluit, zoals 2024"),
    ("14 maart", "het jaar ontbreekt"),
]
NO_DATE = ["", "lente 2024", "volgende week", "3 dagen", "2024", "14-05", "mei 2024", "12345678"]


@pytest.mark.parametrize("text, expected", RECOGNISED)
def test_recognised(text, expected):
    assert parse_dutch_date(text) == (expected, None)


@pytest.mark.parametrize("text, reason", IMPOSSIBLE)
def test_impossible_says_why(text, reason):
    date, why = parse_dutch_date(text)
    assert date is None and why is not None and reason in why


@pytest.mark.parametrize("text", NO_DATE)
def test_no_date(text):
    assert parse_dutch_date(text) == (None, None)


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31)))
def test_every_way_of_writing_a_date_reads_back(date):
    month = MONTHS[date.month - 1]
    for text in (f"{date.day}-{date.month}-{date.year}", f"{date.day:02}/{date.month:02}/{date.year}",
                 f"{date.day} {month} {date.year}", f"{date.day} {month[:3]} {date.year}" if month != "maart" else
                 f"{date.day} mrt {date.year}", date.isoformat()):
        assert parse_dutch_date(text) == (date, None), text


@given(st.text(max_size=60))
def test_any_text_gives_an_answer_without_error(text):
    date, reason = parse_dutch_date(text)
    assert date is None or reason is None
