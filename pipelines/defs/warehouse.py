"""Warehouse assets: the single writer of DuckDB.

Every asset here is in the `duckdb` concurrency pool (limit 1 in dagster.yaml), keeps its
connection for one transaction, and replaces whole tables, so re-runs never duplicate rows.
"""


from datetime import UTC, datetime

import dagster as dg
import polars as pl
from dagster_duckdb import DuckDBResource

from pipelines.defs.news import staged_article_figures, staged_articles
from pipelines.defs.resources import TallyConfig
from pipelines.defs.statistics import staged_statistics_figures
from pipelines.lib import figure_rules, quality, warehouse
from pipelines.lib.preview import preview
from pipelines.lib.raw_store import (
    FETCH_LOG_SCHEMA,
    RawStore,
    read_parquet,
    read_parquet_dir,
    write_parquet_atomic,
)
from pipelines.lib.records import ARTICLE_SCHEMA, FIGURE_SCHEMA, QUARANTINE_SCHEMA, frame
from pipelines.settings import REPO_ROOT

POOL = "duckdb"
CLAIMANT_REGISTRY = REPO_ROOT / "pipelines" / "extract" / "claimants.csv"

CHECK_RESULTS_SCHEMA = {
    "run_id": pl.String,
    "asset": pl.String,
    "rule": pl.String,
    "suite": pl.String,
    "blocking": pl.Boolean,
    "success": pl.Boolean,
    "evaluated": pl.Int64,
    "failing": pl.Int64,
    "checked_at": pl.Datetime("us", "UTC"),
}


def latest_articles(articles: pl.DataFrame) -> pl.DataFrame:
    """One row per distinct article: the newest version of a URL, the first copy of a text."""
    return (
        articles.sort("first_seen_at")
        .unique("article_id", keep="last", maintain_order=True)
        .unique("text_hash", keep="first", maintain_order=True)
        .sort("published_at", "article_id", nulls_last=True)
    )


def _column_schema(rows: pl.DataFrame) -> dg.TableSchema:
    return dg.TableSchema(
        columns=[dg.TableColumn(name, str(dtype)) for name, dtype in rows.schema.items()]
    )


def _table_metadata(rows: pl.DataFrame, table: str) -> dict:
    return {
        "table": table,
        "dagster/row_count": rows.height,
        "dagster/column_schema": _column_schema(rows),
        "preview": preview(rows),
    }


@dg.asset(
    key=["core", "articles"],
    group_name="core",
    pool=POOL,
    deps=[staged_articles],
    kinds={"duckdb"},
    description="core.articles: one row per distinct article (deduplicated by canonical URL, "
    "newest version kept, and by body text).",
)
def core_articles(tally: TallyConfig, duckdb: DuckDBResource) -> dg.MaterializeResult:
    staged = read_parquet_dir(tally.staging("articles"), ARTICLE_SCHEMA)
    articles = latest_articles(staged)
    with duckdb.get_connection() as conn:
        warehouse.replace_table(conn, "core.articles", articles)
    meta = _table_metadata(articles.select("article_id", "outlet", "published_at", "title"),
                           "core.articles")
    meta["dagster/row_count"] = articles.height
    meta["duplicates_dropped"] = staged.height - articles.height
    return dg.MaterializeResult(metadata=meta)


def _figure_check_specs() -> list[dg.AssetCheckSpec]:
    specs = []
    for suite in figure_rules.SUITES:
        for rule, info in quality.rules_of(suite).items():
            specs.append(dg.AssetCheckSpec(
                rule, asset=["core", "figures"],
                description=f"{info['description']} (GX suite expectations/{suite}.json; "
                + ("failing rows are quarantined)" if info["blocking"] else "warning only)"),
            ))
    return specs


