"""Conflicts between outlets (chorus.analysis.conflicts, chorus.align.roles): one entry per disputed
quantity, each value with the outlets that give it; each kind and each thing that is no conflict
pinned on a small cluster written for it."""

from __future__ import annotations

import chorus
from chorus.align.values import numbers_in
from chorus.render.report_json import report_to_dict
from chorus.render.report_markdown import render_report_markdown
from chorus.render.wording import SECTIONS
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
    assert values(conflict) == [("about 55 miles", (0, 2)), ("about 130 kilometers", (1,))]


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
    preliminary = numbers_in(
        "The survey said the quake had a preliminary magnitude of 7.8, but downgraded that to 7.4."
    )[0]
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
    # Updates, not disputes: listed apart (``Report.updates``), never among the conflicts.
    assert found.conflicts == [] and found.updates and all(c.over_time for c in found.updates)
    injured = next(c for c in found.updates if any("45,000" in v.value for v in c.values))
    assert injured.values[0].value == "33,559" and injured.values[0].doc_indexes == (0,)  # the earlier day first
    assert "45,000" in injured.values[-1].value and 0 not in injured.values[-1].doc_indexes


TOLL_FRIDAY = "The death toll from the earthquake in Velmar has risen to 7,085, officials said on Friday."
TOLL_HIGHER = "More than 10,000 people were killed in the earthquake in Velmar, officials said on Friday."


def test_two_outlets_tolls_of_one_day_that_differ_are_a_conflict_not_an_update():
    found = report(TOLL_FRIDAY, TOLL_HIGHER, published=["1999-08-20", "1999-08-20"])
    assert [sorted(v.value for v in c.values) for c in found.conflicts] == [["7,085", "more than 10,000"]]
    assert found.updates == [] and not found.conflicts[0].over_time
    # The same two articles a day apart, the higher one later: an update.
    later = report(TOLL_FRIDAY, TOLL_HIGHER, published=["1999-08-20", "1999-08-21"])
    assert later.conflicts == [] and [[v.value for v in c.values] for c in later.updates] == [
        ["7,085", "more than 10,000"]
    ]


def test_an_update_is_listed_apart_from_the_conflicts_in_the_markdown_and_the_json():
    later = report(TOLL_FRIDAY, TOLL_HIGHER, published=["1999-08-20", "1999-08-21"])
    text = render_report_markdown(later)
    conflicts = text[text.index("Conflicts") :]
    assert SECTIONS["conflicts"]["empty"] in conflicts  # no dispute
    assert SECTIONS["conflicts"]["updates"] in conflicts and "**7,085** [1] · **more than 10,000** [2]" in conflicts
    data = report_to_dict(later)
    assert data["conflicts"] == [] and [[v["value"] for v in c["values"]] for c in data["updates"]] == [
        ["7,085", "more than 10,000"]
    ]


def test_a_later_lower_count_of_the_dead_is_a_conflict_and_of_the_missing_an_update():
    # The dead are not revived: a later article's lower toll disputes the earlier one.
    dead = report(TOLL_HIGHER, TOLL_FRIDAY, published=["1999-08-20", "1999-08-22"])
    assert [sorted(v.value for v in c.values) for c in dead.conflicts] == [["7,085", "more than 10,000"]]
    assert dead.updates == [] and not dead.conflicts[0].over_time  # (a falling toll was an update before)
    # The missing are found: fewer of them later is an update.
    missing = report(
        "More than 1,500 people were missing after the earthquake in Velmar, officials said.",
        "About 1,200 people were missing after the earthquake in Velmar, officials said.",
        published=["1999-08-20", "1999-08-22"],
    )
    assert missing.conflicts == []
    assert [[v.value for v in c.values] for c in missing.updates] == [["more than 1,500", "about 1,200"]]


