"""The story report: facts, conflicts, quotes, entities, text reuse, coverage, formats, CLI."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

import chorus
from chorus.analysis.conflicts import numbers_in
from chorus.analysis.entities import find_entities
from chorus.analysis.quotes import QuoteOccurrence, group_quotations
from chorus.pipeline import build_story, load_documents
from chorus.render import render_report
from chorus.render.report_html import report_page_data
from chorus.text import quote_spans
from conftest import EXAMPLE, LAVROV, ROOT

KELLMOOR = ROOT / "tests" / "data" / "report" / "kellmoor-dam"


@pytest.fixture(scope="module")
def lavrov():
    if not LAVROV.is_dir():
        pytest.skip("../shared/examples/lavrov-hamas is not on this machine")
    return chorus.report([LAVROV])


@pytest.fixture(scope="module")
def kellmoor():
    return chorus.report([KELLMOOR])


def doc_number(report, prefix: str) -> int:
    return next(i for i, d in enumerate(report.documents) if (d.name or d.id).startswith(prefix))


def person(report, spelling: str):
    found = [e for e in report.entities if spelling in e.variants]
    assert len(found) == 1, f"{spelling} is in {len(found)} entities"
    return found[0]


def quote_containing(report, words: str):
    found = [q for q in report.quotes if words in q.text]
    assert len(found) == 1, f"{len(found)} quotes contain {words!r}"
    return found[0]


# --- the Lavrov example (the acceptance criteria) -------------------


def test_lavrov_hamas_leader_spellings_are_one_person(lavrov):
    meshaal = person(lavrov, "Mesgaal")
    assert meshaal.kind == "person"
    assert {"Mashaal", "Meshaal", "Meshal", "Mesgaal"} <= set(meshaal.variants)
    lavrov_entity = person(lavrov, "Sergey Lavrov")
    assert {"Sergey Lavrov", "Sergei Lavrov", "Lavrov"} <= set(lavrov_entity.variants)
    assert lavrov_entity.kind == "person"
    assert meshaal is not lavrov_entity


def test_lavrov_quotes_are_attributed(lavrov):
    home = quote_containing(lavrov, "permanent home")
    assert home.speaker_is_named and "Lavrov" in home.speaker
    internally = quote_containing(lavrov, "Internally these diplomatic successes")
    assert internally.speaker == "Michael Horowitz"
    carriers = {lavrov.documents[d].id[:3] for d in internally.doc_indexes}
    assert carriers == {"002", "003", "004"}
    # 004 writes `"…," he says` after naming Horowitz in the sentence before.
    in_004 = next(o for o in internally.occurrences if lavrov.documents[o.doc_index].id.startswith("004"))
    assert in_004.attribution == "he says" and in_004.speaker == "Michael Horowitz"


def test_lavrov_quote_takes_the_one_outlet_that_names_its_speaker(lavrov):
    # Three outlets write "the official said"; 002 writes "Mesgaal told Lavrov about the alleged ...".
    zionist = quote_containing(lavrov, "Zionist terrorism")
    meshaal = person(lavrov, "Mesgaal")
    assert zionist.speaker_is_named and zionist.speaker == meshaal.name
    assert len(zionist.doc_indexes) == 4


def test_lavrov_rewrites_are_flagged_with_their_sources(lavrov):
    rewrite, source = doc_number(lavrov, "002"), doc_number(lavrov, "004")
    borrowed = [p for p in lavrov.passages if p.copy.doc_index == rewrite and p.direction_known]
    assert any(
        "other regional powers such as Saudi Arabia" in p.copy.text and p.source.doc_index == source for p in borrowed
    )
    second = doc_number(lavrov, "003")
    assert any(
        p.copy.doc_index == second
        and p.source.doc_index == source
        and p.kind == "text"
        and "Hamas leader also discussed" in p.copy.text
        for p in lavrov.passages
    )
    assert lavrov.reuse[rewrite].share > 0.3
    originals = [doc_number(lavrov, n) for n in ("000", "001", "004")]
    assert all(lavrov.reuse[d].borrowed_words == 0 for d in originals)


def test_lavrov_short_common_quotes_are_not_copying(lavrov):
    for p in lavrov.passages:
        # Four outlets quote the Hamas statement on "Zionist terrorism", two the
        # "permanent home" remark: quoting one statement is not copying.
        bare = re.sub(r"[“”\"]", "", p.copy.text).strip(" ,.")
        assert not bare.startswith("We would like to see the Palestinians")
        assert not bare.startswith("Zionist terrorism")


def test_lavrov_invitation_to_moscow_is_a_fact_of_several_outlets(lavrov):
    def about_invitation(fact) -> bool:
        return any(
            re.search(r"invit", lavrov.sentence(i).text) and "Moscow" in lavrov.sentence(i).text for i in fact.sentences
        )

    assert any(about_invitation(f) and f.support >= 2 for f in lavrov.shared_facts)


def _articles_without_a_sentence(report, fact, refs) -> set[int]:
    return set(fact.doc_indexes) - {report.sentence(i).doc_index for i in refs}


@pytest.mark.parametrize("folder", [EXAMPLE, KELLMOOR], ids=["harbor-fire", "kellmoor"])
def test_every_article_a_fact_counts_shows_the_sentence_that_states_it(folder):
    # A sentence that carries two claims belongs to one fact; the other fact still counts its
    # article, and must show the reader that sentence, in every format.
    report = chorus.report([folder])
    shared_sentence = [f for f in report.facts if _articles_without_a_sentence(report, f, f.sentences)]
    assert shared_sentence, "the example no longer has an article whose sentence is another fact's"
    for fact in report.facts:
        assert not _articles_without_a_sentence(report, fact, fact.evidence)
        assert fact.evidence[: len(fact.sentences)] == fact.sentences
    as_json = json.loads(render_report(report, "json"))
    for fact in as_json["facts"]:
        assert set(fact["outlets"]) <= {ref["document"] for ref in fact["sentences"]}
    markdown = render_report(report, "markdown")
    for fact in report.shared_facts:
        line = next(x for x in markdown.splitlines() if x.startswith(f"{fact.id}. **"))
        sub = markdown.splitlines()[markdown.splitlines().index(line) + 1]
        assert {f"[{d + 1}]" for d in fact.doc_indexes} <= set(re.findall(r"\[\d+\]", sub))


def test_lavrov_meeting_in_qatar_shows_the_sentence_that_also_tells_the_invitation(lavrov):
    meeting = next(f for f in lavrov.facts if lavrov.sentence(f.centre).text.startswith("Meshaal, who runs"))
    shown = [lavrov.sentence(i).text for i in meeting.evidence]
    assert any("met Hamas leader Khaled Meshal in Qatar on Monday and invited him" in t for t in shown)


def test_lavrov_has_no_false_conflict(lavrov):
    assert lavrov.conflicts == []


# --- a cluster written for the tests -----------------------------------------


def test_own_cluster_unifies_spellings_and_types(kellmoor):
    hydrologist = person(kellmoor, "Marta Oyelarin")
    assert "Marta Oyelaran" in hydrologist.variants and hydrologist.kind == "person"
    governor = person(kellmoor, "Varga")
    assert governor.kind == "person" and governor.name == "Ilse Varga"
    assert len(governor.per_document) == 4
    assert person(kellmoor, "Ostvale").kind == "place"


def _values(conflict) -> list[str]:
    return [v.value for v in conflict.values]


def test_own_cluster_conflicts_are_real_ones_only(kellmoor):
    found = {(c.kind, *_values(c)) for c in kellmoor.conflicts}
    # The figure and the day are disputed; "more than 2,000" agrees with both figures and takes no side.
    assert found == {("number", "2,100", "2,200"), ("weekday", "Tuesday", "Wednesday")}
    for c in kellmoor.conflicts:
        for v in c.values:
            for d, i in zip(v.doc_indexes, v.sentences):
                s = kellmoor.sentence(i)
                assert s.doc_index == d and v.value in s.text


def test_own_cluster_disputed_figure_is_one_fact_with_its_conflict(kellmoor):
    evacuated = [s.index for s in kellmoor.story.sentences if re.match(r"2,[12]00 residents were evacuated", s.text)]
    assert len(evacuated) == 2
    fact = kellmoor.fact_with(evacuated[0])
    assert fact is kellmoor.fact_with(evacuated[1]) and set(fact.disputing)
    assert fact not in kellmoor.single_outlet_facts
    (number,) = [c for c in kellmoor.conflicts if c.kind == "number"]
    assert number.fact == fact.id and kellmoor.conflicts_of(fact) == [number]
    assert "disputed number: **2,100** [2] · **2,200** [1]" in render_report(kellmoor, "markdown")
    for c in kellmoor.conflicts:  # a conflict's fact is reported by every article it names
        assert set(c.doc_indexes) <= set(kellmoor.fact_by_id(c.fact).doc_indexes)


@pytest.mark.parametrize(
    "second, conflict, one_fact",
    [
        ("The flood killed 14 people in Ostvale", ("number", "12", "14"), True),
        # Another count, or another place: two facts, and no conflict.
        ("The flood injured 40 people in Ostvale", None, False),
        ("The flood killed 14 people in Brennmouth", None, False),
    ],
)
def test_only_a_disputed_number_joins_two_sentences_into_one_fact(second, conflict, one_fact):
    said = " on Monday, the regional emergency office said."
    first, second = "The flood killed 12 people in Ostvale" + said, second + said
    report = chorus.report(
        [first + " Rescue teams searched the valley all night.", second + " Schools in the region stayed closed."]
    )
    a, b = (next(s.index for s in report.story.sentences if s.text == t) for t in (first, second))
    assert [(c.kind, *sorted(_values(c))) for c in report.conflicts] == ([conflict] if conflict else [])
    assert (report.fact_with(a) is report.fact_with(b)) == one_fact


def test_own_cluster_quotes(kellmoor):
    rebuild = quote_containing(kellmoor, "We will rebuild every home")
    assert rebuild.speaker == "Ilse Varga" and rebuild.identical
    assert len(rebuild.doc_indexes) == 4
    she = next(o for o in rebuild.occurrences if o.attribution == "she said")
    assert she.speaker.endswith("Varga")  # resolved from "Governor Ilse Varga ... told reporters"
    gauges = quote_containing(kellmoor, "Nobody who read those gauges")
    assert gauges.speaker == "Marta Oyelaran"
    assert gauges.occurrences[0].role == "a hydrologist at the Tessin Institute"
    spillway = quote_containing(kellmoor, "The spillway was blocked")
    assert spillway.speaker == "the official" and not spillway.speaker_is_named


def test_own_cluster_reuse_direction_and_quotes(kellmoor):
    aggregator, gazette = doc_number(kellmoor, "04"), doc_number(kellmoor, "01")
    taken = [p for p in kellmoor.passages if p.copy.doc_index == aggregator and p.source.doc_index == gazette]
    assert len(taken) == 2 and all(p.direction_known and p.kind == "text" for p in taken)
    assert any(p.copy.text.startswith("Engineers had warned for years") for p in taken)
    # Every outlet prints the governor's nine-word quote: that is no reuse.
    assert not any("We will rebuild" in p.copy.text for p in kellmoor.passages)
    assert kellmoor.reuse[gazette].borrowed_words == 0


def test_a_fact_only_one_story_and_its_copy_report_is_the_own_fact_of_one_article():
    wire = (
        "Gravel Bay, Tuesday (WireNow) - Flood water closed the coastal road at Gravel Bay on Tuesday after the "
        "river burst its banks overnight.\n\n"
        "The council said 40 homes on Mill Lane were flooded and their owners were moved to the sports hall.\n\n"
        "Engineers expect the road to reopen on Friday once the water has gone down."
    )
    resend = "Flood closes Gravel Bay road\n\n" + wire + "\n\nMore on this story later today."
    radio = (
        "The coastal road at Gravel Bay was closed by flood water on Tuesday.\n\n"
        "A volunteer rescue crew took an elderly couple from their cottage by boat, the coastguard said."
    )
    report = chorus.report([wire, resend, radio])
    assert report.families.family_of(0) == report.families.family_of(1)  # the re-send is the wire story's copy
    homes = next(f for f in report.facts if "40 homes" in report.sentence(f.centre).text)
    assert homes.single_source and set(homes.doc_indexes) == {0, 1}
    for fact in report.single_outlet_facts:
        owners = [row.doc_index for row in report.coverage if fact.id in row.exclusive_facts]
        assert owners == [report.sentence(fact.centre).doc_index]  # where the fact list files it, and only there


def test_coverage_counts_facts_per_outlet(kellmoor):
    total = len(kellmoor.facts)
    for row in kellmoor.coverage:
        doc_sentences = [s for s in kellmoor.story.sentences if s.doc_index == row.doc_index]
        assert row.sentences == len(doc_sentences)
        assert row.words == len(kellmoor.documents[row.doc_index].text.split())
        mine = [f for f in kellmoor.facts if row.doc_index in f.doc_indexes]
        assert sorted(row.facts) == sorted(f.id for f in mine)
        # A single-source fact is the own fact of the article the fact list files it under, not of its copies.
        owned = [f.id for f in mine if f.single_source and kellmoor.sentence(f.centre).doc_index == row.doc_index]
        assert row.exclusive_facts == owned
        assert row.share == pytest.approx(len(mine) / total)
    # Each sentence belongs to exactly one fact.
    members = [i for f in kellmoor.facts for i in f.sentences]
    assert sorted(members) == list(range(len(kellmoor.story.sentences)))


def test_facts_are_sorted_by_independent_sources(kellmoor):
    supports = [(f.independent, f.support) for f in kellmoor.facts]
    assert supports == sorted(supports, reverse=True)
    inquiry = next(f for f in kellmoor.facts if "opened an inquiry" in kellmoor.sentence(f.centre).text)
    # The aggregator (4) copies the gazette: three articles, two independent sources.
    assert (inquiry.support, inquiry.independent) == (3, 2)


def test_harbor_fire_types_companies_aid_bodies_and_saints_places():
    report = chorus.report([EXAMPLE])

    def kind(spelling: str) -> str:
        return person(report, spelling).kind

    assert kind("Halvern Chemicals") == "organization"
    assert kind("Red Cross") == "organization"
    assert kind("Saint Ives") == "place"
    assert kind("Marrowick Fire Service") == "organization"
    assert kind("Dalia Okonkwo") == kind("Pieter Vandermolen") == kind("Maureen Hale") == "person"


def test_harbor_fire_flags_1500_and_nothing_else_and_finds_the_roundup_copy():
    report = chorus.report([EXAMPLE])
    # "Dalia Okonkwo" / "Dalia Okonkwo-Reyes" is one person; the evacuation count is disputed.
    (conflict,) = report.conflicts
    assert conflict.kind == "number" and conflict.describe() == "about 1,200: [1, 3, 4, 5] · more than 1,500: [2]"
    roundup = doc_number(report, "05")
    assert report.reuse[roundup].sources and report.reuse[roundup].share > 0.5
    # The roundup is a rewrite of the wire story and the radio report: it never counts as a source of its own.
    assert set(report.families.rewrites) == {roundup}
    assert set(report.families.rewrites[roundup].sources) == {doc_number(report, "02"), doc_number(report, "04")}
    fined = next(f for f in report.facts if "fined the company" in report.sentence(f.centre).text)
    assert (fined.support, fined.independent) == (3, 2)


# --- small units ---------------------------------------------------------------


def test_quote_spans_handle_every_quotation_mark():
    assert [("“a b”"[a:b]) for a, b in quote_spans("“a b”")] == ["a b"]
    text = "``We are here,'' he said, \"and staying.\""
    assert [text[a:b] for a, b in quote_spans(text)] == ["We are here,", "and staying."]
    assert quote_spans("It's Russia’s top diplomat") == []


def _quoted(doc: int, speaker: str | None, attribution: str | None) -> QuoteOccurrence:
    text = "Zionist terrorism in the West Bank"
    return QuoteOccurrence(doc, doc, 0, text, 1, 1 + len(text), speaker, attribution)


def test_a_named_speaker_beats_a_description_and_takes_the_entity_spelling():
    official = _quoted(0, "the official", "the official said")
    named = _quoted(1, "Mesgaal", "Mesgaal told")
    pronoun = _quoted(2, "he", "he said")
    (quote,) = group_quotations(
        [official, named, _quoted(3, "the official", "the official said"), pronoun], {"Mesgaal": "Khaled Meshaal"}.get
    )
    assert (quote.speaker, quote.speaker_is_named) == ("Khaled Meshaal", True)
    (quote,) = group_quotations([official, pronoun], {"Mesgaal": "Khaled Meshaal"}.get)
    assert (quote.speaker, quote.speaker_is_named) == ("the official", False)


def test_a_description_keeps_the_names_it_contains_capitalised():
    opening = _quoted(0, "An Israeli Foreign Ministry official", "An Israeli Foreign Ministry official said")
    inside = _quoted(1, "an Israeli Foreign Ministry official", "an Israeli Foreign Ministry official said")
    (quote,) = group_quotations([opening, inside])
    assert (quote.speaker, quote.speaker_is_named) == ("an Israeli Foreign Ministry official", False)


def test_a_description_that_names_whom_beats_one_that_does_not_and_takes_up_the_article_s_fuller_one():
    # The example's quote 2: [3] "stated the terrorist group", [5] `"…," the official said` three
    # sentences after "a statement from a Hamas official in Gaza said". Was "the terrorist group".
    group = _quoted(0, "the terrorist group", "stated the terrorist group")
    (quote,) = group_quotations([group, _quoted(1, "a Hamas official", "the official said")])
    assert (quote.speaker, quote.speaker_is_named) == ("a Hamas official", False)
    texts = [
        "Lavrov invited Meshaal to Moscow, a Hamas official has said. The pair met in Doha on Monday. "
        '"The foreign minister extended an invitation to the leadership to visit Moscow," the official said.',
        '"The foreign minister extended an invitation to the leadership to visit Moscow," stated the terrorist group.',
    ]
    report = chorus.report(texts)
    quote = next(q for q in report.quotes if "extended an invitation" in q.text)
    assert (quote.speaker, quote.speaker_is_named) == ("a Hamas official", False)
    assert "— a Hamas official *(not named)* ·" in render_report(report, "markdown")


def test_he_is_the_speaker_named_earlier_in_the_sentence_and_a_particle_opens_a_word():
    # DUC 2006 D0640D (NYT20000815.0258), a sentence the splitter leaves whole: "he" was left
    # unresolved, and the name read as "der Vladimir Kuroyedov" (the end of "commander").
    texts = [
        "A Russian Navy spokesman said the tapping was growing fainter. ``The signal is getting weaker,'' the "
        "spokesman told Reuters. In a television interview, Russian Navy commander Vladimir Kuroyedov said the "
        "prospects for the crew were bleak. ``What remains is our hope, which leaves us fewer chances,'' he said.",
        "The submarine lies on the seabed of the Barents Sea, the navy said on Tuesday.",
    ]
    report = chorus.report(texts)
    hope = next(q for q in report.quotes if "What remains" in q.text)
    assert (hope.speaker, hope.speaker_is_named) == ("Vladimir Kuroyedov", True)
    signal = next(q for q in report.quotes if "signal is getting weaker" in q.text)
    assert (signal.speaker, signal.speaker_is_named) == ("a Russian Navy spokesman", False)  # the fuller description


def test_a_speaker_whose_name_begins_with_a_pronoun_s_letters_is_named_not_he_or_we():
    # DUC 2006 D0605E: "``We have a lot of products,'' said Wendy Dixon" was quoted to "We" (the
    # pronoun read as the first letters of "Wendy"); 47 of 6,993 DUC quotations so ("said Helmut
    # Digel" to "He", "says Ira Mayer" to "I", "said Sheila Morago" to "She").
    from chorus.analysis.quotes import find_quotations

    texts = [
        "``We have a lot of products,'' said Wendy Dixon, Merck's vice president of marketing. "
        "``I am very often asking my people what is going on,'' said Helmut Digel, a federation president.",
        "Merck officials play down their reliance on one drug, said Ira Mayer.",
    ]
    speakers = {q.text.split()[0]: q.speaker for q in find_quotations(build_story(load_documents(texts)))}
    assert speakers == {"We": "Wendy Dixon", "I": "Helmut Digel"}


def test_a_capital_after_said_and_a_quotation_mark_opens_the_quotation_and_gets_no_speech_vote():
    # `said: "Harbour Lights ...` gave the quotation's first words a speech verb's vote for a person
    # (DUC 2007 D0736H-C: "West Wing", a television series, under People); a name right after the
    # verb keeps it ("said Lavrov"). The run is printed in lower case too, so no other cue makes it one.
    texts = [
        'The director said: "Harbour Lights changed my life." Critics praised Harbour Lights.',
        'She said "Harbour Lights took six years to make." Audiences loved Harbour Lights.',
        "Tickets for Harbour Lights sold out, the cinema said. The harbour lights went dark.",
    ]
    kinds = {e.name: e.kind for e in find_entities(build_story(load_documents(texts)))}
    assert kinds["Harbour Lights"] != "person"


def test_rule_typer_uses_head_words_saints_titles_and_initials():
    texts = [
        "Workers at Dunmere Foods walked out on Monday, the union said. On Monday night the Red Crescent said "
        "40 people were treated at the St. Albans clinic. The owner, Dunmere Foods, declined to comment on the strike.",
        "On Tuesday Dr. Anna K. Vell of the Corran Institute said the strike at Dunmere Foods would spread. "
        "Talks will resume, said Tomas Brigg, a spokesman for the workers. People gathered near Saint Albans.",
    ]
    story = build_story(load_documents(texts))
    kinds = {e.name: e.kind for e in find_entities(story)}
    saint = next(e for e in find_entities(story) if "Saint Albans" in e.variants)
    assert kinds["Dunmere Foods"] == kinds["Red Crescent"] == kinds["Corran Institute"] == "organization"
    assert saint.kind == "place" and "St. Albans" in saint.variants
    assert kinds["Anna K. Vell"] == kinds["Tomas Brigg"] == "person"


@pytest.mark.parametrize(
    "first, second",
    [
        # The day a source spoke is not the day of the event: outlets publish on different days.
        (
            "The regional council approved the new flood barrier for Ostvale, officials said Monday.",
            "The regional council approved the new flood barrier for Ostvale, officials said Tuesday.",
        ),
        # Another day *and* another place: two findings, not one told two ways.
        (
            "A dead heron found near Ostvale on Friday tested positive for the avian virus, the agency said.",
            "A dead heron found near Brennmouth on Monday tested positive for the avian virus, the agency said.",
        ),
        # A number written in words is the same number.
        (
            "Forty-four police officers and three judges are taking part in the inquiry into the crash.",
            "The inquiry into the crash includes 44 police officers and three judges.",
        ),
        # Each prints a figure the other's range allows.
        (
            "Malaria kills up to 3 million people a year and sickens another 300 million, the agency said.",
            "Malaria sickens at least 300 million people a year and kills up to 2.7 million, the agency said.",
        ),
        # Both years are in both sentences (one as part of a full date).
        (
            "The probe, launched in 1989, reached the planet in December 1995 after a long cruise through space.",
            "The probe was launched in 1989 and reached the planet on Dec. 7, 1995, after a long cruise.",
        ),
        # A span of years holds the other's year.
        (
            "The rebel leader led the 1994-96 war for independence from the federal government.",
            "The rebel leader led the war for independence from the federal government that ended in 1996.",
        ),
        # The day the audience heard it is not the day of the event.
        (
            "The union's vice president told several reporters Wednesday that the strike at Dunmere Foods would go on.",
            "The union's vice president said the strike at Dunmere Foods would go on until the shutdown ended Monday.",
        ),
        # A show's first day and its last are two facts.
        (
            "The Marrowick book fair, a three-day trade show in the old harbour hall, starts Friday.",
            "The Marrowick book fair, a three-day trade show in the old harbour hall, ended Sunday.",
        ),
        # "Friday's explosion" names an earlier event; the meeting was on Wednesday.
        (
            "The mayor of Ostvale met police chiefs on Wednesday about the explosion that killed 40 people.",
            "The mayor of Ostvale met police chiefs about Friday's explosion that killed 40 people.",
        ),
        # A target year and a starting year.
        (
            "Carbon dioxide in the atmosphere could rise by 30 percent by 2050, the climate researchers said.",
            "Carbon dioxide in the atmosphere has risen by 30 percent since 1860, the climate researchers said.",
        ),
        # The date of an editorial is the day the paper spoke.
        (
            "The Marrowick Ledger said in an editorial on Thursday, March 18, that the harbour wall must be rebuilt.",
            "The Marrowick Ledger said in an editorial on Tuesday, June 8, that the harbour wall must be rebuilt.",
        ),
        # Two forecasts of one quantity, made at different times.
        (
            "The budget office projected a federal surplus of $1.9 trillion over the next ten years.",
            "The budget office projects that the federal surplus over the next ten years will be $2.9 trillion.",
        ),
        (
            "A second rescue vessel carrying divers is expected to arrive at the Kellmoor dam on Saturday.",
            "A second rescue vessel carrying divers is due to arrive at the Kellmoor dam on Sunday.",
        ),
        (
            "Analysts expect sales of the new arthritis drugs to reach $3 billion a year by 2001.",
            "Sales of the new arthritis drugs are expected to reach $3 billion a year by 2004.",
        ),
    ],
)
def test_no_conflict_where_the_outlets_do_not_disagree(first, second):
    report = chorus.report(
        [first + " Rescue teams searched the valley all night.", second + " Schools in the region stayed closed."]
    )
    assert report.conflicts == []


# Each outlet's other news: two articles that are one sentence and differ in a value only are copies
# of one story with an edit, one source, and copies do not dispute each other.
OWN_NEWS = [
    " The regional orchestra announced a summer season of open-air concerts in the park.",
    " A farmer's market returned to the cathedral square after a two-year pause.",
]


def test_paraphrases_that_give_another_year_conflict():
    first = "The Kellmoor dam was completed in 1962 and had not been inspected since the spring."
    second = "The Kellmoor dam was completed in 1965 and had not been inspected since the spring."
    report = chorus.report(
        [
            first + " Rescue teams searched the valley all night." + OWN_NEWS[0],
            second + " Schools in the region stayed closed." + OWN_NEWS[1],
        ]
    )
    assert [(c.kind, *sorted(_values(c))) for c in report.conflicts] == [("year", "1962", "1965")]


@pytest.mark.parametrize(
    "first, second, values",
    [
        # The same role, another value: the event's day told two ways.
        (
            "Residents of Ostvale protested after Thursday's vote to close the river clinic.",
            "Residents of Ostvale protested after Friday's vote to close the river clinic.",
            ("Thursday", "Friday"),
        ),
        (
            "The Marrowick book fair, a three-day trade show in the old harbour hall, ended Sunday.",
            "The Marrowick book fair, a three-day trade show in the old harbour hall, ended Saturday.",
            ("Sunday", "Saturday"),
        ),
        # A day told as the day a source spoke, and the event's own day, both in one sentence.
        (
            "The Ostvale clinic closed its doors on Thursday, the council told reporters Monday.",
            "The Ostvale clinic closed its doors on Friday, the council said.",
            ("Thursday", "Friday"),
        ),
    ],
)
def test_days_in_the_same_role_conflict(first, second, values):
    report = chorus.report(
        [
            first + " Rescue teams searched the valley all night." + OWN_NEWS[0],
            second + " Schools in the region stayed closed." + OWN_NEWS[1],
        ]
    )
    assert [(c.kind, set(_values(c))) for c in report.conflicts] == [("weekday", set(values))]


def test_hedged_numbers_are_ranges():
    (exact,) = numbers_in("2,200 Palestinians were killed")
    (more,) = numbers_in("more than 2,000 Palestinians were killed")
    (about,) = numbers_in("about 1.2 million people")
    assert (exact.low, exact.high, exact.head) == (2200, 2200, "palestinian")
    assert more.low == 2000 and more.high == float("inf")
    assert about.low < 1_200_000 < about.high
    assert numbers_in("in 2010 the group met") == []  # a year is not a count


# --- formats and CLI -----------------------------------------------------------


def test_json_points_back_to_documents_and_sentences(kellmoor):
    data = json.loads(render_report(kellmoor, "json"))
    assert data["schema"] == "chorus.report/2"
    sentences = {(s.doc_index, s.position): s.text for s in kellmoor.story.sentences}
    ids = {d["id"]: i for i, d in enumerate(data["documents"])}

    def check(ref, text_key="text"):
        key = (ids[ref["document"]], ref["sentence"])
        assert key in sentences
        if text_key and text_key in ref:
            assert ref[text_key] in sentences[key] or ref[text_key] == sentences[key]

    for fact in data["facts"]:
        for ref in fact["sentences"]:
            check(ref)
    for conflict in data["conflicts"]:
        for value in conflict["values"]:
            for ref in value["sentences"]:
                check(ref)
                assert value["value"] in ref["text"]
    for quote in data["quotes"]:
        for ref in quote["occurrences"]:
            check(ref)
    for entity in data["entities"]:
        for ref in entity["occurrences"]:
            check(ref)
    for passage in data["reuse"]["passages"]:
        for side in ("source", "copy"):
            for n in passage[side]["sentences"]:
                assert (ids[passage[side]["document"]], n) in sentences
    assert len(data["coverage"]) == len(data["documents"])
    assert data["summary"]["sentences"]


def test_markdown_has_the_seven_sections(kellmoor):
    text = render_report(kellmoor, "markdown")
    headings = re.findall(r"^## (\d)\. ", text, flags=re.M)
    assert headings == ["1", "2", "3", "4", "5", "6", "7"]
    assert "2,200" in text and "Wednesday" in text


class _Page(HTMLParser):
    """The elements of a page that could fetch something, and its scripts' text."""

    def __init__(self):
        super().__init__()
        self.external: list[str] = []
        self.scripts: list[tuple[dict, str]] = []
        self._in_script: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("src", "href"):
            if key in attrs:
                self.external.append(attrs[key])
        if tag == "script":
            self._in_script = attrs
            self.scripts.append((attrs, ""))

    def handle_data(self, data):
        if self._in_script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None


