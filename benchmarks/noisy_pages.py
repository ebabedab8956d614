"""DUC articles dressed as scraped web pages: furniture of many kinds around and between their paragraphs.

Used by ``noisy_clusters.py`` (the benchmark) and ``train_cleaner.py`` (a part
of the cleaner's training data). Each page is a list of ``Line(text, kind)``:
``reporting`` (a paragraph of the article), ``headline``, ``neutral`` (wire
residue DUC keeps in its bodies — "On the Net:", "(pfg-xx)", capitalised
subheads, separators — scored neither way), or a furniture kind. The
furniture is written here, in two families of templates that share no
wording: family ``A`` may be used to tune or train the cleaner, family ``B``
never is, so that a figure on B says how the cleaner does on furniture it
has not seen.

Every page takes a random outlet, layout (blank lines or single newlines
between blocks, a hard-wrapped column now and then), header, footer and a
piece of inline furniture between every few paragraphs: advertisements,
"story continues" prompts, photo captions naming the article's own people
and places (printed once or twice, with or without a credit), newsletter
boxes, related links and most-read lists with other topics' headlines,
image-gallery counters, paywall prompts, audio and video players, tags,
comment prompts, author bios, share rows, cookie and copyright notices.
"""

from __future__ import annotations

import random
import re
import textwrap
from dataclasses import dataclass

REPORTING, HEADLINE, NEUTRAL = "reporting", "headline", "neutral"


@dataclass(frozen=True)
class Line:
    text: str
    kind: str


# --- wire residue in DUC bodies (scored neither way) ---------------------------------

_RESIDUE = re.compile(
    r"^(?:on the net|\(?[a-z]{1,4}-?[a-z]{0,4}\)?$|x{3,}|end of story|-{3,}|_{3,}|\*{3,}|#+$)|https?://|www\.|\btel:|\bfax\b"
    # the wire's own furniture: distribution notes, contact lines, reporters' e-mail bios, wire bylines
    r"|^\(?(?:story filed by|for use by|distributed by|story can end|optional add|end (?:optional|advance)|\(?c\) \d{4})"
    r"|\(at\)|\S@\S|\bcan be reached\b|\bwrites for\b|\d{3}-\d{3}-\d{4}|\btelex\b"
    r"|(?-i:^By [A-Z][A-Z .'-]+\b(?:[A-Z][a-z]+ )*(?:Newspapers|News Service|Writer|Correspondent|Service)$)",
    re.IGNORECASE,
)


def is_wire_residue(paragraph: str) -> bool:
    """DUC text the benchmark does not count as reporting: codes, separators, web addresses, capitalised subheads."""
    letters = [ch for ch in paragraph if ch.isalpha()]
    if not letters or len(paragraph.split()) <= 2:
        return True
    if sum(ch.isupper() for ch in letters) / len(letters) > 0.8:
        return True
    return bool(_RESIDUE.search(paragraph.strip()))


# --- the two families of furniture ---------------------------------------------------

