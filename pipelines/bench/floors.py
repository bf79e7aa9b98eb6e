"""The least work each stage has to do, timed on the same data right after the real run.

Why: a stage's seconds mean little on their own (the machine, the corpus and the other load all
move them); a ratio to a floor measured in the same run on the same bytes does not. Floors:
- text stages: read the stage's input bytes and run one regex over them;
- load: a bulk DuckDB insert of the staged Parquet into a scratch database;
- checks: the same rules as the Great Expectations suites, as one plain SQL query;
- marts: the same selects in `sql/` written straight into DuckDB temporary tables (no
  Dagster, no metadata, no checks);
- exports: one DuckDB COPY per exported table to a scratch folder.
"""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import duckdb
import polars as pl

from pipelines.extract.bench import FLOOR_RE
from pipelines.lib import warehouse
from pipelines.lib.raw_store import RawStore, parquet_files, read_payload

TAG_RE = re.compile(rb"<[^>]*>")
# As the pipeline's connections are (`resources.py`): a table's rows carry no order, and keeping
# it while copying 300,000 articles' text took twice as long.
DUCKDB_CONFIG = {"preserve_insertion_order": False}


def _timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def html_to_text(lake: Path) -> tuple[float, int]:
    """Read every stored article payload and find its tags (the bytes the parser must parse)."""
    rows = RawStore(lake, batch="floor").manifest().filter(pl.col("kind") == "article")
    return _timed(lambda: sum(len(TAG_RE.findall(read_payload(lake, row)))
                              for row in rows.iter_rows(named=True)))


def extraction(lake: Path) -> tuple[float, int]:
    """Read the staged article texts and scan them for number tokens (the extractor's input)."""
    def scan() -> int:
        texts = pl.read_parquet(parquet_files(lake / "staging" / "articles"), columns=["text"])
        return sum(1 for t in texts["text"] for _ in FLOOR_RE.finditer(t))
    return _timed(scan)


def load(lake: Path, scratch: Path) -> tuple[float, int]:
    """Bulk insert of the staged articles, figures and raw manifest into a scratch database."""
    scratch.unlink(missing_ok=True)
    sources = {"articles": "staging/articles", "figures": "staging/article_figures",
               "payloads": "raw/manifest", "fetch_log": "raw/fetch_log"}

    def insert() -> int:
        rows = 0
        with duckdb.connect(str(scratch)) as conn:
            for table, folder in sources.items():
                files = [str(f) for f in parquet_files(lake / folder)]
                if not files:
                    continue
                # table: one of the names above, never data
                conn.execute(f"create table {table} as select * from "  # noqa: S608
                             "read_parquet(?, union_by_name = true)", [files])
                rows += conn.execute(f"select count(*) from {table}").fetchall()[0][0]  # noqa: S608
        return rows
    try:
        return _timed(insert)
    finally:
        scratch.unlink(missing_ok=True)


# The blocking rules of expectations/{figures,article_hostages,statistics_series}.json.
CHECKS_SQL = """
with f as (select * from core.figures),
per_claimant as (
    select article_id, claimant_id,
        max(value) filter (where metric = 'abducted') as abducted,
        max(value) filter (where metric = 'hostages_remaining') as remaining
    from f
    where origin = 'article' and metric in ('abducted', 'hostages_remaining')
        and not coalesce(derived, false)
        and not regexp_matches(lower(coalesce(subject, '')), ?)
    group by article_id, claimant_id
),
series as (
    select value, lag(value) over (partition by dataset, source_url, dataset_field, location,
                                                claimant_id order by as_of) as previous_value
    from f where origin = 'statistics' and coalesce(cumulative, false)
)
select
    (select count(*) from f where claimant is null or length(claimant) < 1
        or claimant_id is null or claimant_class is null),
    (select count(*) from f where claimant_class not in (select unnest(?))),
    (select count(*) from f where metric is null or metric not in (select unnest(?))),
    (select count(*) from f where value is null or value < 0),
    (select count(*) from f where value > ?),
    (select count(*) from f where qualifier is null or qualifier not in (select unnest(?))),
    (select count(*) from f where value_low > value_high),
    (select count(*) from f where as_of > published),
    (select count(*) from f where source is null or content_hash is null),
    (select count(*) from per_claimant where remaining > abducted),
    (select count(*) from series where value < previous_value)
"""


def checks(db: Path) -> tuple[float, tuple]:
    from pipelines import vocabulary
    from pipelines.lib.figure_rules import PART_OF_THE_HOSTAGES

    params = [PART_OF_THE_HOSTAGES, list(vocabulary.CLAIMANT_CLASSES), list(vocabulary.METRICS),
              vocabulary.MAX_COUNT, list(vocabulary.QUALIFIERS)]
    with duckdb.connect(str(db), read_only=True) as conn:
        return _timed(lambda: conn.execute(CHECKS_SQL, params).fetchall()[0])


MART_SQL = ("core/claim_mentions.sql", "core/claims.sql", "marts/hostage_ledger.sql",
            "marts/figure_disputes.sql", "marts/corroboration.sql", "marts/revisions.sql")


def marts(db: Path) -> tuple[float, int]:
    """Run every select of the claims and marts in DuckDB into a temporary table, as the builds
    write every column: a count alone lets DuckDB drop the columns nobody reads, and with them
    the claims' lists of mentions (2.2 s against 4.8 s at 300,000 articles)."""
    with duckdb.connect(str(db), read_only=True, config=DUCKDB_CONFIG) as conn:
        def build() -> int:
            rows = 0
            for select in MART_SQL:
                conn.execute("create or replace temp table floor_rows as "
                             + warehouse.sql_text(select))
                rows += conn.execute("select count(*) from floor_rows").fetchall()[0][0]
            return rows

        return _timed(build)


def exports(db: Path, tables: tuple[str, ...], folder: Path) -> tuple[float, int]:
    folder.mkdir(parents=True, exist_ok=True)

    def copy() -> int:
        with duckdb.connect(str(db), read_only=True, config=DUCKDB_CONFIG) as conn:
            for table in tables:
                if warehouse.table_exists(conn, table):
                    target = str(folder / f"{table}.parquet").replace("'", "''")
                    conn.execute(f"copy {table} to '{target}' (format parquet)")
        return len(tables)
    try:
        return _timed(copy)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
