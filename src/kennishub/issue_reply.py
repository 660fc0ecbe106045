"""The Dutch comment `kennishub from-issue` writes on the (public) issue.

An issue is public, and so is the comment. The comment therefore never repeats personal
data: a privacy problem is named by the form field it came from and the kind of data
("Je verhaal: een telefoonnummer"), never by its value or its position in the file, and
every other message has the values of the privacy findings (and anything else the
privacy guard recognises in the message itself) replaced by `[…]`.

`field_at(text, line)` maps a line of the written entry back to the form field it came
from: the front-matter key at that line (the field id, `event.place` -> `event_place`),
the story field (`text`) for the body, the title for line 1 (a file name comes from the
title).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from kennishub import privacy
from kennishub.issue_fields import FormFields
from kennishub.problems import Problem
from kennishub.report import escape, with_glossary

LABEL = "verhaal-goedgekeurd"
REDACTED = "[…]"
_EDIT = "via de drie puntjes **···** rechtsboven je bericht, dan **Edit**"
_TOP_KEY = re.compile(r"([A-Za-z_][\w-]*):")
_NESTED_KEY = re.compile(r"\s+([A-Za-z_][\w-]*):")
_ARTICLES = ("een ", "de ", "het ")


def is_private(problem: Problem) -> bool:
    """A privacy error: the entry may not be written, let alone pushed."""
    return problem.code.startswith("privacy-") and problem.severity == "error"


def kind_phrase(code: str) -> str:
    """'privacy-phone' -> 'een telefoonnummer'; a kind without a label -> 'persoonsgegevens'."""
    kind = code.removeprefix("privacy-")
    described = getattr(privacy, "KIND_DESCRIPTIONS_NL", {}).get(kind)  # the kind with its article
    if described:
        return described
    label = getattr(privacy, "KIND_LABELS_NL", {}).get(kind)
    if not label:
        return "persoonsgegevens"
    if label.startswith(_ARTICLES) or label.endswith("gegevens"):
        return label
    return "een " + label


def field_at(text: str, line: int) -> str:
    """The form field id that line `line` (1-based) of the entry file `text` came from."""
    lines = text.split("\n")
    if line <= 1 or not lines or lines[0] != "---":
        return "title"
    try:
        end = lines.index("---", 1)  # dump_yaml never writes a bare '---' line inside a value
    except ValueError:
        return "text"
    if line - 1 >= end:
        return "text"
    nested = None
    for row in reversed(lines[1:line]):
        if nested is None and (m := _NESTED_KEY.match(row)):
            nested = m.group(1)
        if m := _TOP_KEY.match(row):
            key = m.group(1)
            if key == "event":
                return {"date": "date", "name": "event_name"}.get(nested or "", "event_place")
            return key
    return "title"


def private_fields(problems: Iterable[Problem], text: str, labels: dict[str, str]) -> list[str]:
    """'Je verhaal: een telefoonnummer' for each field and kind of the privacy problems, in order.

    `labels` maps a field id to the form's label."""
    seen: dict[str, int] = {}
    for p in problems:
        key = field_at(text, p.line)
        item = f"{labels.get(key, key)}: {kind_phrase(p.code)}"
        seen[item] = seen.get(item, 0) + 1
    # no count in digits: a comment about personal data holds no number at all
    return [item + (" (meer dan één keer)" if n > 1 else "") for item, n in seen.items()]


def redact(message: str, secrets: Iterable[str] = ()) -> str:
    """`message` with each of `secrets` and every finding of the privacy guard replaced by '[…]'."""
    for secret in sorted({s for s in secrets if s.strip()}, key=len, reverse=True):
        message = message.replace(secret, REDACTED)
    for finding in reversed(privacy.find_personal_data(message)):
        message = message[: finding.start] + REDACTED + message[finding.end :]
    return message


@dataclass(frozen=True)
class Line:
    """One message of the reply: under a form field, in the form's words."""

    severity: str  # "error" | "warning"
    field: str  # a field id of the form, or "" for the issue as a whole
    text: str  # "Samenvatting: te kort (8 tekens) — gebruik minstens 30 tekens"


def messages(problems: list[Problem], text: str, fields: FormFields) -> list[Line]:
    """The check's problems by form field, in the form's order: privacy findings by field and
    kind, every other message under its field's label, with personal data left out."""
    secrets = [f.text for f in privacy.find_personal_data(text)]
    lines = []
    for p in problems:
        field = fields.field_of(p, text)
        if p.code.startswith("privacy-"):
            item = private_fields([p], text, fields.label)[0]
            lines.append(Line(p.severity, field, f"{item} — een redacteur kijkt of dit weg moet"))
        else:
            said = with_glossary(fields.in_form_words(escape(p.message)))
            lines.append(Line(p.severity, field, redact(f"{fields.label_of(field)}: {said}", secrets)))
    return in_form_order(lines, fields)


def in_form_order(lines: list[Line], fields: FormFields) -> list[Line]:
    """Errors before warnings, each in the order of the form's fields (the issue as a whole last)."""
    rank = {field: n for n, field in enumerate(fields.order)}
    keyed = sorted(enumerate(lines), key=lambda il: (il[1].severity != "error", rank.get(il[1].field, len(rank)), il[0]))
    return list(dict.fromkeys(line for _, line in keyed))


