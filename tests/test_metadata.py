"""Outlet, byline, date and address of a page, from HTML, text and DUC ids; human, unique labels."""

import json
from pathlib import Path

import pytest

import chorus
from chorus.errors import InputError
from chorus.ingest import RawDocument, prepare_documents
from chorus.ingest.html import extract_html
from chorus.ingest.metadata import (
    LabelSource,
    choose_outlet,
    is_file_name,
    iso_date,
    lede_label,
    printed_date,
    text_metadata,
    time_order,
    unique_labels,
    wire_metadata,
)
from conftest import EXAMPLE

BODY = "".join(
    f"<p>{s}</p>"
    for s in [
        "The city council voted on Monday to close the Elm Street bridge for six weeks of urgent repairs to its steel frame.",
        "Engineers found cracks in two support beams during a routine inspection last month, the council said in a statement.",
        "Buses will replace the tram line that crosses the bridge, and cyclists will be sent over the Mill Road crossing.",
    ]
)


def page(head: str, body: str = BODY) -> str:
    return (
        f"<!doctype html><html><head>{head}</head><body><article><h1>Bridge to close</h1>{body}</article></body></html>"
    )


def test_json_ld_gives_publisher_author_and_time():
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Bridge to close",
        "datePublished": "2019-11-19T11:51:32.556Z",
        "author": [{"@type": "Person", "name": "Troy Smith"}],
        "publisher": {"@type": "Organization", "name": "Marrowick Ledger"},
    }
    head = (
        f'<title>Bridge to close - Ledger</title><script type="application/ld+json">{json.dumps(ld)}</script>'
        '<link rel="canonical" href="https://www.marrowickledger.com/news/bridge">'
    )
    meta = extract_html(page(head), "p.html").metadata
    assert meta.outlet == "Marrowick Ledger"
    assert meta.byline == "Troy Smith"
    assert meta.published == "2019-11-19T11:51:32+00:00"
    assert meta.url == "https://www.marrowickledger.com/news/bridge"


def test_open_graph_and_meta_tags():
    head = (
        '<meta property="og:site_name" content="Northshore Radio News">'
        '<meta property="article:published_time" content="2015-08-03T14:20:00+0300">'
        '<meta name="author" content="By Tomas Reyes | treyes@northshore.example">'
        '<meta property="og:url" content="https://northshoreradio.example/fire">'
    )
    meta = extract_html(page(head), "p.html").metadata
    assert (meta.outlet, meta.byline, meta.published) == (
        "Northshore Radio News",
        "Tomas Reyes",
        "2015-08-03T14:20:00+03:00",
    )


def test_title_suffix_that_matches_the_address_names_the_outlet():
    head = (
        "<title>Opinion | Republicans Are Following Trump - The New York Times</title>"
        '<meta property="og:url" content="https://www.nytimes.com/2019/11/19/opinion/x.html">'
        '<meta name="pdate" content="20191119">'
    )
    meta = extract_html(page(head), "p.html").metadata
    assert meta.outlet == "The New York Times"
    assert meta.published == "2019-11-19"


FOOTER = "<footer><p>© 2024 Marrowick Ledger. All rights reserved.</p></footer>"


def footed(article_head: str = "") -> str:
    return (
        "<!doctype html><html><head><title>Bridge to close</title></head><body>"
        f"<article><h1>Bridge to close</h1>{article_head}{BODY}</article>{FOOTER}</body></html>"
    )


def test_a_copyright_year_is_not_a_publication_date():
    assert extract_html(footed(), "p.html").metadata.published is None


@pytest.mark.parametrize(
    "article_head, published",
    [
        ('<time datetime="2023-05-06T10:00:00Z">6 May</time>', "2023-05-06T10:00:00+00:00"),
        ("<p>Published Tuesday 3 October 2023</p>", "2023-10-03"),
    ],
)
def test_a_time_element_or_a_printed_date_wins_over_the_copyright_year(article_head, published):
    assert extract_html(footed(article_head), "p.html").metadata.published == published


def test_a_copyright_holder_the_page_names_again_is_the_outlet():
    html = footed().replace("<body>", '<body><header><a href="/">Marrowick Ledger</a></header>')
    assert extract_html(html, "p.html").metadata.outlet == "Marrowick Ledger"
    assert extract_html(footed().replace("Marrowick Ledger", "Ledger Holdings"), "p.html").metadata.outlet is None


