"""Screen-reader semantics that Qt's widgets do not give by themselves.

Qt exposes every widget to assistive technology (AT-SPI on Linux, UI Automation on Windows). A
few of the kiosk's widgets need a role Qt cannot guess: the window (a plain QWidget is a
"client", which AT-SPI shows as a filler), the page headings (a QLabel is static text) and the
"Still there?" overlay (an alert). A widget asks for one with :func:`set_role`; the factory that
:func:`install` puts in place gives it that role, the rest keep Qt's own interface. Decorative
images are taken out of the tree with :func:`decorative`, and :func:`announce` says a sentence
(a page change) where the installed Qt can, else it moves focus, which a screen reader reads.
"""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QLabel, QWidget

from kiosk.content.breaks import plain

#: The dynamic property that holds a widget's role (a QAccessible.Role value).
ROLE_PROPERTY = "kioskAccessibleRole"
#: Qt leaves a child with this object name out of the accessibility tree (its rubber bands).
_HIDDEN_NAME = "qt_rubberband"

HEADING = QAccessible.Role.Heading
ALERT = QAccessible.Role.AlertMessage
WINDOW = QAccessible.Role.Window

_installed = False


class _RoleInterface(QAccessibleWidget):
    """Qt's interface for *widget*, with another role; a label's text is its name."""

    def __init__(self, widget: QWidget, role: QAccessible.Role):
        super().__init__(widget, role)

    def text(self, kind: QAccessible.Text) -> str:
        widget = self.widget()
        if kind == QAccessible.Text.Name:
            name = widget.accessibleName()
            if not name and isinstance(widget, QLabel):
                return widget.text()
            if not name and widget.isWindow():
                return widget.windowTitle()
            return name
        return str(super().text(kind))


def _factory(key: str, obj: QObject) -> QAccessibleInterface | None:
    if not isinstance(obj, QWidget):
        return None
    role = obj.property(ROLE_PROPERTY)
    if role is None:
        return None
    return _RoleInterface(obj, QAccessible.Role(int(role)))


def install() -> None:
    """Put the role factory in place (once per process)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


def set_role(widget: QWidget, role: QAccessible.Role) -> None:
    """Give *widget* the accessible *role* (the factory must be installed).

    While assistive technology listens, Qt makes a widget's interface as soon as the widget is
    made; that one is dropped, so that the next one asked for comes from the factory.
    """
    widget.setProperty(ROLE_PROPERTY, int(role.value))
    if QAccessible.isActive():
        iface = QAccessible.queryAccessibleInterface(widget)
        if iface is not None and iface.role() != role:
            QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(iface))


def heading(widget: QLabel) -> QLabel:
    """Make *widget* a page heading: the heading role, and keyboard focus can rest on it."""
    set_role(widget, HEADING)
    widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    return widget


def decorative(widget: QWidget) -> QWidget:
    """Leave *widget* (an image that says nothing the text beside it does not) out of the tree."""
    widget.setObjectName(_HIDDEN_NAME)
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return widget


def announce(widget: QWidget, text: str) -> None:
    """Have a screen reader say *text* (about *widget*) now, where the installed Qt can."""
    if not text:
        return
    event_class = getattr(QtGui, "QAccessibleAnnouncementEvent", None)
    if event_class is not None:
        QAccessible.updateAccessibility(event_class(widget, text))
    else:
        QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.Focus))


def spoken_name(widget: QWidget) -> str:
    """What *widget* is called to a listener: its accessible name, else its text, as plain
    words (no word joiners, spaces evened)."""
    name = widget.accessibleName()
    if not name:
        text = getattr(widget, "text", None)
        name = text() if callable(text) else ""
    return " ".join(plain(str(name)).split())
