"""Claim alignment (chorus.align): states / contradicts / silent, evidence, values, source families.

Each rule is pinned on a small cluster written for it.
"""

from __future__ import annotations

import copy
import pickle

import pytest

import chorus
from chorus.align import CONTRADICTS, SILENT, STATES, aligner_of
from chorus.pipeline import build_story, load_documents
from conftest import EXAMPLE, OTHER_NEWS

FILLER = (
    "Officials at the city hall declined to comment on the budget for the coming year. "
    "The local football team won its match on Saturday afternoon by two goals."
)


def story_of(*texts: str):
    return build_story(load_documents([{"text": t, "id": f"d{i + 1}"} for i, t in enumerate(texts)]))


def verdicts_of_first_claim(story) -> list[str]:
    """Each article's verdict on the claim of the story's first sentence, in article order."""
    aligner = aligner_of(story)
    return [v.verdict for v in aligner.check(aligner.claim_of_sentence(0)).articles]


def verdicts(story, claim: str) -> dict[str, str]:
    result = aligner_of(story).check(claim)
    return {story.documents[v.doc_index].id: v.verdict for v in result.articles}


BRIDGE = [
    "The Ostvale bridge was closed to traffic on Monday after engineers found cracks in two of its steel supports. "
    "The city council said repairs would take at least three weeks.\n\n" + FILLER,
    # A paraphrase sharing few of the claim's words, and the same event told without the claim.
    "Cracks turned up in two of the Ostvale bridge's steel supports, and the crossing was shut on Monday. "
    "Commuters crowded onto the ferry instead.\n\n" + FILLER,
    "Commuters crowded onto ferries on Monday as the Ostvale bridge stayed shut. The ferry company added two "
    "extra boats for the morning rush.\n\n" + FILLER,
]


def test_a_paraphrase_with_few_shared_words_states_the_claim_and_the_same_event_does_not():
    story = story_of(*BRIDGE)
    # Its attribution and its background (when they inspect it) are not the claim.
    found = verdicts(
        story,
        "Engineers, who inspect the bridge every spring, found cracks in two steel supports of the Ostvale "
        "bridge, the city council said.",
    )
    assert found == {"d1": STATES, "d2": STATES, "d3": SILENT}


def test_the_evidence_is_the_sentence_that_states_the_claim_not_the_nearest_one():
    story = story_of(*BRIDGE)
    result = aligner_of(story).check("The city council said repairs would take at least three weeks.")
    (first,) = [v for v in result.articles if v.verdict == STATES]
    assert [story.sentences[i].text for i in first.evidence.sentences] == [
        "The city council said repairs would take at least three weeks."
    ]
    assert [v.verdict for v in result.articles] == [STATES, SILENT, SILENT]


EVACUATION = [
    "About 1,200 people were evacuated from the harbour district of Tarnby on Tuesday night after a gas leak. "
    "Police closed the coast road until morning.\n\n" + FILLER,
    "More than 1,500 people were evacuated from the harbour district of Tarnby on Tuesday night after the leak. "
    "Gas engineers worked through the night.\n\n" + FILLER,
    "Some 1,250 residents were evacuated from Tarnby's harbour district on Tuesday night. The coast road "
    "reopened in the morning.\n\n" + FILLER,
]


def test_a_different_figure_for_the_same_count_contradicts_a_compatible_one_states():
    story = story_of(*EVACUATION)
    result = aligner_of(story).check(
        "About 1,200 people were evacuated from the harbour district of Tarnby on Tuesday night."
    )
    by_doc = {story.documents[v.doc_index].id: v for v in result.articles}
    assert by_doc["d1"].verdict == STATES
    assert by_doc["d3"].verdict == STATES  # "some 1,250" is within "about 1,200"
    assert by_doc["d2"].verdict == CONTRADICTS
    (difference,) = by_doc["d2"].evidence.differences
    assert (difference.kind, difference.claim, difference.article) == ("number", "About 1,200", "More than 1,500")


def test_a_share_that_ends_its_sentence_is_a_figure():
    """ "29.6 percent." with nothing after it is still a share: another share for the same result
    contradicts, the same share states (before, a sentence-final percentage held no figure at all, so any
    article telling the same result with another share was cited as stating it)."""
    story = story_of(
        "Communist leader Gennady Zyuganov finished second in the election with 29.6 percent.",
        "Communist leader Gennady Zyuganov finished second in the election with 32 percent.",
        "Communist leader Gennady Zyuganov finished second in the election with 29.6 percent.",
    )
    assert verdicts_of_first_claim(story)[1:] == [CONTRADICTS, STATES]


@pytest.mark.parametrize(
    "claim, other, kind",
    [
        (
            "The port of Varna is the ninth-largest in Europe, the ministry said.",
            "The port of Varna is the eighth-largest in Europe, the ministry said.",
            "rank",
        ),
        (
            "The new stadium in Kellby will open on March 3, the club announced.",
            "The new stadium in Kellby will open on March 5, the club announced.",
            "date",
        ),
        (
            "Workers walked out at the Dunmore plant on Tuesday over unpaid wages.",
            "Workers walked out at the Dunmore plant on Thursday over unpaid wages.",
            "weekday",
        ),
        (
            "The Dunmore plant first opened in 1962 to build tractors.",
            "The Dunmore plant first opened in 1965 to build tractors.",
            "year",
        ),
        (
            "The recovered statue weighs 450 pounds and stands in the museum hall.",
            "The recovered statue weighs 380 pounds and stands in the museum hall.",
            "number",
        ),
        (
            "The suspect, 34, was arrested at his home in Brill on Friday.",
            "The suspect, 43, was arrested at his home in Brill on Friday.",
            "number",
        ),
    ],
)
def test_each_kind_of_value_contradicts(claim, other, kind):
    story = story_of(claim + "\n\n" + FILLER, other + "\n\n" + FILLER)
    result = aligner_of(story).check(claim)
    assert [v.verdict for v in result.articles] == [STATES, CONTRADICTS]
    assert [d.kind for d in result.articles[1].evidence.differences] == [kind]


def test_two_outcomes_are_two_claims_not_a_contradiction():
    story = story_of(
        "The explosion at the Brill refinery killed 12 workers on Sunday.\n\n" + FILLER,
        "The explosion at the Brill refinery injured 40 workers on Sunday.\n\n" + FILLER,
    )
    assert verdicts(story, "The explosion at the Brill refinery killed 12 workers on Sunday.")["d2"] == SILENT


def test_a_figure_the_article_corrects_is_not_its_figure():
    story = story_of(
        "The flood in Merrow killed 70 people, the regional governor said on Friday. Rescue teams searched "
        "the valley for survivors.\n\n" + FILLER,
        "The flood in Merrow killed 70 people, the regional governor said, although police earlier had reported "
        "65 dead.\n\n" + FILLER,
        "The flood in Merrow killed 65 people, the regional governor said on Thursday.\n\n" + FILLER,
    )
    found = verdicts(story, "The flood in Merrow killed 70 people, the regional governor said on Friday.")
    assert found == {"d1": STATES, "d2": STATES, "d3": CONTRADICTS}


def test_a_negated_sentence_does_not_state_the_claim():
    story = story_of(
        "The minister of transport confirmed the tram line to Oxley will be extended next year.\n\n" + FILLER,
        "The tram line to Oxley will not be extended next year, the minister of transport said.\n\n" + FILLER,
    )
    assert verdicts(story, "The tram line to Oxley will be extended next year.")["d2"] == SILENT


def test_two_adjacent_sentences_can_state_a_claim_together():
    story = story_of(
        "Mayor Ilse Varga met the Oxley tram workers' union on Wednesday. She promised them a new pay offer "
        "within a week.\n\n" + FILLER,
        "Mayor Ilse Varga promised the Oxley tram workers' union a new pay offer within a week when they met "
        "on Wednesday.\n\n" + FILLER,
    )
    result = aligner_of(story).check(story.sentences[next(s.index for s in story.sentences if s.doc_index == 1)].text)
    first = result.articles[0]
    assert first.verdict == STATES and len(first.evidence.sentences) == 2


# --- source families ---------------------------------------------------------

WIRE = (
    "Rescuers pulled two fishermen from the sea off Cape Harl on Sunday after their boat capsized in a storm, "
    "the coastguard said. The men, both from the village of Dunlow, had spent six hours clinging to the hull "
    "before a helicopter crew spotted them. They were taken to hospital in Harlport with hypothermia and are "
    "expected to recover. The coastguard said the storm had brought winds of up to 70 miles an hour."
)
RESEND = WIRE.replace("The men, both from", "The two men, both from").replace(
    "are expected to recover", "were expected to recover fully"
)
OWN = (
    "Two Dunlow fishermen survived six hours holding on to their upturned boat off Cape Harl before a coastguard "
    "helicopter found them on Sunday. Their families gathered at the harbour in Dunlow to wait for news. A local "
    "councillor said the village would hold a collection for a new boat."
)


def test_a_resent_wire_story_is_one_source_with_its_original():
    story = story_of(WIRE, RESEND, OWN)
    families = aligner_of(story).families
    assert families.family_of(0) == families.family_of(1) != families.family_of(2)
    (family,) = [f for f in families.families if len(f.members) > 1]
    assert family.original == 1 and family.reason == "fullest"  # the re-send added words
    result = aligner_of(story).check(story.sentences[0].text)
    assert [v.verdict for v in result.articles] == [STATES, STATES, SILENT]
    assert result.independent_sources == 1


def test_the_earliest_published_copy_is_the_original():
    docs = [
        chorus.Document(id="late", text=RESEND, published="2024-05-06T10:00:00+00:00"),
        chorus.Document(id="early", text=WIRE, published="2024-05-05T18:00:00+00:00"),
    ]
    families = aligner_of(build_story(docs)).families
    (family,) = [f for f in families.families if len(f.members) > 1]
    assert family.original == 1 and family.reason == "earliest"


def test_a_rewrite_stitched_from_two_articles_is_not_a_source_of_its_own():
    a = (
        "Flooding closed the main road into Kellby on Thursday after the river Ost burst its banks near the old mill. "
        "Council workers handed out sandbags to residents of the lower town throughout the afternoon."
    )
    b = (
        "Forecasters warned that more heavy rain was expected across the valley over the weekend, raising fears of "
        "further flooding. The regional water board said its pumping stations were working at full capacity."
    )
    c = (
        "Kellby's mayor called an emergency meeting with the water board on Thursday evening to plan for the weekend. "
        "Volunteers from three villages joined the council workers at the sandbag depot."
    )
    rewrite = a.split(". ")[0] + ". " + b.split(". ")[1] + " " + a.split(". ")[1] + " " + b.split(". ")[0] + "."
    story = story_of(a, b, c, rewrite)
    families = aligner_of(story).families
    assert set(families.rewrites) == {3} and set(families.rewrites[3].sources) == {0, 1}
    result = aligner_of(story).check(story.sentences[0].text)
    assert [v.doc_index for v in result.articles if v.verdict == STATES] == [0, 3]
    assert result.independent_sources == 1


