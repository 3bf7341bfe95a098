"""Repair and check article text before it is stored: what is fixed, what is refused.

Repairs (each recorded by name in `Article.repairs`, so nothing changes silently):

========================  =====================================================================
``mojibake``              UTF-8 read as Latin-1/Windows-1252 and saved again ("Â£" → "£",
                          "â€œ" → "“"), undone with ``ftfy.fix_encoding`` (curly quotes and
                          accents that are right stay as they are). Can be switched off.
``unicode_nfc``           Unicode NFC normalisation (a decomposed "é" becomes one character).
``html_entities``         character references left in plain text decoded ("caf&#233;" →
                          "café", "&lt;" → "<"), as archive exports often hold them.
``invisible_characters``  soft hyphens, zero-width spaces and joiners, word joiners and stray
                          byte-order marks removed ("Zea\\u00adland" → "Zealand").
========================  =====================================================================

The repaired text is the stored text: every offset the package reports points into it.

Refused (`text_problem` names why): text holding NUL characters (UTF-16 saved without a
byte-order mark and read as UTF-8) and HTML pages (markup tags such as ``<p>``).
"""

from __future__ import annotations

import html
import re
import unicodedata

import ftfy

INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_HTML_TAG = re.compile(
    r"</?(?:p|div|span|br|html|head|body|a|li|ul|ol|table|tr|td|script|style|meta)\b[^<>]{0,200}>", re.I
)
# UTF-8 read as Latin-1 or Windows-1252 always shows a lead byte (Â…ô) before a continuation
# byte (U+0080-U+00BF, or its Windows-1252 letter): only such text is handed to ftfy (which is slow).
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
)
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#[0-9]{2,6}|#x[0-9a-fA-F]{2,6});")


def repair_text(text: str, fix_mojibake: bool = True) -> tuple[str, tuple[str, ...]]:
    """The repaired text and the names of the repairs made (see the module docstring)."""
    repairs: list[str] = []
    if text.isascii() and "&" not in text:  # plain ASCII: nothing to repair (checked in C, fast)
        return text, ()
    if fix_mojibake and _MOJIBAKE_HINT.search(text):
        fixed = ftfy.fix_encoding(text)
        if fixed != text:
            text = fixed
            repairs.append("mojibake")
    if "&" in text and _ENTITY.search(text):
        text = _ENTITY.sub(lambda m: html.unescape(m.group()), text)
        repairs.append("html_entities")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
        repairs.append("unicode_nfc")
    visible = INVISIBLE.sub("", text)
    if visible != text:
        text = visible
        repairs.append("invisible_characters")
    return text, tuple(repairs)


def text_problem(text: str) -> str:
    """Why `text` cannot be read as article text ("" when it can)."""
    if "\x00" in text:
        return "holds NUL characters: UTF-16 saved without a byte-order mark? Re-save it as UTF-8"
    markup = _HTML_TAG.search(text)
    if markup:
        return f"looks like an HTML page ({markup.group()!r}); save the article's text, not the page"
    return ""
