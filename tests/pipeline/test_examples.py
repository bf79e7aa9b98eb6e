"""Every example query in sql/examples runs on the sample warehouse and answers its question."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from pipelines.lib.warehouse import SQL_DIR
from tests.pipeline.helpers import query
from tests.reconcile.helpers import article, reconcile, series

pytestmark = pytest.mark.integration
EXAMPLES = sorted((SQL_DIR / "examples").glob("*.sql"))


def run_example(lake, name: str) -> list[tuple]:
    return query(lake, (SQL_DIR / "examples" / name).read_text())


def run_example_dicts(lake, name: str) -> list[dict]:
    """The example's rows as {column: value}, so checks name the columns they read."""
    with duckdb.connect(str(lake / "warehouse.duckdb"), read_only=True) as conn:
        rel = conn.sql((SQL_DIR / "examples" / name).read_text())
        return [dict(zip(rel.columns, row, strict=True)) for row in rel.fetchall()]


def test_there_are_at_least_ten():
    assert len(EXAMPLES) >= 10


def test_every_example_is_listed_in_the_readme():
    readme = (SQL_DIR / "examples" / "README.md").read_text()
    assert [p.name for p in EXAMPLES if f"`{p.name}`" not in readme] == []


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_runs_and_returns_rows(built, path):
    lake, *_ = built
    assert run_example(lake, path.name), f"{path.name} returned no rows on the samples"


def test_latest_toll_per_claimant_keeps_each_claimant(built):
    lake, *_ = built
    rows = run_example_dicts(lake, "latest_toll_per_claimant.sql")
    keys = [(r["claimant_id"], r["subject_class"], r["location_class"]) for r in rows]
    assert len(keys) == len(set(keys))
    by_class = {r["claimant_class"] for r in rows}
    assert "gaza_health" in by_class


def test_series_vs_articles_matches_reported_tolls(built):
    lake, *_ = built
    rows = run_example(lake, "series_vs_articles.sql")
    assert any(r[5] == 0 for r in rows), "some article toll should equal the ministry's series"


def test_series_vs_articles_shows_the_series_age_and_flags_one_incident_tolls(built):
    """A raid's toll (hundreds) set against the cumulative series (tens of thousands), and an
    article compared with a series that had stopped reporting months before, read as plain
    differences."""
    lake, *_ = built
    rows = run_example_dicts(lake, "series_vs_articles.sql")
    for r in rows:
        if r["series_date"] is not None:
            assert r["series_age_days"] == (r["as_of"] - r["series_date"]).days
            assert r["one_incident"] == (r["article_value"] < r["series_value"] / 10)
    assert any(r["one_incident"] for r in rows) and not all(r["one_incident"] for r in rows)


def test_disputed_figures_this_week_is_the_last_week_of_disputes(built):
    lake, *_ = built
    rows = run_example_dicts(lake, "disputed_figures_this_week.sql")
    # the samples' disputes end with the Nuseirat raid (June 8-9, 2024); the last report is later
    assert {(r["week_start"], r["week_end"], r["latest_report_date"]) for r in rows} == {
        (date(2024, 6, 3), date(2024, 6, 9), date(2025, 10, 13))}
    assert all(r["window_end"] >= r["week_start"] and r["window_start"] <= r["week_end"]
               for r in rows)
    pairs = {(r["metric_a"], r["claimant_id_a"], r["value_a"], r["claimant_id_b"], r["value_b"],
              r["spread"], r["conflict"]) for r in rows}
    assert pairs == {
        ("killed", "gaza_moh", 274, "idf", 100, 174, True),
        ("hostages_rescued", "idf", 4, "outlet:the-levant-ledger", 3, 1, True),
    }
    # every dispute of that week, and none older (the October 7 and February 8, 2024 disputes)
    in_week = query(lake, """
        select count(*) from marts.figure_disputes
        where window_end >= date '2024-06-03' and window_start <= date '2024-06-09'
    """)[0][0]
    assert len(rows) == in_week == 6
    assert query(lake, "select count(*) from marts.figure_disputes")[0][0] > len(rows)
    assert not any(r["relation"] == "part_of_total" for r in rows)


