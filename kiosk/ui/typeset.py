"""Chinese line breaking as a typesetter would do it: names never broken, no character alone on
the last line of a paragraph.

Qt breaks Chinese text between any two characters. :func:`glue` joins, with the invisible
U+2060 WORD JOINER (no break on either side, no width), the characters of each name the content
knows and the last two characters of each paragraph, so that the layout breaks elsewhere.
:func:`typeset_page` applies it to every wrapped label and card of a page once it is built.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLabel, QWidget

from kiosk.content.breaks import is_cjk
from kiosk.ui.widgets import Card

#: No line break on either side, and nothing drawn.
JOINER = "\u2060"


def glue(text: str, names: Sequence[str] = ()) -> str:
    """*text* with its CJK names and the last two CJK characters of each paragraph joined."""
    if not any(is_cjk(ch) for ch in text):
        return text
    for name in names:
        if len(name) > 1 and any(is_cjk(ch) for ch in name) and name in text:
            text = text.replace(name, JOINER.join(name))
    return "\n".join(_glue_end(paragraph) for paragraph in text.split("\n"))


def _glue_end(paragraph: str) -> str:
    """Join a paragraph's last CJK character (before closing punctuation) to the one before it."""
    last = len(paragraph) - 1
    while last >= 0 and not is_cjk(paragraph[last]):
        if paragraph[last].isalnum():
            return paragraph  # it ends in Latin letters or digits: their words break at spaces
        last -= 1
    before = last - 1
    while before >= 0 and paragraph[before] == JOINER:
        before -= 1
    if before < 0 or before != last - 1 or paragraph[before].isspace():
        return paragraph
    return f"{paragraph[:last]}{JOINER}{paragraph[last:]}"


def plain(text: str) -> str:
    """*text* without the joiners :func:`glue` added."""
    return text.replace(JOINER, "")


def typeset_page(page: QWidget, names: Sequence[str]) -> None:
    """Glue the text of every wrapped label and card of *page* (see :func:`glue`)."""
    for label in page.findChildren(QLabel):
        if label.wordWrap() and label.text():
            glued = glue(label.text(), names)
            if glued != label.text():
                if not label.accessibleName():  # a screen reader reads the words, no joiners
                    label.setAccessibleName(label.text())
                label.setText(glued)
    for card in page.findChildren(Card):
        card.set_texts(glue(card.title, names), glue(card.body, names))
