"""Conflicts between outlets (chorus.analysis.conflicts, chorus.align.roles): one entry per disputed
quantity, each value with the outlets that give it; each kind and each thing that is no conflict
pinned on a small cluster written for it."""

from __future__ import annotations

import chorus
from chorus.align.values import numbers_in
from conftest import OTHER_NEWS


def report(*texts: str, published: list[str] | None = None):
    docs = [{"text": t + "\n\n" + OTHER_NEWS[k], "id": f"d{k + 1}"} for k, t in enumerate(texts)]
    for doc, day in zip(docs, published or []):
        doc["published"] = day
    return chorus.report(docs)


def values(conflict) -> list[tuple[str, tuple[int, ...]]]:
    return [(v.value, v.doc_indexes) for v in conflict.values]


def test_a_magnitude_told_in_two_unlike_sentences_is_one_conflict_with_every_outlet():
    found = report(
        "At least 600 people died and thousands were hurt in the 6.7-degree earthquake which ripped through "
        "western Velmar at 3 a.m.",
        "The earthquake, measuring 7.4 on the open-ended Richter scale, hit Velmar at 3:02 a.m. on Tuesday.",
        "Rescuers in Velmar dug through the rubble of the magnitude 7.4 quake all night.",
        "Aid flights reached Velmar two days after the 7.4 magnitude quake.",
    )
    (conflict,) = found.conflicts
    assert conflict.kind == "number" and not conflict.over_time
    assert values(conflict) == [("7.4", (1, 2, 3)), ("6.7", (0,))]


def test_a_distance_in_miles_and_one_in_kilometres_are_compared_converted():
    found = report(
        "The epicenter of the quake was near Korsk, about 55 miles east of Velmar.",
        "The quake's epicenter was about 130 kilometers southeast of Velmar, near the industrial city of Korsk.",
        "The quake struck near Korsk, some 55 miles east of Velmar, before dawn.",
        # The same distance in two units: one figure, no dispute of itself.
        "Korsk lies 13 miles (21 km) from the coast, and the quake was felt there too.",
    )
    (conflict,) = found.conflicts
    assert values(conflict) == [("about 55", (0, 2)), ("about 130", (1,))]


def test_a_rank_is_disputed_by_another_rank_of_the_same_thing():
    found = report(
        "Tarnby is the ninth-largest container port in Europe, the port authority said on Monday.",
        "Tarnby is the eighth-largest container port in Europe, the port authority said.",
    )
    assert [(c.kind, sorted(v.value.split()[0] for v in c.values)) for c in found.conflicts] == [
        ("rank", ["eighth-largest", "ninth-largest"])
    ]


def test_a_day_is_disputed_and_the_day_a_source_spoke_is_not():
    found = report(
        "The ferry Marit sank off the coast of Tarnby on Tuesday, killing four crew members.",
        "The ferry Marit sank off the coast of Tarnby on Wednesday, killing four crew members.",
        "The ferry Marit sank off the coast of Tarnby on Tuesday, killing four crew members, police said Thursday.",
    )
    assert [(c.kind, sorted(v.value for v in c.values)) for c in found.conflicts] == [
        ("weekday", ["Tuesday", "Wednesday"])
    ]


def test_an_age_is_one_conflict_per_person():
    found = report(
        "Aaron Velko, 22, was charged on Friday with the robbery of a bank in Tarnby.",
        "Police said a 21-year-old Aaron Velko was arrested near the bank on Friday morning.",
    )
    assert [(c.kind, values(c)) for c in found.conflicts] == [("age", [("22", (0,)), ("21", (1,))])]


def test_a_toll_for_one_place_is_no_dispute_of_a_toll_for_another_or_of_the_total():
    found = report(
        "The blast at the embassy in Velmar killed 11 people and wounded 70 others.",
        "A nearly simultaneous blast at the embassy in Velmar killed 10 people, the police said.",
        "In neighbouring Ostria, the bombing of the embassy in Karsk killed 213 people.",
        "The twin bombings of the embassies killed 224 people.",
    )
    assert [sorted(v.value for v in c.values) for c in found.conflicts] == [["10", "11"]]


def test_an_outlet_correcting_itself_is_no_conflict():
    found = report(
        "The geological survey said the quake had a preliminary magnitude of 7.8, but downgraded that to 7.4, "
        "one of the strongest in Velmar this century.",
        "The earthquake, measuring 7.4 on the Richter scale, hit Velmar at 3:02 a.m. on Tuesday.",
    )
    assert found.conflicts == []
    preliminary = numbers_in("The survey said the quake had a preliminary magnitude of 7.8, but downgraded that to 7.4.")[0]
    assert preliminary.text == "7.8" and preliminary.superseded


def test_a_count_of_many_outlets_is_one_entry_in_any_wording():
    low = [
        "A gas leak in Tarnby forced about 1,200 residents from their homes on Tuesday night.",
        "About 1,200 people were evacuated from their homes in Tarnby after a gas leak on Tuesday night.",
        "Firefighters said the leak in Tarnby led to the evacuation of about 1,200 people from their homes.",
    ]
    high = "More than 1,500 people were told to leave their homes in Tarnby on Tuesday night after a gas leak."
    found = report(*(low * 2), high, high.replace("Tuesday night", "Tuesday evening"))
    (conflict,) = found.conflicts
    given = {v.value: len(v.doc_indexes) for v in conflict.values}
    assert set(given) == {"about 1,200", "more than 1,500"}
    assert given["more than 1,500"] == 2 and given["about 1,200"] >= 4  # (the third wording is not always matched)


def test_copies_of_one_story_do_not_dispute_each_other():
    wire = (
        "A fire at a chemical warehouse in Marrowick forced more than 1,500 residents from their homes on Tuesday "
        "night. Three firefighters were treated for minor burns. The fire service said the blaze was under control "
        "by 4 a.m. and that the cause was not yet known."
    )
    edited = wire.replace("more than 1,500", "about 1,200")  # a re-send with one figure changed
    assert report(wire, edited).conflicts == []


def test_a_count_that_rises_with_the_days_is_an_update_in_the_order_of_the_days():
    found = report(
        "The death toll from the earthquake in Velmar has risen to 7,085, with 33,559 injured, officials said.",
        "At least 10,059 people have been killed and 45,000 injured in the earthquake in Velmar, officials said.",
        "Some 45,000 people were injured in the Velmar earthquake, the crisis center said on Saturday.",
        published=["1999-08-20", "1999-08-21", "1999-08-21"],
    )
    assert found.conflicts and all(c.over_time for c in found.conflicts)
    injured = next(c for c in found.conflicts if any("45,000" in v.value for v in c.values))
    assert injured.values[0].value == "33,559" and injured.values[0].doc_indexes == (0,)  # the earlier day first
    assert "45,000" in injured.values[-1].value and 0 not in injured.values[-1].doc_indexes


def test_two_events_of_a_kind_are_no_conflict():
    found = report(
        "The Lauda Air crash in Thailand killed all 223 people on board.",
        "Investigators studied the recorder of EgyptAir Flight 990, which crashed with 217 people on board.",
        # A part of a group, and a total over a span.
        "Three of the suspects in the Tarnby killing cannot be charged again.",
        "The five men suspected of the Tarnby killing were pelted with bottles on Tuesday.",
    )
    assert found.conflicts == []
