"""An eighth fresh noisy-cluster set, J: real reporting (not DUC) in a tenth family of furniture.

    python benchmarks/noisy_fresh_j.py [--data ../shared/data] [--json FILE] [--show N] [--overlap] [--bare]

``--bare`` scores the same pages with no furniture (the headline and the body
only): what the cleaner loses of these real bodies whatever the furniture,
beside which the furniture's own cost reads.

Written and labelled in session s15 (2026-12-04) *before* any of that
session's rules, frozen then, scored on main once before the session's
changes and once after them; no page of it is read to find a rule (only its
totals and the kinds it keeps). It is built unlike C-I:

- **articles**: not DUC. The true article bodies a person marked on the 77
  English pages of ``../shared/data/web-pages/`` (``ground-truth.json``, the
  language as ``web_pages.english_keys`` tells it), each paragraph of the body
  a line of reporting (``fresh_pages.paragraph_line``: DUC's wire residue rule
  sets a bare two-word line or a capitalised subhead aside as neither); the page's
  headline is its ``og:title`` (or ``<title>``), not scored. The line model was
  trained on the text route of the pages whose key opens with 0-7 (the
  *train half*: their bodies' lines were its positive examples); the others'
  bodies it never saw (the *held-out half*), so the parts keep them apart;
- **clusters**: part ``events`` is the groups of pages that report one event
  (``benchmarks/stories/web-pages-events.json``, judged in an earlier session:
  two or three pages each); parts ``five, train half`` and ``five, held-out
  half`` are each half's pages drawn into clusters of five at random (the last
  smaller), as a user's folder of unrelated saved pages would be;
- **furniture**: family ``J``, templates written for this set, sharing no
  word 4-gram with A-I (``--overlap``), of what news sites set in and around
  an article: breadcrumbs, a byline with its social handle and a reading time,
  share rows and tool rows (text size, print), recommendation widgets of
  sponsored teasers in their own voice ("You won't believe ...") with their
  advertiser, inline video players ("Watch: ...", a duration, "Up next"),
  galleries' counters and credited captions "(Photo by ...)", inline newsletter
  boxes with their form's labels, event and subscription promotions, tip
  lines, tag rows, a table of contents of the article's sections, "Most
  popular" rails, quiz and survey prompts, comment sections with readers'
  names and their one-line comments, cookie bars of one line, footer menus;
- **page shapes**: a recommendation rail between two paragraphs on some
  pages, a comment section with readers' comments at the foot of others, a
  piece in a drawn share of the gaps (one to two pieces at once), blocks joined
  by single newlines on a third of the pages, some hard-wrapped.

The labels are the templates' kinds (``Line.kind``), written as the page is
built; scored as ``noisy_clusters.py`` scores.
"""

from __future__ import annotations

import html
import json
import random
import re
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fresh_pages import TemplatePageMaker, fresh_set_main  # noqa: E402
from noisy_clusters import WRAPPED_SHARE, NoisyCluster  # noqa: E402
from noisy_pages import DAYS, HEADLINE, NEUTRAL, REPORTING, Line, render_page  # noqa: E402

MIN_DENSITY, MAX_DENSITY = 0.15, 0.5  # share of a page's gaps between paragraphs that get a piece
DOUBLE_SHARE = 0.25  # of the gaps that get furniture, those that get two pieces
RAIL_SHARE = 0.2  # pages with a recommendation rail between two paragraphs
CLUSTER_SIZE = 5
SEED = "fresh-j"
EVENTS = Path(__file__).resolve().parent / "stories" / "web-pages-events.json"

