"""`make run`: materialise every asset for today's partition, then print what was built.

Runs through the persistent Dagster instance in $DAGSTER_HOME, so the run, its asset
materialisations and its checks also show in `make ui`.
"""

from __future__ import annotations

import sys

import duckdb
from dagster import DagsterInstance

from pipelines import settings
from pipelines.defs.partitions import today

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


def summary(run_id: str) -> str:
    """Row counts of the contract tables and this run's check results, as plain text."""
    lines = [f"warehouse: {settings.duckdb_path()}", "", "tables:"]
    with duckdb.connect(str(settings.duckdb_path()), read_only=True) as conn:
        for table in TABLES:
            count = conn.execute(f"select count(*) from {table}").fetchall()[0][0]  # noqa: S608
            lines.append(f"  {table:<24} {count:>8,} rows")
        by_stage = conn.execute(
            "select stage, rule, count(*) from quality.quarantine group by all order by all"
        ).fetchall()
        checks = conn.execute(
            "select asset, rule, blocking, success, evaluated, failing "
            "from quality.check_results where run_id = ? order by asset, rule",
            [run_id],
        ).fetchall()
    lines += ["", "checks (Great Expectations suites in expectations/):"]
    for asset, rule, blocking, success, evaluated, failing in checks:
        verdict = "passed" if success else ("FAILED" if blocking else "WARN")
        kind = "blocking" if blocking else "warning"
        lines.append(f"  {verdict:<7} {asset}:{rule:<38} {kind:<8} "
                     f"{evaluated:>7,} rows checked, {failing} failing")
    lines += ["", "quarantine (stage / rule: rows):"]
    lines += [f"  {stage} / {rule}: {count}" for stage, rule, count in by_stage] or ["  empty"]
    return "\n".join(lines)


def main() -> int:
    from pipelines.definitions import defs

    partition = today()
    job = defs.resolve_job_def("ingest_job")
    with DagsterInstance.get() as instance:
        result = job.execute_in_process(
            partition_key=partition, instance=instance, raise_on_error=False,
            tags={"tally/trigger": "make run"},
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
