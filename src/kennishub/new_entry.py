"""`kennishub new verhaal|interview|terugblik|checklist "Titel"`: start a new entry.

Writes `<collection>/<slug>.md` with the slug made from the title, today's date (in
Europe/Amsterdam) and a front-matter skeleton with a Dutch comment above every field.
The skeleton is deliberately incomplete (no summary, no themes, no text yet), so that
`kennishub check` tells the editor what is still missing. It never overwrites a file
and refuses a slug another collection already uses. Exit status: 0 written, 1 refused
(the file or slug exists, or the title gives no slug), 2 usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

import yaml

from kennishub.hub import find_root, theme_files
from kennishub.model import COLLECTIONS
from kennishub.text import slugify
from kennishub.validator import today_amsterdam

KINDS = {t: folder for folder, (types, _, _) in COLLECTIONS.items() for t in types}

# The guidance is one HTML comment: it may hold no "<!--" or "-->" of its own (the first
# "-->" would end it and show the rest on the page; comments.py reports that).
_HIDDEN = "Deze aanwijzing is op de site onzichtbaar; je mag haar weghalen, van de eerste tot en met de laatste regel."
_BODY = {
    "verhaal": (
        "<!-- Schrijf hier het verhaal, minstens 80 woorden. Tussenkopjes maak je met '## Kopje',\n"
        "bijvoorbeeld: Wat speelde er? Wat hebben we samen gedaan? Wat leverde het op?\n"
        f"{_HIDDEN} -->\n"
    ),
    "interview": (
        "<!-- Schrijf hier het interview, minstens 80 woorden. Een vraag kan een tussenkopje zijn:\n"
        "'## Wat maakt samenwerken voor jou waardevol?'. Citaten zet je tussen aanhalingstekens of\n"
        f"op een regel die begint met '> '.\n{_HIDDEN} -->\n"
    ),
    "terugblik": (
        "<!-- Schrijf hier de terugblik op de bijeenkomst, minstens 80 woorden: wie waren er,\n"
        f"wat werd er besproken, wat nemen de deelnemers mee?\n{_HIDDEN} -->\n"
    ),
    "checklist": (
        "<!-- Schrijf de geleerde lessen als vragen die je jezelf kunt stellen: minstens drie,\n"
        "elk op een eigen regel die begint met '- [ ] ', bijvoorbeeld: '- [ ] Weten we welke\n"
        f"professionals het gezin al kennen?'.\n{_HIDDEN} -->\n"
    ),
}


class _Dumper(yaml.SafeDumper):
    """`yaml.SafeDumper` without anchors and aliases: the content model forbids them, and
    a date used twice (an event on the entry's own date) would otherwise get one."""

    def ignore_aliases(self, data) -> bool:
        return True


def dump_yaml(data: dict) -> str:
    """Front-matter YAML for `data`: every value quoted as YAML needs, one line per scalar."""
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000,
                     default_flow_style=False)


def _field(key: str, value, comment: str) -> str:
    """One commented front-matter field; the value is emitted by `yaml.safe_dump`.

    `None` becomes an empty value (`summary:`), so that the editor types plain text after
    the colon instead of inside quotes.
    """
    dumped = re.sub(r": null$", ":", dump_yaml({key: value}), flags=re.M)
    lines = "".join(f"# {line}\n" for line in comment.split("\n"))
    return lines + dumped


def _optional(comment: str, example: str) -> str:
    """An optional field, commented out: the editor removes the '# ' to use it."""
    return "".join(f"# {line}\n" for line in comment.split("\n")) + "".join(
        f"# {line}\n" for line in example.split("\n")
    )


def theme_slugs(root: Path) -> list[str]:
    return [Path(path).stem for path in theme_files(root)]


def hub_root(given: str | None) -> Path | None:
    """The hub's root: `given`, or the folder with mkdocs.yml around the current one.
    None (after a Dutch message) when there is no hub there."""
    root = Path(given) if given else find_root(Path.cwd())
    if root is None or not (root / "mkdocs.yml").is_file():
        where = f"in '{given}'" if given else "hier of in een map erboven"
        print(f"kennishub: fout in de opdracht: geen kennishub gevonden {where} (mkdocs.yml ontbreekt); "
              "ga naar de map van de kennishub of geef --root MAP", file=sys.stderr)
        return None
    return root


