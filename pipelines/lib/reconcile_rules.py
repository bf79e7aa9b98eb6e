"""The rules that guard reconciled claims, statistics series and the hostage ledger.

Each rule needs the rows in a particular shape (one row per claim, per figure, per claimant and
day, per series day), so each has a small Polars builder here and a Great Expectations suite in
`expectations/`; `quality.validate` runs the suite. The builders are pure functions of frames,
so the rules can be tested on planted rows without a warehouse, and the Dagster checks in
`pipelines.defs.reconcile` feed them the real tables.
"""

from __future__ import annotations

import polars as pl

from pipelines.lib import quality

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


def claim_trace_rows(claims: pl.DataFrame, mentions: pl.DataFrame,
                     figures: pl.DataFrame) -> pl.DataFrame:
    """One row per claim: how many of its mentions lead to an article URL or a dataset row."""
    traced = (
        mentions.select("claim_id", "figure_id")
        .join(figures.select("figure_id", "origin", "source_url", "dataset", "dataset_field",
                             "as_of"), on="figure_id", how="left")
        .with_columns(
            (
                ((pl.col("origin") == "article") & pl.col("source_url").is_not_null()
                 & (pl.col("source_url") != ""))
                | ((pl.col("origin") == "statistics") & pl.col("dataset").is_not_null()
                   & pl.col("dataset_field").is_not_null() & pl.col("as_of").is_not_null())
            ).alias("traced")
        )
        .group_by("claim_id")
        .agg(pl.col("traced").sum().cast(pl.Int64).alias("traced_mentions"))
    )
    return (
        claims.select("claim_id", "metric", "claimant_id", "as_of", "value")
        .join(traced, on="claim_id", how="left")
        .with_columns(pl.col("traced_mentions").fill_null(0))
        .sort("claim_id")
    )


def mention_rows(mentions: pl.DataFrame, figures: pl.DataFrame) -> pl.DataFrame:
    """One row per figure: how many claims it belongs to (exactly one, always)."""
    per_figure = mentions.group_by("figure_id").agg(pl.len().cast(pl.Int64).alias("claims"))
    return (
        figures.select("figure_id", "origin", "metric", "claimant_id", "value")
        .join(per_figure, on="figure_id", how="full", coalesce=True)
        .with_columns(pl.col("claims").fill_null(0))
        .sort("figure_id")
    )


def mixing_rows(mentions: pl.DataFrame, figures: pl.DataFrame) -> pl.DataFrame:
    """One row per claim and per statistics series: how many statuses its figures carry, and
    how many come from an upstream estimate field (`ext_*`)."""
    figs = figures.select(
        "figure_id", "status", "dataset", "dataset_field", "location",
        pl.col("dataset_field").fill_null("").str.starts_with("ext_").alias("estimate_field"),
    )
    per_claim = (
        mentions.select("claim_id", "figure_id").join(figs, on="figure_id", how="left")
        .group_by("claim_id")
        .agg(pl.col("status").n_unique().cast(pl.Int64).alias("statuses"),
             pl.col("status").unique().sort().str.join(",").alias("status_list"),
             pl.col("estimate_field").sum().cast(pl.Int64).alias("estimate_fields"))
        .select(pl.concat_str([pl.lit("claim:"), pl.col("claim_id")]).alias("group_key"),
                "statuses", "status_list", "estimate_fields")
    )
    per_series = (
        figs.filter(pl.col("dataset").is_not_null())
        .with_columns(pl.col("dataset_field").str.replace(r"^ext_", "").alias("series_field"))
        .group_by("dataset", "series_field", "location")
        .agg(pl.col("status").n_unique().cast(pl.Int64).alias("statuses"),
             pl.col("status").unique().sort().str.join(",").alias("status_list"),
             pl.col("estimate_field").sum().cast(pl.Int64).alias("estimate_fields"))
        .select(pl.concat_str([pl.lit("series:"), pl.col("dataset"), pl.lit("/"),
                               pl.col("series_field"), pl.lit("/"),
                               pl.col("location").fill_null("-")]).alias("group_key"),
                "statuses", "status_list", "estimate_fields")
    )
    return pl.concat([per_claim, per_series]).sort("group_key")


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


# The columns of core.figures the rules on claims and mentions read.
FIGURE_COLUMNS = ("figure_id", "origin", "source_url", "dataset", "dataset_field", "as_of",
                  "metric", "claimant_id", "value", "status", "location")


def claim_frames(claims: pl.DataFrame, mentions: pl.DataFrame,
                 figures: pl.DataFrame) -> dict[str, pl.DataFrame]:
    """suite -> the rows it validates, for every rule on core.claims and core.claim_mentions."""
    daily_meta = suite_meta("statistics_daily", "daily_matches_cumulative_change")
    return {
        "claims": claim_trace_rows(claims, mentions, figures),
        "claim_mentions": mention_rows(mentions, figures),
        "reported_estimated": mixing_rows(mentions, figures),
        "parts_within_total": parts_rows(claims),
        "statistics_daily": statistics_daily_rows(
            figures, daily_meta["pairs"], daily_meta.get("allow_list", [])
        ),
    }


def ledger_frames(ledger: pl.DataFrame) -> dict[str, pl.DataFrame]:
    """suite -> the rows it validates, for the ledger's rules."""
    meta = suite_meta("hostage_accounting", "hostage_accounting_balances")
    rows = ledger_rows(ledger, tolerance=float(meta["tolerance"]),
                       minimum=float(meta.get("minimum_people", 0)))
    return {suite: rows for suite in LEDGER_SUITES}


def validate_frames(frames: dict[str, pl.DataFrame]) -> dict[str, quality.RuleResult]:
    """Run each suite on its rows; an empty frame passes every rule of its suite."""
    results: dict[str, quality.RuleResult] = {}
    for suite, rows in frames.items():
        if rows.is_empty():
            results.update({rule: quality.RuleResult(rule=rule, **info)
                            for rule, info in quality.rules_of(suite).items()})
            continue
        results.update(quality.validate(suite, rows, key=KEYS[suite]))
    return results


def validate_claims(claims: pl.DataFrame, mentions: pl.DataFrame,
                    figures: pl.DataFrame) -> dict[str, quality.RuleResult]:
    """Every rule on core.claims and core.claim_mentions, by rule name."""
    return validate_frames(claim_frames(claims, mentions, figures))


def validate_ledger(ledger: pl.DataFrame) -> dict[str, quality.RuleResult]:
    """The ledger's rules (hostage_ledger and hostage_accounting suites), by rule name."""
    return validate_frames(ledger_frames(ledger))
