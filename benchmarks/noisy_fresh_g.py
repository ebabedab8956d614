"""A fifth fresh noisy-cluster set, G: set E's articles dressed again, a seventh family of furniture.

    python benchmarks/noisy_fresh_g.py [--data ../shared/data] [--json FILE] [--show N] [--overlap]

Set F (``noisy_fresh_f.py``) used the last DUC documents no set dressed, and
its misses were read in the twelfth session (its first half, D0601-D0625).
This set was written and labelled in that session (2026-12-03) *before* any
of its rules and before any miss of F was read, and frozen then; main is
scored on it once before that session's changes and once after them, and
no page of it is read (only its totals and the kinds it keeps):

- **articles**: set E's (``noisy_fresh_e.e_documents``: 5 per DUC 2006
  topic), whose pages were never read, only E's totals; no DUC document is
  left that no set dresses;
- **furniture**: family ``G``, templates written for this set and sharing
  no wording with A-F (``--overlap`` prints any word 4-gram a template
  shares with the other sets' generators), weighted to the kinds the
  cleaner keeps most on F (other stories with a teaser, writers' bios,
  appeals, captions), in forms of their own: a teaser with a section and a
  reading time, a "more on this" box whose teasers open with a place, a bio
  of two or three sentences with an address for tips, an author card above
  the article, appeals as a short paragraph under a headline of its own,
  captions that are whole sentences with a photographer's name before or
  after them; and the rest of a page (an alert bar, a weather strip, a
  share row, comments, a footer of links);
- **interleaving**: pieces between paragraphs at a density drawn per page,
  a box of other stories between two paragraphs on a third of the pages, an
  author card under the byline on some, the foot of the page in one of
  three orders.

The labels are the templates' kinds (``Line.kind``), written as the page is
built; scored as ``noisy_clusters.py`` scores.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fresh_pages import TemplatePageMaker, build_fresh, fresh_set_main  # noqa: E402
from noisy_clusters import WRAPPED_SHARE, NoisyCluster  # noqa: E402
from noisy_fresh_e import e_documents  # noqa: E402
from noisy_pages import DAYS, HEADLINE, Line, article_names  # noqa: E402

MIN_DENSITY, MAX_DENSITY = 0.08, 0.4  # share of a page's gaps between paragraphs that get a single piece
MID_BOX_SHARE = 0.33  # pages with a box of other stories between two paragraphs
AUTHOR_CARD_SHARE = 0.25  # pages with the writer's card under the byline
SEED = "fresh-g"

G: dict[str, list[str]] = {
    "outlets": [
        "The Bramblecote Herald",
        "Quillmarsh Morning Post",
        "Eastwold Gazette-Courier",
        "The Tidewater Ledger",
        "Harrowgate Beacon",
        "Mossbank Chronicle-Journal",
        "The Pinecrest Observer",
        "Redfern Bay Times",
    ],
    "alerts": [
        "BREAKING: {headline}",
        "Weather alert for {place} until {clock}",
        "{temp}°F · Partly cloudy · {place}",
        "Markets: Dow {sign}{points} · Oil ${oil}",
    ],
    "sections": ["World", "Region", "Money", "Politics", "Health", "Climate", "Culture", "Sport", "Opinion"],
    "utilities": ["Log in", "Register", "Menu ≡", "Newsletters", "Digital paper", "Donate"],
    "bylines": ["By {author}", "By {author} · {outlet}", "{author} reports from {city}", "Story by {author}"],
    "stamps": ["{day}, {date}", "Posted {n} hours ago", "First published {date}; updated {clock}"],
    "author_cards": [
        "{author}",
        "{beat} reporter",
        "Follow @{handle}",
        "More stories by {author} »",
        "{author} is a reporter on the {beat} desk.",
    ],
    "share": ["Tweet", "Post", "Share via email", "Send to a friend", "Print", "Gift this story"],
    "ads": ["— Advertisement —", "AD", "Sponsored by {sponsor}", "Continue reading below", "Presented by {sponsor}"],
    "captions": [
        "{person} addresses reporters in {place} on {day}. ({photographer}/{agency})",
        "{person}, pictured in {place} last spring. {photographer} / {agency}",
        "A view of {place}, where officials met this week.",
        "PHOTO: {person} leaves a meeting in {place}.",
        "{photographer}/{agency} | {person} waves to supporters in {place}.",
        "Residents gather in {place} on {day} afternoon.",
    ],
    "section_labels": ["{section}", "{section} | {n} min", "{SECTION}"],
    "box_labels": [
        "More on this",
        "You may also like",
        "Trending in {section}",
        "Most shared",
        "Elsewhere on the site",
    ],
    "reading_times": ["{n} min", "{n}-minute read", "Read more »", "Continue reading →"],
    "appeal_heads": ["Support local news", "A note to our readers", "Before you go"],
    "appeals": [
        "Independent reporting on {place} depends on readers. Give what you can, from just $1.",
        "This story was free to read because thousands of readers already pay for it. Join them today.",
        "Make a one-time gift",
        "Become a supporter",
        "Our reporters spent weeks on this kind of work. A small monthly gift keeps them going.",
    ],
    "bio_heads": ["About this writer", "Meet the reporter"],
    "bios": [
        "{author} joined the {outlet} in {year} and writes about {beat}. Send tips to {email}.",
        "{author} reports on {beat} from {city}. {pronoun_cap} previously spent {n} years at a daily in {city2}.",
        "{author} is an editor at the {outlet}. {pronoun_cap} grew up in {city} and studied history.",
        "{author} has covered {beat} since {year}. Reach {object} at {email}.",
        "{author}, a former teacher, writes the paper's {beat} column every {day}.",
    ],
    "beats": ["transport", "the environment", "public schools", "state politics", "the courts", "science"],
    "cities": ["Leeds", "Ottawa", "Adelaide", "Tucson", "Cork", "Durban"],
    "newsletters": [
        "Get the {outlet} Evening Briefing",
        "Your email address",
        "Sign up",
        "We'll send the best of our journalism every weekday evening.",
    ],
    "paywall": ["Subscribers only", "Unlock this article for 99¢", "Already have an account? Log in here"],
    "polls": ["Quick poll", "Should the plan go ahead?", "Yes", "No", "Not sure", "Vote"],
    "tags": ["Tags: {person}, {place}", "Related topics: {section}, {section2}", "More about: {place}"],
    "comments": ["{n} comments", "Join the conversation", "Comments are moderated. Please keep it civil."],
    "footer": [
        "About us | Work for us | Contact the newsroom",
        "Terms · Privacy policy · Cookie settings",
        "© {year} {outlet}. All rights reserved.",
        "Download our app",
        "Back to top ↑",
    ],
}
AUTHORS = ["Rosalind Achebe", "Tomasz Wierzbicki", "Hana Okafor", "Callum Reyes", "Marisol Duarte", "Emeka Lindgren"]
PRONOUNS = {"Rosalind": "she", "Tomasz": "he", "Hana": "she", "Callum": "he", "Marisol": "she", "Emeka": "he"}
PHOTOGRAPHERS = ["Ana Belmonte", "Joost de Wit", "Sunita Rao"]
AGENCIES = ["AFP", "EPA", "Alamy", "AP Photo"]
SPONSORS = ["Northwind Bank", "Halcyon Travel", "Ridgeline Solar"]
MONTHS = ["February", "April", "June", "August", "October", "December"]


class FreshGPageMaker(TemplatePageMaker):
    """Builds a page of family G."""

    templates = G

    def values(self, ctx: dict[str, object]) -> dict[str, object]:
        r = self.rng
        people = ctx["people"]
        assert isinstance(people, list)
        places = ctx["places"]
        assert isinstance(places, list)
        author = str(ctx["author"])
        pronoun = PRONOUNS[author.split()[0]]
        section = r.choice(G["sections"])
        return {
            "outlet": str(ctx["outlet"]).removeprefix("The "),
            "author": author,
            "pronoun_cap": pronoun.capitalize(),
            "object": "her" if pronoun == "she" else "him",
            "handle": author.split()[0].lower() + author.split()[1][:3].lower(),
            "email": author.split()[0].lower() + "@" + str(ctx["outlet"]).split()[-1].lower() + ".com",
            "beat": r.choice(G["beats"]),
            "city": r.choice(G["cities"]),
            "city2": r.choice(G["cities"]),
            "n": str(r.randint(2, 48)),
            "year": str(r.randint(1985, 2005)),
            "day": r.choice(DAYS),
            "date": f"{r.choice(MONTHS)} {r.randint(1, 28)}, {r.randint(1999, 2006)}",
            "clock": f"{r.randint(1, 12)}:{r.randint(0, 59):02d}{r.choice(['am', 'pm'])}",
            "temp": str(r.randint(28, 96)),
            "sign": r.choice(["+", "-"]),
            "points": str(r.randint(3, 240)),
            "oil": f"{r.uniform(20, 80):.2f}",
            "headline": r.choice(self.headlines),
            "person": r.choice(people),
            "place": r.choice(places),
            "photographer": r.choice(PHOTOGRAPHERS),
            "agency": r.choice(AGENCIES),
            "sponsor": r.choice(SPONSORS),
            "section": section,
            "SECTION": section.upper(),
            "section2": r.choice([s for s in G["sections"] if s != section]),
        }

    def teaser_item(self, ctx: dict[str, object], shape: str) -> list[Line]:
        """One other story in a box: its headline, a teaser, a section or reading time, in one of a few shapes."""
        r = self.rng
        headline, teaser = r.choice(self.headlines), r.choice(self.ledes)
        if shape == "section-first":
            return [Line(self.fill(r.choice(G["section_labels"]), ctx), "related"), Line(headline, "related")]
        if shape == "teaser-only":
            return [Line(teaser, "related"), Line(self.fill(r.choice(G["reading_times"]), ctx), "related")]
        if shape == "headline-teaser":
            return [Line(headline, "related"), Line(teaser, "related")]
        return [Line(headline, "related")]

    def story_box(self, ctx: dict[str, object], low: int, high: int) -> list[Line]:
        r = self.rng
        shape = r.choice(["section-first", "teaser-only", "headline-teaser", "headline-teaser", "bare"])
        lines = [Line(self.fill(r.choice(G["box_labels"]), ctx), "related")] if r.random() < 0.75 else []
        for _ in range(r.randint(low, high)):
            lines += self.teaser_item(ctx, shape)
        return lines

    def bio(self, ctx: dict[str, object]) -> list[Line]:
        r = self.rng
        lines = [Line(r.choice(G["bio_heads"]), "bio")] if r.random() < 0.4 else []
        return lines + self.pick("bios", "bio", ctx, 1, 2)

    def appeal(self, ctx: dict[str, object]) -> list[Line]:
        r = self.rng
        lines = [Line(r.choice(G["appeal_heads"]), "appeal")] if r.random() < 0.5 else []
        return lines + self.pick("appeals", "appeal", ctx, 1, 3)

    def piece(self, ctx: dict[str, object]) -> list[Line]:
        """One piece of furniture between two paragraphs."""
        r = self.rng
        kind = r.choice(["ad", "ad", "caption", "caption", "caption", "related", "related", "appeal", "appeal"])
        kind = r.choice([kind, kind, "newsletter", "paywall", "poll", "share", "bio"])
        if kind == "caption":
            return self.pick("captions", kind, ctx)
        if kind == "related":
            if r.random() < 0.5:
                return self.teaser_item(ctx, r.choice(["headline-teaser", "teaser-only", "bare"]))
            return self.story_box(ctx, 2, 3)
        if kind == "appeal":
            return self.appeal(ctx)
        if kind == "bio":
            return self.bio(ctx)
        if kind == "newsletter":
            return self.pick("newsletters", kind, ctx, 1, 3)
        if kind == "paywall":
            return self.pick("paywall", kind, ctx, 1, 2)
        if kind == "poll":
            return [Line(G["polls"][0], kind), Line(G["polls"][1], kind)] + self.pick("polls", kind, ctx, 1, 2)
        if kind == "share":
            return [Line(t, kind) for t in r.sample(G["share"], r.randint(2, 4))]
        return self.pick("ads", kind, ctx)

    def page(self, paragraphs: list[str], headline: str | None) -> tuple[list[Line], str, bool]:
        r = self.rng
        people, places = article_names(paragraphs)
        ctx: dict[str, object] = {
            "people": people,
            "places": places,
            "outlet": r.choice(G["outlets"]),
            "author": r.choice(AUTHORS),
        }
        lines: list[Line] = []
        if r.random() < 0.3:
            lines += self.pick("alerts", "alert", ctx)
        if r.random() < 0.4:
            lines += self.pick("utilities", "navigation", ctx, 2, 4)
        if r.random() < 0.6:
            lines.append(Line(str(ctx["outlet"]), "masthead"))
        if r.random() < 0.6:
            menu = r.sample(G["sections"], r.randint(4, 8))
            lines.append(Line(r.choice(["  ", " | ", " • "]).join(menu), "navigation"))
        if headline:
            lines.append(Line(headline, HEADLINE))
        if r.random() < 0.75:
            lines += self.pick("bylines", "byline", ctx)
        if r.random() < 0.6:
            lines += self.pick("stamps", "stamp", ctx)
        if r.random() < AUTHOR_CARD_SHARE:
            card = self.rng.sample(G["author_cards"], r.randint(2, 4))
            lines += [Line(self.fill(t, ctx), "bio") for t in card]
        if r.random() < 0.25:
            lines += [Line(t, "share") for t in r.sample(G["share"], r.randint(2, 4))]
        if r.random() < 0.35:
            lines += self.pick("captions", "caption", ctx)
        density = r.uniform(MIN_DENSITY, MAX_DENSITY)
        box_at = r.randint(1, max(1, len(paragraphs) - 2)) if r.random() < MID_BOX_SHARE else -1

        def gap(i: int) -> list[Line]:
            if i == box_at:
                return self.story_box(ctx, 2, 4)
            return self.piece(ctx) if r.random() < density else []

        lines += self.interleave(paragraphs, gap)
        foot: list[list[Line]] = []
        if r.random() < 0.45:
            foot.append(self.bio(ctx))
        if r.random() < 0.35:
            foot.append(self.appeal(ctx))
        if r.random() < 0.4:
            foot.append(self.pick("tags", "tags", ctx, 1, 2))
        if r.random() < 0.5:
            foot.append(self.story_box(ctx, 3, 5))
        if r.random() < 0.3:
            foot.append(self.pick("newsletters", "newsletter", ctx, 1, 3))
        if r.random() < 0.4:
            foot.append(self.pick("comments", "comments", ctx, 1, 2))
        order = r.choice(["as drawn", "reversed", "shuffled"])
        if order == "reversed":
            foot.reverse()
        elif order == "shuffled":
            r.shuffle(foot)
        if r.random() < 0.8:
            foot.append(self.pick("footer", "footer", ctx, 1, 4))
        return (
            lines + [x for piece in foot for x in piece],
            r.choice(["\n\n", "\n\n", "\n"]),
            r.random() < WRAPPED_SHARE,
        )


def build(data: Path) -> list[NoisyCluster]:
    # the ledes of the fifth documents: sets C, D, E and F's teasers are the first to fourth documents'
    return build_fresh(data, "G", FreshGPageMaker, e_documents, slice(4, 5), "G/{id}", ("duc2006",))


# The other sets' generators, whose string literals this set's templates must not share a word 4-gram with.
OTHER_GENERATORS = ("noisy_pages.py", "noisy_fresh.py", "noisy_fresh_d.py", "noisy_fresh_e.py", "noisy_fresh_f.py")


def main(argv: list[str] | None = None) -> int:
    return fresh_set_main(argv, build, __doc__, G, OTHER_GENERATORS)


if __name__ == "__main__":
    raise SystemExit(main())
