import pytest

from chorus.errors import InputError
from chorus.ingest.decode import decode
from chorus.ingest.read import read_article_file


def test_utf8_passes_through_with_curly_quotes_kept():
    assert decode("“Yes,” she said — twice.".encode(), "a") == "“Yes,” she said — twice."


def test_mojibake_is_repaired():
    broken = "The company’s café said no.".encode().decode("cp1252")
    assert broken == "The companyâ€™s cafÃ© said no."
    assert decode(broken.encode("utf-8"), "a") == "The company’s café said no."


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16"])
def test_other_encodings_are_detected(encoding):
    text = "Der Bürgermeister sagte, café prices rose in Zürich and São Paulo last year. " * 3
    assert decode(text.encode(encoding), "a").strip() == text.strip()


def test_byte_order_mark_is_dropped():
    assert decode(b"\xef\xbb\xbfHello there.", "a") == "Hello there."


def test_windows_line_endings_become_newlines():
    assert decode(b"One.\r\n\r\nTwo.\r\n", "a") == "One.\n\nTwo.\n"


@pytest.mark.parametrize("data", [b"", b"   \n\t  ", b"\xef\xbb\xbf", b"\xef\xbb\xbf\n\n", b"\xff\xfe \x00\n\x00"])
def test_empty_input_is_refused(data):
    with pytest.raises(InputError, match="is empty"):
        decode(data, "empty.txt")


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", bytes(range(256)) * 4])
def test_binary_input_is_refused(data):
    with pytest.raises(InputError, match="binary"):
        decode(data, "photo.txt")


# --- files in legacy encodings, written by the tests -------------------------

WESTERN = (
    "The mayor said the café’s “new menu” would cost €2.50 a dish — “a fair price,” she added.\n\n"
    "Crème brûlée and crêpes stay; Zoë’s naïve résumé did not.\n"
)
LATIN_1 = "Señor Muñoz visited Zürich and São Paulo; the Bürgermeister’s façade café.\n".replace("’", "'")
# Short lines a statistical detector reads as cp850, cp1250, mac_latin2,
# big5hkscs or UTF-16 ("The cafÚÆs ômenuö cost Ç5.").
SHORT_WESTERN = [
    "The café’s “menu” cost €5.",
    "Prices at the café rose to €4.50 — “too much,” locals said.",
    "Crème brûlée costs €7 at the café.",
    "Señor Muñoz visited Zürich.",
    "He’s here.",
    "Café",
]


def _file(tmp_path, data: bytes, name: str = "article.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    return read_article_file(path).text


def test_cp1252_file_with_curly_quotes_accents_and_euro(tmp_path):
    assert _file(tmp_path, WESTERN.encode("cp1252")) == WESTERN


def test_latin1_file(tmp_path):
    assert _file(tmp_path, LATIN_1.encode("latin-1")) == LATIN_1


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:  # Latin-1 has no curly quotes, dashes or euro sign
        return False
    return True


@pytest.mark.parametrize(
    "text, encoding",
    [(t, e) for e in ("cp1252", "latin-1") for t in SHORT_WESTERN if _encodable(t, e)],
)
def test_short_western_text_is_not_read_as_an_exotic_codec(tmp_path, text, encoding):
    assert _file(tmp_path, text.encode(encoding)) == text


def test_utf8_file_with_byte_order_mark(tmp_path):
    assert _file(tmp_path, b"\xef\xbb\xbf" + WESTERN.encode("utf-8")) == WESTERN


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_files_with_or_without_byte_order_mark(tmp_path, encoding):
    # "utf-16" and "utf-32" write a byte order mark, "-le" and "-be" do not.
    assert _file(tmp_path, WESTERN.encode(encoding)) == WESTERN


def test_stray_cp1252_bytes_in_a_utf8_file(tmp_path):
    data = WESTERN.encode("utf-8").replace("€".encode(), b"\x80").replace("—".encode(), b"\x97")
    assert _file(tmp_path, data) == WESTERN


def test_mojibake_saved_as_cp1252_is_repaired(tmp_path):
    text = "Zoë’s café: crêpes for €3 — a bargain.\n"
    broken = text.encode("utf-8").decode("cp1252")
    assert broken.startswith("ZoÃ«â€™s cafÃ©")
    assert _file(tmp_path, broken.encode("cp1252")) == text


@pytest.mark.parametrize(
    "text, encoding",
    [
        ("Президент России заявил, что переговоры продолжатся на следующей неделе.", "cp1251"),
        ("Ο Πρόεδρος δήλωσε ότι οι συνομιλίες θα συνεχιστούν την επόμενη εβδομάδα.", "cp1253"),
        ("Prezydent powiedział, że rozmowy będą kontynuowane w przyszłym tygodniu.", "cp1250"),
        ("It’s the council’s “final” decision, he said — café owners agree.", "mac_roman"),
        ("首相は来週も協議を続けると述べた。東京で記者団に対し、政府は引き続き努力すると語った。", "shift_jis"),
    ],
    ids=["cyrillic", "greek", "polish", "mac-roman", "japanese"],
)
def test_strong_evidence_for_another_codec_wins(tmp_path, text, encoding):
    assert _file(tmp_path, text.encode(encoding)) == text


@pytest.mark.parametrize(
    "declaration, encoding",
    [
        ('<meta charset="windows-1251">', "cp1251"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">', "koi8-r"),
    ],
)
def test_html_declared_charset_is_used(tmp_path, declaration, encoding):
    page = f"<html><head>{declaration}<title>Мир</title></head><body><p>Привет, мир.</p></body></html>\n"
    assert _file(tmp_path, page.encode(encoding), "page.html") == page


def test_html_declared_latin1_is_read_as_cp1252(tmp_path):
    # As browsers do: pages that say ISO-8859-1 use Windows-1252's quotes.
    page = f'<html><head><meta charset="iso-8859-1"></head><body><p>{WESTERN}</p></body></html>\n'
    assert _file(tmp_path, page.encode("cp1252"), "page.html") == page


def test_plain_ascii_text_is_fixed_as_ftfy_fixes_it():
    # fix_text skips ftfy for ASCII text with nothing ftfy would change there; entities, escapes,
    # control characters and non-ASCII text still go through it: the result is ftfy's either way.
    import random

    import ftfy

    from chorus.ingest.decode import fix_text

    config = ftfy.TextFixerConfig(uncurl_quotes=False)
    entities = ["&amp;", "&AMP;", "&#39;", "&#x2019;", "&eacute;", "&nbsp", "&;", "& Co.", "AT&T", "&notanentity;"]
    pieces = [chr(i) for i in range(128)] + entities + ["\x1b[31m", "\r\n", "\u2028", "Ã©", "é"]
    rng = random.Random(19)
    texts = [
        "Plain text.\r\nA second line\rand a third.\f",
        "Fish &amp; chips",
        "Merck & Co.",
        "bell\x07",
        "tab\tand\x0bvt",
    ]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 24))) for _ in range(3000)]
    for text in texts:
        assert fix_text(text) == ftfy.fix_text(text, config=config).replace("\r\n", "\n").replace("\r", "\n")
