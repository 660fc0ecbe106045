"""The site's look: palette contrast, configuration, template escaping, and one small
build of the theme layer (without the kennishub plugin) read back as HTML.

The contrast pairs are a table: a colour added to kennishub.css gets a row here.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CSS = ROOT / "docs" / "assets" / "stylesheets" / "kennishub.css"
OVERRIDES = ROOT / "overrides"

# (what, foreground, background, minimum ratio): WCAG 2.1 AA, 4.5 for text,
# 3 for large text, user-interface components and graphics (1.4.3, 1.4.11).
PAIRS = [
    ("body text", "kh-fg", "kh-bg", 4.5),
    ("secondary text", "kh-fg-muted", "kh-bg", 4.5),
    ("link", "kh-link", "kh-bg", 4.5),
    ("link on hover", "kh-accent", "kh-bg", 4.5),
    ("text on a card", "kh-fg", "kh-surface", 4.5),
    ("secondary text on a card", "kh-fg-muted", "kh-surface", 4.5),
    ("link on a card", "kh-link", "kh-surface", 4.5),
    ("link on hover on a card", "kh-accent", "kh-surface", 4.5),
    ("header, tabs, primary button, current page", "kh-on-primary", "kh-primary", 4.5),
    ("button on hover", "kh-on-accent", "kh-accent", 4.5),
    ("checkbox, tag and pager borders", "kh-control", "kh-bg", 3.0),
    ("tag borders on a card", "kh-control", "kh-surface", 3.0),
    ("ticked checkbox", "kh-check", "kh-bg", 3.0),
    ("focus ring", "kh-focus", "kh-bg", 3.0),
    ("focus ring on a card", "kh-focus", "kh-surface", 3.0),
    ("footer text", "kh-footer-fg", "kh-footer-bg", 4.5),
    ("footer secondary text", "kh-footer-muted", "kh-footer-bg", 4.5),
    ("chart bars", "kh-chart-1", "kh-bg", 3.0),
    ("code", "kh-code-fg", "kh-code-bg", 4.5),
    ("code comments and punctuation", "kh-fg-muted", "kh-code-bg", 4.5),
    ("code numbers", "kh-code-number", "kh-code-bg", 4.5),
    ("code specials", "kh-code-special", "kh-code-bg", 4.5),
    ("code functions", "kh-code-function", "kh-code-bg", 4.5),
    ("code constants", "kh-code-constant", "kh-code-bg", 4.5),
    ("code keywords", "kh-code-keyword", "kh-code-bg", 4.5),
    ("code strings", "kh-code-string", "kh-code-bg", 4.5),
    ("badge verhaal", "kh-fg", "kh-badge-verhaal", 4.5),
    ("badge interview", "kh-fg", "kh-badge-interview", 4.5),
    ("badge terugblik", "kh-fg", "kh-badge-terugblik", 4.5),
    ("badge checklist", "kh-fg", "kh-badge-checklist", 4.5),
]

# Material variables that must come from the tested palette.
MAPPED = {
    "--md-default-bg-color": "kh-bg",
    "--md-default-fg-color": "kh-fg",
    "--md-default-fg-color--light": "kh-fg-muted",
    "--md-typeset-color": "kh-fg",
    "--md-typeset-a-color": "kh-link",
    "--md-primary-fg-color": "kh-primary",
    "--md-primary-bg-color": "kh-on-primary",
    "--md-accent-fg-color": "kh-accent",
    "--md-accent-bg-color": "kh-on-accent",
    "--md-footer-bg-color": "kh-footer-bg",
    "--md-footer-fg-color": "kh-footer-fg",
    "--md-code-bg-color": "kh-code-bg",
    "--md-code-fg-color": "kh-code-fg",
    "--md-code-hl-comment-color": "kh-fg-muted",
}


# ------------------------------------------------------------------ helpers


def css_rules(text: str) -> list[tuple[str, dict[str, str]]]:
    """(selector, {property: value}) of every innermost rule; @media wrappers dropped."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    rules = []
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", text):
        decls = {}
        for decl in body.split(";"):
            name, sep, value = decl.partition(":")
            if sep:
                decls[name.strip()] = value.strip()
        rules.append((" ".join(selector.split()), decls))
    return rules


