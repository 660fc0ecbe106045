"""The themes of the "Deel je verhaal" form, kept in step with `docs/themas/`.

`kennishub issue-form` rewrites the options of the form's themes dropdown (the lines
between the `# begin: generated` and `# end: generated` comments) from the theme files;
with `--check` it only reports whether they differ (exit 1). Nothing else in the form
is touched, so maintainers may edit its texts freely.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from kennishub import frontmatter
from kennishub.hub import theme_files
from kennishub.issue_form import FORM_PATH
from kennishub.model import THEMES_DIR
from kennishub.new_entry import hub_root

_BLOCK = re.compile(
    r"^(?P<indent>[ \t]*)# begin: generated[^\n]*\n(?P<options>.*?)^(?P=indent)# end: generated[^\n]*$",
    re.M | re.S,
)


@dataclass(frozen=True)
class ThemeName:
    slug: str
    title: str
    aliases: tuple[str, ...] = ()


def load_themes(root: Path) -> list[ThemeName]:
    """The themes of `docs/themas/` (not its `index.md`), sorted by slug.

    A theme file whose front matter cannot be read still counts, with its slug as title:
    `kennishub check` reports the file itself.
    """
    themes = []
    for rel in theme_files(root):
        path = root / rel
        data = frontmatter.read(path.read_text(encoding="utf-8-sig", errors="replace")).data or {}
        title = data.get("title") if isinstance(data.get("title"), str) else ""
        aliases = data.get("aliases") if isinstance(data.get("aliases"), list) else []
        # one line, whatever the file holds: a dropdown option is a single line
        themes.append(ThemeName(path.stem, " ".join(title.split()) or path.stem, tuple(str(a) for a in aliases)))
    return themes


def option_labels(themes: list[ThemeName]) -> dict[str, str]:
    """Dropdown label -> slug: the title, or 'title (slug)' when two themes share a title."""
    counts: dict[str, int] = {}
    for theme in themes:
        counts[theme.title.casefold()] = counts.get(theme.title.casefold(), 0) + 1
    return {
        (theme.title if counts[theme.title.casefold()] == 1 else f"{theme.title} ({theme.slug})"): theme.slug
        for theme in sorted(themes, key=lambda t: (t.title.casefold(), t.slug))
    }


def theme_names(themes: list[ThemeName]) -> dict[str, str]:
    """Every name that stands for a theme (dropdown label, slug, alias) -> slug."""
    names = {alias: t.slug for t in themes for alias in t.aliases}
    names.update({t.slug: t.slug for t in themes})
    names.update(option_labels(themes))
    return names


def render_options(themes: list[ThemeName], indent: str) -> str:
    # JSON strings are valid YAML double-quoted scalars, so any title stays one safe line.
    return "".join(f"{indent}- {json.dumps(label, ensure_ascii=False)}\n" for label in option_labels(themes))


def synced(form_text: str, themes: list[ThemeName]) -> str | None:
    """The form with its generated options replaced; None when it has no generated block."""
    match = _BLOCK.search(form_text)
    if match is None:
        return None
    start, end = match.span("options")
    return form_text[:start] + render_options(themes, match.group("indent")) + form_text[end:]


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "issue-form",
        help="zet de thema's in het formulier 'Deel je verhaal' gelijk met docs/themas/",
        description=(
            f"Werkt de keuzelijst met thema's in {FORM_PATH} bij vanuit {THEMES_DIR}/. "
            "Uitkomst: 0 = gelijk (of bijgewerkt), 1 = met --check: verschilt, 2 = formulier niet bruikbaar."
        ),
    )
    parser.add_argument("--root", metavar="MAP", help="map van de kennishub (standaard: de map met mkdocs.yml waarin je staat)")
    parser.add_argument("--check", action="store_true", help="alleen controleren, niets schrijven")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    root = hub_root(args.root)
    if root is None:
        return 2
    form = root / FORM_PATH
    try:
        text = form.read_text(encoding="utf-8")
    except OSError:
        print(f"kennishub: fout: het formulier {FORM_PATH} ontbreekt", file=sys.stderr)
        return 2
    new = synced(text, load_themes(root))
    if new is None:
        print(
            f"kennishub: fout: in {FORM_PATH} staan geen regels '# begin: generated' en '# end: generated' "
            "rond de thema's",
            file=sys.stderr,
        )
        return 2
    if new == text:
        print(f"De thema's in {FORM_PATH} zijn gelijk aan {THEMES_DIR}/.")
        return 0
    if args.check:
        print(
            f"kennishub: fout: de thema's in {FORM_PATH} verschillen van {THEMES_DIR}/ — "
            "voer 'kennishub issue-form' uit en neem het bijgewerkte formulier op in je wijziging",
            file=sys.stderr,
        )
        return 1
    form.write_text(new, encoding="utf-8")
    print(f"De thema's in {FORM_PATH} zijn bijgewerkt.")
    return 0
