"""Claims, disputes, corroboration, revisions and the ledger from planted figures (real SQL)."""

from datetime import date

import polars as pl

from tests.reconcile.helpers import article, reconcile, series, table


def test_mentions_of_one_claim_merge_and_every_figure_has_one_claim():
    conn = reconcile([
        article("f1", "2023-11-06", "killed", 10022, "gaza_moh", "gaza_health",
                outlet="The Levant Ledger", subject=None),
        article("f2", "2023-11-06", "killed", 10022, "gaza_moh", "gaza_health",
                outlet="UN OCHA", subject="Palestinians", article_id="other",
                source_url="https://ocha.example/31"),
        article("f3", "2023-11-06", "killed", 10022, "israel_gov", "israel_gov"),
        series("s1", "2023-11-06", 10022),
    ])
    claims = table(conn, "core.claims")
    mentions = table(conn, "core.claim_mentions")
    assert mentions.height == 4 and mentions["figure_id"].n_unique() == 4
    # two outlets and the ministry's own series say the same thing: one claim; the other
    # claimant's identical number is its own claim
    assert claims.height == 2
    merged = claims.filter(pl.col("mentions") == 3).row(0, named=True)
    assert merged["outlets"] == ["The Levant Ledger", "UN OCHA"]
    assert sorted(merged["figure_ids"]) == ["f1", "f2", "s1"]
    assert merged["first_seen"] == merged["last_seen"] == date(2023, 11, 6)
    assert merged["origins"] == ["article", "statistics"] and merged["articles"] == 2
    assert merged["datasets"] == ["tfp"]


def test_a_claim_and_a_series_row_with_the_same_key_merge_across_origins():
    conn = reconcile([
        article("f1", "2023-11-06", "killed", 10022, "gaza_moh", "gaza_health",
                location="Gaza", subject="Palestinians"),
        series("s1", "2023-11-06", 10022, cumulative=None),
    ])
    claims = table(conn, "core.claims")
    assert claims.height == 1
    assert claims["origins"][0].to_list() == ["article", "statistics"]
    assert claims["datasets"][0].to_list() == ["tfp"]


def test_disputes_side_by_side_twelve_vs_ten_thai_hostages():
    conn = reconcile([
        article("f1", "2023-11-25", "hostages_released", 12, "thailand_gov", subject="Thai nationals"),
        article("f2", "2023-11-25", "hostages_released", 10, "israel_gov", "israel_gov",
                subject="Thai citizens"),
        # a different nationality and a claim a week later are not the same population/window
        article("f3", "2023-11-25", "hostages_released", 39, "hamas", "hamas",
                subject="Israeli women and children"),
        article("f4", "2023-12-02", "hostages_released", 23, "qatar", subject="Thai nationals"),
    ])
    disputes = table(conn, "marts.figure_disputes")
    assert disputes.height == 1
    row = disputes.row(0, named=True)
    assert row["relation"] == "same_metric" and row["subject_class"] == "thai"
    assert {row["claimant_id_a"], row["claimant_id_b"]} == {"thailand_gov", "israel_gov"}
    assert {row["value_a"], row["value_b"]} == {12.0, 10.0}
    assert row["spread"] == 2.0 and row["conflict"]


def test_disputes_pair_claims_up_to_a_day_apart_either_way_and_no_further():
    conn = reconcile([
        article("t25", "2023-11-25", "hostages_released", 12, "thailand_gov",
                subject="Thai nationals"),
        article("t26", "2023-11-26", "hostages_released", 10, "israel_gov", "israel_gov",
                subject="Thai citizens"),
        article("t28", "2023-11-28", "hostages_released", 17, "qatar", subject="Thai nationals"),
        # a part beside the totals of the day before (paired) and two days after (not)
        article("m08", "2024-02-08", "militants_killed", 10000, "idf", "israel_military"),
        article("k07", "2024-02-07", "killed", 27840, "gaza_moh", "gaza_health"),
        article("k10", "2024-02-10", "killed", 28176, "un_ocha", "un"),
    ])
    mentions = {r["claim_id"]: r["figure_ids"]
                for r in table(conn, "core.claims").iter_rows(named=True)}
    pairs = {(r["relation"], *sorted(mentions[r["claim_id_a"]] + mentions[r["claim_id_b"]]))
             for r in table(conn, "marts.figure_disputes").iter_rows(named=True)}
    assert pairs == {("same_metric", "t25", "t26"), ("part_of_total", "k07", "m08")}


