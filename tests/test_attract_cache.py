"""The attract loop's first picture, kept on disk: drawn exactly as painted, or painted anew."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.content import Content
from kiosk.model.session import Session
from kiosk.model.settings import Settings
from kiosk.ui.pages import attract_cache
from kiosk.ui.pages.attract import AttractPage
from kiosk.ui.pages.attract_slides import SlideArt
from kiosk.ui.shell import Shell


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[Path]:
    """The application names *tmp_path*/pictures as the picture cache (as the kiosk does)."""
    app = QApplication.instance()
    assert app is not None
    folder = tmp_path / "pictures"
    app.setProperty(attract_cache.PROPERTY, str(folder))
    yield folder
    app.setProperty(attract_cache.PROPERTY, None)


def _picture() -> QPixmap:
    pixmap = QPixmap(64, 48)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(30, 200, 90, 140))
    painter.drawEllipse(5, 5, 50, 30)
    painter.end()
    return pixmap


def test_a_kept_picture_comes_back_pixel_for_pixel(qtbot: QtBot, tmp_path: Path) -> None:
    picture = _picture()
    attract_cache.save(tmp_path, "p", "a" * 40, picture).result()
    kept = attract_cache.load(tmp_path, "p", "a" * 40, 64, 48)
    assert kept is not None
    assert kept == picture.toImage()
    assert kept.devicePixelRatio() == picture.devicePixelRatio()


def test_a_picture_read_back_stays_whole_when_its_file_is_kept_again(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The image is the file mapped into memory: keeping a new picture under the same name
    replaces the file, and the image read before still shows the old one."""
    old = _picture()
    attract_cache.save(tmp_path, "p", "a" * 40, old).result()
    kept = attract_cache.load(tmp_path, "p", "a" * 40, 64, 48)
    new = QPixmap(64, 48)
    new.fill(QColor(200, 10, 10))
    attract_cache.save(tmp_path, "p", "b" * 40, new).result()
    assert kept is not None and kept == old.toImage()
    again = attract_cache.load(tmp_path, "p", "b" * 40, 64, 48)
    assert again is not None and again == new.toImage()


def test_another_key_a_size_or_a_damaged_file_paints_anew(qtbot: QtBot, tmp_path: Path) -> None:
    attract_cache.save(tmp_path, "p", "a" * 40, _picture()).result()
    assert attract_cache.load(tmp_path, "p", "b" * 40, 64, 48) is None
    assert attract_cache.load(tmp_path, "p", "a" * 40, 64, 49) is None
    assert attract_cache.load(tmp_path / "none", "p", "a" * 40, 64, 48) is None
    path = next(tmp_path.iterdir())
    path.write_bytes(path.read_bytes()[:-10])
    assert attract_cache.load(tmp_path, "p", "a" * 40, 64, 48) is None


def test_the_key_follows_what_the_picture_is_painted_from() -> None:
    key = attract_cache.picture_key("slide", 1.0, (1920, 1080))
    assert key == attract_cache.picture_key("slide", 1.0, (1920, 1080))
    assert key != attract_cache.picture_key("slide", 1.0, (1366, 768))


def _attract(qtbot: QtBot, content: Content, high_contrast: bool = False) -> AttractPage:
    session = Session(content, Settings.defaults())
    session.set_mode("high_contrast", high_contrast)
    shell = Shell(session, kiosk_mode=False, animate=False)
    qtbot.addWidget(shell)
    shell.resize(960, 540)
    shell.show()
    qtbot.waitExposed(shell)
    page = shell.host.page
    assert isinstance(page, AttractPage)
    return page


def _frame(page: AttractPage) -> QImage:
    return page.grab().toImage()


def test_the_next_start_shows_the_same_first_frame_without_painting_the_slide(
    qtbot: QtBot, content: Content, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _attract(qtbot, content)
    painted = _frame(first)
    qtbot.waitUntil(lambda: len(list(cache.glob("*.pixels"))) == 2)  # slide and background

    def no_painting(*args: object) -> QPixmap:
        raise AssertionError("the first slide was painted again")

    monkeypatch.setattr(SlideArt, "paint", no_painting)
    monkeypatch.setattr(AttractPage, "_paint_background", no_painting)
    again = _attract(qtbot, content)
    assert _frame(again) == painted


def test_a_picture_of_other_modes_is_not_taken_for_this_one(
    qtbot: QtBot, content: Content, cache: Path
) -> None:
    _frame(_attract(qtbot, content))
    qtbot.waitUntil(lambda: len(list(cache.glob("*.pixels"))) == 2)
    contrast = _frame(_attract(qtbot, content, high_contrast=True))
    app = QApplication.instance()
    assert app is not None
    app.setProperty(attract_cache.PROPERTY, None)
    assert contrast == _frame(_attract(qtbot, content, high_contrast=True))


def test_without_a_cache_folder_nothing_is_written(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    page = _attract(qtbot, content)
    _frame(page)
    assert attract_cache.cache_folder() is None
    assert not list(tmp_path.iterdir())


def test_a_cache_folder_that_cannot_be_written_is_not_written_to(
    qtbot: QtBot, content: Content, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder under a file (or on a read-only disk) can hold no picture: none is sent to be
    written (each write failed, and was logged, at every start)."""
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    assert attract_cache.can_keep(tmp_path / "new" / "pictures"), "made when it is written"
    assert not attract_cache.can_keep(tmp_path / "file" / "pictures")
    app = QApplication.instance()
    assert app is not None
    app.setProperty(attract_cache.PROPERTY, str(tmp_path / "file" / "pictures"))
    saved: list[str] = []
    monkeypatch.setattr(attract_cache, "save", lambda folder, name, *rest: saved.append(name))
    try:
        _frame(_attract(qtbot, content))
    finally:
        app.setProperty(attract_cache.PROPERTY, None)
    assert saved == []
    app.setProperty(attract_cache.PROPERTY, str(tmp_path / "new" / "pictures"))
    try:
        _frame(_attract(qtbot, content))
        qtbot.waitUntil(lambda: len(saved) == 2)  # slide and background: the spy saw them
    finally:
        app.setProperty(attract_cache.PROPERTY, None)
