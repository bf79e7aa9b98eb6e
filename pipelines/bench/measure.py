"""What the bench reads off a real run: peak memory of the process tree, step times, check time.

Why these three: the targets are stated for the whole pipeline (RSS of every process it starts,
extraction workers included) and per stage; Dagster's own event log already has each step's start
and end, and every Great Expectations check goes through `quality.validate`, so wrapping that one
function splits check time out of the loading steps without changing the pipeline.
"""

from __future__ import annotations

import sys
import threading
import time
from collections import defaultdict
from contextlib import contextmanager

import dagster as dg
import psutil

from pipelines.lib import quality


class PeakRss:
    """Samples the summed RSS of this process and all its descendants every `interval` seconds.

    Keeps the largest sample of each 1-second slot too, so a step's peak can be read off its
    span afterwards (`step_peaks`): the whole run's peak alone does not say which step to fix.
    """

    def __init__(self, interval: float = 0.05):
        self.interval = interval
        self.peak = 0
        self.by_second: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> int:
        root = psutil.Process()
        total = 0
        for proc in [root, *root.children(recursive=True)]:
            try:
                total += proc.memory_info().rss
            except psutil.Error:  # a worker that ended between listing and reading
                pass
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            rss = self._sample()
            self.peak = max(self.peak, rss)
            slot = int(time.time())
            self.by_second[slot] = max(self.by_second.get(slot, 0), rss)
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakRss:
        self.peak = self._sample()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


GX_IMPORT = "(import great_expectations)"


@contextmanager
def check_timer():
    """Seconds spent in `quality.validate`, per suite, while the block runs (in this process).

    The first check of a process imports Great Expectations (about 2.3 s here, whatever the
    rows); that is kept apart under GX_IMPORT, so a stage's seconds say what its rows cost.
    """
    spent: dict[str, float] = defaultdict(float)
    original = quality.validate

    def timed(name, rows, key):
        if "great_expectations" not in sys.modules:
            start = time.perf_counter()
            import great_expectations  # noqa: F401

            spent[GX_IMPORT] += time.perf_counter() - start
        start = time.perf_counter()
        try:
            return original(name, rows, key)
        finally:
            spent[name] += time.perf_counter() - start

    quality.validate = timed
    try:
        yield spent
    finally:
        quality.validate = original


def step_peaks(spans: dict[str, tuple[float, float]], by_second: dict[int, int]) -> dict[str, int]:
    """Peak RSS of the process tree while each step ran (from `PeakRss.by_second`)."""
    return {step: max((rss for slot, rss in by_second.items()
                       if int(start) <= slot <= int(end)), default=0)
            for step, (start, end) in spans.items()}


def step_spans(instance: dg.DagsterInstance, run_id: str) -> dict[str, tuple[float, float]]:
    """Each step's (start, end) in Unix seconds, from its STEP_START to its success or failure."""
    starts, spans = {}, {}
    for entry in instance.all_logs(run_id):
        event = entry.dagster_event
        if event is None or event.step_key is None:
            continue
        if event.event_type_value == "STEP_START":
            starts[event.step_key] = entry.timestamp
        elif event.event_type_value in ("STEP_SUCCESS", "STEP_FAILURE"):
            spans[event.step_key] = (starts.get(event.step_key, entry.timestamp), entry.timestamp)
    return spans
