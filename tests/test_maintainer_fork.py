"""The README's "Een eigen kennishub", followed in a copy of this hub.

A maintainer who forks the hub changes `site_name`, `site_url`, `repo_url` and
`repo_name` in mkdocs.yml, the colours in kennishub.css and the themes in docs/themas/,
then builds. The copy must build with `mkdocs build --strict`, and the new name,
addresses, colour and theme must reach the HTML.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import sitekit
from kennishub import cli
from kennishub.form_themes import FORM_PATH

pytestmark = pytest.mark.slow

SETTINGS = {
    "site_name": "Kennishub Drenthe Samen",
    "site_url": "https://voorbeeld-netwerk.github.io/kennishub-drenthe/",
    "repo_url": "https://github.com/voorbeeld-netwerk/kennishub-drenthe",
    "repo_name": "kennishub-drenthe",
}
PRIMARY = re.compile(r"--kh-primary: (#[0-9a-fA-F]{6});")
NEW_PRIMARY = "--kh-primary: #5a2d82;"
NEW_THEME = ("digitale-geletterdheid", "Digitale geletterdheid")
RENAMED_THEME = ("armoede", "Bestaanszekerheid")


def set_key(text: str, key: str, value: str) -> str:
    """Replace the top-level `key: …` line of mkdocs.yml, as a maintainer would."""
    new, count = re.subn(rf"^{key}:.*$", f"{key}: {value}", text, count=1, flags=re.M)
    assert count == 1, f"mkdocs.yml has no top-level '{key}:' line"
    return new


@pytest.fixture(scope="module")
def fork(tmp_path_factory) -> tuple[Path, Path, str]:
    root = sitekit.copy_hub(tmp_path_factory.mktemp("fork") / "hub")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    for key, value in SETTINGS.items():
        config = set_key(config, key, value)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")

    css = root / "docs/assets/stylesheets/kennishub.css"
    text = css.read_text(encoding="utf-8")
    old = PRIMARY.search(text)
    assert old, "kennishub.css has no '--kh-primary: #rrggbb;' (the README points maintainers there)"
    css.write_text(text.replace(old.group(0), NEW_PRIMARY, 1), encoding="utf-8")

    slug, title = NEW_THEME
    (root / "docs/themas" / f"{slug}.md").write_text(
        f"---\ntitle: {title}\ndescription: Hoe gezinnen en professionals samen wegwijs worden in digitale hulp en informatie.\n---\n\n"
        "Onder dit thema verzamelen we ervaringen met digitale vaardigheden in het gezin.\n",
        encoding="utf-8",
    )
    theme_file = root / "docs/themas" / f"{RENAMED_THEME[0]}.md"
    theme_file.write_text(re.sub(r"^title: .*$", f"title: {RENAMED_THEME[1]}", theme_file.read_text(encoding="utf-8"),
                                 count=1, flags=re.M), encoding="utf-8")
    # the README's step: bring the issue form's themes in line
    assert cli.main(["issue-form", "--root", str(root)]) == 0

    site = root / "site"
    sitekit.build_site(site, root=root)
    return root, site, old.group(0)  # the colour that was replaced


def test_new_name_and_addresses_reach_every_page(fork):
    _, site, _ = fork
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f"<title>{SETTINGS['site_name']}" in home
    assert f'<link rel="canonical" href="{SETTINGS["site_url"]}">' in home
    assert f'href="{SETTINGS["repo_url"]}"' in home
    assert "example.github.io" not in home and "github.com/example/" not in home


def test_edit_links_point_at_the_forks_sources(fork):
    root, site, _ = fork
    story = sorted((root / "stories").glob("*.md"))[0]
    page = (site / "verhalen" / story.stem / "index.html").read_text(encoding="utf-8")
    assert f'href="{SETTINGS["repo_url"]}/edit/main/stories/{story.name}"' in page
    guide = (site / "bijdragen" / "index.html").read_text(encoding="utf-8")
    assert f'href="{SETTINGS["repo_url"]}/edit/main/docs/bijdragen.md"' in guide


def test_new_colour_is_in_the_built_stylesheet(fork):
    _, site, old = fork
    css = (site / "assets/stylesheets/kennishub.css").read_text(encoding="utf-8")
    assert old != NEW_PRIMARY
    assert PRIMARY.search(css).group(0) == NEW_PRIMARY  # the light palette, first in the file


def test_themes_follow_docs_themas(fork):
    root, site, _ = fork
    slug, title = NEW_THEME
    assert title in (site / "themas" / slug / "index.html").read_text(encoding="utf-8")
    assert RENAMED_THEME[1] in (site / "themas" / RENAMED_THEME[0] / "index.html").read_text(encoding="utf-8")
    form = (root / FORM_PATH).read_text(encoding="utf-8")
    assert f'- "{title}"' in form and f'- "{RENAMED_THEME[1]}"' in form
