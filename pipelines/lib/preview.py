"""Markdown previews of frames for Dagster metadata."""

import dagster as dg
import polars as pl

MAX_CELL = 60


def _cell(value: object) -> str:
    if value is None:
        return ""
    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    return text[:MAX_CELL].replace("|", "\\|").replace("\n", " ")


def preview(rows: pl.DataFrame, limit: int = 10) -> dg.MetadataValue:
    """The first rows as a markdown table (long cells cut), shown on the asset's page."""
    if rows.is_empty():
        return dg.MetadataValue.md("_no rows_")
    lines = ["| " + " | ".join(rows.columns) + " |", "|" + "---|" * len(rows.columns)]
    for row in rows.head(limit).iter_rows():
        lines.append("| " + " | ".join(_cell(v) for v in row) + " |")
    return dg.MetadataValue.md("\n".join(lines))
