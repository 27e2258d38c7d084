"""The persistent bar: Home and Back always one tap away, and the language toggle."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.content import Lang
from kiosk.ui.strings import ui
from kiosk.ui.style import TAP
from kiosk.ui.tokens import SPACE, scaled
from kiosk.ui.widgets import TapButton, label


class NavBar(QWidget):
    """Home, Back, where you are, and the language toggle, at the bottom of the screen."""

    home_tapped = Signal()
    back_tapped = Signal()
    language_tapped = Signal()

    def __init__(self, factor: float, lang: Lang, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("navBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.factor = factor
        row = QHBoxLayout(self)
        pad = scaled(SPACE.s, factor)
        row.setContentsMargins(scaled(SPACE.l, factor), pad, scaled(SPACE.l, factor), pad)
        row.setSpacing(scaled(SPACE.m, factor))
        self.home = TapButton("", factor, icon="mdi6.home-outline", role="bar")
        self.back = TapButton("", factor, icon="mdi6.arrow-left", role="bar")
        self.where = label("", "caption", wrap=False)
        self.language = TapButton("", factor, icon="mdi6.translate", role="bar")
        self.home.clicked.connect(self.home_tapped.emit)
        self.back.clicked.connect(self.back_tapped.emit)
        self.language.clicked.connect(self.language_tapped.emit)
        row.addWidget(self.home)
        row.addWidget(self.back)
        row.addWidget(self.where, 1)
        row.addWidget(self.language)
        self.setFixedHeight(scaled(TAP, factor) + 2 * pad)
        self.set_language(lang)

    def set_language(self, lang: Lang) -> None:
        for button, key in ((self.home, "home"), (self.back, "back"), (self.language, "language")):
            button.setText(ui(key, lang))
        self.home.setAccessibleName(ui("home", lang))
        self.back.setAccessibleName(ui("back", lang))
        self.language.setAccessibleName(ui("language.name", lang))

    def set_where(self, text: str, can_go_back: bool) -> None:
        self.where.setText(text)
        self.back.setEnabled(can_go_back)
