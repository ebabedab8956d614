"""A second fresh noisy-cluster set, D, built like set C but from other articles and other furniture.

    python benchmarks/noisy_fresh_d.py [--data ../shared/data] [--json FILE] [--show N]

Set C (``noisy_fresh.py``) was scored in the seventh session and its misses
read in the eighth to find the rules of that session, so it is a development
set now. This set was written and labelled in the eighth session *before*
the cleaner was run on it or changed, and is scored once at the end, to say
how those rules do on pages nobody read:

- **articles**: DUC 2006 documents that none of sets A, B and C dresses
  (each topic's documents outside ``noisy_clusters.chosen_documents`` and
  ``noisy_fresh.fresh_documents``), 5 per topic drawn with another seed
  (DUC 2007's update sets have too few left);
- **furniture**: family ``D``, templates written for this set and sharing no
  wording with A, B or C, with the kinds the cleaner is known to miss at a
  page's end (a company's "about" paragraph, legal and editorial
  disclaimers, author biographies, donation appeals, print-edition notes)
  and in mid-article (product boxes with ratings and prices, a
  recirculation box of numbered headlines with their teasers, "read more"
  links with another story's headline);
- **interleaving**: each page draws its own density of furniture (from
  ``MIN_DENSITY`` to ``MAX_DENSITY`` of its gaps), so that some pages have
  furniture after nearly every paragraph; a tenth of the pages are set in a
  hard-wrapped column as in sets A and B.

The labels are the templates' kinds (``Line.kind``), written as the page is
built; scored as ``noisy_clusters.py`` scores.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fresh_pages import TemplatePageMaker, build_fresh, score_set  # noqa: E402
from noisy_clusters import WRAPPED_SHARE, NoisyCluster, chosen_documents  # noqa: E402
from noisy_fresh import fresh_documents  # noqa: E402
from noisy_pages import (  # noqa: E402
    DAYS,
    HEADLINE,
    MONTHS,
    Line,
    article_names,
)

PAGES_PER_CLUSTER = 5
DATASETS = ("duc2006",)  # DUC 2007's update sets have at most 2 documents left after A, B and C
MIN_DENSITY, MAX_DENSITY = 0.1, 0.7  # share of a page's gaps between paragraphs that get furniture
RECIRCULATION_SHARE = 0.3  # pages with a box of numbered headlines in mid-article
PRODUCT_SHARE = 0.15  # pages with a product box in mid-article
SEED = "fresh-d"

D: dict[str, list[str]] = {
    "outlets": [
        "The Kingsport Ledger",
        "Millbrook Standard",
        "Tidewater Gazette",
        "The Upland Courier",
        "Blackstone Tribune",
        "Saltmarsh Daily",
        "The Prairie Beacon",
        "Highcliff Argus",
        "Westmoor Herald-Times",
        "The Quayside",
    ],
    "sections": [
        "Homepage",
        "Nation & World",
        "Regional",
        "Business & Finance",
        "Rugby",
        "Cricket",
        "Viewpoints",
        "Lifestyle",
        "Books",
        "Climate",
        "Science & Tech",
        "Obits",
        "Classifieds",
        "E-edition",
        "Newsletters",
        "Subscribe",
    ],
    "kickers": ["LATEST", "Exclusive report", "Analysis & opinion", "Spotlight", "News in brief", "Live"],
    "bylines": [
        "Written by {author} and {author2}",
        "{author}, Senior Correspondent",
        "Posted by {author}",
        "{author} for {outlet}",
        "BY {AUTHOR}",
    ],
    "stamps": [
        "Posted: {date} {time}",
        "Last updated {time} on {day}",
        "{n} min read · {date}",
        "Updated on {date}",
        "Published {day} {date}",
    ],
    "share": ["Share this story", "Post to Facebook", "Email this", "Print article", "Share on Threads", "Messenger"],
    "ads": [
        "SPONSORED",
        "Content from our sponsors",
        "— Story continues —",
        "Advertisement · Scroll to continue",
        "Partner content",
        "Report this ad",
    ],
    "captions": [
        "FILE - {person} speaks during a news conference in {place}, {date}. ({agency} Photo/{photographer})",
        "{person} (centre) arrives in {place}. | Credit: {photographer}",
        "Police officers stand guard outside a building in {place} on {day}. Courtesy photo",
        "{person} listens during a hearing. Photo by {photographer}",
    ],
    "newsletters": [
        "Don't miss a story. Sign up for the {outlet} evening edition.",
        "Enter email",
        "Sign up",
        "You're subscribed. Look out for our next edition.",
        "Unsubscribe at any time. See our privacy notice.",
    ],
    "read_more": ["READ NEXT: {headline}", "See also: {headline}", "Related story — {headline}", "MORE: {headline}"],
    "recirculation_labels": ["Trending now", "Most read this week", "Popular on {outlet}", "What others are reading"],
    "gallery": ["Photo {n} of {m}", "Click to enlarge", "Swipe to view gallery", "{n} photos"],
    "paywall": [
        "This story is available to subscribers.",
        "Your first month is free. Cancel any time.",
        "Have an account? Sign in here",
    ],
    "media": ["Listen: {mins} min", "Watch now: {headline}", "0:00 / {mins}:{secs}", "Audio available"],
    "tags": ["Filed in: {section}", "Related topics: {place} · {section}", "More on: {person}"],
    "comments": ["Comments are closed.", "Be the first to comment", "{n} responses", "Community guidelines"],
    "bios": [
        "{author} is a senior reporter at {outlet}, where she has written about {section_lower} since {year}."
        " Before that she worked for newspapers in {place} and abroad.",
        "{author} covers the courts and city hall. She can be reached on social media at @{handle}_writes.",
        "Follow {author} on social media for more of her coverage.",
    ],
    "disclaimers": [
        "The views expressed in this article are those of the writer and do not necessarily reflect the editorial"
        " position of {outlet} or its owners.",
        "This article was produced with the help of a grant; the funders had no say in its content, which remains"
        " the sole responsibility of {outlet}.",
        "All content is copyright of {outlet} and its licensors and may not be copied, republished or redistributed"
        " without prior written consent.",
    ],
    "about": [
        "Founded in {year}, {outlet} is the most-read source of local news in the region, reaching {n} million"
        " readers a month in print, online and on mobile.",
        "{outlet} is part of the Harrow Media Group, which publishes {n} daily and weekly titles across the country.",
    ],
    "appeals": [
        "Quality journalism takes time and money. If you value reporting like this, please consider supporting us"
        " with a contribution of any size; every gift goes straight to the newsroom.",
        "Become a member today and help keep our reporting free for everyone.",
    ],
    "print": [
        "A version of this article appeared in print on {date}, on page A{n} of the {outlet}.",
        "This story has been corrected to fix a date.",
    ],
    "footer": [
        "Copyright © {year} {outlet} Ltd.",
        "Privacy Notice | Cookie Preferences | Terms of Service",
        "Contact the newsroom",
        "Send us a news tip",
        "Download our app",
    ],
    "products": ["Wireless earbuds", "Robot vacuum", "Electric kettle", "Standing desk", "Fitness tracker"],
    "retailers": ["ValueHub", "Stockwell's", "Pricepoint"],
    "product_lines": [
        "Our pick: {product}",
        "Rating: {stars} out of 5",
        "Was ${price}, now ${price2}",
        "Buy it at {retailer}",
        "Check price",
    ],
    "product_notes": ["If you buy through these links, {outlet} may earn an affiliate commission."],
}
AUTHORS = ["Helen Ashworth", "Marcus Webb", "Priya Nair", "Lukas Meier", "Yara Haddad", "Owen Pryce"]
PHOTOGRAPHERS = ["Sam Okoye", "Lea Fischer", "Diego Salas"]
AGENCIES = ["AP", "Reuters", "Bloomberg", "Shutterstock"]


class FreshDPageMaker(TemplatePageMaker):
    """Builds a page of family D: its own density of furniture, a recirculation box, a product box."""

    templates = D

    def values(self, ctx: dict[str, object]) -> dict[str, object]:
        r = self.rng
        people = ctx["people"]
        assert isinstance(people, list)
        places = ctx["places"]
        assert isinstance(places, list)
        author = str(ctx["author"])
        return {
            "outlet": ctx["outlet"],
            "author": author,
            "AUTHOR": author.upper(),
            "author2": r.choice([a for a in AUTHORS if a != author]),
            "handle": ctx["handle"],
            "headline": r.choice(self.headlines),
            "n": str(r.randint(2, 30)),
            "m": str(r.randint(31, 50)),
            "mins": str(r.randint(1, 15)),
            "secs": f"{r.randint(0, 59):02d}",
            "year": str(r.randint(1920, 2004)),
            "day": r.choice(DAYS),
            "date": f"{r.choice(MONTHS)} {r.randint(1, 28)}, {r.randint(1998, 2006)}",
            "time": f"{r.randint(1, 12)}.{r.randint(0, 59):02d}{r.choice(['am', 'pm'])}",
            "agency": r.choice(AGENCIES),
            "photographer": r.choice(PHOTOGRAPHERS),
            "section": r.choice(D["sections"]),
            "section_lower": r.choice(D["sections"]).lower(),
            "person": r.choice(people),
            "place": r.choice(places),
            "product": r.choice(D["products"]),
            "retailer": r.choice(D["retailers"]),
            "stars": r.choice(["3.5", "4", "4.5"]),
            "price": str(r.randint(60, 500)),
            "price2": str(r.randint(20, 59)),
        }

    def piece(self, ctx: dict[str, object]) -> list[Line]:
        """One piece of furniture between paragraphs."""
        r = self.rng
        kind = r.choice(
            ["ad", "ad", "caption", "caption", "newsletter", "read_more", "gallery", "paywall", "media", "appeal"]
        )
        if kind == "caption":  # now and then with the gallery's counter above it
            counter = self.pick("gallery", "gallery", ctx) if r.random() < 0.3 else []
            return counter + self.pick("captions", kind, ctx)
        if kind == "newsletter":
            return self.pick("newsletters", kind, ctx, 1, 3)
        if kind == "appeal":
            return self.pick("appeals", kind, ctx)
        if kind == "read_more":
            return self.pick("read_more", "related", ctx)
        key = {"ad": "ads", "gallery": "gallery", "paywall": "paywall", "media": "media"}[kind]
        return self.pick(key, kind, ctx, 1, 2 if kind in ("paywall", "media") else 1)

    def recirculation(self, ctx: dict[str, object]) -> list[Line]:
        """A box of numbered headlines, some with another topic's first sentence under them."""
        r = self.rng
        lines = [Line(self.fill(r.choice(D["recirculation_labels"]), ctx), "related")]
        for n in range(1, r.randint(3, 5) + 1):
            lines.append(
                Line(f"{n}. {r.choice(self.headlines)}" if r.random() < 0.6 else r.choice(self.headlines), "related")
            )
            if r.random() < 0.4:
                lines.append(Line(r.choice(self.ledes), "related"))
        return lines

    def products(self, ctx: dict[str, object]) -> list[Line]:
        return self.pick("product_lines", "product", ctx, 2, 4) + self.pick("product_notes", "product", ctx)

    def page(self, paragraphs: list[str], headline: str | None) -> tuple[list[Line], str, bool]:
        r = self.rng
        people, places = article_names(paragraphs)
        author = r.choice(AUTHORS)
        ctx: dict[str, object] = {
            "people": people,
            "places": places,
            "outlet": r.choice(D["outlets"]),
            "author": author,
            "handle": author.split()[0].lower(),
        }
        lines: list[Line] = []
        if r.random() < 0.6:
            lines.append(Line(str(ctx["outlet"]), "masthead"))
        if r.random() < 0.75:
            menu = r.sample(D["sections"], r.randint(3, 9))
            if r.random() < 0.3:
                lines += [Line(m, "navigation") for m in menu]
            elif r.random() < 0.5:  # a breadcrumb trail
                lines.append(Line(" > ".join(menu[:3]), "navigation"))
            else:
                lines.append(Line(r.choice([" | ", " • ", "   "]).join(menu), "navigation"))
        if r.random() < 0.4:
            lines += self.pick("kickers", "kicker", ctx)
        if headline:
            lines.append(Line(headline, HEADLINE))
        header: list[Line] = []
        if r.random() < 0.7:
            header += self.pick("bylines", "byline", ctx)
        if r.random() < 0.7:
            header += self.pick("stamps", "stamp", ctx)
        if r.random() < 0.35:
            header += self.pick("share", "share", ctx, 2, 4)
        if r.random() < 0.4:
            header += self.pick("captions", "caption", ctx)
        r.shuffle(header)
        lines += header
        density = r.uniform(MIN_DENSITY, MAX_DENSITY)
        last = len(paragraphs) - 1
        recirculation_at = r.randint(2, max(2, last - 1)) if r.random() < RECIRCULATION_SHARE else -1
        product_at = r.randint(1, max(1, last)) if r.random() < PRODUCT_SHARE else -1

        def gap(i: int) -> list[Line]:
            if i + 1 == recirculation_at:
                return self.recirculation(ctx)
            if i + 1 == product_at:
                return self.products(ctx)
            if r.random() < density:
                return [x for _ in range(r.choice([1, 1, 1, 2])) for x in self.piece(ctx)]
            return []

        lines += self.interleave(paragraphs, gap)
        tail: list[Line] = []
        for key, kind, share, low, high in (
            ("print", "print", 0.3, 1, 1),
            ("disclaimers", "disclaimer", 0.35, 1, 1),
            ("bios", "bio", 0.45, 1, 2),
            ("tags", "tags", 0.4, 1, 2),
            ("share", "share", 0.4, 2, 4),
            ("appeals", "appeal", 0.25, 1, 1),
            ("comments", "comments", 0.4, 1, 2),
            ("about", "about", 0.35, 1, 1),
            ("footer", "footer", 0.8, 1, 4),
        ):
            if r.random() < share:
                tail += self.pick(key, kind, ctx, low, high)
            if key == "comments" and r.random() < 0.35:
                tail += self.recirculation(ctx)
        return lines + tail, r.choice(["\n\n", "\n\n", "\n"]), r.random() < WRAPPED_SHARE


def d_documents(row: dict) -> list[int]:
    """The indexes of the cluster's documents this set dresses: none of sets A, B and C's, drawn with this
    set's seed."""
    used = set(chosen_documents(row)) | set(fresh_documents(row))
    free = [i for i in range(len(row["documents"])) if i not in used]
    rng = random.Random(f"{SEED}/{row['id']}")
    return sorted(rng.sample(free, min(PAGES_PER_CLUSTER, len(free))))


def build(data: Path) -> list[NoisyCluster]:
    # the ledes of the second documents: set C's teasers are the first documents'
    return build_fresh(data, "D", FreshDPageMaker, d_documents, slice(1, 2), "D/{id}", DATASETS)


def main(argv: list[str] | None = None) -> int:
    return score_set(argv, build, __doc__)


if __name__ == "__main__":
    raise SystemExit(main())
