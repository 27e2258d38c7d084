"""Labels of text: read-only, styled by their role (the style sheet's ``role`` property)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.ui import a11y

__all__ = ["label", "read_only"]


def label(
    text: str, role: str = "body", parent: QWidget | None = None, wrap: bool = True
) -> QLabel:
    """A read-only label: never selectable, never a link, styled by *role*."""
    return read_only(QLabel(text, parent), role, wrap)


def read_only(widget: QLabel, role: str, wrap: bool = True) -> QLabel:
    """Make *widget* a label as :func:`label` makes one (for a label of a class of its own)."""
    widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    widget.setIndent(0)  # a styled label would otherwise indent by half an 'x'
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
    if role in ("title", "heading"):
        a11y.set_role(widget, a11y.HEADING)
    return widget
