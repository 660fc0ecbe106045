"""Dutch for argparse: usage, headings, the help option and every usage error.

argparse words its texts through `gettext` (`argparse._` and `argparse.ngettext`,
looked up when a text is needed). `dutch()` points those two names at the table below
while the `kennishub` parser is built and used, and puts the originals back afterwards,
so nothing outside the command changes. A text without a Dutch entry stays as argparse
words it; tests/test_cli.py runs every help and the usual wrong invocations and fails on
English words, so a new Python release with new texts is noticed.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from typing import Iterator

# argparse's message ids (Python 3.11-3.13) -> Dutch. The %-fields are argparse's own.
MESSAGES_NL = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "optional arguments": "opties",
    "show this help message and exit": "toon deze uitleg en stop",
    "argument %(argument_name)s: %(message)s": "bij %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "not allowed with argument %s": "niet samen te gebruiken met %s",
    "ignored explicit argument %r": "waarde %r hoort hier niet",
    "the following arguments are required: %s": "dit ontbreekt nog: %s",
    "one of the arguments %s is required": "geef een van deze argumenten: %s",
    "expected one argument": "hier hoort een waarde achter",
    "expected at most one argument": "hier hoort hoogstens één waarde achter",
    "expected at least one argument": "hier hoort minstens één waarde achter",
    "ambiguous option: %(option)s could match %(matches)s":
        "optie %(option)s is niet eenduidig: bedoel je %(matches)s?",
    "unexpected option string: %s": "onverwachte optie: %s",
    "invalid %(type)s value: %(value)r": "%(value)r is geen geldige waarde",
    "invalid choice: %(value)r (choose from %(choices)s)": "onbekende keuze %(value)r — kies uit %(choices)s",
    "invalid choice: %(value)r, maximum %(max)d": "onbekende keuze %(value)r",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "onbekende opdracht %(parser_name)r (kies uit: %(choices)s)",
    "can't open '%(filename)s': %(error)s": "kan '%(filename)s' niet openen: %(error)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout in de opdracht: %(message)s\n",
}
PLURALS_NL = {
    ("expected %s argument", "expected %s arguments"): ("hier hoort %s waarde achter", "hier horen %s waarden achter"),
}


def gettext_nl(message: str) -> str:
    return MESSAGES_NL.get(message, message)


def ngettext_nl(singular: str, plural: str, n: int) -> str:
    one, many = PLURALS_NL.get((singular, plural), (singular, plural))
    return one if n == 1 else many


@contextlib.contextmanager
def dutch() -> Iterator[None]:
    """argparse speaks Dutch inside this block (re-entrant)."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = gettext_nl, ngettext_nl  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class DutchArgumentParser(argparse.ArgumentParser):
    """argparse with Dutch texts (built inside `dutch()`), Dutch usage errors, exit status 2."""

    def parse_args(self, args=None, namespace=None):  # type: ignore[override]
        with dutch():
            return super().parse_args(args, namespace)

    def parse_known_args(self, args=None, namespace=None):  # type: ignore[override]
        with dutch():
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with dutch():
            return super().format_usage()

    def format_help(self) -> str:
        with dutch():
            return super().format_help()

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout in de opdracht: {message}\n")
