"""Scoring extractor output against gold passages.

A prediction matches a gold figure when their spans overlap and the metric is the same; each
side matches at most once. Unmatched predictions are false positives (so every figure in a
passage must be annotated), unmatched gold figures are misses. Attribute accuracies (claimant
class, qualifier, value, ...) are measured over the matched pairs only, so they say how good
the record is when the figure is found, apart from whether it is found.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from pipelines.evaluation.gold import Passage
from pipelines.extract import extract_figures

ATTRIBUTES = ("claimant_class", "qualifier", "value", "status", "hedged", "as_of", "derived")


@dataclass
class Score:
    tp: Counter = field(default_factory=Counter)  # per metric
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    right: Counter = field(default_factory=Counter)  # per attribute, over matched pairs
    pairs: int = 0
    traps_hit: list[str] = field(default_factory=list)
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, other: Score) -> None:
        for name in ("tp", "fp", "fn", "right"):
            getattr(self, name).update(getattr(other, name))
        self.pairs += other.pairs
        self.traps_hit += other.traps_hit
        for key, items in other.errors.items():
            self.errors[key] += items

    @property
    def precision(self) -> float:
        found = sum(self.tp.values()) + sum(self.fp.values())
        return sum(self.tp.values()) / found if found else 1.0

    @property
    def recall(self) -> float:
        gold = sum(self.tp.values()) + sum(self.fn.values())
        return sum(self.tp.values()) / gold if gold else 1.0

    def accuracy(self, attribute: str) -> float:
        return self.right[attribute] / self.pairs if self.pairs else 1.0


def same(attribute: str, predicted, expected) -> bool:
    """Values compare as numbers (a derived fraction may be rounded: 26 for 26.4)."""
    if attribute == "value":
        tolerance = 0.5 if isinstance(expected, float) and not expected.is_integer() else 1e-9
        return predicted is not None and abs(float(predicted) - float(expected)) <= tolerance
    return predicted == expected


def score_passage(passage: Passage) -> Score:
    score = Score()
    predicted = [f.to_dict() for f in extract_figures(passage.text, published=passage.published,
                                                       outlet=passage.outlet)]
    used: set[int] = set()
    where = passage.id
    for gold in passage.figures:
        want = gold.expected
        surface = passage.text[gold.start:gold.end]
        match = next((i for i, p in enumerate(predicted)
                      if i not in used and p["metric"] == want["metric"]
                      and p["span_start"] < gold.end and gold.start < p["span_end"]), None)
        if match is None:
            score.fn[want["metric"]] += 1
            near = [p["metric"] for p in predicted
                    if p["span_start"] < gold.end and gold.start < p["span_end"]]
            score.errors[where].append(f"missed {surface!r} as {want['metric']}"
                                       + (f" (got {', '.join(near)})" if near else ""))
            continue
        used.add(match)
        score.tp[want["metric"]] += 1
        score.pairs += 1
        got = predicted[match]
        for attribute in ATTRIBUTES:
            if attribute not in want or same(attribute, got.get(attribute), want[attribute]):
                score.right[attribute] += 1
            else:
                score.errors[where].append(f"{surface!r} {want['metric']}: {attribute} "
                                           f"{got.get(attribute)!r}, gold {want[attribute]!r}")
    for i, p in enumerate(predicted):
        if i in used:
            continue
        score.fp[p["metric"]] += 1
        traps = [t for t in passage.traps if p["span_start"] < t[1] and t[0] < p["span_end"]]
        if traps:
            score.traps_hit.append(f"{where}: {traps[0][2]!r} as {p['metric']}")
        score.errors[where].append(f"extra {p['surface']!r} as {p['metric']}"
                                   + (" (a trap)" if traps else ""))
    return score


def score_passages(passages: list[Passage]) -> Score:
    total = Score()
    for passage in passages:
        total.add(score_passage(passage))
    return total
