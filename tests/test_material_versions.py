"""Upgrade safety: the site builds with every Material 9.x minor we allow, and then every
page references only files that the site contains.

Each minor has a lock of its own (tests/material-locks/<minor>.txt, compiled from
<minor>.in with `make material-locks`) and its own virtual environment, made on first
use and kept in .venv/material/<minor>/ (inside .venv, so git-ignored, left out of the
hub copies tests make, and removed by `make clean`; remade when the lock changes).
kennishub is installed into it from the work tree (editable), so the build runs this
checkout's plugin with that minor's Material. Without a network the environment cannot
be made: the test skips, except in CI, where it fails.

pyproject.toml allows exactly the minors that have a lock, and a test asks the registry
whether a newer minor or patch came out (then: add a lock, or re-run make material-locks).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import warnings
import tomllib
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

import sitekit
from material_copies import drift

ROOT = sitekit.ROOT
LOCKS = Path(__file__).with_name("material-locks")
VENVS = ROOT / ".venv" / "material"  # inside .venv: git-ignored, left out of hub copies


def _key(minor: str) -> tuple[int, ...]:
    return tuple(int(x) for x in minor.split("."))


MINORS = sorted((p.stem for p in LOCKS.glob("[0-9]*.txt")), key=_key)
PINNED = re.compile(r"^mkdocs-material==(\S+)", re.M)


def locked_material(minor: str) -> str:
    return PINNED.search((LOCKS / f"{minor}.txt").read_text(encoding="utf-8")).group(1)


# ------------------------------------------------------------------ references

# (tag, attribute) pairs that make the browser fetch a file or that a reader follows.
FETCHED = {("link", "href"), ("script", "src"), ("img", "src"), ("img", "srcset"), ("source", "src"),
           ("source", "srcset"), ("video", "src"), ("video", "poster"), ("audio", "src"),
           ("iframe", "src"), ("a", "href")}
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
NOT_A_FILE = ("data:", "mailto:", "tel:", "#", "about:")


class _Refs(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.refs: list[str] = []
        self._config = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if (tag, name) in FETCHED:
                if name == "srcset":
                    self.refs += [part.split()[0] for part in value.split(",") if part.strip()]
                else:
                    self.refs.append(value)
            elif name == "style":
                self.refs += [m.group(2) for m in CSS_URL.finditer(value)]
        self._config = tag == "script" and ("id", "__config") in attrs

    def handle_data(self, data):
        if self._config:  # Material's configuration names its search worker
            worker = json.loads(data).get("search")
            if worker:
                self.refs.append(worker)
            self._config = False


def page_references(text: str) -> list[str]:
    parser = _Refs()
    parser.feed(text)
    return parser.refs


def missing_references(site: Path, site_url: str) -> list[str]:
    """'<page>: <reference>' for every reference of a page or stylesheet of the built
    site to a file of the site (same host, under the site's path) that is not there."""
    base = urlsplit(site_url)
    base_path = base.path if base.path.endswith("/") else base.path + "/"
    missing = []
    for path in sorted(site.rglob("*")):
        if path.suffix not in (".html", ".css"):
            continue
        rel = path.relative_to(site).as_posix()
        text = path.read_text(encoding="utf-8", errors="replace")
        refs = page_references(text) if path.suffix == ".html" else [m.group(2) for m in CSS_URL.finditer(text)]
        here = f"{base.scheme}://{base.netloc}{base_path}{rel}"
        for ref in refs:
            ref = ref.strip()
            if not ref or ref.startswith(NOT_A_FILE):
                continue
            target = urlsplit(urljoin(here, ref))
            if target.scheme not in ("http", "https") or target.netloc != base.netloc:
                continue  # another host: tests/test_theme.py and test_site_build.py allow none
            if not target.path.startswith(base_path):
                missing.append(f"{rel}: {ref} (outside the site)")
                continue
            file = site / unquote(target.path[len(base_path):])
            if target.path.endswith("/") or file.is_dir():
                file = file / "index.html"
            if not file.is_file():
                missing.append(f"{rel}: {ref}")
    return missing


def test_missing_references_are_found(tmp_path):
    """The check above sees a missing stylesheet, script, image, CSS url() and worker."""
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "assets").mkdir()
    (site / "assets" / "ok.css").write_text("a{background:url(../img/gone.png)} b{mask:url('data:x')}")
    (site / "index.html").write_text(
        '<link rel="stylesheet" href="assets/ok.css"><link rel="stylesheet" href="assets/main.1234abcd.min.css">'
        '<script src="/kennishub/assets/bundle.js"></script><img src="a/x.png" srcset="a/ok.png 1x, a/y.png 2x">'
        '<a href="a/">ok</a><a href="https://other.example/x">extern</a><a href="#top">anker</a>'
        '<script id="__config" type="application/json">{"search": "assets/worker.js"}</script>'
    )
    (site / "a" / "index.html").write_text('<a href="../">up</a><a href="../../elders/">out</a>')
    (site / "a" / "ok.png").write_bytes(b"")
    found = missing_references(site, "https://example.org/kennishub/")
    assert found == [
        "a/index.html: ../../elders/ (outside the site)",
        "assets/ok.css: ../img/gone.png",
        "index.html: assets/main.1234abcd.min.css",
        "index.html: /kennishub/assets/bundle.js",
        "index.html: a/x.png",
        "index.html: a/y.png",
        "index.html: assets/worker.js",
    ]


