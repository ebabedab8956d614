"""Compose stage: order the chosen sentences, make each read on its own, check the budget, cite every source.

Order is the story's time order (``chorus.timeline``): by the day each
sentence's news happened, then as the articles tell it; a sentence that leans
on another (``chorus.references``) comes after it, right after when it is the
sentence before it in its article. Edits, always in brackets and listed on the
summary sentence with the article's words they stand for, name a person the
summary has not introduced in full ("[James Baker] said …") and date an older
statement about the present beside later news ("[As of January 1996,] …"), and
cut an opening connective that only ties a sentence told alone to the one before it
("[The] plan …" for "But the plan …"), name the place of the writer's "here" from the
article's dateline ("based [in New Delhi]"), and name the one state an American article's
bare "the state" means ("[Texas] set a record").

Citations come from claim alignment (``chorus.align``): a sentence's support is
exactly the articles that state it, and the articles that give another value
are shown against it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from datetime import date

from chorus.align import CONTRADICTS, STATES, aligner_of
from chorus.align.quoted import quoted_support_of
from chorus.align.updates import updates_of
from chorus.align.values import printed as quoted_value
from chorus.ingest.metadata import published_day
from chorus.references import antecedents_of, context_of, introducers, predecessor_of
from chorus.text import STOP_WORDS, typeset_quotes
from chorus.timeline import dating_of, sentence_days, told_late
from chorus.types import Budget, Citation, Contradiction, Edit, Sentence, Story, Summary, SummarySentence

FULL_NAME, DATE, CONNECTIVE, PLACE = "full name", "date", "connective cut", "place"  # the reasons of edits
# Wire copy's typewriter quotes (``…'', `…') are printed as the marks they stand for (“…”, ‘…’,
# ``text.typeset_quotes``): no edit, since no word changes, and no change to ROUGE or the budget (a
# quotation mark is no token and no word); the article's text stays in ``SummarySentence.origin``.
TYPESET_QUOTES = True
# A date printed before a sentence lower-cases its first word when that is an ordinary word the story
# writes in lower case too ("[As of June 1998,] thousands of tourists …"), not only a stop word; a
# name keeps its capital (issue 18, twelfth round).
RECASE_ORDINARY_WORDS = True


def reading_order(story: Story, chosen: list[int]) -> list[int]:
    """Sentences in the order their articles tell them.

    Each sentence is placed by its relative position in its own article
    (news runs from the main event to background), which keeps sentences
    from one article in their original order.
    """
    counts = story.doc_sentence_counts()

    def key(i: int) -> tuple[float, int, int]:
        s = story.sentences[i]
        return (s.position / max(counts[s.doc_index], 1), s.doc_index, s.position)

    return sorted(chosen, key=key)


def story_order(story: Story, chosen: list[int]) -> list[int]:
    """The chosen sentences in the story's time order, each after what it leans on.

    Sentences are sorted by the day their news happened (``timeline.sentence_day``),
    then by ``reading_order``; undated ones count as the latest news. With no date at
    all the order is ``reading_order``. Then a sentence that leans on the sentence
    before it in its article follows it at once, and one whose description an earlier
    chosen sentence of its article names comes after that one.
    """
    days = sentence_days(story, chosen)
    known = [d for d in days.values() if d is not None]
    rank = {i: n for n, i in enumerate(reading_order(story, chosen))}
    if not known:
        return after_context(story, sorted(chosen, key=rank.__getitem__))
    latest = max(known)
    # An article tells its own sentences in the order it means them to be read: a sentence is
    # placed no earlier than the sentences before it in its article.
    placed: dict[int, date] = {}
    for i in sorted(chosen):  # story order: by article, then position
        earlier = [placed[j] for j in placed if story.sentences[j].doc_index == story.sentences[i].doc_index]
        placed[i] = max([days[i] or latest, *earlier])
    return after_context(story, sorted(chosen, key=lambda i: (placed[i], rank[i])))


def after_context(story: Story, ordered: list[int]) -> list[int]:
    """``ordered`` with each sentence moved after the chosen sentence it leans on: the one
    before it in its article right after it, one naming what its description means after it."""
    context = context_of(story)
    chosen = set(ordered)
    glued: dict[int, list[int]] = {}  # sentence -> sentences told right after it
    waits_for: dict[int, int] = {}
    naming = None
    for i in ordered:
        sentence = story.sentences[i]
        needs = context.needs(i)
        if needs.predecessor:
            before = predecessor_of(story, sentence)
            if before in chosen:
                glued.setdefault(before, []).append(i)
                waits_for[i] = before
        elif needs.words:
            earlier = {j for j in antecedents_of(story, sentence, needs) if j in chosen}
            if not earlier or needs.anywhere:
                if naming is None:
                    naming = introducers(story, ordered, {w for j in ordered for w in context.needs(j).words})
                earlier |= {
                    j for w in needs.words for j, printed in naming.get(w, {}).items() if needs.agrees(w, printed)
                }
            earlier.discard(i)
            if not earlier:  # selection let another article's version of the antecedent stand for it
                earlier = {j for j in ordered if j != i and set(needs.words) & set(story.sentences[j].stems)}
            if earlier:
                waits_for[i] = min(earlier, key=ordered.index)
    out: list[int] = []
    placed: set[int] = set()
    waiting: dict[int, list[int]] = {}

    def place(i: int) -> None:
        out.append(i)
        placed.add(i)
        for j in glued.get(i, []) + waiting.pop(i, []):
            if j not in placed:
                place(j)

    for i in ordered:
        if i in placed:
            continue
        needed = waits_for.get(i)
        if needed is not None and needed not in placed:
            if i not in glued.get(needed, []):
                waiting.setdefault(needed, []).append(i)
            continue
        place(i)
    out += [i for i in ordered if i not in placed]  # a loop of leanings: told in time order
    return out


def readable_text(
    story: Story,
    index: int,
    introduced: set[str],
    as_of: str | None,
    after_predecessor: bool,
    later: Sequence[str] = (),
    earlier: Sequence[str] = (),
    late: str | None = None,
) -> tuple[str, tuple[Edit, ...]]:
    """The sentence with its edits (see the module's docstring): ``introduced`` holds the
    surnames the summary has named in full so far (updated), ``as_of`` the words dating it (``timeline.dating``),
    ``after_predecessor`` whether the sentence before it in its article is told just before,
    ``later`` the texts of the summary's sentences after it (a bare surname gets the full name
    they print), ``earlier`` those before it (a "the state" they named is no edit), ``late`` the
    words dating a sentence told after later news (``timeline.told_late``)."""
    context = context_of(story)
    names = context.names
    text = story.sentences[index].text
    pronoun = None if after_predecessor else context.pronoun_edit(index)
    cut = None if after_predecessor else context.connective_edit(index)
    pieces: list[tuple[int, int, str, str]] = []  # (start, end, printed instead of text[start:end], reason)
    if pronoun is not None:
        pieces.append((pronoun.start, pronoun.end, f"[{pronoun.full}]", FULL_NAME))
        introduced.add(names.key(pronoun.full.split()[-1]))
    here = context.here_edit(index)
    if here is not None:  # "based here" -> "based [in New Delhi]": where the article was filed
        pieces.append((here.start, here.end, f"[{here.full}]", PLACE))
    state = context.state_edit(index, earlier)
    if state is not None:  # "The state set a record" -> "[Texas] set a record"
        pieces.append((state.start, state.end, f"[{state.full}]", PLACE))
    name_edits = names.edits(text, introduced, index, later)
    pieces += [(e.start, e.end, f"[{e.full}]", FULL_NAME) for e in name_edits]
    introduced |= names.named_in(text) | {names.key(e.surname) for e in name_edits}
    if cut is not None:  # "But the plan …" -> "[The] plan …"; before a name given in full only the connective goes
        # A word capitalised already ("Still, Tafel said …") is printed as it is: brackets round a
        # bare name would read as a name chorus gave in full.
        as_it_is = cut.word[:1].isupper() or any(start == cut.start for start, *_ in pieces)
        pieces.append(
            (
                0,
                cut.start if as_it_is else cut.start + len(cut.word),
                "" if as_it_is else f"[{cut.printed}]",
                CONNECTIVE,
            )
        )
    if as_of is None:
        as_of = late
    if as_of is not None:
        first = text.split(maxsplit=1)[0] if text.split() else ""
        dated = f"[{as_of}] "
        if any(start == 0 for start, *_ in pieces):
            pieces.append((0, 0, dated, DATE))
        else:  # "The court …" -> "[As of January 1996,] the court …": the edit stands for "The"
            recased = (
                first.lower()
                if (first.lower() in STOP_WORDS or (RECASE_ORDINARY_WORDS and _ordinary_opener(context, text)))
                and (len(first) == 1 or first[1:].islower())
                else first
            )
            pieces.append((0, len(first), dated + recased, DATE))
    typeset = typeset_quotes if TYPESET_QUOTES else str
    if not pieces:
        return typeset(text), ()
    out, edits, last, length = [], [], 0, 0
    for start, end, printed, reason in sorted(pieces):
        between = typeset(text[last:start])
        printed = typeset(printed)
        out.append(between)
        length += len(between)
        edits.append(Edit(length, length + len(printed), text[start:end], reason))
        out.append(printed)
        length += len(printed)
        last = end
    out.append(typeset(text[last:]))
    return "".join(out), tuple(edits)


def _ordinary_opener(context, text: str) -> bool:
    """Is the sentence's first word an ordinary word (the story writes it in lower case, and no
    capitalised word follows it: "Vice President Al Gore", "Pilots Bertrand Piccard" keep theirs)?"""
    words = text.split(maxsplit=2)
    return bool(words) and not context.is_name(words[0]) and not (len(words) > 1 and words[1][:1].isupper())


def _article_days(story: Story, ordered: list[int]) -> tuple[dict[int, date | None], date | None]:
    """Each sentence's article day, and the latest of them (the news the summary tells)."""
    article = {i: published_day(story.documents[story.sentences[i].doc_index].published) for i in ordered}
    known = [d for d in article.values() if d is not None]
    return article, (max(known) if known else None)


