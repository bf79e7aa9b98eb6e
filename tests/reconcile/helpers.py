"""Planted figures, loaded into a real (in-memory) DuckDB and run through the real SQL in sql/."""

from __future__ import annotations

from datetime import date

import duckdb
import polars as pl

from pipelines.lib import warehouse
from pipelines.lib.records import FIGURE_SCHEMA, frame

RECONCILE_SQL = (
    ("core.claim_mentions", "core/claim_mentions.sql"),
    ("core.claims", "core/claims.sql"),
    ("marts.figure_disputes", "marts/figure_disputes.sql"),
    ("marts.corroboration", "marts/corroboration.sql"),
    ("marts.revisions", "marts/revisions.sql"),
    ("marts.hostage_ledger", "marts/hostage_ledger.sql"),
)


def day(text: str) -> date:
    return date.fromisoformat(text)


def article(figure_id: str, published: str, metric: str, value: float, claimant_id: str,
            claimant_class: str = "other", **kw) -> dict:
    """An article figure; as_of defaults to the publication date, like the extractor's."""
    row = {
        "figure_id": figure_id, "origin": "article", "article_id": f"a-{published}",
        "source": "planted", "outlet": "Planted Post", "content_hash": "h" * 64,
        "source_url": f"https://planted.example/{published}", "published": day(published),
        "metric": metric, "value": value, "value_low": value, "value_high": value,
        "qualifier": "exact", "claimant": claimant_id, "claimant_id": claimant_id,
        "claimant_class": claimant_class, "status": "reported", "derived": False,
        "hedged": False, "as_of": day(published), "span_start": 0, "span_end": 1,
    }
    row.update(kw)
    for key in ("as_of", "published"):
        if isinstance(row[key], str):
            row[key] = day(row[key])
    return row


def series(figure_id: str, as_of: str, value: float, field: str = "killed_cum",
           metric: str = "killed", claimant_id: str = "gaza_moh",
           claimant_class: str = "gaza_health", dataset: str = "tfp", **kw) -> dict:
    """A statistics series value (cumulative unless the field is a period count)."""
    row = {
        "figure_id": figure_id, "origin": "statistics", "dataset": dataset,
        "dataset_field": field, "source": dataset, "source_url": "planted.json",
        "content_hash": "s" * 64, "published": day(as_of), "as_of": day(as_of),
        "metric": metric, "value": value, "value_low": value, "value_high": value,
        "qualifier": "exact", "claimant": claimant_id, "claimant_id": claimant_id,
        "claimant_class": claimant_class, "status": "reported", "derived": False,
        "hedged": False, "cumulative": field.endswith("_cum"), "location": "Gaza",
        "subject": "Palestinians", "surface": f"{field}={value}",
    }
    row.update(kw)
    return row


def reconcile(rows: list[dict], database: str = ":memory:") -> duckdb.DuckDBPyConnection:
    """A fresh warehouse (in memory, or the DuckDB file `database`) holding `rows` as
    core.figures and every reconcile table."""
    conn = duckdb.connect(database)
    warehouse.replace_table(conn, "core.figures", frame(rows, FIGURE_SCHEMA))
    for table, sql in RECONCILE_SQL:
        warehouse.build_from_sql(conn, table, sql)
    return conn


def table(conn: duckdb.DuckDBPyConnection, name: str) -> pl.DataFrame:
    return warehouse.read_table(conn, name)
