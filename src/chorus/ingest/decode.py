"""Bytes to clean Unicode: encoding detection, mojibake repair, binary refusal."""

from __future__ import annotations

import ftfy
from charset_normalizer import from_bytes

from chorus.errors import InputError

_CONTROL_OK = {9, 10, 12, 13}  # tab, newline, form feed, carriage return
_UNICODE_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False)  # quotes are part of what outlets printed


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes mean an image, PDF, archive..."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in _CONTROL_OK)
    return controls > 0.05 * max(len(head), 1)


def decode(data: bytes, name: str) -> str:
    """Decode ``data`` (any encoding) and repair mojibake; raise InputError if unusable."""
    if not data.strip():
        raise InputError(f"{name} is empty")
    for bom, codec in _UNICODE_BOMS:
        if data.startswith(bom):
            try:
                return fix_text(data.decode(codec))
            except UnicodeDecodeError:
                raise InputError(f"{name} is not valid {codec.upper()} text") from None
    if looks_binary(data):
        raise InputError(f"{name} is a binary file, not text or HTML")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        match = from_bytes(data).best()
        if match is None:
            raise InputError(f"{name} is not text in any encoding chorus recognises") from None
        text = str(match)
    return fix_text(text)


def fix_text(text: str) -> str:
    """Repair mojibake ("â€™" for "’") and normalise line breaks."""
    text = ftfy.fix_text(text, config=_FTFY)
    return text.replace("\r\n", "\n").replace("\r", "\n")