def palette(scheme: str) -> dict[str, str]:
    """The --kh-* colours declared for one colour scheme ('default' or 'slate')."""
    colours: dict[str, str] = {}
    for selector, decls in css_rules(CSS.read_text(encoding="utf-8")):
        if f'[data-md-color-scheme="{scheme}"]' in selector:
            colours.update({k[2:]: v for k, v in decls.items() if k.startswith("--kh-")})
    return colours


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def load_config(path: Path = ROOT / "mkdocs.yml") -> dict:
    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml may hold tags such as !ENV or !!python/name; their values are not needed.
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)


def names(items: list) -> list[str]:
    """Names of a list of 'name' or {'name': options} items (extensions, plugins)."""
    return [next(iter(i)) if isinstance(i, dict) else i for i in items or []]


def options(items: list, name: str) -> dict:
    for item in items or []:
        if isinstance(item, dict) and name in item:
            return item[name] or {}
    return {}


# ------------------------------------------------------------------ palette


def test_contrast_helper_matches_known_ratios():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_palette_colours_are_plain_hex(scheme):
    colours = palette(scheme)
    assert colours, f"no --kh-* colours found for scheme {scheme}"
    bad = {k: v for k, v in colours.items() if not re.fullmatch(r"#[0-9a-f]{6}", v)}
    assert not bad, f"use lower-case #rrggbb so contrast can be checked: {bad}"


def test_both_schemes_declare_the_same_colours():
    light, dark = set(palette("default")), set(palette("slate"))
    assert light == dark, f"only light: {sorted(light - dark)}; only dark: {sorted(dark - light)}"


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("what,fg,bg,minimum", PAIRS, ids=[p[0] for p in PAIRS])
def test_contrast(scheme, what, fg, bg, minimum):
    colours = palette(scheme)
    ratio = contrast(colours[fg], colours[bg])
    assert ratio >= minimum, (
        f"{scheme}: {what}: --{fg} {colours[fg]} on --{bg} {colours[bg]} is {ratio:.2f}:1, "
        f"needs {minimum}:1"
    )


def test_material_variables_come_from_the_palette():
    mapping: dict[str, str] = {}
    for selector, decls in css_rules(CSS.read_text(encoding="utf-8")):
        if '[data-md-color-scheme="slate"]' in selector and ":root" in selector:
            mapping.update(decls)
    for material, ours in MAPPED.items():
        assert mapping.get(material) == f"var(--{ours})", f"{material} should be var(--{ours})"


# ------------------------------------------------------------ configuration


@pytest.fixture(scope="module")
def config():
    return load_config()


def test_dutch_and_no_third_party_fonts(config):
    theme = config["theme"]
    assert theme["name"] == "material"
    assert theme["language"] == "nl"
    assert theme["font"] is False, "font: false, or the theme loads Google Fonts"
    assert (ROOT / theme["custom_dir"]).is_dir()
    for key in ("logo", "favicon"):
        assert (ROOT / "docs" / theme[key]).is_file(), theme[key]


def test_light_and_dark_scheme_with_dutch_toggles(config):
    schemes = config["theme"]["palette"]
    assert [s["scheme"] for s in schemes] == ["default", "slate"]
    for scheme in schemes:
        assert scheme["primary"] == scheme["accent"] == "custom"
        assert re.fullmatch(r"(Donkere|Lichte) weergave", scheme["toggle"]["name"])


def test_no_analytics_consent_or_generator_link(config):
    extra = config.get("extra") or {}
    assert "analytics" not in extra and "consent" not in extra
    assert extra.get("generator") is False
    assert not extra.get("social")


def test_assets_and_overrides_exist(config):
    for path in (config.get("extra_css") or []) + (config.get("extra_javascript") or []):
        path = path["path"] if isinstance(path, dict) else path
        assert (ROOT / "docs" / path).is_file(), path
    for name in ("main.html", "404.html", "partials/kh-head.html", "partials/kh-title.html"):
        assert (OVERRIDES / name).is_file(), name


def test_markdown_extensions(config):
    exts = config["markdown_extensions"]
    assert {"toc", "admonition", "attr_list", "md_in_html", "tables"} <= set(names(exts))
    tasklist = options(exts, "pymdownx.tasklist")
    assert tasklist.get("custom_checkbox") and tasklist.get("clickable_checkbox")
    assert options(exts, "toc").get("permalink")
    # The emoji extension inlines Twemoji SVGs at best and links a CDN at worst.
    assert "pymdownx.emoji" not in names(exts)