def test_html_is_self_contained_and_carries_the_report(kellmoor):
    page = render_report(kellmoor, "html")
    parser = _Page()
    parser.feed(page)
    assert parser.external == []  # nothing to fetch: styles and the viewer are inline
    data = [text for attrs, text in parser.scripts if attrs.get("type") == "application/json"]
    assert len(data) == 1
    embedded = json.loads(data[0])
    assert embedded == json.loads(json.dumps(report_page_data(kellmoor)))  # the report the viewer draws
    assert [len(d["article_sentences"]) for d in embedded["documents"]] == [
        d["sentences"] for d in embedded["documents"]
    ]
    viewer = [text for attrs, text in parser.scripts if not attrs]
    assert len(viewer) == 1 and "ChorusStory" in viewer[0]
    assert "## 2. Facts and their support" in page  # without JavaScript, the Markdown report


def test_html_report_data_cannot_close_its_script(tmp_path):
    texts = [
        "Officials said the plant closed on Monday after a leak. </script><script>alert(1)</script> The leak was small.",
        "The plant closed on Monday after a small leak, officials said. Workers were sent home.",
    ]
    page = render_report(chorus.report(texts), "html")
    parser = _Page()
    parser.feed(page)
    assert [attrs for attrs, _ in parser.scripts] == [{"type": "application/json", "id": "story-data"}, {}]
    sentences = json.loads(parser.scripts[0][1])["documents"][0]["article_sentences"]
    assert any("</script>" in s["text"] for s in sentences)  # kept as text, escaped in the page