def told_late_dates(story: Story, ordered: list[int]) -> dict[int, tuple[str, int]]:
    """The sentences ``timeline.told_late`` dates in this order, each with its dating words and the
    days between its article and the latest article told before it (an article's day: a later
    article's sentence about an older day, "After the July 25 crash, …", is still its later news)."""
    article, latest = _article_days(story, ordered)
    out = {}
    for n, i in enumerate(ordered):
        before = [d for j in ordered[:n] if (d := article[j]) is not None]
        own = article[i]
        if not before or own is None or dating_of(story, i, latest) is not None:
            continue
        if (words := told_late(story.sentences[i].text, own, max(before))) is not None:
            out[i] = (words, (max(before) - own).days)
    return out


def readable_texts(
    story: Story,
    ordered: list[int],
    names_told_later: bool = True,
    late_dates: Mapping[int, tuple[str, int]] | None = None,
) -> list[tuple[str, tuple[Edit, ...]]]:
    """Each sentence's text as the summary prints it, in summary order; ``names_told_later``:
    a bare surname may get the full name a later summary sentence prints; a sentence told after
    later news says when it was told (``told_late_dates``; only those of ``late_dates`` when given)."""
    introduced: set[str] = set()
    _, latest = _article_days(story, ordered)
    late_dates = told_late_dates(story, ordered) if late_dates is None else late_dates
    out: list[tuple[str, tuple[Edit, ...]]] = []
    for n, i in enumerate(ordered):
        as_of = dating_of(story, i, latest)
        after_predecessor = n > 0 and predecessor_of(story, story.sentences[i]) == ordered[n - 1]
        later = [story.sentences[j].text for j in ordered[n + 1 :]] if names_told_later else []
        earlier = [text for text, _ in out]
        late = late_dates[i][0] if i in late_dates else None
        out.append(readable_text(story, i, introduced, as_of, after_predecessor, later, earlier, late))
    return out


