"""Chinese line breaking as a typesetter would do it, on a whole page: names never broken, no
character alone on the last line of a paragraph (:func:`kiosk.content.breaks.glue`).

:func:`typeset_page` glues every wrapped label and card of a page once it is built; painted
widgets (figure tiles) glue their own text.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLabel, QWidget

from kiosk.content.breaks import JOINER, glue, plain
from kiosk.ui.widgets import Card


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


__all__ = ["JOINER", "glue", "plain", "typeset_page"]
