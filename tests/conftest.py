"""Session fixtures shared by the tests that read or browse the built sample site.

The site is built once per test session (`mkdocs build --strict`) into a temporary
folder and served on 127.0.0.1; see tests/sitekit.py.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import sitekit


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The sample hub built with `mkdocs build --strict`; the folder of the built site.

    KENNISHUB_BUILT_SITE=<folder> reuses a site built beforehand (for quick local runs).
    """
    prebuilt = os.environ.get("KENNISHUB_BUILT_SITE")
    if prebuilt:
        return Path(prebuilt).resolve()
    if not (sitekit.ROOT / "mkdocs.yml").exists():
        pytest.skip("no mkdocs.yml yet: there is no site to build")
    dest = tmp_path_factory.mktemp("site") / "site"
    sitekit.build_site(dest)
    return dest


@pytest.fixture(scope="session")
def site_url(built_site):
    """Base URL of the built site served on 127.0.0.1, ending in '/'."""
    with sitekit.serve(built_site, sitekit.site_base_path()) as url:
        yield url
