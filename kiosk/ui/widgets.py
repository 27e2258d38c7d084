"""Small building blocks shared by the pages: labels, buttons and cards for a finger."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.style import TAP
from kiosk.ui.tokens import PALETTE, SPACE, scaled


def label(
    text: str, role: str = "body", parent: QWidget | None = None, wrap: bool = True
) -> QLabel:
    """A read-only label: never selectable, never a link, styled by *role*."""
    widget = QLabel(text, parent)
    widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
    return widget


def icon_label(name: str, size: int, color: str = PALETTE.accent) -> QLabel:
    """A qtawesome icon as a fixed-size label (falls back to a neutral icon for unknown names)."""
    try:
        icon = qta.icon(name, color=color)
    except Exception:
        icon = qta.icon("mdi6.star-four-points-outline", color=color)
    widget = QLabel()
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    widget.setPixmap(icon.pixmap(QSize(size, size)))
    widget.setFixedSize(size, size)
    widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
    return widget


class TapButton(QPushButton):
    """A push button sized for a finger; it shows its pressed state as soon as it is touched."""

    def __init__(
        self,
        text: str,
        factor: float,
        icon: str | None = None,
        role: str = "",
        accessible: str | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(text, parent)
        if role:
            self.setProperty("role", role)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAutoDefault(False)
        size = scaled(TAP, factor)
        self.setMinimumSize(size, size)
        if icon:
            self.setIcon(qta.icon(icon, color=PALETTE.text))
            self.setIconSize(QSize(scaled(36, factor), scaled(36, factor)))
        self.setAccessibleName(accessible or text)


class Card(QPushButton):
    """A large tappable card: icon, eyebrow, title and a line of text."""

    def __init__(
        self,
        title: str,
        factor: float,
        *,
        text: str = "",
        eyebrow: str = "",
        icon: str | None = None,
        figure: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setProperty("role", "card")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(title)
        self.setAccessibleDescription(" ".join(x for x in (eyebrow, figure, text) if x))
        box = QVBoxLayout(self)
        pad = scaled(SPACE.m, factor)
        box.setContentsMargins(pad, pad, pad, pad)
        box.setSpacing(scaled(SPACE.xs, factor))
        top = QHBoxLayout()
        if icon:
            top.addWidget(icon_label(icon, scaled(56, factor)))
        if eyebrow:
            top.addWidget(label(eyebrow, "eyebrow"), 1)
        else:
            top.addStretch(1)
        box.addLayout(top)
        if figure:
            box.addWidget(label(figure, "figure"))
        box.addStretch(1)
        box.addWidget(label(title, "cardTitle"))
        if text:
            box.addWidget(label(text, "caption"))
        self.setMinimumSize(scaled(TAP, factor), scaled(TAP, factor))
