"""Bring core.claim_mentions and core.claims up to date with core.figures, touching only what
changed.

Why: a claim is built from every mention of it, so a whole rebuild reads all of core.figures;
at 300,000 articles that took 16 s of a run that brought 1% new articles. A mention depends
only on its own figure, and a claim only on its mentions, so the figures that came or went
name the mentions to redo, and those name the claims to redo. The rows written are computed by
the same selects in `sql/` as a whole rebuild, run on temporary tables and views of just the
affected rows, so they are the rows a rebuild would give; a claim that only gained mentions is
the merge of its row with the claim of its new mentions (`sql/core/claims_grown.sql`), tested
against a rebuild.

A statistics figure keeps its id when the series revises its value, so every statistics
mention is redone on each update (the series is small). An article figure keeps its id when a
re-extraction reads its span differently, which an update cannot see: a whole reload of
core.figures forgets BUILD (`forget`), and so does a whole build of the claims until both
tables are written, so an interrupted one is followed by a whole build, not an update.
"""

from __future__ import annotations

import re

import duckdb

from pipelines.lib import warehouse

MENTIONS_SQL = "core/claim_mentions.sql"
CLAIMS_SQL = "core/claims.sql"
CLAIMS_GROWN_SQL = "core/claims_grown.sql"


BUILD = "core.claims/sql"  # meta.builds: the selects the claims were last built whole with
# meta.builds: every row of both tables passed the rules on their rows (reconcile_rules.CHECK_SQL)
# when last checked, and no update has changed them since; `inputs` is a digest of those rules
# (reconcile_rules.narrowed_rules), so a changed rule is judged on every row once. Only then may
# the checks of an update look at just the rows it redid (reconcile_rules.claim_frames).
CHECKED = "core.claims/checked"


def selects(conn: duckdb.DuckDBPyConnection) -> str:
    return warehouse.fingerprint(conn, [], *map(warehouse.sql_text,
                                                (MENTIONS_SQL, CLAIMS_SQL, CLAIMS_GROWN_SQL)))


def can_update(conn: duckdb.DuckDBPyConnection) -> bool:
    """True when both tables were last built whole with today's selects and kept up since."""
    return (all(warehouse.table_exists(conn, t) for t in ("core.claims", "core.claim_mentions"))
            and warehouse.built_from(conn, BUILD) == selects(conn))


def forget(conn: duckdb.DuckDBPyConnection) -> None:
    """The claims can no longer be updated in place; their next build is whole."""
    warehouse.forget_build(conn, BUILD)


def all_rows_passed(conn: duckdb.DuckDBPyConnection, rules: str) -> bool:
    """True when every row passed `rules` (a digest of them) when last checked, and nothing
    changed the rows since."""
    return warehouse.built_from(conn, CHECKED) == rules


def changing(conn: duckdb.DuckDBPyConnection) -> None:
    """Called before either table changes: until the new rows are checked, no row counts as
    passed. Forgotten first, so a run that stops after the change leaves a whole check next."""
    warehouse.forget_build(conn, CHECKED)


def checked(conn: duckdb.DuckDBPyConnection, rules: str, passed: bool, run_id: str) -> None:
    """Record that the rows were checked by `rules`; `passed` when every rule passed on them."""
    if passed:
        warehouse.record_build(conn, CHECKED, rules, run_id)


def build_whole(conn: duckdb.DuckDBPyConnection, run_id: str) -> None:
    """Both tables from all of core.figures; recorded only once both are written."""
    forget(conn)
    warehouse.build_from_sql(conn, "core.claim_mentions", MENTIONS_SQL)
    warehouse.build_from_sql(conn, "core.claims", CLAIMS_SQL)
    warehouse.record_build(conn, BUILD, selects(conn), run_id)


def select_over(relative: str, stand_ins: dict[str, str]) -> str:
    """The select of `sql/<relative>` with each table of `stand_ins` read from its stand-in."""
    text = warehouse.sql_text(relative)
    for table, stand_in in stand_ins.items():
        pattern = rf"(?<![\w.]){re.escape(table)}(?![\w])"
        if not re.search(pattern, text):
            raise ValueError(f"{relative} does not read {table}")
        text = re.sub(pattern, stand_in, text)
    return text


# The rows an update redid, as temporary views over the tables (so they show the rows as
# written): the update reads the first, and its checks read them all (reconcile_rules).
REDONE_VIEWS = {
    "redone_figure_rows": "core.figures semi join redone_figures using (figure_id)",
    "redone_figure_mentions": "core.claim_mentions semi join redone_figures using (figure_id)",
    "redone_claim_rows": "core.claims semi join redone_claims using (claim_id)",
    "redone_claim_mentions": "core.claim_mentions semi join redone_claims using (claim_id)",
}


