"""The blocking rules every figure passes before it enters `core.figures`.

Three Great Expectations suites look at three shapes of the same rows: the figures themselves,
one row per article (hostages still held never exceed those abducted), and each statistics
series in date order (a cumulative never falls, but for an allow-list keyed `date:field`).
Rows that fail are split off into quarantine records carrying the rule and a reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import polars as pl

from pipelines.lib import quality
from pipelines.lib.records import quarantine_row

SUITES = ("figures", "article_hostages", "statistics_series")


# A subject naming one nationality (or Palestinians): the same words by which
# sql/core/claim_mentions.sql gives a figure a subject_class other than `all` or `israeli`.
PART_OF_THE_HOSTAGES = ("thai|nepal|filipin|american|french|german|british|russian|argentin"
                        "|foreign|palestin")


def article_hostage_rows(figures: pl.DataFrame) -> pl.DataFrame:
    """One row per article and claimant with hostage counts (`claim_key`): the claimant's
    largest abducted and remaining figures in that article.

    Per claimant: "the army said 240 were abducted" beside "Hamas said it holds 300" is a
    contradiction, kept side by side like any other, not an error; compared across claimants,
    Hamas's 300 was quarantined. Only counts of all the hostages: "23 Thai nationals were
    abducted" next to "136 hostages remain" is no contradiction either, and compared, the 136
    was quarantined. The ledger leaves out the same counts of one nationality
    (marts/hostage_ledger.sql).
    """
    stated = figures.filter(
        (pl.col("origin") == "article")
        & pl.col("metric").is_in(["abducted", "hostages_remaining"])
        & ~pl.col("derived").fill_null(False)
        & ~pl.col("subject").fill_null("").str.to_lowercase()
        .str.contains(PART_OF_THE_HOSTAGES)
    )
    return (
        stated.with_columns(_claim_key())
        .group_by("claim_key")
        .agg(
            pl.col("value").filter(pl.col("metric") == "abducted").max().alias("abducted"),
            pl.col("value").filter(pl.col("metric") == "hostages_remaining").max()
            .alias("hostages_remaining"),
        )
        .sort("claim_key")
    )


def _claim_key() -> pl.Expr:
    """An article and a claimant, as one key (`article_hostage_rows`)."""
    return pl.concat_str("article_id", pl.col("claimant_id").fill_null(""),
                         separator="|").alias("claim_key")


def per_article_claimant(parts: list[pl.DataFrame]) -> pl.DataFrame:
    """The rows of `article_hostage_rows` on parts of the figures as one row per article and
    claimant: the largest of its counts in any part is its largest."""
    if not parts:
        return pl.DataFrame()
    return (pl.concat(parts).group_by("claim_key")
            .agg(pl.col("abducted").max(), pl.col("hostages_remaining").max())
            .sort("claim_key"))


def series_rows(figures: pl.DataFrame, allow_list: list[str]) -> pl.DataFrame:
    """Reported cumulative values in date order, each with the previous report's value by the
    same claimant in the same file: one claimant's value under another's is a contradiction,
    kept side by side, and a file restating another's days (a day's snapshot dropped in the
    inbox under a new name) is a series of its own, not a fall from it.

    Allow-listed `date:field` revisions get no previous value, so the rule passes them.
    """
    series_of = ("dataset", "source_url", "dataset_field", "location", "claimant_id")
    series = figures.filter(
        (pl.col("origin") == "statistics") & pl.col("cumulative").fill_null(False)
    ).sort(*series_of, "as_of")
    series = series.with_columns(pl.col("value").shift(1).over(series_of).alias("previous_value"))
    allowed = pl.concat_str(
        [pl.col("as_of").cast(pl.String), pl.lit(":"), pl.col("dataset_field")]
    ).is_in(allow_list)
    return series.select(
        "figure_id", "dataset", "dataset_field", "location", "as_of", "value",
        pl.when(allowed).then(None).otherwise(pl.col("previous_value")).alias("previous_value"),
    )


def allow_list() -> list[str]:
    exp = quality.suite_spec("statistics_series")["expectations"][0]
    return list(exp["meta"].get("allow_list", []))


# The columns the three suites read, and the ids their verdicts name: enough to judge figures
# without holding their sentences (`judge` on these, `split` on the whole rows).
RULE_COLUMNS = ("figure_id", "origin", "article_id", "dataset", "dataset_field", "source",
                "source_url", "published", "metric", "value", "value_low", "value_high",
                "qualifier", "subject",
                "location", "claimant", "claimant_id", "claimant_class", "as_of", "derived",
                "cumulative", "content_hash")


@dataclass
class Verdicts:
    results: dict[str, quality.RuleResult]
    reasons: dict[str, list[str]]  # figure_id -> the blocking rules it fails


def judge(figures: pl.DataFrame) -> Verdicts:
    """The three suites on `figures` (whole rows or just RULE_COLUMNS); which figures fail what."""
    return judge_runs([figures])


def judge_runs(runs: Iterable[pl.DataFrame]) -> Verdicts:
    """The three suites on figures read run by run: the figures suite on each run, the
    per-article and per-series suites once, on the few rows all the runs give them.

    Why once: each Great Expectations run costs a few hundredths of a second before it reads a
    row; at 300,000 articles the per-article suite took 0.10 s as ten runs of ten. And an
    article whose figures fall in two runs is judged on all of them: its per-article rows, one
    from each run, are taken together again (`per_article_claimant`).
    """
    results = quality.no_results("figures")
    hostages, remaining, series = [], [], []
    for run in runs:
        quality.merge_results(results, quality.validate("figures", run, key="figure_id"))
        hostages.append(article_hostage_rows(run))
        remaining.append(run.filter(pl.col("metric") == "hostages_remaining")
                         .select(_claim_key(), "figure_id"))
        if (stats := run.filter(pl.col("origin") == "statistics")).height:
            series.append(stats)
    results.update(quality.validate("article_hostages", per_article_claimant(hostages),
                                    key="claim_key"))
    series_frame = series_rows(pl.concat(series), allow_list()) if series else pl.DataFrame()
    results.update(quality.validate("statistics_series", series_frame, key="figure_id"))
    reasons: dict[str, list[str]] = {}
    for name, result in results.items():
        if not result.blocking:
            continue
        keys = set(result.failing_keys)
        if name == "hostages_remaining_within_abducted":
            # A claimant's article fails as a whole; its remaining-hostage figures are wrong.
            keys = set(_stacked(remaining).filter(pl.col("claim_key").is_in(list(keys)))
                       ["figure_id"].to_list()) if keys else set()
            result.failing_keys = sorted(keys)
        for key in keys:
            reasons.setdefault(key, []).append(name)
    return Verdicts(results, reasons)


def _stacked(frames: list[pl.DataFrame]) -> pl.DataFrame:
    """The frames one under the other; a frame of no rows (and no columns) when there are none."""
    return pl.concat(frames) if frames else pl.DataFrame()


def split(figures: pl.DataFrame, verdicts: Verdicts) -> tuple[pl.DataFrame, list[dict]]:
    """Whole figure rows into those that load and quarantine records for those that failed.

    The figures suite's failing samples become the whole rows too, so a check's sample in
    Dagster shows the sentence and not only what the suite read.
    """
    reasons, results = verdicts.reasons, verdicts.results
    failing = pl.col("figure_id").is_in(list(reasons))
    bad = list(figures.filter(failing).iter_rows(named=True))
    quarantine = [
        quarantine_row(
            stage="figure", rule=",".join(sorted(reasons[row["figure_id"]])),
            reason="; ".join(results[r].description for r in sorted(reasons[row["figure_id"]])),
            source=row["source"], locator=row["source_url"], content_hash=row["content_hash"],
            record_key=row["figure_id"], record=row,
        )
        for row in bad
    ]
    whole = {row["figure_id"]: row for row in bad}
    for rule in quality.rules_of("figures") if whole else ():  # read only when one failed
        result = results[rule]
        result.failing_rows = [
            {**sample, **{c: quality.plain(v) for c, v in whole[sample["figure_id"]].items()}}
            if sample.get("figure_id") in whole else sample
            for sample in result.failing_rows
        ]
    return figures.filter(~failing), quarantine

