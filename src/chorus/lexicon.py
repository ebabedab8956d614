"""The word lists chorus reads text with, as data, in one place: the calendar's names, numbers in
words, the titles before a person's name, the verbs that report speech, and the cue votes of the
rule-based name finder. Every module that needs one imports it from here."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Names of months and days: capitalised, but not names of people or places.
MONTHS_AND_DAYS = frozenset(w.lower() for w in (*MONTHS, *MONTH_ABBREVIATIONS, *WEEKDAYS))

# Numbers written as words, with their values ("seven", "a dozen"), and the scale words that multiply
# a figure ("2.5 million"): align/values.py reads figures with them, align/claims.py sets them apart.
NUMBER_WORDS: dict[str, int] = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
NUMBER_WORDS.update(
    {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12}
)
# "dozen" scales a figure too ("two dozen" is 24), besides counting alone ("a dozen").
SCALE_WORDS = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "dozen": 12.0}

# The abbreviated titles before a name ("Rep.", "Sen.", "Dr."): a courtesy or a rank, no content of
# its own (align/claims.py passes over one before a name: another Rep. is another man).
TITLE_ABBREVIATIONS = frozenset("mr mrs ms dr rep sen gov gen lt col sgt capt adm prof rev".split())
# Sentence splitting (segment.py). nupunkt's model learned some 5,800 "abbreviations" from legal and
# government text, among them ordinary words ("bank", "york", "month", "story", "iowa"), after which
# it starts no sentence: "... loans from the World Bank. The minister said ..." stayed one. An
# abbreviation is only what is known to be one: these words, initials ("J."), and words with inner
# full stops ("U.S.", "Ph.D."). None of these words is an English word when it ends in a full stop.
ABBREVIATIONS = (
    TITLE_ABBREVIATIONS
    | frozenset(
        """mmes mme mlle messrs hon sens reps govs drs supt asst brig cmdr cpl pvt maj gens lts
    jr sr st ste mt ft ave blvd
    adv co cos corp inc ltd bros assn dept univ govt intl natl
    vs etc no nos vol vols approx
    ala ariz ark calif colo conn fla ga kan kans ky md mich minn mo mont neb nev okla pa tenn tex va
    vt wis wyo""".split()
    )
    | frozenset(m.lower() for m in MONTH_ABBREVIATIONS)
)
# Abbreviations that are also words ("Boston, Mass." but "muscle size and mass."; "Oxford, Miss."
# but "the mentally ill."; "Prop. 38"): abbreviations only as printed here, with their capital.
CASED_ABBREVIATIONS = frozenset("Mass Wash Ill Miss Ind Ore Del La Prop".split())
# Words that open a sentence and do not go on from an abbreviation (closed classes: pronouns,
# determiners, conjunctions, prepositions; sentence adverbs): after "Bethesda, Md." or "Edward F. Borden Jr.", a
# capitalised one starts a new sentence ("... Md. Its mission ..."). Names, which do go on from one
# ("Sen. Will Smith", "Gen. Bill ..."), are not among them; titles never end a sentence before a
# capital (nupunkt's own rule).
SENTENCE_OPENERS = frozenset(
    """the a an this that these those it its it's he she they we i his her their our my your there
    here both each every all some many most few neither either such another other
    but and or nor so yet however meanwhile also still then thus instead indeed just now even only
    later earlier today yesterday already perhaps moreover nevertheless nonetheless otherwise
    when while if although though because since after before as in on at for with from by under
    what who which why how where""".split()
)
# Words before a person's name that say what the person is ("Foreign Minister", "Dr."): the
# abbreviations above and the titles written out.
PERSON_TITLES = TITLE_ABBREVIATIONS | frozenset(
    """president minister secretary chief leader premier chancellor senator representative
    governor mayor king queen prince princess sheikh emir ambassador envoy spokesman
    spokeswoman spokesperson director chairman chairwoman ceo professor judge
    commander captain lieutenant sergeant colonel general admiral pope bishop
    archbishop rabbi cardinal imam ayatollah deputy vice former officer inspector detective
    superintendent coach pastor reverend lord lady sir dame attorney fm pm""".split()
)
# A title before a quote's speaker ("House Budget Committee Chairman John Kasich", "Col. General Ivan
# Golubev", "U.N. Secretary-General Kofi Annan"): the person titles and the ranks written short, which
# analysis/quotes.py reads past when a full name follows.
SPEAKER_TITLES = PERSON_TITLES | frozenset(
    """supt asst brig cmdr cpl pvt maj commissioner principal secretary-general undersecretary
    administrator superintendent treasurer dean provost""".split()
)
# Every list of the verbs that report speech lives here. They differ on purpose, each by what its
# reader looks for; each says so, and ``alternation`` prints one into a regular expression.

# Verbs that report speech: a name beside one is a person's (analysis/entities.py,
# references.py).
SPEECH_VERBS = frozenset(
    """said says told tells added adds explained declared stated responded replied noted wrote
    insisted warned argued announced claimed confirmed urged stressed""".split()
)
# The words a title in title case leaves in lower case ("Return of the Jedi", "A Charge to Keep"):
# a quotation whose other words all open with a capital names a work (a film, a book, a show), it
# is no statement (analysis/quotes.py).
TITLE_LOWER_WORDS = frozenset("a an the and or but nor of in on at to for with by from as vs via into".split())
# A quotation's attribution takes many more verbs, in more forms: `"…," quipped Tom`, `"…," he
# tweeted` (analysis/quotes.py). Beside a bare name they are too loose to make it a person's.
QUOTE_VERBS = SPEECH_VERBS | frozenset(
    """say explains declares states responds replies notes writes asked asks insists warns argues
    continued continues announces remarked commented comments acknowledged admitted admits claims
    recalled recalls urges stresses emphasised emphasized emphasises emphasizes observed concluded
    suggested suggests testified cautioned predicted complained conceded mentioned termed described
    quipped boasted pledged vowed promised tweeted posted shouted whispered repeated""".split()
)
# A page addressing its reader (clean.py): the pronouns of the first and second person, whose share of
# a block's words is one of the line features; and "you" alone, which no paragraph of an article's
# own reporting says outside quotation marks.
SECOND_PERSON_WORDS = frozenset("you your yours yourself we our ours us".split())
READER_ADDRESS_WORDS = frozenset("you your yours yourself yourselves".split())
# How a paragraph about a writer or an outlet goes on after its name ("Regan is a ...", "Nora Quinn joined
# the Gazette in 1977", "The Gazette is part of ..."): clean.END_MATTER.
BIOGRAPHY_VERBS = (
    "is a",
    "is an",
    "is the",
    "is part of",
    "joined",
    "covers",
    "writes",
    "has written",
    "has covered",
    "has worked",
    "lives",
    "worked",
    "was born",
    "can be reached",
)
# A writer's bio set among the article's paragraphs (clean.WRITER_BIOS) speaks of the writer's work: these
# words, or the bio's verb itself ("covers", "writes", "has written", "has covered", "reports").
WRITER_WORK_WORDS = frozenset(
    """writer writers reporter reporters correspondent correspondents columnist columnists column columns
    editor editors journalist journalists newsroom newspaper paper bureau desk author books""".split()
)
WRITER_WORK_VERBS = frozenset(("covers", "writes", "has written", "has covered", "reports"))
# An appeal for the outlet's funding (clean.FUNDING_APPEALS): the words of giving to it ...
SUPPORT_WORDS = frozenset(
    "contribution contributions contribute donation donations donate donor donors gift gifts give funded".split()
)
# ... said by the outlet to its reader ("we" and "you"), or of its own work: "journalism" or "newsroom" in a
# short notice ("Journalism like this is funded by readers."), "reporting" too with "we" or "you" ("If you value
# our reporting, ..."; alone it is the story's: "campaign donors' reporting rules").
OUTLET_WORK_WORDS = frozenset("journalism newsroom".split())
OUTLET_VOICED_WORK_WORDS = OUTLET_WORK_WORDS | {"reporting"}
# What the outlet calls its own work after "our" (ingest/clean.py, OUTLET_OWN_WORK: "the best of our
# journalism", "no say over our coverage"); a story names whose coverage it reports.
OUTLET_OWN_WORK_NOUNS = frozenset(
    "journalism newsroom newsrooms coverage reporting reporters journalists editors partners newsletter newsletters".split()
)
# The page speaking of itself (ingest/clean.py, PAGE_NOTICES): "this article", "these links", "this site"
# outside quotation marks is the page's notice (a disclaimer, a correction note, an affiliate disclosure),
# not the story's reporting ("interviewed for this article" is reporting: clean.py leaves "for" and "to" out).
PAGE_SELF_NOUNS = ("article", "articles", "story", "page", "site", "website", "web site", "links", "post")
# A sentence opening with one of these calls the reader to act for the page ("Become a member today ...",
# "Follow Jo Lee on social media ...", "Subscribe for ..."): verbs rarely a noun at a sentence's start.
CALL_TO_ACTION_VERBS = frozenset(
    """subscribe donate contribute download register click tap follow join become upgrade install visit
    bookmark sign log""".split()
)
# Calls to act for the page that a headline never opens with (ingest/clean.py, TITLE_FURNITURE: "Download the
# app", "Subscribe now"); "Follow", "Join", "Visit", "Sign" open headlines ("Visit to China Ends").
TITLE_CALL_VERBS = frozenset("subscribe donate download click tap install bookmark upgrade".split())
# The words of a paginated article's links, each on a line of its own ("Page 2 of 5", "Continue to page 3", "View
# as one page", "Next »"; ingest/clean.py, PAGE_CONTROLS).
PAGINATION_WORDS = frozenset("page pages next previous prev continue to of view as one single all full".split())
# What opens a byline before its "by" ("Words by Jo Lee", "Reporting by Jo Lee"; TITLE_FURNITURE).
BYLINE_OPENERS = ("article", "story", "words", "text", "written", "reporting", "report", "posted", "compiled")
# These call the reader to act only in a sentence that also says "you" or the outlet's "we" ("Cancel any
# time" after "Your first month is free"): at a sentence's start they are often nouns ("Share prices fell").
READER_ACTION_VERBS = frozenset(
    """share support help get read watch listen check try save send report give keep stay tell enter cancel
    turn message explore discover continue""".split()
)
# An advertisement's label or the notice that the story goes on after one (ingest/clean.py, AD_LABELS): a short
# line, no sentence, naming an advertisement or a sponsor ("Report this ad", "Partner content", "Paid post",
# "— Story continues —"). The words of advertising, and the phrases that need two words to say it.
ADVERTISING_WORDS = frozenset(
    "ad ads advert adverts advertisement advertisements advertising advertorial sponsor sponsors sponsored promoted".split()
)
# The words of a poll's answers, one answer a line under its question (clean.POLLS): one of them at least.
POLL_ANSWER_WORDS = frozenset("yes no not sure maybe undecided agree disagree strongly neutral vote".split())
# A poll's own label over its question ("Quick poll", "Reader survey", "Today's poll"; clean.POLL_LABELS), and the
# words of its controls and results under the answers ("Submit answer", "See results (1,674 votes)", "15% of
# readers said yes").
POLL_LABEL_WORDS = frozenset("poll polls survey".split())
POLL_CONTROL_WORDS = frozenset("submit answer answers results result votes see view".split())
# A page's buttons on lines of their own (clean.PAGE_BUTTONS): what dismisses a box ("Maybe later", "No thanks,
# remind me next month"), the links that skip through the page ("Skip to content", "Jump to the story", "Back
# to top") with the places they skip to, and the acts a page thanks its reader for ("Thanks for signing up!").
DISMISS_PHRASES = ("maybe later", "no thanks", "not now", "remind me later", "not interested")
SKIP_LINK_VERBS = ("skip to", "jump to", "back to", "go to", "return to")
SKIP_LINK_PLACES = frozenset(
    "content contents main story article navigation menu comments section top page footer search".split()
)
THANKED_ACTS = frozenset("signing subscribing registering voting joining your".split())
# ... a tool's link ("Save for later", "Print this article", "Send to a friend"), the state of the comments ("Comments
# are closed.", "Be the first to comment"), and the meter of a paywall, "free" before the page's word for its
# stories ("You have 7 free stories left this month.").
# The outlet asking its reader to write in: a tip line or an errors line ("Spotted a typo? Let us know.", "Send
# tips securely via Signal: ...", "Have a story we should look into? Contact tips@...").
WRITE_IN_PHRASES = (
    "let us know",
    "contact us",
    "get in touch",
    "email us",
    "e-mail us",
    "write to us",
    "drop us a line",
    "send tips",
    "send a tip",
    "tip us",
    "reach us",
)
WRITE_IN_VERBS = frozenset("contact email e-mail write message text call".split())
PAGE_TOOL_PHRASES = ("save for later", "read later", "print this", "send to a friend", "email to a friend", "gift this")
COMMENT_STATE_PHRASES = (
    "comments are",
    "comments closed",
    "commenting has",
    "commenting is",
    "commenting closed",
    "be the first to comment",
)
METERED_NOUNS = frozenset("stories articles story article reads".split())
# A notice of the outlet's rights in its pages (clean.COPYRIGHT_NOTICES): "©", or these words.
# A notice of rights carries one of these marks besides its phrase: "may not be reproduced" alone is as
# often a study's caveat as a page's notice.
RIGHTS_MARKS = ("©", "copyright", "permission", "reserved")
RIGHTS_PHRASES = (
    "all rights reserved",
    "is copyright of",
    "reproduction without permission",
    "without prior written permission",
    "may not be copied",
    "may not be reproduced",
    "may not be republished",
)
# A box item's link to the rest of its story, on a line of its own under its teaser ("Read more »",
# "Continue reading →"; clean.STAMPED_TEASERS).
READ_ON_PHRASES = ("read more", "continue reading", "keep reading", "read on", "full story", "read the full story")
ADVERTISING_PHRASES = (
    "partner content",
    "paid post",
    "paid content",
    "story continues",
    "article continues",
    "story resumes",
    "article resumes",
    "continue reading",
    "brought to you by",
)
# A product box's lines (ingest/clean.py, PRODUCT_BOXES): the nouns of a shop's offer and of the outlet's cut of
# a sale ("Best price today", "Add to basket", "we may earn a commission from purchases"), and the verbs that
# open a call to buy ("Buy it at ...", "Shop now"). Prices fall in reporting too ("Share prices fell"): these
# mark a line only next to a line that sells.
SHOPPING_NOUNS = frozenset(
    """price prices deal deals offer offers basket cart checkout shipping delivery commission purchase purchases
    retailer retailers shopper shoppers""".split()
)
SHOPPING_VERBS = frozenset("buy shop order".split())
# Verbs of a reply: `"Guys, it's a movie!" responded Tom Sherak` answers something said before
# (references.py).
RESPONSE_VERBS = frozenset("responded replied retorted countered agreed disagreed conceded".split())
# Words of reporting that carry no content of their own (align/claims.py weighs them as nothing, so
# their stems): the neutral speech verbs in all their forms and the nouns of reporting; not
# "warned", "urged", "argued", "stressed", "wrote", which tell something of their own.
REPORTING_WORDS = frozenset(
    """said says say saying told tells tell added adds according reported reports reporting reporter
    reporters stated states statement announced announces confirmed confirms claimed claims noted notes
    explained explains declared declares insisted insists responded responds replied replies""".split()
)
# The verbs of reporting that, as a clause's own verb, tell that its subject confirms what others
# had reported (align/claims.py): the confirmation is then the claim.
CONFIRMING_VERBS = ("confirm", "confirms", "confirmed", "confirming")
# The verbs of an attribution closing a sentence: ", the Fire Service said." / ", officials told
# reporters." (align/claims.py; "told" takes its audience there).
ATTRIBUTION_VERBS = ("said", "says", "told", "reported", "added", "stated", "announced", "confirmed")
# Verbs after which a day dates the telling, not the event: "officials said Thursday", "disclosed
# on Monday" (align/values.py): the attribution verbs and those of a disclosure.
STATEMENT_VERBS = (*ATTRIBUTION_VERBS, "disclosed", "revealed", "declared", "insisted")
# Verbs before an earlier figure an outlet now corrects: "police earlier had reported 65 dead",
# "initially put the toll at 40" (align/values.py): reporting and the verbs of a count.
EARLIER_FIGURE_VERBS = ("reported", "said", "put", "gave", "estimated", "counted", "listed", "announced", "quoted")
# A lede names who said it (ingest/clean.py tells a lede from a standfirst by it): the press's
# verbs of attribution and a writer's.
LEDE_ATTRIBUTIONS = ("said", "told", "according to", "reported", "announced", "stated", "added", "wrote")
# An attribution as a feature of the trained line model (ingest/line_model.py): as it was when the
# model was trained (line_model.json); a change here needs the model trained again.
LINE_MODEL_ATTRIBUTIONS = ("said", "says", "told", "according to", "reported", "announced", "added", "asked")
# What a syndicate's note to its subscribing papers says (ingest/__init__.py): "(To publish this
# article, it must be purchased ... from New York Times Syndicate sales representative ...)",
# "To purchase this material contact New York Times Syndicate Sales Executive ...". Looked for in
# lower case; words a report prints too ("news service", "syndicate") are not cues.
SYNDICATION_NOTE_CUES = (
    "must be purchased",
    "to purchase this",
    "distributed by new york times",
    "sales representative",
    "sales executive",
)
# How a reader's comment is signed: "mroklahoma says:", "Ann wrote:" (ingest/clean.py).
COMMENT_SIGNATURE_VERBS = ("says", "said", "wrote", "writes", "replied")

# Claim alignment (align/claims.py): the verbs of an event whose toll can be the whole claim ("The
# jet crashed ..., killing all 217 aboard"), and what makes a verb a plan or a possibility rather
# than an act (a modal just before it; "to" after a word of planning). Not "could", "would": they
# are also past ("how he could be charged").
TOLL_EVENT_VERBS = (
    "crashed",
    "struck",
    "exploded",
    "sank",
    "collapsed",
    "erupted",
    "derailed",
    "capsized",
    "rocked",
    "ripped",
    "tore",
    "swept",
)
# A modal says a possibility, a plan or a duty, not the act: "could resign", "would close the
# bridge", "should resign" state no resignation and no closing.
# What a sentence opens with when it carries on the writer's telling rather than making a claim:
# "And it's not just in America.", "But that was then." (analysis.facts, with a placeholder subject).
TRANSITION_OPENERS = frozenset("and but so or yet still now then plus".split())
# Subjects that stand for no one (a placeholder, or the telling so far): "it's", "that was", "there is".
PLACEHOLDER_SUBJECTS = frozenset("it it's it’s that that's that’s this there there's there’s".split())

MODAL_WORDS = ("will", "may", "might", "shall", "'ll", "could", "would", "should", "can", "must")
# Words that open a condition: an act after them is not told as done ("If the court grants the petition,
# Gonzales plans to ..." does not say that the court granted it), as after a modal.
CONDITION_WORDS = ("if", "unless")
# The words that open an embedded question that takes its act as given ("how he could be charged"
# tells that he was): a modal after them is not a plan of the act. Not "whether", "if" or "what":
# "asked whether the mayor could resign" leaves the resignation open.
EMBEDDING_WORDS = ("how", "why")
# Adverbs that say whether an act was meant: the claim's point, not a manner ("The fire was started
# deliberately" is not stated by "The blaze started shortly after 9 p.m."). Each group says one thing.
INTENT_ADVERBS = {
    "deliberate": "deliberately intentionally purposely purposefully wilfully willfully knowingly",
    "accidental": "accidentally inadvertently unintentionally unwittingly",
}
# Acts that news tells in several verbs (and their nouns), each group one act whatever the outlet's
# word: a claim's act is stated in any word of its group (align/claims.py). A group is named by what
# the act is, not by the story it came from, and holds only words that say nothing else in news copy.
ACT_SYNONYMS = {
    # owning up to a fact: "have acknowledged he had a relationship" / "have admitted". Not "concede",
    # which is also yielding ("conceded defeat"), nor "confess", to a crime: with them, "Clinton concedes
    # that he did not tell the truth ..." was cited to "if President Clinton would admit he committed perjury".
    "admit": "admit admits admitted admitting admission acknowledge acknowledges acknowledged acknowledging",
    # setting off a reaction: "The killing ... provoked a national debate" / "prompted a national debate" /
    # "sparked", "triggered".
    "prompt": "prompt prompts prompted prompting provoke provokes provoked provoking spark sparks sparked "
    "sparking trigger triggers triggered triggering",
    # handing over what is someone's from then on: "was granted temporary custody" / "was given temporary
    # custody" (joins the class of "give").
    "give": "give grant grants granted granting",
    # holding on to what one has: "Microsoft had maintained its dominance by keeping ``an oppressive thumb
    # on the scale''" / "kept ``an oppressive thumb on the scale''".
    "keep": "keep keeps kept keeping maintain maintains maintained maintaining",
}
# Prepositions after which a word in -ed describes a thing and is no clause's verb ("on a list of
# endangered sites", "members of various anti-government armed groups"): a verb never follows them.
PREPOSITIONS = frozenset("of in on at for with from by into onto among about under against over through".split())
# A count told as standing, as of its telling ("1,000 people remain evacuated", "12 are still in
# hospital"): it falls as well as rises, unlike the count of an act ("forced the evacuation of 1,200").
STANDING_WORDS = ("remain", "remains", "remained", "remaining", "still")
# Past forms not in -ed: the verb of a claim that has no other ("Three Europeans set off Wednesday").
IRREGULAR_PAST = (
    "set",
    "hit",
    "put",
    "cut",
    "went",
    "came",
    "took",
    "made",
    "gave",
    "began",
    "broke",
    "met",
    "held",
    "left",
    "sent",
    "built",
    "fell",
    "fled",
    "won",
    "lost",
    "found",
    "fought",
    "shot",
    "sold",
    "bought",
    "caught",
    "wrote",
    "chose",
    "brought",
    "struck",
    "led",
    "rose",
    "ran",
    "saw",
    "spoke",
    "stood",
    "flew",
    "drove",
    "grew",
    "threw",
    "sank",
    "swept",
    "tore",
    "paid",
    "kept",
    "sought",
    "got",
)
# Past participles not in -ed, a verb only after a form of "be" ("was sworn in as president", "were
# taken to hospital"): the verb of a claim that has no other (after "have" they are the past forms
# above, or the clause has one in -ed).
IRREGULAR_PARTICIPLES = (
    "sworn",
    "taken",
    "given",
    "shown",
    "known",
    "seen",
    "chosen",
    "driven",
    "written",
    "beaten",
    "stolen",
    "broken",
    "spoken",
    "thrown",
    "drawn",
    "hidden",
    "withdrawn",
    "overthrown",
    "shot",
    "hit",
    "struck",
    "caught",
    "sold",
    "bought",
    "held",
    "sent",
    "built",
    "found",
    "hung",
    "led",
    "paid",
    "kept",
)
# Verbs of telling or asking someone to do something, which are not a clause's verb themselves (a
# verb of reporting, a light verb): before "to" and a verb ("were told to leave their homes", "was
# asked to testify"), the verb after "to" says what the claim is about (align/claims.py).
DIRECTIVE_WORDS = ("told", "tell", "tells", "asked", "ask", "asks")
# ... and, with the person asked between them and "to" ("has called for Condon to resign", "urged the
# government to act"), these too.
ASKING_WORDS = (*DIRECTIVE_WORDS, "called", "calls", "call", "urged", "urges", "urge", "urging")
# What carries the people an accident befalls: a count "aboard", "in the plane" or "on the bus" is of
# those it carried, a part of a toll that may count others too ("four on the ground"; align/values.py).
CARRIERS = (
    "plane airplane aircraft airliner jet helicopter flight bus coach train ship boat ferry vessel submarine"
).split()
# What says an act was refused, before "to" and its verbs ("its refusal to recognize Israel, accept
# existing deals and renounce violence", "declined to testify"): the acts after it are not done
# (align/claims.py, ``is_refused``).
REFUSAL_WORDS = "refuse refuses refused refusing refusal refusals decline declines declined declining".split()
PLAN_WORDS = (
    "preparing",
    "prepare",
    "prepares",
    "planning",
    "plan",
    "plans",
    "planned",
    "expected",
    "expects",
    "scheduled",
    "set",
    "going",
    "hoping",
    "hope",
    "hopes",
    "intend",
    "intends",
    "intending",
    "aiming",
    "aims",
    "due",
    "ready",
)


def alternation(words: Iterable[str]) -> str:
    """``words`` as the alternatives of a regular expression group, ``(?:said|says|...)``: longest
    first, so that where no word boundary follows a word is not cut short ("say" of "says")."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) + ")"


