"""Separate the article from page furniture in already-extracted plain text.

Scraped text keeps what a page printed around the story: navigation, bylines,
photo captions (often twice), "read more" prompts, subscription offers,
comment prompts and headlines of unrelated stories. HTML extractors cannot
help once the markup is gone, so this module classifies lines.

The method follows the context-sensitive block classification of jusText
(Pomikálek, "Removing Boilerplate and Duplicate Content from Web Corpora",
PhD thesis, Masaryk University 2011): each block (line or paragraph) first
gets a class from its own features, then blocks that are ambiguous take the
class of their neighbours. Plain text lacks jusText's link density, so the
features here are the ones text keeps:

- sentence shape: does the block end like a sentence, how long is it, how
  many stop words, capitalised words, capitals;
- repetition: a block printed twice in one page (captions, bylines), or a
  short block shared by pages of the cluster;
- page vocabulary: words that belong to web pages rather than to news
  (subscribe, newsletter, log in, cookies, editor, ...), weighted, never
  decisive alone for a long cohesive paragraph;
- links: URLs, e-mail addresses, menu separators;
- cohesion: how many of the block's content words the other articles of the
  cluster also use (unrelated headlines and captions share almost none);
- position: the headline and standfirst open a page; furniture before the
  first and after the last paragraph of reporting is dropped by context.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from chorus import lexicon
from chorus.ingest.language import stop_words_for
from chorus.ingest.line_model import (
    HEADLINE_TITLE_RATIO,
    HEADLINE_WORDS,
    PROSE_CUE_DENSITY,
    PROSE_STOP_RATIO,
    SENTENCE_BREAK_RE,
    Layout,
    LineModel,
    default_model,
    is_headline_shaped,
    page_layout,
    reads_as_sentences,
)
from chorus.segment import split_sentences, strip_dateline
from chorus.text import STOP_WORDS, ends_sentence, stem, words
from chorus.types import RemovedLine

GOOD, BAD = "good", "bad"

# Words of the web page genre, not of news reporting. A strong cue is rarely
# used in a story's own sentences; a weak one often is ("declined to
# comment"), so it needs company.
STRONG_CUES = frozenset(
    """subscribe subscribed subscriber subscribers subscription subscriptions
    newsletter newsletters login logout signup cookie cookies advertisement
    advertisements advertising sponsored copyright © paywall premium click
    tap podcast podcasts unsubscribe skip""".split()
)
# The newsroom's own staff: strong in a byline, a bio or an editors' note ("Globe correspondent Jo
# Lee contributed to this report"), but a source like any other in a sentence that reports what
# someone said ("the mayor told reporters", "the paper's editor said"): weak there.
STAFF_CUES = frozenset(
    """editor editors reporter reporters correspondent correspondents columnist columnists contributor
    contributors photographer photographers writer writers""".split()
)
# The line model reads page words as it was trained (line_model.json): the staff words but "writer"
# always strong. The rules read them as above. A change here needs the model trained again.
LINE_MODEL_STAFF_CUES = STAFF_CUES - {"writer", "writers"}
WEAK_CUES = frozenset(
    """comment comments share tweet facebook twitter whatsapp linkedin
    instagram telegram reddit email e-mail print photo photos image images
    caption credit credits video videos watch listen download app related
    recommended popular trending updated published contributed sign log
    menu notifications privacy terms site website password account inbox
    browser affiliate reproduced permission profile settings preferences
    upload""".split()
)
_PHRASE_CUES = (
    ("sign", "up"),
    ("sign", "in"),
    ("log", "in"),
    ("read", "more"),
    ("all", "rights"),
    ("most", "read"),
    ("most", "popular"),
)
_LINK_RE = re.compile(r"https?://|www\.|\S+@\S+\.\w+|\w\.(?:com|org|net)\b|(?:\s[|»›•·]\s.*){2}")
_MENU_RE = re.compile(r"(?:\s[|»›•·]\s.*){2}")
# Each alternative of _LINK_RE holds one of these strings: a text with none of them (most prose)
# cannot match, and the substring tests are much cheaper than the search.
_LINK_HINTS = ("http", "www.", "@", ".com", ".org", ".net", "|", "»", "›", "•", "·")

MIN_PROSE_WORDS = 8
SHORT_WORDS = 6
GOOD_COHESION = 0.35
# A lone article can only be compared with itself, and paragraphs of one
# article share fewer words than articles of one story do.
GOOD_COHESION_ALONE = 0.1
CUE_STRONG_WEIGHT, CUE_WEAK_WEIGHT = 1.0, 0.5
CUE_FURNITURE_SCORE = 1.0  # web page wording this strong (one strong cue, two weak) marks a block as furniture
CAPS_FURNITURE_RATIO = 0.6  # a block with more of its words in capitals is a label or a banner
CAPTION_TITLE_RATIO = 0.6  # prose with this share of capitalised words is a caption naming people and places
TIMESTAMP_RATIO = 0.6  # a short line with this share of date and time words is a time stamp
# A hard-wrapped paragraph (e-mail and wire copy wrap at 60-80 characters): its lines fill at
# least this share of the longest line, and no line is longer than the column.
WRAPPED_LINE_SHARE = 0.6
WRAP_COLUMN_CHARS = 100
_CUES = STRONG_CUES | WEAK_CUES | STAFF_CUES
_LINE_MODEL_STRONG_CUES = STRONG_CUES | LINE_MODEL_STAFF_CUES
_LINE_MODEL_CUES = _LINE_MODEL_STRONG_CUES | WEAK_CUES
# The cluster rescues a paragraph of prose the line model doubted (scored at
# least this) when the other articles share its words; it never removes one.
RESCUE_FLOOR = 0.2
TEASER_CAPTION_WORDS = 20  # a caption longer than this between two headlines may be a section's paragraph
_CAPTION_CREDIT_RE = re.compile(
    r"\((?:[^()]*/[^()]*|getty images|reuters|ap|afp|epa|file)\)\s*$|\b(?:photo|image|picture|credit|pictured)s?\s*:\s*\S"
    r"|\bcredit(?:\.{2,}|…)\s*\S",
    re.IGNORECASE,
)
_CREDIT_HINTS = ("(", ":", "..", "…")  # each alternative of _CAPTION_CREDIT_RE holds one (as _LINK_HINTS)
# What a caption says of its picture ("pictured", "(left)", "This illustration..."), or a bracketed credit.
_CAPTION_WORDS_RE = re.compile(
    r"\bpictured\b|\billustration\b|\bfile photo\b|\((?:left|right|centre|center|top|bottom|front|back)\)"
    r"|\[[^\]]{2,60}\]\s*$",
    re.IGNORECASE,
)
# How a caption says what its picture shows: "This illustration of ... shows ...", "This March 28, 2017,
# file photo ... shows ...", "Kristi Noem, pictured at ...", "(left)". (Not the bracketed credit of
# _CAPTION_WORDS_RE, which ends sentences of the marked bodies too: "... It's Complicated [ Bloomberg ]".)
_PICTURE_WORDS_RE = re.compile(
    r"^(?:this|the|a|an)\b[^.]{0,80}\b(?:illustration|file photo|photo|photograph|image|picture)\b[^.]{0,120}\bshows?\b"
    r"|,\s*pictured\b|\((?:left|right|centre|center|top|bottom|front|back)\)",
    re.IGNORECASE,
)
CAPTION_MAX_WORDS = 40  # a caption is a sentence or two; a paragraph of reporting may mention a picture
# The rules also read a credit the model's feature does not ("Photograph: Jo Lee/AP", "Photo by Jo Lee"), at a
# caption's end; on a line of its own (at most CREDIT_LINE_WORDS words, opening with the credit) it marks the
# short line above it, no paragraph, as its caption.
_PHOTO_CREDIT_END_RE = re.compile(
    r"\b(?i:photograph|photo|image|picture)s?\s*(?:(?i:by)\s+|:\s*)[A-Z][^.;!?]{0,60}\)?$"
)
_CREDIT_LINE_START_RE = re.compile(r"^\(|^(?:photograph|photo|image|picture|credit)s?\b", re.IGNORECASE)
CREDIT_LINE_WORDS = 8
REPEAT_PREFIX_CHARS = 40  # a block this long that another block begins with is a cut copy of it
# A sentence ending in a colon that introduces the reporting after it ("Debbie Graham, a WTA Tour
# veteran, said:", "The New York Times said in an editorial for Tuesday, March 7:") is reporting: it
# says who states what follows. Labels ending in a colon ("Tags:", "Share this:", "More On:") are shorter.
LEAD_IN_MIN_WORDS = 5
# A paragraph of prose this long between two paragraphs of reporting is reporting, page words in passing or not.
ENCLOSED_PROSE_WORDS = 20
# A list the article introduces with a lead-in after its reporting ("The tour's dates:", then one line a
# date): its items are the article's, up to the first line with a mark of furniture or a paragraph.
INTRODUCED_LISTS = True
MIN_LIST_ITEMS = 2
MAX_LIST_ITEM_WORDS = 30
# Items ending like a clause ("_ David Greer, chairman of the Log Cabin Republicans;") continue the lead-in's
# sentence over lines, as wire copy sets them: left to the line model (keeping them too changed two DUC
# 2006 articles and lowered its ROUGE-2, BENCHMARKS.md "Cleaning web pages").
LIST_CLAUSE_ENDINGS = (";", ",")
# Furniture set into the article sits before its lists and inside them too (fresh set J: a tour's dates
# with share rows, tip lines and a video player between them). A lead-in introduces the article's list
# past at most LIST_FURNITURE_LINES lines of furniture (no paragraph) between it and the paragraph of
# reporting before it (LIST_LEAD_INS_PAST_FURNITURE) when its items are shaped alike as below (a box of
# other stories' headlines under a label ending in a colon is not); and the list goes on past as many lines of furniture
# set into it, to an item shaped as its first (the same word, number or mark in each of its first
# LIST_SHAPE_TOKENS places, one of them a number or a mark: "June 9 -- ..." and "Sept. 2 -- ..."; a
# numbered item goes on from the last number), never to a line that merely reads as an item.
LIST_LEAD_INS_PAST_FURNITURE = True
LISTS_PAST_FURNITURE = True
LIST_FURNITURE_LINES = 6
LIST_SHAPE_TOKENS = 3
# A label that opens a box of other stories ("Related links:", "Top stories", "More from UK") after the
# article's first paragraph: what the box holds is furniture, however it reads, up to where the article
# resumes (a paragraph of reporting followed by another, or a long one: a teaser is a short sentence
# under its headline).
OTHER_STORIES = True
OTHER_STORIES_LABEL_WORDS = 6
_OTHER_STORIES_LABELS = tuple(
    tuple(label.split())
    for label in """related|top stories|more stories|more news|latest news|latest stories|other news|
    in other news|most popular|most read|popular stories|recommended|you may also like|you might also like|
    read more|read also|also read|see also|further reading|more from|more on|more in|trending|
    elsewhere on|partner news|editors picks|editor s picks|don t miss|what to read next""".replace("\n", "").split("|")
)
# Another story's card set among the article's paragraphs: its headline printed twice (a link on the picture and
# on the title, flattened) and its standfirst under it. The copies and the standfirst are furniture; a table's
# header repeated over its rows is not a headline (its rows are figures).
STORY_CARDS = True
CARD_COPY_DISTANCE = 2  # the headline's second copy within this many blocks (a section label between them)
CARD_ROW_DIGITS = 0.2  # a "standfirst" with this share of figures is a table's row
# A sentence right under another story's headline (the model dropped the headline; it is not the page's
# own), after the article's first paragraph and not followed by a paragraph of reporting, that shares
# almost none of its words with the article's main run of paragraphs is that story's teaser in a box,
# however it reads: strong evidence of another story (a paragraph under the article's own subheading
# uses the article's words, and the article goes on under it).
HEADLINE_TEASERS = True
TEASER_RUN_COHESION = 0.1
# Nor with the cluster's other articles (a digest's item under its own headline uses the story's words: two
# DUC digests lost one each without this) nor with its own page's other paragraphs (alone, the page is the
# cluster; so the cluster can only keep a teaser the page alone would drop, never drop one it keeps).
TEASER_CLUSTER_COHESION = 0.2
# A box of other stories without a label the cleaner knows: two or more headlines in a row, each with at most
# one sentence under it (its teaser) and one at least with one, after the article's first paragraph. A teaser shares few of its words
# with the article's main run and with the cluster (the rescue's GOOD_COHESION: the article's own one-sentence
# paragraphs under its subheadings use its words), so the box's headlines and teasers are furniture, however
# the model scored them. An article's subheading heads paragraphs of several sentences, not one.
STORY_BOXES = True
BOX_MIN_ITEMS = 2
BOX_TEASER_MAX_WORDS = 60
BOX_TEASER_RUN_COHESION = 0.3
# The box's last teaser, with the article going on under it, was taken for the article resuming: unless it
# shares almost none of its words with the article, its page and the cluster (``_off_topic``, the teaser
# rule's thresholds), when it is the box's teaser all the same (sets C and D kept such a teaser under 2-5
# headlines on dozens of pages; a paragraph of the article resuming under a box uses the article's words).
BOX_LAST_TEASER = True
# A sentence between two headlines of a box that the model dropped (a box headline, or a numbered line of
# headline length) is the box's teaser when it shares under BOX_TEASER_RUN_COHESION of its stems with the
# article's main run and under BOXED_TEASER_OWN_COHESION with its own page's other paragraphs (the article's
# paragraphs on sets C and D use their page's words at 0.4-0.7; the teasers the box rule left, cut off by a
# sentence-case or shouted headline, at 0-0.25). Not the cluster's cohesion: a teaser uses the common words
# of any news story (0.1-0.33 on C and D). One sentence, no wire dateline, no digest's dash, no quotation
# marks, no lead-in: a digest of wire stories (DUC's AP and Xinhua digests) sets a headline over each item's
# paragraph, and without these tests 4 DUC items were lost.
BOXED_TEASERS = True
# A box's item may carry its age or reading time on a line of its own under its headline or teaser ("3 hours
# ago", "Yesterday", "6 min read"): the box rules read past it (STORY_BOXES, BOXED_TEASERS), as the model
# drops it. Without this an item's age between a teaser and the next headline hid the box.
ITEM_AGES = True
ITEM_STAMP_WORDS = 4
_READING_TIME_RE = re.compile(r"^\d{1,3}[- ]?(?:min|mins|minutes?)(?:[- ]read)?$", re.IGNORECASE)
BOXED_TEASER_OWN_COHESION = 0.3
# Teasers each followed by its item's age, reading time or link to the rest of its story ("15 min",
# "Yesterday", "Read more »"), two or more in a row with at most short labels between them: a box of other
# stories with no headlines, whatever the line model scored its sentences. An article's paragraph is not
# followed by such a line twice in a row.
STAMPED_TEASERS = True
STAMPED_MIN_ITEMS = 2
STAMPED_TEASER_COHESION = 0.5  # the box's form is the evidence: a teaser may share the common words of news
_READ_ON_RE = re.compile(rf"^{lexicon.alternation(lexicon.READ_ON_PHRASES)}\W*$", re.IGNORECASE)
# "READ NEXT: ...", "See also: ...": one link with its label, not a box's headline (as "Related post: ...").
_LABELLED_LINK_RE = re.compile(r"^\W*\w+(?:\s+\w+){0,2}\s*:\s")
_LIST_DASH_RE = re.compile(r"^(?:--|_|—|–)\s")
# The outlet speaking to its reader: a paragraph saying "we" (or "our", "us") and "you" outside quotation
# marks, attributing nothing, is the page's own notice (an "about us" paragraph, a consent or cookie notice,
# an affiliate disclosure, a donation appeal), unless the article itself is written to its reader.
OUTLET_VOICE = True
_OUTLET_WE_RE = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Oo]urs|us)\b")  # "us", not "US"
# The page's end matter: closing paragraphs that open with a name the article never uses and a verb of a
# biography ("Regan is a Connecticut native ...", "Nora Quinn joined the Gazette in 1977 ...", "The Gazette
# is an independent newsroom ...") are about its writer or its outlet, not the story.
END_MATTER = True
# A short opening phrase may come first ("Founded in 1920, The Gazette is ...").
_END_MATTER_RE = re.compile(
    r"^(?:[A-Z][a-z]+(?: [\w'’-]+){0,3}, )?((?:The )?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}),? "
    rf"(?:{lexicon.alternation(lexicon.BIOGRAPHY_VERBS)})\b"
)
# The end matter is read again after the boxes of other stories are dropped: a box's teasers kept below a
# writer's bio hid it from the first reading, which walks back from the last paragraph kept (set D kept 48
# bios, most above a box of other stories at the page's end).
END_MATTER_AGAIN = True
# The page's notices to its reader, wherever they stand: a block outside quotation marks and attributing
# nothing that speaks of the page itself ("The views expressed in this article ...", "If you buy through
# these links ..."), calls the reader to act for it ("Become a member today ...", "Your first month is free.
# Cancel any time.", "If you value reporting like this, please consider supporting us ..."), in an article
# not written to its reader. Inside the article's densest
# stretch too (a donation box sits between two paragraphs), so only blocks short enough to be a notice.
PAGE_NOTICES = True
NOTICE_MAX_WORDS = 50
# A sentence opening with a verb that is often a noun calls the reader to act only in a short notice that says
# "you" or "we" ("Your first month is free. Cancel any time."); a how-to's steps are longer ("Continue taking
# your current medication until ...").
NOTICE_SHORT_WORDS = 15
# "please" opening a clause and followed by its verb ("..., please consider supporting us", "please call the
# news desk"), not the verb "please" ("a desire to please", "as they please").
_PLEASE_RE = re.compile(r"(?:^|[,;:.!?(]\s*)[Pp]lease\s+[a-z]")
_PAGE_SELF_RE = re.compile(rf"(?<!for )(?<!to )\b(?:[Tt]his|[Tt]hese) {lexicon.alternation(lexicon.PAGE_SELF_NOUNS)}\b")
_SENTENCE_OPENING_RE = re.compile(r"(?:^|[.!?]\s+)[\"“‘(]?([A-Z][a-z]+)\b")
# An appeal for the outlet's funding, wherever it stands (a PAGE_NOTICES kind, with its limits): a block that
# speaks of giving money (``lexicon.SUPPORT_WORDS``) in the outlet's voice to its reader ("we" and "you": "We
# rely on readers like you ... Will you join the 3,000 who already give?") or of the outlet's own work
# (``lexicon.OUTLET_VOICED_WORK_WORDS``: "Journalism like this is funded by readers.", "If you value our
# reporting, ..."). Giving alone is too common in reporting ("donors gave", "we give" in an editorial), and
# so is a sentence about a newsroom's funds in no one's voice but the story's.
FUNDING_APPEALS = True
# The outlet speaking of its own work (a PAGE_NOTICES kind, with its limits): "our" before a noun of a
# newsroom's work (``lexicon.OUTLET_OWN_WORK_NOUNS``: "We'll send the best of our journalism every evening.",
# "Our partners have no say over our coverage."), outside quotation marks and attributing nothing: a story
# says whose coverage it reports ("the paper's coverage", "the network's reporters"), the outlet says "our".
OUTLET_OWN_WORK = True
_OUR_WORK_RE = re.compile(rf"\b[Oo]ur (?:own )?(?:{lexicon.alternation(sorted(lexicon.OUTLET_OWN_WORK_NOUNS))})\b")
# A writer's bio set among the article's paragraphs, not only at its end (END_MATTER): a block of at most
# BIO_MAX_WORDS after the article's first paragraph that opens with a name and a verb of a biography or "is"
# ("Jo Lee is the Gazette's health correspondent."; a full name, two words or more), speaks of a writer's work (``lexicon.WRITER_WORK_WORDS``,
# ``WRITER_WORK_VERBS``), quotes and attributes nothing, and whose name no other paragraph of the page uses
# (a source introduced mid-story, "Charles Yesalis is a Penn State professor who has written a book on it",
# is named again: "Yesalis said"). The cluster does not bring one back, and a short label right above one
# ("About the author") goes with it.
WRITER_BIOS = True
BIO_MAX_WORDS = 50
BIO_LABEL_WORDS = 4
BIO_NAME_WORDS = 2
_BIO_OPENING_RE = re.compile(
    # the name, maybe a short apposition ("Jo Lee, a former teacher, writes ..."), the verb
    r"^((?:The )?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3})(?:, (?:a|an|the) [^,.;:]{1,40},)?,? "
    rf"({lexicon.alternation((*lexicon.BIOGRAPHY_VERBS, *lexicon.WRITER_WORK_VERBS, 'is'))})\b"
)
# An advertisement's label, or the notice that the story resumes after it, on a short line of its own (no
# sentence): furniture wherever it stands, however the model scored it ("Report this ad", "Partner content").
AD_LABELS = True
AD_LABEL_WORDS = 8
_AD_PHRASE_RE = re.compile(rf"\b{lexicon.alternation(lexicon.ADVERTISING_PHRASES)}\b")
# A product box: a line that sells (a price at a shop, "Was $460, now $31", a rating out of five or in stars,
# a call to buy: "Buy it at ...", "Shop now", "View deal") on a short line of its own, with no sentence, and
# the box's other short lines and notes beside it (the product's name, "Best price today", "Prices checked
# daily; we may earn a commission ..."), are furniture however the model scored them; the cluster does not
# bring one back. A price in a sentence ("The ticket costs $30 at the door.", a car review's "PRICE RANGE:
# $40,000 to $43,000 plus transportation.") is reporting, and so is a table of prices with no shop, rating or
# call to buy in it.
PRODUCT_BOXES = True
SHOP_LINE_WORDS = 12  # a line that sells is a short one
BOX_NOTE_WORDS = 30  # a box's note (the outlet's cut of a sale) is a sentence or two
_PRICE = r"(?:[$€£¥]\s?\d[\d,]*(?:\.\d\d)?|\d[\d,]*(?:\.\d\d)?\s?(?:dollars|euros|pounds))"
_SELLS_RE = re.compile(
    rf"{_PRICE}.{{0,40}}\bat [A-Z]"  # a price at a shop
    rf"|{_PRICE}.{{1,30}}{_PRICE}"  # two prices: the old and the new
    r"|\b\d(?:\.\d)?\s?(?:out of|/)\s?(?:5|five)\b|[★☆]{2,}"  # a rating
    rf"|^\W*(?i:{lexicon.alternation(lexicon.SHOPPING_VERBS)})\b"  # a call to buy
)
# The outlet's name is no headline: on a page with none, the masthead was taken for the title (sets C-E kept
# it as the title on 44, 11 and 66 pages). Printed again inside the page's own furniture below the article's
# start ("© The Granite Post 2006", "About The Granite Post: ...", "Jo Lee joined The Granite Post in ..."), a
# title candidate is the outlet's name (``_named_in_furniture``), and the next candidate is tried.
MASTHEAD_TITLES = True
# A caption pointing at its picture: a block of at most CAPTION_MAX_WORDS opening with an arrow ("▲ Ana Ruiz
# outside the court on Monday.", "◄ The bridge at dawn"); no paragraph of reporting opens so.
POINTER_CAPTIONS = True
_POINTERS = "▲△▼▽◄◀►▶↑↓←→"
_POINTER_RE = re.compile(rf"^[{_POINTERS}]\s")
# No title is a list's item: a line opening with a bullet or a list number ("• Rovers Sign Striker", "2. Bakery
# Wins Prize") above the article is an item of a box of other stories set over the headline (set F's tune half
# took one for the title on pages whose own headline came below such a box).
LIST_ITEM_TITLES = True
_BULLET_RE = re.compile(r"^[•◦▪▸►‣·*]\s")
# No title is the page's own line about itself (TITLE_FURNITURE): a menu whatever its separator ("Games ‣
# Tech ‣ Local", "Arts ¦ Games ¦ Home", "Obits > E-edition > Nation": three items or more set apart by one
# mark), a byline ("By Jo Lee", "Words by Jo Lee", "Jo Lee reporting from Accra"; "Jo Lee, health
# correspondent" has a staff word, never a headline's), a call to act for the page ("Share this story", "Save
# for later", "Install the app") or an advertisement's label (AD_LABELS). On pages with no headline of their
# own, sets C-H took such lines for the title (menus 96, bylines 33, calls to act 20, among others); the next
# candidate is tried instead.
TITLE_FURNITURE = True
# The page's controls on lines of their own (PAGE_CONTROLS), which the line model may keep among the article's
# paragraphs: a paginated article's links ("Page 2 of 5", "Next page »", "Continue to page 3", "View as one
# page"), a live blog's bare stamps ("22m ago", "07:24 GMT", "Yesterday": a box item's age, ``_is_item_stamp``,
# standing alone), and an advertisement's label asked as a question about it ("Why this ad?"). None is a sentence; a
# short line of reporting ("Page One" as a wire's slug, "The ad ran twice.") does not read so.
PAGE_CONTROLS = True
CONTROL_WORDS = 5  # a control is a short line
_PAGINATION_MARKS = "»«›‹→←>"
# The advertisement beside the question ("Why this ad?", "Why am I seeing these ads?"); "Did the ad work?" asks
# about one the story reports.
_THIS_AD_RE = re.compile(rf"\bth(?:is|ese) (?:{lexicon.alternation(sorted(lexicon.ADVERTISING_WORDS))})\b")
_PAGE_MOVES = frozenset(("next", "previous", "prev", "continue", "view", "of"))
_SHORT_AGE_RE = re.compile(r"^\d{1,3}\s?(?:m|min|mins|h|hr|hrs|d)\s+ago$", re.IGNORECASE)
TITLE_CALL_WORDS = 5  # a call to act is a short line
_ANY_MENU_RE = re.compile(r"(\s[/|—–·•»›‣¦∙⋅>]\s)(?:.*?\1)")  # (a run of spaces is one by then: _blocks)
_TITLE_BYLINE_RE = re.compile(
    rf"^(?i:(?:{lexicon.alternation(lexicon.BYLINE_OPENERS)})\s+)by\s+[A-Z]|^(?i:by)\s+[A-Z][\w.'’-]*\s+[A-Z]"
    r"|^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)+\s+report(?:s|ing)\s+from\s+[A-Z]"
)
_TITLE_CALL_RE = re.compile(
    rf"^(?i:{lexicon.alternation(sorted(lexicon.TITLE_CALL_VERBS))})\b"
    rf"|^(?i:{lexicon.alternation(sorted(lexicon.READER_ACTION_VERBS))})\s+(?i:this|for later)\b"
)


def _title_furniture(b: Block) -> bool:
    """A menu, a byline or a call to act: the page's own line, never its headline (TITLE_FURNITURE)."""
    text = b.text.strip()
    return bool(
        _ANY_MENU_RE.search(text)
        or _is_ad_label(b)
        or _TITLE_BYLINE_RE.match(text)
        or (b.n_words <= TITLE_CALL_WORDS and _TITLE_CALL_RE.match(text))
    )


