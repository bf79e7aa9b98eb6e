"""`make eval`: precision, recall and record accuracy of the extractor on the gold set.

    python -m pipelines.evaluation [--gold DIR] [--errors] [--json PATH]

Prints one summary line per split (dev: passages the extractor may be tuned on; heldout: never
tuned on) and overall, then a per-metric table. The per-metric table, the traps hit and the
--errors list cover the dev passages only: what the extractor gets wrong on held-out passages
must never be seen, or they stop measuring text it was not tuned on. Exit 0 always: the targets
are judged by people and asserted by tests/gold, not by this report.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from pipelines.evaluation.gold import GOLD_DIR, load_passages
from pipelines.evaluation.score import ATTRIBUTES, Score, score_passages

TARGETS = {"precision": 0.97, "recall": 0.95, "claimant_class": 0.97}


def summary(score: Score) -> dict:
    return {"figures": sum(score.tp.values()) + sum(score.fn.values()),
            "predicted": sum(score.tp.values()) + sum(score.fp.values()),
            "precision": round(score.precision, 4), "recall": round(score.recall, 4),
            **{a: round(score.accuracy(a), 4) for a in ATTRIBUTES},
            "traps_hit": len(score.traps_hit)}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m pipelines.evaluation")
    parser.add_argument("--gold", type=Path, default=GOLD_DIR)
    parser.add_argument("--errors", action="store_true", help="list every miss and extra")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args()

    passages = load_passages(args.gold)
    splits = {name: [p for p in passages if p.split == name]
              for name in sorted({p.split for p in passages})}
    scores = {name: score_passages(group) for name, group in splits.items()}
    overall = Score()
    for score in scores.values():
        overall.add(score)
    rows = {**{name: summary(s) for name, s in scores.items()}, "all": summary(overall)}

    traps = sum(len(p.traps) for p in passages)
    print(f"gold set: {len(passages)} passages, {rows['all']['figures']} figures, {traps} traps")
    head = ["split", "figures", "predicted", "precision", "recall", *ATTRIBUTES, "traps_hit"]
    print("  ".join(f"{h:>9}" if i else f"{h:<8}" for i, h in enumerate(head)))
    for name, row in rows.items():
        cells = [name] + [row[h] for h in head[1:]]
        print("  ".join(f"{c:>9}" if i else f"{c:<8}" for i, c in enumerate(cells)))
    tuned = Score()  # what may be looked into: the passages the extractor is tuned on
    for name, score in scores.items():
        if name != "heldout":
            tuned.add(score)
    print("\nper metric (dev passages)")
    print(f"{'metric':<26}{'gold':>6}{'pred':>6}{'tp':>6}{'prec':>8}{'recall':>8}")
    for metric in sorted(set(tuned.tp) | set(tuned.fp) | set(tuned.fn)):
        tp, fp, fn = tuned.tp[metric], tuned.fp[metric], tuned.fn[metric]
        print(f"{metric:<26}{tp + fn:>6}{tp + fp:>6}{tp:>6}"
              f"{tp / (tp + fp) if tp + fp else 1:>8.3f}{tp / (tp + fn) if tp + fn else 1:>8.3f}")
    for hit in tuned.traps_hit:
        print(f"TRAP EXTRACTED {hit}")
    met = {k: rows["all"][k] >= v for k, v in TARGETS.items()}
    print("\ntargets (all): " + ", ".join(f"{k} >= {v}: {'met' if met[k] else 'NOT met'}"
                                         for k, v in TARGETS.items())
          + f", traps extracted: {len(overall.traps_hit)}")
    if args.errors:
        for where, problems in sorted(tuned.errors.items()):
            print(f"\n{where}")
            for problem in problems:
                print(f"  {problem}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
