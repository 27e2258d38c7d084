"""Staff only: the PIN pad and the admin menu, shown over the kiosk as full-window overlays."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content import Lang
from kiosk.ui.labels import label
from kiosk.ui.strings import ui
from kiosk.ui.tokens import ELEVATION, SIZE, SPACE, Theme, scaled
from kiosk.ui.widgets import TapButton

MAX_DIGITS = 8


class _Overlay(QWidget):
    """A dimmed full-window layer with a centred panel."""

    def __init__(self, parent: QWidget, factor: float, theme: Theme):
        super().__init__(parent)
        self.factor = factor
        self.theme = theme
        outer = QVBoxLayout(self)
        outer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.panel = QWidget(self)
        self.panel.setObjectName("panel")
        self.box = QVBoxLayout(self.panel)
        pad = scaled(SPACE.l, factor)
        self.box.setContentsMargins(pad, pad, pad, pad)
        self.box.setSpacing(scaled(SPACE.s, factor))
        outer.addWidget(self.panel)
        self.setGeometry(parent.rect())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        dim = QColor(self.theme.palette.background_deep)
        dim.setAlphaF(ELEVATION.dim_admin)
        painter.fillRect(self.rect(), dim)
        painter.end()


class PinPad(_Overlay):
    """Large on-screen digits; emits :attr:`entered` with the digits when OK is tapped."""

    entered = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget, factor: float, lang: Lang, prompt: str, theme: Theme):
        super().__init__(parent, factor, theme)
        self.setObjectName("pinPad")
        self.digits = ""
        self.box.addWidget(label(ui("pin.title", lang), "eyebrow"))
        self.prompt = label(prompt, "lead")
        self.box.addWidget(self.prompt)
        self.display = label("", "figure", wrap=False)
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.display.setMinimumHeight(scaled(SIZE.pin_display, factor))
        self.box.addWidget(self.display)
        self.message = label("", "caption")
        self.box.addWidget(self.message)
        grid = QGridLayout()
        grid.setSpacing(scaled(SPACE.s, factor))
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "ok"]
        names = {"clear": ui("pin.clear", lang), "ok": ui("pin.ok", lang)}
        self.keys: dict[str, TapButton] = {}
        for i, key in enumerate(keys):
            text = names.get(key, key)
            role = {"ok": "primary", "clear": "bar"}.get(key, "key")
            button = TapButton(text, factor, role=role, accessible=text, theme=theme)
            key_size = (SIZE.pin_key_width, SIZE.pin_key_height)
            button.setMinimumSize(scaled(key_size[0], factor), scaled(key_size[1], factor))
            button.clicked.connect(lambda _=False, k=key: self.press(k))
            self.keys[key] = button
            grid.addWidget(button, i // 3, i % 3)
        self.box.addLayout(grid)
        cancel = TapButton(ui("pin.cancel", lang), factor, role="bar", theme=theme)
        cancel.clicked.connect(self.cancelled.emit)
        self.keys["cancel"] = cancel
        self.box.addWidget(cancel)
        self._refresh()

    def press(self, key: str) -> None:
        if key == "clear":
            self.digits = ""
        elif key == "ok":
            digits, self.digits = self.digits, ""
            self._refresh()
            self.entered.emit(digits)
            return
        elif key.isdigit() and len(self.digits) < MAX_DIGITS:
            self.digits += key
        self._refresh()

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def set_prompt(self, text: str) -> None:
        self.prompt.setText(text)

    def _refresh(self) -> None:
        self.display.setText("●" * len(self.digits) if self.digits else "–")


class AdminMenu(_Overlay):
    """Exit, reload content, idle time, change PIN."""

    exit_requested = Signal()
    reload_requested = Signal()
    idle_changed = Signal(int)
    change_pin_requested = Signal()
    closed = Signal()

    IDLE_STEPS = (30, 45, 60, 90, 120, 180, 300, 600)

    def __init__(
        self, parent: QWidget, factor: float, lang: Lang, idle_seconds: float, theme: Theme
    ):
        super().__init__(parent, factor, theme)
        self.setObjectName("adminMenu")
        self.lang = lang
        self.idle = int(idle_seconds)
        self.box.addWidget(label(ui("admin.title", lang), "title"))
        self.status = label("", "caption")
        self.box.addWidget(self.status)

        def add(key: str, icon: str, slot: object, role: str = "") -> TapButton:
            button = TapButton(ui(key, lang), factor, icon=icon, role=role, theme=theme)
            button.clicked.connect(slot)
            self.box.addWidget(button)
            return button

        self.exit_button = add("admin.exit", "mdi6.exit-run", self.exit_requested.emit)
        self.reload_button = add("admin.reload", "mdi6.refresh", self.reload_requested.emit)
        row = QHBoxLayout()
        row.setSpacing(scaled(SPACE.s, factor))
        self.idle_label = label("", "lead")
        self.less = TapButton("−", factor, role="key", accessible="−", theme=theme)
        self.more = TapButton("+", factor, role="key", accessible="+", theme=theme)
        self.less.clicked.connect(lambda: self._step_idle(-1))
        self.more.clicked.connect(lambda: self._step_idle(1))
        row.addWidget(self.idle_label, 1)
        row.addWidget(self.less)
        row.addWidget(self.more)
        self.box.addLayout(row)
        self.pin_button = add("admin.change_pin", "mdi6.lock-reset", self.change_pin_requested.emit)
        self.close_button = add("admin.close", "mdi6.arrow-left", self.closed.emit, role="primary")
        self._show_idle()

    def _step_idle(self, step: int) -> None:
        steps = self.IDLE_STEPS
        index = min(range(len(steps)), key=lambda i: abs(steps[i] - self.idle))
        self.idle = steps[max(0, min(len(steps) - 1, index + step))]
        self._show_idle()
        self.idle_changed.emit(self.idle)

    def _show_idle(self) -> None:
        text = ui("admin.idle", self.lang, n=self.idle)
        self.idle_label.setText(text)
        self.less.setAccessibleName(f"{text} −")
        self.more.setAccessibleName(f"{text} +")

    def set_status(self, text: str) -> None:
        self.status.setText(text)