# The words for a kind of place that its name is often printed without, the name alone meaning the
# same place: "Gaza" / "Gaza Strip", "Guangdong" / "Guangdong Province" (analysis/entities.py; in
# DUC 2006 and 2007, 9 such pairs meet, all one place). Not "Peninsula" ("Shinnecock" is the
# people, "Korean" no place), "Sea" ("Irish", "Japan"), "Valley", "River", "Coast", "Heights",
# "Island", "City", "County": "Salinas Valley", the "Missouri River", the "Pacific Coast",
# "Maryland Heights", "Vancouver Island", "Mexico City" are other places than "Salinas", "Missouri", ...
PLACE_KIND_WORDS = frozenset({"Strip", "Province"})


# The votes of the rule-based name finder's cues (analysis/entities.py; the internal and
# contextual evidence of Mikheev, Moens & Grover 1999), one strength per kind of cue:
VOTE_HEAD = 3  # the name's own head word or title decides: "... University", "Gulf of ...", "President ..."
VOTE_CONTEXT = 2  # a word beside it says what it is: "the utility X", "X, a company spokesman", an acronym
VOTE_HINT = 1  # a weaker hint, for or against: "in X", "X, who", "X said"; "X, which", "the X said"
VOTE_TIE = 0.5  # tips a tie only: "X officials", two or three bare capitalised words

