"""The start screen's picture: kept from one start's first frame, shown at the next start before
the kiosk is built, exactly as that frame was, and only when nothing it was painted from changed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.system.digest import folder_digest
from kiosk.ui.start_picture import NAME, StartPicture, start_key


class Window(QWidget):
    """A window that paints a gradient, as big as the screen (as the kiosk's window is)."""

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        screen = QApplication.primaryScreen()
        self.setGeometry(screen.geometry())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        gradient = QLinearGradient(0, 0, self.width(), self.height())
        gradient.setColorAt(0, QColor("#102040"))
        gradient.setColorAt(1, QColor("#e0a030"))
        painter.fillRect(QRectF(self.rect()), gradient)
        painter.end()


def _content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    (folder / "images").mkdir(parents=True)
    (folder / "forum.toml").write_text('name = "Forum"\n', encoding="utf-8")
    (folder / "images" / "hall.jpg").write_bytes(b"not really a photo")
    return folder


def _pictures() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.objectName() == "startPicture"]


def _window(qtbot: QtBot) -> Window:
    """The window, on screen."""
    window = Window()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _keep(tmp_path: Path, window: QWidget) -> None:
    """A start without a picture, which keeps *window*'s."""
    written = _show(tmp_path).hand_over(window)
    assert written is not None
    written.result(timeout=30)


def _show(tmp_path: Path, settings: str = "Settings()") -> StartPicture:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return StartPicture.show(app, tmp_path / "pictures", 0, settings, tmp_path / "content")


def _key(
    settings: str, content: Path, size: tuple[int, int], ratio: float, dpi: float
) -> str | None:
    """The start picture's key, the content folder read now."""
    return start_key(settings, content, folder_digest(content), size, ratio, dpi)


def test_the_key_follows_what_the_start_screen_is_painted_from(tmp_path: Path) -> None:
    content = _content(tmp_path)
    key = _key("Settings()", content, (1920, 1080), 1.0, 96.0)
    assert key is not None
    assert key == _key("Settings()", content, (1920, 1080), 1.0, 96.0), "the same every time"
    others = {
        _key("Settings(language='en')", content, (1920, 1080), 1.0, 96.0),
        _key("Settings()", content, (1080, 1920), 1.0, 96.0),
        _key("Settings()", content, (1920, 1080), 2.0, 96.0),
        _key("Settings()", content, (1920, 1080), 1.0, 120.0),
    }
    (content / "forum.toml").write_text('name = "Forum 2023"\n', encoding="utf-8")
    others.add(_key("Settings()", content, (1920, 1080), 1.0, 96.0))
    photo = content / "images" / "hall.jpg"
    os.utime(photo, ns=(photo.stat().st_atime_ns, photo.stat().st_mtime_ns + 10**9))
    others.add(_key("Settings()", content, (1920, 1080), 1.0, 96.0))
    assert key not in others and len(others) == 6, "each change has a key of its own"


def test_the_first_start_keeps_its_first_frame_and_the_next_shows_it_exactly(
    qtbot: QtBot, tmp_path: Path
) -> None:
    _content(tmp_path)
    window = _window(qtbot)
    first = _show(tmp_path)
    assert not first.shown and not _pictures(), "nothing kept yet: nothing shown"
    written = first.hand_over(window)
    assert written is not None
    written.result(timeout=30)
    files = list((tmp_path / "pictures").glob(f"{NAME}-*.pixels"))
    assert len(files) == 1, "the window's first frame is kept for the next start"

    again = _show(tmp_path)
    assert again.shown
    (picture,) = _pictures()
    assert picture.isVisible() and picture.isFullScreen()
    shown = picture.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    painted = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert shown == painted, "the picture is the window's first frame, pixel for pixel"
    assert again.hand_over(window) is None, "a picture shown is not kept again"
    qtbot.waitUntil(lambda: not _pictures(), timeout=5000)  # closed and deleted
    assert not again.shown
    assert [f.stat().st_mtime_ns for f in files] == [
        f.stat().st_mtime_ns for f in (tmp_path / "pictures").glob(f"{NAME}-*.pixels")
    ]


def test_other_settings_or_a_damaged_file_show_no_picture(qtbot: QtBot, tmp_path: Path) -> None:
    _content(tmp_path)
    window = _window(qtbot)
    _keep(tmp_path, window)
    other = _show(tmp_path, "Settings(language='en')")
    assert not other.shown and not _pictures(), "painted with other settings: not shown"
    (kept,) = (tmp_path / "pictures").glob(f"{NAME}-*.pixels")
    kept.write_bytes(kept.read_bytes()[:1000])
    damaged = _show(tmp_path)
    assert not damaged.shown and not _pictures(), "a damaged file: not shown"


def test_the_picture_takes_neither_focus_nor_a_cursor(qtbot: QtBot, tmp_path: Path) -> None:
    _content(tmp_path)
    window = _window(qtbot)
    _keep(tmp_path, window)
    shown = _show(tmp_path)
    (picture,) = _pictures()
    flags = picture.windowFlags()
    assert flags & Qt.WindowType.WindowDoesNotAcceptFocus
    assert flags & Qt.WindowType.FramelessWindowHint
    assert picture.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert picture.cursor().shape() == Qt.CursorShape.BlankCursor
    # (The offscreen platform gives the focus to every window it shows, whatever its flags: on
    # X11 the kiosk's window has it from its first frame on, the picture never.)
    assert not flags & Qt.WindowType.WindowStaysOnTopHint, "the kiosk's window opens over it"
    shown.hand_over(window)
    qtbot.waitUntil(lambda: not _pictures(), timeout=5000)


def test_a_window_not_the_screen_s_size_is_not_kept(qtbot: QtBot, tmp_path: Path) -> None:
    _content(tmp_path)
    window = Window()
    qtbot.addWidget(window)
    window.resize(window.width() // 2, window.height())
    window.show()
    qtbot.waitExposed(window)
    first = _show(tmp_path)
    assert first.hand_over(window) is None, "a picture of another size would never be shown"
    assert not list(tmp_path.rglob("*.pixels"))


def test_a_cache_folder_that_cannot_be_written_is_not_grabbed_for(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The window's grab (10-30 ms at 4K) is not taken for a write that would fail: once a
    start, a line in the log says why."""
    _content(tmp_path)
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    window = _window(qtbot)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    folder = tmp_path / "file" / "pictures"
    first = StartPicture.show(app, folder, 0, "Settings()", tmp_path / "content")
    grabs: list[bool] = []
    window.grab = lambda *args: grabs.append(True)  # type: ignore[method-assign,assignment,return-value]
    with caplog.at_level("WARNING", logger="kiosk.start"):
        assert first.hand_over(window) is None
    assert grabs == []
    assert [r.getMessage() for r in caplog.records] == [
        f"the start screen's picture is not kept: {folder} cannot be written"
    ]
