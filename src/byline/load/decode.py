"""Turning bytes into text without ever failing."""

from __future__ import annotations

import codecs


def decode(data: bytes) -> tuple[str, list[str]]:
    """Decode file contents; return the text and any warnings.

    UTF-8 (with or without a BOM) and UTF-16 with a BOM are taken as they are.
    Anything else is read as Windows-1252, the usual culprit for news text,
    with Latin-1 behind it; either way the article is flagged.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), []
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        where = f"byte {error.start}"
    try:
        text = data.decode("cp1252")
        return text, [f"not valid UTF-8 (at {where}); read as Windows-1252"]
    except UnicodeDecodeError:
        return data.decode("latin-1"), [f"not valid UTF-8 (at {where}); read as Latin-1"]


# Bytes that plain text is made of; bytes >= 0x80 may be any encoding's letters.
_TEXT_BYTES = bytes(range(32, 256)) + b"\n\r\t\f\b\x1b\x07"


SAMPLE_FOR_SHARE = 256
NOISE_SHARE = 0.05


def looks_binary(head: bytes) -> bool:
    """More than a tenth of control bytes (NUL among them) marks a binary file.

    A stray NUL or escape code inside an article is cleaned later, not refused.
    """
    if not head:
        return False
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    odd = len(head.translate(None, _TEXT_BYTES)) / len(head)
    # Random or compressed bytes have about a tenth of control bytes (27 of 256 values): a tenth
    # alone let half of them through as Latin-1 "articles" full of junk names. Over enough bytes
    # for the share to mean something, half that is far more than any text holds.
    return odd > 0.1 or (len(head) >= SAMPLE_FOR_SHARE and odd > NOISE_SHARE)
