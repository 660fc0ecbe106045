"""SVG drawings in media/ carry no script: one case per entry of tests/svg/cases.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kennishub.svg_check import check_svg

CASES = yaml.safe_load((Path(__file__).parent / "svg" / "cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_drawing(case, tmp_path):
    path = tmp_path / "tekening.svg"
    path.write_text(case["svg"], encoding="utf-8")
    found = check_svg(path)
    if case.get("ok"):
        assert found == []
    else:
        assert any(p.line == case["line"] and case["message"] in p.message for p in found), found


def test_the_validator_reports_a_drawing_with_a_script(tmp_path):
    import shutil

    from kennishub.validator import check

    hub = tmp_path / "hub"
    shutil.copytree(Path(__file__).parent / "fixtures" / "hub", hub)
    (hub / "stories" / "media" / "kaart.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', encoding="utf-8")
    found = [(p.path, p.code) for p in check(hub).result.errors]
    assert found == [("stories/media/kaart.svg", "unsafe-svg")]
