"""Each reconcile rule (a real GX suite from expectations/) catches its planted violation."""

import polars as pl
import pytest

from pipelines.lib import reconcile_rules as rr
from tests.reconcile.helpers import article, reconcile, series, table

PAIRS = {"killed": "killed_cum"}


def clean_rows():
    return [
        article("f1", "2023-11-06", "killed", 10022, "gaza_moh", "gaza_health"),
        article("f2", "2023-11-06", "killed_children", 4104, "gaza_moh", "gaza_health"),
        series("s1", "2023-11-05", 9770),
        series("s2", "2023-11-06", 10022),
        series("d2", "2023-11-06", 252, field="killed", metric="killed_daily"),
    ]


def test_clean_claims_pass_every_rule():
    results = rr.validate_claims(reconcile(clean_rows()))
    assert set(results) == {"claim_traces_to_mention", "figure_in_one_claim",
                            "reported_and_estimated_never_mixed", "parts_within_total",
                            "daily_matches_cumulative_change"}
    assert all(r.success for r in results.values()), {
        r.rule: r.failing_rows for r in results.values() if not r.success}
    assert results["daily_matches_cumulative_change"].evaluated == 1
    assert results["figure_in_one_claim"].evaluated == 5


def test_claim_without_a_traceable_mention_fails():
    conn = reconcile(clean_rows())
    untraced = conn.sql("select claim_id from core.claims "
                        "where metric = 'killed_children'").fetchall()[0][0]
    conn.execute("update core.figures set source_url = null where figure_id = 'f2'")
    conn.execute("insert into core.claims by name "
                 "(select 'no-mentions' as claim_id, metric from core.claims limit 1)")
    rule = rr.validate_claims(conn)["claim_traces_to_mention"]
    assert rule.blocking and not rule.success
    assert sorted(rule.failing_keys) == sorted([untraced, "no-mentions"])


def test_figure_in_two_claims_or_none_fails():
    conn = reconcile(clean_rows())
    conn.execute("insert into core.claim_mentions by name (select 'another' as claim_id, "
                 "figure_id from core.claim_mentions where figure_id = 'f1')")
    conn.execute("delete from core.claim_mentions where figure_id = 's1'")
    rule = rr.validate_claims(conn)["figure_in_one_claim"]
    assert not rule.success and sorted(rule.failing_keys) == ["f1", "s1"]


def test_rules_on_every_figure_read_the_rows_in_slices(monkeypatch):
    """A rule over every figure validates slice by slice and sees every row exactly once."""
    from pipelines.lib import quality

    conn = reconcile(clean_rows())
    conn.execute("delete from core.claim_mentions where figure_id in ('f1', 's2')")
    monkeypatch.setattr(quality, "ROWS_PER_VALIDATION", 2)
    rule = rr.validate_claims(conn)["figure_in_one_claim"]
    assert rule.evaluated == 5
    assert sorted(rule.failing_keys) == ["f1", "s2"]


def test_reported_and_estimated_mixed_in_a_claim_or_a_series_fails():
    conn = reconcile(clean_rows() + [
        series("e1", "2023-11-07", 10400, field="ext_killed_cum", status="estimate"),
    ])
    # plant a claim whose two mentions carry different statuses
    f1_claim = conn.sql("select claim_id from core.claim_mentions "
                        "where figure_id = 'f1'").fetchall()[0][0]
    conn.execute("update core.claim_mentions set claim_id = ? where figure_id = 'f2'", [f1_claim])
    conn.execute("update core.figures set status = 'estimate' where figure_id = 'f2'")
    rule = rr.validate_claims(conn)["reported_and_estimated_never_mixed"]
    assert rule.blocking and not rule.success
    assert f"claim:{f1_claim}" in rule.failing_keys
    assert "series:tfp/killed_cum/Gaza" in rule.failing_keys  # reported and ext_ estimate


def test_part_above_its_total_for_one_claimant_and_day_fails():
    conn = reconcile([
        article("k", "2024-06-09", "killed", 274, "gaza_moh", "gaza_health"),
        article("c", "2024-06-09", "killed_children", 300, "gaza_moh", "gaza_health"),
        # another claimant's, or another day's, total does not count
        article("c2", "2024-06-10", "killed_children", 300, "gaza_moh", "gaza_health"),
        article("k3", "2024-06-09", "hostages_remaining", 116, "israel_gov", "israel_gov"),
        article("d3", "2024-06-09", "hostages_dead", 41, "israel_gov", "israel_gov"),
    ])
    rule = rr.validate_claims(conn)["parts_within_total"]
    assert not rule.success and rule.evaluated == 2
    assert rule.failing_keys == ["gaza_moh|2024-06-09|gaza|killed_children"]
    assert rule.failing_rows[0]["part"] == 300.0 and rule.failing_rows[0]["total"] == 274.0


def test_period_count_differing_from_the_change_of_the_total_fails_unless_allow_listed():
    figures = table(reconcile([
        series("c1", "2023-12-04", 15899),
        series("c2", "2023-12-05", 16248),
        series("d2", "2023-12-05", 725, field="killed", metric="killed_daily"),
        series("c3", "2023-12-06", 16500),
        series("d3", "2023-12-06", 252, field="killed", metric="killed_daily"),
        # after a gap the change spans two days: not compared
        series("c5", "2023-12-08", 17487),
        series("d5", "2023-12-08", 313, field="killed", metric="killed_daily"),
    ]), "core.figures")
    rows = rr.statistics_daily_rows(figures, PAIRS, allow_list=[])
    rule = rr.validate_frames({"statistics_daily": rows})["daily_matches_cumulative_change"]
    assert not rule.success and rule.failing_keys == ["tfp|Gaza|2023-12-05|killed"]
    assert rule.failing_rows[0]["period_count"] == 725 and rule.failing_rows[0]["total_change"] == 349
    allowed = rr.statistics_daily_rows(figures, PAIRS, allow_list=["2023-12-05:killed"])
    assert rr.validate_frames({"statistics_daily": allowed})[
        "daily_matches_cumulative_change"].success


def test_the_allow_list_is_keyed_date_field_and_read_from_the_suite():
    meta = rr.suite_meta("statistics_daily", "daily_matches_cumulative_change")
    assert meta["pairs"] == {"killed": "killed_cum", "injured": "injured_cum"}
    assert all(len(k.split(":")) == 2 for k in meta["allow_list"])
    assert "2023-12-05:killed" in meta["allow_list"]


def ledger(*rows):
    cols = ["claimant_id", "report_date", "abducted", "hostages_remaining", "hostages_alive",
            "hostages_dead", "hostages_released", "hostages_rescued", "hostage_bodies_recovered",
            "prewar_captives"]
    return pl.DataFrame([dict(zip(cols, r, strict=True)) for r in rows], orient="row",
                        schema={c: (pl.String if c == "claimant_id" else
                                    pl.Date if c == "report_date" else pl.Float64)
                                for c in cols})


def d(text):
    from datetime import date

    return date.fromisoformat(text)


def test_hostage_accounting_balances_within_tolerance_and_warns_otherwise():
    rows = ledger(
        # 105 + 7 + 37 + 102 = 251 abducted
        ("ok", d("2024-12-01"), 251, 102, None, 35, 105, 7, 37, None),
        # counts the 4 pre-war captives among those still held: 255 = 251 + 4
        ("prewar", d("2024-12-01"), 251, 106, None, 39, 105, 7, 37, 4),
        # off by one: within the 2-people floor
        ("rounding", d("2024-12-01"), 251, 101, None, 35, 105, 7, 37, None),
        # 40 people unaccounted for
        ("gap", d("2024-12-01"), 251, 62, None, 35, 105, 7, 37, None),
        # unknown parts: not compared
        ("partial", d("2024-12-01"), 251, 62, None, None, None, 7, 37, None),
    )
    results = rr.validate_ledger(rows)
    rule = results["hostage_accounting_balances"]
    assert not rule.blocking and not rule.success
    assert rule.failing_keys == ["gap@2024-12-01"]
    assert rule.failing_rows[0]["accounted"] == 211.0


def test_dead_above_remaining_warns():
    rule = rr.validate_ledger(ledger(
        ("a", d("2024-06-08"), 253, 116, None, 41, None, None, None, None),
        ("b", d("2024-06-08"), 253, 30, None, 41, None, None, None, None),
    ))["hostages_dead_within_remaining"]
    assert not rule.blocking and rule.failing_keys == ["b@2024-06-08"]


@pytest.mark.parametrize("column", ["hostages_released", "hostages_rescued",
                                    "hostage_bodies_recovered"])
def test_released_rescued_recovered_never_decrease_for_one_claimant(column):
    idx = ["hostages_released", "hostages_rescued", "hostage_bodies_recovered"].index(column)

    def row(claimant, when, value):
        parts = [None, None, None]
        parts[idx] = value
        return (claimant, d(when), None, None, None, None, *parts, None)

    rule = rr.validate_ledger(ledger(
        row("a", "2023-12-01", 105), row("a", "2024-06-08", 109), row("a", "2024-08-01", 100),
        # another claimant's lower number is not a decrease
        row("b", "2024-06-09", 4),
    ))["hostage_outflows_never_decrease"]
    assert not rule.success and rule.failing_keys == ["a@2024-08-01"]


def test_data_docs_are_built_under_the_lake_and_old_runs_pruned(tmp_path, monkeypatch):
    from pipelines.lib import data_docs

    monkeypatch.setattr(data_docs, "KEEP_RUNS", 2)
    frames = rr.ledger_frames(ledger(
        ("a", d("2024-06-08"), 253, 116, None, 41, None, None, None, None)))
    for run in ("r1", "r2", "r3"):
        index = data_docs.publish(tmp_path, run, frames)
    assert index == tmp_path / "quality" / "data_docs" / "index.html"
    assert "hostage_accounting" in index.read_text(encoding="utf-8")
    pages = tmp_path / "quality" / "data_docs" / "validations" / "hostage_accounting"
    assert sorted(p.name for p in pages.iterdir()) == ["r2", "r3"]