def test_cli_report_formats(run, tmp_path):
    code, out, err = run("report", str(KELLMOOR), "--format", "json")
    assert code == 0 and json.loads(out)["schema"] == "chorus.report/2"
    code, out, _ = run("report", str(KELLMOOR))
    assert code == 0 and out.startswith("# Story report")


@pytest.mark.parametrize(
    "args, message",
    [
        (["report", "no/such/file.txt"], "no such"),
        (["report", str(KELLMOOR), "--format", "pdf"], "invalid choice"),
        (["report", str(KELLMOOR), "--ner", "magic"], "invalid choice"),
    ],
)
def test_cli_report_bad_input_is_one_line(run, args, message):
    code, out, err = run(*args)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("chorus: error:") and message in err


def test_cli_report_needs_one_cluster(run, tmp_path):
    dataset = tmp_path / "two.jsonl"
    texts = [p.read_text() for p in sorted(KELLMOOR.iterdir())]
    dataset.write_text(
        "\n".join(json.dumps({"id": cid, "documents": texts}) for cid in ("a", "b")) + "\n", encoding="utf-8"
    )
    code, _, err = run("report", str(dataset))
    assert code == 1 and "--cluster" in err
    code, out, _ = run("report", str(dataset), "--cluster", "b", "--format", "json")
    assert code == 0 and len(json.loads(out)["documents"]) == 4


