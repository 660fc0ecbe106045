"""The kennishub plugin's options in mkdocs.yml: a wrong value is a Dutch error that says
what belongs there, never a traceback (`per_page: 0` used to divide by zero)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError

HUB = Path(__file__).resolve().parent / "fixtures" / "hub"


def _config(tmp_path: Path, options: str) -> Path:
    hub = tmp_path / "hub"
    shutil.copytree(HUB, hub)
    config = hub / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("  - kennishub\n", f"  - kennishub:\n{options}", 1)
    config.write_text(text, encoding="utf-8")
    return config


@pytest.mark.parametrize("options, wanted", [
    ("      per_page: 0\n", "een getal van 1 of meer"),
    ("      per_page: -3\n", "een getal van 1 of meer"),
    ("      per_page: tien\n", "een getal van 1 of meer"),
    ("      per_page: true\n", "een getal van 1 of meer"),
    ("      search: ja graag\n", "true of false"),
    ("      html_rules: 1\n", "true of false"),
    ("      authors_file: 3\n", "de naam van het auteursbestand"),
])
def test_wrong_option_is_a_dutch_error(tmp_path, caplog, options, wanted):
    with pytest.raises((ConfigurationError, Abort)):
        load_config(str(_config(tmp_path, options)))
    assert f"hier hoort {wanted}" in caplog.text, caplog.text


def test_right_options_load(tmp_path):
    config = load_config(str(_config(tmp_path, "      per_page: 5\n      search: false\n")))
    assert config.plugins["kennishub"].config.per_page == 5
