"""A quote's first sentence, shortened to a few lines at a phrase or word end (never mid-word)."""

from __future__ import annotations

from PySide6.QtGui import QFont

from kiosk.content.breaks import lonely_characters
from kiosk.ui.text import ellipsis, wrap

#: Marks that end a sentence; Latin ones only before a space or the end ("6.5%" goes on).
_SENTENCE_ENDS = "。！？.!?"
#: Closing marks that belong to the sentence before them.
_CLOSERS = "”’）)"
#: After these a phrase ends: a shortened quote may stop there.
_PHRASE_ENDS = "，、；：,;:"

_cache: dict[tuple[str, str, int, int], list[str]] = {}


def first_sentence(text: str) -> str:
    """The first sentence of *text* (all of it when it has one sentence)."""
    for i, ch in enumerate(text):
        end = i + 1
        if ch not in _SENTENCE_ENDS:
            continue
        while end < len(text) and text[end] in _CLOSERS:
            end += 1
        if ch.isascii() and end < len(text) and not text[end].isspace():
            continue
        return text[:end].strip()
    return text.strip()


def _cuts(text: str) -> tuple[list[int], list[int]]:
    """Where *text* may be shortened: after a phrase or before a space (best), and between two
    Chinese characters (last resort); each list ends first at the longest."""
    phrases, between = [], []
    for i in range(1, len(text)):
        before, here = text[i - 1], text[i]
        if before in _PHRASE_ENDS or (here.isspace() and not before.isspace()):
            phrases.append(i)
        elif not before.isascii() and not here.isascii() and here not in _CLOSERS:
            between.append(i)
    return phrases[::-1], between[::-1]


def shortened(text: str, font: QFont, width: float, max_lines: int) -> list[str]:
    """*text* wrapped to *width* in at most *max_lines* lines; a longer one stops at the end
    of a phrase or word (else between two Chinese characters) with an ellipsis."""
    key = (text, font.key(), round(width), max_lines)
    found = _cache.get(key)
    if found is not None:
        return found
    lines = wrap(text, font, width)
    if len(lines) > max_lines:
        lines = []
        for ends in _cuts(text):
            for end in ends:
                head = text[:end].rstrip(_PHRASE_ENDS + "… ")
                trial = wrap(head + ellipsis(head), font, width)
                if len(trial) <= max_lines and not lonely_characters(trial):
                    lines = trial
                    break
            if lines:
                break
        lines = lines or wrap(text, font, width, max_lines)  # one unbroken run: Qt elides
    if len(_cache) > 256:
        _cache.clear()
    _cache[key] = lines
    return lines
