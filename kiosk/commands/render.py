"""Proof sheets: render every screen offscreen to PNG, for editors to check before the expo."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QPixmap

    from kiosk.ui.shell import Shell

log = logging.getLogger("kiosk.render")

DEFAULT_SIZES = ((1920, 1080), (1366, 768), (1080, 1920), (3840, 2160))


def render(
    outdir: Path,
    sizes: Sequence[tuple[int, int]] = DEFAULT_SIZES,
    langs: Sequence[str] = ("zh", "en"),
    content_dir: Path | None = None,
    only: Sequence[str] = (),
    full: bool = True,
    modes: Sequence[str] = (),
) -> list[Path]:
    """Render every route (or those whose name starts with one of *only*) to *outdir*.

    With *full*, a page longer than the screen is also rendered whole (``…-full.png``), so an
    editor sees every line of it.
    """
    if "QT_QPA_PLATFORM" not in os.environ:
        screen = outdir / ".offscreen.json"
        outdir.mkdir(parents=True, exist_ok=True)
        big = max(max(w, h) for w, h in sizes)
        spec = {"name": "render", "x": 0, "y": 0, "width": big, "height": big, "dpr": 1}
        screen.write_text(json.dumps({"screens": [spec]}), encoding="utf-8")
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from kiosk.app import create_application, load_content
    from kiosk.commands.fit import quiet_qt
    from kiosk.model.routes import all_routes
    from kiosk.model.session import Session
    from kiosk.model.settings import Settings
    from kiosk.ui.shell import Shell

    quiet_qt()
    app = QApplication.instance() or create_application("kiosk-render")
    content = load_content(content_dir)
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    routes = [r for r in all_routes(content) if not only or str(r).startswith(tuple(only))]
    for width, height in sizes:
        for lang in langs:
            settings = Settings.defaults().replace(language=lang, transition_ms=150)
            session = Session(content, settings)
            # Proof sheets show every number at its final value.
            shell = Shell(session, kiosk_mode=False, animate=False)
            shell.resize(width, height)
            shell.show()
            for mode in modes:
                session.set_mode(mode, True)
            for route in routes:
                session.nav.show(route)
                shell.host.finish_transition()
                QCoreApplication.processEvents()
                tag = "".join(f"-{m}" for m in modes)
                name = f"{width}x{height}{tag}-{lang}-{str(route).replace('/', '--')}.png"
                path = outdir / name
                shell.grab().save(str(path))
                written.append(path)
                if full:
                    long = _full_length(shell)
                    if long is not None:
                        long_path = path.with_name(path.stem + "-full.png")
                        long.save(str(long_path))
                        written.append(long_path)
            shell.allow_close()
            shell.close()
            shell.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    del app
    screens = [p for p in written if not p.stem.endswith("-full")]
    written.append(contact_sheet(screens, outdir / "index.png"))
    written.append(index_page(written, outdir / "index.html"))
    return written


def contact_sheet(paths: Sequence[Path], out: Path, columns: int = 6, thumb: int = 420) -> Path:
    """One PNG with a labelled thumbnail of every screen."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    from kiosk.ui.tokens import THEME

    palette = THEME.palette

    label_h = 28
    cells = []
    for path in paths:
        image = QImage(str(path))
        if not image.isNull():
            cells.append(
                (
                    path.stem,
                    image.scaled(
                        thumb,
                        thumb,
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    ),
                )
            )
    rows = max(1, -(-len(cells) // columns))
    sheet = QImage(
        columns * (thumb + 16) + 16, rows * (thumb + label_h + 16) + 16, QImage.Format.Format_RGB32
    )
    sheet.fill(QColor(palette.background_deep))
    painter = QPainter(sheet)
    font = QFont()
    font.setPixelSize(14)
    painter.setFont(font)
    for i, (name, image) in enumerate(cells):
        x = 16 + (i % columns) * (thumb + 16)
        y = 16 + (i // columns) * (thumb + label_h + 16)
        painter.drawImage(x, y, image)
        painter.setPen(QColor(palette.text))
        painter.drawText(
            QRect(x, y + thumb + 4, thumb, label_h), int(Qt.AlignmentFlag.AlignLeft), name
        )
    painter.end()
    sheet.save(str(out))
    return out


def index_page(paths: Sequence[Path], out: Path) -> Path:
    """An HTML page linking every rendered screen, for a browser on the editor's machine."""
    from kiosk.ui.tokens import THEME

    palette = THEME.palette

    items = "\n".join(
        f'<figure><a href="{p.name}"><img src="{p.name}" loading="lazy"></a>'
        f"<figcaption>{p.stem}</figcaption></figure>"
        for p in paths
        if p.suffix == ".png" and p.name != "index.png"
    )
    out.write_text(
        "<!doctype html><meta charset=utf-8><title>kiosk proof sheets</title>"
        f"<style>body{{background:{palette.background_deep};color:{palette.text};"
        "font:14px sans-serif}"
        "figure{display:inline-block;margin:8px;width:400px}img{width:400px}</style>"
        f"<h1>kiosk proof sheets</h1>{items}",
        encoding="utf-8",
    )
    return out


def _full_length(shell: Shell) -> QPixmap | None:
    """The whole scrolling content of the shell's page, or None for a page that fits."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QColor, QPixmap, QRegion
    from PySide6.QtWidgets import QWidget

    from kiosk.ui.pages.base import ScrollPage

    page = shell.host.page
    if not isinstance(page, ScrollPage):
        return None
    inner = page.scroll_area.widget()
    if inner is None or inner.height() <= page.scroll_area.viewport().height():
        return None
    pixmap = QPixmap(inner.size())
    pixmap.fill(QColor(shell.theme.palette.background))
    inner.render(pixmap, QPoint(), QRegion(), QWidget.RenderFlag.DrawChildren)
    return pixmap
