"""Contact sheets of rendered screens: grouped by size, mode and language, one sheet per size and
mode (split when it would be too tall), each screen named under its cell."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

#: The width a sheet aims at (a full-HD monitor shows it without scrolling sideways).
SHEET_WIDTH = 1920
#: A sheet taller than this continues on the next one (``index-…-2.png``).
MAX_SHEET_HEIGHT = 6000
#: The thumbnail of a landscape screen is this wide; a portrait one is ``PORTRAIT_THUMB`` tall.
LANDSCAPE_THUMB = 288
PORTRAIT_THUMB = 360
MARGIN = 24
GAP = 16
LABEL_H = 24
HEADING_H = 48
TITLE_H = 56


def mark_colours() -> dict[str, str]:
    """How a cell of a screen that changed (or is new) since the compared folder is marked."""
    from kiosk.ui.tokens import THEME

    return {"changed": THEME.palette.coral, "new": THEME.palette.gold}


@dataclass(frozen=True)
class Shot:
    """One rendered screen: where and how it was rendered, and its files."""

    width: int
    height: int
    modes: tuple[str, ...]
    lang: str
    route: str
    path: Path
    full: Path | None = None

    @property
    def size(self) -> str:
        """``1920x1080``."""
        return f"{self.width}x{self.height}"

    @property
    def mode(self) -> str:
        """``normal``, or the accessibility modes on, joined by ``-`` (as in the file names)."""
        return "-".join(self.modes) or "normal"

    @property
    def sheet_key(self) -> tuple[int, int, tuple[str, ...]]:
        """Screens with the same key share a sheet."""
        return (self.width, self.height, self.modes)

    @property
    def group(self) -> str:
        """The heading of this screen's group: ``1920x1080 · normal · zh``."""
        return f"{self.size} · {self.mode} · {self.lang}"

    @property
    def files(self) -> tuple[Path, ...]:
        """The screen's PNG and, for a long page, its whole length."""
        return (self.path,) if self.full is None else (self.path, self.full)


def file_stem(width: int, height: int, modes: Sequence[str], lang: str, route: str) -> str:
    """The name (without ``.png``) of a screen's file: ``1920x1080-zh-theme--frontier``."""
    tag = "".join(f"-{m}" for m in modes)
    return f"{width}x{height}{tag}-{lang}-{route.replace('/', '--')}"


def thumb_size(width: int, height: int) -> tuple[int, int]:
    """The thumbnail of a screen: the whole screen scaled, with no empty band around it."""
    if width >= height:
        return LANDSCAPE_THUMB, round(LANDSCAPE_THUMB * height / width)
    return round(PORTRAIT_THUMB * width / height), PORTRAIT_THUMB


@dataclass(frozen=True)
class _Block:
    """A heading (``shots`` empty) or one row of cells on a sheet."""

    heading: str
    shots: tuple[Shot, ...] = ()


def _layout(shots: Sequence[Shot], columns: int, row_h: int, limit: int) -> list[list[_Block]]:
    """Split one sheet's shots into pages of headings and rows, no page taller than *limit*."""
    pages: list[list[_Block]] = [[]]
    used = MARGIN + TITLE_H
    for heading, members in groupby(shots, key=lambda s: s.group):
        cells = list(members)
        rows = [tuple(cells[i : i + columns]) for i in range(0, len(cells), columns)]
        label = f"{heading}  ({len(cells)} screens)"
        for index, row in enumerate(rows):
            need = row_h + (HEADING_H if index == 0 else 0)
            if used + need + MARGIN > limit and pages[-1]:
                pages.append([])
                used = MARGIN + TITLE_H
            if index == 0 or not pages[-1]:
                pages[-1].append(_Block(label if index == 0 else f"{label}, continued"))
                used += HEADING_H
            pages[-1].append(_Block(heading, row))
            used += row_h
    return pages


def sheet_names(shots: Sequence[Shot]) -> list[str]:
    """The file names the sheets of *shots* get (see :func:`contact_sheets`), without drawing."""
    names = []
    for group in _sheets(shots):
        base = f"index-{group[0].size}-{group[0].mode}"
        names += [base + (f"-{n + 1}" if n else "") + ".png" for n in range(len(_pages(group)))]
    return names


