"""`kennishub from-issue`: write the entry of a "Deel je verhaal" issue and answer in Dutch.

The issue body comes from a file (the workflow writes it there from the event payload),
never from the command line. The command writes `stories/<slug>.md` or
`lessons-learned/<slug>.md` (never over an existing file: a numeric suffix is added),
validates it with the hub's own checks, and writes a Dutch Markdown comment for the
issue (`issue_reply.py`). When the check finds personal data (a `privacy-*` error) the
file is removed again before the command returns, on every path out (exceptions too):
the workflow pushes only after status 0 or 1. Exit status:

- 0: file written, no errors;
- 1: file written, the check found errors (a maintainer fixes them in the pull request);
- 2: usage error (arguments, no hub at --root);
- 3: nothing written: the issue cannot be turned into an entry; the comment says why;
- 4: nothing written: the entry would hold personal data; the comment names the form
  fields and the kinds of data, never the data.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from kennishub import issue_reply, privacy
from kennishub.form_themes import load_themes, theme_names
from kennishub.issue_fields import FormFields
from kennishub.issue_form import MAX_BODY, FormError, convert, load_form, parse_sections
from kennishub.model import COLLECTIONS
from kennishub.new_entry import dump_yaml
from kennishub.text import slugify
from kennishub.validator import check

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_NOT_CONVERTED, EXIT_PRIVATE = 0, 1, 2, 3, 4
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


def _fields_with_data(issue: str, labels: dict[str, str]) -> list[str]:
    """'Label: een telefoonnummer' for each field of the issue holding personal data (errors only)."""
    values, _ = parse_sections(issue, labels)
    by_key = {key: label for label, key in labels.items()}
    found = []
    for key, value in values.items():
        for finding in privacy.find_personal_data(value):
            if getattr(finding, "severity", "error") != "error":
                continue  # a detail the editor weighs (a child's age), not data to remove
            item = f"{by_key.get(key, key)}: {issue_reply.kind_phrase(finding.code)}"
            if item not in found:
                found.append(item)
    return found


FALLBACK_TITLE = "bijdrage uit issue"  # a file name for checking an entry whose title is missing


@dataclass
class Outcome:
    """What `from_issue` returns: exit status, the Dutch comment, the file kept (or None), and
    the pull request's description (when a file is kept)."""

    status: int
    comment: str
    path: str | None = None
    pr_body: str | None = None

    def __iter__(self):  # (status, comment, path), as before
        return iter((self.status, self.comment, self.path))


def _check_written(root: Path, path: str, text: str, keep_if) -> tuple[list, bool]:
    """Write `text` to `path` (never over a file), check it, and remove it again unless
    `keep_if(problems)`; on every way out (exceptions too) nothing is left that is not kept."""
    target = root / path
    made_folder = not target.parent.exists()
    target.parent.mkdir(parents=True, exist_ok=True)
    written = keep = False
    try:
        with open(target, "x", encoding="utf-8", newline="\n") as handle:  # "x": never overwrite
            written = True
            handle.write(text)
        problems = check(root, [path]).result.sorted()
        keep = bool(keep_if(problems))
        return problems, keep
    finally:
        if written and not keep:
            target.unlink(missing_ok=True)
        if made_folder and not keep:
            with contextlib.suppress(OSError):
                target.parent.rmdir()


def _not_converted(root: Path, issue: str, labels: dict[str, str], conversion) -> Outcome:
    """Exit 3, listing what blocks the entry and everything else the check would say of
    the part that could be read (checked in a file that is removed again at once)."""
    fields = FormFields(labels)
    values, _ = parse_sections(issue, labels)
    blocking = issue_reply.conversion_lines(conversion.problems, values, fields)
    private = _fields_with_data(issue, labels)
    later: list = []
    meta = dict(conversion.meta)
    if meta and conversion.body.strip():
        folder = folder_of(meta.get("type", "verhaal"))
        path = free_path(root, folder, meta.get("title") or FALLBACK_TITLE) or free_path(root, folder, FALLBACK_TITLE)
        if path:
            text = entry_text(meta, conversion.body)
            problems, _ = _check_written(root, path, text, keep_if=lambda _: False)
            private += issue_reply.private_fields([p for p in problems if issue_reply.is_private(p)], text, fields.label)
            blocked = {line.field for line in blocking}
            later = [line for line in issue_reply.messages(
                         [p for p in problems if not issue_reply.is_private(p)], text, fields)
                     if not (line.field in blocked and _FOLLOWS_FROM_BLOCKED.search(line.text))]
    return Outcome(EXIT_NOT_CONVERTED, issue_reply.not_converted(blocking, private, later))