J_TEMPLATES: dict[str, list[str]] = {
    "outlets": [
        "Kestrel Valley Observer",
        "The Brindlecombe Post-Dispatch",
        "Marrowgate News Network",
        "The Tillingham Examiner",
        "Saltash Point Register",
        "Quenby Metro Daily",
        "The Lowick Sun-Herald",
    ],
    "breadcrumbs": [
        "Home › {section} › {section2}",
        "You are here: {section} / {section2}",
        "{section} » Latest",
    ],
    "sections": ["National", "World", "Business", "Tech", "Culture", "Health", "Science", "Sports", "Politics"],
    "bylines": [
        "Written by {author} · {mins} min read",
        "{author} — @{handle}",
        "Story by {author} and {author2}",
        "{author}, contributing writer",
    ],
    "stamps": [
        "Last updated: {d} {month} {year}, {hour}:{minute}",
        "First published {month} {d}, {year}",
        "{day} {d} {month} {year} {hour}.{minute} GMT",
    ],
    "share": [
        "Facebook",
        "Twitter",
        "LinkedIn",
        "WhatsApp",
        "Email this",
        "Copy link",
        "Share on Reddit",
        "Pin it",
    ],
    "tools": ["Font: smaller · larger", "Print this page", "Bookmark", "Gift this story", "Reading mode"],
    "sponsored_labels": [
        "Recommended for you",
        "You may also enjoy",
        "Elsewhere online",
        "Sponsored links",
        "Promoted content",
    ],
    "sponsored": [
        "You won't believe what this {job} found in her attic",
        "Households across {city} quietly swap boilers for this clever trick",
        "Chefs keep this $19 gadget hidden in every drawer",
        "Seniors are getting a surprising perk this winter — see if you qualify",
        "This is what happens when you stop drinking coffee for a month",
        "Here's why everyone in {city} is talking about this new mattress",
        "Forget expensive cruises: this is the smarter way to travel",
    ],
    "advertisers": ["{brand} | Sponsored", "By {brand}", "Ad — {brand}", "{brand}.com"],
    "video": [
        "Watch: {headline}",
        "Video · {mins}:{secs}",
        "Up next",
        "Autoplay is paused",
        "▶ {headline} ({mins}:{secs})",
        "Press play to watch",
    ],
    "gallery": [
        "{n} / {m}",
        "View gallery ({m} images)",
        "Swipe left to see more pictures",
        "Photos: {headline}",
    ],
    "photo_captions": [
        "{person} speaks to reporters on {day}. (Photo by {photographer}/{agency})",
        "Crowds gather in {city} on a recent weekend. Image: {agency}",
        "A file image of {person}. Picture: {photographer}",
        "{person} in {year}. ({agency})",
    ],
    "newsletter": [
        "Get the {outlet} morning brief",
        "The stories that matter, in your inbox before breakfast.",
        "Email address",
        "Subscribe",
        "No spam. Unsubscribe any time.",
        "Signing up means accepting the {outlet} terms; see privacy notice.",
    ],
    "promos": [
        "Join us at the {outlet} Ideas Summit, {month} {d} — early-bird tickets now on sale",
        "Subscribe today: {n} months for $1",
        "Give the gift of news this holiday season",
        "Become a founding member and help fund local reporting",
    ],
    "tips": [
        "Have a story we should look into? Contact {email}",
        "Send tips securely via Signal: {phone}",
        "Spotted a typo? Let us know.",
    ],
    "tags": [
        "Tags: {section}, {section2}, {person}",
        "Filed under {section} • {city}",
        "More on: {person} | {section}",
    ],
    "contents": ["Jump to section", "In this article:", "Table of contents", "Key takeaways"],
    "popular_labels": ["Most popular", "Most read over seven days", "Popular right now"],
    "quiz": [
        "Take our quiz: how well do you know {city}?",
        "Tell us what you think — answer our two-minute survey",
        "Rate this article: ★★★★☆",
        "Was this helpful? Yes / No",
    ],
    "comment_heads": [
        "{m} comments",
        "Readers respond",
        "Show more comments",
        "Add your comment",
        "Community guidelines apply",
    ],
    "commenters": ["{reader} · {n}h", "{reader} replied", "{reader} ({city})"],
    "comments": [
        "Great piece, thanks for covering this.",
        "I've been saying this for years and nobody listens.",
        "Who is paying for all of this? Not me, I hope.",
        "Finally some honest reporting about it.",
        "This is exactly why I cancelled my subscription.",
    ],
    "cookie_bar": [
        "Cookies help {outlet} work better for readers like you. Got it",
        "Tracking preferences: allow all · essential only",
    ],
    "foot_links": [
        "About us",
        "Careers at {outlet}",
        "Advertise with us",
        "Accessibility statement",
        "Privacy centre",
        "Opt out of sale of personal data",
        "RSS feeds",
        "Site map",
        "Copyright {year} {outlet} Media Group",
    ],
}
AUTHORS = ["Priya Raman", "Declan Foley", "Ingrid Solberg", "Kwame Mensah", "Lucia Ferrante", "Tariq Haddad"]
READERS = ["mountainman62", "Jen K.", "RealistVoter", "Sam from Ohio", "old_timer", "Beatriz L."]
PHOTOGRAPHERS = ["Nikos Petrakis", "Ruth Abebe", "Callum Reid", "Mei Tanaka"]
AGENCIES = ["Getty Images", "Reuters", "Shutterstock", "AP"]
BRANDS = ["HomeDeals", "SnugSleep", "TravelWise", "Brightline Finance", "KitchenPro"]
JOBS = ["retired nurse", "grandmother", "teacher", "mechanic"]
CITIES = ["Bristol", "Tucson", "Adelaide", "Winnipeg", "Dundee", "Omaha"]
MONTHS = ["January", "March", "May", "July", "September", "November"]
HANDLES = ["priya_writes", "dfoley", "isolberg_news", "kmensah"]


