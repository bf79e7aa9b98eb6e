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