# A photo package (a wire's list of pictures, a gallery page) is its captions: when captions ending with
# their credit, each a paragraph of sentences of at least PACKAGE_CAPTION_WORDS words, make at least
# PACKAGE_CAPTION_SHARE of the page's prose words, they are what the page reports, not furniture around it.
PHOTO_PACKAGES = True
PACKAGE_CAPTION_WORDS = 30
PACKAGE_CAPTION_SHARE = 0.5
# A poll: a short question over two or more short answers with no sentence ("Yes", "No", "Not sure",
# "Vote"), which the line model drops: the question and the label over it are the poll's too.
POLLS = True
POLL_QUESTION_WORDS = 15
POLL_ANSWER_WORDS = 3
POLL_MIN_ANSWERS = 2
# A poll under its own label ("Quick poll", "Reader survey": a short line naming a poll, lexicon.POLL_LABEL_WORDS)
# is the label, a short question under it and the poll's lines under that, whatever the model kept: answers
# (lexicon.POLL_ANSWER_WORDS), its controls and results ("Submit answer", "See results (1,674 votes)", "15% of
# readers said yes", lexicon.POLL_CONTROL_WORDS, at most POLL_RESULT_WORDS words). POLLS needs two answers the
# model dropped under the question; a label naming the poll is the evidence here, so one answer, or none, will
# do. The question is a notice: the cluster does not bring it back.
POLL_LABELS = True
POLL_LABEL_WORDS = 4  # a label is a short line
POLL_RESULT_WORDS = 8
_POLL_RESULT_RE = re.compile(r"\d\s?%|\bvotes?\b|\bresults?\b", re.IGNORECASE)
# The page's buttons among the article's lines (``PAGE_BUTTONS``), each a short line of its own (at most
# BUTTON_WORDS words, no quotation marks, no sentence but a thanks' "!"): a box's dismissal ("Maybe later", "No
# thanks, remind me next month": lexicon.DISMISS_PHRASES), a link skipping through the page ("Skip to content",
# "Jump to the story", "Back to top ↑": lexicon.SKIP_LINK_VERBS with one of SKIP_LINK_PLACES), thanks for an act
# on the page ("Thanks for signing up!": lexicon.THANKED_ACTS), an appeal's button opening with a verb of giving
# and naming the gift or the outlet's work ("Make a one-time gift", "Support local reporting": a subheading
# "Support for the plan" names neither), a menu's drop-down ("Change edition: UK ▾").
# Among them too: a tool's link ("Save for later", "Print this article": lexicon.PAGE_TOOL_PHRASES), the state of
# the comments ("Comments are closed.", a sentence too: lexicon.COMMENT_STATE_PHRASES) and a paywall's meter, a
# sentence to "you" of "free" stories ("You have 7 free stories left this month.": lexicon.METERED_NOUNS, at most
# NOTICE_SHORT_WORDS words; a story about paywalls says "readers", not "you").
PAGE_BUTTONS = True
BUTTON_WORDS = 7
# A notice of the outlet's rights ("© 2003 The Gazette. Reproduction without permission is prohibited.", "All
# content is copyright of ..."): "©" or lexicon.RIGHTS_PHRASES, with one of lexicon.RIGHTS_MARKS, in a block of at most NOTICE_MAX_WORDS words, not
# quoted, attributing nothing (a story of a lawsuit over a copyright says who said so). A notice: the cluster
# does not bring it back.
COPYRIGHT_NOTICES = True
# A gallery's caption opens with its place in the gallery ("33 of 49: Zhang Wenkang at a gathering", "3/12 — The
# scene ..."): a counter whose first number is at most its second, then a colon, a bar or a dash, in a block of
# at most CAPTION_MAX_WORDS words. No paragraph of reporting opens so; the cluster does not bring it back.
GALLERY_CAPTIONS = True
_GALLERY_COUNTER_RE = re.compile(r"^\W{0,2}(\d{1,3})\s?(?:of|/)\s?(\d{1,3})\s*[:|—–-]\s")
_RIGHTS_RE = re.compile(rf"©|\b{lexicon.alternation(lexicon.RIGHTS_PHRASES)}\b")
_BUTTON_GIVING_VERBS = frozenset("make give support donate contribute become".split())
_DROP_DOWN_MARKS = "▾▿⌄"
# A paragraph of prose that opens with a wire's dateline ("WASHINGTON (AP) -- ...", "VIENNA, May 6 (Xinhua)
# -- ...") is a story's, wherever the page set it and however the model scored it, unless it carries
# furniture's marks: a box's teaser is a story's first sentence without its dateline.
DATELINE_PARAGRAPHS = True
# A rule on top of the line model, measured on the train half's held-out folds (BENCHMARKS.md,
# "Cleaning web pages"): a post embedded among the article's paragraphs stays with them.
EMBEDDED_POSTS = True
# A rule tried there and not kept: a line printed twice on the page with no sentence ending is
# furniture, whatever the model scored.
REPEATED_LABELS = False


