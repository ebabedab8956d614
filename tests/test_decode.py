import pytest

from chorus.errors import InputError
from chorus.ingest.decode import decode


def test_utf8_passes_through_with_curly_quotes_kept():
    assert decode("“Yes,” she said — twice.".encode(), "a") == "“Yes,” she said — twice."


def test_mojibake_is_repaired():
    broken = "The company’s café said no.".encode("utf-8").decode("cp1252")
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


@pytest.mark.parametrize("data", [b"", b"   \n\t  "])
def test_empty_input_is_refused(data):
    with pytest.raises(InputError, match="is empty"):
        decode(data, "empty.txt")


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", bytes(range(256)) * 4])
def test_binary_input_is_refused(data):
    with pytest.raises(InputError, match="binary"):
        decode(data, "photo.txt")
