"""What the report reads from the warehouse, as small Polars frames.

Every reader tolerates a missing table (a warehouse being built for the first time, or a mart
another change has not shipped yet) by returning None, so the report says "not built" instead
of failing the run. Values are always bound, never formatted into SQL.
"""

from __future__ import annotations

import duckdb
import polars as pl

from pipelines.lib import warehouse

LEDGER_METRICS = ("abducted", "hostages_remaining", "hostages_alive", "hostages_dead",
                  "hostages_released", "hostages_rescued", "hostage_bodies_recovered")
MAX_ROWS = 500  # rows per table in the HTML; the Parquet exports hold everything


def _claimant_names(conn: duckdb.DuckDBPyConnection) -> str:
    """A join target giving each claimant_id a display name unique to it (the id when unknown)."""
    if warehouse.table_exists(conn, "core.claimants"):
        # a name two claimants share (UN OCHA the agency, UN OCHA the publisher) gets its class
        return """(
            select
                claimant_id,
                case when count(*) over (partition by name) > 1
                     then name || ' (' || claimant_class || ')' else name end as claimant_name,
            from (select claimant_id, any_value(name) as name, any_value(claimant_class)
                         as claimant_class
                  from core.claimants group by claimant_id)
        )"""
    return "(select null::varchar as claimant_id, null::varchar as claimant_name where false)"


# An article toll under a tenth of the highest its claimant had given by that day counts one
# incident (274 killed in one raid on Nuseirat beside the ministry's 36,801), not the claimant's
# running toll: marts.revisions' `event_count` and series_vs_articles' `one_incident` draw the
# line at a tenth too. Article figures carry no `cumulative` flag (statistics only), so their
# value is all there is to tell them by. Statistics rows are cumulative series: never one.
_TOLLS = """
    from (
        select
            f.*,
            coalesce(f.as_of, f.published) as day,
            f.origin = 'article' and f.value * 10 < max(f.value) over (
                partition by f.origin, f.claimant_id order by coalesce(f.as_of, f.published)
            ) as one_incident,
        from core.figures f
        where f.metric = 'killed'
          and (f.origin = 'article' or coalesce(f.cumulative, false))
          and coalesce(f.as_of, f.published) is not null
    ) f
    left join {names} n using (claimant_id)
"""


def death_toll_points(conn: duckdb.DuckDBPyConnection) -> pl.DataFrame | None:
    """Claimed death tolls as chart points: cumulative statistics series and every `killed`
    figure in articles, one row per claimant, day and value with the number of figures there.

    Article figures mix running totals with single-incident tolls; both are kept (they are
    what was claimed), never merged with the series, and `one_incident` tells them apart (the
    rule above `_TOLLS`).
    Figures that claim the same value on the same day draw the same point, so they are counted
    instead of repeated: at 300,000 articles, 200,000 claims are 3,000 points (the whole rows
    took a gigabyte and drew a 35 MB page). An article's location is as written, too varied to
    group by, so article points have none. `last_said` is the latest publication or report date
    of a point's figures: two values about one day (a toll revised later) are told apart by it.
    A point keeps its qualifier: "fewer than 100" and "more than 100" are not one claim.
    """
    if not warehouse.table_exists(conn, "core.figures"):
        return None
    return conn.sql(f"""
        select
            f.day,
            f.origin,
            coalesce(n.claimant_name, f.claimant_id) as claimant_name,
            any_value(f.claimant_class) as claimant_class,
            f.dataset,
            case when f.origin = 'article' then null else f.location end as location,
            f.value,
            f.qualifier,
            f.one_incident,
            count(*) as claims,
            max(f.published) as last_said,
        {_TOLLS.format(names=_claimant_names(conn))}
        group by all
        order by day, claimant_name, f.origin, f.dataset, location, f.value
    """).pl()  # noqa: S608 - `names` is one of two fixed subqueries in _claimant_names


