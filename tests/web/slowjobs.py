"""The dashboard's worker jobs made slow on purpose, for the server tests (``create_app(jobs_module="slowjobs")``).

Each job does the real work, then keeps its worker busy: ``check`` spins the CPU for the seconds
named by a first line ``HOLD <seconds>`` of the article (none: no hold), ``pair_html`` holds
:data:`PAIR_HOLD` seconds so concurrent requests surely overlap. A job records its worker's process id
as a file in ``$SLOWJOBS_DIR`` before it holds, so a test can see whether that process still runs.
"""

from __future__ import annotations

import os
import re
import time
from datetime import date
from pathlib import Path
from typing import Any

from mirrortrade.report.web import jobs

PAIR_HOLD = 1.0
findings = jobs.findings
overview_html = jobs.overview_html


def _hold(seconds: float, what: str) -> None:
    Path(os.environ["SLOWJOBS_DIR"], f"{what}-{os.getpid()}").touch()
    end = time.monotonic() + seconds
    while time.monotonic() < end:  # a CPU-bound loop, like a long check
        pass


def check(file: str, store_name: str, text: str, article_date: date | None) -> dict[str, Any]:
    m = re.match(r"HOLD (\d+(?:\.\d+)?)\n", text)
    if m:
        _hold(float(m[1]), "check")
    return jobs.check(file, store_name, text, article_date)


def pair_html(*args: Any) -> str:
    _hold(PAIR_HOLD, "pair")
    return jobs.pair_html(*args)