@dataclass(frozen=True)
class RuleSwitches:
    """Which rules on top of the line model run (``clean_texts``' switches, carried as one value)."""

    embedded_posts: bool = EMBEDDED_POSTS
    repeated_labels: bool = REPEATED_LABELS
    introduced_lists: bool = INTRODUCED_LISTS
    other_stories: bool = OTHER_STORIES
    story_cards: bool = STORY_CARDS
    headline_teasers: bool = HEADLINE_TEASERS
    outlet_voice: bool = OUTLET_VOICE
    end_matter: bool = END_MATTER
    page_notices: bool = PAGE_NOTICES
    story_boxes: bool = STORY_BOXES
    ad_labels: bool = AD_LABELS
    masthead_titles: bool = MASTHEAD_TITLES
    product_boxes: bool = PRODUCT_BOXES
    box_last_teaser: bool = BOX_LAST_TEASER
    boxed_teasers: bool = BOXED_TEASERS
    end_matter_again: bool = END_MATTER_AGAIN
    funding_appeals: bool = FUNDING_APPEALS
    writer_bios: bool = WRITER_BIOS
    item_ages: bool = ITEM_AGES
    list_item_titles: bool = LIST_ITEM_TITLES
    pointer_captions: bool = POINTER_CAPTIONS
    photo_packages: bool = PHOTO_PACKAGES
    stamped_teasers: bool = STAMPED_TEASERS
    polls: bool = POLLS
    dateline_paragraphs: bool = DATELINE_PARAGRAPHS
    title_furniture: bool = TITLE_FURNITURE
    page_controls: bool = PAGE_CONTROLS
    outlet_own_work: bool = OUTLET_OWN_WORK
    poll_labels: bool = POLL_LABELS
    page_buttons: bool = PAGE_BUTTONS
    copyright_notices: bool = COPYRIGHT_NOTICES
    gallery_captions: bool = GALLERY_CAPTIONS


@dataclass
class Block:
    text: str
    index: int
    n_words: int
    terminal: bool
    stop_ratio: float
    title_ratio: float
    caps_ratio: float
    cue_score: float  # page wording, as the rules read it
    model_cue_score: float  # and as the line model was trained to read it
    link_like: bool
    stems: list[str]
    normal: str  # lower-cased words, for finding the block again
    timestamp: bool
    credit: bool  # ends like a photo caption's credit
    caption_words: bool  # says what a picture shows
    digit_ratio: float
    second_person: float  # share of words addressing the reader
    dateline: bool
    after_blank: bool = False  # a blank line separates it from the block before
    repeated: bool = False  # printed twice on the page
    comment: bool = False  # in the page's section of readers' comments
    notice: bool = (
        False  # the page's notice to its reader (PAGE_NOTICES, END_MATTER): the cluster does not bring it back
    )
    own_cohesion: float = 0.0  # share of its stems the page's other paragraphs use
    cohesion: float = 0.0  # the same against the cluster's other articles (own page when alone)
    score: float = 0.0  # the line model's probability that it is the article's text
    label: str = ""
    reason: str = ""


@dataclass
class CleanedText:
    title: str | None
    subtitle: str | None
    paragraphs: list[str]
    removed: list[RemovedLine] = field(default_factory=list)
    fell_back: bool = False  # nothing looked like an article: every line was kept


def _blocks(text: str) -> list[tuple[str, bool]]:
    """Non-empty lines, with hard-wrapped paragraphs joined back together.

    Each comes with whether a blank line precedes it: a page that runs its
    paragraphs line by line but sets a blank line after the standfirst marks
    where the story begins.
    """
    paragraphs = re.split(r"\n\s*\n", text)
    lines_all = [ln for ln in text.split("\n") if ln.strip()]
    longest = max((len(ln) for ln in lines_all), default=0)
    out: list[tuple[str, bool]] = []
    for para in paragraphs:
        lines = [ln.strip() for ln in para.split("\n") if ln.strip()]
        if not lines:
            continue
        # A hard-wrapped paragraph: several lines, all but the last filling
        # most of a narrow column (e-mail and wire copy wrap at 60-80 chars).
        wrapped = (
            len(lines) >= 2
            and longest <= WRAP_COLUMN_CHARS
            and all(len(ln) >= WRAPPED_LINE_SHARE * longest for ln in lines[:-1])
        )
        if wrapped:
            lines = [" ".join(lines)]
        out.extend((line, k == 0 and bool(out)) for k, line in enumerate(lines))
    return [(" ".join(b.split()), blank) for b, blank in out]


_TIME_WORDS = lexicon.MONTHS_AND_DAYS | frozenset(
    """am pm a.m p.m gmt utc edt est bst cet updated published posted
    today yesterday ago min mins minute minutes hour hours read""".split()
)


def _is_timestamp(tokens: list[str]) -> bool:
    """A line made of dates and times ("Updated 3:45 p.m. EDT, Jan. 5")."""
    if not tokens or len(tokens) > 10:
        return False
    lower = [t.lower().rstrip(".") for t in tokens]
    dated = sum(t in _TIME_WORDS or t.replace(":", "").replace(".", "").isdigit() for t in lower)
    return dated / len(lower) >= TIMESTAMP_RATIO


def _cue_score(lower: list[str], strong: frozenset[str], cues: frozenset[str]) -> float:
    # Only the cue words are summed (in order): the others would add 0.0.
    score = sum((CUE_STRONG_WEIGHT if t in strong else CUE_WEAK_WEIGHT for t in lower if t in cues), 0.0)
    pairs = set(zip(lower, lower[1:]))
    score += sum(CUE_STRONG_WEIGHT for p in _PHRASE_CUES if p in pairs)
    return score


def _cue_scores(text: str, lower: list[str]) -> tuple[float, float]:
    """Page wording as the rules read it (the staff named as a source weak), and as the line model was trained."""
    model = _cue_score(lower, _LINE_MODEL_STRONG_CUES, _LINE_MODEL_CUES)
    if STAFF_CUES.isdisjoint(lower):
        return model, model  # without a staff word the two read alike
    strong = STRONG_CUES if _ATTRIBUTION_RE.search(text) else STRONG_CUES | STAFF_CUES
    return _cue_score(lower, strong, _CUES), model


# A paragraph of prose that ends with the web address it is about ("... Gladstone, NJ; www.usef.org.")
# is no link or menu: at most one of its words may be an address, and none an e-mail address.
LINKED_PROSE_WORDS = 20
_ADDRESS_TOKEN_RE = re.compile(r"https?://|www\.|@|\.(?:com|org|net)\b")


def _reads_as_link(text: str, tokens: list[str]) -> bool:
    if not any(hint in text for hint in _LINK_HINTS) or not _LINK_RE.search(text):
        return False
    if len(tokens) < LINKED_PROSE_WORDS or not ends_sentence(text) or _MENU_RE.search(text) or "@" in text:
        return True  # short, a menu, or an e-mail address (a writer's bio, a contact line)
    return sum(1 for t in text.split() if _ADDRESS_TOKEN_RE.search(t)) > 1


def _features(text: str, index: int, after_blank: bool = False, stop_words: frozenset[str] = STOP_WORDS) -> Block:
    tokens = words(text)
    lower = [t.lower() for t in tokens]
    n = len(tokens)
    stop = [t in stop_words for t in lower]
    # map and filter with str methods: the same counts as a loop over characters, without the loop's cost.
    nonstop = [t for t, s in zip(tokens, stop) if not s and (t.isalpha() or any(map(str.isalpha, t)))]
    letters = "".join(filter(str.isalpha, text))
    cue_score, model_cue_score = _cue_scores(text, lower)
    return Block(
        text=text,
        index=index,
        n_words=n,
        terminal=ends_sentence(text),
        stop_ratio=sum(stop) / n if n else 0.0,
        title_ratio=len([t for t in nonstop if t[0].isupper()]) / len(nonstop) if nonstop else 0.0,
        caps_ratio=sum(map(str.isupper, letters)) / len(letters) if letters else 0.0,
        cue_score=cue_score,
        model_cue_score=model_cue_score,
        link_like=_reads_as_link(text, tokens),
        stems=[stem(t) for t, s in zip(tokens, stop) if not s],
        normal=" ".join(lower),
        timestamp=_is_timestamp(tokens),
        credit=any(hint in text for hint in _CREDIT_HINTS) and bool(_CAPTION_CREDIT_RE.search(text)),
        caption_words=bool(_CAPTION_WORDS_RE.search(text)),
        # A word of letters only has no digit (no letter is a digit): most words skip the test.
        digit_ratio=len([t for t in tokens if not t.isalpha() and any(map(str.isdigit, t))]) / n if n else 0.0,
        second_person=len([t for t in lower if t in lexicon.SECOND_PERSON_WORDS]) / n if n else 0.0,
        dateline=strip_dateline(text) != text,
        after_blank=after_blank,
    )


def _mark_repeats(blocks: list[Block]) -> None:
    """Blocks printed twice in one page (captions, bylines) are furniture, every copy."""
    counts = Counter(b.normal for b in blocks)
    # Teasers and captions are printed again cut short ("... students trapped in vi..."):
    # the cut copy is furniture (the full one may be the story's own paragraph).
    ordered = sorted(counts)
    for b in blocks:
        if counts[b.normal] > 1:
            b.repeated = True
        elif len(b.normal) >= REPEAT_PREFIX_CHARS:
            after = bisect_right(ordered, b.normal)
            if after < len(ordered) and ordered[after].startswith(b.normal):
                b.repeated = True
    for i, a in enumerate(blocks):
        for b in blocks[i + 1 : i + 4]:
            na, nb = a.normal, b.normal
            if min(len(na), len(nb)) < 20:
                continue
            short, long_ = sorted((na, nb), key=len)
            if long_.startswith(short) or fuzz.ratio(na, nb) >= 90:
                a.repeated = b.repeated = True


def _is_prose(b: Block) -> bool:
    return b.terminal and b.n_words >= MIN_PROSE_WORDS


def _own_cohesion(blocks: list[Block]) -> None:
    """How much of each block's vocabulary the page's other prose paragraphs use."""
    pool = [_is_prose(b) and not b.repeated for b in blocks]
    use = Counter(s for b, p in zip(blocks, pool) if p for s in set(b.stems))
    for b, in_pool in zip(blocks, pool):
        if b.stems:
            itself = int(in_pool)
            b.own_cohesion = sum(use[s] > itself for s in b.stems) / len(b.stems)


def page_blocks(text: str) -> list[Block]:
    """The blocks of one page with every feature the line model reads.

    Stop words are the page's language's, so that prose in another language
    reads as prose (the other features hardly depend on the language).
    """
    stop_words = stop_words_for(text, STOP_WORDS)
    blocks = [_features(t, i, blank, stop_words) for i, (t, blank) in enumerate(_blocks(text))]
    _mark_repeats(blocks)
    _own_cohesion(blocks)
    return blocks


def _cohesion(block: Block, others: int, other_use: Callable[[str], int]) -> float:
    """Mean share of the block's content stems that the cluster's other articles also use.

    A stem used by at least three other articles (``other_use``: by how many
    of the ``others``; or by all of them in a smaller cluster) counts fully;
    one used by no other article counts zero. A lone document is compared
    with its own other prose paragraphs instead.
    """
    if not others:
        return block.own_cohesion
    if not block.stems:
        return 0.0
    full = min(3, others)
    return sum([min(1.0, other_use(s) / full) for s in block.stems]) / len(block.stems)


def _furniture_reason(b: Block) -> str:
    """Why a block the line model scored low reads as furniture, in words a user can check."""
    if b.repeated:
        return "printed twice on the page (caption, byline or label)"
    if b.link_like:
        return "a link or a menu"
    if b.caps_ratio > CAPS_FURNITURE_RATIO and b.n_words >= 2:
        return "written in capitals (label or banner)"
    if b.cue_score >= CUE_FURNITURE_SCORE:
        return "web page wording (subscribe, share, log in, byline...)"
    if b.timestamp:
        return "a date or time stamp"
    if b.credit:
        return "a photo caption with its credit"
    if not b.terminal:
        return "no sentence ending (navigation, label, headline or caption)"
    if b.second_person > 0:
        return "addresses the reader (page furniture)"
    return "outside the article's run of paragraphs (related story, bio or notice)"


