"""What the privacy guard reports: a `Finding`, its kinds and their Dutch names.

Kept apart from the detectors (`privacy_numbers`, `privacy_email`, `privacy_children`)
so that each of them and the public module `privacy` can import it.
"""

from __future__ import annotations

from dataclasses import dataclass

KIND_LABELS_NL = {
    "email": "e-mailadres",
    "phone": "telefoonnummer",
    "bsn": "burgerservicenummer (BSN)",
    "iban": "IBAN-rekeningnummer",
    "address": "adres met postcode",
    "child": "gegevens van een kind",
}

# The kind with an article, for text that must not repeat the data (issue replies).
KIND_DESCRIPTIONS_NL = {
    "email": "een e-mailadres",
    "phone": "een telefoonnummer",
    "bsn": "een burgerservicenummer (BSN)",
    "iban": "een IBAN-rekeningnummer",
    "address": "een adres met postcode",
    "child": "gegevens waarmee een kind te herkennen is",
}

# Data that identifies on its own is an error; details that identify a child only
# together with the rest of the story are a warning (the editor decides).
SEVERITY = {"child": "warning"}


@dataclass(frozen=True)
class Finding:
    start: int
    end: int
    kind: str  # a key of KIND_LABELS_NL
    text: str
    severity: str = "error"  # "error" | "warning"

    @property
    def code(self) -> str:
        return "privacy-" + self.kind


def finding(start: int, end: int, kind: str, text: str) -> Finding:
    """A Finding with the severity of its kind."""
    return Finding(start, end, kind, text, SEVERITY.get(kind, "error"))
