"""`kennishub from-issue` and `kennishub issue-form`.

Golden cases: tests/issue_forms/<case>.md is an issue body as GitHub writes it for the
"Deel je verhaal" form (`### Label`, `_No response_`, `- [X] …`); beside it,
<case>.expected says what must come of it:

    exit: 0|1|3|4            the exit status of `kennishub from-issue`
    path: stories/<slug>.md  the file written (omit when nothing may be written)
    comment: fragment        a fragment of the Dutch comment for the issue (any number)
    absent: fragment         text the comment must not hold, e.g. the personal data (any number)
    --- file                 everything after this line is the exact written file

When nothing may be written, no file of the hub may change. A comment for personal
data (exit 4) holds no digit at all: no number of the payload, no file position.

Each case runs in a copy of the base hub (tests/fixtures/hub/) with this repository's
issue form, as issue #7. A new case is a new pair of files; no Python changes.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from kennishub import cli, frontmatter
from kennishub.form_themes import FORM_PATH, load_themes, option_labels, synced
from kennishub.from_issue import entry_text

HERE = Path(__file__).parent
REPO = HERE.parent
CASES = sorted((HERE / "issue_forms").glob("*.md"))
BASE_HUB = HERE / "fixtures" / "hub"


def make_hub(tmp_path: Path) -> Path:
    root = tmp_path / "hub"
    shutil.copytree(BASE_HUB, root)
    (root / FORM_PATH).parent.mkdir(parents=True)
    shutil.copy(REPO / FORM_PATH, root / FORM_PATH)
    return root


def all_files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def entry_files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for d in ("stories", "lessons-learned") for p in (root / d).glob("*.md")}


def read_expected(path: Path) -> dict:
    head, sep, file_text = path.read_text(encoding="utf-8").partition("--- file\n")
    expected = {"exit": None, "path": None, "comment": [], "absent": [], "file": file_text if sep else None}
    for line in head.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, _, value = line.partition(": ")
        if key in ("comment", "absent"):
            expected[key].append(value)
        elif key in ("exit", "path"):
            expected[key] = value
        else:
            raise ValueError(f"{path.name}: unknown line {line!r}")
    return expected


def run_from_issue(root: Path, body: Path, capsys) -> tuple[int, str, str]:
    comment = root.parent / "comment.md"
    status = cli.main(["from-issue", "--body-file", str(body), "--number", "7",
                       "--root", str(root), "--comment-file", str(comment)])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return status, comment.read_text(encoding="utf-8"), out.out


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_issue_body(case: Path, tmp_path, capsys):
    expected = read_expected(case.with_suffix(".expected"))
    root = make_hub(tmp_path)
    before, tree = entry_files(root), all_files(root)
    status, comment, out = run_from_issue(root, case, capsys)
    assert str(status) == expected["exit"], comment
    for fragment in expected["comment"]:
        assert fragment in comment
    for fragment in expected["absent"]:
        assert fragment not in comment
    if status == 4:
        assert not re.search(r"\d", comment), "a comment about personal data holds no number"
    added = entry_files(root) - before
    if expected["path"] is None:
        assert added == set(), "nothing may be written for this case"
        assert all_files(root) == tree, "no file of the hub may change"
        assert out == ""
        return
    assert added == {expected["path"]}
    assert out.strip() == expected["path"]
    if expected["file"] is not None:
        assert (root / expected["path"]).read_text(encoding="utf-8") == expected["file"]


@pytest.mark.parametrize("case, status", [("validatiefouten", 1), ("interview", 0), ("vol-fouten", 3),
                                          ("privacy-telefoon-in-verhaal", 4)])
def test_pull_request_description(case, status, tmp_path, capsys):
    """The description of the pull request holds what the check still says, by field; no
    description (so no pull request) when nothing was written."""
    root = make_hub(tmp_path)
    pr = tmp_path / "pr.md"
    assert cli.main(["from-issue", "--body-file", str(HERE / "issue_forms" / f"{case}.md"), "--number", "7",
                     "--root", str(root), "--comment-file", str(tmp_path / "c.md"), "--pr-body-file", str(pr)]) == status
    capsys.readouterr()
    if status >= 3:
        assert not pr.exists()
        return
    body = pr.read_text(encoding="utf-8")
    assert "Closes #7" in body and "(issue #7)" in body
    if case == "interview":
        assert "0 fouten en 1 waarschuwing" in body
        assert "Gemeenten: schrijf de gemeente 'Súdwest Fryslân' als 'Súdwest-Fryslân'" in body
    else:
        assert "4 fouten en 0 waarschuwingen" in body and "Samenvatting: te kort" in body


def test_cases_all_have_expectations():
    assert CASES, "no cases in tests/issue_forms/"
    missing = [c.name for c in CASES if not c.with_suffix(".expected").exists()]
    assert missing == []


def test_body_larger_than_github_allows_gets_a_dutch_answer(tmp_path, capsys):
    root = make_hub(tmp_path)
    body = tmp_path / "groot.md"
    body.write_text("### Titel\n\n" + "Lang verhaal. " * 10_000, encoding="utf-8")
    status, comment, _ = run_from_issue(root, body, capsys)
    assert status == 3
    assert "te lang" in comment
    assert entry_files(root) == entry_files(BASE_HUB)


def test_comment_to_stdout_without_comment_file(tmp_path, capsys):
    root = make_hub(tmp_path)
    body = tmp_path / "leeg.md"
    body.write_text("", encoding="utf-8")
    assert cli.main(["from-issue", "--body-file", str(body), "--root", str(root)]) == 3
    assert "geen velden van het formulier" in capsys.readouterr().out


def test_unreadable_body_file_is_a_usage_error(tmp_path, capsys):
    root = make_hub(tmp_path)
    assert cli.main(["from-issue", "--body-file", str(tmp_path / "bestaat-niet.md"), "--root", str(root)]) == 2
    assert "kan" in capsys.readouterr().err


# --- the front matter is safe YAML whatever the editor typed ---------------------------

_lines = st.text(min_size=1, max_size=80).map(lambda s: " ".join(s.split())).filter(bool)


@settings(max_examples=300, deadline=None)
@given(title=_lines, summary=_lines, organisations=st.lists(_lines, max_size=3))
def test_front_matter_reads_back_exactly(title, summary, organisations):
    meta = {"title": title, "type": "verhaal", "summary": summary, "themes": ["armoede"]}
    if organisations:
        meta["organisations"] = organisations
    text = entry_text(meta, "Tekst.\n")
    read = frontmatter.read(text)
    assert read.problems == []
    assert read.data == meta
    assert read.body.strip() == "Tekst."


# --- the themes dropdown follows docs/themas/ ------------------------------------------


def test_form_themes_match_docs_themas():
    """Fails when a theme was added, renamed or removed without `kennishub issue-form`."""
    form = yaml.safe_load((REPO / FORM_PATH).read_text(encoding="utf-8"))
    dropdown = next(e for e in form["body"] if e.get("id") == "themes")
    assert dropdown["attributes"]["options"] == list(option_labels(load_themes(REPO))), (
        "de thema's in het formulier verschillen van docs/themas/: voer 'kennishub issue-form' uit"
    )


def test_issue_form_check_command(tmp_path, capsys):
    root = make_hub(tmp_path)
    assert cli.main(["issue-form", "--root", str(root), "--check"]) == 1  # repo themes != fixture themes
    form_before = (root / FORM_PATH).read_text(encoding="utf-8")
    assert cli.main(["issue-form", "--root", str(root)]) == 0
    form_after = (root / FORM_PATH).read_text(encoding="utf-8")
    assert cli.main(["issue-form", "--root", str(root), "--check"]) == 0
    options = next(e for e in yaml.safe_load(form_after)["body"] if e.get("id") == "themes")["attributes"]["options"]
    titles = [yaml.safe_load(p.read_text(encoding="utf-8").split("---")[1])["title"]
              for p in (root / "docs/themas").glob("*.md") if p.name != "index.md"]
    assert "Samen leren" in options
    assert options == sorted(titles, key=str.casefold)
    # only the generated lines changed
    changed = [line for line in form_after.splitlines() if line not in form_before.splitlines()]
    assert all(line.strip().startswith('- "') for line in changed)
    capsys.readouterr()


def test_awkward_theme_titles_stay_valid_yaml(tmp_path):
    root = make_hub(tmp_path)
    titles = {"een": 'Thema: "quotes" # geen commentaar', "twee": "- [ja]", "drie": "Dubbel", "vier": "Dubbel"}
    for slug, title in titles.items():
        (root / "docs/themas" / f"{slug}.md").write_text(
            f"---\ntitle: {yaml.safe_dump(title).splitlines()[0]}\ndescription: x\n---\n", encoding="utf-8")
    form = synced((root / FORM_PATH).read_text(encoding="utf-8"), load_themes(root))
    options = next(e for e in yaml.safe_load(form)["body"] if e.get("id") == "themes")["attributes"]["options"]
    assert 'Thema: "quotes" # geen commentaar' in options and "- [ja]" in options
    assert "Dubbel (drie)" in options and "Dubbel (vier)" in options
    assert len(options) == len(set(options))


def test_form_has_every_field_the_converter_reads():
    form = yaml.safe_load((REPO / FORM_PATH).read_text(encoding="utf-8"))
    fields = {e["id"]: e for e in form["body"] if e.get("type") != "markdown"}
    assert set(fields) >= {"title", "type", "date", "summary", "themes", "municipalities", "places",
                           "organisations", "network", "interviewees", "event_name", "event_place",
                           "text", "consent", "privacy"}
    labels = [e["attributes"]["label"] for e in fields.values()]
    assert len(labels) == len(set(labels))
    for key in ("consent", "privacy"):
        assert all(o["required"] for o in fields[key]["attributes"]["options"])
    assert "toestemming" in fields["consent"]["attributes"]["options"][0]["label"]
    assert fields["themes"]["attributes"]["multiple"] is True


def test_contact_link_points_at_the_guide_on_this_site():
    config = yaml.safe_load((REPO / ".github/ISSUE_TEMPLATE/config.yml").read_text(encoding="utf-8"))
    site_url = (REPO / "mkdocs.yml").read_text(encoding="utf-8").split("site_url:", 1)[1].split()[0]
    assert config["contact_links"][0]["url"] == site_url.rstrip("/") + "/bijdragen/"


# --- nothing is left behind when the check fails or finds personal data ------------------


def test_file_removed_when_the_check_raises(tmp_path, capsys, monkeypatch):
    from kennishub import from_issue

    root = make_hub(tmp_path)
    tree = all_files(root)
    seen = []

    def broken_check(root_, paths):
        seen.extend(paths)
        assert (root_ / paths[0]).is_file()  # the file was written before the check ...
        raise RuntimeError("kapot")

    monkeypatch.setattr(from_issue, "check", broken_check)
    status, comment, out = run_from_issue(root, HERE / "issue_forms" / "verhaal-compleet.md", capsys)
    assert seen and status == 3 and "Interne fout (RuntimeError)" in comment
    assert all_files(root) == tree  # ... and is gone again
    assert out == ""


def test_new_folder_removed_with_the_private_file(tmp_path, capsys):
    root = make_hub(tmp_path)
    shutil.rmtree(root / "stories")
    status, _, _ = run_from_issue(root, HERE / "issue_forms" / "privacy-telefoon-in-verhaal.md", capsys)
    assert status == 4
    assert not (root / "stories").exists()


def test_an_existing_file_is_never_removed(tmp_path, capsys, monkeypatch):
    """If the free name was taken in the meantime, the other file stays as it was."""
    from kennishub import from_issue

    root = make_hub(tmp_path)
    monkeypatch.setattr(from_issue, "free_path", lambda *a: "stories/bestaand-verhaal.md")
    tree = all_files(root)
    status, _, _ = run_from_issue(root, HERE / "issue_forms" / "privacy-telefoon-in-verhaal.md", capsys)
    assert status == 3
    assert all_files(root) == tree


# --- a line of the written entry maps back to the form field it came from ----------------

_ENTRY = entry_text({
    "title": "Een titel", "type": "terugblik", "date": "2025-03-14", "summary": "Een samenvatting.",
    "themes": ["armoede", "jeugdhulp"], "organisations": ["Wijkteam", "School"], "network": "Netwerk",
    "interviewees": [{"name": "A", "role": "B"}],
    "event": {"date": "2025-03-14", "place": "Steenwijk", "name": "Netwerkdag"},
}, "Eerste regel.\n\nTweede regel.\n")


@pytest.mark.parametrize("needle, field", [
    ("---", "title"), ("title:", "title"), ("type:", "type"), ("summary:", "summary"), ("- jeugdhulp", "themes"),
    ("- School", "organisations"), ("network:", "network"), ("  role: B", "interviewees"),
    ("  date:", "date"), ("  place:", "event_place"), ("  name: Netwerkdag", "event_name"),
    ("Eerste regel.", "text"), ("Tweede regel.", "text"),
])
def test_field_at(needle, field):
    from kennishub.issue_reply import field_at

    line = next(n for n, row in enumerate(_ENTRY.split("\n"), 1) if row.startswith(needle))
    assert field_at(_ENTRY, line) == field


def test_privacy_warnings_in_the_reply_name_the_field_not_the_value():
    from kennishub.issue_fields import FormFields
    from kennishub.issue_reply import messages
    from kennishub.problems import Problem

    text = entry_text({"title": "Titel"}, "Bel de school op 06 12345678.\n")
    problems = [Problem("stories/x.md", 5, 3, "warning", "privacy-phone", "mogelijk persoonsgegeven: '06 12345678'"),
                Problem("stories/x.md", 5, 1, "error", "other", "zin 'Bel de school op 06 12345678.' is vreemd")]
    lines = messages(problems, text, FormFields({"Titel": "title", "Je verhaal": "text"}))
    assert [line.severity for line in lines] == ["error", "warning"]
    assert lines[1].text == "Je verhaal: een telefoonnummer — een redacteur kijkt of dit weg moet"
    assert all("12345678" not in line.text and "5:" not in line.text for line in lines)
    assert lines[0].text == "Je verhaal: zin 'Bel de school op […].' is vreemd"


_LABELS = {"Titel": "title", "Soort bijdrage": "type", "Datum": "date", "Samenvatting": "summary",
           "Thema's": "themes", "Gemeenten": "municipalities", "Plaats van de bijeenkomst": "event_place",
           "Geïnterviewden": "interviewees", "Je verhaal": "text"}


@pytest.mark.parametrize("code, message, line, label, said", [
    ("too-short", "'summary' is te kort (8 tekens) — gebruik minstens 30 tekens", 5, "Samenvatting",
     "te kort (8 tekens) — gebruik minstens 30 tekens"),
    ("missing-key", "verplicht veld 'date' ontbreekt — voeg het toe", 1, "Datum", "ontbreekt — voeg het toe"),
    ("empty-value", "veld 'event.place' is leeg — vul een waarde in", 9, "Plaats van de bijeenkomst",
     "leeg — vul een waarde in"),
    ("invalid-date", "'event.date' moet een datum zonder tijd zijn", 9, "Datum", "moet een datum zonder tijd zijn"),
    ("too-few-words", "de tekst heeft 9 woorden — schrijf er minstens 80", 1, "Je verhaal",
     "de tekst heeft 9 woorden — schrijf er minstens 80"),
    ("date-before", "'date' (2020-01-01) ligt vóór 'updated'", 3, "Datum", "(2020-01-01) ligt vóór 'updated'"),
    ("unknown-theme", "onbekend thema 'armoed' — bedoel je 'armoede'?", 6, "Thema's",
     "onbekend thema 'armoed' — bedoel je 'armoede'?"),
    ("too-short", "'interviewees.name' is te kort", 8, "Geïnterviewden", "te kort"),
])
def test_problem_in_the_words_of_the_form(code, message, line, label, said):
    """Labels come from the form: a renamed label shows up without code changes."""
    from kennishub.issue_fields import FormFields
    from kennishub.problems import Problem

    fields = FormFields(_LABELS)
    text = "---\ntitle: T\ntype: verhaal\ndate: 2025-01-01\nsummary: S\nthemes:\n- a\ninterviewees:\n- name: A\n---\n\nTekst\n"
    problem = Problem("stories/x.md", line, None, "error", code, message)
    assert fields.label_of(fields.field_of(problem, text)) == label
    assert fields.in_form_words(message) == said
    renamed = FormFields({("Korte samenvatting" if k == "Samenvatting" else k): v for k, v in _LABELS.items()})
    assert renamed.label_of(renamed.field_of_key("summary")) == "Korte samenvatting"
