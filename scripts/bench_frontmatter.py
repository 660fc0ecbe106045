"""Benchmark: reading a front matter that libyaml rejects (issue 11, item 1).

    .venv/bin/python scripts/bench_frontmatter.py [--size 65536] [--repeat 3]

Each shape in `SHAPES` fills a front matter of `--size` bytes (the limit is 64 KiB) with
mistakes, so that the block-by-block recovery and the line diagnosis (kennishub.yaml_recover,
kennishub.yaml_lines) must look at every line: many broken keys, one huge broken block, a
quote opened on every line. Shown: the fastest of `--repeat` runs at half and at full size;
linear time doubles, quadratic time quadruples. Bar: well under 1 s at 64 KiB. Not a test:
tests/test_frontmatter.py checks what is reported.
"""

from __future__ import annotations

import argparse
import time
from typing import Callable

from kennishub.frontmatter import read


def _fill(unit: str, head: str = "") -> Callable[[int], str]:
    return lambda size: head + unit * max(1, (size - len(head)) // len(unit))


SHAPES: dict[str, Callable[[int], str]] = {
    "valid keys, one broken": _fill("k: waarde\n", "title:Samen\n"),
    "every key without space": _fill("title:Samen\ntype: verhaal\n"),
    "every value with a colon": _fill("title: Vraag: wat\n"),
    "one list, items without dash": _fill("  armoede\n", "themes:\n  - a\n"),
    "one list, quotes never closed": _fill("  - 's-Hertogenbosch\n", "places:\n"),
    "one group, tabs": _fill("\turl: https://x.nl\n", "source:\n"),
    "key typed again and again": _fill("type: verhaal\ntype:verhaal\n"),
}


def best(text: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fm = read("---\n" + text + "---\nTekst.\n")
        times.append(time.perf_counter() - start)
        assert fm.problems, "the shape must be rejected"
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=64 * 1024 - 64)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'shape':36} {'half':>9} {'full':>9}  ratio")
    for name, make in SHAPES.items():
        half, full = best(make(args.size // 2), args.repeat), best(make(args.size), args.repeat)
        print(f"{name:36} {half * 1000:7.1f}ms {full * 1000:7.1f}ms  {full / half:4.1f}")


if __name__ == "__main__":
    main()