def test_what_changed_since_yesterday_compares_the_last_two_report_days(built):
    lake, *_ = built
    rows = run_example_dicts(lake, "what_changed_since_yesterday.sql")
    assert {(r["latest_day"], r["previous_day"]) for r in rows} == {
        (date(2025, 10, 13), date(2025, 1, 19))}
    # every claim said on the latest day, and only those
    said_last = query(lake, """
        select count(*) from core.claims where last_seen = (select max(last_seen) from core.claims)
    """)[0][0]
    assert len(rows) == said_last == 5
    assert {r["change"] for r in rows} == {"new"}
    by_key = {(r["metric"], r["claimant_id"], r["value"]): r for r in rows}
    assert set(by_key) == {
        ("hostages_released", "outlet:jerusalem-courier", 20),
        ("prisoners_released", "israel_gov", 1968),
        ("prisoners_released", "israel_gov", 250),
        ("hostage_bodies_recovered", "outlet:jerusalem-courier", 4),
        ("hostages_dead", "israel_gov", 24),
    }
    # compared with what the same claimant said on January 19, 2025, same status only
    assert by_key["prisoners_released", "israel_gov", 1968]["previous_day_values"] == [90]
    assert by_key["hostages_released", "outlet:jerusalem-courier", 20]["previous_day_values"] == [3]
    assert by_key["hostages_dead", "israel_gov", 24]["previous_day_values"] == []
    assert all(r["evidence"] == ["Jerusalem Courier"] for r in rows)


def test_dispute_sentences_reads_both_sides_back_to_their_sentences(built):
    lake, *_ = built
    rows = run_example_dicts(lake, "dispute_sentences.sql")
    disputes = query(lake, "select claim_id_a, claim_id_b from marts.figure_disputes")
    # both sides of every dispute, each by every mention its claim lists, and nothing else
    expected = query(lake, """
        select d.claim_id_a, d.claim_id_b, s.side, unnest(c.figure_ids)
        from marts.figure_disputes as d
        cross join (values ('a'), ('b')) as s (side)
        inner join core.claims as c
            on c.claim_id = case s.side when 'a' then d.claim_id_a else d.claim_id_b end
    """)
    assert sorted((r["claim_id_a"], r["claim_id_b"], r["side"], r["figure_id"]) for r in rows) \
        == sorted(expected)
    assert {(r["claim_id_a"], r["claim_id_b"]) for r in rows} == set(disputes)
    assert all(r["sentence"] and r["source_url"] and r["outlet"] if r["origin"] == "article"
               else r["dataset"] and r["dataset_field"] and r["as_of"] for r in rows)
    assert {r["origin"] for r in rows} == {"article", "statistics"}
    # the Nuseirat raid: the ministry's 274 killed against the army's under 100, each with its
    # own sentences, read by different outlets
    raid = [r for r in rows if r["window_start"] == date(2024, 6, 8) and r["metric"] == "killed"]
    by_side = {side: {(r["claimant_id"], r["value"]) for r in raid if r["side"] == side}
               for side in ("a", "b")}
    assert by_side == {"a": {("gaza_moh", 274)}, "b": {("idf", 100)}}
    assert all("274" in r["sentence"] for r in raid if r["side"] == "a")


def test_sources_of_each_claim_lists_every_mentions_url(built):
    lake, *_ = built
    rows = run_example_dicts(lake, "sources_of_each_claim.sql")
    assert len(rows) == query(lake, "select count(*) from core.claims")[0][0]
    urls = {r["claim_id"]: r["source_urls"] for r in rows}
    for claim_id, mentions in query(lake, """
        select claim_id, list(figure_id) from core.claim_mentions group by claim_id
    """):
        expected = sorted({u for (u,) in query(
            lake, "select source_url from core.figures where list_contains(?, figure_id) "
                  "and source_url is not null", [mentions])}) or None
        assert urls[claim_id] == expected, claim_id
    assert any(len(u or []) > 1 for u in urls.values())


def test_sources_of_each_claim_names_the_datasets_of_a_series_read_from_a_file(built):
    """A claim of the statistics series has no source URL (its file is local): without the
    dataset it listed no source at all."""
    lake, *_ = built
    rows = run_example_dicts(lake, "sources_of_each_claim.sql")
    series = [r for r in rows if r["articles"] == 0]
    assert series and all(r["datasets"] for r in series)
    assert [r for r in rows if not r["source_urls"] and not r["datasets"]] == []


def planted_warehouse(tmp_path, rows: list[dict]):
    """A warehouse file holding planted figures and every table the real SQL builds from them
    (tests/reconcile/helpers.py), in `tmp_path` as a lake for run_example_dicts."""
    reconcile(rows, str(tmp_path / "warehouse.duckdb")).close()
    return tmp_path


