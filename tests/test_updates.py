"""One rule for updates and conflicts everywhere (chorus.align.updates; benchmarks/claims/PROTOCOL.md,
"Updates and conflicts"): a summary sentence's citation in every format, the report's facts and
conflicts, and ``chorus check`` call one pair of figures the same thing, each pinned on a small
cluster written for it."""

from __future__ import annotations

import json

import chorus
from chorus.align.values import numbers_in
from chorus.render import render_check
from chorus.render.check import check_to_dict
from chorus.render.html import render_html
from chorus.render.json import summary_to_dict
from chorus.render.markdown import render_markdown
from chorus.render.report_json import report_to_dict
from chorus.render.text import citation
from chorus.render.wording import OTHER_VALUE, other_value
from conftest import EXAMPLE, OTHER_NEWS

TOLL_FRIDAY = "The death toll from the earthquake in Velmar has risen to 7,085, officials said on Friday."
TOLL_HIGHER = "More than 10,000 people were killed in the earthquake in Velmar, officials said on Friday."


def documents(texts, days, outlets=None) -> list[dict]:
    docs = [
        {"text": t + "\n\n" + OTHER_NEWS[k], "id": f"d{k + 1}", "published": day}
        for k, (t, day) in enumerate(zip(texts, days))
    ]
    for doc, outlet in zip(docs, outlets or []):
        doc["outlet"] = outlet
    return docs


def toll_sentence(report):
    """The summary's sentence that gives a toll, and the fact that holds it."""
    sentence = next(s for s in report.summary.sentences if "Velmar" in s.text)
    fact = next(f for f in report.facts if sentence.origin.index in f.sentences)
    return sentence, fact


def centre_doc(report, fact) -> int:
    return report.story.sentences[fact.centre].doc_index


def check_of(claim: str, docs) -> dict:
    return check_to_dict(chorus.check(claim, docs))


def test_a_toll_a_day_later_is_an_update_in_the_bracket_the_report_and_the_check():
    docs = documents([TOLL_FRIDAY, TOLL_HIGHER], ["1999-08-20", "1999-08-21"])
    report = chorus.report(docs)
    # The report: no conflict, one update.
    assert report.conflicts == [] and len(report.updates) == 1
    sentence, fact = toll_sentence(report)
    later, earlier = sentence.origin.doc_index, 1 - sentence.origin.doc_index
    # The citation, in every format: an update, not "says".
    (shown,) = sentence.contradictions
    assert shown.update == ("earlier" if later == 1 else "later") and sentence.disputes == ()
    bracket = citation(sentence)
    assert other_value(str(earlier + 1), shown.values[0][2], shown.update) in bracket and " says " not in bracket
    data = summary_to_dict(report.summary)["sentences"][report.summary.sentences.index(sentence)]
    assert data["contradicted_by"] == [] and [u["when"] for u in data["updated_by"]] == [shown.update]
    assert f"[{earlier + 1}] " in render_markdown(report.summary).split("updated: ", 1)[1]
    assert OTHER_VALUE[shown.update] in render_html(report.summary)
    # The facts: the other outlet updates the fact, it does not dispute it.
    updating = 1 - centre_doc(report, fact)
    assert fact.disputing == [] and fact.updating == [updating]
    assert report_to_dict(report)["facts"][report.facts.index(fact)]["updating"] == [f"d{updating + 1}"]
    # The check, both ways round.
    for claim, stating, when in ((TOLL_HIGHER, "d2", "earlier"), (TOLL_FRIDAY, "d1", "later")):
        verdicts = {a["document"]: (a["verdict"], a["when"]) for a in check_of(claim, docs)["articles"]}
        other = "d1" if stating == "d2" else "d2"
        assert verdicts[stating] == ("states", None) and verdicts[other] == ("updates", when)
    answer = check_of(TOLL_HIGHER, docs)
    assert answer["contradicting"] == 0 and answer["updating"] == 1
    assert "updates " in render_check(chorus.check(TOLL_HIGHER, docs))


def test_two_outlets_tolls_of_one_day_are_a_conflict_in_the_bracket_the_report_and_the_check():
    docs = documents([TOLL_FRIDAY, TOLL_HIGHER], ["1999-08-20", "1999-08-20"])
    report = chorus.report(docs)
    assert len(report.conflicts) == 1 and report.updates == []
    sentence, fact = toll_sentence(report)
    other = 1 - sentence.origin.doc_index
    (shown,) = sentence.contradictions
    assert shown.update == "" and sentence.updates == ()
    assert f"{other + 1} says " in citation(sentence)
    data = summary_to_dict(report.summary)["sentences"][report.summary.sentences.index(sentence)]
    assert len(data["contradicted_by"]) == 1 and data["updated_by"] == []
    assert fact.disputing == [1 - centre_doc(report, fact)] and fact.updating == []
    answer = check_of(TOLL_HIGHER, docs)
    assert [a["verdict"] for a in answer["articles"]] == ["contradicts", "states"]
    assert answer["contradicting"] == 1 and answer["updating"] == 0


