"""Reading an article file for the claim checker: plain UTF-8 text, or one clear error naming the file.

Refused with :class:`~mirrortrade.errors.ParseError`: a missing file or a directory, an empty or
blank file, a binary file (NUL bytes, a PDF, an image), UTF-16, text that is not UTF-8 (the
error gives the byte offset; Windows-1251 is the usual culprit), a file over
:data:`MAX_ARTICLE_BYTES` (checked on the file size before anything is read), and a text not written in
the Latin alphabet (:func:`script_problem`: the checker reads English-language news text; a Russian or Chinese
article would give no claims and no reason).
"""

from __future__ import annotations

import os
import unicodedata
from collections import Counter
from pathlib import Path

from mirrortrade.errors import ParseError

#: the largest article accepted: 10 MB is about 1.5 million words, far beyond any news story
MAX_ARTICLE_BYTES = 10 * 1024 * 1024

#: a text with at least this many letters is judged by its script (a headline alone is not)
MIN_LETTERS_FOR_SCRIPT = 40
#: the share of its letters a text needs in another script than Latin to be refused
OTHER_SCRIPT_SHARE = 0.5

_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"\xd0\xcf\x11\xe0")


def read_article_file(path: str | os.PathLike[str]) -> str:
    """The text of an article file, validated (see the module docstring). A leading BOM is dropped."""
    p = Path(path)
    if not p.exists():
        raise ParseError("no such file", file=str(p))
    if not p.is_file():
        raise ParseError("not a regular file (expected a UTF-8 text article)", file=str(p))
    size = p.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise ParseError(
            f"article is {size / 1e6:.1f} MB, more than the {MAX_ARTICLE_BYTES // (1024 * 1024)} MB limit for a text",
            file=str(p),
        )
    return validate_article_text(p.read_bytes(), str(p))


def validate_article_text(data: bytes, name: str) -> str:
    """Decode and validate an article's bytes (from a file or standard input); ``name`` is used in errors."""
    if len(data) > MAX_ARTICLE_BYTES:
        raise ParseError(
            f"article is {len(data) / 1e6:.1f} MB, more than the {MAX_ARTICLE_BYTES // (1024 * 1024)} MB limit for a text",
            file=name,
        )
    if not data.strip():
        raise ParseError("article is empty", file=name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ParseError("article is UTF-16; save it as UTF-8 text", file=name)
    if data.startswith(_BINARY_MAGIC) or b"\x00" in data:  # anywhere: a NUL-padded text is damaged
        raise ParseError("article is a binary file (PDF, image or archive?), expected UTF-8 text", file=name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ParseError(
            f"article is not UTF-8 text (byte {e.start}: 0x{data[e.start]:02x}; Windows-1251?); save it as UTF-8",
            file=name,
        ) from None
    text = text.removeprefix("\ufeff")
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 8:
        raise ParseError("article is a binary file (control characters), expected UTF-8 text", file=name)
    problem = script_problem(text)
    if problem:
        raise ParseError(problem, file=name)
    return text


def script_problem(text: str) -> str | None:
    """Why the claim checker cannot read ``text``, when most of its letters are in another script than Latin (a
    Russian, Kazakh-Cyrillic, Chinese or Arabic article), or None. The checker reads English-language news text: an
    English article quoting a Cyrillic name or a Chinese title passes; a text of more than :data:`OTHER_SCRIPT_SHARE`
    letters of another script is refused with the script named, instead of giving no claims and no reason."""
    scripts: Counter[str] = Counter()
    for ch in text[:65536]:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            scripts[name.split(" ")[0] if name else "UNKNOWN"] += 1
    letters = sum(scripts.values())
    if letters < MIN_LETTERS_FOR_SCRIPT:
        return None
    other = letters - scripts["LATIN"]
    if other / letters <= OTHER_SCRIPT_SHARE:
        return None
    script = max((k for k in scripts if k != "LATIN"), key=lambda k: scripts[k])
    return (f"article is not in English: {other / letters:.0%} of its letters are {script.title()} "
            "(mirrortrade check reads English-language news text; check a translation)")
