"""Reporting patterns found while tuning on the fresh-* gold passages, one test per pattern.
The sentences are our own, written to show the pattern, not copied from any passage."""

from __future__ import annotations

from tests.extract.helpers import one


def test_a_bare_count_after_soldiers_killed_counts_soldiers():
    text = ("The army named 14 soldiers killed in the south. Ten of them died when a bomb hit "
            "their jeep, while four others fell in a firefight.")
    assert one(text, "Ten")["metric"] == "soldiers_killed"
    assert one(text, "four")["metric"] == "soldiers_killed"
    text = "Five more soldiers were killed on Friday, raising the army's toll in the raid to 31."
    assert one(text, "31")["metric"] == "soldiers_killed"
    text = ("That brings to 410 the number of troops killed, among them 52 who have fallen "
            "since the raid began.")
    assert one(text, "52")["metric"] == "soldiers_killed"
    # a new sentence with its own count is not pulled along
    text = "Two soldiers were killed in Jenin. In Gaza, 40 were killed in strikes overnight."
    assert one(text, "40")["metric"] == "killed"
