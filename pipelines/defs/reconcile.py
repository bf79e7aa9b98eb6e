"""Reconciliation assets: claims merged from mentions, then disputes, corroboration, revisions.

core.figures holds every mention; people ask about claims ("who said 1,200 killed on October
7, and where?"). These assets group mentions into claims and set claims against each other:
different claimants side by side (figure_disputes), articles against the statistics series
that speak for the same claimant (corroboration), and each claimant against itself over time
(revisions). All are selects in sql/; the rules that guard them run as Great Expectations
suites (pipelines.lib.reconcile_rules) inside the assets' checks and are recorded in
quality.check_results. Every asset writes DuckDB, so each sits in the one-writer pool.
"""

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipelines.defs.resources import TallyConfig
from pipelines.defs.warehouse import (
    POOL,
    _carried_checks,
    _check_result,
    _previous_checks,
    _record_checks,
    _suite_of_rules,
    _table_metadata,
    core_figures,
    full_rebuild,
    inputs_unchanged,
    skipped,
)
from pipelines.lib import claim_updates, data_docs, quality, reconcile_rules, warehouse

CLAIMS = ["core", "claims"]
MENTIONS = ["core", "claim_mentions"]
MART_INPUTS = ["core.claims", "core.claim_mentions", "core.figures", "core.claimants"]
CLAIM_SQL = (claim_updates.MENTIONS_SQL, claim_updates.CLAIMS_SQL)
CLAIM_RULE_SUITES = tuple(reconcile_rules.CLAIM_SUITES) + tuple(reconcile_rules.MENTION_SUITES)


def _asset_of(suite: str) -> list[str]:
    """The table a claims suite judges: core.claim_mentions or core.claims."""
    return MENTIONS if suite in reconcile_rules.MENTION_SUITES else CLAIMS


def _claim_check_specs() -> list[dg.AssetCheckSpec]:
    specs = []
    for suite in CLAIM_RULE_SUITES:
        asset = _asset_of(suite)
        for rule, info in quality.rules_of(suite).items():
            specs.append(dg.AssetCheckSpec(
                rule, asset=asset,
                description=f"{info['description']} (GX suite expectations/{suite}.json; "
                + ("ERROR when it fails)" if info["blocking"] else "warning only)"),
            ))
    return specs


def publish_docs(context: dg.AssetExecutionContext, tally: TallyConfig,
                 frames: dict[str, quality.Rows]) -> dict:
    """Rebuild the Data Docs with these rule frames; metadata linking to them (or nothing).

    The checks never depend on the docs: a failure to render them is logged, not raised.
    """
    try:
        index = data_docs.publish(tally.local, context.run_id, frames)
    except Exception as exc:  # noqa: BLE001 - docs are a by-product of the checks
        context.log.warning(f"Great Expectations Data Docs not built: {exc}")
        return {}
    return {"data_docs": dg.MetadataValue.url(index.as_uri())} if index else {}