def test_report_api_rejects_unknown_ner():
    with pytest.raises(chorus.ChorusError):
        chorus.report([KELLMOOR], ner="magic")


@pytest.mark.slow
def test_spacy_backend_when_installed(lavrov):
    pytest.importorskip("spacy")
    try:
        report = chorus.report([LAVROV], ner="spacy")
    except chorus.ChorusError as exc:
        pytest.skip(str(exc))
    meshaal = person(report, "Mesgaal")
    assert meshaal.kind == "person" and {"Mashaal", "Meshal"} <= set(meshaal.variants)
    assert person(report, "Lavrov").kind == "person"


def test_import_chorus_stays_light():
    import subprocess
    import sys

    code = "import chorus, sys; print('chorus.analysis.report' in sys.modules, 'numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_harbor_fire_pronoun_after_an_appositive_name_is_resolved():
    # `Halvern's chief executive, Peter Vandermolen, said … "Our first thought …," he said.`
    report = chorus.report([EXAMPLE])
    thought = quote_containing(report, "Our first thought is for the families")
    assert thought.speaker == "Pieter Vandermolen"  # the courier's "Peter", unified with the other outlets'
    assert thought.speaker_is_named


def test_quotations_scored_in_blocks_pair_exactly_as_one_by_one(monkeypatch):
    from rapidfuzz import fuzz

    from chorus.analysis import quotes

    def one_by_one(a: str, b: str) -> bool:  # the definition: ratio, or the shorter found in the longer
        if a == b or fuzz.ratio(a, b) >= quotes.SAME_QUOTE_RATIO:
            return True
        shorter = min(a, b, key=len)
        return len(shorter.split()) >= quotes.PART_MIN_WORDS and fuzz.partial_ratio(a, b) >= quotes.PART_OF_QUOTE_RATIO

    statements = [
        "we will rebuild the harbour wall before the winter storms come back to the coast",
        "the dam was never inspected after the spring floods of last year",
        "no one should have to leave their home twice in one year",
    ]
    keys = []
    for n, statement in enumerate(statements * 8):
        words = statement.split()
        keys.append(" ".join(words[n % 4 :] if n % 3 else words[: len(words) - n % 5]))
    monkeypatch.setattr(quotes, "QUOTE_BLOCK", 5)  # several blocks, the last one short
    expected = {(i, j) for i in range(len(keys)) for j in range(i + 1, len(keys)) if one_by_one(keys[i], keys[j])}
    assert set(quotes._same_quote_pairs(keys)) == expected and len(expected) > len(keys)


