"""Linear-time body rules and size limits (issue 14, part 2).

- Every hostile input of scripts/bench_hostile.py goes through `check_body` at 64 KB:
  no crash and a sane report (the timing is the benchmark's business, not a test's).
- The fence scanner pairs fences exactly as the old regular expression did, and
  `line_col` gives the same answers for long texts as the plain count.
- A body over the content model's limit gets one Dutch error at the line where it
  passes the limit and nothing else; a file over the file limit is not read at all.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kennishub import body as body_module
from kennishub.body import MAX_BYTES, MAX_PER_CODE, blank_code, check_body, line_col
from kennishub.frontmatter import MAX_FILE
from kennishub.schema import model
from kennishub.validator import check

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from bench_hostile import INPUTS  # noqa: E402

BASE_HUB = Path(__file__).parent / "fixtures" / "hub"
TODAY = dt.date(2026, 6, 1)
SIZE = 64 * 1024
HEAD = ("---\ntitle: Een heel lang verhaal\ntype: verhaal\ndate: 2024-03-15\n"
        "summary: \"Een verhaal dat langer is dan de kennishub toestaat, om de grens te testen.\"\n"
        "themes: [samen-leren]\n---\n\n")
_OLD_FENCE = re.compile(r"^(```|~~~)[^\n]*\n.*?^\1[ \t]*$", re.M | re.S)


def hub(tmp_path: Path) -> Path:
    root = tmp_path / "hub"
    shutil.copytree(BASE_HUB, root)
    return root


# ---- hostile inputs -------------------------------------------------------------------


@pytest.mark.parametrize("name", list(INPUTS))
def test_hostile_body_gives_a_sane_report(name: str) -> None:
    text = INPUTS[name](SIZE)
    assert len(text) >= SIZE - 8
    report = check_body(text, model()["body"]["verhaal"])
    assert not report.too_large  # 64 KB is within the limit: every rule ran
    assert 0 <= report.words <= len(text)
    assert all(-1 <= i.offset <= len(text) for i in report.issues)
    assert all(0 <= off < len(text) and text[off:off + len(t)] == t for off, t in report.links)
    for code in {i.code for i in report.issues}:
        assert sum(i.code == code for i in report.issues) <= MAX_PER_CODE + 1  # + the "nog N keer" line
    assert all(i.message and "\n" not in i.message for i in report.issues)


def test_many_problems_of_one_kind_are_summed_up() -> None:
    report = check_body("".join(f"![](media/{i}.png)\n\n" for i in range(25)), {})
    no_alt = [i for i in report.issues if i.code == "image-no-alt"]
    assert len(no_alt) == MAX_PER_CODE + 1
    assert "nog 15 keer" in no_alt[-1].message
    assert len(report.links) == 25  # every link is still resolved


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["```", "~~~", "```py", "~~~x", "``` ", "````", "~~~~ ", "tekst", "", " ```",
                                 "```x```", "# kop", "<!-- a", "-->"]), max_size=25))
def test_fences_are_paired_as_before(lines: list[str]) -> None:
    text = "\n".join(lines)
    old = _OLD_FENCE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    if "<!--" in old:
        old = body_module._COMMENT.sub(body_module._blank, old)
    assert blank_code(text) == old


def test_line_col_of_a_long_text() -> None:
    text = ("regel\n" * 3000) + "x" * 5000 + "\n\nslot"
    for offset in (0, 5, 6, 17999, 18000, 18001, 23000, 23001, 23002, len(text) - 1):
        line = text.count("\n", 0, offset)
        assert line_col(text, offset) == (line, offset - (text.rfind("\n", 0, offset) + 1) + 1)


# ---- the body limit -------------------------------------------------------------------


def test_limit_is_declared_in_the_content_model() -> None:
    assert MAX_BYTES == model()["bodyLimits"]["maxBytes"] == 262144


def test_body_at_the_limit_is_checked() -> None:
    text = ("woord " * (MAX_BYTES // 6) + "\n")[:MAX_BYTES]
    report = check_body(text, {"minWords": 80})
    assert not report.too_large and report.words >= 80 and report.issues == []


def test_body_over_the_limit_multibyte() -> None:
    text = "één " * (MAX_BYTES // 6) + "\n# Kop\n"  # 6 bytes per 4 characters: over the limit
    report = check_body(text, {"minWords": 80})
    assert report.too_large and [i.code for i in report.issues] == ["body-too-large"]
    assert report.words == 0 and report.links == []


def test_body_over_the_limit_is_one_error_at_the_line_past_it(tmp_path: Path) -> None:
    root = hub(tmp_path)
    paragraph = "Ouders en school praten elke maand met elkaar over wat er nodig is. " * 10 + "\n\n"
    body = paragraph * (MAX_BYTES // len(paragraph) + 40) + "# Kop\n\n![](media/niet-er.png)\n"
    (root / "stories" / "te-lang.md").write_text(HEAD + body, encoding="utf-8")
    problems = [p for p in check(root, today=TODAY).result.problems if p.path == "stories/te-lang.md"]
    assert [p.code for p in problems] == ["body-too-large"], problems  # no heading, image or link problem
    size = len(body.encode("utf-8"))
    passed_at = body.encode("utf-8")[:MAX_BYTES].decode("utf-8").count("\n")
    assert problems[0].line == HEAD.count("\n") + 1 + passed_at
    message = problems[0].message
    assert f"de tekst is {round(size / 1024)} kB; de grens is 256 kB" in message
    assert "splits het verhaal of haal ingeplakte gegevens weg" in message


def test_theme_body_over_the_limit(tmp_path: Path) -> None:
    root = hub(tmp_path)
    path = root / "docs" / "themas" / "armoede.md"
    path.write_text(path.read_text(encoding="utf-8") + "Over geld.\n" * (MAX_BYTES // 10), encoding="utf-8")
    problems = [p for p in check(root, today=TODAY).result.problems if p.path == "docs/themas/armoede.md"]
    assert [p.code for p in problems] == ["body-too-large"]


def test_file_over_the_file_limit_is_not_read(tmp_path: Path, monkeypatch) -> None:
    root = hub(tmp_path)
    big = root / "stories" / "enorm.md"
    big.write_bytes(HEAD.encode() + b"Een 06-12345678 in een heel groot bestand.\n" * (2 * MAX_FILE // 40))
    real_read = Path.read_bytes

    def read_bytes(self):
        assert self.name != "enorm.md", "a file over the limit was read"
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    problems = [p for p in check(root, today=TODAY, workers=1).result.problems if p.path == "stories/enorm.md"]
    assert [(p.line, p.code) for p in problems] == [(1, "file-too-large")]
    assert "de grens is 321 kB" in problems[0].message and "06-12345678" not in problems[0].message


def test_many_broken_links_are_summed_up(tmp_path: Path) -> None:
    root = hub(tmp_path)
    links = "".join(f"Zie [deel {i}](deel-{i}.md).\n\n" for i in range(30))
    (root / "stories" / "veel-links.md").write_text(HEAD + "Woorden genoeg hier. " * 30 + "\n\n" + links, encoding="utf-8")
    broken = [p for p in check(root, today=TODAY).result.problems if p.code == "broken-link"]
    assert len(broken) == 11 and all(p.path == "stories/veel-links.md" for p in broken)
    assert "nog 20 links in dit bestand werken niet" in broken[-1].message
    assert broken[-1].line == broken[0].line + 20  # at the first link not reported by itself