@pytest.mark.parametrize(
    "logo, outlet",
    [
        ('<a href="/index.html"><img src="/logo.gif" alt="The Orbit Review"></a>', "The Orbit Review"),
        ('<a href="/"><img src="/logo.png" alt="Logo"></a>', None),  # says nothing
        ('<a href="https://elsewhere.example/"><img src="/p.png" alt="Partner Weekly"></a>', None),  # another site
        ('<a href="/sport/"><img src="/s.png" alt="Sport Section"></a>', None),  # not the home page
    ],
)
def test_the_logo_that_links_home_names_the_outlet(logo, outlet):
    html = footed().replace("<body>", f"<body><header>{logo}</header>").replace("Marrowick Ledger", "Ledger Holdings")
    assert extract_html(html, "p.html").metadata.outlet == outlet


def test_a_copyright_holder_that_fits_the_page_address_is_the_outlet():
    html = footed().replace("Marrowick Ledger", "The Associated Press")
    html = html.replace("<head>", '<head><link rel="canonical" href="https://hosted.ap.org/article/1">')
    assert extract_html(
        html.replace("<title>", '<meta property="og:site_name" content="Hosted"><title>'), "p.html"
    ).metadata.outlet == ("The Associated Press")
    assert extract_html(footed().replace("Marrowick Ledger", "The Associated Press"), "p.html").metadata.outlet is None


def test_a_site_address_as_the_copyright_holder_is_the_outlet_even_split_over_text_nodes():
    html = (
        footed()
        .replace("Marrowick Ledger", "Ledger Holdings")
        .replace("</body>", '<p>\u00a9 <a href="http://marrowick-ledger.com">marrowick-ledger.com</a>, 2008</p></body>')
    )
    assert extract_html(html, "p.html").metadata.outlet == "marrowick-ledger.com"


def test_without_an_address_a_lower_case_title_tail_is_not_an_outlet():
    assert choose_outlet(["weight loss in 14 days. Reviews", "Marrowick Ledger"], None) == "Marrowick Ledger"
    assert choose_outlet(["weight loss in 14 days. Reviews"], None) is None


@pytest.mark.parametrize(
    "candidates, host, outlet",
    [
        (["Expert how-to for English Riders"], "practicalhorsemanmag.com", "practicalhorsemanmag.com"),  # a tagline
        (["nj", "nj.com"], "nj.com", "nj.com"),  # a lower-case slug gives way to the host
        (["LinkNaija | Nigeria's popular news platform"], "linknaija.com", "LinkNaija"),
        (["https://www.hawaiinewsnow.com"], "hawaiinewsnow.com", "hawaiinewsnow.com"),
        (["BBC News"], "bbc.com", "BBC News"),
        (["Marrowick Ledger"], None, "Marrowick Ledger"),
        (["WSJ", "Wall Street Journal"], "wsj.com", "WSJ"),  # initials fit, in the order of trust
        (["Hosted", "The Associated Press"], "hosted.ap.org", "The Associated Press"),  # the site, not its subdomain
        (["Hosted"], "hosted.ap.org", "Hosted"),
        (["LinkNaija", "Blogger"], "linknaija.blogspot.com", "LinkNaija"),  # a blog on a platform
    ],
)
def test_outlet_candidates_are_checked_against_the_host(candidates, host, outlet):
    assert choose_outlet(candidates, host) == outlet


@pytest.mark.parametrize(
    "printed, iso",
    [
        ("Published: August 3, 2015 10:20 PM EDT", "2015-08-03T22:20:00-04:00"),
        ("Updated 3 Aug 2015, 09:05", "2015-08-03T09:05:00"),
        ("Nov. 18, 2019", "2019-11-18"),
        ("By Justine Coleman - 11/18/19 11:04 PM EST", None),  # a two-digit year is not read
        ("Posted 2018-10-09 09:40", "2018-10-09T09:40:00"),
        ("Tuesday, November 19, 2019, 06:51 AM", "2019-11-19T06:51:00"),
        ("February 30, 2019", None),
    ],
)
def test_printed_dates(printed, iso):
    assert printed_date(printed) == iso


