"""Kiosk mode's guard: nothing a visitor types may close or leave the kiosk.

:class:`Lockdown` sets the application-wide listeners (the touch watcher, keyboard access, and in
kiosk mode the key filter) listening through the application's one event filter
(:mod:`kiosk.adapters.input_hub`) once the first frame is on screen (before it, every event of
the start-up would be converted to Python for them, about 75 ms), takes them out again when the
window closes, and says whether a close request may be accepted.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent

from kiosk.adapters import input_hub

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

    #: The events it is handed (see :mod:`kiosk.adapters.input_hub`).
    EVENTS = frozenset({QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride})

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
        watchers: the application-wide listeners with the event types each is handed, the last
            one sees an event first (the input watcher for activity, swipes and the admin
            corner; then the keyboard navigation).
        kiosk_mode: refuse the keys and close requests that could end the kiosk (this key
            filter sees every event before the *watchers*).
        parent: the window.
    """

    def __init__(
        self,
        watchers: Sequence[tuple[QObject, Collection[QEvent.Type]]],
        kiosk_mode: bool,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        guard = [(KeyFilter(self), KeyFilter.EVENTS)] if kiosk_mode else []
        self._filters = [*watchers, *guard]
        self.closing_allowed = not kiosk_mode
        self.watching = False

    def watch(self) -> None:
        """Set the application-wide listeners listening (once)."""
        if not self.watching:
            self.watching = True
            for listener, types in self._filters:  # the last one added is asked first
                if not input_hub.listen(listener, types):
                    self.watching = False

    def unwatch(self) -> None:
        for listener, _ in self._filters:
            input_hub.stop_listening(listener)

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
