"""From a "Deel je verhaal" issue to an entry: parsing GitHub's issue-form Markdown.

GitHub writes a submitted issue form as Markdown: one `### <label>` heading per field,
then the value, `_No response_` for an empty optional field, a comma-separated list for
a dropdown with several choices and `- [X] <option>` for a ticked checkbox. The form
itself (`.github/ISSUE_TEMPLATE/deel-je-verhaal.yml`) says which label belongs to which
field `id`; the ids are the front-matter keys, plus a few helpers (`event_name`,
`event_place`, `text`, `consent`, `privacy`).

Everything here is pure: `parse_sections` splits a body, `convert` turns the sections
into front matter and a Markdown body, or into a list of Dutch problems. Writing the
file and validating it is `from_issue.py`. The issue text is untrusted: it is only ever
treated as data, and the front matter is emitted with `yaml.safe_dump`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kennishub.dates_nl import parse_dutch_date
from kennishub.model import COLLECTIONS
from kennishub.privacy import find_personal_data
from kennishub.suggest import nearest
from kennishub.text import fold

FORM_PATH = ".github/ISSUE_TEMPLATE/deel-je-verhaal.yml"
MAX_BODY = 65_536  # GitHub's own limit on an issue body, in characters
NO_RESPONSE = "_No response_"
TYPES = [t for types, _, _ in COLLECTIONS.values() for t in types]

_HEADING = re.compile(r"^### (.+?)\s*$")
_CHECKED = re.compile(r"^\s*[-*] \[[xX]\] ")
_SPACE = re.compile(r"\s+")


class FormError(Exception):
    """The form definition itself cannot be read (a maintainer's problem, not the editor's)."""


@dataclass
class Conversion:
    """What an issue body becomes: front matter and body, or the problems that stop it."""

    meta: dict = field(default_factory=dict)
    body: str = ""
    problems: list[str] = field(default_factory=list)  # Dutch, one sentence each

    @property
    def ok(self) -> bool:
        return not self.problems


def load_form(root: Path) -> dict[str, str]:
    """Map each field's label to its id, as the hub's issue form declares them."""
    path = root / FORM_PATH
    try:
        form = yaml.safe_load(path.read_text(encoding="utf-8"))
        labels = {
            element["attributes"]["label"].strip(): element["id"]
            for element in form["body"]
            if element.get("type") != "markdown"
        }
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        raise FormError(f"het formulier {FORM_PATH} ontbreekt of is niet te lezen ({exc.__class__.__name__})") from exc
    return labels


def parse_sections(text: str, labels: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """Split an issue body into {field id: raw value}.

    Only headings whose text is a label of the form start a field, so a `### kopje` in
    the story stays part of the story. Returns the fields and the problems found (a
    field given twice).
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    folded = {fold(label): key for label, key in labels.items()}
    fields: dict[str, list[str]] = {}
    problems: list[str] = []
    current: list[str] | None = None
    for line in lines:
        match = _HEADING.match(line)
        key = folded.get(fold(match.group(1))) if match else None
        if key is None:
            if current is not None:
                current.append(line)
            continue
        if key in fields:
            problems.append(f"Het veld '{_label(labels, key)}' staat meer dan één keer in het issue.")
        current = fields[key] = []
    values = {}
    for key, value_lines in fields.items():
        value = "\n".join(value_lines).strip()
        values[key] = "" if value == NO_RESPONSE else value
    return values, problems


def _label(labels: dict[str, str], key: str) -> str:
    return next((label for label, k in labels.items() if k == key), key)


def quote(value: str, limit: int = 60) -> str:
    """Editor's text inside a Dutch message: one line, shortened, as inline code, so that
    Markdown, mentions (@naam) and links in it do nothing in the comment on the issue.
    Personal data in it becomes '[…]' before shortening (the comment is public)."""
    for finding in reversed(find_personal_data(value)):
        value = value[: finding.start] + "[…]" + value[finding.end :]
    text = _line(value).replace("`", "'")
    return f"`{text[:limit]}{'…' if len(text) > limit else ''}`"


def _line(value: str) -> str:
    """One line of plain text: every run of white space (line breaks too) becomes a space."""
    return _SPACE.sub(" ", value).strip()


def _items(value: str, *, commas: bool) -> list[str]:
    """A list typed as lines (and, when `commas`, comma-separated), bullets removed."""
    parts = re.split(r"[\n,]" if commas else r"\n", value)
    items = [_line(re.sub(r"^\s*[-*]\s+", "", part)) for part in parts]
    unique: list[str] = []
    for item in items:
        if item and item not in unique:
            unique.append(item)
    return unique


def parse_date(value: str) -> dt.date | None:
    """A date as people write it ('2025-03-14', '14-03-2025', '14/3/2025', '14 maart 2025',
    '14 mrt 2025'; see dates_nl); None when it is none, or cannot exist."""
    return parse_dutch_date(value)[0]


def parse_type(value: str) -> str | None:
    """The entry type of a dropdown choice: its first word ('Terugblik op een …' -> 'terugblik')."""
    words = fold(value).split()
    return words[0] if words and words[0] in TYPES else None


