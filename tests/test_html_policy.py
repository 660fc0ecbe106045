"""The HTML allow-list: what the site publishes is clean, and what check passes is what
the site shows. Fuzzed with Hypothesis over Markdown built from the constructs that the
validator's old pattern checks and Python-Markdown disagreed on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kennishub import html_policy
from kennishub.render import Renderer, RenderError, markdown_config

ROOT = Path(__file__).resolve().parents[1]
RENDERER = Renderer.for_hub(ROOT)

# Pieces an attacker combines; each is harmless or harmful depending on what is around it.
PIECES = [
    "```", "``` python foo bar", "```a`b", "```x```", "~~~", "<!--", "-->", "--!>", "<!-->", "<!--->",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">x</a>",
    "[x](javascript:alert(1))", "[x][1]", "[1]: javascript:alert(1)", "[x](&#106;avascript:alert(1))",
    "[x](javascript&colon;alert(1))", "{: onclick=\"alert(1)\" }", "{: style=\"position:fixed\" }",
    "{: href=\"&#106;avascript:x\" }", "{: #__config }", "![foto](media/x.png){: onload=\"alert(1)\" }",
    "## Kop { onmouseover=\"alert(1)\" }", "<a title=\">\" onclick=\"alert(1)\">x</a>", "<base href=\"https://e.x/\">",
    "<meta http-equiv=\"refresh\" content=\"0\">", "<style>p{}</style>", "<link rel=stylesheet href=https://e.x>",
    "<form action=\"https://e.x\"><button formaction=\"javascript:x\">b</button></form>",
    "<svg><set attributeName=\"href\" to=\"javascript:alert(1)\"/></svg>", "<div markdown>", "</div>",
    "<a href=\"java\nscript:alert(1)\">x</a>", "[x](vbscript:msgbox(1))", "[x](data:text/html,x)",
    "- [ ] taak", "| a | b |\n|:-|-:|\n| 1 | 2 |", "!!! note \"Let op\"", "    ingesprongen", "> citaat",
    "Gewone tekst over de wijk.", "[link](https://example.org)", "**vet** en *schuin*", "<details><summary>x</summary>y</details>",
    "Voetnoot[^1]", "[^1]: De noot.", "`code <script>`", "\n", "\n\n",
]

markdown_text = st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map(lambda parts: "\n".join(parts))


def _render(text: str) -> str | None:
    try:
        return RENDERER.render(text)
    except RenderError:
        return None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown_text)
def test_what_the_site_publishes_is_clean(text):
    html = _render(text)
    if html is None:
        return
    published = html_policy.sanitize(html)
    assert html_policy.violations(published) == [], published
    tags = " ".join(re.findall(r"<[^>]*>", published)).lower()  # markup only: the text may say "onclick"
    for needle in ("<script", "onerror", "onclick", "onload", "onmouseover", "javascript:", "vbscript:", "<base",
                   "<meta", "<style", "<link", "<form", "<button", "<svg", "formaction", "style=\"position"):
        assert needle not in tags, (needle, published)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown_text)
def test_what_check_passes_is_what_the_site_shows(text):
    html = _render(text)
    if html is None:
        return
    if not html_policy.violations(html):
        # the sanitiser writes "text-align: left;" as "text-align:left": the same style
        assert html_policy._styles(html_policy.sanitize(html)) == html_policy._styles(html_policy.normalize(html))


@pytest.mark.parametrize("html, kind", [
    ("<p onclick=\"x\">a</p>", "handler"),
    ("<p style=\"color:red\">a</p>", "style"),
    ("<td style=\"text-align: left\">a</td>", None),
    ("<a href=\"JaVaScRiPt:x\">a</a>", "scheme"),
    ("<a href=\" \tjavascript:x\">a</a>", "scheme"),
    ("<a href=\"https://example.org\">a</a>", None),
    ("<a href=\"mailto:info@example.org\">a</a>", None),
    ("<a href=\"../lessons-learned/x.md#kop\">a</a>", None),
    ("<img src=\"data:image/png;base64,AAAA\" alt=\"x\">", "scheme"),
    ("<p id=\"__search\">a</p>", "reserved_id"),
    ("<input type=\"text\">", None),  # its type is forced to checkbox, as task lists have it
    ("<math><mi>x</mi></math>", "tag"),
])
def test_one_construct(html, kind):
    found = html_policy.violations(html)
    if kind is None:
        assert [v for v in found if v.kind != "changed"] == []
    else:
        assert kind in {v.kind for v in found}, found


def test_every_kind_has_a_dutch_message():
    for kind in ("tag", "attribute", "handler", "style", "scheme", "reserved_id", "changed"):
        message = html_policy.message_nl(html_policy.Violation(kind, "p", "onclick", "javascript:"))
        assert not re.search(r"\{[a-z_]+\}", message) and " — " in message, message  # every field filled in


def test_the_case_hub_renders_with_the_projects_markdown_extensions():
    """The golden cases run in tests/fixtures/hub: its Markdown must be the site's."""
    ours = markdown_config(ROOT)
    fixture = markdown_config(ROOT / "tests" / "fixtures" / "hub")
    assert fixture == ours