def test_a_later_lower_toll_of_another_outlet_stays_a_conflict_and_of_the_same_outlet_is_its_correction():
    texts = (
        "The bombing of the embassy in Velmar on Friday killed 258 people, the police said.",
        "The bombing of the embassy in Velmar on Friday killed 257 people, the police said.",
    )
    claim = texts[1]
    days = ["1998-09-05", "1998-09-11"]
    # Two outlets, the lower toll later: the dead are not revived, a dispute everywhere.
    two = documents(texts, days, ["Velmar Wire", "Tarnby Post"])
    report = chorus.report(two)
    assert len(report.conflicts) == 1 and report.updates == []
    assert [a["verdict"] for a in check_of(claim, two)["articles"]] == ["contradicts", "states"]
    sentence, _ = toll_sentence(report)
    assert [c.update for c in sentence.contradictions] == [""]
    # One outlet's two articles: its own correction, no conflict, and shown as its update.
    own = documents(texts, days, ["Velmar Wire", "Velmar Wire"])
    report = chorus.report(own)
    assert report.conflicts == []
    answer = check_of(claim, own)
    assert [(a["verdict"], a["when"]) for a in answer["articles"]] == [("updates", "earlier"), ("states", None)]
    sentence, fact = toll_sentence(report)
    assert [c.update for c in sentence.contradictions] in (["earlier"], ["later"]) and fact.disputing == []
    # The same outlet the same day: its revision (no day to put first).
    same_day = documents(texts, ["1998-09-05", "1998-09-05"], ["Velmar Wire", "Velmar Wire"])
    assert [a["when"] for a in check_of(claim, same_day)["articles"]] == ["revised", None]


def test_a_settled_figure_or_an_undated_article_is_not_read_by_the_days():
    # Not a count of what happened to people: a conflict whatever the days.
    texts = (
        "The submarine Kursk had a crew of 118 when it sank in the Barents Sea, the navy said.",
        "The submarine Kursk had a crew of 116 when it sank in the Barents Sea, the navy said.",
    )
    answer = check_of(texts[1], documents(texts, ["2000-08-14", "2000-08-16"]))
    assert [a["verdict"] for a in answer["articles"]] == ["contradicts", "states"]
    # An undated article: the days cannot tell.
    undated = [
        {"text": t + "\n\n" + OTHER_NEWS[k], "id": f"d{k + 1}"} for k, t in enumerate([TOLL_FRIDAY, TOLL_HIGHER])
    ]
    answer = check_of(TOLL_HIGHER, undated)
    assert [a["verdict"] for a in answer["articles"]] == ["contradicts", "states"]
    assert json.loads(render_check(chorus.check(TOLL_HIGHER, undated), "json"))["updating"] == 0


EVACUATED_EARLY = "More than 1,500 people were evacuated from the harbour district of Tarnby on Tuesday night."
EVACUATED_LATE = "About 1,200 people were evacuated from the harbour district of Tarnby on Tuesday night."


def test_a_later_lower_count_of_those_made_to_leave_is_a_conflict_and_of_those_still_away_an_update():
    days = ["2024-03-12", "2024-03-13"]
    # Those made to leave on one night were made to leave: the next day's lower count disputes it.
    report = chorus.report(documents([EVACUATED_EARLY, EVACUATED_LATE], days, ["Tarnby Radio", "Harbour Post"]))
    assert len(report.conflicts) == 1 and report.updates == []
    answer = check_of(EVACUATED_LATE, documents([EVACUATED_EARLY, EVACUATED_LATE], days))
    assert [a["verdict"] for a in answer["articles"]] == ["contradicts", "states"]
    # Those still away from their homes go back: a later lower count of them is an update.
    still = (
        "More than 1,500 people remain evacuated from the harbour district of Tarnby after the gas leak.",
        "About 1,200 people remain evacuated from the harbour district of Tarnby after the gas leak.",
    )
    report = chorus.report(documents(still, days, ["Tarnby Radio", "Harbour Post"]))
    assert report.conflicts == [] and len(report.updates) == 1


def test_the_harbor_fire_evacuation_stays_a_conflict_with_every_outlet_dated():
    # Every article of the example is dated (WireNow's "13 March 2024 06:30 GMT" too): the radio's
    # 1,500 of Tuesday 23:05 and the others' 1,200 of Wednesday are read by the days, and those made to
    # leave that night are a count that only grows, so the lower figure later is a dispute.
    report = chorus.report(sorted(EXAMPLE.iterdir()))
    assert all(d.published for d in report.story.documents)
    [conflict] = report.conflicts
    assert report.updates == []
    assert {v.value: [d + 1 for d in v.doc_indexes] for v in conflict.values} == {
        "about 1,200": [1, 3, 4, 5],
        "more than 1,500": [2],
    }


def test_what_happened_to_those_counted_is_read_past_where_they_were():
    # The outbreak's five dead in September, seven in the next summer's articles: an update, though one
    # of the later sentences tells the deaths five words after the figure ("seven people in the New
    # York area died"); read as no count of the dead, it had made the pair a dispute.
    from chorus.align.updates import read_by_days
    from chorus.pipeline import build_story, load_documents

    texts = (
        "The virus has killed five people in the New York City area, health officials said.",
        "Last year the virus killed seven people in the New York area, health officials said.",
        "Last year, a total of seven people in the New York area died of the virus.",
    )
    [n] = numbers_in(texts[2])
    assert n.outcome == "dead"
    docs = documents(texts, ["1999-09-30", "2000-07-31", "2000-08-01"], ["Wire", "Times", "Post"])
    story = build_story(load_documents(docs))
    first = [next(s.index for s in story.sentences_of(d) if "seven" in s.text or "five" in s.text) for d in range(3)]
    reading = read_by_days(story, [("five", [0], [first[0]]), ("seven", [1, 2], first[1:])])
    assert reading is not None and reading.changed and not reading.disputed


def test_a_standing_count_is_told_by_a_word_of_the_figures_own_phrase():
    from chorus.align.updates import standing

    def of(text: str, figure: str) -> bool:
        [n] = [n for n in numbers_in(text) if figure in n.text]
        return standing(text, n)

    assert of("About 1,200 people remain evacuated from the harbour district.", "1,200")
    assert of("The remaining 300 evacuees were allowed home on Friday.", "300")
    assert not of("It remains to be seen whether the crash, which killed 114 people, ends the jet.", "114")
    assert not of("The fire forced the evacuation of about 1,200 people on Tuesday night.", "1,200")
