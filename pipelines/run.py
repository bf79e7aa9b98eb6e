"""`make run`: materialise every asset for today's partition, then print what was built.

Runs through the persistent Dagster instance in $DAGSTER_HOME, so the run, its asset
materialisations and its checks also show in `make ui`.

Dagster is imported inside the functions, not at the top: the article steps' worker processes
are spawned, and a spawned process imports the main module again, so every worker of every
run paid Dagster's import (0.6 s) before its first article.
"""

from __future__ import annotations

import os
import socket
import sys
import time
from typing import TYPE_CHECKING

import duckdb

from pipelines import settings

if TYPE_CHECKING:
    from dagster import DagsterInstance

TABLES = (
    "raw.payloads",
    "raw.fetch_log",
    "core.articles",
    "core.figures",
    "core.claimants",
    "core.claims",
    "core.claim_mentions",
    "marts.hostage_ledger",
    "marts.figure_disputes",
    "marts.corroboration",
    "marts.revisions",
    "quality.quarantine",
    "quality.check_results",
)


def _read_only(path, wait_s: float = 120.0) -> duckdb.DuckDBPyConnection:
    """A read-only connection, waiting while another run holds the file's write lock.

    DuckDB refuses a reader while a writer process has the file open; two `make run`s started
    together take turns on the file, so the first to finish waits for the other's write.
    """
    deadline = time.monotonic() + wait_s
    while True:
        try:
            return duckdb.connect(str(path), read_only=True)
        except duckdb.IOException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def summary(run_id: str) -> str:
    """Row counts of the contract tables and this run's check results, as plain text."""
    lines = [f"warehouse: {settings.duckdb_path()}", "", "tables:"]
    with _read_only(settings.duckdb_path()) as conn:
        for table in TABLES:
            count = conn.execute(f"select count(*) from {table}").fetchall()[0][0]  # noqa: S608
            lines.append(f"  {table:<24} {count:>8,} rows")
        by_stage = conn.execute(
            "select stage, rule, count(*) from quality.quarantine group by all order by all"
        ).fetchall()
        checks = conn.execute(
            "select asset, rule, blocking, success, evaluated, failing, run_id = ? "
            "from quality.check_results "
            "qualify row_number() over (partition by asset, rule order by checked_at desc) = 1 "
            "order by asset, rule",
            [run_id],
        ).fetchall()
    lines += ["", "checks (Great Expectations suites in expectations/; latest result of each, "
              "'*' = not re-run: its table did not change in this run):"]
    for asset, rule, blocking, success, evaluated, failing, this_run in checks:
        verdict = "passed" if success else ("FAILED" if blocking else "WARN")
        kind = "blocking" if blocking else "warning"
        mark = " " if this_run else "*"
        lines.append(f" {mark}{verdict:<7} {asset}:{rule:<38} {kind:<8} "
                     f"{evaluated:>7,} rows checked, {failing} failing")
    lines += ["", "quarantine (stage / rule: rows):"]
    lines += [f"  {stage} / {rule}: {count}" for stage, rule, count in by_stage] or ["  empty"]
    return "\n".join(lines)


def _process_gone(run) -> bool:
    """True when the run was started by `make run` on this host and its process has died."""
    pid, host = run.tags.get("tally/pid"), run.tags.get("tally/host")
    if not (pid and pid.isdigit()) or host != socket.gethostname():
        return False  # not ours to judge (a UI run: Dagster's own run monitoring covers it)
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def release_abandoned_slots(instance: DagsterInstance) -> list[str]:
    """Free the `duckdb` pool slot of runs whose process is gone, and mark those runs failed.

    A run killed mid-step (SIGKILL, OOM, power cut) never releases the slot it claimed, and
    with a pool limit of one every later run would wait for it forever.
    """
    storage = instance.event_log_storage
    freed = []
    for run_id in sorted(storage.get_concurrency_run_ids()):
        run = instance.get_run_by_id(run_id)
        if run is not None and not run.is_finished and not _process_gone(run):
            continue  # alive: a concurrent run holds the slot legitimately
        storage.free_concurrency_slots_for_run(run_id)
        if run is not None and not run.is_finished:
            instance.report_run_failed(run, "its process is gone (killed?); pool slots freed")
        freed.append(run_id)
    return freed


def main() -> int:
    from dagster import DagsterInstance

    from pipelines.definitions import defs
    from pipelines.defs.partitions import today

    partition = today()
    job = defs.resolve_job_def("ingest_job")
    with DagsterInstance.get() as instance:
        for run_id in release_abandoned_slots(instance):
            print(f"freed the pool slots of abandoned run {run_id}", file=sys.stderr)
        result = job.execute_in_process(
            partition_key=partition, instance=instance, raise_on_error=False,
            tags={"tally/trigger": "make run", "tally/pid": str(os.getpid()),
                  "tally/host": socket.gethostname()},
        )
    print(f"\nrun {result.run_id} for partition {partition}: "
          f"{'success' if result.success else 'FAILED'}")
    if not result.success:
        for event in result.all_events:
            if event.is_failure:
                print(f"  {event.step_key}: {event.message}", file=sys.stderr)
        return 1
    print(summary(result.run_id))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