def test_a_first_count_every_later_outlet_only_raised_is_no_side_of_a_later_dispute():
    found = report(
        "The bombing in Velmar killed at least 150 people, police said.",
        "The death toll from the bombing in Velmar has risen to 253, police said.",
        "The bombing in Velmar killed 247 people, police said.",
        published=["1998-08-08", "1998-08-21", "1998-08-26"],
    )
    # Xinhua-like 253, then a lower 247 by another outlet: a dispute; the first day's 150 is neither side.
    assert [sorted(v.value for v in c.values) for c in found.conflicts] == [["247", "253"]]
    assert found.updates == [] and not found.conflicts[0].over_time


def test_two_events_of_a_kind_are_no_conflict():
    found = report(
        "The Lauda Air crash in Thailand killed all 223 people on board.",
        "Investigators studied the recorder of EgyptAir Flight 990, which crashed with 217 people on board.",
        # A part of a group, and a total over a span.
        "Three of the suspects in the Tarnby killing cannot be charged again.",
        "The five men suspected of the Tarnby killing were pelted with bottles on Tuesday.",
    )
    assert found.conflicts == []


def test_the_hour_of_one_event_is_disputed_in_unlike_sentences_and_a_rounded_or_hedged_hour_is_not():
    found = report(
        "At least 600 people died in the earthquake which ripped through western Velmar at 3:00 a.m.",
        "The earthquake, measuring 7.4 on the Richter scale, hit Velmar at 3:02 a.m. and lasted 45 seconds.",
        # A round hour may be said of 3:02; an aftershock hours later is another moment.
        "Rescuers in Velmar said the earthquake struck at about 3 a.m., and the largest aftershock at 12:02.",
    )
    times = [c for c in found.conflicts if c.kind == "time"]
    assert [values(c) for c in times] == [[("3:00 a.m.", (0,)), ("3:02 a.m.", (1,))]]


def test_hours_told_with_hedges_that_overlap_are_no_conflict():
    found = report(
        "The blaze started shortly after 9 p.m. at the Halvern Chemicals storage site in Marrowick.",
        "The fire broke out just after 9 p.m. at a storage building owned by Halvern Chemicals in Marrowick.",
        "The fire at the Halvern Chemicals site in Marrowick was brought under control at about 4 a.m.",
    )
    assert [c for c in found.conflicts if c.kind == "time"] == []


def test_the_date_of_one_act_is_disputed_but_the_dates_of_two_acts_are_not():
    found = report(
        "Gingrich filed for divorce July 19, 1999, six months after resigning his seat in Congress.",
        "Newt Gingrich, who has admitted to an affair with a congressional aide, filed for divorce July 29.",
        "It was Newt Gingrich who filed for divorce July 29, although his wife asked for a jury trial.",
        # Other acts of the story on other days.
        "Gingrich married Callista Bisek on Aug. 18, 2000, a year after the divorce.",
        "Marianne Gingrich's lawyers met Gingrich's lawyers on Aug. 2 to discuss the divorce.",
        published=["2000-04-03", "2000-04-06", "1999-12-17", "2000-08-20", "1999-08-05"],
    )
    dates = [c for c in found.conflicts if c.kind == "date"]
    assert [[(v.value[:7], v.doc_indexes) for v in c.values] for c in dates] == [
        [("July 29", (1, 2)), ("July 19", (0,))]
    ]


def test_a_date_one_article_gives_against_one_other_is_no_conflict_by_role_alone():
    # Days recur in a story (two meetings): one article each way is too little to tell.
    found = report(
        "Lavko met the Velmar delegation on March 3, a day after the shelling of Korsk had stopped.",
        "Aid lorries reached Korsk as Lavko met the Velmar delegation on March 5 and the guns fell silent.",
        published=["2001-03-06", "2001-03-06"],
    )
    assert [c for c in found.conflicts if c.kind == "date"] == []


def test_weekdays_are_placed_by_the_articles_days():
    sank = "The submarine Kursk sank in the Barents Sea on {day} after two explosions, the navy said."
    found = report(
        sank.format(day="Saturday"),
        sank.format(day="Saturday").replace("the navy", "Norwegian seismologists"),
        "The Kursk went down on Sunday in the Barents Sea after two explosions, officials in Murmansk said.",
        # A week later, "Saturday" is another day: the funeral, no dispute of the sinking.
        "Relatives of the Kursk's crew gathered in Murmansk on Saturday after two explosions sank it.",
        published=["2000-08-14", "2000-08-15", "2000-08-14", "2000-08-21"],
    )
    weekdays = [c for c in found.conflicts if c.kind == "weekday"]
    assert [values(c) for c in weekdays] == [[("Saturday", (0, 1)), ("Sunday", (2,))]]