def test_similar_pairs_in_blocks_are_the_dense_tables_above_the_floor(kellmoor, monkeypatch):
    import numpy as np

    from chorus import represent

    vectors = kellmoor.story.vectors
    everything = list(range(len(kellmoor.story.sentences)))
    dense = represent.pair_table(vectors, everything, everything)
    monkeypatch.setattr(represent, "PAIR_BLOCK_CELLS", 3 * len(everything))  # blocks of three rows
    pairs = represent.similar_pairs(vectors)
    first, second = np.nonzero(np.triu(dense.cosine >= represent.MIN_PAIR_COSINE, k=1))
    assert len(first) > 10
    assert pairs.first.tolist() == first.tolist() and pairs.second.tolist() == second.tolist()
    assert np.allclose(pairs.cosine, dense.cosine[first, second])
    assert pairs.shared.tolist() == dense.shared[first, second].tolist()
    assert np.allclose(pairs.overlap, dense.overlap[first, second])
    a, b = int(first[0]), int(second[0])
    assert pairs.cosine_of(b, a) == pytest.approx(dense.cosine[a, b]) and pairs.shared_of(a, b) == dense.shared[a, b]


SHORT_FORMS = [
    "The Brannock Transit Authority said on Monday that its chief engineer, Oona Castellar-Voss, would lead "
    "the review of the new tram line. Castellar-Voss said the Brannock Transit Authority expected to finish by "
    "June. The EU and the U.S. sent observers. Mossgate's chief executive said it would supply the trams.",
    "Oona Castellar told reporters the review would take three months. The BTA said the "
    "line would open in the autumn, and Mossgate Rail Systems said it was ready. The European Union and "
    "the United States sent observers, and the ministry said nothing.",
    "Mossgate Rail Systems will build twelve trams for the line, Oona Castellar said on Tuesday. The "
    "Ministry of Transport approved the budget. Officials of the United States attended the meeting.",
]


