"""Text measuring for painted widgets: wrap to a width, at most N lines, elide the last."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF, QTextLayout, QTextOption

from kiosk.content.breaks import is_cjk, lonely_characters

#: How many wrapped texts are remembered: every card and tile of a few pages at two widths
#: (a few hundred kB). Shaping a text is what a page change spends most of its time on; the same
#: texts come back at the same widths whenever a visitor returns to a page.
WRAP_CACHE_SIZE = 2048

_wrapped: OrderedDict[tuple[object, ...], tuple[str, ...]] = OrderedDict()


def wrap(
    text: str, font: QFont, width: float, max_lines: int = 0, *, raw: bool = False
) -> list[str]:
    """*text* broken into lines that fit *width*; with *max_lines*, the last one is elided.

    With *raw*, each line keeps the space it was broken at, so that the lines joined give the
    text back (``kiosk check`` judges the breaks with them). The result depends only on the
    arguments (the font with its families), so it is remembered (see :data:`WRAP_CACHE_SIZE`).
    """
    if not text or width <= 0:
        return []
    key = (text, font.toString(), tuple(font.families()), width, max_lines, raw)
    cached = _wrapped.get(key)
    if cached is not None:
        _wrapped.move_to_end(key)
        return list(cached)
    lines = _wrap(text, font, width, max_lines, raw)
    _wrapped[key] = tuple(lines)
    if len(_wrapped) > WRAP_CACHE_SIZE:
        _wrapped.popitem(last=False)
    return lines


def _wrap(text: str, font: QFont, width: float, max_lines: int, raw: bool) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            start, length = line.textStart(), line.textLength()
            segment = paragraph[start : start + length]
            lines.append(segment if raw else segment.rstrip())
        layout.endLayout()
    if max_lines and len(lines) > max_lines:
        return _elided(text, font, width, max_lines)
    return lines


#: A title of two clauses breaks after the first one of these when it wraps.
_CLAUSE_BREAKS = "，；：,;:"


def wrap_title(
    text: str, font: QFont, width: float, max_lines: int = 0, *, raw: bool = False
) -> list[str]:
    """*text* wrapped as :func:`wrap` does, but a title of two clauses that takes more than
    one line breaks after its first clause ("聚焦前沿科技，" / "让美好未来触手可及") when that
    clause fits on one line and the title takes no more lines: a heading reads by its phrases,
    never split inside a word."""
    lines = wrap(text, font, width, raw=raw)
    if len(lines) < 2 or "\n" in text:
        return wrap(text, font, width, max_lines, raw=raw)
    for i, ch in enumerate(text[:-1]):
        if ch in _CLAUSE_BREAKS and (not ch.isascii() or text[i + 1] == " "):
            head, tail = text[: i + 1], text[i + 1 :].lstrip()
            split = f"{head}\n{tail}"
            if len(wrap(head, font, width)) == 1 and len(wrap(split, font, width)) <= len(lines):
                return wrap(split, font, width, max_lines, raw=raw)
            break
    return wrap(text, font, width, max_lines, raw=raw)


#: After these a sentence ends (a Chinese semicolon ends a statement too).
_SENTENCE_ENDS = "。！？；.!?;"
#: After these a phrase ends: a shortened text may stop there (and, in Latin script, at a space).
_PHRASE_ENDS = _SENTENCE_ENDS + "，、：,:）)”’"
_ELLIPSIS = "…"
#: Chinese writes its ellipsis as two of them, six dots.
_CJK_ELLIPSIS = "……"


def ellipsis(text: str) -> str:
    """The ellipsis that ends a shortened *text*: "……" in Chinese, "…" in Latin script."""
    return _CJK_ELLIPSIS if any(is_cjk(ch) for ch in text) else _ELLIPSIS


def elide(text: str, font: QFont, width: float) -> str:
    """*text* on one line of *width*, ended with :func:`ellipsis` where it is too long (Qt's
    elision, with the Chinese ellipsis in Chinese text)."""
    metrics = QFontMetricsF(font)
    mode = Qt.TextElideMode.ElideRight
    elided = metrics.elidedText(text, mode, width)
    if elided == text or ellipsis(text) == _ELLIPSIS:
        return elided
    head = metrics.elidedText(text, mode, width - metrics.horizontalAdvance(_ELLIPSIS))
    return head + _ELLIPSIS if head.endswith(_ELLIPSIS) else head


def cut_points(text: str) -> tuple[list[int], ...]:
    """Where *text* may be shortened, best first: the ends of its sentences, of its phrases (at
    a punctuation mark), of its words (at a space), and as a last resort between two Chinese
    characters (never inside a number or a Latin word)."""
    sentences, phrases, words = [], [], []
    for i, ch in enumerate(text):
        end = i + 1
        if ch.isspace():
            if i > 0 and text[i - 1] not in _PHRASE_ENDS and not text[i - 1].isspace():
                words.append(i)
            continue
        # Latin marks end something only before a space ("6.5%" and "2,500" go on).
        if ch.isascii() and end < len(text) and not text[end].isspace():
            continue
        if ch in _SENTENCE_ENDS:
            sentences.append(end)
        if ch in _PHRASE_ENDS:
            phrases.append(end)
    from PySide6.QtCore import QTextBoundaryFinder  # not before the first frame

    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Word, text)
    pieces, end = [], finder.toNextBoundary()
    while end != -1:
        if 0 < end < len(text) and not (text[end - 1].isascii() and text[end].isascii()):
            pieces.append(end)
        end = finder.toNextBoundary()
    words = sorted(set(phrases + words))
    return sentences, phrases, words, sorted(set(words + pieces))


def _elided(text: str, font: QFont, width: float, max_lines: int) -> list[str]:
    """*text* in at most *max_lines* lines, shortened at the end of a sentence, else of a
    phrase, else of a word (the first that leaves at most the last line short), followed by an
    ellipsis."""
    key = (text, font.key(), round(width * 4), max_lines)
    cached = _ELIDED.get(key)
    if cached is not None:
        return cached
    lines: list[str] | None = None
    for ends in cut_points(text):
        best = _longest(text, ends, font, width, max_lines)
        if best is not None and (lines is None or len(best) > len(lines)):
            lines = best
        if lines is not None and len(lines) >= max_lines - 1:
            break
    if lines is None:  # one unbroken run longer than the lines: Qt's elision is all there is
        lines = wrap(text, font, width)[: max_lines - 1]
        rest = "".join(wrap(text, font, width, raw=True)[max_lines - 1 :])
        lines.append(elide(rest, font, width))
    if len(_ELIDED) > 512:
        _ELIDED.clear()
    _ELIDED[key] = lines
    return lines


_ELIDED: dict[tuple[str, str, int, int], list[str]] = {}


def _shortened(text: str, end: int) -> str:
    """*text* up to *end*: whole sentences as they are, else the phrase with an ellipsis."""
    head = text[:end].rstrip()
    if head and head[-1] in _SENTENCE_ENDS and head[-1] not in ";；":
        return head
    return head.rstrip(_PHRASE_ENDS + _ELLIPSIS + " ") + ellipsis(head)


def _longest(
    text: str, ends: list[int], font: QFont, width: float, max_lines: int
) -> list[str] | None:
    """The lines of the longest shortening of *text* at one of *ends* in *max_lines* lines."""
    low, high, best = 0, len(ends) - 1, None
    while low <= high:  # more text never takes fewer lines
        middle = (low + high) // 2
        lines = wrap(_shortened(text, ends[middle]), font, width)
        if len(lines) <= max_lines:
            best, low = lines, middle + 1
        else:
            high = middle - 1
    at = low - 1
    while best is not None and lonely_characters(best):  # never "果……" alone on a line
        at -= 1
        best = wrap(_shortened(text, ends[at]), font, width) if at >= 0 else None
    return best


def line_height(font: QFont) -> float:
    """The distance between two lines of *font*, a little looser than Qt's default."""
    return QFontMetricsF(font).height() * 1.12
