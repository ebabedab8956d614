"""A seventh fresh noisy-cluster set, I: a ninth family of furniture, the news site's widgets and prompts.

    python benchmarks/noisy_fresh_i.py [--data ../shared/data] [--json FILE] [--show N] [--overlap]

Written and labelled in session s14 (2026-12-03) *before* any of that
session's rules, frozen then, scored on main once before the session's
changes and once after them; no page of it is read (only its totals and the
kinds it keeps):

- **articles**: no DUC document is left that no set dresses (sets A-H dress
  1,498 of the 1,500; the two left are single documents of D0743J-A and
  D0743J-C, no cluster). This set dresses set F's *kept-aside* articles
  (``noisy_fresh_f.f_documents`` of D0626-D0650 and of DUC 2007's update
  sets), which the line model was never trained on and whose misses session
  s14 does not read (it tunes on C, D, E, F's first half, G and H); their
  misses were read once, with F's, in session s13, so this set is fresh in
  its furniture, less so in its articles;
- **furniture**: family ``I``, templates written for this set, sharing no
  wording with A-H (``--overlap`` prints any word 4-gram a template shares
  with the other sets' generators), of what news sites interleave that
  C-H lack or word otherwise: a live blog's posts stamped with a clock and
  a poster, "Read more:" rows, an author box with an address and a count of
  articles, corrections and editor's notes, an embedded post's text with its
  handle and counts, cookie and paywall prompts, image credits on lines of
  their own, "Hear this article read aloud" players, podcast promotions, weather
  widgets, stock tickers, comment counts, trending lists, app download
  prompts and menus of the languages the site is translated into;
- **page shapes**: a consent banner of several lines above the masthead on
  some pages, a strip of widgets (weather, markets) on others, a live blog
  on a fifth of the pages (a stamp and a poster above some paragraphs), a
  trending list between two paragraphs on a sixth, blocks joined by single
  newlines on a third, pieces at a density drawn per page, a foot of
  optional pieces in a shuffled order.

The labels are the templates' kinds (``Line.kind``), written as the page is
built; scored as ``noisy_clusters.py`` scores. Parts: DUC 2006 (D0626-D0650)
and DUC 2007.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fresh_pages import TemplatePageMaker, build_fresh, fresh_set_main  # noqa: E402
from noisy_clusters import WRAPPED_SHARE, NoisyCluster  # noqa: E402
from noisy_fresh_f import TUNE_TOPICS, f_documents  # noqa: E402
from noisy_pages import DAYS, HEADLINE, Line, article_names  # noqa: E402

MIN_DENSITY, MAX_DENSITY = 0.1, 0.45  # share of a page's gaps between paragraphs that get a piece
LIVE_SHARE = 0.2  # pages set as a live blog: a post's stamp above some paragraphs
LIVE_POST_SHARE = 0.35  # of a live page's paragraphs, those that open a post
TRENDING_SHARE = 0.17  # pages with a trending list between two paragraphs
SEED = "fresh-i"

I_TEMPLATES: dict[str, list[str]] = {
    "outlets": [
        "The Ashcombe Tribune",
        "Fenwick Bay Courier",
        "Redmarley Daily Press",
        "The Ouseburn Mercury",
        "Glenrothes Evening Standard",
        "Pellworth Telegraph",
        "The Cairnmoor Star-Ledger",
        "Whitlow Harbor Journal",
    ],
    "consent": [
        "Your privacy matters to {outlet}",
        "{outlet} and {n} vendors use cookies and similar tracking to measure audiences and show relevant ads.",
        "Accept and continue",
        "Reject non-essential",
        "Customise settings",
        "Learn how we use data",
    ],
    "app_banners": [
        "Open in the {outlet} app",
        "Faster on the app · Install",
        "Get breaking alerts on your phone — download now",
        "Continue in browser",
    ],
    "language_menus": [
        "Deutsch | Italiano | Nederlands | 日本語 | العربية",
        "Also available in: Español · Português · Türkçe",
        "Choose language ▾",
        "हिन्दी · 한국어 · Polski",
    ],
    "weather": [
        "{city} {temp}°F Mostly cloudy",
        "H {high}° L {low}°",
        "{city}: {temp}°C, light rain",
        "10-day forecast ›",
        "Air quality: Good",
    ],
    "tickers": [
        "DOW {index} ▲ {pct}%",
        "S&P 500 {index} ▼ {pct}%",
        "NASDAQ {index} +{pct}%",
        "Crude ${price} −{pct}%",
        "EUR/USD 1.{four} ▲",
        "Markets data delayed 15 minutes",
    ],
    "sections": ["Top news", "Metro", "Region", "Money", "Sport", "Life", "Opinion", "Video", "Puzzles", "Travel"],
    "bylines": ["By {author}, {outlet} staff", "{author} | {role}", "Reporting: {author}. Edited by {editor}"],
    "stamps": [
        "Posted {day}, {month} {d}, {year} at {hour}:{minute} a.m.",
        "Updated {n} hours ago",
        "{month} {d}, {year} / {hour}:{minute} PM ET",
    ],
    "listen": [
        "Hear this article read aloud",
        "{mins}:{secs}",
        "Audio generated by a synthetic voice",
        "▶ Play audio · {mins} min",
    ],
    "comment_counts": ["💬 {n}", "{m} Comments", "Jump to comments ↓", "Join the discussion ({n})"],
    "credits": [
        "(Photo: {photographer}/{agency})",
        "Credit: {agency} file photo",
        "{photographer} for the {outlet}",
        "Photo illustration: {outlet}; source images {agency}",
    ],
    "credited_captions": [
        "A view of {place} from the air last week.",
        "{person}, center, arrives for the meeting.",
        "Residents line up outside a community hall in {place}.",
    ],
    "live_stamps": [
        "{hour}:{minute} a.m. ET — {author}",
        "Posted {n} min ago by {author}",
        "BREAKING",
        "{hour}:{minute} — From our correspondent in {place}",
    ],
    "read_more": [
        "Read more: {headline}",
        "Also read | {headline}",
        "Related: {headline} ›",
        "More coverage → {headline}",
    ],
    "corrections": [
        "Correction: An earlier version of this story misstated the title of {person}.",
        "Editor's note: New details were added after publication.",
        "Clarification appended {month} {d}, {year}.",
        "This article was amended on {d} {month} to correct a date.",
    ],
    "embed_texts": [
        "Thinking of everyone in {place} tonight. Stay safe, all.",
        "Huge day. More to come soon — watch this space.",
        "Just landed in {place}. Will post updates as I get them.",
    ],
    "embed_tails": [
        "— {person} (@{handle}) {month} {d}, {year}",
        "pic.twitter.com/{code}",
        "{n}K likes · {m} replies",
        "View this post on Instagram",
    ],
    "paywall": [
        "You've read {n} of {m} free stories this month.",
        "Unlimited access from $1 for {n} weeks",
        "Already a member? Sign in here",
        "Keep reading with a digital pass",
    ],
    "podcasts": [
        "🎧 New episode: {headline}",
        "Hear more on The {outlet} Briefing, out every {day}",
        "Available on all major podcast apps",
    ],
    "trending_labels": ["Trending", "Trending now on {outlet}", "What readers are clicking"],
    "app_prompts": [
        "Download the {outlet} app for alerts as news breaks",
        "Available on iPhone and Android",
        "Scan the code to get the app",
    ],
    "ad_marks": ["Ad · Content continues below", "— Sponsored —", "Paid post", "AdChoices"],
    "author_box": [
        "About the writer",
        "{author}",
        "{author} covers {beat} for the {outlet}. Tips: {email}",
        "{m} articles · View all",
        "Follow {handle} on social",
    ],
    "comment_foot": [
        "Comments are closed for this story.",
        "Sort by: Newest",
        "Be first to weigh in",
        "Log in to reply",
    ],
    "foot_links": [
        "About {outlet}",
        "Masthead & staff",
        "Contact the newsroom",
        "Send a news tip",
        "Terms of service",
        "Cookie settings",
        "Opt out of data sharing",
        "Back to top ↑",
        "© {year} {outlet}. All rights reserved.",
    ],
}
AUTHORS = ["Mireille Dubois", "Tomasz Kowalczyk", "Adaeze Nwosu", "Haruto Sato", "Carmen Iglesias", "Oren Shapiro"]
EDITORS = ["Frances Kerr", "Lionel Marsh", "Yusuf Demir"]
PHOTOGRAPHERS = ["Selin Arslan", "Pieter de Vries", "Amara Okeke", "Jonas Lind"]
AGENCIES = ["AP Photo", "AFP via Getty", "Bloomberg", "EPA-EFE"]
ROLES = ["Senior reporter", "Staff writer", "Regional editor", "Data reporter"]
BEATS = ["courts", "transport", "city hall", "the environment", "public health"]
CITIES = ["Leeds", "Dayton", "Porto", "Tampere", "Halifax", "Cork"]
MONTHS = ["Feb.", "April", "June", "Aug.", "Oct.", "Dec."]
HANDLES = ["newsdesk_live", "fieldnotes", "thewirejunkie", "cityhallbeat"]


class FreshIPageMaker(TemplatePageMaker):
    """Builds a page of family I."""

    templates = I_TEMPLATES

    def values(self, ctx: dict[str, object]) -> dict[str, object]:
        r = self.rng
        people = ctx["people"]
        assert isinstance(people, list)
        places = ctx["places"]
        assert isinstance(places, list)
        author = str(ctx["author"])
        return {
            "outlet": str(ctx["outlet"]).removeprefix("The "),
            "author": author,
            "editor": r.choice(EDITORS),
            "role": r.choice(ROLES),
            "beat": r.choice(BEATS),
            "email": author.split()[0].lower()
            + "@"
            + str(ctx["outlet"]).removeprefix("The ").split()[0].lower()
            + ".com",
            "city": r.choice(CITIES),
            "temp": str(r.randint(20, 95)),
            "high": str(r.randint(50, 90)),
            "low": str(r.randint(20, 49)),
            "index": f"{r.randint(1000, 12000):,}.{r.randint(0, 99):02d}",
            "pct": f"{r.randint(0, 3)}.{r.randint(0, 99):02d}",
            "price": f"{r.randint(20, 90)}.{r.randint(0, 99):02d}",
            "four": f"{r.randint(0, 9999):04d}",
            "n": str(r.randint(2, 30)),
            "m": str(r.randint(31, 900)),
            "mins": str(r.randint(2, 14)),
            "secs": f"{r.randint(0, 59):02d}",
            "year": str(r.randint(1997, 2007)),
            "day": r.choice(DAYS),
            "month": r.choice(MONTHS),
            "d": str(r.randint(1, 28)),
            "hour": str(r.randint(1, 12)),
            "minute": f"{r.randint(0, 59):02d}",
            "headline": r.choice(self.headlines),
            "person": r.choice(people),
            "place": r.choice(places),
            "photographer": r.choice(PHOTOGRAPHERS),
            "agency": r.choice(AGENCIES),
            "handle": r.choice(HANDLES),
            "code": "".join(r.choice("abcdefghjkmnpqrstuvwxyzABCDEFGH23456789") for _ in range(10)),
        }

    def sample(self, key: str, kind: str, ctx: dict[str, object], low: int, high: int) -> list[Line]:
        """Between ``low`` and ``high`` of ``key``'s templates, each once, in their order."""
        count = self.rng.randint(low, min(high, len(I_TEMPLATES[key])))
        chosen = sorted(self.rng.sample(range(len(I_TEMPLATES[key])), count))
        return [Line(self.fill(I_TEMPLATES[key][i], ctx), kind) for i in chosen]

    def consent(self, ctx: dict[str, object]) -> list[Line]:
        """A consent banner: its title and its sentence, then two to four of its buttons."""
        lines = [Line(self.fill(t, ctx), "consent") for t in I_TEMPLATES["consent"][:2] if self.rng.random() < 0.8]
        return lines + [
            Line(self.fill(t, ctx), "consent")
            for t in self.rng.sample(I_TEMPLATES["consent"][2:], self.rng.randint(2, 4))
        ]

    def widgets(self, ctx: dict[str, object]) -> list[Line]:
        """A strip of widgets: the weather, the markets, or both."""
        r = self.rng
        lines: list[Line] = []
        if r.random() < 0.6:
            lines += self.sample("weather", "weather", ctx, 1, 3)
        if not lines or r.random() < 0.5:
            lines += self.sample("tickers", "ticker", ctx, 2, 4)
        return lines

    def image(self, ctx: dict[str, object]) -> list[Line]:
        """A picture's caption with its credit on a line of its own (above or below it), or the credit alone."""
        r = self.rng
        credit = self.pick("credits", "credit", ctx)
        if r.random() < 0.35:
            return credit
        caption = self.pick("credited_captions", "caption", ctx)
        return caption + credit if r.random() < 0.7 else credit + caption

    def embed(self, ctx: dict[str, object]) -> list[Line]:
        """An embedded post: its text, then its handle and date, a link or its counts."""
        return self.pick("embed_texts", "embed", ctx) + self.sample("embed_tails", "embed", ctx, 1, 3)

    def trending(self, ctx: dict[str, object]) -> list[Line]:
        """A trending list: its label, then headlines, numbered in the line, bulleted or bare."""
        r = self.rng
        mark = r.choice(["{}. ", "• ", ""])
        lines = [Line(self.fill(r.choice(I_TEMPLATES["trending_labels"]), ctx), "trending")]
        for number in range(1, r.randint(4, 7)):
            lines.append(Line(mark.format(number) + r.choice(self.headlines), "trending"))
        return lines

    def live_stamp(self, ctx: dict[str, object]) -> list[Line]:
        return self.pick("live_stamps", "live", ctx)

    def piece(self, ctx: dict[str, object]) -> list[Line]:
        """One piece of furniture between two paragraphs."""
        r = self.rng
        kind = r.choice(["image", "image", "read_more", "read_more", "ad", "embed", "paywall", "listen"])
        kind = r.choice([kind, kind, "podcast", "app", "ticker", "comments", "correction", "language"])
        if kind == "image":
            return self.image(ctx)
        if kind == "read_more":
            return self.pick("read_more", kind, ctx, 1, 2)
        if kind == "embed":
            return self.embed(ctx)
        if kind == "paywall":
            return self.sample("paywall", kind, ctx, 1, 3)
        if kind == "listen":
            return self.sample("listen", kind, ctx, 1, 3)
        if kind == "podcast":
            return self.sample("podcasts", kind, ctx, 1, 2)
        if kind == "app":
            return self.sample("app_prompts", kind, ctx, 1, 2)
        if kind == "ticker":
            return self.sample("tickers", kind, ctx, 1, 3)
        if kind == "comments":
            return self.pick("comment_counts", kind, ctx)
        if kind == "correction":
            return self.pick("corrections", kind, ctx)
        if kind == "language":
            return self.pick("language_menus", kind, ctx)
        return self.pick("ad_marks", "ad", ctx)

    def page(self, paragraphs: list[str], headline: str | None) -> tuple[list[Line], str, bool]:
        r = self.rng
        people, places = article_names(paragraphs)
        ctx: dict[str, object] = {
            "people": people,
            "places": places,
            "outlet": r.choice(I_TEMPLATES["outlets"]),
            "author": r.choice(AUTHORS),
        }
        lines: list[Line] = []
        if r.random() < 0.35:
            lines += self.consent(ctx)
        if r.random() < 0.25:
            lines += self.sample("app_banners", "app", ctx, 1, 3)
        if r.random() < 0.2:
            lines += self.pick("language_menus", "language", ctx)
        if r.random() < 0.3:
            lines += self.widgets(ctx)
        if r.random() < 0.6:
            lines.append(Line(str(ctx["outlet"]), "masthead"))
        if r.random() < 0.55:
            menu = r.sample(I_TEMPLATES["sections"], r.randint(4, 8))
            joined = r.random() < 0.6
            lines += [Line(" / ".join(menu), "navigation")] if joined else [Line(m, "navigation") for m in menu]
        if r.random() < 0.1:
            lines += self.pick("corrections", "correction", ctx)
        if headline:
            lines.append(Line(headline, HEADLINE))
        if r.random() < 0.7:
            lines += self.pick("bylines", "byline", ctx)
        if r.random() < 0.6:
            lines += self.pick("stamps", "stamp", ctx)
        if r.random() < 0.3:
            lines += self.pick("comment_counts", "comments", ctx)
        if r.random() < 0.35:
            lines += self.sample("listen", "listen", ctx, 1, 3)
        if r.random() < 0.4:
            lines += self.image(ctx)
        live = r.random() < LIVE_SHARE
        density = r.uniform(MIN_DENSITY, MAX_DENSITY)
        trending_at = r.randint(1, max(1, len(paragraphs) - 2)) if r.random() < TRENDING_SHARE else -1

        def post(i: int) -> list[Line]:
            return self.live_stamp(ctx) if live and i and r.random() < LIVE_POST_SHARE else []

        def gap(i: int) -> list[Line]:
            if i == trending_at:
                return self.trending(ctx)
            return self.piece(ctx) if r.random() < density else []

        lines += self.interleave(paragraphs, gap, post)
        foot: list[list[Line]] = []
        if r.random() < 0.25:
            foot.append(self.pick("corrections", "correction", ctx))
        if r.random() < 0.4:
            foot.append(self.sample("author_box", "author", ctx, 2, 5))
        if r.random() < 0.4:
            foot.append(self.pick("read_more", "read_more", ctx, 1, 3))
        if r.random() < 0.35:
            foot.append(self.trending(ctx))
        if r.random() < 0.35:
            foot.append(
                self.pick("comment_counts", "comments", ctx) + self.sample("comment_foot", "comments", ctx, 1, 2)
            )
        if r.random() < 0.25:
            foot.append(self.sample("app_prompts", "app", ctx, 1, 3))
        if r.random() < 0.2:
            foot.append(self.sample("podcasts", "podcast", ctx, 1, 3))
        if r.random() < 0.15:
            foot.append(self.pick("language_menus", "language", ctx))
        r.shuffle(foot)
        if r.random() < 0.75:
            foot.append(self.sample("foot_links", "footer", ctx, 3, 8))
        return (
            lines + [x for piece in foot for x in piece],
            r.choice(["\n\n", "\n\n", "\n"]),
            r.random() < WRAPPED_SHARE,
        )


def i_documents(row: dict) -> list[int]:
    """Set F's kept-aside documents (DUC 2006 D0626-D0650, DUC 2007); none of its first half's."""
    if str(row["id"]).startswith("D06") and int(str(row["id"])[3:5]) <= TUNE_TOPICS:
        return []
    return f_documents(row)


def build(data: Path) -> list[NoisyCluster]:
    # the ledes of the seventh documents: sets C-H's teasers are the first to sixth documents'
    return build_fresh(data, "I", FreshIPageMaker, i_documents, slice(6, 7), "I/{id}")


# The other sets' generators, whose string literals this set's templates must not share a word 4-gram with.
OTHER_GENERATORS = (
    "noisy_pages.py",
    "noisy_fresh.py",
    "noisy_fresh_d.py",
    "noisy_fresh_e.py",
    "noisy_fresh_f.py",
    "noisy_fresh_g.py",
    "noisy_fresh_h.py",
)


def main(argv: list[str] | None = None) -> int:
    return fresh_set_main(argv, build, __doc__, I_TEMPLATES, OTHER_GENERATORS)


if __name__ == "__main__":
    raise SystemExit(main())