def conversion_lines(problems: list[str], values: dict[str, str], fields: FormFields) -> list[Line]:
    """The converter's sentences (what blocks the entry) under their fields' labels."""
    lines = []
    for problem in problems:
        field = fields.field_of_conversion(problem, values)
        said = fields.conversion_in_form_words(problem, field)
        lines.append(Line("error", field, f"{fields.label_of(field)}: {said}" if field else said))
    return in_form_order(lines, fields)


def _blocks(lines: list[Line]) -> str:
    """'**Fouten**' and '**Waarschuwingen**', each a code block of messages (or nothing)."""
    text = ""
    for severity, title in (("error", "Fouten"), ("warning", "Waarschuwingen")):
        chosen = [line.text for line in lines if line.severity == severity]
        if chosen:
            text += f"**{title}**\n\n{fenced(chr(10).join(chosen))}\n\n"
    return text


def fenced(text: str) -> str:
    """A code block that no backtick run in `text` can close early."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text}\n{fence}"


def _items(items: list[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def not_converted(problems: list[str] | list[Line], private: Iterable[str] = (), later: list[Line] = ()) -> str:
    """Nothing written: what blocks the entry (bullets, the converter's sentences quote the
    editor's text safely), what the check would say besides (`later`), and the personal data."""
    items = [p.text if isinstance(p, Line) else p for p in problems]
    text = "### We konden van dit issue nog geen bijdrage maken\n\nDit moet eerst anders:\n\n" + _items(items) + "\n\n"
    if later:
        text += "Verder zegt de automatische controle over je bijdrage:\n\n" + _blocks(list(later))
    private = list(dict.fromkeys(private))
    if private:
        text += ("Let op: in het issue staan ook gegevens waarmee iemand te herkennen of te bereiken is. "
                 "Haal ze weg:\n\n" + _items(private) + "\n\n")
    return text + (
        f"Pas het issue aan ({_EDIT}) "
        f"en vraag een redacteur om het label `{LABEL}` opnieuw toe te voegen.\n"
    )


def not_written_private(private: list[str]) -> str:
    return (
        "### We hebben van dit issue geen bijdrage gemaakt\n\n"
        "In het issue staan gegevens waarmee iemand te herkennen of te bereiken is:\n\n"
        f"{_items(private)}\n\n"
        "Zulke gegevens publiceren we niet. Er is daarom geen bestand gemaakt en er is niets "
        "naar de repository gestuurd.\n\n"
        f"Haal de gegevens uit het issue ({_EDIT}) en vraag een redacteur om het label `{LABEL}` "
        "opnieuw toe te voegen. GitHub bewaart de vorige versie van een bewerkt issue: vraag een "
        "beheerder om die uit de geschiedenis te verwijderen (via **edited** boven je bericht). "
        "Is het een openbaar gegeven van een organisatie, zoals het algemene nummer van een gemeente? "
        "Laat het toch weg uit het issue en zeg het in een reactie; een redacteur kan het daarna "
        "in de pull request zetten.\n"
    )


def _counted(lines: list[Line]) -> tuple[int, int]:
    errors = sum(line.severity == "error" for line in lines)
    return errors, len(lines) - errors


def written(path: str, lines: list[Line]) -> str:
    text = f"### Je bijdrage staat klaar\n\nVan dit issue is het bestand `{path}` gemaakt.\n\n"
    errors, warnings = _counted(lines)
    if errors:
        text += (
            f"De automatische controle vond **{errors} {'fout' if errors == 1 else 'fouten'}**. "
            "Een redacteur verbetert ze in de pull request, of vraagt je hier om aanvullingen.\n\n"
        )
    elif warnings:
        text += (
            f"De automatische controle vond geen fouten, wel {warnings} "
            f"{'waarschuwing' if warnings == 1 else 'waarschuwingen'} (die houden publicatie niet tegen). "
            "Een redacteur leest de bijdrage nog na.\n\n"
        )
    else:
        text += "De automatische controle vond geen fouten. Een redacteur leest de bijdrage nog na.\n\n"
    return text + _blocks(lines) + "De uitleg bij de meldingen staat op de pagina *Bijdragen* van de kennishub.\n"


def pr_body(path: str, lines: list[Line], number: int | None) -> str:
    """The pull request's description: where it came from, and what the check still says."""
    source = f" (issue #{number})" if number else ""
    text = f"Nieuwe bijdrage `{path}` uit het formulier 'Deel je verhaal'{source}.\n\n"
    if number:
        text += f"Closes #{number}\n\n"
    errors, warnings = _counted(lines)
    if lines:
        text += (f"De automatische controle meldt {errors} {'fout' if errors == 1 else 'fouten'} en {warnings} "
                 f"{'waarschuwing' if warnings == 1 else 'waarschuwingen'} (per veld van het formulier):\n\n"
                 + _blocks(lines))
    else:
        text += "De automatische controle meldt niets.\n\n"
    return text + (
        "Controleer toestemming, privacy en thema's (zie de checklist in de pull-request-sjabloon). "
        "De controle-workflow start niet vanzelf bij een pull request van een workflow: sluit de pull "
        "request en open hem opnieuw om de controle te starten.\n"
    )
