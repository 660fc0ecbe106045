"""Checks of an entry's Markdown body: size, headings, images, words, task items; and
the relative links that the cross-entry check resolves.

Everything works on the raw text with a few compiled regular expressions (no Markdown
rendering), so that checking 10,000 entries stays cheap. Fenced code is blanked out
first, keeping offsets, so examples in code blocks are not taken for real content.

Every rule takes time linear in the body's length, whatever the body holds: no
unbounded repetition in a pattern can rescan text that a match starting further on
would scan again (brackets end the runs inside links, '<' ends a tag's run), and
fences are paired by one pass over their lines. A body over the content model's
`bodyLimits.maxBytes` gets one error and no other rule (`BodyReport.too_large`).
scripts/bench_hostile.py measures the rules on hostile bodies of 1 MB.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from html import unescape

from kennishub import comments
from kennishub.schema import model

MAX_BYTES: int = model()["bodyLimits"]["maxBytes"]
MAX_PER_CODE = 10  # problems of one kind reported per body; the rest are counted in one more
_OPENER = {marks: re.compile(r"^(%s)[^\n]*\n" % marks, re.M) for marks in ("```|~~~", "```", "~~~")}
_CLOSER = {mark: re.compile(r"^%s[ \t]*$" % mark, re.M) for mark in ("```", "~~~")}
_NOT_NEWLINE = re.compile(r"[^\n]")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_H1 = re.compile(r"^#[ \t]+\S", re.M)
_H1_SETEXT = re.compile(r"^[^\n#>\-*+ \t][^\n]*+\n=++[ \t]*+$", re.M)
# Inside a link or an image no run crosses '[' or ']' (possessive, so nothing backtracks
# either): a run stops where the next link could start, so no text is scanned twice.
_IMAGE = re.compile(r"!\[([^\[\]]*+)\]\(\s*+<?([^)\s>\[\]]*+)>?[^)\[\]]*+\)")
_LINK = re.compile(r"(?<!!)\[([^\[\]]*+)\]\(\s*+<?([^)\s>\[\]]++)>?(?:\s++\"[^\"\[\]]*+\")?\s*+\)")
_TASK = re.compile(r"^[ \t]*[-*+][ \t]+\[[ xX]\][ \t]", re.M)
_TAG = re.compile(r"<[^<>\n]*+>")
_LINK_TARGET = re.compile(r"\]\([^)\[\]]*+\)")
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
    too_large: bool = False  # over the size limit: no other rule ran; do not render it either


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def _fences(body: str) -> list[tuple[int, int]]:
    """(start, end) of every fenced code block: a line starting with ``` or ~~~ (and a
    line after it), up to the next line that is the same three characters and at most
    spaces or tabs. An opening line without such a closing line is no fence, and then
    no later one of that kind can be either. Linear: the search for an opening line and
    the search for its closing line never cover the same text, and a failed search for
    a closing line (which reads to the end) happens at most once per kind."""
    spans = []
    marks = ["```", "~~~"]
    pos = 0
    while marks:
        opening = _OPENER["|".join(marks)].search(body, pos)
        if opening is None:
            break
        closing = _CLOSER[opening.group(1)].search(body, opening.end())
        if closing is None:
            marks.remove(opening.group(1))
            pos = opening.end()
            continue
        spans.append((opening.start(), closing.end()))
        pos = closing.end()
    return spans


def blank_code(body: str) -> str:
    """Replace fenced code blocks and HTML comments by spaces of the same length
    (offsets stay valid): neither is shown as text, so neither counts."""
    if "```" in body or "~~~" in body:
        spans = _fences(body)
        if spans:
            # blank all blocks in one substitution (it keeps lengths), then put them back in place
            blanked = _NOT_NEWLINE.sub(" ", "".join(body[a:b] for a, b in spans))
            parts, last, at = [], 0, 0
            for a, b in spans:
                parts += [body[last:a], blanked[at:at + b - a]]
                at += b - a
                last = b
            parts.append(body[last:])
            body = "".join(parts)
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


def size_nl(n: int) -> str:
    """A size in bytes as Dutch text: '256 kB', '293 kB', '1,2 MB' (kB = 1024 bytes)."""
    if n >= 1 << 20:
        return f"{n / (1 << 20):.1f} MB".replace(".", ",")
    if n >= 10 * 1024:
        return f"{round(n / 1024)} kB"
    return f"{n / 1024:.1f} kB".replace(".", ",")