# ---------------------------------------------------------- the tested minors


def test_every_lock_pins_its_minor():
    assert MINORS, "no locks in tests/material-locks/"
    for minor in MINORS:
        source = (LOCKS / f"{minor}.in").read_text(encoding="utf-8")
        assert f"mkdocs-material=={minor}.*" in source, f"{minor}.in should ask for mkdocs-material=={minor}.*"
        assert locked_material(minor).startswith(minor + "."), f"{minor}.txt is stale: make material-locks"
        assert "--hash=sha256:" in (LOCKS / f"{minor}.txt").read_text(encoding="utf-8")


def test_pyproject_allows_exactly_the_tested_minors():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    deps = {re.split(r"[<>=!~\[ ]", d, maxsplit=1)[0].lower(): d.replace(" ", "") for d in project["dependencies"]}
    newest = _key(MINORS[-1])
    upper = f"{newest[0]}.{newest[1] + 1}"
    assert deps["mkdocs-material"] == f"mkdocs-material>={MINORS[0]},<{upper}", (
        f"pyproject.toml should allow the Material minors with a lock: mkdocs-material>={MINORS[0]},<{upper}"
    )
    assert deps["mkdocs"] == "mkdocs>=1.6,<2"
    requirements = (ROOT / "requirements.in").read_text(encoding="utf-8")
    used = re.search(r"^mkdocs-material==(\d+\.\d+)", requirements, re.M).group(1)
    assert used in MINORS, f"requirements.in uses Material {used}, which has no lock in tests/material-locks/"


@pytest.mark.slow
def test_every_served_minor_and_patch_is_tested():
    """The registry's Material 9.x minors from 9.7 on each have a lock; a newer patch than the
    locked one is a warning (it is in the allowed range and names no asset of ours)."""
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "index", "versions", "mkdocs-material", "--disable-pip-version-check"],
        capture_output=True, text=True, timeout=120,
    )
    listed = re.search(r"^Available versions: (.+)$", proc.stdout, re.M)
    if proc.returncode != 0 or not listed:
        sitekit.unavailable(f"the registry did not list mkdocs-material ({proc.stderr.strip()[-300:]})",
                            "a network connection to PyPI")
    newest: dict[str, tuple[int, ...]] = {}
    for version in listed.group(1).split(", "):
        if re.fullmatch(r"\d+\.\d+\.\d+", version.strip()):
            v = _key(version.strip())
            if v[0] == 9 and v[:2] >= (9, 7):
                minor = f"{v[0]}.{v[1]}"
                newest[minor] = max(newest.get(minor, v), v)
    untested = sorted(set(newest) - set(MINORS), key=_key)
    assert not untested, (
        f"Material {', '.join(untested)} is out: add tests/material-locks/<minor>.in, run make material-locks, "
        "then widen mkdocs-material in pyproject.toml once the tests pass"
    )
    stale = [f"{m}: lock {locked_material(m)}, newest {'.'.join(map(str, newest[m]))}"
             for m in MINORS if m in newest and _key(locked_material(m)) < newest[m]]
    if stale:  # a patch is in the allowed range already; no copy names its assets, so it only needs a run
        warnings.warn("newer Material patches are out; run make material-locks:\n" + "\n".join(stale), stacklevel=1)


