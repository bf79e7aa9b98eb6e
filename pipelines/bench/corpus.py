"""A deterministic, seeded corpus of news pages whose figures are known, for `make bench`.

Why: the speed targets (300,000 articles a day on 2 cores) can only be measured on a day's worth
of pages, and a fast run is only worth something if it is still right. So every page is built
from sentence templates whose figure (metric, value, qualifier, claimant class) is written to a
truth table beside it, and the bench scores the warehouse against that table at every size.

Article `i` depends only on (seed, i), so a corpus can be generated in parallel chunks and grown
by 1% (indices N..N+N/100) without touching the pages already written. Each page looks like a
real news page: head metadata, navigation, a photo caption, related links, share widgets, a
comment section and a footer, all carrying numbers that are *not* claims of the article (the
HTML-to-text stage must drop them), around 3-10 KB of body text.

Layout under the output folder:
  inbox/<outlet>/<index>.html     the pages (what is dropped in the inbox)
  feeds/<outlet>-<chunk>.xml      RSS feeds listing them (links relative to the feed)
  statistics/tfp-<k>.json         TechForPalestine-format daily series
  truth/part-<chunk>.parquet      one row per planted figure
"""

from __future__ import annotations

import argparse
import html
import json
import multiprocessing
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import polars as pl

CHUNK = 1000  # articles per truth file and per feed file
FIRST_DAY = date(2023, 10, 10)
DAYS = 720

OUTLETS = [
    ("The Levant Ledger", "levantledger.example"),
    ("Meridian Wire", "meridianwire.example"),
    ("Al-Sahel Daily", "alsaheldaily.example"),
    ("Jerusalem Courier", "jerusalemcourier.example"),
    ("Harbour Post", "harbourpost.example"),
    ("The Eastern Gazette", "easterngazette.example"),
]

# claimant class -> ways a page names that claimant
CLAIMANTS = {
    "gaza_health": ["The Gaza Health Ministry", "The Hamas-run health ministry",
                    "Gaza's health ministry"],
    "gaza_gmo": ["The Government Media Office in Gaza"],
    "israel_military": ["The Israeli military", "The IDF"],
    "israel_gov": ["Israel's prime minister's office"],
    "un": ["The UN humanitarian office"],
}

QUALIFIERS = {"": "exact", "more than ": "more_than", "at least ": "at_least",
              "about ": "approx", "nearly ": "nearly"}


@dataclass(frozen=True)
class Template:
    text: str  # {c}: claimant, {q}: qualifier words, {n}: the number as printed
    metric: str
    classes: tuple[str, ...] | None  # claimant classes that may say it; None: fixed claimant
    low: int
    high: int
    claimant: tuple[str, str] | None = None  # (words, class) when the claimant is fixed
    millions: bool = False  # printed as "1.7 million"


TEMPLATES = [
    Template("{c} said {q}{n} people have been killed since October 7.", "killed",
             ("gaza_health", "gaza_gmo"), 5_000, 70_000),
    Template("{c} said {q}{n} children have been killed.", "killed_children",
             ("gaza_health", "gaza_gmo"), 2_000, 20_000),
    Template("{c} said {q}{n} women have been killed.", "killed_women",
             ("gaza_health", "gaza_gmo"), 1_000, 12_000),
    Template("{c} said {q}{n} people have been wounded since the war began.", "injured",
             ("gaza_health",), 10_000, 160_000),
    Template("{c} said {q}{n} people are missing under the rubble.", "missing",
             ("gaza_health", "gaza_gmo"), 1_000, 11_000),
    Template("{c} said {q}{n} people were abducted on October 7.", "abducted",
             ("israel_military", "israel_gov"), 240, 253),
    Template("{c} said {q}{n} hostages remain in Gaza.", "hostages_remaining",
             ("israel_gov",), 20, 136),
    Template("{c} said {q}{n} soldiers have been killed in the ground offensive.",
             "soldiers_killed", ("israel_military",), 100, 900),
    Template("{c} said {q}{n} people have been displaced in Gaza.", "displaced", ("un",),
             10, 19, millions=True),
    Template("{c} said {q}{n} journalists have been killed.", "journalists_killed", None, 20, 250,
             claimant=("The Committee to Protect Journalists", "other")),
    Template("{c} said {q}{n} of its staff members have been killed.", "aid_workers_killed",
             None, 50, 380, claimant=("UNRWA", "un")),
    Template("{c} said {q}{n} health workers have been killed.", "medics_killed", None, 100, 1500,
             claimant=("The World Health Organization", "un")),
]