def _reads_as_lead_in(b: Block) -> bool:
    """One clause ending in a colon, in the story's voice: no label, no page wording, no second sentence."""
    return (
        b.text.rstrip().endswith(":")
        and b.n_words >= LEAD_IN_MIN_WORDS
        and not _furniture_evidence(b)
        and b.second_person == 0
        and not SENTENCE_BREAK_RE.search(b.text)
    )


def _is_lead_in(blocks: list[Block], i: int) -> bool:
    """A lead-in right before a paragraph of reporting: it says who says what follows."""
    after = blocks[i + 1] if i + 1 < len(blocks) else None
    return (
        _reads_as_lead_in(blocks[i])
        and after is not None
        and after.label == GOOD
        and _is_prose(after)
        and not after.link_like
    )


def _is_headline(b: Block) -> bool:
    text = b.text.rstrip()
    return (
        2 <= b.n_words <= 25
        and not text.endswith(":")  # a lead-in to what follows, or a label
        and (not b.terminal or (text.endswith("?") and b.n_words <= 15))
        and not b.link_like
        and b.cue_score < CUE_FURNITURE_SCORE
    )


# A lede reports: it names who said it or on what day it happened, opens with
# the wire's dateline, or opens with someone's words (a pull quote, which is
# reporting too). A standfirst sums the story up in the outlet's own
# telegraphic voice and leaves all of that to the body.
_ATTRIBUTION_RE = re.compile(rf"\b{lexicon.alternation(lexicon.LEDE_ATTRIBUTIONS)}\b", re.IGNORECASE)
_NEWS_DAY_RE = re.compile(r"\b(?:" + "|".join(lexicon.WEEKDAYS) + r"|yesterday|tonight|last night)\b", re.IGNORECASE)
_QUOTATION_RE = re.compile(r"""^["“‘']""")
# A line of three or more items set apart by one separator ("Markets / Food / Environment", "U.S. — Money —
# Events"): a menu, whatever separator the site chose.
_SEPARATED_RE = re.compile(r"(\s[/|—–·•»›]\s)(?:.*?\1)")
MAX_STANDFIRST_WORDS = 35
STANDFIRST_COHESION = 0.3
HEADLINE_COHESION = 0.2  # a headline shares words with the story (a menu label does not)


def _reads_as_lede(b: Block) -> bool:
    return bool(
        b.n_words > MAX_STANDFIRST_WORDS
        or strip_dateline(b.text) != b.text
        or _QUOTATION_RE.match(b.text)
        or _ATTRIBUTION_RE.search(b.text)
        or _NEWS_DAY_RE.search(b.text)
    )


def _standfirst(blocks: list[Block], i: int) -> Block | None:
    """The block after the headline, if it is a standfirst rather than the lede.

    A standfirst is cut off from the story by furniture (byline, caption,
    agency, time stamp) or by a blank line in a page that otherwise runs its
    paragraphs line by line; a lede that follows the headline directly is
    never one. When the line could be either, it stays in the body: the
    summary can only use what the body holds.
    """
    if i >= len(blocks):
        return None
    s, rest = blocks[i], blocks[i + 1 :]
    if not (
        s.n_words >= MIN_PROSE_WORDS
        and s.title_ratio < CAPTION_TITLE_RATIO  # not a caption naming people and places
        and s.own_cohesion >= STANDFIRST_COHESION  # its own page, so the cluster cannot move a lede out of the body
        and s.cue_score < CUE_FURNITURE_SCORE
        and not s.repeated
    ):
        return None
    if not s.terminal:
        # Prose with no sentence ending would be dropped as a label; right
        # after the headline it is the standfirst.
        return s
    separated = bool(rest) and (
        rest[0].label == BAD or (rest[0].after_blank and len(rest) > 1 and not rest[1].after_blank)
    )
    reporting_follows = any(b.label == GOOD for b in rest)
    return s if separated and reporting_follows and not _reads_as_lede(s) else None


def _named_in_furniture(blocks: list[Block], i: int, first_good: int) -> bool:
    """Is the line at ``i`` the outlet's name: its words printed again inside a longer block of furniture
    below the article's first paragraph (its copyright line, its "about us", a writer's bio, a newsletter's
    name)? A story's headline is not printed inside the page's furniture; a breadcrumb above the article
    may end with it, so only what follows the article's start counts."""
    name = blocks[i].normal
    return any(
        b.label == BAD and len(b.normal) > len(name) and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", b.normal)
        for b in blocks[first_good + 1 :]
    )


def _split_title(
    blocks: list[Block],
    mastheads: bool = MASTHEAD_TITLES,
    list_items: bool = LIST_ITEM_TITLES,
    page_lines: bool = TITLE_FURNITURE,
    buttons: bool = PAGE_BUTTONS,
) -> tuple[Block | None, Block | None]:
    """The headline opens the page; a standfirst may follow it (``mastheads``: never the outlet's name;
    ``list_items``: never a list's item; ``page_lines``: never a menu, a byline or a call to act; ``buttons``:
    never one of the page's buttons)."""
    first_good = next((i for i, b in enumerate(blocks) if b.label == GOOD), len(blocks))
    for i, b in enumerate(blocks[:first_good]):
        if _reads_as_lead_in(b):
            break  # what follows a lead-in is reported, not headed
        # Menus and labels may come first: the headline is the first
        # headline-shaped line about the story.
        if b.repeated or not (_is_headline(b) and b.n_words >= 3 and b.cohesion >= HEADLINE_COHESION):
            continue
        if b.timestamp or _SEPARATED_RE.search(b.text):
            continue  # a time stamp or a menu
        if list_items and (_BULLET_RE.match(b.text) or _NUMBERED_RE.match(b.text)):
            continue  # an item of a box of other stories above the headline
        if page_lines and _title_furniture(b):
            continue  # the page's menu, byline or call to act
        if mastheads and _named_in_furniture(blocks, i, first_good):
            continue  # the masthead: the outlet's name, printed again in its own furniture
        if buttons and _button_reason(b):
            continue  # "Jump to the story"
        return b, _standfirst(blocks, i + 1)
    return None, None


def _furniture_evidence(b: Block) -> bool:
    return (
        b.link_like
        or b.repeated
        or b.cue_score >= CUE_FURNITURE_SCORE
        or b.timestamp
        or b.credit
        or b.caps_ratio > CAPS_FURNITURE_RATIO
    )


def _reads_as_clean_text(b: Block) -> bool:
    """A sentence with no mark of a web page (page words only in passing: "told reporters")."""
    return (
        b.terminal
        and not (b.link_like or b.repeated or b.timestamp or b.credit or b.caps_ratio > CAPS_FURNITURE_RATIO)
        and b.cue_score < max(CUE_FURNITURE_SCORE, PROSE_CUE_DENSITY * b.n_words)
    )


def _pasted_clean(blocks: list[Block]) -> int | None:
    """Where the article starts in a text pasted clean: 0, or 1 under its headline; None for a page."""
    start = 1 if len(blocks) > 1 and _is_headline(blocks[0]) and not blocks[0].text.rstrip().endswith("?") else 0
    body = blocks[start:]
    return start if body and all(_reads_as_clean_text(b) for b in body) else None


def _reporting_beside(blocks: list[Block], i: int, step: int) -> bool:
    """The nearest block on one side (past short furniture such as "Advertisement") is a paragraph of reporting."""
    j = i + step
    while 0 <= j < len(blocks) and blocks[j].label == BAD and blocks[j].n_words < SHORT_WORDS:
        j += step
    return 0 <= j < len(blocks) and blocks[j].label == GOOD and _is_prose(blocks[j])


# An article written to its reader (a how-to, a blog): when this share of the paragraphs it keeps say
# "you", a paragraph saying it is in the article's voice, not the page's.
READER_VOICE_SHARE = 0.3


def _enclosed_prose(blocks: list[Block], i: int, addresses_reader: bool = False) -> bool:
    """A long paragraph of sentences between two paragraphs of reporting, addressing no reader (unless the
    article itself does) and with no mark of furniture but page words: a story about the web uses them
    ("print advertising")."""
    b = blocks[i]
    return (
        b.terminal
        and b.n_words >= ENCLOSED_PROSE_WORDS
        and (b.second_person == 0 or addresses_reader)
        and b.stop_ratio >= PROSE_STOP_RATIO
        and not (b.link_like or b.repeated or b.timestamp or b.credit or b.caps_ratio > CAPS_FURNITURE_RATIO)
        and _reporting_beside(blocks, i, -1)
        and _reporting_beside(blocks, i, 1)
    )


# "4. Live below your means": a numbered step or point of the article, heading its paragraphs.
_NUMBERED_RE = re.compile(r"^\d{1,2}[.)]\s+\S")
MAX_SUBHEADING_WORDS = 20


def _reads_as_list_item(b: Block) -> bool:
    """A line of a list: short, no paragraph, not a lead-in to another list, no mark of furniture."""
    return (
        b.n_words <= MAX_LIST_ITEM_WORDS
        and not _is_prose(b)
        and not b.text.rstrip().endswith((":", *LIST_CLAUSE_ENDINGS))
        and not _furniture_evidence(b)
        and b.second_person == 0
    )


def _item_shape(text: str) -> tuple[str, ...]:
    """The first LIST_SHAPE_TOKENS places of a list item: "W" a word, "N" a number, else the mark itself."""
    shape = []
    for token in text.split()[:LIST_SHAPE_TOKENS]:
        bare = token.strip(".,;:()")
        shape.append("N" if any(ch.isdigit() for ch in token) else "W" if bare.isalpha() else token)
    return tuple(shape)


def _leading_number(text: str) -> int | None:
    found = _NUMBERED_RE.match(text) and re.match(r"\d+", text)
    return int(found.group()) if found else None


def _item_resumes(blocks: list[Block], j: int, first: Block, last: Block) -> bool:
    """Block ``j`` past furniture set into a list is the list's next item (LISTS_PAST_FURNITURE)."""
    shape = _item_shape(first.text)
    if not (_reads_as_list_item(blocks[j]) and _item_shape(blocks[j].text) == shape):
        return False
    if all(place == "W" for place in shape):
        return False  # a line of words is shaped as any menu's or teaser's
    number = _leading_number(last.text)
    return number is None or _leading_number(blocks[j].text) == number + 1


def _reporting_before_furniture(blocks: list[Block], i: int) -> bool:
    """A paragraph of reporting comes before block ``i`` past at most LIST_FURNITURE_LINES lines of furniture
    that are no paragraph."""
    j = i - 1
    while j >= 0 and i - j <= LIST_FURNITURE_LINES and blocks[j].label == BAD and not _is_prose(blocks[j]):
        j -= 1
    return j >= 0 and blocks[j].label == GOOD and _is_prose(blocks[j])


def _introduced_lists(blocks: list[Block]) -> None:
    """Keep a list that a lead-in introduces right after a paragraph of reporting (or past a few lines of
    furniture, LIST_LEAD_INS_PAST_FURNITURE), lead-in and items.

    The items are set alike: after the first, each is separated from the one before as the second is
    (line after line, or a blank line between), so a list printed line after line ends at the first
    blank line (a page's next box). Furniture set into the list is passed (LISTS_PAST_FURNITURE) and
    stays furniture.
    """
    for i, b in enumerate(blocks):
        beside = _reporting_beside(blocks, i, -1)
        past_furniture = LIST_LEAD_INS_PAST_FURNITURE and not beside and _reporting_before_furniture(blocks, i)
        if not (_reads_as_lead_in(b) and (past_furniture or beside)):
            continue
        items: list[int] = []
        end = i + 1
        passed = False  # past furniture, only items shaped as the first are the list's
        while True:
            while (
                end < len(blocks)
                and _reads_as_list_item(blocks[end])
                and (end <= i + 2 or blocks[end].after_blank == blocks[i + 2].after_blank)
                and not (passed and not _item_resumes(blocks, end, blocks[items[0]], blocks[items[-1]]))
            ):
                items.append(end)
                end += 1
            if not (LISTS_PAST_FURNITURE and len(items) >= MIN_LIST_ITEMS):
                break
            first, last = blocks[items[0]], blocks[items[-1]]
            resumed = next(
                (
                    j
                    for j in range(end + 1, min(len(blocks), end + LIST_FURNITURE_LINES + 1))
                    if _item_resumes(blocks, j, first, last)
                ),
                None,
            )
            if resumed is None:
                break
            end, passed = resumed, True
        first_item = blocks[items[0]] if items else b
        if past_furniture and not all(
            _item_resumes(blocks, k, first_item, blocks[j]) for j, k in zip(items, items[1:])
        ):
            continue  # past furniture, the lead-in needs items shaped alike, as a list past furniture does
        if len(items) >= MIN_LIST_ITEMS:
            for k in [i, *items]:
                blocks[k].label, blocks[k].reason = GOOD, ""


def _names_other_stories(b: Block) -> bool:
    """Opens with a label of other stories ("Related links:", "Trending: Cities ban smoking")."""
    tokens = b.normal.split()
    return any(tuple(tokens[: len(label)]) == label for label in _OTHER_STORIES_LABELS)


def _opens_other_stories(b: Block) -> bool:
    """A label of a box of other stories ("Related links:", "Top stories", "More from UK") on a line of its own."""
    label = b.text.rstrip(".…: ")  # "You may also like..." ends like a label, not a sentence
    return (
        b.n_words <= OTHER_STORIES_LABEL_WORDS
        and not ends_sentence(label)
        and ":" not in label  # "Related post: Pickled Pears" is one link, not a box
        and _names_other_stories(b)
    )


def _reads_as_paragraph(b: Block, addresses_reader: bool) -> bool:
    """Kept, and a paragraph of sentences (its full stop lost or not) or a lead-in ("Here are the five
    criteria:"), addressing no reader unless the article does ("Get our analysis delivered to you")."""
    return (
        b.label == GOOD
        and b.n_words >= MIN_PROSE_WORDS
        and (reads_as_sentences(b) or b.text.rstrip().endswith(":"))
        and (addresses_reader or not _addresses_you(b))
    )


_QUOTATION_MARKS_RE = re.compile(r"[\"“”]|``|''")


# What every word of READER_ADDRESS_WORDS begins with ("you"): a block whose text lacks it says none of them, and
# skips splitting its words ("" if the words share no beginning: then every block is read).
_READER_ADDRESS_PREFIX = os.path.commonprefix(sorted(lexicon.READER_ADDRESS_WORDS))


def _addresses_you(b: Block) -> bool:
    """Says "you", and not in someone's quoted words (nor is a quotation's "we" or the "US" a call on the reader)."""
    return (
        _READER_ADDRESS_PREFIX in b.normal
        and not lexicon.READER_ADDRESS_WORDS.isdisjoint(b.normal.split())
        and not _QUOTATION_MARKS_RE.search(b.text)
    )


