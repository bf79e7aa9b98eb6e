"""Statistics readers: reported fields become attributed figures, estimates never do."""

from __future__ import annotations

import json

import pytest

from pipelines.lib.statistics import (
    Payload,
    StatisticsError,
    detect_format,
    read_hxl,
    read_statistics,
    read_techforpalestine,
)
from tests.conftest import SAMPLES

TFP = SAMPLES / "statistics" / "tfp_casualties_daily_2023-10-07_2024-06-30.json"
HXL = SAMPLES / "statistics" / "ocha_west_bank_verified.hxl.csv"


def payload(data: bytes, **kw) -> Payload:
    return Payload(data=data, source="test", locator="test.file", content_hash="0" * 64, **kw)


def test_tfp_sample_reported_fields_only():
    result = read_techforpalestine(payload(TFP.read_bytes()))
    fields = {f["dataset_field"] for f in result.figures}
    assert fields and not any(f.startswith("ext_") for f in fields)
    by_key = {(f["as_of"].isoformat(), f["dataset_field"]): f for f in result.figures}
    assert by_key[("2023-11-06", "killed_cum")]["value"] == 10022
    assert by_key[("2024-06-08", "killed_cum")]["value"] == 36801
    # report_source decides the claimant: that day's report came from the Media Office channel
    assert by_key[("2023-11-06", "killed_cum")]["claimant_class"] == "gaza_gmo"
    assert by_key[("2024-06-08", "killed_cum")]["claimant_class"] == "gaza_health"
    assert by_key[("2023-11-06", "killed")]["metric"] == "killed_daily"
    assert {f["claimant_class"] for f in result.figures} == {"gaza_health", "gaza_gmo"}
    unreported = [q for q in result.quarantine if q["rule"] == "statistics_unreported_day"]
    assert len(unreported) == 12


def test_tfp_bad_rows_quarantined_and_bad_files_rejected():
    rows = [{"report_date": "2023-11-06", "report_source": "mohtel", "killed_cum": "lots"},
            {"report_date": "06/11/2023", "report_source": "mohtel", "killed_cum": 1},
            {"report_date": "2023-11-07", "report_source": "somebody", "killed_cum": 1},
            "not an object"]
    result = read_techforpalestine(payload(json.dumps(rows).encode()))
    assert result.figures == []
    assert sorted(q["rule"] for q in result.quarantine) == [
        "statistics_claimant", "statistics_row_date", "statistics_row_shape",
        "statistics_value_type"]
    with pytest.raises(StatisticsError, match="JSON"):
        read_techforpalestine(payload(b'{"broken": '))
    with pytest.raises(StatisticsError, match="array"):
        read_techforpalestine(payload(b'{"report_date": "2023-11-06"}'))


def test_hxl_sample_maps_hashtags_to_metrics():
    result = read_hxl(payload(HXL.read_bytes()))
    first = [f for f in result.figures if f["as_of"].isoformat() == "2023-10-07"]
    assert {(f["metric"], f["value"]) for f in first} == {
        ("killed", 6), ("killed_children", 2), ("injured", 197)}
    assert {f["claimant_class"] for f in result.figures} == {"un"}
    assert {f["location"] for f in result.figures} == {"West Bank"}


def test_hxl_claimant_falls_back_to_the_source_and_is_required():
    table = b"#date,#affected+killed\n2024-01-01,5\n2024-01-02,x\n"
    result = read_hxl(payload(table, claimant="UN OCHA"))
    assert [(f["metric"], f["value"], f["claimant"]) for f in result.figures] == [
        ("killed", 5.0, "UN OCHA")]
    assert [q["rule"] for q in result.quarantine] == ["statistics_value_type"]
    nobody = read_hxl(payload(table))
    assert {q["rule"] for q in nobody.quarantine} == {"statistics_claimant"}


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (b"Date,Killed\n2024-01-01,5\n", "no HXL hashtag row"),
        (b"#adm1+name,#affected+killed\nGaza,5\n", "no #date"),
        (b"#date,#org\n2024-01-01,x\n", "no HXL column maps"),
        (b"\xff\xfe#date", "not UTF-8"),
    ],
)
def test_hxl_unusable_tables(table, message):
    with pytest.raises(StatisticsError, match=message):
        read_hxl(payload(table, claimant="UN OCHA"))


def test_format_detection():
    assert detect_format(TFP.read_bytes()) == "techforpalestine"
    assert detect_format(HXL.read_bytes()) == "hxl"
    with pytest.raises(StatisticsError, match="unrecognised"):
        read_statistics(payload(b"just text"), "auto")


def test_two_claimants_or_two_files_saying_different_things_are_two_figures():
    # OCHA's toll under the ministry's for the same day and place is a contradiction to keep
    table = (b"#date,#adm1+name,#affected+killed,#org\n"
             b"2024-01-10,Gaza,23000,Gaza Ministry of Health\n"
             b"2024-01-10,Gaza,22000,UN OCHA\n")
    both = read_statistics(payload(table), "hxl").figures
    assert sorted(f["value"] for f in both) == [22000, 23000]
    assert len({f["figure_id"] for f in both}) == 2
    # one source's two files (an inbox) with the same day, place and field
    one = b"#date,#adm1+name,#affected+killed\n2024-01-10,Gaza,23000\n"
    ids = {read_statistics(Payload(data=one, source="inbox", locator=name, content_hash="0" * 64,
                                   claimant="UN OCHA"), "hxl").figures[0]["figure_id"]
           for name in ("inbox/a.csv", "inbox/b.csv")}
    assert len(ids) == 2