def test_navigation(config):
    features = config["theme"]["features"]
    assert "content.action.edit" in features
    # The checklist script also runs under instant navigation, but the other page
    # scripts are written for full page loads.
    assert "navigation.instant" not in features
    nav = config["nav"]
    assert nav[0] == {"Start": "index.md"}
    assert "kennishub" in names(config["plugins"])
    assert config["edit_uri"].endswith("/docs/"), "docs pages are edited at docs/<path>"


# ---------------------------------------------------------------- templates

PAGE_VALUE = re.compile(r"\b(page|meta|description|published|site_name|repo_name|repo_url)\b")


def own_templates():
    """Every template in overrides/, the recorded Material copies included (their
    patches escape what Material prints raw; see tests/material-copies.yaml)."""
    return sorted(OVERRIDES.rglob("*.html"))


def template_expressions():
    for path in own_templates():
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"\{\{-?(.*?)-?\}\}", text, flags=re.S):
            yield path.relative_to(ROOT).as_posix(), " ".join(match.group(1).split())


def test_templates_escape_every_page_value():
    """Values from page meta and the site's name reach the HTML only through `| e`
    (page.content is HTML)."""
    unescaped = [
        f"{path}: {{{{ {expr} }}}}"
        for path, expr in template_expressions()
        if PAGE_VALUE.search(expr) and expr != "page.content" and not re.search(r"\|\s*e$", expr)
    ]
    assert not unescaped, "unescaped page values:\n" + "\n".join(unescaped)


def test_templates_never_print_titles_directly():
    offenders = [
        f"{path}: {{{{ {expr} }}}}"
        for path, expr in template_expressions()
        if re.search(r"page\.(meta\.)?title", expr) and not path.endswith("kh-title.html")
    ]
    assert not offenders, "print titles with {% include 'partials/kh-title.html' %}:\n" + "\n".join(offenders)


def test_no_third_party_urls_in_theme_files():
    allowed = {"www.w3.org"}  # XML namespaces, never fetched
    found = []
    for path in own_templates() + sorted((ROOT / "docs" / "assets").rglob("*")):
        if path.suffix in {".html", ".css", ".js", ".svg"}:
            for host in re.findall(r"https?://([^/\"'\s)]+)", path.read_text(encoding="utf-8")):
                if host not in allowed:
                    found.append(f"{path.relative_to(ROOT)}: {host}")
    assert not found, "\n".join(found)


# -------------------------------------------------------------------- build

HOSTILE_TITLE = "Kwaad <script>alert('t')</script> & <img src=x onerror=alert(1)>"
HOSTILE_SUMMARY = "Samenvatting \"><script>alert('s')</script> <b>vet</b>"
CHECKLIST = """---
title: Een checklist
summary: Vragen om jezelf te stellen voordat je met het wijknetwerk begint.
type: checklist
date: 2024-02-01
---

<div class="kh-checklist" data-checklist="een-checklist" markdown>

- [ ] Eerste vraag?
- [ ] Tweede vraag?

</div>
"""