# --- the canonical examples ----------------------------------------------------


def test_harbor_fire_cites_the_outlets_that_state_each_sentence_and_flags_1500():
    summary = chorus.summarize([EXAMPLE], words=100)
    first = summary.sentences[0]
    assert first.text.startswith("A fire at a chemical warehouse forced the evacuation of about 1,200 people")
    assert first.doc_indexes == [0, 2, 3, 4]
    (against,) = first.contradictions
    assert against.doc_index == 1 and against.values == (("number", "about 1,200", "more than 1,500"),)
    # The roundup (5) is stitched from the wire story (4): one source, however many brackets.
    assert first.independent_count == 3
    from chorus.render import render

    assert render(summary, "text").startswith(
        "A fire at a chemical warehouse forced the evacuation of about 1,200 people from a waterfront "
        "neighbourhood of Marrowick on Tuesday night. [1, 3, 4, 5 · 3 independent · 2 says more than 1,500]"
    )


@pytest.mark.parametrize(
    "value, quoted",
    [
        ("More than 1,500", "more than 1,500"),  # opened its sentence: an ordinary word
        ("An estimated 300", "an estimated 300"),
        ("Forty-four", "forty-four"),
        ("Ninth-largest", "ninth-largest"),
        ("about 1,200", "about 1,200"),
        ("Reuters' 1,200", "Reuters' 1,200"),  # a name keeps its capital
        ("July 29", "July 29"),
        ("Saturday", "Saturday"),
        ("UN", "UN"),  # an acronym
        ("MORE THAN 1,500", "MORE THAN 1,500"),  # a headline's capitals: not one opening capital
        ("$1.5 million", "$1.5 million"),
    ],
)
def test_a_value_is_quoted_with_its_sentence_s_opening_capital_only_when_it_is_an_ordinary_word(value, quoted):
    from chorus.align.values import printed

    assert printed(value) == quoted


def test_a_disputed_value_is_quoted_the_same_in_every_output_of_the_summary():
    # The JSON is what the page and the HTML story report draw their evidence from ("says ...").
    import json

    from chorus.render import render

    summary = chorus.summarize([EXAMPLE], words=100)
    (against,) = json.loads(render(summary, "json"))["sentences"][0]["contradicted_by"]
    assert against["values"] == [{"kind": "number", "summary": "about 1,200", "article": "more than 1,500"}]
    assert "2 says more than 1,500]" in render(summary, "text")
    assert "says more than 1,500 where this says about 1,200" in render(summary, "markdown")
    assert "Northshore Radio News says more than 1,500" in render(summary, "html")


def test_a_copied_or_unpickled_claim_is_judged_as_the_original():
    # The words around each of a claim's figures are kept by the figure's position: kept by the
    # figure object's identity (id), a copy found none, and the Courier's "about 1,200" no longer
    # disputed the radio's "more than 1,500" (the dispute rests on the words around the figure).
    story = build_story(load_documents([EXAMPLE]))
    aligner = aligner_of(story)
    radio = next(s.index for s in story.sentences if s.text.startswith("More than 1,500 people were told"))
    claim = aligner.claim_of_sentence(radio)
    original = [v.verdict for v in aligner.check(claim).articles]
    # The Ledger's "leave their homes", the Courier's and the two wires' evacuation: all about 1,200.
    assert original == [CONTRADICTS, STATES, CONTRADICTS, CONTRADICTS, CONTRADICTS]
    for other in (copy.deepcopy(claim), pickle.loads(pickle.dumps(claim))):
        assert [v.verdict for v in aligner.check(other).articles] == original


def test_lavrov_invitation_is_cited_to_every_outlet_that_states_it(lavrov_dir):
    story = build_story(load_documents([lavrov_dir]))
    aligner = aligner_of(story)
    claim = next(s for s in story.sentences if s.text.startswith("Russian Foreign Minister Sergei Lavrov has invited"))
    result = aligner.check(aligner.claim_of_sentence(claim.index))
    first = result.articles[0]
    assert first.verdict == STATES
    # Not the article's first sentence (they met, he offered help): the one that says he invited him.
    assert story.sentences[first.evidence.sentences[0]].text.startswith("Lavrov invited Mashaal to Moscow")
    # A paraphrase with few shared words, the Hamas leadership standing for its leader.
    fourth = result.articles[3]
    assert fourth.verdict == STATES
    assert "extended an invitation to the leadership of Hamas" in story.sentences[fourth.evidence.main].text


TWIN_BLASTS = [
    "A truck bomb exploded outside the Dutch consulate in Velmar on Friday. The blast at the consulate killed "
    "11 people, all of them passers-by.\n\n" + FILLER,
    "In neighbouring Ostria, a nearly simultaneous bomb outside the Dutch consulate in Karsk killed 247 people "
    "on Friday.\n\n" + FILLER,
    "The blast outside the Dutch consulate in velmar killed 10 people on Friday, hospital staff said.\n\n" + FILLER,
    "The bomb attacks on the Dutch consulates in Velmar and Karsk on Friday killed 258 people.\n\n" + FILLER,
]


def test_a_figure_given_for_another_place_is_no_dispute():
    story = story_of(*TWIN_BLASTS)
    # The claim names no place; its article set the story in Velmar: Karsk's toll is another event's.
    claim = aligner_of(story).claim_of_sentence(1)
    found = {story.documents[v.doc_index].id: v for v in aligner_of(story).check(claim).articles}
    assert found["d2"].verdict == SILENT
    assert found["d3"].verdict == CONTRADICTS  # "in velmar", printed in lower case, is still Velmar
    assert [(d.claim, d.article) for d in found["d3"].evidence.differences] == [("11", "10")]


def test_a_dispute_of_a_claim_set_in_a_place_comes_from_a_report_of_that_place():
    story = story_of(*TWIN_BLASTS)
    found = verdicts(
        story, "A nearly simultaneous bomb outside the Dutch consulate in Karsk killed 247 people on Friday."
    )
    assert found["d1"] == SILENT and found["d3"] == SILENT


def test_a_total_of_several_events_is_no_figure_for_one_nor_the_reverse():
    story = story_of(*TWIN_BLASTS)
    assert (
        verdicts(story, "A truck bomb outside the Dutch consulate in Velmar killed 11 people on Friday.")["d4"]
        == SILENT
    )
    assert (
        verdicts(story, "The bomb attacks on the Dutch consulates in Velmar and Karsk on Friday killed 258 people.")[
            "d2"
        ]
        == SILENT
    )


def test_people_counted_with_an_outcome_are_not_people_counted_without_one():
    story = story_of(
        "More than 5,400 people were injured in the Velmar consulate bombing on Friday.\n\n" + FILLER,
        "Two men were seen near the Velmar consulate before the bombing on Friday.\n\n" + FILLER,
        "The Velmar consulate bombing, in which 4,000 people, all of them passers-by, were injured, happened on Friday."
        "\n\n" + FILLER,
    )
    found = verdicts(story, "More than 5,400 people were injured in the Velmar consulate bombing on Friday.")
    assert found["d2"] == SILENT  # "two men" were not counted as injured
    assert found["d3"] == CONTRADICTS  # "4,000 people, all of them passers-by, were injured": injured


def test_a_claim_that_says_too_little_is_no_fact_of_the_other_articles():
    report = chorus.report(
        [
            "A gas explosion destroyed a bakery in Merrow on Sunday. The baker was in the shop at the time. "
            "He died in the explosion.\n\n" + FILLER,
            "Two firefighters died in the explosion at the Merrow bakery on Sunday, the fire service said.\n\n"
            + FILLER,
        ]
    )
    thin = next(f for f in report.facts if report.sentence(f.centre).text == "He died in the explosion.")
    assert thin.doc_indexes == [0]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Malaria kills 1.5 to 2.7 million people each year.", [(1.5e6, 2.7e6)]),  # one range
        ("Between 10 and 12 people died in the fire.", [(10, 12)]),
        ("The toll rose from 10 to 12 people.", [(10, 10), (12, 12)]),  # a change: two figures
        ("The House voted 413 to 3 to impeach him.", []),  # a vote
        ("No tribe needs Prop. 5 to run casinos.", []),  # a name
        ("Five years ago the town had 300 people.", [(285, 315)]),  # a span back; a round figure
        ("It is the leading cause of death for children 14 and younger.", []),  # an age
        ("Adadi said one of the suspects is Tanzanian.", []),  # one of them
        ("Two dozen people were hurt.", [(24, 24)]),  # a dozen scales, it is no second figure
        ("Half a dozen boats sank.", [(6, 6)]),
        ("One hundred fourteen people died in the crash.", [(114, 114)]),  # one figure in words
        ("One hundred and five people died.", [(105, 105)]),
        ("Two hundred twenty-five people fled.", [(225, 225)]),
        ("Two thousand five hundred people fled.", [(1900, 2100), (475, 525)]),  # a scaled rest: not joined
    ],
)
def test_what_a_figure_is(text, expected):
    from chorus.align.values import numbers_in

    assert [(n.low, n.high) for n in numbers_in(text)] == [(pytest.approx(a), pytest.approx(b)) for a, b in expected]


@pytest.mark.parametrize(
    "claim, other",
    [
        # others than those counted
        (
            "Twelve athletes tested positive for banned drugs at the Sydney games.",
            "Five other athletes tested positive for banned drugs at the Sydney games.",
        ),
        # many times the figure: something else counted
        (
            "More than 60,000 children died in traffic crashes in the state this decade.",
            "Traffic crashes in the state this decade killed 140 children under five.",
        ),
        # another kind of event on another day
        (
            "The air strike on the Khartoum plant was carried out on August 20.",
            "The bombings of the embassies that the Khartoum plant was blamed for were carried out on August 7.",
        ),
        # two people's own words
        (
            '"I have waited 16 years for this day at the Brill stadium," said Anna Holt.',
            '"I have waited 15 years for this day at the Brill stadium," said Per Lind.',
        ),
        # other people and places
        (
            "Mongolia and Japan established diplomatic relations in 1972, the ministry said.",
            "The United States and Mongolia established diplomatic relations in 1987, the ministry said.",
        ),
    ],
)
def test_no_dispute_of_another_thing(claim, other):
    story = story_of(claim + "\n\n" + FILLER, other + "\n\n" + FILLER)
    assert verdicts(story, claim)["d2"] == SILENT


def test_a_round_figure_is_no_dispute_of_a_near_one():
    story = story_of(
        "Reservoirs drain the 1,969 square miles of the watershed north of Brill.\n\n" + FILLER,
        "Reservoirs drain the 2,000 square miles of the watershed north of Brill.\n\n" + FILLER,
    )
    assert verdicts(story, "Reservoirs drain the 1,969 square miles of the watershed north of Brill.")["d2"] == STATES


