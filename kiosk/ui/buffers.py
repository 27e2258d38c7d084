"""Screen-sized pixmaps used again from one page change to the next.

Every page change paints two screen-sized pictures (the page left and the page coming), and a
change in the middle of another a third (the frame on screen). A new pixmap's memory comes fresh
from the system (the allocator hands large blocks back at once: :mod:`kiosk.system.memory`), and
the first write to each of its pages faults: 4 ms at 1080p and 17–20 ms at 4K before a pixel is
painted, in the very turns between a tap and its first moving frame. Kept here when a change is
over, the next change paints into memory already mapped.

At most :data:`KEEP` are kept, and only while a visitor is there: the page host keeps none from
the idle reset on (:meth:`Buffers.limit`), so the attract loop is built and runs without them.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QPixmap

#: How many pixmaps are kept: a change in the middle of another uses three at once.
KEEP = 3


class Buffers:
    """Pixmaps a transition let go, for the next one to paint into."""

    def __init__(self, keep: int = KEEP):
        self.keep = keep
        self._free: list[QPixmap] = []

    def __len__(self) -> int:
        return len(self._free)

    def take(self, size: QSize) -> QPixmap:
        """An opaque pixmap of *size* whose every pixel the caller paints: one kept, else a new
        one. One still held elsewhere too is copied by Qt when it is painted (a pixmap's handles
        share its pixels until one of them writes), so its other holder keeps its pixels."""
        while self._free:
            pixmap = self._free.pop()
            if pixmap.size() == size:
                return pixmap
        return QPixmap(size)

    def give(self, pixmap: QPixmap) -> None:
        """Keep *pixmap*'s memory for a later :meth:`take` (opaque ones only: a page that is not
        opaque is painted over a transparent fill, as ``QWidget.grab`` paints it)."""
        if not pixmap.isNull() and not pixmap.hasAlphaChannel() and len(self._free) < self.keep:
            self._free.append(QPixmap(pixmap))  # a handle of its own (see take)

    def limit(self, keep: int) -> None:
        """Keep at most *keep* from now on (the ones beyond go at once)."""
        self.keep = keep
        del self._free[keep:]