@pytest.fixture(scope="module")
def theme_site(tmp_path_factory):
    """The theme layer built on its own: real mkdocs.yml, overrides, assets and home page,
    with the plugins left out and a few pages of our own."""
    hub = tmp_path_factory.mktemp("theme-hub")
    shutil.copytree(OVERRIDES, hub / "overrides")
    shutil.copytree(ROOT / "docs" / "assets", hub / "docs" / "assets")
    home = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    (hub / "docs" / "index.md").write_text(home, encoding="utf-8")
    hostile = yaml.safe_dump(
        {"title": HOSTILE_TITLE, "summary": HOSTILE_SUMMARY, "type": "verhaal",
         "date": "2024-01-01", "feed": "themas/x/feed.xml\"><script>alert(3)</script>"},
        allow_unicode=True,
    )
    (hub / "docs" / "kwaad.md").write_text(f"---\n{hostile}---\n\nTekst zonder kopjes.\n", encoding="utf-8")
    (hub / "docs" / "lijst.md").write_text(CHECKLIST, encoding="utf-8")
    stubs = ["bijdragen.md", "verhalen/index.md", "lessen/index.md", "themas/index.md", "regio/index.md",
             "organisaties/index.md", "netwerken/index.md", "in-cijfers/index.md"]
    for stub in stubs:
        (hub / "docs" / stub).parent.mkdir(parents=True, exist_ok=True)
        (hub / "docs" / stub).write_text("# Stub\n\nTekst.\n", encoding="utf-8")
    config = load_config()
    config["plugins"] = []
    config["nav"] = [{"Start": "index.md"}, {"Kwaad": "kwaad.md"}, {"Lijst": "lijst.md"}] + stubs
    (hub / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    site = hub / "site"
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=hub, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return site


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def meta_content(page: str, prop: str) -> str | None:
    match = re.search(rf'<meta (?:property|name)="{re.escape(prop)}" content="([^"]*)"', page)
    return html.unescape(match.group(1)) if match else None


@pytest.mark.slow
def test_hostile_meta_stays_text(theme_site):
    page = read(theme_site, "kwaad/index.html")
    for raw in ("<script>alert(", "<img src=x", '"><script>', "<b>vet</b>"):
        assert raw not in page, f"{raw!r} reached the HTML unescaped"
    title = re.search(r"<title>(.*?)</title>", page, flags=re.S).group(1)
    assert html.unescape(title).strip() == f"{HOSTILE_TITLE} - Kennishub Samen Opgroeien"
    heading = re.search(r"<h1>(.*?)</h1>", page, flags=re.S).group(1)
    assert html.unescape(heading).strip() == HOSTILE_TITLE
    assert meta_content(page, "og:title") == HOSTILE_TITLE
    assert meta_content(page, "og:description") == HOSTILE_SUMMARY
    assert meta_content(page, "description") == HOSTILE_SUMMARY


@pytest.mark.slow
def test_open_graph_and_feeds(theme_site):
    page = read(theme_site, "lijst/index.html")
    canonical = "https://example.github.io/kennishub/lijst/"
    assert f'<link rel="canonical" href="{canonical}">' in page
    assert meta_content(page, "og:url") == canonical
    assert meta_content(page, "og:title") == "Een checklist"
    assert meta_content(page, "og:type") == "article"
    assert meta_content(page, "og:locale") == "nl_NL"
    assert meta_content(page, "article:published_time") == "2024-02-01"
    feeds = re.findall(r'<link rel="alternate feed" type="application/atom\+xml" title="[^"]+" href="([^"]+)"', page)
    assert feeds == ["../feed.xml"]
    home = read(theme_site, "index.html")
    assert meta_content(home, "og:type") == "website"
    assert "<title>Kennishub Samen Opgroeien</title>" in home
    hostile = read(theme_site, "kwaad/index.html")
    assert len(re.findall(r'rel="alternate feed"', hostile)) == 2


@pytest.mark.slow
def test_every_page_has_a_dutch_skip_link_into_the_content(theme_site):
    for path in ("index.html", "kwaad/index.html", "lijst/index.html", "404.html"):
        page = read(theme_site, path)
        assert '<html lang="nl"' in page, path
        assert '<a href="#inhoud" class="md-skip">Ga direct naar de inhoud</a>' in page, path
        # The target sits right before Material's own content block, which stays whole.
        assert re.search(r'<main class="md-main"[^>]*>.*<span id="inhoud" class="kh-skip-target"></span>\s*'
                         r'<div class="md-content" data-md-component="content">\s*<article', page, re.S), path
        assert page.count('id="inhoud"') == 1, path


@pytest.mark.slow
def test_home_page_markers_and_call_to_action(theme_site):
    page = read(theme_site, "index.html")
    assert "<!-- kennishub:newest -->" in page and "<!-- kennishub:themes -->" in page
    assert re.search(r'<a class="md-button md-button--primary" href="bijdragen/">Deel je verhaal</a>', page)


@pytest.mark.slow
def test_404_is_dutch(theme_site):
    page = read(theme_site, "404.html")
    assert "<title>Pagina niet gevonden - Kennishub Samen Opgroeien</title>" in page
    assert "<h1>Pagina niet gevonden</h1>" in page
    assert 'href="/kennishub/themas/"' in page


@pytest.mark.slow
def test_no_third_party_hosts_in_pages(theme_site):
    config = load_config()
    allowed = {urlsplit(config["site_url"]).netloc, urlsplit(config["repo_url"]).netloc, "www.w3.org"}
    found = set()
    for path in theme_site.rglob("*.html"):
        found |= set(re.findall(r"https?://([^/\"'\s<>]+)", path.read_text(encoding="utf-8")))
    assert found - allowed == set()
    assert 'data-md-component="source"' not in read(theme_site, "index.html"), (
        "Material's source component asks the GitHub API for stars: a third-party request"
    )
