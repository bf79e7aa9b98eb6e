"""The report asset: after each run, the static HTML report at reports/index.html.

The report lives beside the warehouse it is rendered from (`TallyConfig.local`: the lake when
it is local, the DuckDB file's folder when the lake is object storage).

It reads the warehouse, so it runs after every asset that writes it: every asset in the `duckdb`
pool of any module under `pipelines/defs/`, found when this module loads, so tables added later
(such as marts.figure_disputes) come before the report without touching this file. It sits in
that pool itself: a DuckDB file refuses a second process while the writer has it open.
"""

import importlib
import pkgutil

import dagster as dg
from dagster_duckdb import DuckDBResource

import pipelines.defs
from pipelines.defs.resources import TallyConfig
from pipelines.defs.warehouse import POOL, inputs_unchanged, skipped
from pipelines.lib import warehouse
from pipelines.report import build_report

# What the report shows (pipelines/report/data.py): a run that changed none of them skips it.
REPORTED_TABLES = ("core.claimants", "core.figures", "marts.hostage_ledger",
                   "marts.figure_disputes", "quality.check_results")
NOT_UPSTREAM = {"report", "automation"}  # this module, and the one that selects jobs from it


def _warehouse_writers() -> list[dg.AssetsDefinition]:
    """Every asset of pipelines.defs that writes the warehouse (is in the DuckDB pool)."""
    found: dict[frozenset, dg.AssetsDefinition] = {}
    for info in pkgutil.iter_modules(pipelines.defs.__path__):
        if info.name in NOT_UPSTREAM:
            continue
        module = importlib.import_module(f"pipelines.defs.{info.name}")
        for value in vars(module).values():
            if isinstance(value, dg.AssetsDefinition) and value.op.pool == POOL:
                found[frozenset(value.keys)] = value
    return list(found.values())


@dg.asset(
    key=["reports", "overview"],
    group_name="reports",
    pool=POOL,
    deps=_warehouse_writers(),
    kinds={"html"},
    description="A static HTML report (reports/index.html beside the warehouse, one "
    "self-contained file): "
    "claimed death tolls over time per claimant, the hostage ledger, disputes and the latest "
    "check results.",
)
def report_overview(context: dg.AssetExecutionContext, tally: TallyConfig,
                    duckdb: DuckDBResource) -> dg.MaterializeResult:
    path = tally.local / "reports" / "index.html"
    with duckdb.get_connection() as conn:
        tables = [t for t in REPORTED_TABLES if warehouse.table_exists(conn, t)]
        same, inputs = inputs_unchanged(context, conn, "reports.overview", tables)
        if same and path.exists():
            return dg.MaterializeResult(metadata=skipped("every table it shows"))
        summary = build_report(conn, path)
        warehouse.record_build(conn, "reports.overview", inputs, context.run_id)
    if summary.missing_tables:
        context.log.info(f"not in the warehouse yet, left out: {', '.join(summary.missing_tables)}")
    return dg.MaterializeResult(metadata={
        "path": dg.MetadataValue.path(str(path)),
        "url": dg.MetadataValue.url(path.resolve().as_uri()),
        "charts": ", ".join(summary.charts) or "none",
        "death_toll_figures": summary.death_toll_claims,
        "ledger_rows": summary.ledger_rows,
        "disputes": summary.disputes if summary.disputes is not None else "not built",
        "checks_passed": summary.checks_passed,
        "checks_failed": summary.checks_failed,
        "bytes": path.stat().st_size,
    })