def _check_result(result: quality.RuleResult, asset: list[str], extra: dict | None = None):
    metadata = {
        "evaluated_rows": result.evaluated,
        "failing_rows": len(result.failing_keys),
        # Tally's "blocking" rules keep failing rows out of the table (quarantine) instead of
        # stopping the run, so Dagster shows them as non-blocking checks; this says which.
        "rule": "failing rows quarantined" if result.blocking else "warning only",
        "failing_sample": preview(pl.DataFrame(result.failing_rows, infer_schema_length=None)
                                  if result.failing_rows else pl.DataFrame()),
        **(extra or {}),
    }
    if result.errors:
        metadata["errors"] = "; ".join(result.errors)
    return dg.AssetCheckResult(
        check_name=result.rule,
        asset_key=dg.AssetKey(asset),
        passed=result.success,
        severity=dg.AssetCheckSeverity.ERROR if result.blocking else dg.AssetCheckSeverity.WARN,
        metadata=metadata,
    )


def _record_checks(conn, run_id: str, asset: str, suites: dict[str, str],
                   results: dict[str, quality.RuleResult]) -> None:
    """Every check run is kept in quality.check_results (delete-then-insert by run and asset)."""
    rows = frame([
        {"run_id": run_id, "asset": asset, "rule": r.rule, "suite": suites[r.rule],
         "blocking": r.blocking, "success": r.success, "evaluated": r.evaluated,
         "failing": len(r.failing_keys), "checked_at": datetime.now(UTC)}
        for r in results.values()
    ], CHECK_RESULTS_SCHEMA)
    with warehouse.registered(conn, rows), warehouse.transaction(conn):
        warehouse.run(conn, "create schema if not exists quality")
        warehouse.run(conn, "create table if not exists quality.check_results as "
                      "select * from incoming limit 0")
        warehouse.run(conn, "delete from quality.check_results where run_id = ? and asset = ?",
                      [run_id, asset])
        warehouse.run(conn, "insert into quality.check_results by name select * from incoming")


def _suite_of_rules(suites: tuple[str, ...]) -> dict[str, str]:
    return {rule: suite for suite in suites for rule in quality.rules_of(suite)}


@dg.asset(
    key=["core", "figures"],
    group_name="core",
    pool=POOL,
    deps=[core_articles, staged_article_figures, staged_statistics_figures],
    kinds={"duckdb"},
    check_specs=_figure_check_specs(),
    description="core.figures: one row per figure mention, from articles and statistics feeds, "
    "each with its claimant, source and evidence. Rows failing a blocking rule are kept out "
    "and recorded in quality.quarantine.",
)
def core_figures(context: dg.AssetExecutionContext, tally: TallyConfig, duckdb: DuckDBResource):
    article_figs = read_parquet_dir(tally.staging("article_figures"), FIGURE_SCHEMA)
    stats_path = tally.staging("statistics") / "figures.parquet"
    stats_figs = read_parquet(stats_path) if stats_path.exists() else frame([], FIGURE_SCHEMA)
    with duckdb.get_connection() as conn:
        current = conn.sql("select article_id, content_hash from core.articles").pl()
    # Figures of superseded article versions (or dropped duplicates) do not load.
    article_figs = article_figs.join(current, on=["article_id", "content_hash"], how="semi")
    incoming = pl.concat([article_figs, stats_figs.cast(FIGURE_SCHEMA)], how="vertical")
    incoming = incoming.unique("figure_id", keep="first", maintain_order=True)

    outcome = figure_rules.apply_rules(incoming)
    write_parquet_atomic(frame(outcome.quarantine, QUARANTINE_SCHEMA),
                         tally.quarantine("figure") / "current.parquet")
    loaded = outcome.loaded.sort("origin", "published", "article_id", "span_start", "dataset",
                                 "as_of", "dataset_field", nulls_last=True)
    with duckdb.get_connection() as conn:
        warehouse.replace_table(conn, "core.figures", loaded)
        _record_checks(conn, context.run_id, "core/figures",
                       _suite_of_rules(figure_rules.SUITES), outcome.results)
    if outcome.quarantine:
        context.log.warning(
            f"{len(outcome.quarantine)} figures failed blocking rules and were quarantined: "
            + ", ".join(f"{r.rule}={len(r.failing_keys)}" for r in outcome.results.values()
                        if r.failing_keys)
        )
    meta = _table_metadata(loaded.select("origin", "metric", "value", "qualifier",
                                         "claimant_class", "as_of", "surface"), "core.figures")
    meta["dagster/row_count"] = loaded.height
    meta["quarantined"] = len(outcome.quarantine)
    meta["from_articles"] = loaded.filter(pl.col("origin") == "article").height
    meta["from_statistics"] = loaded.filter(pl.col("origin") == "statistics").height
    yield dg.MaterializeResult(metadata=meta)
    for result in outcome.results.values():
        yield _check_result(result, ["core", "figures"])


