"""The blocking rules and their checks on real runs: what loads, what is quarantined, and what
a later run must judge again."""

from __future__ import annotations

import json
import shutil

import dagster as dg
import pytest

from pipelines.lib import quality
from tests.conftest import SAMPLES, resources_for, write_sources
from tests.pipeline.helpers import checks, materialize, query

pytestmark = pytest.mark.integration

ONE_NATIONALITY = """Title: Thai workers among the captives
Outlet: Test Desk
Published: 2024-02-08
URL: https://testdesk.example/thai

Twenty-three Thai nationals were abducted on October 7, the Thai foreign ministry said. The Israeli army said on Thursday that 136 hostages remain in Gaza.
"""


def _inbox(tmp_path, files: dict[str, str]) -> dict:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name, text in files.items():
        (inbox / name).write_text(text, encoding="utf-8")
    sources = write_sources(tmp_path / "sources.yaml",
                            [{"name": "inbox", "kind": "inbox", "path": str(inbox)}])
    return resources_for(tmp_path / "lake", sources)


def test_abducted_of_one_nationality_does_not_cap_the_hostages_remaining(tmp_path):
    """23 Thais abducted and 136 hostages still held are both true: the 136 counts everyone,
    the 23 one nationality. The per-article rule compared them and quarantined the 136."""
    result = materialize(_inbox(tmp_path, {"thai.txt": ONE_NATIONALITY}))
    lake = tmp_path / "lake"
    assert query(lake, "select metric, value from core.figures order by metric") == [
        ("abducted", 23.0), ("hostages_remaining", 136.0)]
    assert checks(result)["hostages_remaining_within_abducted"] is True
    assert query(lake, "select count(*) from quality.quarantine where stage = 'figure'") == [(0,)]


ABSURD = """Title: A misprinted toll
Outlet: Test Desk
Published: 2024-02-08
URL: https://testdesk.example/absurd

The ministry said 90,000,000,000 people were killed in Gaza. The ministry said 27,840 people were killed in Gaza by Wednesday.
"""


def test_a_toll_larger_than_everyone_alive_is_quarantined(tmp_path):
    """A statistics file's count above everyone alive is quarantined as absurd; the same
    number in an article loaded into core.figures, as a toll, with every check passed."""
    result = materialize(_inbox(tmp_path, {"absurd.txt": ABSURD}))
    lake = tmp_path / "lake"
    assert query(lake, "select value from core.figures") == [(27840.0,)]
    assert checks(result)["value_within_everyone_alive"] is False
    [(rule, record)] = query(lake, "select rule, record from quality.quarantine "
                                   "where stage = 'figure'")
    assert rule == "value_within_everyone_alive" and "90000000000" in record


def _evaluations(result) -> dict[str, dict]:
    """check name -> (passed, re_evaluated) of a run's check evaluations."""
    return {e.check_name: {"passed": e.passed, "re_evaluated": e.metadata.get(
        "re_evaluated", dg.MetadataValue.bool(True)).value}
        for e in result.get_asset_check_evaluations()}


def _edit_suite(monkeypatch, tmp_path, name: str, edit) -> None:
    """The reviewed suites as a copy in which `edit` changed suite `name`, as a reviewer would."""
    folder = tmp_path / "expectations"
    shutil.copytree(quality.EXPECTATIONS_DIR, folder)
    spec = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
    edit(spec)
    (folder / f"{name}.json").write_text(json.dumps(spec, indent=2), encoding="utf-8")
    monkeypatch.setattr(quality, "EXPECTATIONS_DIR", folder)


def test_a_changed_suite_is_judged_again_on_the_next_run(tmp_path, monkeypatch):
    """A reviewer takes a day off the series' allow-list and widens the ledger's tolerance:
    with no new data, the next run showed the old verdicts (`re_evaluated: false`), so the
    series' check stayed green though the rule now fails."""
    lake = tmp_path / "lake"
    tfp = next((SAMPLES / "statistics").glob("tfp_*.json"))
    sources = write_sources(tmp_path / "sources.yaml", [
        {"name": "desk-inbox", "kind": "inbox", "path": str(SAMPLES / "articles")},
        {"name": "tfp", "kind": "statistics", "format": "techforpalestine", "path": str(tfp)}])
    resources = resources_for(lake, sources)
    first = _evaluations(materialize(resources))
    assert first["daily_matches_cumulative_change"]["passed"] is True

    def unlist(spec):
        spec["expectations"][0]["meta"]["allow_list"].remove("2023-12-02:injured")

    def widen(spec):
        for exp in spec["expectations"]:
            if exp["meta"]["rule"] == "hostage_accounting_balances":
                exp["kwargs"]["max_value"] = exp["meta"]["tolerance"] = 0.03

    _edit_suite(monkeypatch, tmp_path, "statistics_daily", unlist)
    _edit_suite(monkeypatch, tmp_path / "2", "hostage_accounting", widen)
    second = _evaluations(materialize(resources))
    assert second["daily_matches_cumulative_change"] == {"passed": False, "re_evaluated": True}
    assert second["hostage_accounting_balances"]["re_evaluated"] is True
    assert second["figure_has_claimant"]["re_evaluated"] is False  # its suites did not change


def test_figures_loaded_before_a_rule_was_tightened_are_judged_again(tmp_path, monkeypatch):
    """A reviewer lowers a bound (here everyone alive, from a trillion to 10 billion): the
    load judged only figures it had not seen, so with nothing new the next run carried the
    old verdict, passed, and the 90 billion dead stayed in core.figures."""
    def a_trillion(spec):
        for exp in spec["expectations"]:
            if exp["meta"]["rule"] == "value_within_everyone_alive":
                exp["kwargs"]["max_value"] = 1e12

    reviewed = quality.EXPECTATIONS_DIR
    _edit_suite(monkeypatch, tmp_path, "figures", a_trillion)
    resources = _inbox(tmp_path, {"absurd.txt": ABSURD})
    lake = tmp_path / "lake"
    materialize(resources)
    assert query(lake, "select count(*) from core.figures") == [(2,)]

    monkeypatch.setattr(quality, "EXPECTATIONS_DIR", reviewed)
    after = _evaluations(materialize(resources))
    assert after["value_within_everyone_alive"] == {"passed": False, "re_evaluated": True}
    assert query(lake, "select value from core.figures") == [(27840.0,)]
    assert query(lake, "select rule from quality.quarantine where stage = 'figure'") == [
        ("value_within_everyone_alive",)]