FILLER = [
    "Residents described a night of heavy bombardment and said the power had been cut again.",
    "The prime minister's office declined to comment on the report.",
    "Aid groups have warned for weeks that the humanitarian situation is deteriorating.",
    "Officials in {place} said the crossing would reopen once security checks were completed.",
    "The cabinet met late into the night to discuss the negotiations and the next phase.",
    "Families of the captives rallied outside the defense ministry in Tel Aviv.",
    "The army said troops were operating in {place} and had located weapons and tunnel shafts.",
    "Images shared on social media showed long lines outside a bakery in {place}.",
    "Mediators from Qatar and Egypt presented a new outline to both delegations.",
    "Diplomats familiar with the talks said the sides remained far apart on the sequencing of "
    "a ceasefire and on guarantees that the fighting would not resume afterwards.",
    "Doctors at the remaining hospitals in {place} described shortages of fuel, anaesthetics "
    "and clean water, and said patients were being treated on the floor of corridors.",
    "Speaking to reporters, the foreign minister urged all parties to return to the table and "
    "to allow humanitarian convoys to move freely through {place}.",
    "Satellite images reviewed by analysts showed widespread damage to farmland and "
    "greenhouses on the outskirts of {place}.",
    "Shopkeepers in {place} said prices for flour and cooking gas had risen sharply again.",
]

PLACES = ["Rafah", "Khan Younis", "Jabalia", "Deir al-Balah", "Nuseirat", "Beit Hanoun",
          "Gaza City", "Beit Lahia", "Bureij", "Maghazi"]

HEADLINES = ["Talks resume as strikes continue in {place}", "Aid convoys stall near {place}",
             "Families in {place} brace for another night", "Toll climbs as fighting spreads "
             "to {place}", "Mediators press for a pause in {place}"]

# Numbers in page furniture: every one of them must stay out of the article text.
COMMENTS = ["The {n} killed deserve justice.", "Shared {n} times.",
            "I have read this {n} times and still cannot believe it.",
            "Over {n} people marched in my town last weekend."]
RELATED = ["Live: day {n} of the war", "Explainer: the {n} crossings into Gaza",
           "In pictures: {n} days of displacement", "Opinion: {n} reasons the talks stalled"]


# Claimants disagree a little: the same day's tally, a few percent apart.
LEAN = {"gaza_gmo": 1.03, "israel_gov": 0.97}


def claimed_value(tpl: Template, cls: str, published: date, stale: bool) -> int:
    """What a claimant says on a day: its running tally, the same in every article of that day.

    Real reporting repeats each claimant's figure of the day across many outlets (that is why
    mentions are merged into claims), rising over the war (hostages still held fall); one
    article in ten still quotes the day before. Drawing a fresh random value per article
    instead would make nearly every mention a claim of its own and every pair a dispute.
    """
    day = max(0, (published - FIRST_DAY).days - (1 if stale else 0))
    share = day / (DAYS - 1)
    if tpl.metric == "hostages_remaining":
        share = 1 - share
    return max(1, round((tpl.low + (tpl.high - tpl.low) * share) * LEAN.get(cls, 1.0)))


def _number(value: int, millions: bool) -> str:
    return f"{value / 10:.1f} million" if millions else f"{value:,}"