def test_the_dead_a_charge_is_for_are_counted_as_dead_not_as_charged():
    (charged, dead) = numbers_in("The United States has charged two suspects with the murders of the 12 Americans.")
    assert (charged.outcome, dead.outcome) == ("charged", "dead")
    (men, counts) = numbers_in("Tanzania charged two men on Monday with 11 counts of murder in the bombing.")
    assert (men.outcome, counts.outcome, counts.head) == ("charged", "dead", "peopl")
    (charged_five,) = numbers_in("Police charged 5 people with murder.")
    assert charged_five.outcome == "charged"


def test_an_area_in_square_km_is_an_area():
    (area,) = numbers_in("The Kakadu National Park covers 20,000 square km.")
    assert area.unit == "area" and area.factor == 1e6


def test_in_the_death_of_a_person_is_no_place():
    from chorus.align.claims import place_stems

    assert place_stems("McKinney was convicted in the death of Matthew Shepard.") == frozenset()
    assert place_stems("The quake leveled homes in the city of Izmit.") == {"izmit"}


def test_an_age_given_with_the_full_name_may_be_a_wider_slip_and_a_given_name_alone_is_that_person():
    found = report(
        "The custody battle over 6-year-old Elian Gonzalez moved to a court in Miami on Friday.",
        "The drama of 10-year-old Elian Gonzales, who survived days at sea, continued in Miami.",
        "Relatives of 6-year-old Elian Gonzalez marched in Miami on Saturday.",
    )
    assert [(c.kind, values(c)) for c in found.conflicts] == [("age", [("6", (0, 2)), ("10", (1,))])]
    found = report(
        "The inquiry into the 1993 stabbing of 17-year-old Stephen Lawrence in Eltham ended on Monday.",
        "Stephen, 18, was stabbed to death at a bus stop in Eltham in 1993, the inquiry heard.",
    )
    assert [(c.kind, values(c)) for c in found.conflicts] == [("age", [("17", (0,)), ("18", (1,))])]


def test_an_age_edited_in_a_copy_is_no_conflict():
    wire = (
        "Aaron Velko, 22, was charged on Friday with the robbery of a bank in Tarnby. Police said he was arrested "
        "near the bank on Friday morning after a short chase through the old town. The bank reopened on Monday."
    )
    assert report(wire, wire.replace("22", "21")).conflicts == []


def test_a_name_that_says_what_a_person_is_gives_no_age_of_that_name():
    from chorus.align.values import ages_in

    assert [(a.family, a.age) for a in ages_in("said Samantha Roman, a 16-year-old Columbine sophomore.")] == [
        ("Roman", 16)
    ]
    found = report(
        "Samantha Roman, a 16-year-old Columbine sophomore, said every loud noise frightened her.",
        "Robyn Anderson, an 18-year-old Columbine senior, bought three of the guns used in the attack.",
    )
    assert [c for c in found.conflicts if c.kind == "age"] == []


def test_shares_or_sums_of_two_things_are_no_conflict_and_of_one_thing_are():
    two_things = report(
        "Aside from that, only 63 percent of Tarnish adults are high school graduates, the council said.",
        "On average, 36 percent of Tarnish students drop out of high school, the council said.",
    )
    assert two_things.conflicts == []
    two_drugs = report(
        "Corvex is priced like Daltrin, which has an average wholesale price of $2.42 for its once-a-day pill.",
        "The average wholesale price for Corvex and Daltrin is $2.02 for the standard dosage.",
    )
    assert two_drugs.conflicts == []
    one_thing = report(
        "Turnout in the Velmar referendum on Sunday was 68 percent of registered voters, officials said.",
        "Turnout in the Velmar referendum on Sunday was 61 percent of registered voters, officials said.",
    )
    assert [sorted(v.value for v in c.values) for c in one_thing.conflicts] == [["61 percent", "68 percent"]]