def test_ranges_that_meet_are_no_dispute_and_militants_sit_beside_the_total():
    conn = reconcile([
        article("f1", "2024-02-08", "killed", 27840, "gaza_moh", "gaza_health"),
        article("f2", "2024-02-08", "killed", 27000, "un_ocha", "un", value_high=None,
                qualifier="more_than", location="Gaza"),
        article("f3", "2024-02-08", "militants_killed", 10000, "idf", "israel_military",
                value_high=None, qualifier="more_than"),
    ])
    disputes = table(conn, "marts.figure_disputes")
    # 27,840 and "more than 27,000" agree: no same_metric row; the militants sit beside each total
    assert disputes["relation"].to_list() == ["part_of_total", "part_of_total"]
    row = disputes.filter(pl.col("claimant_id_b") == "gaza_moh").row(0, named=True)
    assert (row["metric_a"], row["claimant_id_a"], row["value_a"]) == ("militants_killed", "idf",
                                                                        10000.0)
    assert (row["metric_b"], row["value_b"]) == ("killed", 27840.0) and not row["conflict"]


def test_corroboration_exact_close_stale_contradicted_with_both_values():
    rows = [series(f"s{i}", f"2023-11-{d:02d}", v)
            for i, (d, v) in enumerate([(1, 9000), (2, 9061), (3, 9227), (4, 9488), (5, 9770),
                                        (6, 10022), (7, 10328), (8, 10569), (9, 10818)])]
    rows += [
        article("exact", "2023-11-06", "killed", 10022, "gaza_moh", "gaza_health"),
        article("close", "2023-11-07", "killed", 10400, "gaza_moh", "gaza_health"),
        article("stale", "2023-11-09", "killed", 9227, "gaza_moh", "gaza_health"),
        article("contra", "2023-11-08", "killed", 12000, "gaza_moh", "gaza_health"),
        # another claimant: the ministry's series does not speak for it
        article("other", "2023-11-06", "killed", 8000, "idf", "israel_military", location="Gaza"),
    ]
    conn = reconcile(rows)
    rows = {r["value"]: r for r in table(conn, "marts.corroboration").iter_rows(named=True)}
    assert set(rows) == {10022.0, 10400.0, 9227.0, 12000.0}
    assert rows[10022.0]["match"] == "exact" and rows[10022.0]["series_value"] == 10022.0
    assert rows[10400.0]["match"] == "close" and rows[10400.0]["series_value"] == 10328.0
    assert rows[9227.0]["match"] == "stale"
    assert rows[9227.0]["series_as_of"] == date(2023, 11, 3)
    assert rows[12000.0]["match"] == "contradicted"
    assert rows[12000.0]["dataset"] == "tfp" and rows[12000.0]["difference"] > 0


def test_revisions_flag_restated_event_tolls_and_falling_totals_not_rises():
    conn = reconcile([
        # October 7: 1,400 then 1,200 killed (in one article, in that order), then 1,200 again
        article("k1", "2023-11-10", "killed", 1400, "israel_gov", "israel_gov",
                as_of="2023-10-07", span_start=10),
        article("k2", "2023-11-10", "killed", 1200, "israel_gov", "israel_gov",
                as_of="2023-10-07", span_start=50),
        article("k3", "2024-01-26", "killed", 1200, "israel_gov", "israel_gov",
                as_of="2023-10-07"),
        # abducted: 253 then 251
        article("a1", "2024-02-08", "abducted", 253, "israel_gov", "israel_gov",
                as_of="2023-10-07"),
        article("a2", "2024-06-08", "abducted", 251, "israel_gov", "israel_gov",
                as_of="2023-10-07"),
        # a running total that falls once (a revision), and one raid's toll (not a revision)
        series("s1", "2023-10-18", 1119, field="killed_women_cum", metric="killed_women"),
        series("s2", "2023-10-19", 1000, field="killed_women_cum", metric="killed_women"),
        series("s3", "2023-10-20", 1024, field="killed_women_cum", metric="killed_women"),
        article("r1", "2023-10-20", "killed_women", 12, "gaza_moh", "gaza_health",
                location="Gaza"),
    ])
    revisions = table(conn, "marts.revisions")
    flagged = revisions.filter(pl.col("revision")).sort("metric", "value")
    assert flagged.select("metric", "kind", "revision_kind", "previous_value", "value").rows() == [
        ("abducted", "restatement", "restated", 253.0, 251.0),
        ("killed", "restatement", "restated", 1400.0, 1200.0),
        ("killed_women", "running", "decrease", 1119.0, 1000.0),
    ]
    raid = revisions.filter(pl.col("value") == 12).row(0, named=True)
    assert raid["kind"] == "event_count" and not raid["revision"]
    oct7 = revisions.filter((pl.col("metric") == "killed") & (pl.col("kind") == "restatement"))
    assert oct7["event_date"].unique().to_list() == [date(2023, 10, 7)]
    assert oct7.sort("position")["value"].to_list() == [1400.0, 1200.0]