def test_a_short_form_of_one_name_of_the_story_is_that_name():
    story = build_story(load_documents(SHORT_FORMS))
    by_spelling = {v: e for e in find_entities(story) for v in e.variants}
    assert by_spelling["BTA"] is by_spelling["Brannock Transit Authority"]  # an acronym of three letters
    assert by_spelling["U.S."] is by_spelling["United States"]  # of two letters: a place chorus knows
    assert by_spelling["EU"] is not by_spelling["European Union"]  # two letters could be anything else
    assert by_spelling["Mossgate"] is by_spelling["Mossgate Rail Systems"]  # an organization's first word
    engineer = by_spelling["Oona Castellar"]
    assert by_spelling["Oona Castellar-Voss"] is engineer and engineer.name == "Oona Castellar"
    assert "Ministry" not in by_spelling or by_spelling["Ministry"] is not by_spelling["Ministry of Transport"]


def test_a_place_without_the_word_for_its_kind_is_that_place():
    texts = [
        "Hamas has controlled the Gaza Strip since 2006, officials in Gaza said on Monday. Factories in "
        "Guangdong Province closed. Ships crossed the Irish Sea.",
        "Rebuilding Gaza will take years, the agency said. Guangdong exports fell. The Salinas Valley grows "
        "lettuce, farmers in Salinas said. The Irish voted on Friday.",
    ]
    by_spelling = {v: e for e in find_entities(build_story(load_documents(texts))) for v in e.variants}
    assert by_spelling["Gaza"] is by_spelling["Gaza Strip"] and by_spelling["Gaza"].name == "Gaza Strip"
    assert by_spelling["Guangdong"] is by_spelling["Guangdong Province"]
    assert by_spelling["Salinas"] is not by_spelling["Salinas Valley"]  # a valley is not the town it is named for
    assert "Irish" not in by_spelling or by_spelling["Irish"] is not by_spelling["Irish Sea"]


