"""HTML comments in an entry's body: the guidance an editor leaves out of the page.

A comment runs from `<!--` to the first `-->` (or `--!>`, which browsers take as an end
too), whatever it holds: a `<!--` inside it nests nothing, so the first `-->` ends it
and the text up to the next `-->` shows on the page. This module finds what would
show although it looks hidden:

- `comment-leak`: a `-->` after a comment that held a `<!--` of its own (error);
- `comment-early-end`: `--!>` inside a comment (error);
- `comment-unclosed`: a `<!--` without any `-->` after it: the page shows it and all
  that follows (error);
- `comment-empty`: `<!-->` or `<!--->`, which close at once (error);
- `comment-stray-end`: any other `-->` outside a comment (warning: it shows as "-->").

Fenced code (given as spans by the caller) and inline code spans outside comments are
skipped: what they hold is shown as code, on purpose. One pass over the body with one
regular expression per state, so the time is linear in the body's length.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable

# Outside a comment: an inline code span (runs cannot cross a backtick or a line end,
# so a failed attempt never rescans), an empty comment, a comment start, a stray end.
_OUTSIDE = re.compile(r"`[^`\n]*+`|<!--->|<!-->|<!--|--!>|-->")
# Inside a comment: what ends it, or a `<!--` that would seem to nest.
_INSIDE = re.compile(r"<!--|--!?>")
_TRIGGER = ("<!--", "-->", "--!>")

Found = tuple[int, str, str, str]  # (offset, code, Dutch message, severity)


def _context(text: str, end: int, width: int = 40) -> str:
    """The last characters before `end` on its line, for quoting in a message."""
    start = max(text.rfind("\n", 0, end) + 1, end - width)
    return " ".join(text[start:end].split())


def _blank_fences(body: str, spans: Iterable[tuple[int, int]]) -> str:
    parts, last = [], 0
    for a, b in spans:
        parts += [body[last:a], re.sub(r"[^\n]", " ", body[a:b])]
        last = b
    parts.append(body[last:])
    return "".join(parts)


def problems(body: str, fences: Callable[[str], list[tuple[int, int]]] | None = None) -> list[Found]:
    """Comment problems of `body`, in order. `fences(body)` gives the fenced code spans."""
    if not any(t in body for t in _TRIGGER):
        return []
    text = body
    if fences is not None and ("```" in body or "~~~" in body):
        text = _blank_fences(body, fences(body))
    found: list[Found] = []
    leaked: str | None = None  # the quoted early end of the last comment, when it held a '<!--'
    pos = 0
    while True:
        m = _OUTSIDE.search(text, pos)
        if m is None:
            return found
        token, pos = m.group(0), m.end()
        if token.startswith("`"):
            continue
        if token in ("<!-->", "<!--->"):
            found.append((m.start(), "comment-empty", f"'{token}' sluit de opmerking meteen weer, dus staat wat erna "
                          "komt op de site — begin een opmerking met '<!-- ' (met een spatie) en sluit haar met ' -->'",
                          "error"))
            leaked = None
        elif token == "<!--":
            leaked, pos = _comment(text, m.start(), found)
            if pos < 0:
                return found
        elif leaked is not None:
            found.append((m.start(), "comment-leak", f"deze '{token}' sluit geen opmerking: de opmerking erboven is al "
                          f"gesloten bij '{leaked}', want ze bevat zelf '<!--' — alles daartussen staat op de site; "
                          "haal '<!--' en '-->' uit de tekst van de opmerking", "error"))
            leaked = None
        else:
            found.append((m.start(), "comment-stray-end", f"losse '{token}' buiten een opmerking staat zo op de site "
                          "— hoort die bij een opmerking, begin die dan met '<!--'; bedoel je een pijl, schrijf dan →",
                          "warning"))


def _comment(text: str, start: int, found: list[Found]) -> tuple[str | None, int]:
    """Read the comment opened at `start`; append its problems to `found`. Returns (the
    quoted early end when the comment held a '<!--', else None; where scanning goes on,
    -1 when the comment is never closed)."""
    nested = False
    for m in _INSIDE.finditer(text, start + 4):
        token = m.group(0)
        if token == "<!--":
            nested = True
        elif token == "--!>":
            found.append((m.start(), "comment-early-end", "'--!>' sluit de opmerking hier al af, dus staat de tekst "
                          "erna op de site — schrijf alleen aan het eind van de opmerking '-->'", "error"))
            return None, _skip_end(text, m.end())
        else:
            return (_context(text, m.end()) if nested else None), m.end()
    found.append((start, "comment-unclosed", "deze opmerking begint met '<!--' maar wordt nergens gesloten, dus staat "
                  "ze met alle tekst erna op de site — zet '-->' aan het eind van de aanwijzing", "error"))
    return None, -1


def _skip_end(text: str, pos: int) -> int:
    """After an early end: the one `-->` meant to close that comment belongs to the same
    mistake; go on after it (or at `pos` when a new comment starts first)."""
    m = _OUTSIDE.search(text, pos)
    while m is not None and m.group(0).startswith("`"):
        m = _OUTSIDE.search(text, m.end())
    if m is not None and m.group(0) in ("-->", "--!>"):
        return m.end()
    return pos
