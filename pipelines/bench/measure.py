"""What the bench reads off a real run: peak memory of the process tree, step times, check time.

Why these three: the targets are stated for the whole pipeline (RSS of every process it starts,
extraction workers included) and per stage; Dagster's own event log already has each step's start
and end, and every Great Expectations check goes through `quality.validate`, so wrapping that one
function splits check time out of the loading steps without changing the pipeline.
"""

from __future__ import annotations

import os
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
        return tree_rss(os.getpid())

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


PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def tree_rss(root: int) -> int:
    """Summed RSS of process `root` and all its descendants, in bytes.

    Why not psutil's `children(recursive=True)`: it reads the status of every process on the
    machine to find the children, 1.4 ms a sample here, some 3% of a core at 20 samples a
    second, and in the measured process, whose main thread waited for the sampler's hold on
    the interpreter. Linux lists each thread's children in /proc (0.06 ms a sample); psutil
    is the fallback where it does not.
    """
    if not os.path.exists(f"/proc/{root}/task/{root}/children"):
        procs = [psutil.Process(root), *psutil.Process(root).children(recursive=True)]
        return sum(_rss_or_zero(p) for p in procs)
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        try:  # a process that ended between listing and reading adds nothing
            with open(f"/proc/{pid}/statm") as statm:
                total += int(statm.read().split()[1]) * PAGE
            threads = os.listdir(f"/proc/{pid}/task")
        except (OSError, ValueError, IndexError):
            continue
        for tid in threads:
            try:  # nor does a thread that ended: the others' children still count
                with open(f"/proc/{pid}/task/{tid}/children") as children:
                    todo.extend(int(child) for child in children.read().split())
            except (OSError, ValueError):
                continue
    return total


def _rss_or_zero(proc: psutil.Process) -> int:
    try:
        return proc.memory_info().rss
    except psutil.Error:  # a worker that ended between listing and reading
        return 0


GX_IMPORT = "(import and set-up of great_expectations)"


@contextmanager
def check_timer():
    """Seconds spent in `quality.validate`, per suite, while the block runs (in this process).

    The first check of a process imports Great Expectations and sets up its context (about
    2 s here, whatever the rows; after `quality.import_ahead`, what is left of the import to
    wait for); that is kept apart under GX_IMPORT, so a stage's seconds say what its rows cost.
    """
    spent: dict[str, float] = defaultdict(float)
    original = quality.validate

    def timed(name, rows, key):
        start = time.perf_counter()
        quality.start()  # once per process; after that, a cached call
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