def test_an_article_has_one_word_count_in_the_markdown_report(lavrov):
    text = render_report(lavrov, "markdown")
    table = {int(m.group(1)): int(m.group(2)) for m in re.finditer(r"^\| \[(\d+)\] [^|]+ \| (\d+) \|", text, re.M)}
    for m in re.finditer(r"^### \[(\d+)\] .*?: \d+% of its words \(([^)]*)\)", text, re.M):
        totals = [int(n) for n in re.findall(r"of (\d+)", m.group(2))]
        assert all(n == table[int(m.group(1))] for n in totals), m.group()
    assert re.search(r"^### \[\d+\] .*: \d+% of its words \(\d+ words\)", text, re.M)


def test_an_article_never_borrows_more_words_than_it_has():
    # A copy made wholly of another article's text, with figures written "1,200" (two tokens of one word).
    wire = (
        "A fire at a chemical warehouse forced the evacuation of about 1,200 people from a waterfront district on "
        "Tuesday night, officials said. The company paid $4,500,000 in fines in 2021, records show. Three "
        "firefighters were hurt and 14,000 litres of solvent burned, the fire service said."
    )
    other = (
        "Residents described a loud bang before the smoke appeared over the harbour. Schools in the district "
        "stay closed on Wednesday while the air is tested every hour by the city's environment agency."
    )
    report = chorus.report([wire, wire.rsplit(" Three", 1)[0], other])
    copy = next(r for r in report.reuse if r.borrowed_words and r.doc_index == 1)
    words = len(report.documents[1].text.split())
    assert copy.borrowed_words == copy.words == words  # all of it, counted as a reader counts it
    assert all(r.borrowed_words <= len(report.documents[r.doc_index].text.split()) for r in report.reuse)
    text = render_report(report, "markdown")
    assert f"100% of its words ({words} words)" in text


def test_a_passage_does_not_end_on_the_first_word_of_a_sentence_both_articles_happen_to_open_alike():
    report = chorus.report([EXAMPLE])
    roundup = doc_number(report, "05-daily-roundup")
    taken = [p for p in report.passages if p.copy.doc_index == roundup and "breathe" in p.copy.text]
    assert len(taken) == 1 and taken[0].copy.text.endswith("told reporters") and len(taken[0].copy.sentences) == 1


def test_the_report_s_summary_cites_as_chorus_summarize_does():
    from chorus.render.text import citation

    report = chorus.report([EXAMPLE])
    section = render_report(report, "markdown").split("## 1. Summary", 1)[1].split("## 2.", 1)[0]
    disputed = [s for s in report.summary.sentences if s.contradicting_indexes]
    assert disputed and all(citation(s) in section for s in report.summary.sentences)


def test_questions_list_headings_and_short_transitions_are_no_facts():
    # The facts list of a 100-article pile held "And it's not just in America." and the like
    # (benchmarks/facts_checkable.py). A summary's sentence would stay a fact: its bracket is one.
    from chorus.analysis.facts import is_claim

    texts = [
        "Star Wars fans queued for days outside the theatre in Los Angeles. And it's not just in America. "
        "Fans in London camped out too. How are they occupying themselves? The new rules require: "
        "Tickets went on sale on Monday, the studio said.",
        "Fans in London camped out for three days before the film opened. The studio said tickets went on "
        "sale on Monday. ``Why would anyone wait a week?'' asked Lee Sutton, a cinema manager.",
    ]
    report = chorus.report(texts)
    centres = {report.sentence(f.centre).text for f in report.facts}
    cited = {s.text for s in report.summary.sentences}
    for text in ("And it's not just in America.", "How are they occupying themselves?", "The new rules require:"):
        assert text in cited or text not in centres
    assert is_claim("``Why would anyone wait a week?'' asked Lee Sutton, a cinema manager.")  # someone asked it
    assert not is_claim("``Why would anyone wait a week?''")
    assert is_claim("And he won the race on Sunday.") and is_claim("the tribe runs a lottery at http:")
    assert not is_claim("``And eat your Wheaties.''") and not is_claim("Fast forward to the premiere?")


