"""Qt's font engines go while the kiosk rests: each may hold a FreeType face of its own, and each
face maps a font file (3 MB for a Chinese one) that stays resident as its glyphs are drawn."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QFont, QImage, QPainter, QPixmapCache
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.adapters import fonts
from kiosk.ui.shell import Shell
from kiosk.ui.stage import RELEASE_MEMORY_MS


def drawn(text: str, font: QFont | None = None) -> QImage:
    image = QImage(640, 120, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setFont(font or QApplication.font())
    painter.drawText(QPoint(10, 80), text)
    painter.end()
    return image


def test_the_font_engines_go_while_the_attract_loop_waits(
    qtbot: QtBot, shell: Shell, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a visit (the idle reset), once the attract loop is on screen."""
    cleanups: list[bool] = []
    cleanup = QFont.cleanup

    def spy() -> None:
        cleanups.append(shell.nav.attracting)
        cleanup()

    monkeypatch.setattr(QFont, "cleanup", spy)
    shell.nav.home()
    shell.host.finish_transition()
    shell.stage.release_memory()
    assert cleanups == [], "not while a visitor may be reading: pages draw from them"
    shell.reset()
    shell.host.finish_transition()
    qtbot.waitUntil(lambda: cleanups == [True], timeout=RELEASE_MEMORY_MS + 2000)
    shell.stage.release_memory()
    assert cleanups == [True], "once after a visit: the attract loop's own engines stay"


def test_text_draws_the_same_once_the_font_engines_have_gone(shell: Shell) -> None:
    text = "中关村论坛 Zhongguancun Forum 2023"
    before = drawn(text)
    QFont.cleanup()
    QPixmapCache.clear()
    assert drawn(text) == before


def font_file_maps() -> dict[str, int]:
    """How many times each bundled font file is mapped (FreeType maps it once per face)."""
    maps: dict[str, int] = {}
    with Path("/proc/self/maps").open(encoding="ascii", errors="replace") as lines:
        for line in lines:
            fields = line.split(maxsplit=5)
            path = fields[5].rstrip() if len(fields) == 6 else ""
            if path in BUNDLED:
                maps[path] = maps.get(path, 0) + 1
    return maps


BUNDLED = frozenset(str(Path(path).resolve()) for path in (*fonts.FONT_FILES, *fonts.LATIN_FILES))


def test_each_font_file_is_mapped_once_through_switches_and_cache_releases(
    qapp: QApplication,
) -> None:
    """Every engine shares one FreeType face per file: its face is never let go and opened
    again (a face opened again while the first one is still in use maps the file once more)."""
    for lang, size in (("zh", 24), ("en", 30), ("zh", 36), ("en", 24)):
        for weight in (QFont.Weight.Normal, QFont.Weight.Bold):
            font = fonts.font_for(lang, size)
            font.setWeight(weight)
            drawn("中关村论坛 Zhongguancun Forum", font)
        QFont.cleanup()  # the engines of the switch before go, as the font cache lets them go
        assert font_file_maps() == dict.fromkeys(BUNDLED, 1), f"after {lang} {size}px"