def _other_stories(blocks: list[Block], addresses_reader: bool) -> None:
    """Drop what a box of other stories holds, from its label after the article's first paragraph of
    reporting up to where the article resumes: a sentence followed by a paragraph (past short furniture
    and short sentences), or a long paragraph; but a short one under a headline is that headline's
    teaser, even right before the article (a link's line, in capitals or labelled, heads no teaser)."""
    first = next((i for i, b in enumerate(blocks) if b.label == GOOD and _is_prose(b)), len(blocks))
    inside = False
    for i in range(first + 1, len(blocks)):
        b = blocks[i]
        if _opens_other_stories(b):
            inside = True
            if b.label == GOOD:  # the box's own label ("Elsewhere on pv magazine...")
                b.label, b.reason = BAD, "a label of other stories (related links, top stories)"
        elif inside and b.label == GOOD:
            above = blocks[i - 1]
            teaser = is_headline_shaped(above) and not (_furniture_evidence(above) or _names_other_stories(above))
            after = i + 1
            while (
                after < len(blocks)
                and blocks[after].n_words < SHORT_WORDS
                and (blocks[after].label == BAD or blocks[after].terminal)
            ):
                after += 1  # past short furniture ("Advertisement") and short sentences ("Evan laughs.")
            followed = after < len(blocks) and _reads_as_paragraph(blocks[after], addresses_reader)
            long_paragraph = (
                _reads_as_paragraph(b, addresses_reader) and _is_prose(b) and b.n_words >= ENCLOSED_PROSE_WORDS
            )
            sentence = _reads_as_paragraph(b, addresses_reader) or (b.terminal and not _addresses_you(b))
            if long_paragraph or (sentence and followed and not teaser):
                inside = False
            else:
                b.label, b.reason = BAD, "in a box of other stories (related links, top stories)"


def _reads_as_card_headline(b: Block) -> bool:
    """A headline printed twice: one clause, no sentence ending, no link, and nothing of a caption (a
    caption printed twice, its credit or a second sentence in it, sits above the article's own paragraph)."""
    return (
        b.repeated
        and not b.terminal
        and HEADLINE_WORDS[0] <= b.n_words <= HEADLINE_WORDS[1]
        and not (b.link_like or b.credit or b.caption_words or b.timestamp)
        and b.cue_score < CUE_FURNITURE_SCORE
        and b.caps_ratio <= CAPS_FURNITURE_RATIO
        and not SENTENCE_BREAK_RE.search(b.text)
    )


def _story_cards(blocks: list[Block]) -> None:
    """After the article's first paragraph of reporting, a headline printed twice close together and the
    paragraph under it are another story's card (its link and its standfirst), however the model scored them.

    The headline may be in sentence case ("Column: Freelancers fear California's new gig worker law"): the
    two copies, not its capitals, mark it."""
    first = next((i for i, b in enumerate(blocks) if b.label == GOOD and _is_prose(b)), len(blocks))
    own = {b.normal for b in blocks[:first]}  # the page's own headline, printed again lower down, heads no other story
    for i in range(first + 1, len(blocks)):
        b = blocks[i]
        if b.normal in own or not _reads_as_card_headline(b):
            continue
        copy = next(
            (j for j in range(i + 1, i + 1 + CARD_COPY_DISTANCE) if j < len(blocks) and blocks[j].normal == b.normal),
            None,
        )
        # The model read a copy as the page's text (a headline; a prompt or a box's title printed twice it drops).
        if copy is None or GOOD not in (b.label, blocks[copy].label):
            continue
        under = blocks[copy + 1] if copy + 1 < len(blocks) else None
        if under is None or not _is_prose(under) or under.digit_ratio >= CARD_ROW_DIGITS:
            continue
        for card in (b, blocks[copy], under):
            if card.label == GOOD:
                card.label, card.reason = BAD, "another story's card (its headline printed twice, its standfirst)"


def _headline_teasers(blocks: list[Block], layout: Layout) -> None:
    """Drop a one-sentence teaser under another story's headline that shares hardly a word with the article
    nor with the cluster's other articles (``Block.cohesion``: read after the cluster is compared)."""
    article = len(layout.prose)  # the blocks before the readers' comments
    first = next((i for i, b in enumerate(blocks[:article]) if b.label == GOOD and _is_prose(b)), article)
    own = {b.normal for b in blocks[:first]}  # the page's own headline, printed again lower down
    for i in range(first + 1, article):
        b, above = blocks[i], blocks[i - 1]
        if (
            b.label == GOOD
            and above.label == BAD
            and is_headline_shaped(above)
            and not (above.credit or above.caption_words or above.timestamp)  # a caption heads no teaser
            and above.normal not in own
            and not SENTENCE_BREAK_RE.search(b.text)
            and layout.run_cohesion[i] < TEASER_RUN_COHESION
            and max(b.cohesion, b.own_cohesion) < TEASER_CLUSTER_COHESION  # together, never more than alone
            and not (i + 1 < article and blocks[i + 1].label == GOOD and _is_prose(blocks[i + 1]))
        ):
            b.label, b.reason = BAD, "a teaser under another story's headline (shares hardly a word with the article)"


def _box_headline(b: Block, own: set[str]) -> bool:
    """Another story's headline in a box: headline-shaped (its list number or bullet aside), no table's row
    ("Width/Height: 73.0 inches/ 57.6"), nothing of a caption or a time stamp, not the page's own headline
    printed again, not a labelled link."""
    if b.terminal or b.n_words < HEADLINE_WORDS[0] or b.link_like or b.credit or b.caption_words or b.timestamp:
        return False
    numbered = bool(_NUMBERED_RE.match(b.text))
    words = b.n_words - numbered
    figures = round(b.digit_ratio * b.n_words) - numbered
    return (
        HEADLINE_WORDS[0] <= words <= HEADLINE_WORDS[1]
        and (b.title_ratio >= HEADLINE_TITLE_RATIO or numbered)  # a numbered box may set its headlines in sentence case
        and figures < CARD_ROW_DIGITS * words
        and not _LABELLED_LINK_RE.match(b.text)
        and b.normal not in own
    )


def _box_teaser(b: Block, run_cohesion: float) -> bool:
    """A teaser under a box's headline: one sentence sharing few words with the article and the cluster, no
    list's dash before it (a digest's item: "-- Ansett airlines is poised ..."), no lead-in."""
    return (
        b.terminal
        and b.n_words <= BOX_TEASER_MAX_WORDS
        and not SENTENCE_BREAK_RE.search(b.text)
        and not _QUOTATION_MARKS_RE.search(b.text)  # someone's words are reporting more often than a teaser
        and not _LIST_DASH_RE.match(b.text)
        and not b.text.rstrip().endswith(":")
        and b.digit_ratio < CARD_ROW_DIGITS
        and run_cohesion < BOX_TEASER_RUN_COHESION
        and max(b.cohesion, b.own_cohesion) < GOOD_COHESION
    )


def _resumes_article(blocks: list[Block], i: int) -> bool:
    """The article goes on at block ``i``, past furniture: the next block kept is a paragraph of reporting."""
    while i < len(blocks) and blocks[i].label == BAD:
        i += 1
    return i < len(blocks) and _is_prose(blocks[i])


def _off_topic(b: Block, run_cohesion: float) -> bool:
    """Shares almost none of its words with the article's main run, its own page or the cluster (the teaser
    rule's evidence of another story, HEADLINE_TEASERS)."""
    return run_cohesion < TEASER_RUN_COHESION and max(b.cohesion, b.own_cohesion) < TEASER_CLUSTER_COHESION


def _is_item_stamp(b: Block) -> bool:
    """A box item's age or reading time on a line of its own ("3 hours ago", "Yesterday", "6 min read")."""
    return b.n_words <= ITEM_STAMP_WORDS and not b.terminal and (b.timestamp or bool(_READING_TIME_RE.match(b.text)))


def _past_item_stamps(blocks: list[Block], j: int, end: int, ages: bool = ITEM_AGES) -> int:
    """The first block from ``j`` on (before ``end``) that is no box item's age (ITEM_AGES; ``j`` if off)."""
    while ages and j < end and blocks[j].label == BAD and _is_item_stamp(blocks[j]):
        j += 1
    return j


def _is_item_foot(b: Block) -> bool:
    """A box item's age, reading time or link to the rest of its story, on a line of its own."""
    return _is_item_stamp(b) or (b.n_words <= ITEM_STAMP_WORDS and bool(_READ_ON_RE.match(b.text)))


def _stamped_teaser(b: Block, run_cohesion: float) -> bool:
    """A teaser over its item's foot: one sentence, no one's words, no digest's dash or lead-in, off the
    article's main run, sharing under STAMPED_TEASER_COHESION of its words with the cluster and its page."""
    return (
        b.terminal
        and b.n_words <= BOX_TEASER_MAX_WORDS
        and not _QUOTATION_MARKS_RE.search(b.text)
        and not _LIST_DASH_RE.match(b.text)
        and not b.text.rstrip().endswith(":")
        and b.digit_ratio < CARD_ROW_DIGITS
        and run_cohesion < BOX_TEASER_RUN_COHESION
        and max(b.cohesion, b.own_cohesion) < STAMPED_TEASER_COHESION
        and _one_sentence(b.text)  # last: the segmenter costs most
    )


def _stamped_teasers(blocks: list[Block], layout: Layout) -> None:
    """Drop the teasers of a box whose items are a sentence over its age, reading time or link
    (STAMPED_TEASERS); read after the cluster is compared (a teaser shares few words with it)."""
    article = len(layout.prose)
    first = next((i for i, b in enumerate(blocks[:article]) if b.label == GOOD and _is_prose(b)), article)
    items = [
        i
        for i in range(first + 1, article - 1)
        if _is_item_foot(blocks[i + 1]) and _stamped_teaser(blocks[i], layout.run_cohesion[i])
    ]
    chains: list[list[int]] = []
    for i in items:
        previous = chains[-1][-1] if chains else -1
        between = range(previous + 2, i)
        if chains and all(not _is_prose(blocks[k]) and blocks[k].label == BAD for k in between):
            chains[-1].append(i)
        else:
            chains.append([i])
    for chain in chains:
        if len(chain) >= STAMPED_MIN_ITEMS:
            for i in chain:
                if blocks[i].label == GOOD:
                    blocks[i].label, blocks[i].reason = (
                        BAD,
                        "a teaser over its item's age or link (a box of other stories)",
                    )


def _story_boxes(
    blocks: list[Block], layout: Layout, box_teaser_off_topic: bool = BOX_LAST_TEASER, ages: bool = ITEM_AGES
) -> None:
    """Drop a box of other stories' headlines and teasers (STORY_BOXES): read after the cluster is compared.

    The box ends before a headline over a paragraph of several sentences (the article's subheading), and
    under its last headline a sentence followed by the article's paragraphs (past furniture) is the article
    resuming."""
    article = len(layout.prose)  # the blocks before the readers' comments
    first = next((i for i, b in enumerate(blocks[:article]) if b.label == GOOD and _is_prose(b)), article)
    own = {b.normal for b in blocks[:first]}  # the page's own headline, printed again lower down
    run = layout.run_cohesion
    i = first + 1
    while i < article:
        items: list[tuple[int, int | None]] = []  # each headline's index, and its teaser's if one is under it
        j = i
        while j < article and _box_headline(blocks[j], own):
            k = _past_item_stamps(blocks, j + 1, article, ages)  # an item's age may stand under its headline
            teaser = k < article and _box_teaser(blocks[k], run[k])
            under = blocks[k] if k < article else None
            if not teaser and under is not None and under.label == GOOD and _is_prose(under):
                if SENTENCE_BREAK_RE.search(under.text):
                    break  # the article's subheading over its next paragraph
            items.append((j, k if teaser else None))
            j = _past_item_stamps(blocks, k + 1, article, ages) if teaser else k
        last_teaser = items[-1][1] if items else None
        if (
            last_teaser is not None
            and _resumes_article(blocks, j)
            and not (box_teaser_off_topic and _off_topic(blocks[last_teaser], run[last_teaser]))
        ):
            j = last_teaser  # the last "teaser" is the article resuming under the box
            items[-1] = (items[-1][0], None)
        # Two headlines or more, and a teaser under one: a list of lines (a tour's dates, a table) has none.
        if len(items) >= BOX_MIN_ITEMS and any(teaser is not None for _, teaser in items):
            for b in blocks[i:j]:
                if b.label == GOOD:
                    b.label, b.reason = BAD, "in a box of other stories' headlines and teasers"
        i = max(j, i + 1)


def _boxed_headline(b: Block, own: set[str], strict: bool = True) -> bool:
    """A box's headline the model dropped: a box headline, or a numbered line of headline length ending with
    an abbreviation's stop ("4. Feds: Autism Cluster Found in N.J."); not ``strict``, any line of headline
    length with no sentence ending, in sentence case too ("China urges Portugal to take steps against crime")."""
    if b.label != BAD or b.normal in own or b.credit or b.caption_words or b.timestamp or b.link_like:
        return False
    if _box_headline(b, own):
        return True
    numbered = _NUMBERED_RE.match(b.text)
    if not HEADLINE_WORDS[0] <= b.n_words <= HEADLINE_WORDS[1]:
        return False
    if numbered is not None:
        return not SENTENCE_BREAK_RE.search(b.text[numbered.end() - 1 :])  # past its number's stop
    # not a labelled link ("READ NEXT: ..."): one link, which the article's closing sentence may sit under
    return not strict and not b.terminal and b.digit_ratio < CARD_ROW_DIGITS and not _LABELLED_LINK_RE.match(b.text)


def _one_sentence(text: str) -> bool:
    """One sentence, by the segmenter where the cheap pattern sees a break ("U.S. Embassy" is none)."""
    return not SENTENCE_BREAK_RE.search(text) or len(split_sentences(text)) == 1


def _sandwiched_teasers(blocks: list[Block], layout: Layout, ages: bool = ITEM_AGES) -> None:
    """Drop a sentence set between two headlines of a box of other stories that shares few words with the
    article's main run and with its own page (BOXED_TEASERS); read after the cluster is compared."""
    article = len(layout.prose)
    first = next((i for i, b in enumerate(blocks[:article]) if b.label == GOOD and _is_prose(b)), article)
    own = {b.normal for b in blocks[:first]}  # the page's own headline, printed again lower down
    for i in range(first + 1, article - 1):
        b = blocks[i]
        if (
            b.label == GOOD
            and b.terminal
            and b.n_words <= BOX_TEASER_MAX_WORDS
            and not b.dateline  # a wire story's lede, under its headline in a digest
            and not _LIST_DASH_RE.match(b.text)  # a digest's item ("-- Ansett airlines is poised ...")
            and not _QUOTATION_MARKS_RE.search(b.text)
            and not b.text.rstrip().endswith(":")
            and layout.run_cohesion[i] < BOX_TEASER_RUN_COHESION
            and b.own_cohesion < BOXED_TEASER_OWN_COHESION
            and _boxed_headline(blocks[i - 1], own, strict=False)
            and (below := _past_item_stamps(blocks, i + 1, article, ages)) < article
            and _boxed_headline(blocks[below], own, strict=False)
            and (_boxed_headline(blocks[i - 1], own) or _boxed_headline(blocks[below], own))
            # a digest's items are paragraphs; last, as the segmenter costs most of these tests
            and _one_sentence(b.text)
        ):
            b.label, b.reason = BAD, "a teaser between two headlines of a box of other stories"


