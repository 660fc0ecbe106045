"""Lighthouse on one story page: accessibility 1.0, best practices and SEO at least 0.95.

Performance is measured and recorded by scripts/bench_lighthouse.py, not asserted.
"""

from __future__ import annotations

import shutil

import pytest

import sitekit
from browsing import LIGHTHOUSE, LIGHTHOUSE_BARS, for_kinds, lighthouse

pytestmark = [pytest.mark.browser, pytest.mark.slow]
CATEGORIES = ("accessibility", "best-practices", "seo")


@for_kinds("verhaal")
def test_lighthouse_scores(page_kind, site_url, browser, artifacts):
    if not LIGHTHOUSE.exists() or not shutil.which("node"):
        sitekit.unavailable("Lighthouse (node_modules) or Node.js is missing", "make test-deps")
    result = lighthouse(site_url + page_kind["url_path"], artifacts / "lighthouse-verhaal.json", CATEGORIES)
    low = {c: s for c, s in result["scores"].items() if s is None or s < LIGHTHOUSE_BARS[c]}
    assert not low, f"scores below the bar: {low}\n" + "\n".join(result["failed"])