def test_a_title_in_quotation_marks_is_no_quote():
    # DUC 2006 D0604D: ``Return of the Jedi'' and ``Star Wars: The Empire Strikes Back'' were
    # listed among the story's quotes; a statement keeps its lower-case words.
    from chorus.analysis.quotes import find_quotations

    texts = [
        "``Return of the Jedi'' has grossed $309 million, and ``The Empire Strikes Back'' has made $290 million. "
        "``We expect the new film to beat them both,'' said Paul Dergarabedian, a box office analyst.",
        "She wrote the book ``A Charge to Keep'' in 1999.",
    ]
    quoted = [q.text for q in find_quotations(build_story(load_documents(texts)))]
    assert quoted == ["We expect the new film to beat them both"]


def test_wire_quotation_marks_are_read_and_printed_as_quotation_marks():
    # AP copy in DUC opens and closes with '' (no backticks), and NYT copy nests `…' inside ``…'':
    # the first was no quotation at all, the second printed its marks raw in the report.
    from chorus.analysis.quotes import find_quotations

    texts = [
        "''We are going to do just fine with the new school,'' said Michael Farris, its president.",
        "``I told him, `I'm not even dressed,' and he laughed at me,'' said Ruth Soldierwolf, a mother.",
    ]
    found = {q.speaker: q.text for q in find_quotations(build_story(load_documents(texts)))}
    assert found == {
        "Michael Farris": "We are going to do just fine with the new school",
        "Ruth Soldierwolf": "I told him, ‘I'm not even dressed,’ and he laughed at me",
    }


def test_a_title_before_a_full_name_is_no_part_of_the_speakers_name():
    # DUC 2006 D0644H: the speaker was "House Budget Committee Chairman John" (a name was at most five
    # capitalised words, title included); the title before a full name, the sentence's opening word
    # and an affiliation after the name are no part of it, a title before a surname alone is.
    from chorus.analysis.quotes import find_quotations

    texts = [
        "''If you're for the reform agenda, you're going to support this budget,'' said House Budget "
        "Committee Chairman John Kasich, R-Ohio.",
        "``We have made our position clear to both sides,'' Secretary of State Madeleine Albright said.",
        "``The arrests are a warning to every critic of the regime,'' said Mike Jendrzejczyk of Human Rights Watch.",
        "But Cmdr. Patrick Fitzgerald said: ``We found nothing on board that would explain the crash.''",
        "``I will sign the bill as soon as it reaches my desk,'' said President Clinton.",
        "``More families are waiting than ever before,'' North American Council of Adoptable Children said.",
    ]
    found = {q.text.split()[-1]: q.speaker for q in find_quotations(build_story(load_documents(texts)))}
    assert found == {
        "budget": "John Kasich",
        "sides": "Madeleine Albright",
        "regime": "Mike Jendrzejczyk",
        "crash": "Patrick Fitzgerald",
        "desk": "President Clinton",
        "before": "North American Council of Adoptable Children",
    }


def test_a_quotation_left_unclosed_ends_where_the_text_implies():
    # DUC 2006 and 2007: eight quotes printed a stray “ where the source reopened a quotation it had
    # not closed (D0605E, D0711C-B), nested one double in another (D0604D) or closed one with a
    # single mark (D0607G); an attribution inside an unclosed quotation is no quoted word (D0636I).
    from chorus.analysis.quotes import find_quotations

    texts = [
        "``It gives me a better feeling to know I don't have wrinkles. ``I'm a preventive type person, "
        "and my mood is important to me,'' said Sandy Ridout, a nurse.",
        "``Everybody would be disappointed if (``Phantom'') didn't move over $1 billion in merchandise,'' "
        "said Jim Silver, a toy analyst.",
        "Clinton suggested China was ``moving away from the rule of fear,' even though it was "
        "``not yet rooted in the rule of law.''",
        "``I don't see any change from general trends in the auto industry, said Steve Dandaneau, a labor "
        "expert. ``It remains a bleak outlook for auto workers and the union.''",
    ]
    found = [(q.text, q.speaker) for q in find_quotations(build_story(load_documents(texts)))]
    assert found == [
        ("It gives me a better feeling to know I don't have wrinkles", "Sandy Ridout"),
        ("I'm a preventive type person, and my mood is important to me", "Sandy Ridout"),
        ("Everybody would be disappointed if (“Phantom”) didn't move over $1 billion in merchandise", "Jim Silver"),
        ("moving away from the rule of fear", "Clinton"),
        ("not yet rooted in the rule of law", "Clinton"),
        ("I don't see any change from general trends in the auto industry", "Steve Dandaneau"),
        ("It remains a bleak outlook for auto workers and the union", "Steve Dandaneau"),
    ]


def test_an_outlet_is_listed_for_a_quote_only_when_it_prints_the_quoted_words():
    # Issue 15: an outlet credited with a quote it only paraphrases. Outlets 1 and 2 print the words
    # (2 without a comma), 5 a part of them; 3 paraphrases without quotation marks, 4 and 6 put their
    # own paraphrase in quotation marks: none of the three is listed, nor shown as printing it.
    texts = [
        "``We will not accept any plan that divides the city, and we will say so in Geneva,'' said Foreign "
        "Minister Ana Reyes on Monday.",
        "Foreign Minister Ana Reyes was blunt. ``We will not accept any plan that divides the city and we will "
        "say so in Geneva,'' she told reporters.",
        "Ana Reyes said her government would not accept any plan that divides the city and would say so in Geneva.",
        "Reyes said her country ``will never agree to a plan which splits the city'' and would tell the talks so.",
        "Reyes said her government will not accept any plan ``that divides the city, and we will say so in "
        "Geneva,'' her office said.",
        "The minister said her country would ``not accept any plan that divided the town'' in the Geneva talks.",
    ]
    report = chorus.report(texts)
    quote = next(q for q in report.quotes if q.text.startswith("We will not accept"))
    assert quote.doc_indexes == [0, 1, 4]
    assert not quote.identical  # outlet 5 prints a part: the wording differs, and the variants say how
    assert "that divides the city, and we will say so in Geneva" in quote.variants
    printed = {q.text for q in report.quotes}
    assert "will never agree to a plan which splits the city" in printed  # outlet 4's own words, apart
    assert not any(q.doc_indexes == [2] or 2 in q.doc_indexes for q in report.quotes)