FAMILIES: dict[str, dict[str, list[str]]] = {
    "A": {
        "outlets": [
            "Harbour Herald",
            "The Daily Sentinel",
            "Northfield Gazette",
            "Metro Wire",
            "The Capital Post",
            "Riverside Times",
            "Coastline News",
            "The Morning Ledger",
            "Westbrook Star",
            "Pinecrest Chronicle",
        ],
        "sections": [
            "Home",
            "News",
            "World",
            "Politics",
            "Business",
            "Sport",
            "Opinion",
            "Culture",
            "Science",
            "Health",
            "Travel",
            "Video",
            "Local",
            "Weather",
            "Obituaries",
            "Puzzles",
        ],
        "kickers": ["World", "Breaking", "EXCLUSIVE", "Analysis", "National", "Live updates", "Top story"],
        "bylines": [
            "By {author}",
            "By {author}, Staff Writer",
            "{author} | Reporter",
            "By {AUTHOR} Associated Press Writer",
            "Written by {author}",
        ],
        "stamps": [
            "Published {time} {zone}, {date}",
            "Updated {date} {time}",
            "{date}",
            "{mins} min read",
            "Posted {date} at {time}",
        ],
        "share": ["Share", "Facebook", "Twitter", "Email", "Print", "Share this article", "Copy link", "WhatsApp"],
        "ads": [
            "Advertisement",
            "ADVERTISEMENT",
            "Story continues below advertisement",
            "Continue reading the main story",
            "Sponsored",
            "Ad",
        ],
        "captions": [
            "{person} speaks to reporters in {place} on {day}. ({agency}/{photographer})",
            "{person} arrives for a meeting in {place}. Photo: {agency}",
            "FILE PHOTO: {person} in {place}, {year}.",
            "A view of {place} on {day}.",
            "{person} and {person2} in {place}. Credit: {photographer}/{agency}",
        ],
        "newsletters": [
            "Sign up for our daily newsletter to get the latest news delivered to your inbox.",
            "Get the {outlet} morning briefing",
            "Enter your email address",
            "Subscribe",
            "By signing up you agree to our Terms of Use and Privacy Policy.",
        ],
        "related": [
            "READ MORE: {headline}",
            "Related: {headline}",
            "RELATED COVERAGE",
            "{headline}",
            "You might also like",
            "Most popular",
            "{n}. {headline}",
        ],
        "gallery": ["Image {n} of {m}", "Expand", "Enlarge this image", "Photos: {headline}"],
        "paywall": [
            "Subscribe for unlimited access",
            "You have {n} free articles remaining this month.",
            "Already a subscriber? Log in",
        ],
        "media": ["Listen to this article", "Watch: {headline}", "Video {mins}:{secs}", "Play video"],
        "tags": ["Tags: {place}, {person}, {section}", "Topics", "{section}"],
        "comments": ["Comments ({n})", "Join the conversation", "Leave a comment", "View comments"],
        "bios": [
            "{author} is a reporter at {outlet} covering {section_lower}.",
            "{author} has written for {outlet} since {year}. Follow on Twitter @{handle}.",
        ],
        "footer": [
            "© {year} {outlet}. All rights reserved.",
            "Terms of Use | Privacy Policy | Contact us",
            "About us",
            "We use cookies to improve your experience. By continuing you agree to our use of cookies.",
        ],
    },
    "B": {
        "outlets": [
            "Valley Observer",
            "The Evening Courier",
            "Lakeshore Daily",
            "Summit Press",
            "The Union Record",
            "Bayview Tribune",
            "Eastgate Journal",
            "The Provincial",
            "Meridian Dispatch",
            "Old Town Voice",
        ],
        "sections": [
            "Front page",
            "Latest",
            "Nation",
            "International",
            "Economy",
            "Football",
            "Comment",
            "Arts",
            "Tech",
            "Wellbeing",
            "Motoring",
            "Podcasts",
            "Property",
            "Crosswords",
            "Jobs",
            "Contact",
        ],
        "kickers": ["JUST IN", "Investigation", "Explainer", "Dispatch", "Developing story", "Special report"],
        "bylines": ["{author}", "Words: {author}", "{author}, correspondent", "Story by {author}", "{AUTHOR}"],
        "stamps": [
            "Last modified on {date}",
            "{day} {date} {time}",
            "{date} · {mins} minute read",
            "First published: {date}",
            "{time} {zone}",
        ],
        "share": ["Tweet", "Pin it", "LinkedIn", "Reddit", "Send by email", "Share on Facebook", "Share via"],
        "ads": [
            "— ADVERTISING —",
            "Article continues after this ad",
            "Promoted content",
            "Paid partner content",
            "Ads by Nexus",
            "Scroll to continue with content",
        ],
        "captions": [
            "{person} during a visit to {place}. Image: {agency}",
            "Pictured: {person}, {day} ({photographer} for {outlet})",
            "{place}, {year}. (Getty Images)",
            "Supporters of {person} gather in {place}.",
            "{person} (left) with {person2}. Picture: {agency}",
        ],
        "newsletters": [
            "Want more stories like this? Join 50,000 readers of our weekly digest.",
            "The {outlet} Briefing",
            "Your email",
            "Join now",
            "We will never share your address. Unsubscribe at any time.",
        ],
        "related": [
            "ALSO READ | {headline}",
            "More on this story",
            "Recommended for you",
            "► {headline}",
            "Trending: {headline}",
            "Top stories",
            "{headline} ›",
        ],
        "gallery": ["{n}/{m}", "View gallery", "Open full screen", "In pictures: {headline}"],
        "paywall": ["This article is for subscribers only", "Start your free trial today", "Sign in to keep reading"],
        "media": ["Audio: hear the full interview", "Now playing", "{mins}:{secs}", "Watch the video"],
        "tags": ["Filed under: {section}, {place}", "More about", "#{handle}"],
        "comments": ["{n} comments", "Have your say", "Post a reply", "Show all replies"],
        "bios": [
            "About the author: {author} writes about {section_lower} for {outlet}.",
            "Contact {author} at {handle}@example.com",
        ],
        "footer": [
            "Copyright {outlet} {year}",
            "Sitemap · Accessibility · Cookie settings",
            "Careers",
            "Advertise with us",
            "This site uses cookies. Find out more in our cookie policy.",
        ],
    },
}
FURNITURE_KINDS = (
    "navigation",
    "masthead",
    "kicker",
    "byline",
    "stamp",
    "share",
    "ad",
    "caption",
    "newsletter",
    "related",
    "gallery",
    "paywall",
    "media",
    "tags",
    "comments",
    "bio",
    "footer",
)
AUTHORS = [
    "Maria Lopez",
    "James Okafor",
    "Hannah Berg",
    "Tomas Novak",
    "Aisha Rahman",
    "Peter Lindqvist",
    "Grace Mwangi",
    "Daniel Cho",
    "Sofia Marino",
    "Kwame Mensah",
]
PHOTOGRAPHERS = ["Lena Ward", "Owen Barr", "Rui Costa", "Mei Tanaka", "Ivan Petrov"]
AGENCIES = ["Reuters", "AP", "AFP", "EPA", "Getty Images"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]

