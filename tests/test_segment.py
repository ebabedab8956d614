import pytest

from chorus.segment import segment, split_sentences
from chorus.types import Document

CASES = [
    (
        "Gen. John Smith Jr. arrived in the U.S. on Monday. He said the talks went well.",
        ["Gen. John Smith Jr. arrived in the U.S. on Monday.", "He said the talks went well."],
    ),
    (
        "The economy grew 2.5 percent in the quarter. Officials were pleased.",
        ["The economy grew 2.5 percent in the quarter.", "Officials were pleased."],
    ),
    (
        "PINE RIDGE, S.D. (AP) -- The president visited the reservation. He stayed an hour.",
        ["PINE RIDGE, S.D. (AP) -- The president visited the reservation.", "He stayed an hour."],
    ),
    (
        "“We would like to see it,” Lavrov said. “We hope so,” Mashaal responded.",
        ["“We would like to see it,” Lavrov said.", "“We hope so,” Mashaal responded."],
    ),
    (
        "Lavrov will meet U.S. Secretary of State John Kerry in Doha. The talks start Sunday.",
        ["Lavrov will meet U.S. Secretary of State John Kerry in Doha.", "The talks start Sunday."],
    ),
    (
        "He moved to the U.S. He never left.",
        ["He moved to the U.S.", "He never left."],
    ),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_news_sentences_split_correctly(text, expected):
    assert split_sentences(text) == expected


def test_a_quotation_over_two_sentences_stays_one_unit():
    text = '"Israel has always stood by Russia. We expect the same," an official said. Talks resume.'
    assert split_sentences(text) == [
        '"Israel has always stood by Russia. We expect the same," an official said.',
        "Talks resume.",
    ]


def test_a_quotation_opened_and_closed_by_two_apostrophes_stays_one_unit():
    # DUC's AP copy (APW20000801.0110) prints '' for both marks; the closing half of such a
    # quotation was a sentence of its own with a lone closing mark, and was chosen for a summary.
    text = (
        "''Congress was a newfangled institution. Colonial New York had a longrunning relationship "
        "with the tribes,'' von Gernet said. ''The idea had a long history.''"
    )
    assert split_sentences(text) == [
        "''Congress was a newfangled institution. Colonial New York had a longrunning relationship "
        "with the tribes,'' von Gernet said.",
        "''The idea had a long history.''",
    ]
    # Where `` opens (the NYT wire's way), '' only closes: a closed quotation does not swallow the next sentence.
    assert split_sentences("``We will see,'' he said. Talks resume. ``Soon.''") == [
        "``We will see,'' he said.",
        "Talks resume.",
        "``Soon.''",
    ]


def test_segment_numbers_sentences_per_document_and_paragraph():
    docs = [
        Document(id="a", text="Bridges open here. Second one here.\n\nThird in a new paragraph."),
        Document(id="b", text="Only sentence of b."),
    ]
    story = segment(docs, query="  ")
    assert [(s.doc_index, s.position, s.paragraph) for s in story.sentences] == [
        (0, 0, 0),
        (0, 1, 0),
        (0, 2, 1),
        (1, 0, 0),
    ]
    assert [s.index for s in story.sentences] == [0, 1, 2, 3]
    assert story.query is None  # a blank query is no query
    assert story.sentences[0].tokens == ("bridges", "open", "here")
    assert story.sentences[0].content == (True, True, False)


@pytest.mark.parametrize(
    "first, kept",
    [
        ("PINE RIDGE, S.D. (AP) -- The tribe voted on Tuesday to close the casino.", "The tribe voted"),
        ("BEIJING, Jan. 3 (Xinhua) -- China said on Monday it would raise grain prices.", "China said"),
        ("SYRACUSE, N.Y. (AP) - New York acted honorably in buying the land.", "New York acted"),
        ("PHOENIX _ Victoria Molina wants strangers to stop complaining.", "Victoria Molina"),
        ("MARROWICK (WireNow) — A fire at a chemical warehouse forced an evacuation.", "A fire at"),
        ("US - China talks resume today in Beijing after a pause.", "US - China"),
        ("NATO - The alliance said today it would send more ships.", "NATO - The"),
        ("WASHINGTON The president said today that he would veto it.", "WASHINGTON The"),
        # Glued to the text after the agency ("(Xinhua) --The"), as some wire copy prints it.
        ("CANBERRA, November 27 (Xinhua) --The Australian government criticized the report.", "The Australian"),
        ("ABC--The network said today it would air the debate.", "ABC--The"),
    ],
)
def test_a_wire_dateline_opening_an_article_is_dropped(first, kept):
    doc = Document(id="d", text=f"{first}\n\nPINE RIDGE (AP) -- A line that is not the first stays whole here.")
    sentences = segment([doc]).sentences
    assert sentences[0].text.startswith(kept)
    assert sentences[-1].text.startswith("PINE RIDGE (AP) --")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("东京今天下雨。明天会放晴吗？气象台说会！", ["东京今天下雨。", "明天会放晴吗？", "气象台说会！"]),
        ("他说：“我们明天再来。”然后走了。", ["他说：“我们明天再来。”", "然后走了。"]),
        # A quotation the sentence goes on from (a particle follows it) stays in its sentence.
        (
            "男性が逮捕された。警察は「容疑を認めている。」と話した。",
            ["男性が逮捕された。", "警察は「容疑を認めている。」と話した。"],
        ),
        ("本当ですか？？はい、そうです。", ["本当ですか？？", "はい、そうです。"]),
        ("東京で会議が開かれた", ["東京で会議が開かれた"]),
    ],
    ids=["chinese", "chinese-quote", "japanese-quote-goes-on", "repeated-marks", "no-mark"],
)
def test_chinese_and_japanese_sentences_split_at_full_width_marks(text, expected):
    assert split_sentences(text) == expected


