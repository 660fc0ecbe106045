"""Problems found in a hub and the result of one check run.

One `Result` object feeds every output format (text, GitHub annotations, JSON).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]
SEVERITY_NL = {"error": "fout", "warning": "waarschuwing"}


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # POSIX path relative to the hub root
    line: int  # 1-based
    column: int | None  # 1-based, None when unknown
    severity: Severity
    code: str  # stable identifier such as "unknown-key", "privacy-email"
    message: str  # Dutch, one sentence, says what to change

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Result:
    problems: list[Problem] = field(default_factory=list)
    files_checked: int = 0

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def extend(self, problems) -> None:
        self.problems.extend(problems)

    def sorted(self) -> list[Problem]:
        return sorted(set(self.problems), key=lambda p: (p.path, p.line, p.column or 0, p.code, p.message))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors or (strict and self.warnings))
