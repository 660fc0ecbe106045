"""The page "Alle meldingen": every problem code kennishub reports (data/meldingen.yaml),
with a real example from the golden cases (data/meldingen-voorbeelden.yaml, generated
by scripts/meldingen_voorbeelden.py): the line where the mistake was and what
`kennishub check` said there, which always ends in what to change.
"""

from __future__ import annotations

import html
from importlib import resources

import yaml

from kennishub.pages import PageSpec
from kennishub.report import registry

SRC_URI = "meldingen.md"
TITLE = "Alle meldingen"
SEVERITY = {"error": "fout", "warning": "waarschuwing", "both": "fout of waarschuwing"}

INTRO = (
    "<p>Dit zijn alle meldingen die de controle van de kennishub kan geven, met bij de meeste een echt "
    "voorbeeld: de regel waar het misging en wat de controle daar zei. Achter het streepje (—) staat steeds "
    "wat je moet veranderen. Een <strong>fout</strong> houdt publicatie tegen; een <strong>waarschuwing</strong> "
    "niet, maar een redacteur kijkt ernaar. Hoe je een melding leest staat op de pagina "
    "<em>Bijdragen</em> (onder Over).</p>"
)


def examples() -> dict:
    text = resources.files("kennishub").joinpath("data/meldingen-voorbeelden.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text) or {}


def messages_html() -> str:
    codes = registry()["codes"]
    found = examples()
    items = []
    for code, entry in codes.items():
        example = found.get(code)
        parts = [
            f'<dt id="{html.escape(code)}"><strong>{html.escape(entry["title"][:1].upper() + entry["title"][1:])}</strong> '
            f'<span>({SEVERITY.get(entry["severity"], entry["severity"])}, code '
            f"<code>{html.escape(code)}</code>)</span></dt>",
        ]
        if example:
            line = html.escape(example["tekst"]) if example["tekst"].strip() else "<em>(lege regel)</em>"
            parts.append(
                f"<dd><p>Voorbeeld, regel {example['regel']}:</p><pre><code>{line}</code></pre>"
                f"<p>De controle zegt: {html.escape(example['melding'])}</p></dd>"
            )
        else:
            parts.append("<dd><p>Hier is nog geen voorbeeld van; de melding zelf zegt wat je moet veranderen.</p></dd>")
        items.append("".join(parts))
    return f'{INTRO}<dl class="kh-meldingen">{"".join(items)}</dl>'


def messages_page() -> PageSpec:
    spec = PageSpec(SRC_URI, TITLE, in_nav=True)
    spec.add(messages_html())
    spec.meta["description"] = "Alle meldingen van de controle van de kennishub, met een voorbeeld en wat je verandert."
    return spec