def test_each_article_naming_the_year_before_its_own_is_no_dispute_of_a_year():
    texts = (
        "Scientists of the Velmar weather office declared 1997 the warmest year on record, they said.",
        "Scientists of the Velmar weather office declared 1998 the warmest year on record, they said.",
    )
    assert report(*texts, published=["1998-06-10", "1999-10-19"]).conflicts == []
    found = report(*texts, published=["1999-06-10", "1999-10-19"]).conflicts
    assert [(c.kind, sorted(v.value for v in c.values)) for c in found] == [("year", ["1997", "1998"])]


def test_bounds_from_the_start_of_a_span_are_no_conflict():
    found = report(
        "Signs of the Korsk syndrome typically appear during the first three years of life, doctors said.",
        "Signs of the Korsk syndrome typically appear during the first two years of life, doctors said.",
    )
    assert found.conflicts == []


def test_a_running_total_of_a_count_that_is_no_toll_is_updated_not_disputed():
    texts = (
        "By the end of 1996, Velmar had signed legal assistance agreements with 25 countries, the minister said.",
        "Velmar has signed legal assistance agreements with 28 countries, the minister told delegates.",
    )
    assert report(*texts, published=["1997-01-10", "1998-03-02"]).conflicts == []


def test_a_journeys_progress_on_two_days_is_an_update_not_a_dispute():
    texts = (
        "The balloonists Arno Velko and Piet Marit have covered about 12,000 miles since taking off from Tarnby.",
        "Arno Velko and Piet Marit have traveled more than 20,500 miles since lifting off from Tarnby in their balloon.",
        "Velko and Marit, who took off from Tarnby, have flown more than 20,500 miles in the balloon.",
    )
    assert report(*texts, published=["1999-03-10", "1999-03-17", "1999-03-17"]).conflicts == []


def test_one_outlets_figures_are_its_update_and_two_outlets_figures_a_dispute():
    texts = (
        "The bombing of the embassy in Velmar on Friday killed 257 people, the police said.",
        "The bombing of the embassy in Velmar on Friday killed 258 people, the police said.",
    )

    def report_of(*outlets: str, days=("1998-09-05", "1998-09-05")):
        docs = [
            {"text": t + "\n\n" + OTHER_NEWS[k], "id": f"d{k + 1}", "outlet": outlet, "published": day}
            for k, (t, outlet, day) in enumerate(zip(texts, outlets, days))
        ]
        return chorus.report(docs)

    assert report_of("Velmar Wire", "Velmar Wire").conflicts == []
    assert report_of("Velmar Wire", "Velmar Wire", days=("1998-09-05", "1998-09-11")).updates == []
    (conflict,) = report_of("Velmar Wire", "Tarnby Post").conflicts
    assert sorted(v.value for v in conflict.values) == ["257", "258"]
    # Two outlets, the higher toll six days later: an update (PROTOCOL.md, "Updates and conflicts").
    later = report_of("Velmar Wire", "Tarnby Post", days=("1998-09-05", "1998-09-11"))
    assert later.conflicts == [] and [[v.value for v in c.values] for c in later.updates] == [["257", "258"]]


def test_two_outlets_single_distances_in_unlike_sentences_are_a_conflict():
    # Only the role path compares these (the sentences tell different things); one article each way.
    found = report(
        "Even this week's quake, though centered 65 miles away, did some property damage and caused a few "
        "deaths in Velmar.",
        "The epicenter of the quake was near Korsk, about 40 miles east of Velmar.",
    )
    assert [sorted(v.value for v in c.values) for c in found.conflicts] == [["65 miles", "about 40 miles"]]


