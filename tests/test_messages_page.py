"""The page "Alle meldingen" (issue 11): every problem code of data/meldingen.yaml is on
it, with the real example that scripts/meldingen_voorbeelden.py takes from the golden
cases; the examples file is current."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from kennishub.pages_messages import examples, messages_html
from kennishub.report import registry

ROOT = Path(__file__).resolve().parents[1]


def test_every_code_is_on_the_page():
    page = messages_html()
    missing = [code for code in registry()["codes"] if f'id="{code}"' not in page]
    assert not missing, missing


def test_every_example_belongs_to_a_known_code_and_shows_its_message():
    page = messages_html()
    codes = registry()["codes"]
    for code, example in examples().items():
        assert code in codes, f"{code}: an example of a code that data/meldingen.yaml does not list"
        assert example["melding"] and f'id="{code}"' in page, example
    assert len(examples()) >= 0.8 * len(codes)
    assert "De controle zegt:" in page and not re.search(r"\{[a-z_]+\}", page)


@pytest.mark.slow
def test_the_examples_are_current():
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "meldingen_voorbeelden.py"), "--check"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
