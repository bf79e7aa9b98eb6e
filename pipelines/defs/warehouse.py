"""Warehouse assets: the single writer of DuckDB.

Every asset here is in the `duckdb` concurrency pool (limit 1 in dagster.yaml) and writes in one
transaction: the core tables gain and lose only the rows that changed (chosen so the result is
what a rebuild would give), the others are rebuilt whole or skipped when their inputs did not
change, so re-runs never duplicate rows.
"""


import json
from collections.abc import Iterator
from datetime import UTC, datetime
from itertools import chain
from uuid import uuid4

import dagster as dg
import polars as pl
from dagster_duckdb import DuckDBResource

from pipelines.defs.news import (
    full_rebuild,
    part_name,
    staged_article_figures,
    staged_articles,
)
from pipelines.defs.resources import TallyConfig
from pipelines.defs.statistics import staged_statistics_figures
from pipelines.lib import claim_updates, exports, figure_rules, quality, warehouse
from pipelines.lib.preview import preview
from pipelines.lib.raw_store import (
    FETCH_LOG_SCHEMA,
    MANIFEST_SCHEMA,
    PAYLOAD_KEY,
    RawStore,
    first_sightings,
    parquet_batches,
    parquet_files,
    parquet_listing,
    parquet_stamped,
    read_columns,
    read_parquet,
    read_parquet_dir,
    read_parquet_files,
    remove_tree,
    row_groups_holding,
    scan_parquet,
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


def latest_articles(articles: pl.DataFrame, held: pl.Series) -> pl.DataFrame:
    """One row per distinct article: of a URL's versions the one a file or URL holds now
    (content hash in `held`, `RawStore.held_now`), else the newest; the first copy of a text.

    Not the newest alone: bytes seen before are not stored again, so a story put back to an
    earlier version (A, then B, then A again) has B as its newest, and B stayed loaded."""
    return (
        articles.with_columns(held=pl.col("content_hash").is_in(held.implode()))
        .sort("held", "first_seen_at")
        .unique("article_id", keep="last", maintain_order=True)
        .sort("first_seen_at")
        .unique("text_hash", keep="first", maintain_order=True)
        .sort("published_at", "article_id", nulls_last=True)
        .drop("held")
    )


def _versions_held(tally: TallyConfig, staged: pl.DataFrame) -> pl.Series:
    """The content hashes a file or URL holds now, of the articles staged in more than one
    version: only they have a version to choose, so a day of new articles reads no fetch log."""
    versions = staged.filter(pl.col("article_id").is_duplicated())["content_hash"]
    return RawStore(tally.lake, batch="read-only").held_now(versions)


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


ARTICLE_KEYS = ["article_id", "content_hash", "text_hash", "first_seen_at", "published_at",
                "source"]


CHUNK_ROWS = 100_000  # rows held at once while loading a table from the staged parts


def _conform(rows: pl.DataFrame, schema: dict) -> pl.DataFrame:
    """Rows in the table's column order; parts staged before a column existed get nulls."""
    missing = [pl.lit(None, dtype).alias(c) for c, dtype in schema.items() if c not in rows.columns]
    return rows.with_columns(missing).select(list(schema)).cast(schema)


def _chunks_for(folder, keys: pl.DataFrame, schema: dict, rows: int | None = None,
                files: list | None = None) -> Iterator[pl.DataFrame]:
    """The staged rows matching `keys`, `schema`'s columns only, part by part and batch by batch;
    of `files` only when the caller knows which of the folder's files hold the keys.

    Only one batch is in memory at a time, so a load of any size holds about `rows` rows.

    Each batch is matched by an inner join on the deduplicated keys, which gives the same rows
    in the same order as a semi join (nulls equal too), but Polars builds a semi join's hash
    table on the keys, again for every batch, and an inner join's on the smaller side, the
    batch. At 300,000 articles that is 2.45 million figure ids hashed per batch: spooling the
    figures in batches of 25,000 took 62 s with the semi join, 26 s with the inner one.
    """
    if keys.is_empty():
        return
    keys = keys.unique()
    for path in parquet_files(folder) if files is None else files:
        groups = row_groups_holding(path, keys)
        if groups == []:  # none of the keys: an earlier run's part
            continue
        for chunk in parquet_batches(path, rows or CHUNK_ROWS, list(schema), groups):
            chunk = chunk.join(keys, on=list(keys.columns), how="inner", nulls_equal=True,
                               maintain_order="left")
            if chunk.height:
                yield _conform(chunk, schema)


def _staged_figure_ids(files: list, articles: pl.DataFrame) -> pl.DataFrame:
    """The ids of the staged figures of the article versions in `articles`, each with the index
    in `files` of a file it is staged in (column `part`).

    Streamed from the key columns, and only the ids kept: at 300,000 articles, holding the
    three key columns of 2.4 million figures and their joins took 1.1 GB. A figure id is
    derived from its article id and content hash, so the id alone names the row. The file
    index lets the load read only the files that hold new figures: finding them again by
    their keys scanned the 2.4 million ids of the day's large file twice (0.35-0.45 s) in a run
    that wanted none of them.
    """
    staged = _scan_by_part(files, ["figure_id", "article_id", "content_hash"], FIGURE_SCHEMA)
    return (staged.join(articles.lazy(), on=["article_id", "content_hash"], how="semi")
            .select("figure_id", "part").collect(engine="streaming"))


def _scan_by_part(files: list, columns: list[str], schema: dict) -> pl.LazyFrame:
    """`columns` of the staged `files`, with each row's file as its index in `files` (`part`),
    so that a load can go on to read only the files that hold the rows it wants. A file
    staged before a column existed gives nulls in it."""
    if not files:
        return frame([], {**{c: schema[c] for c in columns}, "part": pl.UInt32}).lazy()
    return pl.concat([scan_parquet([path], schema).select(columns)
                      .with_columns(part=pl.lit(index, pl.UInt32))
                      for index, path in enumerate(files)])


def _holding(files: list, rows: pl.DataFrame) -> list:
    """The files (of `_scan_by_part`'s `files`) that hold `rows`, in their order."""
    return [files[index] for index in rows["part"].unique().sort()]


@dg.asset(
    key=["core", "articles"],
    group_name="core",
    pool=POOL,
    deps=[staged_articles],
    kinds={"duckdb"},
    description="core.articles: one row per distinct article (deduplicated by canonical URL, "
    "the version its file or URL holds now kept, and by body text). Only the articles that "
    "changed are written.",
)
def core_articles(context: dg.AssetExecutionContext, tally: TallyConfig,
                  duckdb: DuckDBResource) -> dg.MaterializeResult:
    # Which version of which article belongs in the table is decided on the key columns of
    # everything staged (small); only the rows that differ from the table are read and written.
    folder = tally.staging("articles")
    files = parquet_files(folder)
    staged = _scan_by_part(files, ARTICLE_KEYS, ARTICLE_SCHEMA).collect()
    chosen = latest_articles(staged, _versions_held(tally, staged))
    pair = ["article_id", "content_hash"]
    with duckdb.get_connection() as conn:
        full = full_rebuild(context) or not warehouse.table_exists(conn, "core.articles")
        current = (frame([], {k: ARTICLE_SCHEMA[k] for k in pair}) if full
                   else conn.sql("select article_id, content_hash from core.articles").pl())
        wanted = chosen.join(current, on=pair, how="anti")
        holding = _holding(files, wanted)
        wanted = wanted.select(ARTICLE_KEYS)
        dropped = current.join(chosen, on=pair, how="anti")
        head: list[pl.DataFrame] = []

        def rows() -> Iterator[pl.DataFrame]:
            seen: set[str] = set()  # a part staged twice (two locators) gives one row
            # 5,000 articles with their text at a time: a chunk is copied several times on
            # its way to the spool; chunks of 20,000 took the spooling to 1.45 GB, as high
            # as DuckDB's insert after it, and 5,000 to 0.95 GB
            for chunk in _chunks_for(folder, wanted, ARTICLE_SCHEMA, rows=CHUNK_ROWS // 20,
                                     files=holding):
                chunk = chunk.unique("article_id", keep="first", maintain_order=True)
                # a set lookup per row: is_in(list(seen)) converted every id seen so far
                # on each chunk, quadratic in the day (9.6 s at 300,000 in chunks of 5,000)
                chunk = chunk.filter(pl.Series([a not in seen for a in chunk["article_id"]],
                                               dtype=pl.Boolean))
                seen.update(chunk["article_id"])
                if not head:
                    head.append(chunk.head(10))
                yield chunk

        if full or not dropped.is_empty():  # before the rows go: a mark too many costs little
            warehouse.record_build(conn, DROPS_RECORD, uuid4().hex, context.run_id)
        written = warehouse.apply_changes(conn, "core.articles", rows(), dropped,
                                          ARTICLE_SCHEMA, replace=full)
    added = head[0] if head else frame([], ARTICLE_SCHEMA)
    meta = _table_metadata(added.select("article_id", "outlet", "published_at", "title"),
                           "core.articles")
    meta["dagster/row_count"] = chosen.height
    meta["added"] = written
    meta["replaced_or_removed"] = dropped.height
    meta["duplicates_dropped"] = staged.height - chosen.height
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


# meta.builds' record of the blocking rules every figure of core.figures (and of the figure
# quarantine) was judged by. Why: the load judges only figures it has not seen, so a changed
# suite (a tightened bound, a new rule, a vocabulary) left every loaded figure unjudged by it
# and its check carried as passed; a rule loosened left good figures in quarantine. When the
# rules differ from the record (or there is none: a warehouse loaded before it), the load
# judges and loads every figure again, as `recheck_job` does.
RULES_RECORD = "rules/core.figures"


# meta.builds' mark of the last build of core.articles that removed or replaced rows (or was
# whole), and the record of what the last load of core.figures took: the staged and
# quarantined figure files it saw, and that mark then (`_untaken`).
DROPS_RECORD = "drops/core.articles"
TAKEN_RECORD = "taken/core.figures"


def _untaken(conn, stamped: list, rejected: list[str]) -> list | None:
    """The staged figure files the last load of core.figures did not take (of `stamped`,
    `parquet_stamped`'s), when only they can hold figures to add and none can have gone: no
    article left core.articles since, and every file it took, staged or quarantined, is as it
    was. None when the load must compare everything staged with everything loaded.

    Why: comparing took the 2.45 million staged ids of a 300,000-article day, and as many
    loaded, through two anti joins on every run that added 1% (1.3 s of the join alone, and
    the staged ids' read 0.5 s). While articles are only added, a figure to add is of an
    article version added since the last load, so in a file staged since; a version that
    comes back or takes another's place removes that other, which marks core.articles.
    """
    record = warehouse.built_from(conn, TAKEN_RECORD)
    if record is None:
        return None
    taken = json.loads(record)
    staged = set(taken["staged"])
    if (taken["drops"] != warehouse.built_from(conn, DROPS_RECORD)
            or taken["quarantine"] != rejected
            or not staged <= {entry for _, entry in stamped}):
        return None
    return [path for path, entry in stamped if entry not in staged]


def _taken(stamped: list, quarantine: list[str], drops: str | None) -> str:
    """The TAKEN_RECORD of a load that took `stamped` with core.articles' drop mark `drops`
    and left the quarantine listed as `quarantine` (`parquet_listing`)."""
    return json.dumps({"drops": drops, "staged": [entry for _, entry in stamped],
                       "quarantine": quarantine})


def _loaded_among(conn, ids: pl.DataFrame) -> pl.DataFrame:
    """Those of `ids` (column figure_id) already in core.figures: a file staged since the last
    load can hold a payload loaded before (one article dropped twice in the inbox)."""
    conn.register("candidate_ids", ids.select("figure_id").unique())
    try:
        return conn.sql("select figure_id from core.figures "
                        "semi join candidate_ids using (figure_id)").pl()
    finally:
        conn.unregister("candidate_ids")


def _judge_figures(folder, keys: pl.DataFrame, stats: pl.DataFrame | None,
                   files: list) -> figure_rules.Verdicts:
    """The blocking rules on the new figures, before any is loaded, on only the columns they read.

    Why apart from the load: each Great Expectations run costs a few hundredths of a second
    before it reads a row, and the load must hold whole rows (sentences and all) in small
    chunks. Judged on their own, 2.45 million figures take 12 runs of the figures suite instead
    of 49. Why not fewer, larger runs: runs of 250,000 in GX slices of 260,000 judged the 30,000
    bench's figures copied ten times in 1.45 s against 1.70 s, but at 300,000 articles the
    re-check's peak RSS was 1.69-2.27 GiB over 7 runs (3 over 2 GiB) against 1.58-1.64 GiB over
    4 with slices of 200,000. Peaks vary from run to run (a whole bench with these settings
    later peaked at 2.14 GiB, in the claims), so that is a lean, not a proof; runs of 500,000
    took this step alone to 2.20 GiB.
    """
    schema = {c: FIGURE_SCHEMA[c] for c in figure_rules.RULE_COLUMNS}
    rows = quality.ROWS_PER_VALIDATION
    staged = _chunks_for(folder, keys, schema, rows=rows, files=files)
    series = [stats.select(list(schema))] if stats is not None else []
    return figure_rules.judge_runs(quality.runs_of(chain(staged, series), rows))


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
    # The figures that belong in the table: those of the article versions in core.articles,
    # and the statistics series. Only the ones not loaded (or quarantined) before go through
    # the rules and into the table; those of superseded versions leave it. A statistics change
    # reloads the whole (small) series, since its rule looks along the series.
    folder = tally.staging("article_figures")
    stats_path = tally.staging("statistics") / "figures.parquet"
    # one row per id: the readers quarantine a payload's second value for one
    stats = (read_parquet(stats_path).cast(FIGURE_SCHEMA) if stats_path.exists()
             else frame([], FIGURE_SCHEMA))
    rejected_dir = tally.quarantine("figure")
    # The rules a figure was judged by: a figure loaded or quarantined under other rules has
    # not been judged by these, and only new figures are judged (see RULES_RECORD).
    rules = quality.suites_digest(*figure_rules.SUITES)
    stamped = parquet_stamped(folder)  # the staged files, listed once: the step adds none
    quarantine = parquet_listing(rejected_dir)  # as the load finds it; listed again after

    def load_inputs(conn, quarantine: list[str]) -> tuple[bool, str]:
        return inputs_unchanged(context, conn, "load/core.figures", ["core.articles"],
                                *(entry for _, entry in stamped), *quarantine,
                                str(stats.hash_rows().sum()), rules)

    with duckdb.get_connection() as conn:
        same, _ = load_inputs(conn, quarantine)
        if same and warehouse.table_exists(conn, "core.figures"):
            previous = _previous_checks(conn, "core/figures")
            yield dg.MaterializeResult(metadata=skipped(
                "staged and quarantined figures, statistics, core.articles"))
            yield from _carried_checks(["core", "figures"], _suite_of_rules(figure_rules.SUITES),
                                       previous)
            return
        quality.import_ahead()  # GX, while what is new is worked out
        full = (full_rebuild(context) or not warehouse.table_exists(conn, "core.figures")
                or warehouse.built_from(conn, RULES_RECORD) != rules)
        if full:  # figures may change under the same ids: the claims must be rebuilt, not updated
            claim_updates.forget(conn)
        current_articles = conn.sql("select article_id, content_hash from core.articles").pl()
        drops = warehouse.built_from(conn, DROPS_RECORD)
        untaken = None if full else _untaken(conn, stamped, quarantine)
        # the article figures' ids (all of them only when every staged one is compared); the
        # statistics rows whole, to see a revised value
        loaded = (frame([], {"figure_id": pl.String}) if full or untaken is not None
                  else conn.sql("select figure_id from core.figures "
                                "where origin = 'article'").pl())
        loaded_stats = (frame([], FIGURE_SCHEMA) if full else _conform(conn.sql(
            "select * from core.figures where origin = 'statistics'").pl(), FIGURE_SCHEMA))
        if full:
            remove_tree(rejected_dir)
        staged_files = [path for path, _ in stamped] if untaken is None else untaken
        wanted = _staged_figure_ids(staged_files, current_articles)
        if untaken is not None:
            loaded = _loaded_among(conn, wanted)
    # joins, not Python sets: at 300,000 articles these are millions of ids
    quarantined = read_columns(rejected_dir, ["record_key"], QUARANTINE_SCHEMA).select(
        pl.col("record_key").alias("figure_id"))
    known = pl.concat([loaded, quarantined])
    new_keys = wanted.join(known, on="figure_id", how="anti")
    holding = _holding(staged_files, new_keys)
    # not deduplicated here: _chunks_for does that for the few new ids, and an anti join does
    # not care (wanted's 2.45 million ids at 300,000 articles took 0.5 s to deduplicate). But
    # an id staged in two parts (one payload under two names, or seen again on a later day)
    # would be read from both, so those few are let through once.
    twice = set(new_keys.filter(pl.col("figure_id").is_duplicated())["figure_id"])
    new_keys = new_keys.select("figure_id")
    stats_ids = stats.select("figure_id")
    stats_known = pl.concat([loaded_stats.select("figure_id"),
                             quarantined.join(stats_ids, on="figure_id", how="semi")])
    # A revised value keeps its figure's id (the id leaves the value out), so the rows are
    # compared too: a series restating a past day's toll changed no id.
    revised = (stats.join(loaded_stats, on=list(FIGURE_SCHEMA), how="anti", nulls_equal=True)
               .join(quarantined, on="figure_id", how="anti"))
    stats_changed = (full or set(stats_ids["figure_id"]) != set(stats_known["figure_id"])
                     or not revised.is_empty())
    # none gone but statistics when only files staged since were compared (`_untaken`)
    gone = (frame([], {"figure_id": pl.String}) if untaken is not None
            else loaded.join(wanted.select("figure_id"), on="figure_id", how="anti"))
    if stats_changed:
        gone = pl.concat([gone, loaded_stats.select("figure_id")])
    # Millions of ids at 300,000 articles, held through the judging and the load (where the
    # step peaks) though only their differences are used from here on
    del wanted, known, loaded, loaded_stats, quarantined, stats_known, current_articles
    suites = _suite_of_rules(figure_rules.SUITES)
    results: dict[str, quality.RuleResult] | None = None
    counts = {"added": 0}
    rejected: list[dict] = []
    head: list[pl.DataFrame] = []
    if not new_keys.is_empty() or stats_changed or not gone.is_empty():
        verdicts = _judge_figures(folder, new_keys, stats if stats_changed else None, holding)
        results = verdicts.results

        def checked() -> Iterator[pl.DataFrame]:
            """The whole rows, chunk by chunk, split by the verdicts; what passes is inserted."""
            # 50,000 figures at a time: a chunk is copied on its way to the spool; at 300,000
            # articles chunks of 100,000 took the step to 1.45-1.52 GiB when the rules ran on
            # them too, 50,000 to 1.26 GiB.
            staged = _chunks_for(folder, new_keys, FIGURE_SCHEMA, rows=CHUNK_ROWS // 2,
                                 files=holding)
            passed: set[str] = set()
            for chunk in chain(staged, [stats] if stats_changed else []):
                if twice:
                    chunk = _first_time(chunk, twice, passed)
                if chunk.is_empty():
                    continue
                loaded, quarantined = figure_rules.split(chunk, verdicts)
                rejected.extend(quarantined)
                counts["added"] += loaded.height
                if not head and loaded.height:
                    head.append(loaded.head(10))
                yield loaded

        with duckdb.get_connection() as conn:
            warehouse.apply_changes(conn, "core.figures", checked(), gone.select("figure_id"),
                                    FIGURE_SCHEMA, replace=full)
            _record_checks(conn, context.run_id, "core/figures", suites, results)
        if rejected:
            write_parquet_atomic(frame(rejected, QUARANTINE_SCHEMA),
                                 rejected_dir / part_name(r["record_key"] for r in rejected))
            context.log.warning(
                f"{len(rejected)} figures failed blocking rules and were quarantined: "
                + ", ".join(f"{r.rule}={len(r.failing_keys)}" for r in results.values()
                            if r.failing_keys)
            )
    added = head[0] if head else frame([], FIGURE_SCHEMA)
    with duckdb.get_connection() as conn:
        total = conn.sql("select origin, count(*) from core.figures group by origin").fetchall()
        previous = None if results else _previous_checks(conn, "core/figures")
        quarantine = parquet_listing(rejected_dir)  # with what this load quarantined
        warehouse.record_build(conn, "load/core.figures", load_inputs(conn, quarantine)[1],
                               context.run_id)
        warehouse.record_build(conn, RULES_RECORD, rules, context.run_id)
        warehouse.record_build(conn, TAKEN_RECORD, _taken(stamped, quarantine, drops),
                               context.run_id)
    by_origin = dict(total)
    meta = _table_metadata(added.select("origin", "metric", "value", "qualifier",
                                        "claimant_class", "as_of", "surface"), "core.figures")
    meta["dagster/row_count"] = sum(by_origin.values())
    meta["added"] = counts["added"]
    meta["removed"] = gone.height
    meta["quarantined"] = len(rejected)
    meta["from_articles"] = by_origin.get("article", 0)
    meta["from_statistics"] = by_origin.get("statistics", 0)
    yield dg.MaterializeResult(metadata=meta)
    if results is None:
        yield from _carried_checks(["core", "figures"], suites, previous)
        return
    for result in results.values():
        yield _check_result(result, ["core", "figures"])


def _first_time(chunk: pl.DataFrame, twice: set[str], passed: set[str]) -> pl.DataFrame:
    """`chunk` without the rows of ids in `twice` already `passed` (which it adds to)."""
    repeats = list(twice)
    once = chunk.filter(~pl.col("figure_id").is_in(repeats)
                        | (~pl.col("figure_id").is_in(list(passed))
                           & pl.col("figure_id").is_first_distinct()))
    passed.update(once.filter(pl.col("figure_id").is_in(repeats))["figure_id"])
    return once


def _previous_checks(conn, asset: str) -> dict[str, tuple]:
    """rule -> (success, run_id, checked_at) of the latest recorded run of each rule."""
    if not warehouse.table_exists(conn, "quality.check_results"):
        return {}
    rows = warehouse.run(conn, "select rule, success, run_id, checked_at from "
                         "quality.check_results where asset = ? "
                         "qualify row_number() over (partition by rule order by checked_at desc)"
                         " = 1", [asset])
    return {rule: (success, run_id, at) for rule, success, run_id, at in rows}


def _carried_checks(asset: list[str], suites: dict[str, str], previous: dict[str, tuple]):
    """Check results for a table this run did not change: the outcome of its last evaluation.

    Re-running Great Expectations on unchanged rows would only repeat that verdict; the
    metadata says which run evaluated it, and nothing is added to quality.check_results.
    """
    for rule in suites:
        success, run_id, at = previous.get(rule, (True, None, None))
        yield dg.AssetCheckResult(
            check_name=rule, asset_key=dg.AssetKey(asset), passed=bool(success),
            severity=(dg.AssetCheckSeverity.ERROR if quality_blocking(suites[rule], rule)
                      else dg.AssetCheckSeverity.WARN),
            metadata={"re_evaluated": False,
                      "reason": "no rows changed since the run that evaluated it",
                      "evaluated_in_run": run_id or "none (the table has never had rows)",
                      "evaluated_at": str(at) if at else ""},
        )


def quality_blocking(suite: str, rule: str) -> bool:
    return bool(quality.rules_of(suite)[rule]["blocking"])


def inputs_unchanged(context: dg.AssetExecutionContext, conn, asset: str, tables: list[str],
                     *extra: str) -> tuple[bool, str]:
    """(True if `asset` was last built from exactly these table contents, their fingerprint).

    A downstream table rebuilt from unchanged inputs would come out the same, so a run with
    nothing new skips it; re-extract and re-check runs (`tally/rebuild=full`) never skip.
    """
    inputs = warehouse.fingerprint(conn, tables, *extra)
    return (not full_rebuild(context) and warehouse.built_from(conn, asset) == inputs), inputs


def skipped(inputs_of: str) -> dict:
    return {"rebuilt": False, "reason": f"inputs unchanged since the last build ({inputs_of})"}


@dg.asset(
    key=["core", "claimants"],
    group_name="core",
    pool=POOL,
    deps=[core_figures],
    kinds={"duckdb"},
    description="core.claimants: every normalised claimant (registry entries and outlets) with "
    "its class and every spelling seen in core.figures.",
)
def core_claimants(context: dg.AssetExecutionContext,
                   duckdb: DuckDBResource) -> dg.MaterializeResult:
    registry = pl.read_csv(CLAIMANT_REGISTRY, infer_schema_length=0)
    with duckdb.get_connection() as conn:
        same, inputs = inputs_unchanged(context, conn, "core.claimants", ["core.figures"],
                                        CLAIMANT_REGISTRY.read_text(encoding="utf-8"),
                                        warehouse.sql_text("core/claimants.sql"))
        if same:
            return dg.MaterializeResult(metadata=skipped("core.figures, registry"))
        warehouse.replace_table(conn, "staging.claimant_registry", registry)
        count = warehouse.build_from_sql(conn, "core.claimants", "core/claimants.sql")
        rows = warehouse.read_table(conn, "core.claimants")
        warehouse.record_build(conn, "core.claimants", inputs, context.run_id)
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
                     "locator, with its content hash and where its bytes are (pack and "
                     "offset under <lake>/raw/packs/)."),
    ],
    pool=POOL,
)
def raw_tables(context: dg.AssetExecutionContext, tally: TallyConfig, duckdb: DuckDBResource):
    # Both tables' build record is the listing of the batch files they hold (each written
    # once): the same listing means the same rows, so a run that read nothing new leaves the
    # tables, and their exports, alone; a listing that only grew means rows to append.
    store = RawStore(tally.lake, batch="read-only")
    logs = parquet_stamped(store.root / "fetch_log")
    manifests = parquet_stamped(store.root / "manifest")
    entries = [entry for _, entry in logs + manifests]
    listed, listing = set(entries), "\n".join(entries)  # the record is in file order
    full = full_rebuild(context)
    with duckdb.get_connection() as conn:
        recorded = warehouse.built_from(conn, "raw.fetch_log")
        loaded = set((recorded or "").splitlines())
        same = (not full and recorded is not None and loaded == listed
                and warehouse.table_exists(conn, "raw.payloads"))
        append = (not full and bool(loaded) and loaded <= listed
                  and _has_columns(conn, "raw.fetch_log", FETCH_LOG_SCHEMA)
                  and _has_columns(conn, "raw.payloads", MANIFEST_SCHEMA))
    if same:
        for key in (["raw", "fetch_log"], ["raw", "payloads"]):
            yield dg.MaterializeResult(asset_key=key, metadata=skipped("raw batch files"))
        return
    tables = ("raw.fetch_log", "raw.payloads")
    with duckdb.get_connection() as conn:
        # Forgotten before either table is written, and recorded again after both: a run that
        # stops in between leaves the next to rebuild them whole. A stale record could name a
        # file a retry has since rewritten with other rows, and they would be appended too.
        for table in tables:
            warehouse.forget_build(conn, table)
        if append:
            log = read_parquet_files([p for p, e in logs if e not in loaded], FETCH_LOG_SCHEMA)
            payloads = _append_raw(conn, log.sort("fetched_at"), read_parquet_files(
                [p for p, e in manifests if e not in loaded], MANIFEST_SCHEMA))
        else:
            log = store.fetch_log().sort("fetched_at")
            # one row per payload, even after races
            payloads = store.manifest().sort("first_seen_at")
            warehouse.replace_table(conn, "raw.fetch_log", log)
            warehouse.replace_table(conn, "raw.payloads", payloads)
        for table in tables:
            warehouse.record_build(conn, table, listing, context.run_id)
        counts = {t: warehouse.run(conn, f"select count(*) from {t}")[0][0]  # noqa: S608
                  for t in tables}
    for key, rows in ((["raw", "fetch_log"], log), (["raw", "payloads"], payloads)):
        meta = _table_metadata(rows, ".".join(key))
        meta["dagster/row_count"] = counts[".".join(key)]
        meta["rebuilt"] = "new batch files appended" if append else "whole"
        yield dg.MaterializeResult(asset_key=key, metadata=meta)