def test_spans_from_a_journeys_start_to_its_end_are_disputed_and_a_moment_on_the_way_is_not():
    found = report(
        "The Norvik Air jet crashed 40 minutes after takeoff from Velmar airport, killing all 90 aboard.",
        # "Oct." is a date, not a name only this sentence prints.
        "All 90 people aboard died when the Norvik Air jet plunged into the sea on Oct. 31, about 30 "
        "minutes out of Velmar airport.",
        "The Norvik Air jet crashed into the sea 40 minutes into its flight from Velmar airport.",
        # A moment on the way, and a span that does not start the journey, are other quantities.
        "Everything seemed normal 12 minutes into the Norvik Air flight from Velmar airport.",
        "Divers from Velmar reached the Norvik Air wreck five hours after the crash.",
    )
    (conflict,) = found.conflicts
    assert sorted(values(conflict)) == [("40", (0, 2)), ("about 30", (1,))]


def test_a_death_toll_in_any_wording_is_one_quantity_and_injuries_another():
    found = report(
        "The ferry disaster off Velmar claimed the lives of 300 on Monday, the coast guard said.",
        "Rescuers said 250 passengers were killed when the ferry sank off Velmar on Monday.",
        "The ferry that sank off Velmar on Monday left 300 dead, the coast guard said.",
        "The ferry sank off Velmar on Monday with a death toll of 300, the coast guard said.",
        "The sinking of the ferry off Velmar on Monday injured 250 people, the coast guard said.",
    )
    (conflict,) = found.conflicts
    assert sorted(values(conflict)) == [("250", (1,)), ("300", (0, 2, 3))]
    (lives,) = numbers_in("The disaster claimed the lives of 300 on Monday.")
    assert (lives.head, lives.outcome) == ("peopl", "dead")


def test_a_distance_between_two_places_is_disputed_whatever_the_sentences_tell():
    found = report(
        "Velmar, the country's largest city, lies just 65 miles west of Korsk, and may be the next place to feel the "
        "fault's wrath.",
        "The epicenter is located at about 70 kilometers southeast of Velmar, near the industrial city of Korsk.",
        # Another town, and another distance from the same city: no dispute.
        "In Brask, about 130 kilometers east of Velmar, field hospitals were working around the clock.",
        # A bound is no distance.
        "Every hospital of Korsk within 90 miles of Velmar was full.",
    )
    assert [sorted(v.value for v in c.values) for c in found.conflicts] == [["65 miles", "about 70 kilometers"]]


def test_one_distance_between_two_places_in_two_units_is_no_conflict():
    found = report(
        "Korsk lies about 55 miles east of Velmar, near the coast.",
        "The quake hit Korsk, about 90 kilometers east of Velmar, before dawn.",
    )
    assert found.conflicts == []


def test_hedges_on_opposite_sides_of_one_figure_dispute_each_other():
    found = report(
        "The militants have been blamed for four bomb blasts in Velmar that killed nearly 300 people.",
        "The four bomb blasts in Velmar killed more than 300 people, the police said.",
        # A hedge and the round figure it names agree.
        "The four bomb blasts in Velmar killed 300 people, hospital officials said.",
    )
    (conflict,) = found.conflicts
    assert sorted(v.value for v in conflict.values) == ["more than 300", "nearly 300"]


def test_one_article_giving_an_area_in_two_units_takes_a_side():
    # "12,000 square miles (31,200 sq. km.)" is one value printed twice, not the article's two values.
    found = report(
        "Kakadu is almost 12,000 square miles (31,200 sq. km.) of flood plains and plateau on the north coast.",
        "Located in the Northern Territory, the Kakadu National Park covers 20,000 square km.",
    )
    assert [values(c) for c in found.conflicts] == [
        [("almost 12,000 square miles", (0,)), ("31,200 sq. km", (0,)), ("20,000 square km", (1,))]
    ]


def test_a_clause_that_names_nothing_is_compared_when_it_is_worded_like_the_other():
    # Neither clause names the crash, the town or the airline: the wording stands in for the name.
    found = report(
        "Relatives asked again on Monday why nobody had inspected the runway, months after the jet came down, "
        "killing all 109 people aboard and four on the ground.",
        "All 109 people aboard were killed, as well as five on the ground, and the airline has since grounded its "
        "remaining fleet.",
    )
    assert [sorted(v.value for v in c.values) for c in found.conflicts] == [["five", "four"]]


