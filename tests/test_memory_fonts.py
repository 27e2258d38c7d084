"""Qt's font engines go while the kiosk rests: each may hold a FreeType face of its own, and each
face maps a font file (3 MB for a Chinese one) that stays resident as its glyphs are drawn."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import isolated
import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QFont, QImage, QPainter, QPixmapCache
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.ui.shell import Shell
from kiosk.ui.stage import RELEASE_MEMORY_MS


def drawn(text: str) -> QImage:
    image = QImage(640, 120, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setFont(QApplication.font())
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


#: Run in a process of its own: a test process has drawn with every font of every screen before.
SWITCHES = """
import json
from pathlib import Path
from PySide6.QtCore import QPoint
from PySide6.QtGui import QFont, QImage, QPainter
from kiosk.adapters import fonts
from kiosk.app import create_application

app = create_application("kiosk-tests")
bundled = {str(Path(p).resolve()) for p in (*fonts.FONT_FILES, *fonts.LATIN_FILES)}


def maps():
    counts = dict.fromkeys(sorted(bundled), 0)
    for line in Path("/proc/self/maps").read_text(encoding="ascii", errors="replace").splitlines():
        fields = line.split(maxsplit=5)
        if len(fields) == 6 and fields[5] in bundled:
            counts[fields[5]] += 1
    return counts


seen = []
for lang, size in (("zh", 24), ("en", 30), ("zh", 36), ("en", 24)):
    for weight in (QFont.Weight.Normal, QFont.Weight.Bold):
        font = fonts.font_for(lang, size)
        font.setWeight(weight)
        image = QImage(640, 120, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0)
        painter = QPainter(image)
        painter.setFont(font)
        painter.drawText(QPoint(10, 80), "中关村论坛 Zhongguancun Forum")
        painter.end()
    QFont.cleanup()
    seen.append(maps())
print(json.dumps(seen))
"""


def test_each_font_file_stays_mapped_once_through_switches_and_cache_releases(
    tmp_path: Path,
) -> None:
    """Every engine shares one FreeType face per file, which is never let go and opened again
    (a face opened again while the first is still in use maps the file once more)."""
    root = Path(__file__).resolve().parent.parent
    env = {**isolated.environment(tmp_path), "PYTHONPATH": str(root)}
    done = subprocess.run(
        [sys.executable, "-c", SWITCHES], env=env, capture_output=True, text=True, check=True
    )
    for counts in json.loads(done.stdout.splitlines()[-1]):
        assert set(counts.values()) == {1}, counts