@pytest.mark.parametrize(
    "value, iso",
    [
        ("2019-11-19T11:51:32.556Z", "2019-11-19T11:51:32+00:00"),
        ("20191119", "2019-11-19"),
        ("2019-11-19T00:00:00", "2019-11-19"),
        ("not a date", None),
        ("0001-01-01", None),
    ],
)
def test_machine_dates(value, iso):
    assert iso_date(value) == iso


def test_text_metadata_from_title_line_byline_and_published_line():
    text = "\n\n".join(
        [
            "Bridge to close for repairs - Marrowick Ledger",
            "Home",
            "News",
            "Bridge to close for repairs",
            "By Nadia Flint and Sam Adeyemi",
            "Published August 3, 2015 10:20 AM",
            "The city council voted on Monday to close the Elm Street bridge.",
        ]
    )
    meta = text_metadata(text)
    assert (meta.outlet, meta.byline, meta.published) == (
        "Marrowick Ledger",
        "Nadia Flint and Sam Adeyemi",
        "2015-08-03T10:20:00",
    )


def test_a_byline_names_people_not_the_outlet_it_ends_with():
    text = "\n\n".join(
        [
            "Fire at Halvern warehouse forces hundreds from their homes - Marrowick Ledger",
            "Fire at Halvern warehouse forces hundreds from their homes",
            "By Nadia Flint, Marrowick Ledger",
            "Published 13 March 2024, 07:15",
            "A fire tore through a chemical warehouse on the Marrowick waterfront on Tuesday night.",
        ]
    )
    assert (text_metadata(text).outlet, text_metadata(text).byline) == ("Marrowick Ledger", "Nadia Flint")
    head = '<meta property="og:site_name" content="Northshore Radio News">'
    body = "<p class='byline'>By Tomas Reyes, Northshore Radio News</p>" + "<p>More than 1,500 people left.</p>" * 3
    meta = extract_html(page(head, body), "p.html").metadata
    assert (meta.outlet, meta.byline) == ("Northshore Radio News", "Tomas Reyes")
    head = '<meta property="og:site_name" content="Ledger"><meta name="author" content="Ann Lee, Ben Ray">'
    assert extract_html(page(head), "p.html").metadata.byline == "Ann Lee, Ben Ray"  # two people stay two


def test_a_sentence_opening_with_by_and_a_day_is_no_byline():
    text = "Gingrich steps down\n\nHe embraced Livingston warmly.\n\nBy Tuesday, Gingrich's staff were adjusting."
    assert (text_metadata(text).byline, text_metadata(text).outlet) == (None, None)  # was "Tuesday", "Gingrich's"
    assert text_metadata("Budget passes\n\nBy January the fund was empty.").byline is None
    assert text_metadata("Budget passes\n\nBy June Carter\n\nThe fund was empty.").byline == "June Carter"


def test_a_wire_story_s_closing_credit_gives_its_byline_when_its_top_has_none():
    story = (
        "Chemical warehouse fire in Marrowick injures three firefighters\n\n13 March 2024 06:30 GMT\n\n"
        "MARROWICK (WireNow) — A fire at a chemical warehouse forced the evacuation of about 1,200 people.\n\n"
        "Investigators said it was too early to say what caused the fire.\n\n"
    )
    assert text_metadata(story + "Reporting by Sam Adeyemi; editing by Claire Moss").byline == "Sam Adeyemi"
    assert text_metadata(story + "Reporting by Sam Adeyemi and Jo Lee").byline == "Sam Adeyemi and Jo Lee"
    assert text_metadata("By Nadia Flint\n\n" + story + "Reporting by Sam Adeyemi").byline == "Nadia Flint"
    inside = "Reporting by Sam Adeyemi showed the site was unsafe, the mayor said.\n\n" + "More news here.\n\n" * 9
    assert text_metadata(story + inside).byline is None  # credited reporting inside the story, not its writer
    assert text_metadata(story + "Written by Eleanor Perry; Lloyd Kramer, director").byline is None  # a film's credits


def test_text_outlet_from_a_reporter_bio_and_from_a_wire_dateline():
    bio = "Some lines.\n\nTamar Pileggi is a breaking news editor at The Times of Israel.\n\nMore."
    assert text_metadata(bio).outlet == "The Times of Israel"
    wire = "Fire in Marrowick\n\nMARROWICK (WireNow) — A fire at a chemical warehouse forced hundreds out."
    assert text_metadata(wire).outlet == "WireNow"
    old_wire = "BERLIN (AP) _ Germany's second doping trial opened Tuesday with coaches confessing.\n\nMore."
    assert text_metadata(old_wire).outlet == "AP"  # the underscore the AP typed for a dash


