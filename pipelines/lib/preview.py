"""Markdown previews of frames for Dagster metadata."""

import dagster as dg
import polars as pl


def preview(rows: pl.DataFrame, limit: int = 10) -> dg.MetadataValue:
    """The first rows as a markdown table (long cells cut), shown on the asset's page."""
    head = rows.head(limit).with_columns(
        pl.col(c).cast(pl.String).str.slice(0, 60) for c in rows.columns
    )
    if head.is_empty():
        return dg.MetadataValue.md("_no rows_")
    lines = ["| " + " | ".join(head.columns) + " |", "|" + "---|" * len(head.columns)]
    for row in head.iter_rows():
        cells = ["" if v is None else str(v).replace("|", "\\|").replace("\n", " ") for v in row]
        lines.append("| " + " | ".join(cells) + " |")
    return dg.MetadataValue.md("\n".join(lines))
