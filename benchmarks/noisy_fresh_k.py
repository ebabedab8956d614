"""A ninth fresh noisy-cluster set, K: real reporting and DUC 2007 text in an eleventh family of furniture.

    python benchmarks/noisy_fresh_k.py [--data ../shared/data] [--json FILE] [--show N] [--overlap] [--bare]

``--bare`` scores the same pages with no furniture (the headline and the body
only), as ``noisy_fresh_j.py --bare`` does.

Written and labelled in session s16 (2026-12-06) *before* any of that
session's rules, frozen then and kept aside: scored on main once before the
session's changes and once after them, its totals and kinds only; no page of
it is read to find a rule. It is built as J is, with other clusters and other
furniture:

- **articles**: the true bodies a person marked on the 77 English pages of
  ``../shared/data/web-pages/`` (each paragraph a line of reporting, DUC's wire
  residue rule setting bare two-word lines and capitalised subheads aside; the
  headline the page's ``og:title``), and, as a third part, four documents of
  each DUC 2007 update cluster of set B (the ten ``-B`` rows, drawn with this
  set's seed; no headline);
- **clusters**: each half of the pages (the line model's train half, keys
  0-7, and its held-out half) drawn into clusters of *four* with this set's
  seed (J drew fives), and the DUC part one cluster per row;
- **furniture**: family ``K``, templates written for this set, sharing no word
  4-gram with A-J (``--overlap``), of kinds no earlier set had: pull quotes
  (a sentence of the article set again in quotation marks), print-edition
  notes, a newsroom assistant's box, an automated summary's label, betting
  odds with their responsible-gambling line, location prompts, reading
  progress, pagination, app banners, transcript toggles, editors' picks
  (other stories' headlines and ledes), error-report links, live tickers,
  readers' funding counters, blocked embeds, a date strip and a masthead
  tagline, and a sidebar of several of them flattened into the article;
- **page shapes**: a top strip above the masthead on most pages, pieces in a
  drawn share of the gaps (one or two at once), a pull quote on a quarter of
  the pages, the sidebar set whole between two paragraphs on a third, blocks
  joined by single newlines on a third of the pages, some hard-wrapped.

The labels are the templates' kinds (``Line.kind``), written as the page is
built; scored as ``noisy_clusters.py`` scores.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fresh_pages import TemplatePageMaker, build_fresh, fresh_set_main  # noqa: E402
from noisy_clusters import WRAPPED_SHARE, NoisyCluster  # noqa: E402
from noisy_fresh_j import bare, web_page_clusters  # noqa: E402
from noisy_pages import DAYS, HEADLINE, Line  # noqa: E402

MIN_DENSITY, MAX_DENSITY = 0.2, 0.55  # share of a page's gaps between paragraphs that get a piece
DOUBLE_SHARE = 0.2  # of the gaps that get furniture, those that get two pieces
SIDEBAR_SHARE = 0.33  # pages with a whole sidebar flattened between two paragraphs
PULL_QUOTE_SHARE = 0.25  # pages with one of their own sentences set again as a pull quote
CLUSTER_SIZE = 4
SEED = "fresh-k"
DUC_ROWS_SUFFIX = "-B"  # the DUC 2007 update rows of set B
DUC_PAGES = 4

K_TEMPLATES: dict[str, list[str]] = {
    "outlets": [
        "Harrowfield Courier-Tribune",
        "The Ostwick Ledger",
        "Penmarric Public Radio",
        "The Vellacott Standard",
        "Grindlewood Bay Bulletin",
        "Northrigg Evening Mail",
    ],
    "taglines": [
        "{outlet} — independent since {founded}",
        "Serving {city} and the valley for {age} years",
        "Local news you can count on",
    ],
    "date_strips": ["{day}, {d} {month} {year}", "{day} {month} {d} · {temp}°", "Today's edition: {month} {d}"],
    "bylines": [
        "Words by {author} | Edited by {author2}",
        "{author} reports for the {desk} desk",
        "By {author} — {mins} minutes ago",
    ],
    "live": [
        "LIVE",
        "{n} new posts since you arrived — tap to refresh",
        "Pinned by the editor",
        "Live coverage has ended",
    ],
    "print_notes": [
        "An earlier form of the story ran in {day}'s paper, page {page}.",
        "This piece appeared in print under the headline “{headline}”",
        "Print edition: {section}, page {page}",
    ],
    "assistant": [
        "Ask our newsroom assistant a question about this story",
        "Answers are written by software and can be wrong; check them against the reporting.",
        "Try asking: who is involved?",
        "Powered by {brand} language tools",
    ],
    "summary_labels": [
        "Quick summary, produced with automated tools and checked by an editor",
        "Show the full summary ▾",
        "Was this summary useful? 👍 👎",
    ],
    "odds": [
        "Odds supplied by {brand}Bet · 21+ · T&Cs apply",
        "Gambling problem? Call 1-800-{phone4} for free, confidential help.",
        "Place a bet",
        "Lines move fast: latest prices at {brand}Bet",
    ],
    "location": [
        "Set your location to see news near you",
        "Showing stories for {city} · Change",
        "Use my current location",
    ],
    "progress": ["{pct}% through · about {mins} minutes left", "You're {pct}% of the way through"],
    "pagination": [
        "Page {n} of {m}",
        "Continue to the next page ›",
        "« Previous page",
        "Read the whole story on one page",
    ],
    "app": [
        "Open this story in the {outlet} app",
        "Point your camera at the code to keep reading on your phone",
        "Available on iOS and Android",
        "Get an alert whenever we publish on {person}",
    ],
    "transcript": [
        "Show transcript",
        "Transcript was generated automatically and may contain errors",
        "Captions: on · off",
    ],
    "picks_labels": ["Editors' selections", "Picked for you by our editors", "Before you go"],
    "report_error": [
        "Suggest a correction",
        "See an error in this story? Tell the standards desk",
        "Read our corrections policy",
        "How we check facts before we publish",
    ],
    "funding": [
        "{n},{m3} readers chipped in this month. Will you?",
        "We're {pct}% of the way to our winter goal",
        "Chip in $5",
    ],
    "embeds": [
        "This embedded content could not load. Allow third-party content to view it.",
        "Content from {brand} is hidden by your privacy settings",
        "Tap to load the interactive map",
    ],
    "foot_links": [
        "Licensing and syndication",
        "Send us your photos",
        "Manage consent preferences",
        "Staff directory",
        "Delivery questions? {phone}",
        "Ethics and standards",
        "{outlet} belongs to the {brand} group of titles",
        "Terms of sale",
    ],
}
AUTHORS = ["Halima Osei", "Torin McAllister", "Svetlana Rusu", "Ignacio Beltrán", "Wren Castellano", "Ade Okafor"]
DESKS = ["metro", "courts", "statehouse", "climate", "money", "health"]
BRANDS = ["Lumenfield", "Stakewise", "Corvel", "Parlance", "Brookmere"]
CITIES = ["Eastbourne", "Spokane", "Ballarat", "Moncton", "Inverness", "Fresno"]
MONTHS = ["February", "April", "June", "August", "October", "December"]
SECTIONS = ["Front page", "Region", "Business", "Arts", "Sport", "Opinion"]


class FreshKPageMaker(TemplatePageMaker):
    """Builds a page of family K."""

    templates = K_TEMPLATES

    def values(self, ctx: dict[str, object]) -> dict[str, object]:
        r = self.rng
        people = ctx["people"]
        assert isinstance(people, list)
        author = str(ctx["author"])
        return {
            "outlet": str(ctx["outlet"]).removeprefix("The "),
            "author": author,
            "author2": r.choice([a for a in AUTHORS if a != author]),
            "desk": r.choice(DESKS),
            "brand": r.choice(BRANDS),
            "city": r.choice(CITIES),
            "section": r.choice(SECTIONS),
            "person": r.choice(people) if people else r.choice(AUTHORS),
            "headline": r.choice(self.headlines) if self.headlines else "Today's top stories",
            "founded": str(r.randint(1840, 1990)),
            "age": str(r.randint(20, 160)),
            "temp": str(r.randint(-5, 35)),
            "day": r.choice(DAYS),
            "month": r.choice(MONTHS),
            "d": str(r.randint(1, 28)),
            "year": str(r.randint(2016, 2021)),
            "mins": str(r.randint(2, 40)),
            "pct": str(r.randint(5, 95)),
            "n": str(r.randint(1, 9)),
            "m": str(r.randint(2, 12)),
            "m3": f"{r.randint(0, 999):03d}",
            "page": f"{r.choice('ABCD')}{r.randint(1, 24)}",
            "phone4": f"{r.randint(100, 999)}-{r.randint(1000, 9999)}",
            "phone": f"({r.randint(200, 999)}) {r.randint(200, 999)}-{r.randint(1000, 9999)}",
        }

    def sample(self, key: str, kind: str, ctx: dict[str, object], low: int, high: int) -> list[Line]:
        """Between ``low`` and ``high`` of ``key``'s templates, each once, in their order."""
        count = self.rng.randint(low, min(high, len(K_TEMPLATES[key])))
        chosen = sorted(self.rng.sample(range(len(K_TEMPLATES[key])), count))
        return [Line(self.fill(K_TEMPLATES[key][i], ctx), kind) for i in chosen]

    def picks(self, ctx: dict[str, object]) -> list[Line]:
        """Editors' picks: a label, then other stories, each a headline, its lede under it or not."""
        r = self.rng
        lines = self.pick("picks_labels", "picks", ctx)
        for _ in range(r.randint(2, 4)):
            if self.headlines:
                lines.append(Line(r.choice(self.headlines), "picks"))
            if self.ledes and r.random() < 0.5:
                lines.append(Line(r.choice(self.ledes), "other_story"))
        return lines

    def sidebar(self, ctx: dict[str, object]) -> list[Line]:
        """A sidebar flattened whole into the article: two or three of its boxes in a row."""
        boxes = [self.picks, self.odds, self.location, self.funding, self.app_banner]
        chosen = self.rng.sample(boxes, self.rng.randint(2, 3))
        return [x for box in chosen for x in box(ctx)]

    def odds(self, ctx: dict[str, object]) -> list[Line]:
        return self.sample("odds", "odds", ctx, 2, 4)

    def location(self, ctx: dict[str, object]) -> list[Line]:
        return self.sample("location", "location", ctx, 1, 2)

    def funding(self, ctx: dict[str, object]) -> list[Line]:
        return self.sample("funding", "funding", ctx, 1, 3)

    def app_banner(self, ctx: dict[str, object]) -> list[Line]:
        return self.sample("app", "app", ctx, 1, 3)

    def pull_quote(self, paragraphs: list[str]) -> list[Line]:
        """One of the article's own sentences, of 8 to 30 words and no quotation mark, in quotation marks."""
        from chorus.segment import split_sentences

        sentences = [
            s
            for p in paragraphs
            for s in split_sentences(p)
            if 8 <= len(s.split()) <= 30 and not any(q in s for q in '"“”')
        ]
        return [Line(f"“{self.rng.choice(sentences)}”", "pull_quote")] if sentences else []

    def piece(self, ctx: dict[str, object]) -> list[Line]:
        """One piece of furniture between two paragraphs."""
        r = self.rng
        kind = r.choice(["assistant", "summary", "embed", "embed", "transcript", "picks", "picks", "progress"])
        kind = r.choice([kind, kind, "odds", "location", "funding", "app", "report_error", "print"])
        if kind == "assistant":
            return self.sample("assistant", kind, ctx, 1, 3)
        if kind == "summary":
            return self.sample("summary_labels", kind, ctx, 1, 2)
        if kind == "embed":
            return self.pick("embeds", kind, ctx)
        if kind == "transcript":
            return self.sample("transcript", kind, ctx, 1, 2)
        if kind == "picks":
            return self.picks(ctx)
        if kind == "progress":
            return self.pick("progress", kind, ctx)
        if kind == "odds":
            return self.odds(ctx)
        if kind == "location":
            return self.location(ctx)
        if kind == "funding":
            return self.funding(ctx)
        if kind == "app":
            return self.app_banner(ctx)
        if kind == "report_error":
            return self.sample("report_error", kind, ctx, 1, 2)
        return self.pick("print_notes", "print_note", ctx)

    def page(self, paragraphs: list[str], headline: str | None) -> tuple[list[Line], str, bool]:
        r = self.rng
        ctx = self.page_context(paragraphs, AUTHORS)
        lines: list[Line] = []
        if r.random() < 0.6:
            lines += self.pick("date_strips", "date_strip", ctx)
        if r.random() < 0.3:
            lines += self.location(ctx)
        if r.random() < 0.7:
            lines.append(Line(str(ctx["outlet"]), "masthead"))
            if r.random() < 0.4:
                lines += self.pick("taglines", "masthead", ctx)
        if r.random() < 0.2:
            lines += self.sample("live", "live", ctx, 1, 2)
        if headline:
            lines.append(Line(headline, HEADLINE))
        if r.random() < 0.6:
            lines += self.pick("bylines", "byline", ctx)
        if r.random() < 0.25:
            lines += self.pick("progress", "progress", ctx)
        if r.random() < 0.25:
            lines += self.sample("summary_labels", "summary", ctx, 1, 2)
        density = r.uniform(MIN_DENSITY, MAX_DENSITY)
        last_gap = max(1, len(paragraphs) - 2)
        sidebar_at = r.randint(1, last_gap) if r.random() < SIDEBAR_SHARE else -1
        quote_at = r.randint(0, last_gap) if r.random() < PULL_QUOTE_SHARE else -1

        def gap(i: int) -> list[Line]:
            pieces = []
            if i == quote_at:
                pieces += self.pull_quote(paragraphs)
            if i == sidebar_at:
                return pieces + self.sidebar(ctx)
            if r.random() < density:
                pieces += self.piece(ctx) + (self.piece(ctx) if r.random() < DOUBLE_SHARE else [])
            return pieces

        lines += self.interleave(paragraphs, gap)
        foot: list[list[Line]] = []
        if r.random() < 0.4:
            foot.append(self.pick("print_notes", "print_note", ctx))
        if r.random() < 0.4:
            foot.append(self.sample("report_error", "report_error", ctx, 1, 3))
        if r.random() < 0.35:
            foot.append(self.picks(ctx))
        if r.random() < 0.25:
            foot.append(self.funding(ctx))
        if r.random() < 0.2:
            foot.append(self.pick("pagination", "pagination", ctx, 1, 2))
        if r.random() < 0.2:
            foot.append(self.app_banner(ctx))
        r.shuffle(foot)
        if r.random() < 0.7:
            foot.append(self.sample("foot_links", "footer", ctx, 3, 6))
        return (
            lines + [x for piece in foot for x in piece],
            r.choice(["\n\n", "\n\n", "\n"]),
            r.random() < WRAPPED_SHARE,
        )


