"""Compare freshly rendered screens with an earlier render: which changed, which are new, which
are gone, and where on the screen the change is."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

#: A pixel differs when one of its channels differs by more than this (0–255): anti-aliasing
#: and colour rounding stay below it.
CHANNEL_THRESHOLD = 32
#: A screen changed when more than this share of its pixels differ (1/20000: about 100 pixels of
#: a full-HD screen, a few letters).
MIN_SHARE = 0.00005
#: Differing rows closer than this are outlined as one region.
BAND_GAP = 24
#: The folder of ``changes.html``'s outlined images, inside the output folder.
CHANGES_DIR = "changes"

Box = tuple[int, int, int, int]  # x, y, width, height


@dataclass(frozen=True)
class Difference:
    """How one screen's new image differs from its old one."""

    name: str
    share: float
    boxes: tuple[Box, ...]


@dataclass
class Comparison:
    """The outcome of comparing a render with an earlier one (file names, sorted)."""

    old_dir: Path
    changed: list[Difference] = field(default_factory=list)
    new: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    unchanged: int = 0

    def status(self, name: str) -> str | None:
        """``changed``, ``new`` or None for the file *name*."""
        if name in self.new:
            return "new"
        if any(d.name == name for d in self.changed):
            return "changed"
        return None

    def summary(self) -> str:
        """One line with the counts."""
        return (
            f"compared with {self.old_dir}: {len(self.changed)} changed, {len(self.new)} new, "
            f"{len(self.missing)} missing, {self.unchanged} unchanged images"
        )

    def lines(self) -> list[str]:
        """``changed: NAME (share)``, ``new: NAME`` and ``missing: NAME`` lines, then the counts."""
        out = [f"changed: {d.name} ({d.share:.2%} of its pixels)" for d in self.changed]
        out += [f"new: {name}" for name in self.new]
        out += [f"missing: {name}" for name in self.missing]
        return [*out, self.summary()]


def differing(
    old: QImage, new: QImage, threshold: int = CHANNEL_THRESHOLD
) -> tuple[int, tuple[Box, ...]]:
    """The number of pixels of *new* that differ from *old*, and boxes around where they are.

    Images of different sizes differ everywhere.
    """
    from PySide6.QtGui import QImage, QPainter

    if old.size() != new.size() or old.isNull() or new.isNull():
        # An image Qt could not read back is a null one: say it changed.
        return max(1, new.width() * new.height()), ((0, 0, new.width(), new.height()),)
    width, height = new.width(), new.height()
    diff = old.convertToFormat(QImage.Format.Format_RGB32)
    painter = QPainter(diff)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Difference)
    painter.drawImage(0, 0, new.convertToFormat(QImage.Format.Format_RGB32))
    painter.end()
    data = bytes(diff.constBits())[: width * height * 4]
    over = bytes(1 if v > threshold else 0 for v in range(256))
    # One byte per pixel: 1 where its blue, green or red channel differs by more than threshold.
    bits = 0
    for channel in range(3):
        bits |= int.from_bytes(data[channel::4].translate(over), "big")
    count = bits.bit_count()
    if not count:
        return 0, ()
    mask = bits.to_bytes(width * height, "big")
    return count, _boxes(mask, width, height)


def _boxes(mask: bytes, width: int, height: int) -> tuple[Box, ...]:
    """Boxes around bands of rows holding differing pixels (``mask`` has one byte per pixel)."""
    boxes: list[Box] = []
    band: list[int] | None = None  # top, bottom, left, right
    for y in range(height):
        row = mask[y * width : (y + 1) * width]
        left = row.find(1)
        if left < 0:
            continue
        right = row.rfind(1)
        if band is not None and y - band[1] <= BAND_GAP:
            band[1], band[2], band[3] = y, min(band[2], left), max(band[3], right)
            continue
        if band is not None:
            boxes.append((band[2], band[0], band[3] - band[2] + 1, band[1] - band[0] + 1))
        band = [y, y, left, right]
    if band is not None:
        boxes.append((band[2], band[0], band[3] - band[2] + 1, band[1] - band[0] + 1))
    return tuple(boxes)


