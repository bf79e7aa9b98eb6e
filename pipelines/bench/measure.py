"""What the bench reads off a real run: peak memory of the process tree, step times, check time.

Why these three: the targets are stated for the whole pipeline (RSS of every process it starts,
extraction workers included) and per stage; Dagster's own event log already has each step's start
and end, and every Great Expectations check goes through `quality.validate`, so wrapping that one
function splits check time out of the loading steps without changing the pipeline.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from contextlib import contextmanager

import dagster as dg
import psutil

from pipelines.lib import quality


class PeakRss:
    """Samples the summed RSS of this process and all its descendants every `interval` seconds."""

    def __init__(self, interval: float = 0.05):
        self.interval = interval
        self.peak = 0
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
            self.peak = max(self.peak, self._sample())
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakRss:
        self.peak = self._sample()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


@contextmanager
def check_timer():
    """Seconds spent in `quality.validate`, per suite, while the block runs (in this process)."""
    spent: dict[str, float] = defaultdict(float)
    original = quality.validate

    def timed(name, rows, key):
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


def step_seconds(instance: dg.DagsterInstance, run_id: str) -> dict[str, float]:
    """Wall seconds of each step of a run, from its STEP_START to its success or failure."""
    starts, spans = {}, {}
    for entry in instance.all_logs(run_id):
        event = entry.dagster_event
        if event is None or event.step_key is None:
            continue
        if event.event_type_value == "STEP_START":
            starts[event.step_key] = entry.timestamp
        elif event.event_type_value in ("STEP_SUCCESS", "STEP_FAILURE"):
            spans[event.step_key] = entry.timestamp - starts.get(event.step_key, entry.timestamp)
    return spans