def _sheets(shots: Sequence[Shot]) -> list[list[Shot]]:
    """The shots of each sheet, sheets in the order first rendered, shots in rendering order."""
    keys = list(dict.fromkeys(s.sheet_key for s in shots))
    ordered = sorted(shots, key=lambda s: keys.index(s.sheet_key))
    return [list(members) for _key, members in groupby(ordered, key=lambda s: s.sheet_key)]


def _pages(group: Sequence[Shot]) -> list[list[_Block]]:
    tw, th = thumb_size(group[0].width, group[0].height)
    columns = max(1, (SHEET_WIDTH - 2 * MARGIN + GAP) // (tw + GAP))
    return _layout(group, columns, th + LABEL_H + GAP, MAX_SHEET_HEIGHT)


def contact_sheets(
    shots: Sequence[Shot], outdir: Path, marks: Mapping[str, str] | None = None
) -> list[Path]:
    """Draw one sheet per size and mode (more when one would be too tall) into *outdir*.

    Within a sheet the screens keep their rendering order (language, then route). *marks* maps
    a screen's file name to ``changed`` or ``new``: its cell is outlined and its label says so.
    """
    marks = marks or {}
    for stale in outdir.glob("index-*.png"):
        stale.unlink()
    written = []
    names = iter(sheet_names(shots))
    for group in _sheets(shots):
        for page in _pages(group):
            out = outdir / next(names)
            _draw(group[0], page, out, marks)
            written.append(out)
    return written


def _draw(first: Shot, page: Sequence[_Block], out: Path, marks: Mapping[str, str]) -> None:
    """Draw one sheet: a title, then each block (heading or row of cells) under the last."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

    from kiosk.ui.tokens import THEME

    palette = THEME.palette
    tw, th = thumb_size(first.width, first.height)
    row_h = th + LABEL_H + GAP
    height = MARGIN + TITLE_H + MARGIN
    height += sum(HEADING_H if not b.shots else row_h for b in page)
    sheet = QImage(SHEET_WIDTH, height, QImage.Format.Format_RGB32)
    sheet.fill(QColor(palette.background_deep))
    painter = QPainter(sheet)
    title = QFont()
    title.setPixelSize(28)
    title.setBold(True)
    heading = QFont()
    heading.setPixelSize(20)
    heading.setBold(True)
    label = QFont()
    label.setPixelSize(14)
    painter.setFont(title)
    painter.setPen(QColor(palette.text))
    painter.drawText(
        QRect(MARGIN, MARGIN, SHEET_WIDTH - 2 * MARGIN, TITLE_H),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
        f"kiosk proof sheet · {first.size} · {first.mode}",
    )
    y = MARGIN + TITLE_H
    for block in page:
        if not block.shots:
            painter.setFont(heading)
            painter.setPen(QColor(palette.accent))
            painter.drawText(
                QRect(MARGIN, y, SHEET_WIDTH - 2 * MARGIN, HEADING_H),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                block.heading,
            )
            y += HEADING_H
            continue
        painter.setFont(label)
        for column, shot in enumerate(block.shots):
            x = MARGIN + column * (tw + GAP)
            image = QImage(str(shot.path))
            if not image.isNull():
                painter.drawImage(
                    QRect(x, y, tw, th),
                    image.scaled(
                        tw,
                        th,
                        Qt.AspectRatioMode.IgnoreAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    ),
                )
            mark = marks.get(shot.path.name)
            colour = QColor(mark_colours()[mark] if mark else palette.outline)
            painter.setPen(QPen(colour, 4 if mark else 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            inset = 2 if mark else 0
            painter.drawRect(QRect(x - inset, y - inset, tw + 2 * inset - 1, th + 2 * inset - 1))
            painter.setPen(colour if mark else QColor(palette.text))
            text = f"{mark.upper()}: {shot.route}" if mark else shot.route
            elided = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideMiddle, tw)
            painter.drawText(
                QRect(x, y + th + 2, tw, LABEL_H - 2),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                elided,
            )
        y += row_h
    painter.end()
    sheet.save(str(out))
