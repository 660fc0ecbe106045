"""Benchmark: the body rules and the whole check on hostile bodies (issue 14, part 2).

    .venv/bin/python scripts/bench_hostile.py [--size 1048576] [--timeout 30] [--only NAME ...]

Each input in `INPUTS` is a body built to make a backtracking regular expression (or a
scanner that rescans) take time quadratic in its length. For each, at `--size` bytes:

- `check_body` with the rules of a story and no size limit (the rules themselves);
- the whole `kennishub.validator.check` of a one-entry hub holding that body (the size
  limit applies: a body over it is reported and not checked further);
- the whole check with the body cut to just under the limit, without rendering
  (`html_rules=False`) and with it (everything runs): the difference is what rendering
  the body as the site does (kennishub.render, kennishub.html_check) costs.

The plain entry of about 380 words is the reference. Each measurement runs in a child
process killed after `--timeout` seconds (shown as "> N s"), forked from a process that has run one check already (so
imports and compiled patterns are not timed). Bar: each under 1 s.
The test suite runs the same inputs at a small size for correctness only
(tests/test_limits.py); nothing here is a timed test.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import _paragraph  # noqa: E402


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda size: (unit * (size // len(unit) + 1))[:size]


def _plain(size: int) -> str:
    rng = random.Random(1)
    parts: list[str] = []
    n = 0
    while n < size:
        part = f"## {_paragraph(rng, 1)[:40]}\n\n{_paragraph(rng, 5)}\n\n"
        parts.append(part)
        n += len(part)
    return "".join(parts)[:size]


# name -> body of (about) the given size in characters (all ASCII, so also bytes)
INPUTS: dict[str, Callable[[int], str]] = {
    "plain text": _plain,
    "'<a ' * n": _repeat("<a "),
    "'<img ' * n": _repeat("<img "),
    "'<' * n": _repeat("<"),
    "'<a href=' * n": _repeat("<a href="),
    "'```\\n' * n": _repeat("```\n"),
    "'~~~x\\n' * n": _repeat("~~~x\n"),
    "'```x```\\n' * n": _repeat("```x```\n"),
    "'<!--' * n": _repeat("<!--"),
    "'<!-- a\\n' * n": _repeat("<!-- a\n"),
    "'[' * n": _repeat("["),
    "'](' * n": _repeat("]("),
    "'![' * n": _repeat("!["),
    "'[a](' * n": _repeat("[a]("),
    "'![a](' * n": _repeat("![a]("),
    "'[a](b \"' * n": _repeat('[a](b "'),
    "'](<' * n": _repeat("](<"),
    "'#' * n (one line)": _repeat("#"),
    "'# ' * n (one line)": _repeat("# "),
    "'=' * n (one line)": _repeat("="),
    "'a\\n=' * n": _repeat("a\n="),
    "'x\\n' + '=' * n": lambda size: "x\n" + "=" * (size - 2),
    "'x' * n + '\\n='": lambda size: "x" * (size - 2) + "\n=",
    "'a-' * n": _repeat("a-"),
    "'a\\'' * n": _repeat("a'"),
    "'a’' * n": _repeat("a\u2019"),
    "'a-' * n + '-'": lambda size: "a-" * (size // 2 - 1) + "--",
    "'- [ ] ' * n": _repeat("- [ ] "),
    "'- [ ] x\\n' * n": _repeat("- [ ] x\n"),
    "'\\n' * n": _repeat("\n"),
    "' ' * n": _repeat(" "),
    "'\\t' * n + 'x'": lambda size: "\t" * (size - 1) + "x",
    "'`' * n": _repeat("`"),
    "'*' * n": _repeat("*"),
    "'_' * n": _repeat("_"),
    "'> ' * n": _repeat("> "),
    "'{: ' * n": _repeat("{: "),
    "'&#' * n": _repeat("&#"),
    "'06 ' * n": _repeat("06 "),
    "'a@' * n": _repeat("a@"),
    "'a.' * n": _repeat("a."),
    "'1 ' * n": _repeat("1 "),
    "'Straat ' * n": _repeat("Straat "),
}

FRONT = ("---\ntitle: Een verhaal om te meten\ntype: verhaal\ndate: 2024-03-15\n"
         "summary: \"Een verhaal met een lastige tekst, om de controle te meten.\"\n"
         "themes: [samen-leren]\n---\n\n")
THEME = ("---\ntitle: Samen leren\ndescription: \"Hoe professionals in een netwerk van elkaars "
         "ervaringen leren.\"\n---\n\nOver samen leren.\n")


def make_hub(root: Path, body: str) -> None:
    (root / "docs" / "themas").mkdir(parents=True)
    (root / "stories").mkdir()
    (root / "mkdocs.yml").write_text("site_name: Meting\nplugins:\n  - kennishub\n", encoding="utf-8")
    (root / "docs" / "themas" / "samen-leren.md").write_text(THEME, encoding="utf-8")
    (root / "stories" / "meting.md").write_text(FRONT + body, encoding="utf-8")


def _time_body(body: str, out) -> None:
    from kennishub.body import check_body

    start = time.perf_counter()
    report = check_body(body, {"minWords": 80}, max_bytes=None)
    out.put((time.perf_counter() - start, len(report.issues)))


def _time_check(body: str, out, html_rules: bool = True) -> None:
    from kennishub.validator import check

    with tempfile.TemporaryDirectory() as tmp:
        make_hub(Path(tmp), body)
        start = time.perf_counter()
        result = check(tmp, workers=1, html_rules=html_rules).result
        out.put((time.perf_counter() - start, len(result.problems)))


def _time_rules(body: str, out) -> None:
    """The whole check without rendering the body (`html_rules=False`)."""
    _time_check(body, out, html_rules=False)


def warm_up() -> None:
    """Import and compile everything once in this process: each measurement runs in a
    forked child, which then times the check, not the first imports."""
    from kennishub.body import check_body
    from kennishub.validator import check

    check_body(_plain(3000), {"minWords": 80})
    with tempfile.TemporaryDirectory() as tmp:
        make_hub(Path(tmp), _plain(3000))
        check(tmp, workers=1)


def measure(target, body: str, timeout: float) -> tuple[float | None, int]:
    """(seconds, problems) in a child process; (None, 0) when it ran past `timeout`."""
    out = mp.Queue()
    proc = mp.Process(target=target, args=(body, out))
    proc.start()
    proc.join(timeout)
    if proc.is_alive():
        proc.kill()
        proc.join()
        return None, 0
    return out.get() if not out.empty() else (None, -1)


def shown(seconds: float | None, timeout: float) -> str:
    return f"> {timeout:.0f} s" if seconds is None else f"{seconds:.3f} s"


def main() -> int:
    from kennishub.body import MAX_BYTES

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1 << 20)
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--only", nargs="*", help="names (or parts of names) of inputs to run")
    args = parser.parse_args()
    mp.set_start_method("fork")
    warm_up()
    under = MAX_BYTES - 1024
    mb, kb = f"{args.size / (1 << 20):.1f} MB", f"{under / 1024:.0f} kB"
    print(f"| input | check_body at {mb} | whole check at {mb} (problems) | whole check at {kb} without "
          f"rendering | whole check at {kb} (problems) |")
    print("| --- | ---: | ---: | ---: | ---: |")
    reference = _plain(1 << 20)
    entry = reference[: reference.find(" ", 2600)]  # about 380 words, like the sample entries
    rows = [(f"reference: an entry of {len(entry.split())} words ({len(entry) / 1000:.1f} kB)", entry, entry)]
    for name, make in INPUTS.items():
        if args.only and not any(part in name for part in args.only):
            continue
        rows.append((name, make(args.size), make(under)))
    columns = ["check_body at the size", "whole check at the size", "whole check under the limit, no rendering",
               "whole check under the limit, rendered"]
    slowest = [0.0] * len(columns)
    for name, body, small in rows:
        t_body, _ = measure(_time_body, body, args.timeout)
        t_check, n = measure(_time_check, body, args.timeout)
        t_rules, _ = measure(_time_rules, small, args.timeout)
        t_under, m = measure(_time_check, small, args.timeout)
        for i, t in enumerate((t_body, t_check, t_rules, t_under)):
            slowest[i] = max(slowest[i], args.timeout if t is None else t)
        print(f"| {name} | {shown(t_body, args.timeout)} | {shown(t_check, args.timeout)} ({n}) "
              f"| {shown(t_rules, args.timeout)} | {shown(t_under, args.timeout)} ({m}) |", flush=True)
    print()
    for column, t in zip(columns, slowest):
        print(f"- slowest {column}: {t:.3f} s — bar (1 s) {'met' if t < 1 else 'NOT met'}")
    return 0 if max(slowest) < 1 else 1


if __name__ == "__main__":
    sys.exit(main())