def test_a_clause_that_names_nothing_worded_unlike_the_other_is_no_conflict():
    # One count of the dead names nothing, and shares too little of the other's wording to be its count.
    found = report(
        "Rescuers pulled survivors from the rubble through the night, and 14 people were killed.",
        "The Korsk explosion at the refinery gates killed 11 people, the regional governor said.",
    )
    assert found.conflicts == []


def test_the_ends_of_a_motion_are_points_on_a_path_not_values_of_one_quantity():
    found = report(
        "Flight 990 made a controlled descent from 33,000 feet down to 19,000 feet, the Velmar board said.",
        "Flight 990 then climbed back to 24,000 feet, radar showed, before it broke up over the Velmar coast.",
        "Flight 990 was flying at 33,000 feet when it suddenly entered a steep dive down to about 16,700 feet.",
    )
    assert found.conflicts == []


def test_magnitudes_of_the_quake_told_weeks_apart_are_of_two_quakes():
    texts = (
        "The principal observatory in Velmar said the tremor measured 5.2 on the commonly used scale.",
        "The observatory in Velmar reported that the quake registered 5.8 on the Richter scale.",
    )
    # Two days apart: one quake, two magnitudes.
    (conflict,) = report(*texts, published=["1999-08-31", "1999-09-02"]).conflicts
    assert sorted(v.value for v in conflict.values) == ["5.2", "5.8"]
    # Two weeks apart, neither naming the quake's day: two quakes.
    assert report(*texts, published=["1999-08-31", "1999-09-13"]).conflicts == []


def test_a_toll_told_in_parts_is_compared_part_by_part_not_with_the_total():
    found = report(
        "The crash outside Velmar killed all 109 people on board and four people on the ground, the airline said.",
        "The crash outside Velmar killed 114 people, including five on the ground, the airline said.",
        "The crash outside Velmar killed 113 people, the airline said on Friday.",
    )
    # The dead on the ground (four / five) and the total (114 / 113) are disputed; those on board (109) are
    # a part, no value of the total.
    assert sorted(sorted(v.value for v in c.values) for c in found.conflicts) == [["113", "114"], ["five", "four"]]


def test_shares_of_one_whole_are_compared_by_role_and_shares_of_two_wholes_are_not():
    found = report(
        "The Velmar Democratic Union won 82 percent of the seats in that election, but the army refused to hand "
        "over power.",
        "Talks with the generals stalled again on Monday, eight years after the Velmar Democratic Union won 80 "
        "percent of the seats.",
        "In the 1990 election the Velmar Democratic Union won 59 percent of the vote, the army said.",
    )
    # 82 / 80 percent of the seats are one share told two ways; 59 percent of the vote is another share.
    assert [sorted(v.value for v in c.values) for c in found.conflicts] == [["80 percent", "82 percent"]]


def test_a_part_told_with_its_whole_on_two_days_is_an_update_not_a_dispute():
    texts = (
        "The strikes at two parts factories have forced Velmar Motors to close 26 of its 29 assembly plants.",
        "Velmar Motors has had to close 27 of its 29 assembly plants because of the strikes, the union said.",
    )
    assert report(*texts, published=["1998-07-08", "1998-07-28"]).conflicts == []
    (conflict,) = report(*texts, published=["1998-07-08", "1998-07-08"]).conflicts
    assert sorted(v.value for v in conflict.values) == ["26", "27"]


def test_the_depth_a_wreck_lies_at_is_one_quantity_however_it_is_worded():
    found = report(
        "The blast sent the submarine Marit into a sharp dive toward the bottom 450 feet below the waves.",
        "Rescuers said the water is three degrees at a depth of 100 meters, where the submarine is lying.",
        # Another wreck's depth, of another year, and a length that is no depth.
        "In a 1983 accident, the crew of another submarine perished trying to escape from a depth of 180 feet.",
        "The Marit, which is 500 feet long, was the navy's newest boat.",
    )
    assert [sorted(v.value for v in c.values) for c in found.conflicts] == [["100 meters", "450 feet"]]


