"""Builds the report file: read the warehouse, draw the charts, fill the Jinja2 template.

The template autoescapes everything, so titles, claimant names, sentences and URLs from the
data cannot inject markup; links are only made for http(s) URLs. The file is written beside
its final name and swapped in, so a reader never sees half a report.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urlsplit

import duckdb
import polars as pl
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from pipelines.report import charts, data

TEMPLATES = Path(__file__).parent / "templates"


@dataclass
class ReportSummary:
    """What went into a report, for the asset's metadata and for tests."""

    path: Path
    charts: list[str] = field(default_factory=list)
    death_toll_claims: int = 0
    ledger_rows: int = 0
    disputes: int | None = None  # None: marts.figure_disputes is not built
    checks_passed: int = 0
    checks_failed: int = 0
    missing_tables: list[str] = field(default_factory=list)


def _number(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.1f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def _cell(value) -> str:
    """Any value of a generic table (disputes) as text; the template escapes it."""
    if value is None:
        return ""
    if isinstance(value, float | int) and not isinstance(value, bool):
        return _number(value)
    if isinstance(value, list):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return str(value)


def _http_url(value) -> str | None:
    """The URL if it is http(s), else None: a javascript: or data: URL never becomes a link."""
    if not value:
        return None
    try:
        scheme = urlsplit(str(value)).scheme.lower()
    except ValueError:
        return None
    return str(value) if scheme in ("http", "https") else None


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["number"] = _number
    env.filters["cell"] = _cell
    env.filters["http_url"] = _http_url
    return env


def _latest_per_claimant(tolls: pl.DataFrame) -> list[dict]:
    """Each claimant's most recent death toll, per origin (and series): of the values about its
    latest day, the one said last, then the highest. In articles, its running toll and its
    latest one-incident toll (`one_incident`) are two rows: one raid's 274 killed, said after
    the ministry's toll of 36,801, is not the ministry's latest toll.

    Said last, not the highest: a toll revised after the fact is about the same day as the
    figure it replaces (Israel's 1,200 killed on October 7, given in November 2023 for the
    1,400 it had said before), and the highest value of the day showed the superseded one.
    Statistics are grouped per series and location; article claims per claimant only (their
    location is as written, too varied to group by).
    """
    keys = ["claimant_name", "claimant_class", "origin", "dataset", "location", "one_incident"]
    return (
        tolls.sort("day", "last_said", "value")
        .group_by(keys, maintain_order=True)
        .agg(pl.col("day").last(), pl.col("value").last(), pl.col("qualifier").last(),
             pl.col("claims").sum())
        .sort("value", descending=True)
        .to_dicts()
    )


PAIRED = {"relation", "metric_a", "metric_b", "claimant_id_a", "value_a", "as_of_a",
          "claimant_id_b", "value_b", "as_of_b"}


def _paired_disputes(disputes: pl.DataFrame, names: dict[str, str]) -> list[dict] | None:
    """Disputes as two claims side by side, when marts.figure_disputes has the paired layout
    (claim a / claim b columns); None for any other layout, shown as a plain table instead."""
    if not PAIRED <= set(disputes.columns):
        return None
    rows = []
    for row in disputes.iter_rows(named=True):
        sides = []
        for side in ("a", "b"):
            cid = row[f"claimant_id_{side}"]
            sides.append({
                "claimant": names.get(cid, cid), "class": row.get(f"claimant_class_{side}"),
                "metric": row[f"metric_{side}"], "value": row[f"value_{side}"],
                "as_of": row[f"as_of_{side}"],
                # both: a claim given in articles and in a series has outlets and datasets
                "sources": _cell([*(row.get(f"outlets_{side}") or []),
                                  *(row.get(f"datasets_{side}") or [])]),
            })
        rows.append({"relation": row["relation"], "where": row.get("location_class"),
                     "spread": row.get("spread"), "conflict": row.get("conflict"),
                     "a": sides[0], "b": sides[1]})
    return rows


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".index-", suffix=".html", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def build_report(conn: duckdb.DuckDBPyConnection, path: Path,
                 generated_at: datetime | None = None) -> ReportSummary:
    """Render the report from the warehouse behind `conn` to `path` (replaced whole)."""
    summary = ReportSummary(path=path)
    tolls = data.death_toll_points(conn)
    ledger = data.hostage_ledger(conn)
    disputes = data.disputes(conn, data.MAX_ROWS)
    checks = data.latest_checks(conn)
    counts = data.counts(conn)
    for table, frame in (("core.figures", tolls), ("marts.hostage_ledger", ledger),
                         ("marts.figure_disputes", disputes),
                         ("quality.check_results", checks)):
        if frame is None:
            summary.missing_tables.append(table)

    colors = charts.claimant_colors(
        tolls["claimant_name"].to_list() if tolls is not None else [],
        ledger["claimant_name"].to_list() if ledger is not None else [])
    toll_chart = charts.death_toll_chart(tolls, colors) if tolls is not None else None
    ledger_chart = (charts.ledger_chart(ledger, data.LEDGER_METRICS, colors)
                    if ledger is not None else None)
    summary.charts = [name for name, uri in (("death_tolls", toll_chart),
                                             ("hostage_ledger", ledger_chart)) if uri]
    summary.death_toll_claims = int(tolls["claims"].sum()) if tolls is not None else 0
    summary.ledger_rows = ledger.height if ledger is not None else 0
    summary.disputes = counts["marts.figure_disputes"]
    if checks is not None:
        summary.checks_passed = checks.filter(pl.col("success")).height
        summary.checks_failed = checks.height - summary.checks_passed

    ledger_metrics = [m for m in data.LEDGER_METRICS
                      if ledger is not None and ledger[m].drop_nulls().len()]
    article_claims = data.newest_article_tolls(conn, data.MAX_ROWS)
    html = environment().get_template("report.html.j2").render(
        generated_at=(generated_at or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC"),
        counts=counts,
        max_rows=data.MAX_ROWS,
        toll_chart=toll_chart,
        latest_tolls=_latest_per_claimant(tolls) if tolls is not None else None,
        article_claims=article_claims.to_dicts() if article_claims is not None else None,
        article_claims_total=(int(tolls.filter(pl.col("origin") == "article")["claims"].sum())
                              if tolls is not None else 0),
        ledger_chart=ledger_chart,
        ledger_metrics=ledger_metrics,
        ledger_labels=charts.LEDGER_LABELS,
        ledger=(ledger.sort("report_date", "claimant_name", descending=[True, False])
                .head(data.MAX_ROWS).to_dicts() if ledger is not None else None),
        ledger_total=summary.ledger_rows,
        disputes_paired=(_paired_disputes(disputes, data.claimant_names(conn))
                         if disputes is not None else None),
        disputes_columns=disputes.columns if disputes is not None else [],
        disputes=(list(disputes.iter_rows())
                  if disputes is not None else None),
        disputes_total=summary.disputes,
        checks=checks.to_dicts() if checks is not None else None,
        summary=summary,
        today=date.today(),
    )
    _write_atomic(path, html)
    return summary
