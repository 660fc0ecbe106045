"""Bodies that need no full rendering to be judged: plain Markdown.

Rendering every body costs the check about 4 ms an entry. A body can only render to HTML
outside the allow-list through raw HTML (`<`), attr_list (`{`), a link destination with
a scheme or an entity (`[x](vbscript:…)`, `[x](&#106;…)`), a reference definition
(`[1]: …`) or a heading whose id would start with `__`. A body with none of those is
plain: every construct Python-Markdown makes of it (paragraphs, emphasis, lists, task
lists, tables, headings, footnote references, http(s) and mailto links) is on the list.
tests/test_html_policy.py checks that claim with Hypothesis; anything doubtful renders.

For a plain body the anchors that links may name are the ids of its headings; those
come from rendering its heading lines alone (the toc extension numbers repeats the same
way), plus the footnotes' own ids.
"""

from __future__ import annotations

import re

from kennishub import html_policy
from kennishub.render import Renderer

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_SAFE_SCHEMES = ("http:", "https:", "mailto:")
_INDENTED_HEADING = re.compile(r"^[ \t]+#", re.M)
_HEADING = re.compile(r"^(?:#{1,6}[ \t].*|[^\n]+\n(?:=+|-+)[ \t]*)$", re.M)
_FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\]")


def needs_rendering(body: str) -> bool:
    """False only when the body is plain Markdown (see the module's docstring)."""
    if "<" in body or "{" in body or "]:" in body or "__" in body or "!!!" in body or "???" in body:
        return True
    if _INDENTED_HEADING.search(body):
        return True
    at = body.find("](")
    while at >= 0:
        dest = body[at + 2:at + 2 + 200].lstrip(" \t\n")
        head = re.split(r"[\s)]", dest, maxsplit=1)[0]
        if "&" in head or "\\" in head:
            return True
        m = _SCHEME.match(head)
        if m and not m.group(0).lower().startswith(_SAFE_SCHEMES):
            return True
        at = body.find("](", at + 2)
    return False


_PLAIN_TEXT = re.compile(r"[^\W_]+(?:[ \t.,:;!?'’()/%€+=\-–—]+[^\W_]*)*")


def _heading_text(heading: str) -> str:
    first = heading.split("\n", 1)[0]
    if "\n" in heading:  # setext: the text is the first line
        return first.strip()
    return re.sub(r"[ \t]+#+[ \t]*$", "", first.lstrip("#")).strip()


def outline_ids(body: str, renderer: Renderer) -> set[str]:
    """The ids a plain body's page holds: headings (as the toc extension names them) and
    footnotes."""
    ids: set[str] = set()
    headings = [m.group(0) for m in _HEADING.finditer(body)]
    texts = [_heading_text(h) for h in headings]
    toc = renderer.toc_naming()
    if toc is not None and all(_PLAIN_TEXT.fullmatch(t) for t in texts):
        from markdown.extensions.toc import unique

        slugify, separator = toc
        counters: dict[str, int] = {}
        for text in texts:  # as the toc extension names a heading whose text has no markup
            ids.add(unique(slugify(text, separator), ids, counters))
    elif headings:
        html = renderer.render("\n\n".join(headings))
        ids |= html_policy.ids(html)
    if "[^" in body:
        for label in _FOOTNOTE.findall(body):
            ids |= {f"fn:{label}", f"fnref:{label}"}
    return ids
