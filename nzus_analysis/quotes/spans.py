"""Quote marks and their pairing: the quoted spans of an article, and the text with them masked."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_DOUBLE_OPEN, _DOUBLE_CLOSE, _SINGLE_OPEN, _SINGLE_CLOSE = "“", "”", "‘", "’"


_SENTENCE_END_BEFORE = re.compile(r"[.!?…][\s]+\Z")  # searched in text[:i]: a sentence ends just before


_QUOTE_MARK = re.compile("''|[“”‘’\"']")  # '' (two apostrophes): a straight double quote, NYT style


_NOT_SPACE = re.compile(r"\S")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """Quotation marks and the quoted words between them (`start`:`end`)."""

    open_at: int
    close_at: int
    closed: bool
    open_width: int = 1  # 2 for a '' mark
    close_width: int = 1

    @property
    def start(self) -> int:
        return self.open_at + self.open_width

    @property
    def end(self) -> int:
        return self.close_at

    @property
    def after_close(self) -> int:
        """The offset just past the closing mark."""
        return self.close_at + (self.close_width if self.closed else 0)


def find_quote_spans(text: str, paragraph_spans: Iterable[tuple[int, int]]) -> list[QuoteSpan]:
    """Top-level quotations: curly or straight, double or single, nested marks ignored.

    A double quote still open at a paragraph end continues if the next paragraph opens with a
    double quote mark; otherwise it ends (unclosed) at the paragraph end. Apostrophes inside or
    at the end of words (New Zealand’s, countries’) are not quote marks.
    """
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    open_width = 1
    family = ""
    nested = 0  # curly double quotes opened inside the open one
    previous_end = 0
    for p_start, p_end in paragraph_spans:
        position = p_start
        if open_at is not None:
            reopening = text.startswith("''", p_start) or text[p_start] in (_DOUBLE_OPEN, '"')
            if family == "double" and reopening:
                # continuation: the re-opening mark is part of the quote
                position = p_start + (2 if text.startswith("''", p_start) else 1)
            else:
                spans.append(QuoteSpan(open_at, previous_end, False, open_width))
                open_at = None
        for mark in _QUOTE_MARK.finditer(text, position, p_end):  # every other character is inert
            i, width = mark.start(), len(mark.group())
            char = '"' if width == 2 else text[i]
            before = text[i - 1] if i > p_start else " "
            after = text[i + width] if i + width < p_end else " "
            if char == _DOUBLE_OPEN and open_at is not None and not before.isspace() and not after.isalnum():
                char = _DOUBLE_CLOSE  # “rapists“: an opening mark typed where the closing one belongs
            if char == _DOUBLE_OPEN or (char == '"' and open_at is None):
                if open_at is None and not after.isspace():
                    open_at, open_width, family, nested = i, width, "double", 0
                elif (
                    open_at is not None
                    and family == "double"
                    and char == _DOUBLE_OPEN
                    and not _SENTENCE_END_BEFORE.search(text, max(p_start, i - 8), i)
                ):  # “… “your team” …”: a curly quote inside a curly quote (after a sentence's
                    nested += 1  # end it is rather a new quote whose opener forgot to close one)
            elif char == _DOUBLE_CLOSE or char == '"':
                if open_at is not None and family == "double" and nested and char == _DOUBLE_CLOSE:
                    nested -= 1
                    continue
                if open_at is not None and family == "double":
                    if (
                        char == '"'
                        and before.isspace()
                        and after.isalnum()
                        and _SENTENCE_END_BEFORE.search(text, max(p_start, i - 8), i)
                    ):
                        # a straight mark that opens: the paragraph break before it was lost
                        # ('… the hardest. "By pledging …'), so the open quote ends unclosed here
                        end = i
                        while end > open_at + open_width and text[end - 1].isspace():
                            end -= 1
                        spans.append(QuoteSpan(open_at, end, False, open_width))
                        open_at, open_width = i, width
                        continue
                    spans.append(QuoteSpan(open_at, i, True, open_width, width))
                    open_at = None
            elif char == _SINGLE_OPEN or (char == "'" and (before.isspace() or before in "([")):
                if open_at is None and after.isalnum():
                    open_at, open_width, family = i, 1, "single"
            elif char in (_SINGLE_CLOSE, "'"):
                if before.isalnum() and after.isalpha():
                    continue  # apostrophe inside a word
                if open_at is not None and family == "single" and not after.isalnum():
                    spans.append(QuoteSpan(open_at, i, True))
                    open_at = None
        if open_at is not None and family == "single":
            spans.append(QuoteSpan(open_at, p_end, False))
            open_at = None
        previous_end = p_end
    if open_at is not None:
        spans.append(QuoteSpan(open_at, previous_end, False, open_width))
    return spans


def mask_quotes(text: str, spans: list[QuoteSpan]) -> str:
    """The text with quoted words replaced by 'x' (marks kept), so cues inside quotes are inert."""
    pieces, position = [], 0
    for span in spans:
        pieces += [text[position : span.start], _NOT_SPACE.sub("x", text[span.start : span.end])]
        position = max(position, span.end)
    pieces.append(text[position:])
    return "".join(pieces)