def test_a_copyright_holder_counts_only_when_the_page_names_it_again():
    assert text_metadata("A story.\n\n© 2019 Getty Images").outlet is None
    assert text_metadata("Follow Valley Courier.\n\nA story.\n\n© 2019 Valley Courier").outlet == "Valley Courier"


def test_duc_and_tac_ids_give_the_wire_and_day():
    assert wire_metadata("APW19980601.0001").outlet == "Associated Press"
    assert wire_metadata("APW19980601.0001").published == "1998-06-01"
    assert wire_metadata("NYT_ENG_20050101.0042").published == "2005-01-01"
    assert wire_metadata("report-7").outlet is None


def test_a_news_service_story_has_the_paper_its_lines_name_as_its_outlet():
    story = "ATLANTA _ Newt Gingrich filed for divorce.\n\nThe hearing is set for Monday."
    cox = story + "\n\nStory Filed By Cox Newspapers\n\nFor Use By Clients of the New York Times News Service"
    assert wire_metadata("NYT19990913.0341", cox).outlet == "Cox Newspapers"
    # The writer's own paper is more precise than the service that filed the story.
    writer = (
        story
        + "\n\nDuane D. Stanford writes for the Atlanta Journal-Constitution, Atlanta, Ga.\n\nStory Filed By Cox Newspapers"
    )
    assert wire_metadata("NYT19990913.0341", writer).outlet == "Atlanta Journal-Constitution"
    # Short names of member papers, and a closing note in parentheses.
    globe = story + "\n\n(David Nyhan is a Globe columnist.)"
    assert wire_metadata("NYT19990319.0090", globe).outlet == "Boston Globe"
    visit = story + "\n\n(Visit the Star-Telegram's online services on the World Wide Web: www.star-telegram.com)"
    assert wire_metadata("NYT19990319.0090", visit).outlet == "Fort Worth Star-Telegram"
    excerpt = story + "\n\n(This article is excerpted from New Scientist, a weekly science magazine based in London.)"
    assert wire_metadata("NYT20000707.0089", excerpt).outlet == "New Scientist"
    assert wire_metadata("NYT20000707.0089", excerpt).published == "2000-07-07"


def test_a_news_service_story_naming_no_paper_keeps_the_service():
    assert (
        wire_metadata("NYT19990913.0341", "WASHINGTON _ The Senate voted.\n\nXXXX END OF STORY").outlet
        == "New York Times"
    )
    # A writer quoted inside a story's long paragraph is a source, not the story's paper.
    quoted = (
        "WASHINGTON _ The Senate voted.\n\n"
        + "Jane Smith writes for the Washington Post and has covered the Senate for years, and she said the vote "
        + "was the closest of the session, closer than any since the budget fight of the spring, when three "
        + "senators changed sides in the last hour and the leaders had to call back members who had left town."
    )
    assert wire_metadata("NYT19990913.0341", quoted).outlet == "New York Times"
    # The service's own paper stays the service's outlet; an agency's id is never read from the text.
    magazine = "A story.\n\n(Margaret Talbot is a contributing writer for The New York Times Magazine.)"
    assert wire_metadata("NYT19990913.0341", magazine).outlet == "New York Times"
    assert wire_metadata("APW19980601.0001", "A story.\n\nStory Filed By Cox Newspapers").outlet == "Associated Press"


def test_labels_are_human_and_unique():
    items = [
        LabelSource(id="a", name="000_45c1f8632916d47b.txt", outlet="Reuters", published="2015-08-03T10:00:00"),
        LabelSource(id="b", name="001.txt", outlet="Reuters", published="2015-08-04"),
        LabelSource(id="c", name="002.txt", outlet="AP", published="2015-08-03"),
        LabelSource(id="d", name="003.txt", outlet="AP", published="2015-08-03"),
        LabelSource(
            id="e", name="004.txt", title="Russia invites Hamas leader for talks in Moscow after meeting in Doha"
        ),
        LabelSource(id="f", name="005.txt"),
        LabelSource(id="g", name="My own name", outlet="AP"),  # a name a person gave wins
    ]
    labels = unique_labels(items)
    assert labels == [
        "Reuters, 2015-08-03",
        "Reuters, 2015-08-04",
        "AP, 2015-08-03 #1",
        "AP, 2015-08-03 #2",
        "Russia invites Hamas leader for talks in Moscow…",
        "005.txt",
        "My own name",
    ]
    assert len(set(labels)) == len(labels)