def _has_columns(conn, table: str, schema: dict) -> bool:
    """Whether `table` exists with `schema`'s columns: one written before a column was added
    is rebuilt whole, not appended to."""
    return warehouse.table_exists(conn, table) and set(conn.table(table).columns) == set(schema)


def _append_raw(conn, log: pl.DataFrame, manifest: pl.DataFrame) -> pl.DataFrame:
    """Add new batch files' rows to the raw tables; returns the payload rows written.

    Why not rebuild them: at 300,000 articles that rewrote 600,000 rows (0.9 s) in a run that
    added 3,000. Appending a file again adds nothing twice: a log row already there (same
    batch, source, locator and time) is left out, and a payload's row is its earliest
    sighting, old or new.
    """
    with warehouse.registered(conn, log), warehouse.transaction(conn):
        warehouse.run(conn, "insert into raw.fetch_log by name select * from incoming "
                            "anti join raw.fetch_log using (batch, source, locator, fetched_at)")
    # the key's column names, never data
    keys = " and ".join(f"p.{c} is not distinct from incoming.{c}" for c in PAYLOAD_KEY)
    with warehouse.registered(conn, manifest):
        known = conn.sql(f"select * from raw.payloads as p where exists "  # noqa: S608
                         f"(select 1 from incoming where {keys})").pl()
    # DuckDB names the time zone Etc/UTC: the same instants, relabelled to concatenate
    new = manifest.select(known.columns)
    payloads = first_sightings(pl.concat([known.cast(new.schema), new]))
    with warehouse.registered(conn, payloads), warehouse.transaction(conn):
        warehouse.run(conn, f"delete from raw.payloads as p using incoming where {keys}")  # noqa: S608
        warehouse.run(conn, "insert into raw.payloads by name select * from incoming")
    return payloads


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
    deps=[core_figures, dg.AssetKey(["core", "claim_mentions"])],
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

    suites = _suite_of_rules(tuple(reconcile_rules.LEDGER_SUITES))
    with duckdb.get_connection() as conn:
        same, inputs = inputs_unchanged(context, conn, "marts.hostage_ledger",
                                        ["core.figures", "core.claim_mentions"],
                                        warehouse.sql_text("marts/hostage_ledger.sql"),
                                        quality.suites_digest(*reconcile_rules.LEDGER_SUITES))
        if same:
            previous = _previous_checks(conn, "marts/hostage_ledger")
        else:
            warehouse.build_from_sql(conn, "marts.hostage_ledger", "marts/hostage_ledger.sql")
            ledger = warehouse.read_table(conn, "marts.hostage_ledger")
            frames = reconcile_rules.ledger_frames(ledger)
            results = reconcile_rules.validate_frames(frames)
            _record_checks(conn, context.run_id, "marts/hostage_ledger", suites, results)
            warehouse.record_build(conn, "marts.hostage_ledger", inputs, context.run_id)
    if same:
        yield dg.MaterializeResult(metadata=skipped("core.figures"))
        yield from _carried_checks(["marts", "hostage_ledger"], suites, previous)
        return
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
    "warehouse's write lock. The articles, figures and claim mentions are a link to a folder "
    "of parts on a local lake, and a run rewrites only the parts whose rows changed.",
)
def parquet_exports(context: dg.AssetExecutionContext, tally: TallyConfig,
                    duckdb: DuckDBResource) -> dg.MaterializeResult:
    folder = tally.lake / "exports"
    targets, inputs, unchanged = {}, {}, []
    with duckdb.get_connection() as conn:
        for table in EXPORTED_TABLES:
            if not warehouse.table_exists(conn, table):
                continue
            path = folder / f"{table}.parquet"
            same, inputs[table] = inputs_unchanged(context, conn, f"exports/{table}", [table])
            if same and path.exists():
                unchanged.append(table)  # the file already holds exactly these rows
                continue
            targets[table] = path
        counts = exports.export_all(conn, targets)
        for table in counts:
            warehouse.record_build(conn, f"exports/{table}", inputs[table], context.run_id)
    return dg.MaterializeResult(metadata={
        "folder": dg.MetadataValue.path(str(folder)),
        "rebuilt": bool(counts),
        "exported": ", ".join(counts) or "none",
        "unchanged": ", ".join(unchanged) or "none",
        **{f"rows {t}": e.rows for t, e in counts.items()},
        # of the parted tables: rows written this time, and the parts now published
        **{f"written {t}": e.written for t, e in counts.items() if t in exports.PARTED},
        **{f"parts {t}": e.parts for t, e in counts.items() if t in exports.PARTED},
    })