def _outlet_voice(blocks: list[Block], layout: Layout) -> None:
    """Drop the outlet's own notices to its reader: "we" and "you" outside quotation marks, no attribution,
    away from the article's densest stretch of paragraphs (a blog's aside to its reader sits among them)."""
    for i, b in enumerate(blocks):
        if (
            b.label == GOOD
            and not layout.core_start <= i <= layout.core_end
            and _addresses_you(b)
            and _OUTLET_WE_RE.search(b.text)
            and not _ATTRIBUTION_RE.search(b.text)
        ):
            b.label, b.reason = BAD, "the outlet speaking to its reader (about us, a notice, a disclosure)"


def _notice_reason(b: Block, appeals: bool = FUNDING_APPEALS, own_work: bool = OUTLET_OWN_WORK) -> str:
    """Why a block is the page's notice to its reader, or "" (PAGE_NOTICES; ``appeals``: FUNDING_APPEALS,
    ``own_work``: OUTLET_OWN_WORK)."""
    if b.n_words > NOTICE_MAX_WORDS:
        return ""
    reason = _notice_wording(b) or (_appeal_wording(b) if appeals else "")
    if not reason and own_work and "ur " in b.text and _OUR_WORK_RE.search(b.text):
        reason = "the outlet speaking of its own work (our journalism, our coverage)"
    # Quoted or attributed words are reporting: tested only for the few blocks worded as a notice (the
    # attribution's pattern costs most of all these tests, and the result is the same in either order).
    if reason and (_QUOTATION_MARKS_RE.search(b.text) or _ATTRIBUTION_RE.search(b.text)):
        return ""
    return reason


def _notice_wording(b: Block) -> str:
    """Why a block is worded as the page's notice to its reader, or "": ``_notice_reason`` without its test
    for someone's words."""
    if ("this " in b.normal or "these " in b.normal) and _PAGE_SELF_RE.search(b.text):
        return "the page speaking of itself (a disclaimer, a correction, a disclosure)"
    first = _SENTENCE_OPENING_RE.search(b.text)  # the first sentence's opening word, if capitalised
    if (first and first.group(1).lower() in lexicon.CALL_TO_ACTION_VERBS) or (
        "lease" in b.text and _PLEASE_RE.search(b.text)  # no "please" without these letters: most skip the pattern
    ):
        return "calls the reader to act for the page (subscribe, follow, become a member)"
    if (
        first
        and b.n_words <= NOTICE_SHORT_WORDS
        and (_addresses_you(b) or _OUTLET_WE_RE.search(b.text))
        and not lexicon.READER_ACTION_VERBS.isdisjoint(w.lower() for w in _SENTENCE_OPENING_RE.findall(b.text))
    ):
        return "calls the reader to act for the page (subscribe, follow, become a member)"
    return ""


def _appeal_wording(b: Block) -> str:
    """Why a block is worded as an appeal for the outlet's funding (FUNDING_APPEALS), or ""."""
    # most blocks hold none of the words as a substring and are not split (``normal`` is lower-cased words)
    if not any(w in b.normal for w in lexicon.SUPPORT_WORDS):
        return ""
    lower = set(b.normal.split())
    if lexicon.SUPPORT_WORDS.isdisjoint(lower):
        return ""
    if b.n_words <= NOTICE_SHORT_WORDS and not lexicon.OUTLET_WORK_WORDS.isdisjoint(lower):
        return "an appeal for the outlet's funding (give, donate, contribute)"
    you, we = _addresses_you(b), bool(_OUTLET_WE_RE.search(b.text))
    if (you and we) or ((you or we) and not lexicon.OUTLET_VOICED_WORK_WORDS.isdisjoint(lower)):
        return "an appeal for the outlet's funding (give, donate, contribute)"
    return ""


def _is_ad_label(b: Block) -> bool:
    """A short line of its own, no sentence, naming an advertisement or a sponsor (AD_LABELS)."""
    return (
        b.n_words <= AD_LABEL_WORDS
        and not ends_sentence(b.text)
        and not _QUOTATION_MARKS_RE.search(b.text)
        and (not lexicon.ADVERTISING_WORDS.isdisjoint(b.normal.split()) or bool(_AD_PHRASE_RE.search(b.normal)))
    )


def _sells(b: Block) -> bool:
    """A short line of its own that sells: a price at a shop, an old and a new price, a rating, a call to buy
    (PRODUCT_BOXES)."""
    return (
        b.n_words <= SHOP_LINE_WORDS
        and not ends_sentence(b.text)  # "PRICE RANGE: $40,000 to $43,000 plus transportation." is a car review's
        and not _QUOTATION_MARKS_RE.search(b.text)
        and not _ATTRIBUTION_RE.search(b.text)
        and bool(_SELLS_RE.search(b.text))
    )


def _in_product_box(b: Block) -> bool:
    """Beside a line that sells, one of its box's: a short line with no sentence (the product's name, "Best
    price today"), or a short note naming a sale's words twice ("we may earn a commission from purchases")."""
    if _QUOTATION_MARKS_RE.search(b.text) or _ATTRIBUTION_RE.search(b.text):
        return False
    if b.n_words <= AD_LABEL_WORDS and not ends_sentence(b.text):
        return True
    words = [w.strip(".,;:!?()") for w in b.normal.split()]
    return b.n_words <= BOX_NOTE_WORDS and sum(w in lexicon.SHOPPING_NOUNS for w in words) >= 2


def _product_boxes(blocks: list[Block]) -> None:
    """Drop each line that sells and the lines of its box beside it (PRODUCT_BOXES), up to a block that is
    neither (a paragraph of the article, another box's line)."""
    selling = [_sells(b) for b in blocks]
    for i, sells in enumerate(selling):
        if not sells:
            continue
        box = [i]
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(blocks) and (selling[j] or _in_product_box(blocks[j])):
                box.append(j)
                j += step
        for j in box:  # a notice: the cluster does not bring it back (a box's words are any story's)
            b = blocks[j]
            b.label, b.reason, b.notice = BAD, "in a product box (a price at a shop, a rating, a call to buy)", True


def _is_poll_answer(b: Block) -> bool:
    return b.label == BAD and b.n_words <= POLL_ANSWER_WORDS and not b.terminal


def _polls(blocks: list[Block]) -> None:
    """Drop a poll's question (POLLS): a short question, no one's words, over POLL_MIN_ANSWERS short lines the
    model dropped or more, one an answer in the words of polls (``lexicon.POLL_ANSWER_WORDS``); and a short label
    right above it ("Quick poll")."""
    for i, b in enumerate(blocks):
        if not (
            b.label == GOOD
            and b.n_words <= POLL_QUESTION_WORDS
            and b.text.rstrip().endswith("?")
            and not _QUOTATION_MARKS_RE.search(b.text)
        ):
            continue
        answers = 0
        while i + 1 + answers < len(blocks) and _is_poll_answer(blocks[i + 1 + answers]):
            answers += 1
        given = blocks[i + 1 : i + 1 + answers]
        if answers < POLL_MIN_ANSWERS or not any(
            {w.lower() for w in words(a.text)} <= lexicon.POLL_ANSWER_WORDS for a in given if words(a.text)
        ):
            continue  # short lines under a question, none an answer ("Autoplay on", "Photo 6 / 45")
        b.label, b.reason = BAD, "a poll's question (short answers under it)"
        above = blocks[i - 1] if i else None
        if above is not None and above.label == GOOD and above.n_words <= POLL_ANSWER_WORDS and not above.terminal:
            above.label, above.reason = BAD, "a poll's label"


def _is_poll_label(b: Block) -> bool:
    return (
        b.n_words <= POLL_LABEL_WORDS
        and not b.terminal
        and not lexicon.POLL_LABEL_WORDS.isdisjoint(w.lower() for w in words(b.text))
    )


def _is_poll_line(b: Block) -> bool:
    """A line of a poll under its question: an answer, a control, a result (POLL_LABELS)."""
    if b.n_words > POLL_RESULT_WORDS or _QUOTATION_MARKS_RE.search(b.text):
        return False
    lower = {w.lower() for w in words(b.text)}
    if not lower:
        return False
    if b.n_words <= POLL_ANSWER_WORDS and lower <= lexicon.POLL_ANSWER_WORDS | lexicon.POLL_CONTROL_WORDS:
        return True
    return bool(_POLL_RESULT_RE.search(b.text)) and not (
        lexicon.POLL_ANSWER_WORDS.isdisjoint(lower) and lexicon.POLL_CONTROL_WORDS.isdisjoint(lower)
    )


def _is_poll_question(b: Block) -> bool:
    return b.n_words <= POLL_QUESTION_WORDS and b.text.rstrip().endswith("?") and not _QUOTATION_MARKS_RE.search(b.text)


def _labelled_polls(blocks: list[Block]) -> None:
    """Drop a poll under a label naming it (POLL_LABELS): the label, the short questions under it and the
    poll's lines under those, up to the first other line."""
    for i, label in enumerate(blocks):
        if not _is_poll_label(label):
            continue
        j, questions = i + 1, 0
        while j < len(blocks) and (
            _is_poll_question(blocks[j]) or _is_poll_line(blocks[j]) or _is_poll_label(blocks[j])
        ):
            questions += _is_poll_question(blocks[j])
            j += 1
        if not questions:
            continue  # a label over no question: "Poll shows Labour ahead" is a headline
        for b in blocks[i:j]:
            if _is_poll_question(b):
                b.notice = True
            if b.label == GOOD:
                b.label, b.reason = BAD, "a poll (its label, question, answers and results)"


def _button_reason(b: Block) -> str:
    """Why a short line is one of the page's buttons (PAGE_BUTTONS), or ""."""
    text = b.text.strip()
    if b.n_words > BUTTON_WORDS or _QUOTATION_MARKS_RE.search(text) or (b.terminal and not text.endswith("!")):
        return ""
    lower = b.normal
    if lower.startswith(lexicon.DISMISS_PHRASES):
        return "a box's button dismissing it (maybe later, no thanks)"
    tokens = lower.split()
    for verb in lexicon.SKIP_LINK_VERBS:
        if lower.startswith(verb + " ") and not lexicon.SKIP_LINK_PLACES.isdisjoint(tokens[len(verb.split()) :]):
            return "a link skipping through the page (skip to content, back to top)"
    if tokens[:1] in (["thanks"], ["thank"]) and "for" in tokens[:3]:
        rest = tokens[tokens.index("for") + 1 :]
        if rest and rest[0] in lexicon.THANKED_ACTS:
            return "the page thanking its reader for an act on it (signing up)"
    if (
        tokens[:1]
        and tokens[0] in _BUTTON_GIVING_VERBS
        and not b.terminal
        and not (lexicon.SUPPORT_WORDS | lexicon.OUTLET_VOICED_WORK_WORDS | {"news"}).isdisjoint(tokens[1:])
    ):
        return "an appeal's button (make a gift, support our reporting)"
    if text[-1:] in _DROP_DOWN_MARKS:
        return "a menu's drop-down"
    return ""


def _page_state_reason(b: Block) -> str:
    """Why a short line or sentence is the page's tool, its comments' state or its paywall's meter
    (PAGE_BUTTONS), or ""."""
    if b.n_words > NOTICE_SHORT_WORDS or _QUOTATION_MARKS_RE.search(b.text):
        return ""
    lower = b.normal
    if b.n_words <= BUTTON_WORDS and lower.startswith(lexicon.PAGE_TOOL_PHRASES):
        return "a tool's link (save for later, print this article)"
    if b.n_words <= BUTTON_WORDS and lower.startswith(lexicon.COMMENT_STATE_PHRASES):
        return "the state of the readers' comments (comments are closed)"
    tokens = lower.split()
    if _addresses_you(b) and any(
        t == "free" and tokens[j + 1] in lexicon.METERED_NOUNS for j, t in enumerate(tokens[:-1])
    ):
        return "a paywall's meter (free stories left)"
    return ""


# A short line, not quoted, in which the outlet asks its reader to write in (a tip line, an errors line):
# a phrase of lexicon.WRITE_IN_PHRASES, or a question to the reader answered by a verb of writing in
# ("Have a story we should look into? Contact tips@..."). Found on fresh set J (its tip lines were kept
# between paragraphs); a notice, so the cluster does not bring it back. No DUC paragraph and no line of
# the real pages' true bodies of at most NOTICE_SHORT_WORDS words has such a phrase but "HOW TO REACH US".
TIP_LINES = True
_WRITE_IN_RE = re.compile(rf"\b{lexicon.alternation(lexicon.WRITE_IN_PHRASES)}\b")
_QUESTION_THEN_WRITE_IN_RE = re.compile(rf"\?\s+(?:{lexicon.alternation(sorted(lexicon.WRITE_IN_VERBS))})\b")


def _is_tip_line(b: Block) -> bool:
    return (
        TIP_LINES
        and b.n_words <= NOTICE_SHORT_WORDS
        and not _QUOTATION_MARKS_RE.search(b.text)
        and bool(_WRITE_IN_RE.search(b.normal) or _QUESTION_THEN_WRITE_IN_RE.search(b.text.lower()))
    )


def _page_buttons(blocks: list[Block]) -> None:
    for b in blocks:
        if b.n_words > NOTICE_SHORT_WORDS:
            continue
        if _is_tip_line(b):
            b.label, b.reason, b.notice = BAD, "the outlet asking its reader to write in (a tip line)", True
        elif b.label == GOOD:
            reason = (_button_reason(b) if b.n_words <= BUTTON_WORDS else "") or _page_state_reason(b)
            if reason:
                b.label, b.reason = BAD, reason


def _gallery_captions(blocks: list[Block]) -> None:
    """Drop a gallery's caption that opens with its counter (GALLERY_CAPTIONS), and mark one already dropped."""
    for b in blocks:
        if b.n_words > CAPTION_MAX_WORDS or not any(ch.isdigit() for ch in b.text[:3]):
            continue  # (most blocks: the pattern is not tried)
        found = _GALLERY_COUNTER_RE.match(b.text)
        if found is not None and 0 < int(found.group(1)) <= int(found.group(2)):
            b.notice = True
            if b.label == GOOD:
                b.label, b.reason = BAD, "a gallery's caption (its place in the gallery, then what it shows)"


