"""Number expressions: every written form, qualifiers and their bounds, ranges, and the numbers
that are never figures (years, dates, ages, durations, times, percentages, money, units)."""

from __future__ import annotations

import pytest

from tests.extract.helpers import figures, none_at, one


@pytest.mark.parametrize("text, surface, value", [
    ("Officials said 1,200 people were killed in the attack.", "1,200", 1200),
    ("The UN said 1.7 million people have been displaced.", "1.7 million", 1_700_000),
    ("Two people were killed in the strike, medics said.", "Two", 2),
    ("Two hundred and twenty-seven soldiers have been killed in Gaza.",
     "Two hundred and twenty-seven", 227),
    ("Medics said that forty-one people were wounded overnight.", "forty-one", 41),
    ("The army said 10022 people were killed, a figure it disputes.", "10022", 10022),
])
def test_number_forms(text, surface, value):
    fig = one(text, surface)
    assert fig["value"] == value
    assert fig["surface"] == surface


@pytest.mark.parametrize("words, qualifier, low, high", [
    ("about", "approx", None, None),
    ("some", "approx", None, None),
    ("roughly", "approx", None, None),
    ("an estimated", "approx", None, None),
    ("more than", "more_than", 500, None),
    ("over", "more_than", 500, None),
    ("at least", "at_least", 500, None),
    ("no fewer than", "at_least", 500, None),
    ("as few as", "at_least", 500, None),
    ("fewer than", "less_than", None, 500),
    ("under", "less_than", None, 500),
    ("up to", "up_to", None, 500),
    ("as many as", "up_to", None, 500),
    ("nearly", "nearly", None, 500),
    ("almost", "nearly", None, 500),
])
def test_qualifiers_give_bounds(words, qualifier, low, high):
    text = f"Officials said {words} 500 people were killed in the bombardment."
    fig = one(text, "500")
    assert fig["surface"] == f"{words} 500"
    assert (fig["value"], fig["qualifier"], fig["value_low"], fig["value_high"]) == \
        (500, qualifier, low, high)


def test_exact_number_has_equal_bounds():
    fig = one("Rescuers said 38 people were killed.", "38")
    assert (fig["qualifier"], fig["value_low"], fig["value_high"]) == ("exact", 38, 38)


@pytest.mark.parametrize("text, surface, low, high", [
    ("Witnesses said 11 or 12 people were killed in the strike.", "11 or 12", 11, 12),
    ("Between 30 and 40 people were killed, residents said.", "Between 30 and 40", 30, 40),
    ("Medics said 30 to 40 people were wounded.", "30 to 40", 30, 40),
    ("Medics said 30-40 people were wounded.", "30-40", 30, 40),
])
def test_ranges(text, surface, low, high):
    fig = one(text, surface)
    assert fig["surface"] == surface
    assert (fig["qualifier"], fig["value"], fig["value_low"], fig["value_high"]) == \
        ("range", low, low, high)


@pytest.mark.parametrize("text, trap", [
    ("The war began on October 7, 2023, when 1,200 people were killed.", "October 7, 2023"),
    ("Netanyahu spoke in Jerusalem on Feb. 7, 2024, as 30 people were killed in Gaza.",
     "Feb. 7, 2024"),
    ("A 19-year-old soldier was among those killed.", "19"),
    ("The soldier, aged 20, was killed in northern Gaza.", "20"),
    ("Hamas proposed a four-and-a-half-month truce in which hostages would be freed.", "four"),
    ("The strike at 2 a.m. killed a family, residents said.", "2 a.m."),
    ("About 70 percent of those killed were women and children.", "70 percent"),
    ("Around 70% of those killed were women and children.", "70%"),
    ("The US pledged $100 million for 12 aid workers killed, officials said.", "$100 million"),
    ("Channel 12 reported that three soldiers were killed.", "Channel 12"),
    ("Unit 8200 had flagged the plan, and 30 soldiers were killed.", "Unit 8200"),
    ("The army said 3,000 rockets were fired and 50 tunnels were destroyed.", "3,000"),
    ("About 200 trucks entered the Strip, and 40 people were killed.", "200"),
    ("Troops struck 450 targets overnight, killing dozens.", "450"),
    ("The deal would free hostages in three stages over 42 days.", "three"),
    ("The fighting lasted 51 days in 2014, the third day was the deadliest.", "51"),
    ("He said it was one of the deadliest days of the war.", "one"),
    ("Thousands were killed and dozens of hostages were freed.", "Thousands"),
    ("Hundreds were wounded, the ministry said.", "Hundreds"),
])
def test_numbers_that_are_not_figures(text, trap):
    assert none_at(text, trap), figures(text)


def test_vague_words_never_become_numbers():
    text = ("Thousands of people fled, dozens were killed, hundreds were wounded and scores "
            "remain missing, while tens of thousands are sheltering in schools.")
    assert figures(text) == []


def test_a_third_of_whom_is_a_share_of_its_stated_base():
    # GUIDELINES: a share of a counted base is a figure of the same count; with no number
    # for its base ("hundreds more, a third of whom") it is none.
    text = "The deal included the release of 1,500 prisoners, a third of whom are serving life."
    figs = figures(text)
    assert [(f["surface"], f["metric"], f["value"], f["qualifier"], f["derived"])
            for f in figs] == [("1,500", "prisoners_released", 1500, "exact", False),
                               ("a third", "prisoners_released", 500, "fraction_of", True)]
    vague = "The union says hundreds more were wounded, a third of whom can no longer work."
    assert figures(vague) == []


def test_sentence_start_number_word():
    fig = one("Forty soldiers were wounded in the clashes.", "Forty")
    assert (fig["value"], fig["metric"]) == (40, "injured")


def test_threshold_crossed_is_not_the_count():
    # "has passed 10,000" marks a milestone; the count itself follows ("putting the toll at")
    text = ("The number of people killed has passed 10,000, the ministry said, putting the toll "
            "at 10,022.")
    assert [f["surface"] for f in figures(text)] == ["10,022"]
