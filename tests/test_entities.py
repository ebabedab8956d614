"""The rule-based recogniser's kinds on small written stories (analysis/entities.py)."""

from __future__ import annotations

from pathlib import Path

from chorus.analysis.entities import find_entities
from chorus.pipeline import build_story, load_documents


def _kinds(texts: list[str]) -> dict[str, str]:
    return {v: e.kind for e in find_entities(build_story(load_documents(texts))) for v in e.variants}


def test_a_title_that_recurs_whole_is_no_person_and_a_name_followed_by_its_surname_is():
    # The title's last word is printed in lower case too ("a paper lantern"); a title of words the
    # story never writes in lower case is still taken for a name ("Jurassic Park", BENCHMARKS.md).
    texts = [
        "Fans queued for hours to see Silver Lantern on opening night. Over six years Mira Tolland wrote "
        "and directed the film. Tolland kept the budget small.",
        "Silver Lantern took in $40 million in its first weekend, more than any film of the year. A paper lantern is its emblem. "
        "The studio expects Silver Lantern to hold on through the summer. Tolland plans a sequel.",
        "Critics were divided about Silver Lantern but audiences were not, and Mira Tolland thanked the cast.",
    ]
    kinds = _kinds(texts)
    assert kinds["Mira Tolland"] == "person"
    assert kinds["Silver Lantern"] != "person"


def test_a_run_with_a_word_the_story_writes_in_lower_case_is_no_person():
    texts = [
        "Crews closed Harlow Park after the storm. Visitors avoided Harlow Park all week.",
        "The park will reopen once Harlow Park is cleared of fallen trees, the council hopes.",
    ]
    assert _kinds(texts)["Harlow Park"] != "person"


def test_peoples_events_and_works_are_no_people():
    texts = [
        "East German athletes were given drugs for years. Native Americans lived on the land first. "
        "Swimmers trained for the Lisbon Games for two years. Fans waited for Episode II for a decade.",
        "The Lisbon Games open in June. Many Native Americans travelled to the capital. Episode II opens soon.",
    ]
    kinds = _kinds(texts)
    assert "East German" not in kinds and "Native Americans" not in kinds  # a people, like "Russian"
    assert kinds["Lisbon Games"] == kinds["Episode II"] == "other"


def test_a_capital_after_a_full_stop_inside_a_quotation_is_no_name():
    texts = [
        "``The food lasted us six weeks. Just ate all of it,'' she said of the winter. She had just arrived.",
        "Families said the supplies ran out in March. It was just too cold to travel.",
    ]
    assert "Just" not in _kinds(texts)


def test_the_lavrov_examples_people_remain_people(lavrov_dir: Path):
    story = build_story(load_documents(sorted(lavrov_dir.glob("*.txt"))))
    kinds = {e.name: e.kind for e in find_entities(story)}
    for name in ("Sergei Lavrov", "Khaled Meshaal", "John Kerry", "Mahmoud Abbas", "Adel al-Jubeir", "Vladimir Putin"):
        assert kinds[name] == "person", name
    assert kinds["Hamas"] == "organization" and kinds["Doha"] == "place"


def test_a_lone_word_is_no_person_on_a_speech_verb_alone_but_a_surname_is():
    # Companies and products "say" things too; a lone word that is the last name of a person the
    # story names in full keeps its speech verb ("Tolland said").
    texts = [
        "On Monday Quorvane said that its new phone would ship in May. On Tuesday Mira Tolland said the phone was late.",
        "In a statement Quorvane said the delay came from a supplier. Later Tolland said she expected more delays.",
    ]
    kinds = _kinds(texts)
    assert kinds["Quorvane"] != "person"
    assert kinds["Tolland"] == "person"


def test_a_lone_word_that_opens_a_company_name_elsewhere_is_that_company():
    texts = [
        "Halvex Computer Corp. cut its prices on Monday. Analysts expect a price war.",
        "Halvex hopes to win back buyers in Europe, where sales fell by a third.",
        "At Halvex the mood was calm, a spokesman said, and later Halvex said more cuts could follow.",
    ]
    assert _kinds(texts)["Halvex"] == "organization"


def test_a_nationality_after_a_preposition_is_no_place():
    texts = [
        "The factory is now in German hands. Investors in Rotterdam welcomed the sale.",
        "The deal leaves the brand in German hands for the first time, and in French shops by spring.",
    ]
    kinds = _kinds(texts)
    assert "German" not in kinds or kinds["German"] != "place"
    assert "French" not in kinds or kinds["French"] != "place"
    assert kinds["Rotterdam"] == "place"


def test_shares_of_a_word_and_jobs_at_it_make_it_an_organization():
    texts = [
        "Investors sold shares of Brennor after the recall. The recall covered two million kettles.",
        "An engineer at Brennor had warned about the fault a year ago, the report found.",
    ]
    assert _kinds(texts)["Brennor"] == "organization"


def test_a_lone_word_the_story_also_writes_after_a_given_name_keeps_its_speech_verb():
    # "Jerry Dunmore", written once, gets only half a vote (a tie), so the lone word joins no person; it is the
    # surname of a name the story writes in full, and the speech verb stands.
    texts = [
        "The device was sold by Jerry Dunmore for years before regulators acted.",
        "In court Dunmore said the device worked. Later Dunmore said he had cured hundreds.",
    ]
    assert _kinds(texts)["Dunmore"] == "person"


def test_a_word_the_story_mostly_writes_in_lower_case_is_no_person():
    # As in DUC 2006's first four topics pooled: "Today" opens sentences, is a newspaper's last word
    # ("USA Today", so it passes for a surname) and follows "said: ``", a speech verb's cue, while
    # the story prints "today" in lower case far more often. A surname that is also a common word,
    # printed in lower case less often than capitalised inside sentences, stays a person.
    texts = [
        "Today, the tribe runs its own schools. A poll by USA Today found the vote close. Hunter said the vote was close.",
        "The agency's head said: ``Today's proposal will help.'' Officials met today and again today.",
        "Today the court ruled. The ruling came today, said Hunter, a lawyer. A hunter watched today.",
        "Voters went to the polls today. Today, few expect a change. Hunter declined to comment today.",
    ]
    kinds = _kinds(texts)
    assert kinds.get("Today", "other") != "person"
    assert kinds["Hunter"] == "person"


def test_a_common_word_opening_a_sentence_is_no_name_though_it_is_capitalised_in_a_name():
    # "Police" is capitalised inside a sentence once (a name's word, "Marrowick Police Department"),
    # so it passes for a name where it opens a sentence, but the story prints "police" in lower case
    # far more often: there it is the common word (DUC 2006: "Police" was an organization in 13
    # clusters, "State" in 14). A name that is also a word, capitalised inside sentences as often as
    # it is printed in lower case, still opens a sentence as a name ("Frank said").
    texts = [
        "Police said the fire was set. The Marrowick Police Department opened an inquiry. Frank said the police came late.",
        "Police believe two men started it, and police searched the harbour. On Monday Barney Frank called for calm.",
        "The police asked witnesses to come forward. Police said no one was hurt. Frank, a local member, thanked the police.",
        "Police officers closed the road. Neighbours praised the police in a frank letter.",
    ]
    kinds = _kinds(texts)
    assert "Police" not in kinds
    assert kinds["Frank"] == "person"
