"""Print what the privacy check finds in the seed articles (or in any text files).

    python scripts/privacy_seeds.py [FILE_OR_DIR ...]

Without arguments it reads `../shared/seeds/*.txt` beside the project root.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kennishub.privacy import find_personal_data, message_nl
from kennishub.problems import SEVERITY_NL


def main(args: list[str]) -> int:
    root = Path(__file__).resolve().parent.parent
    paths = [Path(a) for a in args] or [root.parent / "shared" / "seeds"]
    files = sorted(f for p in paths for f in (sorted(p.glob("*.txt")) if p.is_dir() else [p]))
    total = 0
    for file in files:
        text = file.read_text(encoding="utf-8")
        findings = find_personal_data(text)
        total += len(findings)
        print(f"{file.name}: {len(findings)}")
        for f in findings:
            line = text.count("\n", 0, f.start) + 1
            column = f.start - (text.rfind("\n", 0, f.start) + 1) + 1
            print(f"  {line}:{column}: {SEVERITY_NL[f.severity]}: {f.code}: {message_nl(f)}")
    print(f"{total} findings in {len(files)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
