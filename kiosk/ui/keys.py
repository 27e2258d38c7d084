"""Keys, a keypad or a switch instead of touch, and what a screen reader is told.

:class:`KeyboardAccess` is an application-wide event filter for the window. Tab, Shift+Tab and
the arrow keys move the focus through every control in reading order (the focused one scrolls
into view), Enter and Space press it, Backspace (or a keypad's Back key) goes back, the Home key
goes Home, and any key leaves the attract loop; Down and Up scroll through text on the way to a
control beyond the screen; while the "Still there?" question is up, any key
answers it. Kiosk mode's key filter (kiosk.ui.lockdown) sees every key first, so Esc, Alt+F4 and
the rest are still refused. After every page change the focus moves to the page's heading and the
page is announced.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea, QWidget

from kiosk.model.navigation import Navigation
from kiosk.ui import a11y
from kiosk.ui.focus import FocusRing
from kiosk.ui.host import PageHost
from kiosk.ui.idle import IdleController, IdleOverlay
from kiosk.ui.staff import AdminController
from kiosk.ui.tokens import SPACE, Theme, scaled

_MODIFIERS = (
    Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.MetaModifier
)
_NEXT = {Qt.Key.Key_Tab, Qt.Key.Key_Right, Qt.Key.Key_Down}
_PREVIOUS = {Qt.Key.Key_Backtab, Qt.Key.Key_Left, Qt.Key.Key_Up}
_PRESS = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space, Qt.Key.Key_Select}
_BACK = {Qt.Key.Key_Backspace, Qt.Key.Key_Back, Qt.Key.Key_Escape}
_HOME = {Qt.Key.Key_Home, Qt.Key.Key_HomePage}
#: Down and Up read on: they scroll through text before moving to a control beyond it.
_READ = {Qt.Key.Key_Down, Qt.Key.Key_Up}
_ALONE = {
    Qt.Key.Key_Shift,
    Qt.Key.Key_Control,
    Qt.Key.Key_Alt,
    Qt.Key.Key_AltGr,
    Qt.Key.Key_Meta,
    Qt.Key.Key_unknown,
}
_POINTER = {QEvent.Type.TouchBegin, QEvent.Type.MouseButtonPress}


class Window(Protocol):
    """What keyboard access needs of the window."""

    host: PageHost  # a new page gets the focus on its heading
    nav: Navigation
    idle: IdleController  # keys count as activity
    idle_overlay: IdleOverlay  # any key answers it
    theme: Theme  # the ring's colour and widths
    factor: float  # the window's scale
    admin_control: AdminController  # while a staff overlay is open, keys only move and press


class KeyboardAccess(QObject):
    """Keyboard navigation, the focus ring and page announcements for *window*.

    Args:
        window: the kiosk window (it becomes a named window for assistive technology).
        parts: the same window, for what it holds.
    """

    #: The events it is handed (see :mod:`kiosk.adapters.input_hub`).
    EVENTS = frozenset(_POINTER | {QEvent.Type.KeyPress})
    #: A key was handled here (it counts as activity for the idle countdown).
    activity = Signal()
    #: What was announced to assistive technology after a page change.
    announced = Signal(str)

    def __init__(self, window: QWidget, parts: Window):
        super().__init__(window)
        a11y.install()
        a11y.set_role(window, a11y.WINDOW)
        self.window, self.host, self.nav = window, parts.host, parts.nav
        self.overlay = parts.idle_overlay
        self.activity.connect(parts.idle.activity)
        self._factor: Callable[[], float] = lambda: parts.factor
        self._busy: Callable[[], bool] = lambda: parts.admin_control.is_open
        host = self.host
        self.ring = FocusRing(window, lambda: parts.theme, self._factor, lambda: host.animating)
        host.animation.finished.connect(self.ring.refresh)
        host.page_changed.connect(self._arrive)
        self._route = ""
        self._arriving = False
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    # -- keys ------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind in _POINTER:
            self.ring.set_keyboard(False)
            return False
        if kind != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = Qt.Key(event.key())
        if key in _ALONE or event.modifiers() & _MODIFIERS:
            return False
        handled = self.key(key)
        if handled:
            self.activity.emit()
        return handled

    def key(self, key: Qt.Key) -> bool:
        """Act on *key*; whether it was used."""
        if self.nav.attracting:
            self.nav.home()
            return True
        if self.overlay.isVisible():
            return True  # the activity that answers the question
        self.ring.set_keyboard(True)
        if key in _NEXT or key in _PREVIOUS:
            forward = key in _NEXT
            if key in _READ and self._read_on(forward):
                return True
            self.move(forward)
            return True
        if key in _PRESS:
            widget = QApplication.focusWidget()
            if isinstance(widget, QAbstractButton) and widget.isEnabled():
                widget.click()
            return True
        if self._busy():
            return False
        if key in _BACK:
            self.nav.back()
            return True
        if key in _HOME:
            self.nav.home()
            return True
        return False

    def move(self, forward: bool) -> None:
        """Move the focus to the next (previous) control in reading order."""
        widget = QApplication.focusWidget()
        if widget is None or widget.window() is not self.window or not widget.isVisible():
            self._focus_heading()
            return
        self.window.focusNextPrevChild(forward)

    def _read_on(self, forward: bool) -> bool:
        """Down (Up) scrolls the page by most of a screen instead of moving the focus when the
        next (previous) control is beyond what is on screen: the text between is read first."""
        page = self.host.page
        area = getattr(page, "scroll_area", None)
        widget = QApplication.focusWidget()
        if not isinstance(area, QScrollArea) or widget is None:
            return False
        bar = area.verticalScrollBar()
        if (forward and bar.value() >= bar.maximum()) or (not forward and bar.value() <= 0):
            return False
        target = _next_control(widget, forward)
        viewport = area.viewport()
        if target is not None and viewport.isAncestorOf(target):
            top = target.mapTo(viewport, QPoint(0, 0)).y()
            beyond = top > viewport.height() if forward else top + target.height() < 0
            if not beyond:
                return False
        step = round(viewport.height() * 0.8)
        bar.setValue(bar.value() + (step if forward else -step))
        return True

    # -- focus -----------------------------------------------------------------------------------

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        self.ring.follow(new)
        if new is None or self._arriving or not self.ring.keyboard:
            return
        area = _scroll_area(new)
        if area is not None:
            margin = scaled(SPACE.l, self._factor())
            area.ensureWidgetVisible(new, margin, margin)

    def _arrive(self, route: str) -> None:
        """A page is on screen: on a new route, focus its heading and announce it."""
        page = self.host.page
        if page is None:
            return
        focus = QApplication.focusWidget()
        kept = focus is not None and focus.isVisible() and focus.window() is self.window
        if (
            route == self._route
            and focus is not None
            and kept
            and not self.host.isAncestorOf(focus)
        ):
            return  # the same page built again (language, size): the focus stays where it is
        self._route = route
        heading = self._focus_heading()
        if heading is not None:
            text = heading.accessibleName() or getattr(heading, "text", lambda: "")()
            a11y.announce(heading, text)
            self.announced.emit(text)

    def _focus_heading(self) -> QWidget | None:
        page = self.host.page
        heading = getattr(page, "heading", None) if page is not None else None
        if isinstance(heading, QWidget):
            self._arriving = True
            try:
                heading.setFocus(Qt.FocusReason.OtherFocusReason)
            finally:
                self._arriving = False
        return heading if isinstance(heading, QWidget) else None


def _next_control(widget: QWidget, forward: bool) -> QWidget | None:
    """The control the focus would move to from *widget* (None: none)."""
    candidate: QWidget | None = widget
    for _ in range(2000):
        if candidate is None:
            return None
        candidate = candidate.nextInFocusChain() if forward else candidate.previousInFocusChain()
        if candidate is None or candidate is widget:
            return None
        policy = candidate.focusPolicy()
        if (
            candidate.window() is widget.window()
            and candidate.isVisible()
            and candidate.isEnabled()
            and policy & Qt.FocusPolicy.TabFocus
        ):
            return candidate
    return None


def _scroll_area(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent
