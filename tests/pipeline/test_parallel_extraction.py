"""Large days are extracted in worker processes, with the same result as in-process."""

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from datetime import date

import polars as pl

from pipelines.defs.news import BATCH_SIZE
from pipelines.lib import staging
from pipelines.lib.staging import extract_batches
from pipelines.settings import REPO_ROOT


def articles(n):
    return [{
        "article_id": f"a{i}", "content_hash": "0" * 64, "source": "s", "outlet": "Test Desk",
        "canonical_url": f"https://t.example/{i}", "url": None, "published_at": date(2024, 2, 8),
        "ingest_day": date(2026, 1, 1),
        "text": f"The health ministry said {1000 + i} people had been killed. "
                "Officials said 253 people were abducted on October 7.",
    } for i in range(n)]


def extract_all(rows, workers):
    batches = [pl.DataFrame(rows[i : i + BATCH_SIZE]) for i in range(0, len(rows), BATCH_SIZE)]
    counted = list(extract_batches(batches, workers))
    assert sum(n for n, _ in counted) == len(rows)
    return pl.concat([figures for _, figures in counted]).to_dicts()


def test_worker_processes_match_in_process():
    batch = articles(BATCH_SIZE + 50)
    in_process = extract_all(batch, workers=1)
    parallel = extract_all(batch, workers=2)
    assert parallel == in_process
    assert len({f["article_id"] for f in parallel}) == len(batch)
    assert len({f["figure_id"] for f in parallel}) == len(parallel)
    assert {f["value"] for f in parallel} >= {1000 + i for i in range(len(batch))} | {253}


def test_workers_import_no_dagster():
    """A spawned worker imports the module of the function it runs: the batch functions live
    where Dagster is not imported, so each worker starts in a fraction of the time."""
    probe = ("import sys, pipelines.lib.staging, pipelines.extract; "
             "print('dagster' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True, cwd=REPO_ROOT)
    assert out.stdout.strip() == "False"


def test_kept_workers_run_the_next_stage_and_then_stop():
    """`keep` leaves the worker processes running for the next call (the run's next stage),
    which starts none of its own and stops them when it ends. `os.readlink("/proc/self")`,
    run in a worker, gives that worker's process id."""
    first = set(staging.run_batches(os.readlink, ["/proc/self"] * 8, 2, keep=True))
    alive = children()
    assert first and first <= alive  # still running after the first stage
    second = set(staging.run_batches(os.readlink, ["/proc/self"] * 8, 2))
    assert second and second <= alive  # the same processes ran the second stage
    assert not alive & children()  # then stopped
    assert staging._kept is None


def test_kept_workers_killed_while_waiting_are_replaced():
    """A kept worker killed before the next stage (say by the out-of-memory killer) breaks its
    pool: the next stage starts workers of its own and runs every batch, not fails."""
    kept = set(staging.run_batches(os.readlink, ["/proc/self"] * 8, 2, keep=True))
    os.kill(int(min(kept)), signal.SIGKILL)
    wait_until_broken(staging._kept[1])
    got = list(staging.run_batches(os.readlink, ["/proc/self"] * 8, 2))
    assert len(got) == 8 and not set(got) & kept  # new workers, every batch
    assert not kept & children()  # the broken pool's other worker stopped
    assert staging._kept is None


def wait_until_broken(pool, timeout: float = 30.0) -> None:
    """Until the pool has seen its killed worker, as it has long before a later stage starts.

    Right after the kill, the other worker could still answer the stage's check before the
    pool's own thread saw the death: the test then failed on CI though the code was right."""
    deadline = time.monotonic() + timeout
    while staging._answers(pool):
        if time.monotonic() > deadline:
            raise AssertionError(f"the pool did not see its killed worker in {timeout} s")
        time.sleep(0.05)


def children() -> set[str]:
    return {str(p.pid) for p in multiprocessing.active_children()}


def test_kept_workers_stop_when_the_next_stage_runs_in_process():
    list(staging.run_batches(os.readlink, ["/proc/self"] * 8, 2, keep=True))
    kept = children()
    assert kept and staging._kept is not None
    assert list(staging.run_batches(os.readlink, ["/proc/self"], 2)) == [str(os.getpid())]
    assert not kept & children()
    assert staging._kept is None