def test_a_feed_item_is_labelled_by_its_outlet_not_by_the_feed_file(tmp_path):
    feed = Path(__file__).parent / "data" / "stories" / "feed.xml"
    assert is_file_name("feed.xml#2") and not is_file_name("My own name #2")
    summary = chorus.summarize([feed], words=40)
    assert {d.outlet for d in summary.documents} == {"The Harbour Gazette"}
    assert [d.label for d in summary.documents] == [
        "The Harbour Gazette, 2025-03-02",
        "The Harbour Gazette, 2025-05-20",
    ]
    dataset = tmp_path / "clusters.jsonl"
    dataset.write_text('{"id": "a", "documents": ["A text."]}\n')
    with pytest.raises(InputError, match="read as a dataset of clusters"):  # as the CLI reads it, not as one article
        chorus.summarize([dataset])


def test_an_article_with_nothing_to_name_it_but_its_text_is_labelled_by_its_place():
    # Pasted texts (the web page, the Python API) have only their place in the input as an id.
    assert unique_labels([LabelSource(id="3"), LabelSource(id="x7"), LabelSource(id="4", outlet="AP")]) == [
        "article 3",
        "x7",
        "AP",
    ]


def test_an_article_with_no_outlet_or_headline_is_labelled_by_its_ledes_opening_words():
    texts = [
        "Flood water closed the coastal road at Gravel Bay on Tuesday after the river burst its banks overnight.",
        "The council said 40 homes on Mill Lane were flooded and their owners were moved to the sports hall.",
    ]
    summary = chorus.summarize(texts)
    assert [d.label for d in summary.documents] == [
        "“Flood water closed the coastal road at Gravel…”",
        "“The council said 40 homes on Mill Lane…”",
    ]
    # A file name stays the name the article came as; the label is its opening words, not the file's.
    item = LabelSource(id="002", name="002_4987aa31bae3cc18.txt", lede="Russian Foreign Minister Sergei Lavrov and")
    assert unique_labels([item]) == ["“Russian Foreign Minister Sergei Lavrov and”"]  # whole: no ellipsis
    # An outlet, a headline or a name a person gave still wins over the text.
    assert unique_labels(
        [
            LabelSource(id="a", outlet="AP", lede="Some words."),
            LabelSource(id="b", title="A headline", lede="Some words."),
            LabelSource(id="c", name="My notes", lede="Some words."),
        ]
    ) == ["AP", "A headline", "My notes"]


def test_a_lede_label_is_cut_at_a_word_and_keeps_its_quotation_marks_single():
    assert lede_label('\n\nHe said: "We will rebuild the whole port, every berth of it" on Monday.') == (
        "“He said: ‘We will rebuild the whole port…”"
    )
    assert lede_label("“We will stay,” the mayor said.") == "“We will stay,’ the mayor said.”"
    assert lede_label("Officials said, on Tuesday, that the fire — still burning — spread.", 7) == (
        "“Officials said, on Tuesday, that the fire…”"
    )
    assert lede_label("Officials said, on Tuesday, that the fire — still burning — spread.", 8) == (
        "“Officials said, on Tuesday, that the fire…”"  # the dash the cut left is dropped
    )
    assert lede_label("") is None and lede_label(None) is None
    # A headline is cut the same way.
    assert unique_labels([LabelSource(id="a", title="Russian FM Lavrov meets Hamas leader in Qatar, invites him")]) == [
        "Russian FM Lavrov meets Hamas leader in Qatar…"
    ]


