"""Lighthouse (mobile preset) on the home page, a story and a theme page; page weight.

Builds the sample site with `mkdocs build --strict`, serves it on 127.0.0.1 the way a
static host does (gzip, site_url's path; see tests/sitekit.py), runs Lighthouse with
Debian's Chromium (CHROME_PATH=/usr/bin/chromium) and prints the scores and the bytes
each page transfers. Bars (issue 6): accessibility 1.0, best practices >= 0.95,
SEO >= 0.95, performance >= 0.95, and a story page at most 150 KB in all.

    .venv/bin/python scripts/bench_lighthouse.py            # print the table
    .venv/bin/python scripts/bench_lighthouse.py --record   # also write it into DEVELOPING.md

Exit status 1 when a bar is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "browser")]

import sitekit  # noqa: E402
from browsing import LIGHTHOUSE_BARS, PAGE_KINDS, lighthouse, resolve_kind  # noqa: E402

PAGES = ("home", "verhaal", "thema")  # page kinds from tests/browser/page_kinds.yaml
WEIGHT_LIMIT = 150 * 1024
START, END = "<!-- bench_lighthouse:start -->", "<!-- bench_lighthouse:end -->"
COMMAND = ".venv/bin/python scripts/bench_lighthouse.py --record"


def measure(site: Path, out: Path) -> list[dict]:
    rows = []
    with sitekit.serve(site, sitekit.site_base_path()) as url:
        for name in PAGES:
            kind = resolve_kind(next(k for k in PAGE_KINDS if k["kind"] == name), site)
            if "missing" in kind:
                raise SystemExit(f"cannot measure {name}: {kind['missing']}")
            result = lighthouse(url + kind["url_path"], out / f"lighthouse-{name}.json")
            rows.append({"kind": name, "path": "/" + kind["url_path"], **result})
            print(f"{name:8} {'/' + kind['url_path']}: {result['scores']}, {result['bytes'] / 1024:.1f} KB",
                  file=sys.stderr)
    return rows


def misses(rows: list[dict]) -> list[str]:
    found = []
    for row in rows:
        for cat, bar in LIGHTHOUSE_BARS.items():
            score = row["scores"].get(cat)
            if score is None or score < bar:
                found.append(f"{row['kind']}: {cat} {score} < {bar}")
        if row["kind"] == "verhaal" and row["bytes"] > WEIGHT_LIMIT:
            found.append(f"story page transfers {row['bytes'] / 1024:.1f} KB > 150 KB")
    return found


def table(rows: list[dict]) -> str:
    cats = list(LIGHTHOUSE_BARS)
    lines = [
        "| page | " + " | ".join(cats) + " | transferred (gzip) |",
        "| --- | " + " | ".join("---" for _ in cats) + " | --- |",
    ]
    for row in rows:
        scores = " | ".join(f"{row['scores'][c]:.2f}" for c in cats)
        lines.append(f"| {row['kind']} `{row['path']}` | {scores} | {row['bytes'] / 1024:.1f} KB |")
    return "\n".join(lines)


def record(rows: list[dict], problems: list[str]) -> None:
    """Write the table between the markers in DEVELOPING.md ("Benchmarks" section)."""
    notes = "\n".join(f"- {p}" for p in problems) or "- every bar met"
    below = sorted({f for row in rows for f in row["failed"] if not f.startswith("performance")})
    block = (
        f"{START}\n### Lighthouse and page weight\n\n"
        f"Measured {dt.date.today().isoformat()} with `{COMMAND}` (Lighthouse mobile preset, "
        "Debian's Chromium, site served gzipped on 127.0.0.1). Bars: accessibility 1.0, best "
        "practices and SEO >= 0.95, performance >= 0.95 (recorded, not asserted in tests), a "
        "story page <= 150 KB transferred in all (HTML, CSS, JavaScript, fonts, images).\n\n"
        f"{table(rows)}\n\n{notes}\n"
        + ("".join(f"- audit below full marks: {f}\n" for f in below))
        + f"{END}"
    )
    path = ROOT / "DEVELOPING.md"
    text = path.read_text(encoding="utf-8")
    if START in text and END in text:
        text = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _: block, text, flags=re.S)
    elif "## Benchmarks" in text:
        head, tail = text.split("## Benchmarks", 1)
        nxt = tail.find("\n## ")
        cut = len(tail) if nxt < 0 else nxt
        text = head + "## Benchmarks" + tail[:cut].rstrip("\n") + "\n\n" + block + "\n" + tail[cut:]
    else:
        text = text.rstrip("\n") + "\n\n## Benchmarks\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--record", action="store_true", help="write the results into DEVELOPING.md")
    parser.add_argument("--site", type=Path, help="use this built site instead of building one")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            sitekit.build_site(site)
        out = ROOT / "test-artifacts"
        out.mkdir(exist_ok=True)
        rows = measure(site, out)
    problems = misses(rows)
    print(table(rows))
    for p in problems:
        print("below the bar:", p)
    if args.record:
        record(rows, problems)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
