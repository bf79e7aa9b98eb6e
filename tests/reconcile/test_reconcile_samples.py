"""On the bundled samples (built once by the real assets): known disagreements and revisions."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.pipeline.helpers import checks, query

pytestmark = pytest.mark.integration

RULES = {
    "core/claims": {"claim_traces_to_mention", "reported_and_estimated_never_mixed",
                    "parts_within_total", "daily_matches_cumulative_change"},
    "core/claim_mentions": {"figure_in_one_claim"},
    "marts/hostage_ledger": {"ledger_remaining_within_abducted", "hostage_accounting_balances",
                             "hostages_dead_within_remaining", "hostage_outflows_never_decrease"},
}


def test_claims_merge_mentions_and_every_figure_belongs_to_exactly_one_claim(built):
    lake, *_ = built
    (figures, claims), = query(lake, "select (select count(*) from core.figures), "
                               "(select count(*) from core.claims)")
    assert claims < figures
    assert query(lake, """
        select count(*), count(distinct m.figure_id), count(*) filter (where c.claim_id is null)
        from core.figures f
        left join core.claim_mentions m using (figure_id)
        left join core.claims c using (claim_id)
    """) == [(figures, figures, 0)]
    # the ministry's 10,022 dead of 6 November, carried by two outlets, is one claim
    (row,) = query(lake, """
        select mentions, outlets, len(figure_ids) from core.claims
        where claimant_id = 'gaza_moh' and metric = 'killed' and value = 10022
          and list_contains(origins, 'article')
    """)
    assert row[0] == row[2] >= 2 and {"The Levant Ledger", "UN OCHA"} <= set(row[1])


def test_known_disagreements_come_out_as_disputes(built):
    lake, *_ = built
    disputes = query(lake, """
        select relation, metric_a, claimant_id_a, value_a, metric_b, claimant_id_b, value_b
        from marts.figure_disputes
    """)
    # Nuseirat, 8 June 2024: the ministry's 274 dead against the army's "fewer than 100"
    assert ("same_metric", "killed", "gaza_moh", 274.0, "killed", "idf", 100.0) in disputes
    # four hostages rescued per the army, three in the outlet's own words
    assert ("same_metric", "hostages_rescued", "idf", 4.0, "hostages_rescued",
            "outlet:the-levant-ledger", 3.0) in disputes
    # Israel's count of militants killed beside the ministry's total toll
    assert ("part_of_total", "militants_killed", "israel_gov", 10000.0, "killed", "gaza_moh",
            27840.0) in disputes


def test_known_revisions_come_out_as_revisions(built):
    lake, *_ = built
    revised = query(lake, """
        select claimant_id, metric, kind, revision_kind, event_date, previous_value, value
        from marts.revisions where revision order by all
    """)
    from datetime import date

    # Israel revised the October 7 toll from about 1,400 to about 1,200
    assert ("israel_gov", "killed", "restatement", "restated", date(2023, 10, 7), 1400.0,
            1200.0) in revised
    # the ministry's women's toll fell on 21 October 2023 (an allow-listed upstream revision)
    assert any(r[:4] == ("gaza_moh", "killed_women", "running", "decrease") for r in revised)
    # one raid's toll next to the cumulative toll is not a revision
    assert query(lake, """
        select kind, revision from marts.revisions
        where claimant_id = 'gaza_moh' and metric = 'killed' and value = 274
    """) == [("event_count", False)] * 2


def test_article_claims_are_corroborated_against_the_ministry_series(built):
    lake, *_ = built
    rows = dict(query(lake, """
        select value, match from marts.corroboration
        where dataset = 'tfp-gaza-daily' and metric = 'killed' and claimant_id = 'gaza_moh'
    """))
    assert rows[10022.0] == "exact" and rows[36801.0] == "exact"
    assert rows[14100.0] == "close"  # "more than 14,100" against 14,532 in the series
    # 2,750 on 16 October against the media office's 2,808 that day: 2.1% apart
    assert rows[2750.0] == "contradicted"
    assert set(rows.values()) <= {"exact", "close", "stale", "contradicted", "no_series_value"}


def test_ledger_keeps_contract_columns_and_prewar_captives_apart(built):
    lake, *_ = built
    columns = [c for (c,) in query(lake, "select column_name from information_schema.columns "
                                   "where table_schema = 'marts' and table_name = 'hostage_ledger' "
                                   "order by ordinal_position")]
    assert columns[:10] == ["claimant_id", "claimant_class", "report_date", "abducted",
                            "hostages_remaining", "hostages_alive", "hostages_dead",
                            "hostages_released", "hostages_rescued", "hostage_bodies_recovered"]
    assert "prewar_captives" in columns
    # "Hamas is also holding four Israelis seized before the war."
    assert query(lake, """
        select prewar_captives, hostages_remaining from marts.hostage_ledger
        where claimant_id = 'outlet:jerusalem-courier' and report_date = '2025-01-19'
    """) == [(4.0, None)]


def test_each_rule_is_a_named_check_recorded_with_data_docs_linked(built):
    lake, first, second, _ = built
    outcome = checks(first)
    for names in RULES.values():
        assert names <= set(outcome), names - set(outcome)
        assert all(outcome[n] for n in names)
    recorded = query(lake, """
        select asset, rule, bool_and(success), count(distinct run_id)
        from quality.check_results group by all
    """)
    seen = {(a, r): (ok, runs) for a, r, ok, runs in recorded}
    for asset, names in RULES.items():
        for name in names:
            # evaluated by the first run only: the second changed no table, so carried it
            assert seen[(asset, name)] == (True, 1), (asset, name)
    again = {e.check_name: e for e in second.get_asset_check_evaluations()}
    assert all(again[n].passed and again[n].metadata["re_evaluated"].value is False
               for names in RULES.values() for n in names)
    evaluations = [e for e in first.get_asset_check_evaluations()
                   if e.check_name in RULES["core/claims"]]
    urls = {e.metadata["data_docs"].value for e in evaluations}
    assert len(urls) == 1
    index = Path(urlparse(urls.pop()).path)
    assert index == lake / "quality" / "data_docs" / "index.html" and index.exists()
    assert "parts_within_total" in index.read_text(encoding="utf-8")
