"""The bundled fonts are read once and never mapped: a FreeType face opened from a file maps it
(3 MB for a Chinese one), and Qt 6.11 opens more than one face of a file after quick switches
(see kiosk.adapters.fonts); faces of fonts registered from their bytes share those bytes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import isolated

#: Run in a process of its own: a test process has drawn with every font of every screen before.
SWITCHES = """
import json
from pathlib import Path
from PySide6.QtCore import QPoint
from PySide6.QtGui import QFont, QFontInfo, QImage, QPainter
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
assert QFontInfo(fonts.font_for("zh", 24)).family() == fonts.FAMILY
print(json.dumps(seen))
"""


def test_no_font_file_is_mapped_through_switches_and_cache_releases(tmp_path: Path) -> None:
    """Every face of a bundled font, however often Qt opens one, reads the bytes read at the
    start: no font file is mapped into memory (each mapping would be one more copy)."""
    root = Path(__file__).resolve().parent.parent
    env = {**isolated.environment(tmp_path), "PYTHONPATH": str(root)}
    done = subprocess.run(
        [sys.executable, "-c", SWITCHES], env=env, capture_output=True, text=True, check=True
    )
    for counts in json.loads(done.stdout.splitlines()[-1]):
        assert set(counts.values()) == {0}, counts


#: A font registered from its file, held like the bundled ones: each FreeType face Qt opens of
#: it maps the file once, so /proc/self/maps counts its open faces.
REOPENED = """
import json, shutil, sys
from pathlib import Path
from PySide6.QtCore import QPoint
from PySide6.QtGui import QFont, QFontDatabase, QImage, QPainter
import qtawesome
from kiosk.adapters import fonts
from kiosk.app import create_application
from kiosk.ui import icons

app = create_application("kiosk-tests")
icons.warm_up()  # the icon subset, registered after the start
probe = Path(sys.argv[1])
shutil.copy(Path(qtawesome.__file__).parent / "fonts" / "elusiveicons-webfont-2.0.ttf", probe)
family = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(str(probe)))[0]
fonts.hold(family)


def draw(family, size, text):
    font = QFont(family)
    font.setPixelSize(size)
    image = QImage(200, 80, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setFont(font)
    painter.drawText(QPoint(4, 60), text)
    painter.end()


faces = []
for size in (20, 28, 36, 44):
    draw(family, size, chr(0xF101))
    draw(icons._Bundled.family, size, chr(next(iter(icons._Bundled.codes.values()))))
    draw(fonts.FAMILY, size, "中关村")
    maps = Path("/proc/self/maps").read_text(encoding="ascii", errors="replace")
    faces.append(sum(line.endswith(str(probe)) for line in maps.splitlines()))
    QFont.cleanup()  # the font cache lets its engines go: unheld faces with them
print(json.dumps(faces))
"""


def test_a_face_is_never_opened_twice_when_another_fonts_last_engine_goes(tmp_path: Path) -> None:
    """Qt 6.11 empties its table of open faces when any face is left to the table alone, and
    then opens every font again beside the faces still in use (kiosk.adapters.fonts.HeldFaces):
    the icon subset's face is held too, so a held font keeps its one face."""
    root = Path(__file__).resolve().parent.parent
    env = {**isolated.environment(tmp_path), "PYTHONPATH": str(root)}
    done = subprocess.run(
        [sys.executable, "-c", REOPENED, str(tmp_path / "probe.ttf")],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(done.stdout.splitlines()[-1]) == [1, 1, 1, 1]