def test_same_fact_different_claimants_compares_one_place_and_population(tmp_path):
    # June 24, 2024: the ministry's Gaza toll, OCHA's West Bank toll, and OCHA quoted on Gaza;
    # June 8: the Nuseirat raid, the ministry's 274 and the army's "fewer than 100", beside the
    # ministry's running total for all Gaza
    lake = planted_warehouse(tmp_path, [
        series("moh-0624", "2024-06-24", 37626),
        series("ocha-wb-0624", "2024-06-24", 541, claimant_id="un_ocha", claimant_class="un",
               dataset="ocha-wb", location="West Bank"),
        article("ocha-gaza-0624", "2024-06-24", "killed", 37000, "un_ocha", "un",
                location="Gaza"),
        series("moh-0608", "2024-06-08", 36801),
        article("moh-raid", "2024-06-08", "killed", 274, "gaza_moh", "gaza_health",
                location="Nuseirat"),
        article("idf-raid", "2024-06-08", "killed", 100, "idf", "israel_military",
                location="Nuseirat", qualifier="less_than", value_low=0.0),
    ])
    rows = run_example_dicts(lake, "same_fact_different_claimants.sql")
    # one place and population per row: the West Bank toll is not set against Gaza's, and the
    # raid's toll is not a range with the running total
    assert sorted((r["as_of"], r["claims"]) for r in rows) == [
        (date(2024, 6, 8), ["gaza_health: 274", "israel_military: 100"]),
        (date(2024, 6, 24), ["gaza_health: 37626", "un: 37000"]),
    ]
    assert sorted((r["as_of"], r["location_class"], r["subject_class"]) for r in rows) == [
        (date(2024, 6, 8), "nuseirat", "palestinian"),
        (date(2024, 6, 24), "gaza", "palestinian"),
    ]


@pytest.mark.parametrize("new_that_day", [True, False], ids=["with", "without_new_claims"])
def test_what_changed_since_yesterday_sees_a_claim_repeated_yesterday(tmp_path, new_that_day):
    # the ministry's 22,000 of January 1, repeated in an article of January 2 (with, or without,
    # a new figure that day), then 22,100 on January 3
    rows = [
        article("killed-0101", "2024-01-01", "killed", 22000, "gaza_moh", "gaza_health"),
        article("killed-0101-again", "2024-01-02", "killed", 22000, "gaza_moh", "gaza_health",
                as_of="2024-01-01"),
        article("killed-0103", "2024-01-03", "killed", 22100, "gaza_moh", "gaza_health"),
    ]
    if new_that_day:
        rows.append(article("injured-0102", "2024-01-02", "injured", 57000, "gaza_moh",
                            "gaza_health"))
    lake = planted_warehouse(tmp_path, rows)
    got = run_example_dicts(lake, "what_changed_since_yesterday.sql")
    # yesterday is January 2, when the ministry said 22,000 again (not "it gave none")
    assert [(r["latest_day"], r["previous_day"], r["metric"], r["value"],
             r["previous_day_values"]) for r in got] == [
        (date(2024, 1, 3), date(2024, 1, 2), "killed", 22100, [22000])]


def test_latest_toll_per_claimant_keeps_each_place_of_a_claimant(tmp_path):
    # the ministry's running total for Gaza, then its toll of one raid, a day later; OCHA's
    # West Bank series, and OCHA quoted on Gaza four days before its last West Bank report
    lake = planted_warehouse(tmp_path, [
        series("moh-0608", "2024-06-08", 36801),
        article("moh-raid", "2024-06-09", "killed", 274, "gaza_moh", "gaza_health",
                location="Nuseirat"),
        series("ocha-wb-0624", "2024-06-24", 541, claimant_id="un_ocha", claimant_class="un",
               dataset="ocha-wb", location="West Bank"),
        article("ocha-gaza-0620", "2024-06-20", "killed", 37000, "un_ocha", "un",
                location="Gaza"),
    ])
    rows = run_example_dicts(lake, "latest_toll_per_claimant.sql")
    # the raid's 274 is not the ministry's toll of Gaza, nor OCHA's West Bank 541 its toll
    # of Gaza: each place keeps its own latest figure
    assert sorted((r["claimant_id"], r["value"], r["as_of"]) for r in rows) == [
        ("gaza_moh", 274, date(2024, 6, 9)),
        ("gaza_moh", 36801, date(2024, 6, 8)),
        ("un_ocha", 541, date(2024, 6, 24)),
        ("un_ocha", 37000, date(2024, 6, 20)),
    ]
    assert {(r["claimant_id"], r["location_class"]) for r in rows if r["value"] > 1000} == {
        ("gaza_moh", "gaza"), ("un_ocha", "gaza")}
