"""The item pages' "6 / 12 · Swipe to browse": one line where it fits, else a part a line, never
a separator left at a line's end."""

from __future__ import annotations

from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.content.breaks import plain
from kiosk.ui.separated import SeparatedLabel

SEPARATOR = "   ·   "


def _label(qtbot: QtBot) -> SeparatedLabel:
    label = SeparatedLabel(["6 / 12", "Swipe to browse"], SEPARATOR, "caption")
    qtbot.addWidget(label)
    label.show()  # a hidden label is resized only when shown
    return label


def test_the_parts_share_a_line_where_it_fits(qtbot: QtBot) -> None:
    label = _label(qtbot)
    label.resize(2000, 100)
    assert plain(label.text()) == "6 / 12   ·   Swipe to browse"
    assert label.accessibleName() == "6 / 12   ·   Swipe to browse"


def test_a_narrow_label_puts_a_part_a_line_without_the_separator(qtbot: QtBot) -> None:
    label = _label(qtbot)
    one_line = QFontMetricsF(label.font()).horizontalAdvance(label.one_line)
    label.resize(int(one_line) - 10, 100)
    lines = plain(label.text()).split("\n")
    assert lines == ["6 / 12", "Swipe to browse"]
    assert label.accessibleName() == "6 / 12   ·   Swipe to browse"
    label.resize(int(one_line) + 10, 100)
    assert "\n" not in label.text(), "wide again: one line"


def test_its_height_is_the_same_either_way(qtbot: QtBot) -> None:
    label = _label(qtbot)
    width = int(QFontMetricsF(label.font()).horizontalAdvance(label.one_line)) - 10
    label.resize(width, 100)
    split = label.heightForWidth(width)
    label.setText(label.one_line)  # as Qt would wrap it
    QApplication.processEvents()
    assert label.heightForWidth(width) == split
