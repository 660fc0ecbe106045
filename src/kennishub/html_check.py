"""The validator's view of an entry's rendered HTML: what the allow-list would remove,
reported at the line of the Markdown that produced it.

The body is rendered as the site renders it (kennishub.render) and held against the
allow-list (kennishub.html_policy). Python-Markdown keeps no source positions, so the
line is found by rendering growing prefixes of the body (a binary search over its
lines): the first line whose prefix renders the n-th occurrence of a problem is where
the editor must act. That costs a few renderings, and only in a file with a problem.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser

from kennishub import html_policy
from kennishub.html_policy import Violation
from kennishub.plain_markdown import needs_rendering, outline_ids
from kennishub.render import Renderer, RenderError

MAX_REPORTED = 10  # per file; the rest is summed up in one message
# A plain body longer than this is rendered all the same, against the deadline: some plain
# shapes ('> ' or '```x```' thousands of times) take Python-Markdown superlinear time,
# which the build must not meet unchecked. Real entries are 2 to 10 kB.
PLAIN_MAX = 32_000


@dataclass
class HtmlIssue:
    line: int  # 0-based line of the body
    column: int | None
    code: str
    message: str
    severity: str = "error"


anchor_ids = html_policy.ids


def _key(v: Violation) -> tuple:
    return (v.kind, v.tag, v.attribute, v.value if v.kind in ("scheme", "reserved_id", "alt") else "")


def _counts(renderer: Renderer, text: str) -> Counter:
    try:
        html = renderer.render(text)
    except RenderError:
        return Counter()
    return Counter(_key(v) for v in _problems(html))


def _problems(html: str) -> list[Violation]:
    """What the allow-list would remove from `html`, and its images without alt text."""
    found = html_policy.violations(html)
    if "<img" in html:
        found += [Violation("alt", "img", "alt", v) for v in _images_without_alt(html)]
    return found


def _code(v: Violation) -> str:
    return {"scheme": "unsafe-url", "alt": "image-no-alt"}.get(v.kind, "unsafe-html")


def _message(v: Violation) -> str:
    if v.kind == "alt":
        return "afbeelding (<img>) zonder alt-tekst — voeg alt=\"beschrijving van de afbeelding\" toe"
    return html_policy.message_nl(v)


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.without_alt: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "img":
            values = dict(attrs)
            if not (values.get("alt") or "").strip():
                self.without_alt.append(values.get("src") or "")

    handle_startendtag = handle_starttag


def _images_without_alt(html: str) -> list[str]:
    parser = _Images()
    parser.feed(html_policy.normalize(html))
    parser.close()
    return parser.without_alt


def check_rendered(body: str, renderer: Renderer) -> tuple[list[HtmlIssue], set[str] | None]:
    """Problems of `body`'s rendering, and the ids its page holds (None if it could not
    be rendered). Plain Markdown (kennishub.plain_markdown) is judged without rendering."""
    if len(body) <= PLAIN_MAX and not needs_rendering(body):
        try:
            return [], outline_ids(body, renderer)
        except RenderError:
            pass  # rendered in full below, which reports it
    try:
        html = renderer.render(body)
    except RenderError as exc:
        line = body.count("\n", 0, exc.offset) if exc.offset >= 0 else 0
        return [HtmlIssue(line, None, "render-failed", str(exc))], None
    found = _problems(html)
    issues: list[HtmlIssue] = []
    if not found:
        return issues, anchor_ids(html)
    lines = body.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    seen: Counter = Counter()
    for v in found[:MAX_REPORTED]:
        key = _key(v)
        seen[key] += 1
        line = _first_line(renderer, body, starts, key, seen[key])
        column = _column(lines[line] if line < len(lines) else "", v)
        issues.append(HtmlIssue(line, column, _code(v), _message(v)))
    if len(found) > MAX_REPORTED:
        issues.append(HtmlIssue(issues[-1].line, None, "unsafe-html",
                                f"en nog {len(found) - MAX_REPORTED} andere HTML-onderdelen die niet zijn toegestaan "
                                "— haal de HTML-code weg en gebruik gewone Markdown"))
    return issues, anchor_ids(html)


def _first_line(renderer: Renderer, body: str, starts: list[int], key: tuple, nth: int) -> int:
    """The first line whose prefix (that line included) renders `key` at least `nth` times."""
    lo, hi = 0, len(starts) - 2  # answer in [lo, hi]
    while lo < hi:
        mid = (lo + hi) // 2
        if _counts(renderer, body[:starts[mid + 1]])[key] >= nth:
            hi = mid
        else:
            lo = mid + 1
    return lo


def _column(line: str, v: Violation) -> int | None:
    at = line.lower().find(v.needle.lower()) if v.needle else -1
    return at + 1 if at >= 0 else None


