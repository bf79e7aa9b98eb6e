"""Incremental loads and fingerprints on a real DuckDB: the fingerprint of a table changes exactly
when its rows do, since downstream assets skip their rebuild when it does not."""

import duckdb
import polars as pl
import pytest

from pipelines import settings
from pipelines.lib import warehouse

SCHEMA = {"id": pl.String, "value": pl.Int64}


def rows(*pairs) -> pl.DataFrame:
    return pl.DataFrame([{"id": i, "value": v} for i, v in pairs], schema=SCHEMA)


def load(conn, *chunks, dropped=(), replace=False) -> str:
    warehouse.apply_changes(conn, "core.t", iter(chunks), pl.DataFrame(
        {"id": list(dropped)}, schema={"id": pl.String}), SCHEMA, replace=replace)
    return warehouse.fingerprint(conn, ["core.t"])


def test_a_load_that_changes_rows_changes_the_fingerprint_and_one_that_does_not_keeps_it():
    conn = duckdb.connect(":memory:")
    first = load(conn, rows(("a", 1), ("b", 2)))
    assert load(conn) == first  # nothing added, nothing dropped
    added = load(conn, rows(("c", 3)))
    assert added != first
    dropped = load(conn, dropped=["a"])
    assert dropped != added
    assert conn.sql("select id from core.t order by id").fetchall() == [("b",), ("c",)]


def test_a_failed_load_leaves_rows_and_fingerprint_as_they_were():
    conn = duckdb.connect(":memory:")
    before = load(conn, rows(("a", 1)))

    def broken():
        yield rows(("b", 2))
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        warehouse.apply_changes(conn, "core.t", broken(), pl.DataFrame(
            {"id": []}, schema={"id": pl.String}), SCHEMA)
    assert warehouse.fingerprint(conn, ["core.t"]) == before
    assert conn.sql("select count(*) from core.t").fetchall() == [(1,)]


def test_a_table_without_a_version_is_fingerprinted_by_its_rows():
    conn = duckdb.connect(":memory:")
    warehouse.replace_table(conn, "core.u", rows(("a", 1)))
    before = warehouse.fingerprint(conn, ["core.u"])
    conn.execute("update core.u set value = 2")
    assert warehouse.fingerprint(conn, ["core.u"]) != before


def test_a_load_puts_back_the_threads_and_memory_budget_it_lowers_for_its_insert():
    conn = duckdb.connect(":memory:", config={"memory_limit": "1GB", "threads": 2})
    budget = ("select current_setting('threads'), "
              "parse_formatted_bytes(current_setting('memory_limit'))")
    before = conn.execute(budget).fetchall()
    load(conn, rows(("a", 1)))
    conn.execute("create table core.v (id varchar)")  # no column `value`: the insert fails
    with pytest.raises(duckdb.Error):
        warehouse.apply_changes(conn, "core.v", iter([rows(("b", 2))]), pl.DataFrame(
            {"id": []}, schema={"id": pl.String}), SCHEMA)
    [(threads, limit)] = conn.execute(budget).fetchall()
    assert threads == before[0][0]
    # put back from DuckDB's rounded text ("953.6 MiB"), not by RESET (80% of the machine)
    assert abs(limit - before[0][1]) < 2**20


def _row_groups(path) -> int:
    with duckdb.connect(str(path)) as conn:
        return conn.sql("select count(distinct row_group_id) from pragma_storage_info('core.t')"
                        ).fetchall()[0][0]


def test_small_loads_leave_the_vacuum_to_when_row_groups_pile_up(tmp_path):
    """Each small load becomes a row group of its own instead of rewriting the last ones at
    the checkpoint; once they pile up past the slack, one checkpoint folds them together."""
    db = tmp_path / "w.duckdb"
    with duckdb.connect(str(db)) as conn:
        load(conn, rows(*[(f"a{i}", i) for i in range(130_000)]))
    groups = [_row_groups(db)]
    for batch in range(warehouse.SLACK_ROW_GROUPS + 3):
        with duckdb.connect(str(db)) as conn:  # closing it checkpoints
            load(conn, rows(*[(f"b{batch}-{i}", i) for i in range(100)]))
        groups.append(_row_groups(db))
    assert groups[:5] == [2, 3, 4, 5, 6]  # deferred: one more row group per load
    assert max(groups) == 1 + warehouse.SLACK_ROW_GROUPS  # the next load's checkpoint...
    assert groups[-1] <= 6  # ...vacuumed them together
    with duckdb.connect(str(db)) as conn:
        assert conn.sql("select count(*), count(distinct id) from core.t").fetchall() == [
            (130_000 + 100 * (warehouse.SLACK_ROW_GROUPS + 3),) * 2]


def _storage(path) -> tuple[int, int, int]:
    """Row groups of core.t, the rows they store (deleted ones included), and its live rows."""
    with duckdb.connect(str(path)) as conn:
        return conn.sql("""
            select count(*), sum(stored), (select count(*) from core.t)
            from (select row_group_id, max(count) as stored
                  from pragma_storage_info('core.t') group by all)
        """).fetchall()[0]


def test_the_next_step_does_not_do_a_small_loads_vacuum(tmp_path):
    """Every pipeline connection opens with the vacuum off: DuckDB remembers that the load's
    row groups await a vacuum, and a later checkpoint with its default on did it."""
    db = tmp_path / "w.duckdb"
    with duckdb.connect(str(db)) as conn:
        load(conn, rows(*[(f"a{i}", i) for i in range(130_000)]))
    with duckdb.connect(str(db), config=settings.duckdb_config()) as conn:
        load(conn, rows(*[(f"b{i}", i) for i in range(24_000)]))
    assert _storage(db)[0] == 3  # deferred: a row group of its own
    with duckdb.connect(str(db), config=settings.duckdb_config()) as conn:
        warehouse.record_build(conn, "another step", "its inputs", "run")
    assert _storage(db)[0] == 3


def test_deleted_rows_wait_for_the_vacuum_and_it_reclaims_them(tmp_path):
    db = tmp_path / "w.duckdb"
    with duckdb.connect(str(db)) as conn:
        load(conn, rows(*[(f"a{i}", i) for i in range(4 * warehouse.ROW_GROUP_ROWS)]))
    with duckdb.connect(str(db), config=settings.duckdb_config()) as conn:
        load(conn, dropped=[f"a{i}" for i in range(4 * warehouse.ROW_GROUP_ROWS) if i % 4])
    groups, stored, live = _storage(db)
    assert (groups, stored, live) == (4, 4 * warehouse.ROW_GROUP_ROWS, warehouse.ROW_GROUP_ROWS)
    loads = 0
    while _storage(db)[1] > _storage(db)[2]:  # until the deleted rows are gone
        with duckdb.connect(str(db), config=settings.duckdb_config()) as conn:
            load(conn, rows((f"b{loads}", loads)))
        loads += 1
        assert loads < warehouse.SLACK_ROW_GROUPS  # the deleted rows count as slack
    groups, stored, live = _storage(db)
    assert stored == live == warehouse.ROW_GROUP_ROWS + loads
    assert groups <= 3
