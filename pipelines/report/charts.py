"""Charts for the report, drawn with matplotlib and embedded as SVG data URIs.

SVG keeps the charts sharp at any zoom and inside one file; shown through <img>, an SVG can run
no script, so claimant names drawn into it need no escaping. The object-oriented Figure API is
used (no pyplot), so rendering holds no global state and works in any thread without a display.
"""

from __future__ import annotations

import base64
import io
from datetime import date, timedelta

import polars as pl
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2",
           "#17becf", "#7f7f7f", "#bcbd22")
LEDGER_LABELS = {
    "abducted": "Abducted",
    "hostages_remaining": "Still held",
    "hostages_alive": "Held, believed alive",
    "hostages_dead": "Held, believed dead",
    "hostages_released": "Released by agreement",
    "hostages_rescued": "Rescued",
    "hostage_bodies_recovered": "Bodies recovered",
}
_SVG_METADATA = {"Date": None, "Creator": None}  # byte-identical output for identical data


def claimant_colors(*names: list[str]) -> dict[str, str]:
    """One colour per claimant name, shared by every chart of a report."""
    every = sorted({n for group in names for n in group if n is not None})
    return {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(every)}


def _thousands(value: float, _pos: int) -> str:
    return f"{value:,.0f}"


def _style(ax, title: str | None, ylabel: str) -> None:
    if title:
        ax.set_title(title, loc="left", fontsize=11, fontweight="bold")
    ax.set_ylabel(ylabel)
    locator = AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_formatter(FuncFormatter(_thousands))
    ax.grid(True, color="#e5e5e5", linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _to_data_uri(fig: Figure) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", metadata=_SVG_METADATA)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def death_toll_chart(tolls: pl.DataFrame, colors: dict[str, str]) -> str | None:
    """Cumulative statistics series as lines, article claims as markers, one colour per claimant."""
    if tolls.is_empty():
        return None
    fig = Figure(figsize=(10, 5.6), layout="constrained")
    ax = fig.add_subplot()
    series = tolls.filter(pl.col("origin") == "statistics")
    for (name, dataset, location), rows in series.group_by(
            "claimant_name", "dataset", "location", maintain_order=True):
        rows = rows.sort("day")
        where = f", {location}" if location else ""
        ax.plot(rows["day"].to_list(), rows["value"].to_list(), color=colors[name],
                linewidth=1.8, label=f"{name} (series {dataset}{where})")
    claims = tolls.filter(pl.col("origin") == "article")
    for (name,), rows in claims.group_by("claimant_name", maintain_order=True):
        ax.scatter(rows["day"].to_list(), rows["value"].to_list(), color=colors[name], s=36,
                   marker="o", edgecolors="white", linewidths=0.8, zorder=3,
                   label=f"{name} (in articles)")
    _style(ax, None, "people killed (as claimed)")  # the page heading names it
    fig.legend(loc="outside lower center", ncols=2, fontsize=8, frameon=False)
    return _to_data_uri(fig)


def ledger_chart(ledger: pl.DataFrame, metrics: tuple[str, ...],
                 colors: dict[str, str]) -> str | None:
    """One panel per hostage count that anyone reported, a step line per claimant."""
    shown = [m for m in metrics if ledger[m].drop_nulls().len()]
    if ledger.is_empty() or not shown:
        return None
    columns = 2 if len(shown) > 1 else 1
    rows_n = (len(shown) + columns - 1) // columns
    fig = Figure(figsize=(10, 2.9 * rows_n + 0.6), layout="constrained")
    axes = fig.subplots(rows_n, columns, squeeze=False, sharex=True)
    first: date = ledger["report_date"].min()
    last: date = ledger["report_date"].max()
    pad = max(timedelta(days=10), (last - first) * 0.03)
    for ax, metric in zip(axes.flat, shown, strict=False):
        for (name,), rows in ledger.group_by("claimant_name", maintain_order=True):
            rows = rows.filter(pl.col(metric).is_not_null()).sort("report_date")
            if rows.is_empty():
                continue
            days = rows["report_date"].to_list() + [last]
            values = rows[metric].to_list() + [rows[metric][-1]]
            ax.step(days, values, where="post", color=colors[name], linewidth=1.8,
                    label=name)
            ax.scatter(days[:-1], values[:-1], color=colors[name], s=14, zorder=3)
        # a little room on both sides, so reports on the first or last day stay visible
        ax.set_xlim(first - pad, last + pad)
        ax.set_ylim(bottom=0)
        _style(ax, LEDGER_LABELS.get(metric, metric), "people")
        ax.legend(loc="best", fontsize=7, frameon=False)
    for ax in list(axes.flat)[len(shown):]:
        ax.set_visible(False)
    return _to_data_uri(fig)
