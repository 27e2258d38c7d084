"""Comparing two renders: an image Qt could not read back does not stop the comparison."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from kiosk.commands.compare import differing


def test_an_image_qt_could_not_read_counts_as_changed(qapp: QApplication) -> None:
    """A 4K page rendered whole can be too large for Qt to read back: a null image."""
    count, _ = differing(QImage(), QImage())
    assert count >= 1


def test_an_image_past_qts_reading_limit_is_compared(qapp: QApplication, tmp_path: Path) -> None:
    """A long page rendered whole at 4K is larger than Qt reads by default (256 MB): it is
    compared all the same (here with the limit lowered to 1 MB, and 4 MB images)."""
    from PySide6.QtGui import QImageReader

    from kiosk.commands.compare import compare

    old, new = tmp_path / "old", tmp_path / "new"
    for folder in (old, new):
        folder.mkdir()
        image = QImage(1000, 1000, QImage.Format.Format_RGB32)
        image.fill(0x203040)
        assert image.save(str(folder / "page-full.png"))
    limit = QImageReader.allocationLimit()
    QImageReader.setAllocationLimit(1)
    try:
        result = compare(["page-full.png"], new, old, lambda name: True)
        assert QImageReader.allocationLimit() == 1, "the limit is put back"
    finally:
        QImageReader.setAllocationLimit(limit)
    assert (result.unchanged, result.changed) == (1, [])