def test_articles_whose_ledes_open_alike_get_more_of_their_words_then_a_number():
    opening = "Fire crews fought a blaze at the Halvern warehouse on the"
    items = [
        LabelSource(id="1", lede=f"{opening} quay overnight, the council said."),
        LabelSource(id="2", lede=f"{opening} harbour front until dawn on Friday."),
        LabelSource(id="3", lede="Short."),
        LabelSource(id="4", lede=f"{opening} quay overnight, the council said."),  # the same lede again
    ]
    labels = unique_labels(items)
    assert labels[:3] == [
        "“Fire crews fought a blaze at the Halvern warehouse on the quay…” #1",
        "“Fire crews fought a blaze at the Halvern warehouse on the harbour…”",
        "“Short.”",
    ]
    assert labels[3] == "“Fire crews fought a blaze at the Halvern warehouse on the quay…” #2"
    assert len(set(labels)) == len(labels)
    # Pasted through the API, the same: the labels differ where the texts do.
    summary = chorus.summarize([item.lede for item in items[:2]] + ["The blaze was out by noon, crews said."])
    assert len({d.label for d in summary.documents}) == len(summary.documents)


def test_time_order_puts_undated_articles_last_and_reads_offsets():
    published = ["2015-08-03T12:00:00+03:00", None, "2015-08-03T10:00:00+00:00", "2015-08-02"]
    assert time_order(published) == [3, 0, 2, 1]  # 12:00+03:00 is 09:00 UTC, before 10:00 UTC


def test_documents_carry_metadata_and_labels(lavrov_dir):
    from chorus.pipeline import load_documents

    docs = {d.name: d for d in load_documents([EXAMPLE])}
    assert docs["02-northshore-radio.html"].label == "Northshore Radio News"
    assert docs["03-valley-courier.txt"].label == "Valley Courier"
    assert docs["04-wirenow.txt"].outlet == "WireNow"
    lavrov = load_documents([lavrov_dir])
    assert lavrov[0].label == "The Times of Israel"
    assert not any(d.label.endswith(".txt") and d.title for d in lavrov)  # a headline before a file name
    assert len({d.label for d in lavrov}) == len(lavrov)


def test_dataset_fields_are_metadata_and_win_over_the_page():
    raw = [
        RawDocument(
            text=BODY.replace("<p>", "").replace("</p>", "\n\n"),
            id="APW19980601.0001",
            outlet="Reuters",
            published="2015-08-03",
        )
    ]
    (doc,) = prepare_documents(raw, [])
    assert (doc.outlet, doc.published, doc.label) == ("Reuters", "2015-08-03", "Reuters")


def test_a_wire_document_id_wins_over_what_the_text_seems_to_say():
    # The id names the wire and the day exactly; a "(AP)" dateline or a date in a short line is a guess.
    text = (
        "MARROWICK (WireNow) — A fire at a chemical warehouse forced hundreds from their homes on Monday.\n\n"
        "The plant opened on March 3, 1973.\n\n"
        "Firefighters kept the flames from two tanks of chlorine, the fire chief said on Monday night."
    )
    (doc,) = prepare_documents([RawDocument(text=text, id="APW19980601.0001")], [])
    assert (doc.outlet, doc.published) == ("Associated Press", "1998-06-01")
    (doc,) = prepare_documents([RawDocument(text=text, id="fire-1")], [])
    assert doc.outlet == "WireNow"


def test_json_outputs_list_the_metadata(run):
    code, out, _ = run("summarize", str(EXAMPLE), "--format", "json")
    assert code == 0
    documents = {d["name"]: d for d in json.loads(out)["documents"]}
    radio = documents["02-northshore-radio.html"]
    assert radio["outlet"] == "Northshore Radio News" and radio["label"] == "Northshore Radio News"
    assert set(radio) >= {"outlet", "url", "byline", "published", "label"}


def test_the_head_read_for_metadata_does_not_end_at_a_short_line_the_cleaner_kept():
    from chorus.ingest import _head_lines
    from chorus.ingest.metadata import HEAD_LINES

    menu = [f"Section {n}" for n in range(HEAD_LINES)]
    lede = "The city council voted on Monday to close the Elm Street bridge for six weeks of repairs."
    text = "\n".join(["News", *menu, "Published August 3, 2015", lede, "More."])
    # "News" kept first would have ended the window at line 4; the story's first prose paragraph sets it.
    assert _head_lines(text, ["News", lede]) == HEAD_LINES + 3 + 3
    assert text_metadata(text, _head_lines(text, ["News", lede])).published == "2015-08-03"
    assert _head_lines("News\n" + lede, ["News", lede]) == HEAD_LINES
