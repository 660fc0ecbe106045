"""Build-time benchmark: the full kennishub build against a bare Material build.

    python scripts/bench_build.py [N ...] [--seed S] [--repeat R] [--keep DIR]

For each N (default 1000 and 5000) it writes one synthetic hub with
`scripts/corpus.py` and builds it two ways, side by side in one run:

  (a) kennishub: the hub as it is, with the `kennishub` plugin (validation, entry
      pages with metadata and related entries, every generated index, feeds);
  (b) bare Material: the same Markdown files copied into docs/ (stories into
      docs/verhalen/, checklists into docs/lessen/), kept out of the navigation with
      `not_in_nav`, no plugin but Material's search.

Both use the same theme settings, Markdown extensions and Material's search plugin
(Material's default); (a) has the hub's own navigation (the indexes), (b) the
automatic one without the entries. Pagefind is off in (a): `scripts/bench_search.py`
measures search. Each build runs in its own `mkdocs build` process; with --repeat the
fastest run counts. Prints wall-clock and CPU time (user + system of the build
process; on a shared machine the CPU time is the steadier figure), the ratio (a)/(b)
per size and the growth of (a) from the smallest to the largest size.
Bars (issue 3): (a) <= 1.2 x (b) at every size; 5,000 entries <= 5.5 x 1,000.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import make_corpus  # noqa: E402

COMMON = """\
site_name: Synthetische kennishub
site_url: https://example.org/hub/
use_directory_urls: true
theme:
  name: material
  language: nl
  font: false
markdown_extensions:
  - toc:
      permalink: true
  - admonition
  - attr_list
  - md_in_html
  - tables
  - def_list
  - footnotes
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.tasklist:
      custom_checkbox: true
      clickable_checkbox: true
"""

# The hub's own navigation: the indexes, never the entries (as in the repository's mkdocs.yml).
KENNISHUB = COMMON + """\
plugins:
  - search:
      lang: nl
  - kennishub:
      search: false
nav:
  - Start: index.md
  - Verhalen: verhalen/index.md
  - Geleerde lessen: lessen/index.md
  - Thema's: themas/index.md
  - Regio's: regio/index.md
  - Organisaties: organisaties/index.md
  - Netwerken: netwerken/index.md
  - In cijfers: in-cijfers/index.md
not_in_nav: |
  /themas/
"""

BARE = COMMON + """\
plugins:
  - search:
      lang: nl
not_in_nav: |
  /verhalen/
  /lessen/
"""


def prepare(work: Path, n: int, seed: int) -> tuple[Path, Path]:
    """Write the corpus once, then the two hubs to build."""
    hub = work / f"kennishub-{n}"
    make_corpus(hub, n, seed)
    (hub / "mkdocs.yml").write_text(KENNISHUB, encoding="utf-8")
    bare = work / f"bare-{n}"
    shutil.copytree(hub / "docs", bare / "docs")
    shutil.copytree(hub / "stories", bare / "docs" / "verhalen")
    shutil.copytree(hub / "lessons-learned", bare / "docs" / "lessen")
    (bare / "mkdocs.yml").write_text(BARE, encoding="utf-8")
    return hub, bare


def build(root: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one `mkdocs build` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(root / "site")],
        cwd=root, capture_output=True, text=True,
    )
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"build failed in {root}:\n{proc.stdout}\n{proc.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 5000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="write the hubs here and keep them")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="kennishub-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    try:
        for n in args.sizes:
            hub, bare = prepare(work, n, args.seed)
            times_a, times_b = [], []
            for _ in range(args.repeat):  # alternate, so load on the machine hits both alike
                times_b.append(build(bare))
                times_a.append(build(hub))
            a, a_cpu = min(t for t, _ in times_a), min(c for _, c in times_a)
            b, b_cpu = min(t for t, _ in times_b), min(c for _, c in times_b)
            rows.append((n, a, b, a_cpu, b_cpu))
            print(f"{n} entries: kennishub {a:.1f} s ({a_cpu:.1f} s CPU), bare Material {b:.1f} s ({b_cpu:.1f} s CPU)",
                  file=sys.stderr, flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)

    print("| entries | kennishub (a) | bare Material (b) | a / b | CPU (a) | CPU (b) | CPU a / b |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for n, a, b, a_cpu, b_cpu in rows:
        print(f"| {n:,} | {a:.1f} s | {b:.1f} s | {a / b:.2f} | {a_cpu:.1f} s | {b_cpu:.1f} s | {a_cpu / b_cpu:.2f} |")
    if len(rows) > 1:
        (n0, a0, _, c0, _), (n1, a1, _, c1, _) = rows[0], rows[-1]
        print(f"\nkennishub build at {n1:,} / at {n0:,} entries: {a1 / a0:.2f} (CPU {c1 / c0:.2f})")


if __name__ == "__main__":
    main()