def k_parts(keys: list[str]) -> list[tuple[str, list[str]]]:
    """The pages' clusters as (part, keys): each half of ``keys`` drawn in fours."""
    from web_pages import is_training_page

    parts = []
    for name, half in (("four, train half", True), ("four, held-out half", False)):
        pool = sorted(k for k in keys if is_training_page(k) == half)
        random.Random(f"{SEED}/{name}").shuffle(pool)
        parts += [(name, pool[i : i + CLUSTER_SIZE]) for i in range(0, len(pool), CLUSTER_SIZE)]
    return parts


def duc_documents(row: dict) -> list[int]:
    """Four documents of a DUC 2007 set B row, drawn with this set's seed; none of other rows."""
    if not str(row["id"]).endswith(DUC_ROWS_SUFFIX):
        return []
    rng = random.Random(f"{SEED}/{row['id']}")
    return sorted(rng.sample(range(len(row["documents"])), min(DUC_PAGES, len(row["documents"]))))


def build(data: Path) -> list[NoisyCluster]:
    clusters = web_page_clusters(data, k_parts, FreshKPageMaker, "K")
    duc = build_fresh(
        data, "K", FreshKPageMaker, duc_documents, slice(0, 2), SEED + "/{id}", datasets=("duc2007-update",)
    )
    for c in duc:
        c.part = "DUC 2007 set B"
    return clusters + duc


# The other sets' generators, whose string literals this set's templates must not share a word 4-gram with.
OTHER_GENERATORS = (
    "noisy_pages.py",
    "noisy_fresh.py",
    "noisy_fresh_d.py",
    "noisy_fresh_e.py",
    "noisy_fresh_f.py",
    "noisy_fresh_g.py",
    "noisy_fresh_h.py",
    "noisy_fresh_i.py",
    "noisy_fresh_j.py",
)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if "--bare" in args:
        return fresh_set_main(
            [a for a in args if a != "--bare"], lambda data: bare(build(data)), __doc__, K_TEMPLATES, OTHER_GENERATORS
        )
    return fresh_set_main(args, build, __doc__, K_TEMPLATES, OTHER_GENERATORS)


if __name__ == "__main__":
    raise SystemExit(main())