def test_a_second_value_for_the_same_day_is_quarantined_with_both_values():
    rows = [{"report_date": "2024-01-10", "report_source": "mohtel", "killed_cum": 23210},
            {"report_date": "2024-01-10", "report_source": "mohtel", "killed_cum": 23357}]
    result = read_statistics(payload(json.dumps(rows).encode()), "techforpalestine")
    assert [f["value"] for f in result.figures] == [23210]
    [twice] = result.quarantine
    assert twice["rule"] == "statistics_duplicate"
    assert "23357" in twice["reason"] and "23210" in twice["reason"]


def test_each_bad_row_of_one_day_gets_its_own_quarantine_record():
    rows = [{"report_date": "2024-01-10", "report_source": "mohtel", "killed_cum": "n/a"},
            {"report_date": "2024-01-10", "report_source": "gmotel", "killed_cum": "?"}]
    result = read_techforpalestine(payload(json.dumps(rows).encode()))
    assert len({q["quarantine_id"] for q in result.quarantine}) == 2


@pytest.mark.parametrize(("cell", "value"), [
    ("1,234", 1234), ("1 234 567", 1234567), ("1\u202f234", 1234), ("1234", 1234),
    ("12.0", 12), ("1.000", None), ("23.000", None), ("1.234.567", None), ("12,5", None),
    ("1,23,456", None), ("1,234 567", None),
])
def test_numbers_are_read_only_when_their_separators_leave_no_doubt(cell, value):
    table = f'#date,#affected+killed\n2024-01-10,"{cell}"\n'.encode()
    result = read_hxl(payload(table, claimant="UN OCHA"))
    assert [f["value"] for f in result.figures] == ([] if value is None else [value])
    assert [q["rule"] for q in result.quarantine] == (
        ["statistics_value_type"] if value is None else [])


@pytest.mark.parametrize(("cell", "ok"), [
    ("2024-01-10", True), ("2024-01-10T00:00:00Z", True), ("2024-01-10 12:30", True),
    ("2024-01-101", False), ("2024-01-10/2024-01-16", False), ("2024-01-10 or so", False),
])
def test_a_date_is_read_whole_or_not_at_all(cell, ok):
    result = read_hxl(payload(f"#date,#affected+killed\n{cell},5\n".encode(), claimant="UN OCHA"))
    assert len(result.figures) == ok
    assert [q["rule"] for q in result.quarantine] == ([] if ok else ["statistics_row_date"])


def test_hxl_columns_counting_part_of_the_people_are_not_read_as_the_whole():
    table = (b"#date,#affected+killed,#affected+killed+num,#affected+killed+f,"
             b"#affected+killed+children,#affected+injured+children,#affected+killed+pct,"
             b"#affected+killed+new,#affected+displaced+new\n"
             b"2024-01-10,23000,23000,9000,8000,7000,40,150,2000\n")
    result = read_hxl(payload(table, claimant="UN OCHA"))
    assert {f["dataset_field"]: f["metric"] for f in result.figures} == {
        "#affected+killed": "killed", "#affected+killed+num": "killed",
        "#affected+children+killed": "killed_children",
        "#affected+killed+new": "killed_daily"}
    assert result.ignored_fields == {"#affected+killed+f", "#affected+injured+children",
                                     "#affected+killed+pct", "#affected+displaced+new"}


def test_hxl_rows_name_their_most_specific_place():
    table = (b"#date,#adm1+name,#adm2+name,#affected+killed\n"
             b"2024-01-10,West Bank,Jenin,12\n"
             b"2024-01-10,West Bank,,330\n")
    result = read_hxl(payload(table, claimant="UN OCHA"))
    assert [f["location"] for f in result.figures] == ["Jenin", "West Bank"]


def test_a_series_saved_with_a_byte_order_mark_reads():
    rows = [{"report_date": "2024-01-10", "report_source": "mohtel", "killed_cum": 23210}]
    data = b"\xef\xbb\xbf" + json.dumps(rows).encode()
    assert detect_format(data) == "techforpalestine"
    assert [f["value"] for f in read_statistics(payload(data), "auto").figures] == [23210]


def test_a_sources_columns_must_name_metrics_tally_knows():
    from pydantic import ValidationError

    from pipelines.lib.sources import Source

    known = Source(name="ocha", kind="statistics", format="hxl", path="o.csv",
                   columns={"#affected+killed+f": "killed_women"})
    assert known.columns == {"#affected+killed+f": "killed_women"}
    with pytest.raises(ValidationError, match="metrics Tally does not know: \\['dead'\\]"):
        Source(name="ocha", kind="statistics", format="hxl", path="o.csv",
               columns={"#affected+killed": "dead"})
