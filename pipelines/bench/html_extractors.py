"""HTML-to-text candidates, compared on speed and quality together.

`python -m pipelines.bench.html_extractors --benchmark PATH` prints one line per candidate.

Why: HTML to text is the pipeline's most expensive stage per article, so the
choice of library decides whether a 300,000-article day fits in minutes. Speed alone would pick
the crudest extractor; what matters is speed together with what reaches the figure extractor.
Each candidate is scored on:
- the article-extraction benchmark (Scrapinghub; `--benchmark PATH`, gzip HTML + ground-truth.json),
  with its own metric: 4-token shingle precision/recall macro-averaged per page, F1 of the two;
- the generated bench corpus: figures extracted from the candidate's text against the planted
  ones (precision, recall), so leaked captions, comments and links show as false figures;
- the bundled sample articles: figures against the hand annotations (metric, value, qualifier,
  claimant class), and how many annotated traps or boilerplate numbers leak into the text.
Nothing under tests or the pipeline reads the benchmark: its path is only ever an argument here.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics as stats
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import yaml

from pipelines.settings import REPO_ROOT

SAMPLES = REPO_ROOT / "data_lake" / "samples"
TRAFILATURA_ARGS = {"include_comments": False, "include_images": False, "include_tables": False,
                    "deduplicate": False}


def _pipeline(data: bytes) -> str:
    """As the pipeline reads a page (`pipelines.lib.articles.parse_html`): body text from
    resiliparse and metadata from trafilatura, both timed."""
    from pipelines.lib.articles import ArticleError, parse_html

    try:
        return parse_html(data).text
    except ArticleError:
        return ""


def _trafilatura_metadata(data: bytes) -> str:
    """The pipeline's call before 2026-12-02: trafilatura for body and metadata, fast=True."""
    import trafilatura

    doc = trafilatura.bare_extraction(data, fast=True, with_metadata=True, **TRAFILATURA_ARGS)
    return (doc.text or "") if doc is not None else ""


def _trafilatura_text(fast: bool) -> Callable[[bytes], str]:
    def run(data: bytes) -> str:
        import trafilatura

        return trafilatura.extract(data, with_metadata=False, fast=fast,
                                   **TRAFILATURA_ARGS) or ""
    return run


def _resiliparse(data: bytes) -> str:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding

    html = bytes_to_str(data, detect_encoding(data))
    return extract_plain_text(html, main_content=True, alt_texts=False, comments=False,
                              list_bullets=False, post_meta=False)


def _selectolax_paragraphs(data: bytes) -> str:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(data)
    return "\n\n".join(p.text(strip=True) for p in tree.css("p"))


CANDIDATES: dict[str, Callable[[bytes], str]] = {
    "pipeline: resiliparse body + trafilatura metadata": _pipeline,
    "trafilatura bare_extraction fast+metadata": _trafilatura_metadata,
    "trafilatura extract": _trafilatura_text(fast=False),
    "trafilatura extract fast=True": _trafilatura_text(fast=True),
    "resiliparse main_content, no post meta": _resiliparse,
    "selectolax <p> text": _selectolax_paragraphs,
}


# -- the article-extraction benchmark's metric (upstream evaluate.py, restated) -----------------
def _shingles(text: str, n: int = 4) -> Counter:
    tokens = re.findall(r"\w+", text.lower())
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def shingle_scores(pairs: list[tuple[str, str]]) -> dict:
    """Macro precision and recall over pages (normalised tp/fp/fn), F1 of the two averages."""
    precisions, recalls = [], []
    for truth, pred in pairs:
        t, p = _shingles(truth), _shingles(pred)
        tp = sum((t & p).values())
        fp, fn = sum((p - t).values()), sum((t - p).values())
        total = tp + fp + fn
        if total == 0:
            continue
        tp, fp, fn = tp / total, fp / total, fn / total
        if tp + fp > 0:
            precisions.append(tp / (tp + fp))
        recalls.append(tp / (tp + fn) if tp + fn else 0.0)
    prec = stats.fmean(precisions) if precisions else 0.0
    rec = stats.fmean(recalls) if recalls else 0.0
    return {"f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0, "precision": prec,
            "recall": rec}


def _time(fn: Callable[[bytes], str], pages: list[bytes]) -> tuple[list[str], list[float]]:
    texts, times = [], []
    for page in pages:
        start = time.perf_counter()
        try:
            text = fn(page)
        except Exception:  # noqa: BLE001 - a candidate that crashes on a page scores it empty
            text = ""
        times.append(time.perf_counter() - start)
        texts.append(text)
    return texts, times


def benchmark_texts(path: Path) -> dict[str, str]:
    """The benchmark's hand-checked article texts, by page id, in id order."""
    truth = json.loads((path / "ground-truth.json").read_text(encoding="utf-8"))
    return {i: truth[i]["articleBody"] for i in sorted(truth)}


def benchmark(path: Path) -> tuple[list[bytes], list[str]]:
    texts = benchmark_texts(path)
    pages = [gzip.decompress((path / "html" / f"{i}.html.gz").read_bytes()) for i in texts]
    return pages, list(texts.values())


# -- figures from the candidate's text against known figures ------------------------------------
def _figures(text: str, published, outlet: str | None) -> set[tuple]:
    from pipelines.extract import extract_figures

    return {(f.metric, float(f.value), f.qualifier, f.claimant_class)
            for f in extract_figures(text, published=published, outlet=outlet)}