@dg.asset(
    key=["core", "claimants"],
    group_name="core",
    pool=POOL,
    deps=[core_figures],
    kinds={"duckdb"},
    description="core.claimants: every normalised claimant (registry entries and outlets) with "
    "its class and every spelling seen in core.figures.",
)
def core_claimants(duckdb: DuckDBResource) -> dg.MaterializeResult:
    registry = pl.read_csv(CLAIMANT_REGISTRY, infer_schema_length=0)
    with duckdb.get_connection() as conn:
        warehouse.replace_table(conn, "staging.claimant_registry", registry)
        count = warehouse.build_from_sql(conn, "core.claimants", "core/claimants.sql")
        rows = warehouse.read_table(conn, "core.claimants")
    meta = _table_metadata(rows, "core.claimants")
    meta["dagster/row_count"] = count
    return dg.MaterializeResult(metadata=meta)


@dg.multi_asset(
    specs=[
        dg.AssetSpec(["raw", "fetch_log"], group_name="raw", kinds={"duckdb"},
                     deps=[["raw", "sources"], ["raw", "inbox"]],
                     description="raw.fetch_log: every fetch or read attempt: url or path, "
                     "status, time, error, content hash."),
        dg.AssetSpec(["raw", "payloads"], group_name="raw", kinds={"duckdb"},
                     deps=[["raw", "sources"], ["raw", "inbox"]],
                     description="raw.payloads: one row per stored payload per source and "
                     "locator, with its content hash (its file under <lake>/raw/objects/)."),
    ],
    pool=POOL,
)
def raw_tables(tally: TallyConfig, duckdb: DuckDBResource):
    store = RawStore(tally.lake, batch="read-only")
    log = read_parquet_dir(store.root / "fetch_log", FETCH_LOG_SCHEMA).sort("fetched_at")
    payloads = store.manifest().sort("first_seen_at")  # one row per payload, even after races
    with duckdb.get_connection() as conn:
        warehouse.replace_table(conn, "raw.fetch_log", log)
        warehouse.replace_table(conn, "raw.payloads", payloads)
    yield dg.MaterializeResult(asset_key=["raw", "fetch_log"],
                               metadata=_table_metadata(log, "raw.fetch_log"))
    yield dg.MaterializeResult(asset_key=["raw", "payloads"],
                               metadata=_table_metadata(payloads, "raw.payloads"))


@dg.asset(
    key=["quality", "quarantine"],
    group_name="quality",
    pool=POOL,
    deps=[core_figures, staged_statistics_figures, staged_articles, raw_tables],
    kinds={"duckdb"},
    description="quality.quarantine: every input that failed a blocking rule (fetch, file, "
    "article, statistics row, figure rule), with the rule and the reason.",
)
def quality_quarantine(tally: TallyConfig, duckdb: DuckDBResource) -> dg.MaterializeResult:
    stages = [p for p in (tally.lake / "quarantine").glob("*") if p.is_dir()]
    rows = pl.concat(
        [read_parquet_dir(p, QUARANTINE_SCHEMA) for p in stages]
        or [pl.DataFrame(schema=QUARANTINE_SCHEMA)],
        how="vertical_relaxed",
    )
    rows = (rows.sort("quarantined_at").unique("quarantine_id", keep="last")
            .sort("stage", "rule", "quarantined_at"))
    with duckdb.get_connection() as conn:
        warehouse.replace_table(conn, "quality.quarantine", rows)
    meta = _table_metadata(rows.select("stage", "rule", "reason", "locator"), "quality.quarantine")
    meta["dagster/row_count"] = rows.height
    for stage, count in rows.group_by("stage").len().iter_rows():
        meta[f"quarantined_{stage}"] = count
    return dg.MaterializeResult(metadata=meta)


