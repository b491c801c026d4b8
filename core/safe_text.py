"""Untrusted text made safe to put on a terminal or in a log, without changing what it says.

Message bodies, names and handles come from the public. Shown raw, an escape sequence could move
the cursor or recolour the screen, a line break could forge a log line, a bidi override could
make text read backwards, and a zero-width character could hide inside a word (`pay\u200bpal`
reads as "paypal"), so a link or a name looks like something else. Each such character is
replaced by a visible placeholder, so the reader sees that it was there; everything else is
left exactly as written. Markup is not a concern here: callers render the result as plain text,
never as markup. The screen (`tui`) and the logs (`service.logs`) both use this one module.
"""

from __future__ import annotations

import unicodedata

#: Bidirectional controls: embeddings, overrides and isolates (Unicode TR9), which reorder text.
_BIDI_NAMES = {
    "\u202a": "LRE", "\u202b": "RLE", "\u202c": "PDF", "\u202d": "LRO", "\u202e": "RLO",
    "\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI", "\u2069": "PDI",
    "\u200e": "LRM", "\u200f": "RLM", "\u061c": "ALM",
}

#: Invisible characters that join, split or hide inside words (all of Unicode category Cf, but
#: not every Cf: the tag characters of the Scottish and Welsh flags, say, stay as they are).
_INVISIBLE_NAMES = {
    "\u200b": "ZWSP", "\u200c": "ZWNJ", "\u200d": "ZWJ", "\u2060": "WJ", "\ufeff": "ZWNBSP",
    "\u00ad": "SHY", "\u180e": "MVS", "\u2061": "FA", "\u2062": "IT", "\u2063": "IS", "\u2064": "IP",
}

#: Line breaks and tabs are kept: they are how people write, and terminals handle them safely.
_KEPT = frozenset("\n\t")


def _placeholder(char: str) -> str | None:
    """The visible stand-in for `char`, or None if it is safe as it is."""
    if char in _KEPT:
        return None
    if char in _BIDI_NAMES:
        return f"\u27e8{_BIDI_NAMES[char]}\u27e9"
    if char in _INVISIBLE_NAMES:
        return f"\u27e8{_INVISIBLE_NAMES[char]}\u27e9"
    code = ord(char)
    if code < 0x20:
        # C0 controls have their own visible pictures: ESC shows as U+241B (a small "ESC").
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    if unicodedata.category(char) in ("Cc", "Zl", "Zp"):
        # C1 controls (U+0080-U+009F, e.g. the 8-bit CSI) and Unicode line/paragraph separators.
        return f"\u27e8U+{code:04X}\u27e9"
    return None


def visible(text: str) -> str:
    """`text` with every control character, bidi control and zero-width character replaced by a
    visible placeholder.

    Carriage returns become a placeholder too (a bare CR would overwrite the line on screen);
    `\\r\\n` is first folded to `\\n` so ordinary Windows line ends read normally.
    """
    text = text.replace("\r\n", "\n")
    if text.isprintable():
        return text
    out: list[str] = []
    for char in text:
        stand_in = _placeholder(char)
        out.append(char if stand_in is None else stand_in)
    return "".join(out)


def for_log(text: str) -> str:
    """`visible(text)` as one log line: line breaks and tabs shown as their control pictures
    (U+240A, U+2409), so no text from outside can start a line that looks like our own."""
    return visible(text).replace("\n", "\u240a").replace("\t", "\u2409")


def one_line(text: str, limit: int | None = None) -> str:
    """`visible(text)` on a single line (line breaks shown as spaces), cut to `limit` characters."""
    flat = " ".join(visible(text).split("\n")).replace("\t", " ")
    if limit is not None and len(flat) > limit:
        return flat[: max(0, limit - 1)] + "\u2026"
    return flat
