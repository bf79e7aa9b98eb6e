"""Figures: metric from the event and the people counted, breakdowns and lists, fractions of a
base, status and hedges, as-of dates. Sentences are our own (real facts where useful)."""

from __future__ import annotations

from datetime import date

import pytest

from pipelines.extract import Figure, extract_figures
from tests.extract.helpers import figures, none_at, one


@pytest.mark.parametrize("text, surface, metric", [
    ("Officials said 1,200 people were killed in the attack.", "1,200", "killed"),
    ("At least 80 people were wounded in the strikes, medics said.", "80", "injured"),
    ("Rescuers said 60 people were missing under the rubble.", "60", "missing"),
    ("Gunmen abducted 253 people during the assault.", "253", "abducted"),
    ("Israel says 136 hostages are still held in Gaza.", "136", "hostages_remaining"),
    ("Hamas released 105 hostages during the November truce.", "105", "hostages_released"),
    ("Israel freed 240 Palestinian prisoners during the truce.", "240", "prisoners_released"),
    ("Troops rescued four hostages from Nuseirat in a daytime raid.", "four",
     "hostages_rescued"),
    ("The army said the bodies of three hostages were recovered in Jabalia.", "three",
     "hostage_bodies_recovered"),
    ("About 1.7 million people have been displaced across the Strip.", "1.7 million",
     "displaced"),
    ("Some 1.4 million people are sheltering in Rafah.", "1.4 million", "sheltering"),
    ("Three IDF soldiers were killed in Khan Younis.", "Three", "soldiers_killed"),
    ("The army said troops killed 20 Hamas gunmen in the battle.", "20", "militants_killed"),
    ("The ministry said 4,104 children have been killed.", "4,104", "killed_children"),
    ("Nearly 100 journalists have been killed since the war began.", "100",
     "journalists_killed"),
    ("At least 150 UNRWA staff have been killed in Gaza.", "150", "aid_workers_killed"),
    ("More than 300 health workers have been killed, the WHO said.", "300", "medics_killed"),
    ("Israel believes 32 of the hostages are dead.", "32", "hostages_dead"),
])
def test_metric_from_event_and_people(text, surface, metric):
    assert one(text, surface)["metric"] == metric


def test_breakdown_with_including():
    text = ("The Hamas-run health ministry in Gaza said on Monday that 10,022 people have been "
            "killed in the territory since October 7, including 4,104 children.")
    figs = figures(text, published=date(2023, 11, 6))
    assert [(f["surface"], f["metric"]) for f in figs] == [
        ("10,022", "killed"), ("4,104", "killed_children")]
    assert {f["claimant_class"] for f in figs} == {"gaza_health"}


def test_list_joined_by_and_shares_the_verb_and_claimant():
    text = "The IDF said 16 soldiers and 3 civilians were killed in the fighting."
    figs = figures(text)
    assert [(f["value"], f["metric"]) for f in figs] == [(16, "soldiers_killed"), (3, "killed")]
    assert {f["claimant_class"] for f in figs} == {"israel_military"}


def test_two_events_in_one_sentence():
    text = ("Gunmen burst into the kibbutz, killing 63 people, mostly civilians, and abducting "
            "19 others, the community said.")
    figs = figures(text)
    assert [(f["value"], f["metric"]) for f in figs] == [(63, "killed"), (19, "abducted")]


def test_fraction_of_a_base_gives_two_figures():
    text = "Officials believe about a fifth of the 130 hostages still in Gaza are dead."
    figs = {f["surface"]: f for f in figures(text)}
    base, part = figs["130"], figs["about a fifth"]
    assert (base["metric"], base["value"], base["derived"]) == ("hostages_remaining", 130, False)
    assert (part["metric"], part["qualifier"], part["derived"]) == \
        ("hostages_dead", "fraction_of", True)
    assert part["value"] == pytest.approx(26)
    assert (part["value_low"], part["value_high"]) == (None, None)


def test_more_than_half_of_a_population():
    text = "More than half of the enclave’s 2.2 million people are sheltering in Rafah."
    figs = {f["surface"]: f for f in figures(text)}
    assert figs["2.2 million"]["metric"] == "population"
    part = figs["More than half"]
    assert (part["metric"], part["value"], part["value_low"], part["value_high"]) == \
        ("sheltering", 1_100_000, 1_100_000, None)


@pytest.mark.parametrize("text, surface, status", [
    ("Under the deal, Hamas would free 33 hostages in the first phase.", "33", "proposed"),
    ("The proposal would see 700 Palestinian prisoners released.", "700", "proposed"),
    ("Hamas demands the release of 3,000 Palestinian prisoners.", "3,000", "proposed"),
    ("A further 30 prisoners will be released on Saturday.", "30", "planned"),
    ("An estimated 1.9 million people have been displaced.", "1.9 million", "estimate"),
    ("Hamas released 24 hostages on Friday, Qatar said.", "24", "reported"),
])
def test_status(text, surface, status):
    assert one(text, surface)["status"] == status


