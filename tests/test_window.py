"""The first window shows the content with the bundled font, in both languages."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kiosk import fonts
from kiosk.content import Content, Lang
from kiosk.ui.window import MainWindow


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_window_shows_the_forum(qtbot: QtBot, content: Content, lang: Lang) -> None:
    window = MainWindow(content, lang=lang)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    texts = [label.text() for label in window.findChildren(QLabel) if label.text()]
    assert content.forum.theme.get(lang) in texts
    assert content.forum.name.get(lang) in texts
    for label in window.findChildren(QLabel):
        assert QFontInfo(label.font()).family() == fonts.FAMILY
    image = window.grab().toImage()
    assert image.width() == 1920