def test_markdown_extensions_read_as_mkdocs_reads_them(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump({"markdown_extensions": [
        "admonition", {"toc": {"permalink": True}}, {"pymdownx.tasklist": {"custom_checkbox": True}}]}))
    names, settings_ = markdown_config(tmp_path)
    assert names[:3] == ["toc", "tables", "fenced_code"] and "admonition" in names and "pymdownx.tasklist" in names
    assert settings_ == {"toc": {"permalink": True}, "pymdownx.tasklist": {"custom_checkbox": True}}


# ---- plain Markdown: judged without a full rendering (kennishub.plain_markdown) ----------

PLAIN_PIECES = PIECES + [
    "## Kop over de wijk", "### Kop over de wijk", "Een kop\n=======", "Nog een kop\n-----------",
    "# Titel", "## Kop met *nadruk* en `code`", "1. eerste\n2. tweede", "* punt", "---", "***",
    "[tekst](https://example.org/pad?x=1#frag)", "[mail](mailto:info@example.org)", "[rel](../lessons-learned/x.md#kop)",
    "![foto](media/x.png)", "[x]( https://example.org )", "[x](\nhttps://example.org)", "Jeugd & Gezin",
    "tekst_met_underscore", "a < b", "_schuin_", "~~~\ncode\n~~~", "Term\n: uitleg", "[^1]", "[x](ftp://e.x)",
    "[x](tel:0612345678)", "[x]( javascript:alert(1))", "[x](\njavascript:alert(1))", "[x](JAVASCRIPT:x)",
]
plain_text = st.lists(st.sampled_from(PLAIN_PIECES), min_size=1, max_size=12).map(lambda parts: "\n".join(parts))


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(plain_text)
def test_plain_markdown_needs_no_rendering(text):
    """Whatever `needs_rendering` lets through renders to clean HTML, with the same ids."""
    from kennishub.html_check import anchor_ids
    from kennishub.plain_markdown import needs_rendering, outline_ids

    if needs_rendering(text):
        return
    html = _render(text)
    assert html is not None
    assert html_policy.violations(html) == [], html
    assert outline_ids(text, RENDERER) >= anchor_ids(html), html


@pytest.mark.parametrize("text", ["[x](vbscript:x)", "[x]( javascript:x)", "[x](\njavascript:x)", "[x](&#106;s:x)",
                                  "[x][1]\n\n[1]: javascript:x", "a <b onclick=x>", "p\n{: onclick=x }", "## __init__",
                                  "!!! note\n    ## Kop", "[x](tel:1)", "[x](javascript\\:x)"])
def test_doubtful_bodies_are_rendered(text):
    from kennishub.plain_markdown import needs_rendering

    assert needs_rendering(text)