def compare(
    names: Sequence[str], outdir: Path, old_dir: Path, in_scope: Callable[[str], bool]
) -> Comparison:
    """Compare each PNG *names* in *outdir* with the same name in *old_dir*.

    Old PNGs for which *in_scope* is true but that were not rendered now are missing (a render
    narrowed with ``--size`` or ``--only`` does not call the rest missing).
    """
    from PySide6.QtGui import QImageReader

    # A long page whole at 4K in large text is up to 300 MB as an image, past Qt's default limit
    # for reading one (256 MB): unread, it would be "changed" whatever it shows.
    limit = QImageReader.allocationLimit()
    QImageReader.setAllocationLimit(0)
    try:
        return _compare(names, outdir, old_dir, in_scope)
    finally:
        QImageReader.setAllocationLimit(limit)


def _compare(
    names: Sequence[str], outdir: Path, old_dir: Path, in_scope: Callable[[str], bool]
) -> Comparison:
    from PySide6.QtGui import QImage

    result = Comparison(old_dir)
    for name in sorted(names):
        old_path = old_dir / name
        if not old_path.is_file():
            result.new.append(name)
            continue
        new = QImage(str(outdir / name))
        count, boxes = differing(QImage(str(old_path)), new)
        share = count / max(1, new.width() * new.height())
        if count and share > MIN_SHARE:
            result.changed.append(Difference(name, share, boxes))
        else:
            result.unchanged += 1
    rendered = set(names)
    result.missing = sorted(
        p.name
        for p in old_dir.glob("*.png")
        if not p.name.startswith("index") and p.name not in rendered and in_scope(p.name)
    )
    return result


def changes_page(result: Comparison, outdir: Path) -> Path:
    """``changes.html``: each changed screen old and new side by side, the change outlined."""
    from kiosk.ui.tokens import THEME

    palette = THEME.palette
    folder = outdir / CHANGES_DIR
    folder.mkdir(exist_ok=True)
    for stale in folder.glob("*.png"):
        stale.unlink()
    parts = [f"<p>{html.escape(result.summary())}. <a href='index.html'>All screens</a></p>"]
    for diff in result.changed:
        stem = Path(diff.name).stem
        before, now = f"{CHANGES_DIR}/{stem}-old.png", f"{CHANGES_DIR}/{stem}-new.png"
        _outlined(result.old_dir / diff.name, diff.boxes, outdir / before)
        _outlined(outdir / diff.name, diff.boxes, outdir / now)
        parts.append(
            f"<h2 id='{html.escape(stem)}'>{html.escape(diff.name)} "
            f"<small>({diff.share:.2%} of its pixels)</small></h2><div class=pair>"
            f"<figure><a href='{before}'><img src='{before}'>"
            "</a><figcaption>before</figcaption></figure>"
            f"<figure><a href='{now}'><img src='{now}'>"
            "</a><figcaption>now</figcaption></figure></div>"
        )
    if result.new:
        items = "".join(
            f"<li><a href='{html.escape(n)}'>{html.escape(n)}</a></li>" for n in result.new
        )
        parts.append(f"<h2>New</h2><ul>{items}</ul>")
    if result.missing:
        items = "".join(f"<li>{html.escape(n)}</li>" for n in result.missing)
        parts.append(f"<h2>Missing (rendered before, not now)</h2><ul>{items}</ul>")
    out = outdir / "changes.html"
    out.write_text(
        "<!doctype html><meta charset=utf-8><title>kiosk proof sheets: changes</title>"
        f"<style>body{{background:{palette.background_deep};color:{palette.text};"
        f"font:14px sans-serif;margin:24px}}a{{color:{palette.accent}}}"
        ".pair{display:flex;gap:16px}figure{margin:0;flex:1}img{width:100%}</style>"
        f"<h1>Changes</h1>{''.join(parts)}",
        encoding="utf-8",
    )
    return out


def _outlined(source: Path, boxes: Sequence[Box], out: Path) -> None:
    """A copy of *source* with each box outlined (a little outside it, so nothing is hidden)."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QImage, QPainter, QPen

    from kiosk.commands.sheets import mark_colours

    image = QImage(str(source)).convertToFormat(QImage.Format.Format_RGB32)
    painter = QPainter(image)
    painter.setPen(QPen(QColor(mark_colours()["changed"]), 4))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for x, y, w, h in boxes:
        painter.drawRect(QRect(x - 6, y - 6, w + 12, h + 12))
    painter.end()
    image.save(str(out))
