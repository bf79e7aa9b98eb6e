"""The rules that guard reconciled claims, statistics series and the hostage ledger.

Each rule needs the rows in a particular shape (one row per claim, per figure, per claimant and
day, per series day), so each has a builder (a select in `sql/checks/`, or a small Polars
function here where the rule looks along a series) and a Great Expectations suite in
`expectations/`; `quality.validate` runs the suite. The Dagster checks in
`pipelines.defs.reconcile` run them on the warehouse; the tests on planted warehouses.
"""

from __future__ import annotations

import json

import duckdb
import polars as pl

from pipelines.lib import claim_updates, quality, warehouse

# suite -> the column naming each row (failing rows are reported by it)
CLAIM_SUITES = {
    "claims": "claim_id",
    "reported_estimated": "group_key",
    "parts_within_total": "part_key",
    "statistics_daily": "day_key",
}
MENTION_SUITES = {"claim_mentions": "figure_id"}
LEDGER_SUITES = {"hostage_ledger": "ledger_key", "hostage_accounting": "ledger_key"}

# A part and the total it belongs to, for one claimant on one day.
PARTS = {
    "killed_children": "killed",
    "killed_women": "killed",
    "medics_killed": "killed",
    "journalists_killed": "killed",
    "aid_workers_killed": "killed",
    "civil_defence_killed": "killed",
    "famine_deaths_children": "famine_deaths",
    "hostages_alive": "hostages_remaining",
    "hostages_dead": "hostages_remaining",
}

HOSTAGE_OUTFLOWS = ("hostages_released", "hostages_rescued", "hostage_bodies_recovered")


def suite_meta(suite: str, rule: str) -> dict:
    """The `meta` of the first expectation of `rule` in `suite` (allow-lists, tolerances)."""
    for exp in quality.suite_spec(suite)["expectations"]:
        if exp.get("meta", {}).get("rule") == rule:
            return exp["meta"]
    raise KeyError(f"{rule} not in expectations/{suite}.json")


def parts_rows(claims: pl.DataFrame) -> pl.DataFrame:
    """One row per claimant, day, place and part metric stated alongside its total: the largest
    part and the largest total that claimant gave (reported or estimated, not deal terms)."""
    said = claims.filter(pl.col("status").is_in(["reported", "estimate"]))
    keys = ["claimant_id", "as_of", "location_class"]
    largest = said.group_by([*keys, "metric"]).agg(pl.col("value").max())
    parts = (
        largest.filter(pl.col("metric").is_in(list(PARTS)))
        .with_columns(pl.col("metric").replace_strict(PARTS).alias("total_metric"))
        .rename({"metric": "part_metric", "value": "part"})
    )
    totals = largest.rename({"metric": "total_metric", "value": "total"})
    rows = parts.join(totals, on=[*keys, "total_metric"], how="inner")
    return rows.select(
        pl.concat_str([pl.col("claimant_id"), pl.col("as_of").cast(pl.String),
                       pl.col("location_class"), pl.col("part_metric")], separator="|")
        .alias("part_key"),
        *keys, "part_metric", "part", "total_metric", "total",
    ).sort("part_key")


