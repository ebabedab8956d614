"""Facts: the claims of a story, each with the articles that report it, merged across paraphrases.

Every sentence that claims something (``is_claim``: not a question, a list's heading, a short
transition) is a claim, and claim alignment (``chorus.align``, the test
behind the summary's citations) says which other articles state it and
which give it with another value. Facts are formed greedily (a star
clustering, Aslam, Pelekhov and Rus, *The Star Clustering Algorithm*,
JGAA 2004): the sentence the most articles state becomes a fact's centre
and takes, from every article that states it or disputes a value of it,
the sentence(s) that do; then the next sentence not yet taken. So "The
blaze started shortly after 9 p.m." joins the fact of "The fire broke out
shortly after 9 p.m.", and a sentence that only tells the same event
(another claim) stays a fact of its own. A sentence is one fact's member, but
a fact shows, for every article it counts, the sentence(s) that state or
dispute it (``Fact.evidence``), even one that is another fact's member: "Lavrov
met Hamas leader Khaled Meshal in Qatar on Monday and invited him to visit
Moscow" is the invitation's and is shown under the meeting in Qatar too, so
that each bracket leads the reader to the article's words.

An article whose sentence carries the centre's or a stating sentence's
quotation word for word, the quotation most of each (``chorus.align.quoted``),
states the fact too, as it does in the citations and in the quotes' "carried by".
A summary's sentence is in a fact only when the fact's articles are its
bracket's; otherwise it is a fact of its own, made from its citations'
check, so that the summary and the fact list never disagree.

A fact's support counts articles and, apart, independent sources (source
families, ``chorus.align.families``): copies of one story count once, so a
fact that only copies of one story report is single-source.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from chorus.align import CONTRADICTS, STATES, ClaimCheck, aligner_of
from chorus.align.quoted import quoted_support_of
from chorus.align.updates import updates_of
from chorus.lexicon import PLACEHOLDER_SUBJECTS, QUOTE_VERBS, READER_ADDRESS_WORDS, TRANSITION_OPENERS
from chorus.references import context_of
from chorus.text import WORD_RE, quote_spans
from chorus.types import Story

# A sentence of at most this many words that opens with a transition and a placeholder subject
# ("And it's not just in America.", ``lexicon.TRANSITION_OPENERS``, ``PLACEHOLDER_SUBJECTS``), or that
# speaks to the reader ("And eat your Wheaties.", ``READER_ADDRESS_WORDS``), carries the telling on
# and claims nothing a reader could check elsewhere. A longer one usually does ("But it was the
# second time in a year that the dam failed, the council said").
MAX_TELLING_WORDS = 8
_QUOTES_AND_SPACE = " \t\n\"'`“”‘’«»"


def is_claim(text: str) -> bool:
    """Does a sentence assert something of the story a reader could check against another outlet?

    Not a question (its words end with "?": "How would you like some of my world-famous spaghetti
    sauce?"), not a list's heading (it ends with ":", the items are the claims), not a short piece of
    the telling (``MAX_TELLING_WORDS``). Judged on a mixed 100-article pile and the Lavrov example
    (benchmarks/facts_checkable.py)."""
    bare = text.strip(_QUOTES_AND_SPACE)
    if bare.endswith(":") and not re.search(r"\bhttps?:$", bare):  # not a web address the splitter cut
        return False
    if bare.endswith("?"):
        # A question is no claim, but someone's question is: "Phil Garner, manager of the Milwaukee
        # Brewers, said, ``There was one kid, 27, who was cycling steroids, and I asked him, ...?"
        outside = list(text)
        for start, end in quote_spans(text):
            outside[start:end] = " " * (end - start)
        return any(w.lower() in QUOTE_VERBS for w in WORD_RE.findall("".join(outside)))
    words = [w.lower() for w in WORD_RE.findall(bare)]
    if len(words) > MAX_TELLING_WORDS:
        return True
    if len(words) > 1 and words[0] in TRANSITION_OPENERS and words[1] in PLACEHOLDER_SUBJECTS:
        return False
    return not any(w in READER_ADDRESS_WORDS for w in words)


@dataclass
class Fact:
    id: int  # rank after sorting, from 1
    sentences: list[int]  # Story.sentences indexes: the centre first, then each reporting article's sentence(s)
    doc_indexes: list[int]  # articles that report it: state it, or give it with another value
    stating: list[int] = field(default_factory=list)  # of those, the articles that state it as the centre does
    independent: int = 1  # independent sources among the reporting articles
    # Every reporting article's sentence(s) that state or dispute it, the members first: an article
    # whose sentence also carries another claim, and so belongs to that claim's fact, still shows
    # the reader where it says this one (its sentence listed under both facts).
    evidence: list[int] = field(default_factory=list)
    # Of the articles that give it with another value, those whose value the rule calls an update
    # (chorus.align.updates: a toll of another day), not a dispute.
    updating: list[int] = field(default_factory=list)

    @property
    def support(self) -> int:
        """Articles that report it."""
        return len(self.doc_indexes)

    @property
    def centre(self) -> int:
        return self.sentences[0]

    @property
    def disputing(self) -> list[int]:
        """The articles that give it with another value in a dispute (updates left out)."""
        return [d for d in self.doc_indexes if d not in self.stating and d not in self.updating]

    @property
    def single_source(self) -> bool:
        return self.independent <= 1


def claim_checks(story: Story, cited: Collection[int] = ()) -> list[ClaimCheck]:
    """What the articles that state or dispute each sentence of the story say (one ``ClaimCheck`` per
    sentence). The summary's sentences (``cited``) keep the check their citations were made from."""
    aligner = aligner_of(story)
    context = context_of(story)
    checks = []
    for s in story.sentences:
        if s.index in cited:
            checks.append(context.check(s.index))  # made once, for selection and the citations
            continue
        claim = aligner.claim_of_sentence(s.index)
        # Too little said to be found elsewhere ("He died in the explosion."): its own fact, no centre.
        checks.append(aligner.check(claim, [s.doc_index] if aligner.thin(claim) else None, silent=False))
    return checks


@dataclass(frozen=True)
class _Report:
    """One article's sentence(s) that state or dispute a claim."""

    doc_index: int
    states: bool
    sentences: tuple[int, ...]
    main: int  # the one that carries the claim
    score: float


def reports_of(story: Story, check: ClaimCheck) -> list[_Report]:
    """The articles that state or dispute the claim of ``check`` (its own article left out), those
    that state it through a shared quotation (``quote_support``) included."""
    found = [
        _Report(v.doc_index, v.verdict == STATES, v.evidence.sentences, v.evidence.main, v.evidence.score)
        for v in check.articles
        if v.verdict in (STATES, CONTRADICTS) and v.evidence is not None
    ]
    own = story.sentences[check.sentence].doc_index if check.sentence is not None else None
    found += [_Report(d, True, (j,), j, 1.0) for d, j in quoted_support_of(story, check, check.sentence).items()]
    return [r for r in found if r.doc_index != own]


def group_facts(story: Story, checks: list[ClaimCheck], cited: Collection[int] = ()) -> list[Fact]:
    """Star clusters of claims and the sentences that state (or dispute) them, most-reported first.

    A summary's sentence (``cited``) joins another sentence's fact only when the fact's stating
    articles are its bracket's (when it disputes the fact: the same articles on either side); otherwise it is the centre of its own fact, whose articles are those
    of its citations (the same check): a bracket and the fact that holds its sentence agree."""
    sentences = story.sentences
    counts = story.doc_sentence_counts()
    families = aligner_of(story).families
    reports = [reports_of(story, check) for check in checks]
    # A summary sentence's articles: those that state it (its bracket) and those that give it with
    # another value (shown beside the bracket).
    brackets = {i: sorted({sentences[i].doc_index} | {r.doc_index for r in reports[i] if r.states}) for i in cited}
    reporting = {i: sorted({sentences[i].doc_index} | {r.doc_index for r in reports[i]}) for i in cited}

    def order(i: int) -> tuple:
        s = sentences[i]
        found = reports[i]
        return (
            -len(found),
            -sum(r.score for r in found),
            s.position / max(counts[s.doc_index], 1),
            i,
        )

    taken: set[int] = set()
    facts: list[Fact] = []
    for i in sorted(range(len(sentences)), key=order):
        if i in taken:
            continue
        if i not in cited and not is_claim(sentences[i].text):
            continue  # no fact of its own (a question, a list's heading, a transition); a summary's stays
        members = [i]
        docs = [sentences[i].doc_index]
        stating = [sentences[i].doc_index]
        evidence: dict[int, tuple[int, ...]] = {sentences[i].doc_index: (i,)}
        joining = []
        for found in reports[i]:
            d = found.doc_index
            if d in evidence:
                continue
            docs.append(d)
            evidence[d] = found.sentences
            if found.states:
                stating.append(d)
            # Of two sentences, the one that carries the claim: the other only completes it ("she
            # said" after the fire chief's name) and may be a claim of its own.
            joining.append((found.main, found.states))
        for j, states in joining:
            # A summary sentence that states the fact has its bracket; one that disputes it, the
            # fact's articles on either side.
            agrees = j not in cited or (brackets[j] == sorted(stating) if states else reporting[j] == sorted(docs))
            if j not in taken and j not in members and agrees:
                members.append(j)
        taken.update(members)
        independent = families.independent_sources(evidence)
        shown = members + [
            j for found in evidence.values() if not any(k in members for k in found) for j in found if j not in members
        ]
        updating = sorted(d for d in updates_of(checks[i]) if d in docs and d not in stating)
        facts.append(Fact(0, members, sorted(docs), sorted(stating), independent, shown, updating))
    facts.sort(key=lambda f: (-f.independent, -f.support, order(f.centre)[2], f.centre))
    for n, fact in enumerate(facts, start=1):
        fact.id = n
    return facts
