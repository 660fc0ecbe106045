"""`kennishub from-issue`: write the entry of a "Deel je verhaal" issue and answer in Dutch.

The issue body comes from a file (the workflow writes it there from the event payload),
never from the command line. The command writes `stories/<slug>.md` or
`lessons-learned/<slug>.md` (never over an existing file: a numeric suffix is added),
validates it with the hub's own checks, and writes a Dutch Markdown comment for the
issue. Exit status:

- 0: file written, no errors;
- 1: file written, the check found errors (a maintainer fixes them in the pull request);
- 2: usage error (arguments);
- 3: nothing written: the issue cannot be turned into an entry; the comment says why.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from kennishub.form_themes import load_themes, theme_names
from kennishub.issue_form import FORM_PATH, MAX_BODY, FormError, convert, load_form
from kennishub.model import COLLECTIONS
from kennishub.new_entry import dump_yaml, hub_root
from kennishub.report import text_line
from kennishub.text import slugify
from kennishub.validator import check

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_NOT_CONVERTED = 0, 1, 2, 3
LABEL = "verhaal-goedgekeurd"
MAX_SUFFIX = 99


def entry_text(meta: dict, body: str) -> str:
    """The file: the front matter (`dump_yaml`, safe whatever the values hold), then the body."""
    return f"---\n{dump_yaml(meta)}---\n\n{body}"


def free_path(root: Path, folder: str, title: str) -> str | None:
    """A path `folder/<slug>.md` whose slug no collection uses yet (suffix -2, -3, …)."""
    taken = {p.stem for name in COLLECTIONS for p in (root / name).glob("*.md")}
    base = slugify(title)
    if not base:
        return None
    for n in range(1, MAX_SUFFIX + 1):
        suffix = "" if n == 1 else f"-{n}"
        slug = slugify(title, max_len=80 - len(suffix)) + suffix
        if slug not in taken:
            return f"{folder}/{slug}.md"
    return None


def folder_of(entry_type: str) -> str:
    return next(name for name, (types, _, _) in COLLECTIONS.items() if entry_type in types)


def _fenced(text: str) -> str:
    """A code block that no backtick run in `text` can close early."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text}\n{fence}"


def comment_not_converted(problems: list[str]) -> str:
    items = "\n".join(f"- {p}" for p in problems)
    return (
        "### We konden van dit issue nog geen bijdrage maken\n\n"
        f"{items}\n\n"
        "Pas het issue aan (via de drie puntjes **···** rechtsboven je bericht, dan **Edit**) "
        f"en vraag een redacteur om het label `{LABEL}` opnieuw toe te voegen.\n"
    )


def comment_written(path: str, messages: list[str], errors: int) -> str:
    text = f"### Je bijdrage staat klaar\n\nVan dit issue is het bestand `{path}` gemaakt.\n\n"
    warnings = len(messages) - errors
    if errors:
        text += (
            f"De automatische controle vond **{errors} {'fout' if errors == 1 else 'fouten'}**. "
            "Een redacteur verbetert ze in de pull request, of vraagt je hier om aanvullingen.\n\n"
        )
    elif warnings:
        text += (
            f"De automatische controle vond geen fouten, wel {warnings} "
            f"{'waarschuwing' if warnings == 1 else 'waarschuwingen'} (die houden publicatie niet tegen). "
            "Een redacteur leest de bijdrage nog na.\n\n"
        )
    else:
        text += "De automatische controle vond geen fouten. Een redacteur leest de bijdrage nog na.\n\n"
    if messages:
        text += _fenced("\n".join(messages)) + "\n\n"
    return text + "De uitleg bij de meldingen staat op de pagina *Bijdragen* van de kennishub.\n"


def validate(root: Path, path: str) -> tuple[list[str], int]:
    """Messages for `path` as `kennishub check` words them, and the number of errors."""
    problems = check(root, [path]).result.sorted()
    return [text_line(p) for p in problems], sum(p.severity == "error" for p in problems)


def from_issue(root: Path, issue: str, number: int | None = None) -> tuple[int, str, str | None]:
    """Convert an issue body; return (exit status, Dutch comment, path written or None).

    With `number`, the body ends with an HTML comment naming the issue it came from.
    """
    try:
        labels = load_form(root)
    except FormError as exc:
        return EXIT_NOT_CONVERTED, comment_not_converted([f"Interne fout: {exc}. Meld dit aan een beheerder."]), None
    conversion = convert(issue, labels, theme_names(load_themes(root)))
    path = None
    if conversion.ok:
        path = free_path(root, folder_of(conversion.meta["type"]), conversion.meta["title"])
        if path is None:
            conversion.problems.append(
                "Uit de titel is geen bestandsnaam te maken: gebruik letters of cijfers in de titel."
            )
    if not conversion.ok:
        return EXIT_NOT_CONVERTED, comment_not_converted(conversion.problems), None
    if number:
        conversion.body += f"\n<!-- ingezonden via issue #{number} -->\n"
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "x", encoding="utf-8", newline="\n") as handle:  # "x": never overwrite
        handle.write(entry_text(conversion.meta, conversion.body))
    messages, errors = validate(root, path)
    return (EXIT_INVALID if errors else EXIT_OK), comment_written(path, messages, errors), path


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "from-issue",
        help="maak van een issue 'Deel je verhaal' een bestand in stories/ of lessons-learned/",
        description=(
            "Leest de tekst van een issue dat met het formulier 'Deel je verhaal' is gemaakt, "
            "schrijft de bijdrage als Markdown-bestand, controleert het en maakt een reactie "
            "voor het issue."
        ),
        epilog=(
            "Uitkomst: 0 = bestand gemaakt zonder fouten; 1 = bestand gemaakt, de controle vond fouten; "
            "2 = fout in de opdracht; 3 = geen bestand gemaakt, de reactie zegt waarom."
        ),
    )
    parser.add_argument("--body-file", required=True, help="bestand met de tekst van het issue")
    parser.add_argument("--number", type=int, help="nummer van het issue (komt als verborgen notitie in het bestand)")
    parser.add_argument("--root", help="map van de kennishub (standaard: de map met mkdocs.yml waarin je staat)")
    parser.add_argument("--comment-file", help="schrijf de reactie (Markdown) naar dit bestand in plaats van naar de uitvoer")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    root = hub_root(args.root)
    if root is None:
        return EXIT_USAGE
    try:
        with open(args.body_file, encoding="utf-8", errors="replace") as handle:
            issue = handle.read(MAX_BODY * 4 + 1)  # enough to say "too long" without reading a huge file
    except OSError as exc:
        print(f"kennishub: fout in de opdracht: kan '{args.body_file}' niet lezen ({exc.strerror})", file=sys.stderr)
        return EXIT_USAGE
    try:
        status, comment, path = from_issue(root, issue, args.number)
    except Exception as exc:  # noqa: BLE001 - the issue must get an answer, not a traceback
        status, path = EXIT_NOT_CONVERTED, None
        comment = comment_not_converted(
            [f"Interne fout ({exc.__class__.__name__}). Meld dit aan een beheerder van de kennishub."]
        )
    if args.comment_file:
        Path(args.comment_file).write_text(comment, encoding="utf-8")
        if path:
            print(path)
    else:
        print(comment)
    return status