# The last word of a name that is no person's, an event's, a work's, a law's or a prize's
# (analysis/entities.py, the rule-based name finder): "Atlanta Olympics", "Sydney Games", "WTA
# Tour", "Star Wars", "Ramsar Convention", "Nobel Peace Prize". In DUC 2006's first four clusters
# such runs, without another cue, were filed under People.
NON_PERSON_HEADS = frozenset(
    """olympics olympiad games cup championship championships tournament tour open series festival
    awards award prize prizes medal trophy convention treaty accord accords act acts bill protocol
    wars war revolution uprising crisis menace episode saga trilogy sequel album symphony""".split()
)
# The first word of a name that is a work's part or a product's: "Episode I", "Chapter Two".
NON_PERSON_OPENERS = frozenset("episode chapter volume part book act".split())


# The states of the United States, as news prints them: what a bare "the state" of an American
# article means when the article names one of them (references.py, ``StoryContext.state_edit``), and
# places the name finder knows without context (``known_places`` below).
# Washington is left out: in news it is nearly always the capital or the government.
US_STATES = (
    *"""Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii
    Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota
    Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah
    Vermont Virginia Wisconsin Wyoming""".split(),
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New York",
    "North Carolina",
    "North Dakota",
    "Rhode Island",
    "South Carolina",
    "South Dakota",
    "West Virginia",
)