def update(conn: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Redo the mentions of changed figures and the claims they belong to, in one transaction.

    A claim that lost or changed a mention is rebuilt from all its mentions. A claim that only
    gained mentions is merged instead (CLAIMS_GROWN_SQL): its row with the claim built from the
    new mentions alone. Why: 1% new articles at 300,000 grew a fifth of the claims, holding half
    of all mentions, and rebuilding them took 4.3-5.3 s of the update's 6.8 s.

    Returns how many figures changed, how many claims were redone, and how many of those were
    existing claims merged with their new mentions. The figure ids and claim ids stay in the
    temporary tables `redone_figures` and `redone_claims` for the connection, with the views of
    REDONE_VIEWS over them: the checks of the update read them.
    """
    run = warehouse.run
    warehouse.vacuum_when_due(conn, "core.claims", "core.claim_mentions")
    with warehouse.transaction(conn):
        # figures that came or went, and every statistics figure: one join of the two tables
        # (two anti joins each hashed 2.45 million ids, 0.4-0.8 s against 0.2 s)
        run(conn, """
            create or replace temp table redone_figures as
            select distinct figure_id
            from core.figures as figures full join core.claim_mentions as mentions
                using (figure_id)
            where figures.figure_id is null or mentions.figure_id is null
                or figures.origin = 'statistics' or mentions.origin = 'statistics'
        """)
        run(conn, """
            create or replace temp table redone_claims as
            select distinct claim_id from core.claim_mentions semi join redone_figures
                using (figure_id)
        """)
        # Views, not tables: the selects read a few columns, and a copy of every column of
        # the figures of the redone claims (their sentences among them) took 1.5 s of the
        # update's 8.3 s at 300,000 articles with 2% new.
        for view, rows in REDONE_VIEWS.items():
            # names and joins from REDONE_VIEWS above, never data
            run(conn, f"create or replace temp view {view} as select * from {rows}")  # noqa: S608
        run(conn, "delete from core.claim_mentions where figure_id in "
                  "(select figure_id from redone_figures)")
        # the selects are Tally's own files in sql/, never data
        run(conn, "insert into core.claim_mentions by name select * from ("  # noqa: S608
                  + select_over(MENTIONS_SQL, {"core.figures": "redone_figure_rows"}) + ")")
        # Claims that only gained mentions are merged. `articles` adds up only if the new
        # mentions' articles had no figure before: a claim gaining a mention from an article
        # that already had one is rebuilt instead, with every other claim that changed.
        run(conn, "create or replace temp table gaining_claims as select distinct claim_id "
                  "from redone_figure_mentions except select claim_id from redone_claims")
        run(conn, """
            create or replace temp table grown_claims as
            select claim_id from gaining_claims
            except select claim_id from core.claim_mentions semi join (
                select figure_id from redone_figure_rows where article_id in (
                    select article_id from core.figures anti join redone_figures
                        using (figure_id))
            ) using (figure_id)
        """)
        run(conn, "insert into redone_claims select claim_id from gaining_claims "
                  "except select claim_id from grown_claims")
        run(conn, "create or replace temp table claims_added as "  # noqa: S608
                  + _claims_of(conn, "redone_figure_mentions semi join grown_claims "
                                     "using (claim_id)"))
        run(conn, "create or replace temp table grown_rows as "
                  + warehouse.sql_text(CLAIMS_GROWN_SQL))
        merged = run(conn, "select count(*) from core.claims semi join grown_claims "
                           "using (claim_id)")[0][0]
        run(conn, "delete from core.claims where claim_id in (select claim_id from redone_claims "
                  "union all select claim_id from grown_claims)")
        run(conn, "insert into core.claims by name "  # noqa: S608
                  + _claims_of(conn, "core.claim_mentions semi join redone_claims "
                                     "using (claim_id)"))
        run(conn, "insert into core.claims by name select * from grown_rows")
        run(conn, "insert into redone_claims select claim_id from grown_claims")
        counts = {"figures": run(conn, "select count(*) from redone_figures")[0][0],
                  "claims": run(conn, "select count(*) from redone_claims")[0][0],
                  "claims_merged": merged}
        run(conn, "drop view claim_figure_rows")
        for table in ("mentions_in", "grown_rows", "claims_added", "grown_claims",
                      "gaining_claims"):
            run(conn, f"drop table {table}")
    return counts


def _claims_of(conn: duckdb.DuckDBPyConnection, mentions: str) -> str:
    """CLAIMS_SQL over only the mentions `mentions` names (a table and its joins) and their
    figures. The mentions are copied to the temporary table `mentions_in` first; their figures
    stay a view (`claim_figure_rows`), since a copy would hold every sentence."""
    # `mentions`: Tally's own tables and joins, never data
    select = f"select * from {mentions}"  # noqa: S608
    warehouse.run(conn, f"create or replace temp table mentions_in as {select}")
    warehouse.run(conn, "create or replace temp view claim_figure_rows as select * from "
                        "core.figures semi join mentions_in using (figure_id)")
    return "select * from (" + select_over(CLAIMS_SQL, {  # noqa: S608
        "core.claim_mentions": "mentions_in", "core.figures": "claim_figure_rows"}) + ")"
