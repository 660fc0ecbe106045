"""`kennishub check` as editors and CI run it: output formats, exit codes, PATH arguments.

Every run is a real process (`python -m kennishub`), so argument parsing, the exit
status and stderr are exactly what a user sees. No run may print a traceback.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BASE_HUB = Path(__file__).parent / "fixtures" / "hub"

# Two errors (unknown key, title too short) in one file, one warning (level-1 heading)
# in another.
FRONT = """---
title: {title}
type: verhaal
date: 2025-05-20
summary: "Hoe een school en het wijkteam elke maand samen aan tafel gingen."
themes: [samen-leren]
{extra}---

{heading}Op een basisschool in het oosten van de stad zagen leerkrachten dat sommige kinderen
zonder ontbijt in de klas zaten. Ze wisten niet goed bij wie ze terecht konden. Het
wijkteam kende de gezinnen wel, maar hoorde het vaak pas laat. Daarom spraken school en
wijkteam af om elke maand samen aan tafel te gaan. Een medewerker van het wijkteam schoof
aan bij het teamoverleg. Binnen een half jaar wisten ouders de weg beter te vinden en
voelden leerkrachten zich minder alleen staan met hun zorgen over een kind.
"""
WITH_ERRORS = FRONT.format(title="Wijk", extra="kleur: blauw\n", heading="")
WITH_WARNING = FRONT.format(title="Samen aan tafel", extra="", heading="# Samen aan tafel\n\n")


def run(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    environment.update(env or {})
    proc = subprocess.run([sys.executable, "-m", "kennishub", *args], cwd=cwd, env=environment,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stdout, proc.stdout
    return proc


def count_files(root: Path) -> int:
    """Files the validator reads: entries, themes and the authors registry."""
    entries = [p for c in ("stories", "lessons-learned") for p in (root / c).glob("*.md")]
    themes = [p for p in (root / "docs" / "themas").glob("*.md") if p.name != "index.md"]
    return len(entries) + len(themes) + (1 if (root / ".authors.yml").is_file() else 0)


@pytest.fixture
def clean_hub(tmp_path: Path) -> Path:
    root = tmp_path / "hub"
    shutil.copytree(BASE_HUB, root)
    return root


@pytest.fixture
def hub(clean_hub: Path) -> Path:
    (clean_hub / "stories" / "met-fouten.md").write_text(WITH_ERRORS, encoding="utf-8")
    (clean_hub / "stories" / "met-waarschuwing.md").write_text(WITH_WARNING, encoding="utf-8")
    return clean_hub


# ---- text ------------------------------------------------------------------------------

def test_clean_hub_text(clean_hub: Path) -> None:
    proc = run("check", cwd=clean_hub)
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"geen problemen in {count_files(clean_hub)} bestanden"
    assert proc.stderr == ""


def test_text_lines_and_summary(hub: Path) -> None:
    proc = run("check", cwd=hub)
    assert proc.returncode == 1
    lines = proc.stdout.strip().split("\n")
    assert lines[:-1] == [
        "stories/met-fouten.md:2:8: fout: 'title' is te kort (4 tekens) — gebruik minstens 5 tekens",
        lines[1],
        "stories/met-waarschuwing.md:9:1: waarschuwing: kop van niveau 1 in de tekst — de titel komt al "
        "uit 'title'; maak er een tussenkop van met '## '",
    ]
    assert lines[1].startswith("stories/met-fouten.md:7:1: fout: onbekend veld 'kleur' — toegestane velden: ")
    assert lines[-1] == f"2 fouten en 1 waarschuwing in 2 van {count_files(hub)} bestanden"


def test_text_is_default_outside_github(hub: Path) -> None:
    assert run("check", cwd=hub).stdout == run("check", "--format", "text", cwd=hub).stdout


def test_only_warnings_exit_zero_unless_strict(clean_hub: Path) -> None:
    (clean_hub / "stories" / "met-waarschuwing.md").write_text(WITH_WARNING, encoding="utf-8")
    proc = run("check", cwd=clean_hub)
    assert proc.returncode == 0
    assert proc.stdout.strip().endswith(f"1 waarschuwing in 1 van {count_files(clean_hub)} bestanden")
    strict = run("check", "--strict", cwd=clean_hub)
    assert strict.returncode == 1
    assert strict.stdout == proc.stdout


def test_singular_error_summary(clean_hub: Path) -> None:
    (clean_hub / "stories" / "een-fout.md").write_text(FRONT.format(title="Wijk", extra="", heading=""),
                                                       encoding="utf-8")
    proc = run("check", cwd=clean_hub)
    assert proc.returncode == 1
    assert proc.stdout.strip().split("\n")[-1] == f"1 fout in 1 van {count_files(clean_hub)} bestanden"


# ---- github ----------------------------------------------------------------------------

_ANNOTATION = re.compile(r"^::(error|warning) file=([^,]+),line=(\d+)(?:,col=(\d+))?(?:,title=[^:]*)?::(.+)$")


def test_github_format(hub: Path) -> None:
    proc = run("check", "--format", "github", cwd=hub)
    assert proc.returncode == 1
    lines = proc.stdout.strip().split("\n")
    annotations = [_ANNOTATION.match(line) for line in lines[:-1]]
    assert all(annotations), lines
    found = [(m[1], m[2], int(m[3]), m[4] and int(m[4])) for m in annotations]
    assert found == [("error", "stories/met-fouten.md", 2, 8), ("error", "stories/met-fouten.md", 7, 1),
                     ("warning", "stories/met-waarschuwing.md", 9, 1)]
    assert annotations[0][5] == "'title' is te kort (4 tekens) — gebruik minstens 5 tekens"
    assert lines[-1].startswith("2 fouten en 1 waarschuwing in 2 van ")


def test_github_chosen_automatically_in_actions(hub: Path) -> None:
    auto = run("check", cwd=hub, env={"GITHUB_ACTIONS": "true"})
    assert auto.stdout == run("check", "--format", "github", cwd=hub).stdout
    assert auto.stdout.startswith("::error file=stories/met-fouten.md,line=2,col=8")
    # an explicit --format wins
    text = run("check", "--format", "text", cwd=hub, env={"GITHUB_ACTIONS": "true"})
    assert text.stdout.startswith("stories/met-fouten.md:2:8: fout: ")


def test_github_strict_turns_warnings_into_errors(hub: Path) -> None:
    proc = run("check", "--format", "github", "--strict", cwd=hub)
    assert "::warning" not in proc.stdout
    assert "::error file=stories/met-waarschuwing.md,line=9,col=1" in proc.stdout


# ---- json ------------------------------------------------------------------------------

def test_json_format(hub: Path) -> None:
    proc = run("check", "--format", "json", cwd=hub)
    assert proc.returncode == 1
    data = json.loads(proc.stdout)
    problems = data["problems"]
    assert [(p["path"], p["line"], p["column"], p["severity"], p["code"]) for p in problems] == [
        ("stories/met-fouten.md", 2, 8, "error", "too-short"),
        ("stories/met-fouten.md", 7, 1, "error", "unknown-key"),
        ("stories/met-waarschuwing.md", 9, 1, "warning", "heading-level-1"),
    ]
    for p in problems:
        assert set(p) >= {"path", "line", "column", "severity", "code", "message"}
        assert p["message"] and "\n" not in p["message"]
    assert "onbekend veld 'kleur'" in problems[1]["message"]


def test_json_clean_hub(clean_hub: Path) -> None:
    proc = run("check", "--format", "json", cwd=clean_hub)
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["problems"] == []


def test_json_keeps_dutch_characters(clean_hub: Path) -> None:
    (clean_hub / "stories" / "datum.md").write_text(
        FRONT.format(title="Samen aan tafel", extra="updated: 2025-05-01\n", heading=""), encoding="utf-8")
    data = json.loads(run("check", "--format", "json", cwd=clean_hub).stdout)
    assert [p["code"] for p in data["problems"]] == ["date-before"]
    assert "vóór" in data["problems"][0]["message"]


# ---- PATH arguments ----------------------------------------------------------------------

def test_path_restricts_report(hub: Path) -> None:
    proc = run("check", "stories/met-waarschuwing.md", cwd=hub)
    assert proc.returncode == 0
    lines = proc.stdout.strip().split("\n")
    assert [line.split(":")[0] for line in lines[:-1]] == ["stories/met-waarschuwing.md"]
    assert lines[-1] == "1 waarschuwing in 1 van 1 bestand"


def test_folder_path_and_several_paths(hub: Path) -> None:
    (hub / "lessons-learned" / "kapot.md").write_text("geen front matter\n", encoding="utf-8")
    stories = run("check", "stories", "--format", "json", cwd=hub)
    paths = {p["path"] for p in json.loads(stories.stdout)["problems"]}
    assert paths == {"stories/met-fouten.md", "stories/met-waarschuwing.md"}
    both = run("check", "stories/met-waarschuwing.md", "lessons-learned/", "--format", "json", cwd=hub)
    paths = {p["path"] for p in json.loads(both.stdout)["problems"]}
    assert paths == {"stories/met-waarschuwing.md", "lessons-learned/kapot.md"}
    assert both.returncode == 1


def test_path_in_clean_file_still_sees_other_files(hub: Path) -> None:
    """A link or a slug is checked against the whole hub even when one file is named."""
    (hub / "stories" / "link.md").write_text(
        WITH_WARNING.replace("# Samen aan tafel\n\n", "") + "\nZie [de checklist](../lessons-learned/bestaande-checklist.md).\n",
        encoding="utf-8")
    proc = run("check", "stories/link.md", cwd=hub)
    assert proc.returncode == 0
    assert proc.stdout.strip() == "geen problemen in 1 bestand"


def test_root_found_from_subfolder_and_paths_relative_to_cwd(hub: Path) -> None:
    proc = run("check", "met-fouten.md", "--format", "json", cwd=hub / "stories")
    assert proc.returncode == 1
    assert {p["path"] for p in json.loads(proc.stdout)["problems"]} == {"stories/met-fouten.md"}


def test_root_option_from_elsewhere(hub: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    whole = run("check", "--root", str(hub), cwd=elsewhere)
    assert whole.returncode == 1
    assert whole.stdout == run("check", cwd=hub).stdout
    one = run("check", "--root", str(hub), "stories/met-waarschuwing.md", cwd=elsewhere)
    assert one.returncode == 0
    assert one.stdout.startswith("stories/met-waarschuwing.md:9:1: waarschuwing:")


def test_console_script(hub: Path) -> None:
    script = Path(sys.executable).with_name("kennishub")
    if not script.exists():
        pytest.skip("console script not installed next to this Python")
    proc = subprocess.run([str(script), "check", "--format", "json"], cwd=hub, capture_output=True, text=True)
    assert proc.returncode == 1
    assert len(json.loads(proc.stdout)["problems"]) == 3


# ---- usage errors (exit 2) ----------------------------------------------------------------

@pytest.mark.parametrize("args, fragment", [
    (["check", "--bogus"], "fout in de opdracht"),
    (["check", "--format", "xml"], "fout in de opdracht"),
    (["check", "--root", "bestaat-niet"], "map 'bestaat-niet' bestaat niet"),
    (["check", "stories/bestaat-niet.md"], "'stories/bestaat-niet.md' bestaat niet"),
    (["bestaat-niet"], "fout in de opdracht"),
    ([], "opdrachten"),
])
def test_usage_errors(hub: Path, args: list[str], fragment: str) -> None:
    proc = run(*args, cwd=hub)
    assert proc.returncode == 2
    assert fragment in proc.stderr
    assert proc.stdout == ""


def test_path_outside_hub(hub: Path, tmp_path: Path) -> None:
    outside = tmp_path / "los.md"
    outside.write_text(WITH_ERRORS, encoding="utf-8")
    proc = run("check", str(outside), cwd=hub)
    assert proc.returncode == 2
    assert "ligt buiten de hub" in proc.stderr


def test_no_mkdocs_yml(tmp_path: Path) -> None:
    empty = tmp_path / "leeg"
    empty.mkdir()
    proc = run("check", cwd=empty)
    assert proc.returncode == 2
    assert "geen mkdocs.yml gevonden" in proc.stderr
    assert proc.stdout == ""


# ---- robustness ------------------------------------------------------------------------------

def test_hostile_files_give_messages_not_tracebacks(clean_hub: Path) -> None:
    stories = clean_hub / "stories"
    (stories / "binair.md").write_bytes(bytes(range(256)) * 4)
    (stories / "alleen-streepjes.md").write_text("---\n---\n---\n", encoding="utf-8")
    (stories / "diep.md").write_text("---\ntitle: " + "[" * 5000 + "\n---\n", encoding="utf-8")
    (stories / "leeg.md").write_bytes(b"")
    proc = run("check", "--format", "json", cwd=clean_hub)
    assert proc.returncode == 1
    problems = json.loads(proc.stdout)["problems"]
    assert {p["path"] for p in problems} == {f"stories/{n}.md" for n in ("binair", "alleen-streepjes", "diep", "leeg")}
    assert all(p["code"] != "internal-error" for p in problems), problems


# ---- hostile file names: nothing raw in the output, no workflow command -------------------

HOSTILE_NAME = "x\n::error::gehackt\u202e\x1b[31m.md"


@pytest.mark.parametrize("fmt, actions", [("text", False), ("text", True), ("github", True)])
def test_file_name_with_newline_and_workflow_command(clean_hub: Path, fmt: str, actions: bool) -> None:
    shutil.copy(clean_hub / "stories" / "bestaand-verhaal.md", clean_hub / "stories" / HOSTILE_NAME)
    env = {"GITHUB_ACTIONS": "true"} if actions else {}
    proc = run("check", "--format", fmt, cwd=clean_hub, env=env)
    assert proc.returncode == 1
    lines = proc.stdout.rstrip("\n").split("\n")
    assert len(lines) == 2, proc.stdout  # one problem, the summary: the name broke no line
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f\u202e]", proc.stdout)
    commands = [line for line in lines if line.lstrip().startswith("::")]
    if fmt == "github":
        assert len(commands) == 1 and _ANNOTATION.match(commands[0])
        assert commands[0].startswith("::error file=stories/x%0A%3A%3Aerror%3A%3Agehackt")
    else:
        assert commands == []
        assert lines[0].startswith("stories/x\\n::error::gehackt\\u202e\\u001b[31m.md:1: fout: ")


@pytest.mark.parametrize("path, shown", [
    ("::error::x.md", "./::error::x.md"),
    ("  ::warning::x.md", "./  ::warning::x.md"),
    ("\u3000::notice::x.md", "./\u3000::notice::x.md"),
    ("##[error]x.md", "./##[error]x.md"),
    ("stories/\u2066a\u2069\u0085.md", "stories/\\u2066a\\u2069\\u0085.md"),
    ("stories/a\r\n\tb.md", "stories/a\\r\\n\\tb.md"),
])
def test_text_line_never_starts_a_workflow_command(path: str, shown: str) -> None:
    from kennishub.problems import Problem
    from kennishub.report import text_line

    line = text_line(Problem(path, 3, None, "error", "x", "bericht met\n::error::erin"))
    assert line == f"{shown}:3: fout: bericht met\\n::error::erin"


# ---- --root without a hub, PATH not in the hub ----------------------------------------------

@pytest.mark.parametrize("command", [
    ["check"], ["new", "verhaal", "Samen aan tafel"], ["issue-form"], ["from-issue", "--body-file", "issue.md"],
])
def test_root_without_mkdocs_yml_is_an_error(tmp_path: Path, command: list[str]) -> None:
    folder = tmp_path / "geen-hub"
    (folder / "stories").mkdir(parents=True)
    (tmp_path / "issue.md").write_text("### Titel\n\nIets\n", encoding="utf-8")
    before = sorted(p.name for p in folder.rglob("*"))
    proc = run(*command, "--root", str(folder), cwd=tmp_path)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "mkdocs.yml" in proc.stderr and "--root" in proc.stderr
    assert proc.stdout == ""
    assert sorted(p.name for p in folder.rglob("*")) == before


def test_check_root_without_mkdocs_yml_message(tmp_path: Path) -> None:
    (tmp_path / "map").mkdir()
    proc = run("check", "--root", "map", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip() == ("kennishub: fout in de opdracht: in map staat geen mkdocs.yml — "
                                   "geef met --root de map van de kennishub op")


@pytest.mark.parametrize("given", ["stories/bestaat-niet.md", "bestaat-niet/", "docs/themas/nee.md"])
def test_path_not_in_hub_with_root(hub: Path, tmp_path: Path, given: str) -> None:
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    proc = run("check", "--root", str(hub), given, cwd=elsewhere)
    assert proc.returncode == 2
    assert f"'{given}' bestaat niet in de hub" in proc.stderr
    assert proc.stdout == ""


def test_path_argument_with_newline_is_escaped(hub: Path) -> None:
    proc = run("check", "stories/\n::error::x.md", cwd=hub)
    assert proc.returncode == 2
    assert "'stories/\\n::error::x.md' bestaat niet" in proc.stderr
    assert not any(line.lstrip().startswith("::") for line in proc.stderr.splitlines())


# ---- Dutch everywhere an editor looks ------------------------------------------------------

ENGLISH = re.compile(r"\b(usage|invalid|choices?|required|arguments|options|show|help message|error:|expected"
                     r"|unrecognized|ambiguous|not allowed)\b", re.IGNORECASE)
HELPS = [["--help"], ["-h"], ["check", "--help"], ["new", "--help"], ["from-issue", "--help"],
         ["issue-form", "--help"]]
WRONG = [[], ["bestaat-niet"], ["--bogus"], ["check", "--bogus"], ["check", "--format", "xml"], ["check", "--root"],
         ["new"], ["new", "verhaa", "Titel"], ["new", "verhaal"], ["from-issue"], ["from-issue", "--body-file"],
         ["from-issue", "--body-file", "x", "--number", "zeven"], ["issue-form", "--check", "extra"], ["--chec"]]


@pytest.mark.parametrize("args", HELPS + WRONG, ids=lambda a: " ".join(a) or "(niets)")
def test_help_and_usage_errors_are_dutch(clean_hub: Path, args: list[str]) -> None:
    proc = run(*args, cwd=clean_hub)
    shown = proc.stdout + proc.stderr
    assert "gebruik: kennishub" in shown
    assert ENGLISH.findall(shown) == [], shown
    if args in HELPS:
        assert proc.returncode == 0 and "toon deze uitleg en stop" in proc.stdout
    else:
        assert proc.returncode == 2 and ("fout in de opdracht" in proc.stderr or "opdrachten" in proc.stderr)


def test_argparse_left_english_outside_the_command() -> None:
    import argparse

    from kennishub import cli

    cli.build_parser().format_help()
    assert argparse.ArgumentParser(prog="x").format_usage().startswith("usage: ")


def test_annotation_title_is_dutch(hub: Path) -> None:
    proc = run("check", "--format", "github", cwd=hub)
    first = proc.stdout.split("\n")[0]
    assert ",title=kennishub%3A te kort::" in first
    assert "too-short" not in first


def registry() -> dict:
    from kennishub.report import registry as load

    return load()


def test_registry_entries_are_complete() -> None:
    codes = registry()["codes"]
    assert len(codes) > 50
    for code, entry in codes.items():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code), code
        assert entry["title"].strip() and not ENGLISH.search(entry["title"]), code
        assert entry["severity"] in ("error", "warning", "both"), code


def test_every_code_of_the_golden_cases_has_an_entry(tmp_path: Path) -> None:
    """All golden cases in one hub (the authors-file cases one at a time): every code has a title."""
    from kennishub.validator import check

    cases = Path(__file__).parent / "cases"
    root = tmp_path / "hub"
    shutil.copytree(BASE_HUB, root)
    targets = {"stories": "stories", "lessons-learned": "lessons-learned", "themas": "docs/themas"}
    for folder, target in targets.items():
        for case in (cases / folder).glob("*.md"):
            shutil.copy(case, root / target / case.name)
    problems = check(root).result.problems
    for registry_case in (cases / "authors-file").glob("*.yml"):
        shutil.copy(registry_case, root / ".authors.yml")
        problems += check(root).result.problems
    found: dict[str, set] = {}
    for p in problems:
        found.setdefault(p.code, set()).add(p.severity)
    assert len(found) > 40  # the cases do emit codes
    codes = registry()["codes"]
    assert sorted(set(found) - set(codes)) == []
    wrong = {c: s for c, s in found.items() if s - ({"error", "warning"} if codes[c]["severity"] == "both"
                                                     else {codes[c]["severity"]})}
    assert wrong == {}


def test_glossary_words_are_explained_in_the_guide() -> None:
    guide = (Path(__file__).parent.parent / "docs" / "bijdragen.md").read_text(encoding="utf-8")
    _, sep, glossary = guide.partition("## Woordenlijst")
    assert sep, "docs/bijdragen.md has no section 'Woordenlijst'"
    glossary = glossary.split("\n## ", 1)[0]
    for word in registry()["glossary"]:
        # a heading of its own: an anchor on the page (#front-matter, #yaml, …)
        assert re.search(rf"^### {re.escape(word)}$", glossary, re.MULTILINE), word


@pytest.mark.parametrize("message, noted", [
    ("de front matter is niet afgesloten", True),
    ("'abc' is geen slug — schrijf de bestandsnaam", True),
    ("de HTML-tag <script> is niet toegestaan", True),
    ("onbekende gemeente 'Amsterdm' — bedoel je 'Amsterdam'?", False),
    ("de tekst heeft 9 woorden — schrijf er minstens 80", False),
])
def test_glossary_pointer(message: str, noted: bool) -> None:
    from kennishub.problems import Problem
    from kennishub.report import GLOSSARY_NOTE, github_line, with_glossary

    assert with_glossary(message).endswith(GLOSSARY_NOTE) is noted
    line = github_line(Problem("stories/a.md", 3, None, "error", "yaml-syntax", message))
    assert line.endswith("Woordenlijst' op de pagina Bijdragen)") is noted
    assert ",title=kennishub%3A fout in de YAML::" in line
