"""The raw tables take a run's new batch files by appending them, and always equal a rebuild."""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime, timedelta

import dagster as dg
import duckdb
import polars as pl
import pytest

from pipelines.defs.news import REBUILD_TAG
from pipelines.defs.warehouse import _append_raw
from pipelines.lib.raw_store import MANIFEST_SCHEMA
from tests.conftest import SAMPLES, resources_for, write_sources
from tests.pipeline.helpers import all_assets, query

ARTICLES = sorted((SAMPLES / "articles").iterdir())
LOG = "raw.fetch_log"  # its build record lists the batch files the raw tables hold
RAW = [dg.AssetKey(["raw", name]) for name in ("sources", "inbox", "fetch_log", "payloads")]


def _run(resources: dict, tags: dict | None = None) -> str | None:
    """Materialize the raw assets; how raw.payloads was built (None: the step failed)."""
    result = dg.materialize(all_assets(), resources=resources, selection=RAW,
                            instance=dg.DagsterInstance.ephemeral(), tags=tags,
                            raise_on_error=False)
    events = [e for e in result.get_asset_materialization_events()
              if e.asset_key == dg.AssetKey(["raw", "payloads"])]
    return events[0].materialization.metadata["rebuilt"].value if events else None


def _rows(resources: dict) -> dict[str, list]:
    """Both tables' rows, read through the run's resource: a failed step's database can outlive
    it (in its traceback), and DuckDB opens a file a second time only with the same settings,
    so a read-only connection of its own failed or passed with the collector's timing."""
    with resources["duckdb"].get_connection() as conn:
        return {table: sorted(conn.execute(
                    f"select columns(*)::varchar from {table}").fetchall())  # noqa: S608
                for table in ("raw.fetch_log", "raw.payloads")}


@pytest.mark.integration
def test_a_run_stopped_between_the_raw_tables_leaves_the_next_to_rebuild_them_whole(tmp_path):
    """It cannot know how far the stopped run got. Had that run's record of the files it took
    survived, a file rewritten since (a retried step writes its batch files again) would have
    its new rows appended next to the old."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(ARTICLES[0], inbox)
    lake = tmp_path / "lake"
    resources = resources_for(lake, write_sources(tmp_path / "sources.yaml", [
        {"name": "desk-inbox", "kind": "inbox", "path": str(inbox)}]))
    assert _run(resources) == "whole"
    taken = set((lake / "raw" / "fetch_log").rglob("*.parquet"))

    # raw.payloads made unwritable: the run stops after the fetch log took the new rows
    with duckdb.connect(str(lake / "warehouse.duckdb")) as conn:
        conn.execute("alter table raw.payloads rename to payloads_kept")
        conn.execute("create view raw.payloads as select * from raw.payloads_kept")
    shutil.copy(ARTICLES[1], inbox)
    assert _run(resources) is None
    # through the resource, as `_rows` reads, and for its reason
    with resources["duckdb"].get_connection() as conn:
        conn.execute("drop view raw.payloads")
        conn.execute("alter table raw.payloads_kept rename to payloads")
    for path in set((lake / "raw" / "fetch_log").rglob("*.parquet")) - taken:
        rows = pl.read_parquet(path)  # written again, a few seconds later
        rows.with_columns(pl.col("fetched_at") + timedelta(seconds=5)).write_parquet(path)

    assert _run(resources) == "whole"
    after = _rows(resources)
    assert len(after["raw.fetch_log"]) == 2
    assert _run(resources, tags={REBUILD_TAG: "full"}) == "whole"
    assert _rows(resources) == after


@pytest.mark.integration
def test_new_batch_files_are_appended_and_equal_a_rebuild(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for path in ARTICLES[:-1]:
        shutil.copy(path, inbox)
    lake = tmp_path / "lake"
    sources = write_sources(tmp_path / "sources.yaml", [
        {"name": "desk-inbox", "kind": "inbox", "path": str(inbox)}])
    resources = resources_for(lake, sources)
    assert _run(resources) == "whole"
    [(first_files,)] = query(lake, f"select inputs from meta.builds where asset = '{LOG}'")

    shutil.copy(ARTICLES[-1], inbox)
    assert _run(resources) == "new batch files appended"
    appended = _rows(resources)
    assert len(appended["raw.payloads"]) == len(ARTICLES)

    # The record of the files taken set back to before the append: the next run appends the
    # same files again, and adds nothing twice.
    with duckdb.connect(str(lake / "warehouse.duckdb")) as conn:
        conn.execute(f"update meta.builds set inputs = ? where asset = '{LOG}'", [first_files])
    assert _run(resources) == "new batch files appended"
    assert _rows(resources) == appended

    # A batch file taken before that changed since: the tables are rebuilt whole.
    batch_file = next((lake / "raw" / "fetch_log").rglob("*.parquet"))
    os.utime(batch_file, ns=(1, 1))
    assert _run(resources) == "whole"
    assert _rows(resources) == appended

    assert _run(resources, tags={REBUILD_TAG: "full"}) == "whole"
    assert _rows(resources) == appended

    # A table written before a column was added is rebuilt whole, and gets the column.
    with duckdb.connect(str(lake / "warehouse.duckdb")) as conn:
        conn.execute("alter table raw.fetch_log drop column elapsed_s")
        conn.execute(f"update meta.builds set inputs = ? where asset = '{LOG}'", [first_files])
    assert _run(resources) == "whole"
    assert _rows(resources) == appended


def test_a_payload_keeps_its_earliest_sighting_old_or_new():
    """Two runs can record the same new payload: the earlier record wins, even when it comes
    in a batch file read after the later one."""
    def sighting(batch: str, day: int) -> dict:
        return {"content_hash": "h1", "source": "desk", "locator": "desk/a.html",
                "batch": batch, "first_seen_at": datetime(2026, 12, day, tzinfo=UTC)}

    table = pl.DataFrame([sighting("late", 6)], schema=MANIFEST_SCHEMA)
    with duckdb.connect() as conn:
        conn.execute("create schema raw")
        conn.register("t", table.to_arrow())
        conn.execute("create table raw.payloads as select * from t")
        conn.execute("create table raw.fetch_log (batch varchar, source varchar, "
                     "locator varchar, fetched_at timestamptz)")
        no_log = pl.DataFrame(schema={"batch": pl.String, "source": pl.String,
                                      "locator": pl.String,
                                      "fetched_at": pl.Datetime("us", "UTC")})
        _append_raw(conn, no_log, pl.DataFrame([sighting("early", 5)], schema=MANIFEST_SCHEMA))
        assert conn.execute("select batch from raw.payloads").fetchall() == [("early",)]
        _append_raw(conn, no_log, pl.DataFrame([sighting("later", 7)], schema=MANIFEST_SCHEMA))
        assert conn.execute("select batch from raw.payloads").fetchall() == [("early",)]