TOLL_TUESDAY = (
    "The death toll in the powerful earthquake in western Velmar on January 2 reached 17,997 on Tuesday as the "
    "suffering of the survivors mounted."
)
TOLL_REVISED = (
    "The government on Tuesday said the death toll rose to 17,997, but revised that figure down to 12,514 early today."
)


def test_two_outlets_tolls_of_one_day_are_one_total_however_their_clauses_are_worded():
    # The two clauses share too few words for a role otherwise (and the first toll's event phrase
    # is longer than the eight words a toll's subject was allowed); both are tolls told a day apart.
    rescue = "Rescuers in Velmar dug through the rubble of collapsed apartment blocks all night."
    minister = "Velmar's prime minister promised stricter building rules after the quake."
    found = report(
        TOLL_TUESDAY, minister + " " + TOLL_REVISED, rescue, published=["2000-01-04", "2000-01-05", "2000-01-05"]
    )
    assert [values(c) for c in found.conflicts] == [[("17,997", (0,)), ("12,514", (1,))]]
    first = numbers_in(TOLL_TUESDAY)[-1]
    assert (first.text, first.outcome, first.head) == ("17,997", "dead", "peopl")
    # A week apart, a toll is an update of the count, and not compared whatever the clauses say.
    later = report(
        TOLL_TUESDAY, minister + " " + TOLL_REVISED, rescue, published=["2000-01-04", "2000-01-11", "2000-01-05"]
    )
    assert later.conflicts == []


def test_a_toll_told_where_its_article_sets_another_place_is_no_dispute_of_the_storys_toll():
    # The second article sets its story in Karsk (named after "In"), so its toll is no toll of the whole
    # of Velmar, where every article names the story set.
    rescue = "Rescuers in Velmar dug through the rubble of collapsed apartment blocks all night."
    elsewhere = "In Karsk, a town of Velmar, rescuers worked through the night."
    found = report(
        TOLL_TUESDAY, elsewhere + " " + TOLL_REVISED, rescue, published=["2000-01-04", "2000-01-05", "2000-01-05"]
    )
    assert found.conflicts == []


def test_counts_of_one_outcome_on_one_named_day_are_compared_and_days_apart_are_not():
    raids = (
        "A separate series of police raids Wednesday resulted in the arrest of 100 people on suspicion of offenses "
        "that included threats to kill."
    )
    crackdown = "Police launched a crackdown on hate crime across the capital on Wednesday, arresting some 70 suspected racists."
    found = report(raids, crackdown, published=["2000-03-22", "2000-03-22"])
    assert [values(c) for c in found.conflicts] == [[("100", (0,)), ("some 70", (1,))]]
    assert report(raids, crackdown, published=["2000-03-22", "2000-03-29"]).conflicts == []


def test_counts_of_one_outcome_of_one_kind_of_event_told_the_same_day_are_compared():
    # The relative clause ("which killed ...") is too short to say what its count is of: it is read
    # with the clause before it; the two sentences name nothing in common, but tell one kind of event
    # (a strike, an attack) on one day.
    strike = (
        "The Sudan has called for an international investigation of the missile strike, which killed one person "
        "and wounded seven others, according to the government in Khartoum."
    )
    attack = "The El Shifa factory in Khartoum was largely destroyed in the attack by cruise missiles with 10 people wounded."
    found = report(strike, attack, published=["1998-08-26", "1998-08-26"])
    assert [values(c) for c in found.conflicts] == [[("seven", (0,)), ("10", (1,))]]
    # Days apart, the wounded of an attack are an update (or another attack), not compared.
    assert report(strike, attack, published=["1998-08-26", "1998-08-29"]).conflicts == []


def test_a_figure_told_in_a_short_apposition_is_disputed_with_the_clause_it_tells_of():
    # The other side's clause is too short to be a claim ("80 percent of 7.3 million people"); the whole
    # sentence says more than this one, so the dispute is mutual only with the clause it is in apposition to.
    found = report(
        "About 83 percent of Varland's 7.4 million people are French speakers.",
        "Varland is the only province of Korsia with a French majority, 80 percent of 7.3 million people, and "
        "surveys have shown that about two-thirds of French speakers support some degree of sovereignty.",
    )
    assert [sorted(v.value for v in c.values) for c in found.conflicts] == [["7.3 million", "7.4 million"]]