def statistics_daily_rows(figures: pl.DataFrame, pairs: dict[str, str],
                          allow_list: list[str]) -> pl.DataFrame:
    """One row per statistics series day that reports a period count next to a running total:
    the period count and the change of the running total since the day before.

    Only days that follow a reported day are compared (after a gap the change spans several
    days). Allow-listed `date:field` rows get no change, so the rule passes them.
    """
    stats = figures.filter(pl.col("origin") == "statistics").select(
        "figure_id", "dataset", "dataset_field", "location", "as_of", "value"
    )
    rows = []
    for daily_field, cum_field in pairs.items():
        cum = (
            stats.filter(pl.col("dataset_field") == cum_field)
            .sort("dataset", "location", "as_of")
            .with_columns(
                pl.col("value").shift(1).over("dataset", "location").alias("previous_total"),
                pl.col("as_of").shift(1).over("dataset", "location").alias("previous_day"),
            )
            .select("dataset", "location", "as_of", pl.col("value").alias("total"),
                    "previous_total", "previous_day")
        )
        daily = stats.filter(pl.col("dataset_field") == daily_field).select(
            "figure_id", "dataset", "location", "as_of", pl.col("value").alias("period_count")
        )
        rows.append(
            daily.join(cum, on=["dataset", "location", "as_of"], how="inner",
                       nulls_equal=True)
            .with_columns(pl.lit(daily_field).alias("field"))
        )
    if not rows:
        return pl.DataFrame()
    joined = pl.concat(rows)
    consecutive = (pl.col("as_of") - pl.col("previous_day")).dt.total_days() == 1
    allowed = pl.concat_str([pl.col("as_of").cast(pl.String), pl.lit(":"), pl.col("field")]
                            ).is_in(allow_list)
    return joined.select(
        pl.concat_str([pl.col("dataset"), pl.col("location").fill_null("-"),
                       pl.col("as_of").cast(pl.String), pl.col("field")], separator="|")
        .alias("day_key"),
        "dataset", "location", "as_of", "field", "period_count", "total", "previous_total",
        pl.when(consecutive & ~allowed).then(pl.col("total") - pl.col("previous_total"))
        .otherwise(None).alias("total_change"),
    ).sort("day_key")


def ledger_rows(ledger: pl.DataFrame, tolerance: float, minimum: float) -> pl.DataFrame:
    """Ledger rows with what the accounting rules compare.

    `accounting_gap`: how far released + rescued + bodies recovered + remaining is from
    abducted, as a share of abducted, taking the closer of with and without pre-war captives
    (some claimants count them among those remaining); null unless every part is known. A gap
    within `minimum` people is 0. `previous_*`: the claimant's value on its previous report
    date, for the never-decrease rule.
    """
    keyed = ledger.sort("claimant_id", "report_date").with_columns(
        pl.concat_str([pl.col("claimant_id"), pl.col("report_date").cast(pl.String)],
                      separator="@").alias("ledger_key"),
        *[pl.col(c).shift(1).over("claimant_id").alias(f"previous_{c}")
          for c in HOSTAGE_OUTFLOWS],
    )
    if "prewar_captives" not in keyed.columns:
        keyed = keyed.with_columns(pl.lit(None, pl.Float64).alias("prewar_captives"))
    accounted = (pl.col("hostages_released") + pl.col("hostages_rescued")
                 + pl.col("hostage_bodies_recovered") + pl.col("hostages_remaining"))
    gap = (accounted - pl.col("abducted")).abs()
    gap_with_prewar = (accounted - pl.col("abducted")
                       - pl.col("prewar_captives").fill_null(0)).abs()
    closest = pl.min_horizontal(gap, gap_with_prewar)
    return keyed.with_columns(
        accounted.alias("accounted"),
        pl.when(closest <= minimum).then(0.0)
        .otherwise(closest / pl.col("abducted")).alias("accounting_gap"),
        pl.lit(tolerance).alias("accounting_tolerance"),
    )


KEYS = {**CLAIM_SUITES, **MENTION_SUITES, **LEDGER_SUITES}


# suite -> the select in sql/checks/ giving its rows: these rules look at every figure, so
# DuckDB computes their rows and the checks read them batch by batch (quality.validate).
CHECK_SQL = {
    "claims": "checks/claim_traces.sql",
    "claim_mentions": "checks/claim_mention_counts.sql",
    "reported_estimated": "checks/status_mixing.sql",
}


# suite -> the tables its select reads only the redone rows of (the views the last update left,
# claim_updates.REDONE_VIEWS). A row of claim_mention_counts
# depends on one figure and its mentions, of claim_traces on one claim, its mentions and their
# figures; status_mixing's rows per claim likewise, and its rows per statistics series read
# all of core.figures, which it is not narrowed on.
REDONE_STAND_INS = {
    "claim_mentions": {"core.figures": "redone_figure_rows",
                       "core.claim_mentions": "redone_figure_mentions"},
    "claims": {"core.claims": "redone_claim_rows", "core.claim_mentions": "redone_claim_mentions"},
    "reported_estimated": {"core.claim_mentions": "redone_claim_mentions"},
}


