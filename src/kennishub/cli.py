"""The `kennishub` command. Each subcommand lives in its own module that exposes
`add_parser(subparsers)`; the parser it adds sets `func=run`, with `run(args) -> int`.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from kennishub.argparse_nl import DutchArgumentParser, dutch

# Modules that register a subcommand, in the order `kennishub --help` lists them.
COMMANDS = [
    "kennishub.check_command",
    "kennishub.new_entry",
    "kennishub.from_issue",
    "kennishub.form_themes",
]


def hub_root(given: str | None) -> Path | None:
    """The hub's root folder: `given` (the --root option), else the folder with mkdocs.yml
    that holds the current one. None, after a Dutch message on stderr, when there is no hub
    there; every command that takes --root then exits with status 2."""
    from kennishub.hub import find_root
    from kennishub.report import escape

    if given is None:
        root = find_root(Path.cwd())
        if root is None:
            print("kennishub: geen mkdocs.yml gevonden — draai de opdracht in de map van de hub of geef --root MAP",
                  file=sys.stderr)
        return root
    root = Path(given)
    if not root.is_dir():
        print(f"kennishub: fout in de opdracht: map '{escape(given)}' bestaat niet", file=sys.stderr)
        return None
    if not (root / "mkdocs.yml").is_file():
        print(f"kennishub: fout in de opdracht: in {escape(given)} staat geen mkdocs.yml — "
              "geef met --root de map van de kennishub op", file=sys.stderr)
        return None
    return root.resolve()


def build_parser() -> argparse.ArgumentParser:
    with dutch():  # the headings and the help option are worded when the parser is made
        parser = DutchArgumentParser(
            prog="kennishub",
            description="Hulpmiddelen voor een kennishub: bijdragen controleren, nieuwe bijdragen maken, issues omzetten.",
            epilog="Uitleg bij één opdracht: kennishub OPDRACHT --help",
        )
        subparsers = parser.add_subparsers(title="opdrachten", dest="command", metavar="OPDRACHT",
                                           parser_class=DutchArgumentParser)
        for name in COMMANDS:
            importlib.import_module(name).add_parser(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args))
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - never a traceback for editors
        print(f"kennishub: onverwachte fout ({type(exc).__name__}: {exc}) — meld dit aan de beheerder van de hub",
              file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
