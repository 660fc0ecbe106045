"""The hub's name (`site_name` in mkdocs.yml) must be plain text.

Material prints `config.site_name` unescaped in several of its templates (the
navigation drawer's title and the logo link's aria-label in partials/nav.html, the
header, the fallback page title), some inside double-quoted attributes. Escaping it in
copies of those templates would have to be redone for every place a future Material
adds; refusing the three characters that can start markup or end an attribute holds
for every template, in every version. `&` and `'` stay allowed ("Jeugd & Gezin",
"Kennishub 't Gooi"): a raw `&` cannot start an element or end a double-quoted
attribute.
"""

from __future__ import annotations

import re
from pathlib import Path

from kennishub.problems import Problem

FORBIDDEN = ("<", ">", '"')
_KEY = re.compile(r"^site_name\s*:", re.M)


def site_name_problems(name: str | None, config_file: Path, root: Path) -> list[Problem]:
    """An error at the `site_name:` line of `config_file` if `name` holds <, > or "."""
    found = [c for c in FORBIDDEN if c in (name or "")]
    if not found:
        return []
    try:
        text = config_file.read_text(encoding="utf-8")
        match = _KEY.search(text)
        line = text.count("\n", 0, match.start()) + 1 if match else 1
    except OSError:
        line = 1
    try:
        path = config_file.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        path = config_file.name
    shown = " ".join(found)
    message = (
        f"de naam van de kennishub (site_name) bevat {shown}: die tekens mogen er niet in, want de naam "
        "komt onbewerkt in elke pagina terecht; schrijf hem als gewone tekst (& en ' mogen wel, "
        "aanhalingstekens kunnen als „…” of ‘…’)"
    )
    return [Problem(path, line, None, "error", "site-name-markup", message)]