def supporting_sentences(story: Story, sentence: Sentence) -> tuple[Citation, ...]:
    """The sentence of every article that states what ``sentence`` says (``chorus.align``)."""
    return cite(story, sentence).support


def cite(story: Story, sentence: Sentence) -> SummarySentence:
    """A summary sentence with its support: every article that states it, with the sentence(s) that do,
    every article that gives another value, and how many independent sources the support is."""
    result = context_of(story).check(sentence.index)  # made once per sentence, shared with selection
    updates = updates_of(result)  # another day's count of a toll: an update, not a dispute
    support, against = [], []
    for verdict in result.articles:
        if verdict.evidence is None:
            continue
        evidence = verdict.evidence
        first = story.sentences[evidence.sentences[0]]
        positions = tuple(story.sentences[i].position for i in evidence.sentences)
        # Two sentences with one between them read as two: the gap is marked.
        parts = [first.text]
        for before, i in zip(evidence.sentences, evidence.sentences[1:]):
            parts.append(("… " if i != before + 1 else "") + story.sentences[i].text)
        text = " ".join(parts)
        if verdict.verdict == STATES:
            support.append(
                Citation(
                    verdict.doc_index, first.position, evidence.score, text, positions if len(positions) > 1 else ()
                )
            )
        elif verdict.verdict == CONTRADICTS:
            # As a reader quotes them (``quoted_value``): every output of a citation, JSON and page included, shows these.
            values = tuple((d.kind, quoted_value(d.claim), quoted_value(d.article)) for d in evidence.differences)
            against.append(
                Contradiction(
                    verdict.doc_index,
                    first.position,
                    text,
                    values,
                    positions if len(positions) > 1 else (),
                    updates.get(verdict.doc_index, ""),
                )
            )
    # Outlets that print the claim's quotation word for word, framed otherwise (``chorus.align.quoted``).
    quoted = quoted_support_of(story, result, sentence.index)
    independent = result.independent_sources
    if quoted:
        support += [
            Citation(d, story.sentences[j].position, 1.0, story.sentences[j].text, ()) for d, j in quoted.items()
        ]
        support.sort(key=lambda c: c.doc_index)
        evidence = {v.doc_index: v.evidence.sentences for v in result.articles if v.verdict == STATES and v.evidence}
        independent = aligner_of(story).families.independent_sources(evidence | {d: (j,) for d, j in quoted.items()})
    return SummarySentence(
        text=sentence.text,
        origin=sentence,
        support=tuple(support),
        contradictions=tuple(against),
        independent_sources=independent,
    )


