"""DuckDB writes and the SQL files under `sql/`.

Every write is one transaction that replaces a whole table or a declared slice of it, so a
re-run (or a retry after a crash) leaves exactly one copy of each row. Table names come from
Tally's own code, never from data; values always travel as registered Arrow data or as bound
parameters.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import polars as pl

from pipelines.lib.raw_store import write_parquet_batches_atomic
from pipelines.settings import REPO_ROOT

SQL_DIR = REPO_ROOT / "sql"
_TABLE = re.compile(r"^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$")
_COLUMN = re.compile(r"^[a-z_][a-z0-9_]*$")


def run(conn: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[tuple]:
    """Execute one statement and read its result to the end.

    DuckDB 2 refuses new work on a connection while an earlier result is unread.
    """
    return conn.execute(sql, params or []).fetchall()


def table_name(name: str) -> tuple[str, str]:
    """('schema.table', 'schema') for one of Tally's own table names."""
    if not _TABLE.match(name):
        raise ValueError(f"not a schema-qualified table name: {name!r}")
    return name, name.split(".")[0]


@contextmanager
def transaction(conn: duckdb.DuckDBPyConnection) -> Iterator[None]:
    run(conn, "begin transaction")
    try:
        yield
        run(conn, "commit")
    except BaseException:
        run(conn, "rollback")
        raise


@contextmanager
def registered(conn: duckdb.DuckDBPyConnection, rows: pl.DataFrame) -> Iterator[str]:
    """Expose a frame to SQL as the view `incoming` for the duration of a statement block."""
    conn.register("incoming", rows.to_arrow())
    try:
        yield "incoming"
    finally:
        conn.unregister("incoming")


def replace_table(conn: duckdb.DuckDBPyConnection, name: str, rows: pl.DataFrame) -> int:
    """Atomically replace table `name` with `rows` (schema taken from the frame)."""
    table, schema = table_name(name)
    with registered(conn, rows), transaction(conn):
        run(conn, f"create schema if not exists {schema}")
        run(conn, f"create or replace table {table} as select * from incoming")
    return rows.height


def replace_where(
    conn: duckdb.DuckDBPyConnection, name: str, rows: pl.DataFrame, column: str, keys: list
) -> int:
    """Delete the rows whose `column` is in `keys`, then insert `rows`, in one transaction."""
    table, schema = table_name(name)
    if not _COLUMN.match(column):
        raise ValueError(f"bad column name {column!r}")
    with registered(conn, rows), transaction(conn):
        run(conn, f"create schema if not exists {schema}")
        run(conn, f"create table if not exists {table} as select * from incoming limit 0")
        run(conn, f"delete from {table} where {column} in (select unnest(?))", [keys])
        run(conn, f"insert into {table} by name select * from incoming")
    return rows.height


def sql_text(relative: str) -> str:
    """The text of a SQL file under `sql/` (a plain select)."""
    path = (SQL_DIR / relative).resolve()
    if SQL_DIR not in path.parents:
        raise ValueError(f"SQL file outside sql/: {relative}")
    return path.read_text(encoding="utf-8").strip().rstrip(";")


def build_from_sql(conn: duckdb.DuckDBPyConnection, name: str, relative: str) -> int:
    """Materialise a table from a select in `sql/`, atomically; returns its row count."""
    table, schema = table_name(name)
    select = sql_text(relative)
    with transaction(conn):
        run(conn, f"create schema if not exists {schema}")
        run(conn, f"create or replace table {table} as {select}")
    return run(conn, f"select count(*) from {table}")[0][0]


def read_table(conn: duckdb.DuckDBPyConnection, name: str) -> pl.DataFrame:
    table, _ = table_name(name)
    return conn.sql(f"select * from {table}").pl()


def table_exists(conn: duckdb.DuckDBPyConnection, name: str) -> bool:
    schema, table = table_name(name)[0].split(".")
    rows = run(
        conn,
        "select count(*) from information_schema.tables where table_schema = ? and table_name = ?",
        [schema, table],
    )
    return bool(rows[0][0])


def use_filesystem(conn: duckdb.DuckDBPyConnection, fs) -> None:
    """Let DuckDB reach the lake's URLs through the lake's own fsspec filesystem.

    The same client, settings and credentials as the raw store and Polars use; and no httpfs
    extension, which DuckDB would have to download at run time.
    """
    name = fs.protocol if isinstance(fs.protocol, str) else fs.protocol[0]
    if not conn.filesystem_is_registered(name):
        conn.register_filesystem(fs)


