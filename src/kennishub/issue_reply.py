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
from typing import Iterable

from kennishub import privacy
from kennishub.problems import Problem
from kennishub.report import text_line

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


def messages(problems: list[Problem], text: str, labels: dict[str, str]) -> list[str]:
    """The check's messages for the comment: privacy warnings by field and kind, the rest
    as `kennishub check` words them, with personal data left out."""
    secrets = [f.text for f in privacy.find_personal_data(text)]
    lines = []
    for p in problems:
        if p.code.startswith("privacy-"):
            severity = "fout" if p.severity == "error" else "waarschuwing"
            item = private_fields([p], text, labels)[0]
            lines.append(f"{severity}: {item} — een redacteur kijkt of dit weg moet")
        else:
            lines.append(redact(text_line(p), secrets))
    return lines


def fenced(text: str) -> str:
    """A code block that no backtick run in `text` can close early."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text}\n{fence}"


def _items(items: list[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def not_converted(problems: list[str], private: list[str] = ()) -> str:
    text = "### We konden van dit issue nog geen bijdrage maken\n\n" + _items(problems) + "\n\n"
    if private:
        text += ("Let op: in het issue staan ook gegevens waarmee iemand te herkennen of te bereiken is. "
                 "Haal ze weg:\n\n" + _items(list(private)) + "\n\n")
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


def written(path: str, lines: list[str], errors: int) -> str:
    text = f"### Je bijdrage staat klaar\n\nVan dit issue is het bestand `{path}` gemaakt.\n\n"
    warnings = len(lines) - errors
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
    if lines:
        text += fenced("\n".join(lines)) + "\n\n"
    return text + "De uitleg bij de meldingen staat op de pagina *Bijdragen* van de kennishub.\n"
