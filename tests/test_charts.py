"""SVG bar charts: accessible, to scale, escaped, and with the same numbers in a table."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from kennishub.charts import BAR_AREA, bar_chart_svg, chart

S = "{http://www.w3.org/2000/svg}"
ROWS = [("Armoede", 10), ("School & zorg", 5), ("Leeg", 0), ("<script>alert(1)</script>", 1)]


def test_svg_is_labelled_image():
    svg = ET.fromstring(bar_chart_svg("per-thema", "Bijdragen per thema", ROWS))
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "per-thema-title per-thema-desc"
    assert svg.find(f"{S}title").get("id") == "per-thema-title"
    assert svg.find(f"{S}title").text == "Bijdragen per thema"
    assert "Armoede: 10" in svg.find(f"{S}desc").text


def test_bars_to_scale_with_values():
    svg = ET.fromstring(bar_chart_svg("c", "T", ROWS))
    widths = [int(r.get("width")) for r in svg.findall(f"{S}rect")]
    assert widths[0] == BAR_AREA and widths[1] == BAR_AREA // 2 and widths[2] == 0
    assert widths[3] >= 2  # a small non-zero value stays visible
    values = [t.text for t in svg.findall(f"{S}text") if t.get("class") == "kh-chart__value"]
    assert values == ["10", "5", "0", "1"]


def test_labels_are_escaped_and_shortened():
    text = bar_chart_svg("c", "T", ROWS + [("Een heel erg lange naam van een thema dat niet past", 3)])
    assert "<script>" not in text
    labels = [t.text for t in ET.fromstring(text).findall(f"{S}text") if t.get("class") == "kh-chart__label"]
    assert labels[3] == "<script>alert(1)</script>"
    assert labels[-1].endswith("…") and len(labels[-1]) <= 34


def test_table_holds_the_same_numbers():
    html = chart("per-thema", "Bijdragen per thema", ROWS, label_head="Thema")
    assert "<caption>Bijdragen per thema</caption>" in html
    assert '<th scope="row">School &amp; zorg</th><td>5</td>' in html
    assert '<th scope="row">&lt;script&gt;alert(1)&lt;/script&gt;</th><td>1</td>' in html
    assert html.count("<tr>") == len(ROWS) + 1
    assert "<script" not in html


def test_no_data():
    svg = ET.fromstring(bar_chart_svg("c", "T", []))
    assert svg.findall(f"{S}rect") == [] and svg.find(f"{S}desc").text == "Geen gegevens."
