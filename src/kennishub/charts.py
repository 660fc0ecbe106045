"""Accessible bar charts drawn at build time as inline SVG, each with a table of the same
numbers. No JavaScript.

The SVG has role="img" and is labelled by its own <title> and <desc>; the visible
table (with a caption) carries the exact numbers for screen readers and for copying.
Colours come from CSS classes (`kh-chart__bar`, `kh-chart__label`, `kh-chart__value`)
with `currentColor` as the fallback, so light and dark mode follow the theme.
"""

from __future__ import annotations

import html

ROW_HEIGHT = 28
BAR_HEIGHT = 18
LABEL_WIDTH = 260
BAR_AREA = 380
VALUE_WIDTH = 60
WIDTH = LABEL_WIDTH + BAR_AREA + VALUE_WIDTH
MAX_LABEL = 34


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1].rstrip() + "…"


def _describe(rows: list[tuple[str, int]]) -> str:
    return "; ".join(f"{label}: {value}" for label, value in rows) or "Geen gegevens."


def bar_chart_svg(chart_id: str, title: str, rows: list[tuple[str, int]]) -> str:
    """A horizontal bar chart; bars scale to the largest value."""
    peak = max((v for _, v in rows), default=0)
    height = max(1, len(rows)) * ROW_HEIGHT + 8
    out = [
        f'<svg class="kh-chart__svg" role="img" aria-labelledby="{_esc(chart_id)}-title {_esc(chart_id)}-desc"'
        f' viewBox="0 0 {WIDTH} {height}" width="100%" preserveAspectRatio="xMinYMin meet"'
        ' xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{_esc(chart_id)}-title">{_esc(title)}</title>',
        f'<desc id="{_esc(chart_id)}-desc">{_esc(_describe(rows))}</desc>',
    ]
    for i, (label, value) in enumerate(rows):
        y = 4 + i * ROW_HEIGHT
        width = 0 if peak == 0 else max(2, round(BAR_AREA * value / peak)) if value else 0
        mid = y + ROW_HEIGHT / 2
        out.append(
            f'<text class="kh-chart__label" x="{LABEL_WIDTH - 8}" y="{mid:.0f}" text-anchor="end"'
            f' dominant-baseline="middle" fill="currentColor">{_esc(_short(label))}</text>'
            f'<rect class="kh-chart__bar" x="{LABEL_WIDTH}" y="{y + (ROW_HEIGHT - BAR_HEIGHT) / 2:.0f}"'
            f' width="{width}" height="{BAR_HEIGHT}" rx="2" fill="currentColor"></rect>'
            f'<text class="kh-chart__value" x="{LABEL_WIDTH + width + 6}" y="{mid:.0f}"'
            f' dominant-baseline="middle" fill="currentColor">{int(value)}</text>'
        )
    out.append("</svg>")
    return "".join(out)


def table(caption: str, head: tuple[str, str], rows: list[tuple[str, int]]) -> str:
    body = "".join(f"<tr><th scope=\"row\">{_esc(label)}</th><td>{int(value)}</td></tr>" for label, value in rows)
    return (
        f'<table class="kh-chart__table"><caption>{_esc(caption)}</caption>'
        f'<thead><tr><th scope="col">{_esc(head[0])}</th><th scope="col">{_esc(head[1])}</th></tr></thead>'
        f"<tbody>{body}</tbody></table>"
    )


def chart(chart_id: str, title: str, rows: list[tuple[str, int]], *, label_head: str, value_head: str = "Aantal") -> str:
    """A section: heading, the SVG chart and the table of the same numbers."""
    return (
        f'<section class="kh-chart" id="{_esc(chart_id)}" aria-labelledby="{_esc(chart_id)}-heading">'
        f'<h2 id="{_esc(chart_id)}-heading">{_esc(title)}</h2>'
        f"{bar_chart_svg(chart_id, title, rows)}"
        f"{table(title, (label_head, value_head), rows)}"
        "</section>"
    )
