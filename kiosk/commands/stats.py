"""``kiosk stats``: what visitors did, from the local statistics database.

Importing it loads no Qt. The text report (kiosk/commands/stats_text.py) reads its labels from
the translation (QtCore only), the CSV needs no Qt, and the heatmap renders the Home screen
offscreen, exactly as ``kiosk render`` does, and draws the touches over it.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.commands.stats_text import write_text
from kiosk.content import Lang
from kiosk.model.analytics import GRID_COLUMNS, GRID_ROWS, AnalyticsStore
from kiosk.model.report import (
    Report,
    build_report,
    parse_since,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QColor, QImage

# --- CSV --------------------------------------------------------------------------------------

CSV_COLUMNS = ("day", "screen", "lang", "views", "dwell_s", "average_dwell_s")


def write_csv(report: Report, path: Path) -> int:
    """One row per day, screen and language; returns the number of rows."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(CSV_COLUMNS)
        for day, route, lang, views, dwell in report.rows:
            average = dwell / 1000 / views if views else 0.0
            writer.writerow([day, route, lang, views, f"{dwell / 1000:.1f}", f"{average:.1f}"])
    return len(report.rows)


# --- heatmap ----------------------------------------------------------------------------------

#: The Home screen the touches are drawn over (the kiosk's design size).
HEATMAP_SIZE = (1920, 1080)


