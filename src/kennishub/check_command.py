"""`kennishub check [PATH ...] [--root DIR] [--format text|github|json] [--strict]`."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from kennishub.report import FORMATS, escape, render


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "check", help="controleer bijdragen, thema's en auteurs tegen het inhoudsmodel",
        description="Controleert de hele hub (of alleen de genoemde bestanden en mappen) en meldt elk probleem "
                    "met bestand en regel. Afsluitcode 0: geen fouten; 1: fouten; 2: verkeerde opdracht.")
    parser.add_argument("paths", nargs="*", metavar="PAD", help="bestanden of mappen (standaard: de hele hub)")
    parser.add_argument("--root", metavar="MAP", help="de map van de hub (met mkdocs.yml); standaard de huidige map")
    parser.add_argument("--format", choices=FORMATS, default=None,
                        help="uitvoer: text (standaard), github (annotaties; vanzelf in GitHub Actions) of json")
    parser.add_argument("--strict", action="store_true", help="waarschuwingen tellen als fouten")
    parser.set_defaults(func=run)


def run(args) -> int:
    from kennishub.cli import hub_root
    from kennishub.validator import check

    root = hub_root(args.root)
    if root is None:
        return 2
    paths = None
    if args.paths:
        paths = []
        for given in args.paths:
            full = (Path.cwd() / given).resolve()
            if not full.exists() and args.root:
                full = (root / given).resolve()
            if not full.exists():
                print(f"kennishub: fout in de opdracht: '{escape(given)}' bestaat niet in de hub ({root.name})",
                      file=sys.stderr)
                return 2
            try:
                paths.append(full.relative_to(root).as_posix())
            except ValueError:
                print(f"kennishub: fout in de opdracht: '{escape(given)}' ligt buiten de hub ({root.name})",
                      file=sys.stderr)
                return 2
    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    result = check(root, paths, keep_content=False).result
    print(render(result, fmt, strict=args.strict))
    return 1 if result.failed(args.strict) else 0