def test_a_conflict_is_a_dispute_each_side_makes_of_the_other():
    # Its clause alone ("80 percent of 7.3 million people") says too little: the whole sentence disputes back.
    report = chorus.report(
        [
            "About 83 percent of Quebec's 7.4 million people are French speakers.\n\n" + FILLER,
            "Quebec is the only province with a French majority, 80 percent of 7.3 million people.\n\n" + OTHER_NEWS[3],
        ]
    )
    assert [(c.kind, [v.value for v in c.values]) for c in report.conflicts] == [
        ("number", ["7.4 million", "7.3 million"])
    ]


# --- facts, conflicts and check, on the same engine ------------------------------


def test_one_disputed_figure_is_one_conflict_however_many_outlets():
    low = "About 1,200 people were evacuated from the harbour district of Tarnby on Tuesday night after a gas leak."
    high = (
        "More than 1,500 people were evacuated from the harbour district of Tarnby on Tuesday night after a gas leak."
    )
    extras = [
        "Police closed the coast road until morning.",
        "Gas engineers worked through the night.",
        "The council opened the sports hall as a shelter.",
        "Schools in the district stayed closed on Wednesday.",
        "The gas company said the leak came from a corroded pipe.",
        "A bus company lent three coaches.",
        "Volunteers brought blankets to the hall.",
        "Shops on the quay opened late.",
    ]
    # Each outlet's own other news: articles that share all but a sentence are copies of one story.
    texts = [(low if k < 5 else high) + " " + extras[k] + "\n\n" + OTHER_NEWS[k] for k in range(8)]
    report = chorus.report(texts)
    (conflict,) = report.conflicts
    assert [(v.value, len(v.doc_indexes)) for v in conflict.values] in (
        [("about 1,200", 5), ("more than 1,500", 3)],
        [("more than 1,500", 3), ("about 1,200", 5)],
    )
    fact = report.fact_by_id(conflict.fact)
    assert fact.support == 8 and set(fact.disputing) | set(fact.stating) == set(range(8))


def test_a_self_correction_is_no_conflict_between_outlets():
    report = chorus.report(
        [
            "The flood in Merrow killed 70 people, the regional governor said on Friday, although police earlier had "
            "reported 65 dead. Rescue teams searched the valley for survivors.\n\n" + FILLER,
            "The flood in Merrow killed 70 people, the regional governor said on Friday. Roads into the valley stayed "
            "closed.\n\n" + FILLER,
        ]
    )
    assert report.conflicts == []


def test_copies_of_one_story_are_one_source_in_the_facts():
    report = chorus.report([WIRE, RESEND, OWN])
    rescued = next(f for f in report.facts if report.sentence(f.centre).text.startswith("Rescuers pulled"))
    assert rescued.support == 2 and rescued.independent == 1 and rescued.single_source
    assert rescued in report.single_outlet_facts


def test_check_api_and_command(tmp_path):
    from chorus.render import render_check

    result = chorus.check("Three firefighters suffered minor burns.", [EXAMPLE])
    assert [a.verdict for a in result.articles] == [STATES, STATES, STATES, STATES, SILENT]
    assert result.independent_sources == 4
    data = __import__("json").loads(render_check(result, "json"))
    assert data["claim"] == "Three firefighters suffered minor burns." and data["stating"] == 4
    assert data["articles"][1]["sentences"][0]["text"] == "Three firefighters were treated for minor burns."
    with pytest.raises(chorus.ChorusError, match="claim is empty"):
        chorus.check("  ", [EXAMPLE])
    with pytest.raises(chorus.ChorusError, match="claim has no words"):
        chorus.check("!!! ...", [EXAMPLE])  # was answered "0 of 5 articles state it"


