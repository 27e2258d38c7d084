"""Screen-reader semantics that Qt's widgets do not give by themselves.

Qt exposes every widget to assistive technology (AT-SPI on Linux, UI Automation on Windows). A
few of the kiosk's widgets need a role Qt cannot guess: the window (a plain QWidget is a
"client", which AT-SPI shows as a filler), the page headings (a QLabel is static text) and the
"Still there?" overlay (an alert). A widget asks for one with :func:`set_role`; the factory that
:func:`install` puts in place gives it that role, the rest keep Qt's own interface. Decorative
images are taken out of the tree with :func:`decorative`, and :func:`announce` says a sentence
(a page change) where the installed Qt can, else it moves focus, which a screen reader reads.

Every label gets the factory's interface too: its name is its text without the typesetter's word
joiners, and a label scrolled out of view is off screen, which Qt's own interface never says (it
computes "showing" from the widget's visibility alone). Qt gives a label no text interface
(QAccessibleTextInterface) at all: the name is what a screen reader reads. Buttons and cards keep
Qt's interfaces, with their actions; the focus scrolls them into view.
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
STATIC_TEXT = QAccessible.Role.StaticText
GRAPHIC = QAccessible.Role.Graphic

_installed = False


class _RoleInterface(QAccessibleWidget):
    """Qt's interface for *widget*, with another role; a label's text is its name.

    A label's name is its text as plain words (no word joiners), and a label scrolled out of
    its scroll area's view is off screen (AT-SPI: neither "showing" nor "visible"): Qt's own
    interface for a label says neither.
    """

    def __init__(self, widget: QWidget, role: QAccessible.Role):
        super().__init__(widget, role)

    def text(self, kind: QAccessible.Text) -> str:
        widget = self.widget()
        if kind == QAccessible.Text.Name:
            name = widget.accessibleName()
            if not name and isinstance(widget, QLabel):
                return plain(widget.text())
            if not name and widget.isWindow():
                return widget.windowTitle()
            return plain(name)
        return str(super().text(kind))

    def state(self) -> QAccessible.State:
        state = super().state()
        widget = self.widget()
        if not state.invisible and not widget.isWindow() and widget.visibleRegion().isEmpty():
            state.offscreen = True  # hidden by its scroll area's viewport (or a zero size)
        return state


def _factory(key: str, obj: QObject) -> QAccessibleInterface | None:
    if not isinstance(obj, QWidget):
        return None
    role = obj.property(ROLE_PROPERTY)
    if role is not None:
        return _RoleInterface(obj, QAccessible.Role(int(role)))
    if isinstance(obj, QLabel) and obj.objectName() != _HIDDEN_NAME:
        image = obj.text() == "" and not obj.pixmap().isNull()
        return _RoleInterface(obj, GRAPHIC if image else STATIC_TEXT)
    return None


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
