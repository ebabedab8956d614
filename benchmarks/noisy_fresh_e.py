"""A third fresh noisy-cluster set, E: other articles, a fifth family of furniture, another way of interleaving.

    python benchmarks/noisy_fresh_e.py [--data ../shared/data] [--json FILE] [--show N]

Sets C (``noisy_fresh.py``) and D (``noisy_fresh_d.py``) were scored and their
misses read to find the eighth and ninth sessions' rules, so both are
development sets. This set was written and labelled in the ninth session
(2026-12-02) *before* the cleaner was run on it, and its generator frozen
then; main is scored on it once before that session's changes and once
after them:

- **articles**: DUC 2006 documents that none of sets A, B, C and D dresses
  (each topic's 10 documents left after them), 5 per topic drawn with this
  set's seed: every cluster is 5 articles no other set uses (DUC 2007's update
  sets have none left);
- **furniture**: family ``E``, templates written for this set and sharing no
  wording with A-D, with kinds they lack: a masthead's tagline and the day's
  weather and market strip, a table of contents ("In this article" / "Jump
  to: ..."), sponsored-story grids of clickbait headlines, polls, app and
  event promotions, an author card of short lines, appeals and legal notes
  of their own wording, product boxes with stars and a basket button, and a
  box of *the same story's* other coverage (the headlines and first
  sentences of the topic's documents this cluster does not use: teasers
  that share the story's words);
- **interleaving**: furniture at a density drawn per page, plus a *stack* of
  three to six pieces at once now and then (an ad zone), paragraphs *cut in
  two* at a sentence boundary with a piece between the halves (both halves
  are reporting), boxes and a trending list above the headline, list items
  with bullets and arrows.

The labels are the templates' kinds (``Line.kind``), written as the page is
built; scored as ``noisy_clusters.py`` scores. The sentence cut is a frozen
regular expression, not chorus's segmenter, so that the set does not move
when chorus changes.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fresh_pages import TemplatePageMaker, build_fresh, document_text, first_sentence, score_set  # noqa: E402
from noisy_clusters import WRAPPED_SHARE, NoisyCluster, chosen_documents  # noqa: E402
from noisy_fresh import fresh_documents  # noqa: E402
from noisy_fresh_d import d_documents  # noqa: E402
from noisy_pages import DAYS, HEADLINE, NEUTRAL, REPORTING, Line, article_names, is_wire_residue  # noqa: E402

PAGES_PER_CLUSTER = 5
DATASETS = ("duc2006",)  # DUC 2007's update sets have no documents left after A-D
MIN_DENSITY, MAX_DENSITY = 0.1, 0.55  # share of a page's gaps between paragraphs that get a piece
STACK_SHARE = 0.4  # pages with an ad zone: a stack of pieces between two paragraphs
CUT_SHARE = 0.12  # share of the paragraphs of two sentences or more cut in two around a piece
SAME_STORY_SHARE = 0.3  # pages with a box of the same story's other coverage
SPONSORED_SHARE = 0.3  # pages with a grid of sponsored stories
SEED = "fresh-e"
# a sentence's end: a lower-case word of three letters or more, its stop (and a closing quote), a space and
# a capital (so "Mr. Smith" and "U.S. officials" are never cut)
_SENTENCE_END = re.compile(r"\b[a-z]{3,}[.!?][\"”’']?(?= [A-Z\"“])")

E: dict[str, list[str]] = {
    "outlets": [
        "The Fenwick Observer",
        "Ashbury Times-Union",
        "Marlow Vale Press",
        "The Thornfield Record",
        "Cobalt Coast News",
        "Elmstead Chronicle-Star",
        "The Brightwater",
        "Ravensholt Post-Dispatch",
        "Kestrel Bay Journal",
        "The Orchard County Leader",
    ],
    "taglines": [
        "Serving {place} since {year}",
        "Independent. Local. Yours.",
        "The paper of record for the Lower Valley",
        "News you can trust, every day",
    ],
    "strips": [
        "{day}, {date} | Today's paper",
        "{place} {temp}°F · {sky}",
        "DOW {dow} {arrow}{pct}%   NASDAQ {nasdaq} {arrow}{pct}%",
        "Weather: {temp}° {sky} | Traffic | Lottery",
    ],
    "sections": [
        "Front",
        "Metro",
        "State",
        "Worldview",
        "Your Money",
        "Baseball",
        "Hockey",
        "Editorials",
        "Faith",
        "Home & Garden",
        "Autos",
        "Horoscopes",
        "Games",
        "Weddings",
        "Death notices",
        "Shop",
    ],
    "utilities": ["Menu", "Search", "Log in / Register", "EN | ES | FR", "Manage account", "Dark mode"],
    "kickers": ["THE BRIEFING", "Inside story", "Long read", "On the ground", "Eye on the region", "Now"],
    "bylines": [
        "By {author} | {outlet} staff",
        "{author} – {outlet}",
        "Contributor: {author}",
        "Text: {author}. Photos: {photographer}",
        "{author} reporting from {place}",
    ],
    "stamps": [
        "Filed {time} GMT",
        "{date}, {time} local time",
        "Story updated {n} minutes ago",
        "{day} {date} · First posted {time}",
    ],
    "contents": ["In this article", "Jump to: Background · Reaction · What happens next", "Contents"],
    "share": ["Share via email", "Tweet this", "Copy URL", "Send to Kindle", "Mastodon", "Text this story"],
    "ads": ["Advertising", "AD", "Presented by {sponsor}", "Ad · Skip in 5", "Commercial content", "Why this ad?"],
    "sponsored_labels": ["Sponsored stories by {network}", "Promoted links", "From around the web"],
    "clickbait": [
        "Doctors Are Stunned By This Simple Morning Habit",
        "Homeowners In {place} Are Switching To This Cheaper Roof",
        "The One Kitchen Gadget Everyone Is Buying This Year",
        "{n} Retirement Mistakes You Did Not Know You Were Making",
        "This Tiny Town Has The Best Beaches Nobody Talks About",
        "Seniors Are Getting Free Hearing Checks In {place}",
    ],
    "captions": [
        "{person} gestures as she speaks. [Photo: {agency}]",
        "IMAGE: The scene in {place} on {day}",
        "{person}, left, and {person2} on {day}. {photographer} | {outlet}",
        "Pic: {agency}",
        "{n} of {m}: {person} at a gathering in {place}",
    ],
    "related_labels": ["In other news", "Related reading", "Further reading", "Continue exploring", "Don't miss"],
    "same_story_labels": ["More on this story", "Our coverage of this story", "Previously"],
    "bullets": ["• ", "→ ", "- ", ""],
    "newsletters": [
        "{outlet} Daily lands in your inbox at 6 a.m. Add your email below.",
        "Your email address",
        "Sign up now",
        "Sent! Check your email to finish signing up.",
    ],
    "appeals": [
        "Before you go: {outlet} has no paywall, and we want to keep it that way. Your contribution, however"
        " small, funds the reporters who bring you stories like this one.",
        "Support local reporting",
        "Contribute",
        "Maybe later",
        "Dear reader, a gift of $5 a month keeps {outlet}'s newsroom going. Thank you for reading.",
    ],
    "legal": [
        "Reproduction of this article in any form requires the written permission of the publisher.",
        "Information in this article was accurate at the time of publication and may since have changed.",
        "Nothing in this article is financial advice. Consult a qualified adviser before you make an investment.",
        "{outlet} uses automated tools to help produce some content; every article is reviewed by an editor.",
    ],
    "polls": ["Quick poll", "What do you think?", "Yes", "No", "Not sure", "Vote", "{n}% of readers said yes"],
    "promos": [
        "Read this on the {outlet} app",
        "Turn on notifications for breaking news",
        "{outlet} Live: join our reporters for a free online briefing on {day} at {time}. Register now.",
        "Got a story? Message our tips line.",
    ],
    "audio": ["Listen to this story · {mins} min", "Narrated by an automated voice", "Pause", "Speed 1x"],
    "author_card": ["{author}", "Senior writer", "{n} articles", "Follow", "More by this writer"],
    "comments": ["Conversation ({n})", "Sign in to join the discussion", "Most liked", "Load more comments"],
    "tags": ["Tagged: {place}, {section}", "Also in {section}", "#{section_tag}"],
    "footer": [
        "{outlet} · Part of the {group} network",
        "Accessibility statement",
        "Manage cookies",
        "RSS feeds",
        "© {outlet} Media 1998–2006",
        "Back to top ↑",
    ],
    "products": ["Cast-iron skillet", "Noise-isolating earphones", "Espresso machine", "Hiking backpack, 40 L"],
    "retailers": ["Cartwell", "DealDepot", "Northmart"],
    "product_lines": [
        "{product}",
        "★★★★☆ {stars} ({reviews} ratings)",
        "${price}.99 at {retailer} →",
        "Add to basket",
        "Free shipping over $35",
    ],
    "product_notes": ["Prices may vary. {outlet} earns a fee when you shop through our links."],
    "trending_labels": ["Trending", "Most viewed today", "Hot right now"],
}
AUTHORS = ["Beatrix Olsen", "Tomasz Wrona", "Adaeze Obi", "Rafael Quintero", "Mirela Popescu", "Callum Reid"]
PHOTOGRAPHERS = ["Ines Duarte", "Kofi Asante", "Hana Sato"]
AGENCIES = ["AFP", "EPA", "Alamy", "Xinhua"]
SPONSORS = ["Northwind Bank", "Greenleaf Energy", "Alder Health"]
NETWORKS = ["Adpoint", "Linkverse", "Clickwell"]
GROUPS = ["Ashgrove", "Lindenmark", "Tallis"]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
SKIES = ["Sunny", "Cloudy", "Showers", "Clear"]


def cut_in_two(paragraph: str, rng: random.Random) -> tuple[str, str] | None:
    """The paragraph cut at one of its sentence ends (drawn), or None if it has none."""
    ends = [m.end() for m in _SENTENCE_END.finditer(paragraph)]
    if not ends:
        return None
    at = rng.choice(ends)
    return paragraph[:at].strip(), paragraph[at:].strip()


class FreshEPageMaker(TemplatePageMaker):
    """Builds a page of family E: a density drawn per page, ad zones, paragraphs cut around a piece."""

    templates = E

    def __init__(self, headlines: list[str], ledes: list[str], seed: int) -> None:
        super().__init__(headlines, ledes, seed)
        self.same_story: list[tuple[str, str]] = []  # (headline, first sentence) of the topic's unused documents

    def values(self, ctx: dict[str, object]) -> dict[str, object]:
        r = self.rng
        people = ctx["people"]
        assert isinstance(people, list)
        places = ctx["places"]
        assert isinstance(places, list)
        person = r.choice(people)
        return {
            "outlet": ctx["outlet"],
            "author": ctx["author"],
            "group": ctx["group"],
            "n": str(r.randint(3, 48)),
            "m": str(r.randint(49, 70)),
            "mins": str(r.randint(2, 14)),
            "year": str(r.randint(1850, 1990)),
            "day": r.choice(DAYS),
            "date": f"{r.randint(1, 28)} {r.choice(MONTH_NAMES)} {r.randint(1999, 2006)}",
            "time": f"{r.randint(0, 23):02d}{r.randint(0, 59):02d}",
            "temp": str(r.randint(28, 95)),
            "sky": r.choice(SKIES),
            "dow": f"{r.randint(9000, 12000):,}.{r.randint(0, 9)}",
            "nasdaq": f"{r.randint(1800, 2600):,}.{r.randint(0, 9)}",
            "arrow": r.choice(["▲", "▼"]),
            "pct": f"{r.randint(0, 2)}.{r.randint(0, 9)}",
            "agency": r.choice(AGENCIES),
            "photographer": r.choice(PHOTOGRAPHERS),
            "sponsor": r.choice(SPONSORS),
            "network": r.choice(NETWORKS),
            "section": r.choice(E["sections"]),
            "section_tag": r.choice(E["sections"]).replace(" ", "").replace("&", "And"),
            "person": person,
            "person2": r.choice([p for p in people if p != person] or people),
            "place": r.choice(places),
            "product": r.choice(E["products"]),
            "retailer": r.choice(E["retailers"]),
            "stars": r.choice(["3.9", "4.2", "4.6"]),
            "reviews": f"{r.randint(40, 9000):,}",
            "price": str(r.randint(15, 240)),
        }

    def piece(self, ctx: dict[str, object]) -> list[Line]:
        """One piece of furniture between paragraphs."""
        r = self.rng
        kind = r.choice(
            ["ad", "ad", "caption", "caption", "newsletter", "appeal", "poll", "promo", "audio", "related", "share"]
        )
        if kind == "caption":
            return self.pick("captions", "caption", ctx, 1, 2)
        if kind == "newsletter":
            return self.pick("newsletters", kind, ctx, 1, 3)
        if kind == "appeal":
            return self.pick("appeals", kind, ctx, 1, 3)
        if kind == "poll":
            return [Line(E["polls"][0], kind), Line(E["polls"][1], kind)] + self.pick("polls", kind, ctx, 1, 3)
        if kind == "promo":
            return self.pick("promos", kind, ctx)
        if kind == "audio":
            return self.pick("audio", kind, ctx, 1, 2)
        if kind == "related":  # one link to another story, with its arrow
            return [Line(r.choice(["→ ", "Also: ", ""]) + r.choice(self.headlines), "related")]
        if kind == "share":
            return self.pick("share", kind, ctx, 2, 4)
        return self.pick("ads", kind, ctx)

    def box(self, label: str, items: list[tuple[str, str]], teaser_share: float) -> list[Line]:
        """A label, then each item's headline (with a bullet) and now and then its first sentence."""
        r = self.rng
        bullet = r.choice(E["bullets"])
        lines = [Line(label, "related")]
        for headline, lede in items:
            lines.append(Line(bullet + headline, "related"))
            if lede and r.random() < teaser_share:
                lines.append(Line(lede, "related"))
        return lines

    def other_stories(self, ctx: dict[str, object]) -> list[Line]:
        r = self.rng
        count = r.randint(2, 5)
        items = [(r.choice(self.headlines), r.choice(self.ledes)) for _ in range(count)]
        return self.box(self.fill(r.choice(E["related_labels"]), ctx), items, 0.5)

    def same_story_box(self, ctx: dict[str, object]) -> list[Line]:
        r = self.rng
        items = r.sample(self.same_story, min(len(self.same_story), r.randint(2, 4)))
        return self.box(r.choice(E["same_story_labels"]), items, 0.6)

    def sponsored(self, ctx: dict[str, object]) -> list[Line]:
        r = self.rng
        lines = [Line(self.fill(r.choice(E["sponsored_labels"]), ctx), "ad")]
        for _ in range(r.randint(3, 6)):
            lines.append(Line(self.fill(r.choice(E["clickbait"]), ctx), "ad"))
            if r.random() < 0.5:
                lines.append(Line(r.choice(NETWORKS), "ad"))
        return lines

    def products(self, ctx: dict[str, object]) -> list[Line]:
        lines = [Line(self.fill("{product}", ctx), "product")]
        lines += self.pick("product_lines", "product", ctx, 2, 4)
        return lines + self.pick("product_notes", "product", ctx)

    def page(self, paragraphs: list[str], headline: str | None) -> tuple[list[Line], str, bool]:
        r = self.rng
        people, places = article_names(paragraphs)
        ctx: dict[str, object] = {
            "people": people,
            "places": places,
            "outlet": r.choice(E["outlets"]),
            "author": r.choice(AUTHORS),
            "group": r.choice(GROUPS),
        }
        lines: list[Line] = []
        if r.random() < 0.3:
            lines += self.pick("utilities", "navigation", ctx, 1, 3)
        if r.random() < 0.65:
            lines.append(Line(str(ctx["outlet"]), "masthead"))
            if r.random() < 0.4:
                lines += self.pick("taglines", "masthead", ctx)
        if r.random() < 0.4:
            lines += self.pick("strips", "masthead", ctx, 1, 2)
        if r.random() < 0.7:
            menu = r.sample(E["sections"], r.randint(3, 8))
            if r.random() < 0.35:
                lines += [Line(m, "navigation") for m in menu]
            elif r.random() < 0.5:  # a breadcrumb trail
                lines.append(Line(" › ".join(menu[:3]), "navigation"))
            else:
                lines.append(Line(r.choice(["  ", " ∙ ", " :: "]).join(menu), "navigation"))
        if r.random() < 0.15:  # a trending list above the article
            count = r.randint(3, 5)
            lines += self.box(r.choice(E["trending_labels"]), [(r.choice(self.headlines), "") for _ in range(count)], 0)
        if r.random() < 0.4:
            lines += self.pick("kickers", "kicker", ctx)
        if headline:
            lines.append(Line(headline, HEADLINE))
        header: list[Line] = []
        if r.random() < 0.75:
            header += self.pick("bylines", "byline", ctx)
        if r.random() < 0.6:
            header += self.pick("stamps", "stamp", ctx)
        if r.random() < 0.3:
            header += self.pick("audio", "audio", ctx, 1, 2)
        if r.random() < 0.3:
            header += self.pick("share", "share", ctx, 2, 4)
        r.shuffle(header)
        lines += header
        if r.random() < 0.2:  # a table of contents under the header
            lines += self.pick("contents", "contents", ctx, 1, 2)
        if r.random() < 0.35:
            lines += self.pick("captions", "caption", ctx)
        density = r.uniform(MIN_DENSITY, MAX_DENSITY)
        last = len(paragraphs) - 1
        stack_at = r.randint(1, max(1, last)) if r.random() < STACK_SHARE else -1
        same_at = r.randint(2, max(2, last - 1)) if self.same_story and r.random() < SAME_STORY_SHARE else -1
        sponsored_at = r.randint(2, max(2, last)) if r.random() < SPONSORED_SHARE / 2 else -1
        product_at = r.randint(1, max(1, last)) if r.random() < 0.12 else -1
        for i, paragraph in enumerate(paragraphs):
            kind = NEUTRAL if is_wire_residue(paragraph) else REPORTING
            halves = cut_in_two(paragraph, r) if kind == REPORTING and r.random() < CUT_SHARE else None
            if halves:
                lines += [Line(halves[0], kind)] + self.piece(ctx) + [Line(halves[1], kind)]
            else:
                lines.append(Line(paragraph, kind))
            if i == last:
                break
            if i + 1 == stack_at:
                for _ in range(r.randint(3, 6)):
                    lines += self.piece(ctx)
            elif i + 1 == same_at:
                lines += self.same_story_box(ctx)
            elif i + 1 == sponsored_at:
                lines += self.sponsored(ctx)
            elif i + 1 == product_at:
                lines += self.products(ctx)
            elif r.random() < density:
                lines += self.piece(ctx)
        tail: list[Line] = []
        for key, kind, share, low, high in (
            ("legal", "legal", 0.35, 1, 2),
            ("appeals", "appeal", 0.3, 1, 3),
            ("author_card", "bio", 0.35, 2, 4),
            ("tags", "tags", 0.4, 1, 2),
            ("share", "share", 0.35, 2, 4),
            ("promos", "promo", 0.25, 1, 1),
            ("comments", "comments", 0.4, 1, 3),
            ("footer", "footer", 0.8, 1, 4),
        ):
            if key == "comments" and r.random() < 0.35:
                tail += self.other_stories(ctx)
            if key == "comments" and r.random() < SPONSORED_SHARE:
                tail += self.sponsored(ctx)
            if r.random() < share:
                tail += self.pick(key, kind, ctx, low, high)
        return lines + tail, r.choice(["\n\n", "\n\n", "\n", "\n\n\n"]), r.random() < WRAPPED_SHARE