def test_check_command_prints_each_verdict(capsys):
    from chorus.cli import main

    assert main(["check", "Three firefighters suffered minor burns.", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Claim: Three firefighters suffered minor burns.")
    assert out.count("\nstates ") == 4 and "\nsilent       [5]" in out
    assert out.rstrip().endswith("4 of 5 articles state it.")


def test_check_command_warns_of_an_article_it_leaves_out(capsys, tmp_path):
    from chorus.cli import main

    german = tmp_path / "de.txt"
    german.write_text(
        "Ein Großbrand in einem Chemielager hat am Dienstagabend die Evakuierung von rund 1.200 Menschen aus "
        "einem Wohnviertel am Hafen erzwungen. Die Feuerwehr teilte mit, das Feuer sei kurz nach 21 Uhr "
        "ausgebrochen und gegen vier Uhr morgens unter Kontrolle gebracht worden.\n",
        encoding="utf-8",
    )
    assert main(["check", "Three firefighters suffered minor burns.", str(EXAMPLE), str(german)]) == 0
    captured = capsys.readouterr()
    assert captured.out.rstrip().endswith("4 of 5 articles state it.")
    assert "not in English: de.txt (German)" in captured.err  # was left out without a word


def test_words_news_uses_for_one_another_state_the_claim_and_another_claim_of_the_event_does_not():
    story = story_of(
        "The blaze began just after 9 p.m. at a storage site run by Halvern Chemicals on Quay Road.\n\n" + FILLER,
        # Synonyms and irregular forms: blaze / flames, began / broke out, site / building, run / owned.
        "The flames broke out shortly after 9 p.m. at a storage building owned by Halvern Chemicals.\n\n" + FILLER,
        # The same place and company, another claim.
        "Halvern Chemicals said its storage building on Quay Road would be inspected next week.\n\n" + FILLER,
    )
    found = verdicts(
        story, "The blaze began just after 9 p.m. at a storage site run by Halvern Chemicals on Quay Road."
    )
    assert found == {"d1": STATES, "d2": STATES, "d3": SILENT}


def test_a_place_and_its_adjective_are_one_place_and_another_country_is_elsewhere():
    story = story_of(
        "Meshaal met Lavrov in the Qatari capital on Monday to discuss reconciliation talks.\n\n" + FILLER,
        "Lavrov met Meshaal in Qatar on Monday to discuss reconciliation talks.\n\n" + FILLER,
        "Lavrov met Meshaal in Egypt on Monday to discuss reconciliation talks.\n\n" + FILLER,
    )
    found = verdicts(story, "Meshaal met Lavrov in the Qatari capital on Monday to discuss reconciliation talks.")
    assert found["d2"] == STATES
    assert found["d3"] != STATES


def test_a_quotations_no_is_stated_by_a_paraphrase_that_says_no_in_its_own_words():
    story = story_of(
        '"We will not let anyone back in until the air is safe to breathe," Fire Chief Dalia Okonkwo told reporters.'
        "\n\n" + FILLER,
        "Fire Chief Dalia Okonkwo said nobody would be let back in until the air was safe to breathe.\n\n" + FILLER,
        "Fire Chief Dalia Okonkwo said everybody would be let back in once the air was safe to breathe.\n\n" + FILLER,
    )
    found = verdicts(
        story,
        '"We will not let anyone back in until the air is safe to breathe," Fire Chief Dalia Okonkwo told reporters.',
    )
    assert found["d2"] == STATES
    assert found["d3"] != STATES


def test_a_count_of_a_named_group_is_found_after_of_them():
    story = story_of(
        "Twelve Americans were killed in the Kenya embassy bombing.\n\n" + FILLER,
        "In neighbouring Kenya, an almost simultaneous explosion at the U.S. Embassy in Nairobi killed 247 people, "
        "12 of them Americans, in the Kenya embassy bombing.\n\n" + FILLER,
        "The Kenya embassy bombing killed 247 people, officials said.\n\n" + FILLER,
    )
    found = verdicts(story, "Twelve Americans were killed in the Kenya embassy bombing.")
    assert found["d2"] == STATES
    assert found["d3"] == SILENT  # the toll is no count of Americans


def test_a_person_given_two_ages_by_two_outlets_is_one_age_conflict_and_a_namesake_is_not():
    texts = [
        "Aaron Velko, 22, was charged on Friday with the robbery of a bank in Tarnby.\n\n" + FILLER,
        "Police said Aaron Velko, 21, was arrested near the bank on Friday morning.\n\n" + FILLER,
        "The suspect, a 22-year-old Aaron Velko, appeared in court on Friday. He was remanded in custody until his "
        "trial next month.\n\n" + FILLER,
        # Another person of that family name (his father), and an age no one disputes.
        "His father, Dennis Velko, 54, said the family was shocked. Marta Lind, 40, a teller, was unhurt.\n\n" + FILLER,
    ]
    report = chorus.report(texts)
    ages = [c for c in report.conflicts if c.kind == "age"]
    assert len(ages) == 1
    assert [(v.value, v.doc_indexes) for v in ages[0].values] == [("22", (0, 2)), ("21", (1,))]


def test_a_place_the_story_sets_in_another_is_that_place_and_a_city_elsewhere_is_not():
    setting = "Bombs went off outside the embassies in Velmar, Ostria, and in Karsk, Dalmany, on Friday.\n\n"
    story = story_of(
        "The blast at the embassy in Ostria killed 11 people and wounded 70 others.\n\n" + FILLER + "\n\n" + setting,
        "The blast at the embassy in Velmar killed 11 people and wounded 70 others.\n\n" + FILLER + "\n\n" + setting,
        "The blast at the embassy in Karsk killed 11 people and wounded 70 others.\n\n" + FILLER + "\n\n" + setting,
    )
    found = verdicts(story, "The blast at the embassy in Ostria killed 11 people and wounded 70 others.")
    assert found["d2"] == STATES  # Velmar is in Ostria
    assert found["d3"] != STATES  # Karsk is in Dalmany


def test_when_and_where_an_article_does_not_give_are_not_required_and_count_when_given():
    story = story_of(
        "Early Tuesday morning, a magnitude 6.1 quake struck a few miles south of Varnok.\n\n" + FILLER,
        # The event and its figure, without the hour and the place.
        "Homes collapsed after the 6.1 magnitude quake struck on Tuesday.\n\n" + FILLER,
        # The same event, another claim: the place and the day are no claim of their own.
        "Rescue teams reached the villages south of Varnok early Tuesday morning.\n\n" + FILLER,
        # Another day for the event: not stated.
        "Homes collapsed after the 6.1 magnitude quake struck on Thursday.\n\n" + FILLER,
    )
    found = verdicts(story, "Early Tuesday morning, a magnitude 6.1 quake struck a few miles south of Varnok.")
    assert found["d1"] == found["d2"] == STATES
    assert found["d3"] == SILENT and found["d4"] != STATES


RIVERLAND = [
    "Ostrian Foreign Minister Pavel Drazic has invited the exiled rebel leader Tomas Verhoven for talks in Karsk. "
    "Verhoven, who lives in Velmar, last travelled to Karsk in 2010.\n\n" + FILLER,
    # A description standing for the name, and the name standing for the description.
    "The foreign minister extended an invitation to the rebel leadership to visit Karsk. "
    "The last time that the rebel leader travelled to Karsk was in 2010.\n\n" + FILLER,
    # The same people, another claim.
    "Drazic met exiled rebel leader Tomas Verhoven in Velmar on Monday to discuss a ceasefire. "
    "The rebel leader praised the ceasefire talks in 2010.\n\n" + FILLER,
]


def test_a_description_the_story_gives_one_person_stands_for_that_person():
    story = story_of(*RIVERLAND)
    aligner = aligner_of(story)
    assert aligner.person_roles.get("leader") == "verhoven"
    found = verdicts(
        story,
        "Ostrian Foreign Minister Pavel Drazic has invited the exiled rebel leader Tomas Verhoven for talks in Karsk.",
    )
    assert found == {"d1": STATES, "d2": STATES, "d3": SILENT}
    found = verdicts(story, "Verhoven, who lives in Velmar, last travelled to Karsk in 2010.")
    assert found == {"d1": STATES, "d2": STATES, "d3": SILENT}


def test_a_role_two_people_hold_stands_for_neither():
    story = story_of(
        "Union leader Marta Kovic said the strike would go on. Party leader Ivo Brandt said talks had failed.\n\n"
        + FILLER,
        "The leader said the strike would go on.\n\n" + FILLER,
    )
    assert "leader" not in aligner_of(story).person_roles


def test_a_title_next_to_a_name_is_who_not_what_happened():
    story = story_of(
        "Chief executive Pieter Vandermolen said the company was cooperating fully with investigators.\n\n" + FILLER,
        # The same person with the same title, another statement.
        "Halvern's chief executive, Peter Vandermolen, said the company would pay for the shelters.\n\n" + FILLER,
        "Vandermolen said the firm's staff were cooperating fully with the investigators.\n\n" + FILLER,
    )
    found = verdicts(
        story, "Chief executive Pieter Vandermolen said the company was cooperating fully with investigators."
    )
    assert found == {"d1": STATES, "d2": SILENT, "d3": STATES}


def test_a_phrase_setting_the_scene_before_the_subject_is_not_required():
    story = story_of(
        "In a case that shocked the whole valley, a 24-year-old welder pleaded guilty on Monday to setting "
        "the Ostvale mill fire.\n\n" + FILLER,
        "Jan Morrow, a welder, pleaded guilty to setting the Ostvale mill fire.\n\n" + FILLER,
        # The same people and event, another claim.
        "Jan Morrow, a welder, was charged with setting the Ostvale mill fire.\n\n" + FILLER,
    )
    found = verdicts(
        story,
        "In a case that shocked the whole valley, a 24-year-old welder pleaded guilty on Monday to "
        "setting the Ostvale mill fire.",
    )
    assert found == {"d1": STATES, "d2": STATES, "d3": SILENT}


def test_people_slain_are_people_killed():
    story = story_of(
        "Twelve Americans were killed in the Velmar embassy bombing.\n\n" + FILLER,
        "Two men were indicted in the murders of the 12 Americans slain in the bombing in Velmar.\n\n" + FILLER,
        "Twelve Americans were injured in the Velmar embassy bombing.\n\n" + FILLER,
    )
    found = verdicts(story, "Twelve Americans were killed in the Velmar embassy bombing.")
    assert found["d2"] == STATES and found["d3"] != STATES


def test_the_claims_verb_must_be_said_or_it_is_the_same_people_in_another_act():
    story = story_of(
        "Ostria has expelled 14 foreigners questioned over the Velmar bombing.\n\n" + FILLER,
        "An Australian among 14 foreigners held over the Velmar bombing has been released.\n\n" + FILLER,
        "The 14 foreigners questioned over the Velmar bombing were expelled by Ostria.\n\n" + FILLER,
    )
    found = verdicts(story, "Ostria has expelled 14 foreigners questioned over the Velmar bombing.")
    assert found == {"d1": STATES, "d2": SILENT, "d3": STATES}


def test_people_named_one_by_one_give_their_count():
    story = story_of(
        "Velmar charged two men with murder in the consulate bombing.\n\n" + FILLER,
        "Ivo Brandt and Tomas Kral were charged with murder in the consulate bombing.\n\n" + FILLER,
        "Ivo Brandt was charged with murder in the consulate bombing.\n\n" + FILLER,
    )
    found = verdicts(story, "Velmar charged two men with murder in the consulate bombing.")
    assert found == {"d1": STATES, "d2": STATES, "d3": SILENT}


def test_being_charged_does_not_state_being_sentenced():
    story = story_of(
        "Jan Morrow was sentenced to life in prison for the Ostvale mill fire.\n\n" + FILLER,
        "Jan Morrow was charged over the Ostvale mill fire and could face life in prison.\n\n" + FILLER,
        "A court sentenced Jan Morrow to life in prison for the Ostvale mill fire.\n\n" + FILLER,
    )
    found = verdicts(story, "Jan Morrow was sentenced to life in prison for the Ostvale mill fire.")
    assert found == {"d1": STATES, "d2": SILENT, "d3": STATES}


def test_news_words_for_talks_conditions_and_war_are_one_another():
    story = story_of(
        "Drazic spoke to the envoy about the situation in the Karsk camps following the conflict.\n\n" + FILLER,
        "Drazic briefed the envoy on conditions in the Karsk camps after the war.\n\n" + FILLER,
    )
    found = verdicts(story, "Drazic spoke to the envoy about the situation in the Karsk camps following the conflict.")
    assert found == {"d1": STATES, "d2": STATES}


def test_the_main_verb_is_the_first_and_a_later_clauses_verb_does_not_stand_for_it():
    story = story_of(
        "The United States offered help to Ostria after the quake killed hundreds of people.\n\n" + FILLER,
        # The quake's toll, but not what the claim says the United States did.
        "Relief agencies pleaded with Ostria after the quake killed hundreds of people.\n\n" + FILLER,
        "The United States offered aid to Ostria after the quake killed hundreds.\n\n" + FILLER,
    )
    found = verdicts(story, "The United States offered help to Ostria after the quake killed hundreds of people.")
    assert found == {"d1": STATES, "d2": SILENT, "d3": STATES}


def test_a_title_before_a_name_names_no_one():
    story = story_of(
        "Rep. Anna Kovic on Friday endorsed Governor Ivo Brandt for the party's nomination.\n\n" + FILLER,
        # Another title-holder in the next sentence: the pair of sentences is not Kovic's endorsement.
        "Union leaders endorsed Brandt for the party's nomination. Rep. Tomas Kral welcomed the union's "
        "endorsement of Brandt.\n\n" + FILLER,
    )
    aligner = aligner_of(story)
    claim = aligner.claim_of_text("Rep. Anna Kovic on Friday endorsed Governor Ivo Brandt for the party's nomination.")
    terms = story.vectors.terms
    assert "rep" not in {terms[c] for c in claim.columns}


def test_a_claim_that_is_mostly_its_date_needs_the_date():
    story = story_of(
        "The euro will be launched on January 1, 1999.\n\n" + FILLER,
        "The launch of the euro would pose problems for exporters.\n\n" + FILLER,
        "The euro is to be launched on January 1, 1999, officials said.\n\n" + FILLER,
        "Traders said the euro and its launch were all the talk. The euro's launch worried exporters.\n\n" + FILLER,
    )
    found = verdicts(story, "The euro will be launched on January 1, 1999.")
    assert found == {"d1": STATES, "d2": SILENT, "d3": STATES, "d4": SILENT}


def test_an_appositive_after_a_name_is_background():
    story = story_of(
        "Mira Holt, a Dunlow baker who owned the burning mill with her brother, pleaded guilty to arson in "
        "the death of Jon Vale.\n\n" + FILLER,
        "Mira Holt pleaded guilty to arson over the death of Jon Vale.\n\n" + FILLER,
        # The same people, another claim.
        "Mira Holt, a Dunlow baker, owned the burning mill with her brother.\n\n" + FILLER,
    )
    result = aligner_of(story).check(story.sentences[0].text)
    assert [v.verdict for v in result.articles] == [STATES, STATES, SILENT]


def test_a_negative_contraction_is_the_no_it_says_not_a_word_of_its_own():
    story = story_of(
        "Ahmed told the court he couldn't understand why he was charged with the Ostvale bombing.\n\n" + FILLER,
        "Ahmed told the court he did not understand why he was charged with the Ostvale bombing.\n\n" + FILLER,
        "Ahmed told the court he understood why he was charged with the Ostvale bombing.\n\n" + FILLER,
    )
    result = aligner_of(story).check(story.sentences[0].text)
    assert [v.verdict for v in result.articles] == [STATES, STATES, SILENT]
    assert result.articles[1].evidence.score == 1.0  # "couldn't" and "did not" say the same


def test_the_word_a_figure_is_joined_to_is_the_claims_word():
    story = story_of(
        "A team of 70 members arrived in Karsk from Velmar on Wednesday to search the rubble.\n\n" + FILLER,
        "A 70-member team arrived in Karsk from Velmar on Wednesday to search the rubble.\n\n" + FILLER,
        "A team arrived in Karsk from Velmar on Wednesday to search the rubble.\n\n" + FILLER,
    )
    aligner = aligner_of(story)
    claim = aligner.claim_of_sentence(0)
    found = {v.doc_index: v for v in aligner.check(claim).articles}
    assert found[1].verdict == STATES and found[2].verdict == SILENT
    # The compound's word is found: the 70-member sentence carries the claim as fully as the claim's own words.
    assert found[1].evidence.score == 1.0


def test_a_claim_told_in_two_sentences_with_one_between_is_stated_but_not_across_a_paragraph_of_others():
    first = "Mayor Ilse Varga met the Oxley tram workers' union on Wednesday."
    second = "She promised them a new pay offer within a week."
    between = "The talks took place at the depot on Harl Street."
    story = story_of(
        "Mayor Ilse Varga promised the Oxley tram workers' union a new pay offer within a week when they met "
        "on Wednesday.\n\n" + FILLER,
        f"{first} {between} {second}\n\n" + FILLER,
        f"{first} {between} Union members said the depot was cold. A strike is possible. {second}\n\n" + FILLER,
    )
    result = aligner_of(story).check(story.sentences[0].text)
    assert [v.verdict for v in result.articles] == [STATES, STATES, SILENT]
    assert [story.sentences[i].text for i in result.articles[1].evidence.sentences] == [first, second]


def test_another_event_is_not_disputed_by_the_figures_of_the_stories_one():
    story = story_of(
        "Another strong earthquake with a magnitude of 5.2 struck western Ostria on Sunday, the agency said.\n\n"
        + FILLER,
        "Eight days after the powerful 7.4-magnitude earthquake struck western Ostria, searchers still hoped to "
        "find survivors.\n\n" + FILLER,
        "A strong earthquake with a magnitude of 7.4 struck western Ostria on Tuesday, the agency said.\n\n" + FILLER,
    )
    aligner = aligner_of(story)
    assert [v.verdict for v in aligner.check(aligner.claim_of_sentence(0)).articles] == [STATES, SILENT, SILENT]
    # The same sentence about the quake itself is disputed by the other figure.
    claim = "A strong earthquake with a magnitude of 5.2 struck western Ostria on Sunday, the agency said."
    assert aligner.check(claim).articles[2].verdict == CONTRADICTS


def test_the_capital_that_opens_a_fronted_phrase_is_no_name():
    story = story_of(
        "Thousands were escaping the floods in Ostria. The river rose for a third day.\n\n" + FILLER,
        "Residents of Ostria crossed into Karsk on Monday. Many slept in tents.\n\n" + FILLER,
    )
    aligner = aligner_of(story)
    claim = aligner.claim_of_text("Escaping the floods, Ostria residents crossed into Karsk on Monday.")
    terms = story.vectors.terms
    names = {
        terms[c]
        for u, start in enumerate(claim.unit_starts)
        if claim.is_name[u]
        for c in claim.columns[start : start + 1]
    }
    assert "ostria" in names and "escap" not in names


def test_said_in_a_statement_is_attribution_and_a_warehouse_that_stores_holds():
    story = story_of(
        "The warehouse held drums of industrial solvents, the Halvern company said in a statement.\n\n" + FILLER,
        "The warehouse stores drums of industrial solvents for customers across the region.\n\n" + FILLER,
        "The warehouse burned for six hours, the Halvern company said in a statement.\n\n" + FILLER,
    )
    aligner = aligner_of(story)
    claim = aligner.claim_of_sentence(0)
    assert claim.core == "The warehouse held drums of industrial solvents"
    assert [v.verdict for v in aligner.check(claim).articles] == [STATES, STATES, SILENT]


FERRY = [
    "The Halvik ferry capsized in a storm off the Tarn coast on Sunday, killing all 41 passengers and crew "
    "aboard. Coast guard officer Brenna Solheim led the search.\n\n" + FILLER,
    # The toll in other words and without the event's verb: the same claim.
    "All 41 people on board died when the vessel went down, the coast guard said. Divers reached the wreck "
    "on Tuesday.\n\n" + FILLER,
    # The same event and its count, but not its toll (they were aboard, not killed).
    "Relatives of the 41 people on board gathered at the harbour on Sunday night. The Halvik had left port "
    "two hours earlier.\n\n" + FILLER,
    # Another claim whose result clause gives the toll: what investigators suggest is not the toll.
    "Investigators suggested that a crew member had opened the car deck doors, killing all 41 aboard. "
    "The company denied it.\n\n" + FILLER,
]


def test_a_toll_of_the_story_event_is_stated_by_the_same_toll_in_other_words():
    story = story_of(*FERRY)
    found = verdicts(story, FERRY[0].split(". ")[0] + ".")
    assert found["d2"] == STATES  # "All 41 people on board died" (no "capsized", no "Halvik")
    assert found["d3"] == SILENT  # aboard, not killed
    # The claim of the fourth article is what the investigators suggest: the toll alone does not state it.
    assert (
        verdicts(
            story, "Investigators suggested that a crew member had opened the car deck doors, killing all 41 aboard."
        )["d2"]
        == SILENT
    )


def test_a_role_in_the_plural_is_not_the_one_person_the_story_gives_it():
    story = story_of(*FERRY)
    aligner = aligner_of(story)
    column = story.vectors.index["offic"]

    def officer_is_a_name(claim: str) -> bool:
        c = aligner.claim_of_text(claim)
        ends = list(c.unit_starts[1:]) + [len(c.columns)]
        (unit,) = [u for u, (a, b) in enumerate(zip(c.unit_starts, ends)) if column in c.columns[a:b].tolist()]
        return bool(c.is_name[unit])

    # "the officer" is Brenna Solheim, the one officer the story names; "officers" are not.
    assert officer_is_a_name("The coast guard officer led the search for the Halvik.")
    assert not officer_is_a_name("Coast guard officers led the search for the Halvik.")


def test_a_figure_of_an_event_with_a_relative_clause_is_not_a_toll_claim():
    story = story_of(
        "A delivery van carried the bomb that killed 9 people at the Orvel market, police said on Friday. "
        "Forensic teams searched the site.\n\n" + FILLER,
        "The blast at the Orvel market killed 9 people. Shops stayed closed on Saturday.\n\n" + FILLER,
    )
    # What carried the bomb is the claim, not the toll.
    assert verdicts(story, "A delivery van carried the bomb that killed 9 people at the Orvel market.")["d2"] == SILENT
    assert verdicts(story, "A blast at the Orvel market killed 9 people.")["d2"] == STATES


def test_a_thousands_comma_opens_no_attribution_clause():
    from chorus.align.claims import strip_attribution

    text = "Some 12,040 people have been confirmed dead and 33,495 others were reported as injured, the ministry said."
    core, attribution = strip_attribution(text)
    assert "33,495 others were reported as injured" in core
    assert attribution == ", the ministry said."


def test_a_plan_does_not_state_what_was_done():
    story = story_of(
        "The three pilots departed from Lindau aboard the Sky Rover balloon on Monday morning. "
        "Crowds watched from the lake shore.\n\n" + FILLER,
        "The three pilots were planning to depart from Lindau aboard the Sky Rover balloon on Monday morning. "
        "Winds were light.\n\n" + FILLER,
        "The three pilots departed from Lindau aboard the Sky Rover balloon early on Monday. "
        "They hope to land in Asia.\n\n" + FILLER,
    )
    found = verdicts(story, "The three pilots departed from Lindau aboard the Sky Rover balloon on Monday morning.")
    assert found == {"d1": STATES, "d2": SILENT, "d3": STATES}
    # A plan is stated by the same plan.
    planned = verdicts(
        story, "The three pilots were planning to depart from Lindau aboard the Sky Rover balloon on Monday."
    )
    assert planned["d2"] == STATES


def test_a_long_scene_without_a_comma_is_background_and_weighs_little_when_untold():
    scene = (
        "amid persistent tabloid reports that he was having a secret affair with a junior city planner and had "
        "moved out of the family home in the spring"
    )
    story = story_of(
        f"Wendt filed for divorce on March 3 {scene}. His lawyer declined to comment.\n\n" + FILLER,
        "Wendt filed for divorce on March 3 from his wife of 20 years. The couple have two sons.\n\n" + FILLER,
        "Reports that Wendt was having an affair with a junior city planner spread through the town hall. "
        "He denied them.\n\n" + FILLER,
    )
    # The filing is the claim; the reports it came amid are its scene (the third article tells them alone).
    assert verdicts(story, f"Wendt filed for divorce on March 3 {scene}.") == {"d1": STATES, "d2": STATES, "d3": SILENT}


def test_a_plan_does_not_state_an_act_told_with_an_irregular_verb():
    story = story_of(
        "Three balloonists set off from Lindau aboard the Sky Rover on Monday in a bid to circle the globe. "
        "Crowds watched from the lake shore.\n\n" + FILLER,
        "Three balloonists were preparing on Monday to set off from Lindau aboard the Sky Rover in a bid to "
        "circle the globe. Winds were light.\n\n" + FILLER,
        "Three balloonists set off from Lindau aboard the Sky Rover on Monday, hoping to circle the globe. "
        "They carry food for three weeks.\n\n" + FILLER,
    )
    claim = "Three balloonists set off from Lindau aboard the Sky Rover on Monday in a bid to circle the globe."
    assert verdicts(story, claim) == {"d1": STATES, "d2": SILENT, "d3": STATES}


def test_lavrov_meshaal_last_visit_is_cited_to_the_outlet_that_says_it_in_other_words(lavrov_dir):
    # ", four years after his first official visit" says when, from another visit: not required.
    # The sentence as any summary cites it (the default summary need not choose it).
    from chorus.compose import cite
    from chorus.pipeline import build_story, load_documents

    story = build_story(load_documents([lavrov_dir]))
    sentence = next(s for s in story.sentences if "last travelled to Moscow in 2010" in s.text)
    cited = {story.documents[c.doc_index].id for c in cite(story, sentence).support}
    assert cited == {"001_40e6be3c170df5a9", "004_5cf0d35637a6dc6b"}


def test_a_span_of_time_after_another_event_is_a_when_and_its_figure_is_not_required():
    story = story_of(
        "Mayor Ilse Braun last visited Kortrijk in 2012, three years after her first official trip to the "
        "Belgian city.\n\n" + FILLER,
        "The last time that Braun visited Kortrijk was in 2012, when she opened a new library.\n\n" + FILLER,
        "Braun will open a trade fair in Kortrijk next spring.\n\n" + FILLER,
    )
    assert verdicts_of_first_claim(story) == [STATES, STATES, SILENT]
    # ... also between commas inside the sentence.
    claim = "On Friday, three years after her first official trip to the Belgian city, Braun visited Kortrijk."
    assert [v.verdict for v in aligner_of(story).check(claim).articles] == [STATES, STATES, SILENT]


def test_an_acronym_is_the_name_the_story_spells_out():
    story = story_of(
        "``The CFU estimates that more than 300 arrests have taken place since March, including students, union "
        "officials and priests,'' the group said.\n\n" + FILLER,
        "Police raided villages in the delta again. The Coastal Farmers Union said more than 300 farmers have "
        "been arrested since March.\n\n" + FILLER,
        "More than 300 farmers marched through the capital in March. Police watched.\n\n" + FILLER,
    )
    from chorus.align.claims import acronyms

    assert acronyms(story) == {"CFU": ("Coastal", "Farmers", "Union")}
    # "estimates" says who says so; "have taken place" only that the arrests happened; ", including ..."
    # gives examples: the claim is the union's count of arrests, which the second outlet gives.
    assert verdicts_of_first_claim(story) == [STATES, STATES, SILENT]


def test_two_names_with_the_same_initials_stand_for_no_one():
    story = story_of(
        "The NFC met on Monday.\n\n" + FILLER,
        "The National Fisheries Council and the Northern Football Club both met on Monday.\n\n" + FILLER,
    )
    from chorus.align.claims import acronyms

    assert acronyms(story) == {}


def test_a_verb_in_ing_after_a_form_of_be_is_what_the_claim_says_was_done():
    story = story_of(
        "The Federal Police Office is taking over the inquiry into the crash of Flight 220 from the Aviation "
        "Safety Board, officials said Tuesday.\n\n" + FILLER,
        # The same inquiry and crash, not the handover.
        "Aviation Safety Board chairman Ola Berg said Friday that the inquiry into the Flight 220 crash must go "
        "on before its cause can be known.\n\n" + FILLER,
        "The Federal Police Office took over the inquiry into the crash of Flight 220 on Tuesday.\n\n" + FILLER,
    )
    assert verdicts_of_first_claim(story) == [STATES, SILENT, STATES]


def test_engines_switched_off_are_stated_by_engines_turned_or_shut_off():
    story = story_of(
        "Both engines of the jet were switched off from the cockpit minutes before the dive.\n\n" + FILLER,
        "Minutes before the dive, the jet's two engines were shut off from the cockpit.\n\n" + FILLER,
        # "turned" without "off" is another act.
        "Minutes before the dive, both engines of the jet turned the cockpit lights red.\n\n" + FILLER,
    )
    assert verdicts_of_first_claim(story) == [STATES, STATES, SILENT]


def test_an_agreement_reached_is_stated_by_what_was_agreed():
    story = story_of(
        "The Halvorsens reached an agreement on how to temporarily split their assets until the divorce is "
        "final.\n\n" + FILLER,
        "Now that the Halvorsens have decided how to temporarily split their assets until their divorce is "
        "final, the lawyers turn to the next phase.\n\n" + FILLER,
        "The Halvorsens' lawyers reached the court early to argue about the divorce.\n\n" + FILLER,
    )
    assert verdicts_of_first_claim(story) == [STATES, STATES, SILENT]


def test_a_departure_is_stated_in_any_of_its_phrasings():
    story = story_of(
        "After weeks of delays, Marlow and Tesch set off from the Jura mountains on May 3.\n\n" + FILLER,
        "Marlow and Tesch have flown 9,000 miles since lifting off from the Jura mountains on May 3.\n\n" + FILLER,
        "Marlow and Tesch, who departed from the Jura mountains on May 3, are over the Atlantic.\n\n" + FILLER,
        "Marlow and Tesch covered 9,000 miles after leaving the Jura mountains on May 3.\n\n" + FILLER,
        # The same people, place and day, another act.
        "Marlow and Tesch landed in the Jura mountains on May 3.\n\n" + FILLER,
    )
    assert verdicts_of_first_claim(story) == [STATES, STATES, STATES, STATES, SILENT]


def test_people_made_to_leave_their_homes_are_evacuated():
    story = story_of(
        "More than 1,500 people in Dunmere were told to leave their homes.\n\n" + FILLER,
        # The harbor-fire example's words: an evacuation with another count disputes the claim.
        "The burst gas main forced the evacuation of about 900 people in Dunmere.\n\n" + FILLER,
        "Police forced more than 1,500 people in Dunmere from their homes.\n\n" + FILLER,
    )
    assert verdicts_of_first_claim(story) == [STATES, CONTRADICTS, STATES]


def test_what_people_were_told_to_do_is_the_claims_act():
    story = story_of(
        "More than 1,500 people in Dunmere were told to leave their homes.\n\n" + FILLER,
        "About 900 people in Dunmere were told to leave their homes.\n\n" + FILLER,
        # The same people, count and place, told to do something else: neither the claim nor a dispute of it.
        "More than 1,500 people in Dunmere were told to stay in their homes.\n\n" + FILLER,
        "About 900 people in Dunmere were told to stay in their homes.\n\n" + FILLER,
    )
    aligner = aligner_of(story)
    leave = aligner.check(aligner.claim_of_sentence(0))
    assert [v.verdict for v in leave.articles] == [STATES, CONTRADICTS, SILENT, SILENT]
    stay = aligner.check(aligner.claim_of_sentence(story.sentences_of(2)[0].index))
    assert [v.verdict for v in stay.articles] == [SILENT, SILENT, STATES, CONTRADICTS]
    # An act no article tells ("were told to shelter"): no article states it.
    assert aligner.check("More than 1,500 people in Dunmere were told to shelter in their homes.").stating == []


def test_a_part_of_those_killed_is_not_the_whole_toll():
    story = story_of(
        "The airliner crashed into a hotel near Gonesse, killing 113 people.\n\n" + FILLER,
        "All 109 people in the plane and four on the ground were killed when the airliner crashed near Gonesse.\n\n"
        + FILLER,
        "All 109 people aboard the airliner were killed when it crashed into a hotel near Gonesse.\n\n" + FILLER,
        # Another toll of the whole disputes it.
        "The airliner crashed into a hotel near Gonesse, killing 114 people.\n\n" + FILLER,
    )
    aligner = aligner_of(story)
    total = aligner.check(aligner.claim_of_sentence(0))
    assert [v.verdict for v in total.articles] == [STATES, SILENT, SILENT, CONTRADICTS]
    # Nor is the whole a part: those aboard are 109 by both counts that give them.
    aboard = aligner.check(aligner.claim_of_sentence(story.sentences_of(2)[0].index))
    assert [v.verdict for v in aboard.articles] == [SILENT, STATES, STATES, SILENT]


def test_only_a_home_left_is_an_evacuation():
    from chorus.align.claims import PHRASAL_ACTS

    [(_, evacuation, _)] = [act for act in PHRASAL_ACTS if "evacu" in act[0]]
    for said in ("forced about 1,200 residents from their homes", "fled their homes", "the evacuation of 900"):
        assert evacuation.search(said), said
    for said in ("left the country", "left home early for work", "forced the door from its hinges"):
        assert not evacuation.search(said), said


def test_a_life_term_is_a_life_sentence():
    story = story_of(
        "Corvin Lask pleaded guilty to murder and was sentenced to two life terms.\n\n" + FILLER,
        "Lask, who pleaded guilty to murder, received two life sentences.\n\n" + FILLER,
        # A plea without the sentence is only part of the claim.
        "Lask pleaded guilty to murder in a courtroom packed with reporters.\n\n" + FILLER,
    )
    aligner = aligner_of(story)
    assert [v.verdict for v in aligner.check(aligner.claim_of_sentence(0)).articles] == [STATES, STATES, SILENT]


def test_what_people_were_forced_to_do_is_what_they_did():
    story = story_of(
        "Oster, Brand and Lund were forced to ditch their balloon off Madeira after flying across the ocean.\n\n"
        + FILLER,
        "Oster, Brand and Lund ditched their balloon off Madeira after flying across the ocean.\n\n" + FILLER,
        "Oster, Brand and Lund were forced to delay their flight across the ocean from Madeira.\n\n" + FILLER,
    )
    assert verdicts_of_first_claim(story) == [STATES, STATES, SILENT]


def test_an_age_after_a_name_describes_who_and_is_not_required():
    story = story_of(
        "Dorran Veck, 22, is charged with murder, kidnapping and robbery.\n\n" + FILLER,
        "Veck has been charged with murder, kidnapping and robbery.\n\n" + FILLER,
        # Another age for him is still a difference of who he is, not the claim's figure: compared.
        "Veck, 23, has been charged with arson.\n\n" + FILLER,
    )
    assert verdicts_of_first_claim(story) == [STATES, STATES, SILENT]


def test_two_bounds_far_apart_are_two_figures():
    story = story_of(
        "Marlow and Tesch have traveled more than 20,500 miles since lifting off from the Jura.\n\n" + FILLER,
        "Marlow and Tesch have traveled more than 10,500 miles since lifting off from the Jura.\n\n" + FILLER,
        "Marlow and Tesch have traveled more than 20,000 miles since lifting off from the Jura.\n\n" + FILLER,
    )
    aligner = aligner_of(story)
    result = aligner.check(aligner.claim_of_sentence(0))
    # 10,500 is another moment of the flight; 20,000 a rounding of 20,500 (2.5% apart).
    assert [v.verdict for v in result.articles] == [STATES, SILENT, STATES]


def test_a_possibility_does_not_state_what_was_done():
    story = story_of(
        "The Ostvale mayor resigned over the budget scandal on Monday.\n\n" + FILLER,
        "The Ostvale mayor could resign over the budget scandal on Monday.\n\n" + FILLER,
        "The Ostvale mayor would resign over the budget scandal on Monday, aides said.\n\n" + FILLER,
        "The Ostvale mayor resigned on Monday over the budget scandal.\n\n" + FILLER,
    )
    found = verdicts(story, "The Ostvale mayor resigned over the budget scandal on Monday.")
    assert found == {"d1": STATES, "d2": SILENT, "d3": SILENT, "d4": STATES}


def test_a_modal_inside_an_embedded_question_does_not_make_the_act_a_possibility():
    story = story_of(
        "The Ostvale mayor was charged over the budget scandal on Monday.\n\n" + FILLER,
        # "how he could be charged", "why he could be charged": the charge is told, and asked about.
        "The Ostvale mayor wondered how he could be charged over the budget scandal on Monday.\n\n" + FILLER,
        "The Ostvale mayor asked why he could be charged over the budget scandal on Monday.\n\n" + FILLER,
        "The Ostvale mayor could be charged over the budget scandal on Monday, aides said.\n\n" + FILLER,
        # "whether" and "if" leave the act open: asked about, not told.
        "The Ostvale mayor asked whether he could be charged over the budget scandal on Monday.\n\n" + FILLER,
        "The Ostvale mayor asked if he could be charged over the budget scandal on Monday.\n\n" + FILLER,
    )
    found = verdicts(story, "The Ostvale mayor was charged over the budget scandal on Monday.")
    assert found == {"d1": STATES, "d2": STATES, "d3": STATES, "d4": SILENT, "d5": SILENT, "d6": SILENT}


def test_a_sentence_that_tells_the_claim_on_another_day_or_hour_does_not_state_it():
    story = story_of(
        "The Ostvale mayor met the union leaders on Friday. The talks lasted four hours.\n\n" + FILLER,
        # One sentence says the meeting on another day; another says it without a day: the article
        # tells the meeting on Monday, so it does not state Friday's (it disputes the day).
        "The Ostvale mayor met the union leaders on Monday to discuss the strike. "
        "In their meeting, the Ostvale mayor and the union leaders discussed the pay offer.\n\n" + FILLER,
        "The Ostvale mayor met the union leaders, aides confirmed.\n\n" + FILLER,
        "The Ostvale mayor met the union leaders on Friday, aides confirmed.\n\n" + FILLER,
    )
    found = verdicts(story, "The Ostvale mayor met the union leaders on Friday.")
    assert found == {"d1": STATES, "d2": CONTRADICTS, "d3": STATES, "d4": STATES}
    # Several days in one sentence may be of several events: nothing is inferred from them.
    story = story_of(
        "The Ostvale mayor resigned on Friday over the budget scandal.\n\n" + FILLER,
        "The Ostvale mayor resigned over the budget scandal, which began on Aug. 3, in a letter read out on "
        "Tuesday.\n\n" + FILLER,
    )
    assert verdicts(story, "The Ostvale mayor resigned on Friday over the budget scandal.")["d2"] == STATES


def test_a_time_of_day_is_compared_within_a_hedge():
    story = story_of(
        "The Ostvale warehouse fire broke out shortly after 9 p.m. on the quay.\n\n" + FILLER,
        "The Ostvale warehouse fire broke out at 9:20 p.m. on the quay.\n\n" + FILLER,
        "The Ostvale warehouse fire broke out at about 11 p.m. on the quay.\n\n" + FILLER,
    )
    found = verdicts(story, "The Ostvale warehouse fire broke out shortly after 9 p.m. on the quay.")
    assert found == {"d1": STATES, "d2": STATES, "d3": CONTRADICTS}
    found = verdicts(story, "The Ostvale warehouse fire broke out at 3 a.m. on the quay.")
    assert STATES not in found.values()


def test_someone_else_doing_it_does_not_state_the_claim():
    story = story_of(
        "Mayor Halvorsen invited the union leaders to City Hall for talks. The talks are set for June.\n\n" + FILLER,
        "Governor Brandt spoke on the radio about the strike in Ostvale.\n\n" + FILLER,
        "Councillor Ruud has invited the union leaders to City Hall for talks.\n\n" + FILLER,
        # The passive's names are whom it was done to, not who did it.
        "The union leaders were invited to City Hall for talks by the Ostvale mayor.\n\n" + FILLER,
    )
    found = verdicts(story, "Governor Brandt invited the union leaders to City Hall for talks.")
    assert found == {"d1": SILENT, "d2": SILENT, "d3": SILENT, "d4": STATES}
    # A name no article prints: no article says that person did it.
    assert STATES not in verdicts(story, "Premier Olsen invited the union leaders to City Hall for talks.").values()
    found = verdicts(story, "Mayor Halvorsen invited the union leaders to City Hall for talks.")
    assert found == {"d1": STATES, "d2": SILENT, "d3": SILENT, "d4": STATES}


def test_whether_an_act_was_meant_must_be_said():
    story = story_of(
        "The Ostvale warehouse fire was started deliberately, the fire chief said.\n\n" + FILLER,
        "The Ostvale warehouse fire started shortly after 9 p.m.\n\n" + FILLER,
        "Investigators said the Ostvale warehouse fire was started intentionally.\n\n" + FILLER,
    )
    found = verdicts(story, "The Ostvale warehouse fire was started deliberately.")
    assert found == {"d1": STATES, "d2": SILENT, "d3": STATES}
    story = story_of(*(text for text in ("The Ostvale warehouse fire started shortly after 9 p.m.\n\n" + FILLER,)))
    assert STATES not in verdicts(story, "The Ostvale warehouse fire was started accidentally.").values()


def test_a_no_that_qualifies_a_thing_does_not_negate_the_act():
    story = story_of(
        "Halvorsen was sentenced to two life terms for the Ostvale arson.\n\n" + FILLER,
        "Halvorsen was sentenced to two life terms with no chance of parole for the Ostvale arson.\n\n" + FILLER,
        "Halvorsen was not sentenced to two life terms for the Ostvale arson.\n\n" + FILLER,
    )
    found = verdicts(story, "Halvorsen was sentenced to two life terms for the Ostvale arson.")
    assert found == {"d1": STATES, "d2": STATES, "d3": SILENT}
    # "cannot" says no as "not" does.
    story = story_of(
        "By law, the Ostvale mayor cannot commute a prison sentence.\n\n" + FILLER,
        "The Ostvale mayor commuted a prison sentence after a hearing.\n\n" + FILLER,
    )
    assert verdicts(story, story.sentences[0].text)["d2"] == SILENT


def test_a_verb_of_a_relative_clause_is_not_what_the_claim_says_happened():
    story = story_of(
        "The Ostvale mayor wants to question Greta Lund, an aide to whom the treasurer has been linked.\n\n" + FILLER,
        "The Ostvale mayor wants to depose Greta Lund, an aide with whom the treasurer has a relationship.\n\n"
        + FILLER,
    )
    found = verdicts(story, story.sentences[0].text)
    assert found == {"d1": STATES, "d2": STATES}


def test_words_for_one_act_state_it_and_the_opposite_act_does_not():
    story = story_of(
        "The Ostvale mayor has acknowledged he took payments from the builder of the new harbour.\n\n" + FILLER,
        "The Ostvale mayor has admitted taking payments from the builder of the new harbour.\n\n" + FILLER,
        "The Ostvale mayor has denied taking payments from the builder of the new harbour.\n\n" + FILLER,
        "The builder of the new harbour made payments to a company owned by the Ostvale mayor's brother.\n\n" + FILLER,
    )
    found = verdicts(story, "The Ostvale mayor has acknowledged he took payments from the builder of the new harbour.")
    assert found == {"d1": STATES, "d2": STATES, "d3": SILENT, "d4": SILENT}


def test_a_confirmation_is_stated_by_the_confirming_side_not_by_another_sources_word():
    story = story_of(
        "Velmar has confirmed that its foreign minister met the rebel leader in Ostria on Monday.\n\n" + FILLER,
        "Velmar's foreign minister met the rebel leader in Ostria on Monday, a rebel spokesman said.\n\n" + FILLER,
        "Velmar's foreign ministry said its foreign minister met the rebel leader in Ostria on Monday.\n\n" + FILLER,
        "Velmar's foreign minister met the rebel leader in Ostria on Monday, the ministry confirmed.\n\n" + FILLER,
    )
    found = verdicts(story, "Velmar has confirmed that its foreign minister met the rebel leader in Ostria on Monday.")
    assert found == {"d1": STATES, "d2": SILENT, "d3": STATES, "d4": STATES}
    # A result that "is confirmed" has no one confirming it: told in other words, it is stated.
    story = story_of(
        "If the Ostvale mayor's test result is confirmed, he could lose his seat on the council.\n\n" + FILLER,
        "The Ostvale mayor could lose his seat on the council if the test result holds, a council clerk said.\n\n"
        + FILLER,
    )
    found = verdicts(story, "If the Ostvale mayor's test result is confirmed, he could lose his seat on the council.")
    assert found == {"d1": STATES, "d2": STATES}


@pytest.mark.parametrize(
    "text, outcomes",
    [
        ("Four people on the ground and all 109 people in the plane were killed.", ["dead", "dead"]),
        ("Twelve Americans and 200 Kenyans were killed.", ["dead", "dead"]),  # a named group
        ("He said 5 cars and 12 people were injured in the crash.", [None, "injured"]),  # cars are not hurt
        ("Two Polish women were among the four people killed on the ground.", [None, "dead"]),  # no joined subjects
    ],
)
def test_counts_joined_as_one_subject_share_its_verb(text, outcomes):
    from chorus.align.values import numbers_in, shared_outcomes

    assert [n.outcome for n in shared_outcomes(numbers_in(text), text)] == outcomes


@pytest.mark.parametrize(
    "text, outcome",
    [
        # What is said of the counted people after them comes first: not the clause before's "charged".
        (
            "Two men were formally charged Sept. 21 in the bombing in which 11 people, all Africans, were killed.",
            "dead",
        ),
        ("The bombing, in which 11 people, all Africans, died, was condemned.", "dead"),
        ("Two men were charged with killing 11 people in the bombing.", "dead"),
    ],
)
def test_the_outcome_after_an_apposition_is_the_counted_peoples(text, outcome):
    from chorus.align.values import numbers_in

    assert [n.outcome for n in numbers_in(text) if n.high == 11] == [outcome]


def test_counts_aboard_or_on_the_ground_are_parts():
    from chorus.align.values import numbers_in

    found = numbers_in("The crash killed 113 people: all 109 people in the plane and four on the ground.")
    assert [(n.text.strip(), n.part) for n in found] == [("113", None), ("109", "aboard"), ("four", "ground")]
    assert [n.part for n in numbers_in("The crash killed all 217 aboard.")] == ["aboard"]
    assert [n.part for n in numbers_in("About 1,200 people in Marrowick left their homes.")] == [None]


def test_the_size_of_the_set_a_thing_is_one_of_is_background():
    story = story_of(
        "The Norrvik reserve is one of a handful of 552 heritage sites listed for both its wildlife and its "
        "rock paintings.\n\n" + FILLER,
        "The Norrvik reserve is one of a handful listed for both its wildlife and its rock paintings.\n\n" + FILLER,
        # The claim's own figure is still required where it is the claim's: what the reserve covers.
        "The Norrvik reserve covers 552 square miles of wildlife and rock paintings.\n\n" + FILLER,
    )
    aligner = aligner_of(story)
    assert [v.verdict for v in aligner.check(aligner.claim_of_sentence(0)).articles] == [STATES, STATES, SILENT]
    covers = aligner.check("The Norrvik reserve covers 600 square miles of wildlife and rock paintings.")
    assert covers.stating == [] and covers.contradicting == [2]


CREW = [
    "The whaling crew members are also training together. They hope to hunt in the spring.\n\n" + FILLER,
    # Shares only "members" and a word for people ("men" for "crew").
    "The Cobras are a gang of young men whose members battle their rivals on the east side.\n\n" + FILLER,
    "Members of the whaling crew have been training together for weeks.\n\n" + FILLER,
    # Whaling and training told often: the claim's own words are common, "members" and "men" weigh more.
    *["Whaling boats left the harbour. Training went on.\n\n" + FILLER] * 3,
]


def test_a_short_claim_is_not_stated_by_one_common_word_and_any_word_for_people():
    found = verdicts(story_of(*CREW), "The whaling crew members are also training together.")
    assert (found["d1"], found["d2"], found["d3"]) == (STATES, SILENT, STATES)


GROWTH = [
    "The tribe now counts 9,000 members. This is up from around 3,000 just seven years ago.\n\n" + FILLER,
    # Shares only "years ago".
    "The museum on the hill closed two years ago and has not reopened.\n\n" + FILLER,
    "Membership has risen to 9,000, up from about 3,000 seven years ago.\n\n" + FILLER,
    "Membership has risen to 9,000, up from about 5,000 seven years ago.\n\n" + FILLER,
]


def test_a_claim_that_gives_only_an_earlier_figure_is_stated_by_that_figure_not_by_years_ago():
    found = verdicts(story_of(*GROWTH), "This is up from around 3,000 just seven years ago.")
    assert found["d1"] == STATES and found["d3"] == STATES
    assert found["d2"] == SILENT and found["d4"] != STATES


def test_a_plan_is_told_by_the_verb_after_its_word_of_planning_and_only_as_a_plan():
    story = story_of(
        "The Ostvale mayor is scheduled to sign the budget agreement with the union on Monday.\n\n" + FILLER,
        # The planned act in other words for the plan: "will sign", "is ready to sign".
        "The Ostvale mayor will sign the budget agreement with the union on Monday, aides said.\n\n" + FILLER,
        "The Ostvale mayor is ready to sign the budget agreement with the union on Monday.\n\n" + FILLER,
        # Not a plan of it: a refusal, and the act of another verb.
        "The Ostvale mayor refused to sign the budget agreement with the union on Monday.\n\n" + FILLER,
        "The Ostvale mayor criticised the budget agreement with the union on Monday.\n\n" + FILLER,
        # The act named by its noun: as a plan ("will"), and as done.
        "The signing of the budget agreement by the Ostvale mayor and the union will be on Monday.\n\n" + FILLER,
        "The signing of the budget agreement by the Ostvale mayor and the union was on Monday.\n\n" + FILLER,
    )
    found = verdicts(story, "The Ostvale mayor is scheduled to sign the budget agreement with the union on Monday.")
    assert found == {"d1": STATES, "d2": STATES, "d3": STATES, "d4": SILENT, "d5": SILENT, "d6": STATES, "d7": SILENT}


@pytest.mark.parametrize(
    ("claim", "paraphrase", "other_claim"),
    [
        # setting off a reaction
        (
            "The closure of the Ostvale steelworks provoked a national debate about jobs.",
            "The closure of the Ostvale steelworks sparked a national debate about jobs.",
            "The closure of the Ostvale steelworks ended a national debate about jobs.",
        ),
        # handing over what is someone's from then on
        (
            "The aunt was granted temporary custody of the Ostvale twins by the family court.",
            "The aunt was given temporary custody of the Ostvale twins by the family court.",
            "The aunt was denied temporary custody of the Ostvale twins by the family court.",
        ),
        # keeping something as it is
        (
            "The Ostvale dairy maintained its grip on the regional cheese market for a decade.",
            "The Ostvale dairy kept its grip on the regional cheese market for a decade.",
            "The Ostvale dairy lost its grip on the regional cheese market for a decade.",
        ),
    ],
)
def test_words_for_one_act_state_a_claim_and_another_act_on_the_same_things_does_not(claim, paraphrase, other_claim):
    story = story_of(claim + "\n\n" + FILLER, paraphrase + "\n\n" + FILLER, other_claim + "\n\n" + FILLER)
    assert verdicts(story, claim) == {"d1": STATES, "d2": STATES, "d3": SILENT}


def test_a_verb_printed_only_in_a_name_is_no_act():
    claim = "The Vandermolen family appealed to the Northern Court of Appeals in Ostvale on Monday."
    story = story_of(
        claim + "\n\n" + FILLER,
        # the court's name holds the word: the court acts, no one appeals
        "The Northern Court of Appeals in Ostvale rejected a request by the Vandermolen family on Monday.\n\n" + FILLER,
        # the act in lower case, as a noun
        "The Vandermolen family lodged an appeal with the Northern Court of Appeals in Ostvale on Monday.\n\n" + FILLER,
    )
    assert verdicts(story, claim) == {"d1": STATES, "d2": SILENT, "d3": STATES}


def test_a_word_in_ed_that_describes_a_thing_is_not_the_claims_verb():
    claim = "Thousands of frightened residents streamed into the parks of Ostvale after the earthquake."
    motivated = "The racially motivated attack on the Ostvale mosque shamed the town."
    story = story_of(
        claim + "\n\n" + FILLER + "\n\n" + motivated,
        "Thousands of frightened residents streamed into Ostvale's parks after the earthquake.\n\n" + FILLER,
        # the same frightened residents, another act
        "Thousands of frightened residents stayed away from the parks of Ostvale after the earthquake.\n\n" + FILLER,
    )
    aligner = aligner_of(story)
    assert aligner.claim_of_text(claim).verb_stems == {"stream"}  # not "frighten"
    assert verdicts(story, claim) == {"d1": STATES, "d2": STATES, "d3": SILENT}
    # after a determiner and an adverb in -ly too: "the racially motivated killing ... shamed"
    assert aligner.claim_of_text(motivated).verb_stems == {"shame"}


def test_no_one_with_a_hyphen_says_no():
    claim = "No one has been charged with the Ostvale warehouse arson."
    story = story_of(
        claim + "\n\n" + FILLER,
        "No-one has been charged with the Ostvale warehouse arson.\n\n" + FILLER,
        "Two men have been charged with the Ostvale warehouse arson.\n\n" + FILLER,
    )
    assert verdicts(story, claim) == {"d1": STATES, "d2": STATES, "d3": SILENT}


def test_an_open_bound_confirms_a_figure_near_it_and_not_one_far_beyond_it():
    story = story_of(
        "Rebels say 550 civilians have died in the Ostvale raids since March.\n\n" + FILLER,
        # A bound near the figure tells it; one far below it says less than the claim (and is no dispute).
        "More than 500 civilians have died in the Ostvale raids since March, rebels say.\n\n" + FILLER,
        "At least 31 civilians have died in the Ostvale raids since March, rebels say.\n\n" + FILLER,
        "Rebels say about 520 civilians have died in the Ostvale raids since March.\n\n" + FILLER,
    )
    assert verdicts(story, "Rebels say 550 civilians have died in the Ostvale raids since March.") == {
        "d1": STATES,
        "d2": STATES,
        "d3": SILENT,
        "d4": STATES,
    }
    # The other way, a claim's bound is entailed by a figure far beyond it.
    assert (
        verdicts(story, "At least 31 civilians have died in the Ostvale raids since March, rebels say.")["d1"] == STATES
    )


def test_an_irregular_participle_after_be_is_the_claims_verb_and_a_plan_of_it_does_not_state_it():
    story = story_of(
        "Mayor Anna Petrov, who resigned from the council last week, was sworn in as mayor of Ostvale on Wednesday.\n\n"
        + FILLER,
        # The act, and a plan of it in a relative clause.
        "Anna Petrov was sworn in as mayor of Ostvale on Wednesday at the town hall.\n\n" + FILLER,
        "Anna Petrov, who will be sworn in as mayor of Ostvale on Wednesday, thanked the voters.\n\n" + FILLER,
    )
    found = verdicts(
        story,
        "Mayor Anna Petrov, who resigned from the council last week, was sworn in as mayor of Ostvale on Wednesday.",
    )
    assert found == {"d1": STATES, "d2": STATES, "d3": SILENT}


# --- the audit of session s15: false *states* verdicts ------------------------------------------


def test_a_claim_s_hour_is_compared_with_each_of_the_several_the_evidence_gives():
    # The evidence gives two hours (and a day), neither the claim's: it does not tell the claim.
    story = story_of(
        "The blaze at the Tessel grain silo began at about 2 a.m. and was put out at 6 a.m. on Sunday, "
        "the county fire service said.\n\n" + FILLER,
        "Crews fought the silo blaze in Tessel through the night.\n\n" + FILLER,
    )
    assert verdicts(story, "The blaze at the Tessel grain silo began at 10 p.m.")["d1"] != STATES
    assert verdicts(story, "The blaze at the Tessel grain silo was put out at 9 a.m. on Sunday.")["d1"] != STATES
    # One of its hours is the claim's: it still states it.
    assert verdicts(story, "The blaze at the Tessel grain silo began at about 2 a.m.")["d1"] == STATES


def test_a_count_told_with_its_outcome_is_not_stated_by_the_same_count_with_another():
    story = story_of(
        "Two lifeguards suffered cuts during the rescue at Brellin beach on Saturday.\n\n" + FILLER,
        "Two lifeguards were killed during the rescue at Brellin beach on Saturday.\n\n" + FILLER,
    )
    found = verdicts(story, "Two lifeguards died during the rescue at Brellin beach on Saturday.")
    assert found["d1"] != STATES and found["d2"] == STATES  # cuts are not deaths


def test_a_pair_whose_no_is_of_someone_else_does_not_state_a_negated_claim():
    story = story_of(
        "Four miners suffered bruises in the rockfall at the Carrow pit. No visitors were hurt.\n\n" + FILLER,
        "No miners were hurt in the rockfall at the Carrow pit, the mine's owner said.\n\n" + FILLER,
    )
    found = verdicts(story, "No miners were hurt in the rockfall at the Carrow pit.")
    assert found["d1"] != STATES and found["d2"] == STATES


def test_an_act_refused_is_not_stated():
    story = story_of(
        "The Orvan union is criticised over its refusal to sign the wage accord, attend the talks or end "
        "the strike at the Pellick docks.\n\n" + FILLER,
        "The Orvan union signed the wage accord at the Pellick docks on Tuesday.\n\n" + FILLER,
    )
    found = verdicts(story, "The Orvan union signed the wage accord at the Pellick docks.")
    assert found["d1"] != STATES and found["d2"] == STATES
    assert verdicts(story, "The Orvan union refused to sign the wage accord at the Pellick docks.")["d1"] == STATES


def test_a_year_the_claim_s_act_is_dated_by_is_not_stated_by_evidence_without_it():
    story = story_of(
        "The Pellick council invited Ilse Varga to visit Pellick, and Varga accepted.\n\n" + FILLER,
        "Ilse Varga last visited Pellick in 2009, when the two towns signed a twinning pact.\n\n" + FILLER,
    )
    found = verdicts(story, "Ilse Varga last visited Pellick in 2009.")
    assert found["d1"] != STATES and found["d2"] == STATES


def test_a_meeting_the_article_sets_elsewhere_is_not_stated_by_its_sentences_without_a_place():
    story = story_of(
        "Foreign Minister Anna Brask met opposition leader Tomas Vell in Harlport on Monday. During the "
        "meeting, Brask and Vell discussed the disputed election.\n\n" + FILLER,
        "In their meeting, Brask and Vell discussed the disputed election, officials said.\n\n" + FILLER,
    )
    found = verdicts(story, "Brask met Vell in Ostmark.")
    assert found["d1"] != STATES
    assert found["d2"] == STATES  # an article that sets the meeting nowhere may not tell where it was


def test_a_refusal_claim_is_stated_only_by_a_refusal_of_the_same_act():
    # The act refused ("to meet") is the claim's verb; the refusal is its "no": another act refused, or
    # the act done, does not state it (the Lavrov example's "Russia refused to meet Hamas").
    story = story_of(
        "The Varn foreign minister met the Ostland envoy in Pellick on Monday and invited him to visit.\n\n" + FILLER,
        "The Ostland envoy's movement is shunned over its refusal to recognise the Pellick treaty.\n\n" + FILLER,
        "Varn refused to meet the Ostland envoy in Pellick on Monday, the ministry said.\n\n" + FILLER,
    )
    found = verdicts(story, "Varn refused to meet the Ostland envoy.")
    assert found == {"d1": SILENT, "d2": SILENT, "d3": STATES}


def test_an_act_under_a_condition_is_not_stated_as_done():
    story = story_of(
        "The boy's great-uncle asked the Tarnby family court for temporary custody of the boy on Monday. If the "
        "court grants the petition, the great-uncle plans to seek asylum for him.\n\n" + FILLER,
        "The Tarnby family court granted the boy's great-uncle temporary custody of the boy on Monday.\n\n" + FILLER,
    )
    found = verdicts(story, "The Tarnby family court granted the great-uncle temporary custody of the boy.")
    assert found == {"d1": SILENT, "d2": STATES}


def test_what_someone_was_called_on_to_do_is_the_claims_act_and_a_refusal_of_it_does_not_state_it():
    story = story_of(
        "The Ostvale mayor refused to resign on Monday, despite the inquiry's findings, the residents said.\n\n"
        + FILLER,
        "Ostvale residents have called for the mayor to resign after the inquiry.\n\n" + FILLER,
    )
    found = verdicts(story, "The Ostvale residents have called for the mayor to resign.")
    assert found == {"d1": SILENT, "d2": STATES}
