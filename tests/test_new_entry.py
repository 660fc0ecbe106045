"""`kennishub new verhaal|interview|terugblik|checklist "Titel"`.

Each test works in a copy of the base hub (tests/fixtures/hub/). `FILL_IN` is what an
editor does after `kennishub new`, following docs/bijdragen.md: fill in the summary and
the themes, the fields of the type, and write the text. The filled-in file must pass
`kennishub check`; the untouched skeleton must not, and must say what is missing.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from kennishub import cli, frontmatter
from kennishub.new_entry import create
from kennishub.validator import check, today_amsterdam

HERE = Path(__file__).parent
BASE_HUB = HERE / "fixtures" / "hub"
DATE = dt.date(2025, 3, 14)

STORY_TEXT = (
    "## Wat speelde er?\n\n"
    + "Leerkrachten, het wijkteam en een gezinscoach spraken elke maand af om zorgen vroeg te delen. "
    * 5
    + "\n\n## Wat leverde het op?\n\nOuders wisten beter bij wie ze terechtkonden, en de school hoefde minder vaak alleen te zoeken naar hulp.\n"
)
CHECKLIST_TEXT = (
    "- [ ] Weten ouders dat hun situatie besproken wordt?\n"
    "- [ ] Is er een vaste dag en een vaste voorzitter?\n"
    "- [ ] Hoort het gezin na afloop wat er is afgesproken?\n"
)
COMMON = [
    ("summary:\n", "summary: Hoe school en wijkteam elke maand samen aan tafel zitten om gezinnen eerder te helpen.\n"),
    ("themes: []\n", "themes: [samen-leren, armoede]\n"),
    ("# municipalities: [Rotterdam, Steenwijkerland]\n", "municipalities: [Rotterdam, Steenwijkerland]\n"),
]
# kind -> (replacements in the front matter, body text)
FILL_IN = {
    "verhaal": (COMMON, STORY_TEXT),
    "interview": (COMMON + [("- name:\n", "- name: Anna de Vries\n"),
                            ("  role:\n", "  role: ambassadeur\n"),
                            ("  organisation:\n", "")], STORY_TEXT),
    "terugblik": (COMMON + [("  place:\n", "  place: Steenwijk\n"), ("  name:\n", "  name: Netwerkdag\n")], STORY_TEXT),
    "checklist": (COMMON, CHECKLIST_TEXT),
}
FOLDERS = {"verhaal": "stories", "interview": "stories", "terugblik": "stories", "checklist": "lessons-learned"}


@pytest.fixture
def hub(tmp_path) -> Path:
    root = tmp_path / "hub"
    shutil.copytree(BASE_HUB, root)
    return root


def fill_in(text: str, kind: str) -> str:
    replacements, body = FILL_IN[kind]
    for old, new in replacements:
        assert old in text, f"the skeleton of {kind} lacks {old!r}"
        text = text.replace(old, new, 1)
    front, _, _ = text.rpartition("\n---\n")
    return f"{front}\n---\n\n{body}"


@pytest.mark.parametrize("kind", FILL_IN)
def test_skeleton_guides_to_a_valid_entry(hub, kind):
    path, message = create(hub, kind, "Samen aan tafel in de wijk", DATE)
    assert path == Path(FOLDERS[kind]) / "samen-aan-tafel-in-de-wijk.md"
    assert "kennishub check" in message
    text = (hub / path).read_text(encoding="utf-8")

    read = frontmatter.read(text)
    assert read.problems == []
    assert read.data["title"] == "Samen aan tafel in de wijk"
    assert read.data["type"] == kind
    assert read.data["date"] == DATE

    untouched = [p for p in check(hub, [path.as_posix()], today=DATE).result.errors]
    assert {"summary", "themes"} <= {m for p in untouched for m in ("summary", "themes") if m in p.message}

    (hub / path).write_text(fill_in(text, kind), encoding="utf-8")
    result = check(hub, [path.as_posix()], today=DATE).result
    assert [p.message for p in result.errors] == []


@pytest.mark.parametrize("kind", FILL_IN)
def test_every_field_has_a_dutch_comment(hub, kind):
    path, _ = create(hub, kind, "Samen aan tafel in de wijk", DATE)
    lines = (hub / path).read_text(encoding="utf-8").split("\n---\n")[0].splitlines()[1:]
    for i, line in enumerate(lines):
        if re.match(r"^[a-z_]+:", line):
            assert lines[i - 1].startswith("# "), f"no comment above {line!r}"


@pytest.mark.parametrize("kind", FILL_IN)
def test_commented_out_examples_are_valid_yaml(hub, kind):
    """Removing '# ' from an optional example gives a field the content model knows."""
    path, _ = create(hub, kind, "Samen aan tafel in de wijk", DATE)
    text = (hub / path).read_text(encoding="utf-8")
    examples = re.findall(r"^# ([a-z_]+: .+)$", text, flags=re.M)
    assert "municipalities: [Rotterdam, Steenwijkerland]" in examples
    for example in examples:
        read = frontmatter.read(f"---\n{example}\n---\n")
        assert read.problems == [], example
        assert read.data


def test_never_overwrites(hub, capsys):
    args = ["new", "verhaal", "Samen aan tafel", "--root", str(hub)]
    assert cli.main(args) == 0
    target = hub / "stories" / "samen-aan-tafel.md"
    target.write_text("mijn eigen tekst", encoding="utf-8")
    capsys.readouterr()
    assert cli.main(args) == 1
    assert "bestaat al" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "mijn eigen tekst"


def test_slug_used_by_another_collection_is_refused(hub, capsys):
    assert cli.main(["new", "checklist", "Bestaand verhaal", "--root", str(hub)]) == 1
    assert "stories/bestaand-verhaal.md bestaat al" in capsys.readouterr().err
    assert not (hub / "lessons-learned" / "bestaand-verhaal.md").exists()


@pytest.mark.parametrize("title, slug", [
    ("Één café in Súdwest-Fryslân", "een-cafe-in-sudwest-fryslan"),
    ("  Samen   sterk!  ", "samen-sterk"),
    ("'s-Hertogenbosch: ouders & school", "s-hertogenbosch-ouders-school"),
])
def test_slug_from_title(hub, title, slug, capsys):
    assert cli.main(["new", "verhaal", title, "--root", str(hub)]) == 0
    assert f"stories/{slug}.md" in capsys.readouterr().out
    assert (hub / "stories" / f"{slug}.md").exists()


def test_title_with_yaml_syntax_reads_back_exactly(hub):
    title = 'Samen: "wij" # niet [klaar] --- ja'
    path, _ = create(hub, "verhaal", title, DATE)
    assert frontmatter.read((hub / path).read_text(encoding="utf-8")).data["title"] == title


def test_title_without_letters_is_refused(hub, capsys):
    assert cli.main(["new", "verhaal", "?!", "--root", str(hub)]) == 1
    assert "geen bestandsnaam" in capsys.readouterr().err


def test_unknown_kind_is_a_usage_error(hub, capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["new", "gedicht", "Een titel", "--root", str(hub)])
    assert exit_info.value.code == 2
    assert "fout in de opdracht" in capsys.readouterr().err


def test_outside_a_hub(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["new", "verhaal", "Samen aan tafel"]) == 2
    assert "geen kennishub gevonden" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_finds_the_hub_from_a_subfolder_and_uses_todays_date(hub, monkeypatch):
    monkeypatch.chdir(hub / "stories")
    before = today_amsterdam()
    assert cli.main(["new", "terugblik", "Netwerkdag in Steenwijk"]) == 0
    data = frontmatter.read((hub / "stories" / "netwerkdag-in-steenwijk.md").read_text(encoding="utf-8")).data
    assert data["date"] in {before, today_amsterdam()}
    assert data["event"]["date"] == data["date"]


# --- docs/bijdragen.md: the guide leads to a valid entry --------------------------------

GUIDE = HERE.parent / "docs" / "bijdragen.md"


def test_guide_example_passes_the_check(tmp_path):
    """The full example an editor pastes in GitHub's web editor is a valid entry."""
    import sitekit

    text = GUIDE.read_text(encoding="utf-8")
    example = re.search(r"<!-- example-entry.*?-->\n```markdown\n(.*?)\n```\n", text, flags=re.S)
    assert example, "docs/bijdragen.md lost its example (marked <!-- example-entry -->)"
    root = sitekit.copy_hub(tmp_path / "hub")
    target = root / "stories" / "voorbeeld-uit-de-handleiding.md"
    target.write_text(example.group(1) + "\n", encoding="utf-8")
    result = check(root, ["stories/voorbeeld-uit-de-handleiding.md"], today=DATE).result
    assert [str(p) for p in result.problems] == []


def test_guide_explains_every_field():
    from kennishub.schema import model

    text = GUIDE.read_text(encoding="utf-8")
    fields = set(model()["entry"]["properties"])
    assert fields, "the content model lists no fields"
    missing = sorted(f for f in fields if f"`{f}`" not in text)
    assert missing == [], f"docs/bijdragen.md does not explain {missing}"