# a message that only repeats a blocking problem of its field (the value is missing from the file)
_FOLLOWS_FROM_BLOCKED = re.compile(r"ontbreekt|is leeg|te weinig items|moet een datum|geen geldige datum")


def from_issue(root: Path, issue: str, number: int | None = None) -> Outcome:
    """Convert an issue body; return the exit status, the Dutch comment and the path written.

    With `number`, the body ends with an HTML comment naming the issue it came from.
    """
    try:
        labels = load_form(root)
    except FormError as exc:
        return Outcome(EXIT_NOT_CONVERTED, issue_reply.not_converted([f"Interne fout: {exc}. Meld dit aan een beheerder."]))
    conversion = convert(issue, labels, theme_names(load_themes(root)))
    path = None
    if conversion.ok:
        path = free_path(root, folder_of(conversion.meta["type"]), conversion.meta["title"])
        if path is None:
            conversion.problems.append(
                "Uit de titel is geen bestandsnaam te maken: gebruik letters of cijfers in de titel."
            )
    if not conversion.ok:
        return _not_converted(root, issue, labels, conversion)
    if number:
        conversion.body += f"\n<!-- ingezonden via issue #{number} -->\n"
    text = entry_text(conversion.meta, conversion.body)
    fields = FormFields(labels)
    problems, kept = _check_written(root, path, text,
                                    keep_if=lambda found: not any(issue_reply.is_private(p) for p in found))
    if not kept:
        private = [p for p in problems if issue_reply.is_private(p)]
        return Outcome(EXIT_PRIVATE, issue_reply.not_written_private(issue_reply.private_fields(private, text, fields.label)))
    lines = issue_reply.messages(problems, text, fields)
    errors = any(line.severity == "error" for line in lines)
    return Outcome(EXIT_INVALID if errors else EXIT_OK, issue_reply.written(path, lines), path,
                   issue_reply.pr_body(path, lines, number))


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
            "2 = fout in de opdracht; 3 = geen bestand gemaakt, de reactie zegt waarom; "
            "4 = geen bestand gemaakt: er staan persoonsgegevens in (de reactie noemt het veld, niet de gegevens)."
        ),
    )
    parser.add_argument("--body-file", metavar="BESTAND", required=True, help="bestand met de tekst van het issue")
    parser.add_argument("--number", metavar="NUMMER", type=int,
                        help="nummer van het issue (komt als verborgen notitie in het bestand)")
    parser.add_argument("--root", metavar="MAP", help="map van de kennishub (standaard: de map met mkdocs.yml waarin je staat)")
    parser.add_argument("--comment-file", metavar="BESTAND",
                        help="schrijf de reactie (Markdown) naar dit bestand in plaats van naar de uitvoer")
    parser.add_argument("--pr-body-file", metavar="BESTAND",
                        help="schrijf de tekst voor de pull request (met de overgebleven meldingen) naar dit bestand")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kennishub.cli import hub_root

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
        outcome = from_issue(root, issue, args.number)
    except Exception as exc:  # noqa: BLE001 - the issue must get an answer, not a traceback
        outcome = Outcome(EXIT_NOT_CONVERTED, issue_reply.not_converted(
            [f"Interne fout ({exc.__class__.__name__}). Meld dit aan een beheerder van de kennishub."]))
    status, comment, path = outcome
    if args.pr_body_file and outcome.pr_body:
        Path(args.pr_body_file).write_text(outcome.pr_body, encoding="utf-8")
    if args.comment_file:
        Path(args.comment_file).write_text(comment, encoding="utf-8")
        if path:
            print(path)
    else:
        print(comment)
    return status