@dg.multi_asset(
    specs=[
        dg.AssetSpec(MENTIONS, group_name="core", kinds={"duckdb"}, deps=[core_figures],
                     description="core.claim_mentions: one row per figure of core.figures with "
                     "the claim it belongs to (exactly one) and that claim's normalised key."),
        dg.AssetSpec(CLAIMS, group_name="core", kinds={"duckdb"}, deps=[core_figures],
                     description="core.claims: one row per distinct claim (metric, subject, "
                     "place, claimant, status, date, value) merged across articles and "
                     "statistics, with mention count, first and last seen, outlets, and the "
                     "figure_ids of every mention."),
    ],
    check_specs=_claim_check_specs(),
    pool=POOL,
)
def core_claims(context: dg.AssetExecutionContext, tally: TallyConfig, duckdb: DuckDBResource):
    suites = _suite_of_rules(CLAIM_RULE_SUITES)
    with duckdb.get_connection() as conn:
        same, inputs = inputs_unchanged(context, conn, "core.claims", ["core.figures"],
                                        *map(warehouse.sql_text, CLAIM_SQL),
                                        quality.suites_digest(*CLAIM_RULE_SUITES))
        previous = {name: _previous_checks(conn, name)
                    for name in ("core/claims", "core/claim_mentions")} if same else {}
    if same:
        yield dg.MaterializeResult(asset_key=CLAIMS, metadata=skipped("core.figures"))
        yield dg.MaterializeResult(asset_key=MENTIONS, metadata=skipped("core.figures"))
        for name, asset in (("core/claims", CLAIMS), ("core/claim_mentions", MENTIONS)):
            on_asset = {r: suite for r, suite in suites.items() if _asset_of(suite) == asset}
            yield from _carried_checks(asset, on_asset, previous[name])
        return
    with duckdb.get_connection() as conn:
        whole = full_rebuild(context) or not claim_updates.can_update(conn)
        # an update's checks may judge only the rows it redid when all the others passed
        rules = reconcile_rules.narrowed_rules(conn)
        only_redone = not whole and claim_updates.all_rows_passed(conn, rules)
        claim_updates.changing(conn)
        if whole:
            claim_updates.build_whole(conn, context.run_id)
            redone = {}
        else:
            redone = claim_updates.update(conn)
        mentions = warehouse.run(conn, "select count(*) from core.claim_mentions")[0][0]
        claims = warehouse.run(conn, "select count(*) from core.claims")[0][0]
        frames = reconcile_rules.claim_frames(conn, only_redone=only_redone)
        results = reconcile_rules.validate_frames(frames)
        for name, asset in (("core/claims", CLAIMS), ("core/claim_mentions", MENTIONS)):
            on_asset = {r: res for r, res in results.items() if _asset_of(suites[r]) == asset}
            _record_checks(conn, context.run_id, name, suites, on_asset)
        claim_updates.checked(conn, rules, all(results[r].success for r in suites
                                               if suites[r] in reconcile_rules.CHECK_SQL),
                              context.run_id)
        warehouse.record_build(conn, "core.claims", inputs, context.run_id)
        warehouse.record_build(conn, "core.claim_mentions", inputs, context.run_id)
        docs = publish_docs(context, tally, frames)
        meta = _table_metadata(conn.sql(
            "select metric, claimant_id, as_of, value, mentions, outlets from core.claims "
            "limit 10").pl(), "core.claims")
        meta["claims_with_several_mentions"] = conn.sql(
            "select count(*) from core.claims where mentions > 1").fetchall()[0][0]
    meta["dagster/row_count"] = claims
    meta["figures"] = mentions
    meta["rebuilt"] = "whole" if whole else "changed claims only"
    meta["rows_checked"] = ("the rows this update redid (every other row passed when last "
                            "checked)" if only_redone else "every row")
    meta.update({f"redone_{k}": v for k, v in redone.items()})
    meta.update(docs)
    yield dg.MaterializeResult(asset_key=CLAIMS, metadata=meta)
    yield dg.MaterializeResult(asset_key=MENTIONS, metadata={
        "table": "core.claim_mentions", "dagster/row_count": mentions,
    })
    for result in results.values():
        asset = _asset_of(suites[result.rule])
        narrowed = only_redone and suites[result.rule] in reconcile_rules.CHECK_SQL
        yield _check_result(result, asset, {
            **docs, "rows_checked": "the rows this update redid" if narrowed else "every row"})


def _mart(name: str, sql: str, description: str, summary_column: str):
    """An asset that builds one mart from a select in sql/marts/ and counts rows by a column."""
    schema, table = name.split(".")

    @dg.asset(key=[schema, table], group_name="marts", pool=POOL,
              deps=[dg.AssetKey(CLAIMS)], kinds={"duckdb"}, description=description)
    def build(context: dg.AssetExecutionContext, duckdb: DuckDBResource) -> dg.MaterializeResult:
        with duckdb.get_connection() as conn:
            same, inputs = inputs_unchanged(context, conn, name, MART_INPUTS,
                                            warehouse.sql_text(sql))
            if same:
                return dg.MaterializeResult(metadata=skipped(", ".join(MART_INPUTS)))
            count = warehouse.build_from_sql(conn, name, sql)
            warehouse.record_build(conn, name, inputs, context.run_id)
            table = conn.table(name)
            meta = _table_metadata(table.limit(10).pl(), name)
            summary = table.aggregate(f"{summary_column}, count(*)").order(
                summary_column).fetchall()
        meta["dagster/row_count"] = count
        for value, n in summary:
            meta[f"{summary_column}={value}"] = n
        return dg.MaterializeResult(metadata=meta)

    return build


marts_figure_disputes = _mart(
    "marts.figure_disputes", "marts/figure_disputes.sql",
    "marts.figure_disputes: claims from different claimants about the same metric and "
    "population within a day of each other that cannot both be true, side by side with the "
    "spread; and parts next to another claimant's total (militants killed vs the toll).",
    "relation",
)

marts_corroboration = _mart(
    "marts.corroboration", "marts/corroboration.sql",
    "marts.corroboration: every article claim a statistics series speaks to, matched within "
    "two days: exact, close (2%), stale (an earlier day's value) or contradicted, with both "
    "values.",
    "match",
)

marts_revisions = _mart(
    "marts.revisions", "marts/revisions.sql",
    "marts.revisions: each claimant's series of values per metric over time; decreases of a "
    "cumulative count and restatements of a past event's toll flagged as revisions.",
    "kind",
)