def newest_article_tolls(conn: duckdb.DuckDBPyConnection, limit: int) -> pl.DataFrame | None:
    """The newest `limit` death tolls stated in articles, whole: claimant, place (as written),
    whether it counts one incident, outlet, sentence."""
    if not warehouse.table_exists(conn, "core.figures"):
        return None
    return conn.sql(f"""
        select
            f.day,
            f.claimant,
            coalesce(n.claimant_name, f.claimant_id) as claimant_name,
            f.value,
            f.qualifier,
            f.location,
            f.one_incident,
            f.outlet,
            f.source_url,
            f.sentence,
        {_TOLLS.format(names=_claimant_names(conn))}
        where f.origin = 'article'
        order by day desc, claimant_name, f.figure_id
        limit ?
    """, params=[limit]).pl()  # noqa: S608 - as above


def hostage_ledger(conn: duckdb.DuckDBPyConnection) -> pl.DataFrame | None:
    if not warehouse.table_exists(conn, "marts.hostage_ledger"):
        return None
    names = _claimant_names(conn)
    return conn.sql(f"""
        select
            l.report_date,
            l.claimant_id,
            coalesce(n.claimant_name, l.claimant_id) as claimant_name,
            l.claimant_class,
            {", ".join(f"l.{m}" for m in LEDGER_METRICS)},
        from marts.hostage_ledger l
        left join {names} n using (claimant_id)
        order by l.report_date, l.claimant_id
    """).pl()  # noqa: S608 - column names are the fixed LEDGER_METRICS


def claimant_names(conn: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """claimant_id -> display name, from core.claimants (empty while it is not built)."""
    if not warehouse.table_exists(conn, "core.claimants"):
        return {}
    rows = warehouse.run(conn, f"select * from {_claimant_names(conn)}")  # noqa: S608
    return {cid: name for cid, name in rows if cid is not None and name}


DISPUTE_ORDER = ("window_start", "metric_a", "metric_b", "claimant_id_a", "claimant_id_b",
                 "claim_id_a", "claim_id_b")


def disputes(conn: duckdb.DuckDBPyConnection, limit: int) -> pl.DataFrame | None:
    """The first `limit` rows of marts.figure_disputes, earliest window first, whatever its
    columns (None while it is not built); `counts` has its size. Ordered here: tables carry
    no order (sql/README.md)."""
    if not warehouse.table_exists(conn, "marts.figure_disputes"):
        return None
    columns = conn.table("marts.figure_disputes").columns
    order = ", ".join(c for c in DISPUTE_ORDER if c in columns) or "all"
    # order: names from DISPUTE_ORDER found in the table, never data
    return conn.sql(f"select * from marts.figure_disputes order by {order} "  # noqa: S608
                    "limit ?", params=[limit]).pl()


def latest_checks(conn: duckdb.DuckDBPyConnection) -> pl.DataFrame | None:
    """Each asset's checks from the latest run that checked it (runs may check a subset)."""
    if not warehouse.table_exists(conn, "quality.check_results"):
        return None
    return conn.sql("""
        with latest as (
            select asset, arg_max(run_id, checked_at) as run_id
            from quality.check_results
            group by asset
        ),
        final as (
            select r.asset, r.rule, r.suite, r.blocking, r.success, r.evaluated, r.failing,
                   r.run_id, r.checked_at,
            from quality.check_results r
            join latest using (asset, run_id)
        )
        select * from final order by asset, rule
    """).pl()


def counts(conn: duckdb.DuckDBPyConnection) -> dict[str, int | None]:
    """Row counts of the headline tables (None where a table is missing)."""
    out: dict[str, int | None] = {}
    for table in ("core.articles", "core.figures", "core.claimants", "marts.hostage_ledger",
                  "marts.figure_disputes", "quality.quarantine"):
        if warehouse.table_exists(conn, table):
            # `table` is one of the fixed names above, checked by table_exists's pattern
            out[table] = warehouse.run(conn, f"select count(*) from {table}")[0][0]  # noqa: S608
        else:
            out[table] = None
    return out