def too_large(body: str, max_bytes: int | None = MAX_BYTES) -> BodyIssue | None:
    """The error for a body over `max_bytes` (UTF-8), at the character where it passes the limit."""
    if max_bytes is None or len(body) <= max_bytes // 4:  # a character is at most 4 bytes
        return None
    raw = body.encode("utf-8")
    if len(raw) <= max_bytes:
        return None
    at = len(raw[:max_bytes].decode("utf-8", errors="ignore"))
    at = body.rfind("\n", 0, at) + 1  # the start of the line that passes the limit
    size = size_nl(len(raw))
    if size == size_nl(max_bytes):
        size = f"{len(raw):,} bytes".replace(",", ".")
    return BodyIssue(at, "body-too-large",
                     f"de tekst is {size}; de grens is {size_nl(max_bytes)} (op deze regel gaat de tekst "
                     "eroverheen) — splits het verhaal of haal ingeplakte gegevens weg")


class _Issues(list):
    """At most MAX_PER_CODE issues of one kind; one more says how many were left out."""

    def __init__(self) -> None:
        super().__init__()
        self.counts: dict[str, int] = {}

    def add(self, issue: BodyIssue) -> None:
        n = self.counts[issue.code] = self.counts.get(issue.code, 0) + 1
        if n <= MAX_PER_CODE:
            self.append(issue)

    def summarise(self) -> None:
        for code, n in self.counts.items():
            if n > MAX_PER_CODE:
                first = next(i for i in self if i.code == code)
                self.append(BodyIssue(first.offset, code, f"nog {n - MAX_PER_CODE} keer hetzelfde probleem in deze "
                                      f"tekst (hierboven de eerste {MAX_PER_CODE}) — los ze allemaal op", first.severity))


def check_body(body: str, rules: dict, *, html_rules: bool = True, max_bytes: int | None = MAX_BYTES) -> BodyReport:
    """Check one body. `rules` is the content model's body rule of the entry's type.
    A body over `max_bytes` gets only the size error (None: no limit, for benchmarks)."""
    report = BodyReport()
    big = too_large(body, max_bytes)
    if big is not None:
        report.issues.append(big)
        report.too_large = True
        return report
    issues = _Issues()
    text = blank_code(body)
    atx = text.startswith(("# ", "#\t")) or "\n# " in text or "\n#\t" in text
    setext = "\n=" in text
    if atx or setext:
        for m in [*(_H1.finditer(text) if atx else ()), *(_H1_SETEXT.finditer(text) if setext else ())]:
            issues.add(BodyIssue(m.start(), "heading-level-1",
                "kop van niveau 1 in de tekst — de titel komt al uit 'title'; maak er een tussenkop van met '## '",
                "warning"))
    if "!" in text:
        for m in _IMAGE.finditer(text):
            if not m.group(1).strip():
                issues.add(BodyIssue(m.start(), "image-no-alt",
                    f"afbeelding '{m.group(2)}' heeft geen beschrijving — schrijf wat erop staat tussen de haken: "
                    f"![Ouders en leerkracht in gesprek]({m.group(2)})"))
            target = m.group(2)
            if target and not _SCHEME.match(unescape(target)) and not target.startswith(("#", "/")):
                report.links.append((m.start(2), target))
    if "](" in text:
        for m in _LINK.finditer(text):
            target = m.group(2)
            if not _SCHEME.match(unescape(target)) and not target.startswith(("/", "mailto:")):
                report.links.append((m.start(2), target))
    if html_rules:  # off only to build hostile test sites
        for found in comments.problems(body, _fences):  # HTML comments that would show on the page
            issues.add(BodyIssue(*found))
    if "minWords" in rules:
        report.words = count_words(text, stop=rules["minWords"])
        if report.words < rules["minWords"]:
            issues.add(BodyIssue(-1, "too-few-words",
                f"de tekst heeft {report.words} woorden — schrijf er minstens {rules['minWords']}"))
    if "minTaskItems" in rules:
        report.tasks = len(_TASK.findall(text))
        if report.tasks < rules["minTaskItems"]:
            issues.add(BodyIssue(-1, "too-few-tasks",
                f"de checklist heeft {report.tasks} vinkpunten — geef er minstens {rules['minTaskItems']}, "
                "elk op een eigen regel als '- [ ] Vraag aan jezelf'"))
    issues.summarise()
    report.issues = list(issues)
    return report


_line_starts: tuple[str, list[int]] = ("", [0])


def line_col(text: str, offset: int) -> tuple[int, int]:
    """0-based line and 1-based column of an offset. Many offsets in one long text cost
    one scan of it (the line starts of the last long text are kept)."""
    global _line_starts
    if len(text) < 2048:
        line = text.count("\n", 0, offset)
        start = text.rfind("\n", 0, offset) + 1
        return line, offset - start + 1
    if _line_starts[0] is not text:
        starts = [0]
        find = text.find
        i = find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = find("\n", i + 1)
        _line_starts = (text, starts)
    starts = _line_starts[1]
    line = bisect_right(starts, offset) - 1
    return line, offset - starts[line] + 1