_NUMBER = re.compile(r"\d[\d,.]*")


def kept_leaked_lost(pairs: list[tuple[str, str]]) -> dict:
    """Figures (metric, value) and digit numbers of the candidate's text against the ground
    truth's, summed over pages: kept, leaked (only in the candidate: boilerplate that reached
    the extractor) and lost (only in the truth: article text the candidate dropped)."""
    from pipelines.extract import extract_figures

    out = Counter()
    for truth, pred in pairs:
        for kind, count in (("figures", lambda t: Counter((f.metric, f.value)
                                                          for f in extract_figures(t))),
                            ("numbers", lambda t: Counter(_NUMBER.findall(t)))):
            t, p = count(truth), count(pred)
            out[f"{kind}_kept"] += sum((t & p).values())
            out[f"{kind}_leaked"] += sum((p - t).values())
            out[f"{kind}_lost"] += sum((t - p).values())
    return dict(out)


def _pr(found: int, extracted: int, planted: int) -> dict:
    return {"precision": found / extracted if extracted else 0.0,
            "recall": found / planted if planted else 0.0, "extracted": extracted,
            "planted": planted}


def corpus_scores(fn, corpus: Path, limit: int) -> dict:
    import polars as pl

    from pipelines.lib.articles import parse_html

    truth = pl.read_parquet(corpus / "truth" / "*.parquet")
    pages = sorted((corpus / "inbox").rglob("*.html"))[:limit]
    found = extracted = planted = 0
    elapsed = 0.0
    for page in pages:
        data = page.read_bytes()
        meta = parse_html(data)  # date and outlet as the pipeline reads them, same for all
        start = time.perf_counter()
        text = fn(data)
        elapsed += time.perf_counter() - start
        want = {(m, v, q, c) for m, v, q, c in truth.filter(
            pl.col("article_index") == int(page.stem)).select(
            "metric", "value", "qualifier", "claimant_class").iter_rows()}
        got = _figures(text, meta.published, meta.outlet)
        found, extracted, planted = found + len(got & want), extracted + len(got), \
            planted + len(want)
    return {**_pr(found, extracted, planted), "ms_per_page": 1000 * elapsed / len(pages),
            "pages": len(pages)}


def sample_scores(fn) -> dict:
    from datetime import date

    found = extracted = planted = leaks = 0
    pages = sorted(SAMPLES.glob("articles/*.html")) + sorted(SAMPLES.glob("feeds/pages/*.html"))
    for page in pages:
        notes = yaml.safe_load((SAMPLES / "annotations" / f"{page.stem}.yaml").read_text())
        text = fn(page.read_bytes())
        want = {(f["metric"], float(f["value"]), f["qualifier"], f["claimant_class"])
                for f in notes["figures"]}
        got = _figures(text, date.fromisoformat(notes["published"]), notes["outlet"])
        found, extracted, planted = found + len(got & want), extracted + len(got), \
            planted + len(want)
        leaks += sum(1 for b in notes.get("boilerplate_numbers") or [] if b in text)
    return {**_pr(found, extracted, planted), "boilerplate_leaked": leaks, "pages": len(pages)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipelines.bench.html_extractors")
    parser.add_argument("--benchmark", type=Path, help="article-extraction benchmark folder")
    parser.add_argument("--corpus", type=Path, help="a bench corpus (default: 400 generated)")
    parser.add_argument("--pages", type=int, default=400, help="corpus pages to score")
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "data_lake" / "bench")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus
        if corpus is None:
            from pipelines.bench.corpus import generate

            corpus = Path(tmp) / "corpus"
            generate(corpus, args.pages, seed=11, workers=1)
        bench = benchmark(args.benchmark) if args.benchmark else None
        results = {}
        for name, fn in CANDIDATES.items():
            row: dict = {"corpus": corpus_scores(fn, corpus, args.pages),
                         "samples": sample_scores(fn)}
            if bench:
                texts, times = _time(fn, bench[0])
                pairs = list(zip(bench[1], texts, strict=True))
                row["benchmark"] = {**shingle_scores(pairs), **kept_leaked_lost(pairs),
                                    "ms_mean": 1000 * stats.fmean(times),
                                    "ms_median": 1000 * stats.median(times),
                                    "empty": sum(1 for t in texts if not t.strip())}
            results[name] = row
            print(_line(name, row), flush=True)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "html-extractors.json").write_text(json.dumps(results, indent=1))
    return 0


def _line(name: str, row: dict) -> str:
    c, s, b = row["corpus"], row["samples"], row.get("benchmark")
    out = (f"{name:<48} corpus {c['ms_per_page']:6.2f} ms/page P {c['precision']:.3f} "
           f"R {c['recall']:.3f} | samples P {s['precision']:.3f} R {s['recall']:.3f} "
           f"leaks {s['boilerplate_leaked']}")
    if b:
        out += (f" | benchmark F1 {b['f1']:.3f} P {b['precision']:.3f} R {b['recall']:.3f} "
                f"{b['ms_mean']:.1f} ms/page (median {b['ms_median']:.1f}) empty {b['empty']}; "
                f"figures kept/leaked/lost {b['figures_kept']}/{b['figures_leaked']}/"
                f"{b['figures_lost']}, numbers {b['numbers_kept']}/{b['numbers_leaked']}/"
                f"{b['numbers_lost']}")
    return out


if __name__ == "__main__":
    raise SystemExit(main())
