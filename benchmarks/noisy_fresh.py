"""A fresh noisy-cluster set, built a third way: kept aside to re-check the cleaner, never tuned on.

    python benchmarks/noisy_fresh.py [--data ../shared/data] [--json FILE]

``noisy_clusters.py``'s sets A and B were read while the cleaner was tuned;
this one was written (seventh session) before the changes it re-checks, and
is scored before and after them, never read to find a rule. It differs from
them in three ways:

- **articles**: only DUC documents the other sets never dress (each topic's
  documents outside ``noisy_clusters.chosen_documents``), 5 per topic drawn
  with another seed; a topic with fewer than ``MIN_PAGES`` of them is left
  out;
- **furniture**: family ``C``, templates written for this set and sharing no
  wording with A or B, with kinds they lack: consent and legal notices long
  enough to read as prose, the outlet's "about us" boilerplate, product
  boxes with prices, captions whose credit is a line of its own, and boxes
  of other stories whose items carry a teaser sentence (the first sentence
  of another topic's article);
- **interleaving**: not every few paragraphs but at random gaps (each gap
  with ``GAP_SHARE``, one to three pieces at once), a box of other stories
  in mid-article now and then, and furniture before the headline as well
  as after it.

Scored as ``noisy_clusters.py`` scores (reporting words kept, furniture
lines removed, as a cluster and one page at a time, by ``score_page``).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fresh_pages import TemplatePageMaker, build_fresh, score_set  # noqa: E402
from noisy_clusters import NoisyCluster, chosen_documents  # noqa: E402
from noisy_pages import (  # noqa: E402
    AGENCIES,
    DAYS,
    HEADLINE,
    MONTHS,
    NEUTRAL,
    REPORTING,
    Line,
    article_names,
    is_wire_residue,
)

PAGES_PER_CLUSTER = 5
MIN_PAGES = 3  # a topic with fewer unused documents is no cluster
GAP_SHARE = 0.3  # share of the gaps between paragraphs that get furniture
SIDEBAR_SHARE = 0.35  # pages with a box of other stories in mid-article
SEED = "fresh"

C: dict[str, list[str]] = {
    "outlets": [
        "The Ridgeway Sun",
        "Harborview Bulletin",
        "Northgate Daily News",
        "The Granite Post",
        "Clearwater Examiner",
        "Foxhill Reporter",
        "The Lantern",
        "Silverlake Mercury",
        "Crossroads Weekly",
        "Ironbridge Echo",
    ],
    "sections": [
        "Top News",
        "U.S.",
        "Global",
        "Money",
        "Markets",
        "Soccer",
        "Columns",
        "Entertainment",
        "Environment",
        "Education",
        "Real Estate",
        "Food",
        "Letters",
        "Events",
        "Archives",
        "Help",
    ],
    "kickers": ["Breaking news", "In depth", "Fact check", "The big read", "Watchdog", "UPDATE"],
    "bylines": [
        "Reporting by {author}; editing by {author2}",
        "{author} • {section}",
        "Article by {author}",
        "{author} / {outlet}",
        "From our correspondent {author}",
    ],
    "stamps": [
        "{date} | {time}",
        "Modified {day}, {date}",
        "Originally published {date}",
        "{n} hours ago",
        "Read time: {mins} mins",
    ],
    "share": ["Share on X", "Send via WhatsApp", "Copy article link", "Save for later", "Gift this article", "Bluesky"],
    "ads": [
        "Ad feature",
        "Brought to you by our partners",
        "The story continues after the ad",
        "Our story resumes after this message",
        "Paid post",
    ],
    "captions": [
        "{person} at an event in {place} last {day}. Photograph: {photographer}/{agency}",
        "A street in {place}. Image credit: {agency}",
        "{person}, seen here in {year}. Photograph: {agency}",
        "Residents of {place} on {day} ({agency})",
    ],
    "caption_texts": ["{person} in {place} earlier this year", "The scene in {place} on {day}", "{person} with aides"],
    "credit_lines": [
        "Photograph: {photographer}/{agency}",
        "Image: {agency} via {outlet}",
        "({photographer}/{agency})",
    ],
    "newsletters": [
        "Get {outlet} headlines in your inbox every morning.",
        "Sign me up",
        "Email address",
        "Thanks for signing up!",
        "Check your inbox to confirm your subscription.",
    ],
    "sidebar_labels": ["Read next", "You may have missed", "More coverage", "Editor's choice", "Around the site"],
    "gallery": ["Photo {n} / {m}", "Swipe for more photos", "Slideshow: {headline}"],
    "paywall": [
        "You've reached your limit of free stories.",
        "Subscribers get unlimited digital access for $1 a week.",
        "Log in or create an account to continue.",
    ],
    "media": ["Press play to listen", "Podcast: {headline}", "Video: {headline} ({mins}:{secs})", "Autoplay on"],
    "tags": ["Topics: {section}; {place}", "Keywords", "Explore more: {section}"],
    "comments": ["{n} reader comments", "Add your comment", "Sort by newest", "Report abuse"],
    "bios": [
        "{author} covers {section_lower} for {outlet}. Reach them at {handle}@ridgewaysun.example.",
        "{author} joined {outlet} in {year} after working in {place}.",
    ],
    "footer": [
        "{outlet} © {year}. Reproduction without permission is prohibited.",
        "Privacy · Terms · Corrections · Ethics",
        "Help center",
        "Do not sell my personal information",
    ],
    "consent": [
        "We and our partners store and access information on your device, such as cookies, and process personal"
        " data such as unique identifiers to show personalised ads and content, measure performance and develop"
        " products. You can change your choices at any time.",
        "By using this website you accept our terms. Content on this site is for general information only and does"
        " not constitute professional advice; {outlet} accepts no liability for decisions made on the basis of it.",
    ],
    "about": [
        "{outlet} is an independent, reader-funded newsroom founded in {year}. Our journalism is free for everyone"
        " to read, because we believe information should be open to all.",
        "About {outlet}: we have covered {place} and the region since {year}, with reporters in {n} bureaus.",
    ],
    "products": ["Noise-cancelling headphones", "Cordless vacuum cleaner", "Smart speaker", "Air fryer, 5.5 litres"],
    "retailers": ["ShopCo", "MegaMart", "Buyright"],
    "product_lines": ["Best price today", "{product} — ${price} at {retailer}", "View deal"],
    "product_notes": ["Prices checked daily; we may earn a commission from purchases made through links."],
}
AUTHORS = ["Ruth Adeyemi", "Carlos Vidal", "Ingrid Holm", "Samir Haddad", "Nora Quinn", "Felix Brandt"]
PHOTOGRAPHERS = ["Tess Moreau", "Jonah Reyes", "Aiko Mori"]


class FreshPageMaker(TemplatePageMaker):
    """Builds a page of family C, furniture at random gaps."""

    templates = C

    def values(self, ctx: dict[str, object]) -> dict[str, object]:
        r = self.rng
        people = ctx["people"]
        assert isinstance(people, list)
        places = ctx["places"]
        assert isinstance(places, list)
        return {
            "outlet": ctx["outlet"],
            "author": ctx["author"],
            "author2": r.choice(AUTHORS),
            "handle": ctx["handle"],
            "headline": r.choice(self.headlines),
            "n": str(r.randint(2, 40)),
            "m": str(r.randint(41, 60)),
            "mins": str(r.randint(2, 12)),
            "secs": f"{r.randint(0, 59):02d}",
            "year": str(r.randint(1950, 2005)),
            "day": r.choice(DAYS),
            "date": f"{r.randint(1, 28)} {r.choice(MONTHS)} {r.randint(1997, 2006)}",
            "time": f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}",
            "agency": r.choice(AGENCIES),
            "photographer": r.choice(PHOTOGRAPHERS),
            "section": r.choice(C["sections"]),
            "section_lower": r.choice(C["sections"]).lower(),
            "person": r.choice(people),
            "place": r.choice(places),
            "product": r.choice(C["products"]),
            "retailer": r.choice(C["retailers"]),
            "price": f"{r.randint(19, 399)}.{r.choice(['00', '99', '49'])}",
        }

    def piece(self, ctx: dict[str, object]) -> list[Line]:
        """One piece of furniture between paragraphs."""
        r = self.rng
        kind = r.choice(["ad", "ad", "caption", "split_caption", "newsletter", "gallery", "paywall", "media", "share"])
        if kind == "split_caption":  # the caption and its credit on lines of their own
            return [Line(self.fill(r.choice(C["caption_texts"]), ctx), "caption")] + self.pick(
                "credit_lines", "caption", ctx
            )
        if kind == "newsletter":
            return self.pick("newsletters", kind, ctx, 1, 3)
        if kind == "share":
            return self.pick("share", kind, ctx, 2, 4)
        key = {"ad": "ads", "caption": "captions", "gallery": "gallery", "paywall": "paywall", "media": "media"}[kind]
        return self.pick(key, kind, ctx, 1, 2 if kind in ("paywall", "media") else 1)

    def sidebar(self, ctx: dict[str, object]) -> list[Line]:
        """A box of other stories: its label, then headlines, each with or without its teaser."""
        r = self.rng
        lines = [Line(r.choice(C["sidebar_labels"]), "related")]
        for _ in range(r.randint(2, 4)):
            lines.append(Line(r.choice(self.headlines), "related"))
            if r.random() < 0.5:
                lines.append(Line(r.choice(self.ledes), "related"))
        return lines

    def products(self, ctx: dict[str, object]) -> list[Line]:
        lines = self.pick("product_lines", "product", ctx, 2, 3)
        return lines + [Line(C["product_notes"][0], "product")]

    def page(self, paragraphs: list[str], headline: str | None) -> tuple[list[Line], str, bool]:
        r = self.rng
        people, places = article_names(paragraphs)
        author = r.choice(AUTHORS)
        ctx: dict[str, object] = {
            "people": people,
            "places": places,
            "outlet": r.choice(C["outlets"]),
            "author": author,
            "handle": author.split()[1].lower(),
        }
        top: list[Line] = []
        if r.random() < 0.3:
            top += self.pick("consent", "consent", ctx)
        if r.random() < 0.7:
            top.append(Line(str(ctx["outlet"]), "masthead"))
        if r.random() < 0.7:
            menu = r.sample(C["sections"], r.randint(3, 8))
            top += (
                [Line(m, "navigation") for m in menu]
                if r.random() < 0.4
                else [Line(r.choice([" / ", " — ", " · "]).join(menu), "navigation")]
            )
        before = self.pick("stamps", "stamp", ctx) if r.random() < 0.3 else []  # the time stamp above the headline
        before += self.pick("kickers", "kicker", ctx) if r.random() < 0.5 else []
        r.shuffle(before)
        lines = top + before + ([Line(headline, HEADLINE)] if headline else [])
        if r.random() < 0.7:
            lines += self.pick("bylines", "byline", ctx)
        if r.random() < 0.5:
            lines += self.pick("stamps", "stamp", ctx)
        if r.random() < 0.4:
            lines += self.piece(ctx)
        sidebar_at = r.randint(2, max(2, len(paragraphs) - 2)) if r.random() < SIDEBAR_SHARE else -1
        product_at = r.randint(1, max(1, len(paragraphs) - 1)) if r.random() < 0.1 else -1
        for i, paragraph in enumerate(paragraphs):
            lines.append(Line(paragraph, NEUTRAL if is_wire_residue(paragraph) else REPORTING))
            if i + 1 == len(paragraphs):
                break
            if i + 1 == sidebar_at:
                lines += self.sidebar(ctx)
            elif i + 1 == product_at:
                lines += self.products(ctx)
            elif r.random() < GAP_SHARE:
                for _ in range(r.choice([1, 1, 2, 3])):
                    lines += self.piece(ctx)
        tail: list[Line] = []
        if r.random() < 0.4:
            tail += self.pick("bios", "bio", ctx)
        if r.random() < 0.5:
            tail += self.pick("tags", "tags", ctx, 1, 2)
        if r.random() < 0.5:
            tail += self.pick("share", "share", ctx, 2, 5)
        if r.random() < 0.5:
            tail += self.sidebar(ctx)
        if r.random() < 0.5:
            tail += self.pick("comments", "comments", ctx, 1, 3)
        if r.random() < 0.4:
            tail += self.pick("about", "about", ctx)
        if r.random() < 0.3:
            tail += self.pick("consent", "consent", ctx)
        if r.random() < 0.8:
            tail += self.pick("footer", "footer", ctx, 1, 3)
        return lines + tail, r.choice(["\n\n", "\n\n", "\n", "\n\n\n"]), False


def fresh_documents(row: dict) -> list[int]:
    """The indexes of the cluster's documents this set dresses: none of sets A and B's, drawn with this set's
    seed; none if fewer than ``MIN_PAGES`` are left."""
    used = set(chosen_documents(row))
    free = [i for i in range(len(row["documents"])) if i not in used]
    if len(free) < MIN_PAGES:
        return []
    rng = random.Random(f"{SEED}/{row['id']}")
    return sorted(rng.sample(free, min(PAGES_PER_CLUSTER, len(free))))


def build(data: Path) -> list[NoisyCluster]:
    return build_fresh(data, "C", FreshPageMaker, fresh_documents, slice(0, 1), "{id}")


def main(argv: list[str] | None = None) -> int:
    return score_set(argv, build, __doc__)


if __name__ == "__main__":
    raise SystemExit(main())
