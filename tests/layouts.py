"""What tests compare of a page's layout: every widget of its column, once laid out."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.ui.pages.base import ScrollPage


def laid_out() -> None:
    """Every layout request posted so far handled (a layout may post another)."""
    for _ in range(5):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest.value)


def layout_of(page: ScrollPage) -> list[tuple[str, str, bool, tuple[int, int, int, int]]]:
    """Every widget of the page's column: its class, text, whether shown, and geometry."""
    found = []
    for widget in page.inner.findChildren(QWidget):
        text = widget.text() if isinstance(widget, QLabel) else ""
        box = widget.geometry()
        shown = widget.isVisibleTo(page)
        found.append(
            (type(widget).__name__, text, shown, (box.x(), box.y(), box.width(), box.height()))
        )
    return found
