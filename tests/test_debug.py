"""KENNISHUB_DEBUG=1 shows a developer the traceback behind "onverwachte fout"; an
editor (without the variable) sees only the Dutch message."""

from __future__ import annotations

from pathlib import Path

import pytest

from kennishub import validator

HUB = Path(__file__).parent / "fixtures" / "hub"


def _broken(*args, **kwargs):
    raise ZeroDivisionError("kapot")


@pytest.mark.parametrize("debug", [False, True])
def test_traceback_only_when_debugging(debug, monkeypatch, capsys):
    monkeypatch.setattr(validator, "check_body", _broken)
    if debug:
        monkeypatch.setenv("KENNISHUB_DEBUG", "1")
    else:
        monkeypatch.delenv("KENNISHUB_DEBUG", raising=False)
    result = validator.check(HUB, workers=1).result
    assert any(p.code == "internal-error" and "ZeroDivisionError" in p.message for p in result.errors)
    err = capsys.readouterr().err
    assert ("Traceback (most recent call last)" in err) is debug
    assert ("kapot" in err) is debug
