"""Icons from qtawesome, imported on first use.

Importing qtawesome costs about 150 ms and 25 MB; the attract loop, the first screen, needs no
icon, so the import happens after the first frame (:func:`warm_up`) or when an icon is first
drawn, whichever comes first.
"""

from __future__ import annotations

from PySide6.QtGui import QIcon

FALLBACK = "mdi6.star-four-points-outline"


def icon(name: str, color: str) -> QIcon:
    """The qtawesome icon *name* in *color*; a neutral one when the name is unknown."""
    import qtawesome as qta

    try:
        found: QIcon = qta.icon(name, color=color)
    except Exception:
        found = qta.icon(FALLBACK, color=color)
    return found


def warm_up() -> None:
    """Import qtawesome and load its fonts now (call it once the first frame is on screen)."""
    from kiosk.ui.tokens import PALETTE

    icon(FALLBACK, PALETTE.text)  # a throwaway icon, never shown
