"""Search benchmark: Pagefind in the kennishub build against Material's own search.

    python scripts/bench_search.py [N ...] [--seed S] [--query Q] [--repeat R] [--keep DIR]

For each N (default 1000 and 5000) it writes one synthetic hub with
`scripts/corpus.py` and builds it three ways, side by side in one run:

  (a) kennishub with search: the hub with this repository's mkdocs.yml, overrides and
      assets (so the header search is the real one), the `kennishub` plugin and its
      Pagefind index, built inside `mkdocs build`;
  (b) bare Material with its own search: the same Markdown files in docs/, kept out of
      the navigation, Material's `search` plugin (the configuration of
      scripts/bench_build.py);
  (c) (a) without search (`kennishub: {search: false}`), to show what search adds.

Each build runs in its own `mkdocs build` process; with --repeat the fastest run
counts. It reports the build times and their ratios, the time (a) spends on search on
its own thread and at the end (Pagefind itself runs in parallel with the build; see
DEVELOPING.md, "Search"), the size of the
Pagefind bundle against Material's `search_index.json` (raw and gzipped), and the bytes
Chromium downloads for a first query in the header search of (a): everything the search
fetches once the reader presses "/" and types (script, WebAssembly, metadata, index and
filter chunks, fragments, vocabulary, interface), compressed as a static host sends it.

Bars (issue 5), at 5,000 entries: first query <= 250 KB and at least 30 x less than
Material's gzipped index; build (a) <= 1.5 x build (b).
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "tests"))

import sitekit  # noqa: E402
from bench_build import BARE  # noqa: E402
from corpus import make_corpus  # noqa: E402

CHROMIUM = os.environ.get("KENNISHUB_CHROMIUM") or "/usr/bin/chromium"  # as tests/browser
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
INDEX_LOG = re.compile(r"zoekindex: (\d+) bijdragen, ([\d.]+) s in de build \(waarvan ([\d.]+) s")
KB = 1000


def prepare(work: Path, n: int, seed: int) -> tuple[Path, Path]:
    """The synthetic hub dressed as this repository's site, and its bare twin; the hub
    also gets `mkdocs-nosearch.yml`, the same configuration with search off."""
    hub, bare = _prepare(work, n, seed)
    config = (hub / "mkdocs.yml").read_text(encoding="utf-8")
    if "  - kennishub\n" not in config:
        sys.exit("mkdocs.yml: expected the plugin listed as '  - kennishub'")
    nosearch = config.replace("  - kennishub\n", "  - kennishub:\n      search: false\n", 1)
    (hub / "mkdocs-nosearch.yml").write_text(nosearch, encoding="utf-8")
    return hub, bare


def _prepare(work: Path, n: int, seed: int) -> tuple[Path, Path]:
    hub = work / f"kennishub-{n}"
    make_corpus(hub, n, seed)
    shutil.copy(REPO / "mkdocs.yml", hub / "mkdocs.yml")
    shutil.copytree(REPO / "overrides", hub / "overrides")
    for item in (REPO / "docs").iterdir():  # site pages and assets; the corpus keeps its themes
        if item.name not in ("themas", "index.md"):
            (shutil.copytree if item.is_dir() else shutil.copy)(item, hub / "docs" / item.name)
    bare = work / f"bare-{n}"
    shutil.copytree(hub / "docs" / "themas", bare / "docs" / "themas")
    shutil.copy(hub / "docs" / "index.md", bare / "docs" / "index.md")
    shutil.copytree(hub / "stories", bare / "docs" / "verhalen")
    shutil.copytree(hub / "lessons-learned", bare / "docs" / "lessen")
    (bare / "mkdocs.yml").write_text(BARE, encoding="utf-8")
    return hub, bare


def build(root: Path, config: str = "mkdocs.yml") -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", config, "--site-dir", str(root / "site")],
        cwd=root, capture_output=True, text=True,
    )
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"build failed in {root}:\n{proc.stdout}\n{proc.stderr}")
    return elapsed, proc.stdout + proc.stderr


def folder_size(folder: Path) -> tuple[int, int, int]:
    """(files, bytes, gzipped bytes) of every file below `folder`."""
    files = [p for p in folder.rglob("*") if p.is_file()]
    raw = sum(p.stat().st_size for p in files)
    gz = sum(len(gzip.compress(p.read_bytes(), 6)) for p in files)
    return len(files), raw, gz


def served_size(site: Path, path: str) -> int:
    """Bytes a static host sends for `path`: gzip level 6 for text files, as sitekit does."""
    file = site / path.split("?", 1)[0]
    data = file.read_bytes()
    return len(gzip.compress(data, 6, mtime=0)) if file.suffix in sitekit.COMPRESSIBLE else len(data)


def first_query(site: Path, query: str) -> tuple[int, list[tuple[str, int]]]:
    """Bytes for a first query: every file Chromium fetches from pressing "/" on the home
    page until the results show, plus the search stylesheet every page links to."""
    from playwright.sync_api import sync_playwright

    paths: list[str] = ["assets/stylesheets/search.css"]
    with sitekit.serve(site, sitekit.site_base_path(site.parent)) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(service_workers="block")
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        recording = True

        def done(request):  # requests of the page and of Pagefind's web worker
            if recording and request.url.startswith(url):
                paths.append(request.url.removeprefix(url))

        context.on("requestfinished", done)
        page.keyboard.press("/")
        page.keyboard.type(query)
        page.wait_for_function("q => document.querySelector('[data-kh-search]').dataset.khShown === q",
                               arg=query, timeout=60000)
        page.wait_for_load_state("networkidle")
        recording = False
        results = page.eval_on_selector_all("#kh-search-results a", "els => els.length")
        browser.close()
    if not results:
        sys.exit(f"the query {query!r} found nothing: pick a word of the corpus")
    fetched = [(path, served_size(site, path)) for path in dict.fromkeys(paths)]
    return sum(size for _, size in fetched), fetched


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 5000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--query", default="gezinnen")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="write the hubs here and keep them")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="kennishub-bench-search-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    try:
        for n in args.sizes:
            hub, bare = prepare(work, n, args.seed)
            runs_a, runs_b, runs_c = [], [], []
            for _ in range(args.repeat):  # alternate, so load on the machine hits all alike
                runs_b.append(build(bare)[0])
                runs_c.append(build(hub, "mkdocs-nosearch.yml")[0])
                elapsed, log = build(hub)
                match = INDEX_LOG.search(log)
                if not match:
                    sys.exit(f"no Pagefind index in the kennishub build:\n{log}")
                runs_a.append((elapsed, int(match.group(1)), float(match.group(2)), float(match.group(3))))
            time_a, pages, index_s, end_s = min(runs_a)
            time_b, time_c = min(runs_b), min(runs_c)
            files, pf_raw, pf_gz = folder_size(hub / "site" / "pagefind")
            material = bare / "site" / "search" / "search_index.json"
            m_raw = material.stat().st_size
            m_gz = len(gzip.compress(material.read_bytes(), 6))
            first, fetched = first_query(hub / "site", args.query)
            rows.append((n, time_a, time_b, (pages, index_s, end_s, time_c), files, pf_raw, pf_gz, m_raw, m_gz, first))
            print(f"{n} entries: build {time_a:.1f} s (search {index_s:.1f} s), without search {time_c:.1f} s, "
                  f"bare {time_b:.1f} s; "
                  f"first query {first / KB:.0f} kB", file=sys.stderr, flush=True)
            for path, size in fetched:
                print(f"    {size / KB:7.1f} kB  {path}", file=sys.stderr)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)

    print(f"Query: {args.query!r}. Sizes in kB (1 kB = 1,000 bytes); gz = gzip level 6, as served.\n")
    print("| entries | (a) kennishub with Pagefind | search on the build's thread: all / at the end "
          "| (c) kennishub without search | (b) bare Material + its search | a / b | c / b | (a - c) / b |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for n, a, b, (pages, index_s, end_s, c), *_ in rows:
        print(f"| {n:,} | {a:.1f} s | {index_s:.1f} s / {end_s:.1f} s ({pages:,} entries) | {c:.1f} s | {b:.1f} s "
              f"| {a / b:.2f} | {c / b:.2f} | {(a - c) / b:.2f} |")
    print("\n| entries | Pagefind bundle (files, raw / gz) | Material search_index.json (raw / gz) "
          "| first query, all downloads | Material gz / first query |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    for n, _, _, _, files, pf_raw, pf_gz, m_raw, m_gz, first in rows:
        print(f"| {n:,} | {files:,} files, {pf_raw / KB:,.0f} / {pf_gz / KB:,.0f} kB "
              f"| {m_raw / KB:,.0f} / {m_gz / KB:,.0f} kB | {first / KB:,.0f} kB | {m_gz / first:.0f} x |")


if __name__ == "__main__":
    main()