# ------------------------------------------------------------------ the builds


def _run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def material_env(minor: str) -> Path:
    """The python of .venv/material/<minor>/, made from its lock if missing or stale."""
    lock = LOCKS / f"{minor}.txt"
    venv = VENVS / minor
    python = venv / "bin" / "python"
    stamp = venv / ".installed"
    want = f"{hashlib.sha256(lock.read_bytes()).hexdigest()} {sys.version.split()[0]} {ROOT}\n"
    VENVS.mkdir(exist_ok=True)
    with open(VENVS / f"{minor}.lock", "w") as guard:
        fcntl.flock(guard, fcntl.LOCK_EX)  # another test session may be making it too
        if stamp.is_file() and stamp.read_text() == want and python.exists():
            return python
        shutil.rmtree(venv, ignore_errors=True)
        steps = [
            ("python -m venv", [sys.executable, "-m", "venv", str(venv)]),
            (f"pip install -r {lock.name}", [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                                             "--no-compile", "--require-hashes", "-r", str(lock)]),
            ("pip install -e . (kennishub)", [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                                              "--no-deps", "--no-build-isolation", "-e", str(ROOT)]),
        ]
        for label, step in steps:
            proc = _run(step, timeout=600)
            if proc.returncode != 0:
                shutil.rmtree(venv, ignore_errors=True)
                sitekit.unavailable(
                    f"could not make the Material {minor} environment ({label}): "
                    f"{(proc.stderr or proc.stdout).strip()[-600:]}",
                    "one run of this test with a network connection to PyPI (the environment is then cached)",
                )
        stamp.write_text(want)
    return python


@pytest.fixture(scope="module", params=MINORS)
def material_build(request, tmp_path_factory):
    """(minor, python of its environment, the site built with it)."""
    minor = request.param
    python = material_env(minor)
    site = tmp_path_factory.mktemp(f"material-{minor}") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "true"}
    proc = _run([str(python), "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                cwd=ROOT, env=env, timeout=600)
    assert proc.returncode == 0, f"mkdocs build --strict with Material {minor} failed:\n{proc.stderr[-3000:]}"
    return minor, python, site


@pytest.mark.slow
def test_built_with_that_material(material_build):
    minor, python, _ = material_build
    proc = _run([str(python), "-c", "import importlib.metadata as m; print(m.version('mkdocs-material'))"])
    assert proc.stdout.strip() == locked_material(minor)


@pytest.mark.slow
def test_every_reference_is_in_the_site(material_build):
    minor, _, site = material_build
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20 and (site / "index.html").is_file()
    missing = missing_references(site, _site_url())
    assert not missing, f"with Material {minor}, pages reference files the site does not have:\n" + "\n".join(missing[:40])
    # Material's own stylesheet and script are linked on every page (not dropped by an override).
    for page in pages:
        refs = " ".join(page_references(page.read_text(encoding="utf-8")))
        assert re.search(r"assets/stylesheets/main\.[0-9a-f]{8}\.min\.css", refs), f"{minor}: {page.name} has no main CSS"
        assert re.search(r"assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js", refs), f"{minor}: {page.name} has no bundle"


@pytest.mark.slow
def test_copies_match_that_material(material_build):
    minor, python, _ = material_build
    proc = _run([str(python), "-c", "import material, os; print(os.path.dirname(material.__file__))"])
    problems = drift(Path(proc.stdout.strip()) / "templates")
    assert not problems, f"with Material {minor}:\n" + "\n".join(problems)


def _site_url() -> str:
    match = re.search(r"^site_url:\s*['\"]?([^\s'\"#]+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    return match.group(1)
