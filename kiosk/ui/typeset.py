"""Chinese line breaking as a typesetter would do it, on a whole page: names never broken, no
character alone on the last line of a paragraph (:func:`kiosk.content.breaks.glue`).

:func:`typeset_page` glues every wrapped label and card of a page once it is built; painted
widgets (figure tiles) glue their own text.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from PySide6.QtWidgets import QLabel, QWidget

from kiosk.content.breaks import JOINER, glue, plain
from kiosk.ui.widgets import Card


def typeset_page(page: QWidget, names: Sequence[str]) -> None:
    """Glue the text of every wrapped label and card of *page* (see :func:`glue`)."""
    key = tuple(names)
    for label in page.findChildren(QLabel):
        if label.wordWrap() and label.text():
            glued = _glued(label.text(), key)
            if glued != label.text():
                if not label.accessibleName():  # a screen reader reads the words, no joiners
                    label.setAccessibleName(label.text())
                label.setText(glued)
    for card in page.findChildren(Card):
        card.set_texts(_glued(card.title, key), _glued(card.body, key))


@lru_cache(maxsize=2048)
def _glued(text: str, names: tuple[str, ...]) -> str:
    """:func:`glue`, remembered: a page built again glues the same texts again."""
    return glue(text, names)


__all__ = ["JOINER", "glue", "plain", "typeset_page"]
