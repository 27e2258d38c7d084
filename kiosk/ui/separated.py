"""A label of short parts: on one line with a separator between them, or a part a line.

"6 / 12 · Swipe to browse" wrapped by Qt at its spaces leaves the separator at the end of the
first line ("6 / 12 ·"). This label shows its parts joined by the separator where that line
fits its width, and one under the other, without the separator, where it does not. Either way
it is as high as Qt's wrap makes it (one line or two), so the layout around it does not move.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.content.breaks import JOINER, NO_BREAK_SPACE, plain
from kiosk.ui.labels import read_only


class SeparatedLabel(QLabel):
    """Parts on one line or a part a line (see the module's docstring), centred, a label of
    *role* (:func:`kiosk.ui.labels.read_only`). Each part is kept whole: its
    spaces do not break, nor does anything between its letters."""

    def __init__(
        self, parts: Sequence[str], separator: str, role: str, parent: QWidget | None = None
    ):
        self.parts = [JOINER.join(part.replace(" ", NO_BREAK_SPACE)) for part in parts]
        self.one_line = separator.join(self.parts)
        super().__init__(self.one_line, parent)
        read_only(self, role)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAccessibleName(plain(self.one_line))  # read as one line, without the joiners

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._choose()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._choose()

    def _choose(self) -> None:
        """One line where it fits the label's width, else a part a line."""
        wide = QFontMetricsF(self.font()).horizontalAdvance(self.one_line)
        text = self.one_line if wide <= self.contentsRect().width() else "\n".join(self.parts)
        if self.text() != text:
            self.setText(text)
