"""The blocking rules and their checks on real runs: what loads, what is quarantined, and what
a later run must judge again."""

from __future__ import annotations

import pytest

from tests.conftest import resources_for, write_sources
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
