"""Bytes → text: encoding detection, binary detection, newline and Unicode normalisation.

German sites produce UTF-8, cp1252 and latin-1 (ISO-8859-1/-15). The order is: a byte-order
mark, strict UTF-8, a charset declared in HTML, then charset-normalizer restricted to
encodings German pages actually use, then cp1252 (a superset of latin-1 for printable text:
it has „ “ – € where latin-1 has C1 control codes), then latin-1, which decodes any bytes.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from blogtext.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: What charset-normalizer may answer; anything else (e.g. cp1250 on short German text) is a
#: misdetection, and cp1252 is the better guess.
_PLAUSIBLE = ("cp1252", "latin_1", "iso8859_15", "mac_roman", "cp850", "utf_16", "utf_8")

# Bounded: at most 200 characters between "charset" and the name; no nested quantifiers.
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.I
)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def decode_bytes(data: bytes, location: str, *, html: bool = False) -> tuple[str, str]:
    """Decode ``data`` and normalise it; returns ``(text, encoding name)``.

    Raises:
        InputError: The bytes are binary (NUL bytes, many control characters) or empty.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise InputError(
                    location, f"not decodable as {encoding} despite its byte-order mark"
                ) from None
            return _checked(normalise_text(text), location), encoding.replace("-sig", "")
    if b"\x00" in data[:65536]:
        raise InputError(location, "binary file (NUL bytes), not a text post")
    text, encoding = _decode_without_bom(data, html)
    return _checked(normalise_text(text), location), encoding


def _decode_without_bom(data: bytes, html: bool) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if html:
        match = _DECLARED_CHARSET.search(data[:4096])
        if match:
            declared = _codec_name(match.group(1).decode("ascii", "ignore"))
            if declared and declared != "utf-8":
                try:
                    return data.decode(declared), declared
                except (UnicodeDecodeError, LookupError):
                    pass
    detected = _detect(data)
    if detected:
        try:
            return data.decode(detected), detected
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; latin-1 maps every byte.
        return data.decode("latin-1"), "latin-1"


def _codec_name(name: str) -> str | None:
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # Browsers treat a declared latin-1 as windows-1252 (WHATWG Encoding Standard).
    return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:262144], cp_isolation=list(_PLAUSIBLE)).best()
    if best is None:
        return None
    name = _codec_name(best.encoding)
    # latin-1 and cp1252 agree on every printable character; prefer cp1252 (it also has „“).
    if name in ("latin-1", "iso8859-1", "iso8859-15"):
        return "cp1252" if _is_cp1252(data) else name
    return name


def _is_cp1252(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def normalise_text(text: str) -> str:
    """Line endings → ``\\n`` (keeping the line count of the file) and Unicode → NFC."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _checked(text: str, location: str) -> str:
    if not text.strip():
        raise InputError(location, "file has no text (empty or only whitespace)")
    sample = text[:65536]
    controls = len(_CONTROL.findall(sample))
    if controls > max(8, len(sample) // 50):
        raise InputError(location, "binary or undecodable file (too many control characters)")
    return text
