"""Updating claims in place gives exactly the tables a whole rebuild gives."""

from __future__ import annotations

import random

import polars as pl
import pytest

from pipelines.lib import claim_updates, reconcile_rules, warehouse
from pipelines.lib.records import FIGURE_SCHEMA, frame
from tests.reconcile.helpers import article, day, reconcile, series, table

BEFORE = [
    article("f1", "2024-01-10", "killed", 1200.0, "idf", "israel_gov"),
    article("f2", "2024-01-11", "killed", 1200.0, "idf", "israel_gov"),
    article("f3", "2024-01-11", "abducted", 253.0, "pmo", "israel_gov"),
    article("f4", "2024-01-12", "killed", 24000.0, "gaza_moh", "gaza_health", location="Gaza"),
    series("s1", "2024-01-12", 24000.0),
    series("s2", "2024-01-13", 24100.0),
]


def _sorted(frame_: pl.DataFrame, key: str) -> pl.DataFrame:
    return frame_.sort(key)


def _same_as_rebuild(conn) -> None:
    rebuilt = reconcile(table(conn, "core.figures").to_dicts())
    for name, key in (("core.claim_mentions", "figure_id"), ("core.claims", "claim_id")):
        assert _sorted(table(conn, name), key).equals(_sorted(table(rebuilt, name), key)), name


def _change(conn, gone: list[str], added: list[dict]) -> None:
    warehouse.run(conn, "delete from core.figures where list_contains(?, figure_id)", [gone])
    with warehouse.registered(conn, frame(added, FIGURE_SCHEMA)):
        warehouse.run(conn, "insert into core.figures by name select * from incoming")


def test_new_mentions_join_their_claims_and_new_claims_appear():
    conn = reconcile(BEFORE)
    _change(conn, [], [
        article("f5", "2024-01-12", "killed", 1200.0, "idf", "israel_gov",
                as_of="2024-01-11", outlet="Other Wire"),
        article("f6", "2024-01-12", "hostages_remaining", 132.0, "pmo", "israel_gov"),
    ])
    counts = claim_updates.update(conn)
    assert counts["figures"] == 2 + 2  # the two new ones and the two series values
    _same_as_rebuild(conn)
    [row] = table(conn, "core.claims").filter(pl.col("figure_ids").list.contains("f5")).to_dicts()
    assert row["figure_ids"] == ["f2", "f5"] and row["outlets"] == ["Other Wire", "Planted Post"]


def _varied(rng: random.Random, figure_id: str, article_id: str) -> dict:
    """An article figure of one of a few claims, with every column a claim aggregates varied,
    nulls among them, so merged claims meet every case a rebuild does."""
    row = article(
        figure_id, "2024-01-10", "killed", rng.choice([1200.0, 1400.0]),
        # a claimant's class can differ between mentions (the registry reclassified it)
        rng.choice(["idf", "pmo"]), rng.choice(["israel_gov", "other"]),
        as_of=rng.choice(["2024-01-09", "2024-01-10"]),
        article_id=article_id,
        qualifier=rng.choice([None, "exact", "more_than"]),
        outlet=rng.choice([None, "Planted Post", "Other Wire"]),
        claimant=rng.choice(["IDF", "the IDF", "Israel"]),
        subject=rng.choice([None, "Israelis", "people"]),
        location=rng.choice([None, "Israel", "Kibbutz Be'eri"]),
        source_url=rng.choice([None, "https://a.example/1", "https://b.example/2"]),
        span_start=rng.choice([None, 0, 7, 30]), hedged=rng.choice([None, True, False]),
        derived=rng.choice([None, True, False]), cumulative=rng.choice([None, True, False]))
    row["published"] = rng.choice([None, day("2024-01-10"), day("2024-01-11"), day("2024-01-12")])
    return row


def test_claims_that_only_gain_mentions_are_merged_into_the_rows_a_rebuild_gives():
    rng = random.Random(20261206)
    def some_id() -> str:  # new ids sort among the old, as hashed ids do
        return f"{rng.getrandbits(40):010x}"

    conn = reconcile([_varied(rng, some_id(), f"a{i % 10}") for i in range(40)])
    merged = 0
    for round_ in range(6):
        _change(conn, [], [_varied(rng, some_id(), f"new{round_}-{i % 3}") for i in range(9)])
        merged += claim_updates.update(conn)["claims_merged"]
        _same_as_rebuild(conn)
    assert merged >= 6  # the merge, not a rebuild, wrote these rows


def test_a_claim_gaining_a_mention_from_an_article_it_already_counts_is_rebuilt():
    """Merged, the claim would count that article twice."""
    conn = reconcile(BEFORE)
    _change(conn, [], [article("f7", "2024-01-10", "killed", 1200.0, "idf", "israel_gov",
                               article_id="a-2024-01-10", span_start=40)])
    assert claim_updates.update(conn)["claims_merged"] == 0
    _same_as_rebuild(conn)
    [row] = table(conn, "core.claims").filter(pl.col("figure_ids").list.contains("f7")).to_dicts()
    assert (row["mentions"], row["articles"]) == (2, 1)  # one article, counted once


def test_figures_that_leave_take_their_mentions_and_empty_claims_with_them():
    conn = reconcile(BEFORE)
    _change(conn, ["f2", "f3"], [])
    claim_updates.update(conn)
    _same_as_rebuild(conn)
    assert table(conn, "core.claims").filter(pl.col("metric") == "abducted").is_empty()
    assert "f2" not in table(conn, "core.claim_mentions")["figure_id"].to_list()


