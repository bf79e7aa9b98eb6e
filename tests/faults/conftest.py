"""The fault suite's tally: every test reports what it injected, and the session writes it down.

`make faults` prints the figures (tests/faults/report.py) from the JSON this writes to
`<TALLY_LAKE or data_lake>/faults/figures.json` when the session ends, so the numbers in the
README come from a real run, not from a hand count.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime

import pytest

from pipelines.settings import REPO_ROOT

FIGURES_FILE = REPO_ROOT / "data_lake" / "faults" / "figures.json"


@dataclass
class FaultTally:
    faults_injected: int = 0
    runs_killed: int = 0
    bad_inputs_tried: int = 0
    rows_lost: int = 0
    duplicates: int = 0
    slowest_recovery_s: float = 0.0
    slowest_recovery: str = ""
    by_test: dict[str, int] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def injected(self, test: str, n: int = 1) -> None:
        with self._lock:
            self.faults_injected += n
            self.by_test[test] = self.by_test.get(test, 0) + n

    def bad_input(self, test: str, n: int = 1) -> None:
        with self._lock:
            self.bad_inputs_tried += n
            self.faults_injected += n
            self.by_test[test] = self.by_test.get(test, 0) + n

    def killed(self, test: str) -> None:
        with self._lock:
            self.runs_killed += 1
            self.faults_injected += 1
            self.by_test[test] = self.by_test.get(test, 0) + 1

    def outcome(self, lost: int, duplicates: int) -> None:
        with self._lock:
            self.rows_lost += lost
            self.duplicates += duplicates

    def recovered(self, what: str, seconds: float) -> None:
        with self._lock:
            if seconds > self.slowest_recovery_s:
                self.slowest_recovery_s, self.slowest_recovery = round(seconds, 2), what

    def as_dict(self) -> dict:
        with self._lock:
            return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "_lock"}


TALLY = FaultTally()


@pytest.fixture
def tally_faults(request) -> tuple[FaultTally, str]:
    """The session's fault tally and the current test's name (for the per-test breakdown)."""
    return TALLY, request.node.originalname


@pytest.fixture(scope="session")
def session_tally() -> FaultTally:
    """The same tally, for module-scoped fixtures (hypothesis tests cannot take per-test ones)."""
    return TALLY


def pytest_sessionfinish(session, exitstatus):
    if not TALLY.by_test:
        return  # no fault test ran in this session
    FIGURES_FILE.parent.mkdir(parents=True, exist_ok=True)
    data = {**TALLY.as_dict(), "tests_failed": session.testsfailed,
            "tests_collected": session.testscollected,
            "written_at": datetime.now(UTC).isoformat(timespec="seconds")}
    FIGURES_FILE.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
