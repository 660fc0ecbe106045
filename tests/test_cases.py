"""Golden cases of the validator: every file in tests/cases/<target>/ is one case.

The case file is put into a temporary copy of the base hub (tests/fixtures/hub/):

    stories/<case>.md          -> stories/<case>.md
    lessons-learned/<case>.md  -> lessons-learned/<case>.md
    themas/<case>.md           -> docs/themas/<case>.md
    authors-file/<case>.yml    -> .authors.yml (replaces the registry)

Beside it, `<case>.expected` lists the problems of that file, one per line:

    LINE[:COL]: fout|waarschuwing: fragment of the Dutch message

A problem the case causes in another file of the hub (the other file that shares a
slug, an entry whose author the case removed) is written with that file's path first:

    docs/themas/armoede.md:1: fout: fragment

An empty `.expected` means the file must be valid. Blank lines and lines starting with
`#` are ignored. The problems of the whole hub must be exactly the expected ones (the
base hub itself has none). A new case is a new pair of files; no Python changes.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from kennishub.problems import SEVERITY_NL
from kennishub.validator import check

HERE = Path(__file__).parent
CASES = HERE / "cases"
BASE_HUB = HERE / "fixtures" / "hub"
TODAY = dt.date(2026, 6, 1)
TARGETS = {
    "stories": "stories/{name}",
    "lessons-learned": "lessons-learned/{name}",
    "themas": "docs/themas/{name}",
    "authors-file": ".authors.yml",
}
_EXPECTED = re.compile(r"^(?:([^\s:]+\.(?:md|yml)):)?(\d+)(?::(\d+))?: (fout|waarschuwing): (.+)$")


@dataclass(frozen=True)
class Expected:
    path: str | None  # None: the case's own file
    line: int
    column: int | None
    severity: str  # "fout" | "waarschuwing"
    fragment: str

    def matches(self, problem, case_path: str) -> bool:
        return (problem.path == (self.path or case_path)
                and problem.line == self.line
                and (self.column is None or problem.column == self.column)
                and SEVERITY_NL[problem.severity] == self.severity
                and self.fragment in problem.message)

    def __str__(self) -> str:
        col = f":{self.column}" if self.column is not None else ""
        where = f"{self.path}:" if self.path else ""
        return f"{where}{self.line}{col}: {self.severity}: {self.fragment}"


def read_expected(path: Path) -> list[Expected]:
    expected = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        m = _EXPECTED.match(line)
        assert m, f"{path.name}:{number}: expected 'LINE[:COL]: fout|waarschuwing: fragment', got {raw!r}"
        expected.append(Expected(m[1], int(m[2]), int(m[3]) if m[3] else None, m[4], m[5].strip()))
    return expected


def case_files() -> list:
    params = []
    for target in sorted(TARGETS):
        folder = CASES / target
        if not folder.is_dir():
            continue
        for case in sorted(folder.iterdir()):
            if case.suffix in (".md", ".yml"):
                params.append(pytest.param(target, case, id=f"{target}/{case.stem}"))
    return params


def test_every_case_has_expected_and_every_expected_a_case() -> None:
    cases = {p.with_suffix("") for p in CASES.rglob("*") if p.suffix in (".md", ".yml")}
    expected = {p.with_suffix("") for p in CASES.rglob("*.expected")}
    assert sorted(map(str, cases - expected)) == [], "case without .expected"
    assert sorted(map(str, expected - cases)) == [], ".expected without case"
    assert {p.parent.name for p in cases} <= set(TARGETS)
    assert len(cases) >= 60


def test_base_hub_is_clean(tmp_path: Path) -> None:
    root = tmp_path / "hub"
    shutil.copytree(BASE_HUB, root)
    result = check(root, today=TODAY).result
    assert result.problems == []
    assert result.files_checked >= 7


def place(target: str, case: Path, root: Path) -> str:
    rel = TARGETS[target].format(name=case.name)
    dest = root / rel
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(case.read_bytes())
    return rel


@pytest.mark.parametrize("target, case", case_files())
def test_case(target: str, case: Path, tmp_path: Path) -> None:
    root = tmp_path / "hub"
    shutil.copytree(BASE_HUB, root)
    rel = place(target, case, root)
    expected = read_expected(case.with_suffix(".expected"))
    problems = check(root, today=TODAY).result.problems
    assert all(p.code != "internal-error" for p in problems), problems

    unmatched = list(problems)
    missing = []
    for exp in expected:
        hit = next((p for p in unmatched if exp.matches(p, rel)), None)
        if hit is None:
            missing.append(exp)
        else:
            unmatched.remove(hit)
    shown = "\n".join(f"  {p.path}:{p.line}:{p.column}: {SEVERITY_NL[p.severity]}: {p.message} [{p.code}]"
                      for p in sorted(problems, key=lambda p: (p.path != rel, p.path, p.line, p.column or 0)))
    assert not missing and not unmatched, (
        f"{rel}\nexpected but not reported:\n" + "\n".join(f"  {e}" for e in missing)
        + f"\nreported:\n{shown or '  (nothing)'}")