@pytest.mark.parametrize("text, surface", [
    ("About 30 of the hostages are believed to be dead.", "30"),
    ("Some 20 hostages are thought to be dead.", "20"),
    ("Hamas reportedly killed 12 hostages.", "12"),
])
def test_hedges(text, surface):
    assert one(text, surface)["hedged"] is True


def test_unverifiable_next_sentence_hedges_the_figure():
    text = ("More than 27,000 Palestinians have been killed, according to the health ministry in "
            "Gaza. Its figures cannot be independently verified.")
    assert one(text, "27,000")["hedged"] is True


def test_plain_report_is_not_hedged():
    assert one("Hamas released 24 hostages on Friday.", "24")["hedged"] is False


@pytest.mark.parametrize("text, surface, as_of", [
    ("Terrorists killed 1,200 people on October 7.", "1,200", "2023-10-07"),
    ("Hamas released 105 hostages in November.", "105", "2023-11-01"),
    ("The army said three soldiers were killed on Saturday.", "three", "2024-02-03"),
    ("Medics said 14 people were killed yesterday.", "14", "2024-02-07"),
    ("Medics said 14 people have been killed.", "14", "2024-02-08"),
    ("At least 10,000 people have been killed since October 7.", "10,000", "2024-02-08"),
])
def test_as_of_dates(text, surface, as_of):
    assert one(text, surface)["as_of"] == as_of


def test_as_of_without_publication_date_is_null():
    assert one("Medics said 14 people were killed.", "14", published=None)["as_of"] is None


def test_planned_figure_without_publication_date():
    """A plan with no date and no publication date stays undated (it once raised)."""
    fig = one("Under the proposed deal, 33 hostages would be freed in the first phase.", "33",
              published=None)
    assert (fig["status"], fig["as_of"]) == ("proposed", None)


def test_as_of_belongs_to_the_figure_it_follows():
    text = ("Of the 251 people abducted on October 7, 116 remain in Gaza, the army said.")
    figs = {f["surface"]: f for f in figures(text)}
    assert figs["251"]["as_of"] == "2023-10-07"
    assert figs["116"]["as_of"] == "2024-02-08"
    assert figs["116"]["metric"] == "hostages_remaining"


def test_figure_record_keys_and_types():
    fig = extract_figures("Officials said 12 people were killed.", published=date(2024, 2, 8))[0]
    assert isinstance(fig, Figure)
    d = fig.to_dict()
    assert set(d) >= {
        "metric", "value", "value_low", "value_high", "qualifier", "subject", "location",
        "claimant", "claimant_class", "attribution_explicit", "status", "hedged", "as_of",
        "derived", "span_start", "span_end", "surface", "sentence", "claimant_id"}
    assert isinstance(d["as_of"], str)


def test_subject_and_location_as_written():
    fig = one("Two hundred IDF soldiers have been killed in southern Gaza.", "Two hundred")
    assert fig["subject"] == "IDF soldiers"
    assert fig["location"] == "southern Gaza"


def test_figures_come_in_text_order():
    text = ("Hamas released 13 hostages on Friday. Israel freed 39 Palestinian prisoners. "
            "Officials said 50 people were wounded.")
    starts = [f["span_start"] for f in figures(text)]
    assert starts == sorted(starts) and len(starts) == 3


def test_no_figure_in_plain_prose():
    assert figures("The cabinet met late into the night to discuss the negotiations.") == []
    assert none_at("Hamas took part in three rounds of talks in Cairo.", "three")


def test_of_them_breakdown_keeps_the_metric():
    text = "During the truce, 105 captives were freed, 81 of them Israelis, mediators said."
    figs = figures(text)
    assert [(f["value"], f["metric"]) for f in figs] == [
        (105, "hostages_released"), (81, "hostages_released")]


def test_of_whom_with_its_own_predicate():
    text = "Israel believes 116 hostages remain in Gaza, 41 of whom the army has declared dead."
    figs = figures(text)
    assert [(f["value"], f["metric"]) for f in figs] == [
        (116, "hostages_remaining"), (41, "hostages_dead")]


def test_taking_hostages():
    text = "Gunmen stormed the towns on October 7, killing some 1,200 people and taking around 250 hostage."
    figs = figures(text)
    assert [(f["surface"], f["metric"]) for f in figs] == [
        ("some 1,200", "killed"), ("around 250", "abducted")]


def test_a_date_of_a_new_subject_does_not_date_the_figure():
    # "many of them ..." starts a new subject: its date is theirs, not the share's
    text = ("Officials believe about a quarter of the 120 captives still held are dead, many of "
            "them killed on October 7.")
    figs = {f["surface"]: f for f in figures(text)}
    assert figs["about a quarter"]["as_of"] == "2024-02-08"
    assert figs["120"]["as_of"] == "2024-02-08"
    assert figs["about a quarter"]["metric"] == "hostages_dead"