# Superlatives of size or strength: "the largest of the aftershocks" and "the most powerful one of the
# aftershocks" name one thing, the strongest of a set, so its measure is one figure in every outlet
# (align/roles.py, ``superlative_of``). Not "highest", "longest", "deadliest": another measure each.
SIZE_SUPERLATIVES = ("largest", "biggest", "strongest", "most powerful", "most violent", "most severe")

# Words before a place that set a figure in it, besides "in", "at", "near" (align/roles.py,
# ``role_places``): "some 150,000 Jewish settlers live throughout the West Bank".
SPREAD_PREPOSITIONS = ("throughout", "across")


# The places ``analysis/places.txt`` lists (countries with their short forms, capitals, continents,
# regions) and the US states, in lower case: the places the name finder knows without context
# (analysis/entities.py) and those no "he" can mean (references.py, ``StoryContext.names_nobody``).
# Read by path, so that the stages use the list without importing the analysis package.
PLACES_FILE = Path(__file__).parent / "analysis" / "places.txt"


@lru_cache(maxsize=1)
def known_places() -> frozenset[str]:
    """The names of ``PLACES_FILE`` and the US states (``US_STATES``, one list for both), in lower case."""
    text = PLACES_FILE.read_text(encoding="utf-8")
    listed = (line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return frozenset(listed) | {state.lower() for state in US_STATES}


# The last words of an organization's name ("... Ministry", "... Authority", "... Corp"): the entity kinds
# (``analysis.entities``) and the quotes' speakers (``analysis.quotes``) read them.
ORGANIZATION_HEADS = frozenset(
    """group ministry party authority agency council assembly union nations organization
    organisation association corporation corp inc ltd llc plc co company university college school
    committee commission court army navy institutes forces police service services department office press
    news times post journal tribune herald gazette radio television tv network institute
    foundation movement front brigades brigade guard guards congress senate parliament club
    airlines airways fund reserve board bureau administration government cabinet coalition alliance
    league society center centre hospital church exchange industries holdings systems technologies
    motors partners consultancy command tribunal chemicals chemical pharmaceuticals pharma energy
    petroleum oil steel mining foods media communications telecom electric electronics labs
    laboratories logistics shipping insurance bank trust capital enterprises solutions software
    federation mission charity cross crescent ag gmbh llp international resorts stores brands hotels""".split()
)