def apply_changes(conn: duckdb.DuckDBPyConnection, name: str, chunks: Iterable[pl.DataFrame],
                  dropped: pl.DataFrame, schema: dict, replace: bool = False) -> int:
    """Delete the rows matching `dropped` on all its columns, then insert `chunks`: one transaction.

    The incremental counterpart of `replace_table` (`replace=True` empties the table first): a
    run that brings 1% new data writes 1%. The chunks are spooled, one at a time, to a local
    Parquet file that DuckDB then inserts in bulk: memory holds one chunk, and DuckDB reads the
    file within its memory limit (inserting 300,000 articles' text chunk by chunk from Python in
    one transaction grew the process to 4 GB). Returns the number of rows inserted.
    """
    table, schema_name = table_name(name)
    keys = list(dropped.columns)
    if not keys or not all(_COLUMN.match(k) for k in keys):
        raise ValueError(f"bad key columns {keys!r}")
    match = " and ".join(f"{table}.{k} is not distinct from dropped.{k}" for k in keys)
    with tempfile.TemporaryDirectory(prefix="tally-load-") as spool_dir:
        spool = Path(spool_dir) / "rows.parquet"
        inserted = write_parquet_batches_atomic(chunks, spool, schema)
        conn.register("dropped", dropped.to_arrow())
        try:
            if not replace and table_exists(conn, table):
                vacuum_when_due(conn, table)
            with (registered(conn, pl.DataFrame(schema=schema)), _lean_bulk_insert(conn),
                  transaction(conn)):
                run(conn, f"create schema if not exists {schema_name}")
                if replace:
                    run(conn, f"create or replace table {table} as select * from incoming")
                run(conn, f"create table if not exists {table} as select * from incoming")
                if dropped.height and not replace:
                    run(conn, f"delete from {table} using dropped where {match}")
                if inserted:
                    run(conn, f"insert into {table} by name select * from read_parquet(?)",
                        [str(spool)])
                if replace or dropped.height or inserted:
                    _mark_changed(conn, name, reloaded=replace)
        finally:
            conn.unregister("dropped")
    return inserted


ROW_GROUP_ROWS = 122_880  # DuckDB's rows per row group
SLACK_ROW_GROUPS = 16  # row groups a table may gain from small loads before they are vacuumed


def vacuum_when_due(conn: duckdb.DuckDBPyConnection, *tables: str) -> None:
    """Before a small load into `tables`: turn DuckDB's vacuum on for this connection's
    checkpoints only if one of them needs it.

    Why: after a small load, a checkpoint merged the table's last row groups to fill them,
    rewriting three or four whole: 0.8-1.6 s for the figures (sentences and all) after 24,000
    new ones at 300,000 articles, 0.4 s for the articles, on every run. Deferred, each load is a
    row group of its own until a table holds SLACK_ROW_GROUPS more row groups than its live rows
    fill (counting the one this load adds); then the next checkpoint folds them together.
    Deleted rows lower the live count, so they are slack too, and that checkpoint reclaims
    what it can merge (DuckDB merges at most three neighbouring row groups into fewer; deletes
    spread thinly over many can stay): it remembers which row groups await a vacuum from one
    database instance to the next. Connections open with the vacuum off
    (`settings.duckdb_config`); it is set here either way, for a connection opened without that
    setting.
    """
    due = any(_slack(conn, table) + 1 >= SLACK_ROW_GROUPS for table in tables)
    run(conn, "reset max_vacuum_tasks" if due else "set max_vacuum_tasks = 0")