def article(seed: int, index: int) -> tuple[str, str, list[dict]]:
    """(relative path, page HTML, planted figures) of article `index`; depends on both only."""
    rnd = random.Random(f"{seed}:{index}")
    outlet, host = OUTLETS[rnd.randrange(len(OUTLETS))]
    slug = outlet.lower().replace(" ", "-").replace("the-", "")
    published = FIRST_DAY + timedelta(days=rnd.randrange(DAYS))
    url = f"https://{host}/news/{published:%Y/%m/%d}/story-{index}"
    place = rnd.choice(PLACES)
    title = rnd.choice(HEADLINES).format(place=place)
    target = rnd.randint(3_000, 10_000)
    paras, figures, size, used = [], [], 0, set()
    while size < target:
        sents = [rnd.choice(FILLER).format(place=rnd.choice(PLACES))
                 for _ in range(rnd.randint(2, 4))]
        if rnd.random() < 0.7:
            tpl = rnd.choice(TEMPLATES)
            if tpl.metric not in used:  # one figure per metric keeps hostage counts consistent
                used.add(tpl.metric)
                if tpl.claimant:
                    words, cls = tpl.claimant
                else:
                    cls = rnd.choice(tpl.classes)
                    words = rnd.choice(CLAIMANTS[cls])
                q = rnd.choice(list(QUALIFIERS))
                value = claimed_value(tpl, cls, published, stale=rnd.random() < 0.1)
                surface = _number(value, tpl.millions)
                sents.insert(rnd.randrange(len(sents) + 1),
                             tpl.text.format(c=words, q=q, n=surface))
                figures.append({
                    "url": url, "article_index": index, "metric": tpl.metric,
                    "value": float(value * 100_000 if tpl.millions else value),
                    "qualifier": QUALIFIERS[q], "claimant_class": cls,
                    "surface": (q + surface).strip(),
                })
        para = " ".join(sents)
        paras.append(para)
        size += len(para) + 1
    page = _page(rnd, outlet, url, title, published, paras)
    return f"inbox/{slug}/{index:07d}.html", page, figures


def _page(rnd: random.Random, outlet: str, url: str, title: str, published: date,
          paras: list[str]) -> str:
    e = html.escape
    author = rnd.choice(["Omar Khalil", "Dana Levi", "Sara Haddad", "Noam Peretz", "Lina Aziz"])
    n = rnd.randint
    body = "\n".join(f"<p>{e(p)}</p>" for p in paras)
    comments = "".join(f'<div class="comment"><p class="who">reader{n(1, 999)}</p>'
                       f"<p>{e(rnd.choice(COMMENTS).format(n=f'{n(2, 60_000):,}'))}</p></div>"
                       for _ in range(rnd.randint(1, 5)))
    related = "".join(f'<li><a href="/r/{n(1, 99_999)}">'
                      f"{e(rnd.choice(RELATED).format(n=n(2, 700)))}</a></li>" for _ in range(4))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{e(title)} | {e(outlet)}</title>