class FreshJPageMaker(TemplatePageMaker):
    """Builds a page of family J."""

    templates = J_TEMPLATES

    def values(self, ctx: dict[str, object]) -> dict[str, object]:
        r = self.rng
        people = ctx["people"]
        assert isinstance(people, list)
        author = str(ctx["author"])
        outlet = str(ctx["outlet"]).removeprefix("The ")
        return {
            "outlet": outlet,
            "author": author,
            "author2": r.choice([a for a in AUTHORS if a != author]),
            "handle": r.choice(HANDLES),
            "email": "tips@" + outlet.split()[0].lower() + ".com",
            "phone": f"+1 {r.randint(200, 999)} {r.randint(200, 999)} {r.randint(1000, 9999)}",
            "section": r.choice(J_TEMPLATES["sections"]),
            "section2": r.choice(J_TEMPLATES["sections"]),
            "city": r.choice(CITIES),
            "job": r.choice(JOBS),
            "brand": r.choice(BRANDS),
            "reader": r.choice(READERS),
            "photographer": r.choice(PHOTOGRAPHERS),
            "agency": r.choice(AGENCIES),
            "person": r.choice(people),
            "headline": r.choice(self.headlines),
            "n": str(r.randint(2, 12)),
            "m": str(r.randint(13, 400)),
            "mins": str(r.randint(1, 12)),
            "secs": f"{r.randint(0, 59):02d}",
            "year": str(r.randint(2015, 2020)),
            "day": r.choice(DAYS),
            "month": r.choice(MONTHS),
            "d": str(r.randint(1, 28)),
            "hour": str(r.randint(0, 23)),
            "minute": f"{r.randint(0, 59):02d}",
        }

    def sample(self, key: str, kind: str, ctx: dict[str, object], low: int, high: int) -> list[Line]:
        """Between ``low`` and ``high`` of ``key``'s templates, each once, in their order."""
        count = self.rng.randint(low, min(high, len(J_TEMPLATES[key])))
        chosen = sorted(self.rng.sample(range(len(J_TEMPLATES[key])), count))
        return [Line(self.fill(J_TEMPLATES[key][i], ctx), kind) for i in chosen]

    def share_row(self, ctx: dict[str, object]) -> list[Line]:
        """Share buttons: on one line joined by a bar or a dot, or a line each."""
        lines = self.sample("share", "share", ctx, 2, 5)
        if self.rng.random() < 0.5:
            return [Line(self.rng.choice([" | ", " · ", "  "]).join(x.text for x in lines), "share")]
        return lines

    def rail(self, ctx: dict[str, object]) -> list[Line]:
        """A recommendation rail: its label, then sponsored teasers, each with its advertiser on the next line
        or not, or other stories' teasers (another page's lede)."""
        r = self.rng
        lines = self.pick("sponsored_labels", "sponsored", ctx)
        for _ in range(r.randint(2, 4)):
            if r.random() < 0.7 or not self.ledes:
                lines += self.pick("sponsored", "sponsored", ctx)
                if r.random() < 0.6:
                    lines += self.pick("advertisers", "sponsored", ctx)
            else:
                lines.append(Line(r.choice(self.ledes), "other_story"))
        return lines

    def popular(self, ctx: dict[str, object]) -> list[Line]:
        """A most-popular list: its label, then headlines, numbered or not."""
        r = self.rng
        numbered = r.random() < 0.5
        lines = self.pick("popular_labels", "popular", ctx)
        for number in range(1, r.randint(3, 6)):
            lines.append(Line((f"{number} " if numbered else "") + r.choice(self.headlines), "popular"))
        return lines

    def comment_section(self, ctx: dict[str, object]) -> list[Line]:
        """Readers' comments: a head, then a reader's name over a comment, two to four times."""
        r = self.rng
        lines = self.sample("comment_heads", "comments", ctx, 1, 2)
        for _ in range(r.randint(2, 4)):
            lines += self.pick("commenters", "comments", ctx) + self.pick("comments", "comments", ctx)
        return lines

    def photo(self, ctx: dict[str, object]) -> list[Line]:
        r = self.rng
        lines = self.pick("photo_captions", "caption", ctx)
        if r.random() < 0.4:
            lines = self.pick("gallery", "gallery", ctx) + lines
        return lines

    def piece(self, ctx: dict[str, object]) -> list[Line]:
        """One piece of furniture between two paragraphs."""
        r = self.rng
        kind = r.choice(["photo", "photo", "video", "video", "sponsored", "newsletter", "share", "promo"])
        kind = r.choice([kind, kind, "tip", "quiz", "popular", "tools", "tags", "gallery"])
        if kind == "photo":
            return self.photo(ctx)
        if kind == "video":
            return self.sample("video", kind, ctx, 1, 3)
        if kind == "sponsored":
            return self.rail(ctx)
        if kind == "newsletter":
            return self.sample("newsletter", kind, ctx, 2, 4)
        if kind == "share":
            return self.share_row(ctx)
        if kind == "promo":
            return self.pick("promos", kind, ctx)
        if kind == "tip":
            return self.pick("tips", kind, ctx)
        if kind == "quiz":
            return self.pick("quiz", kind, ctx)
        if kind == "popular":
            return self.popular(ctx)
        if kind == "tools":
            return self.sample("tools", kind, ctx, 1, 3)
        if kind == "tags":
            return self.pick("tags", kind, ctx)
        return self.sample("gallery", "gallery", ctx, 1, 2)

    def page(self, paragraphs: list[str], headline: str | None) -> tuple[list[Line], str, bool]:
        r = self.rng
        ctx = self.page_context(paragraphs, AUTHORS)
        lines: list[Line] = []
        if r.random() < 0.3:
            lines += self.pick("cookie_bar", "cookie", ctx)
        if r.random() < 0.6:
            lines.append(Line(str(ctx["outlet"]), "masthead"))
        if r.random() < 0.5:
            lines += self.pick("breadcrumbs", "navigation", ctx)
        if headline:
            lines.append(Line(headline, HEADLINE))
        if r.random() < 0.7:
            lines += self.pick("bylines", "byline", ctx)
        if r.random() < 0.6:
            lines += self.pick("stamps", "stamp", ctx)
        if r.random() < 0.4:
            lines += self.share_row(ctx)
        if r.random() < 0.3:
            lines += self.sample("tools", "tools", ctx, 1, 3)
        if r.random() < 0.35:
            lines += self.photo(ctx)
        if r.random() < 0.15:
            lines += self.pick("contents", "contents", ctx)
        density = r.uniform(MIN_DENSITY, MAX_DENSITY)
        rail_at = r.randint(1, max(1, len(paragraphs) - 2)) if r.random() < RAIL_SHARE else -1

        def gap(i: int) -> list[Line]:
            if i == rail_at:
                return self.rail(ctx)
            if r.random() >= density:
                return []
            return self.piece(ctx) + (self.piece(ctx) if r.random() < DOUBLE_SHARE else [])

        lines += self.interleave(paragraphs, gap)
        foot: list[list[Line]] = []
        if r.random() < 0.4:
            foot.append(self.pick("tags", "tags", ctx))
        if r.random() < 0.4:
            foot.append(self.share_row(ctx))
        if r.random() < 0.3:
            foot.append(self.pick("tips", "tip", ctx))
        if r.random() < 0.4:
            foot.append(self.rail(ctx))
        if r.random() < 0.3:
            foot.append(self.popular(ctx))
        if r.random() < 0.3:
            foot.append(self.comment_section(ctx))
        if r.random() < 0.25:
            foot.append(self.sample("newsletter", "newsletter", ctx, 2, 5))
        if r.random() < 0.2:
            foot.append(self.pick("promos", "promo", ctx))
        r.shuffle(foot)
        if r.random() < 0.75:
            foot.append(self.sample("foot_links", "footer", ctx, 3, 7))
        return (
            lines + [x for piece in foot for x in piece],
            r.choice(["\n\n", "\n\n", "\n"]),
            r.random() < WRAPPED_SHARE,
        )