def test_ledger_keeps_prewar_captives_apart():
    conn = reconcile([
        article("r", "2025-01-19", "hostages_remaining", 94, "idf", "israel_military",
                surface="94", sentence="The army says 94 of the people abducted are still in Gaza."),
        article("p", "2025-01-19", "hostages_remaining", 4, "idf", "israel_military",
                surface="four", sentence="Hamas is also holding four Israelis seized before the war."),
        article("x", "2025-01-19", "hostages_remaining", 98, "idf", "israel_military",
                article_id="other", surface="98",
                sentence="98 hostages remain, including four held since 2014."),
    ])
    ledger = table(conn, "marts.hostage_ledger").row(0, named=True)
    assert ledger["prewar_captives"] == 4.0
    assert ledger["hostages_remaining"] == 98.0  # the larger of the day's figures, as before


def test_ledger_carries_the_current_count_not_a_later_report_about_the_past():
    """An article on June 12 recalling the 240 held when the November truce began is history:
    the army's 120 of June 10 is still its count of hostages held."""
    conn = reconcile([
        article("now", "2024-06-10", "hostages_remaining", 120, "idf", "israel_military"),
        article("past", "2024-06-12", "hostages_remaining", 240, "idf", "israel_military",
                as_of="2023-11-24"),
        article("later", "2024-06-14", "hostages_remaining", 116, "idf", "israel_military"),
    ])
    ledger = table(conn, "marts.hostage_ledger").sort("report_date")
    assert ledger.select("report_date", "hostages_remaining").rows() == [
        (date(2024, 6, 10), 120.0), (date(2024, 6, 12), 120.0), (date(2024, 6, 14), 116.0)]


def test_ledger_leaves_a_count_of_one_nationality_out_of_the_totals():
    conn = reconcile([
        article("all", "2023-11-30", "hostages_released", 105, "israel_gov", "israel_gov"),
        article("thai", "2023-12-02", "hostages_released", 23, "israel_gov", "israel_gov",
                subject="Thai nationals"),
        article("israelis", "2023-12-03", "hostages_released", 110, "israel_gov", "israel_gov",
                subject="Israelis"),
    ])
    ledger = table(conn, "marts.hostage_ledger").sort("report_date")
    assert ledger.select("report_date", "hostages_released").rows() == [
        (date(2023, 11, 30), 105.0), (date(2023, 12, 3), 110.0)]


def test_about_a_number_is_no_conflict_with_one_just_beside_it():
    """'about 1,200' has no bounds; it was read as exactly 1,200, so 1,195 'could not also be
    true'. It allows 2% either side, as corroboration's close match; 1,100 is still apart."""
    conn = reconcile([
        article("about", "2023-11-10", "killed", 1200, "israel_gov", "israel_gov",
                qualifier="approx", value_low=None, value_high=None, article_id="a1"),
        article("near", "2023-11-10", "killed", 1195, "afp_tally", "other", article_id="a2"),
        article("far", "2023-11-10", "killed", 1100, "un_ocha", "un", article_id="a3"),
    ])
    disputes = table(conn, "marts.figure_disputes").filter(pl.col("conflict"))
    pairs = {frozenset((row["value_a"], row["value_b"])) for row in disputes.iter_rows(named=True)}
    assert pairs == {frozenset((1200.0, 1100.0)), frozenset((1195.0, 1100.0))}


def test_corroboration_has_a_row_for_each_series_that_gives_the_claim():
    """Two datasets with the same values merge into one series claim; only the first was
    matched against the articles."""
    rows = [series(f"{name}{d}", f"2023-11-{d:02d}", value, dataset=name)
            for name in ("tfp", "inbox") for d, value in ((5, 9770), (6, 10022), (7, 10328))]
    rows.append(article("art", "2023-11-06", "killed", 10022, "gaza_moh", "gaza_health",
                        location="Gaza"))
    corroboration = table(reconcile(rows), "marts.corroboration")
    assert sorted(corroboration.filter(pl.col("value") == 10022)["dataset"]) == ["inbox", "tfp"]