<link rel="canonical" href="{e(url)}">
<meta property="og:site_name" content="{e(outlet)}">
<meta property="og:title" content="{e(title)}">
<meta property="article:published_time" content="{published.isoformat()}T09:30:00Z">
<meta name="author" content="{e(author)}">
<script>window.dataLayer=[{{"page":"{n(1, 10**6)}","section":"world"}}];</script>
<style>.nav li{{display:inline}} .share{{float:right}}</style>
</head><body>
<header><nav class="nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/live">Live 24/7</a></li><li><a href="/newsletter">Newsletter</a></li>
<li><a href="/podcasts">Podcasts ({n(2, 40)} new)</a></li></ul></nav>
<div class="ticker">Markets: TA-35 {n(1500, 2500):,} | Brent ${n(60, 95)}.{n(10, 99)}</div></header>
<main><article>
<h1>{e(title)}</h1>
<p class="byline">By {e(author)} | {published:%d %B %Y}</p>
<div class="share"><a href="#">Share</a> <span>{n(10, 9_000):,} shares</span></div>
<figure><img src="/img/{n(1, 99_999)}.jpg" alt="">
<figcaption>People walk through {e(rnd.choice(PLACES))}. Image {n(2, 12)} of {n(13, 30)}.
</figcaption></figure>
{body}
</article>
<aside class="related"><h3>Related</h3><ul>{related}</ul></aside>
<section id="comments" class="comments"><h3>Comments ({n(1, 400)})</h3>{comments}</section>
</main>
<footer><p>&copy; {published.year} {e(outlet)}. {n(1, 200)} Harbour Road. All rights reserved.</p>
</footer>
</body></html>
"""


def _feed(outlet: str, host: str, items: list[tuple[str, str, str]]) -> str:
    rows = "".join(f"<item><title>{html.escape(t)}</title><link>../{html.escape(p)}</link>"
                   f"<guid isPermaLink=\"false\">{html.escape(u)}</guid></item>\n"
                   for p, t, u in items)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
            f"<title>{html.escape(outlet)}</title><link>https://{host}/</link>"
            f"<description>generated</description>\n{rows}</channel></rss>\n")


def write_chunk(out: Path, seed: int, start: int, stop: int) -> int:
    """Write articles [start, stop): pages, one feed file per outlet, one truth file."""
    figures, feeds, size = [], {}, 0
    for i in range(start, stop):
        rel, page, figs = article(seed, i)
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        data = page.encode("utf-8")
        path.write_bytes(data)
        size += len(data)
        figures += figs
        title = page.split("<title>", 1)[1].split(" | ", 1)[0]
        feeds.setdefault(rel.split("/")[1], []).append((rel, html.unescape(title),
                                                        figs[0]["url"] if figs else rel))
    (out / "feeds").mkdir(parents=True, exist_ok=True)
    for slug, items in feeds.items():
        outlet, host = next((o, h) for o, h in OUTLETS
                            if o.lower().replace(" ", "-").replace("the-", "") == slug)
        (out / "feeds" / f"{slug}-{start:07d}.xml").write_text(_feed(outlet, host, items))
    (out / "truth").mkdir(parents=True, exist_ok=True)
    pl.DataFrame(figures, schema=TRUTH_SCHEMA).write_parquet(
        out / "truth" / f"part-{start:07d}.parquet")
    return size


TRUTH_SCHEMA = {"url": pl.String, "article_index": pl.Int64, "metric": pl.String,
                "value": pl.Float64, "qualifier": pl.String, "claimant_class": pl.String,
                "surface": pl.String}


def statistics(seed: int, days: int = DAYS) -> str:
    """A TechForPalestine-format daily series (cumulative counts that never fall)."""
    rnd = random.Random(f"{seed}:statistics")
    killed = injured = children = 0
    rows = []
    for d in range(days):
        day = FIRST_DAY + timedelta(days=d)
        k = rnd.randint(20, 300)
        killed, injured, children = killed + k, injured + 3 * k, children + k // 3
        rows.append({"report_date": day.isoformat(), "report_source": "mohtel",
                     "report_period": 24, "killed": k, "killed_cum": killed,
                     "killed_children_cum": children, "injured_cum": injured})
    return "[\n" + ",\n".join(json.dumps(r) for r in rows) + "\n]\n"


def generate(out: Path, n: int, seed: int = 7, start: int = 0, workers: int = 2) -> int:
    """Write articles [start, start+n) and the statistics file under `out`; returns HTML bytes."""
    bounds = [(s, min(s + CHUNK, start + n)) for s in range(start, start + n, CHUNK)]
    (out / "statistics").mkdir(parents=True, exist_ok=True)
    (out / "statistics" / "tfp-gaza.json").write_text(statistics(seed))
    if workers <= 1 or len(bounds) <= 1:
        return sum(write_chunk(out, seed, a, b) for a, b in bounds)
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        return sum(pool.starmap(write_chunk, [(out, seed, a, b) for a, b in bounds]))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m pipelines.bench.corpus")
    parser.add_argument("out", type=Path)
    parser.add_argument("-n", type=int, default=1000, help="articles")
    parser.add_argument("--start", type=int, default=0, help="first article index")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    size = generate(args.out, args.n, args.seed, args.start, args.workers)
    print(f"{args.n} articles, {size / 1e6:.1f} MB of HTML under {args.out}")


if __name__ == "__main__":
    main()
