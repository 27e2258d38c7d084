"""The persistent bar: Home and Back always one tap away, language and accessibility toggles."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from kiosk.content import Lang
from kiosk.ui.labels import label
from kiosk.ui.strings import ui
from kiosk.ui.text import elide, ellipsis
from kiosk.ui.tokens import SIZE, SPACE, Theme, scaled
from kiosk.ui.widgets import TapButton

#: The accessibility modes, each one tap from the bar: (mode, icon).
MODES: tuple[tuple[str, str], ...] = (
    ("large_text", "mdi6.format-size"),
    ("high_contrast", "mdi6.contrast-circle"),
    ("low_reach", "mdi6.wheelchair-accessibility"),
    ("speech", "mdi6.volume-high"),  # read-aloud: shown only where it can speak the language
)


#: The fewest characters (with "…") worth showing of where the visitor is.
MIN_WHERE = 6
#: The room the bar leaves for where the visitor is before its buttons give up their labels
#: (design pixels: a section's name, such as "Beijing in figures", in the caption's size).
WHERE_ROOM = 180


def whole_words(text: str, elided: str) -> str:
    """*elided* (the start of *text* and "…") cut back to its last whole Latin word: "Forum…",
    not "Forum th…"; empty when not even one word is left whole. Chinese cuts anywhere."""
    head = elided.rstrip("…")
    cut = len(head)
    if 0 < cut < len(text) and all(ch.isascii() and ch.isalnum() for ch in text[cut - 1 : cut + 1]):
        head = head[: head.rfind(" ")] if " " in head else ""  # inside a word: drop its start
    head = head.rstrip(" ,;:·-")
    return f"{head}{ellipsis(head)}" if head else ""


class NavBar(QWidget):
    """Home, Back, where you are, the accessibility modes and the language, at the bottom."""

    home_tapped = Signal()
    back_tapped = Signal()
    language_tapped = Signal()
    mode_toggled = Signal(str, bool)

    def __init__(
        self,
        factor: float,
        lang: Lang,
        parent: QWidget | None = None,
        *,
        theme: Theme,
        speaks: Callable[[Lang], bool] = lambda lang: False,
    ):
        super().__init__(parent)
        self._speaks = speaks
        self.setObjectName("navBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.factor = factor
        row = self._row = QHBoxLayout(self)
        pad = scaled(SIZE.bar_pad, factor)
        row.setContentsMargins(scaled(SPACE.l, factor), pad, scaled(SPACE.l, factor), pad)
        row.setSpacing(scaled(SPACE.m, factor))
        self.home = TapButton("", factor, icon="mdi6.home-outline", role="bar", theme=theme)
        self.back = TapButton("", factor, icon="mdi6.arrow-left", role="bar", theme=theme)
        # Where the visitor is: one line, ended with "…" where the bar is too narrow for it.
        self.where = label("", "caption", wrap=False)
        self.where.setProperty("elides", True)
        self.where.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.where.installEventFilter(self)
        self._where = ""
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
        self._labels: dict[TapButton, str] = {}
        self.set_language(lang)

    def set_language(self, lang: Lang) -> None:
        """Label the bar in *lang*; read-aloud's toggle shows where it can speak *lang*."""
        self.modes["speech"].setVisible(self._speaks(lang))
        for button, key in ((self.home, "home"), (self.back, "back"), (self.language, "language")):
            self._labels[button] = ui(key, lang)
        self._fit()
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

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Home, Back and the language show their labels where they fit the bar and leave room
        for where the visitor is (:data:`WHERE_ROOM`). On a narrower bar the buttons first stand
        the least gap apart (``SIZE.tap_gap``); then Back gives up its label, then Home (the gap
        is the usual one again where that leaves room enough); the language gives up its label
        last, only when the buttons would not fit at all (it says in the other language what it
        does). Their accessible names stay."""
        room = scaled(WHERE_ROOM, self.factor)
        usual = scaled(SPACE.m, self.factor)
        least = scaled(SIZE.tap_gap, self.factor)
        shown = dict(self._labels)
        gap = usual if self.width() >= self._labelled_width(shown, usual) + room else least
        for button in (self.back, self.home):
            if self.width() >= self._labelled_width(shown, gap) + room:
                break
            shown[button] = ""
        if self.width() >= self._labelled_width(shown, usual) + room:
            gap = usual
        if self.width() < self._labelled_width(shown, gap):
            shown[self.language] = ""
        self._row.setSpacing(gap)
        for button, text in shown.items():
            button.setText(text)

    def _labelled_width(self, labels: dict[TapButton, str], gap: int) -> int:
        """The bar's width with *labels* shown and *gap* between its items (the "where" label
        may shrink to nothing)."""
        row = self._row
        margins = row.contentsMargins()
        shown = [button for button in self.modes.values() if not button.isHidden()]
        buttons = [self.home, self.back, *shown, self.language]
        total = margins.left() + margins.right() + gap * len(buttons)
        inner = 2 * scaled(SPACE.m, self.factor) + scaled(SPACE.s, self.factor)
        for button in buttons:
            button.ensurePolished()
            text = labels.get(button, "")
            width = button.fontMetrics().horizontalAdvance(text) + button.iconSize().width()
            total += max(button.minimumWidth(), width + inner)
        return total

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.where and event.type() == QEvent.Type.Resize:
            self._elide()
        return False

    def _elide(self) -> None:
        text = elide(self._where, self.where.font(), self.where.width())
        if text != self._where:
            text = whole_words(self._where, text)
        if text != self._where and len(text) < MIN_WHERE:
            text = ""  # a letter and "…" say nothing: the page's own heading says where it is
        if text != self.where.text():
            self.where.setText(text)

    def set_where(self, text: str, can_go_back: bool) -> None:
        self._where = text
        self.where.setAccessibleName(text)
        self._elide()
        self.back.setEnabled(can_go_back)