def page_headline(page_html: str) -> str | None:
    """The page's own headline: its og:title, else its <title>."""
    for pattern in (
        r"<meta[^>]+property=[\"']og:title[\"'][^>]+content=\"([^\"]+)\"",
        r"<meta[^>]+property=[\"']og:title[\"'][^>]+content='([^']+)'",
        r"<title[^>]*>([^<]+)</title>",
    ):
        found = re.search(pattern, page_html, re.I)
        if found and found.group(1).strip():
            return " ".join(html.unescape(found.group(1)).split())
    return None


def body_paragraphs(body: str) -> list[str]:
    return [p.strip() for p in body.split("\n") if p.strip()]


def j_parts(keys: list[str]) -> list[tuple[str, list[str]]]:
    """The set's clusters as (part, keys): the judged events among ``keys``, then each half drawn in fives."""
    from web_pages import is_training_page

    events = json.loads(EVENTS.read_text(encoding="utf-8"))["events"]
    wanted = set(keys)
    parts = [("events", [k for k in group if k in wanted]) for _, group in sorted(events.items())]
    parts = [(p, g) for p, g in parts if len(g) >= 2]
    for name, half in (("five, train half", True), ("five, held-out half", False)):
        pool = sorted(k for k in keys if is_training_page(k) == half)
        random.Random(f"{SEED}/{name}").shuffle(pool)
        parts += [(name, pool[i : i + CLUSTER_SIZE]) for i in range(0, len(pool), CLUSTER_SIZE)]
    return parts


