"""Checks of an entry's Markdown body: headings, images, unsafe HTML, words, task
items; and the relative links that the cross-entry check resolves.

Everything works on the raw text with a few compiled regular expressions (no Markdown
rendering), so that checking 10,000 entries stays cheap. Fenced code is blanked out
first, keeping offsets, so examples in code blocks are not taken for real content.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field

_FENCE = re.compile(r"^(```|~~~)[^\n]*\n.*?^\1[ \t]*$", re.M | re.S)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_H1 = re.compile(r"^#[ \t]+\S", re.M)
_H1_SETEXT = re.compile(r"^[^\n#>\-*+ \t][^\n]*\n=+[ \t]*$", re.M)
_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]*)>?[^)]*\)")
_IMG_TAG = re.compile(r"<img\b[^>]*>", re.I)
_ALT = re.compile(r"\balt\s*=\s*(\"[^\"]*\S[^\"]*\"|'[^']*\S[^']*'|[^\s\"'>]+)", re.I)
_UNSAFE_TAG = re.compile(r"<\s*(script|iframe|object|embed)\b", re.I)
_HANDLER = re.compile(r"<[a-z][^>]*?\s(on[a-z]+)\s*=", re.I)
_JS_URL = re.compile(r"(?:\]\(\s*<?|href\s*=\s*[\"']?|src\s*=\s*[\"']?)\s*(?:javascript|vbscript|data)\s*:", re.I)
_JS_ANY = re.compile(r"javascript\s*:", re.I)
_LINK = re.compile(r"(?<!!)\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_TASK = re.compile(r"^[ \t]*[-*+][ \t]+\[[ xX]\][ \t]", re.M)
_TAG = re.compile(r"<[^>\n]*>")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass
class BodyIssue:
    offset: int
    code: str
    message: str
    severity: str = "error"


@dataclass
class BodyReport:
    issues: list[BodyIssue] = field(default_factory=list)
    links: list[tuple[int, str]] = field(default_factory=list)  # (offset, relative target)
    words: int = 0
    tasks: int = 0


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def blank_code(body: str) -> str:
    """Replace fenced code blocks and HTML comments by spaces of the same length
    (offsets stay valid): neither is shown as text, so neither counts."""
    if "```" in body or "~~~" in body:
        body = _FENCE.sub(_blank, body)
    if "<!--" in body:
        body = _COMMENT.sub(_blank, body)
    return body


def count_words(body: str, stop: int | None = None) -> int:
    """Words of the body's text: headings count; link targets, tags and syntax do not.
    With `stop`, counting ends there (enough to know a minimum is met)."""
    text = _LINK_TARGET.sub("]", body) if "](" in body else body
    if "<" in text:
        text = _TAG.sub(" ", text)
    if stop is None:
        return len(_WORD.findall(text))
    if _at_least(stop).match(text):  # one regex call instead of `stop` match objects
        return stop
    return len(_WORD.findall(text))


@lru_cache(maxsize=8)
def _at_least(n: int) -> re.Pattern:
    """Matches text that holds at least `n` words as `_WORD` counts them (atomic groups
    keep a hyphenated word from being split to reach the count)."""
    return re.compile(r"[\W_]*+(?:(?>[^\W_]+(?:['’-][^\W_]+)*+)(?:[\W_]++|\Z)){%d}" % n)


def check_body(body: str, rules: dict, *, html_rules: bool = True) -> BodyReport:
    """Check one body. `rules` is the content model's body rule of the entry's type."""
    report = BodyReport()
    issues = report.issues
    text = blank_code(body)
    atx = text.startswith(("# ", "#\t")) or "\n# " in text or "\n#\t" in text
    setext = "\n=" in text
    if atx or setext:
        for m in [*(_H1.finditer(text) if atx else ()), *(_H1_SETEXT.finditer(text) if setext else ())]:
            issues.append(BodyIssue(m.start(), "heading-level-1",
                "kop van niveau 1 in de tekst — de titel komt al uit 'title'; maak er een tussenkop van met '## '",
                "warning"))
    if "!" in text:
        for m in _IMAGE.finditer(text):
            if not m.group(1).strip():
                issues.append(BodyIssue(m.start(), "image-no-alt",
                    f"afbeelding '{m.group(2)}' heeft geen beschrijving — schrijf wat erop staat tussen de haken: "
                    f"![Ouders en leerkracht in gesprek]({m.group(2)})"))
            target = m.group(2)
            if target and not _SCHEME.match(target) and not target.startswith(("#", "/")):
                report.links.append((m.start(2), target))
    if "<" in text:
        for m in _IMG_TAG.finditer(text):
            if not _ALT.search(m.group(0)):
                issues.append(BodyIssue(m.start(), "image-no-alt",
                    "afbeelding (<img>) zonder alt-tekst — voeg alt=\"beschrijving van de afbeelding\" toe"))
        if html_rules:
            for m in _UNSAFE_TAG.finditer(text):
                issues.append(BodyIssue(m.start(), "unsafe-html",
                    f"<{m.group(1).lower()}> is niet toegestaan — haal het weg; een video of kaart kan als gewone link"))
            for m in _HANDLER.finditer(text):
                issues.append(BodyIssue(m.start(1), "unsafe-html",
                    f"het HTML-attribuut '{m.group(1).lower()}=' is niet toegestaan — haal het weg"))
    if html_rules and ":" in text and _JS_ANY.search(text):
        for m in _JS_URL.finditer(text):
            issues.append(BodyIssue(m.start(), "unsafe-url",
                "een link met 'javascript:', 'vbscript:' of 'data:' is niet toegestaan — gebruik een gewoon webadres"))
    if "](" in text:
        for m in _LINK.finditer(text):
            target = m.group(2)
            if not _SCHEME.match(target) and not target.startswith(("#", "/", "mailto:")):
                report.links.append((m.start(2), target))
    if "minWords" in rules:
        report.words = count_words(text, stop=rules["minWords"])
        if report.words < rules["minWords"]:
            issues.append(BodyIssue(-1, "too-few-words",
                f"de tekst heeft {report.words} woorden — schrijf er minstens {rules['minWords']}"))
    if "minTaskItems" in rules:
        report.tasks = len(_TASK.findall(text))
        if report.tasks < rules["minTaskItems"]:
            issues.append(BodyIssue(-1, "too-few-tasks",
                f"de checklist heeft {report.tasks} vinkpunten — geef er minstens {rules['minTaskItems']}, "
                "elk op een eigen regel als '- [ ] Vraag aan jezelf'"))
    return report


def line_col(text: str, offset: int) -> tuple[int, int]:
    """0-based line and 1-based column of an offset."""
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    return line, offset - start + 1
