"""Kiosk mode's guard: nothing a visitor types may close or leave the kiosk.

:class:`Lockdown` installs the application-wide event filters (the touch watcher, and in kiosk
mode the key filter) once the first frame is on screen (before it, every event of the start-up
would be converted to Python for them, about 75 ms), takes them out again when the window
closes, and says whether a close request may be accepted.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QApplication

log = logging.getLogger("kiosk.shell")

#: Keys refused in kiosk mode (with or without modifiers), and every key with a modifier.
REFUSED_KEYS = {Qt.Key.Key_Escape, Qt.Key.Key_F4, Qt.Key.Key_F11, Qt.Key.Key_Q, Qt.Key.Key_W}
_MODIFIERS = (
    Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.MetaModifier
)

#: Modifier keys on their own: refused with the key they modify, logged with it (not alone).
_MODIFIER_KEYS = {
    Qt.Key.Key_Shift,
    Qt.Key.Key_Control,
    Qt.Key.Key_Alt,
    Qt.Key.Key_AltGr,
    Qt.Key.Key_Meta,
}


class KeyFilter(QObject):
    """An application event filter that swallows the keys that could end the kiosk."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if not isinstance(event, QKeyEvent):
            return False
        if event.type() not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        key = Qt.Key(event.key())
        if key in REFUSED_KEYS or event.modifiers() & _MODIFIERS:
            if event.type() == QEvent.Type.KeyPress and key not in _MODIFIER_KEYS:
                from PySide6.QtGui import QKeySequence  # its enums: not before the first frame

                name = QKeySequence(event.keyCombination()).toString(
                    QKeySequence.SequenceFormat.PortableText
                )
                log.info("refused key %s", name or f"0x{key.value:x}")
            event.accept()
            return True
        return False


class Lockdown(QObject):
    """The window's guard.

    Args:
        watchers: the application-wide filters, the last one sees an event first (the input
            watcher for activity, swipes and the admin corner; then the keyboard navigation).
        kiosk_mode: refuse the keys and close requests that could end the kiosk (this key
            filter sees every event before the *watchers*).
        parent: the window.
    """

    def __init__(
        self, watchers: Sequence[QObject], kiosk_mode: bool, parent: QObject | None = None
    ):
        super().__init__(parent)
        self._filters = [*watchers, *([KeyFilter(self)] if kiosk_mode else [])]
        self.closing_allowed = not kiosk_mode
        self.watching = False

    def watch(self) -> None:
        """Install the application-wide filters (once)."""
        app = QApplication.instance()
        if app is not None and not self.watching:
            self.watching = True
            for event_filter in self._filters:  # Qt asks the last one installed first
                app.installEventFilter(event_filter)

    def unwatch(self) -> None:
        app = QApplication.instance()
        if app is not None:
            for event_filter in self._filters:
                app.removeEventFilter(event_filter)

    def allow_close(self) -> None:
        self.closing_allowed = True

    def judge(self, event: QCloseEvent) -> bool:
        """Accept *event* when closing is allowed (True), else refuse it."""
        if self.closing_allowed:
            event.accept()
            return True
        log.info("refused a close request")
        event.ignore()
        return False
