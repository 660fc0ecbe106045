"""Browser fixtures: Debian's Chromium driven by Playwright over the built sample site.

One browser per session; every `visit()` is a fresh context (empty storage) in which
each request to a host other than the local server is aborted and recorded.
"""

from __future__ import annotations

import json
import re
import urllib.parse

import pytest

import sitekit
from browsing import AXE, ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, PAGE_KINDS, VIEWPORTS, Visit, resolve_kind


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        sitekit.unavailable(f"no Chromium at {CHROMIUM}", "sudo apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def axe_source():
    if not AXE.exists():
        sitekit.unavailable("axe-core is not installed in node_modules", "make test-deps")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def artifacts():
    """Folder for screenshots a person can look at after the run."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def pytest_generate_tests(metafunc):
    if "page_kind" in metafunc.fixturenames:
        only = getattr(metafunc.function, "kinds", None)
        rows = [k for k in PAGE_KINDS if only is None or k["kind"] in only]
        metafunc.parametrize("page_kind", rows, ids=[k["kind"] for k in rows], indirect=True)


@pytest.fixture
def page_kind(request, built_site):
    """The page kind of the test's parameter, resolved against the built site."""
    kind = resolve_kind(request.param, built_site)
    if "missing" in kind:
        pytest.fail(f"page kind {kind['kind']!r} cannot be tested: {kind['missing']}", pytrace=False)
    return kind


@pytest.fixture(scope="session")
def dark_palette(built_site):
    """Material's stored palette for the dark ('slate') scheme, read from the built home page."""
    html = (built_site / "index.html").read_text(encoding="utf-8")
    for tag in re.findall(r'<input[^>]*name="__palette"[^>]*>', html):
        attrs = dict(re.findall(r'data-md-color-(\w+)="([^"]*)"', tag))
        if attrs.get("scheme") == "slate":
            index = int(re.search(r'id="__palette_(\d+)"', tag).group(1))
            return {"index": index, "color": attrs}
    pytest.fail("the site has no dark ('slate') palette to switch to", pytrace=False)


@pytest.fixture
def visit(browser, site_url, request):
    """visit(viewport='desktop', scheme='light') -> a Visit in a fresh browser context."""
    contexts = []
    parts = urllib.parse.urlsplit(site_url)
    origin = f"{parts.scheme}://{parts.netloc}/"
    palette_key = parts.path + ".__palette"  # Material's __md_scope + key

    def open_visit(viewport: str = "desktop", scheme: str = "light") -> Visit:
        context = browser.new_context(
            viewport=VIEWPORTS[viewport], color_scheme=scheme, service_workers="block",
            locale="nl-NL", reduced_motion="reduce",
        )
        contexts.append(context)
        if scheme == "dark":
            stored = json.dumps(request.getfixturevalue("dark_palette"))
            context.add_init_script(f"localStorage.setItem({json.dumps(palette_key)}, {json.dumps(stored)})")
        page = context.new_page()
        v = Visit(page=page, base=site_url)

        def route(r):
            if r.request.url.startswith(origin):
                r.continue_()
            else:
                v.foreign.append(r.request.url)
                r.abort("blockedbyclient")

        def on_response(r):
            if r.status >= 400 and r.request.resource_type != "document":
                v.failed.append(f"{r.status} {r.url}")

        def on_dialog(d):
            v.dialogs.append(f"{d.type}: {d.message}")
            d.dismiss()

        context.route("**/*", route)
        page.on("dialog", on_dialog)
        page.on("pageerror", lambda e: v.errors.append(str(e)))
        page.on("response", on_response)
        return v

    yield open_visit
    for context in contexts:
        context.close()