def narrowed_rules(conn: duckdb.DuckDBPyConnection) -> str:
    """A digest of the rules an update's checks may narrow: their selects and their suites.

    Rows that passed one version of a rule have not passed a changed one, so a change here
    makes the next check judge every row. (A change in how Tally runs the suites is not seen:
    `recheck_job` judges every row again.)
    """
    texts = [warehouse.sql_text(path) for path in CHECK_SQL.values()]
    texts += [json.dumps(quality.suite_spec(suite), sort_keys=True) for suite in CHECK_SQL]
    return warehouse.fingerprint(conn, [], *texts)


def claim_frames(conn: duckdb.DuckDBPyConnection,
                 only_redone: bool = False) -> dict[str, quality.Rows]:
    """suite -> the rows it validates, for every rule on core.claims and core.claim_mentions.

    Rows over every figure stay DuckDB relations (read in slices when validated, so memory does
    not grow with the warehouse); the two rules that look along a claimant's day or a series
    get small Polars frames: one row per claim, and the statistics series.

    `only_redone`: the rules of CHECK_SQL get only the rows of the figures and claims the last
    update redid. Why: after 1% new articles at 300,000, computing their rows over every figure
    took 2.9 s of the claims' 11 s, to re-judge rows that had not changed since they passed.
    Only sound when every other row passed these rules when last checked
    (claim_updates.all_rows_passed).
    """
    daily_meta = suite_meta("statistics_daily", "daily_matches_cumulative_change")
    frames: dict[str, quality.Rows] = {}
    for suite, path in CHECK_SQL.items():
        select = (claim_updates.select_over(path, REDONE_STAND_INS[suite]) if only_redone
                  else warehouse.sql_text(path))
        # computed once into a temporary table (DuckDB spills it to disk past its memory
        # limit): the checks and then the Data Docs read it, and a relation re-runs per read
        conn.execute(f"create or replace temp table {suite}_rows as {select}")
        frames[suite] = conn.table(f"{suite}_rows")
    claims = conn.sql("select claimant_id, as_of, location_class, metric, status, value "
                      "from core.claims").pl()
    stats = conn.sql("select figure_id, origin, dataset, dataset_field, location, as_of, value "
                     "from core.figures where origin = 'statistics'").pl()
    frames["parts_within_total"] = parts_rows(claims)
    frames["statistics_daily"] = statistics_daily_rows(
        stats, daily_meta["pairs"], daily_meta.get("allow_list", []))
    return frames


def ledger_frames(ledger: pl.DataFrame) -> dict[str, pl.DataFrame]:
    """suite -> the rows it validates, for the ledger's rules."""
    meta = suite_meta("hostage_accounting", "hostage_accounting_balances")
    rows = ledger_rows(ledger, tolerance=float(meta["tolerance"]),
                       minimum=float(meta.get("minimum_people", 0)))
    return {suite: rows for suite in LEDGER_SUITES}


def validate_frames(frames: dict[str, quality.Rows]) -> dict[str, quality.RuleResult]:
    """Run each suite on its rows; no rows pass every rule of its suite."""
    results: dict[str, quality.RuleResult] = {}
    for suite, rows in frames.items():
        results.update(quality.validate(suite, rows, key=KEYS[suite]))
    return results


def validate_claims(conn: duckdb.DuckDBPyConnection) -> dict[str, quality.RuleResult]:
    """Every rule on core.claims and core.claim_mentions of this warehouse, by rule name."""
    return validate_frames(claim_frames(conn))


def validate_ledger(ledger: pl.DataFrame) -> dict[str, quality.RuleResult]:
    """The ledger's rules (hostage_ledger and hostage_accounting suites), by rule name."""
    return validate_frames(ledger_frames(ledger))