def ensure_application() -> None:
    """A QApplication with the bundled fonts (offscreen when no platform is chosen)."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is not None:
        return
    if "QT_QPA_PLATFORM" not in os.environ:
        # The offscreen screen is 800×800 by default: make it as big as the screenshot.
        spec = {"name": "stats", "x": 0, "y": 0, "width": 3840, "height": 2160, "dpr": 1}
        config = Path(tempfile.gettempdir()) / "kiosk-stats-offscreen.json"
        config.write_text(json.dumps({"screens": [spec]}), encoding="utf-8")
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    from kiosk.app import create_application

    create_application("kiosk-stats")


def home_screenshot(
    size: tuple[int, int] = HEATMAP_SIZE, lang: str = "zh", content_dir: Path | None = None
) -> QImage:
    """The Home screen at *size*, rendered offscreen like ``kiosk render`` does."""
    ensure_application()
    from PySide6.QtCore import QCoreApplication, QEvent

    from kiosk.app import load_content
    from kiosk.model.session import Session
    from kiosk.model.settings import Settings
    from kiosk.ui.shell import Shell

    settings = Settings.defaults().replace(language=lang, transition_ms=150)
    shell = Shell(Session(load_content(content_dir), settings), kiosk_mode=False, animate=False)
    try:
        shell.resize(*size)
        shell.show()
        shell.nav.home()
        shell.host.finish_transition()
        QCoreApplication.processEvents()
        return shell.grab().toImage()
    finally:
        shell.allow_close()
        shell.close()
        shell.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def render_heatmap(
    grid: Mapping[tuple[int, int], int],
    out: Path,
    base: QImage | None = None,
    caption: str = "",
) -> Path:
    """Draw the touch counts of *grid* over *base* (default: the Home screen) into PNG *out*.

    Each cell of the :data:`GRID_COLUMNS` × :data:`GRID_ROWS` grid gets a translucent heat colour
    (cyan for few touches, through gold, to coral for the most) and its count; a footer holds
    *caption* and the colour legend.
    """
    ensure_application()
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import (
        QColor,
        QFont,
        QImage,
        QLinearGradient,
        QPainter,
        QPen,
        QRadialGradient,
    )

    from kiosk.ui.strings import ui
    from kiosk.ui.tokens import RADII, SPACE, THEME, TYPE

    palette = THEME.palette

    if base is None:
        base = home_screenshot()
    width, height = base.width(), base.height()
    factor = min(width / HEATMAP_SIZE[0], height / HEATMAP_SIZE[1])

    def px(value: float) -> int:
        return max(1, round(value * factor))

    footer = px(150)
    image = QImage(width, height + footer, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(palette.background_deep))
    peak = max(grid.values(), default=0)

    # The heat layer: a soft round glow per cell, the busiest drawn last (on top).
    cell_w, cell_h = width / GRID_COLUMNS, height / GRID_ROWS
    heat = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    heat.fill(Qt.GlobalColor.transparent)
    glow = QPainter(heat)
    glow.setRenderHint(QPainter.RenderHint.Antialiasing)
    glow.setPen(Qt.PenStyle.NoPen)
    radius = 0.85 * max(cell_w, cell_h)
    for (gx, gy), count in sorted(grid.items(), key=lambda item: item[1]):
        if count <= 0 or not (0 <= gx < GRID_COLUMNS and 0 <= gy < GRID_ROWS):
            continue
        centre = QPointF((gx + 0.5) * cell_w, (gy + 0.5) * cell_h)
        colour = heat_colour(count / peak)
        edge = QColor(colour)
        edge.setAlphaF(0.0)
        middle = QColor(colour)
        middle.setAlphaF(colour.alphaF() * 0.6)
        gradient = QRadialGradient(centre, radius)
        gradient.setColorAt(0.0, colour)
        gradient.setColorAt(0.5, middle)
        gradient.setColorAt(1.0, edge)
        glow.setBrush(gradient)
        glow.drawEllipse(centre, radius, radius)
    glow.end()

    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.drawImage(0, 0, base)
    dim = QColor(palette.background_deep)
    dim.setAlphaF(0.55)
    painter.fillRect(QRectF(0, 0, width, height), dim)
    painter.drawImage(0, 0, heat)

    line = QColor(palette.text)
    line.setAlphaF(0.12)
    painter.setPen(QPen(line, 1))
    for gx in range(1, GRID_COLUMNS):
        painter.drawLine(QPointF(gx * cell_w, 0), QPointF(gx * cell_w, height))
    for gy in range(1, GRID_ROWS):
        painter.drawLine(QPointF(0, gy * cell_h), QPointF(width, gy * cell_h))

    font = QFont(painter.font())
    font.setPixelSize(px(TYPE.caption))
    font.setBold(True)
    painter.setFont(font)
    shadow = QColor(palette.background_deep)
    shadow.setAlphaF(0.8)
    shown = max(1, round(peak * 0.02))  # quieter cells get their colour but no number
    for (gx, gy), count in grid.items():
        if count < shown:
            continue
        rect = QRectF(gx * cell_w, gy * cell_h, cell_w, cell_h)
        painter.setPen(shadow)
        painter.drawText(
            rect.translated(px(1.5), px(1.5)), Qt.AlignmentFlag.AlignCenter, f"{count:,}"
        )
        painter.setPen(QColor(palette.text))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"{count:,}")

    # Footer: caption on the left, the legend on the right.
    painter.fillRect(QRectF(0, height, width, footer), QColor(palette.background_deep))
    painter.setPen(QPen(QColor(palette.outline), px(2)))
    painter.drawLine(QPointF(0, height + px(1)), QPointF(width, height + px(1)))
    pad = px(SPACE.l)
    legend_w = px(520)
    title_font = QFont(font)
    title_font.setPixelSize(px(TYPE.lead))
    painter.setFont(title_font)
    painter.setPen(QColor(palette.text))
    text_rect = QRectF(pad, height + pad / 2, width - legend_w - 3 * pad, footer - pad)
    lines = caption.split("\n", 1)
    painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, lines[0])
    if len(lines) > 1:
        small = QFont(font)
        small.setBold(False)
        painter.setFont(small)
        painter.setPen(QColor(palette.text_muted))
        painter.drawText(
            text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, lines[1]
        )
    bar = QRectF(width - pad - legend_w, height + footer / 2 - px(14), legend_w, px(28))
    ramp = QLinearGradient(bar.topLeft(), bar.topRight())
    for stop in (0.0, 0.25, 0.5, 0.75, 1.0):
        colour = heat_colour(max(stop, 0.02))
        colour.setAlphaF(1.0)
        ramp.setColorAt(stop, colour)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(ramp)
    painter.drawRoundedRect(bar, px(RADII.s) / 2, px(RADII.s) / 2)
    label_font = QFont(font)
    label_font.setBold(False)
    painter.setFont(label_font)
    painter.setPen(QColor(palette.text_muted))
    above = QRectF(bar.left(), bar.top() - px(40), bar.width(), px(36))
    below = QRectF(bar.left(), bar.bottom() + px(4), bar.width(), px(36))
    painter.drawText(above, Qt.AlignmentFlag.AlignHCenter, ui("stats.heatmap.legend", "en"))
    painter.drawText(below, Qt.AlignmentFlag.AlignLeft, "1")
    if peak > 1:
        painter.drawText(below, Qt.AlignmentFlag.AlignRight, f"{peak:,}")
    painter.end()

    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "PNG"):  # type: ignore[call-overload]  # the stub says bytes
        raise OSError(f"cannot write {out}")
    return out


def heat_colour(level: float) -> QColor:
    """The heat colour for *level* (0 to 1 of the busiest cell): cyan, gold, then coral.

    The square root spreads the few touches of quiet cells over more of the ramp.
    """
    from PySide6.QtGui import QColor

    from kiosk.ui.tokens import THEME

    palette = THEME.palette

    t = max(0.0, min(1.0, level)) ** 0.5
    stops = [QColor(palette.accent), QColor(palette.gold), QColor(palette.coral)]
    scaled = t * (len(stops) - 1)
    index = min(int(scaled), len(stops) - 2)
    frac = scaled - index
    a, b = stops[index], stops[index + 1]
    colour = QColor(
        round(a.red() + (b.red() - a.red()) * frac),
        round(a.green() + (b.green() - a.green()) * frac),
        round(a.blue() + (b.blue() - a.blue()) * frac),
    )
    colour.setAlphaF(0.3 + 0.55 * t)
    return colour


def heatmap_caption(report: Report, lang: Lang = "en") -> str:
    """Two lines for the heatmap's footer: the title in both languages, then *lang*."""
    from kiosk.ui.strings import both, ui

    days = [day for day, _ in report.days]
    span = days[0] if len(days) == 1 else f"{days[0]} – {days[-1]}" if days else "–"
    total = sum(report.grid.values())
    body = ui("stats.heatmap.body", lang, n=total, columns=GRID_COLUMNS, rows=GRID_ROWS)
    return f"{both('stats.heatmap.title', ' · ')}  {span}\n{body}"


