"""Benchmark: the privacy guard on near misses of every pattern (issue 14, part 6).

    .venv/bin/python scripts/bench_privacy.py [--size 1048576] [--repeat 3] [--timeout 30] [--only NAME ...]

Each input in `INPUTS` repeats (or stretches) text that almost matches one pattern, so
that a regular expression that backtracks, or a look-around that rescans, would take
time quadratic in the length. Each is run through `privacy.find_personal_data` (every
detector) and `privacy.find_in_name` at `--size` characters, in a child process killed
after `--timeout` seconds (shown as "> N s"); the fastest of `--repeat` runs is shown. Bar: each well under 1 s at 1 MB (a body
may be 256 KB). Ordinary Dutch prose of the same size is the reference. Not a test:
tests/test_privacy.py checks what the patterns find.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import sys
import time
from typing import Callable


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda size: (unit * (size // len(unit) + 1))[:size]


def _stretch(head: str, fill: str, tail: str = "") -> Callable[[int], str]:
    return lambda size: head + fill * max(0, (size - len(head) - len(tail)) // len(fill)) + tail


PROSE = ("Op een basisschool in het oosten van de stad zagen leerkrachten dat sommige kinderen zonder ontbijt "
         "in de klas zaten. Het wijkteam kende de gezinnen wel, maar hoorde het vaak pas laat. In 2019 spraken "
         "school en wijkteam af om elke maand samen aan tafel te gaan, van 9.00 tot 10.30 uur in groep 6.\n")

INPUTS: dict[str, Callable[[int], str]] = {
    "prose (reference)": _repeat(PROSE),
    # phone numbers with a separator between every pair
    "phone pairs, one digit short": _repeat("06-12-34-56-7 "),
    "phone dots, one digit short": _repeat("06.12.34.56.7 "),
    "phone pairs, never ending": _repeat("06-"),
    "date-like groups": _repeat("06-12-34-"),
    "number glued to text, no spaces": _repeat("a:0612345678;"),
    # WhatsApp links
    "wa.me, too short": _repeat("wa.me/316123 "),
    "wa.me, endless digits": _stretch("https://wa.me/", "3"),
    "wa.me prefix only": _repeat("https://wa.me/"),
    # e-mail, plain and obfuscated
    "at signs": _repeat("@"),
    "local@ without domain": _repeat("a@"),
    "dotted local, no at": _stretch("", "a.", "@"),
    "[at] without domain": _repeat("naam [at] "),
    "(at) with endless labels": _stretch("naam(at)", "b."),
    "at-word, no top-level domain": _repeat("naam at gemeente dot "),
    "at-word, endless dot-words": _stretch("x at ", "y dot "),
    "brackets without at": _repeat("([{"),
    # addresses with a lower-case postcode
    "lower-case postcode, no street": _repeat("1234ab "),
    "lower-case postcode with space": _repeat("Kerkstraat 12, 1234 ab "),
    "street, number, postcode cut": _repeat("Kerkstraat 12, 1234a "),
    # IBAN in lower case
    "iban, one character short": _repeat("nl91abna041716430 "),
    "iban groups, bad checksum": _repeat("nl91 abna 0417 1643 01 "),
    "iban, endless letters": _stretch("nl12", "a"),
    # children's details
    "name and open bracket": _repeat("Ryan ("),
    "name, bracket, age, no close": _repeat("Ryan (8 "),
    "one long capitalised word": _stretch("A", "a"),
    "hyphenated capitalised words": _repeat("Aaa-"),
    "name van age, no clause end": _repeat("Ryan van 8 x "),
    "name, age, 'jaa'": _repeat("Fleur, 12 jaa "),
    "relation words": _repeat("dochter "),
    "name uit groep 9": _repeat("Emma uit groep 9 "),
    "geboren, date cut": _repeat("geboren op 12-03-"),
    "geboren, endless spaces": _stretch("geboren", " "),
}


def _best(call: Callable[[], object], repeat: int) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = call()
        best = min(best, time.perf_counter() - t0)
    return best, result


def _work(name: str, size: int, repeat: int, queue) -> None:
    from kennishub import privacy

    text = INPUTS[name](size)
    text_s, found = _best(lambda: privacy.find_personal_data(text), repeat)
    name_s, _ = _best(lambda: privacy.find_in_name(text), repeat)
    queue.put((text_s, name_s, len(found)))


def _measure(name: str, size: int, repeat: int, timeout: float) -> tuple[str, str, str]:
    queue: mp.Queue = mp.Queue()
    proc = mp.Process(target=_work, args=(name, size, repeat, queue))
    proc.start()
    proc.join(timeout)
    if proc.is_alive():
        proc.kill()
        proc.join()
        return f"> {timeout:.0f} s", "", ""
    text_s, name_s, count = queue.get()
    return f"{text_s:.3f} s", f"{name_s:.3f} s", str(count)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=1 << 20)
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each input; the fastest is shown")
    parser.add_argument("--only", nargs="*", default=None)
    args = parser.parse_args(argv)
    names = [n for n in INPUTS if not args.only or n in args.only]
    print(f"size {args.size:,} characters, best of {args.repeat}; find_personal_data | find_in_name | findings")
    width = max(map(len, names))
    for name in names:
        text_s, name_s, count = _measure(name, args.size, args.repeat, args.timeout)
        print(f"{name:<{width}}  {text_s:>9}  {name_s:>9}  {count:>7}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