def e_documents(row: dict) -> list[int]:
    """The indexes of the cluster's documents this set dresses: none of sets A-D's, drawn with this set's seed."""
    used = set(chosen_documents(row)) | set(fresh_documents(row)) | set(d_documents(row))
    free = [i for i in range(len(row["documents"])) if i not in used]
    rng = random.Random(f"{SEED}/{row['id']}")
    return sorted(rng.sample(free, min(PAGES_PER_CLUSTER, len(free))))


def build(data: Path) -> list[NoisyCluster]:
    # the ledes of the third documents: sets C and D's teasers are the first and second documents'
    return build_fresh(data, "E", FreshEPageMaker, e_documents, slice(2, 3), "E/{id}", DATASETS, prepare)


def prepare(maker: TemplatePageMaker, row: dict, chosen: list[int]) -> None:
    """Give the maker the same story's other coverage: the headline and first sentence of each of the topic's
    documents the cluster does not use (of four words or more)."""
    assert isinstance(maker, FreshEPageMaker)
    titles = list(row.get("doc_headlines") or [None] * len(row["documents"]))
    maker.same_story = [
        (str(titles[i]), first_sentence(document_text(d)))
        for i, d in enumerate(row["documents"])
        if i not in chosen and titles[i] and len(str(titles[i]).split()) >= 4
    ]


def main(argv: list[str] | None = None) -> int:
    return score_set(argv, build, __doc__)


if __name__ == "__main__":
    raise SystemExit(main())