# --- the command ------------------------------------------------------------------------------


def command_parser() -> argparse.ArgumentParser:
    """The arguments of ``kiosk stats``."""
    parser = argparse.ArgumentParser(
        prog="kiosk stats",
        description="Report what visitors did: sessions per day and hour, session length, top "
        "screens by views and dwell time, languages and accessibility modes.",
    )
    parser.add_argument("--since", help="first day: YYYY-MM-DD, 'today' or '7d' (default: all)")
    parser.add_argument("--csv", type=Path, help="write one row per day, screen and language")
    parser.add_argument("--heatmap", type=Path, help="draw the touches over Home into this PNG")
    parser.add_argument("--db", type=Path, help="statistics database (default: from the settings)")
    parser.add_argument("--config", type=Path, help="settings file (default: the platform's)")
    return parser


def stats_command(argv: Sequence[str]) -> int:
    """``kiosk stats [--since DATE] [--csv FILE] [--heatmap FILE.png] [--db FILE] [--config F]``."""
    import sys

    parser = command_parser()
    args = parser.parse_args(argv)
    since = None
    if args.since:
        try:
            since = parse_since(args.since)
        except ValueError as exc:
            parser.error(f"--since: {exc}")
    path = args.db
    if path is None:
        from kiosk.model.analytics import db_path
        from kiosk.model.settings import load_settings

        settings, _problems = load_settings(args.config)
        path = db_path(settings.analytics_db)
    from kiosk.model.analytics import AnalyticsError

    try:
        store = AnalyticsStore(path, create=False)
    except AnalyticsError as exc:
        print(exc, file=sys.stderr)
        return 1
    try:
        report = build_report(store, since)
    finally:
        store.close()
    write_text(report, sys.stdout, str(path))
    if args.csv:
        rows = write_csv(report, args.csv)
        print(f"\n{rows} screen rows written to {args.csv}")
    if args.heatmap:
        write_heatmap(report, args.heatmap)
        print(f"heatmap written to {args.heatmap}")
    return 0


def write_heatmap(report: Report, path: Path) -> None:
    """Draw *report*'s touches over the Home screen into the PNG *path*."""
    import logging

    qt_log = logging.getLogger("qt")
    level = qt_log.level
    qt_log.setLevel(logging.ERROR)  # the offscreen platform's notes are no news to a curator
    try:
        render_heatmap(report.grid, path, caption=heatmap_caption(report))
    finally:
        qt_log.setLevel(level)
