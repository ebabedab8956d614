"""A sixth fresh noisy-cluster set, H: other articles, an eighth family of furniture, other page shapes.

    python benchmarks/noisy_fresh_h.py [--data ../shared/data] [--json FILE] [--show N] [--overlap]

Sets C-G dress every DUC document that sets A and B leave (G dresses E's
again). This set was written and labelled in session s13 (2026-12-03)
*before* any of that session's rules, scored on main once then, and is
kept aside: main is scored on it again once after the session's changes,
and no page of it is read before that (only its totals and the kinds it
keeps):

- **articles**: the documents sets A and B dress in their *held-out* part
  (``noisy_clusters.chosen_documents`` of D0626-D0650 and of DUC 2007's
  update sets), which no set C-G dresses and the line model was never
  trained on;
- **furniture**: family ``H``, templates written for this set, sharing no
  wording with A-G (``--overlap`` prints any word 4-gram a template shares
  with the other sets' generators), of kinds C-G lack, all seen on real
  sites: an image's source and caption on two labelled lines, a caption a
  picture toggles ("Enlarge this image" ... "hide caption"), a live blog's
  time stamps and key-event labels, a video playlist with durations, a
  podcast's promotion, readers' reactions, an embedded map's or chart's
  placeholder, a paginated article's page links, a numbered most-read list
  whose numbers stand on lines of their own, promoted stories with their
  advertiser, a notice that the article is old, a correction prompt, a
  translation link, reading tools (text size, save, print), topic chips to
  follow, a preview of readers' comments, a score ticker, a partner note, a
  skip link and a language menu;
- **page shapes**: blocks joined with single newlines on half the pages
  (blank lines on the rest), a live blog's stamps before paragraphs on a
  fifth of the pages, a most-read list between two paragraphs on a fifth, a
  footer of one link a line, a photo's source and caption lines after the
  headline, pieces at a density drawn per page.

The labels are the templates' kinds (``Line.kind``), written as the page is
built; scored as ``noisy_clusters.py`` scores. Parts: DUC 2006 (held-out
topics) and DUC 2007.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fresh_pages import TemplatePageMaker, build_fresh, fresh_set_main  # noqa: E402
from noisy_clusters import WRAPPED_SHARE, NoisyCluster, chosen_documents, part_of  # noqa: E402
from noisy_pages import DAYS, HEADLINE, Line, article_names  # noqa: E402

MIN_DENSITY, MAX_DENSITY = 0.1, 0.45  # share of a page's gaps between paragraphs that get a piece
LIVE_SHARE = 0.2  # pages set as a live blog: a time stamp before some paragraphs
LIVE_STAMP_SHARE = 0.4  # of a live page's paragraphs, those with a stamp above them
RANKED_SHARE = 0.2  # pages with a numbered most-read list between two paragraphs
SEED = "fresh-h"

H: dict[str, list[str]] = {
    "outlets": [
        "Coldharbour Dispatch",
        "The Wrenfield Sentinel",
        "Marlow Vale Examiner",
        "Northgate Evening Echo",
        "The Saltash Current",
        "Ivybridge Record",
        "Kestrel Point Press",
        "The Lindqvist Review",
    ],
    "skip": ["Skip to main content", "Skip to navigation", "Accessibility help", "Jump to the story"],
    "languages": ["English · Español · Français", "EN | ES | PT", "Change edition: UK ▾", "Edition: International"],
    "sections": ["Home", "Local", "Nation", "Globe", "Business", "Wellbeing", "Tech", "Arts", "Games", "Obituaries"],
    "bylines": ["Words by {author}", "{author}, {beat} correspondent", "Written by {author} in {city}"],
    "stamps": ["Published {clock} {day} {date}", "Last modified {date}", "{date} · {n} min listen"],
    "image_sources": ["Image source, {agency}", "Image source, Getty", "Picture source, {photographer}"],
    "image_captions": [
        "Image caption, {person} speaking in {place} earlier this month",
        "Image caption, Crowds gathered near the square in {place}",
        "Image caption, {person} has faced questions over the plans",
    ],
    "toggle_captions": [
        "Enlarge this image",
        "{person} talks with aides in {place} on {day}.",
        "{photographer}/{agency} hide caption",
        "toggle caption",
    ],
    "live": ["Key event", "{clock} GMT", "Updated at {clock}", "Pinned post", "{n}m ago", "Show key events only"],
    "playlist": [
        "Up next",
        "Now playing",
        "{headline} | {mins}:{secs}",
        "{mins}:{secs}",
        "Watch more clips from {section}",
    ],
    "podcast": [
        "Listen to the {outlet} Daily on Spotify",
        "Episode {n}: {headline}",
        "Subscribe wherever you get your podcasts",
        "Play episode ▶",
    ],
    "reactions": ["How did this story make you feel?", "Angry", "Sad", "Hopeful", "Surprised", "👍 {n}", "❤ {n}"],
    "embeds": [
        "Loading interactive map…",
        "This chart needs JavaScript turned on.",
        "View larger map",
        "Map data © {year} OpenStreets",
        "Tap the graphic to expand it",
    ],
    "pagination": ["Page {n} of {m}", "Next page »", "« Previous", "Continue to page {m}", "View as one page"],
    "ranked_labels": ["Most popular", "Top stories right now", "Read by others"],
    "promoted_labels": ["Promoted links", "Across the internet", "Paid content"],
    "promoted": [
        "{sponsor} | Sponsored",
        "Why {city} pharmacists now recommend a cup of warm lemon water",
        "The one gadget every homeowner should own this winter",
        "{sponsor}",
    ],
    "archive": [
        "This article is more than {n} years old",
        "Archived story: it may contain outdated information.",
        "From the archive",
    ],
    "feedback": [
        "Spotted a mistake? Tell the editors.",
        "Request a correction",
        "How we verify our stories",
        "Was this article useful? Yes · No",
    ],
    "translation": ["Read this in Spanish", "Lire en français", "Translated versions: 中文 | Русский"],
    "tools": ["Text size", "A−  A+", "Save for later", "Print this article", "Copy link", "Listen ({mins} min)"],
    "topics": ["{section} + Follow", "+ Follow {person}", "Topics you follow", "Get alerts on {place}"],
    "comment_names": ["jbarlow_77", "Marguerite K.", "northside_dad", "Trevor P."],
    "comment_previews": [
        "{commenter} · {n}h",
        "Totally agree with every word here.",
        "Nobody asked the people who actually live there.",
        "Reply · {n} likes",
        "Show all {m} comments",
    ],
    "scores": [
        "FT  Harlow Rovers 2–1 Dunmere City",
        "HT  Stockbridge 0–0 Felsham Town",
        "Live scores »",
        "Q3  Rapids 71–68 Comets",
    ],
    "partners": [
        "This story comes to you in partnership with {sponsor}, a nonprofit newsroom.",
        "Produced with support from the {sponsor} Fund. Our partners have no say over our coverage.",
    ],
    "ad_slots": ["ADVERTISING", "Ad · Scroll to keep reading", "Skip Ad", "Sponsor message", "Ad feedback"],
    "footer_links": [
        "Company",
        "Careers",
        "Advertise with us",
        "Corrections",
        "Help centre",
        "Site map",
        "RSS feeds",
        "Accessibility statement",
        "Your privacy choices",
        "Manage cookies",
        "© {year} {outlet} Media Group",
    ],
}
AUTHORS = ["Ingrid Solberg", "Kwame Asante", "Lucia Ferrante", "Dmitri Volkov", "Aiyana Whitehorse", "Ravi Menon"]
PHOTOGRAPHERS = ["Beatriz Lorca", "Henrik Aalto", "Nkechi Obi"]
AGENCIES = ["Reuters", "Shutterstock", "Getty Images", "PA Media"]
SPONSORS = ["Cobalt Insurance", "Fairhaven Trust", "Larkspur Foundation", "Orbis Mobile"]
BEATS = ["health", "energy", "security", "education", "housing"]
CITIES = ["Bergen", "Accra", "Turin", "Riga", "Winnipeg", "Pune"]
MONTHS = ["January", "March", "May", "July", "September", "November"]


class FreshHPageMaker(TemplatePageMaker):
    """Builds a page of family H."""

    templates = H

    def values(self, ctx: dict[str, object]) -> dict[str, object]:
        r = self.rng
        people = ctx["people"]
        assert isinstance(people, list)
        places = ctx["places"]
        assert isinstance(places, list)
        return {
            "outlet": str(ctx["outlet"]).removeprefix("The "),
            "author": str(ctx["author"]),
            "beat": r.choice(BEATS),
            "city": r.choice(CITIES),
            "n": str(r.randint(2, 40)),
            "m": str(r.randint(41, 300)),
            "mins": str(r.randint(1, 12)),
            "secs": f"{r.randint(0, 59):02d}",
            "year": str(r.randint(1996, 2007)),
            "day": r.choice(DAYS),
            "date": f"{r.randint(1, 28)} {r.choice(MONTHS)} {r.randint(1998, 2007)}",
            "clock": f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}",
            "headline": r.choice(self.headlines),
            "person": r.choice(people),
            "place": r.choice(places),
            "photographer": r.choice(PHOTOGRAPHERS),
            "agency": r.choice(AGENCIES),
            "sponsor": r.choice(SPONSORS),
            "section": r.choice(H["sections"]),
            "commenter": r.choice(H["comment_names"]),
        }

    def image(self, ctx: dict[str, object]) -> list[Line]:
        """A picture's furniture: its source and caption on two labelled lines, or a caption it toggles."""
        r = self.rng
        if r.random() < 0.5:
            return self.pick("image_sources", "caption", ctx) + self.pick("image_captions", "caption", ctx)
        return [Line(self.fill(t, ctx), "caption") for t in H["toggle_captions"] if r.random() < 0.85]

    def ranked(self, ctx: dict[str, object]) -> list[Line]:
        """A most-read list: its label, then each number on a line of its own above its headline."""
        r = self.rng
        lines = [Line(r.choice(H["ranked_labels"]), "ranked")]
        for number in range(1, r.randint(3, 6)):
            lines += [Line(str(number), "ranked"), Line(r.choice(self.headlines), "ranked")]
        return lines

    def promoted(self, ctx: dict[str, object]) -> list[Line]:
        r = self.rng
        lines = [Line(r.choice(H["promoted_labels"]), "promoted")]
        for _ in range(r.randint(2, 4)):
            lines += [
                Line(
                    r.choice([r.choice(self.headlines), self.fill(H["promoted"][1], ctx), H["promoted"][2]]), "promoted"
                )
            ]
            lines.append(Line(self.fill(r.choice([H["promoted"][0], H["promoted"][3]]), ctx), "promoted"))
        return lines

    def comments(self, ctx: dict[str, object]) -> list[Line]:
        r = self.rng
        lines = []
        for _ in range(r.randint(1, 2)):
            lines += [
                Line(self.fill(H["comment_previews"][0], ctx), "comments"),
                Line(r.choice(H["comment_previews"][1:3]), "comments"),
                Line(self.fill(H["comment_previews"][3], ctx), "comments"),
            ]
        return lines + [Line(self.fill(H["comment_previews"][4], ctx), "comments")]

    def piece(self, ctx: dict[str, object]) -> list[Line]:
        """One piece of furniture between two paragraphs."""
        r = self.rng
        kind = r.choice(["image", "image", "image", "ad", "ad", "playlist", "promoted", "embed", "reactions"])
        kind = r.choice([kind, kind, "podcast", "pagination", "tools", "topics", "scores", "partner", "feedback"])
        if kind == "image":
            return self.image(ctx)
        if kind == "playlist":
            return self.pick("playlist", kind, ctx, 2, 4)
        if kind == "promoted":
            return self.promoted(ctx)
        if kind == "embed":
            return self.pick("embeds", kind, ctx, 1, 2)
        if kind == "reactions":
            return self.reactions(ctx)
        if kind == "podcast":
            return self.pick("podcast", kind, ctx, 1, 3)
        if kind == "pagination":
            return self.pick("pagination", kind, ctx, 1, 3)
        if kind == "tools":
            return [Line(self.fill(t, ctx), kind) for t in r.sample(H["tools"], r.randint(2, 4))]
        if kind == "topics":
            return self.pick("topics", kind, ctx, 1, 3)
        if kind == "scores":
            return self.pick("scores", kind, ctx, 2, 3)
        if kind == "partner":
            return self.pick("partners", kind, ctx)
        if kind == "feedback":
            return self.pick("feedback", kind, ctx, 1, 2)
        return self.pick("ad_slots", "ad", ctx)

    def page(self, paragraphs: list[str], headline: str | None) -> tuple[list[Line], str, bool]:
        r = self.rng
        people, places = article_names(paragraphs)
        ctx: dict[str, object] = {
            "people": people,
            "places": places,
            "outlet": r.choice(H["outlets"]),
            "author": r.choice(AUTHORS),
        }
        lines: list[Line] = []
        if r.random() < 0.4:
            lines += self.pick("skip", "navigation", ctx, 1, 2)
        if r.random() < 0.3:
            lines += self.pick("languages", "navigation", ctx)
        if r.random() < 0.65:
            lines.append(Line(str(ctx["outlet"]), "masthead"))
        if r.random() < 0.6:
            menu = r.sample(H["sections"], r.randint(4, 9))
            if r.random() < 0.35:
                lines += [Line(m, "navigation") for m in menu]
            else:
                lines.append(Line(r.choice(["   ", " ‣ ", " ¦ "]).join(menu), "navigation"))
        if r.random() < 0.2:
            lines += self.pick("archive", "archive", ctx)
        if headline:
            lines.append(Line(headline, HEADLINE))
        if r.random() < 0.7:
            lines += self.pick("bylines", "byline", ctx)
        if r.random() < 0.6:
            lines += self.pick("stamps", "stamp", ctx)
        if r.random() < 0.3:
            lines += [Line(self.fill(t, ctx), "tools") for t in r.sample(H["tools"], r.randint(2, 4))]
        if r.random() < 0.15:
            lines += self.pick("translation", "translation", ctx)
        if r.random() < 0.45:
            lines += self.image(ctx)
        live = r.random() < LIVE_SHARE
        density = r.uniform(MIN_DENSITY, MAX_DENSITY)
        ranked_at = r.randint(1, max(1, len(paragraphs) - 2)) if r.random() < RANKED_SHARE else -1

        def stamp(i: int) -> list[Line]:
            return self.pick("live", "live", ctx, 1, 2) if live and i and r.random() < LIVE_STAMP_SHARE else []

        def gap(i: int) -> list[Line]:
            if i == ranked_at:
                return self.ranked(ctx)
            return self.piece(ctx) if r.random() < density else []

        lines += self.interleave(paragraphs, gap, stamp)
        foot: list[list[Line]] = []
        if r.random() < 0.3:
            foot.append(self.pick("feedback", "feedback", ctx, 1, 2))
        if r.random() < 0.35:
            foot.append(self.pick("topics", "topics", ctx, 1, 3))
        if r.random() < 0.2:
            foot.append(self.pick("partners", "partner", ctx))
        if r.random() < 0.4:
            foot.append(self.reactions_or_comments(ctx))
        if r.random() < 0.45:
            foot.append(self.promoted(ctx))
        if r.random() < 0.35:
            foot.append(self.ranked(ctx))
        if r.random() < 0.25:
            foot.append(self.pick("podcast", "podcast", ctx, 1, 3))
        r.shuffle(foot)
        if r.random() < 0.75:
            foot.append([Line(self.fill(t, ctx), "footer") for t in r.sample(H["footer_links"], r.randint(3, 9))])
        return (
            lines + [x for piece in foot for x in piece],
            r.choice(["\n", "\n\n"]),
            r.random() < WRAPPED_SHARE,
        )

    def reactions(self, ctx: dict[str, object]) -> list[Line]:
        """Readers' reactions: the question, then a few of its answers and counts."""
        answers = self.rng.sample(H["reactions"][1:], self.rng.randint(2, 4))
        return [Line(H["reactions"][0], "reactions")] + [Line(self.fill(t, ctx), "reactions") for t in answers]

    def reactions_or_comments(self, ctx: dict[str, object]) -> list[Line]:
        return self.reactions(ctx) if self.rng.random() < 0.5 else self.comments(ctx)


def h_documents(row: dict) -> list[int]:
    """The documents sets A and B dress in their held-out part (none of sets C-G's); none for the tune part."""
    dataset = "duc2006" if str(row["id"]).startswith("D06") else "duc2007-update"
    return chosen_documents(row) if part_of(dataset, row["id"]) == "held-out" else []


def build(data: Path) -> list[NoisyCluster]:
    # the ledes of the sixth documents: sets C-G's teasers are the first to fifth documents'
    return build_fresh(data, "H", FreshHPageMaker, h_documents, slice(5, 6), "H/{id}")


# The other sets' generators, whose string literals this set's templates must not share a word 4-gram with.
OTHER_GENERATORS = (
    "noisy_pages.py",
    "noisy_fresh.py",
    "noisy_fresh_d.py",
    "noisy_fresh_e.py",
    "noisy_fresh_f.py",
    "noisy_fresh_g.py",
)


def main(argv: list[str] | None = None) -> int:
    return fresh_set_main(argv, build, __doc__, H, OTHER_GENERATORS)


if __name__ == "__main__":
    raise SystemExit(main())