def test_a_restatement_revises_the_figure_the_claimant_gave_for_that_date_while_current():
    """Israel gave 1,400 killed on October 7 within two days of it (its current figure then,
    repeated on October 12) and 1,200 on November 10: the restatement was keyed apart from the
    running figure and had nothing before it, so the revision went unflagged. It is compared
    with the claimant's own last current figure of that date; another claimant's never counts,
    and a running tally that grows is still no revision."""
    conn = reconcile([
        article("il1", "2023-10-08", "killed", 1400, "israel_gov", "israel_gov",
                as_of="2023-10-07", location="Israel", outlet="Meridian Wire"),
        article("il2", "2023-10-12", "killed", 1400, "israel_gov", "israel_gov",
                as_of="2023-10-07", location="Israel", outlet="Meridian Wire"),
        # another claimant's current figure of that date, published later still
        article("un1", "2023-10-09", "killed", 1300, "un_ocha", "un", as_of="2023-10-07"),
        article("il3", "2023-11-10", "killed", 1200, "israel_gov", "israel_gov",
                as_of="2023-10-07", outlet="The Levant Ledger"),
        # a claimant restating a date it never gave while current: nothing to revise
        article("afp", "2023-11-12", "killed", 1200, "afp_tally", "other", as_of="2023-10-07"),
        # the ministry's running toll grows; one raid's toll and the West Bank's, the same day,
        # are no figures of that toll
        article("m1", "2023-11-06", "killed", 10000, "gaza_moh", "gaza_health", location="Gaza"),
        article("raid", "2023-11-06", "killed", 50, "gaza_moh", "gaza_health", location="Gaza",
                span_start=40),
        article("wb", "2023-11-06", "killed", 150, "gaza_moh", "gaza_health",
                location="West Bank", span_start=80),
        article("m2", "2023-11-10", "killed", 11000, "gaza_moh", "gaza_health", location="Gaza"),
        # ... and a later article recalls November 6's toll ("more than 10,000": a claim of its
        # own, where "10,000" again would be m1's)
        article("m3", "2023-12-20", "killed", 10000, "gaza_moh", "gaza_health",
                as_of="2023-11-06", qualifier="more_than", value_high=None),
    ])
    revisions = table(conn, "marts.revisions")
    claims = table(conn, "core.claims")
    claim_of = {f: c for c, ids in claims.select("claim_id", "figure_ids").rows() for f in ids}
    rows = {row["claim_id"]: row for row in revisions.iter_rows(named=True)}

    restated = rows[claim_of["il3"]]
    assert (restated["kind"], restated["revision"], restated["revision_kind"]) == (
        "restatement", True, "restated")
    assert (restated["previous_value"], restated["change"]) == (1400.0, -200.0)
    assert restated["previous_claim_id"] == claim_of["il1"] == claim_of["il2"]
    # both sources, side by side through the claims
    [earlier] = claims.filter(pl.col("claim_id") == restated["previous_claim_id"]).to_dicts()
    assert (earlier["outlets"], restated["outlets"]) == (["Meridian Wire"], ["The Levant Ledger"])
    # the figure given while current stays in its running series
    assert rows[claim_of["il1"]]["kind"] == "running" and not rows[claim_of["il1"]]["revision"]

    # another claimant is never the figure revised
    assert rows[claim_of["un1"]]["previous_value"] is None
    afp = rows[claim_of["afp"]]
    assert (afp["previous_value"], afp["revision"]) == (None, False)

    # the running tally as before: 10,000 then 11,000 is a rise, no revision
    running = revisions.filter((pl.col("series_key") == "gaza_moh|killed|palestinian|gaza")
                               & (pl.col("kind") == "running"))
    assert running.sort("position").select("value", "previous_value", "revision").rows() == [
        (10000.0, None, False), (11000.0, 10000.0, False)]
    assert rows[claim_of["raid"]]["kind"] == "event_count"
    # November 6's toll recalled unchanged: the toll of that day, not the raid's or West Bank's
    recalled = rows[claim_of["m3"]]
    assert recalled["kind"] == "restatement" and recalled["previous_value"] == 10000.0
    assert not recalled["revision"]
    assert revisions.filter(pl.col("revision"))["claim_id"].to_list() == [claim_of["il3"]]
