"""The gold set is well-formed and large enough, the scorer counts what it says it counts, and
the extractor meets its targets on the gold set (a regression guard for every extractor change).
"""

from __future__ import annotations

from datetime import date

import pytest

from pipelines.evaluation.gold import GoldError, GoldFigure, Passage, load_passages
from pipelines.evaluation.score import score_passage, score_passages

PASSAGES = load_passages()


def test_gold_set_is_large_enough_and_spans_every_style():
    assert len(PASSAGES) >= 40
    assert sum(len(p.figures) for p in PASSAGES) >= 250
    assert sum(len(p.traps) for p in PASSAGES) >= 60
    assert {p.style for p in PASSAGES} >= {"wire", "israeli", "arab", "un_sitrep", "official"}
    assert {p.split for p in PASSAGES} == {"dev", "heldout"}


def test_no_trap_overlaps_a_gold_figure():
    for p in PASSAGES:
        for start, end, needle in p.traps:
            assert not [f for f in p.figures if f.start < end and start < f.end], (p.id, needle)


def test_a_surface_missing_from_the_text_is_an_error(tmp_path):
    (tmp_path / "bad.yaml").write_text(
        "text: 'At least 20 people were killed.'\nfigures:\n"
        "- {surface: '30', metric: killed, value: 30, qualifier: exact, claimant_class: outlet}\n")
    with pytest.raises(GoldError, match="'30'"):
        load_passages(tmp_path)


def _passage(text: str, *figures: tuple[str, str], traps=()) -> Passage:
    passage = Passage("t", "dev", "wire", "Test Wire", date(2024, 1, 10), text)
    for surface, metric in figures:
        start = text.index(surface)
        passage.figures.append(GoldFigure(start, start + len(surface), {
            "metric": metric, "claimant_class": "gaza_health"}))
    for needle in traps:
        start = text.index(needle)
        passage.traps.append((start, start + len(needle), needle))
    return passage


def test_scorer_counts_hits_misses_extras_and_traps():
    text = ("At least 24 people were killed in Rafah on Tuesday, the Hamas-run health ministry "
            "said. Officials said 60 trucks entered.")
    perfect = score_passage(_passage(text, ("At least 24", "killed")))
    assert (perfect.precision, perfect.recall, perfect.accuracy("claimant_class")) == (1, 1, 1)
    wrong_metric = score_passage(_passage(text, ("At least 24", "injured")))
    assert (wrong_metric.precision, wrong_metric.recall) == (0, 0)
    unannotated = score_passage(_passage(text))
    assert unannotated.precision == 0 and sum(unannotated.fp.values()) == 1
    trap = score_passage(_passage(text, traps=("24",)))
    assert trap.traps_hit == ["t: '24' as killed"]


def _guard(split: str, precision: float, recall: float, claimant: float):
    score = score_passages([p for p in PASSAGES if p.split == split])
    report = "\n".join(f"{k}: {v}" for k, items in score.errors.items() for v in items)
    if split == "heldout":  # numbers only: its misses must never become tuning hints
        report = (f"P {score.precision:.4f} R {score.recall:.4f} "
                  f"claimant {score.accuracy('claimant_class'):.4f}")
    assert score.precision >= precision, report
    assert score.recall >= recall, report
    assert score.accuracy("claimant_class") >= claimant, report
    return score


def test_extractor_meets_the_targets_on_the_passages_it_was_tuned_on():
    """The issue's targets (precision 0.97, recall 0.95, claimant class 0.97, no trap) on
    the dev passages: any extractor change that loses ground there fails here."""
    score = _guard("dev", precision=0.97, recall=0.95, claimant=0.97)
    assert not score.traps_hit, score.traps_hit


def test_extractor_holds_its_scores_on_held_out_passages():
    """The held-out passages (fresh11, fresh12, fresh16, fresh17, fresh19, fresh21, fresh22,
    fresh24, fresh25, fresh28, fresh29, fresh31, fresh33, fresh34, fresh36, fresh38, fresh40,
    fresh42, fresh43, fresh44, fresh46, fresh48, fresh50, fresh52, fresh54, fresh56, fresh58,
    fresh60, fresh61, fresh62, fresh64, fresh66, fresh68, fresh70, fresh71, fresh72, fresh74,
    fresh76, fresh78, fresh80, fresh81, fresh82, fresh83, fresh86, fresh87, fresh90,
    fresh92, fresh94, fresh96, fresh98, fresh100, fresh101, fresh102) were written blind (by
    someone who never ran or read the extractor) and are never used to tune it, so they measure
    how it generalises.
    The floors sit under their measurement together when fresh60 and fresh61 joined (README,
    the extractor's scores: 0.955 / 0.941 / 0.950); they are a guard, not the targets."""
    _guard("heldout", precision=0.925, recall=0.925, claimant=0.93)


def test_make_eval_never_shows_what_goes_wrong_on_held_out_passages(tmp_path):
    """Held-out misses and traps would become tuning hints; `make eval` prints only their
    counts, and the details of the dev passages."""
    import subprocess
    import sys
    for split in ("dev", "heldout"):
        (tmp_path / f"{split}.yaml").write_text(
            f"id: {split}-1\nsplit: {split}\nstyle: wire\noutlet: Test Wire\n"
            f"published: '2024-01-10'\n"
            f"text: 'At least {'24' if split == 'dev' else '31'} people were killed in "
            f"{'Rafah' if split == 'dev' else 'Deir al-Balah'}.'\n"
            f"figures: []\ntraps: ['{'24' if split == 'dev' else '31'}']\n")
    out = subprocess.run([sys.executable, "-m", "pipelines.evaluation", "--gold", str(tmp_path),
                          "--errors"], capture_output=True, text=True, check=True).stdout
    assert "dev-1: '24'" in out  # the dev trap, shown
    assert "31" not in out and "heldout-1" not in out
    heldout_row = next(line for line in out.splitlines() if line.startswith("heldout"))
    assert heldout_row.split()[-1] == "1"  # its trap is counted, not shown