def skeleton(kind: str, title: str, date: dt.date, themes: list[str]) -> str:
    """The text of a new entry of type `kind`."""
    choices = ", ".join(themes) if themes else "de bestandsnamen in docs/themas/"
    parts = [
        _field("title", title, "Titel: 5 tot 120 tekens. Staat boven de pagina en op de kaartjes."),
        _field("type", kind, "Soort: verhaal, interview of terugblik (map stories/) of checklist (map lessons-learned/)."),
        _field("date", date, "Datum als JJJJ-MM-DD: wanneer het speelde of verscheen. Niet in de toekomst."),
        _field("summary", None, "Samenvatting: een of twee zinnen, 30 tot 300 tekens, zonder opmaak.\n"
               "Staat op de kaartjes, in de zoekresultaten en in de beschrijving voor zoekmachines."),
        _field("themes", [], f"Thema's: 1 tot 5, als lijst van namen zonder .md, bijvoorbeeld [armoede, preventie].\n"
               f"Kies uit: {choices}."),
    ]
    if kind == "interview":
        parts.append(_field(
            "interviewees", [{"name": None, "role": None, "organisation": None}],
            "Wie is geïnterviewd: naam (verplicht), rol en organisatie (vul in, of haal die regel weg).\n"
            "Alleen volwassenen die toestemming gaven; nooit kinderen.",
        ))
    if kind == "terugblik":
        parts.append(_field(
            "event", {"date": date, "place": None, "name": None},
            "De bijeenkomst: datum (verplicht), plaats (verplicht) en naam (vul in, of haal die regel weg).",
        ))
    parts += [
        "# Velden hieronder zijn niet verplicht. Gebruik je er een, haal dan '# ' aan het begin van de regel weg.\n",
        _optional("Gemeenten (officiële namen; de provincie vult de site zelf in):",
                  "municipalities: [Rotterdam, Steenwijkerland]"),
        _optional("Wijken, dorpen of buurten:", "places: [Crooswijk]"),
        _optional("Organisaties die meewerkten:", "organisations: [Gemeente Rotterdam, Stichting Jeugdwerk Noord]"),
        _optional("Lerend netwerk of programma:", "network: Samen voor Ryan"),
        _optional("Schrijvers: sleutels uit .authors.yml:", "authors: [jouw-sleutel]"),
    ]
    if kind == "checklist":
        parts.append(_optional("Verhalen waar deze lessen uit komen (hun bestandsnamen zonder .md):",
                               "derived_from: [samen-in-crooswijk]"))
    parts.append(_optional("Nog niet klaar? Dan komt het niet op de site:", "draft: true"))
    return "---\n" + "".join(parts) + "---\n\n" + _BODY[kind]


def create(root: Path, kind: str, title: str, date: dt.date | None = None) -> tuple[Path | None, str]:
    """Write the new entry; return (path relative to root, Dutch message) or (None, Dutch error)."""
    folder = KINDS[kind]
    slug = slugify(title)
    if not slug:
        return None, f"uit de titel '{title}' is geen bestandsnaam te maken: gebruik letters of cijfers"
    relative = Path(folder) / f"{slug}.md"
    for other in COLLECTIONS:
        existing = root / other / f"{slug}.md"
        if existing.exists():
            return None, (
                f"{other}/{slug}.md bestaat al; een nieuw bestand zou het overschrijven of dezelfde "
                "naam krijgen. Kies een andere titel, of open dat bestand."
            )
    (root / folder).mkdir(parents=True, exist_ok=True)
    try:
        with open(root / relative, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(skeleton(kind, title, date or today_amsterdam(), theme_slugs(root)))
    except FileExistsError:  # created between the check above and now
        return None, f"{relative.as_posix()} bestaat al. Kies een andere titel."
    return relative, (
        f"Nieuw bestand: {relative.as_posix()}\n"
        "Vul de velden en de tekst in en controleer daarna met:\n"
        f"  kennishub check {relative.as_posix()}"
    )


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "new",
        help="begin een nieuw verhaal, interview, terugblik of checklist",
        description="Maakt een nieuw bestand met alle velden en uitleg erbij. Overschrijft nooit een bestaand bestand.",
        epilog="Uitkomst: 0 = bestand gemaakt; 1 = niet gemaakt (bestaat al, of de titel geeft geen naam); 2 = fout in de opdracht.",
    )
    parser.add_argument("kind", choices=list(KINDS), metavar="soort", help="verhaal, interview, terugblik of checklist")
    parser.add_argument("title", metavar="titel", help='de titel, tussen aanhalingstekens: "Samen aan tafel"')
    parser.add_argument("--root", metavar="MAP", help="map van de kennishub (standaard: de map met mkdocs.yml waarin je staat)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    root = hub_root(args.root)
    if root is None:
        return 2
    path, message = create(root, args.kind, " ".join(args.title.split()))
    if path is None:
        print(f"kennishub: fout: {message}", file=sys.stderr)
        return 1
    print(message)
    return 0
