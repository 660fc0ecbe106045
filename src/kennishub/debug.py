"""`KENNISHUB_DEBUG=1`: a developer sees the traceback that editors never see.

Every place that turns an unexpected failure into a Dutch message calls `traceback()`
first; without the variable it does nothing.
"""

from __future__ import annotations

import os
import sys
import traceback as _traceback


def enabled() -> bool:
    return os.environ.get("KENNISHUB_DEBUG") == "1"


def traceback() -> None:
    """Print the exception being handled to standard error, when debugging."""
    if enabled():
        _traceback.print_exc(file=sys.stderr)