def _copyright_notices(blocks: list[Block]) -> None:
    """Drop the outlet's notice of its rights (COPYRIGHT_NOTICES), and mark one already dropped."""
    for b in blocks:
        if (
            b.n_words <= NOTICE_MAX_WORDS
            and any(mark in b.text.lower() for mark in lexicon.RIGHTS_MARKS)
            and _RIGHTS_RE.search(b.normal if "©" not in b.text else b.text)
            and not _QUOTATION_MARKS_RE.search(b.text)
            and not _ATTRIBUTION_RE.search(b.text)
        ):
            b.notice = True
            if b.label == GOOD:
                b.label, b.reason = BAD, "a notice of the outlet's rights (copyright, reproduction)"


def _ad_labels(blocks: list[Block]) -> None:
    for b in blocks:
        if b.label == GOOD and _is_ad_label(b):
            b.label, b.reason = BAD, "an advertisement's label (ad, sponsored, the story continues)"


def _is_pagination(b: Block) -> bool:
    """A paginated article's link on a line of its own: only the words of paging, numbers and arrows, with "page"
    or an arrow by "next"/"previous" ("Page 2 of 5", "Continue to page 3", "Next »", "« Previous")."""
    if b.n_words > CONTROL_WORDS or b.terminal:
        return False
    tokens = [t for t in re.split(r"[\s()\[\]]+", b.text.lower()) if t]
    if not tokens or not all(t in lexicon.PAGINATION_WORDS or t.isdigit() or t in _PAGINATION_MARKS for t in tokens):
        return False
    arrow = any(t in _PAGINATION_MARKS for t in tokens)
    moves = arrow or any(t.isdigit() or t in _PAGE_MOVES for t in tokens)  # not a slug: "Page One"
    paged = "page" in tokens or "pages" in tokens
    return (paged and moves) or (arrow and any(t in ("next", "previous", "prev") for t in tokens))


def _page_controls(blocks: list[Block]) -> None:
    """Drop the page's controls kept among the article's paragraphs (PAGE_CONTROLS)."""
    for b in blocks:
        if b.label != GOOD or b.n_words > CONTROL_WORDS:
            continue
        if _is_pagination(b):
            b.label, b.reason = BAD, "a paginated article's link (page 2 of 5, next page)"
        elif (_is_item_stamp(b) or _SHORT_AGE_RE.match(b.text.strip())) and not b.text.rstrip().endswith(":"):
            # (a stamp ending in a colon heads what follows: a timeline's "1994:")
            b.label, b.reason = BAD, "a time stamp on a line of its own"
        elif b.text.rstrip().endswith("?") and not _QUOTATION_MARKS_RE.search(b.text) and _THIS_AD_RE.search(b.normal):
            b.label, b.reason = BAD, "an advertisement's label (ad, sponsored, the story continues)"


def _page_notices(blocks: list[Block], appeals: bool = FUNDING_APPEALS, own_work: bool = OUTLET_OWN_WORK) -> None:
    """Drop the page's notices to its reader (``_notice_reason``), and mark those already dropped that the
    cluster's rescue could bring back (prose: they use the common words of any story, "reporting", "free")."""
    for b in blocks:
        if b.label == GOOD or _is_prose(b):
            reason = _notice_reason(b, appeals, own_work)
            if reason:
                b.notice = True
                if b.label == GOOD:
                    b.label, b.reason = BAD, reason


_CAPITALISED_RE = re.compile(r"[A-Z][\w'’-]*")


def _names_in(text: str) -> set[str]:
    """The capitalised words of a paragraph but those opening a sentence, lower-cased: the names it uses (a
    common word of an outlet's name, "Daily" or "Post", is not a name the article uses)."""
    found = set()
    for m in _CAPITALISED_RE.finditer(text):
        j = m.start() - 1
        while j >= 0 and text[j].isspace():
            j -= 1
        if j >= 0 and text[j] not in ".!?\"“‘'`":
            found.add(m.group().lower())
    return found


def _end_matter(blocks: list[Block], after_cluster: bool = False) -> None:
    """Drop the page's closing paragraphs about someone or something the article never names: from the
    last paragraph kept back, while each opens with such a name and a verb of a biography. Set apart from
    what is kept above it by furniture (not only by another notice), the cluster does not bring one back (a
    writer's bio right under the wire story it closes may share the story's words and be kept).

    ``after_cluster``: read again once the boxes of other stories are gone (END_MATTER_AGAIN), leaving what
    the cluster would bring back (``GOOD_COHESION``, not a notice) and all above it."""
    where = {id(b): i for i, b in enumerate(blocks)}
    kept = [b for b in blocks if b.label == GOOD and _is_prose(b)]
    names: list[set[str]] = []  # of the closing paragraphs that open like end matter, the last first
    for b in reversed(kept[1:]):
        opening = _END_MATTER_RE.match(b.text)
        if opening is None or _QUOTATION_MARKS_RE.search(b.text) or _ATTRIBUTION_RE.search(b.text):
            break
        names.append({w.lower() for w in opening.group(1).split() if w.lower() not in STOP_WORDS})
    if not names:
        return
    article = {w for b in kept[: len(kept) - len(names)] for w in _names_in(b.text)}
    for b, named in zip(reversed(kept), names):
        if not named or named & article:
            return  # the article names it: a paragraph of reporting about one of its people
        if after_cluster and b.cohesion >= GOOD_COHESION and not b.notice:
            return  # right under the article and sharing the cluster's words: the cluster keeps it
        b.label, b.reason = BAD, "after the article, about a writer or an outlet it never names (a bio, about us)"
        at = where[id(b)]
        b.notice = at > 0 and blocks[at - 1].label == BAD and not blocks[at - 1].notice


# A bio speaks of a writer's work in its words or in a verb of it past its opening ("... joined the Beacon in
# 2003 and writes about the courts").
_WRITER_WORK_TOKENS = lexicon.WRITER_WORK_WORDS | {verb for verb in lexicon.WRITER_WORK_VERBS if " " not in verb}


def _reads_as_bio(b: Block) -> set[str] | None:
    """The name a writer's bio opens with, lower-cased and without stop words (WRITER_BIOS), or None."""
    if b.n_words > BIO_MAX_WORDS or not _is_prose(b):
        return None
    opening = _BIO_OPENING_RE.match(b.text)
    if opening is None:
        return None
    if opening.group(2) not in lexicon.WRITER_WORK_VERBS and _WRITER_WORK_TOKENS.isdisjoint(
        w.lower() for w in words(b.text)
    ):
        return None
    if _QUOTATION_MARKS_RE.search(b.text) or _ATTRIBUTION_RE.search(b.text):
        return None
    named = {w.lower() for w in opening.group(1).split()} - STOP_WORDS
    # A full name: one capitalised word may open any sentence ("Despite reports of clashes, ...").
    return named if len(named) >= BIO_NAME_WORDS else None


def _writer_bios(blocks: list[Block]) -> None:
    """Drop the writers' bios set among the article's paragraphs (WRITER_BIOS), and mark them, kept or not, so
    that the cluster does not bring one back."""
    prose = [i for i, b in enumerate(blocks) if _is_prose(b)]
    first = next((i for i in prose if blocks[i].label == GOOD), None)
    if first is None:
        return
    bios = {i: named for i in prose if i > first and (named := _reads_as_bio(blocks[i])) is not None}
    if not bios:
        return
    # Every capitalised word of the page's other paragraphs, sentence openings too ("Yesalis said ..."): a
    # name the story uses anywhere keeps the block.
    used = {m.group().lower() for i in prose if i not in bios for m in _CAPITALISED_RE.finditer(blocks[i].text)}
    last = max((i for i in prose if i not in bios and blocks[i].label == GOOD), default=-1)
    for i, named in bios.items():
        if named & used:
            continue
        b = blocks[i]
        # Right under the article's last paragraph, as a wire story's closing bio is ("Alan Judd writes for the
        # Atlanta Journal-Constitution"), the cluster may bring it back, as END_MATTER lets it: on DUC such
        # bios share the story's words, and dropping them moved summaries (BENCHMARKS.md, the eighth session).
        b.notice = not (i > last and blocks[i - 1].label == GOOD and all(j in bios for j in range(last + 1, i)))
        if b.label == GOOD:
            b.label, b.reason = BAD, "a writer's bio among the article's paragraphs"
        above = blocks[i - 1]
        if above.label == GOOD and above.n_words <= BIO_LABEL_WORDS and not above.terminal:
            above.label, above.reason = BAD, "the label of a writer's bio"


def without_other_stories(blocks: list[Block]) -> list[Block]:
    """The blocks of an extracted article (all taken for the article's) without its boxes of other stories."""
    for b in blocks:
        b.label, b.reason = GOOD, ""
    prose = [b for b in blocks if _is_prose(b)]
    _other_stories(blocks, bool(prose) and sum(_addresses_you(b) for b in prose) >= READER_VOICE_SHARE * len(prose))
    return [b for b in blocks if b.label == GOOD]


def _numbered_subheading(blocks: list[Block], i: int) -> bool:
    """A numbered heading between two paragraphs of reporting structures the article (a list of
    most-read stories runs its numbers line after line, with no paragraph between them)."""
    b = blocks[i]
    return (
        bool(_NUMBERED_RE.match(b.text))
        and not b.terminal
        and b.n_words <= MAX_SUBHEADING_WORDS
        and not _furniture_evidence(b)
        and 0 < i < len(blocks) - 1
        and all(blocks[j].label == GOOD and _is_prose(blocks[j]) for j in (i - 1, i + 1))
    )


def _classify(
    blocks: list[Block],
    model: LineModel,
    rules: RuleSwitches,
    layout: Layout | None = None,
    scores: Iterable[float] | None = None,
) -> None:
    """Label the page's blocks (``layout`` and ``scores``: those of its article, the blocks before its
    readers' comments, when already computed)."""
    # Readers' comments close the page and are never the article's: the article is read without
    # them, so that a long comment section is not taken for the page's main run of paragraphs
    # (which would make the story's own first paragraphs look like furniture before it).
    end = _comments_start(blocks)
    for b in blocks[end:]:
        b.comment, b.label, b.reason = True, BAD, "a reader's comment"
    article = blocks[:end]
    if layout is None:
        layout = page_layout(article)
    _classify_article(
        article,
        model,
        rules,
        layout,
        model.scores(article, layout) if scores is None else scores,
    )


def _classify_article(
    blocks: list[Block],
    model: LineModel,
    rules: RuleSwitches,
    layout: Layout,
    scores: Iterable[float],
) -> None:
    for b, score in zip(blocks, scores):
        b.score = float(score)
        if b.score >= model.threshold:
            b.label, b.reason = GOOD, ""
        else:
            b.label, b.reason = BAD, _furniture_reason(b)
    pasted = _pasted_clean(blocks)
    if pasted is not None:
        # Nothing but sentences and no mark of a web page, under at most its headline: a text
        # pasted clean (the model, trained on pages, doubts a short text's one-sentence
        # paragraphs). Every sentence is the article's: none is another story's.
        for b in blocks[pasted:]:
            b.label, b.reason = GOOD, ""
        return
    kept_prose = [b for b in blocks if b.label == GOOD and _is_prose(b)]
    addresses_reader = bool(kept_prose) and (
        sum(b.second_person > 0 for b in kept_prose) >= READER_VOICE_SHARE * len(kept_prose)
    )
    for i, b in enumerate(blocks):
        # A short sentence between two paragraphs of reporting is reporting
        # ("He declined to comment."), unless it carries furniture's marks;
        # so is a sentence of any length that opens the page before them, under
        # the wire's dateline ("ATLANTA _ Newt Gingrich is a bachelor again.") or
        # not (a pasted text's one-sentence lede; a question there is a headline), with or
        # without the headline above it (under it, a line of names is a signature or a caption).
        opens = i == 0 or (i == 1 and _is_headline(blocks[0]) and b.title_ratio < CAPTION_TITLE_RATIO)
        wire_lede = opens and (b.dateline or (b.terminal and not b.text.rstrip().endswith("?")))
        between_reporting = i > 0 and blocks[i - 1].label == GOOD and b.n_words < MIN_PROSE_WORDS
        followed = i < len(blocks) - 1 and blocks[i + 1].label == GOOD
        if (
            b.label == BAD
            and reads_as_sentences(b)
            and not _furniture_evidence(b)
            and (wire_lede or between_reporting)
            and followed
        ):
            b.label, b.reason = GOOD, ""
        # Someone's words, attributed, between two paragraphs of reporting are reporting, even
        # with a page word in passing ('..., the fire chief told reporters').
        elif (
            b.label == BAD
            and i > 0
            and blocks[i - 1].label == GOOD
            and followed
            and _is_prose(b)
            and _reads_as_clean_text(b)
            and _ATTRIBUTION_RE.search(b.text)
        ):
            b.label, b.reason = GOOD, ""
        elif b.label == BAD and (_enclosed_prose(blocks, i, addresses_reader) or _numbered_subheading(blocks, i)):
            b.label, b.reason = GOOD, ""
        elif (
            rules.dateline_paragraphs
            and b.label == BAD
            and b.dateline
            and _is_prose(b)
            and not b.repeated
            and not _furniture_evidence(b)
        ):
            b.label, b.reason = GOOD, ""
        # Outside the article's run of paragraphs, a block that shares not one
        # word with them is another story's caption or teaser: strong evidence.
        elif b.label == GOOD and layout.outside_run(i) and b.stems and layout.run_cohesion[i] == 0.0:
            b.label, b.reason = BAD, "after or before the article and shares no word with it (another story)"
    # After the rules above, so that a lead-in kept cannot make the line before the paragraph it
    # introduces read as a sentence between reporting.
    lead_ins = [i for i in range(len(blocks)) if blocks[i].label == BAD and _is_lead_in(blocks, i)]
    for i in lead_ins:
        blocks[i].label, blocks[i].reason = GOOD, ""
    if rules.embedded_posts:
        _embedded_posts(blocks, layout)
    _teasers(blocks, layout)
    _captions(blocks, rules.pointer_captions, rules.photo_packages)
    if rules.introduced_lists:
        _introduced_lists(blocks)  # last, so that the caption rule cannot drop a list after the last sentence
    if rules.other_stories:
        _other_stories(blocks, addresses_reader)
    if rules.story_cards:
        _story_cards(blocks)
    if rules.outlet_voice and not addresses_reader:
        _outlet_voice(blocks, layout)
    # Written to its reader: "you" outside quotation marks (a quotation's "we" does not make a how-to).
    written_to_reader = bool(kept_prose) and sum(_addresses_you(b) for b in kept_prose) >= READER_VOICE_SHARE * len(
        kept_prose
    )
    if rules.page_notices and not written_to_reader:
        _page_notices(blocks, rules.funding_appeals, rules.outlet_own_work)
    if rules.end_matter:
        # Before the bios among the paragraphs are dropped: walking back from the last paragraph kept, it
        # would otherwise take the article's own closing paragraph above a dropped bio for end matter.
        _end_matter(blocks)
    if rules.writer_bios:
        _writer_bios(blocks)
    if rules.ad_labels:
        _ad_labels(blocks)
    if rules.page_controls:
        _page_controls(blocks)
    if rules.polls:
        _polls(blocks)
    if rules.poll_labels:
        _labelled_polls(blocks)
    if rules.page_buttons:
        _page_buttons(blocks)
    if rules.copyright_notices:
        _copyright_notices(blocks)
    if rules.gallery_captions:
        _gallery_captions(blocks)
    if rules.product_boxes:
        _product_boxes(blocks)
    if rules.repeated_labels:
        for b in blocks:
            if b.label == GOOD and b.repeated and not b.terminal:
                b.label, b.reason = BAD, "printed twice on the page"


