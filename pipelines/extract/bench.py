"""Throughput benchmark: `python -m pipelines.extract.bench [--mb 20] [--seed 7]`.

Builds a deterministic corpus of article-like text from templates (about a quarter of the
sentences carry numbers, as in wire reporting on the war), then times in the same run:

- the floor: one plain regex scan of the whole corpus for digits and number words, the least
  work any extractor has to do;
- the extractor, article by article, as the pipeline calls it.

Prints MB/s of both and their ratio. The target is at least 2 MB/s per core for the extractor.

With `--benchmark PATH` (the article-extraction benchmark's folder) it also times both on that
benchmark's hand-checked article texts, real reporting on every subject, read over until they
make about 5 MB: far fewer figures per KB than the generated corpus, whose density is that of
war reporting on purpose.
"""

from __future__ import annotations

import argparse
import random
import re
import time
from datetime import date
from pathlib import Path

from pipelines.bench.html_extractors import benchmark_texts
from pipelines.extract import extract_figures

FLOOR_RE = re.compile(
    r"\d+|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|"
    r"hundred|thousand|million|half|third|quarter|fifth)\b",
    re.IGNORECASE,
)

PLACES = ["Gaza", "Rafah", "Khan Younis", "Jabalia", "Deir al-Balah", "Nuseirat", "Beit Hanoun",
          "southern Israel", "the Gaza Strip", "northern Gaza"]
CLAIMANTS = ["the Hamas-run health ministry", "the IDF", "the Israeli military", "an Israeli "
             "official", "the UN humanitarian office", "UNRWA", "the Government Media Office",
             "Hamas", "the White House", "the World Health Organization", "Egyptian officials"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["October", "November", "December", "January", "February", "March"]
PEOPLE = ["people", "Palestinians", "civilians", "children", "women", "soldiers", "gunmen",
          "hostages", "prisoners", "aid workers", "journalists"]
QUALS = ["", "about ", "more than ", "at least ", "nearly ", "some ", "up to ", "over "]
PLAIN = [
    "The talks in {city} resumed after mediators from Qatar and Egypt presented a new outline.",
    "Residents described a night of heavy bombardment and said the power had been cut again.",
    "The prime minister's office declined to comment on the report.",
    "Aid groups have warned for weeks that the humanitarian situation is deteriorating quickly.",
    "Officials in {city} said the crossing would reopen once security checks were completed.",
    "The cabinet met late into the night to discuss the negotiations and the next phase.",
    "Families of the captives rallied outside the defense ministry in Tel Aviv on {day}.",
    "“We are doing everything we can,” the spokesman told reporters in {city}.",
    "The army said troops were operating in {place} and had located weapons and tunnel shafts.",
    "Images shared on social media showed long lines outside a bakery in {place}.",
    "Speaking at a press conference late on {day}, the minister said that the government would "
    "continue to pursue its goals while working with mediators to bring the captives home.",
    "The United Nations has repeatedly warned that the offensive in {place} would have "
    "devastating consequences for civilians who have nowhere else to go.",
    "Diplomats familiar with the talks said the sides remained far apart on the sequencing of "
    "a ceasefire and on guarantees that the fighting would not resume afterwards.",
]
NUMERIC = [
    "{q}{n} {people} have been killed in {place} since October 7, according to {claimant}.",
    "{claimant_cap} said on {day} that {q}{n} people had been wounded in {place}.",
    "The death toll in {place} rose to {n}, {claimant} said.",
    "{claimant_cap} says {q}{n} hostages remain in Gaza, {m} of whom are believed dead.",
    "Under the deal, {n} hostages would be freed in exchange for {n2} Palestinian prisoners.",
    "Between {m} and {m2} trucks entered through the crossing on {day}, {claimant} said.",
    "The {n}-page report, published in {year}, lists {m} incidents at {m2} sites.",
    "{q}{n2} people are sheltering in {place}, where {m} schools have been turned into shelters.",
    "Two hundred and {small} soldiers have been killed in the ground offensive.",
    "About a fifth of the {n} remaining captives are dead, {claimant} said on {day}.",
    "The strike in {place} killed {m}, including {small} children, witnesses said.",
    "More than half of Gaza’s 2.3 million people have fled to {place}.",
    "In {month}, {q}{n} {people} were reported missing in {place}.",
    "Channel 12 said {m} rockets were fired at {place} at 10:30 p.m. on {day}.",
]


def corpus(mb: float, seed: int = 7) -> list[str]:
    """Deterministic articles totalling about `mb` megabytes of UTF-8 text."""
    rnd = random.Random(seed)
    target = int(mb * 1_000_000)
    articles, size = [], 0
    while size < target:
        paras = []
        for _ in range(rnd.randint(8, 20)):
            sents = []
            for _ in range(rnd.randint(1, 4)):
                template = rnd.choice(NUMERIC if rnd.random() < 0.25 else PLAIN)
                claimant = rnd.choice(CLAIMANTS)
                sents.append(template.format(
                    q=rnd.choice(QUALS), n=f"{rnd.randint(100, 40000):,}",
                    n2=rnd.randint(50, 3000), m=rnd.randint(2, 90), m2=rnd.randint(91, 400),
                    small=rnd.choice(["seven", "twenty-one", "thirty-three", "nine"]),
                    people=rnd.choice(PEOPLE), place=rnd.choice(PLACES),
                    city=rnd.choice(PLACES), day=rnd.choice(DAYS), month=rnd.choice(MONTHS),
                    year=rnd.randint(2014, 2024), claimant=claimant,
                    claimant_cap=claimant[0].upper() + claimant[1:]))
            paras.append(" ".join(sents))
        text = "Headline about the war in " + rnd.choice(PLACES) + "\n\n" + "\n\n".join(paras)
        articles.append(text)
        size += len(text.encode("utf-8"))
    return articles


def size_mb(articles: list[str]) -> float:
    return sum(len(a.encode("utf-8")) for a in articles) / 1_000_000


def measure(articles: list[str], size: float) -> tuple[float, float, int, int]:
    """(floor MB/s, extractor MB/s, number tokens, figures) over `articles` (`size` MB), timed
    in turn."""
    t0 = time.perf_counter()
    hits = sum(1 for a in articles for _ in FLOOR_RE.finditer(a))
    floor_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    figures = sum(len(extract_figures(a, published=date(2024, 2, 8), outlet="Bench Wire"))
                  for a in articles)
    extract_s = time.perf_counter() - t0
    return size / floor_s, size / extract_s, hits, figures


def report(name: str, articles: list[str]) -> None:
    size = size_mb(articles)
    floor_rate, extract_rate, hits, figures = measure(articles, size)
    print(f"{name:<10} {size:8.2f} MB in {len(articles)} articles "
          f"({figures / size / 1000:.3f} figures per KB)")
    print(f"floor      {floor_rate:8.2f} MB/s  ({hits} number tokens)")
    print(f"extractor  {extract_rate:8.2f} MB/s  ({figures} figures)")
    print(f"ratio      {extract_rate / floor_rate:8.3f}  (extractor / floor)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m pipelines.extract.bench")
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (default 20)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--benchmark", type=Path, help="article-extraction benchmark folder")
    args = parser.parse_args(argv)
    report("corpus", corpus(args.mb, args.seed))
    if args.benchmark:
        texts = list(benchmark_texts(args.benchmark).values())
        report("benchmark", texts * max(1, round(5 / size_mb(texts))))


if __name__ == "__main__":
    main()
