"""SVG drawings in a collection's media/ folder: no script.

An SVG file is published as it is, on the site's own address; opened directly, a script
inside it runs as if the site had written it. So a drawing may hold shapes, text,
gradients and styles, but no <script>, no <foreignObject> (HTML inside the drawing), no
`on…=` attribute, no link that leaves the drawing (`href` other than `#…`, a data image
or a relative path) and no style that loads something (`@import`, `url(` to elsewhere).
The file is read with the standard XML parser, which expands no external entity.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 2_000_000
_FORBIDDEN_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"}
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.\-]*):")
_LOADING_STYLE = re.compile(r"@import|url\(\s*['\"]?\s*(?!#|data:image/)[a-zA-Z][a-zA-Z0-9+.\-]*:", re.I)


@dataclass
class SvgProblem:
    line: int
    message: str


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].lower()


def check_svg(path: Path) -> list[SvgProblem]:
    try:
        raw = path.read_bytes()
    except OSError:
        return [SvgProblem(1, "de tekening kan niet worden gelezen — sla hem opnieuw op als SVG")]
    if len(raw) > MAX_BYTES:
        return [SvgProblem(1, f"de tekening is {len(raw) // 1000} kB; de grens is {MAX_BYTES // 1000} kB — "
                              "maak hem eenvoudiger of sla hem op als PNG")]
    if b"<!ENTITY" in raw or b"<!entity" in raw:
        return [SvgProblem(1, "de tekening definieert eigen entiteiten (<!ENTITY>) — sla hem opnieuw op "
                              "vanuit het tekenprogramma, zonder DOCTYPE")]
    try:
        parser = ET.XMLPullParser(events=("start",))
        parser.feed(raw)
        parser.close()
        events = list(parser.read_events())
    except ET.ParseError as exc:
        return [SvgProblem(exc.position[0], "de tekening is geen geldige SVG — sla hem opnieuw op vanuit het "
                                            "tekenprogramma")]
    found: list[SvgProblem] = []
    lines = _element_lines(raw)
    for n, (_, el) in enumerate(events):
        line = lines[n] if n < len(lines) else 1
        tag = _local(el.tag)
        if tag in _FORBIDDEN_ELEMENTS:
            found.append(SvgProblem(line, f"de tekening bevat <{tag}> — daarmee kan een script meekomen; "
                                          "sla de tekening op zonder scripts of ingesloten HTML"))
        for name, value in el.attrib.items():
            attr = _local(name)
            if attr.startswith("on"):
                found.append(SvgProblem(line, f"de tekening bevat het attribuut '{attr}' (een script) — haal het weg"))
            elif attr == "href":
                m = _SCHEME.match(value)
                if m and not value.strip().lower().startswith("data:image/"):
                    found.append(SvgProblem(line, f"de tekening linkt naar '{m.group(1).lower()}:' — een tekening "
                                                  "mag alleen naar zichzelf verwijzen (#…)"))
            elif attr == "style" and _LOADING_STYLE.search(value):
                found.append(SvgProblem(line, "de tekening laadt iets van buiten (url(…) of @import) — haal het weg"))
        if tag == "style" and _LOADING_STYLE.search(el.text or ""):
            found.append(SvgProblem(line, "de tekening laadt iets van buiten (url(…) of @import) — haal het weg"))
    return found[:10]


def _element_lines(raw: bytes) -> list[int]:
    """The line of each start tag, in document order (comments and declarations skipped)."""
    text = raw.decode("utf-8", "replace")
    text = re.sub(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    return [text.count("\n", 0, m.start()) + 1 for m in re.finditer(r"<(?![!?/])", text)]
