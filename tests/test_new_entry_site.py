"""The guidance of `kennishub new` never reaches the page (issue 11, item 2).

Every kind is made from its template in a copy of the base hub. Only what the check
requires is filled in: the front-matter fields, and text written *below* the guidance
comment, which stays exactly as the template wrote it. The site is built with
`--strict`; no run of words from the guidance, and no comment mark, may be on the page.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
from pathlib import Path

import pytest

import sitekit
from kennishub import comments
from kennishub.new_entry import _BODY, create
from kennishub.validator import check
from test_new_entry import FILL_IN

pytestmark = pytest.mark.slow
HERE = Path(__file__).resolve().parent
DATE = dt.date(2025, 3, 14)
TITLES = {"verhaal": "Samen aan tafel in de wijk", "interview": "In gesprek met een ambassadeur",
          "terugblik": "Terugblik op de netwerkdag", "checklist": "Lessen uit de wijktafel"}
PAGES = {"verhaal": "verhalen", "interview": "verhalen", "terugblik": "verhalen", "checklist": "lessen"}
WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def _fill_front_matter(text: str, kind: str) -> str:
    replacements, body = FILL_IN[kind]
    for old, new in replacements:
        assert old in text, f"the skeleton of {kind} lacks {old!r}"
        text = text.replace(old, new, 1)
    assert text.endswith(_BODY[kind]), "the skeleton no longer ends with its guidance"
    return text + "\n" + body  # the guidance stays as the template wrote it


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    hub = tmp_path_factory.mktemp("templates") / "hub"
    shutil.copytree(HERE / "fixtures" / "hub", hub)
    paths = {}
    for kind, title in TITLES.items():
        path, _ = create(hub, kind, title, DATE)
        assert path is not None
        (hub / path).write_text(_fill_front_matter((hub / path).read_text(encoding="utf-8"), kind), encoding="utf-8")
        paths[kind] = path
    result = check(hub, [p.as_posix() for p in paths.values()], today=DATE).result
    assert [str(p) for p in result.problems] == []
    sitekit.build_site(hub / "site", root=hub)
    return hub / "site", paths


def _article_text(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    article = text[text.index("<article"):text.index("</article>")]
    article = re.sub(r"<(script|style)\b.*?</\1>", " ", article, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", article))


def _runs(text: str, n: int = 3) -> set[str]:
    words = WORD.findall(text)
    return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}


@pytest.mark.parametrize("kind", list(TITLES))
def test_untouched_guidance_is_not_on_the_page(kind, built):
    site, paths = built
    page = site / PAGES[kind] / paths[kind].stem / "index.html"
    shown = _article_text(page)
    written = " ".join(WORD.findall(FILL_IN[kind][1]))
    assert written.split()[0] in shown, "the text written below the guidance is missing"
    guidance = _runs(_BODY[kind]) - _runs(FILL_IN[kind][1])  # the written text may echo an example heading
    assert len(guidance) > 20
    leaked = sorted(run for run in guidance if run in " ".join(WORD.findall(shown)))
    assert leaked == [], f"guidance of {kind} on the page: {leaked[:5]}"
    assert "-->" not in shown and "<!--" not in shown


@pytest.mark.parametrize("kind", list(TITLES))
def test_templates_hold_one_clean_comment(kind):
    guidance = _BODY[kind]
    assert guidance.count("<!--") == 1 and guidance.count("-->") == 1 and "--!>" not in guidance
    assert comments.problems(guidance) == []