def test_a_japanese_article_is_segmented_into_its_sentences():
    doc = Document(id="ja", text="男性が逮捕された。警察によると、男性は容疑を認めている。\n\n事件は先月起きた。")
    assert [s.text for s in segment([doc]).sentences] == [
        "男性が逮捕された。",
        "警察によると、男性は容疑を認めている。",
        "事件は先月起きた。",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Whole words nupunkt's model learned as abbreviations end sentences.
        (
            "Hamas controls Gaza and Fatah the West Bank. Both factions entered talks in Cairo.",
            ["Hamas controls Gaza and Fatah the West Bank.", "Both factions entered talks in Cairo."],
        ),
        (
            "It lies in upstate New York. That represents a fraction of the land.",
            ["It lies in upstate New York.", "That represents a fraction of the land."],
        ),
        # A known abbreviation ends a sentence before a word that opens one, not before a name.
        (
            "Its campus is in Bethesda, Md. Its mission was complicated.",
            ["Its campus is in Bethesda, Md.", "Its mission was complicated."],
        ),
        (
            "He met Sen. Will Smith and Gen. Bill Jones in St. Louis.",
            ["He met Sen. Will Smith and Gen. Bill Jones in St. Louis."],
        ),
        (
            "He works for Security Voice, Inc. His firm takes tips.",
            ["He works for Security Voice, Inc.", "His firm takes tips."],
        ),
        # A state that is also a word is an abbreviation with its capital only.
        ("He flew to Boston, Mass. Gov. Weld met him.", ["He flew to Boston, Mass. Gov. Weld met him."]),
        (
            "It can increase muscle size and mass. Nor did the study say.",
            ["It can increase muscle size and mass.", "Nor did the study say."],
        ),
        (
            "TOPPENISH, Wash. (AP) -- At Tiny's Tavern, the bar was full.",
            ["TOPPENISH, Wash. (AP) -- At Tiny's Tavern, the bar was full."],
        ),
        # A capitalised quotation after a word abbreviation opens a sentence; after a title it does not.
        (
            "The reservation is east of Jackson, Wyo. ``Then we came up with the idea,'' she said.",
            ["The reservation is east of Jackson, Wyo.", "``Then we came up with the idea,'' she said."],
        ),
        ("He thanked Sgt. ``Buck'' Jones for the help.", ["He thanked Sgt. ``Buck'' Jones for the help."]),
        # A piece opening with a lowercase word goes on from the one before.
        (
            "Albright's visit will advance the Mongolian-U.S. ties, he said.",
            ["Albright's visit will advance the Mongolian-U.S. ties, he said."],
        ),
        # A piece opening with a mark that follows a word goes on, with nothing put in between.
        (
            "Shootings in Pearl, Miss.; Springfield, Ore.; and Richmond, Va., alarmed the nation.",
            ["Shootings in Pearl, Miss.; Springfield, Ore.; and Richmond, Va., alarmed the nation."],
        ),
        # In capitals, an opener after an abbreviation tells nothing.
        (
            "A JOINT VENTURE OF FDCH, INC. AND WORLD TIMES, INC. ALL RIGHTS RESERVED.",
            ["A JOINT VENTURE OF FDCH, INC. AND WORLD TIMES, INC. ALL RIGHTS RESERVED."],
        ),
    ],
    ids=[
        "bank",
        "york",
        "state-before-opener",
        "titles-before-names",
        "company-before-opener",
        "cased-state",
        "cased-word",
        "cased-state-dateline",
        "state-before-quotation",
        "title-before-nickname",
        "lowercase-goes-on",
        "mark-goes-on",
        "capitals",
    ],
)
def test_only_known_abbreviations_keep_a_sentence_going(text, expected):
    assert split_sentences(text) == expected


def test_the_splitter_leaves_nupunkts_shared_model_as_it_is():
    import nupunkt

    split_sentences("Loans came from the World Bank. The minister said so.")
    assert "bank" in nupunkt.load("default").abbreviations