def web_page_clusters(data: Path, parts_of, maker_class, family: str) -> list[NoisyCluster]:
    """The real web pages' bodies in clusters (``parts_of(keys)`` gives each cluster's part and page keys),
    each page wrapped by a ``maker_class`` seeded by family, part and number, whose furniture borrows the
    other clusters' headlines and ledes (never the cluster's own): sets J and K."""
    from fresh_pages import first_sentence
    from web_pages import english_keys, read_pages

    pages = read_pages(data / "web-pages")
    keys = sorted(english_keys(pages))
    heads = {k: page_headline(pages[k]["html"]) for k in keys}
    clusters = []
    for number, (part, group) in enumerate(parts_of(keys)):
        own = set(group)
        others = [h for k, h in heads.items() if k not in own and h and len(h.split()) >= 4]
        ledes = [s for k in keys if k not in own for s in [first_sentence(pages[k]["truth"])] if s]
        maker = maker_class(others, ledes, zlib.crc32(f"{family}/{part}/{number}".encode()))
        lines_of, texts = [], []
        for key in group:
            lines, separator, wrap = maker.page(body_paragraphs(pages[key]["truth"]), heads[key])
            lines_of.append(lines)
            texts.append(render_page(lines, separator, wrap=wrap))
        clusters.append(NoisyCluster(f"{family}{number:02d}", part, family, lines_of, texts))
    return clusters


def build(data: Path) -> list[NoisyCluster]:
    return web_page_clusters(data, j_parts, FreshJPageMaker, "J")


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
)


def bare(clusters: list[NoisyCluster]) -> list[NoisyCluster]:
    """The same clusters with no furniture: each page's headline and paragraphs only, a blank line between."""
    out = []
    for c in clusters:
        pages = [[x for x in lines if x.kind in (REPORTING, NEUTRAL, HEADLINE)] for lines in c.pages]
        out.append(NoisyCluster(c.id, c.part, "bare", pages, [render_page(p, "\n\n") for p in pages]))
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if "--bare" in args:
        return fresh_set_main(
            [a for a in args if a != "--bare"], lambda data: bare(build(data)), __doc__, J_TEMPLATES, OTHER_GENERATORS
        )
    return fresh_set_main(args, build, __doc__, J_TEMPLATES, OTHER_GENERATORS)


if __name__ == "__main__":
    raise SystemExit(main())
