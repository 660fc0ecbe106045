"""Benchmark: `kennishub check` against merely reading the files and parsing their
front matter with PyYAML's CSafeLoader.

    .venv/bin/python scripts/bench_check.py [--sizes 1000 10000] [--repeat 3]

Generates the deterministic synthetic corpus (scripts/corpus.py) in bench-out/, then
times both in this process, best of --repeat runs, and prints the ratio. The issue's
bar: check time <= 1.5 x the baseline at 10,000 entries.
"""

from __future__ import annotations

import argparse
import gc
import shutil
import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import make_corpus  # noqa: E402

from kennishub.hub import entry_files, theme_files  # noqa: E402
from kennishub.validator import check  # noqa: E402


def baseline(root: Path) -> int:
    """Read every entry and theme and parse its front matter with CSafeLoader."""
    files = [rel for _, rel in entry_files(root)] + theme_files(root)
    for rel in files:
        text = (root / rel).read_bytes().decode("utf-8")
        _, fm, _ = text.split("---\n", 2)
        yaml.load(fm, Loader=yaml.CSafeLoader)
    return len(files)


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=Path("bench-out"))
    args = parser.parse_args()
    print(f"{'entries':>8} {'baseline s':>11} {'check s':>9} {'ratio':>6} {'problems':>9}")
    for n in args.sizes:
        root = args.out / f"corpus-{n}"
        if root.exists():
            shutil.rmtree(root)  # always the current generator's corpus
        make_corpus(root, n)
        baseline(root)  # warm the file cache for both
        problems: list = []
        bases, fulls = [], []
        for _ in range(args.repeat):  # interleaved, so load from elsewhere hits both alike
            bases.append(best(lambda: baseline(root), 1))
            # as `kennishub check` calls it: one process per core, no bodies kept
            fulls.append(best(lambda: problems.append(len(check(root, keep_content=False).result.problems)), 1))
        base, full = min(bases), min(fulls)
        print(f"{n:>8} {base:>11.3f} {full:>9.3f} {full / base:>6.2f} {problems[-1]:>9}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