def test_a_revised_series_value_keeps_its_id_and_still_moves_its_claim():
    conn = reconcile(BEFORE)
    _change(conn, ["s2"], [series("s2", "2024-01-13", 24150.0)])
    claim_updates.update(conn)
    _same_as_rebuild(conn)
    values = table(conn, "core.claims").filter(pl.col("as_of").cast(pl.String) == "2024-01-13")
    assert values["value"].to_list() == [24150.0]


def test_nothing_changed_redoes_only_the_series():
    conn = reconcile(BEFORE)
    assert claim_updates.update(conn) == {"figures": 2, "claims": 2, "claims_merged": 0}
    _same_as_rebuild(conn)


def test_a_stand_in_must_replace_a_table_the_select_reads():
    with pytest.raises(ValueError, match="does not read core.articles"):
        claim_updates.select_over(claim_updates.CLAIMS_SQL, {"core.articles": "x"})
    text = claim_updates.select_over(claim_updates.CLAIMS_SQL, {"core.figures": "figures_in"})
    assert "core.figures" not in text and "figures_in" in text


def test_updates_only_follow_a_whole_build_with_the_same_selects():
    conn = reconcile(BEFORE)  # built by the helpers: no record, so no update
    assert not claim_updates.can_update(conn)
    claim_updates.build_whole(conn, "run-1")
    assert claim_updates.can_update(conn)
    claim_updates.forget(conn)  # what a whole reload of core.figures does
    assert not claim_updates.can_update(conn)
    claim_updates.build_whole(conn, "run-2")
    warehouse.record_build(conn, claim_updates.BUILD, "the selects of an older release", "r0")
    assert not claim_updates.can_update(conn)
    claim_updates.build_whole(conn, "run-3")
    warehouse.run(conn, "drop table core.claims")
    assert not claim_updates.can_update(conn)


NARROWED = ("figure_in_one_claim", "claim_traces_to_mention", "reported_and_estimated_never_mixed")


def test_the_checks_of_an_update_judge_the_rows_it_redid_as_a_whole_check_would():
    conn = reconcile(BEFORE)
    _change(conn, [], [
        article("f5", "2024-01-12", "killed", 1200.0, "idf", "israel_gov", as_of="2024-01-11"),
        article("f6", "2024-01-12", "hostages_remaining", 132.0, "pmo", "israel_gov"),
    ])
    counts = claim_updates.update(conn)
    narrow = reconcile_rules.validate_frames(reconcile_rules.claim_frames(conn, only_redone=True))
    whole = reconcile_rules.validate_claims(conn)
    assert all(narrow[r].success and whole[r].success for r in NARROWED)
    # f5, f6 and the two series values, of eight figures; their four claims, of six
    assert (narrow["figure_in_one_claim"].evaluated, whole["figure_in_one_claim"].evaluated) \
        == (counts["figures"], 8) == (4, 8)
    assert (narrow["claim_traces_to_mention"].evaluated,
            whole["claim_traces_to_mention"].evaluated) == (counts["claims"], 6) == (4, 6)

    # A broken redone row fails the narrowed check; a broken row the update did not touch is
    # the whole check's to find, which is why an update narrows only after every row passed.
    warehouse.run(conn, "insert into core.claim_mentions by name (select 'another' as claim_id, "
                        "figure_id from core.claim_mentions where figure_id in ('f5', 'f1'))")
    warehouse.run(conn, "update core.figures set source_url = null where figure_id = 'f6'")
    narrow = reconcile_rules.validate_frames(reconcile_rules.claim_frames(conn, only_redone=True))
    whole = reconcile_rules.validate_claims(conn)
    assert narrow["figure_in_one_claim"].failing_keys == ["f5"]
    assert sorted(whole["figure_in_one_claim"].failing_keys) == ["f1", "f5"]
    [f6_claim] = table(conn, "core.claims").filter(
        pl.col("figure_ids").list.contains("f6"))["claim_id"]
    assert narrow["claim_traces_to_mention"].failing_keys == [f6_claim]


def test_rows_count_as_passed_only_from_a_passing_check_of_the_same_rules_until_they_change(
        monkeypatch):
    conn = reconcile(BEFORE)
    rules = reconcile_rules.narrowed_rules(conn)
    assert not claim_updates.all_rows_passed(conn, rules)  # never checked
    claim_updates.checked(conn, rules, passed=True, run_id="r1")
    assert claim_updates.all_rows_passed(conn, rules)
    # a changed rule (here its select) has not been passed by any row yet
    monkeypatch.setitem(reconcile_rules.CHECK_SQL, "claims", "checks/status_mixing.sql")
    assert not claim_updates.all_rows_passed(conn, reconcile_rules.narrowed_rules(conn))
    monkeypatch.undo()
    assert claim_updates.all_rows_passed(conn, reconcile_rules.narrowed_rules(conn))
    # recorded before an update writes, so a run that stops after writing leaves a whole check
    claim_updates.changing(conn)
    assert not claim_updates.all_rows_passed(conn, rules)
    claim_updates.checked(conn, rules, passed=False, run_id="r2")
    assert not claim_updates.all_rows_passed(conn, rules)
