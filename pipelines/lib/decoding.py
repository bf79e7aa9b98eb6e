"""Bytes to text, by one rule for pages, text files and statistics: `decoded`, and why it read
nothing (`undecodable`).

A module of its own: the statistics readers need the rule, not the HTML libraries that
`pipelines.lib.articles` imports.
"""

from __future__ import annotations

from resiliparse.parse.encoding import map_encoding_to_html5

SNIFFED = 4096  # bytes at a payload's start where a NUL means it is not text in that reading


def decoded(data: bytes, charset: str | None) -> str | None:
    """The bytes as text: UTF-16 when they open with its byte order mark, else UTF-8 when all
    of them are (a byte order mark dropped), else the `charset` their server declared when they
    are valid in it; None when none reads them.

    UTF-8 first: bytes of other encodings are almost never valid UTF-8 throughout, while
    servers often declare a default charset their files are not in. The label is read as
    browsers read it (WHATWG): `iso-8859-1` and `us-ascii` mean windows-1252, whose dashes
    and quotes servers send under those labels; `utf-16` means UTF-16LE.

    A reading with a NUL in its first SNIFFED characters is not the text: UTF-16 without a byte
    order mark is valid UTF-8 when its text is mostly ASCII (NUL is a code point: "a\\x00b\\x00"),
    and a page served as `charset=utf-16le` was read as its words between NULs; the declared
    charset reads it. Only the start: a stray NUL deep in a page that is text throughout is
    left to the parsers, as it was before UTF-16 was read. Bytes with a NUL there in every
    reading (binary data, or UTF-16 nothing declares) give None, and the caller says so.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # a byte order mark wins (WHATWG)
        readings = ["utf-16"]
    else:
        readings = ["utf-8-sig"]
        if charset and (encoding := map_encoding_to_html5(charset, fallback_utf8=False)):
            readings.append(encoding)
    for encoding in readings:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if text.find("\x00", 0, SNIFFED) < 0:
            return text
    return None


def nul_near_start(data: bytes) -> bool:
    """Whether a NUL is among the first SNIFFED bytes: what tells UTF-16 or binary data from
    text with a stray NUL deep in it (`decoded`)."""
    return data.find(b"\x00", 0, SNIFFED) >= 0


def undecodable(data: bytes, charset: str | None, what: str) -> str:
    """Why `decoded` read no text from `data` (`what`: "text file", "CSV", ...): where the
    first NUL is, or the first byte that is not UTF-8 and the first that is not in the charset
    declared, if any."""
    encoding = map_encoding_to_html5(charset, fallback_utf8=False) if charset else None
    declared = charset if charset and encoding != "utf-8" else None  # "utf-8" was tried first
    if b"\x00" in data:
        nul = f"{what} holds NUL bytes (first at offset {data.index(0)})"
        if declared:
            return f"{nul} and is not text in {declared} as its server declared: binary data?"
        return f"{nul}: binary data, or UTF-16 with no byte order mark and no charset declared?"
    reason = f"{what} is not UTF-8 ({_first_bad_byte(data, 'utf-8-sig')})"
    if declared:
        where = _first_bad_byte(data, encoding) if encoding else "a charset browsers do not know"
        reason += f", nor {declared} as its server declared ({where})"
    return reason


def _first_bad_byte(data: bytes, encoding: str) -> str:
    """Where `data` stops being valid in `encoding`, as "byte 0x.. at offset N"."""
    try:
        data.decode(encoding)
    except UnicodeDecodeError as exc:
        return f"byte 0x{data[exc.start]:02x} at offset {exc.start}"
    except LookupError:
        return "a charset Python cannot read"
    return "valid throughout"