def test_counts_of_what_a_name_owns_are_compared_as_a_named_group():
    found = report(
        "Monitors visited all but two of Varland's 144 settlements in the Tarn Valley on Wednesday.",
        "There are about 190 Varland settlements in the Tarn Valley, the monitors said.",
    )
    assert [sorted(v.value for v in c.values) for c in found.conflicts] == [["144", "about 190"]]


def test_a_names_count_of_another_thing_is_no_dispute():
    found = report(
        "Monitors visited all but two of Varland's 144 settlements in the Tarn Valley on Wednesday.",
        "About 190 Varland soldiers guard the Tarn Valley, the monitors said.",
    )
    assert found.conflicts == []


def test_a_span_in_a_post_is_compared_and_a_span_between_two_events_is_not():
    found = report(
        "Marek Tull, a 16-year veteran of the Varland secret police, appears carefully controlled in public.",
        "Before his nomination, Tull ran the agency that succeeded the Varland secret police, where he served "
        "for 15 years as an officer.",
    )
    assert [sorted(v.value for v in c.values) for c in found.conflicts] == [["15", "16"]]
    # A span between two events is compared only where two sentences state one claim, never by role.
    from chorus.align.roles import not_in_role

    text = "The ferry captain Marek Tull died five days later in a Korsk hospital."
    assert [not_in_role(n, text) for n in numbers_in(text)] == ["a duration"]


def test_a_names_count_of_a_part_of_a_thing_is_no_count_of_the_things():
    found = report(
        "Investigators gathered the remains of the Tarnjet's four engines from the runway on Thursday.",
        "The airline grounded its remaining five Tarnjets immediately after the crash on the runway.",
    )
    assert found.conflicts == []


def test_a_span_of_one_of_several_things_of_a_kind_is_not_compared_by_role():
    # The first trailer and a new one: spans of two things, which only a claim of one could compare.
    from chorus.align.roles import not_in_role

    text = "Next month will bring a new 2.5-minute trailer for the film, with more than 100 fresh sequences."
    assert [not_in_role(n, text) for n in numbers_in(text) if n.unit == "duration"] == ["a duration"]


AFTERSHOCKS = (
    "The largest of the aftershocks was magnitude 5.3, just over three hours later, but activity is continuing.",
    "The most powerful one of the aftershocks, with a magnitude of five degrees, occurred at 12:02 local time.",
)


def test_the_measure_of_the_strongest_of_a_set_is_one_quantity_however_it_is_worded(monkeypatch):
    from chorus.align import roles

    found = report(*AFTERSHOCKS)
    assert [sorted(v.value for v in c.values) for c in found.conflicts] == [["5.3", "five"]]
    # Without the rule the two clauses share too few words to be in one role.
    monkeypatch.setattr(roles, "SUPERLATIVE_ROLES", False)
    assert report(*AFTERSHOCKS).conflicts == []


SETTLERS_OF_ONE_AREA = "Today some 150,000 Varland settlers live throughout the Tarn Valley, the monitors said."


def test_a_count_for_two_areas_is_no_dispute_of_a_count_for_one_of_them(monkeypatch):
    from chorus.align import roles

    two_areas = "Nearly 200,000 Varland settlers live in more than 150 settlements in the Tarn Valley and Osk."
    assert report(SETTLERS_OF_ONE_AREA, two_areas).conflicts == []
    # Read without the wider places, the second count is set in the Tarn Valley only, and disputes the first.
    monkeypatch.setattr(roles, "WIDER_PLACES", False)
    assert len(report(SETTLERS_OF_ONE_AREA, two_areas).conflicts) == 1


def test_counts_for_one_area_spread_over_in_both_are_disputed():
    found = report(
        SETTLERS_OF_ONE_AREA, "Nearly 200,000 Varland settlers live throughout the Tarn Valley, the ministry said."
    )
    assert [sorted(v.value for v in c.values) for c in found.conflicts] == [["nearly 200,000", "some 150,000"]]
