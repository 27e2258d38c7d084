"""Proof sheets: contact sheets grouped and named, and ``--compare`` finding what changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from kiosk.commands import cli
from kiosk.commands.compare import differing
from kiosk.commands.sheets import Shot, mark_colours, sheet_names, thumb_size

SMALL = ["--size", "640x360", "--only", "home", "--only", "about"]


def _render(out: Path, *extra: str) -> None:
    assert cli.main(["render", str(out), *SMALL, *extra]) == 0


def test_sheets_are_grouped_by_size_mode_and_language(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _render(tmp_path)
    names = {p.name for p in tmp_path.glob("*.png")}
    for lang in ("zh", "en"):
        assert {f"640x360-{lang}-home.png", f"640x360-{lang}-about.png"} <= names
    assert [n for n in names if n.startswith("index")] == ["index-640x360-normal.png"]
    assert "with 1 contact sheet and index.html" in capsys.readouterr().out
    sheet = QImage(str(tmp_path / "index-640x360-normal.png"))
    assert sheet.width() == 1920 and sheet.height() < 900, "two short rows, two headings"
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "index-640x360-normal.png" in page
    zh, en = page.index("640x360 · normal · zh"), page.index("640x360 · normal · en")
    assert zh < page.index("640x360-zh-about.png") < en < page.index("640x360-en-about.png")
    assert "changes.html" not in page


def test_a_sheet_too_tall_continues_on_the_next_one() -> None:
    def shots(width: int, height: int, modes: tuple[str, ...], count: int) -> list[Shot]:
        return [
            Shot(width, height, modes, lang, f"page/{i}", Path(f"{lang}{i}.png"))
            for lang in ("zh", "en")
            for i in range(count)
        ]

    few = shots(1920, 1080, (), 10) + shots(1920, 1080, ("high_contrast",), 10)
    assert sheet_names(few) == [
        "index-1920x1080-normal.png",
        "index-1920x1080-high_contrast.png",
    ]
    many = shots(1080, 1920, (), 120)
    assert sheet_names(many) == [
        "index-1080x1920-normal.png",
        "index-1080x1920-normal-2.png",
        "index-1080x1920-normal-3.png",
    ]


def test_a_thumbnail_is_the_whole_screen_with_no_empty_band() -> None:
    assert thumb_size(1920, 1080) == (288, 162)
    assert thumb_size(1080, 1920) == (202, 360)


def test_anti_aliasing_is_no_change() -> None:
    old = QImage(200, 100, QImage.Format.Format_RGB32)
    old.fill(QColor("#102030"))
    new = old.copy()
    new.setPixelColor(5, 5, QColor("#182838"))  # a shade off: under the channel threshold
    assert differing(old, new) == (0, ())
    painter = QPainter(new)
    painter.fillRect(QRect(40, 20, 30, 10), QColor("#FFFFFF"))
    painter.end()
    assert differing(old, new) == (300, ((40, 20, 30, 10),))


def test_compare_finds_what_changed_and_nothing_else(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before, same, after = tmp_path / "before", tmp_path / "same", tmp_path / "after"
    _render(before, "--lang", "en")
    _render(same, "--lang", "en", "--compare", str(before))
    out = capsys.readouterr().out
    assert "0 changed, 0 new, 0 missing, 4 unchanged images" in out
    assert "changed:" not in out and "new:" not in out

    # Plant a change, a screen that was not there before and one that is gone now.
    home = before / "640x360-en-home.png"
    image = QImage(str(home))
    painter = QPainter(image)
    painter.fillRect(QRect(300, 150, 40, 30), QColor("#FF00FF"))
    painter.end()
    image.save(str(home))
    (before / "640x360-en-about.png").unlink()
    (before / "640x360-en-about-full.png").unlink()
    image.save(str(before / "640x360-en-home--gone.png"))
    image.save(str(before / "640x360-zh-home.png"))  # another language: not rendered, not missing
    _render(after, "--lang", "en", "--compare", str(before))
    out = capsys.readouterr().out
    assert "changed: 640x360-en-home.png" in out
    assert "new: 640x360-en-about.png" in out
    assert "missing: 640x360-en-home--gone.png" in out
    assert "1 changed, 2 new, 1 missing, 1 unchanged images" in out

    changes = (after / "changes.html").read_text(encoding="utf-8")
    assert "changes/640x360-en-home-old.png" in changes
    assert "changes/640x360-en-home-new.png" in changes
    outlined = QImage(str(after / "changes" / "640x360-en-home-new.png"))
    assert outlined.pixelColor(300 - 6, 160) == QColor(mark_colours()["changed"])
    index = (after / "index.html").read_text(encoding="utf-8")
    assert "changes.html" in index and "<b>changed</b> home" in index

    sheet = QImage(str(after / "index-640x360-normal.png"))
    # The first cell (home) is outlined in the changed colour, the second (about) in the new one.
    tw, th = thumb_size(640, 360)
    from kiosk.commands import sheets

    top = sheets.MARGIN + sheets.TITLE_H + sheets.HEADING_H
    assert sheet.pixelColor(sheets.MARGIN - 1, top + th // 2) == QColor(mark_colours()["changed"])
    second = sheets.MARGIN + tw + sheets.GAP - 1
    assert sheet.pixelColor(second, top + th // 2) == QColor(mark_colours()["new"])
