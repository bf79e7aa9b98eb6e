"""Claimants: the grammar of attribution, carried-over claimants, the outlet, and the registry
that maps every spelling of a body to one id and class."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from pipelines.extract.claimants import resolve_claimant
from pipelines.vocabulary import CLAIMANT_CLASSES
from tests.extract.helpers import figures, one

REGISTRY = Path(__file__).parents[2] / "pipelines" / "extract" / "claimants.csv"


@pytest.mark.parametrize("name, claimant_id, claimant_class", [
    ("the Hamas-run health ministry", "gaza_moh", "gaza_health"),
    ("the Health Ministry in Hamas-ruled Gaza", "gaza_moh", "gaza_health"),
    ("Gaza's Health Ministry", "gaza_moh", "gaza_health"),
    ("Ashraf al-Qudra, ministry spokesman", "gaza_moh", "gaza_health"),
    ("Gaza Ministry of Health", "gaza_moh", "gaza_health"),
    ("the Government Media Office in Gaza", "gaza_gmo", "gaza_gmo"),
    ("the Hamas-run government's media office", "gaza_gmo", "gaza_gmo"),
    ("Hamas", "hamas", "hamas"),
    ("Hamas’s armed wing", "hamas", "hamas"),
    ("Islamic Jihad", "pij", "hamas"),
    ("the IDF", "idf", "israel_military"),
    ("the Israeli military", "idf", "israel_military"),
    ("Military", "idf", "israel_military"),  # a headline drops the article
    ("The occupation", "israel_gov", "israel_gov"),  # Israel, in Arab outlets' words
    ("occupation forces", "idf", "israel_military"),
    ("the Lebanese army", "the-lebanese-army", "other"),
    ("an Israeli security official", "israel_gov", "israel_gov"),
    ("Israeli security sources", "israel_gov", "israel_gov"),
    ("an Israeli military official", "idf", "israel_military"),
    ("IDF spokesman Daniel Hagari", "idf", "israel_military"),
    ("an Israeli official", "israel_gov", "israel_gov"),
    ("Israel", "israel_gov", "israel_gov"),
    ("the Prime Minister's Office", "israel_gov", "israel_gov"),
    ("UN OCHA", "un_ocha", "un"),
    ("UNRWA", "un_unrwa", "un"),
    ("the World Health Organization", "un_who", "un"),
    ("the WHO", "un_who", "un"),
    ("UNICEF", "un_unicef", "un"),
    ("the White House", "us_gov", "us_gov"),
    ("the State Department", "us_gov", "us_gov"),
    ("Defence Minister Israel Katz", "israel_gov", "israel_gov"),
    ("Katz", "israel_gov", "israel_gov"),
    ("Army probe", "idf", "israel_military"),
    ("the International Organization for Migration", "un", "un"),
    ("UNIFIL", "un", "un"),
    ("A separate WHO analysis", "un_who", "un"),
    ("U.S. Central Command", "us_gov", "us_gov"),
    ("CENTCOM", "us_gov", "us_gov"),
    ("the Central Command", "us_gov", "us_gov"),  # the US's; the army's commands are regional
    ("the Southern Command", "idf", "israel_military"),
    ("the 98th Division", "idf", "israel_military"),
    ("Israeli prison authorities", "israel_gov", "israel_gov"),
    ("Palestinian health officials", "gaza_moh", "gaza_health"),
    ("Egyptian officials", "egypt", "other"),
])
def test_registry_normalises_spellings(name, claimant_id, claimant_class):
    assert resolve_claimant(name) == (claimant_id, claimant_class)


def test_unknown_name_is_other_with_a_slug():
    claimant_id, claimant_class = resolve_claimant("The Levant Monitoring Group")
    assert claimant_class == "other"
    assert re.fullmatch(r"[a-z0-9_-]+", claimant_id)


def test_outlet_gets_an_outlet_id():
    assert resolve_claimant("Test Wire", outlet="Test Wire") == ("outlet:test-wire", "outlet")


def test_registry_is_tidy():
    with REGISTRY.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and list(rows[0]) == ["claimant_id", "claimant_class", "name", "pattern"]
    ids = [r["claimant_id"] for r in rows]
    assert len(ids) == len(set(ids)), "one row per claimant id"
    for row in rows:
        assert row["claimant_class"] in CLAIMANT_CLASSES, row
        assert re.fullmatch(r"[a-z0-9_]+", row["claimant_id"]), row
        assert row["name"].strip() == row["name"] and row["name"], row
        re.compile(row["pattern"])


@pytest.mark.parametrize("text, surface, claimant_class", [
    ("According to the Hamas-run health ministry, 27,000 people have been killed.", "27,000",
     "gaza_health"),
    ("The IDF says 9,000 Hamas gunmen have been killed.", "9,000", "israel_military"),
    ("At least 45 people were killed, the ministry in Gaza said.", "45", "gaza_health"),
    ("Two soldiers were killed in Gaza, the military said on Sunday.", "Two",
     "israel_military"),
    ("“We have killed more than 10,000 terrorists,” said IDF spokesman Daniel Hagari.",
     "10,000", "israel_military"),
    ("Israel says it has killed 12,000 gunmen.", "12,000", "israel_gov"),
    ("Israel believes about 100 hostages are still alive.", "100", "israel_gov"),
    ("UNRWA estimates 1.7 million people have been displaced.", "1.7 million", "un"),
    ("An Israeli official told reporters that 130 hostages remain in Gaza.", "130",
     "israel_gov"),
    ("The White House said six Americans were among the hostages still held.", "six",
     "us_gov"),
    ("Qatar's foreign ministry said 13 hostages were released on Friday.", "13", "other"),
])
def test_explicit_attribution(text, surface, claimant_class):
    fig = one(text, surface)
    assert fig["claimant_class"] == claimant_class
    assert fig["attribution_explicit"] is True


def test_outlet_states_the_figure():
    fig = one("Two hundred soldiers have been killed in the ground offensive.", "Two hundred")
    assert (fig["claimant"], fig["claimant_class"], fig["attribution_explicit"]) == \
        ("Test Wire", "outlet", False)
    assert fig["claimant_id"] == "outlet:test-wire"


def test_outlet_without_a_name():
    fig = one("Two hundred soldiers have been killed.", "Two hundred", outlet=None)
    assert (fig["claimant"], fig["claimant_class"]) == ("outlet", "outlet")


def test_pronoun_carries_the_claimant_from_an_earlier_sentence():
    text = ("The Hamas-run health ministry in Gaza released new figures on Sunday. "
            "It said 27,365 people had been killed.")
    fig = one(text, "27,365")
    assert (fig["claimant_class"], fig["attribution_explicit"]) == ("gaza_health", False)


def test_the_official_carries_the_earlier_official():
    text = ("An Israeli official spoke to reporters on Thursday. "
            "“About 30 of them are no longer alive,” said the official.")
    fig = one(text, "About 30")
    assert (fig["claimant_class"], fig["attribution_explicit"]) == ("israel_gov", False)


def test_quote_paragraph_followed_by_its_speaker():
    text = ("“There are 134 hostages still held in Gaza.”\n\n"
            "The Prime Minister's Office said this on Sunday.")
    assert one(text, "134")["claimant_class"] == "israel_gov"


@pytest.mark.parametrize("headline, surface, claimant_class", [
    ("Gaza death toll rises to 30,000: health ministry", "30,000", "gaza_health"),
    ("Gaza Health Ministry: death toll rises to 31,045", "31,045", "gaza_health"),
    ("Strikes kill 45 in Rafah — Gaza health ministry", "45", "gaza_health"),
])
def test_headline_attribution(headline, surface, claimant_class):
    text = headline + "\n\nThe war continued on Friday."
    assert one(text, surface)["claimant_class"] == claimant_class


def test_two_claimants_in_one_sentence():
    text = ("Hamas says 70 hostages were killed in airstrikes, while the IDF says 9,000 gunmen "
            "have been killed.")
    figs = {f["surface"]: f for f in figures(text)}
    assert figs["70"]["claimant_class"] == "hamas"
    assert figs["9,000"]["claimant_class"] == "israel_military"


def test_speaker_after_the_figure_with_a_title_and_apposition():
    text = ("Eight people were killed when a strike hit their home, said Dr. Khalil Daqran, a "
            "spokesman at Al-Aqsa Martyrs Hospital.")
    fig = one(text, "Eight")
    assert (fig["claimant"], fig["claimant_class"]) == ("Dr. Khalil Daqran", "gaza_health")


def test_dotted_abbreviations_in_claimants():
    text = "Some 1.9 million people have been displaced, according to the U.N."
    assert one(text, "1.9 million")["claimant_class"] == "un"
    assert resolve_claimant("U.S. officials") == ("us_gov", "us_gov")


def test_officials_in_israel_are_the_israeli_government():
    assert resolve_claimant("Officials in Israel")[1] == "israel_gov"
    assert resolve_claimant("the Washington Post")[1] == "other"
    assert resolve_claimant("Tel Aviv")[1] == "israel_gov"
    assert resolve_claimant("the Defense Ministry")[1] == "israel_gov"
    assert resolve_claimant("Al-Shifa's director")[1] == "gaza_health"
