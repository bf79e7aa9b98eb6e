"""`make faults`: print the figures of the last fault-suite session (tests/faults/conftest.py).

Exit status 1 when a row was lost, a duplicate appeared or a fault test failed, so the target
fails loudly instead of printing a bad table and succeeding.
"""

from __future__ import annotations

import json
import sys

from tests.faults.conftest import FIGURES_FILE


def main() -> int:
    if not FIGURES_FILE.exists():
        print(f"no figures at {FIGURES_FILE}: run `pytest -m faults` first", file=sys.stderr)
        return 1
    data = json.loads(FIGURES_FILE.read_text(encoding="utf-8"))
    rows = [
        ("faults injected", f"{data['faults_injected']:,}"),
        ("runs killed (SIGKILL)", f"{data['runs_killed']}"),
        ("bad inputs tried", f"{data['bad_inputs_tried']:,}"),
        ("rows lost (must be 0)", f"{data['rows_lost']}"),
        ("duplicates (must be 0)", f"{data['duplicates']}"),
        ("slowest recovery", f"{data['slowest_recovery_s']:.1f} s ({data['slowest_recovery']})"),
        ("fault tests failed", f"{data['tests_failed']} of {data['tests_collected']}"),
    ]
    width = max(len(label) for label, _ in rows)
    print(f"\nTally fault suite, {data['written_at']}")
    for label, value in rows:
        print(f"  {label:<{width}}  {value}")
    bad = data["rows_lost"] or data["duplicates"] or data["tests_failed"]
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