def _slack(conn: duckdb.DuckDBPyConnection, table: str) -> int:
    """Row groups `table` holds beyond those its live rows would fill."""
    groups = run(conn, "select count(distinct row_group_id) from "
                       f"pragma_storage_info('{table}')")[0][0]
    return groups - -(-run(conn, f"select count(*) from {table}")[0][0] // ROW_GROUP_ROWS)


BULK_INSERT_MEMORY = "256MB"  # DuckDB's budget while it inserts a spooled file


@contextmanager
def _lean_bulk_insert(conn: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """One DuckDB thread and a memory budget of `BULK_INSERT_MEMORY` for a bulk insert.

    DuckDB fills a table's row groups (122,880 rows) in memory, one per thread, and keeps as
    much of them as its memory limit allows: 122,880 articles with their text are most of a
    gigabyte, so inserting 300,000 of them filled the whole 1 GB budget (the step's peak, 2.02
    GB in the 300,000-article bench). With a small budget DuckDB writes what it is filling to
    its temporary folder instead, and took no longer. One thread matters too: after an insert
    by two, the checkpoint when the connection closed took 20 s at the full budget again
    (merging part-filled row groups, it seems); after an insert by one it took 0.1 s.

    Both settings belong to the whole database instance, so they are put back afterwards to
    the values read before: RESET would give DuckDB's defaults (80% of the machine's memory),
    not the configured budget.
    """
    threads, limit = run(conn, "select current_setting('threads'), "
                               "current_setting('memory_limit')")[0]
    run(conn, "set threads = 1")
    run(conn, f"set memory_limit = '{BULK_INSERT_MEMORY}'")
    try:
        yield
    finally:
        run(conn, f"set memory_limit = '{limit}'")
        run(conn, f"set threads = {int(threads)}")


def _mark_changed(conn: duckdb.DuckDBPyConnection, name: str, reloaded: bool = False) -> None:
    """Give table `name` a new version in meta.builds, inside the transaction that changes it.

    The version stands for the table's contents in `fingerprint`, so it must change exactly
    when the rows do: written with them, it commits or rolls back with them. A whole reload
    also renews `<name>/reloaded` (`reloaded_mark`).
    """
    run(conn, "create schema if not exists meta")
    run(conn, "create table if not exists meta.builds (asset varchar, inputs varchar, "
              "run_id varchar, built_at timestamptz)")
    marks = [name, f"{name}/reloaded"] if reloaded else [name]
    run(conn, "delete from meta.builds where list_contains(?, asset)", [marks])
    for asset in marks:
        run(conn, "insert into meta.builds values (?, ?, null, now())",
            [asset, f"changed:{uuid.uuid4().hex}"])


def reloaded_mark(conn: duckdb.DuckDBPyConnection, name: str) -> str:
    """A mark renewed each time table `name` is reloaded whole ('' before the first). Rows
    reloaded under the same ids may differ where a digest of them cannot see (the Parquet
    exports digest an article's text through its `text_hash`, which folds case and spaces)."""
    return built_from(conn, f"{name}/reloaded") or ""


def fingerprint(conn: duckdb.DuckDBPyConnection, tables: list[str], *extra: str) -> str:
    """A digest of the tables' contents and `extra` texts.

    Downstream builds compare it with the one they were last built from, so a run with nothing
    new skips them instead of rebuilding the same rows. A table with its own row in meta.builds
    is named by that row: the inputs it was rebuilt from (its contents are a function of them)
    or the change mark its incremental loads write with their rows (`apply_changes`). Only the
    others are hashed row by row (count and a hash of every row); hashing the 1.2 GB of article
    text and the 2.4 million figures of a 300,000-article day took seconds on every run.
    """
    parts = list(extra)
    # only the tables' own rows: the raw tables' one lists every batch file of the lake
    versions = (dict(run(conn, "select asset, inputs from meta.builds where list_contains(?, "
                               "asset)", [list(tables)]))
                if tables and table_exists(conn, "meta.builds") else {})
    for name in tables:
        table, _ = table_name(name)
        if not table_exists(conn, table):
            parts.append(f"{table}:absent")
        elif name in versions:
            parts.append(f"{table}:version:{versions[name]}")
        else:
            count, digest = run(
                conn, f"select count(*), coalesce(sum(hash(t)), 0) from {table} t")[0]
            parts.append(f"{table}:{count}:{digest}")
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


BUILDS_SCHEMA = {"asset": pl.String, "inputs": pl.String, "run_id": pl.String,
                 "built_at": pl.Datetime("us", "UTC")}


def built_from(conn: duckdb.DuckDBPyConnection, asset: str) -> str | None:
    """The input fingerprint `asset` was last built from (None when never recorded)."""
    if not table_exists(conn, "meta.builds"):
        return None
    rows = run(conn, "select inputs from meta.builds where asset = ?", [asset])
    return rows[0][0] if rows else None


def forget_build(conn: duckdb.DuckDBPyConnection, asset: str) -> None:
    """Drop `asset`'s build record, so the next build of it cannot rely on what it last saw."""
    if table_exists(conn, "meta.builds"):
        run(conn, "delete from meta.builds where asset = ?", [asset])


def record_build(conn: duckdb.DuckDBPyConnection, asset: str, inputs: str, run_id: str) -> None:
    rows = pl.DataFrame([{"asset": asset, "inputs": inputs, "run_id": run_id,
                          "built_at": datetime.now(UTC)}], schema=BUILDS_SCHEMA)
    replace_where(conn, "meta.builds", rows, "asset", [asset])