def _ledger_check_specs() -> list[dg.AssetCheckSpec]:
    from pipelines.lib import reconcile_rules

    return [
        dg.AssetCheckSpec(rule, asset=["marts", "hostage_ledger"],
                          description=f"{info['description']} (GX suite expectations/{suite}"
                          ".json; warning only)")
        for suite in reconcile_rules.LEDGER_SUITES
        for rule, info in quality.rules_of(suite).items()
    ]


@dg.asset(
    key=["marts", "hostage_ledger"],
    group_name="marts",
    pool=POOL,
    deps=[core_figures],
    kinds={"duckdb"},
    check_specs=_ledger_check_specs(),
    description="marts.hostage_ledger: per claimant and report date, that claimant's latest "
    "hostage counts as known on that date, one column per metric, carried forward; captives "
    "held from before the war kept apart (prewar_captives).",
)
def marts_hostage_ledger(context: dg.AssetExecutionContext, tally: TallyConfig,
                         duckdb: DuckDBResource):
    from pipelines.defs.reconcile import publish_docs
    from pipelines.lib import reconcile_rules

    with duckdb.get_connection() as conn:
        warehouse.build_from_sql(conn, "marts.hostage_ledger", "marts/hostage_ledger.sql")
        ledger = warehouse.read_table(conn, "marts.hostage_ledger")
        frames = reconcile_rules.ledger_frames(ledger)
        results = reconcile_rules.validate_frames(frames)
        _record_checks(conn, context.run_id, "marts/hostage_ledger",
                       _suite_of_rules(tuple(reconcile_rules.LEDGER_SUITES)), results)
    docs = publish_docs(context, tally, frames)
    yield dg.MaterializeResult(metadata={**_table_metadata(ledger, "marts.hostage_ledger"),
                                         **docs})
    for result in results.values():
        yield _check_result(result, ["marts", "hostage_ledger"], docs)


EXPORTED_TABLES = ("core.articles", "core.figures", "core.claimants", "core.claims",
                   "core.claim_mentions", "marts.hostage_ledger", "marts.figure_disputes",
                   "marts.corroboration", "marts.revisions", "quality.quarantine",
                   "quality.check_results", "raw.fetch_log")


@dg.asset(
    key=["exports", "parquet"],
    group_name="marts",
    pool=POOL,
    deps=[core_articles, core_figures, core_claimants, marts_hostage_ledger, quality_quarantine,
          raw_tables,
          *(dg.AssetKey(t.split(".")) for t in EXPORTED_TABLES
            if t.split(".")[0] in ("core", "marts"))],
    kinds={"parquet"},
    description="Publishes the core tables and marts as Parquet under <lake>/exports/ "
    "(<schema>.<table>.parquet, each swapped in atomically), so readers never meet the "
    "warehouse's write lock.",
)
def parquet_exports(tally: TallyConfig, duckdb: DuckDBResource) -> dg.MaterializeResult:
    folder = tally.lake / "exports"
    counts = {}
    with duckdb.get_connection() as conn:
        for table in EXPORTED_TABLES:
            if warehouse.table_exists(conn, table):
                counts[table] = warehouse.export_parquet(conn, table, folder / f"{table}.parquet")
    return dg.MaterializeResult(metadata={
        "folder": dg.MetadataValue.path(str(folder)),
        **{f"rows {t}": n for t, n in counts.items()},
    })