def parse_choices(value: str, choices: dict[str, str]) -> tuple[list[str], list[str]]:
    """Split a multiple dropdown's 'A, B, C' into the values of `choices` (label -> value).

    Labels may contain commas themselves, so the longest known label that fits at each
    position wins; the rest of a part up to the next comma is returned as unknown.
    """
    known = sorted(((fold(label), v) for label, v in choices.items()), key=lambda lv: -len(lv[0]))
    rest = fold(value)
    found: list[str] = []
    unknown: list[str] = []
    while rest:
        rest = rest.lstrip(", ")
        for label, v in known:
            if rest.startswith(label) and rest[len(label):len(label) + 1] in ("", ","):
                found.append(v)
                rest = rest[len(label):]
                break
        else:
            part, _, rest = rest.partition(",")
            if part.strip():
                unknown.append(part.strip())
    return list(dict.fromkeys(found)), unknown


def parse_checked(value: str) -> bool:
    return any(_CHECKED.match(line) for line in value.split("\n"))


def parse_people(value: str) -> list[dict[str, str]]:
    """'Naam, rol, organisatie' per line -> interviewees (role and organisation optional)."""
    people = []
    for line in _items(value, commas=False):
        name, role, organisation = ([_line(p) for p in line.split(",", 2)] + ["", ""])[:3]
        person = {"name": name}
        if role:
            person["role"] = role
        if organisation:
            person["organisation"] = organisation
        people.append(person)
    return people


def convert(text: str, labels: dict[str, str], themes: dict[str, str]) -> Conversion:
    """Turn an issue body into front matter and a Markdown body.

    `labels` maps the form's labels to field ids (`load_form`); `themes` maps every name
    an editor may pick or type for a theme (title, slug, alias) to its slug.
    """
    result = Conversion()
    problems = result.problems
    if len(text) > MAX_BODY:
        problems.append(
            f"Het issue is te lang ({len(text)} tekens, hooguit {MAX_BODY}). "
            "Kort de tekst in of vraag een redacteur om hulp."
        )
        return result
    values, duplicates = parse_sections(text, labels)
    problems.extend(duplicates)
    if not values:
        problems.append(
            "In dit issue staan geen velden van het formulier 'Deel je verhaal'. "
            "Maak een nieuw issue met dat formulier."
        )
        return result

    def required(key: str) -> str:
        value = values.get(key, "")
        if not value:
            problems.append(f"Het veld '{_label(labels, key)}' ontbreekt of is leeg.")
        return value

    meta: dict = {}
    title, kind, date_text = required("title"), required("type"), required("date")
    summary, theme_text, body = required("summary"), required("themes"), required("text")
    if title:
        meta["title"] = _line(title)
    if kind:
        entry_type = parse_type(kind)
        if entry_type is None:
            problems.append(
                f"Onbekende soort bijdrage {quote(kind)}. Kies uit: {', '.join(TYPES)}."
            )
        else:
            meta["type"] = entry_type
    if date_text:
        date, reason = parse_dutch_date(date_text)
        if date is None:
            why = f": {reason}" if reason else ""
            problems.append(
                f"De datum {quote(date_text, 40)} is geen geldige datum{why}. "
                "Schrijf hem als 14-03-2025, 14 maart 2025 of 2025-03-14."
            )
        else:
            meta["date"] = date
    if summary:
        meta["summary"] = _line(summary)
    if theme_text:
        slugs, unknown = parse_choices(theme_text, themes)
        for name in unknown:
            hint = nearest(name, themes)
            problems.append(
                f"Onbekend thema {quote(name)}"
                + (f" — bedoel je {quote(hint)}?" if hint else ". Kies uit de lijst in het formulier.")
            )
        meta["themes"] = slugs
    for key in ("municipalities", "places", "organisations"):
        items = _items(values.get(key, ""), commas=key != "organisations")
        if items:
            meta[key] = items
    if network := _line(values.get("network", "")):
        meta["network"] = network
    _type_fields(meta, values, labels, problems)
    for key, what in (("consent", "de mensen in dit verhaal toestemming hebben gegeven"),
                      ("privacy", "er geen gegevens in staan waarmee een kind of gezin te herkennen is")):
        if not parse_checked(values.get(key, "")):
            problems.append(
                f"Het vakje '{_label(labels, key)}' is niet aangevinkt. Zonder de bevestiging dat "
                f"{what}, kunnen we de bijdrage niet publiceren."
            )
    result.meta = meta
    result.body = body.strip() + "\n"
    return result


def _type_fields(meta: dict, values: dict[str, str], labels: dict[str, str], problems: list[str]) -> None:
    """The keys only an interview or a recap has."""
    if meta.get("type") == "interview":
        people = parse_people(values.get("interviewees", ""))
        if not people:
            problems.append(
                f"Bij een interview hoort het veld '{_label(labels, 'interviewees')}': "
                "wie is er geïnterviewd (naam, rol, organisatie)?"
            )
        meta["interviewees"] = people
    elif meta.get("type") == "terugblik":
        place = _line(values.get("event_place", ""))
        if not place:
            problems.append(
                f"Bij een terugblik hoort het veld '{_label(labels, 'event_place')}': waar was de bijeenkomst?"
            )
        event = {"date": meta.get("date"), "place": place}
        if name := _line(values.get("event_name", "")):
            event["name"] = name
        meta["event"] = event
