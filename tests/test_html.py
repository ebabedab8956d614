"""The HTML route: trafilatura's extraction, with what chorus's cleaner adds at the article's edges."""

from __future__ import annotations

import pytest

from chorus.ingest.html import extract_html, trim_edges

PARAGRAPHS = [
    "The city council voted on Monday to close the Elm Street bridge for six weeks of urgent repairs to its steel frame.",
    "Engineers found cracks in two support beams during a routine inspection last month, the council said in a statement.",
    "Buses will replace the tram line that crosses the bridge, and cyclists will be sent over the Mill Road crossing.",
    "Local shop owners said the closure would hurt trade during the busy holiday season, and asked for help with rents.",
]


def page(head: str = "", before: str = "", after: str = "", h1: str = "Bridge to close") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    heading = f"<h1>{h1}</h1>" if h1 else ""
    return (
        f"<!doctype html><html><head>{head}</head><body><article>{heading}{before}{body}{after}</article></body></html>"
    )


def test_the_headline_of_the_page_title_printed_again_is_not_the_body():
    # trafilatura compares its first line with the <h1> only; the <title>'s headline (without the
    # site's name) and Open Graph's are the headline too.
    html = page(
        "<title>Elm Street bridge to close for six weeks - Marrowick Ledger</title>"
        '<meta name="twitter:title" content="Elm Street bridge to close for six weeks">',
        before="<p>Elm Street bridge to close for six weeks</p>",
        h1="Bridge news",
    )
    paragraphs = extract_html(html, "p.html").text.split("\n\n")
    assert "Elm Street bridge to close for six weeks" not in paragraphs
    assert paragraphs[-len(PARAGRAPHS) :] == PARAGRAPHS


@pytest.mark.parametrize(
    "furniture",
    [
        "Sign up for our newsletter to get the latest updates delivered to your inbox.",
        "Follow the Ledger on Instagram, Facebook and Twitter.",
        "Updated at 1:23 p.m.",
        "DON'T MISS",
    ],
)
def test_sign_offs_prompts_and_stamps_after_the_article_go(furniture):
    assert trim_edges(PARAGRAPHS + [furniture]) == PARAGRAPHS
    assert trim_edges([furniture] + PARAGRAPHS) == PARAGRAPHS


def test_a_paragraph_with_page_words_in_it_or_in_the_middle_stays():
    # Only short blocks at the edges are trimmed: a paragraph that names Twitter is reporting.
    closing = (
        "Tottenham posted an image of the new manager holding up a club shirt on its Twitter account, "
        "and thousands of supporters shared it within the hour, many of them asking about the fee."
    )
    middle = "Sign up for our newsletter."
    assert trim_edges(PARAGRAPHS + [closing]) == PARAGRAPHS + [closing]
    assert trim_edges(PARAGRAPHS[:2] + [middle] + PARAGRAPHS[2:]) == PARAGRAPHS[:2] + [middle] + PARAGRAPHS[2:]


def test_a_table_s_rows_are_not_trimmed():
    rows = ["| Pos | Player | Plays |", "| CB | Denzel Ward | 74 |", "| CB | Denzel Ward | 74 |"]
    assert trim_edges(PARAGRAPHS + rows) == PARAGRAPHS + rows


def test_a_box_of_other_stories_trafilatura_kept_goes():
    # "You may also like..." and the headlines under it, at the article's end or in its middle.
    box = ["You may also like...", "Who Will Make the Rock Hall in 2020?", "Dave Matthews Band Takes Over Fan Vote"]
    assert trim_edges(PARAGRAPHS + box) == PARAGRAPHS
    assert trim_edges(PARAGRAPHS[:2] + box + PARAGRAPHS[2:]) == PARAGRAPHS


def _containers(*groups: list[str], cls: str = "story body") -> str:
    ad = '<div class="ad"><span>Advertisement</span></div>'
    return ad.join(f'<div class="{cls}">' + "".join(f"<p>{p}</p>" for p in g) + "</div>" for g in groups)


def test_an_article_split_around_an_advertisement_is_read_whole():
    from lxml import html as lxml_html

    from chorus.ingest.html import split_body

    tree = lxml_html.fromstring(
        f"<html><body><article>{_containers(PARAGRAPHS[:1], PARAGRAPHS[1:2], PARAGRAPHS[2:])}</article></body></html>"
    )
    # trafilatura kept the middle container: the first one has a single paragraph (too little to be sure), the last two
    assert split_body(tree, PARAGRAPHS[1:2]) == ([], PARAGRAPHS[2:])
    tree = lxml_html.fromstring(f"<html><body>{_containers(PARAGRAPHS[:2], PARAGRAPHS[2:])}</body></html>")
    assert split_body(tree, PARAGRAPHS[2:]) == (PARAGRAPHS[:2], [])
    # extracted paragraphs are not added twice
    assert split_body(tree, PARAGRAPHS) == ([], [])


def test_containers_a_comment_section_repeats_are_not_the_article():
    from lxml import html as lxml_html

    from chorus.ingest.html import split_body

    comments = [
        [f"Reader {i} wrote that the bridge had been unsafe for years and should have closed.", p]
        for i, p in enumerate(PARAGRAPHS)
    ]
    tree = lxml_html.fromstring(f"<html><body>{_containers(PARAGRAPHS[:2], *comments)}</body></html>")
    assert split_body(tree, PARAGRAPHS[:2]) == ([], [])
    split = f"<html><body><article><h1>Bridge to close</h1>{_containers(PARAGRAPHS[:2], PARAGRAPHS[2:])}</article></body></html>"
    paragraphs = extract_html(split, "p.html").text.split("\n\n")
    assert [p for p in paragraphs if p in PARAGRAPHS] == PARAGRAPHS  # each paragraph once, in order
