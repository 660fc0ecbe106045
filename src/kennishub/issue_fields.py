"""Problems in the words of the "Deel je verhaal" form: each under its field's label.

The reply on an issue talks to someone who filled in a form, not a file: no file
position, no front-matter key. `FormFields` is built from the form itself (label -> id,
`issue_form.load_form`) and the content model: a field id is a front-matter key
(`summary`), a key of a group joined by `_` (`event_place` -> `event.place`), or a
helper (`text` for the story, `consent`, `privacy`). A nested key without a field of its
own takes the field of its last part (`event.date` -> `date`).

`field_of(problem, text)` finds the field of a check problem: the first known key
quoted in its message ('summary'), else the body for the codes about the whole text,
else the line of the entry (`issue_reply.field_at`). `in_form_words` rewords the
message: "'summary' is te kort (8 tekens) — …" becomes "te kort (8 tekens) — …" under
the label "Samenvatting", and any other quoted key becomes the field's label.
`field_of_conversion` does the same for the converter's own sentences (they name the
label, or quote a piece of the field's value).
"""

from __future__ import annotations

import re

from kennishub import schema
from kennishub.problems import Problem
from kennishub.text import fold

BODY_FIELD = "text"
GENERAL = ""  # problems of no single field (the issue as a whole)
# codes about the story as a whole, reported at line 1 of the file
BODY_CODES = frozenset({"too-few-words", "too-few-tasks", "body-too-large"})
_QUOTED = re.compile(r"'([A-Za-z_][\w.]*)'")
_BACKTICKS = re.compile(r"`([^`]+)`")
_SPACE = re.compile(r"\s+")


def _model_keys() -> set[str]:
    """Every front-matter key of an entry, nested ones dotted: 'summary', 'event.place'."""
    keys: set[str] = set()
    for key, sub in schema.model()["entry"]["properties"].items():
        keys.add(key)
        for group in (sub.get("properties", {}), sub.get("items", {}).get("properties", {})):
            keys.update(f"{key}.{name}" for name in group)
    return keys


class FormFields:
    def __init__(self, labels: dict[str, str]):
        """`labels`: the form's label -> field id, in the form's order."""
        self.label = {field_id: label for label, field_id in labels.items()}
        self.order = list(self.label)
        self.keys = _model_keys()
        self.by_key: dict[str, str] = {}
        for key in self.keys:
            field_id = key if key in self.label else key.replace(".", "_")
            if field_id not in self.label:
                field_id = key.rsplit(".", 1)[-1]  # event.date -> date
            if field_id in self.label:
                self.by_key[key] = field_id

    def label_of(self, field_id: str) -> str:
        return self.label.get(field_id, "Algemeen")

    def field_of_key(self, key: str) -> str | None:
        return self.by_key.get(key) or self.by_key.get(key.split(".", 1)[0])

    def field_of(self, problem: Problem, text: str) -> str:
        from kennishub.issue_reply import field_at  # the line -> field mapping of the privacy reply

        field_id = field_at(text, problem.line)
        if field_id == BODY_FIELD or problem.code in BODY_CODES:
            return BODY_FIELD  # a problem in the story, even when it names a key ("the title comes from 'title'")
        for key in _QUOTED.findall(problem.message):
            if key in self.keys and (found := self.field_of_key(key)):
                return found
        if field_id in self.label:
            return field_id
        return self.field_of_key(field_id) or GENERAL

    def in_form_words(self, message: str) -> str:
        """The message without the key it starts with; other keys as the form's labels."""
        def label(m: re.Match) -> str:
            key = m.group(1)
            field_id = self.field_of_key(key) if key in self.keys else None
            return f"'{self.label_of(field_id)}'" if field_id else m.group(0)

        for key in sorted(self.keys, key=len, reverse=True):
            start = re.match(rf"(?:verplicht )?(?:veld )?'{re.escape(key)}' (?:is )?", message)
            if start and self.field_of_key(key):
                message = message[start.end():]
                break
        return _QUOTED.sub(label, message)

    def field_of_conversion(self, message: str, values: dict[str, str]) -> str:
        """The field a sentence of the converter is about: the label it names, else the
        field whose value holds the piece of text it quotes."""
        for field_id in self.order:
            if f"'{self.label[field_id]}'" in message:
                return field_id
        for piece in _BACKTICKS.findall(message):
            piece = fold(piece.rstrip("…").replace("[…]", "\0"))
            parts = [p for p in piece.split("\0") if p.strip()]
            for field_id in self.order:
                value = fold(_SPACE.sub(" ", values.get(field_id, "")).replace("`", "'"))
                if parts and all(p in value for p in parts):
                    return field_id
        return GENERAL

    def conversion_in_form_words(self, message: str, field_id: str) -> str:
        """'Het veld 'Datum' ontbreekt of is leeg.' -> 'ontbreekt of is leeg.' (under 'Datum')."""
        if field_id:
            label = re.escape(self.label[field_id])
            message = re.sub(rf"^Het (?:veld|vakje) '{label}' ", "", message)
        return message
