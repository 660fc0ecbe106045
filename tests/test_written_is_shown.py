"""What is written is what is shown: a body that MkDocs could take for metadata (a first
line like "Wat: een ouderavond" right after the front matter, a second `---` block)
reaches the page whole. Each file in site_cases/shown/ is one entry of a real build;
every word that `kennishub check` counts in its body must be on its page, in order.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

import sitekit
from kennishub.body import count_words
from kennishub.frontmatter import read

pytestmark = pytest.mark.slow
HERE = Path(__file__).resolve().parent
CASES = sorted((HERE / "site_cases" / "shown").glob("*.md"))
WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    hub = tmp_path_factory.mktemp("shown") / "hub"
    shutil.copytree(HERE / "fixtures" / "hub", hub)
    for case in CASES:
        shutil.copy(case, hub / "stories" / case.name)
    sitekit.build_site(hub / "site", root=hub)
    return hub / "site"


def _page_words(page: Path) -> list[str]:
    text = page.read_text(encoding="utf-8")
    article = text[text.index("<article"):text.index("</article>")]
    article = re.sub(r"<(script|style)\b.*?</\1>", " ", article, flags=re.S)
    return WORD.findall(html.unescape(re.sub(r"<[^>]+>", " ", article)))


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_every_word_of_the_body_is_on_the_page(case, built):
    body = read(case.read_text(encoding="utf-8"), "title").body
    words = WORD.findall(body.replace("---", " "))
    assert len(words) == count_words(body) > 80
    shown = iter(_page_words(built / "verhalen" / case.stem / "index.html"))
    missing = [w for w in words if not any(w == s for s in shown)]  # in order: `shown` is consumed
    assert not missing, f"{case.name}: not on the page (in order): {missing[:10]}"