_QUOTE_MARK_RE = re.compile(r"[\"“”‘’`']{1,2}")


def _ends_with_credit(b: Block) -> bool:
    """Ends with its photo's credit, as the rules read it (``Block.credit``, which the model reads, or
    "Photograph: Jo Lee/AP", "Photo by Jo Lee")."""
    return b.credit or (
        b.n_words <= CAPTION_MAX_WORDS and _may_name_picture(b.text) and bool(_PHOTO_CREDIT_END_RE.search(b.text))
    )


def _may_name_picture(text: str) -> bool:
    """False only if ``_PHOTO_CREDIT_END_RE`` cannot match: an ASCII text without its words (lower-cased
    first; outside ASCII, "İ" matches its "i" regardless of case, so such a text is always tried)."""
    if not text.isascii():
        return True
    low = text.lower()
    return "photo" in low or "image" in low or "picture" in low


def _is_credit_line(b: Block) -> bool:
    """A photo's credit on a line of its own ("Photograph: Jo Lee/AP", "(Jo Lee/AP)", "Image: AP via ...")."""
    return b.n_words <= CREDIT_LINE_WORDS and _ends_with_credit(b) and bool(_CREDIT_LINE_START_RE.match(b.text))


def _package_captions(blocks: list[Block]) -> list[Block]:
    """The page's captions if it is a photo package (PHOTO_PACKAGES), else none: paragraphs of sentences
    ending with their credit that make at least PACKAGE_CAPTION_SHARE of the words of its prose."""
    captions = [
        b
        for b in blocks
        if b.n_words >= PACKAGE_CAPTION_WORDS
        and not b.comment
        and _ends_with_credit(b)
        and (reads_as_sentences(b) or SENTENCE_BREAK_RE.search(b.text))  # a sentence, then its credit
    ]
    if not captions:
        return []
    caption_words = sum(b.n_words for b in captions)
    prose_words = sum(b.n_words for b in blocks if b.label == GOOD and _is_prose(b) and not _ends_with_credit(b))
    return captions if caption_words >= PACKAGE_CAPTION_SHARE * (caption_words + prose_words) else []


def _captions(blocks: list[Block], pointers: bool = POINTER_CAPTIONS, packages: bool = PHOTO_PACKAGES) -> None:
    """A caption is no paragraph of the story: one that ends with its photo's credit or stands right above
    its credit's line, and a line of names with no sentence ending after the story's last sentence (the
    picture's caption closing the page; a quotation whose closing marks hide its full stop is reporting).
    A photo package's captions are its story (``packages``)."""
    package = {id(b) for b in _package_captions(blocks)} if packages else set()
    for b in blocks:
        if id(b) in package:
            b.label, b.reason = GOOD, ""
    last_sentence = max((i for i, b in enumerate(blocks) if b.label == GOOD and b.terminal), default=len(blocks))
    credit_line = [_is_credit_line(b) for b in blocks]  # once per block, not again as the line above the next
    over_credit = {
        i - 1
        for i in range(1, len(blocks))
        if credit_line[i] and not credit_line[i - 1] and not _is_prose(blocks[i - 1])
    }
    for i, b in enumerate(blocks):
        if pointers and b.text[:1] in _POINTERS and b.n_words <= CAPTION_MAX_WORDS and _POINTER_RE.match(b.text):
            # strong evidence: the cluster does not bring it back for naming the story's people
            b.notice = True
            if b.label == GOOD:
                b.label, b.reason = BAD, "a caption pointing at its picture (▲ ...)"
            continue
        if b.label != GOOD or id(b) in package:
            continue
        if _ends_with_credit(b):
            b.label, b.reason = BAD, "a photo caption with its credit"
        elif (
            i in over_credit
            and b.n_words <= CAPTION_MAX_WORDS
            and not _QUOTATION_MARKS_RE.search(b.text)
            and not b.text.rstrip().endswith(":")  # a lead-in to what follows
        ):
            b.label, b.reason = BAD, "a photo caption (above its credit)"
        elif (
            b.caption_words
            and b.n_words <= CAPTION_MAX_WORDS
            and _PICTURE_WORDS_RE.search(b.text)
            and not _QUOTATION_MARKS_RE.search(b.text)
            and not _ATTRIBUTION_RE.search(b.text)
        ):
            b.label, b.reason = BAD, "a photo caption (says what the picture shows)"
        elif (
            i > last_sentence
            and not b.terminal
            and b.title_ratio >= CAPTION_TITLE_RATIO
            and not _QUOTE_MARK_RE.search(b.text)
            and not _EMBED_SIGNATURE_RE.match(b.text)
        ):
            b.label, b.reason = BAD, "after the story's last sentence, with no sentence ending (a caption or a label)"


# A reader's comment opens with its writer and when it was posted: "mroklahoma says:" (or
# "wrote:"), then a time stamp ("November 19, 2019 at 6:34 am").
_COMMENT_SIGNATURE_RE = re.compile(
    rf"^\S+(?:\s+\S+){{0,2}}\s+{lexicon.alternation(lexicon.COMMENT_SIGNATURE_VERBS)}:?$", re.IGNORECASE
)
MIN_COMMENTS = 2  # signed and stamped comments that make a page's comment section


def _comments_start(blocks: list[Block]) -> int:
    """Where readers' comments begin (from the first signed and stamped comment on, nothing is the
    article's), or the page's end when it has no comment section."""
    signed = [
        i for i in range(len(blocks) - 1) if _COMMENT_SIGNATURE_RE.match(blocks[i].text) and blocks[i + 1].timestamp
    ]
    return signed[0] if len(signed) >= MIN_COMMENTS else len(blocks)


# An embedded social post ends with its author, handle and day ("— Jane Roe (@janeroe) November 18,
# 2019"): the post is the article's, quoted where the article sets it.
_EMBED_SIGNATURE_RE = re.compile(r"^[—–-]\s*.{1,80}\(@\w{1,15}\)\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}$")
EMBED_MAX_LINES = 3  # lines of the post above its signature


def _embedded_posts(blocks: list[Block], layout: Layout) -> None:
    """A post embedded in the article's run of paragraphs stays with them, its text and signature; so
    does one that closes the article, its text kept right above its signature."""
    for i, b in enumerate(blocks):
        closes = layout.run_end < i <= layout.run_end + EMBED_MAX_LINES and blocks[i - 1].label == GOOD
        if not (_EMBED_SIGNATURE_RE.match(b.text) and (layout.run_start <= i <= layout.run_end or closes)):
            continue
        start = i
        while (
            start > 0
            and i - start < EMBED_MAX_LINES
            and blocks[start - 1].label == BAD
            and not blocks[start - 1].repeated
        ):
            start -= 1
        for post in blocks[start : i + 1]:
            post.label, post.reason = GOOD, ""


def _teasers(blocks: list[Block], layout: Layout) -> None:
    """Away from the article's densest stretch of paragraphs, a short caption set between two
    headline-shaped lines is another story's teaser, and so is a headline left among furniture."""
    outside = [not layout.core_start <= i <= layout.core_end for i in range(len(blocks))]
    shaped = [is_headline_shaped(b) for b in blocks]
    for i in range(1, len(blocks) - 1):
        b = blocks[i]
        if b.label == GOOD and outside[i] and b.n_words < TEASER_CAPTION_WORDS and shaped[i - 1] and shaped[i + 1]:
            b.label, b.reason = BAD, "a caption between other stories' headlines (a teaser)"
    for i, b in enumerate(blocks):
        neighbours = [blocks[j].label for j in (i - 1, i + 1) if 0 <= j < len(blocks)]
        if b.label == GOOD and outside[i] and shaped[i] and all(label == BAD for label in neighbours):
            b.label, b.reason = BAD, "another story's headline among page furniture"


def clean_texts(
    texts: list[str],
    model: LineModel | None = None,
    *,
    embedded_posts: bool = EMBEDDED_POSTS,
    repeated_labels: bool = REPEATED_LABELS,
    introduced_lists: bool = INTRODUCED_LISTS,
    other_stories: bool = OTHER_STORIES,
    story_cards: bool = STORY_CARDS,
    headline_teasers: bool = HEADLINE_TEASERS,
    outlet_voice: bool = OUTLET_VOICE,
    end_matter: bool = END_MATTER,
    page_notices: bool = PAGE_NOTICES,
    story_boxes: bool = STORY_BOXES,
    ad_labels: bool = AD_LABELS,
    masthead_titles: bool = MASTHEAD_TITLES,
    product_boxes: bool = PRODUCT_BOXES,
    box_last_teaser: bool = BOX_LAST_TEASER,
    boxed_teasers: bool = BOXED_TEASERS,
    end_matter_again: bool = END_MATTER_AGAIN,
    funding_appeals: bool = FUNDING_APPEALS,
    writer_bios: bool = WRITER_BIOS,
    item_ages: bool = ITEM_AGES,
    list_item_titles: bool = LIST_ITEM_TITLES,
    pointer_captions: bool = POINTER_CAPTIONS,
    photo_packages: bool = PHOTO_PACKAGES,
    stamped_teasers: bool = STAMPED_TEASERS,
    polls: bool = POLLS,
    dateline_paragraphs: bool = DATELINE_PARAGRAPHS,
    title_furniture: bool = TITLE_FURNITURE,
    page_controls: bool = PAGE_CONTROLS,
    outlet_own_work: bool = OUTLET_OWN_WORK,
    poll_labels: bool = POLL_LABELS,
    page_buttons: bool = PAGE_BUTTONS,
    copyright_notices: bool = COPYRIGHT_NOTICES,
    gallery_captions: bool = GALLERY_CAPTIONS,
) -> list[CleanedText]:
    """Clean the texts of one cluster together.

    Each page is classified alone by the line model; the cluster then only
    adds: short lines that pages of the cluster share (site furniture) go,
    and prose the model doubted stays when the other articles share its words.
    ``embedded_posts``, ``repeated_labels``, ``introduced_lists``,
    ``other_stories`` and ``story_cards`` switch the rules on top of the model
    (``benchmarks/cleaner_folds.py`` measures each).
    """
    model = model or default_model()
    rules = RuleSwitches(
        embedded_posts,
        repeated_labels,
        introduced_lists,
        other_stories,
        story_cards,
        headline_teasers,
        outlet_voice,
        end_matter,
        page_notices,
        story_boxes,
        ad_labels,
        masthead_titles,
        product_boxes,
        box_last_teaser,
        boxed_teasers,
        end_matter_again,
        funding_appeals,
        writer_bios,
        item_ages,
        list_item_titles,
        pointer_captions,
        photo_packages,
        stamped_teasers,
        polls,
        dateline_paragraphs,
        title_furniture,
        page_controls,
        outlet_own_work,
        poll_labels,
        page_buttons,
        copyright_notices,
        gallery_captions,
    )
    docs = [page_blocks(text) for text in texts]
    articles = [blocks[: _comments_start(blocks)] for blocks in docs]  # each page without its readers' comments
    layouts = [page_layout(blocks) for blocks in articles]
    # The shipped model scores the cluster's pages in one pass (the same scores as page by page).
    scores = model.scores_of_pages(articles, layouts) if isinstance(model, LineModel) else None
    prose = [{s for b in blocks if _is_prose(b) and not b.repeated for s in b.stems} for blocks in docs]
    # Short furniture repeated across pages of one outlet ("Most Popular").
    shared_short = Counter(
        b.normal for blocks in docs for b in {x.normal: x for x in blocks if x.n_words <= 12}.values()
    )
    prose_use = Counter(s for stems in prose for s in stems)  # in how many articles' prose each stem is
    # Only articles with prose are compared with: a page of junk among them
    # (no sentence at all) would make every other article look like furniture.
    with_prose = sum(1 for stems in prose if stems)
    cleaned = []
    for d, blocks in enumerate(docs):
        own = prose[d]
        others = with_prose - (1 if own else 0)
        _classify(
            blocks,
            model,
            rules,
            layouts[d],
            None if scores is None else scores[d],
        )

        def other_use(stem: str, own: set[str] = own) -> int:  # in how many other articles' prose
            return prose_use[stem] - (stem in own)

        for b in blocks:
            b.cohesion = _cohesion(b, others, other_use)
            if b.label == GOOD and not b.terminal and b.cue_score > 0 and shared_short[b.normal] > 1:
                b.label, b.reason = BAD, "repeated on other pages of the cluster (site furniture)"
            elif (
                b.label == BAD
                and others
                and b.score >= RESCUE_FLOOR
                and _is_prose(b)
                and not b.repeated
                and not b.comment
                and not b.notice
                and b.cohesion >= GOOD_COHESION
            ):
                b.label, b.reason = GOOD, ""
        if rules.headline_teasers:
            _headline_teasers(blocks, layouts[d])
        if rules.story_boxes:
            _story_boxes(blocks, layouts[d], rules.box_last_teaser, rules.item_ages)
        if rules.boxed_teasers:
            _sandwiched_teasers(blocks, layouts[d], rules.item_ages)
        if rules.stamped_teasers:
            _stamped_teasers(blocks, layouts[d])
        if rules.end_matter and rules.end_matter_again:
            _end_matter(blocks[: len(layouts[d].prose)], after_cluster=True)
        title, subtitle = _split_title(
            blocks,
            rules.masthead_titles,
            rules.list_item_titles,
            rules.title_furniture,
            rules.page_buttons,
        )
        for heading in (title, subtitle):
            if heading is not None:
                heading.label, heading.reason = "kept", ""
        body = [b for b in blocks if b.label == GOOD]
        removed = [RemovedLine(b.text, b.reason) for b in blocks if b.label == BAD]
        fell_back = not body and bool(blocks)
        if fell_back:
            body = [b for b in blocks if b is not title and b is not subtitle]
            removed = []
        cleaned.append(
            CleanedText(
                title=title.text if title else None,
                subtitle=subtitle.text if subtitle else None,
                paragraphs=[b.text for b in body],
                removed=removed,
                fell_back=fell_back,
            )
        )
    return cleaned
