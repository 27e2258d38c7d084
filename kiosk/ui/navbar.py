"""The persistent bar: Home and Back always one tap away, language and accessibility toggles."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.content import Lang
from kiosk.ui.strings import ui
from kiosk.ui.tokens import SIZE, SPACE, Theme, scaled
from kiosk.ui.widgets import TapButton, label

#: The accessibility modes, each one tap from the bar: (mode, icon).
MODES: tuple[tuple[str, str], ...] = (
    ("large_text", "mdi6.format-size"),
    ("high_contrast", "mdi6.contrast-circle"),
    ("low_reach", "mdi6.wheelchair-accessibility"),
)


class NavBar(QWidget):
    """Home, Back, where you are, the accessibility modes and the language, at the bottom."""

    home_tapped = Signal()
    back_tapped = Signal()
    language_tapped = Signal()
    mode_toggled = Signal(str, bool)

    def __init__(self, factor: float, lang: Lang, parent: QWidget | None = None, *, theme: Theme):
        super().__init__(parent)
        self.setObjectName("navBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.factor = factor
        row = QHBoxLayout(self)
        pad = scaled(SIZE.bar_pad, factor)
        row.setContentsMargins(scaled(SPACE.l, factor), pad, scaled(SPACE.l, factor), pad)
        row.setSpacing(scaled(SPACE.m, factor))
        self.home = TapButton("", factor, icon="mdi6.home-outline", role="bar", theme=theme)
        self.back = TapButton("", factor, icon="mdi6.arrow-left", role="bar", theme=theme)
        self.where = label("", "caption", wrap=False)
        self.modes: dict[str, TapButton] = {}
        self.language = TapButton("", factor, icon="mdi6.translate", role="bar", theme=theme)
        self.home.clicked.connect(self.home_tapped.emit)
        self.back.clicked.connect(self.back_tapped.emit)
        self.language.clicked.connect(self.language_tapped.emit)
        row.addWidget(self.home)
        row.addWidget(self.back)
        row.addWidget(self.where, 1)
        for mode, icon in MODES:
            button = TapButton("", factor, icon=icon, role="bar", theme=theme)
            button.setCheckable(True)
            button.toggled.connect(lambda on, m=mode: self.mode_toggled.emit(m, on))
            self.modes[mode] = button
            row.addWidget(button)
        row.addWidget(self.language)
        self.setFixedHeight(scaled(SIZE.tap, factor) + 2 * pad)
        self.set_language(lang)

    def set_language(self, lang: Lang) -> None:
        for button, key in ((self.home, "home"), (self.back, "back"), (self.language, "language")):
            button.setText(ui(key, lang))
        self.home.setAccessibleName(ui("home", lang))
        self.back.setAccessibleName(ui("back", lang))
        self.language.setAccessibleName(ui("language.name", lang))
        for mode, button in self.modes.items():
            button.setAccessibleName(ui(f"mode.{mode}", lang))

    def set_modes(self, modes: dict[str, bool]) -> None:
        """Show which modes are on (without emitting ``mode_toggled``)."""
        for mode, button in self.modes.items():
            button.blockSignals(True)
            button.setChecked(modes.get(mode, False))
            button.blockSignals(False)

    def set_where(self, text: str, can_go_back: bool) -> None:
        self.where.setText(text)
        self.back.setEnabled(can_go_back)
