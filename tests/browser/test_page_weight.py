"""A story page transfers at most 150 KB in all, compressed as a static host sends it.

The local server gzips text files as GitHub Pages does; the sizes are what the browser
received (headers and encoded bodies) for everything the page loads.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest

from browsing import for_kinds

pytestmark = pytest.mark.browser
LIMIT = 150 * 1024


@for_kinds("verhaal", "interview", "terugblik", "checklist")
def test_story_page_weight(page_kind, visit, artifacts):
    v = visit("mobile")
    finished = []
    v.page.on("requestfinished", lambda request: finished.append(request))
    page = v.open_kind(page_kind)
    page.evaluate("window.scrollTo(0, document.scrollingElement.scrollHeight)")
    page.wait_for_load_state("networkidle")
    by_type = Counter()
    for request in finished:
        sizes = request.sizes()
        by_type[request.resource_type] += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    total = sum(by_type.values())
    (artifacts / f"page-weight-{page_kind['kind']}.json").write_text(
        json.dumps({"page": page_kind["url_path"], "bytes": total, "by_type": by_type}, indent=2) + "\n")
    detail = ", ".join(f"{t} {n / 1024:.1f} KB" for t, n in by_type.most_common())
    assert total <= LIMIT, f"{page_kind['url_path']} transfers {total / 1024:.1f} KB ({detail})"
    v.assert_clean()
