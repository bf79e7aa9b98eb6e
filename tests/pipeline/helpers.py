"""Running the real Dagster assets against a throw-away lake and DuckDB file."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import duckdb

from pipelines.defs.partitions import today

# One day for the whole test session, so that the runs of a test made either side of midnight
# UTC share a partition: a second run on the next day had a day of its own, with nothing staged.
DAY = today()


def all_assets():
    from pipelines.definitions import defs

    return list(defs.assets)


def materialize(resources: dict, selection=None, partition: str | None = None,
                instance: dg.DagsterInstance | None = None,
                partitioned: bool = True) -> dg.ExecuteInProcessResult:
    """Run the real assets in-process; `partitioned=False` for selections of unpartitioned ones."""
    return dg.materialize(
        all_assets(),
        resources=resources,
        partition_key=(partition or DAY) if partitioned else None,
        selection=selection,
        instance=instance or dg.DagsterInstance.ephemeral(),
        raise_on_error=True,
    )


def query(lake: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(lake / "warehouse.duckdb"), read_only=True) as conn:
        return conn.execute(sql, params or []).fetchall()


def count(lake: Path, table: str) -> int:
    return query(lake, f"select count(*) from {table}")[0][0]  # noqa: S608


def checks(result: dg.ExecuteInProcessResult) -> dict[str, bool]:
    return {e.check_name: e.passed for e in result.get_asset_check_evaluations()}


def sample_inbox_files() -> int:
    """Local files a second run finds unchanged (same modification time and size as logged)
    and skips: the sample inbox's files and the sources that are one local file (statistics).
    The fetch log gains a row for every other read (the feed and the pages it links)."""
    from pipelines.lib.sources import load_sources
    from pipelines.settings import REPO_ROOT
    from tests.conftest import SAMPLES

    single = [s for s in load_sources(SAMPLES / "sources.yaml").sources
              if s.path and s.kind not in ("feed", "inbox")
              and s.local_path(REPO_ROOT).is_file()]
    return sum(1 for p in (SAMPLES / "articles").rglob("*") if p.is_file()) + len(single)