def compose(story: Story, chosen: list[int], budget: Budget, method: str, warnings: list[str] | None = None) -> Summary:
    ordered = story_order(story, list(dict.fromkeys(chosen)))
    late = told_late_dates(story, ordered)
    texts = readable_texts(story, ordered, late_dates=late)
    # Selection counted the words of the edits the story itself gives, not of a name the summary
    # prints further on nor of a date for a sentence told after later news: without room for
    # those, no such edit, and no sentence lost. The dates go first, one at a time from the
    # sentence told nearest its time, then the names.

    def over(texts: list[tuple[str, tuple[Edit, ...]]]) -> bool:
        return budget.words is not None and sum(len(t.split()) for t, _ in texts) > budget.words

    while over(texts) and late:
        del late[min(late, key=lambda i: (late[i][1], -ordered.index(i)))]
        texts = readable_texts(story, ordered, late_dates=late)
    if over(texts):
        texts = readable_texts(story, ordered, names_told_later=False, late_dates={})
    # The selector must respect the budget (edits included); trim defensively so the
    # promise "never over budget, never a cut sentence" holds whatever the method did.
    kept: list[tuple[int, str, tuple[Edit, ...]]] = []
    used = 0
    for i, (text, edits) in zip(ordered, texts):
        words = len(text.split())
        if budget.fits(used + words, len(kept) + 1):
            kept.append((i, text, edits))
            used += words
    sentences = [
        dataclasses.replace(cite(story, story.sentences[i]), text=text, edits=edits)
        if edits or text != story.sentences[i].text  # edited, or its quotation marks typeset
        else cite(story, story.sentences[i])
        for i, text, edits in kept
    ]
    return Summary(
        sentences=sentences,
        documents=story.documents,
        method=method,
        budget=budget,
        query=story.query,
        warnings=list(warnings or []) + story.warnings,
        story=story,
    )
