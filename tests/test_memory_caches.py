"""What the kiosk keeps in memory between visitors stays small: caches are bounded and emptied."""

from __future__ import annotations

import json
import subprocess
import sys

import segno
from PySide6.QtCore import QVariantAnimation
from PySide6.QtGui import QPixmap, QPixmapCache
from pytestqt.qtbot import QtBot

from kiosk.model.navigation import HOME
from kiosk.model.routes import all_routes
from kiosk.ui.figures import tile as tile_module
from kiosk.ui.pages import base as pages_base
from kiosk.ui.pages.attract import AttractPage
from kiosk.ui.qr import QUIET_ZONE, qr_modules
from kiosk.ui.shell import Shell
from kiosk.ui.stage import PIXMAP_CACHE_KB, RELEASE_MEMORY_MS

# A fresh interpreter: the modules a QR code needs, and the code itself.
_QR_SCRIPT = """
import json, sys
from kiosk.ui.qr import qr_modules
rows = qr_modules(sys.argv[1])
names = ("segno", "segno.writers", "xml.sax", "urllib.request", "http.client", "ssl", "email")
print(json.dumps({"rows": rows, "loaded": [n for n in names if n in sys.modules]}))
"""

URL = "https://www.zgc-forum.org.cn/news/2023-05-25"


def test_a_qr_code_needs_none_of_segnos_writers() -> None:
    """segno's package imports its file writers and, through them, urllib, http, email and
    OpenSSL (about 9 MB): the kiosk uses its encoder alone, and gets segno's own matrix."""
    out = subprocess.run(
        [sys.executable, "-c", _QR_SCRIPT, URL], capture_output=True, text=True, check=True
    )
    result = json.loads(out.stdout)
    assert result["loaded"] == []
    code = segno.make(URL, error="m", micro=False, boost_error=False)
    expected = [[bool(m) for m in row] for row in code.matrix_iter(scale=1, border=QUIET_ZONE)]
    assert result["rows"] == expected
    assert [list(row) for row in qr_modules(URL)] == expected  # segno imported whole here


def test_qt_pixmap_cache_is_small_and_emptied_after_a_page_change(
    qtbot: QtBot, shell: Shell
) -> None:
    """Qt caches every pixmap a label or icon draws, under a key no later page can ask for:
    what a deleted page drew goes with the memory released after a page change."""
    assert QPixmapCache.cacheLimit() == PIXMAP_CACHE_KB
    stale = QPixmap(64, 64)
    assert QPixmapCache.insert("test:a page that has gone", stale)
    del stale
    shell.nav.home()
    shell.host.finish_transition()
    assert QPixmapCache.find("test:a page that has gone") is not None, "not at once"
    qtbot.waitUntil(
        lambda: QPixmapCache.find("test:a page that has gone") is None,
        timeout=RELEASE_MEMORY_MS + 2000,
    )
    assert shell.nav.current == HOME


def test_the_attract_loop_lets_its_pictures_go_when_a_visitor_touches(
    qtbot: QtBot, shell: Shell
) -> None:
    """The attract page and its slide art refer to each other: its full-screen pictures are let
    go when it leaves, not at Python's next full collection (25 MB at 1080p)."""
    page = shell.host.page
    assert isinstance(page, AttractPage)
    qtbot.waitUntil(lambda: bool(page._pictures) and not page._bg.isNull())
    shell.nav.home()
    shell.host.finish_transition()
    assert page._pictures == {} and page._bg.isNull()


def test_between_slides_the_attract_loop_keeps_only_the_one_on_screen(
    qtbot: QtBot, shell: Shell
) -> None:
    page = shell.host.page
    assert isinstance(page, AttractPage)
    page.advance()
    assert sorted(page._pictures) == [0, 1], "both while they cross-fade"
    qtbot.waitUntil(lambda: page._anim.state() == QVariantAnimation.State.Stopped, timeout=5000)
    assert list(page._pictures) == [1]


def test_the_pages_background_goes_while_the_attract_loop_waits(qtbot: QtBot, shell: Shell) -> None:
    """A full-screen pixmap (7 MB at 1080p) the attract loop does not draw."""
    shell.nav.home()
    shell.host.finish_transition()
    qtbot.waitUntil(lambda: pages_base._background is not None)  # Home is painted with it
    shell.stage.release_memory()
    assert pages_base._background is not None, "kept while pages are on screen"
    shell.reset()
    shell.host.finish_transition()
    qtbot.waitUntil(lambda: pages_base._background is None, timeout=RELEASE_MEMORY_MS + 2000)


def test_the_idle_reset_keeps_only_the_tile_layouts_of_the_next_visitors_language(
    qtbot: QtBot, shell: Shell
) -> None:
    """A figure tile's layout (about 7.5 kB) is shared by every tile
    that shows it; after a visit, those of the languages and sizes the next visitor does not
    start in go with the rest of the visit's memory."""
    wall = next(r for r in all_routes(shell.session.content) if r.page == "theme")
    shell.session.set_language("en")
    shell.nav.go(wall)
    shell.host.finish_transition()
    qtbot.waitUntil(lambda: not shell.host.page.building and _tile_langs() >= {"en"})
    shell.reset()
    shell.host.finish_transition()
    assert shell.session.lang == "zh"
    qtbot.waitUntil(lambda: "en" not in _tile_langs(), timeout=RELEASE_MEMORY_MS + 3000)
    shell.nav.go(wall)
    shell.host.finish_transition()
    qtbot.waitUntil(lambda: not shell.host.page.building and _tile_langs() == {"zh"})


def _tile_langs() -> set[str]:
    return {text.lang for text, *_ in tile_module._layouts}


def test_a_tile_layout_keeps_its_back_face_text_laid_out_only_once_drawn(qtbot: QtBot) -> None:
    """Four of a tile layout's five paragraphs are its back faces' (seen only after a flip):
    they keep their measurements, not their laid-out text, until first drawn; drawn, they give
    the same pixels as text laid out at once."""
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.figures.layout import Paragraph, TileComposer, TileText

    text = TileText("en", "", "218", "", "patents", "Invention patents per 10,000 people", "Source")
    laid = TileComposer(text, QApplication.font(), 1.0).layout(420)
    backs = [p for b in laid.backs for p in (b.source, b.caption)]
    assert all(p._layout is None for p in backs)
    assert laid.front.caption._layout is not None  # drawn at every frame of a count-up
    kept = Paragraph(backs[0].text, backs[0].font, backs[0].wrap_width)
    assert (kept.width, kept.height) == (backs[0].width, backs[0].height)
    pictures = []
    for paragraph in (kept, backs[0]):
        image = QImage(440, 200, QImage.Format.Format_RGB32)
        image.fill(0)
        painter = QPainter(image)
        paragraph.draw(painter, 10, 10, "#FFFFFF")
        painter.end()
        pictures.append(image)
    assert pictures[0] == pictures[1]
    assert backs[0]._layout is not None  # laid out once drawn, and kept
