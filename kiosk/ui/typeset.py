"""Chinese line breaking as a typesetter would do it, on a whole page: names never broken, no
character alone on the last line of a paragraph (:func:`kiosk.content.breaks.glue`), an opening
quote at the start of a one-line label hung into the margin.

:func:`typeset_page` glues every wrapped label and card of a page once it is built; painted
widgets (figure tiles) glue their own text.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.content.breaks import JOINER, glue, plain
from kiosk.ui.widgets import HANGING, Card, hanging_indent


class _Hanger(QObject):
    """Hangs the opening quote or bracket of a one-line label into the margin, as a card does
    (:func:`kiosk.ui.widgets.hanging_indent`): the label's text moves left by the blank half of
    the full-width mark, so "“夸父一号”" lines up with the lines under it. A label that wraps
    keeps its margin (every line would move). One long-lived filter serves every page."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kinds = (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.Polish)
        if isinstance(watched, QLabel) and event.type() in kinds:
            hang(watched)
        return False


def hang(label: QLabel) -> None:
    """Set *label*'s left margin so that its opening mark hangs (when it is on one line)."""
    text = plain(label.text())
    shift = hanging_indent(text, label.font())
    one_line = QFontMetricsF(label.font()).horizontalAdvance(text) <= label.width() + shift
    left = -round(shift) if shift and one_line else 0
    if label.contentsMargins().left() != left:
        label.setContentsMargins(left, 0, 0, 0)


_HANGER = _Hanger()


def typeset_page(page: QWidget, names: Sequence[str]) -> None:
    """Glue the text of every wrapped label and card of *page* (see :func:`glue`), or of a
    part of a page (the widget itself too)."""
    key = tuple(names)
    labels = page.findChildren(QLabel)
    if isinstance(page, QLabel):
        labels.insert(0, page)
    for label in labels:
        if label.text()[:1] in HANGING:
            label.installEventFilter(_HANGER)
            hang(label)
        if label.wordWrap() and label.text():
            glued = _glued(label.text(), key)
            if glued != label.text():
                if not label.accessibleName():  # a screen reader reads the words, no joiners
                    label.setAccessibleName(label.text())
                label.setText(glued)
    cards = page.findChildren(Card)
    if isinstance(page, Card):
        cards.insert(0, page)
    for card in cards:
        card.set_texts(_glued(card.title, key), _glued(card.body, key))


@lru_cache(maxsize=2048)
def _glued(text: str, names: tuple[str, ...]) -> str:
    """:func:`glue`, remembered: a page built again glues the same texts again."""
    return glue(text, names)


__all__ = ["JOINER", "glue", "hang", "plain", "typeset_page"]
