"""The extractor on the bundled sample articles: every annotated figure, nothing in the traps.

Each article goes through the same parser as the pipeline (HTML via trafilatura), so this also
proves that captions, comments and navigation never reach the extractor.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipelines.extract import extract_figures
from pipelines.lib.articles import parse_article
from tests.conftest import SAMPLES

ANNOTATIONS = sorted((SAMPLES / "annotations").glob("*.yaml"))
FOLDERS = (SAMPLES / "articles", SAMPLES / "feeds" / "pages")


def article_for(annotation: Path):
    (path,) = [p for folder in FOLDERS for p in folder.glob(annotation.stem + ".*")]
    media = "html" if path.suffix in (".html", ".htm") else "text"
    return parse_article(path.read_bytes(), media, url=None, outlet=None)


def locate(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = text.find(needle, start + 1)
        assert start >= 0, f"{needle!r} (occurrence {occurrence}) not in the article body"
    return start, start + len(needle)


def test_there_are_enough_annotated_samples():
    assert len(ANNOTATIONS) >= 12
    assert sum(len(yaml.safe_load(p.read_text())["figures"]) for p in ANNOTATIONS) >= 70


@pytest.mark.parametrize("annotation", ANNOTATIONS, ids=lambda p: p.stem)
def test_sample_article(annotation: Path):
    gold = yaml.safe_load(annotation.read_text(encoding="utf-8"))
    article = article_for(annotation)
    text = article.text
    for noise in gold.get("boilerplate_numbers") or []:
        assert noise not in text, f"boilerplate {noise!r} leaked into the body"
    predicted = [f.to_dict() for f in extract_figures(text, published=article.published,
                                                       outlet=article.outlet)]
    problems = []
    for item in gold["figures"]:
        start, end = locate(text, item["surface"], item.get("occurrence", 1))
        hits = [p for p in predicted
                if p["span_start"] < end and start < p["span_end"] and p["metric"] == item["metric"]]
        if not hits:
            problems.append(f"missed {item['surface']!r} as {item['metric']}")
            continue
        for key in ("value", "qualifier", "claimant_class", "status", "as_of", "derived"):
            if key in item and str(hits[0][key]) != str(item[key]):
                problems.append(f"{item['surface']!r}: {key} {hits[0][key]!r} != {item[key]!r}")
    for trap in gold.get("traps") or []:
        needle, occurrence = (trap, 1) if isinstance(trap, str) else (trap["text"],
                                                                        trap.get("occurrence", 1))
        start, end = locate(text, needle, occurrence)
        for p in predicted:
            if p["span_start"] < end and start < p["span_end"]:
                problems.append(f"trap {needle!r} extracted as {p['metric']}")
    assert not problems, "\n".join(problems)