_NAME = re.compile(r"\b([A-Z][a-z]+(?: [A-Z]\.)? [A-Z][a-z]{2,})\b")
_DATELINE_PLACE = re.compile(r"^([A-Z][A-Z .,'-]{2,30}?)(?:,\s*[A-Z][a-z.]+\.?)?\s*(?:\(|--|—|_)")
_NOT_NAMES = {"The", "But", "And", "In", "On", "At", "For", "It", "He", "She", "They", "This", "That", "A", "An"}


def article_names(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """People-like names (two capitalised words) and places (the dateline's city) in an article."""
    people = []
    for p in paragraphs:
        for name in _NAME.findall(p):
            if name.split()[0] not in _NOT_NAMES and name not in people:
                people.append(name)
    places = []
    for p in paragraphs[:2]:
        found = _DATELINE_PLACE.match(p)
        if found:
            places.append(found.group(1).strip(" ,").title())
    return people or ["the minister"], places or ["the capital"]


class PageMaker:
    """Builds noisy pages from articles with one family's templates and one seeded random generator."""

    def __init__(self, family: str, headlines: list[str], seed: int) -> None:
        self.t = FAMILIES[family]
        self.headlines = headlines  # other topics' headlines, for related links
        self.rng = random.Random(seed)

    def _fill(self, template: str, ctx: dict[str, str]) -> str:
        r = self.rng
        values = {
            **ctx,
            "headline": r.choice(self.headlines),
            "n": str(r.randint(1, 12)),
            "m": str(r.randint(12, 30)),
            "mins": str(r.randint(2, 9)),
            "secs": f"{r.randint(0, 59):02d}",
            "year": str(r.randint(1996, 2006)),
            "day": r.choice(DAYS),
            "date": f"{r.choice(MONTHS)} {r.randint(1, 28)}, {r.randint(1996, 2006)}",
            "time": f"{r.randint(1, 12)}:{r.randint(0, 59):02d} {r.choice(['a.m.', 'p.m.', 'AM', 'PM'])}",
            "zone": r.choice(["EDT", "GMT", "ET", "BST"]),
            "agency": r.choice(AGENCIES),
            "photographer": r.choice(PHOTOGRAPHERS),
            "section": r.choice(self.t["sections"]),
            "section_lower": r.choice(self.t["sections"]).lower(),
            "person": r.choice(ctx["people"]),
            "person2": r.choice(ctx["people"]),
            "place": r.choice(ctx["places"]),
        }
        return template.format(**{k: v for k, v in values.items() if isinstance(v, str)})

    def _some(self, key: str, ctx: dict[str, str], low: int, high: int) -> list[str]:
        return [self._fill(self.rng.choice(self.t[key]), ctx) for _ in range(self.rng.randint(low, high))]

    def _inline(self, ctx: dict[str, str]) -> list[Line]:
        """One piece of furniture set between paragraphs."""
        r = self.rng
        kind = r.choice(
            ["ad", "ad", "caption", "caption", "newsletter", "related", "gallery", "paywall", "media", "share"]
        )
        if kind == "ad":
            return [Line(self._fill(r.choice(self.t["ads"]), ctx), "ad")]
        if kind == "caption":
            caption = self._fill(r.choice(self.t["captions"]), ctx)
            return [Line(caption, "caption")] * r.choice([1, 1, 2])  # captions are often printed twice
        if kind == "newsletter":
            return [Line(x, "newsletter") for x in self._some("newsletters", ctx, 1, 3)]
        if kind == "related":
            return [Line(x, "related") for x in self._some("related", ctx, 1, 3)]
        key = {"gallery": "gallery", "paywall": "paywall", "media": "media", "share": "share"}[kind]
        return [Line(x, kind) for x in self._some(key, ctx, 1, 2)]

    def page(self, paragraphs: list[str], headline: str | None) -> tuple[list[Line], str]:
        """The lines of one noisy page, and the separator its layout joins them with."""
        r = self.rng
        people, places = article_names(paragraphs)
        outlet = r.choice(self.t["outlets"])
        author = r.choice(AUTHORS)
        ctx = {
            "people": people,
            "places": places,
            "outlet": outlet,
            "author": author,
            "AUTHOR": author.upper(),
            "handle": author.split()[0].lower() + str(r.randint(1, 99)),
        }
        lines: list[Line] = []
        if r.random() < 0.6:
            lines.append(Line(outlet.upper() if r.random() < 0.4 else outlet, "masthead"))
        if r.random() < 0.8:
            menu = r.sample(self.t["sections"], r.randint(4, 9))
            if r.random() < 0.5:
                lines += [Line(m, "navigation") for m in menu]
            else:
                lines.append(Line(r.choice([" | ", " · ", "  "]).join(menu), "navigation"))
        if r.random() < 0.5:
            lines.append(Line(self._fill(r.choice(self.t["kickers"]), ctx), "kicker"))
        if headline:
            lines.append(Line(headline, HEADLINE))
        header = []
        if r.random() < 0.8:
            header.append(Line(self._fill(r.choice(self.t["bylines"]), ctx), "byline"))
        if r.random() < 0.8:
            header.append(Line(self._fill(r.choice(self.t["stamps"]), ctx), "stamp"))
        if r.random() < 0.4:
            header += [Line(x, "share") for x in self._some("share", ctx, 2, 4)]
        if r.random() < 0.5:
            header += (
                self._inline({**ctx})
                if r.random() < 0.3
                else [Line(self._fill(r.choice(self.t["captions"]), ctx), "caption")]
            )
        r.shuffle(header)
        lines += header
        every = r.randint(2, 5)  # furniture between every few paragraphs
        for i, paragraph in enumerate(paragraphs):
            lines.append(Line(paragraph, NEUTRAL if is_wire_residue(paragraph) else REPORTING))
            if i + 1 < len(paragraphs) and (i + 1) % every == 0 and r.random() < 0.85:
                lines += self._inline(ctx)
        footer: list[Line] = []
        if r.random() < 0.6:
            footer += [Line(x, "share") for x in self._some("share", ctx, 2, 5)]
        if r.random() < 0.5:
            footer += [Line(x, "tags") for x in self._some("tags", ctx, 1, 3)]
        if r.random() < 0.4:
            footer.append(Line(self._fill(r.choice(self.t["bios"]), ctx), "bio"))
        if r.random() < 0.6:
            footer += [Line(x, "comments") for x in self._some("comments", ctx, 1, 2)]
        if r.random() < 0.7:
            footer += [Line(x, "related") for x in self._some("related", ctx, 3, 7)]
        if r.random() < 0.3:  # related stories, each with its picture's caption
            for _ in range(r.randint(2, 4)):
                other = r.choice(self.headlines)
                people, places = article_names([other])
                caption = self._fill(r.choice(self.t["captions"]), {**ctx, "people": people, "places": places})
                footer += [Line(caption, "related"), Line(other, "related")]
        if r.random() < 0.3:
            footer += [Line(x, "newsletter") for x in self._some("newsletters", ctx, 1, 3)]
        if r.random() < 0.8:
            footer += [Line(x, "footer") for x in self._some("footer", ctx, 1, 4)]
        lines += footer
        separator = r.choice(["\n\n", "\n\n", "\n"])
        return lines, separator


def render_page(lines: list[Line], separator: str, wrap: bool = False) -> str:
    """The page's text; ``wrap`` sets every long block in a 72-column hard-wrapped paragraph (e-mailed copy)."""
    blocks = [
        textwrap.fill(x.text, 72, break_on_hyphens=False, break_long_words=False)
        if wrap and len(x.text) > 72
        else x.text
        for x in lines
    ]
    return (separator if not wrap else "\n\n").join(blocks) + "\n"
