"""Encodings German sites produce: UTF-8 (with/without BOM), cp1252, latin-1, UTF-16."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from blogtext.errors import InputError
from blogtext.ingest import read_inputs
from blogtext.ingest.decode import decode_bytes

GERMAN = (
    "„Größere Maßnahmen“ – für Bäckereien, Öko-Läden & Übersee: 5 € pro Kunde.\nZweite Zeile.\n"
)


def only_post(path):
    [post] = list(read_inputs([str(path)]))
    return post


def test_encoding_cp1252_keeps_umlauts_and_quotes(write):
    post = only_post(write("alt.txt", GERMAN, encoding="cp1252"))
    assert post.encoding == "cp1252"
    assert post.text == GERMAN


def test_encoding_latin1_umlauts_survive(write):
    text = "Über die Größe der Bäckerei: Öffnungszeiten für Kunden.\n"
    post = only_post(write("latin.txt", text, encoding="latin-1"))
    assert post.text == text
    assert post.encoding in ("cp1252", "latin-1", "iso8859-15")


def test_encoding_utf8_bom_is_removed(write):
    post = only_post(write("bom.txt", b"\xef\xbb\xbf" + GERMAN.encode()))
    assert post.text == GERMAN
    assert post.encoding == "utf-8"


def test_encoding_utf16_with_bom(write):
    post = only_post(write("utf16.txt", GERMAN.encode("utf-16")))
    assert post.text == GERMAN
    assert post.encoding == "utf-16"


def test_encoding_html_declared_charset(write):
    page = '<html><head><meta charset="iso-8859-1"><title>Grüße</title></head><body><p>Schöne Grüße</p></body></html>'
    post = only_post(write("alt.html", page, encoding="cp1252"))
    assert post.title == "Grüße"
    assert post.encoding == "cp1252"


def test_line_endings_normalised_and_line_count_kept(write):
    post = only_post(write("crlf.txt", b"Eins\r\nZwei\rDrei\n\r\nVier"))
    assert post.text.split("\n") == ["Eins", "Zwei", "Drei", "", "Vier"]


def test_unicode_normalised_to_nfc(write):
    decomposed = unicodedata.normalize("NFD", "Mitarbeiterinnen schätzen Rückmeldungen.")
    post = only_post(write("nfd.txt", decomposed))
    assert post.text == "Mitarbeiterinnen schätzen Rückmeldungen."


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_decode_bytes_never_crashes(data):
    try:
        text, encoding = decode_bytes(data, "zufall.bin")
    except InputError as error:
        assert error.location == "zufall.bin"
    else:
        assert isinstance(text, str) and encoding
        assert "\r" not in text
